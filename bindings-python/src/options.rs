//! Keyword options → [`dechaff::Options`], and back to a dict.
//!
//! No default lives here: parsing starts from `Options::default()`, and the Python-side names
//! and defaults (`dechaff.DEFAULTS`) are the core's serde form of `Options::default()` with the
//! `limits` group flattened.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyInt, PyString};

use crate::convert::json_to_py;
use crate::errors;

/// The name of the nested limits group in the core's serde form of `Options`.
const LIMITS_KEY: &str = "limits";

/// `options` in the flat form Python sees: every `Options` field, with the fields of
/// `Options::limits` at the top level.
pub(crate) fn flat_json(options: &dechaff::Options) -> serde_json::Map<String, serde_json::Value> {
    let mut flat = match serde_json::to_value(options) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    if let Some(serde_json::Value::Object(limits)) = flat.remove(LIMITS_KEY) {
        flat.extend(limits);
    }
    flat
}

/// `options` as a fresh Python dict (flat form).
pub(crate) fn to_dict<'py>(
    py: Python<'py>,
    options: &dechaff::Options,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (name, value) in flat_json(options) {
        dict.set_item(name, json_to_py(py, &value)?)?;
    }
    Ok(dict)
}

/// The option names, for error messages.
fn names() -> String {
    flat_json(&dechaff::Options::default())
        .keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds `Options` from keyword arguments, starting from the core defaults.
///
/// A wrong type is a `TypeError`, a bad value an `InvalidOptionError` (a `ValueError`), an
/// unknown name a `TypeError`, each naming the option. Cross-field and value checks beyond
/// the type (a zero limit, an unknown encoding label, a bad URL or date) are the core's,
/// reported by `Extractor::new`.
pub(crate) fn from_kwargs(
    function: &str,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<dechaff::Options> {
    let mut o = dechaff::Options::default();
    let Some(kwargs) = kwargs else {
        return Ok(o);
    };
    for (key, value) in kwargs.iter() {
        let name: String = key.extract()?;
        let v = &value;
        match name.as_str() {
            "favor" => o.favor = parse_str(v, "favor")?.parse().map_err(|e| core(v, &e))?,
            "include_tables" => o.include_tables = boolean(v, "include_tables")?,
            "include_images" => o.include_images = boolean(v, "include_images")?,
            "include_links" => o.include_links = boolean(v, "include_links")?,
            "include_comments" => o.include_comments = boolean(v, "include_comments")?,
            "explain" => o.explain = boolean(v, "explain")?,
            "url" => o.url = optional_str(v, "url")?,
            "encoding" => o.encoding = optional_str(v, "encoding")?,
            "reference_date" => o.reference_date = optional_str(v, "reference_date")?,
            "earliest_date" => o.earliest_date = optional_str(v, "earliest_date")?,
            "max_input_bytes" => o.limits.max_input_bytes = size(v, "max_input_bytes")?,
            "max_nodes" => o.limits.max_nodes = size(v, "max_nodes")?,
            "max_depth" => o.limits.max_depth = size(v, "max_depth")?,
            "on_limit" => o.limits.on_limit = on_limit(v)?,
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "{function}() got an unexpected keyword argument '{name}'; the options are: {}",
                    names()
                )));
            }
        }
    }
    Ok(o)
}

fn core(v: &Bound<'_, PyAny>, e: &dechaff::Error) -> PyErr {
    errors::core_error(v.py(), e)
}

fn type_error(name: &str, expected: &str, v: &Bound<'_, PyAny>) -> PyErr {
    let got = v
        .get_type()
        .name()
        .map_or_else(|_| "?".to_string(), |n| n.to_string());
    PyTypeError::new_err(format!("option '{name}' must be {expected}, not {got}"))
}

fn boolean(v: &Bound<'_, PyAny>, name: &str) -> PyResult<bool> {
    v.cast::<PyBool>()
        .map(|b| b.is_true())
        .map_err(|_| type_error(name, "a bool", v))
}

fn parse_str(v: &Bound<'_, PyAny>, name: &str) -> PyResult<String> {
    match v.cast::<PyString>() {
        Ok(s) => Ok(s.to_string_lossy().into_owned()),
        Err(_) => Err(type_error(name, "a str", v)),
    }
}

fn optional_str(v: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<String>> {
    if v.is_none() {
        return Ok(None);
    }
    match v.cast::<PyString>() {
        Ok(s) => Ok(Some(s.to_string_lossy().into_owned())),
        Err(_) => Err(type_error(name, "a str or None", v)),
    }
}

fn size(v: &Bound<'_, PyAny>, name: &'static str) -> PyResult<usize> {
    // bool is a subclass of int in Python; `max_nodes=True` is a mistake, not 1.
    if v.is_instance_of::<PyBool>() || !v.is_instance_of::<PyInt>() {
        return Err(type_error(name, "an int", v));
    }
    if let Ok(n) = v.extract::<usize>() {
        return Ok(n);
    }
    let negative = v.lt(0).unwrap_or(false);
    Err(errors::invalid_option(
        v.py(),
        name,
        if negative {
            "must not be negative"
        } else {
            "is too large"
        },
    ))
}

fn on_limit(v: &Bound<'_, PyAny>) -> PyResult<dechaff::OnLimit> {
    let s = parse_str(v, "on_limit")?;
    // The accepted names are the core's serde names; serde's message lists them
    // ("unknown variant `x`, expected `degrade` or `error`").
    serde_json::from_value(serde_json::Value::String(s))
        .map_err(|e| errors::invalid_option(v.py(), "on_limit", e.to_string()))
}
