//! # dechaff
//!
//! Turns a web page into a clean [`Article`]: the main text with the boilerplate removed
//! (navigation, subscribe boxes, "related" teasers, cookie banners, footers, comment
//! widgets) and its metadata, as structured [`Block`]s from which text, Markdown, HTML and
//! JSON are rendered.
//!
//! ```
//! let html = r#"<html><head><title>A story | Example News</title></head><body>
//!   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
//!   <article><h1>A story</h1>
//!     <p>The first paragraph of the story is long enough to be article text, and it has
//!        a comma or two, as prose does.</p>
//!     <p>The second paragraph continues the story with more detail, quotes, and context
//!        for the reader.</p>
//!   </article>
//!   <footer>© Example News</footer></body></html>"#;
//! let article = dechaff::extract(html, &dechaff::Options::default())?;
//! assert_eq!(article.title.as_deref(), Some("A story"));
//! assert_eq!(article.blocks.len(), 2);
//! assert!(!article.text().contains("Home"));
//! # Ok::<(), dechaff::Error>(())
//! ```
//!
//! ## Pipeline
//!
//! One function lists every pass (`pipeline::run`): decode (BOM → caller hint → `<meta>`
//! prescan → chardetng) → parse (html5ever behind a sink that caps elements and depth) →
//! metadata → prune (non-content tags, hidden elements, semantic landmarks, boilerplate
//! class words) → score paragraphs → select the container and its siblings → clean inside it
//! (link-dense, image-only, form and furniture blocks) → assemble blocks → filter → render.
//! Passes mark nodes in side tables; the tree is parsed once and never re-serialised.
//!
//! ## Untrusted input
//!
//! No input makes dechaff panic, recurse without bound, or do unbounded work:
//! - inputs over [`Limits::max_input_bytes`] (20 MB) are refused with
//!   [`Error::InputTooLarge`] before any work;
//! - binary data (images, PDF, archives, compressed bytes, control-byte soup) is refused with
//!   [`Error::NotHtml`]; dechaff never decompresses;
//! - parsing stops at [`Limits::max_nodes`] nodes (250 000 elements and comments) or
//!   [`Limits::max_depth`] nesting (512, as browsers): the rest of the page is ignored and
//!   [`Diagnostics::truncated`] says so, or [`Error::TooComplex`] with [`OnLimit::Error`];
//! - a tag with more than 128 attributes keeps its first 128 (`"attributes"` in
//!   [`Diagnostics::limits_hit`]), since the parser checks duplicates in quadratic time;
//! - every walk over the tree is iterative, so deep pages cannot overflow the stack;
//! - a page without main content is not an error: [`Article::has_content`] is `false`.
//!
//! ## Encodings
//!
//! [`extract`] takes text. [`extract_bytes`] takes bytes and decodes them in the WHATWG order
//! (byte-order mark, the caller's [`Options::encoding`], a `<meta charset>` prescan of the
//! first 1024 bytes, then chardetng's guess). A page that declares UTF-8 but is not is
//! guessed again.

#![deny(missing_docs)]
#![forbid(unsafe_code)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice,
    )
)]

mod article;
mod assemble;
mod clean;
mod dom;
mod error;
mod extractor;
mod input;
mod metadata;
mod options;
mod output;
mod patterns;
mod pipeline;
mod score;
mod urls;

pub use article::{Article, Block, Diagnostics, Link, ListItem, Provenance, Source, TraceEntry};
pub use error::{Complexity, Error, NotHtmlReason};
pub use extractor::Extractor;
pub use options::{Favor, Limits, OnLimit, Options};

/// Timing hooks for the metadata cost bench. Not API.
#[doc(hidden)]
pub use metadata::bench as __bench;

/// Extracts the article from HTML text.
///
/// Validates `options` on every call; build an [`Extractor`] to validate once.
pub fn extract(html: &str, options: &Options) -> Result<Article, Error> {
    Extractor::new(options.clone())?.extract(html, None)
}

/// Extracts the article from bytes of unknown encoding (see [Encodings](crate#encodings)).
pub fn extract_bytes(html: &[u8], options: &Options) -> Result<Article, Error> {
    Extractor::new(options.clone())?.extract_bytes(html, None, None)
}

/// The README's Rust snippets, compiled as doctests so they cannot rot.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeDoctests;

/// The crate version, as in `Cargo.toml`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
