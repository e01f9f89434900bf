//! Running the core: input conversion, the panic guard, and the parallel batch.
//!
//! Everything here that touches the core runs with the GIL released (the callers wrap it in
//! `py.detach`), on data that is either borrowed from immutable Python objects kept alive
//! by the caller (`bytes`) or owned (`str`, converted once).

use std::borrow::Cow;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::errors;

/// Stack of each batch worker thread: the size of a main thread's on Linux, so a page that
/// extracts on the calling thread extracts on a worker too.
const WORKER_STACK_BYTES: usize = 8 * 1024 * 1024;

/// A page, ready for the core.
pub(crate) enum Html<'a> {
    /// From a `str` (already text: no encoding detection).
    Text(Cow<'a, str>),
    /// From `bytes`, borrowed: the core detects the encoding.
    Bytes(&'a [u8]),
}

/// Why an extraction gave no article.
pub(crate) enum Failure {
    /// The core refused the page.
    Core(dechaff::Error),
    /// The core panicked (a bug); the message of the panic.
    Panic(String),
}

impl Failure {
    /// The Python exception for this failure.
    pub(crate) fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Core(e) => errors::core_error(py, &e),
            Failure::Panic(message) => errors::internal(py, &message),
        }
    }
}

/// The type name of `obj`, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string())
}

/// Reads `obj` as a page: `bytes` are borrowed, a `str` is converted to UTF-8 with lone
/// surrogates replaced by U+FFFD (so no Python string makes this raise).
///
/// The outer error is a `TypeError` (not `str` or `bytes`); the inner one is the core's
/// `InputTooLarge`, found before copying a `str` whose length in characters is already over
/// `limit` (its UTF-8 size can only be larger).
pub(crate) fn html_input<'a>(
    obj: &'a Bound<'_, PyAny>,
    what: &str,
    limit: usize,
) -> PyResult<Result<Html<'a>, dechaff::Error>> {
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Ok(Html::Bytes(b.as_bytes())));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let chars = s.len()?;
        if chars > limit {
            return Ok(Err(dechaff::Error::InputTooLarge { size: chars, limit }));
        }
        return Ok(Ok(Html::Text(s.to_string_lossy())));
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        type_name(obj)
    )))
}

/// Runs `f`, turning a panic into [`Failure::Panic`] so that it never unwinds into Python
/// (where it would be a `PanicException`, a `BaseException` that `except Exception` misses).
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, dechaff::Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Core),
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic without a message".to_string());
            Err(Failure::Panic(message))
        }
    }
}

/// One page through the core, guarded. Call with the GIL released.
pub(crate) fn extract_one(
    extractor: &dechaff::Extractor,
    html: &Html<'_>,
    url: Option<&str>,
    encoding: Option<&str>,
) -> Result<dechaff::Article, Failure> {
    guard(|| match html {
        Html::Text(s) => extractor.extract(s, url),
        Html::Bytes(b) => extractor.extract_bytes(b, url, encoding),
    })
}

/// One page of a batch: its input (or the refusal found while reading it) and its URL.
pub(crate) struct Job<'a> {
    pub(crate) html: Result<Html<'a>, dechaff::Error>,
    pub(crate) url: Option<String>,
}

impl Job<'_> {
    /// Input size in bytes (0 for a page already refused).
    fn size(&self) -> usize {
        match &self.html {
            Ok(Html::Text(s)) => s.len(),
            Ok(Html::Bytes(b)) => b.len(),
            Err(_) => 0,
        }
    }

    fn run(&self, extractor: &dechaff::Extractor) -> Result<dechaff::Article, Failure> {
        match &self.html {
            Ok(html) => extract_one(extractor, html, self.url.as_deref(), None),
            Err(e) => Err(Failure::Core(e.clone())),
        }
    }
}

/// How often the calling thread of a batch looks for a pending signal (Ctrl-C), at most.
const SIGNAL_POLL_INTERVAL: Duration = Duration::from_millis(50);

/// Runs every job on up to `workers` threads (the calling thread is one of them) and returns
/// the results in job order. Call with the GIL released.
///
/// Threads take the next job (largest first) from a shared counter, so one slow page delays
/// only its own thread. A thread that cannot be started just means fewer workers.
///
/// Between pages, at most every [`SIGNAL_POLL_INTERVAL`], the calling thread runs
/// `interrupted`; when it returns an error (Python's signal handler raised, e.g.
/// `KeyboardInterrupt`), no thread starts another page and the error is returned once the
/// pages in progress are done.
pub(crate) fn run_batch<E: Send>(
    extractor: &dechaff::Extractor,
    jobs: &[Job<'_>],
    workers: usize,
    interrupted: impl Fn() -> Result<(), E>,
) -> Result<Vec<Result<dechaff::Article, Failure>>, E> {
    let workers = workers.clamp(1, jobs.len().max(1));
    // Largest pages first (extraction time grows with size): the threads then finish
    // together instead of one of them ending the batch alone on a big page. The results
    // still go back in input order.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(jobs.get(i).map_or(0, Job::size)));
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let take = || {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let i = *order.get(next.fetch_add(1, Ordering::Relaxed))?;
        jobs.get(i).map(|job| (i, job))
    };
    let work = || {
        let mut done = Vec::new();
        while let Some((i, job)) = take() {
            done.push((i, job.run(extractor)));
        }
        done
    };
    let mut slots: Vec<Option<Result<dechaff::Article, Failure>>> =
        std::iter::repeat_with(|| None).take(jobs.len()).collect();
    let mut signal = None;
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..workers)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .name("dechaff-worker".to_string())
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        // The calling thread works too, and is the one that can see signals.
        let mut done = Vec::new();
        let mut polled = Instant::now();
        while let Some((i, job)) = take() {
            done.push((i, job.run(extractor)));
            if polled.elapsed() >= SIGNAL_POLL_INTERVAL {
                polled = Instant::now();
                if let Err(e) = interrupted() {
                    signal = Some(e);
                    stop.store(true, Ordering::Relaxed);
                }
            }
        }
        for helper in helpers {
            // A helper cannot panic (each page is guarded); if it somehow did, its pages
            // stay empty and are reported below.
            if let Ok(part) = helper.join() {
                done.extend(part);
            }
        }
        for (i, result) in done {
            if let Some(slot) = slots.get_mut(i) {
                *slot = Some(result);
            }
        }
    });
    if let Some(e) = signal {
        return Err(e);
    }
    Ok(slots
        .into_iter()
        .map(|slot| {
            slot.unwrap_or_else(|| Err(Failure::Panic("a worker thread was lost".to_string())))
        })
        .collect())
}
