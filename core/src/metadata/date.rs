//! Dates: machine-readable values (ISO 8601, RFC 2822, compact forms) and dates written for
//! people ("February 27, 2025 2:07 PM", "27.02.2025", "27 févr. 2025", "2025年2月27日",
//! "vor 3 Tagen"), checked against a range and written back as ISO 8601.
//!
//! Civil-date validity and arithmetic come from `jiff` (no time-zone database is needed:
//! offsets are kept as written, never converted, so the calendar day a page shows is the day
//! reported).

use std::borrow::Cow;
use std::sync::LazyLock;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::options::Options;
use crate::patterns::FastMap;

/// The earliest date accepted when the caller does not say: the web before 1995 had few
/// dated articles, and earlier values are nearly always placeholders (`1970-01-01`).
const DEFAULT_EARLIEST: (i16, i8, i8) = (1995, 1, 1);
/// Characters of free text scanned for a date, at most (the tokenizer is linear; this keeps
/// a 5 MB text node cheap).
const MAX_TEXT_SCAN_CHARS: usize = 400;
/// Two-digit years are read as 20YY only up to this value (`27.02.25` → 2025).
const MAX_TWO_DIGIT_YEAR: u32 = 69;

/// A date with its time and UTC offset when the page gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The calendar day, as written (never converted to UTC).
    pub date: Date,
    /// Hour, minute, second.
    pub time: Option<(u8, u8, u8)>,
    /// Minutes east of UTC; `Some(0)` for `Z`.
    pub offset: Option<i32>,
}

impl Stamp {
    fn day(date: Date) -> Stamp {
        Stamp {
            date,
            time: None,
            offset: None,
        }
    }

    /// ISO 8601: `2025-02-27`, `2025-02-27T14:07:00`, `2025-02-27T12:07:00+00:00`.
    pub(crate) fn iso(&self) -> String {
        let d = self.date;
        let mut s = format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        if let Some((h, m, sec)) = self.time {
            s.push_str(&format!("T{h:02}:{m:02}:{sec:02}"));
            if let Some(off) = self.offset {
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.unsigned_abs();
                s.push_str(&format!("{sign}{:02}:{:02}", a / 60, a % 60));
            }
        }
        s
    }
}

/// The accepted range of dates and the anchor for relative ones.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    /// Earliest accepted day.
    pub earliest: Date,
    /// Latest accepted day (the reference date, or today plus one day for time zones).
    pub latest: Date,
    /// The caller's reference date: relative dates are read only when it is set.
    pub reference: Option<Date>,
}

impl Bounds {
    /// From the options: `earliest_date` (default 1995-01-01), `reference_date` (default
    /// today, read from the system clock).
    pub(crate) fn from_options(opts: &Options) -> Bounds {
        let earliest = opts
            .earliest_date
            .as_deref()
            .and_then(parse_ymd_date)
            .unwrap_or_else(|| {
                let (y, m, d) = DEFAULT_EARLIEST;
                Date::new(y, m, d).unwrap_or(Date::MIN)
            });
        let reference = opts.reference_date.as_deref().and_then(parse_ymd_date);
        let latest = match reference {
            Some(r) => r,
            None => today().saturating_add(1.day()),
        };
        Bounds {
            earliest,
            latest,
            reference,
        }
    }

    /// `true` when `d` is within the range.
    pub(crate) fn accepts(&self, d: Date) -> bool {
        d >= self.earliest && d <= self.latest
    }

    /// `s` when its day is within the range.
    pub(crate) fn check(&self, s: Stamp) -> Option<Stamp> {
        self.accepts(s.date).then_some(s)
    }
}

/// Today in UTC, from the system clock.
fn today() -> Date {
    jiff::tz::Offset::UTC
        .to_datetime(jiff::Timestamp::now())
        .date()
}

/// Parses `YYYY-MM-DD` (exactly) into `(year, month, day)` when it is a real calendar date.
pub(crate) fn parse_ymd(s: &str) -> Option<(i32, u32, u32)> {
    let d = parse_ymd_date(s)?;
    Some((i32::from(d.year()), d.month() as u32, d.day() as u32))
}

