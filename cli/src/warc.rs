//! WARC archives: HTML `response` (and `resource`) records become pages.
//!
//! The archive is read as a stream, one record at a time, so a multi-gigabyte crawl file
//! never sits in memory, and bodies of records that are not pages are skipped without being
//! buffered. What is reported:
//! - `request`, `metadata`, `warcinfo`, … records: ignored silently (they are not pages);
//! - HTML responses with a 2xx status: pages;
//! - other responses (images, PDF, redirects, 404s), records marked `WARC-Truncated`,
//!   records larger than the page limit: skipped, each reported with its reason;
//! - an archive that ends inside a record, or whose framing is damaged: that record
//!   fails and the rest of that archive is abandoned (a damaged stream cannot be
//!   resynchronised reliably); other inputs go on.
//!
//! The record framing (a `WARC/1.x` line, `Name: value` headers, a blank line,
//! `Content-Length` bytes, CRLF CRLF) is read here rather than with the `warc` crate: its
//! 0.4 `Record::header` panics on a header value that is not UTF-8, which a hostile archive
//! can contain, and it treats an archive cut inside a header block as a clean end.

use std::io::{BufRead, Read};
use std::path::Path;

use crate::page::{Origin, Page, Work, io_reason};

/// HTTP headers kept per response; more than this fails the record.
const MAX_HTTP_HEADERS: usize = 256;

/// Bytes of HTTP status line and headers allowed on top of the page limit.
const HTTP_HEAD_ALLOWANCE: u64 = 256 * 1024;

/// Most bytes of one record's WARC header block.
const MAX_WARC_HEAD: u64 = 64 * 1024;

/// Where the records of one archive are named from.
pub struct ArchiveNames<'a> {
    /// The archive as the user named it (a path, or `<stdin>`).
    pub label: &'a str,
    /// Output directory of its records, relative to `--output-dir`.
    pub out_dir: &'a Path,
    /// Whether the archive was read from a directory walk or among several inputs.
    pub in_batch: bool,
}

/// The header block of one record.
#[derive(Debug, Default, PartialEq)]
struct Head {
    /// `(lowercased name, value)`, in order; values decoded lossily.
    fields: Vec<(String, String)>,
    /// `Content-Length`: bytes of the record block.
    length: u64,
}

impl Head {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// What the next read of the archive found.
#[derive(Debug, PartialEq)]
enum Next {
    Record(Head),
    End,
    /// The archive ends inside a record (a reason).
    Truncated(String),
    /// The stream is not WARC framing where it should be (a reason).
    Damaged(String),
}

/// Reads one line (with its `\n`) of at most `limit` bytes into `line`.
fn read_line<R: BufRead>(r: &mut R, line: &mut Vec<u8>, limit: u64) -> std::io::Result<usize> {
    line.clear();
    r.take(limit).read_until(b'\n', line)
}

/// Reads the next record's header block.
fn read_head<R: BufRead>(r: &mut R) -> Next {
    let mut line = Vec::new();
    // Blank lines separate records (each block ends with CRLF CRLF).
    loop {
        match read_line(r, &mut line, MAX_WARC_HEAD) {
            Ok(0) => return Next::End,
            Ok(_) if line.iter().all(|b| b.is_ascii_whitespace()) => {}
            Ok(_) => break,
            Err(e) => return Next::Damaged(io_reason(&e)),
        }
    }
    if !line.starts_with(b"WARC/") {
        return Next::Damaged("expected a WARC/1.x record here".to_string());
    }
    let mut used = line.len() as u64;
    let mut head = Head::default();
    loop {
        let n = match read_line(r, &mut line, MAX_WARC_HEAD.saturating_sub(used)) {
            Ok(n) => n,
            Err(e) => return Next::Damaged(io_reason(&e)),
        };
        if n == 0 {
            return if used >= MAX_WARC_HEAD {
                Next::Damaged("record header block larger than 64 KiB".to_string())
            } else {
                Next::Truncated("the archive ends inside a record header".to_string())
            };
        }
        used += n as u64;
        if !line.ends_with(b"\n") {
            return if used >= MAX_WARC_HEAD {
                Next::Damaged("record header block larger than 64 KiB".to_string())
            } else {
                Next::Truncated("the archive ends inside a record header".to_string())
            };
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            break;
        }
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = head.fields.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
            }
            continue;
        }
        let Some((name, value)) = text.split_once(':') else {
            return Next::Damaged(format!("malformed record header line {text:?}"));
        };
        head.fields
            .push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
    }
    match head.get("content-length").map(|v| v.parse::<u64>()) {
        Some(Ok(n)) => head.length = n,
        _ => return Next::Damaged("record without a valid Content-Length".to_string()),
    }
    Next::Record(head)
}

