//! Runs dom_smoothie (a Rust port of Readability.js) over a corpus set for `bench/compare.py`.
//!
//! ```text
//! dom_smoothie_runner SET_DIR
//! ```
//!
//! Reads `SET_DIR/html/*.html` and `*.html.gz` (sorted by id, all in memory first, like
//! dechaff's `corpus` example) and prints one `{"id","text","title","author","date"}` line per
//! page; on stderr the same speed line as the `corpus` example, timing decoding + extraction.
//!
//! dom_smoothie takes a `&str`, so the caller decodes: BOM, else a `<meta charset>` in the
//! first 4 KiB, else UTF-8 if the bytes are valid UTF-8, else chardetng's guess - what a careful
//! user of the crate would do. Settings: the crate's defaults with `TextMode::Formatted`
//! (paragraphs on their own lines; the default raw mode glues words across block boundaries).

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dom_smoothie::{Config, Readability, TextMode};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dom_smoothie_runner SET_DIR");
        return ExitCode::from(2);
    };
    let pages = match read_pages(&Path::new(&dir).join("html")) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("dom_smoothie_runner: cannot read {dir}/html: {e}");
            return ExitCode::from(1);
        }
    };
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut elapsed = Duration::ZERO;
    let mut errors = 0usize;
    for (id, raw) in &pages {
        let t = Instant::now();
        let result = extract(raw);
        elapsed += t.elapsed();
        let line = match result {
            Ok((text, title, author, date)) => serde_json::json!({
                "id": id, "text": text, "title": title, "author": author, "date": date,
            }),
            Err(e) => {
                errors += 1;
                eprintln!("dom_smoothie: {id}: {e}");
                serde_json::json!({"id": id, "text": "", "title": null, "author": null, "date": null})
            }
        };
        if writeln!(out, "{line}").is_err() {
            return ExitCode::from(1);
        }
    }
    let secs = elapsed.as_secs_f64().max(1e-9);
    let n = pages.len();
    eprintln!(
        "extract: {n} pages, {:.1} MB, {secs:.3} s, {:.1} pages/s, {:.2} MB/s{}",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        if errors > 0 {
            format!(", {errors} errors")
        } else {
            String::new()
        }
    );
    ExitCode::SUCCESS
}

type Fields = (String, Option<String>, Option<String>, Option<String>);

fn extract(raw: &[u8]) -> Result<Fields, String> {
    let html = decode(raw);
    let cfg = Config {
        text_mode: TextMode::Formatted,
        ..Default::default()
    };
    let mut r = Readability::new(html, None, Some(cfg)).map_err(|e| e.to_string())?;
    let a = r.parse().map_err(|e| e.to_string())?;
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    Ok((
        a.text_content.to_string(),
        nonempty(Some(a.title)),
        nonempty(a.byline),
        nonempty(a.published_time),
    ))
}

/// BOM, then `<meta charset>` / `content="...; charset=..."` in the first 4 KiB, then UTF-8 if
/// valid, then chardetng.
fn decode(raw: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(raw) {
        return enc
            .decode_without_bom_handling(&raw[bom_len..])
            .0
            .into_owned();
    }
    if let Some(enc) = meta_charset(&raw[..raw.len().min(4096)]) {
        return enc.decode_without_bom_handling(raw).0.into_owned();
    }
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_owned();
    }
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(raw, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
        .decode_without_bom_handling(raw)
        .0
        .into_owned()
}

fn meta_charset(head: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len()
            && (lower[i].is_ascii_whitespace() || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || b"-_.:".contains(c)))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[i..end]) {
            // A page served as UTF-16 cannot carry an ASCII meta tag; follow the HTML standard.
            return Some(
                if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                    encoding_rs::UTF_8
                } else {
                    enc
                },
            );
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn read_pages(dir: &Path) -> std::io::Result<Vec<(String, Vec<u8>)>> {
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