fn parse_ymd_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let mut parts = s.splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    make_date(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A real calendar date, or `None`.
fn make_date(y: u32, m: u32, d: u32) -> Option<Date> {
    if !(1000..=9999).contains(&y) {
        return None;
    }
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

// ---------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------

/// A piece of text: a number, a word (lower-cased), or one other character.
#[derive(Debug, Clone, PartialEq)]
enum Tok<'a> {
    /// Digits: value and digit count.
    Num(u32, u8),
    /// Letters, lower-cased (a trailing `.` is a separate token); borrowed from the text
    /// when it is lower-case ASCII already.
    Word(Cow<'a, str>),
    /// Any other non-space character.
    Sep(char),
    /// A run of whitespace.
    Space,
}

/// CJK date markers, read as words.
fn is_cjk_marker(c: char) -> bool {
    matches!(
        c,
        '年' | '月' | '日' | '년' | '월' | '일' | '时' | '時' | '分'
    )
}

/// Tokens of the first `max_chars` characters of `s`.
fn tokenize_n(s: &str, max_chars: usize) -> Vec<Tok<'_>> {
    let mut out = Vec::new();
    let mut chars = s.char_indices().take(max_chars).peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_ascii_digit() {
            let mut v: u32 = c.to_digit(10).unwrap_or(0);
            let mut n: u8 = 1;
            while let Some(&(_, d)) = chars.peek() {
                let Some(dv) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                v = v.saturating_mul(10).saturating_add(dv);
                n = n.saturating_add(1);
                chars.next();
            }
            out.push(Tok::Num(v, n));
        } else if is_cjk_marker(c) {
            out.push(Tok::Word(Cow::Borrowed(
                s.get(at..at + c.len_utf8()).unwrap_or(""),
            )));
        } else if c.is_alphabetic() {
            let mut end = at + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() || is_cjk_marker(d) {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let word = s.get(at..end).unwrap_or("");
            out.push(Tok::Word(if word.bytes().all(|b| b.is_ascii_lowercase()) {
                Cow::Borrowed(word)
            } else {
                Cow::Owned(word.chars().flat_map(char::to_lowercase).collect())
            }));
        } else if c.is_whitespace() {
            if out.last() != Some(&Tok::Space) {
                out.push(Tok::Space);
            }
        } else {
            out.push(Tok::Sep(c));
        }
    }
    out
}

/// Month names and abbreviations (lower-case, without a trailing dot), in the languages
/// met most on the web. Genitive forms are listed where dates use them.
const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("jän", 1),
    ("februar", 2),
    ("märz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("okt", 10),
    ("oktober", 10),
    ("dezember", 12),
    ("dez", 12),
    // French
    ("janvier", 1),
    ("janv", 1),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("mars", 3),
    ("avril", 4),
    ("avr", 4),
    ("juin", 6),
    ("juillet", 7),
    ("juil", 7),
    ("août", 8),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    // Spanish
    ("enero", 1),
    ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("ago", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    ("dic", 12),
    // Italian
    ("gennaio", 1),
    ("gen", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("mag", 5),
    ("giugno", 6),
    ("giu", 6),
    ("luglio", 7),
    ("lug", 7),
    ("settembre", 9),
    ("set", 9),
    ("ottobre", 10),
    ("ott", 10),
    ("dicembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("fev", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("out", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Dutch
    ("januari", 1),
    ("februari", 2),
    ("maart", 3),
    ("mrt", 3),
    ("mei", 5),
    ("augustus", 8),
    // Swedish, Danish, Norwegian
    ("maj", 5),
    ("augusti", 8),
    // Polish (genitive)
    ("stycznia", 1),
    ("lutego", 2),
    ("marca", 3),
    ("kwietnia", 4),
    ("maja", 5),
    ("czerwca", 6),
    ("lipca", 7),
    ("sierpnia", 8),
    ("września", 9),
    ("października", 10),
    ("listopada", 11),
    ("grudnia", 12),
    // Czech (genitive)
    ("ledna", 1),
    ("února", 2),
    ("března", 3),
    ("dubna", 4),
    ("května", 5),
    ("června", 6),
    ("července", 7),
    ("srpna", 8),
    ("září", 9),
    ("října", 10),
    ("listopadu", 11),
    ("prosince", 12),
    // Russian (genitive)
    ("января", 1),
    ("февраля", 2),
    ("марта", 3),
    ("апреля", 4),
    ("мая", 5),
    ("июня", 6),
    ("июля", 7),
    ("августа", 8),
    ("сентября", 9),
    ("октября", 10),
    ("ноября", 11),
    ("декабря", 12),
    // Ukrainian (genitive)
    ("січня", 1),
    ("лютого", 2),
    ("березня", 3),
    ("квітня", 4),
    ("травня", 5),
    ("червня", 6),
    ("липня", 7),
    ("серпня", 8),
    ("вересня", 9),
    ("жовтня", 10),
    ("листопада", 11),
    ("грудня", 12),
    // Turkish
    ("ocak", 1),
    ("şubat", 2),
    ("mart", 3),
    ("nisan", 4),
    ("mayıs", 5),
    ("haziran", 6),
    ("temmuz", 7),
    ("ağustos", 8),
    ("eylül", 9),
    ("ekim", 10),
    ("kasım", 11),
    ("aralık", 12),
    // Hungarian
    ("január", 1),
    ("február", 2),
    ("március", 3),
    ("április", 4),
    ("május", 5),
    ("június", 6),
    ("július", 7),
    ("augusztus", 8),
    ("szeptember", 9),
    ("október", 10),
];

/// The month (1–12) a lower-case month name or abbreviation stands for.
pub(crate) fn month_of(word: &str) -> Option<u8> {
    MONTH_MAP.get(word).copied()
}

/// [`MONTHS`] as a map (the first entry wins for a name listed twice): every word of a
/// scanned text is looked up, and the table has nearly two hundred names.
static MONTH_MAP: LazyLock<FastMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m = FastMap::default();
    for (name, month) in MONTHS {
        m.entry(*name).or_insert(*month);
    }
    m
});

/// Words skipped between the parts of a date ("27 de febrero de 2025", "le 27 février").
fn is_filler(word: &str) -> bool {
    matches!(
        word,
        "de" | "del"
            | "of"
            | "the"
            | "le"
            | "den"
            | "der"
            | "d"
            | "в"
            | "року"
            | "г"
            | "года"
            | "roku"
            | "r"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "er"
            | "º"
    )
}

// ---------------------------------------------------------------------------------------
// Machine-readable values
// ---------------------------------------------------------------------------------------

/// Parses a machine-readable date: ISO 8601 (`2025-02-27T12:07:00.000Z`, `2025-02-27
/// 12:07:00+0200`, `20250227`), `2025/02/27`, RFC 2822 (`Thu, 27 Feb 2025 12:07:00
/// GMT`), and otherwise anything [`parse_text`] reads.
pub(crate) fn parse_machine(s: &str) -> Option<Stamp> {
    parse_machine_in(s, None)
}

/// [`parse_machine`] reading a value that is not ISO 8601 in the page's usual `order`
/// (`03-09-2026` in a meta of an English page is March 9).
pub(crate) fn parse_machine_in(s: &str, order: Option<Order>) -> Option<Stamp> {
    let s = s.trim();
    if s.is_empty() || s.len() > 200 {
        return None;
    }
    if let Some(st) = parse_iso(s) {
        return Some(st);
    }
    // Unix timestamps (seconds or milliseconds) in data attributes and JSON.
    if s.bytes().all(|b| b.is_ascii_digit()) && (s.len() == 10 || s.len() == 13) {
        let secs: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { secs / 1000 } else { secs };
        let ts = jiff::Timestamp::from_second(secs).ok()?;
        let dt = jiff::tz::Offset::UTC.to_datetime(ts);
        return Some(Stamp {
            date: dt.date(),
            time: Some((dt.hour() as u8, dt.minute() as u8, dt.second() as u8)),
            offset: Some(0),
        });
    }
    // A bare `03-09-2026` follows the page's order like `03/09/2026` (a text date with
    // dashes is read day first: that is how Europe writes them).
    let b = s.as_bytes();
    let dashed = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            2 | 5 => *c == b'-',
            _ => c.is_ascii_digit(),
        });
    if dashed && order == Some(Order::MonthFirst) {
        return parse_text(&s.replace('-', "/"), order);
    }
    parse_text(s, order)
}

