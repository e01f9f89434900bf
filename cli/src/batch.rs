//! The batch runner: one producer thread, N workers, and the calling thread writing results
//! in input order.
//!
//! Memory stays flat however long the batch: the producer takes a permit before it hands
//! out a job and the writer returns it once that job's result is written, so at most
//! `IN_FLIGHT_PER_WORKER × N` pages (queued, being extracted, or finished and waiting for an
//! earlier one) exist at any time. Nothing is kept per page after it is written except the
//! counters of the summary.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dechaff::{Article, Extractor};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::args::Format;
use crate::fetch::Fetcher;
use crate::output;
use crate::page::{self, Job, Origin, Page, Work};

/// Jobs allowed in flight per worker (queued + running + waiting to be written in order).
const IN_FLIGHT_PER_WORKER: usize = 8;

/// Stack of each worker thread. The library never recurses over the document; this is
/// headroom for the HTML parser and the HTTP/TLS stack.
const WORKER_STACK: usize = 8 << 20;

/// Everything a batch needs besides its inputs.
pub struct Settings {
    /// Output format.
    pub format: Format,
    /// Write files here instead of standard output.
    pub output_dir: Option<PathBuf>,
    /// Worker threads.
    pub jobs: usize,
    /// No failure lines, no summary.
    pub quiet: bool,
    /// `--encoding` was given: it wins over transport charsets.
    pub forced_encoding: bool,
    /// Page size limit (bytes), for reading and downloading.
    pub limit: usize,
    /// HTTP client for URL inputs.
    pub fetcher: Fetcher,
}

/// Counters of a finished batch.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Summary {
    /// Pages with main content.
    pub with_content: u64,
    /// Pages extracted without main content.
    pub empty: u64,
    /// Pages (or inputs) that failed.
    pub failed: u64,
    /// Archive records skipped (not HTML, truncated, too large).
    pub skipped: u64,
    /// Bytes of the pages that reached extraction.
    pub bytes: u64,
    /// Wall time of the batch.
    pub elapsed: Duration,
    /// Standard output was closed before the end (e.g. `| head`).
    pub output_closed: bool,
}

impl Summary {
    /// Pages seen: with content + empty + failed.
    pub fn pages(&self) -> u64 {
        self.with_content + self.empty + self.failed
    }

    /// The summary line printed at the end of a batch.
    pub fn line(&self) -> String {
        let secs = self.elapsed.as_secs_f64().max(1e-9);
        let skipped = if self.skipped > 0 {
            format!(", {} records skipped", self.skipped)
        } else {
            String::new()
        };
        format!(
            "{} pages: {} with content, {} empty, {} failed{skipped}; {:.1} MB in {:.2} s: {:.1} pages/s, {:.2} MB/s",
            self.pages(),
            self.with_content,
            self.empty,
            self.failed,
            self.bytes as f64 / 1e6,
            secs,
            self.pages() as f64 / secs,
            self.bytes as f64 / 1e6 / secs,
        )
    }
}

/// What became of one job.
enum Outcome {
    Page {
        rendered: String,
        has_content: bool,
        bytes: usize,
    },
    Failed {
        reason: String,
        /// The jsonl error line, in jsonl mode.
        rendered: Option<String>,
        bytes: usize,
    },
    Skipped(String),
}

struct Done {
    seq: u64,
    origin: Origin,
    outcome: Outcome,
}