/// Reads every record of a WARC stream and hands pages, skips and failures to `emit` in
/// archive order. `emit` returns `false` to stop early (output closed); so does this.
pub fn read_archive<R: BufRead>(
    mut reader: R,
    names: &ArchiveNames<'_>,
    limit: usize,
    emit: &mut dyn FnMut(Origin, Work) -> bool,
) -> bool {
    let mut index: u64 = 0;
    loop {
        index += 1;
        let head = match read_head(&mut reader) {
            Next::Record(h) => h,
            Next::End => return true,
            Next::Truncated(reason) => {
                let origin = record_origin(names, index, None, None);
                let reason = format!("truncated record: {reason}");
                emit(origin, Work::Failed(reason));
                return true;
            }
            Next::Damaged(reason) => {
                let origin = record_origin(names, index, None, None);
                let reason = format!("damaged WARC archive, rest of it skipped: {reason}");
                emit(origin, Work::Failed(reason));
                return true;
            }
        };
        let kind = head.get("warc-type").unwrap_or("").to_ascii_lowercase();
        let is_page_kind = kind == "response" || kind == "resource";
        let target = head
            .get("warc-target-uri")
            .map(|u| trim_angle(u).to_string());
        let id = head
            .get("warc-record-id")
            .map(|i| trim_angle(i).to_string());
        let origin = record_origin(names, index, id, target.clone());
        let max = u64::try_from(limit)
            .unwrap_or(u64::MAX)
            .saturating_add(HTTP_HEAD_ALLOWANCE);
        let skip = if !is_page_kind {
            Some(None)
        } else if let Some(t) = head.get("warc-truncated") {
            Some(Some(format!(
                "record truncated by the crawler (WARC-Truncated: {t})"
            )))
        } else if head.length > max {
            Some(Some(format!(
                "record of {} bytes is larger than the page limit",
                head.length
            )))
        } else {
            None
        };
        let mut block_reader = (&mut reader).take(head.length);
        let mut block = Vec::new();
        let read = match skip {
            Some(_) => std::io::copy(&mut block_reader, &mut std::io::sink()),
            None => block_reader.read_to_end(&mut block).map(|n| n as u64),
        };
        match read {
            Ok(n) if n < head.length => {
                let reason = format!(
                    "truncated record: the archive ends after {n} of its {} bytes",
                    head.length
                );
                emit(origin, Work::Failed(reason));
                return true;
            }
            Ok(_) => {}
            Err(e) => {
                let reason = format!(
                    "truncated or damaged record ({}), rest of the archive skipped",
                    io_reason(&e)
                );
                emit(origin, Work::Failed(reason));
                return true;
            }
        }
        let work = match skip {
            Some(None) => continue,
            Some(Some(reason)) => Work::Skipped(reason),
            None => {
                let parsed = if kind == "response" {
                    http_payload(&block, limit)
                } else {
                    resource_payload(block, head.get("content-type"))
                };
                match parsed {
                    Payload::Page { bytes, charset } => Work::Ready(Page {
                        bytes,
                        url: target,
                        charset,
                    }),
                    Payload::Skip(reason) => Work::Skipped(reason),
                    Payload::Fail(reason) => Work::Failed(reason),
                }
            }
        };
        if !emit(origin, work) {
            return false;
        }
    }
}