/// Keys of publication dates in script data (JSON state blobs such as `__NEXT_DATA__`,
/// `window.__INITIAL_STATE__`, `application/json` islands), in order of trust. A bare
/// `date` comes last: state blobs use it for many things, so it is read only when no named
/// key gives a date.
const SCRIPT_DATE_KEYS: &[&str] = &[
    "datePublished",
    "date_published",
    "publishDate",
    "publishedDate",
    "published_date",
    "publish_date",
    "publishedAt",
    "published_at",
    "firstPublishDate",
    "firstPublishedDate",
    "first_published_at",
    "pubDate",
    "dateCreated",
    "createdAt",
    "created_at",
    "date",
];

/// Longest value read after a script-data key.
const MAX_SCRIPT_VALUE: usize = 40;

/// The publication date in script data: the first `"datePublished":"2016-11-04T20:37:27Z"`
/// (or `publishDate`, `createdAt`, … in [`SCRIPT_DATE_KEYS`] order) whose value is an ISO
/// 8601 date `accept` takes. Keys may be quoted, unquoted (`date:"2022-01-28"`) or escaped
/// inside a JSON string (`\"publishDate\":\"…\"`). Linear in `text` per key; callers cap
/// `text`.
pub(crate) fn from_script_data(text: &str, accept: &dyn Fn(Stamp) -> bool) -> Option<Stamp> {
    let b = text.as_bytes();
    for key in SCRIPT_DATE_KEYS {
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|t| t.find(key)) {
            let start = from + at;
            from = start + key.len();
            // The key starts a name: a quote or a separator before it, not a letter.
            if start > 0
                && b.get(start - 1)
                    .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c == b'.')
            {
                continue;
            }
            if let Some(st) = script_value(b, from).and_then(parse_iso)
                && accept(st)
            {
                return Some(st);
            }
        }
    }
    None
}

/// The quoted string value after a key ending at `i`: `": "…"`, `:"…"`, `\":\"…\"`.
fn script_value(b: &[u8], mut i: usize) -> Option<&str> {
    let skip = |i: &mut usize, set: &[u8]| {
        while b.get(*i).is_some_and(|c| set.contains(c)) {
            *i += 1;
        }
    };
    skip(&mut i, b"\\\"'");
    skip(&mut i, b" \t");
    if b.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    skip(&mut i, b" \t");
    let q0 = i;
    skip(&mut i, b"\\");
    let quote = *b.get(i)?;
    if !(quote == b'"' || quote == b'\'') || i - q0 > 1 {
        return None;
    }
    let start = i + 1;
    let len = b
        .get(start..)?
        .iter()
        .take(MAX_SCRIPT_VALUE + 1)
        .position(|&c| c == quote || c == b'\\')?;
    std::str::from_utf8(b.get(start..start + len)?).ok()
}

/// ISO 8601 and its common relatives.
fn parse_iso(s: &str) -> Option<Stamp> {
    let b = s.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        if !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(part).ok()?.parse().ok()
    };
    let y = digits(0, 4)?;
    let (m, d, mut i) = match b.get(4) {
        Some(b'-') | Some(b'/') | Some(b'.') => {
            let sep = *b.get(4)?;
            // Month and day of one or two digits.
            let (m, mlen) = match digits(5, 2) {
                Some(m) => (m, 2),
                None => (digits(5, 1)?, 1),
            };
            if b.get(5 + mlen) != Some(&sep) {
                return None;
            }
            let ds = 6 + mlen;
            let (d, dlen) = match digits(ds, 2) {
                Some(d) => (d, 2),
                None => (digits(ds, 1)?, 1),
            };
            (m, d, ds + dlen)
        }
        Some(c) if c.is_ascii_digit() => {
            // Compact 20250227 (optionally followed by T and time).
            let m = digits(4, 2)?;
            let d = digits(6, 2)?;
            if b.get(8).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            (m, d, 8)
        }
        _ => return None,
    };
    let date = make_date(y, m, d)?;
    let mut st = Stamp::day(date);
    // Time.
    if matches!(b.get(i), Some(b'T') | Some(b't') | Some(b' ')) {
        let h = digits(i + 1, 2);
        let mi = if b.get(i + 3) == Some(&b':') {
            digits(i + 4, 2)
        } else {
            digits(i + 3, 2)
        };
        if let (Some(h), Some(mi)) = (h, mi) {
            let colon = b.get(i + 3) == Some(&b':');
            i += if colon { 6 } else { 5 };
            let mut sec = 0;
            if b.get(i) == Some(&b':')
                && let Some(s2) = digits(i + 1, 2)
            {
                sec = s2;
                i += 3;
            }
            // Fractions.
            if matches!(b.get(i), Some(b'.') | Some(b',')) {
                i += 1;
                while b.get(i).is_some_and(u8::is_ascii_digit) {
                    i += 1;
                }
            }
            if h < 24 && mi < 60 && sec < 61 {
                st.time = Some((h as u8, mi as u8, sec.min(59) as u8));
                st.offset = parse_offset(b.get(i..).unwrap_or_default());
            }
        }
    }
    Some(st)
}

