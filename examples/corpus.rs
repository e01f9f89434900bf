//! Runs dechaff over a corpus directory and prints one JSON line per page.
//!
//! ```text
//! cargo run --release --example corpus -- DIR [--favor precision|balanced|recall] [--parse-only] [--repeat N]
//! ```
//!
//! Reads `DIR/html/*.html` and `*.html.gz`; prints `{"id", "text", "title", "author", "date"}`
//! per page (the input of `score.py`), and on stderr the pages/s and MB/s of extraction
//! alone (reading and decompressing files excluded). `--parse-only` times
//! `scraper::Html::parse_document` on the same decoded pages instead, for the speed ratio.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let mut dir = None;
    let mut options = dechaff::Options::default();
    let mut parse_only = false;
    let mut repeat = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--favor" => match args.next().unwrap_or_default().parse() {
                Ok(f) => options = options.favor(f),
                Err(e) => {
                    eprintln!("corpus: {e}");
                    return ExitCode::from(2);
                }
            },
            "--parse-only" => parse_only = true,
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1),
            _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
            _ => {
                eprintln!("corpus: unknown argument {arg:?}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!(
            "usage: corpus DIR [--favor precision|balanced|recall] [--parse-only] [--repeat N]"
        );
        return ExitCode::from(2);
    };
    let pages = match read_pages(&dir.join("html")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("corpus: cannot read {}: {e}", dir.join("html").display());
            return ExitCode::from(1);
        }
    };
    let extractor = match dechaff::Extractor::new(options) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("corpus: {e}");
            return ExitCode::from(2);
        }
    };
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mut elapsed = Duration::ZERO;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for round in 0..repeat {
        for (id, html) in &pages {
            if parse_only {
                // The same decoding as extract_bytes, outside the timed region, so the ratio
                // compares parsing with extraction on equal input.
                let text = String::from_utf8_lossy(html);
                let t = Instant::now();
                let doc = scraper::Html::parse_document(&text);
                elapsed += t.elapsed();
                drop(doc);
                continue;
            }
            let t = Instant::now();
            let result = extractor.extract_bytes(html, None, None);
            elapsed += t.elapsed();
            if round > 0 {
                continue;
            }
            let line = match result {
                Ok(a) => serde_json::json!({
                    "id": id,
                    "text": a.text(),
                    "title": a.title,
                    "author": if a.authors.is_empty() { None } else { Some(a.authors.join("; ")) },
                    "date": a.published,
                }),
                Err(e) => {
                    failures += 1;
                    eprintln!("corpus: {id}: {e}");
                    serde_json::json!({"id": id, "text": "", "error": e.to_string()})
                }
            };
            if writeln!(out, "{line}").is_err() {
                return ExitCode::from(1);
            }
        }
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    let n = pages.len() * repeat;
    eprintln!(
        "{}: {} pages, {:.1} MB, {:.3} s, {:.1} pages/s, {:.2} MB/s{}",
        if parse_only { "parse-only" } else { "extract" },
        n,
        (bytes * repeat) as f64 / 1e6,
        secs,
        n as f64 / secs,
        (bytes * repeat) as f64 / 1e6 / secs,
        if failures > 0 {
            format!(", {failures} errors")
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}

/// `(id, bytes)` for every `*.html` / `*.html.gz` in `dir`, sorted by id.
fn read_pages(dir: &std::path::Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("")
            .to_string();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id.to_string(), true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id.to_string(), false)
        } else {
            continue;
        };
        let raw = std::fs::read(&path)?;
        let bytes = if gz {
            let mut out = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        pages.push((id, bytes));
    }
    pages.sort();
    Ok(pages)
}
