//! One pass over the page that gathers everything the metadata readers look at: `<meta>`
//! and `<link>` elements, `<title>`, `<h1>`s, JSON-LD scripts, microdata, `<time>`s,
//! byline-, date- and tag-like elements, figures and licence links.
//!
//! ## Cost
//! O(n) over the elements, one look at each element's attributes; every list is capped so
//! that a hostile page cannot make the later readers slow.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::article::Source;
use crate::dom::text::push_collapsed;
use crate::dom::{Doc, NodeIx, Tag};

/// Entries kept per list, at most.
const MAX_ENTRIES: usize = 300;
/// Furniture regions (comments, sidebars) span at most this many tenths of the page's
/// nodes; a larger element named so is a page wrapper (`<div class="has-sidebar">`).
const MAX_ASIDE_SHARE_TENTHS: usize = 4;
/// Bytes of a class/id value inspected.
const MAX_CLASS_BYTES: usize = 200;

/// A `<meta>` value with its lower-cased key (`og:title`, `author`, `article:tag`, …).
#[derive(Debug, Clone)]
pub(crate) struct MetaTag<'h> {
    pub key: String,
    pub value: &'h str,
    pub source: Source,
    /// Read from a `property` attribute (RDFa, the attribute Open Graph and Dublin Core
    /// specify) rather than `name`.
    pub rdfa: bool,
}

/// A `<link>` or `<a>` with a `rel`.
#[derive(Debug, Clone)]
pub(crate) struct RelLink<'h> {
    /// The `rel` tokens, lower-cased.
    pub rel: String,
    pub href: &'h str,
    pub ix: NodeIx,
    /// Inside `<head>`.
    pub in_head: bool,
}

/// What kind of furniture an element's class/id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Furniture {
    /// `author`, `byline`, `writer`, …
    Byline,
    /// `date`, `published`, `timestamp`, …
    Date,
}

/// A candidate element and whether it sits in page furniture (comments, sidebars,
/// related-article lists, footers), where its value is probably not this article's.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub ix: NodeIx,
    pub aside: bool,
    /// Named like an author box or card (`author-bio`, `author-card`): a weaker byline.
    pub weak: bool,
}

/// Everything gathered.
#[derive(Debug, Default)]
pub(crate) struct Page<'h> {
    pub metas: Vec<MetaTag<'h>>,
    pub links: Vec<RelLink<'h>>,
    pub html_lang: Option<&'h str>,
    pub title: Option<String>,
    pub h1s: Vec<NodeIx>,
    pub ld_scripts: Vec<NodeIx>,
    /// Inline scripts that may hold data (no `src`; JavaScript or JSON), for the last-resort
    /// publication date.
    pub data_scripts: Vec<NodeIx>,
    /// Elements (not `<meta>`) with an `itemprop`, and its value.
    pub itemprops: Vec<(NodeIx, &'h str)>,
    pub times: Vec<Cand>,
    pub bylines: Vec<Cand>,
    pub datelines: Vec<Cand>,
    /// Links to Creative Commons licences.
    pub cc_links: Vec<&'h str>,
    pub figures: Vec<NodeIx>,
    /// Links whose class marks the primary tag or category.
    pub primary_tags: Vec<NodeIx>,
    /// The first `<article>` element.
    pub article: Option<NodeIx>,
    /// Page furniture regions (`start..end`), outermost only, in page order.
    pub asides: Vec<(NodeIx, NodeIx)>,
}

impl Page<'_> {
    /// `true` when `ix` lies in page furniture (comments, sidebars, navigation, footers).
    pub(crate) fn in_aside(&self, ix: NodeIx) -> bool {
        let i = self.asides.partition_point(|(start, _)| *start <= ix);
        i > 0 && self.asides.get(i - 1).is_some_and(|(_, end)| ix < *end)
    }
}

fn push_capped<T>(v: &mut Vec<T>, x: T) {
    if v.len() < MAX_ENTRIES {
        v.push(x);
    }
}

/// The first `max` bytes of `s`, cut at a character boundary.
pub(crate) fn head(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or("")
}

