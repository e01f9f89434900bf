//! Batches: nested directories with gzip files, output directories, broken files, and WARC
//! archives written by the test itself.

mod common;

use std::path::Path;

use common::*;

fn ids(o: &std::process::Output) -> Vec<String> {
    jsonl(o)
        .iter()
        .map(|l| l["id"].as_str().unwrap().to_string())
        .collect()
}

/// a.html, sub/b.html.gz, sub/deeper/c.htm, and files a walk must ignore.
fn nested_dir(root: &Path) {
    write(
        &root.join("a.html"),
        article_html("Page A", "Alpha words").as_bytes(),
    );
    write(
        &root.join("sub/b.html.gz"),
        &gzip(article_html("Page B", "Bravo words").as_bytes()),
    );
    write(
        &root.join("sub/deeper/c.htm"),
        article_html("Page C", "Charlie words").as_bytes(),
    );
    write(&root.join("sub/notes.txt"), b"not a page");
    write(&root.join(".hidden.html"), b"<p>hidden</p>");
}

#[test]
fn a_nested_directory_with_gzip_files_in_name_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    nested_dir(&root);
    let r = root.to_str().unwrap();
    let one = run(&["-f", "jsonl", "-j", "1", r], None);
    assert_eq!(code(&one), 0, "{}", stderr(&one));
    assert_eq!(ids(&one), ["a", "sub/b", "sub/deeper/c"]);
    let titles: Vec<_> = jsonl(&one)
        .iter()
        .map(|l| l["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["Page A", "Page B", "Page C"]);
    assert!(jsonl(&one).iter().all(|l| l["has_content"] == true));
    assert!(
        jsonl(&one)[1]["text"]
            .as_str()
            .unwrap()
            .contains("Bravo words")
    );
    // The same bytes whatever the number of workers.
    for j in ["2", "3"] {
        let many = run(&["-f", "jsonl", "-j", j, r], None);
        assert_eq!(many.stdout, one.stdout, "-j {j}");
    }
    let summary = stderr(&one);
    assert!(
        summary.contains("3 pages: 3 with content, 0 empty, 0 failed"),
        "{summary}"
    );
}

#[test]
fn text_batches_name_each_page() {
    let dir = tempfile::tempdir().unwrap();
    nested_dir(dir.path());
    let o = run(&[dir.path().to_str().unwrap()], None);
    let out = stdout(&o);
    let heads: Vec<_> = out.lines().filter(|l| l.starts_with("==> ")).collect();
    assert_eq!(heads.len(), 3, "{out}");
    assert!(heads[1].ends_with("b.html.gz <=="), "{}", heads[1]);
}

#[test]
fn output_dir_mirrors_input_names() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("pages");
    nested_dir(&root);
    let out = dir.path().join("out");
    let page = seed_page();
    let o = run(
        &[
            "-f",
            "markdown",
            "-o",
            out.to_str().unwrap(),
            root.to_str().unwrap(),
            page.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    for (file, title) in [
        ("a.md", "Page A"),
        ("sub/b.md", "Page B"),
        ("sub/deeper/c.md", "Page C"),
        ("kyiv-independent.md", "US-Russia talks"),
    ] {
        let text = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(text.starts_with("---\ntitle: \""), "{file}: {text}");
        assert!(text.contains(title), "{file}");
    }
    assert!(!out.join("sub/notes.md").exists());
}

#[test]
fn a_batch_with_broken_files_finishes_and_reports_each() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        &root.join("1-good.html"),
        article_html("Good page", "Fine words").as_bytes(),
    );
    write(
        &root.join("2-image.html"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    write(
        &root.join("3-bad.html.gz"),
        b"\x1f\x8b\x08\0garbage that is not deflate",
    );
    write(&root.join("4-huge.html"), &vec![b'x'; 60_000]);
    std::os::unix::fs::symlink(root.join("nowhere.html"), root.join("5-dangling.html")).unwrap();
    write(
        &root.join("6-empty.html"),
        b"<html><head><title>Nothing here</title></head><body></body></html>",
    );
    let r = root.to_str().unwrap();
    let o = run(&["-f", "jsonl", "--max-input-bytes", "50000", r], None);
    assert_eq!(code(&o), 0, "some pages succeeded: {}", stderr(&o));
    let err = stderr(&o);
    for (name, reason) in [
        ("2-image.html", "not HTML"),
        ("3-bad.html.gz", "bad gzip data"),
        ("4-huge.html", "larger than the limit of 50000 bytes"),
        ("5-dangling.html", "No such file"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("{name} not reported: {err}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(
        err.contains("6 pages: 1 with content, 1 empty, 4 failed"),
        "{err}"
    );
    // Every page has a line, failures with an error object and no text.
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 6);
    assert_eq!(lines[0]["id"], "1-good");
    assert_eq!(lines[1]["error"]["kind"], "not_html");
    assert!(lines[1].get("text").is_none());
    assert_eq!(lines[5]["has_content"], false);

    let strict = run(&["-q", "--strict", "--max-input-bytes", "50000", r], None);
    assert_eq!(code(&strict), 1);
    assert_eq!(stderr(&strict), "", "--quiet prints nothing");

    let all_bad = run(
        &[
            root.join("2-image.html").to_str().unwrap(),
            root.join("3-bad.html.gz").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code(&all_bad), 1, "everything failed");
    assert!(stderr(&all_bad).contains("2 pages: 0 with content, 0 empty, 2 failed"));
}

/// One WARC record, as a crawler writes it.
fn record(kind: &str, n: u32, uri: &str, content_type: &str, extra: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{n:012}>\r\n\
         WARC-Date: 2025-02-27T12:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\n\
         {extra}Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// Records of a small crawl: (WARC bytes, expected ids of extracted pages).
fn crawl_records() -> Vec<Vec<u8>> {
    let story = article_html("Story one", "Istanbul talks");
    let story2 = article_html("Story two", "Second story");
    let resp = "application/http; msgtype=response";
    vec![
        record(
            "warcinfo",
            1,
            "",
            "application/warc-fields",
            "",
            b"software: test\r\n",
        ),
        record(
            "request",
            2,
            "http://example.com/one",
            "application/http; msgtype=request",
            "",
            b"GET /one HTTP/1.1\r\nHost: example.com\r\n\r\n",
        ),
        record(
            "response",
            3,
            "http://example.com/one",
            resp,
            "",
            &http("200 OK", "text/html; charset=utf-8", story.as_bytes()),
        ),
        record(
            "response",
            4,
            "http://example.com/logo.png",
            resp,
            "",
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n"),
        ),
        record(
            "response",
            5,
            "http://example.com/gone",
            resp,
            "",
            &http("404 Not Found", "text/html", b"<p>gone</p>"),
        ),
        record(
            "response",
            6,
            "http://example.com/cut",
            resp,
            "WARC-Truncated: length\r\n",
            &http("200 OK", "text/html", b"<html><body><p>cut by the crawl"),
        ),
        record(
            "response",
            7,
            "http://example.com/two",
            resp,
            "",
            &http("200 OK", "text/html", story2.as_bytes()),
        ),
        record(
            "response",
            8,
            "http://example.com/last",
            resp,
            "",
            &http(
                "200 OK",
                "text/html",
                article_html("Lost", "Never read").as_bytes(),
            ),
        ),
    ]
}

#[test]
fn a_warc_gz_with_html_non_html_and_truncated_records() {
    let dir = tempfile::tempdir().unwrap();
    let records = crawl_records();
    // Each record is its own gzip member, as in crawl archives; the last one is cut short.
    let mut archive = Vec::new();
    for (i, r) in records.iter().enumerate() {
        let member = gzip(r);
        if i + 1 == records.len() {
            archive.extend_from_slice(&member[..member.len() / 2]);
        } else {
            archive.extend_from_slice(&member);
        }
    }
    let path = dir.path().join("crawl.warc.gz");
    write(&path, &archive);
    let p = path.to_str().unwrap();
    let o = run(&["-f", "jsonl", "-j", "2", p], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = jsonl(&o);
    let got: Vec<_> = lines
        .iter()
        .map(|l| (l["id"].as_str().unwrap(), l["source"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            (
                "urn:uuid:00000000-0000-0000-0000-000000000003",
                "http://example.com/one"
            ),
            (
                "urn:uuid:00000000-0000-0000-0000-000000000007",
                "http://example.com/two"
            ),
            (
                "urn:uuid:00000000-0000-0000-0000-000000000008",
                "http://example.com/last"
            ),
        ]
    );
    assert_eq!(lines[0]["title"], "Story one");
    assert!(
        lines[0]["text"]
            .as_str()
            .unwrap()
            .contains("Istanbul talks")
    );
    assert_eq!(lines[1]["title"], "Story two");
    assert!(
        lines[2]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("truncated")
    );
    let err = stderr(&o);
    for (record, reason) in [
        (
            "#4 http://example.com/logo.png",
            "skipped: not HTML (image/png)",
        ),
        ("#5 http://example.com/gone", "skipped: HTTP status 404"),
        (
            "#6 http://example.com/cut",
            "skipped: record truncated by the crawler",
        ),
        ("#8 http://example.com/last", "truncated"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(record))
            .unwrap_or_else(|| panic!("{record} not reported: {err}"));
        assert!(line.contains(reason), "{line}");
    }
    assert!(
        err.contains("3 pages: 2 with content, 0 empty, 1 failed, 3 records skipped"),
        "{err}"
    );
    // The same archive uncompressed and cut inside a body; and read from standard input.
    let mut plain: Vec<u8> = records.concat();
    plain.truncate(plain.len() - 300);
    let path = dir.path().join("crawl.warc");
    write(&path, &plain);
    let o = run(&["-f", "jsonl", path.to_str().unwrap()], None);
    assert_eq!(ids(&o).len(), 3);
    assert!(stderr(&o).contains("truncated record: the archive ends after"));
    let o = run(&["-f", "jsonl", "-"], Some(gzip(&records[..7].concat())));
    assert_eq!(ids(&o).len(), 2, "{}", stderr(&o));
    // Output directory: one file per record, numbered in archive order.
    let out = dir.path().join("out");
    let o = run(&["-o", out.to_str().unwrap(), p], None);
    assert_eq!(code(&o), 0);
    assert!(out.join("crawl/000003.txt").exists());
    assert!(out.join("crawl/000007.txt").exists());
    assert!(!out.join("crawl/000004.txt").exists());
}

#[test]
fn a_named_pipe_is_read_once_and_never_walked_into() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.html");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let page = std::fs::read(seed_page()).unwrap();
    let writer = {
        let fifo = fifo.clone();
        // Opening a FIFO for writing waits for the reader, so this runs beside dechaff.
        std::thread::spawn(move || std::fs::write(fifo, gzip(&page)).unwrap())
    };
    let o = run(&["-f", "jsonl", fifo.to_str().unwrap()], None);
    writer.join().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&o)[0]["id"], "pipe");
    assert_eq!(jsonl(&o)[0]["has_content"], true);
    // In a directory walk the FIFO is not a regular file: skipped, so nothing blocks.
    write(
        &dir.path().join("real.html"),
        article_html("Real", "Real words").as_bytes(),
    );
    let o = run(&["-f", "jsonl", dir.path().to_str().unwrap()], None);
    assert_eq!(ids(&o), ["real"]);
}

#[test]
fn output_is_in_input_order_even_when_the_first_page_is_slowest() {
    let dir = tempfile::tempdir().unwrap();
    // About 1 MB of article: it takes the longest, and it comes first.
    let long = "Long words of a long article, with commas, clauses and detail. ".repeat(16_000);
    write(
        &dir.path().join("00-long.html"),
        article_html("Long", &long).as_bytes(),
    );
    for i in 1..=12 {
        let name = format!("{i:02}-short.html");
        write(
            &dir.path().join(name),
            article_html("Short", "Short words").as_bytes(),
        );
    }
    let o = run(
        &["-f", "jsonl", "-j", "3", dir.path().to_str().unwrap()],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let expected: Vec<String> = std::iter::once("00-long".to_string())
        .chain((1..=12).map(|i| format!("{i:02}-short")))
        .collect();
    assert_eq!(ids(&o), expected);
}
