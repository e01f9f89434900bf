//! `Options::explain` records why each part of the page was dropped or kept.

use dechaff::Options;

fn seed() -> Vec<u8> {
    let p = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples/pages/kyiv-independent.html");
    std::fs::read(p).unwrap()
}

#[test]
fn explain_records_the_decisions() {
    let a = dechaff::extract_bytes(&seed(), &Options::default().explain(true)).unwrap();
    let trace = &a.diagnostics.trace;
    assert!(!trace.is_empty());
    // The related-article card inside the body was removed for its class words.
    let card = trace
        .iter()
        .find(|e| e.action == "removed" && e.element.contains("related-article"))
        .expect("related card decision");
    assert_eq!(card.pass, "remove_boilerplate_classes");
    assert!(
        card.text.starts_with("Exclusive: The full text"),
        "{}",
        card.text
    );
    // The site header (with its menus) went with the semantic pass, the edit link with the
    // hidden pass.
    assert!(trace.iter().any(|e| e.pass == "remove_semantic_boilerplate"
        && e.element.starts_with("header#site-header")
        && e.text.contains("War Analysis")));
    assert!(
        trace
            .iter()
            .any(|e| e.pass == "remove_hidden" && e.text.contains("Edit post"))
    );
    // And the container of the article was selected.
    let selected = trace
        .iter()
        .find(|e| e.action == "selected")
        .expect("selection");
    assert!(
        selected.element.starts_with("article.article")
            || selected.element.contains("article-content"),
        "{}",
        selected.element
    );
    // The trace is part of the JSON.
    assert!(a.to_json().contains("\"trace\":["));
}

#[test]
fn explain_is_off_by_default_and_changes_nothing_else() {
    let plain = dechaff::extract_bytes(&seed(), &Options::default()).unwrap();
    assert!(plain.diagnostics.trace.is_empty());
    assert!(!plain.to_json().contains("\"trace\""));
    let explained = dechaff::extract_bytes(&seed(), &Options::default().explain(true)).unwrap();
    assert_eq!(plain.blocks, explained.blocks);
}
