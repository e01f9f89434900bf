//! The title: reconcile `<title>`, `og:title`, JSON-LD `headline` and `<h1>`, without the
//! site name.

use crate::article::Source;
use crate::dom::text::{collapse, fold};
use crate::dom::{Doc, Tag};

/// Separators between a title and a site name in `<title>`.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " « ", " » ", " :: ", " · ", " / ", " • ", " ~ ",
];

/// The best title and its source.
pub(crate) fn title(doc: &Doc<'_>, headline: Option<&str>) -> Option<(String, Source)> {
    let meta = |key: &str| -> Option<String> {
        doc.all().find_map(|ix| {
            if !doc.is(ix, Tag::Meta) {
                return None;
            }
            let k = doc.attr(ix, "property").or_else(|| doc.attr(ix, "name"))?;
            if !k.trim().eq_ignore_ascii_case(key) {
                return None;
            }
            doc.attr(ix, "content")
                .map(collapse)
                .filter(|s| !s.is_empty())
        })
    };
    let og = meta("og:title").or_else(|| meta("twitter:title"));
    let head_title = doc
        .find(Tag::Title)
        .map(|t| {
            collapse(
                &doc.children(t)
                    .filter_map(|c| doc.text(c))
                    .collect::<String>(),
            )
        })
        .filter(|s| !s.is_empty());
    let h1 = doc
        .all()
        .filter(|ix| doc.is(*ix, Tag::H1))
        .map(|ix| {
            collapse(
                &doc.subtree(ix)
                    .filter_map(|c| doc.text(c))
                    .collect::<String>(),
            )
        })
        .find(|s| !s.is_empty());
    let headline = headline.map(collapse).filter(|s| !s.is_empty());

    // Prefer a title confirmed by two sources.
    let candidates: Vec<(String, Source)> = [
        headline.clone().map(|t| (t, Source::JsonLd)),
        og.clone().map(|t| (t, Source::OpenGraph)),
        h1.clone().map(|t| (t, Source::Dom)),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(ht) = &head_title {
        for (c, src) in &candidates {
            let fc = fold(c);
            if !fc.is_empty() && fold(ht).contains(&fc) {
                return Some((strip_site(c, None), *src));
            }
        }
    }
    if let Some((c, src)) = candidates.first() {
        return Some((strip_site(c, None), *src));
    }
    head_title.map(|t| (strip_site(&t, h1.as_deref()), Source::Dom))
}

/// Removes a site name joined to the title with a separator ("X | Site", "Site - X").
pub(crate) fn strip_site(title: &str, hint: Option<&str>) -> String {
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = title
            .split(sep)
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() < 2 {
            continue;
        }
        if let Some(h) = hint {
            let fh = fold(h);
            if let Some(p) = parts.iter().find(|p| fold(p) == fh) {
                return (*p).to_string();
            }
        }
        // Keep the longest part when it is clearly the title (several words).
        if let Some(best) = parts.iter().max_by_key(|p| p.chars().count())
            && best.split_whitespace().count() >= 3
        {
            if parts.len() == 2 {
                return (*best).to_string();
            }
            // "A | B | Site": drop only the last part.
            let last = parts.len() - 1;
            return parts.get(..last).map(|p| p.join(sep)).unwrap_or_default();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_names() {
        assert_eq!(
            strip_site("US talks meant to build trust | The Kyiv Independent", None),
            "US talks meant to build trust"
        );
        assert_eq!(
            strip_site("Site - The real title of the story", None),
            "The real title of the story"
        );
        assert_eq!(strip_site("Short | Site", Some("Short")), "Short");
        assert_eq!(strip_site("No separator here", None), "No separator here");
    }
}