/// A `<meta>` key, lower-cased, with the Dublin Core prefixes written one way (`dc:title`,
/// `DC.title` → `dc.title`; `dcterms:created`, `dcterm:created` → `dcterms.created`).
fn meta_key(k: &str) -> String {
    let key = k.trim().to_ascii_lowercase();
    for (from, to) in [
        ("dc:", "dc."),
        ("dcterms:", "dcterms."),
        ("dcterm:", "dcterms."),
    ] {
        if let Some(rest) = key.strip_prefix(from) {
            return format!("{to}{rest}");
        }
    }
    key
}

/// Fragments without which a class/id names no byline, date or furniture region: a cheap
/// test that spares most elements the token analysis below.
const FURNITURE_HINTS: &[&str] = &[
    "author",
    "byline",
    "writer",
    "autor",
    "auteur",
    "creator",
    "reporter",
    "date",
    "publish",
    "posted",
    "submitted",
    "time",
    "datum",
    "fecha",
    "data",
    "meta",
    "comment",
    "related",
    "sidebar",
    "recommended",
];

static FURNITURE_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        // Class values are short: a prefilter's set-up costs more than the DFA's scan.
        .prefilter(false)
        .build(FURNITURE_HINTS)
        .ok()
});

/// What [`furniture`] says: the kind, whether it is an aside, whether it is weak.
type FurnitureHint = (Option<Furniture>, bool, bool);

/// `true` when `needle` occurs in `tok`: a plain byte scan, which for a class-name token of
/// a few bytes costs less than setting up `str::contains`'s searcher.
fn has(tok: &str, needle: &str) -> bool {
    tok.len() >= needle.len()
        && tok
            .as_bytes()
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
}

/// `true` when the lower-case ASCII `needle` occurs in `s` with ASCII case ignored (as in
/// `s.to_ascii_lowercase().contains(needle)`, without the copy).
fn has_ignore_case(s: &str, needle: &str) -> bool {
    s.len() >= needle.len()
        && s.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// What an element's class and id say.
fn furniture(class_id: &str) -> FurnitureHint {
    if FURNITURE_MATCHER
        .as_ref()
        .is_some_and(|m| !m.is_match(class_id))
    {
        return (None, false, false);
    }
    let lower = class_id.to_ascii_lowercase();
    let mut byline = false;
    let mut date = false;
    let mut aside = false;
    let mut bio = false;
    let mut picture = false;
    for tok in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
        if tok.is_empty() {
            continue;
        }
        if has(tok, "author")
            || has(tok, "byline")
            || has(tok, "writer")
            || tok == "autor"
            || tok == "auteur"
            || tok == "autore"
            || tok == "creator"
            || has(tok, "postedby")
            || tok == "reporter"
        {
            byline = true;
        }
        if has(tok, "date")
            || has(tok, "publish")
            || tok == "posted"
            || tok == "submitted"
            || tok == "time"
            || has(tok, "timestamp")
            || tok == "datum"
            || tok == "fecha"
            || tok == "data"
            || tok == "meta"
            || tok.ends_with("meta")
        {
            date = true;
        }
        if tok.starts_with("comment")
            || tok.starts_with("related")
            || tok == "sidebar"
            || tok == "recommended"
        {
            aside = true;
        }
        if matches!(
            tok,
            "avatar" | "photo" | "image" | "img" | "description" | "desc" | "thumbnail"
        ) {
            picture = true;
        }
        if matches!(
            tok,
            "bio" | "about" | "box" | "card" | "social" | "follow" | "more" | "list" | "posts"
        ) || tok.ends_with("bio")
            || tok.ends_with("box")
        {
            bio = true;
        }
    }
    let kind = if byline && !picture {
        Some(Furniture::Byline)
    } else if date {
        Some(Furniture::Date)
    } else {
        None
    };
    (kind, aside, bio)
}

