//! Bytes to text, in the WHATWG order: byte-order mark, the caller's hint, a `<meta>` prescan
//! of the first 1024 bytes, then a statistical guess (chardetng, Firefox's detector).
//!
//! Documented deviations from the spec, both for pages in the wild:
//! - a page that *declares* UTF-8 but is mostly not valid UTF-8 (a common CMS bug) is guessed
//!   again without UTF-8;
//! - UTF-16 without a byte-order mark is recognised from its NUL pattern, since chardetng
//!   leaves UTF-16 to the BOM layer and such pages would otherwise look binary.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Bytes the `<meta>` prescan looks at, as the HTML standard says.
const PRESCAN_BYTES: usize = 1024;
/// Bytes fed to chardetng: enough for a confident guess, bounded for huge pages.
const DETECT_BYTES: usize = 256 * 1024;
/// Bytes sampled to recognise BOM-less UTF-16.
const UTF16_SAMPLE_BYTES: usize = 1024;

/// How the encoding was chosen (recorded in `Diagnostics::encoding_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EncodingSource {
    /// A byte-order mark.
    Bom,
    /// The caller's hint (HTTP charset).
    Hint,
    /// `<meta charset>` or `http-equiv` in the first 1024 bytes.
    Meta,
    /// chardetng's guess (or valid UTF-8 with no declaration).
    Detected,
}

impl EncodingSource {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EncodingSource::Bom => "bom",
            EncodingSource::Hint => "hint",
            EncodingSource::Meta => "meta",
            EncodingSource::Detected => "detected",
        }
    }
}

/// Decoded input (borrowed when the bytes already are the UTF-8 text).
#[derive(Debug)]
pub(crate) struct Decoded<'b> {
    pub text: std::borrow::Cow<'b, str>,
    pub encoding: &'static Encoding,
    pub source: EncodingSource,
    pub had_errors: bool,
}

/// Decodes `bytes`; never fails (malformed sequences become U+FFFD).
///
/// `hint` must already be a valid label (checked by `Options::validate`); `tld` is the
/// page's top-level domain (`"ru"`, `"jp"`), which narrows chardetng's guess.
pub(crate) fn decode<'b>(bytes: &'b [u8], hint: Option<&str>, tld: Option<&str>) -> Decoded<'b> {
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    let (encoding, source, body) = choose(bytes, hint, tld, valid_utf8.is_some());
    if encoding == UTF_8
        && let Some(text) = valid_utf8
    {
        // The common case: no copy, no second validation.
        return Decoded {
            text: std::borrow::Cow::Borrowed(text),
            encoding,
            source,
            had_errors: false,
        };
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    Decoded {
        text,
        encoding,
        source,
        had_errors,
    }
}

/// Picks the encoding and returns the bytes to decode (the BOM stripped).
fn choose<'b>(
    bytes: &'b [u8],
    hint: Option<&str>,
    tld: Option<&str>,
    valid_utf8: bool,
) -> (&'static Encoding, EncodingSource, &'b [u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return (
            enc,
            EncodingSource::Bom,
            bytes.get(bom_len..).unwrap_or(&[]),
        );
    }
    if let Some(enc) = hint.and_then(|h| Encoding::for_label(h.trim().as_bytes())) {
        return (enc, EncodingSource::Hint, bytes);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return (enc, EncodingSource::Detected, bytes);
    }
    if let Some(enc) = prescan(bytes.get(..PRESCAN_BYTES).unwrap_or(bytes)) {
        if enc == UTF_8 && !valid_utf8 && mostly_not_utf8(bytes) {
            return (guess(bytes, tld, false), EncodingSource::Detected, bytes);
        }
        if enc != UTF_8 && enc.is_ascii_compatible() && valid_utf8 && !bytes.is_ascii() {
            // Legacy-encoded text is almost never valid UTF-8 once it has non-ASCII bytes;
            // such pages were re-saved as UTF-8 and kept their old declaration.
            return (UTF_8, EncodingSource::Detected, bytes);
        }
        return (enc, EncodingSource::Meta, bytes);
    }
    if valid_utf8 {
        return (UTF_8, EncodingSource::Detected, bytes);
    }
    (guess(bytes, tld, true), EncodingSource::Detected, bytes)
}

fn guess(bytes: &[u8], tld: Option<&str>, allow_utf8: bool) -> &'static Encoding {
    // We never run scripts, so ISO-2022-JP is a safe guess (mail clients allow it too).
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Allow);
    let sample = bytes.get(..DETECT_BYTES).unwrap_or(bytes);
    detector.feed(sample, sample.len() == bytes.len());
    let tld = tld
        .map(str::as_bytes)
        .filter(|t| t.iter().all(u8::is_ascii_lowercase));
    let utf8 = if allow_utf8 {
        chardetng::Utf8Detection::Allow
    } else {
        chardetng::Utf8Detection::Deny
    };
    let enc = detector.guess(tld, utf8);
    if enc == UTF_16LE || enc == UTF_16BE {
        WINDOWS_1252
    } else {
        enc
    }
}