/// `Z`, `+02:00`, `+0200`, `+02`, ` GMT`, ` UTC` → minutes east of UTC.
fn parse_offset(b: &[u8]) -> Option<i32> {
    let b = b.trim_ascii_start();
    match b.first()? {
        b'Z' | b'z' => Some(0),
        b'+' | b'-' => {
            let sign = if b.first() == Some(&b'-') { -1 } else { 1 };
            let d: Vec<u32> = b
                .get(1..)?
                .iter()
                .take(5)
                .filter(|c| **c != b':')
                .take_while(|c| c.is_ascii_digit())
                .map(|c| u32::from(c - b'0'))
                .collect();
            let (h, m) = match d.as_slice() {
                [h1, h2, m1, m2, ..] => (h1 * 10 + h2, m1 * 10 + m2),
                [h1, h2] => (h1 * 10 + h2, 0),
                _ => return None,
            };
            (h <= 14 && m < 60).then(|| sign * (h * 60 + m) as i32)
        }
        _ => {
            let upper = b.get(..3)?.to_ascii_uppercase();
            (upper == b"GMT" || upper == b"UTC").then_some(0)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------

/// How to read `01/02/2025`: month first (US usage) or day first (most other places).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Order {
    /// `MM/DD/YYYY`.
    MonthFirst,
    /// `DD/MM/YYYY`.
    DayFirst,
}

/// The first date written in `text` for people: numeric (`27.02.2025`, `2025-02-27`,
/// `02/27/2025`), with a month name (`February 27, 2025`, `27. Februar 2025`,
/// `27 févr. 2025`, `27 de febrero de 2025`, `27 лютого 2025`), CJK (`2025年2月27日`,
/// `2025년 2월 27일`), with the time that follows it (`2:07 PM`, `14:07 Uhr`).
/// `order` decides ambiguous slashed dates (default: day first unless the month is > 12).
pub(crate) fn parse_text(text: &str, order: Option<Order>) -> Option<Stamp> {
    parse_text_within(text, order, MAX_TEXT_SCAN_CHARS)
}

/// [`parse_text`] over the first `max_chars` characters of `text`.
pub(crate) fn parse_text_within(
    text: &str,
    order: Option<Order>,
    max_chars: usize,
) -> Option<Stamp> {
    date_in(&words_of(text, max_chars), order)
}

/// [`parse_text`] in `order`, then, when `accept` turns that reading down, in `other`: the
/// text is tokenised once for both readings.
pub(crate) fn parse_text_either(
    text: &str,
    order: Option<Order>,
    other: Order,
    accept: impl Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<Stamp> {
    let toks = words_of(text, MAX_TEXT_SCAN_CHARS);
    let first = date_in(&toks, order);
    if first.is_none() {
        // No reading in one order means none in the other (see [`date_in`]).
        return accept(None);
    }
    accept(first).or_else(|| accept(date_in(&toks, Some(other))))
}

/// The tokens of the first `max_chars` characters of `text`, spaces left out.
fn words_of(text: &str, max_chars: usize) -> Vec<Tok<'_>> {
    let mut toks = tokenize_n(text, max_chars);
    toks.retain(|t| *t != Tok::Space);
    toks
}

/// The first date in `toks`, with the time that follows it.
///
/// Whether there is one does not depend on `order`: the order only chooses which of two
/// numbers, both at most 12, is the month in `03/04/2025`, and both choices make a valid date
/// (or, with a 0, neither does).
fn date_in(toks: &[Tok<'_>], order: Option<Order>) -> Option<Stamp> {
    for start in 0..toks.len() {
        if let Some((date, next)) = date_at(toks, start, order) {
            let mut st = Stamp::day(date);
            st.time = time_after(toks, next);
            return Some(st);
        }
    }
    None
}

/// Skips filler words, dots and commas from `i`.
fn skip_fillers(t: &[Tok], mut i: usize) -> usize {
    while let Some(tok) = t.get(i) {
        match tok {
            Tok::Word(w) if is_filler(w) => i += 1,
            Tok::Sep('.') | Tok::Sep(',') => i += 1,
            _ => break,
        }
    }
    i
}

fn year_of(tok: Option<&Tok>) -> Option<u32> {
    match tok? {
        Tok::Num(v, 4) => Some(*v),
        _ => None,
    }
}

fn day_of(tok: Option<&Tok>) -> Option<u32> {
    match tok? {
        Tok::Num(v, 1 | 2) if (1..=31).contains(v) => Some(*v),
        _ => None,
    }
}

/// A date starting at token `i`; returns it and the index after it.
fn date_at(t: &[Tok], i: usize, order: Option<Order>) -> Option<(Date, usize)> {
    let sep = |k: usize| match t.get(k) {
        Some(Tok::Sep(c)) => Some(*c),
        _ => None,
    };
    match t.get(i)? {
        // 2025-02-27, 2025/2/27, 2025.02.27, 2025年2月27日, 2025. február 27.
        Tok::Num(y, 4) => {
            let y = *y;
            if let (Some(s1), Some(Tok::Num(m, 1 | 2)), Some(s2), Some(Tok::Num(d, 1 | 2))) =
                (sep(i + 1), t.get(i + 2), sep(i + 3), t.get(i + 4))
                && s1 == s2
                && matches!(s1, '-' | '/' | '.')
            {
                return Some((make_date(y, *m, *d)?, i + 5));
            }
            if let (
                Some(Tok::Word(a)),
                Some(Tok::Num(m, 1 | 2)),
                Some(Tok::Word(b)),
                Some(Tok::Num(d, 1 | 2)),
            ) = (t.get(i + 1), t.get(i + 2), t.get(i + 3), t.get(i + 4))
                && matches!(&**a, "年" | "년")
                && matches!(&**b, "月" | "월")
            {
                return Some((make_date(y, *m, *d)?, i + 6));
            }
            // 2025. február 27.
            let j = skip_fillers(t, i + 1);
            if let (Some(Tok::Word(w)), Some(d)) = (t.get(j), day_of(t.get(j + 1)))
                && let Some(m) = month_of(w)
            {
                return Some((make_date(y, u32::from(m), d)?, j + 2));
            }
            None
        }
        // 27.02.2025, 02/27/2025, 27 February 2025, 27. Februar 2025, 27 de febrero de 2025
        Tok::Num(a, 1 | 2) => {
            let a = *a;
            if let (Some(s1), Some(Tok::Num(b, 1 | 2)), Some(s2)) =
                (sep(i + 1), t.get(i + 2), sep(i + 3))
                && s1 == s2
                && matches!(s1, '-' | '/' | '.')
            {
                let b = *b;
                let y = match t.get(i + 4)? {
                    Tok::Num(y, 4) => *y,
                    Tok::Num(y, 2) if s1 == '.' && *y <= MAX_TWO_DIGIT_YEAR => 2000 + *y,
                    _ => return None,
                };
                let month_first =
                    b > 12 || (a <= 12 && s1 == '/' && order == Some(Order::MonthFirst));
                let (m, d) = if month_first { (a, b) } else { (b, a) };
                return Some((make_date(y, m, d)?, i + 5));
            }
            if !(1..=31).contains(&a) {
                return None;
            }
            let j = skip_fillers(t, i + 1);
            if let Some(Tok::Word(w)) = t.get(j)
                && let Some(m) = month_of(w)
            {
                let k = skip_fillers(t, j + 1);
                let y = year_of(t.get(k))?;
                return Some((make_date(y, u32::from(m), a)?, k + 1));
            }
            None
        }
        // February 27, 2025; Feb. 27th 2025
        Tok::Word(w) => {
            let m = month_of(w)?;
            let j = skip_fillers(t, i + 1);
            let d = day_of(t.get(j))?;
            let k = skip_fillers(t, j + 1);
            let y = year_of(t.get(k))?;
            Some((make_date(y, u32::from(m), d)?, k + 1))
        }
        _ => None,
    }
}

/// A time of day right after a date: `2:07 PM`, `14:07`, `14:07:09`, `14.07 Uhr`, `at 2:07pm`.
fn time_after(t: &[Tok], mut i: usize) -> Option<(u8, u8, u8)> {
    // Allow a few connecting tokens: ",", "at", "um", "à", "-", "|", "T".
    for _ in 0..3 {
        match t.get(i) {
            Some(Tok::Sep(',' | '-' | '|' | '·' | '•' | '/')) => i += 1,
            Some(Tok::Word(w))
                if matches!(
                    &**w,
                    "at" | "um" | "à" | "a" | "las" | "alle" | "às" | "om" | "t" | "o" | "kl"
                ) =>
            {
                i += 1
            }
            _ => break,
        }
    }
    let (Some(Tok::Num(h, 1 | 2)), Some(mid), Some(Tok::Num(m, 2))) =
        (t.get(i), t.get(i + 1), t.get(i + 2))
    else {
        return None;
    };
    let separated = match mid {
        Tok::Sep(c) => matches!(c, ':' | '.'),
        Tok::Word(w) => w == "h",
        _ => false,
    };
    if !separated {
        return None;
    }
    let (mut h, m) = (*h, *m);
    let mut s = 0;
    let mut k = i + 3;
    if let (Some(Tok::Sep(':')), Some(Tok::Num(sv, 2))) = (t.get(k), t.get(k + 1)) {
        s = *sv;
        k += 2;
    }
    let ampm = match t.get(k) {
        Some(Tok::Word(w)) => match &**w {
            "pm" | "p" => Some(true),
            "am" | "a" => Some(false),
            _ => None,
        },
        _ => None,
    };
    match ampm {
        Some(true) if (1..12).contains(&h) => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    (h < 24 && m < 60 && s < 60).then_some((h as u8, m as u8, s as u8))
}

/// Units of relative dates, in days (months and years approximated by the calendar).
#[derive(Clone, Copy)]
enum Unit {
    Now,
    Day,
    Week,
    Month,
    Year,
}

fn unit_of(w: &str) -> Option<Unit> {
    Some(match w {
        "second" | "seconds" | "sec" | "secs" | "minute" | "minutes" | "min" | "mins" | "hour"
        | "hours" | "hr" | "hrs" | "h" | "sekunden" | "minuten" | "stunde" | "stunden"
        | "seconde" | "secondes" | "heure" | "heures" | "segundo" | "segundos" | "minuto"
        | "minutos" | "hora" | "horas" | "minuti" | "ora" | "ore" | "uur" | "uren" => Unit::Now,
        "day" | "days" | "tag" | "tage" | "tagen" | "jour" | "jours" | "día" | "días" | "dia"
        | "dias" | "giorno" | "giorni" | "dag" | "dagen" | "dni" | "dzień" | "дня" | "дней"
        | "день" => Unit::Day,
        "week" | "weeks" | "woche" | "wochen" | "semaine" | "semaines" | "semana" | "semanas"
        | "settimana" | "settimane" | "weken" => Unit::Week,
        "month" | "months" | "monat" | "monate" | "monaten" | "mois" | "mes" | "meses" | "mese"
        | "mesi" | "maand" | "maanden" => Unit::Month,
        "year" | "years" | "jahr" | "jahre" | "jahren" | "an" | "ans" | "année" | "années"
        | "año" | "años" | "anno" | "anni" | "ano" | "anos" | "jaar" | "jaren" => Unit::Year,
        _ => return None,
    })
}

/// A relative date ("3 days ago", "vor 3 Tagen", "il y a 3 jours", "hace 3 días",
/// "3 giorni fa", "3 dagen geleden", "yesterday", "heute") resolved against `reference`.
pub(crate) fn parse_relative(text: &str, reference: Date) -> Option<Date> {
    let toks = words_of(text, MAX_TEXT_SCAN_CHARS);
    for (i, tok) in toks.iter().enumerate() {
        let Tok::Word(w) = tok else {
            if let (Tok::Num(n, _), Some(Tok::Word(u))) = (tok, toks.get(i + 1))
                && let Some(unit) = unit_of(u)
            {
                // "3 days ago", "3 giorni fa", "3 dagen geleden" need the marker after;
                // "vor 3 Tagen", "il y a 3 jours", "hace 3 días", "há 3 dias" before.
                let after = matches!(toks.get(i + 2), Some(Tok::Word(a)) if matches!(&**a, "ago" | "fa" | "geleden" | "temu" | "назад"));
                let before = i >= 1
                    && matches!(toks.get(i - 1), Some(Tok::Word(b)) if matches!(&**b, "vor" | "a" | "hace" | "há" | "ha" | "sedan"));
                if after || before {
                    return shift(reference, *n, unit);
                }
            }
            continue;
        };
        match &**w {
            "today" | "heute" | "aujourd" | "hoy" | "oggi" | "hoje" | "vandaag" | "сегодня"
            | "dzisiaj" | "idag" => return Some(reference),
            "yesterday" | "gestern" | "hier" | "ayer" | "ieri" | "ontem" | "gisteren" | "вчера"
            | "wczoraj" | "igår" => return reference.checked_sub(1.day()).ok(),
            _ => {}
        }
    }
    None
}

fn shift(reference: Date, n: u32, unit: Unit) -> Option<Date> {
    let n = i64::from(n.min(10_000));
    match unit {
        Unit::Now => Some(reference),
        Unit::Day => reference.checked_sub(n.days()).ok(),
        Unit::Week => reference.checked_sub(n.weeks()).ok(),
        Unit::Month => reference.checked_sub(n.months()).ok(),
        Unit::Year => reference.checked_sub(n.years()).ok(),
    }
}

/// A date in a URL path: `/2025/02/27/`, `/2025-02-27-`, `/20250227/`.
pub(crate) fn from_url(url: &str) -> Option<Stamp> {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    // Skip the scheme and host.
    let path = path.split_once("://").map_or(path, |(_, rest)| {
        rest.split_once('/').map_or("", |(_, p)| p)
    });
    let toks = tokenize_all(path);
    for i in 0..toks.len() {
        if let Some(Tok::Num(y, 4)) = toks.get(i)
            && let (
                Some(Tok::Sep(s1)),
                Some(Tok::Num(m, 1 | 2)),
                Some(Tok::Sep(s2)),
                Some(Tok::Num(d, 1 | 2)),
            ) = (
                toks.get(i + 1),
                toks.get(i + 2),
                toks.get(i + 3),
                toks.get(i + 4),
            )
            && matches!(s1, '/' | '-' | '_')
            && s1 == s2
            && !matches!(toks.get(i + 5), Some(Tok::Num(..)))
            && let Some(date) = make_date(*y, *m, *d)
        {
            return Some(Stamp::day(date));
        }
        if let Some(Tok::Num(v, 8)) = toks.get(i)
            && matches!(
                toks.get(i.wrapping_sub(1)),
                Some(Tok::Sep('/' | '-' | '_')) | None
            )
            && let Some(date) = make_date(v / 10_000, (v / 100) % 100, v % 100)
            && (1995..=2100).contains(&(v / 10_000))
        {
            return Some(Stamp::day(date));
        }
    }
    day_first_in_url(&toks).or_else(|| month_name_in_url(path))
}

/// A date written day first in a URL path (`/meldungen/29-10-2021`), read only when the
/// order is plain: one of the first two numbers is above 12 (`10-29-2021` is month first).
fn day_first_in_url(toks: &[Tok]) -> Option<Stamp> {
    (0..toks.len()).find_map(|i| {
        let (
            Some(Tok::Num(a, 1 | 2)),
            Some(Tok::Sep(s1)),
            Some(Tok::Num(b, 1 | 2)),
            Some(Tok::Sep(s2)),
            Some(Tok::Num(y, 4)),
        ) = (
            toks.get(i),
            toks.get(i + 1),
            toks.get(i + 2),
            toks.get(i + 3),
            toks.get(i + 4),
        )
        else {
            return None;
        };
        // Part of a longer run of numbers (`1-29-10-2021`, `29-10-2021-5`): no date.
        let joined = |sep: Option<&Tok>, num: Option<&Tok>| {
            matches!(sep, Some(Tok::Sep(c)) if *c != '/') && matches!(num, Some(Tok::Num(..)))
        };
        let before = i
            .checked_sub(2)
            .is_some_and(|k| joined(toks.get(k + 1), toks.get(k)));
        if !matches!(s1, '-' | '.' | '_')
            || s1 != s2
            || before
            || joined(toks.get(i + 5), toks.get(i + 6))
        {
            return None;
        }
        if !(1995..=2100).contains(y) {
            return None;
        }
        let (d, m) = match (*a > 12, *b > 12) {
            (true, false) => (*a, *b),
            (false, true) => (*b, *a),
            _ => return None,
        };
        make_date(*y, m, d).map(Stamp::day)
    })
}

/// A date in a URL path with a month name between year and day (`/2023/october/03/`,
/// `/2023/oct/03/`).
fn month_name_in_url(path: &str) -> Option<Stamp> {
    let segs: Vec<&str> = path.split('/').collect();
    segs.windows(3).find_map(|w| {
        let [y, m, d] = w else { return None };
        let y: u32 = y.parse().ok().filter(|_| y.len() == 4)?;
        let d: u32 = d.parse().ok().filter(|_| (1..=2).contains(&d.len()))?;
        let m = month_of(&m.to_lowercase())?;
        make_date(y, u32::from(m), d).map(Stamp::day)
    })
}

/// Like [`tokenize_n`] but over the whole string (URLs are short; bounded by `MAX_URL_BYTES`).
fn tokenize_all(s: &str) -> Vec<Tok<'_>> {
    s.as_bytes()
        .chunk_by(|a, b| a.is_ascii_digit() == b.is_ascii_digit() && a.is_ascii_digit())
        .map(|chunk| {
            if chunk.first().is_some_and(u8::is_ascii_digit) {
                let v = chunk
                    .iter()
                    .take(9)
                    .fold(0u32, |acc, c| acc * 10 + u32::from(c - b'0'));
                Tok::Num(v, u8::try_from(chunk.len()).unwrap_or(u8::MAX))
            } else {
                Tok::Sep(chunk.first().map_or(' ', |c| char::from(*c)))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: Option<Stamp>) -> Option<String> {
        s.map(|s| s.iso())
    }

    #[test]
    fn whether_a_text_holds_a_date_does_not_depend_on_the_order() {
        for text in [
            "03/04/2025",
            "13/04/2025",
            "04/13/2025",
            "00/04/2025",
            "04/00/2025",
            "12/12/2025 at 10:00",
            "Posted 1/2/2024",
            "no date here",
            "31.04.2020",
            "2 min read",
        ] {
            let toks = words_of(text, MAX_TEXT_SCAN_CHARS);
            assert_eq!(
                date_in(&toks, Some(Order::DayFirst)).is_some(),
                date_in(&toks, Some(Order::MonthFirst)).is_some(),
                "{text}"
            );
            assert_eq!(
                date_in(&toks, None).is_some(),
                date_in(&toks, Some(Order::MonthFirst)).is_some(),
                "{text}"
            );
        }
    }

    #[test]
    fn script_data_keys() {
        let any = |_: Stamp| true;
        let f = |t: &str| iso(from_script_data(t, &any));
        assert_eq!(
            f(r#"{"title":"x","datePublished": "2020-02-20T10:00:00Z"}"#).as_deref(),
            Some("2020-02-20T10:00:00+00:00")
        );
        // Trusted keys first, whatever their place; escaped JSON inside a string.
        assert_eq!(
            f(r#"{"date":"2019-01-01","publishDate":"2020-02-20"}"#).as_deref(),
            Some("2020-02-20")
        );
        assert_eq!(
            f(r#"x = "{\"publishDate\":\"2020-02-20\"}""#).as_deref(),
            Some("2020-02-20")
        );
        // Must not fire: a key that only ends in `date`, a value that is not a date.
        assert_eq!(f(r#"{"updatedate":"2020-02-20","date":"soon"}"#), None);
    }

    #[test]
    fn ymd() {
        assert_eq!(parse_ymd("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_ymd("2023-02-29"), None);
        assert_eq!(parse_ymd("2023-2-1"), None);
        assert_eq!(parse_ymd("yesterday"), None);
    }

    #[test]
    fn iso_forms() {
        let cases = [
            ("2025-02-27T12:07:00.000Z", "2025-02-27T12:07:00+00:00"),
            ("2025-02-27T14:07:00+02:00", "2025-02-27T14:07:00+02:00"),
            ("2025-02-27 14:07:00 +0200", "2025-02-27T14:07:00+02:00"),
            ("2025-02-27T14:07", "2025-02-27T14:07:00"),
            ("2025-02-27", "2025-02-27"),
            ("2025/02/27", "2025-02-27"),
            ("2025-2-7", "2025-02-07"),
            ("20250227", "2025-02-27"),
            ("2025-02-27T14:07:00-05:00", "2025-02-27T14:07:00-05:00"),
        ];
        for (input, want) in cases {
            assert_eq!(iso(parse_machine(input)).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn rfc2822_and_unix() {
        assert_eq!(
            iso(parse_machine("Thu, 27 Feb 2025 12:07:00 GMT")).as_deref(),
            Some("2025-02-27T12:07:00")
        );
        assert_eq!(
            iso(parse_machine("1740658020")).as_deref(),
            Some("2025-02-27T12:07:00+00:00")
        );
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(parse_machine("2025-02-30"), None);
        // A dashed value follows the page's order; day first without one.
        let us = Some(Order::MonthFirst);
        assert_eq!(
            iso(parse_machine_in("03-09-2026", us)).as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(
            iso(parse_machine("03-09-2026")).as_deref(),
            Some("2026-09-03")
        );
        assert_eq!(
            iso(parse_machine_in("03-09-2026", Some(Order::DayFirst))).as_deref(),
            Some("2026-09-03")
        );
        assert_eq!(parse_machine("2025-13-01"), None);
        assert_eq!(parse_text("31.04.2020", None), None);
        assert_eq!(parse_machine("0000-00-00"), None);
    }

    #[test]
    fn english_text() {
        let cases = [
            ("February 27, 2025 2:07 PM", "2025-02-27T14:07:00"),
            ("Published Feb. 27, 2025", "2025-02-27"),
            ("Feb 27th, 2025 at 9:05 am", "2025-02-27T09:05:00"),
            ("Posted on 27 February 2025", "2025-02-27"),
            ("Thursday, February 27, 2025", "2025-02-27"),
            ("12:30 AM, February 27, 2025", "2025-02-27"),
        ];
        for (input, want) in cases {
            assert_eq!(
                iso(parse_text(input, None)).as_deref(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn numeric_text() {
        assert_eq!(
            iso(parse_text("27.02.2025, 14:07 Uhr", None)).as_deref(),
            Some("2025-02-27T14:07:00")
        );
        assert_eq!(
            iso(parse_text("02/27/2025", None)).as_deref(),
            Some("2025-02-27")
        );
        assert_eq!(
            iso(parse_text("03/04/2025", Some(Order::MonthFirst))).as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            iso(parse_text("03/04/2025", None)).as_deref(),
            Some("2025-04-03")
        );
        assert_eq!(
            iso(parse_text("Stand: 27.02.25", None)).as_deref(),
            Some("2025-02-27")
        );
        assert_eq!(
            iso(parse_text("2025-02-27 | News", None)).as_deref(),
            Some("2025-02-27")
        );
    }

    #[test]
    fn other_languages() {
        let cases = [
            ("27. Februar 2025", "2025-02-27"),
            ("27 févr. 2025", "2025-02-27"),
            ("le 27 février 2025 à 14h07", "2025-02-27T14:07:00"),
            ("27 de febrero de 2025", "2025-02-27"),
            ("27 febbraio 2025", "2025-02-27"),
            ("27 lutego 2025", "2025-02-27"),
            ("27 лютого 2025 року", "2025-02-27"),
            ("27 февраля 2025 г.", "2025-02-27"),
            ("2025年2月27日", "2025-02-27"),
            ("2025년 2월 27일", "2025-02-27"),
            ("2025. február 27.", "2025-02-27"),
            ("27 Şubat 2025", "2025-02-27"),
        ];
        for (input, want) in cases {
            assert_eq!(
                iso(parse_text(input, None)).as_deref(),
                Some(want),
                "{input}"
            );
        }
    }

    #[test]
    fn text_without_a_date() {
        assert_eq!(parse_text("2 min read", None), None);
        assert_eq!(parse_text("© 2025 Example News", None), None);
        assert_eq!(parse_text("May the force be with you 12", None), None);
    }

    #[test]
    fn relative_dates_need_a_reference() {
        let r = Date::new(2025, 3, 2).unwrap();
        let cases = [
            ("vor 3 Tagen", "2025-02-27"),
            ("3 days ago", "2025-02-27"),
            ("il y a 3 jours", "2025-02-27"),
            ("hace 3 días", "2025-02-27"),
            ("3 giorni fa", "2025-02-27"),
            ("yesterday", "2025-03-01"),
            ("2 hours ago", "2025-03-02"),
            ("1 week ago", "2025-02-23"),
        ];
        for (input, want) in cases {
            let d = parse_relative(input, r).map(|d| Stamp::day(d).iso());
            assert_eq!(d.as_deref(), Some(want), "{input}");
        }
        assert_eq!(parse_relative("3 days of rain", r), None);
    }

    #[test]
    fn url_dates() {
        let cases = [
            (
                "https://example.com/2025/02/27/story-title/",
                Some("2025-02-27"),
            ),
            (
                "https://example.com/news/2025-02-27-story",
                Some("2025-02-27"),
            ),
            ("https://example.com/20250227/story", Some("2025-02-27")),
            ("https://example.com/2025/02/story", None),
            ("https://example.com/item/12345678/story", None),
            (
                "https://example.com/blog/2023/october/03/story/",
                Some("2023-10-03"),
            ),
            ("https://example.com/2023/mayday/03/story/", None),
            (
                "https://example.com/meldungen/29-10-2021",
                Some("2021-10-29"),
            ),
            (
                "https://example.com/meldungen/10-29-2021",
                Some("2021-10-29"),
            ),
            ("https://example.com/meldungen/10-09-2021", None),
            ("https://example.com/item/1-29-10-2021", None),
        ];
        for (input, want) in cases {
            assert_eq!(iso(from_url(input)).as_deref(), want, "{input}");
        }
    }

    #[test]
    fn bounds() {
        let opts = Options::default()
            .reference_date("2025-03-01")
            .earliest_date("2000-01-01");
        let b = Bounds::from_options(&opts);
        assert!(b.accepts(Date::new(2025, 2, 27).unwrap()));
        assert!(!b.accepts(Date::new(2025, 3, 2).unwrap()));
        assert!(!b.accepts(Date::new(1999, 12, 31).unwrap()));
        let default = Bounds::from_options(&Options::default());
        assert!(!default.accepts(Date::new(1994, 12, 31).unwrap()));
        assert!(default.accepts(Date::new(1995, 1, 1).unwrap()));
        assert!(default.reference.is_none());
    }
}
