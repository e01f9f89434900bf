//! The title: reconcile JSON-LD `headline`, `og:title` and other title metas, `<h1>` and
//! `<title>`, without the site name ("X | The Kyiv Independent" → "X", "Site - X",
//! "X « Blog").

use crate::article::Source;
use crate::dom::text::fold;

/// Separators between a title and a site name, most common first.
const SEPARATORS: &[&str] = &[
    " | ", " – ", " — ", " - ", " « ", " » ", " :: ", " · ", " • ", " ~ ", " / ", " // ", " || ",
    " > ", ": ",
];
/// Longest accepted title, in characters.
const MAX_TITLE_CHARS: usize = 400;

/// A title candidate: text and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub text: String,
    pub source: Source,
}

/// What the title is chosen from.
#[derive(Debug, Default)]
pub(crate) struct Inputs {
    /// Titles from structured data, best first: JSON-LD headline, `og:title`,
    /// `twitter:title`, Dublin Core, parsely, microdata `headline`.
    pub structured: Vec<Cand>,
    /// Text of the `<h1>` elements outside page furniture, in page order.
    pub h1s: Vec<String>,
    /// The `<title>` element.
    pub head_title: Option<String>,
    /// The site name, when known (to strip it).
    pub site_name: Option<String>,
}

/// The best title and its source.
pub(crate) fn choose(inp: &Inputs) -> Option<(String, Source)> {
    let site = inp.site_name.as_deref();
    let head = inp.head_title.as_deref().filter(|t| !t.is_empty());
    let head_key = head.map(fold).unwrap_or_default();
    let structured: Vec<&Cand> = inp
        .structured
        .iter()
        .filter(|c| !fold(&c.text).is_empty())
        .collect();
    // An h1 confirmed by another source is the visible headline.
    // Several may be: the site's logo is often an <h1> too; the longest is the headline.
    let h1 = inp
        .h1s
        .iter()
        .filter(|h| {
            let k = fold(h);
            k.chars().count() >= 4
                && site.is_none_or(|s| fold(s) != k)
                && (structured.iter().any(|c| similar(&fold(&c.text), &k))
                    || (!head_key.is_empty() && head_key.contains(&k)))
        })
        .max_by_key(|h| h.chars().count());
    // A structured title the page confirms (an <h1> or the <title> shows it) beats one it
    // does not (JSON-LD `headline` is sometimes a description or a kicker).
    let confirmed = |c: &&&Cand| {
        let k = fold(&c.text);
        inp.h1s.iter().any(|h| similar(&fold(h), &k))
            || (!head_key.is_empty() && k.chars().count() >= 4 && head_key.contains(&k))
    };
    let pick = structured
        .iter()
        .find(confirmed)
        .or_else(|| structured.first());
    if let Some(c) = pick {
        let cleaned = strip_site(&c.text, site, h1.map(String::as_str));
        // A structured title that merely names the site is no title.
        if site.is_none_or(|s| fold(s) != fold(&cleaned)) {
            return Some((cap(&cleaned), c.source));
        }
    }
    if let Some(h) = h1 {
        return Some((cap(h), Source::Dom));
    }
    if let Some(t) = head {
        let first_h1 = inp.h1s.first().map(String::as_str);
        let cleaned = strip_site(t, site, first_h1);
        if !fold(&cleaned).is_empty() {
            return Some((cap(&cleaned), Source::Dom));
        }
    }
    inp.h1s
        .iter()
        .find(|h| fold(h).chars().count() >= 4)
        .map(|h| (cap(h), Source::Dom))
}

/// `true` when two folded titles are the same or one is the other plus a short affix.
fn similar(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() >= 10 && long.contains(short) && short.len() * 10 >= long.len() * 6
}

fn cap(s: &str) -> String {
    if s.chars().count() > MAX_TITLE_CHARS {
        s.chars().take(MAX_TITLE_CHARS).collect()
    } else {
        s.to_string()
    }
}

