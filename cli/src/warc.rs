//! WARC archives: HTML `response` (and `resource`) records become pages.
//!
//! The archive is read as a stream, one record at a time (the `warc` crate's streaming
//! reader), so a multi-gigabyte crawl file never sits in memory and bodies of records that
//! are not HTML are skipped without being buffered. What is reported:
//! - `request`, `metadata`, `warcinfo`, … records: ignored silently (they are not pages);
//! - HTML responses with a 2xx status: pages;
//! - other responses (images, PDF, redirects, 404s), records marked `WARC-Truncated`,
//!   records larger than the page limit: skipped, each reported with its reason;
//! - an archive that ends inside a record, or whose framing is damaged: that record
//!   fails and the rest of that archive is abandoned (a damaged stream cannot be resynchronised
//!   reliably); other inputs go on.

use std::io::{BufRead, Read};
use std::path::Path;

use warc::{RecordType, WarcHeader, WarcReader};

use crate::page::{Origin, Page, Work, io_reason};

/// HTTP headers kept per response; more than this fails the record.
const MAX_HTTP_HEADERS: usize = 256;

/// Bytes of HTTP status line and headers allowed on top of the page limit.
const HTTP_HEAD_ALLOWANCE: u64 = 256 * 1024;

/// Where the records of one archive are named from.
pub struct ArchiveNames<'a> {
    /// The archive as the user named it (a path, or `-`).
    pub label: &'a str,
    /// Output directory of its records, relative to `--output-dir`.
    pub out_dir: &'a Path,
    /// Whether the archive was read from a directory walk or among several inputs.
    pub in_batch: bool,
}

/// Reads every record of a WARC stream and hands pages, skips and failures to `emit` in
/// archive order. `emit` returns `false` to stop early (output closed).
/// Returns `false` when `emit` asked to stop.
pub fn read_archive<R: BufRead>(
    reader: R,
    names: &ArchiveNames<'_>,
    limit: usize,
    emit: &mut dyn FnMut(Origin, Work) -> bool,
) -> bool {
    let mut warc = WarcReader::new(reader);
    let mut stream = warc.stream_records();
    let mut index: u64 = 0;
    loop {
        let Some(item) = stream.next_item() else {
            return true;
        };
        index += 1;
        let mut record = match item {
            Ok(r) => r,
            Err(e) => {
                let origin = record_origin(names, index, None, None);
                let recoverable = matches!(
                    e,
                    warc::Error::MissingHeader(_) | warc::Error::MalformedHeader(..)
                );
                let reason = if recoverable {
                    format!("invalid WARC record: {e}")
                } else {
                    format!("damaged WARC archive, rest of it skipped: {}", warc_reason(&e))
                };
                if !emit(origin, Work::Failed(reason)) || !recoverable {
                    return recoverable;
                }
                continue;
            }
        };
        let kind = record.warc_type().clone();
        if !matches!(kind, RecordType::Response | RecordType::Resource) {
            continue;
        }
        let target = record
            .header(WarcHeader::TargetURI)
            .map(|u| trim_angle(&u).to_string());
        let id = trim_angle(record.warc_id()).to_string();
        let origin = record_origin(names, index, Some(id), target.clone());
        if let Some(t) = record.truncated_type() {
            let reason = format!("record truncated by the crawler (WARC-Truncated: {t})");
            if !emit(origin, Work::Skipped(reason)) {
                return false;
            }
            continue;
        }
        let declared = record.content_length();
        let max = u64::try_from(limit)
            .unwrap_or(u64::MAX)
            .saturating_add(HTTP_HEAD_ALLOWANCE);
        if declared > max {
            let reason = format!("record of {declared} bytes is larger than the page limit");
            if !emit(origin, Work::Skipped(reason)) {
                return false;
            }
            continue;
        }
        let warc_content_type = record
            .header(WarcHeader::ContentType)
            .map(|c| c.into_owned());
        let mut block = Vec::new();
        if let Err(e) = record.read_to_end(&mut block) {
            let reason = format!(
                "damaged WARC archive, rest of it skipped: {}",
                io_reason(&e)
            );
            emit(origin, Work::Failed(reason));
            return true;
        }
        if (block.len() as u64) < declared {
            let reason = format!(
                "truncated record: the archive ends after {} of its {declared} bytes",
                block.len()
            );
            emit(origin, Work::Failed(reason));
            return true;
        }
        let parsed = if kind == RecordType::Response {
            http_payload(&block, limit)
        } else {
            resource_payload(block, warc_content_type.as_deref())
        };
        let work = match parsed {
            Payload::Page { bytes, charset } => Work::Ready(Page {
                bytes,
                url: target,
                charset,
            }),
            Payload::Skip(reason) => Work::Skipped(reason),
            Payload::Fail(reason) => Work::Failed(reason),
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

fn warc_reason(e: &warc::Error) -> String {
    match e {
        warc::Error::ReadData(io) => io_reason(io),
        warc::Error::UnexpectedEOB => "the archive ends inside a record".to_string(),
        other => other.to_string(),
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
        let ok = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=windows-1251\r\n\r\n<p>x</p>";
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
