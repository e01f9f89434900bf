//! What the metadata pass costs, as a share of the whole extraction.
//!
//! ```text
//! cargo bench -p dechaff --bench metadata -- DIR [--repeat N]
//! ```
//!
//! DIR holds `html/*.html` (or `*.html.gz`), e.g. a corpus set. For every page, in rounds,
//! it times: a whole `extract_bytes`; decode + parse alone; decode + parse + the metadata
//! pass (with the language fallback). Metadata cost = (parse + metadata) − parse; the share
//! is that cost over the whole extraction, summed over all pages. The minimum of the rounds
//! is kept for each figure, which filters noise from a shared machine.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let mut dir = None;
    let mut repeat = 5usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--repeat" => repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(5).max(1),
            "--bench" => {}
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {}
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: cargo bench -p dechaff --bench metadata -- DIR [--repeat N]");
        return;
    };
    let pages = match read_pages(&dir.join("html")) {
        Ok(p) if !p.is_empty() => p,
        Ok(_) => {
            eprintln!("metadata bench: no pages in {}", dir.join("html").display());
            return;
        }
        Err(e) => {
            eprintln!(
                "metadata bench: cannot read {}: {e}",
                dir.join("html").display()
            );
            return;
        }
    };
    let extractor = dechaff::Extractor::new(dechaff::Options::default()).expect("options");
    let mut best = [Duration::MAX; 3];
    let mut sink = 0usize;
    for _ in 0..repeat {
        let mut t = [Duration::ZERO; 3];
        for html in &pages {
            let s = Instant::now();
            sink += extractor
                .extract_bytes(html, None, None)
                .map_or(0, |a| a.word_count);
            t[0] += s.elapsed();
            let s = Instant::now();
            sink += dechaff::__bench::parse_only(html);
            t[1] += s.elapsed();
            let s = Instant::now();
            sink += dechaff::__bench::parse_and_metadata(html);
            t[2] += s.elapsed();
        }
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    let [whole, parse, parse_meta] = best.map(|d| d.as_secs_f64());
    let meta = (parse_meta - parse).max(0.0);
    let n = pages.len() as f64;
    println!(
        "{} pages, best of {repeat} rounds: extract {:.2} ms/page, parse {:.2} ms/page, \
         metadata {:.3} ms/page = {:.1}% of the whole extraction (checksum {})",
        pages.len(),
        whole * 1e3 / n,
        parse * 1e3 / n,
        meta * 1e3 / n,
        100.0 * meta / whole.max(1e-12),
        sink % 1000
    );
}

fn read_pages(dir: &Path) -> std::io::Result<Vec<Vec<u8>>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let n = p.to_string_lossy();
            n.ends_with(".html") || n.ends_with(".html.gz")
        })
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let raw = std::fs::read(&p)?;
        if p.to_string_lossy().ends_with(".gz") {
            let mut v = Vec::new();
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut v)?;
            out.push(v);
        } else {
            out.push(raw);
        }
    }
    Ok(out)
}
