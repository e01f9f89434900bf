//! Golden metadata tests: every metadata field of the seed page against its expected JSON,
//! the bare variant (visible page only), provenance in the JSON form, and hostile JSON-LD
//! (1 000 blocks, a 5 MB block, nesting 10 000 deep) handled on a small stack.

use std::path::PathBuf;

use dechaff::{Options, Source};
use serde_json::Value;

fn pages_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/pages")
}

fn expected() -> Value {
    let raw = std::fs::read_to_string(pages_dir().join("kyiv-independent.expected.json")).unwrap();
    serde_json::from_str(&raw).unwrap()
}

fn extract_file(name: &str) -> dechaff::Article {
    let html = std::fs::read(pages_dir().join(name)).unwrap();
    dechaff::extract_bytes(&html, &Options::default()).unwrap()
}

/// Minutes since 1970-01-01T00:00 UTC of an ISO 8601 date-time; without an offset, the
/// `default_offset` (minutes east of UTC) is assumed.
fn instant(iso: &str, default_offset: i64) -> i64 {
    let num = |a: usize, b: usize| -> i64 { iso.get(a..b).unwrap().parse().unwrap() };
    let (y, m, d) = (num(0, 4), num(5, 7), num(8, 10));
    let (h, mi) = (num(11, 13), num(14, 16));
    // Days from civil (Howard Hinnant's algorithm).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let rest = iso.get(16..).unwrap_or("");
    let rest = rest
        .strip_prefix(":")
        .map(|r| r.get(2..).unwrap_or(""))
        .unwrap_or(rest);
    let rest = rest.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match rest {
        "" => default_offset,
        "Z" => 0,
        r => {
            let sign = if r.starts_with('-') { -1 } else { 1 };
            let digits: String = r.chars().filter(char::is_ascii_digit).collect();
            let hh: i64 = digits.get(0..2).unwrap().parse().unwrap();
            let mm: i64 = digits.get(2..4).unwrap_or("0").parse().unwrap();
            sign * (hh * 60 + mm)
        }
    };
    days * 1440 + h * 60 + mi - offset
}

#[test]
fn instants_are_compared_across_offsets() {
    assert_eq!(
        instant("2025-02-27T14:07:00+02:00", 0),
        instant("2025-02-27T12:07:00+00:00", 0)
    );
    assert_eq!(
        instant("2025-02-27T12:07:00.000Z", 0),
        instant("2025-02-27T12:07", 0)
    );
    assert_ne!(
        instant("2025-02-27T14:07:00+02:00", 0),
        instant("2025-02-27T14:07:00", 0)
    );
}

