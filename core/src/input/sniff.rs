//! Cheap checks that refuse input which is recognisably not HTML, before any parsing.
//!
//! Magic numbers of common binary formats, and a control-byte ratio over the first KiB. We
//! never decompress a compressed body: that is the caller's job, and decompressing would
//! open the door to decompression bombs.

use crate::error::NotHtmlReason;

/// Bytes inspected by the control-byte check.
const SNIFF_BYTES: usize = 1024;
/// Fraction (in percent) of control bytes above which the input is called binary. Random
/// bytes have about 10.5% (27 of 256 values); real pages have none (0 in the 1191 corpus
/// pages), so 5% separates them by many standard deviations of a 1 KiB sample.
const MAX_CONTROL_PERCENT: usize = 5;

/// Returns why `bytes` is not HTML, or `None` when it may be.
///
/// Call after the encoding layer has recognised UTF-16 (whose NULs would look binary).
pub(crate) fn not_html(bytes: &[u8]) -> Option<NotHtmlReason> {
    const MAGIC: &[(&[u8], NotHtmlReason)] = &[
        (b"%PDF-", NotHtmlReason::Pdf),
        (b"\x89PNG\r\n\x1a\n", NotHtmlReason::Image),
        (b"GIF87a", NotHtmlReason::Image),
        (b"GIF89a", NotHtmlReason::Image),
        (b"\xFF\xD8\xFF", NotHtmlReason::Image),
        (b"\x00\x00\x01\x00", NotHtmlReason::Image),
        (b"PK\x03\x04", NotHtmlReason::Archive),
        (b"PK\x05\x06", NotHtmlReason::Archive),
        (b"Rar!\x1a\x07", NotHtmlReason::Archive),
        (b"7z\xBC\xAF\x27\x1C", NotHtmlReason::Archive),
        (b"\x1F\x8B", NotHtmlReason::Compressed),
        (b"\x28\xB5\x2F\xFD", NotHtmlReason::Compressed),
        (b"BZh", NotHtmlReason::Compressed),
        (b"\xFD7zXZ\x00", NotHtmlReason::Compressed),
        (b"\x04\x22\x4D\x18", NotHtmlReason::Compressed),
    ];
    for (magic, reason) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(*reason);
        }
    }
    if bytes.len() >= 12
        && bytes.starts_with(b"RIFF")
        && bytes.get(8..12).is_some_and(|t| t == b"WEBP")
    {
        return Some(NotHtmlReason::Image);
    }
    let head = bytes.get(..SNIFF_BYTES).unwrap_or(bytes);
    if head.is_empty() {
        return None;
    }
    // Tab, LF, FF, CR and ESC (ISO-2022-JP) occur in text; other C0 bytes do not.
    let control = head
        .iter()
        .filter(|b| **b < 0x20 && !matches!(**b, b'\t' | b'\n' | b'\x0C' | b'\r' | 0x1B))
        .count();
    if control * 100 > head.len() * MAX_CONTROL_PERCENT {
        return Some(NotHtmlReason::Binary);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_formats() {
        assert_eq!(not_html(b"%PDF-1.7\n..."), Some(NotHtmlReason::Pdf));
        assert_eq!(
            not_html(b"\x89PNG\r\n\x1a\n\0\0"),
            Some(NotHtmlReason::Image)
        );
        assert_eq!(
            not_html(b"\x1f\x8b\x08\0\0"),
            Some(NotHtmlReason::Compressed)
        );
        assert_eq!(not_html(b"PK\x03\x04xx"), Some(NotHtmlReason::Archive));
        assert_eq!(
            not_html(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 200, 201]),
            Some(NotHtmlReason::Binary)
        );
    }

    #[test]
    fn html_and_legacy_text_pass() {
        assert_eq!(not_html(b"<!doctype html><p>Hello</p>"), None);
        assert_eq!(not_html(b"\x1b$B$3$s$K$A$O\x1b(B"), None);
        assert_eq!(not_html(b""), None);
        assert_eq!(not_html(b"plain text, no tags at all"), None);
    }
}
