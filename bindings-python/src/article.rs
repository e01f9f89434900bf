//! `Article` and the block classes: read-only views of the core's values.
//!
//! Every attribute is converted on access from the core value the object owns, so an
//! extraction that nobody inspects costs no conversion, and the lists handed out are fresh
//! copies (mutating one cannot change the frozen object).

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDateTime, PyList, PyTuple};

use crate::convert::{iso_to_datetime, json_to_py};

/// Longest text shown by a `repr`, in characters.
const REPR_TEXT_CHARS: usize = 60;

/// `s` shortened to [`REPR_TEXT_CHARS`] characters, with an ellipsis when cut.
fn shorten(s: &str) -> String {
    match s.char_indices().nth(REPR_TEXT_CHARS) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or(s)),
        None => s.to_string(),
    }
}

/// Python `repr()` of `value`, or `?` when it fails.
fn py_repr(value: &Bound<'_, PyAny>) -> String {
    value
        .repr()
        .map_or_else(|_| "?".to_string(), |r| r.to_string_lossy().into_owned())
}

/// A serde-serialisable core value as a Python dict (its JSON form).
fn to_py_dict<'py, T: serde::Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_to_py(py, &json)
}

/// The article extracted from a page: metadata, body blocks and diagnostics. Immutable.
///
/// Produced by ``dechaff.extract``, ``Extractor.extract`` and ``extract_many``; rebuilt from
/// JSON with ``Article.from_json``. Equal articles compare equal; articles pickle (through
/// their JSON form), so they can cross ``multiprocessing``.
///
/// Text-valued metadata is ``None`` when the page does not give it; list-valued metadata is
/// an empty list then. Each attribute access returns a fresh object.
#[pyclass(frozen, eq, module = "dechaff", name = "Article")]
#[derive(PartialEq)]
pub(crate) struct Article {
    pub(crate) inner: dechaff::Article,
}

#[pymethods]
impl Article {
    /// The article's title, without the site name.
    #[getter]
    fn title(&self) -> Option<String> {
        self.inner.title.clone()
    }

