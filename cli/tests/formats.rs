//! One page in and out: every format on the seed page, standard input, `--url`, `--help`,
//! and the one-line errors of bad flags and unreadable inputs.

mod common;

use common::*;

fn seed_article() -> dechaff::Article {
    let bytes = std::fs::read(seed_page()).unwrap();
    dechaff::extract_bytes(&bytes, &dechaff::Options::default()).unwrap()
}

#[test]
fn json_is_the_library_json_byte_for_byte() {
    let page = seed_page();
    let o = run(&["--format", "json", page.to_str().unwrap()], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(stdout(&o), format!("{}\n", seed_article().to_json()));
    assert_eq!(stderr(&o), "", "a single page prints no summary");
}

#[test]
fn jsonl_adds_id_source_author_and_date_to_the_library_json() {
    let page = seed_page();
    let o = run(&["-f", "jsonl", page.to_str().unwrap()], None);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 1);
    let mut line = lines[0].as_object().unwrap().clone();
    let article = seed_article();
    assert_eq!(line.remove("id").unwrap(), "kyiv-independent");
    assert_eq!(line.remove("source").unwrap(), page.to_str().unwrap());
    let author = line.remove("author").unwrap();
    if article.authors.is_empty() {
        assert!(author.is_null());
    } else {
        assert_eq!(author, article.authors.join("; ").as_str());
    }
    assert_eq!(
        line.remove("date").unwrap(),
        serde_json::json!(article.published)
    );
    let core: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&article.to_json()).unwrap();
    assert_eq!(line, core);
    assert!(line["has_content"].as_bool().unwrap());
}

#[test]
fn text_is_title_then_body() {
    let o = run(&[seed_page().to_str().unwrap()], None);
    assert_eq!(code(&o), 0);
    let article = seed_article();
    let title = article.title.clone().unwrap();
    assert_eq!(stdout(&o), format!("{title}\n\n{}\n", article.text()));
    assert!(stdout(&o).contains("strengthen the trust"));
}

#[test]
fn markdown_has_yaml_front_matter_then_the_article() {
    let page = seed_page();
    let o = run(&["--format", "markdown", page.to_str().unwrap()], None);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let rest = out.strip_prefix("---\n").expect("front matter opens");
    let (yaml, body) = rest.split_once("\n---\n\n").expect("front matter closes");
    let docs = yaml_rust2::YamlLoader::load_from_str(yaml).expect("valid YAML");
    let meta = &docs[0];
    let article = seed_article();
    assert_eq!(meta["title"].as_str(), article.title.as_deref());
    assert_eq!(meta["source"].as_str(), page.to_str());
    assert_eq!(meta["word_count"].as_i64(), Some(article.word_count as i64));
    assert_eq!(meta["has_content"].as_bool(), Some(true));
    assert_eq!(meta["language"].as_str(), article.language.as_deref());
    assert_eq!(body, article.markdown());
}

#[test]
fn html_is_the_library_html() {
    let o = run(&["-f", "html", seed_page().to_str().unwrap()], None);
    assert_eq!(code(&o), 0);
    let html = seed_article().html();
    assert_eq!(stdout(&o).trim_end(), html.trim_end());
    assert!(html.contains("<article"));
}

#[test]
fn standard_input_plain_and_gzip() {
    let bytes = std::fs::read(seed_page()).unwrap();
    let expected = format!("{}\n", seed_article().to_json());
    let o = run(&["-f", "json", "-"], Some(bytes.clone()));
    assert_eq!(stdout(&o), expected);
    let o = run(&["-f", "json", "-"], Some(gzip(&bytes)));
    assert_eq!(stdout(&o), expected);
    let o = run(&["-f", "jsonl", "-"], Some(bytes));
    assert_eq!(jsonl(&o)[0]["id"], "stdin");
    assert_eq!(jsonl(&o)[0]["source"], "-");
}

