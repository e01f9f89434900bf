//! Pages that are not UTF-8 decode correctly: a known non-ASCII word of each page's title
//! comes out intact (no mojibake, no U+FFFD).

use std::path::PathBuf;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/corpus")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn check(name: &str, encoding: &str, word: &str) {
    check_field(name, encoding, word, |a| a.title.clone());
}

/// Like [`check`], on another text field of the article.
fn check_field(
    name: &str,
    encoding: &str,
    word: &str,
    field: impl Fn(&dechaff::Article) -> Option<String>,
) {
    let bytes = fixture(name);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "{name} should not be valid UTF-8"
    );
    let a = dechaff::extract_bytes(&bytes, &dechaff::Options::default()).unwrap();
    let title = field(&a).unwrap_or_default();
    assert!(
        title.contains(word),
        "{name}: title {title:?} lacks {word:?}"
    );
    assert!(
        !title.contains('\u{FFFD}'),
        "{name}: title {title:?} has replacement characters"
    );
    assert_eq!(a.diagnostics.encoding, encoding, "{name}");
}

#[test]
fn windows_1252_declared() {
    check(
        "trafilatura-automobilwoche.html",
        "windows-1252",
        "Aufsichtsräten",
    );
}

#[test]
fn gbk_declared_as_utf8_is_guessed_again() {
    check("trafilatura-xinhuanet.html", "GBK", "话剧");
}

#[test]
fn iso_8859_2_declared_as_utf8_is_guessed_again() {
    check("trafilatura-ziemniaki.html", "ISO-8859-2", "szóstej");
}

#[test]
fn utf8_with_a_few_stray_bytes_stays_utf8() {
    // The page's title ("Kleine Schafskunde") is ASCII; its description is not.
    check_field("trafilatura-maescot.html", "UTF-8", "Mäscot", |a| {
        a.description.clone()
    });
}
