//! Author names: cleaning what bylines and meta tags hold into a list of names.
//!
//! "By Jane Doe and John Roe | Staff Writers | Feb. 27, 2025" → `["Jane Doe", "John Roe"]`.
//! Drops "By"/"Von"/"Par"/… prefixes, roles and job titles, dates and times, e-mail
//! addresses, URLs, handles and boilerplate ("Staff", "Editorial team"); splits lists on
//! "and", "&", commas and their equivalents; removes duplicates; keeps at most
//! [`MAX_AUTHORS`].

use crate::dom::text::{collapse, fold};

/// Names kept at most.
pub(crate) const MAX_AUTHORS: usize = 10;
/// Longest raw value cleaned; longer ones are prose, not a byline.
const MAX_RAW_CHARS: usize = 300;
/// Longest accepted name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name.
const MAX_NAME_WORDS: usize = 6;

/// Lead-ins before names, lower-case; longest first so "written by" wins over "by".
const PREFIXES: &[&str] = &[
    "zeige alle beiträge von",
    "alle beiträge von",
    "view all posts by",
    "all posts by",
    "more posts by",
    "more articles by",
    "articles by",
    "posts by",
    "ein artikel von",
    "ein beitrag von",
    "gespeichert von",
    "text von",
    "interview",
    "written and reported by",
    "reported and written by",
    "text and photos by",
    "written by",
    "posted by",
    "published by",
    "reported by",
    "reporting by",
    "report by",
    "story by",
    "words by",
    "article by",
    "interview by",
    "compiled by",
    "edited by",
    "created by",
    "contributed by",
    "submitted by",
    "geschrieben von",
    "veröffentlicht von",
    "verfasst von",
    "ein beitrag von",
    "ein artikel von",
    "publié par",
    "écrit par",
    "escrito por",
    "publicado por",
    "scritto da",
    "pubblicato da",
    "geschreven door",
    "authors",
    "author",
    "autorin",
    "autoren",
    "autor",
    "auteurs",
    "auteur",
    "autore",
    "autori",
    "by",
    "von",
    "par",
    "por",
    "door",
    "di",
    "text",
    "texte",
    "texto",
    "testo",
    "redaktion",
    "fotos",
    "foto",
    "photos",
    "photo",
    "av",
    "af",
    "autorzy",
    "автор",
    "od",
];

/// Words that end a name: what follows is a role, a date, a place or page furniture.
const STOP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "on",
    "am",
    "le",
    "el",
    "il",
    "vom",
    "aktualisiert",
    "veröffentlicht",
    "mis",
    "publié",
    "publicado",
    "actualizado",
    "pubblicato",
    "in",
    "at",
    "for",
    "from",
    "via",
    "who",
    "is",
    "was",
    "has",
    "min",
    "minute",
    "minutes",
    "read",
    "reading",
    "follow",
    "email",
    "e-mail",
    "twitter",
    "facebook",
    "linkedin",
    "instagram",
    "view",
    "more",
    "all",
    "share",
    "comments",
    "comment",
    "photo",
    "photos",
    "image",
    "images",
    "getty",
    "reuters",
    "credit",
];

/// Roles and job titles, lower-case: a part made only of these (and small words) is not a
/// name, and they are cut from the end of a name ("Jane Doe Staff Writer").
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "editorial",
    "team",
    "desk",
    "senior",
    "chief",
    "managing",
    "deputy",
    "associate",
    "assistant",
    "executive",
    "contributing",
    "contributor",
    "contributors",
    "correspondent",
    "columnist",
    "journalist",
    "photographer",
    "producer",
    "analyst",
    "director",
    "coordinator",
    "manager",
    "marketing",
    "content",
    "specialist",
    "strategist",
    "consultant",
    "officer",
    "president",
    "engineer",
    "developer",
    "designer",
    "geschäftsführer",
    "pressesprecher",
    "founder",
    "co-founder",
    "ceo",
    "head",
    "news",
    "newsroom",
    "redaktion",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "guest",
    "special",
    "freelance",
    "political",
    "business",
    "science",
    "sports",
    "health",
    "technology",
    "tech",
    "politics",
    "culture",
    "online",
    "digital",
    "web",
    "de",
    "the",
    "a",
    "an",
    "and",
    "of",
    "&",
];

/// Values that are never a person's name.
const NOT_NAMES: &[&str] = &[
    "datum",
    "date",
    "the author",
    "posted",
    "published",
    "updated",
    "admin",
    "administrator",
    "anonymous",
    "unknown",
    "guest",
    "staff",
    "editor",
    "editors",
    "user",
    "redaktion",
    "editorial",
    "editorial team",
    "editorial staff",
    "staff writer",
    "news desk",
    "newsdesk",
    "web desk",
    "the editors",
    "null",
    "none",
    "undefined",
    "author",
    "authors",
    "more",
    "share",
    "menu",
    "home",
    "search",
    "login",
    "log in",
    "sign in",
    "subscribe",
];

