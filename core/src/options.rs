//! Extraction options. Every default of every binding lives here and only here.

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Which way to lean when a block might be boilerplate or might be content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Favor {
    /// Drop doubtful blocks: less boilerplate, maybe a lost paragraph.
    Precision,
    /// The default trade-off.
    #[default]
    Balanced,
    /// Keep doubtful blocks: nothing lost, maybe some boilerplate.
    Recall,
}

impl Favor {
    /// Stable snake_case name (`"precision"`, `"balanced"`, `"recall"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Favor::Precision => "precision",
            Favor::Balanced => "balanced",
            Favor::Recall => "recall",
        }
    }
}

impl std::str::FromStr for Favor {
    type Err = Error;

    /// Parses `"precision"`, `"balanced"` or `"recall"` (ASCII case-insensitive).
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "precision" => Ok(Favor::Precision),
            "balanced" => Ok(Favor::Balanced),
            "recall" => Ok(Favor::Recall),
            _ => Err(Error::InvalidOption {
                name: "favor",
                reason: format!("{s:?} is not one of \"precision\", \"balanced\", \"recall\""),
            }),
        }
    }
}

/// What happens when a page exceeds [`Limits::max_nodes`] or [`Limits::max_depth`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OnLimit {
    /// Stop parsing there, extract from what was parsed, and say so in
    /// [`Diagnostics::limits_hit`](crate::Diagnostics::limits_hit) and
    /// [`Diagnostics::truncated`](crate::Diagnostics::truncated).
    #[default]
    Degrade,
    /// Refuse the page with [`Error::TooComplex`].
    Error,
}

/// Hard bounds on the work done for one page.
///
/// Every default is far above what real pages need. Measured on the 1 191 pages of the four
/// development corpora (`bench/limits_corpus.sh`), p50 / p99 / p99.9 / max are:
/// bytes 101 450 / 944 746 / 1 596 468 / 1 630 750; elements 715 / 3 717 / 9 887 / 10 112;
/// nesting depth 17 / 34 / 44 / 45; attributes on one tag at most 70. No corpus page hits any
/// limit. Hostile pages, on the other hand, stay cheap: a page nested 100 000 deep is done in
/// milliseconds, where a plain html5ever parse takes minutes (see `docs/robustness.md`).
///
/// | limit | default | beyond it |
/// |---|---|---|
/// | [`max_input_bytes`](Limits::max_input_bytes) | 20 000 000 | [`Error::InputTooLarge`], before any work |
/// | [`max_nodes`](Limits::max_nodes) | 250 000 | parsing stops; the rest of the page is ignored |
/// | [`max_depth`](Limits::max_depth) | 512 | parsing stops; the rest of the page is ignored |
/// | attributes per tag (fixed) | 128 | the surplus attributes are dropped |
///
/// When parsing stops, the article is extracted from what was parsed and says so:
/// [`Diagnostics::truncated`](crate::Diagnostics::truncated) is `true` and
/// [`Diagnostics::limits_hit`](crate::Diagnostics::limits_hit) names the limit (`"nodes"`,
/// `"depth"`). With [`OnLimit::Error`] the page is refused with [`Error::TooComplex`]
/// instead. Dropped attributes are listed as `"attributes"` in `limits_hit` without
/// truncation (a tag with more than 128 attributes is itself the hostile part).
///
/// ```
/// use dechaff::{Limits, OnLimit, Options};
/// let strict = Options::default().limits(Limits::default().max_depth(64).on_limit(OnLimit::Error));
/// let deep = "<div>".repeat(100) + "text";
/// let err = dechaff::extract(&deep, &strict).unwrap_err();
/// assert_eq!(err.kind(), "too_complex");
/// let lenient = dechaff::extract(&deep, &Options::default())?;
/// assert!(!lenient.diagnostics.truncated); // 100 levels are within the default 512
/// # Ok::<(), dechaff::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Limits {
    /// Largest accepted input, in bytes (of the `&str` or the raw bytes). Beyond it:
    /// [`Error::InputTooLarge`], always, checked in O(1) before decoding or parsing.
    /// Default 20 000 000 (trafilatura's `MAX_FILE_SIZE`; 12 × the largest corpus page).
    pub max_input_bytes: usize,
    /// Most nodes (elements, comments, processing instructions) created while parsing.
    /// Beyond it the parser stops and the rest of the page is ignored (or
    /// [`Error::TooComplex`] with [`OnLimit::Error`]). Default 250 000 (25 × the corpus
    /// p99.9 of 9 887 elements). Bounds memory (about 0.5 KB per node with the side tables)
    /// and the time of every pass.
    pub max_nodes: usize,
    /// Deepest element nesting kept (the `<html>` element is at depth 1). Beyond it the
    /// parser stops and the rest of the page is ignored (or [`Error::TooComplex`] with
    /// [`OnLimit::Error`]). Default 512, the cap browsers use (the corpus maximum is 45).
    /// html5ever's tree builder scans the stack of open elements for many tags, so without
    /// this cap a page nested `n` deep costs `n²`. At least 8.
    pub max_depth: usize,
    /// What to do when `max_nodes` or `max_depth` is exceeded. Default [`OnLimit::Degrade`].
    pub on_limit: OnLimit,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 20_000_000,
            max_nodes: 250_000,
            max_depth: 512,
            on_limit: OnLimit::Degrade,
        }
    }
}