/// Gathers the page's metadata carriers in one pass.
pub(crate) fn collect<'h>(doc: &Doc<'h>) -> Page<'h> {
    let mut page = Page::default();
    // End of the furniture region we are in (comments, sidebars, …), if any.
    let mut aside_until: Option<NodeIx> = None;
    let mut head_until: Option<NodeIx> = None;
    // Reused for every element's class and id.
    let mut class_id = String::new();
    for ix in doc.all() {
        let Some(el) = doc.element(ix) else {
            continue;
        };
        let Some(tag) = doc.tag(ix) else {
            continue;
        };
        if aside_until.is_some_and(|end| ix >= end) {
            aside_until = None;
        }
        let in_head = head_until.is_some_and(|end| ix < end);
        class_id.clear();
        let mut itemprop = None;
        let mut rel = None;
        let mut href = None;
        for (name, value) in el.attrs() {
            match name {
                "class" | "id" => {
                    class_id.push_str(head(value, MAX_CLASS_BYTES));
                    class_id.push(' ');
                }
                "itemprop" => itemprop = Some(value),
                "rel" => rel = Some(value),
                "href" => href = Some(value),
                _ => {}
            }
        }
        match tag {
            Tag::Html => page.html_lang = el.attr("lang").or_else(|| el.attr("xml:lang")),
            Tag::Head => head_until = Some(doc.end(ix)),
            Tag::Title if page.title.is_none() => {
                let mut t = String::new();
                for c in doc.children(ix) {
                    if let Some(s) = doc.text(c) {
                        push_collapsed(&mut t, head(s, 2000));
                    }
                }
                let t = t.trim();
                if !t.is_empty() {
                    page.title = Some(t.to_string());
                }
            }
            Tag::Meta => {
                let Some(content) = el.attr("content") else {
                    continue;
                };
                for (attr, source) in [
                    ("property", Source::OpenGraph),
                    ("name", Source::Meta),
                    ("itemprop", Source::Microdata),
                    ("http-equiv", Source::Meta),
                ] {
                    let Some(k) = el.attr(attr) else { continue };
                    // RDFa: `property` holds a space-separated list ("og:title twitter:title").
                    let keys: Vec<&str> = if attr == "property" {
                        head(k, 200).split_ascii_whitespace().take(4).collect()
                    } else {
                        vec![head(k.trim(), 100)]
                    };
                    for k in keys {
                        let key = meta_key(k);
                        let source = if source == Source::OpenGraph
                            || key.starts_with("og:")
                            || key.starts_with("article:")
                        {
                            if key.starts_with("og:") || key.starts_with("article:") {
                                Source::OpenGraph
                            } else {
                                Source::Meta
                            }
                        } else {
                            source
                        };
                        push_capped(
                            &mut page.metas,
                            MetaTag {
                                key,
                                value: content,
                                source,
                                rdfa: attr == "property",
                            },
                        );
                    }
                }
                continue;
            }
            Tag::Script => {
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                {
                    // Count them all; only the first few are parsed.
                    push_capped(&mut page.ld_scripts, ix);
                } else if el.attr("src").is_none()
                    && el.attr("type").is_none_or(|t| {
                        let t = t.trim().to_ascii_lowercase();
                        t.is_empty() || t.contains("javascript") || t.ends_with("json")
                    })
                {
                    push_capped(&mut page.data_scripts, ix);
                }
                continue;
            }
            Tag::H1 => push_capped(&mut page.h1s, ix),
            Tag::Time => push_capped(
                &mut page.times,
                Cand {
                    ix,
                    aside: aside_until.is_some(),
                    weak: false,
                },
            ),
            Tag::Figure => push_capped(&mut page.figures, ix),
            Tag::Article if page.article.is_none() => page.article = Some(ix),
            // `<aside class="meta">` between the headline and the body holds the article's
            // own date and byline, not page furniture.
            Tag::Aside if matches!(furniture(&class_id), (Some(_), false, _)) => {}
            Tag::Nav | Tag::Aside | Tag::Footer if aside_until.is_none() => {
                aside_until = Some(doc.end(ix));
                push_capped(&mut page.asides, (ix, doc.end(ix)));
            }
            _ => {}
        }
        if let (Some(r), Some(h)) = (rel, href) {
            let r = head(r, 100).to_ascii_lowercase();
            push_capped(
                &mut page.links,
                RelLink {
                    rel: r,
                    href: h,
                    ix,
                    in_head,
                },
            );
        }
        if tag == Tag::A
            && let Some(h) = href
            && h.contains("creativecommons.org/licenses/")
        {
            push_capped(&mut page.cc_links, h);
        }
        if let Some(p) = itemprop {
            push_capped(&mut page.itemprops, (ix, p));
        }
        if class_id.is_empty() || in_head {
            continue;
        }
        let (kind, aside, weak) = furniture(&class_id);
        // A wrapper of the whole page ("right-sidebar" on <body>) is not furniture.
        let span = doc.end(ix).get() - ix.get();
        let aside = aside
            && span.saturating_mul(10) <= doc.len().saturating_mul(MAX_ASIDE_SHARE_TENTHS)
            && !matches!(tag, Tag::Body | Tag::Html | Tag::Main | Tag::Article);
        if aside && aside_until.is_none() {
            aside_until = Some(doc.end(ix));
            push_capped(&mut page.asides, (ix, doc.end(ix)));
        }
        let cand = Cand {
            ix,
            aside: aside_until.is_some(),
            weak,
        };
        match kind {
            Some(Furniture::Byline) => push_capped(&mut page.bylines, cand),
            Some(Furniture::Date) => push_capped(&mut page.datelines, cand),
            None => {}
        }
        if tag == Tag::A
            && has_ignore_case(&class_id, "primary")
            && (has_ignore_case(&class_id, "tag")
                || has_ignore_case(&class_id, "categor")
                || has_ignore_case(&class_id, "section"))
        {
            push_capped(&mut page.primary_tags, ix);
        }
    }
    page
}