/// Runs the whole batch and returns its counters.
pub fn run(inputs: Vec<String>, extractor: Extractor, settings: Settings) -> Summary {
    let started = Instant::now();
    let jobs = settings.jobs.max(1);
    let in_flight = jobs * IN_FLIGHT_PER_WORKER;
    let settings = Arc::new(settings);
    let extractor = Arc::new(extractor);

    let (job_tx, job_rx) = sync_channel::<Job>(in_flight);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = channel::<Done>();
    let (permit_tx, permit_rx) = sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        let _ = permit_tx.send(());
    }

    let limit = settings.limit;
    let producer = std::thread::Builder::new()
        .name("dechaff-inputs".to_string())
        .stack_size(WORKER_STACK)
        .spawn(move || produce(&inputs, limit, &job_tx, &permit_rx));

    let mut workers = Vec::with_capacity(jobs);
    for i in 0..jobs {
        let job_rx = Arc::clone(&job_rx);
        let done_tx = done_tx.clone();
        let extractor = Arc::clone(&extractor);
        let settings = Arc::clone(&settings);
        let spawned = std::thread::Builder::new()
            .name(format!("dechaff-worker-{i}"))
            .stack_size(WORKER_STACK)
            .spawn(move || work(&job_rx, &done_tx, &extractor, &settings));
        if let Ok(handle) = spawned {
            workers.push(handle);
        }
    }
    // Only the workers hold these now: if none could start, the producer's sends fail and
    // it stops instead of waiting forever.
    drop(done_tx);
    drop(job_rx);

    let mut summary = write_in_order(&done_rx, &permit_tx, &settings);
    drop(permit_tx);
    if !summary.output_closed {
        if let Ok(p) = producer {
            let _ = p.join();
        }
        for w in workers {
            let _ = w.join();
        }
    }
    summary.elapsed = started.elapsed();
    summary
}

fn produce(inputs: &[String], limit: usize, job_tx: &SyncSender<Job>, permits: &Receiver<()>) {
    let mut seq = 0u64;
    let mut emit = |origin: Origin, work: Work| -> bool {
        if permits.recv().is_err() {
            return false;
        }
        let job = Job { seq, origin, work };
        seq += 1;
        job_tx.send(job).is_ok()
    };
    crate::inputs::produce(inputs, limit, &mut emit);
}

fn work(
    job_rx: &Mutex<Receiver<Job>>,
    done_tx: &Sender<Done>,
    extractor: &Extractor,
    settings: &Settings,
) {
    loop {
        let job = {
            let rx = job_rx.lock().unwrap_or_else(|p| p.into_inner());
            rx.recv()
        };
        let Ok(job) = job else { return };
        let Job { seq, origin, work } = job;
        let outcome = std::panic::catch_unwind(AssertUnwindSafe(|| {
            process(work, &origin, extractor, settings)
        }))
        .unwrap_or_else(|_| Outcome::Failed {
            reason: "internal error (panic), please report it".to_string(),
            rendered: None,
            bytes: 0,
        });
        if done_tx
            .send(Done {
                seq,
                origin,
                outcome,
            })
            .is_err()
        {
            return;
        }
    }
}

fn process(work: Work, origin: &Origin, extractor: &Extractor, settings: &Settings) -> Outcome {
    let fail = |reason: String, kind: &str, bytes: usize| {
        let rendered =
            (settings.format == Format::Jsonl).then(|| output::jsonl_error(origin, kind, &reason));
        Outcome::Failed {
            reason,
            rendered,
            bytes,
        }
    };
    let page = match work {
        Work::File(path) => match page::read_file(&path, settings.limit) {
            Ok(bytes) => Page {
                bytes,
                url: None,
                charset: None,
            },
            Err(reason) => return fail(reason, "read", 0),
        },
        Work::Fetch(url) => match settings.fetcher.fetch(&url) {
            Ok(p) => p,
            Err(reason) => return fail(reason, "fetch", 0),
        },
        Work::Ready(p) => p,
        Work::Failed(reason) => return fail(reason, "read", 0),
        Work::Skipped(reason) => return Outcome::Skipped(reason),
    };
    let bytes = page.bytes.len();
    let charset = if settings.forced_encoding {
        None
    } else {
        page.charset.as_deref()
    };
    match extract(extractor, &page.bytes, page.url.as_deref(), charset) {
        Ok(article) => Outcome::Page {
            rendered: output::render(
                settings.format,
                &article,
                origin,
                settings.output_dir.is_none(),
            ),
            has_content: article.has_content(),
            bytes,
        },
        Err(e) => fail(e.to_string(), e.kind(), bytes),
    }
}

