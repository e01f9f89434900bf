//! Golden tests: the bundled seed page (and its variant without head metadata) must give
//! exactly the expected paragraphs and none of the boilerplate, in every rendering.

use std::path::PathBuf;

use dechaff::{Block, Options};
use serde_json::Value;

fn pages_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples/pages")
}

fn expected() -> Value {
    let raw = std::fs::read_to_string(pages_dir().join("kyiv-independent.expected.json")).unwrap();
    serde_json::from_str(&raw).unwrap()
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

fn check_body(file: &str) {
    let html = std::fs::read(pages_dir().join(file)).unwrap();
    let exp = expected();
    let article = dechaff::extract_bytes(&html, &Options::default()).unwrap();

    let paragraphs: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { text, .. } => text.as_str(),
            other => panic!("{file}: unexpected block {other:?}"),
        })
        .collect();
    assert_eq!(
        paragraphs,
        strings(&exp, "paragraphs"),
        "{file}: paragraphs"
    );
    assert_eq!(
        article.title.as_deref(),
        exp["title"].as_str(),
        "{file}: title"
    );

    let renderings = [
        ("text", article.text()),
        ("markdown", article.markdown()),
        ("html", article.html()),
        ("json", article.to_json()),
    ];
    for banned in strings(&exp, "must_not_contain") {
        for (name, out) in &renderings {
            assert!(
                !out.contains(&banned),
                "{file}: {name} rendering contains {banned:?}"
            );
        }
    }
}

#[test]
fn seed_page_body_and_title() {
    check_body("kyiv-independent.html");
}

#[test]
fn bare_seed_page_body_and_title() {
    check_body("kyiv-independent-bare.html");
}