/// The collapsed text of `ix`, at most `max` characters (stops walking once reached).
pub(crate) fn text_of(doc: &Doc<'_>, ix: NodeIx, max: usize) -> String {
    text_where(doc, ix, max, false)
}

/// [`text_of`] without the parts an inline style hides (`display:none`).
pub(crate) fn shown_text_of(doc: &Doc<'_>, ix: NodeIx, max: usize) -> String {
    text_where(doc, ix, max, true)
}

/// `true` when the element's inline style hides it (`display:none`): hAtom themes print
/// a hidden `<span class="updated" style="display:none">` next to the byline, which
/// readers never see.
pub(crate) fn styled_hidden(doc: &Doc<'_>, n: NodeIx) -> bool {
    doc.attr(n, "style").is_some_and(|s| {
        let compact: String = s
            .chars()
            .take(200)
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        compact.contains("display:none")
    })
}

fn text_where(doc: &Doc<'_>, ix: NodeIx, max: usize, shown: bool) -> String {
    let mut out = String::new();
    text_where_into(doc, ix, max, shown, &mut out);
    out
}

/// [`text_of`] written into `out` (cleared first), so that a loop over many elements can
/// reuse one buffer.
pub(crate) fn text_of_into(doc: &Doc<'_>, ix: NodeIx, max: usize, out: &mut String) {
    text_where_into(doc, ix, max, false, out);
}

