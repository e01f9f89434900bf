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
/// The defaults let every page of the development corpora through untouched (the largest
/// page there is about 5 MB, the most elements about 60 000, the deepest nesting below 200)
/// while keeping hostile input cheap.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Limits {
    /// Largest accepted input, in bytes. Beyond it: [`Error::InputTooLarge`], always.
    /// Default 20 000 000 (trafilatura's `MAX_FILE_SIZE`).
    pub max_input_bytes: usize,
    /// Most elements created while parsing. Default 250 000.
    pub max_nodes: usize,
    /// Deepest element nesting kept while parsing. Default 512, the cap browsers use.
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
    /// No practical bound, for trusted batch jobs. Nesting is still capped at 100 000 so that
    /// no input can make the parser quadratic beyond that.
    pub fn unlimited() -> Self {
        Limits {
            max_input_bytes: usize::MAX,
            max_nodes: usize::MAX,
            max_depth: 100_000,
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
