//! `dechaff._native`: the Python binding of the dechaff core.
//!
//! Thin by design: options are parsed into `dechaff::Options` (whose defaults are the only
//! defaults), the core runs with the GIL released and behind a panic guard, and its values
//! are wrapped in read-only classes. The Python package `dechaff` re-exports everything.

mod article;
mod convert;
mod errors;
mod options;
mod run;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyList, PyTuple};

use crate::article::Article;
use crate::run::{Html, Job, extract_one, html_input, run_batch, type_name};

/// Builds a validated extractor from keyword options.
fn build_extractor(
    py: Python<'_>,
    function: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<dechaff::Extractor> {
    let options = options::from_kwargs(function, kwargs)?;
    dechaff::Extractor::new(options).map_err(|e| errors::core_error(py, &e))
}

/// One page through `extractor`, with the GIL released.
fn extract_with(
    py: Python<'_>,
    extractor: &dechaff::Extractor,
    html: &Bound<'_, PyAny>,
    url: Option<&str>,
    encoding: Option<&str>,
) -> PyResult<Article> {
    let limit = extractor.options().limits.max_input_bytes;
    let html: Html<'_> =
        html_input(html, "html", limit)?.map_err(|e| errors::core_error(py, &e))?;
    py.detach(|| extract_one(extractor, &html, url, encoding))
        .map(|inner| Article { inner })
        .map_err(|f| f.into_pyerr(py))
}

/// Parses the `workers` argument: `None` is the number of available cores.
fn worker_count(workers: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(w) = workers.filter(|w| !w.is_none()) else {
        return Ok(std::thread::available_parallelism().map_or(1, std::num::NonZero::get));
    };
    if w.is_instance_of::<PyBool>() || !w.is_instance_of::<PyInt>() {
        return Err(PyTypeError::new_err(format!(
            "workers must be an int or None, not {}",
            type_name(w)
        )));
    }
    match w.extract::<i64>() {
        Ok(n) if n >= 1 => Ok(usize::try_from(n).unwrap_or(usize::MAX)),
        Ok(_) | Err(_) if w.lt(1).unwrap_or(false) => Err(PyValueError::new_err(format!(
            "workers must be at least 1, not {}",
            w.repr().map_or_else(|_| "?".to_string(), |r| r.to_string())
        ))),
        Ok(_) | Err(_) => Ok(usize::MAX),
    }
}

/// Many pages through `extractor` on Rust threads, results (or exceptions) in input order.
fn extract_many_with<'py>(
    py: Python<'py>,
    extractor: &dechaff::Extractor,
    pages: &Bound<'py, PyAny>,
    workers: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let workers = worker_count(workers)?;
    let limit = extractor.options().limits.max_input_bytes;
    // First hold every page object (so borrowed `bytes` stay alive), then read them.
    let mut held: Vec<(Bound<'py, PyAny>, Option<String>)> = Vec::new();
    // A str or bytes is iterable too, but one page given by mistake, not pages.
    if pages.is_instance_of::<pyo3::types::PyString>()
        || pages.is_instance_of::<pyo3::types::PyBytes>()
    {
        return Err(PyTypeError::new_err(format!(
            "pages must be an iterable of pages, not a single {} (use extract() for one page)",
            type_name(pages)
        )));
    }
    let iter = pages.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "pages must be an iterable of str, bytes or (html, url) tuples, not {}",
            type_name(pages)
        ))
    })?;
    for (i, page) in iter.enumerate() {
        let page = page?;
        if let Ok(pair) = page.cast::<PyTuple>() {
            if pair.len() != 2 {
                return Err(PyTypeError::new_err(format!(
                    "pages[{i}] must be str, bytes or an (html, url) tuple; got a tuple of {}",
                    pair.len()
                )));
            }
            let url = pair.get_item(1)?;
            let url = if url.is_none() {
                None
            } else {
                Some(url.extract::<String>().map_err(|_| {
                    PyTypeError::new_err(format!(
                        "pages[{i}]: the url must be str or None, not {}",
                        type_name(&url)
                    ))
                })?)
            };
            held.push((pair.get_item(0)?, url));
        } else {
            held.push((page, None));
        }
    }
    let mut jobs = Vec::with_capacity(held.len());
    for (i, (html, url)) in held.iter().enumerate() {
        let html = html_input(html, &format!("pages[{i}]"), limit)?;
        jobs.push(Job {
            html,
            url: url.clone(),
        });
    }
    // Ctrl-C during a long batch: the calling thread re-attaches now and then to run the
    // signal handlers; a raised KeyboardInterrupt stops the batch and propagates.
    let results = py.detach(|| {
        run_batch(extractor, &jobs, workers, || {
            Python::attach(|py| py.check_signals())
        })
    })?;
    let out = PyList::empty(py);
    for result in results {
        match result {
            Ok(inner) => out.append(Bound::new(py, Article { inner })?)?,
            Err(failure) => out.append(failure.into_pyerr(py).into_value(py))?,
        }
    }
    Ok(out)
}

