//! Turns the command-line inputs into an ordered stream of jobs: files, recursive directory
//! walks (name order), archives record by record, standard input, URLs.
//!
//! This runs on one thread and does only cheap work (walking, peeking at a few bytes,
//! reading archives record by record); page files are read and URLs fetched by the workers.

use std::fs::File;
use std::io::{BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use crate::page::{self, Kind, Origin, Page, Work, io_reason};
use crate::warc::{self, ArchiveNames};

/// Buffer size for reading archives.
const ARCHIVE_BUFFER: usize = 1 << 20;

/// The sink of produced jobs; `false` means stop (the output was closed).
pub type Emit<'a> = dyn FnMut(Origin, Work) -> bool + 'a;

/// Is this input a URL to fetch?
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The job of an input that could not be read.
fn cannot_read(e: &std::io::Error) -> Work {
    Work::Failed(format!("cannot read: {}", io_reason(e)))
}

/// Emits the jobs of every input, in order. `limit` is the page size limit.
pub fn produce(inputs: &[String], limit: usize, emit: &mut Emit<'_>) {
    let in_batch = inputs.len() > 1;
    for input in inputs {
        let go_on = if input == "-" {
            stdin(limit, in_batch, emit)
        } else if is_url(input) {
            let origin = Origin {
                id: input.clone(),
                source: input.clone(),
                label: input.clone(),
                out_rel: PathBuf::from(page::url_file_name(input)),
                in_batch,
            };
            emit(origin, Work::Fetch(input.clone()))
        } else {
            path(input, limit, in_batch, emit)
        };
        if !go_on {
            return;
        }
    }
}

fn path(input: &str, limit: usize, in_batch: bool, emit: &mut Emit<'_>) -> bool {
    let p = Path::new(input);
    let name = p
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| input.to_string());
    let stem = page::file_stem(&name);
    let origin = Origin {
        id: stem.clone(),
        source: input.to_string(),
        label: input.to_string(),
        out_rel: PathBuf::from(&stem),
        in_batch,
    };
    match std::fs::metadata(p) {
        Err(e) => emit(origin, cannot_read(&e)),
        Ok(m) if m.is_dir() => walk(p, limit, emit),
        // A pipe or device can be read only once: read it here, sniffing as stdin is.
        Ok(m) if !m.is_file() => match File::open(p) {
            Ok(f) => stream(f, origin, limit, emit),
            Err(e) => emit(origin, cannot_read(&e)),
        },
        Ok(_) => {
            if is_archive(p, &name) {
                archive(p, input, Path::new(&stem), limit, in_batch, emit)
            } else {
                emit(origin, Work::File(p.to_path_buf()))
            }
        }
    }
}

/// A file named `*.warc[.gz]`, or one whose (decompressed) first bytes are `WARC/`.
fn is_archive(p: &Path, name: &str) -> bool {
    if matches!(page::classify(name), Kind::Warc { .. }) {
        return true;
    }
    let Ok(file) = File::open(p) else {
        return false;
    };
    match peek(file, 2) {
        Ok((head, rest)) if head == [0x1f, 0x8b] => {
            let decoder = flate2::read::MultiGzDecoder::new(rest);
            peek(decoder, 5).is_ok_and(|(h, _)| page::looks_like_warc(&h))
        }
        Ok((head, rest)) => {
            let mut more = head;
            let _ = rest.take(3).read_to_end(&mut more);
            page::looks_like_warc(&more)
        }
        Err(_) => false,
    }
}

/// Reads up to `n` bytes and gives them back with a reader that replays them.
#[allow(clippy::type_complexity)]
fn peek<R: Read>(
    mut reader: R,
    n: usize,
) -> std::io::Result<(Vec<u8>, std::io::Chain<Cursor<Vec<u8>>, R>)> {
    let mut head = Vec::with_capacity(n);
    (&mut reader).take(n as u64).read_to_end(&mut head)?;
    Ok((head.clone(), Cursor::new(head).chain(reader)))
}

fn archive(
    p: &Path,
    label: &str,
    out_dir: &Path,
    limit: usize,
    in_batch: bool,
    emit: &mut Emit<'_>,
) -> bool {
    let names = ArchiveNames {
        label,
        out_dir,
        in_batch: true,
    };
    match open_archive(p) {
        Ok(reader) => warc::read_archive(reader, &names, limit, emit),
        Err(e) => {
            let origin = Origin {
                id: label.to_string(),
                source: label.to_string(),
                label: label.to_string(),
                out_rel: out_dir.to_path_buf(),
                in_batch,
            };
            emit(origin, cannot_read(&e))
        }
    }
}

/// An archive file opened for reading, decompressed when it is gzip.
fn open_archive(p: &Path) -> std::io::Result<BufReader<Box<dyn Read>>> {
    let (head, rest) = peek(File::open(p)?, 2)?;
    let raw: Box<dyn Read> = if head == [0x1f, 0x8b] {
        Box::new(flate2::read::MultiGzDecoder::new(rest))
    } else {
        Box::new(rest)
    };
    Ok(BufReader::with_capacity(ARCHIVE_BUFFER, raw))
}

