//! The unit of work of a batch, and reading one page from disk with size limits.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Where a page came from and how to name its output.
#[derive(Debug, Clone)]
pub struct Origin {
    /// The `id` of a jsonl line: file stem (relative path inside a directory input, without
    /// extension), WARC record id, URL, or `stdin`.
    pub id: String,
    /// The `source` of a jsonl line: the file path, the URL, or a WARC record's target URI.
    pub source: String,
    /// How failures name the page on stderr: the path, `FILE#N <uri>` for WARC records.
    pub label: String,
    /// Output file path relative to `--output-dir`, without the format's extension.
    pub out_rel: PathBuf,
    /// Part of a batch (several inputs, a directory, an archive): text and HTML output on
    /// standard output then starts with a line naming the page.
    pub in_batch: bool,
}

/// Page bytes with the hints known from transport.
#[derive(Debug)]
pub struct Page {
    /// The raw page (decompressed), not yet decoded.
    pub bytes: Vec<u8>,
    /// The page address: base for links and a hint for encoding and dates.
    pub url: Option<String>,
    /// The `Content-Type` charset from HTTP, if any.
    pub charset: Option<String>,
}

/// What a worker does for one sequence number.
#[derive(Debug)]
pub enum Work {
    /// Read the file (decompressing gzip) and extract.
    File(PathBuf),
    /// Fetch the URL and extract.
    Fetch(String),
    /// Already read (standard input, a WARC record): extract.
    Ready(Page),
    /// Reading failed before a page existed (unreadable directory entry, damaged WARC).
    Failed(String),
    /// Not a page (a non-HTML or truncated WARC record): counted and reported, not extracted.
    Skipped(String),
}

/// One job: a sequence number for ordering, where it came from, what to do.
#[derive(Debug)]
pub struct Job {
    /// Position in the output.
    pub seq: u64,
    /// Names of the page.
    pub origin: Origin,
    /// The work.
    pub work: Work,
}

/// Why reading a page failed, as one line.
pub type Reason = String;

/// Reads a file whole, gunzipping it when it starts with the gzip magic number, refusing
/// more than `limit` bytes (compressed or not) without reading them all.
pub fn read_file(path: &Path, limit: usize) -> Result<Vec<u8>, Reason> {
    let file = File::open(path).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
    read_limited(file, limit)
}

/// Reads a stream whole as [`read_file`] does.
pub fn read_limited(mut reader: impl Read, limit: usize) -> Result<Vec<u8>, Reason> {
    let mut head = [0u8; 2];
    let mut filled = 0;
    while filled < head.len() {
        match reader.read(head.get_mut(filled..).unwrap_or_default()) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("cannot read: {}", io_reason(&e))),
        }
    }
    let head = head.get(..filled).unwrap_or_default();
    let chained = head.chain(reader);
    if head == [0x1f, 0x8b] {
        let out = take_limited(flate2::read::MultiGzDecoder::new(chained), limit)
            .map_err(|e| format!("bad gzip data: {}", io_reason(&e)))?;
        out.ok_or_else(|| format!("decompressed page is larger than the limit of {limit} bytes"))
    } else {
        let out =
            take_limited(chained, limit).map_err(|e| format!("cannot read: {}", io_reason(&e)))?;
        out.ok_or_else(|| format!("page is larger than the limit of {limit} bytes"))
    }
}

/// Reads at most `limit` bytes; `None` when there were more.
fn take_limited(reader: impl Read, limit: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(cap).read_to_end(&mut out)?;
    Ok((out.len() <= limit).then_some(out))
}

/// An I/O error as a short reason, without Rust's "(os error N)" suffix.
pub fn io_reason(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

/// Is `bytes` the start of a WARC record (`WARC/1.0`, `WARC/1.1`)?
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/")
}

/// Is the name a gzip-compressed name (`.gz`)?
pub fn strip_gz(name: &str) -> (&str, bool) {
    match name.strip_suffix(".gz") {
        Some(s) => (s, true),
        None => (name, false),
    }
}

/// Extensions read from directories (after removing `.gz`).
pub const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml"];

