//! Metadata: title, authors, dates, site, description, language, canonical URL, lead image
//! and caption, section, categories, tags, licence, page type — and where each came from.
//!
//! ## How
//! One pass gathers every carrier ([`collect`]): `<meta>`/`<link>` elements, `<title>`,
//! `<h1>`s, JSON-LD, microdata, `<time>`s and byline/date-like elements. Each field is then
//! read from its sources in a fixed order of trust (structured data first, then the visible
//! page, then the URL), cleaned, checked (dates against a range) and recorded with its
//! [`Source`] in [`Provenance`]. Fields that need the body (language detection, word count)
//! are filled by [`apply`] once the body is known.
//!
//! ## Cost
//! O(n) for the gathering pass; every later step works on capped lists.

pub(crate) mod authors;
pub mod bench;
pub(crate) mod collect;
pub(crate) mod date;
pub(crate) mod json_ld;
pub(crate) mod language;
pub(crate) mod title;

use url::Url;

use crate::article::{Article, Block, Provenance, Source};
use crate::dom::text::{fold, is_cjk};
use crate::dom::{Doc, NodeIx, Tag};
use crate::options::Options;
use collect::{Cand, Page, shown_text_of, styled_hidden, text_of};
use date::{Bounds, Order, Stamp};

/// Longest text read from one byline or date element, in characters.
const MAX_BYLINE_CHARS: usize = 200;
/// Longest description kept, in characters.
const MAX_DESCRIPTION_CHARS: usize = 1000;
/// Tags, categories kept at most.
const MAX_TAGS: usize = 30;
/// Longest tag, in characters.
const MAX_TAG_CHARS: usize = 100;
/// Nodes after the `<h1>` looked at for a visible byline or date.
const NEAR_H1_NODES: usize = 60;
/// Characters of text next to the `<h1>` read for a date.
const NEAR_H1_CHARS: usize = 300;
/// Nodes and characters after the `<h1>` read for a date when nothing else gives one
/// ("Von Jane Doe 27.1.2022 - Bei der …" below a teaser).
const LEAD_NODES: usize = 200;
const LEAD_CHARS: usize = 1000;
/// An element holding more text than this is never recorded as a metadata element to keep
/// out of the body.
const MAX_METADATA_ELEMENT_CHARS: usize = 200;

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
    /// Elements of the page that hold only metadata (the byline, the dateline, the title
    /// heading): recorded here and kept out of the body.
    pub body_nodes: Vec<NodeIx>,
}

/// Everything `extract` reads from: the page's carriers and its JSON-LD.
struct Ctx<'a, 'h> {
    doc: &'a Doc<'h>,
    page: Page<'h>,
    base: Option<&'a Url>,
}

impl<'h> Ctx<'_, 'h> {
    /// Values of the `<meta>` elements with one of `keys`, in `keys` order, then page order.
    fn metas<'s>(&'s self, keys: &'s [&'s str]) -> impl Iterator<Item = (&'h str, Source)> + 's {
        keys.iter().flat_map(move |k| {
            self.page
                .metas
                .iter()
                .filter(move |m| m.key == *k)
                .map(|m| (m.value.trim(), m.source))
                .filter(|(v, _)| !v.is_empty())
        })
    }

    /// As [`Ctx::metas`], but for each key the `property` (RDFa) values come before the
    /// `name` ones: a page that writes a key both ways (`<meta name="DC.title">` and
    /// `<meta property="dc:title">`) means the specified form.
    fn metas_rdfa_first<'s>(
        &'s self,
        keys: &'s [&'s str],
    ) -> impl Iterator<Item = (&'h str, Source)> + 's {
        keys.iter().flat_map(move |k| {
            let of_key = move |rdfa: bool| {
                self.page
                    .metas
                    .iter()
                    .filter(move |m| m.key == *k && m.rdfa == rdfa)
                    .map(|m| (m.value.trim(), m.source))
                    .filter(|(v, _)| !v.is_empty())
            };
            of_key(true).chain(of_key(false))
        })
    }

    fn meta(&self, keys: &[&str]) -> Option<(&'h str, Source)> {
        self.metas(keys).next()
    }

    fn text(&self, ix: NodeIx, max: usize) -> String {
        text_of(self.doc, ix, max)
    }

    fn abs(&self, href: &str) -> Option<String> {
        crate::urls::absolutize(self.base, href)
    }

    /// Elements with `itemprop` equal to one of `props` (not `<meta>`), in page order.
    fn itemprops<'s>(&'s self, props: &'s [&'s str]) -> impl Iterator<Item = NodeIx> + 's {
        self.page.itemprops.iter().filter_map(move |(ix, p)| {
            p.split_ascii_whitespace()
                .any(|p| props.iter().any(|q| p.eq_ignore_ascii_case(q)))
                .then_some(*ix)
        })
    }
}

/// Reads the metadata of a page.
pub(crate) fn extract(doc: &Doc<'_>, opts: &Options, base: Option<&Url>) -> Metadata {
    let page = collect::collect(doc);
    let ld = json_ld::read(doc, &page.ld_scripts);
    let cx = Ctx { doc, page, base };
    let mut meta = Metadata {
        json_ld_body: ld.article_body.clone(),
        ..Metadata::default()
    };
    let p = &mut meta.provenance;

    // Site name first: the title reader strips it.
    let site = cx
        .meta(&["og:site_name"])
        .map(|(v, s)| (v.to_string(), s))
        .or_else(|| ld.site_name.clone().map(|v| (v, Source::JsonLd)))
        .or_else(|| {
            cx.meta(&[
                "application-name",
                "apple-mobile-web-app-title",
                "publisher",
                "dc.publisher",
            ])
            .map(|(v, s)| (v.to_string(), s))
        })
        .map(|(v, s)| (crate::dom::text::collapse(&v), s))
        .filter(|(v, _)| !v.is_empty() && v.chars().count() <= 120);
    if let Some((v, s)) = site {
        meta.site_name = Some(v);
        p.site_name = Some(s);
    }

    // Title. An <h1> that only shows the site's name (a logo, a link home) is no headline,
    // but it names the site when the page does not.
    let mut site_h1 = None;
    let h1s: Vec<(NodeIx, String)> = cx
        .page
        .h1s
        .iter()
        .take(8)
        .map(|&ix| (ix, without_permalink(&cx.text(ix, 400)).to_string()))
        .filter(|(_, t)| !t.is_empty())
        .filter(|(ix, t)| {
            let site = is_site_heading(&cx, *ix, t);
            if site && site_h1.is_none() {
                site_h1 = Some(t.clone());
            }
            !site
        })
        .collect();
    let mut structured = Vec::new();
    for h in [ld.headline.clone(), ld.name.clone()].into_iter().flatten() {
        if ld.is_article {
            structured.push(title::Cand {
                text: crate::dom::text::collapse(&h),
                source: Source::JsonLd,
            });
        }
    }
    for (v, s) in cx.metas_rdfa_first(&[
        "dc.title",
        "dcterms.title",
        "og:title",
        "twitter:title",
        "parsely-title",
        "sailthru.title",
        "headline",
    ]) {
        structured.push(title::Cand {
            text: crate::dom::text::collapse(v),
            source: s,
        });
    }
    for ix in cx.itemprops(&["headline"]).take(4) {
        let t = cx.text(ix, 400);
        if !t.is_empty() {
            structured.push(title::Cand {
                text: t,
                source: Source::Microdata,
            });
        }
    }
    let inputs = title::Inputs {
        structured,
        h1s: h1s.iter().map(|(_, t)| t.clone()).collect(),
        head_title: cx.page.title.clone(),
        site_from_heading: meta.site_name.is_none() && site_h1.is_some(),
        site_name: meta.site_name.clone().or(site_h1),
    };
    let mut title_h1 = None;
    if let Some((t, src)) = title::choose(&inputs) {
        let key = fold(&t);
        if let Some((ix, _)) = h1s.iter().find(|(_, h)| fold(h) == key) {
            meta.body_nodes.push(*ix);
            title_h1 = Some(*ix);
        }
        meta.title = Some(t);
        p.title = Some(src);
    }

    // Language (declared; detection waits for the body).
    let lang = cx
        .page
        .html_lang
        .and_then(language::normalize)
        .map(|l| (l, Source::Dom))
        .or_else(|| {
            cx.metas(&[
                "content-language",
                "language",
                "dc.language",
                "dcterms.language",
                "og:locale",
            ])
            .find_map(|(v, s)| language::normalize(v).map(|l| (l, s)))
        })
        .or_else(|| {
            ld.language
                .as_deref()
                .and_then(language::normalize)
                .map(|l| (l, Source::JsonLd))
        });
    if let Some((l, s)) = lang {
        meta.language = Some(l);
        p.language = Some(s);
    }
    let order = match meta.language.as_deref() {
        Some("en") | Some("en-US") => Some(Order::MonthFirst),
        Some(_) => Some(Order::DayFirst),
        None => None,
    };

    // Canonical URL.
    let canonical = cx
        .page
        .links
        .iter()
        .find(|l| has_rel(&l.rel, "canonical"))
        .filter(|l| is_url_like(l.href))
        .and_then(|l| cx.abs(l.href).map(|u| (u, Source::Meta)))
        .or_else(|| {
            cx.meta(&["og:url"])
                .and_then(|(v, s)| cx.abs(v).map(|u| (u, s)))
        })
        .or_else(|| {
            ld.url
                .as_deref()
                .and_then(|v| cx.abs(v))
                .filter(|u| u.starts_with("http"))
                .map(|u| (u, Source::JsonLd))
        })
        .or_else(|| base.map(|b| (b.to_string(), Source::Url)));
    if let Some((u, s)) = canonical {
        meta.url = Some(u);
        p.url = Some(s);
    }

    // Authors.
    let site_key = meta.site_name.as_deref().map(fold);
    let host = meta.url.as_deref().map(host_keys).unwrap_or_default();
    let (names, src, nodes) = read_authors(&cx, &ld, site_key.as_deref(), &host, title_h1);
    if !names.is_empty() {
        meta.authors = names;
        p.authors = Some(src);
        meta.body_nodes.extend(nodes);
    }

    // Dates.
    let bounds = Bounds::from_options(opts);
    let modified = ld
        .modified
        .as_deref()
        .and_then(date::parse_machine)
        .and_then(|d| bounds.check(d))
        .map(|d| (d, Source::JsonLd))
        .or_else(|| {
            cx.metas(&[
                "article:modified_time",
                "og:updated_time",
                "article:modified",
                "modified_time",
                "datemodified",
                "dcterms.modified",
                "dc.date.modified",
                "last-modified",
                "lastmod",
                "parsely-updated",
                "sailthru.updated",
            ])
            .find_map(|(v, s)| {
                date::parse_machine(v)
                    .and_then(|d| bounds.check(d))
                    .map(|d| (d, s))
            })
        })
        .or_else(|| {
            cx.itemprops(&["dateModified"])
                .find_map(|ix| element_date(&cx, ix, order).and_then(|d| bounds.check(d)))
                .map(|d| (d, Source::Microdata))
        });
    if let Some((st, s)) = modified {
        meta.modified = Some(st.iso());
        p.modified = Some(s);
    }
    let (published, nodes) = read_published(
        &cx,
        &ld,
        &bounds,
        order,
        meta.url.as_deref(),
        (title_h1, meta.title.as_deref()),
        modified.map(|m| m.0),
    );
    if let Some((st, s)) = published {
        meta.published = Some(st.iso());
        p.published = Some(s);
        meta.body_nodes.extend(nodes);
    }

    // Description.
    let description = cx
        .meta(&["og:description"])
        .map(|(v, s)| (v.to_string(), s))
        .or_else(|| cx.meta(&["description"]).map(|(v, s)| (v.to_string(), s)))
        .or_else(|| ld.description.clone().map(|d| (d, Source::JsonLd)))
        .or_else(|| {
            cx.meta(&[
                "twitter:description",
                "dc.description",
                "dcterms.description",
            ])
            .map(|(v, s)| (v.to_string(), s))
        })
        .map(|(v, s)| (crate::dom::text::collapse(&v), s))
        .filter(|(v, _)| !v.is_empty());
    if let Some((d, s)) = description {
        meta.description = Some(d.chars().take(MAX_DESCRIPTION_CHARS).collect());
        p.description = Some(s);
    }

    // Lead image and its caption.
    let image = cx
        .meta(&["og:image", "og:image:url", "og:image:secure_url"])
        .and_then(|(v, s)| cx.abs(v).map(|u| (u, s)))
        .or_else(|| {
            cx.meta(&["twitter:image", "twitter:image:src"])
                .and_then(|(v, s)| cx.abs(v).map(|u| (u, s)))
        })
        .or_else(|| {
            ld.image
                .as_deref()
                .and_then(|v| cx.abs(v))
                .map(|u| (u, Source::JsonLd))
        })
        .or_else(|| {
            cx.page
                .links
                .iter()
                .find(|l| has_rel(&l.rel, "image_src"))
                .and_then(|l| cx.abs(l.href))
                .map(|u| (u, Source::Meta))
        })
        .or_else(|| {
            cx.meta(&["image", "thumbnail", "thumbnailurl"])
                .and_then(|(v, s)| cx.abs(v).map(|u| (u, s)))
        });
    if let Some((u, s)) = image {
        meta.image = Some(u);
        p.image = Some(s);
    }
    let caption = figure_caption(&cx, meta.image.as_deref(), h1s.first().map(|(ix, _)| *ix))
        .map(|c| (c, Source::Dom))
        .or_else(|| {
            ld.image_caption
                .clone()
                .filter(|_| meta.image.is_some())
                .map(|c| (crate::dom::text::collapse(&c), Source::JsonLd))
        })
        .filter(|(c, _)| !c.is_empty());
    if let Some((c, s)) = caption {
        meta.image_caption = Some(c);
        p.image_caption = Some(s);
    }

    // Section, categories, tags.
    let section_metas: Vec<(&str, Source)> = cx.metas(&["article:section"]).collect();
    let section = section_metas
        .first()
        .map(|(v, s)| (v.to_string(), *s))
        .or_else(|| ld.sections.first().map(|v| (v.clone(), Source::JsonLd)))
        .or_else(|| {
            cx.meta(&[
                "parsely-section",
                "section",
                "category",
                "article.section",
                "sailthru.section",
            ])
            .map(|(v, s)| (v.to_string(), s))
        })
        .or_else(|| {
            cx.page
                .primary_tags
                .iter()
                .map(|&ix| cx.text(ix, MAX_TAG_CHARS))
                .find(|t| !t.is_empty())
                .map(|t| (t, Source::Dom))
        })
        .map(|(v, s)| (crate::dom::text::collapse(&v), s))
        .filter(|(v, _)| !v.is_empty() && v.chars().count() <= MAX_TAG_CHARS);
    if let Some((v, s)) = section {
        meta.section = Some(v);
        p.section = Some(s);
    }
    let categories = first_list(&[
        (
            section_metas.iter().map(|(v, _)| v.to_string()).collect(),
            Source::OpenGraph,
        ),
        (ld.sections.clone(), Source::JsonLd),
        (rel_texts(&cx, "category"), Source::Dom),
    ]);
    if let Some((v, s)) = categories {
        meta.categories = v;
        p.categories = Some(s);
    }
    let split = |v: &str| -> Vec<String> {
        v.split([',', ';'])
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let tags = first_list(&[
        (
            cx.metas(&["article:tag", "og:article:tag"])
                .map(|(v, _)| v.to_string())
                .collect(),
            Source::OpenGraph,
        ),
        (ld.keywords.clone(), Source::JsonLd),
        (
            cx.metas(&[
                "news_keywords",
                "keywords",
                "parsely-tags",
                "sailthru.tags",
                "dc.subject",
            ])
            .next()
            .map(|(v, _)| split(v))
            .unwrap_or_default(),
            Source::Meta,
        ),
        (rel_texts(&cx, "tag"), Source::Dom),
    ]);
    if let Some((v, s)) = tags {
        meta.tags = v;
        p.tags = Some(s);
    }

    // Licence.
    let license = cx
        .page
        .links
        .iter()
        .find(|l| has_rel(&l.rel, "license"))
        .and_then(|l| {
            cx.abs(l.href)
                .map(|u| (u, if l.in_head { Source::Meta } else { Source::Dom }))
        })
        .or_else(|| {
            cx.meta(&[
                "license",
                "dc.rights",
                "dcterms.license",
                "dcterms.rights",
                "copyright",
            ])
            .filter(|(v, _)| {
                v.contains("creativecommons.org") || v.to_ascii_lowercase().contains("licen")
            })
            .map(|(v, s)| (v.to_string(), s))
        })
        .or_else(|| ld.license.clone().map(|l| (l, Source::JsonLd)))
        .or_else(|| {
            cx.page
                .cc_links
                .first()
                .and_then(|h| cx.abs(h))
                .map(|u| (u, Source::Dom))
        });
    if let Some((v, s)) = license {
        meta.license = Some(v);
        p.license = Some(s);
    }

    // Page type.
    let page_type = ld
        .page_type
        .clone()
        .filter(|_| ld.is_article)
        .map(|t| (t, Source::JsonLd))
        .or_else(|| cx.meta(&["og:type"]).map(|(v, s)| (v.to_string(), s)))
        .or_else(|| ld.page_type.clone().map(|t| (t, Source::JsonLd)))
        .filter(|(t, _)| !t.is_empty() && t.len() <= 64);
    if let Some((t, s)) = page_type {
        meta.page_type = Some(t);
        p.page_type = Some(s);
    }

    meta.body_nodes.sort();
    meta.body_nodes.dedup();
    meta
}

/// Class/id fragments (lower-case, without `-`/`_`) that name a site's logo or name.
const SITE_HEADING_CLASSES: &[&str] = &["logo", "brand", "sitetitle", "sitename"];
/// Class/id fragments that name a page's own headline, which wins over the above.
const HEADLINE_CLASSES: &[&str] = &["entry", "post", "article", "headline", "story"];

/// Permalink marks documentation generators append to headings ("Install¶").
const PERMALINK_MARKS: &[char] = &['¶', '🔗'];

/// A heading's text without a trailing permalink mark (Sphinx's `<a class="headerlink">¶</a>`).
fn without_permalink(text: &str) -> &str {
    text.trim_end_matches(|c: char| PERMALINK_MARKS.contains(&c) || c.is_whitespace())
}

/// `true` when an `<h1>` shows the site rather than the page: named like a logo or site
/// title, or all of its text is one link to the site's home page.
fn is_site_heading(cx: &Ctx<'_, '_>, ix: NodeIx, text: &str) -> bool {
    let named = |i: NodeIx| {
        ["class", "id"].iter().any(|a| {
            cx.doc.attr(i, a).is_some_and(|v| {
                let v: String = v
                    .chars()
                    .take(200)
                    .filter(|c| *c != '-' && *c != '_')
                    .flat_map(char::to_lowercase)
                    .collect();
                SITE_HEADING_CLASSES.iter().any(|k| v.contains(k))
                    && !HEADLINE_CLASSES.iter().any(|k| v.contains(k))
            })
        })
    };
    if named(ix) {
        return true;
    }
    let key = fold(text);
    cx.doc.subtree(ix).skip(1).take(20).any(|d| {
        cx.doc.is(d, Tag::A)
            && cx.doc.attr(d, "href").is_some_and(is_home_href)
            && fold(&cx.text(d, 400)) == key
    })
}

/// `true` when `href` points at a site's home page (`/`, `https://example.com/`,
/// `index.html`), also inside an archive's URL.
fn is_home_href(href: &str) -> bool {
    let h = href.trim();
    let path = match h.rfind("://") {
        Some(i) => {
            let rest = h.get(i + 3..).unwrap_or("");
            rest.find('/').map_or("", |j| rest.get(j..).unwrap_or(""))
        }
        None => match h.strip_prefix("//") {
            Some(rest) => rest.find('/').map_or("", |j| rest.get(j..).unwrap_or("")),
            None => h,
        },
    };
    let path = path.split(['?', '#']).next().unwrap_or("");
    matches!(
        path.trim_start_matches("./"),
        "" | "/" | "/index.html" | "/index.htm" | "/index.php" | "index.html" | "index.php"
    ) && !h.is_empty()
        && !h.starts_with('#')
}

/// `true` when the space-separated `rels` hold `want`.
/// `false` for a link target that is prose, not a URL (`href="What are the types of
/// wine?"`, a title pasted into the canonical link): URLs hold no spaces.
fn is_url_like(href: &str) -> bool {
    let h = href.trim();
    !h.is_empty() && !h.contains(char::is_whitespace)
}

fn has_rel(rels: &str, want: &str) -> bool {
    rels.split_ascii_whitespace().any(|r| r == want)
}

/// Texts of body links with `rel` holding `want` (`tag`, `category`), deduplicated.
fn rel_texts(cx: &Ctx<'_, '_>, want: &str) -> Vec<String> {
    cx.page
        .links
        .iter()
        .filter(|l| !l.in_head && has_rel(&l.rel, want))
        .map(|l| cx.text(l.ix, MAX_TAG_CHARS))
        .collect()
}

/// The first non-empty list (cleaned, deduplicated, capped) and its source.
fn first_list(lists: &[(Vec<String>, Source)]) -> Option<(Vec<String>, Source)> {
    for (list, src) in lists {
        let mut out: Vec<String> = Vec::new();
        let mut keys: Vec<String> = Vec::new();
        for v in list {
            let v = crate::dom::text::collapse(v);
            let k = fold(&v);
            if k.is_empty() || v.chars().count() > MAX_TAG_CHARS || keys.contains(&k) {
                continue;
            }
            keys.push(k);
            out.push(v);
            if out.len() >= MAX_TAGS {
                break;
            }
        }
        if !out.is_empty() {
            return Some((out, *src));
        }
    }
    None
}

/// Lead-ins of a byline written in the text, as they start an element's text.
const BYLINE_LEADS: &[&str] = &[
    "by ",
    "von ",
    "par ",
    "por ",
    "door ",
    "written by",
    "posted by",
    "autor:",
    "autorin:",
    "autoren:",
    "autoren ",
    "author:",
    "authors:",
    "auteur :",
    "auteur:",
    "text:",
    "texte :",
    "texto:",
    "text von ",
    "ein artikel von ",
    "ein beitrag von ",
    "redaktion:",
    "gespeichert von ",
    "erstellt von ",
    "verfasst von ",
    "geschrieben von ",
];
/// Labels that stand alone in an element, the byline following in the next one
/// ("<span>Autor:</span> Jane Doe", "<b>Von:</b><br>Jane Doe"), lower-case, without colon.
const BYLINE_LABELS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "door",
    "author",
    "authors",
    "author(s)",
    "autor",
    "autorin",
    "autoren",
    "autor(en)",
    "auteur",
    "auteur(s)",
    "autore",
    "written by",
    "posted by",
    "verfasst von",
    "geschrieben von",
    "erstellt von",
    "interview",
    "text",
    "texte",
    "texto",
];
/// Labels before the source of a story ("Quelle: kathpress"), read when no byline shows.
const SOURCE_LABELS: &[&str] = &["quelle", "source", "fuente", "fonte"];
/// Values of a `twitter:labelN` meta that announce the author in `twitter:dataN` (as SEO
/// plugins write them), lower-case.
const WRITTEN_BY_LABELS: &[&str] = &[
    "written by",
    "verfasst von",
    "geschrieben von",
    "écrit par",
    "escrito por",
    "scritto da",
    "geschreven door",
    "author",
    "autor",
];
/// Longest element text read as a labelled byline.
const MAX_LABELLED_BYLINE_CHARS: usize = 120;
/// Nodes of an author box searched for its heading.
const MAX_BOX_NODES: usize = 40;
/// Characters of text read after a lone byline label.
const MAX_FOLLOWING_CHARS: usize = 80;