fn record_origin(
    names: &ArchiveNames<'_>,
    index: u64,
    id: Option<String>,
    target: Option<String>,
) -> Origin {
    let label = match &target {
        Some(t) => format!("{}#{index} {t}", names.label),
        None => format!("{}#{index}", names.label),
    };
    Origin {
        id: id.unwrap_or_else(|| format!("{}#{index}", names.label)),
        source: target.unwrap_or_else(|| format!("{}#{index}", names.label)),
        label,
        out_rel: names.out_dir.join(format!("{index:06}")),
        in_batch: names.in_batch,
    }
}

fn trim_angle(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('<')
        .and_then(|r| r.strip_suffix('>'))
        .unwrap_or(s)
}

/// What a record's block holds.
#[derive(Debug, PartialEq)]
enum Payload {
    Page {
        bytes: Vec<u8>,
        charset: Option<String>,
    },
    Skip(String),
    Fail(String),
}

/// Splits a media type into its lowercased essence and its `charset` parameter.
pub fn media_type(value: &str) -> (String, Option<String>) {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty()).then(|| v.to_string())
    });
    (essence, charset)
}

/// Media types read as HTML.
pub fn is_html(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml")
}

fn resource_payload(block: Vec<u8>, content_type: Option<&str>) -> Payload {
    let (essence, charset) = media_type(content_type.unwrap_or(""));
    if is_html(&essence) {
        Payload::Page {
            bytes: block,
            charset,
        }
    } else {
        Payload::Skip(format!("not HTML ({})", or_unknown(&essence)))
    }
}

fn or_unknown(s: &str) -> &str {
    if s.is_empty() { "no content type" } else { s }
}

/// The HTML page inside an HTTP response block: status and headers checked, chunked
/// transfer coding and gzip/deflate content coding undone.
fn http_payload(block: &[u8], limit: usize) -> Payload {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HTTP_HEADERS];
    let mut response = httparse::Response::new(&mut headers);
    let body_start = match response.parse(block) {
        Ok(httparse::Status::Complete(n)) => n,
        Ok(httparse::Status::Partial) => {
            return Payload::Fail("truncated HTTP headers".to_string());
        }
        Err(e) => return Payload::Fail(format!("bad HTTP response: {e}")),
    };
    let header = |name: &str| {
        response
            .headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).into_owned())
    };
    let content_type = header("content-type");
    let transfer = header("transfer-encoding").unwrap_or_default();
    let coding = header("content-encoding").unwrap_or_default();
    let code = response.code.unwrap_or(0);
    let (essence, charset) = media_type(content_type.as_deref().unwrap_or(""));
    if !is_html(&essence) {
        return Payload::Skip(format!("not HTML ({})", or_unknown(&essence)));
    }
    if !(200..300).contains(&code) {
        return Payload::Skip(format!("HTTP status {code}"));
    }
    let body = block.get(body_start..).unwrap_or_default();
    let body = if transfer.to_ascii_lowercase().contains("chunked") {
        dechunk(body).unwrap_or_else(|| body.to_vec())
    } else {
        body.to_vec()
    };
    let coding = coding.trim().to_ascii_lowercase();
    let bytes = match coding.as_str() {
        "" | "identity" => body,
        "gzip" | "x-gzip" => match decode(flate2::read::MultiGzDecoder::new(&body[..]), limit) {
            Ok(b) => b,
            Err(r) => return Payload::Fail(r),
        },
        "deflate" => match decode(flate2::read::ZlibDecoder::new(&body[..]), limit) {
            Ok(b) => b,
            Err(r) => return Payload::Fail(r),
        },
        other => return Payload::Fail(format!("unsupported Content-Encoding {other}")),
    };
    Payload::Page { bytes, charset }
}

fn decode(reader: impl Read, limit: usize) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| format!("bad compressed body: {}", io_reason(&e)))?;
    if out.len() > limit {
        return Err(format!(
            "decompressed page is larger than the limit of {limit} bytes"
        ));
    }
    Ok(out)
}