/// Removes a site name joined to the title with a separator ("X | Site", "Site - X").
/// `site` is the known site name; `hint` a confirmed headline (an `<h1>`).
pub(crate) fn strip_site(title: &str, site: Option<&str>, hint: Option<&str>) -> String {
    let title = title.trim();
    let site_key = site.map(fold).filter(|s| !s.is_empty());
    let hint_key = hint.map(fold).filter(|s| !s.is_empty());
    if hint_key.as_deref() == Some(fold(title).as_str()) {
        return title.to_string();
    }
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
        // The part that is the confirmed headline.
        if let Some(h) = &hint_key
            && let Some(p) = parts.iter().find(|p| fold(p) == *h)
        {
            return (*p).to_string();
        }
        // Drop the parts that are the site name (or its domain).
        if let Some(s) = &site_key {
            let is_site = |p: &str| {
                let k = fold(p);
                k == *s
                    || (k.len() >= 4
                        && (s.contains(&k) || k.contains(s.as_str()))
                        && p.split_whitespace().count() <= 4)
            };
            let first_is = parts.first().is_some_and(|p| is_site(p));
            let last_is = parts.last().is_some_and(|p| is_site(p));
            if first_is || last_is {
                let from = usize::from(first_is);
                let to = parts.len() - usize::from(last_is && parts.len() > 1);
                if let Some(rest) = parts.get(from..to)
                    && !rest.is_empty()
                {
                    return rest.join(sep.trim_start());
                }
            }
            if *sep == ": " {
                continue;
            }
        }
        if *sep == ": " {
            // "Topic: the title" is usually one title.
            continue;
        }
        let words = |p: &str| p.split_whitespace().count();
        let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
            continue;
        };
        if parts.len() == 2 {
            // The short side is the site name.
            if words(last) <= 4 && words(first) >= words(last) {
                return (*first).to_string();
            }
            if words(first) <= 3 && words(last) > words(first) {
                return (*last).to_string();
            }
            continue;
        }
        // "A | B | Site": drop the last part when short; "Site | Section | A": keep the last.
        if words(last) <= 4
            && let Some(rest) = parts.get(..parts.len() - 1)
        {
            return rest.join(sep);
        }
        if words(first) <= 4 {
            return (*last).to_string();
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(text: &str, source: Source) -> Cand {
        Cand {
            text: text.to_string(),
            source,
        }
    }

    #[test]
    fn strips_site_names() {
        assert_eq!(
            strip_site(
                "US talks meant to build trust | The Kyiv Independent",
                None,
                None
            ),
            "US talks meant to build trust"
        );
        assert_eq!(
            strip_site("Site - The real title of the story", None, None),
            "The real title of the story"
        );
        assert_eq!(strip_site("Short | Site", None, Some("Short")), "Short");
        assert_eq!(
            strip_site("No separator here", None, None),
            "No separator here"
        );
        assert_eq!(
            strip_site("A long story title « My Blog", Some("My Blog"), None),
            "A long story title"
        );
        assert_eq!(
            strip_site(
                "Example News: Something happened today",
                Some("Example News"),
                None
            ),
            "Something happened today"
        );
        assert_eq!(
            strip_site("Brexit: what happens next", None, None),
            "Brexit: what happens next"
        );
        assert_eq!(
            strip_site(
                "Part one - part two of the title | Site",
                Some("Site"),
                None
            ),
            "Part one - part two of the title"
        );
    }

    #[test]
    fn structured_title_wins_and_is_cleaned() {
        let inp = Inputs {
            structured: vec![cand("The headline | Site", Source::OpenGraph)],
            h1s: vec!["The headline".into()],
            head_title: Some("The headline | Site".into()),
            site_name: Some("Site".into()),
        };
        assert_eq!(
            choose(&inp),
            Some(("The headline".to_string(), Source::OpenGraph))
        );
    }

    #[test]
    fn confirmed_h1_over_title_element() {
        let inp = Inputs {
            structured: vec![],
            h1s: vec!["Site".into(), "The story of the day".into()],
            head_title: Some("The story of the day - Site".into()),
            site_name: Some("Site".into()),
        };
        assert_eq!(
            choose(&inp),
            Some(("The story of the day".to_string(), Source::Dom))
        );
    }

    #[test]
    fn title_element_alone() {
        let inp = Inputs {
            head_title: Some("Only a title element here | Blog".into()),
            ..Inputs::default()
        };
        assert_eq!(
            choose(&inp),
            Some(("Only a title element here".to_string(), Source::Dom))
        );
    }
}