/// Extracts the article from one page.
///
/// Args:
///     html: the page, as ``bytes`` (the encoding is detected: byte-order mark, the
///         ``encoding`` option, ``<meta charset>``, then a statistical guess) or ``str``
///         (already text; lone surrogates are replaced by U+FFFD).
///     **options: any of the names in ``dechaff.DEFAULTS``, whose values are the defaults:
///         ``url`` (the page address: base for relative links, hint for dates and encoding),
///         ``favor`` (``"precision"``, ``"balanced"``, ``"recall"``), ``include_tables``,
///         ``include_images``, ``include_links``, ``include_comments``, ``encoding`` (a
///         charset label, for ``bytes``), ``explain`` (record a decision trace in
///         ``diagnostics``), ``reference_date`` and ``earliest_date`` (``YYYY-MM-DD``),
///         ``max_input_bytes``, ``max_nodes``, ``max_depth``, ``on_limit``
///         (``"degrade"`` or ``"error"``).
///
/// Returns:
///     Article: ``has_content`` is ``False`` when the page has no main content (that is
///     not an error).
///
/// Raises:
///     TypeError: ``html`` is not ``str`` or ``bytes``; an unknown option name; an option
///         value of the wrong type.
///     InvalidOptionError: an option value dechaff cannot use (also a ``ValueError``).
///     InputTooLargeError: ``html`` is over ``max_input_bytes``.
///     NotHtmlError: the input is binary, compressed, an image, a PDF or an archive.
///     DocumentTooComplexError: over ``max_nodes``/``max_depth`` with ``on_limit="error"``.
///     InternalError: a bug in dechaff (a caught Rust panic).
#[pyfunction]
#[pyo3(signature = (html, **options))]
fn extract(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<Article> {
    let extractor = build_extractor(py, "extract", options)?;
    extract_with(py, &extractor, html, None, None)
}

/// Extracts the main text of one page: ``extract(html, **options).text``.
///
/// Returns ``""`` (an empty string) when the page has no main content. Takes the same
/// arguments and raises the same exceptions as ``extract``.
#[pyfunction]
#[pyo3(signature = (html, **options))]
fn extract_text(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<String> {
    let extractor = build_extractor(py, "extract_text", options)?;
    Ok(extract_with(py, &extractor, html, None, None)?.inner.text())
}

/// Extracts many pages in parallel on Rust threads, with the GIL released.
///
/// Contract:
///
/// * ``pages`` is any iterable (not a single ``str`` or ``bytes``); each item is ``str``,
///   ``bytes`` or an ``(html, url)`` tuple (``url`` a ``str`` or ``None``; it overrides the
///   ``url`` option for that page). The iterable is read completely before extraction
///   starts.
/// * The result is a ``list`` with one entry per page, in input order. An entry is an
///   ``Article``, or, when that page was refused, the exception object that ``extract``
///   would have raised for it (an instance of ``DechaffError``: ``InputTooLargeError``,
///   ``NotHtmlError``, ``DocumentTooComplexError``, ``InvalidOptionError`` for a bad
///   per-page ``url``, ``InternalError`` for a bug). A failing page never fails the batch.
/// * The call itself raises only for mistakes in the arguments, before any page is
///   extracted: ``TypeError`` for an item of the wrong type (naming its index) or a wrong
///   option type or name, ``ValueError`` for ``workers < 1``, ``InvalidOptionError`` for a
///   bad option value.
/// * ``workers`` threads (default: the number of cores; never more than there are pages)
///   share the pages; the calling thread is one of them. Other Python threads run
///   meanwhile.
/// * An exception raised by a signal handler (Ctrl-C's ``KeyboardInterrupt``) stops the
///   batch within about 50 ms plus the pages in progress, and propagates; the results of
///   that call are lost.
///
/// Args:
///     pages: the pages.
///     workers: number of threads, at least 1; ``None`` for one per core.
///     **options: as for ``extract``; validated once for the whole batch.
///
/// Returns:
///     list[Article | DechaffError]: one entry per page, in order.
#[pyfunction]
#[pyo3(signature = (pages, *, workers = None, **options))]
fn extract_many<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    workers: Option<&Bound<'py, PyAny>>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let extractor = build_extractor(py, "extract_many", options)?;
    extract_many_with(py, &extractor, pages, workers)
}

/// A reusable extractor: options validated once, then any number of pages, from any number
/// of threads.
///
/// ``Extractor(**options)`` takes the options of ``extract`` (names and defaults in
/// ``dechaff.DEFAULTS``) and raises ``InvalidOptionError`` (or ``TypeError``) right away for
/// a bad one. Extractors are immutable and pickle.
#[pyclass(frozen, module = "dechaff", name = "Extractor")]
struct Extractor {
    inner: dechaff::Extractor,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (**options))]
    fn new(py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        Ok(Extractor {
            inner: build_extractor(py, "Extractor", options)?,
        })
    }

    /// Extracts the article from one page, as ``dechaff.extract``.
    ///
    /// ``url`` and ``encoding``, when given, override the extractor's options for this page.
    #[pyo3(signature = (html, *, url = None, encoding = None))]
    fn extract(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
        encoding: Option<String>,
    ) -> PyResult<Article> {
        extract_with(py, &self.inner, html, url.as_deref(), encoding.as_deref())
    }

    /// The main text of one page (``""`` without main content), as ``dechaff.extract_text``.
    #[pyo3(signature = (html, *, url = None, encoding = None))]
    fn extract_text(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
        encoding: Option<String>,
    ) -> PyResult<String> {
        Ok(
            extract_with(py, &self.inner, html, url.as_deref(), encoding.as_deref())?
                .inner
                .text(),
        )
    }

    /// Extracts many pages in parallel, with the contract of ``dechaff.extract_many``.
    #[pyo3(signature = (pages, *, workers = None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        pages: &Bound<'py, PyAny>,
        workers: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        extract_many_with(py, &self.inner, pages, workers)
    }

    /// The extractor's options, every name of ``dechaff.DEFAULTS`` with its value.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        options::to_dict(py, self.inner.options())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let defaults = options::flat_json(&dechaff::Options::default());
        let mut changed = Vec::new();
        for (name, value) in options::flat_json(self.inner.options()) {
            if defaults.get(&name) != Some(&value) {
                let shown = convert::json_to_py(py, &value)?.repr()?.to_string();
                changed.push(format!("{name}={shown}"));
            }
        }
        Ok(format!("Extractor({})", changed.join(", ")))
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let partial = py.import("functools")?.getattr("partial")?;
        let rebuild = partial.call(
            (py.get_type::<Extractor>(),),
            Some(&options::to_dict(py, slf.get().inner.options())?),
        )?;
        PyTuple::new(py, [rebuild, PyTuple::empty(py).into_any()])
    }
}