fn text_where_into(doc: &Doc<'_>, ix: NodeIx, max: usize, shown: bool, out: &mut String) {
    out.clear();
    let cap = max.saturating_mul(4);
    let end = doc.end(ix);
    let mut i = ix;
    while i < end {
        let next = NodeIx(i.0 + 1);
        if let Some(t) = doc.text(i) {
            let skip = doc
                .parent(i)
                .and_then(|p| doc.tag(p))
                .is_some_and(|t| matches!(t, Tag::Script | Tag::Style | Tag::Noscript));
            if !skip {
                push_collapsed(out, head(t, cap));
                if out.len() >= cap {
                    break;
                }
            }
        } else if shown && styled_hidden(doc, i) {
            // Jump over the hidden subtree.
            i = doc.end(i);
            continue;
        } else if doc.tag(i).is_some_and(|t| t.is_block() || t == Tag::Br) {
            push_collapsed(out, " ");
        }
        i = next;
    }
    // Trimmed, and cut to `max` characters.
    let start = out.len() - out.trim_start().len();
    let trimmed = out.get(start..).unwrap_or("").trim_end();
    let len = trimmed
        .char_indices()
        .nth(max)
        .map_or(trimmed.len(), |(at, _)| at);
    out.truncate(start + len);
    out.drain(..start);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse::parse_document;

    #[test]
    fn gathers_in_one_pass() {
        let html = parse_document(
            r#"<html lang="de"><head><title> A  title </title>
            <meta property="og:title" content="OG"><meta name="author" content="Jane">
            <link rel="canonical" href="https://e.com/a">
            <script type="application/ld+json">{}</script></head>
            <body><h1>Head</h1><div class="byline">By Jane</div>
            <span class="post-date">1 May 2020</span><time datetime="2020-05-01">x</time>
            <aside><time datetime="2019-01-01">old</time></aside>
            <a class="tag tag--primary" href="/t">News</a>
            <a rel="license" href="https://creativecommons.org/licenses/by/4.0/">CC</a>
            <span itemprop="author">Jane</span></body></html>"#,
        );
        let doc = Doc::new(&html);
        let p = collect(&doc);
        assert_eq!(p.html_lang, Some("de"));
        assert_eq!(p.title.as_deref(), Some("A title"));
        assert!(
            p.metas
                .iter()
                .any(|m| m.key == "og:title" && m.source == Source::OpenGraph)
        );
        assert!(
            p.metas
                .iter()
                .any(|m| m.key == "author" && m.source == Source::Meta)
        );
        assert!(p.links.iter().any(|l| l.rel == "canonical" && l.in_head));
        assert_eq!(p.ld_scripts.len(), 1);
        assert_eq!(p.h1s.len(), 1);
        assert_eq!(p.bylines.len(), 1);
        assert_eq!(p.datelines.len(), 1);
        assert_eq!(p.times.len(), 2);
        assert!(!p.times[0].aside && p.times[1].aside);
        assert_eq!(p.primary_tags.len(), 1);
        assert_eq!(p.cc_links.len(), 1);
        assert_eq!(p.itemprops.len(), 1);
        assert_eq!(text_of(&doc, p.bylines[0].ix, 100), "By Jane");
    }

    #[test]
    fn class_names_read_case_blind_and_quickly() {
        assert_eq!(furniture("Post-Author ").0, Some(Furniture::Byline));
        assert_eq!(furniture("entry-DATE ").0, Some(Furniture::Date));
        assert!(furniture("comments-area ").1);
        // Must not fire: names without any hint, and a menu "shop-by-brand".
        assert_eq!(furniture("main-content wrapper "), (None, false, false));
        assert_eq!(furniture("navmenu-id-shop-by-brand ").0, None);
    }

    #[test]
    fn rdfa_property_lists_and_dublin_core_prefixes() {
        let html = parse_document(
            r#"<head><meta property="x:title dc:title" content="Preferred">
            <meta property="og:title   twitter:title" content="Social">
            <meta name="DC.creator" content="Ann"><meta name="og:title extra" content="Odd">
            </head>"#,
        );
        let doc = Doc::new(&html);
        let p = collect(&doc);
        let keys: Vec<(&str, &str)> = p.metas.iter().map(|m| (m.key.as_str(), m.value)).collect();
        assert!(keys.contains(&("dc.title", "Preferred")));
        assert!(keys.contains(&("x:title", "Preferred")));
        assert!(keys.contains(&("og:title", "Social")));
        assert!(keys.contains(&("twitter:title", "Social")));
        assert!(keys.contains(&("dc.creator", "Ann")));
        // Must not fire: a `name` is one key, never a list.
        assert!(keys.contains(&("og:title extra", "Odd")));
        assert!(!keys.contains(&("og:title", "Odd")));
    }
}
