//! Plain conversions: JSON values and ISO 8601 strings to Python objects.

use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyDelta, PyDict, PyList, PyTzInfo};

/// A JSON value as the Python object `json.loads` would give.
///
/// Recursive, but only ever called on values serialised from core types (an `Article`, its
/// `Diagnostics`, `Options`), whose nesting is fixed and shallow.
pub(crate) fn json_to_py<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any()
            }
        }
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// The parts of an ISO 8601 date or date-time, as the core writes them.
#[derive(Debug, PartialEq, Eq)]
struct IsoDateTime {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    microsecond: u32,
    /// Offset from UTC in seconds; `None` for a local (naive) time or a bare date.
    offset: Option<i32>,
}

/// Parses `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM[:SS[.fraction]]`,
/// optionally followed by `Z`, `±HH:MM`, `±HHMM` or `±HH`. Anything else is `None`.
fn parse_iso(s: &str) -> Option<IsoDateTime> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    };
    let at = |i: usize| b.get(i).copied();
    if at(4) != Some(b'-') || at(7) != Some(b'-') {
        return None;
    }
    let year = i32::try_from(num(0, 4)?).ok()?;
    let month = u8::try_from(num(5, 2)?).ok()?;
    let day = u8::try_from(num(8, 2)?).ok()?;
    let mut out = IsoDateTime {
        year,
        month,
        day,
        hour: 0,
        minute: 0,
        second: 0,
        microsecond: 0,
        offset: None,
    };
    if b.len() == 10 {
        return Some(out);
    }
    if !matches!(at(10), Some(b'T' | b't' | b' ')) || at(13) != Some(b':') {
        return None;
    }
    out.hour = u8::try_from(num(11, 2)?).ok()?;
    out.minute = u8::try_from(num(14, 2)?).ok()?;
    let mut i = 16;
    if at(i) == Some(b':') {
        out.second = u8::try_from(num(i + 1, 2)?).ok()?;
        i += 3;
        if matches!(at(i), Some(b'.' | b',')) {
            i += 1;
            let start = i;
            let mut micro: u32 = 0;
            let mut scale: u32 = 100_000;
            while let Some(d) = at(i).filter(u8::is_ascii_digit) {
                micro += u32::from(d - b'0') * scale;
                scale /= 10;
                i += 1;
            }
            if i == start {
                return None;
            }
            out.microsecond = micro;
        }
    }
    match at(i) {
        None => {}
        Some(b'Z' | b'z') if i + 1 == b.len() => out.offset = Some(0),
        Some(sign @ (b'+' | b'-')) => {
            let hours = num(i + 1, 2)?;
            let rest = b.len() - (i + 3);
            let minutes = match rest {
                0 => 0,
                2 => num(i + 3, 2)?,
                3 if at(i + 3) == Some(b':') => num(i + 4, 2)?,
                _ => return None,
            };
            if hours > 23 || minutes > 59 {
                return None;
            }
            let secs = i32::try_from(hours * 3600 + minutes * 60).ok()?;
            out.offset = Some(if sign == b'-' { -secs } else { secs });
        }
        Some(_) => return None,
    }
    Some(out)
}

/// An ISO 8601 string of the core as a `datetime.datetime`: a bare date is midnight, naive; a
/// time with an offset (or `Z`) is aware, without one naive. `None` when the string is not in
/// that form or not a real date (the string itself stays available through `to_dict()`).
pub(crate) fn iso_to_datetime<'py>(
    py: Python<'py>,
    s: &str,
) -> PyResult<Option<Bound<'py, PyDateTime>>> {
    let Some(p) = parse_iso(s) else {
        return Ok(None);
    };
    let tz = match p.offset {
        None => None,
        Some(0) => Some(PyTzInfo::utc(py)?.to_owned()),
        Some(secs) => {
            let delta = PyDelta::new(py, 0, secs, 0, true)?;
            Some(PyTzInfo::fixed_offset(py, delta)?)
        }
    };
    // Out-of-range fields (month 13, 25 o'clock) make the constructor raise; that is "not a
    // date" here, not an error of the attribute access.
    Ok(PyDateTime::new(
        py,
        p.year,
        p.month,
        p.day,
        p.hour,
        p.minute,
        p.second,
        p.microsecond,
        tz.as_ref(),
    )
    .ok())
}