impl Limits {
    /// No practical bound on size or node count, for trusted batch jobs. Nesting is still
    /// capped at 4 096 (eight times what browsers keep), and tags at 128 attributes: the
    /// parser's work and some passes grow with depth times size, so a deeper cap would let one
    /// page cost minutes. Raise it with [`Limits::max_depth`] when you must.
    pub fn unlimited() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_nodes: usize::MAX,
            max_depth: 4_096,
            on_limit: OnLimit::Degrade,
        }
    }

    /// Sets [`Limits::max_input_bytes`].
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.max_input_bytes = n;
        self
    }

    /// Sets [`Limits::max_nodes`].
    pub fn max_nodes(mut self, n: usize) -> Self {
        self.max_nodes = n;
        self
    }

    /// Sets [`Limits::max_depth`].
    pub fn max_depth(mut self, n: usize) -> Self {
        self.max_depth = n;
        self
    }

    /// Sets [`Limits::on_limit`].
    pub fn on_limit(mut self, on: OnLimit) -> Self {
        self.on_limit = on;
        self
    }
}

/// How to extract. Build with [`Options::default`] and the consuming setters:
///
/// ```
/// use dechaff::{Favor, Options};
/// let options = Options::default()
///     .favor(Favor::Precision)
///     .include_tables(false)
///     .url("https://example.com/news/1");
/// assert_eq!(options.favor, Favor::Precision);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Options {
    /// Precision / recall trade-off. Default [`Favor::Balanced`].
    pub favor: Favor,
    /// Keep tables of data as [`Block::Table`](crate::Block::Table). Default `true`.
    pub include_tables: bool,
    /// Keep images as [`Block::Figure`](crate::Block::Figure). Default `false`.
    pub include_images: bool,
    /// Keep link targets on text blocks ([`Link`](crate::Link) spans). Default `false`.
    pub include_links: bool,
    /// Keep the page's comment section, as blocks after the article. Default `false`.
    pub include_comments: bool,
    /// Address of the page: the base for relative links and images, and a hint for the
    /// encoding guess and date extraction. Default `None`.
    pub url: Option<String>,
    /// Encoding label the caller knows (an HTTP `Content-Type` charset) for
    /// [`extract_bytes`](crate::extract_bytes). A byte-order mark still wins. Default `None`.
    pub encoding: Option<String>,
    /// Record why each block was kept or dropped in
    /// [`Diagnostics::trace`](crate::Diagnostics::trace). Default `false`.
    pub explain: bool,
    /// The day the page is read, `YYYY-MM-DD`: the latest accepted date and the anchor for
    /// relative dates ("3 days ago"). Default `None`: today's date, and relative dates ignored.
    pub reference_date: Option<String>,
    /// The earliest accepted date, `YYYY-MM-DD`. Default `None`: 1995-01-01.
    pub earliest_date: Option<String>,
    /// Hard bounds on input size and document complexity.
    pub limits: Limits,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            favor: Favor::Balanced,
            include_tables: true,
            include_images: false,
            include_links: false,
            include_comments: false,
            url: None,
            encoding: None,
            explain: false,
            reference_date: None,
            earliest_date: None,
            limits: Limits::default(),
        }
    }
}