/// `true` when invalid UTF-8 sequences are at least a quarter as common as valid non-ASCII
/// characters: the page's "UTF-8" declaration is a lie, not a few stray bytes.
fn mostly_not_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes.get(..DETECT_BYTES).unwrap_or(bytes);
    let (mut errors, mut valid_non_ascii) = (0usize, 0usize);
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                valid_non_ascii += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                valid_non_ascii += good.iter().filter(|b| **b >= 0xC0).count();
                errors += 1;
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                rest = bad.get(skip..).unwrap_or(&[]);
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    errors > 0 && errors * 4 >= valid_non_ascii
}

/// Recognises UTF-16 without a BOM: ASCII markup in UTF-16 puts a NUL in every other byte.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..UTF16_SAMPLE_BYTES).unwrap_or(bytes);
    if sample.len() < 16 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even_nul += usize::from(*a == 0);
            odd_nul += usize::from(*b == 0);
        }
    }
    let many = pairs * 2 / 5;
    let few = pairs / 20;
    if odd_nul >= many && even_nul <= few && sample.first() == Some(&b'<') {
        Some(UTF_16LE)
    } else if even_nul >= many && odd_nul <= few && sample.get(1) == Some(&b'<') {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The HTML standard's "prescan a byte stream to determine its encoding", over `head`.
pub(crate) fn prescan(head: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < head.len() {
        let rest = head.get(i..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            i = find(head, i + 4, b"-->").map_or(head.len(), |p| p + 3);
        } else if starts_with_ci(rest, b"<meta")
            && rest.get(5).is_some_and(|c| is_space(*c) || *c == b'/')
        {
            let (enc, next) = meta_charset(head, i + 6);
            if let Some(enc) = enc {
                return Some(enc);
            }
            i = next;
        } else if rest.len() >= 2
            && rest.first() == Some(&b'<')
            && (rest.get(1).is_some_and(u8::is_ascii_alphabetic)
                || (rest.get(1) == Some(&b'/') && rest.get(2).is_some_and(u8::is_ascii_alphabetic)))
        {
            // Skip the tag name, then its attributes.
            let mut j = i + 1;
            while head.get(j).is_some_and(|c| !is_space(*c) && *c != b'>') {
                j += 1;
            }
            while let Some((_, _, next)) = attribute(head, j) {
                j = next;
            }
            i = j.saturating_add(1);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"</") || rest.starts_with(b"<?") {
            i = find(head, i + 2, b">").map_or(head.len(), |p| p + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Reads the attributes of a `<meta` tag starting at `start`; returns the declared encoding
/// (if the tag declares one) and the position after the tag.
fn meta_charset(head: &[u8], start: usize) -> (Option<&'static Encoding>, usize) {
    let mut j = start;
    let (mut got_pragma, mut need_pragma, mut charset) = (false, None::<bool>, None);
    let mut seen: Vec<Vec<u8>> = Vec::new();
    while let Some((name, value, next)) = attribute(head, j) {
        j = next;
        if seen.contains(&name) {
            continue;
        }
        seen.push(name.clone());
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" => {
                if charset.is_none()
                    && let Some(enc) = charset_from_content(&value)
                {
                    charset = Some(enc);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(trim_ascii(&value));
                need_pragma = Some(false);
            }
            _ => {}
        }
    }
    let next = j.saturating_add(1);
    let Some(need) = need_pragma else {
        return (None, next);
    };
    if need && !got_pragma {
        return (None, next);
    }
    let enc = charset.map(|e| {
        if e == UTF_16LE || e == UTF_16BE {
            UTF_8
        } else if e.name() == "x-user-defined" {
            WINDOWS_1252
        } else {
            e
        }
    });
    (enc, next)
}

/// "Get an attribute" from the prescan algorithm: `(lowercased name, value, next position)`,
/// or `None` at `>` or the end of input.
fn attribute(head: &[u8], mut j: usize) -> Option<(Vec<u8>, Vec<u8>, usize)> {
    while head.get(j).is_some_and(|c| is_space(*c) || *c == b'/') {
        j += 1;
    }
    match head.get(j) {
        None | Some(b'>') => return None,
        _ => {}
    }
    let mut name = Vec::new();
    while let Some(&c) = head.get(j) {
        if c == b'=' && !name.is_empty() {
            break;
        }
        if is_space(c) || c == b'/' || c == b'>' {
            break;
        }
        name.push(c.to_ascii_lowercase());
        j += 1;
    }
    while head.get(j).is_some_and(|c| is_space(*c)) {
        j += 1;
    }
    if head.get(j) != Some(&b'=') {
        return Some((name, Vec::new(), j));
    }
    j += 1;
    while head.get(j).is_some_and(|c| is_space(*c)) {
        j += 1;
    }
    let mut value = Vec::new();
    match head.get(j) {
        Some(&q) if q == b'"' || q == b'\'' => {
            j += 1;
            while let Some(&c) = head.get(j) {
                j += 1;
                if c == q {
                    return Some((name, value, j));
                }
                value.push(c.to_ascii_lowercase());
            }
            None
        }
        _ => {
            while let Some(&c) = head.get(j) {
                if is_space(c) || c == b'>' {
                    break;
                }
                value.push(c.to_ascii_lowercase());
                j += 1;
            }
            Some((name, value, j))
        }
    }
}

/// "Extract a character encoding from a meta element" (`text/html; charset=koi8-r`).
fn charset_from_content(content: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    loop {
        let pos = find(content, i, b"charset")?;
        let mut j = pos + 7;
        while content.get(j).is_some_and(|c| is_space(*c)) {
            j += 1;
        }
        if content.get(j) != Some(&b'=') {
            i = pos + 7;
            continue;
        }
        j += 1;
        while content.get(j).is_some_and(|c| is_space(*c)) {
            j += 1;
        }
        let rest = content.get(j..).unwrap_or(&[]);
        let value = match rest.first() {
            Some(&q) if q == b'"' || q == b'\'' => {
                let inner = rest.get(1..).unwrap_or(&[]);
                let end = inner.iter().position(|c| *c == q)?;
                inner.get(..end)?
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|c| is_space(*c) || *c == b';')
                    .unwrap_or(rest.len());
                rest.get(..end)?
            }
        };
        return Encoding::for_label(value);
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

fn starts_with_ci(hay: &[u8], needle: &[u8]) -> bool {
    hay.get(..needle.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(needle))
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let tail = hay.get(from..)?;
    memchr_find(tail, needle).map(|p| p + from)
}

fn memchr_find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_attribute() {
        assert_eq!(
            prescan(b"<html><head><meta charset=\"koi8-r\">"),
            Some(encoding_rs::KOI8_R)
        );
    }

    #[test]
    fn http_equiv_content_type() {
        let head = b"<meta http-equiv='Content-Type' content='text/html; charset=Shift_JIS'>";
        assert_eq!(prescan(head), Some(encoding_rs::SHIFT_JIS));
    }

    #[test]
    fn content_without_pragma_is_ignored() {
        assert_eq!(prescan(b"<meta content='text/html; charset=koi8-r'>"), None);
    }

    #[test]
    fn declaration_inside_comment_is_ignored() {
        assert_eq!(prescan(b"<!-- <meta charset=koi8-r> --><p>x"), None);
    }

    #[test]
    fn utf16_declaration_means_utf8() {
        assert_eq!(prescan(b"<meta charset=utf-16>"), Some(UTF_8));
    }

    #[test]
    fn bom_wins_over_meta() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<meta charset=koi8-r><p>é".as_bytes());
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, UTF_8);
        assert_eq!(d.source, EncodingSource::Bom);
        assert!(d.text.ends_with('é'));
    }

    #[test]
    fn hint_wins_over_meta() {
        let d = decode(
            b"<meta charset=utf-8><p>\xe9t\xe9",
            Some("iso-8859-1"),
            None,
        );
        assert_eq!(d.source, EncodingSource::Hint);
        assert!(d.text.ends_with("été"));
    }

    #[test]
    fn lying_utf8_declaration_is_guessed_again() {
        // "Привет, мир! Это проверка." in windows-1251, declared as UTF-8.
        let (bytes, _, _) = encoding_rs::WINDOWS_1251
            .encode("<meta charset=utf-8><p>Привет, мир! Это проверка кодировки страницы.</p>");
        let d = decode(&bytes, None, Some("ru"));
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1251);
        assert!(d.text.contains("Привет"));
    }

    #[test]
    fn valid_utf8_beats_a_stale_legacy_declaration() {
        let d = decode(
            "<meta charset=gb2312><p>谷歌在2014年收购的人工智能公司</p>".as_bytes(),
            None,
            None,
        );
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("谷歌"));
    }

    #[test]
    fn legacy_declaration_is_kept_for_legacy_bytes() {
        let (bytes, _, _) =
            encoding_rs::GBK.encode("<meta charset=gb2312><p>谷歌在2014年收购的人工智能公司</p>");
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, encoding_rs::GBK);
        assert_eq!(d.source, EncodingSource::Meta);
    }

    #[test]
    fn a_few_bad_bytes_keep_utf8() {
        let mut bytes = "<meta charset=utf-8><p>Ünïcödé ïs fïné hérè, mostly."
            .as_bytes()
            .to_vec();
        bytes.push(0xFF);
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.had_errors);
    }

    #[test]
    fn undeclared_legacy_encoding_is_detected() {
        let (bytes, _, _) = encoding_rs::SHIFT_JIS
            .encode("<p>日本語のテキストです。これは文字コードの判定のためのテストです。</p>");
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, encoding_rs::SHIFT_JIS);
        assert!(d.text.contains("日本語"));
    }

    #[test]
    fn bomless_utf16le_is_recognised() {
        let text = "<html><body><p>Hello UTF-16 world</p></body></html>";
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let d = decode(&bytes, None, None);
        assert_eq!(d.encoding, UTF_16LE);
        assert_eq!(d.text, text);
    }

    #[test]
    fn plain_ascii_is_not_utf16() {
        assert_eq!(
            sniff_utf16(b"<html><body><p>Hello world</p></body></html>"),
            None
        );
    }
}
