//! Text helpers: whitespace collapsing, counting, word splitting. All linear, none of them
//! slice a string at a byte offset computed on another string.

/// Appends `s` to `buf` with every run of whitespace collapsed to one space. No space is
/// added at the start of `buf` or right after a newline or a space already there.
pub(crate) fn push_collapsed(buf: &mut String, s: &str) {
    // Text is mostly words joined by single spaces, which come out unchanged: such spans
    // are copied whole, and only other whitespace (runs, tabs, newlines, non-ASCII spaces)
    // is looked at piece by piece.
    let bytes = s.as_bytes();
    let mut pending_space = false;
    let mut i = 0;
    while i < bytes.len() {
        let n = space_len(s, i);
        if n > 0 {
            pending_space = true;
            i += n;
            continue;
        }
        // A span of text from `i`: non-space characters, and single ASCII spaces between
        // them.
        let start = i;
        while let Some(&b) = bytes.get(i) {
            if b == b' ' && i + 1 < bytes.len() && space_len(s, i + 1) == 0 {
                i += 1;
            } else if b < 0x80 {
                if is_ascii_space(b) {
                    break;
                }
                i += 1;
            } else if space_len(s, i) > 0 {
                break;
            } else {
                i += utf8_len(b);
            }
        }
        if pending_space && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
            buf.push(' ');
        }
        pending_space = false;
        buf.push_str(s.get(start..i).unwrap_or(""));
    }
    if pending_space && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
        buf.push(' ');
    }
}

/// Bytes of the whitespace character at byte `i` of `s` (ASCII or not, with the zero-width
/// space and the byte order mark), or 0 when there is none there.
fn space_len(s: &str, i: usize) -> usize {
    match s.as_bytes().get(i) {
        None => 0,
        Some(&b) if b < 0x80 => usize::from(is_ascii_space(b)),
        Some(_) => match s.get(i..).and_then(|r| r.chars().next()) {
            Some(c) if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' => c.len_utf8(),
            _ => 0,
        },
    }
}

/// Length of the UTF-8 sequence that starts with byte `b` (`b` is no continuation byte).
fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The ASCII characters `char::is_whitespace` accepts (tab, line feed, vertical tab, form
/// feed, carriage return, space).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, 0x09..=0x0D | b' ')
}

/// `s` with whitespace runs collapsed and the ends trimmed.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_collapsed(&mut out, s);
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Non-whitespace characters in `s`: the length measure every heuristic uses.
pub(crate) fn char_count(s: &str) -> u32 {
    // Byte-wise: every byte that starts a character and is not ASCII whitespace counts; the
    // few non-ASCII spaces (NBSP, U+2000…U+200A, U+3000, …) are taken off afterwards. The
    // inner loop has no branches and a byte counter, so it runs on vectors.
    let b = s.as_bytes();
    let mut n = 0u32;
    for chunk in b.chunks(128) {
        let mut k = 0u8;
        for &c in chunk {
            k += u8::from(counts_as_char(c));
        }
        n += u32::from(k);
    }
    if !s.is_ascii() {
        n = n.saturating_sub(non_ascii_spaces(s));
    }
    n
}

/// Whether byte `c` starts a character that [`char_count`] counts, non-ASCII spaces aside:
/// not ASCII whitespace (tab, line feed, form feed, carriage return, space; not vertical
/// tab) and not a continuation byte.
#[inline(always)]
fn counts_as_char(c: u8) -> bool {
    let space = (c == b' ') | ((c.wrapping_sub(b'\t') < 5) & (c != 0x0B));
    ((c < 0x80) & !space) | (c >= 0xC0)
}