    /// Author names, in page order.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.inner.authors.clone()
    }

    /// Publication date as a ``datetime.datetime``: a date-only value is midnight and naive,
    /// a value with a UTC offset is aware. ``None`` when unknown (the ISO 8601 string the
    /// core found is in ``to_dict()["published"]``).
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        self.inner
            .published
            .as_deref()
            .map_or(Ok(None), |s| iso_to_datetime(py, s))
    }

    /// Last modification date, as ``published``.
    #[getter]
    fn modified<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDateTime>>> {
        self.inner
            .modified
            .as_deref()
            .map_or(Ok(None), |s| iso_to_datetime(py, s))
    }

    /// Name of the site or publication.
    #[getter]
    fn site_name(&self) -> Option<String> {
        self.inner.site_name.clone()
    }

    /// Short description or standfirst.
    #[getter]
    fn description(&self) -> Option<String> {
        self.inner.description.clone()
    }

    /// Language of the page (``en``, ``pt-BR``).
    #[getter]
    fn language(&self) -> Option<String> {
        self.inner.language.clone()
    }

    /// Canonical address of the page.
    #[getter]
    fn url(&self) -> Option<String> {
        self.inner.url.clone()
    }

    /// The lead image.
    #[getter]
    fn image(&self) -> Option<String> {
        self.inner.image.clone()
    }

    /// Caption of the lead image.
    #[getter]
    fn image_caption(&self) -> Option<String> {
        self.inner.image_caption.clone()
    }

    /// The primary section or category.
    #[getter]
    fn section(&self) -> Option<String> {
        self.inner.section.clone()
    }

    /// Categories, in page order.
    #[getter]
    fn categories(&self) -> Vec<String> {
        self.inner.categories.clone()
    }

    /// Tags / keywords, in page order.
    #[getter]
    fn tags(&self) -> Vec<String> {
        self.inner.tags.clone()
    }

    /// Licence of the content (a URL or a name).
    #[getter]
    fn license(&self) -> Option<String> {
        self.inner.license.clone()
    }

    /// Page type (``article``, ``NewsArticle``, ``BlogPosting``, …).
    #[getter]
    fn page_type(&self) -> Option<String> {
        self.inner.page_type.clone()
    }

    /// Words in the extracted body.
    #[getter]
    fn word_count(&self) -> usize {
        self.inner.word_count
    }

    /// Where each metadata value came from: ``{field: source}`` for the fields that have a
    /// value, the source being ``json_ld``, ``open_graph``, ``meta``, ``microdata``, ``dom``,
    /// ``url`` or ``text``.
    #[getter]
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner.provenance)
    }

    /// The body, in reading order: ``Heading``, ``Paragraph``, ``List``, ``Quote``, ``Code``,
    /// ``Table`` and ``Figure`` objects (all ``Block``), each with a ``kind``.
    #[getter]
    fn blocks<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        blocks_to_list(py, &self.inner.blocks)
    }

    /// The comment section's blocks (empty unless ``include_comments=True``).
    #[getter]
    fn comments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        blocks_to_list(py, &self.inner.comments)
    }

    /// How the page was read: ``encoding``, ``encoding_source``, ``decode_errors``,
    /// ``nodes``, ``max_depth``, ``limits_hit``, ``truncated``, ``strategy`` and, with
    /// ``explain=True``, ``trace`` (a list of decisions).
    #[getter]
    fn diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner.diagnostics)
    }

    /// ``False`` when no main content was found (the metadata may still be useful).
    #[getter]
    fn has_content(&self) -> bool {
        self.inner.has_content()
    }

    /// The body as plain text: blocks separated by a blank line (``""`` without content).
    #[getter]
    fn text(&self) -> String {
        self.inner.text()
    }

    /// The comment section as plain text (``""`` unless ``include_comments=True``).
    #[getter]
    fn comments_text(&self) -> String {
        self.inner.comments_text()
    }

    /// The article as Markdown: the title as a level-1 heading, then the body.
    fn markdown(&self) -> String {
        self.inner.markdown()
    }

    /// The article as a small, clean HTML document.
    fn html(&self) -> String {
        self.inner.html()
    }

    /// The article as one line of JSON, exactly the bytes of the Rust ``Article::to_json``:
    /// every field, plus ``has_content`` and the rendered ``text``.
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// ``json.loads(self.to_json())``: plain dicts, lists and strings (dates stay ISO 8601
    /// strings).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json: serde_json::Value = serde_json::from_str(&self.inner.to_json())
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        json_to_py(py, &json)
    }

    /// Rebuilds an article from the output of ``to_json`` (or a dict-shaped JSON string).
    ///
    /// Raises:
    ///     ValueError: the string is not JSON of an article.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &Bound<'_, pyo3::types::PyString>) -> PyResult<Self> {
        let text = json.to_string_lossy();
        let inner = py
            .detach(|| serde_json::from_str::<dechaff::Article>(&text))
            .map_err(|e| PyValueError::new_err(format!("not the JSON of an article: {e}")))?;
        Ok(Article { inner })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.get_type::<Article>().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().inner.to_json()])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }

    fn __repr__(&self) -> String {
        let a = &self.inner;
        let mut parts = Vec::new();
        if let Some(t) = &a.title {
            parts.push(format!("title={:?}", shorten(t)));
        }
        if let Some(u) = &a.url {
            parts.push(format!("url={u:?}"));
        }
        if !a.authors.is_empty() {
            parts.push(format!("authors={:?}", a.authors));
        }
        if let Some(p) = &a.published {
            parts.push(format!("published={p:?}"));
        }
        parts.push(format!("blocks={}", a.blocks.len()));
        parts.push(format!("words={}", a.word_count));
        if !a.has_content() {
            parts.push("has_content=False".to_string());
        }
        format!("<dechaff.Article {}>", parts.join(" "))
    }
}

/// A link inside a paragraph or list item (with ``include_links=True``). ``start`` and
/// ``end`` are character offsets into the block's text: ``text[start:end]`` is the anchor.
#[pyclass(frozen, eq, module = "dechaff", name = "Link", get_all)]
#[derive(Clone, PartialEq)]
pub(crate) struct Link {
    /// First character of the anchor text.
    start: usize,
    /// One past the last character of the anchor text.
    end: usize,
    /// The link target, absolute when a base URL is known.
    href: String,
}

#[pymethods]
impl Link {
    fn __repr__(&self) -> String {
        format!(
            "Link(start={}, end={}, href={:?})",
            self.start, self.end, self.href
        )
    }
}

fn links(links: &[dechaff::Link]) -> Vec<Link> {
    links
        .iter()
        .map(|l| Link {
            start: l.start,
            end: l.end,
            href: l.href.clone(),
        })
        .collect()
}

/// One item of a ``List`` block. ``depth`` is 0 for the outer list, 1 inside an item, …
#[pyclass(frozen, eq, module = "dechaff", name = "ListItem", get_all)]
#[derive(Clone, PartialEq)]
pub(crate) struct ListItem {
    /// The item's text.
    text: String,
    /// Nesting level: 0 for the outer list.
    depth: u8,
    /// Links inside the item (with ``include_links=True``).
    links: Vec<Link>,
}

#[pymethods]
impl ListItem {
    fn __repr__(&self) -> String {
        format!(
            "ListItem(text={:?}, depth={})",
            shorten(&self.text),
            self.depth
        )
    }
}

/// A unit of the article body. ``kind`` names the variant (``heading``, ``paragraph``,
/// ``list``, ``quote``, ``code``, ``table``, ``figure``); the subclass of the same name
/// carries its fields.
#[pyclass(frozen, eq, subclass, module = "dechaff", name = "Block")]
#[derive(PartialEq)]
pub(crate) struct Block {
    inner: dechaff::Block,
}