/// `true` when every name is an address, a handle or the site itself: a weak reading that a
/// visible byline should override.
fn weak_names(names: &[String], site_key: Option<&str>, host: &[String]) -> bool {
    names.iter().all(|n| {
        let k = fold(n);
        let no_space = !n.contains(' ');
        // Initials ("JF"), handles ("jdoe", "jane.doe"), the site or its domain.
        // One Latin word is a first name or a handle: a visible byline often says more
        // ("Loïc" → "Loïc Le Clerc").
        let latin = n
            .chars()
            .all(|c| c.is_alphanumeric() && !is_cjk(c) || ".-_'".contains(c));
        (no_space && latin)
            || site_key
                .is_some_and(|s| !s.is_empty() && (k == s || s.contains(&k) || k.contains(s)))
            || host
                .iter()
                .any(|h| k == *h || (h.chars().count() >= 4 && k.contains(h.as_str())))
    })
}

/// The labels of a URL's host that may name the site, folded ("https://www.l-mag.de/x" →
/// `["lmag"]`; the top-level domain and "www" are left out).
fn host_keys(url: &str) -> Vec<String> {
    let Ok(u) = Url::parse(url) else {
        return Vec::new();
    };
    let Some(host) = u.host_str() else {
        return Vec::new();
    };
    let labels: Vec<&str> = host.split('.').collect();
    labels
        .iter()
        .take(labels.len().saturating_sub(1))
        .filter(|l| **l != "www")
        .map(|l| fold(l))
        .filter(|k| k.chars().count() >= 3)
        .collect()
}

/// `true` when `name` is the site's name.
fn is_site_name(name: &str, site_key: Option<&str>) -> bool {
    site_key.is_some_and(|s| !s.is_empty() && fold(name) == s)
}

/// Names without the site: its name trailing a person's ("Adam Aaronson PhillyVoice"), and
/// the site itself beside persons ("Jane Doe, The Daily"). A list naming only the site
/// stays as it is.
fn without_site(names: Vec<String>, site_key: Option<&str>) -> Vec<String> {
    let Some(site) = site_key.filter(|s| !s.is_empty()) else {
        return names;
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| {
            let words: Vec<&str> = n.split_whitespace().collect();
            for k in 1..words.len().min(4) {
                if let (Some(head), Some(tail)) =
                    (words.get(..words.len() - k), words.get(words.len() - k..))
                    && fold(&tail.join(" ")) == site
                    && !authors::only_roles(head)
                {
                    return head.join(" ");
                }
            }
            n
        })
        .collect();
    if names.iter().all(|n| is_site_name(n, Some(site))) {
        return names;
    }
    names
        .into_iter()
        .filter(|n| !is_site_name(n, Some(site)))
        .collect()
}

/// Ancestors looked at for a comment section.
const MAX_COMMENT_DEPTH: usize = 12;

/// `true` when `ix` sits in a comment (an ancestor's class or id starts with "comment").
fn in_comments(cx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    cx.doc.ancestors(ix).take(MAX_COMMENT_DEPTH).any(|a| {
        ["class", "id"].iter().any(|k| {
            cx.doc.attr(a, k).is_some_and(|v| {
                v.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
                    t.len() >= 7
                        && t.get(..7)
                            .is_some_and(|p| p.eq_ignore_ascii_case("comment"))
                })
            })
        })
    })
}

/// The `twitter:dataN` value whose `twitter:labelN` announces the author ("Written by").
fn twitter_written_by<'h>(cx: &Ctx<'_, 'h>) -> Option<(&'h str, Source)> {
    for i in 1..=4 {
        let label = format!("twitter:label{i}");
        let Some((l, _)) = cx.meta(&[label.as_str()]) else {
            continue;
        };
        let l = l.trim().trim_end_matches(':').to_lowercase();
        if WRITTEN_BY_LABELS.contains(&l.as_str()) {
            let data = format!("twitter:data{i}");
            return cx.meta(&[data.as_str()]);
        }
    }
    None
}