/// Test hook: runs a panicking closure through the same guard as every extraction, so the
/// tests can check that a panic surfaces as `InternalError`. Not part of the API.
#[pyfunction]
fn _raise_caught_panic(py: Python<'_>) -> PyResult<()> {
    py.detach(|| run::guard(|| -> Result<(), dechaff::Error> { panic!("test panic") }))
        .map_err(|f| f.into_pyerr(py))
}

/// dechaff: turn a web page into a clean article (main text without boilerplate, plus
/// metadata). Implemented in Rust; see the ``dechaff`` package for the documentation.
#[pymodule(gil_used = false)]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    errors::init(m)?;
    m.add("__version__", dechaff::VERSION)?;
    let defaults = options::to_dict(py, &dechaff::Options::default())?;
    let read_only = py
        .import("types")?
        .getattr("MappingProxyType")?
        .call1((defaults,))?;
    m.add("DEFAULTS", read_only)?;
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_text, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    // `setattr`, not `add`: the test hook stays out of `__all__`.
    m.setattr(
        "_raise_caught_panic",
        wrap_pyfunction!(_raise_caught_panic, m)?,
    )?;
    m.add_class::<Extractor>()?;
    m.add_class::<Article>()?;
    m.add_class::<article::Block>()?;
    m.add_class::<article::Heading>()?;
    m.add_class::<article::Paragraph>()?;
    m.add_class::<article::List>()?;
    m.add_class::<article::Quote>()?;
    m.add_class::<article::Code>()?;
    m.add_class::<article::Table>()?;
    m.add_class::<article::Figure>()?;
    m.add_class::<article::ListItem>()?;
    m.add_class::<article::Link>()?;
    Ok(())
}
