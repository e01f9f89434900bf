//! JSON-LD (`<script type="application/ld+json">`): the article object among the blocks.

use serde_json::Value;

use crate::dom::{Doc, Tag};

/// Bytes of one JSON-LD block parsed at most; larger blocks are skipped.
const MAX_BLOCK_BYTES: usize = 1024 * 1024;
/// JSON-LD blocks read at most per page.
const MAX_BLOCKS: usize = 16;

/// What the JSON-LD blocks say about the article.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    pub article_body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "Review",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "MedicalScholarlyArticle",
    "Recipe",
    "HowTo",
    "WebPage",
    "Blog",
    "Posting",
];

/// Reads every JSON-LD block of the page (bounded) and picks the article object.
pub(crate) fn read(doc: &Doc<'_>) -> JsonLd {
    let mut out = JsonLd::default();
    let mut blocks = 0;
    for ix in doc.all() {
        if !doc.is(ix, Tag::Script) {
            continue;
        }
        let is_ld = doc
            .attr(ix, "type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        blocks += 1;
        if blocks > MAX_BLOCKS {
            break;
        }
        let text: String = doc.children(ix).filter_map(|c| doc.text(c)).collect();
        if text.len() > MAX_BLOCK_BYTES {
            continue;
        }
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        // Iterative walk over objects, arrays and @graph.
        let mut stack = vec![&value];
        let mut visited = 0;
        while let Some(v) = stack.pop() {
            visited += 1;
            if visited > 10_000 {
                break;
            }
            match v {
                Value::Array(items) => stack.extend(items.iter()),
                Value::Object(map) => {
                    if is_article(map.get("@type")) {
                        if out.headline.is_none() {
                            out.headline = map
                                .get("headline")
                                .and_then(Value::as_str)
                                .map(str::to_string);
                        }
                        if out.article_body.is_none() {
                            out.article_body = map
                                .get("articleBody")
                                .and_then(Value::as_str)
                                .map(str::to_string);
                        }
                    }
                    if let Some(g) = map.get("@graph") {
                        stack.push(g);
                    }
                }
                _ => {}
            }
        }
    }
    out
}

fn is_article(t: Option<&Value>) -> bool {
    match t {
        Some(Value::String(s)) => ARTICLE_TYPES.contains(&s.as_str()),
        Some(Value::Array(a)) => a
            .iter()
            .any(|v| v.as_str().is_some_and(|s| ARTICLE_TYPES.contains(&s))),
        _ => false,
    }
}