/// Non-ASCII whitespace characters in `s`.
fn non_ascii_spaces(s: &str) -> u32 {
    // Non-ASCII whitespace (U+0085, U+00A0, U+1680, U+2000…U+200A, U+2028, U+2029, U+202F,
    // U+205F, U+3000) starts with byte C2, E1, E2 or E3: only characters starting there are
    // decoded.
    let b = s.as_bytes();
    let is_space_at = |i: usize| {
        s.get(i..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    memchr::memchr3_iter(0xC2, 0xE2, 0xE3, b)
        .chain(memchr::memchr_iter(0xE1, b))
        .filter(|&i| is_space_at(i))
        .count() as u32
}

/// Commas in `s`, counting the CJK and Arabic commas too (the second half of
/// [`char_and_comma_count`], alone).
#[cfg(test)]
pub(crate) fn comma_count(s: &str) -> u32 {
    let mut ascii = 0u32;
    for chunk in s.as_bytes().chunks(128) {
        let mut k = 0u8;
        for &c in chunk {
            k += u8::from(c == b',');
        }
        ascii += u32::from(k);
    }
    if s.is_ascii() {
        return ascii;
    }
    ascii + wide_commas(s)
}

/// The CJK and Arabic commas in `s` (`，` U+FF0C, `、` U+3001, `،` U+060C): only characters
/// starting with their first bytes (EF, E3, D8) are decoded.
fn wide_commas(s: &str) -> u32 {
    memchr::memchr3_iter(0xEF, 0xE3, 0xD8, s.as_bytes())
        .filter(|&i| {
            matches!(
                s.get(i..).and_then(|r| r.chars().next()),
                Some('，' | '、' | '،')
            )
        })
        .count() as u32
}

/// `(char_count(s), comma_count(s))` in one pass over the bytes (what every text node of a
/// page needs).
pub(crate) fn char_and_comma_count(s: &str) -> (u32, u32) {
    let (mut n, mut commas) = (0u32, 0u32);
    for chunk in s.as_bytes().chunks(128) {
        let (mut k, mut c) = (0u8, 0u8);
        for &b in chunk {
            k += u8::from(counts_as_char(b));
            c += u8::from(b == b',');
        }
        n += u32::from(k);
        commas += u32::from(c);
    }
    if !s.is_ascii() {
        n = n.saturating_sub(non_ascii_spaces(s));
        commas += wide_commas(s);
    }
    (n, commas)
}

/// Words in `s` (runs of alphanumeric characters; each CJK character counts as a word).
pub(crate) fn word_count(s: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    let mut rest = s;
    loop {
        // A run of ASCII: word starts counted byte by byte, without decoding characters.
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        for &c in rest.as_bytes().get(..ascii).unwrap_or(&[]) {
            let alnum = c.is_ascii_alphanumeric();
            n += usize::from(alnum & !in_word);
            in_word = alnum;
        }
        rest = rest.get(ascii..).unwrap_or("");
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            return n;
        };
        rest = chars.as_str();
        if is_cjk(c) {
            n += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                n += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
}

/// Han, kana and hangul: scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xAC00..=0xD7AF | 0x20000..=0x2FFFF)
}

/// The first `n` characters of `s` (for traces and messages).
pub(crate) fn prefix(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// ASCII-lowercased letters and digits of `s`, everything else dropped (for comparing titles
/// and headings).
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // Byte by byte into a buffer sized once (collecting `char`s into a `String` encodes
        // and checks capacity per character).
        let mut out = Vec::with_capacity(s.len());
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
            }
        }
        // ASCII bytes: always valid.
        return String::from_utf8(out).unwrap_or_default();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsing() {
        assert_eq!(collapse("  a \n\t b  "), "a b");
        let mut buf = String::from("x\n");
        push_collapsed(&mut buf, "  y");
        assert_eq!(buf, "x\ny");
    }

    #[test]
    fn counting() {
        assert_eq!(char_count(" a b\u{a0}c "), 3);
        assert_eq!(char_count("“quoted” café\u{3000}日本"), 14);
        assert_eq!(comma_count("a, b，c、d"), 3);
        assert_eq!(word_count("Hello, world 42"), 3);
        assert_eq!(word_count("日本語"), 3);
        assert_eq!(word_count("café au lait, naïve"), 4);
        assert_eq!(word_count("a日b c\u{a0}d"), 5);
        assert_eq!(prefix("İstanbul", 3), "İst…");
        assert_eq!(fold("Hello, World!"), "helloworld");
        assert_eq!(fold("Ça Va! ÉTÉ 2024 İx–日本"), "çavaété2024i\u{307}x日本");
        assert_eq!(comma_count("a,b"), 1);
        for t in [
            "",
            " a, b，c、d،e\u{a0}f\u{3000}",
            "plain, ascii\ttext",
            "日本語、，x",
        ] {
            assert_eq!(
                char_and_comma_count(t),
                (char_count(t), comma_count(t)),
                "{t:?}"
            );
        }
        assert_eq!(char_count("\u{b}a\u{1f}"), 3);
        // Every non-ASCII space is taken off, whatever its first byte.
        let spaces: String = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(char_count(&format!("a{spaces}é日")), 3);
        let long = "ab, \t\n\u{c}\r".repeat(100);
        assert_eq!(char_count(&long), 300);
        assert_eq!(comma_count(&long), 100);
    }

    /// The definition [`push_collapsed`] implements, one character at a time.
    fn push_collapsed_by_chars(buf: &mut String, s: &str) {
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}' {
                pending_space = true;
                continue;
            }
            if pending_space && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
            pending_space = false;
            buf.push(c);
        }
        if pending_space && !buf.is_empty() && !buf.ends_with([' ', '\n']) {
            buf.push(' ');
        }
    }

    #[test]
    fn collapsing_agrees_with_the_definition() {
        let pieces = [
            " ",
            "  ",
            "\t",
            "\n",
            "\u{b}",
            "\u{a0}",
            "\u{200b}",
            "\u{feff}",
            "\u{3000}",
            "a",
            "bc",
            "é",
            "日本",
            "\u{1f}",
            ",",
            "\u{1F600}",
        ];
        // Every sequence of up to four pieces, after each kind of buffer end.
        let mut seqs = vec![String::new()];
        for _ in 0..4 {
            let mut next = Vec::new();
            for q in &seqs {
                for p in pieces {
                    next.push(format!("{q}{p}"));
                }
            }
            seqs.extend(next.iter().cloned());
            seqs.retain(|q| q.chars().count() <= 6);
            seqs.sort();
            seqs.dedup();
        }
        for s in &seqs {
            for start in ["", "x", "x ", "x\n"] {
                let mut fast = String::from(start);
                push_collapsed(&mut fast, s);
                let mut slow = String::from(start);
                push_collapsed_by_chars(&mut slow, s);
                assert_eq!(fast, slow, "{start:?} + {s:?}");
            }
        }
    }

    #[test]
    fn collapsing_keeps_every_kind_of_space_and_character() {
        let mut buf = String::new();
        push_collapsed(
            &mut buf,
            "\u{b}a\u{a0}\u{a0}b\u{200b}c\u{1f}d é\u{3000}日\n",
        );
        assert_eq!(buf, "a b c\u{1f}d é 日 ");
        let mut buf = String::from("x ");
        push_collapsed(&mut buf, "  y");
        assert_eq!(buf, "x y");
    }
}
