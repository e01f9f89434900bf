//! "No main content" is an empty Article with `has_content() == false`, not an error — and a
//! page that simply holds a few words keeps them.

use dechaff::Options;

#[test]
fn login_page_has_no_content() {
    let html = "<html><body><h1>Sign in</h1><form><input name=user><input type=password>\
                <button>Log in</button></form><a href=/reset>Forgot password?</a></body></html>";
    let a = dechaff::extract(html, &Options::default()).unwrap();
    assert!(!a.has_content(), "{:?}", a.blocks);
    assert!(a.blocks.is_empty());
    assert_eq!(a.text(), "");
}

#[test]
fn page_of_links_has_no_content() {
    let html = "<html><body><ul><li><a href=/a>Home</a></li><li><a href=/b>About</a></li>\
                <li><a href=/c>Contact</a></li></ul></body></html>";
    let a = dechaff::extract(html, &Options::default()).unwrap();
    assert!(!a.has_content());
}

#[test]
fn empty_inputs_are_empty_articles() {
    for html in ["", "   \n\t", "<html></html>", "<html><body></body></html>"] {
        let a = dechaff::extract(html, &Options::default()).unwrap();
        assert!(!a.has_content(), "{html:?}");
    }
    let a = dechaff::extract_bytes(b"", &Options::default()).unwrap();
    assert!(!a.has_content());
}

#[test]
fn a_few_plain_words_are_content() {
    let a = dechaff::extract("<html><body>Test</body></html>", &Options::default()).unwrap();
    assert!(a.has_content());
    assert_eq!(a.text(), "Test");
}

#[test]
fn metadata_survives_without_content() {
    let html = "<html><head><title>Members only | Example</title>\
                <meta property=og:site_name content=Example></head>\
                <body><form><input type=password></form></body></html>";
    let a = dechaff::extract(html, &Options::default()).unwrap();
    assert!(!a.has_content());
    assert_eq!(a.title.as_deref(), Some("Members only"));
}

#[test]
fn a_page_that_is_only_a_menu_has_no_content() {
    let a = dechaff::extract(
        "<html><body><nav>Menu</nav></body></html>",
        &Options::default(),
    )
    .unwrap();
    assert!(!a.has_content(), "{:?}", a.blocks);
}

#[test]
fn javascript_links_wrap_content_not_navigation() {
    let html = "<html><body><a href=\"javascript:\"><p>abc</p><p>def</p>ghi</a></body></html>";
    let a = dechaff::extract(html, &Options::default()).unwrap();
    assert_eq!(a.text(), "abc\n\ndef\n\nghi");
}
