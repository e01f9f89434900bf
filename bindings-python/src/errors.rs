//! The exception classes and the one mapping from [`dechaff::Error`] to them.
//!
//! The classes are created at module initialisation with `type(name, bases, namespace)`,
//! because `InvalidOptionError` derives from both `DechaffError` and `ValueError`, which
//! `create_exception!` cannot express. Details travel as instance attributes (not `args`), so
//! the default `BaseException` pickling keeps them: a result list of `extract_many` can cross
//! `multiprocessing`.

use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};

/// The exception classes, created once per process by [`init`].
struct Classes {
    base: Py<PyType>,
    input_too_large: Py<PyType>,
    too_complex: Py<PyType>,
    not_html: Py<PyType>,
    invalid_option: Py<PyType>,
    internal: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

const BASE_DOC: &str = "Base class of every error dechaff raises.\n\n\
Every instance has a ``kind`` attribute: the core's stable snake_case name of the error \
(``input_too_large``, ``too_complex``, ``not_html``, ``invalid_option``, ``internal``).\n\n\
A page without main content is not an error: it gives an ``Article`` whose ``has_content`` \
is ``False``.";

const INPUT_TOO_LARGE_DOC: &str = "The input is larger than the ``max_input_bytes`` option.\n\n\
Attributes: ``size`` (the input size in bytes; for a ``str`` longer than the limit in \
characters, its length in characters, a lower bound of its UTF-8 size) and ``limit``.";

const TOO_COMPLEX_DOC: &str = "The document has more elements than ``max_nodes`` or deeper \
nesting than ``max_depth``, and ``on_limit`` is ``\"error\"`` (with the default, \
``\"degrade\"``, the rest of the page is ignored instead).\n\n\
Attributes: ``what`` (``\"nodes\"`` or ``\"depth\"``) and ``limit``.";

const NOT_HTML_DOC: &str = "The input is recognisably not HTML (binary data, an image, a PDF, \
an archive, compressed bytes). dechaff never decompresses.\n\n\
Attribute: ``reason`` (``\"binary\"``, ``\"compressed\"``, ``\"pdf\"``, ``\"image\"``, \
``\"archive\"``).";

const INVALID_OPTION_DOC: &str = "An option has a value dechaff cannot use (an unknown \
``favor``, encoding label or URL, a zero limit, a bad date). Also a ``ValueError``.\n\n\
Attributes: ``option`` (the option's name) and ``reason``.";

const INTERNAL_DOC: &str = "A bug in dechaff: the Rust code panicked. The panic was caught, \
so the interpreter and the other pages of a batch are unaffected. Please report it with the \
page that caused it.";

/// Creates the classes and adds them to the module.
pub(crate) fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let make = |name: &str, doc: &str, bases: Bound<'_, PyTuple>| -> PyResult<Py<PyType>> {
        let namespace = PyDict::new(py);
        namespace.set_item("__doc__", doc)?;
        // Public home of the classes, so that pickle and repr name `dechaff.XxxError`.
        namespace.set_item("__module__", "dechaff")?;
        let class = py
            .get_type::<PyType>()
            .call1((name, bases, namespace))?
            .cast_into::<PyType>()?;
        m.add(name, &class)?;
        Ok(class.unbind())
    };
    let exception = py.get_type::<PyException>();
    let base = make(
        "DechaffError",
        BASE_DOC,
        PyTuple::new(py, [exception.as_any()])?,
    )?;
    let base_b = base.bind(py).clone();
    let only_base = || PyTuple::new(py, [base_b.as_any()]);
    let classes = Classes {
        input_too_large: make("InputTooLargeError", INPUT_TOO_LARGE_DOC, only_base()?)?,
        too_complex: make("DocumentTooComplexError", TOO_COMPLEX_DOC, only_base()?)?,
        not_html: make("NotHtmlError", NOT_HTML_DOC, only_base()?)?,
        invalid_option: make(
            "InvalidOptionError",
            INVALID_OPTION_DOC,
            PyTuple::new(
                py,
                [base_b.as_any(), py.get_type::<PyValueError>().as_any()],
            )?,
        )?,
        internal: make("InternalError", INTERNAL_DOC, only_base()?)?,
        base,
    };
    // A second initialisation (a sub-interpreter, a reload) keeps the first classes, so that
    // `except dechaff.XxxError` keeps matching what the extension raises.
    let _ = CLASSES.set(py, classes);
    Ok(())
}

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES
        .get(py)
        .ok_or_else(|| PyTypeError::new_err("dechaff._native was not initialised"))
}

/// Builds an instance of `class` with `message` as its only argument and `attrs` set on it.
fn build(
    py: Python<'_>,
    class: &Py<PyType>,
    message: String,
    kind: &str,
    attrs: &[(&str, Bound<'_, PyAny>)],
) -> PyResult<PyErr> {
    let err = class.bind(py).call1((message,))?;
    err.setattr("kind", kind)?;
    for (name, value) in attrs {
        err.setattr(*name, value)?;
    }
    Ok(PyErr::from_value(err))
}

/// The exception for a core error.
pub(crate) fn core_error(py: Python<'_>, error: &dechaff::Error) -> PyErr {
    core_error_inner(py, error).unwrap_or_else(|e| e)
}

fn core_error_inner(py: Python<'_>, error: &dechaff::Error) -> PyResult<PyErr> {
    let c = classes(py)?;
    let (class, attrs) = match error {
        dechaff::Error::InputTooLarge { size, limit } => (
            &c.input_too_large,
            vec![
                ("size", size.into_pyobject(py)?.into_any()),
                ("limit", limit.into_pyobject(py)?.into_any()),
            ],
        ),
        dechaff::Error::TooComplex { what, limit } => (
            &c.too_complex,
            vec![
                ("what", what.as_str().into_pyobject(py)?.into_any()),
                ("limit", limit.into_pyobject(py)?.into_any()),
            ],
        ),
        dechaff::Error::NotHtml(reason) => (
            &c.not_html,
            vec![("reason", reason.as_str().into_pyobject(py)?.into_any())],
        ),
        dechaff::Error::InvalidOption { name, reason } => (
            &c.invalid_option,
            vec![
                ("option", name.into_pyobject(py)?.into_any()),
                ("reason", reason.into_pyobject(py)?.into_any()),
            ],
        ),
        // `dechaff::Error` is `#[non_exhaustive]`, so the compiler demands this arm. A kind
        // added to the core without a class here still raises a `DechaffError` carrying the
        // core's `kind` and message, never something uncatchable.
        _ => (&c.base, Vec::new()),
    };
    build(py, class, error.to_string(), error.kind(), &attrs)
}

/// `InvalidOptionError` for a value the binding itself rejects (a negative limit), worded as
/// the core words its own.
pub(crate) fn invalid_option(
    py: Python<'_>,
    name: &'static str,
    reason: impl Into<String>,
) -> PyErr {
    core_error(
        py,
        &dechaff::Error::InvalidOption {
            name,
            reason: reason.into(),
        },
    )
}

/// `InternalError` for a caught panic.
pub(crate) fn internal(py: Python<'_>, panic_message: &str) -> PyErr {
    let make = || -> PyResult<PyErr> {
        let message = format!(
            "internal error (a bug in dechaff {}, please report it): {panic_message}",
            dechaff::VERSION
        );
        build(py, &classes(py)?.internal, message, "internal", &[])
    };
    make().unwrap_or_else(|e| e)
}