/// Authors, their source, and the byline elements they were read from.
///
/// Structured sources (JSON-LD, meta tags, microdata) come first unless all they name is the
/// site, an address or a handle; then the visible byline (`rel=author` links, byline-like
/// elements, "By …" next to the headline, "Autor: …" anywhere); then the weak structured
/// names; then a visible byline naming the site.
fn read_authors(
    cx: &Ctx<'_, '_>,
    ld: &json_ld::JsonLd,
    site_key: Option<&str>,
    host: &[String],
    title_h1: Option<NodeIx>,
) -> (Vec<String>, Source, Vec<NodeIx>) {
    let mut structured: Vec<(Vec<String>, Source)> = Vec::new();
    let mut push = |names: Vec<String>, src: Source| {
        let names = without_site(names, site_key);
        if !names.is_empty() {
            structured.push((names, src));
        }
    };
    push(
        authors::clean_all(
            ld.authors
                .iter()
                .map(String::as_str)
                .filter(|a| !authors::is_url(a)),
        ),
        Source::JsonLd,
    );
    for k in [
        "author",
        "article:author",
        "og:article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "dcterms.creator",
        "byl",
        "citation_author",
        "author_name",
    ] {
        let vals: Vec<(&str, Source)> = cx
            .metas(std::slice::from_ref(&k))
            .filter(|(v, _)| !authors::is_url(v))
            .collect();
        if let Some((_, s)) = vals.first() {
            let names = authors::clean_all(vals.iter().map(|(v, _)| *v));
            if !names.is_empty() {
                push(names, *s);
                break;
            }
        }
    }
    if let Some((v, s)) = twitter_written_by(cx) {
        push(authors::clean(v), s);
    }
    // Microdata: itemprop=author, its itemprop=name when it has one.
    let mut micro_node = None;
    for ix in cx
        .itemprops(&["author", "creator"])
        .filter(|&ix| !in_comments(cx, ix))
    {
        let name_ix = cx.doc.subtree(ix).skip(1).find(|&d| {
            cx.doc
                .attr(d, "itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("name"))
        });
        let text = match name_ix {
            Some(n) => cx
                .doc
                .attr(n, "content")
                .map(str::to_string)
                .unwrap_or_else(|| cx.text(n, MAX_BYLINE_CHARS)),
            None => cx
                .doc
                .attr(ix, "content")
                .map(str::to_string)
                .unwrap_or_else(|| cx.text(ix, MAX_BYLINE_CHARS)),
        };
        let names = without_site(authors::clean(&text), site_key);
        if !names.is_empty() {
            structured.push((names, Source::Microdata));
            micro_node = Some(ix);
            break;
        }
    }
    let strong = structured
        .iter()
        .position(|(n, _)| !weak_names(n, site_key, host));
    if let Some(i) = strong
        && let Some((names, src)) = structured.get(i)
    {
        let nodes = byline_nodes_for(cx, names, micro_node.filter(|_| *src == Source::Microdata));
        return (names.clone(), *src, nodes);
    }
    let visible = visible_authors(cx, site_key, title_h1);
    if let Some(v) = visible.as_ref().filter(|v| !v.weak) {
        return (v.names.clone(), Source::Dom, v.nodes.clone());
    }
    if let Some((names, src)) = structured.into_iter().next() {
        return (names, src, Vec::new());
    }
    match visible {
        Some(v) => (v.names, Source::Dom, v.nodes),
        None => (Vec::new(), Source::Dom, Vec::new()),
    }
}

/// The byline elements (outside furniture) that show one of `names`, to keep out of the body.
fn byline_nodes_for(cx: &Ctx<'_, '_>, names: &[String], node: Option<NodeIx>) -> Vec<NodeIx> {
    if let Some(ix) = node {
        return byline_blocks(cx, &[ix]);
    }
    let keys: Vec<String> = names.iter().map(|n| fold(n)).collect();
    for c in cx
        .page
        .bylines
        .iter()
        .filter(|c| !c.aside && !c.weak)
        .take(20)
    {
        let t = cx.text(c.ix, MAX_BYLINE_CHARS + 1);
        if t.chars().count() > MAX_BYLINE_CHARS {
            continue;
        }
        let k = fold(&t);
        if keys.iter().any(|n| !n.is_empty() && k.contains(n.as_str())) {
            return byline_blocks(cx, &[c.ix]);
        }
    }
    Vec::new()
}

/// Names read from the visible page.
struct Visible {
    names: Vec<String>,
    /// The elements they were read from.
    nodes: Vec<NodeIx>,
    /// The names are the site's, or a licence's attribution: weaker than structured names.
    weak: bool,
}

/// The text of a byline element, with " | " where two pieces of text meet without a space
/// across an element boundary ("<span>Jane Doe</span><span>Senior Analyst</span>"): such
/// pieces are laid out apart, and the cleaner splits on the bar.
fn byline_text(cx: &Ctx<'_, '_>, ix: NodeIx, max: usize) -> String {
    let mut out = String::new();
    let cap = max.saturating_mul(4);
    for i in cx.doc.subtree(ix) {
        let Some(t) = cx.doc.text(i) else {
            // Blocks and line breaks part the pieces of a byline box too.
            if cx.doc.tag(i).is_some_and(|t| t.is_block() || t == Tag::Br)
                && !out.trim_end().is_empty()
                && !out.trim_end().ends_with('|')
            {
                out.push_str(" | ");
            }
            continue;
        };
        if cx
            .doc
            .parent(i)
            .and_then(|p| cx.doc.tag(p))
            .is_some_and(|t| matches!(t, Tag::Script | Tag::Style | Tag::Noscript))
        {
            continue;
        }
        if out.chars().last().is_some_and(char::is_alphanumeric)
            && t.chars().next().is_some_and(char::is_alphanumeric)
        {
            out.push_str(" | ");
        }
        crate::dom::text::push_collapsed(&mut out, t);
        if out.len() >= cap {
            break;
        }
    }
    let t = out.trim();
    if t.chars().count() > max {
        t.chars().take(max).collect()
    } else {
        t.to_string()
    }
}

/// About [`MAX_FOLLOWING_CHARS`] of the text after element `ix`, up to the next line break
/// or block.
fn following_text(cx: &Ctx<'_, '_>, ix: NodeIx) -> String {
    let mut out = String::new();
    let from = cx.doc.end(ix).get();
    for i in from..(from + NEAR_H1_NODES).min(cx.doc.len()) {
        let n = NodeIx(i as u32);
        if let Some(t) = cx.doc.text(n) {
            crate::dom::text::push_collapsed(&mut out, t);
            if out.chars().count() > MAX_FOLLOWING_CHARS {
                break;
            }
        } else if cx.doc.tag(n).is_some_and(|t| t.is_block() || t == Tag::Br)
            && !out.trim().is_empty()
        {
            break;
        }
    }
    out.chars().take(MAX_FOLLOWING_CHARS).collect()
}

/// Children of a long block looked at for a byline label.
const MAX_OWN_TEXTS: usize = 40;

/// `true` for a link or list item: a menu entry, not a label.
fn is_menu(cx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    cx.doc
        .tag(ix)
        .is_some_and(|t| matches!(t, Tag::A | Tag::Li))
}

/// Longest "date - name" line read, in characters.
const MAX_DATED_NAME_CHARS: usize = 60;

/// The name in a line made of a date and a name ("25.10.2022 - Reiner Nagel", "Jane Doe |
/// 3 May 2021"): two parts, one a date, the other two to four capitalised words.
fn dated_name(text: &str) -> Option<String> {
    if text.chars().count() > MAX_DATED_NAME_CHARS {
        return None;
    }
    let seps = [
        " - ", " | ", " · ", " • ", " – ", " — ", " von ", " by ", " par ", " por ",
    ];
    let (sep, (a, b)) = seps
        .iter()
        .find_map(|s| text.split_once(s).map(|p| (*s, p)))?;
    // After a lead-in word, one name is enough ("06.11.2023 13:30 von Olga").
    let lead = sep.trim().chars().all(char::is_alphabetic);
    let (a, b) = (a.trim(), b.trim());
    let is_date =
        |p: &str| p.chars().any(|c| c.is_ascii_digit()) && date::parse_text(p, None).is_some();
    let name = if is_date(a) && !is_date(b) {
        b
    } else if !lead && is_date(b) && !is_date(a) {
        a
    } else {
        return None;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let capitalised = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit())
    });
    let min_words = if lead { 1 } else { 2 };
    ((min_words..=4).contains(&words.len()) && capitalised).then(|| name.to_string())
}

/// Names from the visible page, and the elements they were read from.
fn visible_authors(
    cx: &Ctx<'_, '_>,
    site_key: Option<&str>,
    title_h1: Option<NodeIx>,
) -> Option<Visible> {
    // The first reading that named only the site, kept in case nothing better shows.
    let mut site_only: Option<Visible> = None;
    let mut found = |names: Vec<String>, nodes: Vec<NodeIx>| -> Option<Visible> {
        let names = without_site(names, site_key);
        if names.is_empty() {
            return None;
        }
        if names.iter().all(|n| is_site_name(n, site_key)) {
            if site_only.is_none() {
                site_only = Some(Visible {
                    names,
                    nodes,
                    weak: true,
                });
            }
            return None;
        }
        Some(Visible {
            names,
            nodes,
            weak: false,
        })
    };
    // rel=author links in the body.
    let mut names = Vec::new();
    let mut nodes = Vec::new();
    for l in cx
        .page
        .links
        .iter()
        .filter(|l| !l.in_head && has_rel(&l.rel, "author") && !cx.page.in_aside(l.ix))
    {
        let n = authors::clean(&cx.text(l.ix, MAX_BYLINE_CHARS));
        if !n.is_empty() {
            names.extend(n);
            nodes.push(l.ix);
        }
    }
    if !names.is_empty() {
        let names = authors::clean_all(names.iter().map(String::as_str));
        if let Some(v) = found(names, byline_blocks(cx, &nodes)) {
            return Some(v);
        }
    }
    // A Creative Commons attribution names the work's author (`rel="cc:attributionURL"`);
    // it often names the whole site's owner, so it is a weak reading.
    let attribution = cx
        .page
        .links
        .iter()
        .filter(|l| !l.in_head && has_rel(&l.rel, "cc:attributionurl"))
        .map(|l| authors::clean(&cx.text(l.ix, MAX_BYLINE_CHARS)))
        .find(|n| !n.is_empty());
    // Then the same in page furniture (a meta column is often an <aside>), outside comments.
    let rel_aside = cx.page.links.iter().find_map(|l| {
        if l.in_head || !has_rel(&l.rel, "author") || !cx.page.in_aside(l.ix) {
            return None;
        }
        let n = authors::clean(&cx.text(l.ix, MAX_BYLINE_CHARS));
        (!n.is_empty()).then_some((n, l.ix))
    });
    // Byline-like elements: outside furniture first, author boxes last; within nested ones,
    // the innermost that gives names.
    for pass in 0..3 {
        if pass == 2 {
            // Furniture bylines are mostly teasers' and comments'; only rel=author counts.
            if let Some((n, ix)) = rel_aside.clone()
                && let Some(v) = found(n, byline_blocks(cx, &[ix]))
            {
                return Some(v);
            }
            break;
        }
        let cands: Vec<&Cand> = cx
            .page
            .bylines
            .iter()
            .filter(|c| match pass {
                0 => !c.aside && !c.weak,
                _ => !c.aside && c.weak,
            })
            .collect();
        let names_of = |c: &Cand| -> Vec<String> {
            let text = byline_text(cx, c.ix, MAX_BYLINE_CHARS + 1);
            if text.chars().count() <= MAX_BYLINE_CHARS {
                return authors::clean(&text);
            }
            // An author box with a biography: the name is its heading.
            if c.weak
                && let Some(h) = cx.doc.subtree(c.ix).skip(1).take(MAX_BOX_NODES).find(|&d| {
                    cx.doc
                        .tag(d)
                        .is_some_and(|t| matches!(t, Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5))
                })
            {
                return authors::clean(&cx.text(h, MAX_BYLINE_CHARS));
            }
            Vec::new()
        };
        for (i, c) in cands.iter().enumerate() {
            let n = names_of(c);
            if n.is_empty() {
                continue;
            }
            let inner = cands
                .iter()
                .skip(i + 1)
                .take_while(|d| cx.doc.contains(c.ix, d.ix))
                .find_map(|d| {
                    let m = names_of(d);
                    (!m.is_empty()).then_some((m, d.ix))
                });
            let (n, ix) = inner.unwrap_or((n, c.ix));
            if let Some(v) = found(n, byline_blocks(cx, &[ix])) {
                return Some(v);
            }
        }
    }
    // "By Jane Doe" near the headline, or "Autor: Jane Doe" anywhere; a lone label
    // ("Autor:") reads the text after it.
    let h1 = title_h1.or_else(|| cx.page.h1s.first().copied());
    let near: Vec<NodeIx> = match h1 {
        Some(h) => {
            let from = cx.doc.end(h).get();
            let before = h.get().saturating_sub(NEAR_H1_NODES);
            (from..(from + NEAR_H1_NODES).min(cx.doc.len()))
                .chain(before..h.get())
                .map(|i| NodeIx(i as u32))
                .collect()
        }
        None => Vec::new(),
    };
    let everywhere = cx
        .doc
        .all()
        .filter(|&ix| !cx.page.in_aside(ix))
        .take(MAX_LABEL_SCAN_NODES * 2);
    let near_len = near.len();
    // "Quelle: kathpress": the source of an agency story, when no byline shows.
    let mut source: Option<Vec<String>> = None;
    // Reused for every element's text and its lower-case form.
    let mut text_buf = String::new();
    let mut lower = String::new();
    for (k, ix) in near.into_iter().chain(everywhere).enumerate() {
        if cx.doc.tag(ix).is_none_or(|t| {
            matches!(
                t,
                Tag::Script | Tag::Style | Tag::Head | Tag::Html | Tag::Body
            )
        }) {
            continue;
        }
        // Elements with a first text of their own (cheap test), whose text starts the byline.
        if !cx
            .doc
            .children(ix)
            .any(|c| cx.doc.text(c).is_some_and(|t| !t.trim().is_empty()))
        {
            continue;
        }
        collect::text_of_into(cx.doc, ix, MAX_LABELLED_BYLINE_CHARS + 1, &mut text_buf);
        let t = text_buf.as_str();
        if t.chars().count() > MAX_LABELLED_BYLINE_CHARS {
            // A label in a longer block ("… Autor: <a>Jane Doe</a> …"): the text after it.
            let label_node = cx.doc.children(ix).take(MAX_OWN_TEXTS).find(|&c| {
                cx.doc.text(c).is_some_and(|t| {
                    let l = t.trim().trim_end_matches([':', ' ']).to_lowercase();
                    BYLINE_LABELS.contains(&l.as_str()) && t.contains(':')
                })
            });
            if let Some(own) = label_node {
                let text = following_text(cx, own);
                let names = authors::clean(&text);
                if authors::reads_as_byline(&names, &text)
                    && let Some(v) = found(names, Vec::new())
                {
                    return Some(v);
                }
            }
            continue;
        }
        // Leading punctuation ("| By", "- Redaktion: …") is page furniture.
        let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
        lower.clear();
        if t.is_ascii() {
            lower.push_str(t);
            lower.make_ascii_lowercase();
        } else {
            lower.push_str(&t.to_lowercase());
        }
        let label = lower.trim_end_matches([':', ' ']);
        // Next to the headline, "27.02.2025 - Jane Doe" is a dateline with the byline.
        if k < near_len
            && let Some(name) = dated_name(t)
            && let Some(v) = found(vec![name], byline_blocks(cx, &[ix]))
        {
            return Some(v);
        }
        let heading = cx.doc.tag(ix).is_some_and(|t| {
            matches!(t, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
        });
        if source.is_none() && !is_menu(cx, ix) {
            // "Quelle: kathpress" in one element, or "<b>Quelle:</b> kathpress".
            let rest = SOURCE_LABELS.iter().find_map(|l| {
                let head = t.get(..l.len())?;
                let r = t.get(l.len()..)?.trim_start();
                if !head.eq_ignore_ascii_case(l) {
                    return None;
                }
                match r.strip_prefix(':') {
                    Some(r) if r.trim().is_empty() => Some(following_text(cx, ix)),
                    Some(r) => Some(r.to_string()),
                    None if r.is_empty() => Some(following_text(cx, ix)),
                    None => None,
                }
            });
            if let Some(rest) = rest {
                let names = authors::clean(&rest);
                if !names.is_empty() {
                    source = Some(names);
                }
                continue;
            }
        }
        // Menu items are no labels ("Interview", "Text" in a list of sections).
        let menu = is_menu(cx, ix);
        let (text, nodes) = if BYLINE_LABELS.contains(&label) && !menu {
            (following_text(cx, ix), Vec::new())
        } else if BYLINE_LEADS
            .iter()
            .any(|p| lower.starts_with(p) && (!heading || p.trim_end().contains([' ', ':'])))
        {
            (t.to_string(), byline_blocks(cx, &[ix]))
        } else {
            continue;
        };
        let names = authors::clean(&text);
        if authors::reads_as_byline(&names, &text)
            && let Some(v) = found(names, nodes)
        {
            return Some(v);
        }
    }
    if let Some(names) = source
        && let Some(v) = found(names, Vec::new())
    {
        return Some(v);
    }
    site_only.or_else(|| {
        attribution.map(|names| Visible {
            names,
            nodes: Vec::new(),
            weak: true,
        })
    })
}

/// For each byline element, the largest enclosing element that is still only a byline
/// (short text, not a sectioning element): the element to keep out of the body.
fn byline_blocks(cx: &Ctx<'_, '_>, nodes: &[NodeIx]) -> Vec<NodeIx> {
    let mut out = Vec::new();
    for &ix in nodes {
        let mut best = ix;
        for (depth, a) in cx.doc.ancestors(ix).enumerate() {
            if depth >= 2 {
                break;
            }
            let Some(tag) = cx.doc.tag(a) else { break };
            if matches!(
                tag,
                Tag::Body
                    | Tag::Html
                    | Tag::Article
                    | Tag::Main
                    | Tag::Section
                    | Tag::Header
                    | Tag::Footer
                    | Tag::Aside
                    | Tag::Nav
                    | Tag::Td
                    | Tag::Li
                    | Tag::Figure
            ) {
                break;
            }
            let t = cx.text(a, MAX_METADATA_ELEMENT_CHARS + 1);
            if t.chars().count() > MAX_METADATA_ELEMENT_CHARS {
                break;
            }
            best = a;
        }
        if cx
            .text(best, MAX_METADATA_ELEMENT_CHARS + 1)
            .chars()
            .count()
            <= MAX_METADATA_ELEMENT_CHARS
        {
            out.push(best);
        }
    }
    out
}

/// The date an element carries: `datetime`, `content`, `data-*` attributes, else its text.
fn element_date(cx: &Ctx<'_, '_>, ix: NodeIx, order: Option<Order>) -> Option<Stamp> {
    machine_date(cx, ix).or_else(|| date::parse_text(&cx.text(ix, MAX_BYLINE_CHARS), order))
}

/// The date in an element's `datetime`, `content`, `data-*` or `title` attribute.
fn machine_date(cx: &Ctx<'_, '_>, ix: NodeIx) -> Option<Stamp> {
    [
        "datetime",
        "content",
        "data-datetime",
        "data-date",
        "data-timestamp",
        "title",
    ]
    .iter()
    .find_map(|a| cx.doc.attr(ix, a).and_then(date::parse_machine))
}

/// Labels that introduce a publication date in running text, lower-case.
const DATE_LABELS: &[&str] = &[
    "published",
    "erscheinungsdatum",
    "written:",
    "posted",
    "date:",
    "dated",
    "updated",
    "veröffentlicht",
    "erschienen",
    "publiziert",
    "datum",
    "stand:",
    "aktualisiert",
    "publié",
    "mis à jour",
    "publicado",
    "fecha",
    "pubblicato",
    "data:",
    "gepubliceerd",
    "opublikowano",
    "publicerad",
    "julkaistu",
    "letzte änderung",
    "zuletzt geändert",
    "last modified",
    "mise en ligne",
    "wurde am",
    "erstellt am",
];
/// Hours from midnight within which a UTC time may fall on another local day.
const MIDNIGHT_HOURS: u8 = 8;
/// Visible date elements looked at, at most.
const MAX_VISIBLE_DATE_ELEMENTS: usize = 40;
/// Text nodes scanned for a labelled date, at most.
const MAX_LABEL_SCAN_NODES: usize = 5000;

/// Labels that mark a visible date as a modification date, lower-case.
const UPDATED_LABELS: &[&str] = &[
    "updated",
    "änderung",
    "modified",
    "revised",
    "reviewed",
    "aktualisiert",
    "geändert",
    "überarbeitet",
    "stand:",
    "mis à jour",
    "modifié",
    "actualizado",
    "modificado",
    "aggiornato",
    "modificato",
    "bijgewerkt",
    "gewijzigd",
    "zaktualizowano",
    "uppdaterad",
    "päivitetty",
];
/// Labels that mark a visible date as the publication date, lower-case.
const PUBLISHED_LABELS: &[&str] = &[
    "published",
    "erscheinungsdatum",
    "written:",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publiziert",
    "publié",
    "publicado",
    "pubblicato",
    "gepubliceerd",
    "opublikowano",
    "publicerad",
    "julkaistu",
    "mise en ligne",
];

/// Which kind of date a label before (or in) an element announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DateLabel {
    Published,
    Updated,
    None,
}