#[test]
fn seed_page_gives_every_expected_field() {
    let exp = expected();
    let a = extract_file("kyiv-independent.html");
    let s = |k: &str| exp[k].as_str().map(str::to_string);
    assert_eq!(a.title, s("title"), "title");
    let authors: Vec<String> = exp["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(a.authors, authors, "authors");
    // Any representation of the same instant is correct (see the notes).
    let published = a.published.as_deref().expect("published");
    assert_eq!(
        instant(published, 0),
        instant(exp["published"].as_str().unwrap(), 0),
        "published {published}"
    );
    assert_eq!(a.site_name, s("site_name"), "site_name");
    assert_eq!(a.language, s("language"), "language");
    assert_eq!(a.url, s("url"), "url");
    assert_eq!(a.section, s("section"), "section");
    assert_eq!(a.image, s("image"), "image");
    assert_eq!(a.image_caption, s("image_caption"), "image_caption");
    // Tags: every expected tag, in order; the section ("the primary tag") may be among them.
    let want: Vec<&str> = exp["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let got: Vec<&str> = a
        .tags
        .iter()
        .map(String::as_str)
        .filter(|t| Some(*t) != a.section.as_deref())
        .collect();
    assert_eq!(got, want, "tags");
    // The remaining fields the page declares.
    assert_eq!(
        a.modified.as_deref().map(|m| instant(m, 0)),
        Some(instant("2025-02-27T12:31:18Z", 0))
    );
    assert!(
        a.description
            .as_deref()
            .unwrap()
            .starts_with("Russia hopes the meeting")
    );
    assert_eq!(a.page_type.as_deref(), Some("NewsArticle"));
    assert!(a.word_count > 200, "word count {}", a.word_count);
}

#[test]
fn seed_page_says_where_each_value_came_from() {
    let a = extract_file("kyiv-independent.html");
    let p = &a.provenance;
    assert_eq!(p.title, Some(Source::JsonLd));
    assert_eq!(p.authors, Some(Source::JsonLd));
    assert_eq!(p.published, Some(Source::JsonLd));
    assert_eq!(p.site_name, Some(Source::OpenGraph));
    assert_eq!(p.language, Some(Source::Dom));
    assert_eq!(p.url, Some(Source::Meta));
    assert_eq!(p.image, Some(Source::OpenGraph));
    assert_eq!(p.image_caption, Some(Source::Dom));
    assert_eq!(p.tags, Some(Source::OpenGraph));
    assert_eq!(p.license, None);
    let json: Value = serde_json::from_str(&a.to_json()).unwrap();
    assert_eq!(json["provenance"]["published"], "json_ld");
    assert_eq!(json["provenance"]["site_name"], "open_graph");
}

#[test]
fn bare_page_gives_title_author_and_date_from_the_visible_page() {
    let exp = expected();
    let a = extract_file("kyiv-independent-bare.html");
    assert_eq!(a.title.as_deref(), exp["title"].as_str());
    assert_eq!(a.authors, vec!["Martin Fornusek".to_string()]);
    let published = a.published.as_deref().expect("published");
    assert!(
        published.starts_with("2025-02-27T14:07"),
        "published {published}"
    );
    assert_eq!(a.provenance.authors, Some(Source::Dom));
    assert_eq!(a.provenance.published, Some(Source::Dom));
    // The byline is metadata, not body text.
    let text = a.text();
    assert!(!text.contains("by Martin Fornusek"), "{text}");
    assert!(!text.contains("2 min read"), "{text}");
}

const BODY: &str = "<article><h1>A headline for the test page</h1>\
    <p>The first paragraph of the story is long enough to be article text, and it has a \
    comma or two, as prose does.</p><p>The second paragraph continues the story with more \
    detail, quotes, and context for the reader.</p></article>";

/// Runs `f` on a thread with a 256 KiB stack: deep input must not need a deep stack.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn page_with_ld(blocks: &[String]) -> String {
    let mut html = String::from("<html><head><title>A headline for the test page</title>");
    for b in blocks {
        html.push_str("<script type=\"application/ld+json\">");
        html.push_str(b);
        html.push_str("</script>");
    }
    html.push_str("</head><body>");
    html.push_str(BODY);
    html.push_str("</body></html>");
    html
}

const ARTICLE_LD: &str = r#"{"@type":"NewsArticle","headline":"A headline for the test page","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2024-05-01T10:00:00Z"}"#;

#[test]
fn a_thousand_json_ld_blocks() {
    let mut blocks: Vec<String> = (0..999)
        .map(|i| format!(r#"{{"@type":"BreadcrumbList","position":{i}}}"#))
        .collect();
    blocks.insert(0, ARTICLE_LD.to_string());
    let html = page_with_ld(&blocks);
    let a = on_small_stack(move || dechaff::extract(&html, &Options::default()).unwrap());
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert!(a.has_content());
}

#[test]
fn a_five_megabyte_json_ld_block_is_skipped() {
    let big = format!(
        r#"{{"@type":"Article","headline":"Big","articleBody":"{}"}}"#,
        "x".repeat(5_000_000)
    );
    let html = page_with_ld(&[big, ARTICLE_LD.to_string()]);
    let a = on_small_stack(move || dechaff::extract(&html, &Options::default()).unwrap());
    // The big block is over the size bound; the small one is still read.
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert_eq!(a.title.as_deref(), Some("A headline for the test page"));
}

#[test]
fn json_ld_nested_ten_thousand_deep() {
    let deep_array = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let deep_object = format!(
        "{}{}",
        r#"{"@type":"Article","a":"#.repeat(10_000),
        "1".to_string() + &"}".repeat(10_000)
    );
    let html = page_with_ld(&[deep_array, deep_object, ARTICLE_LD.to_string()]);
    let a = on_small_stack(move || dechaff::extract(&html, &Options::default()).unwrap());
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
}

#[test]
fn broken_json_ld_is_repaired_or_skipped() {
    let broken = r#"<!-- {"@type": "Article", // a comment
        "headline": "A headline for the test page",
        "author": {"name": "Jane Doe",},
        "datePublished": "2024-05-01",} -->"#;
    let html = page_with_ld(&[broken.to_string(), "{{{ not json".to_string()]);
    let a = dechaff::extract(&html, &Options::default()).unwrap();
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert_eq!(a.published.as_deref(), Some("2024-05-01"));
    assert_eq!(a.provenance.published, Some(Source::JsonLd));
}

#[test]
fn dates_outside_the_range_are_not_taken() {
    let ld = r#"{"@type":"Article","headline":"A headline for the test page","datePublished":"2030-01-01"}"#;
    let html = page_with_ld(&[ld.to_string()]);
    let opts = Options::default().reference_date("2025-01-01");
    let a = dechaff::extract(&html, &opts).unwrap();
    assert_eq!(a.published, None);
    let wide = Options::default().reference_date("2031-01-01");
    let a = dechaff::extract(&html, &wide).unwrap();
    assert_eq!(a.published.as_deref(), Some("2030-01-01"));
    let old = r#"{"@type":"Article","datePublished":"1990-05-01"}"#;
    let html = page_with_ld(&[old.to_string()]);
    assert_eq!(
        dechaff::extract(&html, &Options::default())
            .unwrap()
            .published,
        None
    );
    let earlier = Options::default().earliest_date("1980-01-01");
    assert_eq!(
        dechaff::extract(&html, &earlier)
            .unwrap()
            .published
            .as_deref(),
        Some("1990-05-01")
    );
}

#[test]
fn relative_dates_need_a_reference_date() {
    let html = format!(
        "<html><body><article><h1>A headline for the test page</h1>\
         <span class=\"post-date\">vor 3 Tagen</span>{}</article></body></html>",
        BODY
    );
    assert_eq!(
        dechaff::extract(&html, &Options::default())
            .unwrap()
            .published,
        None
    );
    let opts = Options::default().reference_date("2025-03-02");
    let a = dechaff::extract(&html, &opts).unwrap();
    assert_eq!(a.published.as_deref(), Some("2025-02-27"));
}