/// Weekday and month words (and abbreviations) that follow a name in bylines with a date.
const DATE_WORDS: &[&str] = &[
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "today",
    "yesterday",
    "heute",
    "gestern",
];

/// Lower-case words that belong inside names.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "zu", "ter", "ten", "bin", "al", "el", "y", "e", "st", "mc",
];

/// Last words that mark a comment, not a byline ("Jane says").
const SPEECH_WORDS: &[&str] = &[
    "says",
    "said",
    "sagt",
    "schreibt",
    "writes",
    "wrote",
    "dit",
    "dice",
    "antwortet",
    "replies",
];

/// Collective words kept at the end of a name ("The Investopedia Team", "Greentech
/// Redaktion"): the name of a group, not a job title.
const COLLECTIVE_WORDS: &[&str] = &[
    "team",
    "desk",
    "newsroom",
    "redaktion",
    "editors",
    "contributor",
    "contributors",
];

/// Lead-in words that may stand inside a segment, before the names.
const MID_LEAD_INS: &[&str] = &["by", "par", "por", "door"];

/// Words that split a list of names.
const JOINERS: &[&str] = &[
    "and", "und", "et", "y", "e", "en", "i", "og", "och", "with", "mit", "avec", "con", "com", "и",
    "і", "oraz",
];

/// Cleans one raw author value into names (may be empty).
pub(crate) fn clean(raw: &str) -> Vec<String> {
    let raw = collapse(raw);
    if raw.is_empty() || raw.chars().count() > MAX_RAW_CHARS {
        return Vec::new();
    }
    // Addresses, e-mails and handles are never part of a name.
    let raw: String = raw
        .split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@')))
        .collect::<Vec<_>>()
        .join(" ");
    let raw = raw.replace(" - ", " | ");
    let mut out = Vec::new();
    // Hard separators first: a byline is often "names | role | date".
    for segment in raw.split([
        '|', '•', '·', '\n', '—', '–', '/', '(', ')', '[', ']', '«', '»',
    ]) {
        let segment = segment.trim();
        if segment.is_empty() {
            continue;
        }
        let names = names_in(segment);
        // Names come first; what follows the first names is a role, a date or an agency.
        if !names.is_empty() {
            out.extend(names);
            break;
        }
    }
    dedupe(out)
}

/// Cleans several raw values, in order, into one list.
pub(crate) fn clean_all<'a>(raws: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for r in raws {
        out.extend(clean(r));
    }
    dedupe(out)
}

fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for n in names {
        let k = fold(&n);
        if k.is_empty() || keys.contains(&k) {
            continue;
        }
        // "Jane Doe" after "Jane Doe, PhD" or the reverse: keep the first.
        keys.push(k);
        out.push(n);
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    out
}

/// Names in one segment without hard separators.
fn names_in(segment: &str) -> Vec<String> {
    // "Posted on March 3, 2020 by Jane Doe": the names follow the last lead-in word.
    let lead_in = segment
        .split_whitespace()
        .enumerate()
        .filter(|(i, w)| *i > 0 && MID_LEAD_INS.contains(&w.to_lowercase().trim_end_matches(':')))
        .map(|(i, _)| i)
        .last();
    let segment = match lead_in {
        Some(i) => segment
            .split_whitespace()
            .skip(i + 1)
            .collect::<Vec<_>>()
            .join(" "),
        None => segment.to_string(),
    };
    let s = strip_prefix(&segment);
    if s.is_empty() {
        return Vec::new();
    }
    // Cut at the first stop word or date-like token.
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let stop = STOP_WORDS.contains(&lw.as_str())
            || (i > 0 && DATE_WORDS.contains(&lw.as_str()))
            // A lower-case word that is no name particle ends the name ("Jane Doe im
            // Gespräch"), unless the whole value is one user name.
            || (i > 0
                && w.chars().next().is_some_and(char::is_lowercase)
                && !PARTICLES.contains(&lw.as_str())
                && !JOINERS.contains(&lw.as_str()));
        if stop
            || w.chars().any(|c| c.is_ascii_digit())
            || w.contains('@')
            || w.contains("://")
            || w.starts_with("www.")
        {
            break;
        }
        kept.push(w);
    }
    let s = kept.join(" ");
    // Split lists: commas, semicolons, "&", "and" and friends.
    let mut parts: Vec<String> = Vec::new();
    for piece in s.split([',', ';', '&', '+']) {
        let mut cur: Vec<&str> = Vec::new();
        for w in piece.split_whitespace() {
            if JOINERS.contains(&w.to_lowercase().as_str()) {
                if !cur.is_empty() {
                    parts.push(cur.join(" "));
                }
                cur.clear();
            } else {
                cur.push(w);
            }
        }
        if !cur.is_empty() {
            parts.push(cur.join(" "));
        }
    }
    parts.into_iter().filter_map(|p| tidy_name(&p)).collect()
}

