//! Encoding detection: short byte strings (BOMs, `<meta charset>` prescans, legacy bytes,
//! UTF-16 without BOM) through `extract_bytes` with no hint, with a page URL whose TLD steers
//! chardetng. Decoding must never fail, and the reported encoding must be a real one.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const TLDS: &[&str] = &["com", "ru", "jp", "cn", "tw", "kr", "de", "pl", "gr", "il", "th", "vn"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let bytes = bytes.get(..4096).unwrap_or(bytes);
    let tld = TLDS.get(pick as usize % TLDS.len()).copied().unwrap_or("com");
    let url = format!("https://example.{tld}/page");
    let options = dechaff::Options::default().url(url);
    match dechaff::extract_bytes(bytes, &options) {
        Ok(article) => {
            common::check(&article, &options);
            let enc = &article.diagnostics.encoding;
            assert!(
                encoding_is_known(enc),
                "unknown encoding name {enc:?}"
            );
        }
        Err(e) => assert!(matches!(e.kind(), "not_html" | "too_complex")),
    }
});

fn encoding_is_known(name: &str) -> bool {
    common::LABELS
        .iter()
        .any(|l| l.trim().eq_ignore_ascii_case(name))
}
