//! The result of an extraction: metadata plus structured blocks, from which every text
//! format is rendered.

use serde::{Deserialize, Serialize};

use crate::output;

/// A link inside a text block, kept when [`Options::include_links`](crate::Options::include_links)
/// is on. `start` and `end` are offsets in **characters** (Unicode scalar values, as Python
/// indexes strings) into the block's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// First character of the anchor text.
    pub start: usize,
    /// One past the last character of the anchor text.
    pub end: usize,
    /// The link target, absolute when a base URL is known.
    pub href: String,
}

/// One item of a [`Block::List`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    /// The item's text; line breaks inside the item are `\n`.
    pub text: String,
    /// Nesting level: 0 for the outer list, 1 for a list inside an item, …
    #[serde(default, skip_serializing_if = "is_zero")]
    pub depth: u8,
    /// Links inside the item (only with `include_links`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
}

fn is_zero(n: &u8) -> bool {
    *n == 0
}

/// A unit of the article body, in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Block {
    /// A section heading inside the body (the article title itself is metadata).
    Heading {
        /// 1 to 6, as in `<h1>`…`<h6>`.
        level: u8,
        /// The heading text.
        text: String,
    },
    /// A paragraph; line breaks (`<br>`) are `\n`.
    Paragraph {
        /// The paragraph text.
        text: String,
        /// Links inside the paragraph (only with `include_links`).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        links: Vec<Link>,
    },
    /// A bulleted or numbered list.
    List {
        /// `true` for `<ol>`.
        ordered: bool,
        /// The items in order; nested lists follow their parent item with a higher `depth`.
        items: Vec<ListItem>,
    },
    /// A block quotation; its paragraphs are separated by a blank line.
    Quote {
        /// The quoted text.
        text: String,
    },
    /// Preformatted text or code, whitespace kept as is.
    Code {
        /// The text, verbatim.
        text: String,
        /// The language, when the page names it (`class="language-rust"`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        language: Option<String>,
    },
    /// A table of data (layout tables are read as ordinary content instead).
    Table {
        /// Rows of cell texts; spanning cells are not repeated.
        rows: Vec<Vec<String>>,
        /// How many leading rows are header rows (`<th>` only, or `<thead>`).
        #[serde(default)]
        header_rows: usize,
    },
    /// An image with its caption (only with `include_images`).
    Figure {
        /// Image address, absolute when a base URL is known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        src: Option<String>,
        /// The image's alternative text.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        alt: Option<String>,
        /// The caption (`<figcaption>`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        caption: Option<String>,
    },
}

impl Block {
    /// Stable snake_case kind name: `heading`, `paragraph`, `list`, `quote`, `code`, `table`,
    /// `figure` (the `type` field of the JSON form).
    pub fn kind(&self) -> &'static str {
        match self {
            Block::Heading { .. } => "heading",
            Block::Paragraph { .. } => "paragraph",
            Block::List { .. } => "list",
            Block::Quote { .. } => "quote",
            Block::Code { .. } => "code",
            Block::Table { .. } => "table",
            Block::Figure { .. } => "figure",
        }
    }
}

/// Where a metadata value was found. See [`Provenance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Source {
    /// A `<script type="application/ld+json">` block.
    JsonLd,
    /// OpenGraph / `article:*` properties (`<meta property="og:…">`).
    OpenGraph,
    /// Other `<meta>` and `<link>` elements (`name=author`, Dublin Core, parsely, …).
    Meta,
    /// `itemprop` microdata.
    Microdata,
    /// The visible page: `<title>`, `<h1>`, byline elements, `<time>`, …
    Dom,
    /// The page address (e.g. a date in the path).
    Url,
    /// Derived from the extracted text (language detection, word count).
    Text,
}

/// For each metadata field of [`Article`], the source its value came from; `None` where the
/// field is empty.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Provenance {
    /// Source of [`Article::title`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Source>,
    /// Source of [`Article::authors`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authors: Option<Source>,
    /// Source of [`Article::published`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<Source>,
    /// Source of [`Article::modified`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modified: Option<Source>,
    /// Source of [`Article::site_name`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site_name: Option<Source>,
    /// Source of [`Article::description`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Source>,
    /// Source of [`Article::language`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Source>,
    /// Source of [`Article::url`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<Source>,
    /// Source of [`Article::image`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image: Option<Source>,
    /// Source of [`Article::image_caption`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub image_caption: Option<Source>,
    /// Source of [`Article::section`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Source>,
    /// Source of [`Article::categories`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub categories: Option<Source>,
    /// Source of [`Article::tags`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Source>,
    /// Source of [`Article::license`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<Source>,
    /// Source of [`Article::page_type`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_type: Option<Source>,
}

/// One decision of the pipeline, recorded when [`Options::explain`](crate::Options::explain)
/// is on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct TraceEntry {
    /// Stable id of the pass that decided (`remove_hidden`, `select_candidate`, …).
    pub pass: String,
    /// `"removed"`, `"kept"`, `"selected"`, …
    pub action: String,
    /// A short description of the element: `div.comments#c1`.
    pub element: String,
    /// The first characters of the element's text.
    pub text: String,
    /// Why, in a few words, with the numbers that mattered.
    pub reason: String,
}

