//! Metadata: title, authors, dates, site, language, image, tags, … and where each came from.

pub(crate) mod date;
pub(crate) mod json_ld;
pub(crate) mod title;

use url::Url;

use crate::article::{Article, Block, Provenance, Source};
use crate::dom::{Doc, Tag};
use crate::options::Options;

/// Everything the metadata pass found.
#[derive(Debug, Default)]
pub(crate) struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub image: Option<String>,
    pub image_caption: Option<String>,
    pub section: Option<String>,
    pub categories: Vec<String>,
    pub tags: Vec<String>,
    pub license: Option<String>,
    pub page_type: Option<String>,
    pub provenance: Provenance,
    /// JSON-LD `articleBody`, a fallback for the body.
    pub json_ld_body: Option<String>,
}

/// Reads the metadata of a page.
pub(crate) fn extract(doc: &Doc<'_>, _opts: &Options, _base: Option<&Url>) -> Metadata {
    let mut meta = Metadata::default();
    let ld = json_ld::read(doc);
    meta.json_ld_body = ld.article_body.clone();
    if let Some((t, src)) = title::title(doc, ld.headline.as_deref()) {
        meta.title = Some(t);
        meta.provenance.title = Some(src);
    }
    if let Some(lang) = doc
        .find(Tag::Html)
        .and_then(|h| doc.attr(h, "lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty() && l.len() < 36)
    {
        meta.language = Some(lang.to_string());
        meta.provenance.language = Some(Source::Dom);
    }
    meta
}

/// Moves the metadata into the article and derives the text-based fields.
pub(crate) fn apply(meta: Metadata, article: &mut Article, blocks: &[Block]) {
    article.title = meta.title;
    article.authors = meta.authors;
    article.published = meta.published;
    article.modified = meta.modified;
    article.site_name = meta.site_name;
    article.description = meta.description;
    article.language = meta.language;
    article.url = meta.url;
    article.image = meta.image;
    article.image_caption = meta.image_caption;
    article.section = meta.section;
    article.categories = meta.categories;
    article.tags = meta.tags;
    article.license = meta.license;
    article.page_type = meta.page_type;
    article.provenance = meta.provenance;
    article.word_count = crate::dom::text::word_count(&crate::output::text::render(blocks));
}