/// Undoes HTTP/1.1 chunked transfer coding; `None` when the framing is not chunked.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let line = std::str::from_utf8(data.get(..line_end)?).ok()?;
        let size_text = line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_text, 16).ok()?;
        data = data.get(line_end + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head_of(bytes: &[u8]) -> Next {
        read_head(&mut &bytes[..])
    }

    #[test]
    fn reads_record_heads() {
        let Next::Record(h) = head_of(
            b"\r\nWARC/1.1\r\nWARC-Type: response\r\nX-Long: a\r\n  b\r\nContent-Length: 12\r\n\r\nbody",
        ) else {
            panic!("a record")
        };
        assert_eq!(h.get("warc-type"), Some("response"));
        assert_eq!(h.get("x-long"), Some("a b"));
        assert_eq!(h.length, 12);
        assert_eq!(head_of(b""), Next::End);
        assert_eq!(head_of(b"\r\n\r\n"), Next::End);
        assert!(matches!(
            head_of(b"WARC/1.0\r\nWARC-Type: resp"),
            Next::Truncated(_)
        ));
        assert!(matches!(head_of(b"<html>"), Next::Damaged(_)));
        assert!(matches!(
            head_of(b"WARC/1.0\r\nNo colon here\r\n\r\n"),
            Next::Damaged(_)
        ));
        assert!(matches!(
            head_of(b"WARC/1.0\r\nContent-Length: lots\r\n\r\n"),
            Next::Damaged(_)
        ));
        let mut huge = b"WARC/1.0\r\nX: ".to_vec();
        huge.extend(std::iter::repeat_n(b'a', 100_000));
        assert!(matches!(head_of(&huge), Next::Damaged(_)));
    }

    #[test]
    fn non_utf8_header_values_do_not_panic() {
        let mut rec =
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x/\xff\xfe\r\n".to_vec();
        rec.extend_from_slice(b"Content-Length: 0\r\n\r\n\r\n\r\n");
        let names = ArchiveNames {
            label: "a.warc",
            out_dir: Path::new("a"),
            in_batch: true,
        };
        let mut seen = Vec::new();
        let ok = read_archive(&rec[..], &names, 1000, &mut |o, w| {
            seen.push((o.source, format!("{w:?}")));
            true
        });
        assert!(ok);
        assert_eq!(seen.len(), 1);
        assert!(seen[0].0.starts_with("http://x/"));
        assert!(seen[0].1.contains("bad HTTP response") || seen[0].1.contains("truncated HTTP"));
    }

    #[test]
    fn media_types() {
        assert_eq!(
            media_type("Text/HTML; Charset=\"KOI8-R\""),
            ("text/html".to_string(), Some("KOI8-R".to_string()))
        );
        assert_eq!(media_type("image/png"), ("image/png".to_string(), None));
        assert_eq!(media_type(""), (String::new(), None));
        assert!(is_html("application/xhtml+xml"));
        assert!(!is_html("text/plain"));
    }

    #[test]
    fn dechunks() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"zz\r\nhello"), None);
        assert_eq!(dechunk(b"50\r\nshort"), None);
    }

    #[test]
    fn http_payloads() {
        let ok =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>x</p>";
        assert_eq!(
            http_payload(ok, 1000),
            Payload::Page {
                bytes: b"<p>x</p>".to_vec(),
                charset: Some("windows-1251".to_string())
            }
        );
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(
            http_payload(png, 1000),
            Payload::Skip("not HTML (image/png)".to_string())
        );
        let missing = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>";
        assert_eq!(
            http_payload(missing, 1000),
            Payload::Skip("HTTP status 404".to_string())
        );
        let chunked =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n0\r\n\r\n";
        assert_eq!(
            http_payload(chunked, 1000),
            Payload::Page {
                bytes: b"<p>".to_vec(),
                charset: None
            }
        );
        assert!(matches!(
            http_payload(b"HTTP/1.1 200 OK\r\nContent-Ty", 1000),
            Payload::Fail(_)
        ));
        let br = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxx";
        assert_eq!(
            http_payload(br, 1000),
            Payload::Fail("unsupported Content-Encoding br".to_string())
        );
    }
}