/// Both label lists in one automaton: pattern `k` is `PUBLISHED_LABELS[k]`, then come the
/// `UPDATED_LABELS`.
static DATE_LABEL_MATCHER: std::sync::LazyLock<Option<aho_corasick::AhoCorasick>> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(PUBLISHED_LABELS.iter().chain(UPDATED_LABELS)).ok()
    });

fn label_in(text: &str) -> DateLabel {
    let lower = text.to_lowercase();
    // The start of the last occurrence of any label of each list (one overlapping scan finds
    // every occurrence of every label).
    let (mut published, mut updated) = (None, None);
    if let Some(m) = DATE_LABEL_MATCHER.as_ref() {
        for hit in m.find_overlapping_iter(&lower) {
            let last = if hit.pattern().as_usize() < PUBLISHED_LABELS.len() {
                &mut published
            } else {
                &mut updated
            };
            *last = (*last).max(Some(hit.start()));
        }
    }
    match (published, updated) {
        (Some(p), Some(u)) if p > u => DateLabel::Published,
        (_, Some(_)) => DateLabel::Updated,
        (Some(_), None) => DateLabel::Published,
        (None, None) => DateLabel::None,
    }
}

/// The label of the date in element `ix`: in its own text, else in the text just before it
/// inside its parent ("Last updated: <time>…").
fn date_label(cx: &Ctx<'_, '_>, ix: NodeIx) -> DateLabel {
    // Only the words before the element's first number label its (first) date:
    // "December 3, 2025. Updated: December 7, 2025" is a publication date.
    let text = cx.text(ix, MAX_BYLINE_CHARS);
    let own = label_in(
        text.split(|c: char| c.is_ascii_digit())
            .next()
            .unwrap_or(""),
    );
    if own != DateLabel::None {
        return own;
    }
    for anc in cx.doc.ancestors(ix).take(2) {
        let mut before = String::new();
        for i in anc.get()..ix.get() {
            if let Some(t) = cx.doc.text(NodeIx(i as u32)) {
                crate::dom::text::push_collapsed(&mut before, t);
                if before.len() > 400 {
                    return DateLabel::None;
                }
            }
        }
        // The last 40 characters.
        let tail = before
            .char_indices()
            .rev()
            .nth(39)
            .map_or(before.as_str(), |(i, _)| before.get(i..).unwrap_or(&before));
        let l = label_in(tail);
        if l != DateLabel::None {
            return l;
        }
    }
    DateLabel::None
}

/// The publication date, its source, and the elements it was read from (when visible).
///
/// Every source gives at most one candidate; the day most sources agree on wins, ties going
/// to the most trusted source (JSON-LD, OpenGraph, other metas, microdata, the visible page,
/// the URL). A date the page labels "updated" is not a publication date.
fn read_published(
    cx: &Ctx<'_, '_>,
    ld: &json_ld::JsonLd,
    bounds: &Bounds,
    order: Option<Order>,
    url: Option<&str>,
    (title_h1, title): (Option<NodeIx>, Option<&str>),
    modified: Option<Stamp>,
) -> (Option<(Stamp, Source)>, Vec<NodeIx>) {
    let ok = |s: Option<Stamp>| s.and_then(|s| bounds.check(s));
    let mut cands: Vec<(Stamp, Source, Vec<NodeIx>)> = Vec::new();
    for (st, src) in structured_published(cx, ld, order, &ok) {
        cands.push((st, src, Vec::new()));
    }
    let shown = visible_dates(cx, order, title_h1, &ok);
    // The date shown next to the headline is what readers are told: it outweighs one
    // structured date that disagrees (often a re-publication or migration stamp), not two.
    // A full day in the URL path weighs as much and is trusted before the page text.
    let mut dom_weight = 1;
    if let Some(st) = ok(url.and_then(date::from_url)) {
        cands.push((st, Source::Url, Vec::new()));
    }
    let structured: Vec<Stamp> = cands.iter().map(|c| c.0).collect();
    let update = |(st, nodes): &Shown| shows_the_update(*st, nodes, modified, &structured);
    if let Some(h) = shown.headline.clone().filter(|h| !update(h)) {
        cands.push((h.0, Source::Dom, h.1));
        dom_weight = 2;
    } else if let Some(f) = shown.first.clone().filter(|f| !update(f)) {
        cands.push((f.0, Source::Dom, f.1));
        // A date the page labels as its publication date ("Published <time>") is what
        // readers are told, like the date next to the headline.
        if shown.first_labelled {
            dom_weight = 2;
        }
    }
    read_ambiguous_days_alike(&mut cands);
    // A UTC (or zone-less) time near midnight names another day than the one readers are
    // shown: when the page shows the day before or after, that day is meant.
    if let Some(vis) = cands
        .iter()
        .find(|(_, s, _)| *s == Source::Dom)
        .map(|c| c.0)
    {
        for c in cands
            .iter_mut()
            .filter(|(_, s, _)| *s != Source::Dom && *s != Source::Url)
        {
            if local_day_of_utc(c.0, vis.date) {
                c.0 = vis;
            }
        }
    }
    // Vote by calendar day; candidates are in order of trust.
    let mut best: Option<(usize, usize)> = None; // (votes, index of first candidate)
    for (i, (st, _, _)) in cands.iter().enumerate() {
        if cands.iter().take(i).any(|(o, _, _)| o.date == st.date) {
            continue;
        }
        let votes: usize = cands
            .iter()
            .filter(|(o, _, _)| o.date == st.date)
            .map(|(_, s, _)| match s {
                Source::Dom => dom_weight,
                Source::Url => 2,
                _ => 1,
            })
            .sum();
        if best.is_none_or(|(v, _)| votes > v) {
            best = Some((votes, i));
        }
    }
    if let Some((_, i)) = best
        && let Some((st, src, _)) = cands.get(i)
    {
        // The visible element that shows this day, kept out of the body.
        let nodes = cands
            .iter()
            .filter(|(o, s, _)| o.date == st.date && *s == Source::Dom)
            .flat_map(|(_, _, n)| n.clone())
            .collect();
        return (Some((*st, *src)), nodes);
    }
    if let Some((st, _)) = labelled_date(cx, order, &ok) {
        return (Some((st, Source::Dom)), Vec::new());
    }
    if let Some(st) = labelled_aside_date(cx, order, &ok) {
        return (Some((st, Source::Dom)), Vec::new());
    }
    // A page that shows only when it was updated: that is its date.
    if let Some((st, nodes)) = shown.updated {
        return (Some((st, Source::Dom)), nodes);
    }
    // The first date in the text below the headline (or the element showing the title on
    // a page without `<h1>`).
    if let Some(h1) = title_h1
        .or_else(|| cx.page.h1s.first().copied())
        .or_else(|| title.and_then(|t| title_element(cx, t)))
    {
        let below = window_of(cx, cx.doc.end(h1).get(), true, LEAD_NODES, LEAD_CHARS);
        if let Some(st) = ok(date::parse_text_within(&below, order, LEAD_CHARS)) {
            return (Some((st, Source::Dom)), Vec::new());
        }
    }
    // Relative dates, only against the caller's reference date.
    if let Some(r) = bounds.reference {
        for c in cx
            .page
            .times
            .iter()
            .chain(cx.page.datelines.iter())
            .filter(|c| !c.aside)
        {
            let text = cx.text(c.ix, MAX_BYLINE_CHARS);
            if let Some(d) = date::parse_relative(&text, r).filter(|d| bounds.accepts(*d)) {
                let st = Stamp {
                    date: d,
                    time: None,
                    offset: None,
                };
                return (Some((st, Source::Dom)), byline_blocks(cx, &[c.ix]));
            }
        }
    }
    // Last resorts: a date standing alone in its element, then one in script data.
    if let Some(st) = lone_date(cx, order, &ok) {
        return (Some((st, Source::Dom)), Vec::new());
    }
    if let Some(st) = script_data_date(cx, &ok) {
        return (Some((st, Source::Meta)), Vec::new());
    }
    (None, Vec::new())
}

