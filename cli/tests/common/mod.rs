//! Helpers shared by the integration tests: running the binary, writing pages, gzip.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The seed page of the project.
pub fn seed_page() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/pages/kyiv-independent.html")
}

/// Runs `dechaff` with `args` (and `stdin` if given).
pub fn run(args: &[&str], stdin: Option<Vec<u8>>) -> Output {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("dechaff");
    cmd.args(args);
    if let Some(input) = stdin {
        cmd.write_stdin(input);
    }
    cmd.output().expect("run dechaff")
}

/// Standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// Standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// Exit code.
pub fn code(o: &Output) -> i32 {
    o.status.code().expect("exit code")
}

/// Parses jsonl output.
pub fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

/// An article page the library extracts: a title and a few long paragraphs.
pub fn article_html(title: &str, words: &str) -> String {
    let para = format!(
        "<p>{words}. This paragraph of the story is long enough to be article text, and it has \
         a comma or two, as prose does, with more detail and context for the reader.</p>"
    );
    format!(
        "<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head><body>\
         <nav><a href=/>Home</a> <a href=/world>World</a></nav>\
         <article><h1>{title}</h1>{para}{para}{para}</article>\
         <footer>Example News footer</footer></body></html>"
    )
}

/// gzip-compresses bytes.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}

/// Writes a file, creating its directories.
pub fn write(path: &Path, bytes: &[u8]) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}