#[pymethods]
impl Block {
    /// The block's kind, as in the ``type`` field of the JSON form.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind()
    }

    /// The block's JSON form as a dict (with its ``type``).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py_dict(py, &self.inner)
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let name = slf.get_type().name()?.to_string();
        let json = serde_json::to_value(&slf.get().inner)
            .map_err(|e| PyValueError::new_err(e.to_string()))?;
        let mut fields = Vec::new();
        if let serde_json::Value::Object(map) = json {
            for (k, v) in map {
                if k == "type" {
                    continue;
                }
                let shown = match &v {
                    serde_json::Value::String(s) => format!("{:?}", shorten(s)),
                    serde_json::Value::Array(items) => format!("[…{} items]", items.len()),
                    other => py_repr(&json_to_py(py, other)?),
                };
                fields.push(format!("{k}={shown}"));
            }
        }
        Ok(format!("{name}({})", fields.join(", ")))
    }
}

/// A section heading inside the body.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Heading", get_all)]
pub(crate) struct Heading {
    /// 1 to 6, as in ``<h1>``…``<h6>``.
    level: u8,
    /// The heading text.
    text: String,
}

/// A paragraph; line breaks are ``\n``.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Paragraph", get_all)]
pub(crate) struct Paragraph {
    /// The paragraph text.
    text: String,
    /// Links inside the paragraph (with ``include_links=True``).
    links: Vec<Link>,
}

/// A bulleted (``ordered=False``) or numbered list.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "List", get_all)]
pub(crate) struct List {
    /// ``True`` for a numbered list.
    ordered: bool,
    /// The items in order; nested lists follow their parent item with a higher ``depth``.
    items: Vec<ListItem>,
}

/// A block quotation.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Quote", get_all)]
pub(crate) struct Quote {
    /// The quoted text; its paragraphs are separated by a blank line.
    text: String,
}

/// Preformatted text or code, whitespace kept; ``language`` when the page names it.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Code", get_all)]
pub(crate) struct Code {
    /// The text, verbatim.
    text: String,
    /// The language (``class="language-rust"``), or ``None``.
    language: Option<String>,
}

/// A table of data: ``rows`` of cell texts, the first ``header_rows`` of them headers.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Table", get_all)]
pub(crate) struct Table {
    /// Rows of cell texts.
    rows: Vec<Vec<String>>,
    /// How many leading rows are header rows.
    header_rows: usize,
}

/// An image (with ``include_images=True``): address, alternative text, caption.
#[pyclass(frozen, extends = Block, module = "dechaff", name = "Figure", get_all)]
pub(crate) struct Figure {
    /// Image address, absolute when a base URL is known.
    src: Option<String>,
    /// The image's alternative text.
    alt: Option<String>,
    /// The caption (``<figcaption>``).
    caption: Option<String>,
}

/// A core block as an instance of its Python class.
fn block_to_py<'py>(py: Python<'py>, b: &dechaff::Block) -> PyResult<Bound<'py, PyAny>> {
    use dechaff::Block as B;
    let base = PyClassInitializer::from(Block { inner: b.clone() });
    Ok(match b {
        B::Heading { level, text } => Bound::new(
            py,
            base.add_subclass(Heading {
                level: *level,
                text: text.clone(),
            }),
        )?
        .into_any(),
        B::Paragraph { text, links: l } => Bound::new(
            py,
            base.add_subclass(Paragraph {
                text: text.clone(),
                links: links(l),
            }),
        )?
        .into_any(),
        B::List { ordered, items } => Bound::new(
            py,
            base.add_subclass(List {
                ordered: *ordered,
                items: items
                    .iter()
                    .map(|i| ListItem {
                        text: i.text.clone(),
                        depth: i.depth,
                        links: links(&i.links),
                    })
                    .collect(),
            }),
        )?
        .into_any(),
        B::Quote { text } => {
            Bound::new(py, base.add_subclass(Quote { text: text.clone() }))?.into_any()
        }
        B::Code { text, language } => Bound::new(
            py,
            base.add_subclass(Code {
                text: text.clone(),
                language: language.clone(),
            }),
        )?
        .into_any(),
        B::Table { rows, header_rows } => Bound::new(
            py,
            base.add_subclass(Table {
                rows: rows.clone(),
                header_rows: *header_rows,
            }),
        )?
        .into_any(),
        B::Figure { src, alt, caption } => Bound::new(
            py,
            base.add_subclass(Figure {
                src: src.clone(),
                alt: alt.clone(),
                caption: caption.clone(),
            }),
        )?
        .into_any(),
        // `dechaff::Block` is `#[non_exhaustive]`: a kind added to the core before this
        // binding learns it is still readable, as a plain `Block` with its `kind` and
        // `to_dict()`.
        _ => Bound::new(py, base)?.into_any(),
    })
}

fn blocks_to_list<'py>(py: Python<'py>, blocks: &[dechaff::Block]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for b in blocks {
        list.append(block_to_py(py, b)?)?;
    }
    Ok(list)
}
