//! The one error type: refusals only.
//!
//! A page without main content is **not** an error: it gives an [`Article`](crate::Article)
//! whose [`has_content`](crate::Article::has_content) is `false`. `Error` means dechaff refused
//! the input or the options.

use serde::{Deserialize, Serialize};

/// Why an extraction was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    /// Checked before any parsing, in O(1).
    #[error("input is {size} bytes; the limit is {limit}")]
    InputTooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The document exceeds a structural limit and
    /// [`Limits::on_limit`](crate::Limits::on_limit) is [`OnLimit::Error`](crate::OnLimit::Error).
    /// With the default, [`OnLimit::Degrade`](crate::OnLimit::Degrade), the rest of the page is
    /// ignored instead and the article says it was truncated.
    #[error("document too complex: {what} exceeds {limit}")]
    TooComplex {
        /// Which limit was exceeded.
        what: Complexity,
        /// The configured limit.
        limit: usize,
    },
    /// The input is recognisably not an HTML document (binary data, an image, a PDF,
    /// compressed bytes). dechaff never decompresses: that is the caller's job.
    #[error("input is not HTML ({0})")]
    NotHtml(NotHtmlReason),
    /// An option has a value dechaff cannot use (an unknown encoding label, an unparsable URL,
    /// a zero limit, …). Reported by [`Extractor::new`](crate::Extractor::new).
    #[error("invalid option `{name}`: {reason}")]
    InvalidOption {
        /// The option's name, as spelled in [`Options`](crate::Options).
        name: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
}

/// The structural limit named by [`Error::TooComplex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Complexity {
    /// More elements than [`Limits::max_nodes`](crate::Limits::max_nodes).
    Nodes,
    /// Deeper nesting than [`Limits::max_depth`](crate::Limits::max_depth).
    Depth,
}

impl Complexity {
    /// Stable snake_case name (`"nodes"`, `"depth"`), as used in diagnostics.
    pub fn as_str(self) -> &'static str {
        match self {
            Complexity::Nodes => "nodes",
            Complexity::Depth => "depth",
        }
    }
}

impl std::fmt::Display for Complexity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an input was judged not to be HTML, see [`Error::NotHtml`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NotHtmlReason {
    /// Control bytes (NUL and other C0 codes) dominate the start of the input.
    Binary,
    /// A compressed stream (gzip, zstd, bzip2, xz, brotli-in-zip, …).
    Compressed,
    /// A PDF document.
    Pdf,
    /// An image (PNG, JPEG, GIF, WebP, …).
    Image,
    /// An archive or office container (ZIP and friends).
    Archive,
}

impl NotHtmlReason {
    /// Stable snake_case name of the reason.
    pub fn as_str(self) -> &'static str {
        match self {
            NotHtmlReason::Binary => "binary",
            NotHtmlReason::Compressed => "compressed",
            NotHtmlReason::Pdf => "pdf",
            NotHtmlReason::Image => "image",
            NotHtmlReason::Archive => "archive",
        }
    }
}

impl std::fmt::Display for NotHtmlReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Error {
    /// Stable snake_case name of the error kind (`"input_too_large"`, `"too_complex"`,
    /// `"not_html"`, `"invalid_option"`), used by the bindings and in batch reports.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::InputTooLarge { .. } => "input_too_large",
            Error::TooComplex { .. } => "too_complex",
            Error::NotHtml(_) => "not_html",
            Error::InvalidOption { .. } => "invalid_option",
        }
    }
}