/// Walks a directory in name order, following symbolic links (loops are reported).
fn walk(root: &Path, limit: usize, emit: &mut Emit<'_>) -> bool {
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let at = e.path().unwrap_or(root).display().to_string();
                let reason = match (e.loop_ancestor(), e.io_error()) {
                    (Some(_), _) => "symbolic link loop".to_string(),
                    (None, Some(io)) => format!("cannot read: {}", io_reason(io)),
                    (None, None) => e.to_string(),
                };
                let rel = rel_path(root, Path::new(&at));
                let origin = Origin {
                    id: rel.clone(),
                    source: at.clone(),
                    label: at,
                    out_rel: PathBuf::from(rel),
                    in_batch: true,
                };
                if !emit(origin, Work::Failed(reason)) {
                    return false;
                }
                continue;
            }
        };
        // Only regular files: a FIFO named `x.html` would block a worker forever.
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let parent = entry
            .path()
            .parent()
            .and_then(|d| d.strip_prefix(root).ok())
            .unwrap_or(Path::new(""))
            .to_path_buf();
        let go_on = match page::classify(&name) {
            Kind::Page { stem } => {
                let rel = parent.join(&stem);
                let origin = Origin {
                    id: slash_path(&rel),
                    source: entry.path().display().to_string(),
                    label: entry.path().display().to_string(),
                    out_rel: rel,
                    in_batch: true,
                };
                emit(origin, Work::File(entry.path().to_path_buf()))
            }
            Kind::Warc { stem } => {
                let label = entry.path().display().to_string();
                archive(entry.path(), &label, &parent.join(stem), limit, true, emit)
            }
            Kind::Other => true,
        };
        if !go_on {
            return false;
        }
    }
    true
}

fn rel_path(root: &Path, p: &Path) -> String {
    slash_path(p.strip_prefix(root).unwrap_or(p))
}

/// A relative path with `/` separators, as ids are written.
fn slash_path(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn stdin(limit: usize, in_batch: bool, emit: &mut Emit<'_>) -> bool {
    let origin = Origin {
        id: "stdin".to_string(),
        source: "-".to_string(),
        label: "<stdin>".to_string(),
        out_rel: PathBuf::from("stdin"),
        in_batch,
    };
    stream(std::io::stdin().lock(), origin, limit, emit)
}

/// A stream read once, on this thread (standard input, a pipe such as `<(curl …)`): a
/// page, gzip, or a WARC archive, told apart by their first bytes.
fn stream(raw: impl Read, origin: Origin, limit: usize, emit: &mut Emit<'_>) -> bool {
    let (head, rest) = match peek(raw, 2) {
        Ok(x) => x,
        Err(e) => return emit(origin, cannot_read(&e)),
    };
    if head == [0x1f, 0x8b] {
        let decoder = flate2::read::MultiGzDecoder::new(rest);
        archive_or_page(decoder, origin, limit, "bad gzip data", emit)
    } else {
        archive_or_page(rest, origin, limit, "cannot read", emit)
    }
}

/// A stream (already decompressed) that holds a WARC archive or one page, told apart by its
/// first bytes. `failure` opens the reason given when even those cannot be read.
fn archive_or_page(
    reader: impl Read,
    origin: Origin,
    limit: usize,
    failure: &str,
    emit: &mut Emit<'_>,
) -> bool {
    match peek(reader, 5) {
        Ok((h, reader)) if page::looks_like_warc(&h) => {
            let names = ArchiveNames {
                label: &origin.label,
                out_dir: &origin.out_rel,
                in_batch: true,
            };
            let reader = BufReader::with_capacity(ARCHIVE_BUFFER, reader);
            warc::read_archive(reader, &names, limit, emit)
        }
        Ok((_, reader)) => emit(origin, whole(reader, limit)),
        Err(e) => emit(
            origin,
            Work::Failed(format!("{failure}: {}", io_reason(&e))),
        ),
    }
}

/// A whole page from a stream (already decompressed if it was gzip).
fn whole(reader: impl Read, limit: usize) -> Work {
    match page::read_limited(reader, limit) {
        Ok(bytes) => Work::Ready(Page {
            bytes,
            url: None,
            charset: None,
        }),
        Err(reason) => Work::Failed(reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_url("http://example.com"));
        assert!(is_url("HTTPS://example.com/x"));
        assert!(!is_url("httpfile.html"));
        assert!(!is_url("ftp://x"));
    }

    #[test]
    fn peek_replays_the_head() {
        let (h, mut r) = peek(&b"WARC/1.0 rest"[..], 5).unwrap();
        assert_eq!(h, b"WARC/");
        let mut all = String::new();
        r.read_to_string(&mut all).unwrap();
        assert_eq!(all, "WARC/1.0 rest");
    }
}