/// Extracts with the transport's hints; a hint the library rejects (a malformed target URI,
/// an unknown charset label from a server) is dropped rather than failing the page.
fn extract(
    extractor: &Extractor,
    bytes: &[u8],
    url: Option<&str>,
    charset: Option<&str>,
) -> Result<Article, dechaff::Error> {
    let (mut url, mut charset) = (url, charset);
    loop {
        match extractor.extract_bytes(bytes, url, charset) {
            Err(dechaff::Error::InvalidOption { name: "url", .. }) if url.is_some() => url = None,
            Err(dechaff::Error::InvalidOption {
                name: "encoding", ..
            }) if charset.is_some() => charset = None,
            other => return other,
        }
    }
}

fn write_in_order(
    done_rx: &Receiver<Done>,
    permits: &SyncSender<()>,
    settings: &Settings,
) -> Summary {
    let mut summary = Summary::default();
    let bar = progress_bar(settings.quiet);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut pending: BTreeMap<u64, Done> = BTreeMap::new();
    let mut next = 0u64;
    'results: for done in done_rx {
        pending.insert(done.seq, done);
        while let Some(done) = pending.remove(&next) {
            next += 1;
            if !handle(done, &mut out, &mut summary, settings, &bar) {
                summary.output_closed = true;
                break 'results;
            }
            let _ = permits.send(());
        }
    }
    if !summary.output_closed && out.flush().is_err() {
        summary.output_closed = true;
    }
    bar.finish_and_clear();
    summary
}

/// Writes one result and counts it; `false` when standard output is closed.
fn handle(
    done: Done,
    out: &mut impl Write,
    summary: &mut Summary,
    settings: &Settings,
    bar: &ProgressBar,
) -> bool {
    let Done {
        origin, outcome, ..
    } = done;
    let report = |what: &str| {
        if !settings.quiet {
            bar.suspend(|| eprintln!("dechaff: {}: {what}", origin.label));
        }
    };
    let mut extracted = None;
    let rendered = match outcome {
        Outcome::Page {
            rendered,
            has_content,
            bytes,
        } => {
            summary.bytes += bytes as u64;
            extracted = Some(has_content);
            Some(rendered)
        }
        Outcome::Failed {
            reason,
            rendered,
            bytes,
        } => {
            summary.bytes += bytes as u64;
            summary.failed += 1;
            report(&reason);
            rendered
        }
        Outcome::Skipped(reason) => {
            summary.skipped += 1;
            report(&format!("skipped: {reason}"));
            None
        }
    };
    let mut open = true;
    if let Some(text) = rendered {
        match &settings.output_dir {
            None => open = out.write_all(text.as_bytes()).is_ok(),
            Some(dir) => {
                if let Err(reason) = write_file(dir, &origin, settings.format, &text) {
                    // The page was extracted but its output is lost: it failed.
                    extracted = None;
                    summary.failed += 1;
                    report(&reason);
                }
            }
        }
    }
    match extracted {
        Some(true) => summary.with_content += 1,
        Some(false) => summary.empty += 1,
        None => {}
    }
    bar.inc(1);
    if summary.failed > 0 {
        bar.set_message(format!("{} failed", summary.failed));
    }
    open
}

fn write_file(dir: &Path, origin: &Origin, format: Format, text: &str) -> Result<(), String> {
    let mut path = dir.join(&origin.out_rel).into_os_string();
    path.push(".");
    path.push(format.extension());
    let path = PathBuf::from(path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| {
            format!(
                "cannot create {}: {}",
                parent.display(),
                page::io_reason(&e)
            )
        })?;
    }
    std::fs::write(&path, text)
        .map_err(|e| format!("cannot write {}: {}", path.display(), page::io_reason(&e)))
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} {pos} pages [{elapsed_precise}] {rate} {msg}")
    {
        bar.set_style(style.with_key(
            "rate",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = write!(w, "{:.1} pages/s", state.per_sec());
            },
        ));
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}