/// What a file found inside a directory is.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page (maybe gzip-compressed); the stem has no extension.
    Page { stem: String },
    /// A WARC archive (maybe gzip-compressed).
    Warc { stem: String },
    /// Something else: not read.
    Other,
}

/// Classifies a file name found in a directory.
pub fn classify(name: &str) -> Kind {
    if name.starts_with('.') {
        return Kind::Other;
    }
    let (base, _) = strip_gz(name);
    let Some((stem, ext)) = base.rsplit_once('.') else {
        return Kind::Other;
    };
    let ext = ext.to_ascii_lowercase();
    if stem.is_empty() {
        Kind::Other
    } else if PAGE_EXTENSIONS.contains(&ext.as_str()) {
        Kind::Page {
            stem: stem.to_string(),
        }
    } else if ext == "warc" {
        Kind::Warc {
            stem: stem.to_string(),
        }
    } else {
        Kind::Other
    }
}

/// A file name without `.gz` and without its last extension: the page id of a file.
pub fn file_stem(name: &str) -> String {
    let (base, _) = strip_gz(name);
    match base.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => base.to_string(),
    }
}

/// A URL as a safe file name: everything but `[A-Za-z0-9._-]` becomes `_`, at most 150
/// characters.
pub fn url_file_name(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let mut s: String = rest
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .take(150)
        .collect();
    while s.ends_with('_') {
        s.pop();
    }
    if s.is_empty() || s.starts_with('.') {
        s.insert(0, '_');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn classifies_directory_entries() {
        assert_eq!(
            classify("a.html"),
            Kind::Page {
                stem: "a".to_string()
            }
        );
        assert_eq!(
            classify("dev-1.HTML.gz"),
            Kind::Page {
                stem: "dev-1".to_string()
            }
        );
        assert_eq!(
            classify("crawl.warc.gz"),
            Kind::Warc {
                stem: "crawl".to_string()
            }
        );
        assert_eq!(classify("notes.txt"), Kind::Other);
        assert_eq!(classify("README"), Kind::Other);
        assert_eq!(classify(".hidden.html"), Kind::Other);
        assert_eq!(classify("x.gz"), Kind::Other);
    }

    #[test]
    fn stems() {
        assert_eq!(file_stem("dev-0003.html.gz"), "dev-0003");
        assert_eq!(file_stem("page.htm"), "page");
        assert_eq!(file_stem("noext"), "noext");
        assert_eq!(file_stem("a.b.html"), "a.b");
    }

    #[test]
    fn url_names_are_safe() {
        assert_eq!(
            url_file_name("https://example.com/a/b?c=d"),
            "example.com_a_b_c_d"
        );
        assert_eq!(url_file_name("http://../"), "_..");
        assert!(url_file_name(&format!("http://x/{}", "y".repeat(500))).len() <= 150);
    }

    #[test]
    fn reads_plain_and_gzip_within_the_limit() {
        let plain = b"<p>hello</p>".to_vec();
        assert_eq!(read_limited(&plain[..], 100).as_deref(), Ok(&plain[..]));
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&plain).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(read_limited(&gz[..], 100).as_deref(), Ok(&plain[..]));
        // Exactly at the limit passes, one byte over fails.
        assert!(read_limited(&plain[..], plain.len()).is_ok());
        assert!(read_limited(&plain[..], plain.len() - 1).is_err());
        assert!(read_limited(&gz[..], plain.len() - 1).is_err());
    }

    #[test]
    fn a_gzip_bomb_is_refused_without_inflating_it() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&vec![b'a'; 10_000_000]).unwrap();
        let gz = gz.finish().unwrap();
        let err = read_limited(&gz[..], 1000).unwrap_err();
        assert!(err.contains("limit of 1000"), "{err}");
    }

    #[test]
    fn damaged_gzip_is_an_error() {
        let err = read_limited(&[0x1f, 0x8b, 8, 0, 1, 2, 3][..], 1000).unwrap_err();
        assert!(err.starts_with("bad gzip data"), "{err}");
        assert_eq!(read_limited(&[][..], 10), Ok(Vec::new()));
    }
}