/// `true` when a dateline element (`nodes`) shows the page's structured modification day
/// while every structured publication date names another day: the page shows when it was
/// last updated (`<p class="post-date">June 2, 2025</p>` beside `dateModified`
/// 2025-06-02 and `datePublished` 2024-12-30), which is no publication candidate. Dates
/// read from the text around the headline (no `nodes`) are left alone.
fn shows_the_update(
    shown: Stamp,
    nodes: &[NodeIx],
    modified: Option<Stamp>,
    published: &[Stamp],
) -> bool {
    !nodes.is_empty()
        && modified.is_some_and(|m| m.date == shown.date)
        && !published.is_empty()
        && !published
            .iter()
            .any(|p| p.date == shown.date || local_day_of_utc(*p, shown.date))
}

/// `true` when a UTC (or zone-less) time `st` near midnight may be the local moment of a
/// page showing day `shown`: a time early in the UTC day falls on the day before west of
/// UTC, a late one on the day after east of it; never the other way round (at 16:53 UTC
/// it is nowhere the day before).
fn local_day_of_utc(st: Stamp, shown: jiff::civil::Date) -> bool {
    let Some((h, m, sec)) = st.time else {
        return false;
    };
    // Exactly 00:00:00 is a bare date written as a time, not a moment.
    if (h, m, sec) == (0, 0, 0) || st.offset.is_some_and(|o| o != 0) {
        return false;
    }
    (h < MIDNIGHT_HOURS && shown.tomorrow().ok() == Some(st.date))
        || (h >= 24 - MIDNIGHT_HOURS && st.date.tomorrow().ok() == Some(shown))
}

/// Nodes searched for the element showing the title, at most.
const MAX_TITLE_SEARCH_NODES: usize = 5000;

/// The element showing the headline on a page without `<h1>` (a table cell, a `<b>`, a
/// styled `<div>`): the first text in the body that reads as the chosen title. Only text
/// nodes of about the title's length are compared.
fn title_element(cx: &Ctx<'_, '_>, title: &str) -> Option<NodeIx> {
    let key = fold(title);
    if key.is_empty() {
        return None;
    }
    let (lo, hi) = (title.len() / 2, title.len().saturating_mul(2));
    (0..cx.doc.len().min(MAX_TITLE_SEARCH_NODES)).find_map(|i| {
        let ix = NodeIx(i as u32);
        let t = cx.doc.text(ix)?.trim();
        if !(lo..=hi).contains(&t.len()) || fold(t) != key {
            return None;
        }
        let parent = cx.doc.parent(ix)?;
        let skip = cx
            .doc
            .tag(parent)
            .is_some_and(|t| matches!(t, Tag::Title | Tag::Script | Tag::Style | Tag::Noscript));
        (!skip).then_some(parent)
    })
}

/// A date without a time whose day and month could be swapped (`09.10.2024`, a meta
/// `03-09-2026`) is read the other way when only that reading agrees with another
/// candidate: US and European orders are both common, and the page's other dates tell
/// which one it uses.
fn read_ambiguous_days_alike(cands: &mut [(Stamp, Source, Vec<NodeIx>)]) {
    let days: Vec<jiff::civil::Date> = cands.iter().map(|c| c.0.date).collect();
    for (i, c) in cands.iter_mut().enumerate() {
        let d = c.0.date;
        let (m, day) = (d.month(), d.day());
        if c.0.time.is_some() || c.1 == Source::Url || m == day || day > 12 {
            continue;
        }
        let Ok(swapped) = jiff::civil::Date::new(d.year(), day, m) else {
            continue;
        };
        let others = |x: jiff::civil::Date| days.iter().enumerate().any(|(j, o)| j != i && *o == x);
        if !others(d) && others(swapped) {
            c.0.date = swapped;
        }
    }
}

/// The publication date from structured data: JSON-LD, meta tags, microdata.
fn structured_published(
    cx: &Ctx<'_, '_>,
    ld: &json_ld::JsonLd,
    order: Option<Order>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Vec<(Stamp, Source)> {
    let mut out = Vec::new();
    if let Some(st) = ok(ld.published.as_deref().and_then(date::parse_machine)) {
        out.push((st, Source::JsonLd));
    }
    let mut og = None;
    let mut other = None;
    for (v, s) in cx.metas(PUBLISHED_METAS) {
        let slot = if s == Source::OpenGraph {
            &mut og
        } else {
            &mut other
        };
        if slot.is_none()
            && let Some(st) = ok(date::parse_machine_in(v, order))
        {
            *slot = Some((st, s));
        }
    }
    if other.is_none() {
        other = prefixed_published_meta(cx, order, ok);
    }
    out.extend(og);
    out.extend(other);
    // A comment's `datePublished` (`itemtype="Comment"` threads) dates the comment.
    if let Some(st) = cx
        .itemprops(&["datePublished", "dateCreated", "uploadDate"])
        .filter(|&ix| !in_comments(cx, ix))
        .find_map(|ix| ok(element_date(cx, ix, order)))
    {
        out.push((st, Source::Microdata));
    }
    out
}

/// Meta names of the publication date, in order of trust.
const PUBLISHED_METAS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "published_date",
    "publication_date",
    "release_date",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "originalpublicationdate",
    "displaydate",
    "date_published",
    "created",
];

/// Endings of vendor-prefixed publication-date meta names (`w-published-date`,
/// `cXenseParse:recs:publishtime`, `og:pub-date`), lower-case.
const PUBLISHED_META_ENDINGS: &[&str] = &[
    "published-date",
    "published_date",
    "publish-date",
    "publishdate",
    "publishtime",
    "publish_time",
    "published_time",
    "pub-date",
    "pubdate",
];