impl Options {
    /// Sets [`Options::favor`].
    pub fn favor(mut self, favor: Favor) -> Self {
        self.favor = favor;
        self
    }

    /// Sets [`Options::include_tables`].
    pub fn include_tables(mut self, on: bool) -> Self {
        self.include_tables = on;
        self
    }

    /// Sets [`Options::include_images`].
    pub fn include_images(mut self, on: bool) -> Self {
        self.include_images = on;
        self
    }

    /// Sets [`Options::include_links`].
    pub fn include_links(mut self, on: bool) -> Self {
        self.include_links = on;
        self
    }

    /// Sets [`Options::include_comments`].
    pub fn include_comments(mut self, on: bool) -> Self {
        self.include_comments = on;
        self
    }

    /// Sets [`Options::url`].
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Sets [`Options::encoding`].
    pub fn encoding(mut self, label: impl Into<String>) -> Self {
        self.encoding = Some(label.into());
        self
    }

    /// Sets [`Options::explain`].
    pub fn explain(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// Sets [`Options::reference_date`] (`YYYY-MM-DD`).
    pub fn reference_date(mut self, date: impl Into<String>) -> Self {
        self.reference_date = Some(date.into());
        self
    }

    /// Sets [`Options::earliest_date`] (`YYYY-MM-DD`).
    pub fn earliest_date(mut self, date: impl Into<String>) -> Self {
        self.earliest_date = Some(date.into());
        self
    }

    /// Sets [`Options::limits`].
    pub fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    /// Sets [`Limits::max_input_bytes`].
    pub fn max_input_bytes(mut self, n: usize) -> Self {
        self.limits.max_input_bytes = n;
        self
    }

    /// Checks every option and returns the first problem found.
    ///
    /// [`Extractor::new`](crate::Extractor::new) calls this once; the free functions call it
    /// on every page.
    pub fn validate(&self) -> Result<(), Error> {
        if self.limits.max_input_bytes == 0 {
            return Err(invalid("max_input_bytes", "must be at least 1"));
        }
        if self.limits.max_nodes == 0 {
            return Err(invalid("max_nodes", "must be at least 1"));
        }
        if self.limits.max_depth < 8 {
            return Err(invalid("max_depth", "must be at least 8"));
        }
        if let Some(label) = &self.encoding
            && encoding_rs::Encoding::for_label(label.trim().as_bytes()).is_none()
        {
            return Err(invalid(
                "encoding",
                format!("{label:?} is not a known encoding label"),
            ));
        }
        if let Some(u) = &self.url {
            crate::urls::parse_base(u).map_err(|reason| invalid("url", reason))?;
        }
        for (name, value) in [
            ("reference_date", &self.reference_date),
            ("earliest_date", &self.earliest_date),
        ] {
            if let Some(d) = value
                && crate::metadata::date::parse_ymd(d).is_none()
            {
                return Err(invalid(name, format!("{d:?} is not a YYYY-MM-DD date")));
            }
        }
        Ok(())
    }
}

fn invalid(name: &'static str, reason: impl Into<String>) -> Error {
    Error::InvalidOption {
        name,
        reason: reason.into(),
    }
}