/// Removes a lead-in ("By", "Written by", "Autor:") from the start of `s`.
fn strip_prefix(s: &str) -> String {
    let mut s = s
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    loop {
        let lower = s.to_lowercase();
        let Some(p) = PREFIXES.iter().find(|p| {
            lower.starts_with(**p)
                && lower
                    .get(p.len()..)
                    .and_then(|r| r.chars().next())
                    .is_none_or(|c| !c.is_alphanumeric())
        }) else {
            break;
        };
        // Lower-casing keeps ASCII lengths; for non-ASCII, cut by characters.
        let n = p.chars().count();
        let rest: String = s.chars().skip(n).collect();
        let rest = rest
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if rest.is_empty() {
            return String::new();
        }
        s = rest;
    }
    s
}

/// A name, or `None` when the part is not one.
fn tidy_name(part: &str) -> Option<String> {
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
    let part = part.trim_end_matches(['.', '\'']);
    let part = strip_prefix(part);
    let mut words: Vec<&str> = part.split_whitespace().collect();
    // Trailing roles ("Jane Doe Staff Writer"), and leading ones ("Senior Editor Jane Doe"
    // is rare; only a trailing run is cut).
    while words.len() > 1
        && words.last().is_some_and(|w| {
            let lw = w.to_lowercase();
            ROLE_WORDS.contains(&lw.as_str()) && !COLLECTIVE_WORDS.contains(&lw.as_str())
        })
    {
        words.pop();
    }
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| SPEECH_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    if words
        .iter()
        .all(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let name = words.join(" ");
    let n = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&n) || name.starts_with('@') {
        return None;
    }
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    let lower = name.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) {
        return None;
    }
    // Several words all lower-case read as a phrase, not a name ("view all posts").
    if words.len() > 1
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    Some(name)
}

/// `true` when `s` is an address rather than a name.
pub(crate) fn is_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<String> {
        clean(s)
    }

    #[test]
    fn prefixes_go() {
        assert_eq!(c("By Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(c("by"), Vec::<String>::new());
        assert_eq!(c("Von Max Mustermann"), vec!["Max Mustermann"]);
        assert_eq!(c("Par Sébastien Farcis"), vec!["Sébastien Farcis"]);
        assert_eq!(c("Written by: Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(c("Autor: Max Mustermann"), vec!["Max Mustermann"]);
        assert_eq!(c("BY JANE DOE"), vec!["JANE DOE"]);
    }

    #[test]
    fn lists_are_split() {
        assert_eq!(c("Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
        assert_eq!(
            c("A. One, B. Two & C. Three"),
            vec!["A. One", "B. Two", "C. Three"]
        );
        assert_eq!(
            c("Anna Schmidt und Max Müller"),
            vec!["Anna Schmidt", "Max Müller"]
        );
        assert_eq!(
            c("Marie Curie et Pierre Curie"),
            vec!["Marie Curie", "Pierre Curie"]
        );
    }

    #[test]
    fn roles_dates_and_contacts_go() {
        assert_eq!(c("Jane Doe | Staff Writer"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe, Senior Reporter"), vec!["Jane Doe"]);
        assert_eq!(c("By Jane Doe Updated Feb. 27, 2025"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe 27.02.2025 14:07"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe jane@example.com"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe https://example.com/jane"), vec!["Jane Doe"]);
        assert_eq!(c("By Jane Doe – 2 min read"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe (Reuters)"), vec!["Jane Doe"]);
    }

    #[test]
    fn boilerplate_is_not_a_name() {
        assert!(c("Staff").is_empty());
        assert!(c("Editorial team").is_empty());
        assert!(c("@handle").is_empty());
        assert!(c("view all posts").is_empty());
        assert!(c(&"x".repeat(400)).is_empty());
    }

    #[test]
    fn duplicates_and_maximum() {
        assert_eq!(c("Jane Doe and jane doe"), vec!["Jane Doe"]);
        let many = (0..20)
            .map(|i| format!("Name{}", char::from(b'A' + i)))
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(c(&many).len(), MAX_AUTHORS);
    }

    #[test]
    fn single_user_names_stay() {
        assert_eq!(c("karstenruppert"), vec!["karstenruppert"]);
    }
}
