//! `dechaff_status`: the result of every fallible call, and the one mapping from
//! [`dechaff::Error`] to it.

use std::ffi::c_char;

/// The result of a call. `DECHAFF_OK` (0) is success; every other value is a failure whose
/// details `dechaff_last_error_message` gives. The numbers are stable: a value is never
/// reused for another meaning, and new failures get new numbers.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum dechaff_status {
    /// Success.
    DECHAFF_OK = 0,
    /// A pointer argument that must not be NULL was NULL (or `html` was NULL with `len > 0`).
    DECHAFF_ERR_NULL_ARGUMENT = 1,
    /// A string argument (URL, encoding label, date) was not valid UTF-8.
    DECHAFF_ERR_INVALID_UTF8 = 2,
    /// An option has a value dechaff cannot use: an unknown enum value, an unknown encoding
    /// label, a URL that is not absolute, a date that is not `YYYY-MM-DD`, a zero limit, …
    DECHAFF_ERR_INVALID_OPTION = 3,
    /// The input is larger than the `max_input_bytes` limit (20 000 000 by default).
    DECHAFF_ERR_INPUT_TOO_LARGE = 4,
    /// The document exceeds `max_nodes` or `max_depth` and `on_limit` is
    /// `DECHAFF_ON_LIMIT_ERROR` (with the default, `DECHAFF_ON_LIMIT_DEGRADE`, the rest of
    /// the page is ignored instead).
    DECHAFF_ERR_TOO_COMPLEX = 5,
    /// The input is recognisably not HTML: an image, a PDF, an archive, compressed or binary
    /// data. dechaff never decompresses.
    DECHAFF_ERR_NOT_HTML = 6,
    /// An internal error (a caught panic): a bug in dechaff. The call had no effect.
    DECHAFF_ERR_PANIC = 99,
}

use dechaff_status::*;

/// Every status, in numeric order (for `dechaff_status_str` and the tests).
pub(crate) const ALL: [dechaff_status; 8] = [
    DECHAFF_OK,
    DECHAFF_ERR_NULL_ARGUMENT,
    DECHAFF_ERR_INVALID_UTF8,
    DECHAFF_ERR_INVALID_OPTION,
    DECHAFF_ERR_INPUT_TOO_LARGE,
    DECHAFF_ERR_TOO_COMPLEX,
    DECHAFF_ERR_NOT_HTML,
    DECHAFF_ERR_PANIC,
];

impl dechaff_status {
    /// A static NUL-terminated description.
    pub(crate) fn description(self) -> &'static [u8] {
        match self {
            DECHAFF_OK => b"ok\0",
            DECHAFF_ERR_NULL_ARGUMENT => b"a required pointer argument is NULL\0",
            DECHAFF_ERR_INVALID_UTF8 => b"a string argument is not valid UTF-8\0",
            DECHAFF_ERR_INVALID_OPTION => b"invalid option\0",
            DECHAFF_ERR_INPUT_TOO_LARGE => b"input too large\0",
            DECHAFF_ERR_TOO_COMPLEX => b"document too complex\0",
            DECHAFF_ERR_NOT_HTML => b"input is not HTML\0",
            DECHAFF_ERR_PANIC => b"internal error (a bug in dechaff)\0",
        }
    }

    /// The status with number `code`, if there is one.
    pub(crate) fn from_code(code: i32) -> Option<Self> {
        ALL.into_iter().find(|s| *s as i32 == code)
    }
}

/// Description used by `dechaff_status_str` for numbers that are no status.
pub(crate) const UNKNOWN_STATUS: &[u8] = b"unknown status\0";

/// A pointer to a static NUL-terminated string.
pub(crate) fn static_c_str(bytes: &'static [u8]) -> *const c_char {
    bytes.as_ptr().cast()
}

/// The status for a core error. Every variant is listed: with
/// `clippy::wildcard_enum_match_arm` denied, a variant added to `dechaff::Error` fails the
/// lint until it is mapped here (the `_` arm is only what `#[non_exhaustive]` demands).
#[deny(clippy::wildcard_enum_match_arm)]
pub(crate) fn from_error(error: &dechaff::Error) -> dechaff_status {
    use dechaff::Error;
    match error {
        Error::InputTooLarge { .. } => DECHAFF_ERR_INPUT_TOO_LARGE,
        Error::TooComplex { .. } => DECHAFF_ERR_TOO_COMPLEX,
        Error::NotHtml(_) => DECHAFF_ERR_NOT_HTML,
        Error::InvalidOption { .. } => DECHAFF_ERR_INVALID_OPTION,
        _ => DECHAFF_ERR_PANIC,
    }
}

/// Records `error`'s message as this thread's last error and returns its status.
pub(crate) fn fail(error: &dechaff::Error) -> dechaff_status {
    crate::boundary::set_last_error(&format!("{} ({})", error, error.kind()));
    from_error(error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_stable() {
        let numbers: Vec<i32> = ALL.iter().map(|s| *s as i32).collect();
        assert_eq!(numbers, [0, 1, 2, 3, 4, 5, 6, 99]);
        for s in ALL {
            assert_eq!(dechaff_status::from_code(s as i32), Some(s));
            assert_eq!(s.description().last(), Some(&0));
        }
        assert_eq!(dechaff_status::from_code(7), None);
        assert_eq!(dechaff_status::from_code(-1), None);
    }

    #[test]
    fn every_core_error_maps_to_its_status() {
        use dechaff::{Complexity, Error, NotHtmlReason};
        let cases = [
            (
                Error::InputTooLarge { size: 2, limit: 1 },
                DECHAFF_ERR_INPUT_TOO_LARGE,
            ),
            (
                Error::TooComplex {
                    what: Complexity::Depth,
                    limit: 8,
                },
                DECHAFF_ERR_TOO_COMPLEX,
            ),
            (Error::NotHtml(NotHtmlReason::Pdf), DECHAFF_ERR_NOT_HTML),
            (
                Error::InvalidOption {
                    name: "url",
                    reason: "x".into(),
                },
                DECHAFF_ERR_INVALID_OPTION,
            ),
        ];
        for (error, status) in cases {
            assert_eq!(from_error(&error), status, "{error:?}");
        }
    }
}