#[test]
fn url_is_the_base_of_a_single_file() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<!doctype html><html><head><meta charset=utf-8><title>Relative links</title></head>\
        <body><article><h1>Relative links</h1><p>See <a href=\"/rel/page\">the other page</a> here. \
        This paragraph of the story is long enough to be article text, and it has a comma or two, \
        as prose does.</p><p>Second paragraph of the story is long enough to be article text, and \
        it has a comma or two, as prose does.</p></article></body></html>";
    let path = dir.path().join("page.html");
    write(&path, html.as_bytes());
    let p = path.to_str().unwrap();
    let o = run(
        &[
            "-f",
            "json",
            "--links",
            "--url",
            "https://example.org/base/",
            p,
        ],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("\"href\":\"https://example.org/rel/page\""),
        "{}",
        stdout(&o)
    );
    let o = run(&["-f", "json", "--links", p], None);
    assert!(!stdout(&o).contains("https://example.org/rel/page"));
    // Two inputs: --url is refused, on one line.
    let o = run(&["--url", "https://example.org/", p, p], None);
    assert_eq!(code(&o), 2);
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(stderr(&o).contains("--url"));
}

#[test]
fn help_documents_every_flag() {
    let o = run(&["--help"], None);
    assert_eq!(code(&o), 0);
    let help = stdout(&o);
    for flag in [
        "--format",
        "--output-dir",
        "--jobs",
        "--strict",
        "--quiet",
        "--url",
        "--favor",
        "--tables",
        "--no-tables",
        "--images",
        "--no-images",
        "--links",
        "--no-links",
        "--comments",
        "--no-comments",
        "--explain",
        "--no-explain",
        "--encoding",
        "--reference-date",
        "--earliest-date",
        "--max-input-bytes",
        "--max-nodes",
        "--max-depth",
        "--on-limit",
        "--timeout",
        "--max-redirects",
        "--user-agent",
        "--help",
        "--version",
    ] {
        assert!(help.contains(flag), "{flag} missing from --help");
    }
    // The defaults shown come from the library.
    let d = dechaff::Options::default();
    assert!(help.contains(&format!("[default: {}]", d.limits.max_nodes)));
    assert!(help.contains(&format!("[default: {}]", d.favor.as_str())));
}

/// One line on stderr, naming `what`, and the exit status `status`.
fn assert_one_line_error(args: &[&str], what: &str, status: i32) {
    let o = run(args, None);
    assert_eq!(code(&o), status, "{args:?}: {}", stderr(&o));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
    assert!(err.starts_with("dechaff: "), "{err}");
    assert!(err.contains(what), "{args:?}: {err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn bad_flags_give_one_line_naming_them() {
    let page = seed_page();
    let p = page.to_str().unwrap();
    assert_one_line_error(&["--bogus", p], "--bogus", 2);
    assert_one_line_error(&["--format", "xml", p], "--format", 2);
    assert_one_line_error(&["--favor", "most", p], "--favor", 2);
    assert_one_line_error(&["--jobs", "0", p], "--jobs", 2);
    assert_one_line_error(&["--encoding", "no-such-charset", p], "--encoding", 2);
    assert_one_line_error(&["--reference-date", "yesterday", p], "--reference-date", 2);
    assert_one_line_error(&["--url", "not a url", p], "--url", 2);
    assert_one_line_error(&["--timeout", "0", p], "--timeout", 2);
    assert_one_line_error(&[], "<INPUT>", 2);
}

#[test]
fn an_unreadable_input_gives_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.html");
    let m = missing.to_str().unwrap();
    assert_one_line_error(&[m], m, 1);
    assert_one_line_error(&[m], "No such file", 1);
    let png = dir.path().join("image.html");
    write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0",
    );
    assert_one_line_error(&[png.to_str().unwrap()], "not HTML", 1);
}

#[test]
fn explain_puts_the_decisions_in_the_json() {
    let page = seed_page();
    let o = run(
        &["--format", "json", "--explain", page.to_str().unwrap()],
        None,
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let trace = v["diagnostics"]["trace"].as_array().expect("a trace");
    assert!(trace.iter().any(|e| {
        e["pass"] == "remove_boilerplate_classes"
            && e["element"]
                .as_str()
                .unwrap_or("")
                .contains("related-article")
    }));
    // Without the flag, no trace.
    let o = run(&["--format", "json", page.to_str().unwrap()], None);
    assert!(!stdout(&o).contains("\"trace\""));
}