/// How the page was read, and what limits it hit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Diagnostics {
    /// The encoding the input was decoded with (`UTF-8`, `windows-1251`, …).
    pub encoding: String,
    /// How that encoding was chosen: `str` (text given), `bom`, `hint`, `meta`, `detected`,
    /// `default`.
    pub encoding_source: String,
    /// Whether decoding replaced malformed byte sequences with U+FFFD.
    pub decode_errors: bool,
    /// Elements in the parsed document.
    pub nodes: usize,
    /// Deepest element nesting in the parsed document.
    pub max_depth: usize,
    /// Which limits were hit (`"nodes"`, `"depth"`): the rest of the page was ignored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits_hit: Vec<String>,
    /// `true` when a limit cut the document short.
    pub truncated: bool,
    /// The strategy that produced the body (`"candidate"`, `"json_ld"`, `"paragraphs"`, …).
    pub strategy: String,
    /// Per-decision trace, only with [`Options::explain`](crate::Options::explain).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<TraceEntry>,
}

/// A page turned into clean content: metadata, structured body blocks, diagnostics.
///
/// Text, Markdown and HTML are *rendered* from [`Article::blocks`] on demand
/// ([`text`](Article::text), [`markdown`](Article::markdown), [`html`](Article::html)); the JSON
/// form ([`to_json`](Article::to_json)) carries the rendered `text` too.
///
/// ```
/// let article = dechaff::extract(
///     "<html><head><title>Hello</title></head><body><article><h1>Hello</h1>\
///      <p>First paragraph of the story, long enough to count as real content here.</p>\
///      <p>Second paragraph, which also carries the kind of sentence an article has.</p>\
///      </article></body></html>",
///     &dechaff::Options::default(),
/// )
/// .unwrap();
/// assert_eq!(article.title.as_deref(), Some("Hello"));
/// assert!(article.has_content());
/// assert!(article.text().starts_with("First paragraph"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct Article {
    /// The article's title, without the site name.
    pub title: Option<String>,
    /// Author names, cleaned ("By", roles and dates removed), in page order.
    pub authors: Vec<String>,
    /// Publication date-time, ISO 8601 (`2025-02-27T12:07:00+00:00`, or a bare date).
    pub published: Option<String>,
    /// Last modification date-time, ISO 8601.
    pub modified: Option<String>,
    /// Name of the site or publication.
    pub site_name: Option<String>,
    /// Short description or standfirst.
    pub description: Option<String>,
    /// Language of the page, a BCP 47 tag or ISO 639-1 code (`en`, `pt-BR`).
    pub language: Option<String>,
    /// Canonical address of the page.
    pub url: Option<String>,
    /// The lead image, absolute when a base URL is known.
    pub image: Option<String>,
    /// Caption of the lead image, when the page shows one.
    pub image_caption: Option<String>,
    /// The primary section or category.
    pub section: Option<String>,
    /// Categories, in page order.
    pub categories: Vec<String>,
    /// Tags / keywords, in page order.
    pub tags: Vec<String>,
    /// Licence of the content (a URL or a name), when the page declares one.
    pub license: Option<String>,
    /// Page type (`article`, `NewsArticle`, `BlogPosting`, …).
    pub page_type: Option<String>,
    /// Words in the extracted body.
    pub word_count: usize,
    /// Where each metadata value came from.
    pub provenance: Provenance,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// The comment section, when [`Options::include_comments`](crate::Options::include_comments)
    /// is on and the page has one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Block>,
    /// How the page was read.
    pub diagnostics: Diagnostics,
}

/// JSON shape of an [`Article`]: the struct's fields plus the rendered `text`.
#[derive(Serialize)]
struct ArticleJson<'a> {
    has_content: bool,
    text: String,
    #[serde(flatten)]
    article: &'a Article,
}

impl Article {
    /// `false` when no main content was found (a login page, an empty page, a page of links):
    /// [`blocks`](Article::blocks) is empty then, but the metadata may still be useful.
    pub fn has_content(&self) -> bool {
        !self.blocks.is_empty()
    }

    /// The body as plain text: blocks separated by a blank line, list items on their own lines
    /// (`- ` or `1. `), table cells separated by tabs.
    pub fn text(&self) -> String {
        output::text::render(&self.blocks)
    }

    /// The comment section as plain text (empty unless `include_comments`).
    pub fn comments_text(&self) -> String {
        output::text::render(&self.comments)
    }

    /// The article as Markdown: the title as a level-1 heading, then the body.
    pub fn markdown(&self) -> String {
        output::markdown::render(self)
    }

    /// The article as a small, clean HTML document (`<article>` with the title and body).
    pub fn html(&self) -> String {
        output::html::render(self)
    }

    /// The article as one line of JSON: every field, plus `has_content` and the rendered
    /// `text`. The same bytes come out of the Python and C bindings.
    pub fn to_json(&self) -> String {
        let json = ArticleJson {
            has_content: self.has_content(),
            text: self.text(),
            article: self,
        };
        // Serialising plain owned data (strings, numbers, vectors) cannot fail.
        serde_json::to_string(&json).unwrap_or_else(|_| String::from("{}"))
    }
}
