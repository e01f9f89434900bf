//! Rust-side checks of the C API: the committed header matches the code, every exported
//! function has the panic boundary, and the exported functions behave on a real page. The C
//! test suite (`bindings-c/tests/*.c`, run by `scripts/test-c.sh`) covers the same API from C.

use std::ffi::{CStr, CString, c_char};
use std::path::Path;

use super::*;

const CRATE_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// `include/dechaff.h` as the pinned cbindgen generates it from `src/` and `cbindgen.toml`.
fn generated_header() -> String {
    let dir = Path::new(CRATE_DIR);
    let mut config = cbindgen::Config::from_file(dir.join("cbindgen.toml")).unwrap();
    let (major, minor, patch) = (
        env!("CARGO_PKG_VERSION_MAJOR"),
        env!("CARGO_PKG_VERSION_MINOR"),
        env!("CARGO_PKG_VERSION_PATCH"),
    );
    let version = env!("CARGO_PKG_VERSION");
    config.after_includes = Some(format!(
        "\n/* The version of the library this header belongs to; dechaff_version() gives the\n   \
         version of the library actually linked. */\n\
         #define DECHAFF_VERSION \"{version}\"\n\
         #define DECHAFF_VERSION_MAJOR {major}\n\
         #define DECHAFF_VERSION_MINOR {minor}\n\
         #define DECHAFF_VERSION_PATCH {patch}\n"
    ));
    let bindings = cbindgen::Builder::new()
        .with_config(config)
        .with_src(dir.join("src/lib.rs"))
        .generate()
        .unwrap();
    let mut out = Vec::new();
    bindings.write(&mut out);
    String::from_utf8(out).unwrap()
}

#[test]
fn header_matches_the_code() {
    let path = Path::new(CRATE_DIR).join("include/dechaff.h");
    let generated = generated_header();
    if std::env::var_os("UPDATE_HEADER").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is out of date: run `UPDATE_HEADER=1 cargo test -p dechaff-c header` and commit it",
        path.display()
    );
}

#[test]
fn every_exported_function_is_declared() {
    let header = std::fs::read_to_string(Path::new(CRATE_DIR).join("include/dechaff.h")).unwrap();
    let exported = exported_functions();
    assert!(exported.len() >= 30, "found only {exported:?}");
    for (name, _) in &exported {
        assert!(
            header.contains(&format!("{name}(")),
            "{name} missing from the header"
        );
    }
}

/// Every `extern "C"` function in `src/`, with its body's first line.
fn exported_functions() -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(Path::new(CRATE_DIR).join("src")).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(rest) = line.split("extern \"C\" fn ").nth(1) else {
                continue;
            };
            let name = rest.split('(').next().unwrap().trim().to_string();
            // The body starts after the line that ends the signature with `{`.
            let body_start = lines[i..]
                .iter()
                .position(|l| l.trim_end().ends_with('{'))
                .unwrap();
            let first = lines[i + body_start + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty() && !l.starts_with("//"))
                .unwrap()
                .to_string();
            found.push((name, first));
        }
    }
    found.sort();
    found
}

#[test]
fn every_exported_function_starts_with_the_panic_boundary() {
    for (name, first) in exported_functions() {
        assert!(
            first.starts_with("ffi_boundary!("),
            "{name} does not start with ffi_boundary!: {first}"
        );
    }
}

fn seed_page() -> Vec<u8> {
    std::fs::read(Path::new(CRATE_DIR).join("../examples/pages/kyiv-independent.html")).unwrap()
}

fn c_str<'a>(p: *const c_char) -> Option<&'a str> {
    // SAFETY: test helper; `p` is NULL or a string borrowed from a live article.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_str().unwrap())
}

fn last_error() -> String {
    let mut buf = [0 as c_char; 512];
    // SAFETY: `buf` has 512 writable bytes.
    unsafe { dechaff_last_error_message(buf.as_mut_ptr(), buf.len()) };
    // SAFETY: the function NUL-terminates what it writes.
    unsafe { CStr::from_ptr(buf.as_ptr()) }
        .to_str()
        .unwrap()
        .to_string()
}

#[test]
fn extract_gives_the_same_json_as_the_core() {
    let html = seed_page();
    let mut article = std::ptr::null_mut();
    // SAFETY: valid buffer and out-pointer.
    let status = unsafe {
        dechaff_extract(
            html.as_ptr(),
            html.len(),
            std::ptr::null(),
            std::ptr::null(),
            &mut article,
        )
    };
    assert_eq!(status, dechaff_status::DECHAFF_OK);
    let expected = dechaff::extract_bytes(&html, &dechaff::Options::default()).unwrap();
    // SAFETY: `article` is live until freed below.
    unsafe {
        assert_eq!(
            c_str(dechaff_article_json(article)),
            Some(expected.to_json().as_str())
        );
        assert_eq!(
            c_str(dechaff_article_title(article)),
            expected.title.as_deref()
        );
        assert_eq!(
            dechaff_article_authors_count(article),
            expected.authors.len()
        );
        for (i, author) in expected.authors.iter().enumerate() {
            assert_eq!(
                c_str(dechaff_article_author(article, i)),
                Some(author.as_str())
            );
        }
        assert!(dechaff_article_author(article, expected.authors.len()).is_null());
        assert_eq!(
            c_str(dechaff_article_language(article)),
            expected.language.as_deref()
        );
        assert!(dechaff_article_has_content(article));
        // Cached: the same pointer twice.
        assert_eq!(dechaff_article_text(article), dechaff_article_text(article));
        dechaff_article_free(article);
    }
}

#[test]
fn errors_set_a_status_and_a_message() {
    // SAFETY: every pointer is valid or NULL as each function allows.
    unsafe {
        let opts = dechaff_options_new();
        assert!(!opts.is_null());
        assert_eq!(
            dechaff_options_set_max_input_bytes(opts, 10),
            dechaff_status::DECHAFF_OK
        );
        let html = b"<p>more than ten bytes</p>";
        let mut article = std::ptr::dangling_mut::<dechaff_article>(); // must be overwritten with NULL
        let status = dechaff_extract(
            html.as_ptr(),
            html.len(),
            std::ptr::null(),
            opts,
            &mut article,
        );
        assert_eq!(status, dechaff_status::DECHAFF_ERR_INPUT_TOO_LARGE);
        assert!(article.is_null());
        assert_eq!(
            last_error(),
            "input is 26 bytes; the limit is 10 (input_too_large)"
        );

        let bad = CString::new("not a url").unwrap();
        assert_eq!(
            dechaff_options_set_url(opts, bad.as_ptr()),
            dechaff_status::DECHAFF_ERR_INVALID_OPTION
        );
        assert!(
            last_error().starts_with("invalid option `url`"),
            "{}",
            last_error()
        );
        assert_eq!(
            dechaff_options_set_favor(opts, 7),
            dechaff_status::DECHAFF_ERR_INVALID_OPTION
        );
        assert_eq!(
            dechaff_options_set_max_depth(std::ptr::null_mut(), 9),
            dechaff_status::DECHAFF_ERR_NULL_ARGUMENT
        );
        assert_eq!(last_error(), "`opts` is NULL");
        dechaff_options_free(opts);
    }
}

#[test]
fn handles_can_be_shared_across_threads() {
    // The header promises that const options and articles may be read from several threads.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<dechaff_options>();
    assert_send_sync::<dechaff_article>();
}