/// A publication date from a meta whose name is a known one with a vendor prefix; read
/// only when no meta with a known name gives one.
fn prefixed_published_meta(
    cx: &Ctx<'_, '_>,
    order: Option<Order>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<(Stamp, Source)> {
    cx.page
        .metas
        .iter()
        .filter(|m| {
            let k = m.key.as_str();
            m.source != Source::OpenGraph
                && !PUBLISHED_METAS.contains(&k)
                && !k.contains("modif")
                && !k.contains("updat")
                && PUBLISHED_META_ENDINGS.iter().any(|e| k.ends_with(e))
        })
        .find_map(|m| ok(date::parse_machine_in(m.value, order)).map(|st| (st, m.source)))
}

/// A date the page shows, with the elements it was read from.
type Shown = (Stamp, Vec<NodeIx>);

/// The dates the page shows.
#[derive(Default)]
struct ShownDates {
    /// The first date not labelled "updated".
    first: Option<Shown>,
    /// The first date labelled "updated".
    updated: Option<Shown>,
    /// The first date next to the headline neither labelled nor marked "updated", unless
    /// a date element there is unclear (see [`shows_one_day`]).
    headline: Option<Shown>,
    /// `first` is labelled as the publication date ("Published <time>").
    first_labelled: bool,
}

/// The dates the page shows: `<time>`s (a `pubdate` one first), date-like and byline
/// elements, and the text right after the headline, then right before it; and the first
/// one of these next to the headline (a dateline between the headline and the body, or
/// just above the headline).
fn visible_dates(
    cx: &Ctx<'_, '_>,
    order: Option<Order>,
    title_h1: Option<NodeIx>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> ShownDates {
    let mut out = ShownDates::default();
    let times: Vec<&Cand> = cx.page.times.iter().filter(|c| !c.aside).collect();
    let pubdate = times
        .iter()
        .copied()
        .filter(|c| cx.doc.attr(c.ix, "pubdate").is_some());
    let elements = pubdate.chain(times.iter().copied()).chain(
        cx.page
            .datelines
            .iter()
            .chain(cx.page.bylines.iter())
            .filter(|c| !c.aside),
    );
    let h1 = title_h1.or_else(|| cx.page.h1s.first().copied());
    let near = |ix: NodeIx| h1.is_some_and(|h| near_headline(cx, h, ix));
    // A dateline next to the headline whose attribute and text disagree: the text there
    // is no better evidence.
    let mut unclear = false;
    for c in elements.take(MAX_VISIBLE_DATE_ELEMENTS) {
        let text = cx.text(c.ix, MAX_BYLINE_CHARS + 1);
        // An empty `<time datetime>` shows readers nothing; its date is the page's
        // metadata (counted as such when it carries `itemprop`), not a visible one.
        if text.chars().count() > MAX_BYLINE_CHARS || text.trim().is_empty() {
            continue;
        }
        if shows_today(cx, c.ix) || in_teaser_link(cx, c.ix) {
            continue;
        }
        let machine = machine_date(cx, c.ix);
        // The text's date in the page's order, read at most once per element.
        let text_date = std::cell::OnceCell::new();
        let text_date = || *text_date.get_or_init(|| date::parse_text(&text, order));
        let Some(st) = (match machine {
            Some(m) => ok(Some(m)),
            None => {
                // No date in the page's order means none in the other (date::date_in).
                ok(text_date()).or_else(|| {
                    text_date().and_then(|_| ok(date::parse_text(&text, Some(other_order(order)))))
                })
            }
        }) else {
            continue;
        };
        let label = date_label(cx, c.ix);
        let updated = label == DateLabel::Updated;
        // An element whose attribute and text name different days is no evidence.
        if !shows_one_day(cx, c.ix, text_date) {
            unclear |= near(c.ix);
            continue;
        }
        // A date readers never see (`display:none`) is no dateline next to the headline.
        let hidden = cx
            .doc
            .ancestors(c.ix)
            .take(3)
            .any(|a| styled_hidden(cx.doc, a))
            || machine.is_none()
                && date::parse_text(&shown_text_of(cx.doc, c.ix, MAX_BYLINE_CHARS), order)
                    .is_none();
        if near(c.ix) && out.headline.is_none() && !updated && !hidden && !marked_modified(cx, c.ix)
        {
            out.headline = Some((st, byline_blocks(cx, &[c.ix])));
        }
        let slot = if updated {
            &mut out.updated
        } else {
            &mut out.first
        };
        if slot.is_none() {
            *slot = Some((st, byline_blocks(cx, &[c.ix])));
            if !updated && label == DateLabel::Published && !hidden {
                out.first_labelled = true;
            }
        }
    }
    let Some(h1) = h1 else {
        return out;
    };
    for (text, forward) in [
        (window(cx, cx.doc.end(h1).get(), true), true),
        (window(cx, h1.get(), false), false),
    ] {
        let Some(st) = date::parse_text_either(&text, order, other_order(order), ok) else {
            continue;
        };
        // "Updated …" right before the date marks it ("Stand:" there is mostly the first
        // timestamp of a news story, and stays).
        let head: String = text
            .chars()
            .take(WINDOW_LABEL_CHARS)
            .take_while(|c| !c.is_ascii_digit())
            .collect::<String>()
            .to_lowercase();
        let updated = UPDATED_LABELS
            .iter()
            .any(|l| *l != "stand:" && head.contains(l))
            && !PUBLISHED_LABELS.iter().any(|l| head.contains(l));
        if forward && !unclear && !updated {
            out.headline = out.headline.take().or_else(|| Some((st, Vec::new())));
        }
        let slot = if updated {
            &mut out.updated
        } else {
            &mut out.first
        };
        if slot.is_none() {
            *slot = Some((st, Vec::new()));
        }
    }
    out
}

/// The other way to read `03/12/2026`: a page's dates are read in its usual order, and
/// the other order is tried only when that reading is impossible or out of range (a date
/// in the future).
fn other_order(order: Option<Order>) -> Order {
    match order {
        Some(Order::MonthFirst) => Order::DayFirst,
        _ => Order::MonthFirst,
    }
}

/// `false` when an element's machine-readable date and its text name different days
/// (`<time datetime="2026-02-24T04:13Z">February 23, 2026</time>`, a `title` that is not
/// the date shown; also on an element inside it): which one the page means is unclear.
/// `text_date` gives the date read from the element's text (asked only when an attribute
/// names one).
fn shows_one_day(cx: &Ctx<'_, '_>, ix: NodeIx, text_date: impl FnOnce() -> Option<Stamp>) -> bool {
    let attr = cx
        .doc
        .subtree(ix)
        .take(30)
        .find_map(|n| machine_date(cx, n));
    match (attr, attr.and_then(|_| text_date())) {
        (Some(a), Some(t)) => a.date == t.date,
        _ => true,
    }
}

/// `true` when the element, one inside it or one around it is a "today's date" widget
/// (`id="todays-date"`, `class="current-date"`): page furniture showing the day the page
/// was viewed, not when it was written.
fn shows_today(cx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    (ix.get()..cx.doc.end(ix).get())
        .take(20)
        .map(|i| NodeIx(i as u32))
        .chain(cx.doc.ancestors(ix).take(3))
        .any(|n| is_today_widget(cx, n))
}

/// Nodes of a link searched for a heading, at most.
const MAX_TEASER_NODES: usize = 200;

/// `true` when the element sits in a link that also holds a heading: a teaser card of
/// another page (`<a href="/other"><h3>Other story</h3><time>17 Jan 2019</time></a>`),
/// whose date is that page's. A permalink around the page's own date holds no heading.
fn in_teaser_link(cx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    cx.doc
        .ancestors(ix)
        .take(8)
        .find(|&a| cx.doc.is(a, Tag::A))
        .is_some_and(|a| {
            cx.doc
                .subtree(a)
                .take(MAX_TEASER_NODES)
                .any(|n| cx.doc.tag(n).is_some_and(|t| t.heading_level().is_some()))
        })
}

/// A date element in page furniture (a sidebar) that the page labels as its publication
/// date (`<h4>Published</h4> <time>15 November 2018</time>`): the article's facts box
/// laid out beside it. Read only when no other source names a day; comments and teaser
/// cards are left out.
fn labelled_aside_date(
    cx: &Ctx<'_, '_>,
    order: Option<Order>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<Stamp> {
    cx.page
        .times
        .iter()
        .chain(cx.page.datelines.iter())
        .filter(|c| c.aside)
        .take(MAX_VISIBLE_DATE_ELEMENTS)
        .filter(|c| !in_comments(cx, c.ix) && !in_teaser_link(cx, c.ix))
        .filter(|c| date_label(cx, c.ix) == DateLabel::Published)
        .find_map(|c| ok(element_date(cx, c.ix, order)))
}

/// `true` when the element's class or id names a "today's date" widget.
fn is_today_widget(cx: &Ctx<'_, '_>, n: NodeIx) -> bool {
    ["class", "id"].iter().any(|a| {
        cx.doc.attr(n, a).is_some_and(|v| {
            // Case-insensitive, without lowercasing a copy (this runs for every node near
            // the headline).
            let v = v.as_bytes();
            let starts = |at: usize, p: &[u8]| {
                v.get(at..at + p.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(p))
            };
            memchr::memchr2_iter(b'c', b'C', v).any(|i| {
                starts(i, b"current")
                    && (starts(i + 7, b"-date")
                        || starts(i + 7, b"_date")
                        || starts(i + 7, b"date"))
            }) || memchr::memchr2_iter(b't', b'T', v).any(|i| {
                // A word (run of ASCII letters and digits) starting with "today".
                let word_start = i
                    .checked_sub(1)
                    .and_then(|p| v.get(p))
                    .is_none_or(|c| !c.is_ascii_alphanumeric());
                word_start && starts(i, b"today")
            })
        })
    })
}

/// `true` when the element (or one inside it) is marked as a modification date:
/// `itemprop="dateModified"`, a class or id naming `updated` or `modified`.
fn marked_modified(cx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    (ix.get()..cx.doc.end(ix).get()).take(20).any(|i| {
        let n = NodeIx(i as u32);
        cx.doc
            .attr(n, "itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("datemodified"))
            || ["class", "id"].iter().any(|a| {
                cx.doc.attr(n, a).is_some_and(|v| {
                    let v = v.to_ascii_lowercase();
                    v.contains("updated") || v.contains("modified")
                })
            })
    })
}

/// Nodes after the headline's end (and before its start) within which a date element is
/// the headline's dateline.
const HEADLINE_AFTER_NODES: usize = 120;
const HEADLINE_BEFORE_NODES: usize = 40;

/// `true` when element `ix` sits right after (or right before) the headline `h1`, where
/// article pages put their dateline.
fn near_headline(cx: &Ctx<'_, '_>, h1: NodeIx, ix: NodeIx) -> bool {
    let (start, end, at) = (h1.get(), cx.doc.end(h1).get(), ix.get());
    (at >= end && at - end <= HEADLINE_AFTER_NODES)
        || (at < start && start - at <= HEADLINE_BEFORE_NODES)
}

/// Characters at the start of a window next to the headline read for an "updated" label.
const WINDOW_LABEL_CHARS: usize = 80;

/// About 300 characters of page text from node `from`, forwards or backwards.
fn window(cx: &Ctx<'_, '_>, from: usize, forward: bool) -> String {
    window_of(cx, from, forward, NEAR_H1_NODES, NEAR_H1_CHARS)
}

/// About `chars` characters of page text from node `from` (at most `nodes` nodes on),
/// forwards or backwards.
fn window_of(cx: &Ctx<'_, '_>, from: usize, forward: bool, nodes: usize, chars: usize) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut len = 0;
    // Whether an ancestor is a "today" widget or hidden, checked once per ancestor
    // (neighbouring texts share their parents).
    let mut furniture: Vec<(NodeIx, bool)> = Vec::new();
    let mut is_furniture = |a: NodeIx| {
        if let Some(&(_, f)) = furniture.iter().find(|(n, _)| *n == a) {
            return f;
        }
        let f = is_today_widget(cx, a) || styled_hidden(cx.doc, a);
        furniture.push((a, f));
        f
    };
    for k in 0..nodes {
        let i = if forward {
            from + k
        } else {
            match from.checked_sub(k + 1) {
                Some(i) => i,
                None => break,
            }
        };
        if i >= cx.doc.len() {
            break;
        }
        let ix = NodeIx(i as u32);
        if let Some(t) = cx.doc.text(ix) {
            let t = t.trim();
            if t.is_empty()
                || cx
                    .doc
                    .parent(ix)
                    .and_then(|p| cx.doc.tag(p))
                    .is_some_and(|t| matches!(t, Tag::Script | Tag::Style | Tag::Title))
                || cx.doc.ancestors(ix).take(3).any(&mut is_furniture)
            {
                continue;
            }
            len += t.len();
            parts.push(t);
            if len > chars {
                break;
            }
        }
    }
    if !forward {
        parts.reverse();
    }
    parts.join(" ")
}

/// Characters of a text that is nothing but a date, at most ("Apr 7, 2009", "23 mai 2019
/// 14:05").
const MAX_LONE_DATE_CHARS: usize = 32;

/// A date standing alone in its element (`<div class="x">Apr 7, 2009</div>`), the first one
/// outside page furniture: on pages with no dateline markup nor headline to anchor on, a
/// text that is only a date is the page's date stamp.
fn lone_date(
    cx: &Ctx<'_, '_>,
    order: Option<Order>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<Stamp> {
    cx.doc
        .all()
        .filter_map(|ix| cx.doc.text(ix).map(|t| (ix, t.trim())))
        .take(MAX_LABEL_SCAN_NODES)
        .filter(|(_, t)| {
            !t.is_empty()
                && t.len() <= MAX_LONE_DATE_CHARS * 2
                && t.chars().count() <= MAX_LONE_DATE_CHARS
                && t.bytes().any(|b| b.is_ascii_digit())
        })
        .filter(|(ix, _)| {
            !cx.page.in_aside(*ix)
                && !cx
                    .doc
                    .parent(*ix)
                    .and_then(|p| cx.doc.tag(p))
                    .is_some_and(|t| {
                        matches!(
                            t,
                            Tag::Script | Tag::Style | Tag::Title | Tag::Noscript | Tag::A
                        )
                    })
        })
        .find_map(|(_, t)| {
            // Nothing but the date: no words around it beyond a time.
            let letters = t.chars().filter(|c| c.is_alphabetic()).count();
            (letters <= 12)
                .then(|| ok(date::parse_text(t, order)))
                .flatten()
        })
}

/// Bytes of inline script text read for a date in script data, at most.
const MAX_SCRIPT_DATA_BYTES: usize = 256 * 1024;

/// The last resort for pages that show no date outside their scripts (single-page apps,
/// review pages rendered from a JSON island): a publication key in the inline script data,
/// `"datePublished":"…"`, `"publishDate":"…"`, `createdAt:"…"` (see
/// [`date::from_script_data`]). At most [`MAX_SCRIPT_DATA_BYTES`] of script text are read.
fn script_data_date(
    cx: &Ctx<'_, '_>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<Stamp> {
    let mut text = String::new();
    'scripts: for &ix in &cx.page.data_scripts {
        for t in cx.doc.children(ix).filter_map(|c| cx.doc.text(c)) {
            let room = MAX_SCRIPT_DATA_BYTES.saturating_sub(text.len());
            if room == 0 {
                break 'scripts;
            }
            text.push_str(collect::head(t, room));
        }
        text.push('\n');
    }
    date::from_script_data(&text, &|st| ok(Some(st)).is_some())
}

/// A date introduced by a label anywhere in the page's text ("Veröffentlicht am
/// 16.08.2019", "Published: May 3, 2020"), outside page furniture.
fn labelled_date(
    cx: &Ctx<'_, '_>,
    order: Option<Order>,
    ok: &dyn Fn(Option<Stamp>) -> Option<Stamp>,
) -> Option<(Stamp, DateLabel)> {
    let mut seen = 0;
    let mut updated = None;
    let texts: Vec<NodeIx> = cx
        .doc
        .all()
        .filter(|&ix| cx.doc.text(ix).is_some())
        .take(MAX_LABEL_SCAN_NODES)
        .collect();
    for (k, &ix) in texts.iter().enumerate() {
        seen += 1;
        if seen > MAX_LABEL_SCAN_NODES {
            break;
        }
        let Some(t) = cx.doc.text(ix) else { continue };
        if t.len() > 300 || t.trim().is_empty() {
            continue;
        }
        if cx
            .doc
            .parent(ix)
            .and_then(|p| cx.doc.tag(p))
            .is_some_and(|t| matches!(t, Tag::Script | Tag::Style | Tag::Title | Tag::Noscript))
        {
            continue;
        }
        let lower = t.to_lowercase();
        if !DATE_LABELS.iter().any(|l| lower.contains(l)) || cx.page.in_aside(ix) {
            continue;
        }
        let mut text = t.to_string();
        // The date may be in the next text node ("<span>Datum:</span> 26. Januar 2022");
        // the label is the one before the date, not one the next node starts with.
        let label = label_in(&text);
        if ok(date::parse_text(&text, order)).is_none()
            && let Some(n) = texts
                .iter()
                .skip(k + 1)
                .take(3)
                .filter_map(|&n| cx.doc.text(n))
                .find(|n| !n.trim().is_empty())
        {
            text.push(' ');
            text.push_str(n.get(..n.len().min(200)).unwrap_or(""));
        }
        if let Some(st) = ok(date::parse_text(&text, order)) {
            if label != DateLabel::Updated {
                return Some((st, label));
            }
            updated = updated.or(Some((st, label)));
        }
    }
    updated
}

/// The caption of the lead image: the `<figcaption>` of the figure showing it, else of the
/// first figure right after the headline.
fn figure_caption(cx: &Ctx<'_, '_>, image: Option<&str>, h1: Option<NodeIx>) -> Option<String> {
    let file_of = |u: &str| -> Option<String> {
        let path = u.split(['?', '#']).next()?;
        let name = path.rsplit('/').next()?;
        (name.len() >= 5).then(|| name.to_ascii_lowercase())
    };
    let want = image.and_then(file_of);
    let caption_of = |fig: NodeIx| -> Option<String> {
        let cap = cx
            .doc
            .subtree(fig)
            .find(|&d| cx.doc.is(d, Tag::Figcaption))?;
        let t = cx.text(cap, 1000);
        (!t.is_empty()).then_some(t)
    };
    if let Some(w) = &want {
        for &fig in &cx.page.figures {
            let shows = cx.doc.subtree(fig).any(|d| {
                cx.doc.is(d, Tag::Img)
                    && ["src", "data-src", "srcset"].iter().any(|a| {
                        cx.doc
                            .attr(d, a)
                            .is_some_and(|v| v.to_ascii_lowercase().contains(w.as_str()))
                    })
            });
            if shows && let Some(c) = caption_of(fig) {
                return Some(c);
            }
        }
    }
    // The first figure after the headline, inside the headline's container.
    let h1 = h1?;
    let container = cx.doc.ancestors(h1).nth(1)?;
    cx.page
        .figures
        .iter()
        .find(|&&f| f > h1 && cx.doc.contains(container, f))
        .and_then(|&f| caption_of(f))
}

/// Moves the metadata into the article and derives the text-based fields: the language
/// when the page does not declare one, and the word count.
pub(crate) fn apply(meta: Metadata, article: &mut Article, blocks: &[Block]) {
    let text = crate::output::text::render(blocks);
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
    if article.language.is_none()
        && let Some(l) = language::detect(&text)
    {
        article.language = Some(l);
        article.provenance.language = Some(Source::Text);
    }
    article.word_count = crate::dom::text::word_count(&text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_labels_are_the_last_of_either_list() {
        // The reading of one `rfind` per label, which the automaton replaces.
        let by_rfind = |text: &str| {
            let lower = text.to_lowercase();
            let last = |labels: &[&str]| labels.iter().filter_map(|l| lower.rfind(l)).max();
            match (last(PUBLISHED_LABELS), last(UPDATED_LABELS)) {
                (Some(p), Some(u)) if p > u => DateLabel::Published,
                (_, Some(_)) => DateLabel::Updated,
                (Some(_), None) => DateLabel::Published,
                (None, None) => DateLabel::None,
            }
        };
        for text in [
            "Published 3 May, updated 4 May",
            "Updated: 4 May. Published: 3 May",
            "Veröffentlicht am 3. Mai, zuletzt GEÄNDERT",
            "posted by x",
            "nothing here",
            "Mis à jour le 3 mai, mise en ligne le 2",
            "",
        ] {
            assert_eq!(label_in(text), by_rfind(text), "{text}");
        }
    }
    use crate::dom::parse::parse_document;

    /// The metadata of a page, with default options.
    fn meta_of(html: &str) -> Metadata {
        let html = parse_document(html);
        let doc = Doc::new(&html);
        extract(&doc, &Options::default(), None)
    }

    #[test]
    fn home_links() {
        for h in [
            "/",
            "https://example.com",
            "https://example.com/",
            "//example.com/index.html",
            "https://web.archive.org/web/2014/http://www.example.com/",
            "./",
        ] {
            assert!(is_home_href(h), "{h}");
        }
        for h in [
            "/2020/01/02/a-story/",
            "https://example.com/blog/post",
            "#top",
            "",
        ] {
            assert!(!is_home_href(h), "{h}");
        }
    }

    #[test]
    fn a_logo_heading_is_the_site_not_the_title() {
        let m = meta_of(
            r#"<title>Four Years » Blog Archive » Interning small integers</title>
            <h1><a href="https://fouryears.example/">Four Years</a></h1>
            <h2>Interning small integers</h2>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Interning small integers"));
        let m = meta_of(
            r#"<title>Money laundering uncovered in a bank – Watch</title>
            <h1 class="site-logo">Watch</h1><h1>Money laundering uncovered in a bank</h1>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Money laundering uncovered in a bank")
        );
        // Must not fire: a headline linking to its own page, or classed as a post title.
        let m = meta_of(
            r#"<title>A story of the day - Blog</title>
            <h1><a href="/2020/05/a-story/">A story of the day</a></h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("A story of the day"));
        let m = meta_of(
            r#"<title>Alcohol on a boat – learn the risks</title>
            <h1 class="entry-title aungblogtitle">Alcohol on a boat</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Alcohol on a boat"));
    }

    #[test]
    fn json_ld_name_when_the_headline_is_a_description() {
        let m = meta_of(
            r#"<title>Oak - Encyclopedia</title>
            <script type="application/ld+json">{"@type":"Article",
            "headline":"a kind of tree","name":"Oak"}</script><h1>Oak</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Oak"));
        assert_eq!(m.provenance.title, Some(Source::JsonLd));
    }

    #[test]
    fn dublin_core_title_before_open_graph_and_property_before_name() {
        // Neither is shown by the page: the curated Dublin Core title wins, and of a key
        // written both ways the `property` form.
        let m = meta_of(
            r#"<title>Title element</title>
            <meta name="og:title" content="Social name title">
            <meta name="DC.title" content="Catalogue name title">
            <meta property="dc:title" content="Catalogue property title">
            <meta property="og:title" content="Social property title">
            <h1>Unrelated heading</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Catalogue property title"));
        // Must not fire: without Dublin Core, the Open Graph `property` form wins over the
        // `name` form written first.
        let m = meta_of(
            r#"<title>Title element</title>
            <meta name="og:title" content="Social name title">
            <meta property="og:title" content="Social property title">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Social property title"));
        // Must not fire: an Open Graph title the <h1> shows beats a Dublin Core one.
        let m = meta_of(
            r#"<meta property="og:title" content="The headline shown here">
            <meta name="DC.title" content="A catalogue entry">
            <h1>The headline shown here</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The headline shown here"));
    }

    #[test]
    fn a_heading_permalink_mark_is_not_title_text() {
        let m = meta_of(
            r##"<title>Shared history — a tool</title>
            <h1>Shared history<a class="headerlink" href="#s">¶</a></h1>"##,
        );
        assert_eq!(m.title.as_deref(), Some("Shared history"));
        // Must not fire: a mark inside the heading stays.
        assert_eq!(
            without_permalink("The ¶ sign explained"),
            "The ¶ sign explained"
        );
    }

    #[test]
    fn every_microdata_headline_is_a_candidate() {
        let m = meta_of(
            r#"<p itemprop="headline">Site header</p>
            <h1 itemprop="headline">The story itself</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("The story itself"));
        assert_eq!(m.provenance.title, Some(Source::Microdata));
    }

    fn authors_of(html: &str) -> Vec<String> {
        meta_of(html).authors
    }

    #[test]
    fn seo_plugin_written_by_pair() {
        let a = authors_of(
            r#"<meta name="twitter:label1" content="Written by">
            <meta name="twitter:data1" content="Chase Bern">
            <meta name="twitter:label2" content="Est. reading time">
            <meta name="twitter:data2" content="4 minutes">"#,
        );
        assert_eq!(a, vec!["Chase Bern"]);
        // Must not fire: another label's data.
        let a = authors_of(
            r#"<meta name="twitter:label1" content="Est. reading time">
            <meta name="twitter:data1" content="4 minutes">"#,
        );
        assert!(a.is_empty());
    }

    #[test]
    fn a_personal_site_named_after_its_author() {
        let a = authors_of(
            r#"<meta property="og:site_name" content="Cory Dran">
            <meta name="author" content="Cory Dran"><h1>A post</h1>"#,
        );
        assert_eq!(a, vec!["Cory Dran"]);
    }

    #[test]
    fn the_site_is_cut_from_names_and_lists() {
        assert_eq!(
            without_site(vec!["Adam Aaron PhillyVoice".into()], Some("phillyvoice")),
            vec!["Adam Aaron"]
        );
        assert_eq!(
            without_site(
                vec!["Jane Doe".into(), "The Daily".into()],
                Some("thedaily")
            ),
            vec!["Jane Doe"]
        );
        // Must not fire: a team named with the site, or the site alone.
        assert_eq!(
            without_site(vec!["Redacción Diario X".into()], Some("diariox")),
            vec!["Redacción Diario X"]
        );
        assert_eq!(
            without_site(vec!["The Daily".into()], Some("thedaily")),
            vec!["The Daily"]
        );
    }

    #[test]
    fn weak_names_give_way_to_a_visible_byline() {
        let page = |meta: &str| {
            authors_of(&format!(
                r#"<link rel="canonical" href="https://www.l-mag.de/news/a">
                <meta name="author" content="{meta}"><h1>Title of the story</h1>
                <p class="byline">Par <span class="author">Loïc Le Clerc</span></p>"#
            ))
        };
        assert_eq!(page("Loïc"), vec!["Loïc Le Clerc"]);
        assert_eq!(page("L-MAG"), vec!["Loïc Le Clerc"]);
        assert_eq!(page("JF"), vec!["Loïc Le Clerc"]);
        // Must not fire: a full name in the meta tag wins.
        assert_eq!(page("Jane Doe"), vec!["Jane Doe"]);
        assert!(!weak_names(&["孔德明".into()], None, &[]));
        assert_eq!(host_keys("https://www.l-mag.de/x"), vec!["lmag"]);
    }

    #[test]
    fn byline_pieces_laid_out_apart() {
        let a = authors_of(
            r#"<h1>Story</h1><div class="author"><span>Sean Peek</span><span>Senior
            Analyst</span><span>Updated May 3, 2024</span></div>"#,
        );
        assert_eq!(a, vec!["Sean Peek"]);
        let a = authors_of(
            r#"<h1>Story</h1><div class="author-info"><h4>Teufel Blog Redaktion</h4>
            <p>Alles über Lautsprecher</p></div>"#,
        );
        assert_eq!(a, vec!["Teufel Blog Redaktion"]);
        // Must not fire: words parted by a space stay one name.
        let a = authors_of(
            r#"<h1>Story</h1><div class="author"><span>Jane</span> <span>Doe</span></div>"#,
        );
        assert_eq!(a, vec!["Jane Doe"]);
    }

    #[test]
    fn an_author_box_with_a_biography_gives_its_heading() {
        let bio = "Martin writes about money and cars. ".repeat(10);
        let a = authors_of(&format!(
            r#"<h1>Story</h1><div class="author-bio"><h3>Martin Junk</h3><p>{bio}</p></div>"#
        ));
        assert_eq!(a, vec!["Martin Junk"]);
    }

    #[test]
    fn labels_read_the_text_after_them() {
        let a = authors_of(
            r#"<h1>Story</h1><div><span>Datum:</span> 19.11.2021<br>
            <span>Autor:</span> Fritz Imhof<br><span>Quelle:</span> Livenet</div>"#,
        );
        assert_eq!(a, vec!["Fritz Imhof"]);
        let long = "Symbolgrafik und mehr Text in diesem Absatz. ".repeat(4);
        let a = authors_of(&format!(
            r#"<h1>Story</h1><div>{long}<br>Autor: <a href="/ra/">Rechtsanwalt</a> Sebastian Ein</div>"#
        ));
        assert_eq!(a, vec!["Sebastian Ein"]);
        // Must not fire: a menu entry named like a label.
        let a = authors_of(
            r#"<h1>Story</h1><ul><li><a href="/i">Interview</a></li>
            <li><a href="/v">Veranstaltung</a></li></ul>"#,
        );
        assert!(a.is_empty());
    }

    #[test]
    fn headings_are_no_bylines_unless_they_say_so() {
        let a = authors_of(r#"<h1>Story</h1><h3>Von Sprachregeln, Gender-Politik und mehr</h3>"#);
        assert!(a.is_empty());
        let a = authors_of(r#"<h1>Story</h1><h3>Written by Cassidy Hort</h3>"#);
        assert_eq!(a, vec!["Cassidy Hort"]);
    }

    #[test]
    fn the_source_of_an_agency_story() {
        let a = authors_of(r#"<h1>Story</h1><p>Text.</p><p>Quelle: kathpress</p>"#);
        assert_eq!(a, vec!["kathpress"]);
        // Must not fire over a byline.
        let a =
            authors_of(r#"<h1>Story</h1><p>Von Anna Berg</p><p>Text.</p><p>Quelle: kathpress</p>"#);
        assert_eq!(a, vec!["Anna Berg"]);
    }

    #[test]
    fn a_dateline_with_the_byline() {
        assert_eq!(
            dated_name("25.10.2022 - Reiner Nag").as_deref(),
            Some("Reiner Nag")
        );
        assert_eq!(
            dated_name("Aaron Rica | Senior Writer | July 2, 2025").as_deref(),
            Some("Aaron Rica")
        );
        assert_eq!(
            dated_name("06.11.2023 13:30 von Olga").as_deref(),
            Some("Olga")
        );
        // Must not fire: no date, a lower-case phrase, or the name before a lead-in word.
        assert_eq!(dated_name("Home - About Us"), None);
        assert_eq!(dated_name("3 May 2020 - read more"), None);
        assert_eq!(
            dated_name("Written by Miami Today on November 7, 2023"),
            None
        );
    }

    #[test]
    fn comment_authors_are_not_the_authors() {
        let a = authors_of(
            r#"<h1>Story</h1><p>Text.</p><div class="comments"><div>
            <span itemprop="author"><span itemprop="name">link78</span></span></div></div>"#,
        );
        assert!(a.is_empty());
        let a = authors_of(
            r#"<h1>Story</h1><footer><span itemprop="author"><span itemprop="name">Nico
            Perri</span></span></footer>"#,
        );
        assert_eq!(a, vec!["Nico Perri"]);
    }

    #[test]
    fn a_licence_attribution_is_a_last_resort() {
        let cc = r#"<p>Ein Tagebuch von <a href="/" rel="cc:attributionURL">Donald Town</a></p>"#;
        assert_eq!(
            authors_of(&format!("<h1>Story</h1>{cc}")),
            vec!["Donald Town"]
        );
        assert_eq!(
            authors_of(&format!(
                r#"<meta name="author" content="Andrea"><h1>Story</h1>{cc}"#
            )),
            vec!["Andrea"]
        );
    }

    fn published_of(html: &str) -> Option<String> {
        meta_of(html).published
    }

    #[test]
    fn a_page_showing_only_its_update_has_that_date() {
        let p = published_of(
            r#"<h1>Story</h1><p class="post-date">Updated October 8, 2025</p><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2025-10-08"));
        // Must not fire: a publication date shown beside it wins.
        let p = published_of(
            r#"<h1>Story</h1><p class="post-date">Updated October 8, 2025</p>
            <p class="date">Published May 3, 2024</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn the_date_next_to_the_headline_outweighs_one_structured_date() {
        let og = r#"<meta property="article:published_time" content="2013-03-11T11:11:07-07:00">"#;
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p class="byline"><time datetime="2023-03-20">March 20, 2023</time></p>
            <p>Text.</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2023-03-20"));
        // Must not fire: two structured dates agreeing outweigh it.
        let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org",
            "@type":"NewsArticle","headline":"Story",
            "datePublished":"2013-03-11T11:11:07-07:00"}</script>"#;
        let p = published_of(&format!(
            r#"{ld}{og}<h1>Story</h1><p class="byline"><time datetime="2023-03-20">March 20, 2023</time></p>"#
        ));
        assert_eq!(p.as_deref(), Some("2013-03-11T11:11:07-07:00"));
        // Must not fire: a date marked as the modification date (after a dek, out of reach
        // of the text read right below the headline).
        let dek = "A long dek without any date in it. ".repeat(10);
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p>{dek}</p><p class="meta"><span class="updated">2023-03-20</span></p>"#
        ));
        assert_eq!(p.as_deref(), Some("2013-03-11T11:11:07-07:00"));
    }

    #[test]
    fn a_dateline_whose_attribute_and_text_disagree_is_no_headline_date() {
        let p = published_of(
            r#"<meta property="article:published_time" content="2026-02-23T20:13:00-08:00">
            <h1>Story</h1><span class="date"><time datetime="2026-02-24T04:13:00Z">February 23,
            2026</time></span><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2026-02-23T20:13:00-08:00"));
        let p = published_of(
            r#"<meta property="article:published_time" content="2015-09-17T16:57:43+01:00">
            <h1>Story</h1><ul class="meta"><li title="24 December 2015 17:00">Friday 25
            December 2015</li></ul><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2015-09-17T16:57:43+01:00"));
    }

    #[test]
    fn a_day_in_the_url_path_goes_before_the_page_text() {
        let p = published_of(
            r#"<link rel="canonical" href="https://example.org/2007/05/20/results-19-5-2007/">
            <h1>Results 19.5.2007</h1><p class="date">19.5.2007</p><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2007-05-20"));
        // Must not fire against a date the page and its metadata agree on.
        let p = published_of(
            r#"<link rel="canonical" href="https://example.org/2007/05/20/results/">
            <meta property="article:published_time" content="2007-05-19T10:00:00+02:00">
            <h1>Results</h1><p class="date">19.5.2007</p><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2007-05-19T10:00:00+02:00"));
    }

    #[test]
    fn an_ambiguous_day_is_read_the_way_the_page_agrees_with() {
        let og = r#"<meta property="article:published_time" content="2024-09-10T16:07:00+00:00">"#;
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p class="post-date">09.10.2024</p><p>Text.</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2024-09-10T16:07:00+00:00"));
        // Must not fire on a date that cannot be swapped.
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p class="post-date">19.10.2024</p><p>Text.</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2024-10-19"));
    }

    #[test]
    fn an_empty_time_element_is_no_visible_date() {
        let p = published_of(
            r#"<meta property="article:published_time" content="2022-12-04T15:00:00+01:00">
            <h1>Story</h1><time itemprop="datePublished" datetime="2022-12-06T14:42:13+01:00">
            </time><p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2022-12-04T15:00:00+01:00"));
        // Must not fire: the same element with text is the headline's dateline.
        let p = published_of(
            r#"<meta property="article:published_time" content="2022-12-04T15:00:00+01:00">
            <h1>Story</h1><time datetime="2022-12-06T14:42:13+01:00">6. Dezember 2022</time>
            <p>Text.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2022-12-06T14:42:13+01:00"));
    }

    #[test]
    fn a_drupal_submitted_block_is_a_dateline() {
        let long = "Ein langer Text ohne jedes Datum, der weitergeht und weitergeht. ".repeat(20);
        let block = r#"<div class="submitted">Gespeichert von <span>jane</span> am 24. Juli
            2017 - 18:55</div>"#;
        let p = published_of(&format!(r#"<h1>Story</h1><p>{long}</p>{block}"#));
        assert_eq!(p.as_deref(), Some("2017-07-24T18:55:00"));
        // Must not fire in the comments.
        let p = published_of(&format!(
            r#"<h1>Story</h1><p>{long}</p><div class="comments">{block}</div>{}"#,
            "<p>More text.</p>".repeat(40)
        ));
        assert_eq!(p, None);
    }

    #[test]
    fn a_slashed_date_in_the_future_is_read_the_other_way() {
        let of = |html: &str| {
            let html = parse_document(html);
            let doc = Doc::new(&html);
            let opts = Options::default().reference_date("2026-03-20");
            extract(&doc, &opts, None).published
        };
        // An English page reads 12/03/2026 month first: 3 December, after the reference.
        let p = of(
            r#"<html lang="en"><h1>Story</h1><p class="date">Jane Doe - 12/03/2026</p>
            <p>Text.</p></html>"#,
        );
        assert_eq!(p.as_deref(), Some("2026-03-12"));
        // Must not fire when the usual reading is in range.
        let p = of(
            r#"<html lang="en"><h1>Story</h1><p class="date">Jane Doe - 03/12/2026</p>
            <p>Text.</p></html>"#,
        );
        assert_eq!(p.as_deref(), Some("2026-03-12"));
    }

    #[test]
    fn a_vendor_prefixed_publication_meta() {
        let p = published_of(
            r#"<meta name="w-published-date" content="2025-05-27T06:03:43Z"><h1>Story</h1>"#,
        );
        assert_eq!(p.as_deref(), Some("2025-05-27T06:03:43+00:00"));
        // Must not fire over a meta with a known name, nor on a modification date.
        let p = published_of(
            r#"<meta name="date" content="2020-01-02"><meta name="w-published-date"
            content="2025-05-27T06:03:43Z"><h1>Story</h1>"#,
        );
        assert_eq!(p.as_deref(), Some("2020-01-02"));
        let p = published_of(
            r#"<meta name="w-modified-publish-date" content="2025-05-27"><h1>Story</h1>"#,
        );
        assert_eq!(p, None);
    }

    #[test]
    fn an_aside_holding_the_article_meta_is_no_furniture() {
        let page = |aside: &str| {
            format!(
                r#"<meta name="date" content="2022-01-26T14:32:06+02:00"><h1>Story</h1>
                <p>{}</p><aside class="{aside}"><p><time datetime="2022-01-21">21.01.2022 -
                13:30</time></p></aside>{}"#,
                "An intro without a date. ".repeat(20),
                "<p>Body text of the article.</p>".repeat(40)
            )
        };
        assert_eq!(published_of(&page("meta")).as_deref(), Some("2022-01-21"));
        // Must not fire: a sidebar is furniture.
        assert_eq!(
            published_of(&page("sidebar")).as_deref(),
            Some("2022-01-26T14:32:06+02:00")
        );
    }

    #[test]
    fn a_label_after_the_first_date_does_not_mark_it() {
        let og = r#"<meta property="article:modified_time" content="2025-12-07T13:33:15Z">"#;
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p class="date">December 3, 2025. <i>Updated: December 7,
            2025</i></p><p>Text.</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2025-12-03"));
        // Must not fire: a label before the first date still marks it.
        let p = published_of(&format!(
            r#"{og}<h1>Story</h1><p>A dek. </p><p class="date">Updated: December 7, 2025</p>
            <p class="date">Published May 3, 2024</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2024-05-03"));
    }

    #[test]
    fn a_date_only_in_script_data_as_a_last_resort() {
        let island = r#"<script type="application/json">{"publishedDate":"2016-11-04T20:37:27Z","updatedDate":"2016-11-05T20:39:47Z"}</script>"#;
        let p = published_of(&format!("{island}<h1>Review</h1><p>Great service.</p>"));
        assert_eq!(p.as_deref(), Some("2016-11-04T20:37:27+00:00"));
        let nuxt =
            r#"<script>window.__NUXT__={data:[{kicker:"Interview",date:"2022-01-28"}]}</script>"#;
        let p = published_of(&format!("<h1>Interview</h1><p>Text.</p>{nuxt}"));
        assert_eq!(p.as_deref(), Some("2022-01-28"));
        // Must not fire over a date the page shows, nor read a script's `src` or other keys.
        let p = published_of(&format!(
            "{island}<h1>Review</h1><p><time>March 3, 2017</time></p>"
        ));
        assert_eq!(p.as_deref(), Some("2017-03-03"));
        let p = published_of(
            r#"<script>var s={"updateDate":"2016-11-04","lastdate":"2016-11-04"}</script><h1>X</h1>"#,
        );
        assert_eq!(p, None);
    }

    #[test]
    fn a_page_without_h1_anchors_on_the_element_showing_its_title() {
        let head = "<title>Drama tour ends in the capital</title>";
        let p = published_of(&format!(
            "{head}<table><tr><td><b>Drama tour ends in the capital</b></td></tr>
            <tr><td>News Channel ( 2012-06-04 09:20:26 )</td></tr></table><p>Story.</p>"
        ));
        assert_eq!(p.as_deref(), Some("2012-06-04T09:20:26"));
        // Must not fire when no element shows the title.
        let p = published_of(&format!(
            "{head}<table><tr><td><b>Another story</b></td></tr>
            <tr><td>News Channel ( 2012-06-04 09:20:26 )</td></tr></table><p>Story.</p>"
        ));
        assert_eq!(p, None);
    }

    #[test]
    fn the_first_date_below_the_headline_as_a_last_resort() {
        let teaser = "Ein langer Vorspann ohne jedes Datum, der weitergeht. ".repeat(8);
        let p = published_of(&format!(
            r#"<h1>Story</h1><p>{teaser}</p><p>Von Claudia Lind 27.1.2022 - Bei der …</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2022-01-27"));
        // Must not fire over a date the page's metadata gives.
        let p = published_of(&format!(
            r#"<meta property="article:published_time" content="2021-05-04T10:00:00Z">
            <h1>Story</h1><p>{teaser}</p><p>Von Claudia Lind 27.1.2022 - Bei der …</p>"#
        ));
        assert_eq!(p.as_deref(), Some("2021-05-04T10:00:00+00:00"));
    }

    #[test]
    fn a_label_belongs_to_the_date_after_it() {
        let p = published_of(
            r#"<div><p>Letzte Änderung: 31.10.2023 - 14:49:39</p>
            <p>Erschienen am: 01.11.2023</p></div>"#,
        );
        assert_eq!(p.as_deref(), Some("2023-11-01"));
        let p = published_of(r#"<div><span>Erscheinungsdatum</span> 25.01.2022</div>"#);
        assert_eq!(p.as_deref(), Some("2022-01-25"));
        // Must not fire: a change date alone is still the page's date.
        let p = published_of(r#"<div><p>Letzte Änderung: 14.01.2022 um 09:25</p></div>"#);
        assert_eq!(p.as_deref().map(|d| d.get(..10)), Some(Some("2022-01-14")));
    }

    #[test]
    fn a_date_alone_in_its_element_as_a_last_resort() {
        let p = published_of(
            r#"<div style="float:right"><div style="font-size:11px">Apr 7, 2009</div>
            <b>This week's theme</b></div><p>maudlin, adjective: overly sentimental.</p>"#,
        );
        assert_eq!(p.as_deref(), Some("2009-04-07"));
        // Must not fire on a date inside a sentence, in a link, or in page furniture.
        let p = published_of(
            r#"<p>The law passed on April 7, 2009 after a long debate in parliament.</p>
            <a href="/archive">Apr 7, 2009</a><footer><p>Apr 7, 2009</p></footer>"#,
        );
        assert_eq!(p, None);
    }

    #[test]
    fn a_label_and_its_date_in_separate_elements() {
        // A credits list: the label and the date in sibling paragraphs, whitespace between.
        let p = published_of(
            "<ul><li><p>Mise en ligne</p>\n\t\t<p>23 mai 2019</p></li></ul><p>Texte.</p>",
        );
        assert_eq!(p.as_deref(), Some("2019-05-23"));
        let p = published_of(
            "<p>Dieser Eintrag wurde am <nobr>19. Mai 2010</nobr> um <nobr>23:02</nobr> gepostet.</p>",
        );
        assert_eq!(p.as_deref(), Some("2010-05-19"));
        // Must not fire: a date far after the label is not its date.
        let p = published_of(
            "<p>Mise en ligne</p><p>a</p><p>b</p><p>c</p><p>Le festival du 23 mai 2019 a réuni du monde.</p>",
        );
        assert_eq!(p, None);
    }

    #[test]
    fn a_utc_time_near_midnight_is_the_day_shown_only_in_the_possible_direction() {
        let page = |stamp: &str, shown: &str| {
            published_of(&format!(
                r#"<meta property="article:published_time" content="{stamp}">
                <meta name="date" content="{stamp}">
                <h1>Story</h1><p class="byline"><time>{shown}</time></p><p>Text.</p>"#
            ))
        };
        // Early in the UTC day: the evening before, west of UTC.
        let p = page("2021-12-10T02:17:00+00:00", "December 9, 2021");
        assert_eq!(p.as_deref().map(|d| &d[..10]), Some("2021-12-09"));
        // Must not fire: late in the UTC day is nowhere the day before.
        let p = page("2024-08-01T16:53:14+00:00", "July 31, 2024");
        assert_eq!(p.as_deref().map(|d| &d[..10]), Some("2024-08-01"));
    }

    #[test]
    fn a_comment_microdata_date_is_no_publication_date() {
        let comment = r#"<div class="comment-metadata"><time datetime="2022-07-11T18:56:58+00:00"
            itemprop="datePublished">July 11, 2022</time></div>"#;
        let body = "<p>A paragraph of the story without any date in it.</p>".repeat(12);
        let p = published_of(&format!(
            r#"<h1>Story</h1>{body}<div><b>Published:</b> May 25, 2025</div>{comment}"#
        ));
        assert_eq!(p.as_deref(), Some("2025-05-25"));
        // Must not fire: the article's own microdata date.
        let p = published_of(
            r#"<h1>Story</h1><div class="meta"><meta itemprop="datePublished" content="2022-07-11"></div>"#,
        );
        assert_eq!(p.as_deref(), Some("2022-07-11"));
    }

    #[test]
    fn a_todays_date_widget_is_no_dateline() {
        let body = "<p>A paragraph of the story without any date in it.</p>".repeat(12);
        let p = published_of(&format!(
            r#"<div class="block-date"><p id="todays-date">Friday, December 19, 2025</p></div>
            <h1>Story</h1>{body}<div class="field">12.12.2025</div>"#
        ));
        assert_eq!(p.as_deref(), Some("2025-12-12"));
        // Must not fire: a dateline without the widget's name.
        let p = published_of(&format!(
            r#"<div class="block-date"><p id="post-date">Friday, December 19, 2025</p></div>
            <h1>Story</h1>{body}<div class="field">12.12.2025</div>"#
        ));
        assert_eq!(p.as_deref(), Some("2025-12-19"));
    }

    #[test]
    fn a_canonical_link_holding_prose_is_no_url() {
        let meta = |canonical: &str| {
            meta_of(&format!(
                r#"<link rel="canonical" href="{canonical}">
                <meta property="og:url" content="https://example.com/blog/2023/october/03/story">
                <h1>Story</h1>"#
            ))
        };
        let m = meta("What are the different types of wine?");
        assert_eq!(
            m.url.as_deref(),
            Some("https://example.com/blog/2023/october/03/story")
        );
        assert_eq!(m.published.as_deref(), Some("2023-10-03"));
        // Must not fire: a canonical URL.
        let m = meta("https://example.com/story");
        assert_eq!(m.url.as_deref(), Some("https://example.com/story"));
    }

    #[test]
    fn a_hidden_date_beside_the_headline_is_no_dateline() {
        let page = |style: &str| {
            published_of(&format!(
                r#"<meta property="article:published_time" content="2022-02-16T07:53:25+00:00">
                <h1>Story</h1><div class="entry-meta"><span style="{style}">
                <span class="post_date">27 September, 2023</span></span> By Jack</div><p>Text.</p>"#
            ))
        };
        assert_eq!(
            page("display: none;").as_deref(),
            Some("2022-02-16T07:53:25+00:00")
        );
        // Must not fire: the same date shown.
        assert_eq!(page("color: grey").as_deref(), Some("2023-09-27"));
    }

    #[test]
    fn a_dateline_showing_the_modification_day_is_the_update() {
        let page = |modified: &str| {
            published_of(&format!(
                r#"<meta property="article:published_time" content="2024-12-30T19:34:50+00:00">
                {modified}<h1>Story</h1><p class="post-date">June 2, 2025</p><p>Text.</p>"#
            ))
        };
        let p =
            page(r#"<meta property="article:modified_time" content="2025-06-02T15:26:59+00:00">"#);
        assert_eq!(p.as_deref(), Some("2024-12-30T19:34:50+00:00"));
        // Must not fire: no modification date says what the dateline is.
        assert_eq!(page("").as_deref(), Some("2025-06-02"));
        // Must not fire: the modification date is another day.
        let p =
            page(r#"<meta property="article:modified_time" content="2025-07-01T10:00:00+00:00">"#);
        assert_eq!(p.as_deref(), Some("2025-06-02"));
    }

    #[test]
    fn a_date_labelled_published_outweighs_one_structured_date() {
        let dek = "<p>A paragraph of the story without any date in it.</p>".repeat(80);
        let page = |label: &str| {
            published_of(&format!(
                r#"<meta property="article:published_time" content="2025-08-08T00:00:00-04:00">
                <h1>Story</h1>{dek}<div class="article-body__published">{label}
                <time datetime="2025-08-13">August 13, 2025</time></div>"#
            ))
        };
        assert_eq!(page("Published").as_deref(), Some("2025-08-13"));
        // Must not fire: an unlabelled date away from the headline.
        assert_eq!(page("").as_deref(), Some("2025-08-08T00:00:00-04:00"));
    }

    #[test]
    fn a_teaser_card_date_is_another_pages() {
        let body = "<p>A paragraph of the guide without any date in it.</p>".repeat(80);
        let page = |heading: &str| {
            published_of(&format!(
                r#"<h1>Guide</h1>{body}<a href="/other">{heading}
                <span><time datetime="2019-01-17T12:00:00Z">17 Jan 2019</time></span></a>
                <div class="sidebar"><h4>Published</h4>
                <time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div>"#
            ))
        };
        assert_eq!(
            page("<h3>Other guide</h3>").as_deref(),
            Some("2018-11-15T12:00:00+00:00")
        );
        // Must not fire: a permalink around the page's own date.
        assert_eq!(page("").as_deref(), Some("2019-01-17T12:00:00+00:00"));
    }

    #[test]
    fn a_sidebar_date_labelled_published_as_a_last_resort() {
        let body = "<p>A paragraph of the guide without any date in it.</p>".repeat(80);
        let page = |label: &str| {
            published_of(&format!(
                r#"<h1>Guide</h1>{body}<div class="sidebar"><div><h4>{label}</h4>
                <time datetime="2018-11-15T12:00:00Z">15 November 2018</time></div></div>"#
            ))
        };
        assert_eq!(
            page("Published").as_deref(),
            Some("2018-11-15T12:00:00+00:00")
        );
        // Must not fire: an unlabelled sidebar date is furniture.
        assert_eq!(page("Popular").as_deref(), None);
    }
}
