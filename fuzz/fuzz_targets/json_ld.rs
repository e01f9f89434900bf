//! JSON-LD: fuzzed bytes inside `<script type="application/ld+json">` blocks (one, or several
//! split at 0xFF bytes) of an otherwise ordinary article page.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

const ARTICLE: &str = "<article><h1>Headline</h1><p>The committee met on Tuesday, and after a \
    long debate, members agreed that the budget would be revised before the spring session.</p>\
    <p>Critics said the plan, which had been drafted in a hurry, left many questions open.</p>\
    </article>";

fuzz_target!(|data: &[u8]| {
    let mut page = String::from("<!doctype html><html><head><title>T</title>");
    for block in data.split(|b| *b == 0xFF) {
        page.push_str("<script type=\"application/ld+json\">");
        page.push_str(&String::from_utf8_lossy(block));
        page.push_str("</script>");
    }
    page.push_str("</head><body>");
    page.push_str(ARTICLE);
    page.push_str("</body></html>");
    let options = dechaff::Options::default();
    match dechaff::extract(&page, &options) {
        Ok(article) => common::check(&article, &options),
        Err(e) => assert!(matches!(e.kind(), "not_html" | "too_complex"), "{e}"),
    }
});
