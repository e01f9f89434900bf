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
/// Longest site name, in words, taken as one when choosing the title.
const MAX_SITE_NAME_WORDS: usize = 6;
/// Characters a title part may add to the site name and still name the site ("Dropbox"
/// → "Dropbox Tech Blog").
const MAX_SITE_AFFIX_CHARS: usize = 10;
/// A title of at most this many words is kept whole rather than cut to fewer.
const MAX_SHORT_TITLE_WORDS: usize = 4;
/// Shortest title taken for a copy cut at a length limit (such limits are 60 characters
/// and more).
const MIN_CUT_TITLE_CHARS: usize = 60;
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
    /// `site_name` is only what a logo heading shows, not declared by the page's metadata.
    pub site_from_heading: bool,
}

/// The best title and its source.
pub(crate) fn choose(inp: &Inputs) -> Option<(String, Source)> {
    // A "site name" of many words is a page title put in the wrong field.
    let site = inp
        .site_name
        .as_deref()
        .filter(|s| s.split_whitespace().count() <= MAX_SITE_NAME_WORDS);
    let head = inp.head_title.as_deref().filter(|t| !t.is_empty());
    let head_key = head.map(fold).unwrap_or_default();
    let site_key = site.map(fold).unwrap_or_default();
    // A structured title that merely names the site is no title, nor one cut short.
    let structured: Vec<&Cand> = inp
        .structured
        .iter()
        .filter(|c| {
            let k = fold(&c.text);
            let others = inp
                .structured
                .iter()
                .map(|o| o.text.as_str())
                .chain(inp.h1s.iter().map(String::as_str));
            !k.is_empty() && k != site_key && !is_cut_short(&c.text, others)
        })
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
    // An <h1> confirms best: the <title> is often filled from the same field as og:title.
    let shown = |c: &&&Cand| {
        let k = fold(&c.text);
        inp.h1s.iter().any(|h| similar(&fold(h), &k))
    };
    let in_title = |c: &&&Cand| {
        let k = fold(&c.text);
        !head_key.is_empty() && k.chars().count() >= 4 && head_key.contains(&k)
    };
    let pick = structured
        .iter()
        .find(shown)
        .or_else(|| structured.iter().find(in_title))
        .or_else(|| structured.first());
    if let Some(c) = pick {
        let cleaned = if !inp.site_from_heading
            && let (Some(t), Some(s)) = (head, site)
            && publisher_cut(c, &structured, t, s)
        {
            c.text.trim().to_string()
        } else {
            strip_site(&c.text, site, h1.map(String::as_str), inp.site_from_heading)
        };
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
        let cleaned = strip_site(t, site, first_h1, inp.site_from_heading);
        if !fold(&cleaned).is_empty() {
            return Some((cap(&cleaned), Source::Dom));
        }
    }
    inp.h1s
        .iter()
        .find(|h| fold(h).chars().count() >= 4)
        .map(|h| (cap(h), Source::Dom))
}

/// `true` when the `<title>` is the structured title `c`, then a separator, then (after
/// any other parts) the declared site name, while `c` has separator parts of its own and
/// none names the site ("X | Ann Author" beside "X | Ann Author | Section | Site"): the
/// publisher already cut the site from `c`, so its other parts (an author, a series) belong
/// to the title. Not when another title field (`twitter:title`, JSON-LD) gives only a part
/// of `c` ("X" beside "X - Tip with photo"): the publisher's fields then disagree.
fn publisher_cut(c: &Cand, all: &[&Cand], head: &str, site: &str) -> bool {
    let (text, head) = (c.text.trim(), head.trim());
    let site_key = fold(site);
    let key = fold(text);
    let Some(rest) = head.strip_prefix(text) else {
        return false;
    };
    let seps = || SEPARATORS.iter().filter(|s| **s != ": ");
    let has_parts = seps().any(|s| text.contains(s));
    let names_site = site_key.is_empty()
        || seps().any(|sep| text.split(sep).any(|p| fold(p).contains(&site_key)));
    let ends_in_site = seps().any(|sep| {
        rest.starts_with(sep) && rest.rsplit(sep).next().is_some_and(|l| fold(l) == site_key)
    });
    let field_disagrees = all.iter().any(|o| {
        let k = fold(&o.text);
        o.source != Source::Microdata && k != key && key.contains(&k)
    });
    has_parts && !names_site && ends_in_site && !field_disagrees
}

/// `true` when `text` is a long title that another title of the page continues mid-phrase
/// (a JSON-LD `headline` cut at a length limit: "… nettomaksajana ei ole" beside "…
/// nettomaksajana ei ole otettu huomioon"). A continuation after punctuation ("X |
/// Site", "X: subtitle", "X (with pictures)") is another title, not the rest of this one.
fn is_cut_short<'a>(text: &str, others: impl Iterator<Item = &'a str>) -> bool {
    let text = text.trim();
    if text.chars().count() < MIN_CUT_TITLE_CHARS {
        return false;
    }
    others.into_iter().any(|o| {
        o.trim().strip_prefix(text).is_some_and(|rest| {
            rest.trim_start()
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        })
    })
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

/// Removes a site name joined to the title with a separator ("X | Site", "Site - X",
/// "Site » Blog Archive » X"). `site` is the known site name; `hint` a confirmed headline
/// (an `<h1>`). `site_guessed`: the site name is only what a logo heading shows ("Hi,
/// I'm Ann."), so a title that does not contain it may still end in the site's name (the
/// usual place; a guess does not license cutting the front).
pub(crate) fn strip_site(
    title: &str,
    site: Option<&str>,
    hint: Option<&str>,
    site_guessed: bool,
) -> String {
    let title = title.trim();
    let site_key = site.map(fold).filter(|s| !s.is_empty());
    let hint_key = hint.map(fold).filter(|s| !s.is_empty());
    if hint_key.as_deref() == Some(fold(title).as_str()) {
        return title.to_string();
    }
    let words = |p: &str| p.split_whitespace().count();
    for sep in SEPARATORS {
        if !title.contains(sep) {
            continue;
        }
        let mut parts: Vec<&str> = title
            .split(sep)
            .map(str::trim)
            .filter(|p| !fold(p).is_empty())
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
        // Drop the parts at either end that are the site name (or its domain).
        let (mut prefix, mut suffix) = (false, false);
        if let Some(s) = &site_key {
            let s_len = s.chars().count();
            let is_site = |p: &str| {
                let k = fold(p);
                let k_len = k.chars().count();
                k == *s
                    || (k_len >= 4
                        && words(p) <= 4
                        && (s.contains(&k)
                            || (k.contains(s.as_str()) && k_len <= s_len + MAX_SITE_AFFIX_CHARS)))
            };
            while parts.len() > 1 && parts.first().is_some_and(|p| is_site(p)) {
                parts.remove(0);
                prefix = true;
            }
            while parts.len() > 1 && parts.last().is_some_and(|p| is_site(p)) {
                parts.pop();
                suffix = true;
            }
        }
        let joined = |parts: &[&str]| parts.join(sep);
        if parts.len() == 1 || *sep == ": " {
            if prefix || suffix {
                return joined(&parts);
            }
            // "Topic: the title" is usually one title.
            continue;
        }
        let (Some(first), Some(last)) = (parts.first().copied(), parts.last().copied()) else {
            continue;
        };
        // Once the site went from the front, the title is at the end ("Site » Section »
        // Title"); once it went from the back, at the front ("Title | Section | Site").
        if prefix && !suffix && parts.iter().rev().skip(1).all(|p| words(p) <= 4) {
            return last.to_string();
        }
        if suffix && !prefix && parts.iter().skip(1).all(|p| words(p) <= 4) {
            return first.to_string();
        }
        // Without a site part found, a part is dropped as the site's name only when the
        // site is not known (a known one would have matched), it reads like a name (not
        // "… - an async task framework"), and what remains is more than a few words
        // ("Google - Site Reliability Engineering" stays whole).
        // Once the site went from one end, the part at the other end is title text
        // ("Place - Headline - Site" keeps "Place - Headline").
        let generic_ok = |dropped: &str, kept: &str, front: bool| -> bool {
            let found_here = if front { prefix } else { suffix };
            let found_there = if front { suffix } else { prefix };
            !dropped.chars().next().is_some_and(char::is_lowercase)
                && !found_there
                && (found_here
                    || ((site_key.is_none() || (site_guessed && !front))
                        && words(kept) > MAX_SHORT_TITLE_WORDS))
        };
        if parts.len() == 2 {
            // The short side is the site name.
            if words(last) <= 4 && words(first) >= words(last) && generic_ok(last, first, false) {
                return first.to_string();
            }
            if words(first) <= 3 && words(last) > words(first) && generic_ok(first, last, true) {
                return last.to_string();
            }
            if prefix || suffix {
                return joined(&parts);
            }
            continue;
        }
        // "A | B | Site": drop the last part when short; "Site | Section | A": keep the last.
        if words(last) <= 4
            && let Some(rest) = parts.get(..parts.len() - 1)
            && generic_ok(last, first, false)
        {
            return joined(rest);
        }
        if words(first) <= 4 && generic_ok(first, last, true) {
            return last.to_string();
        }
        if prefix || suffix {
            return joined(&parts);
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
                None,
                false
            ),
            "US talks meant to build trust"
        );
        assert_eq!(
            strip_site("Site - The real title of the story", None, None, false),
            "The real title of the story"
        );
        assert_eq!(
            strip_site("Short | Site", None, Some("Short"), false),
            "Short"
        );
        assert_eq!(
            strip_site("No separator here", None, None, false),
            "No separator here"
        );
        assert_eq!(
            strip_site("A long story title « My Blog", Some("My Blog"), None, false),
            "A long story title"
        );
        assert_eq!(
            strip_site(
                "Example News: Something happened today",
                Some("Example News"),
                None,
                false
            ),
            "Something happened today"
        );
        assert_eq!(
            strip_site("Brexit: what happens next", None, None, false),
            "Brexit: what happens next"
        );
        assert_eq!(
            strip_site(
                "Part one - part two of the title | Site",
                Some("Site"),
                None,
                false
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
            site_from_heading: false,
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
            site_from_heading: false,
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

    #[test]
    fn site_prefix_then_section_leaves_the_last_part() {
        assert_eq!(
            strip_site(
                "Four Years » Blog Archive » Interning of small integers",
                Some("Four Years"),
                None,
                false
            ),
            "Interning of small integers"
        );
        // Must not fire: a long middle part is title text, kept with the last.
        assert_eq!(
            strip_site(
                "Site » A long first half of the title » and its end",
                Some("Site"),
                None,
                false
            ),
            "A long first half of the title » and its end"
        );
    }

    #[test]
    fn a_site_part_must_not_be_much_longer_than_the_site() {
        // The first part ends with the site's name but is the title.
        assert_eq!(
            strip_site(
                "新竹尖石_美樹營地賞楓秋天 (2) @ 史蒂文的家 :: 痞客邦",
                Some("史蒂文的家"),
                None,
                false
            ),
            "新竹尖石_美樹營地賞楓秋天 (2) @ 史蒂文的家 :: 痞客邦"
        );
        assert_eq!(
            strip_site(
                "How caching works - Dropbox Tech Blog",
                Some("Dropbox"),
                None,
                false
            ),
            "How caching works"
        );
    }

    #[test]
    fn unknown_parts_are_dropped_only_when_they_read_like_a_name() {
        // A lower-case part continues the title.
        assert_eq!(
            strip_site(
                "How we designed ATF - an async task framework",
                None,
                None,
                false
            ),
            "How we designed ATF - an async task framework"
        );
        // What would remain is too short to be the whole title.
        assert_eq!(
            strip_site("Google - Site Reliability Engineering", None, None, false),
            "Google - Site Reliability Engineering"
        );
        // A known site name that no part matches: the parts are all title.
        assert_eq!(
            strip_site(
                "Minecraft 1.8 - The Bountiful Update",
                Some("Update News"),
                None,
                false
            ),
            "Minecraft 1.8 - The Bountiful Update"
        );
        // Must fire: an unknown capitalised name after a long title.
        assert_eq!(
            strip_site(
                "Getting lean with digital ad formats | ADX",
                None,
                None,
                false
            ),
            "Getting lean with digital ad formats"
        );
    }

    #[test]
    fn a_site_found_at_one_end_keeps_the_other_end() {
        // The site went from the end: the short first part is title text.
        assert_eq!(
            strip_site(
                "Summit in Oslo - Aid group: more people need help - Aid Group e.V.",
                Some("Aid Group e.V."),
                None,
                false
            ),
            "Summit in Oslo - Aid group: more people need help"
        );
        // Must not fire: with no site part found, a short unknown first part is dropped
        // before a long title.
        assert_eq!(
            strip_site(
                "Weekly News - Something rather long happened in the town today",
                None,
                None,
                false
            ),
            "Something rather long happened in the town today"
        );
    }

    #[test]
    fn a_guessed_site_name_does_not_protect_a_name_at_the_end() {
        // Fires: the site name is only a logo heading's text, and the <title> ends in a
        // name-like part after a long title.
        let inp = Inputs {
            head_title: Some("Testing your frontend code well | Code | Ann Example".into()),
            h1s: vec!["Unrelated intro words".into()],
            site_name: Some("Hi, I'm Ann.".into()),
            site_from_heading: true,
            ..Inputs::default()
        };
        assert_eq!(
            choose(&inp).map(|c| c.0).as_deref(),
            Some("Testing your frontend code well | Code")
        );
        // Must not fire: a declared site name that no part matches keeps every part.
        let inp = Inputs {
            site_from_heading: false,
            ..inp
        };
        assert_eq!(
            choose(&inp).map(|c| c.0).as_deref(),
            Some("Testing your frontend code well | Code | Ann Example")
        );
        // Must not fire: a guess does not license cutting the front.
        assert_eq!(
            strip_site(
                "A Tale of Two - Chapter 1 - Something quite a lot longer here",
                Some("Some Archive"),
                None,
                true
            ),
            "A Tale of Two - Chapter 1 - Something quite a lot longer here"
        );
    }

    #[test]
    fn a_structured_title_the_publisher_cut_keeps_its_other_parts() {
        // Fires: og:title is the <title> less its section and site; the author stays.
        let inp = Inputs {
            structured: vec![cand(
                "Whales stranded on the coast | Ann Author",
                Source::OpenGraph,
            )],
            h1s: vec!["Whales stranded on the coast".into()],
            head_title: Some(
                "Whales stranded on the coast | Ann Author | Environment | The Daily".into(),
            ),
            site_name: Some("The Daily".into()),
            site_from_heading: false,
        };
        assert_eq!(
            choose(&inp).map(|c| c.0).as_deref(),
            Some("Whales stranded on the coast | Ann Author")
        );
        // Must not fire: another title field gives only the headline.
        let mut other = Inputs {
            structured: vec![
                cand("Cutting tomatoes - Tip with photo", Source::OpenGraph),
                cand("Cutting tomatoes", Source::Meta),
            ],
            h1s: vec!["Cutting tomatoes".into()],
            head_title: Some("Cutting tomatoes - Tip with photo - cooks.example".into()),
            site_name: Some("cooks.example".into()),
            site_from_heading: false,
        };
        assert_eq!(
            choose(&other).map(|c| c.0).as_deref(),
            Some("Cutting tomatoes")
        );
        // Must not fire: a part of the structured title names the site.
        other.structured = vec![cand("Wedding checklist | Venue City", Source::OpenGraph)];
        other.h1s = vec!["Wedding checklist".into()];
        other.head_title = Some("Wedding checklist | Venue City | Venue".into());
        other.site_name = Some("Venue".into());
        assert_eq!(
            choose(&other).map(|c| c.0).as_deref(),
            Some("Wedding checklist")
        );
    }

    #[test]
    fn a_title_cut_at_a_length_limit_gives_way_to_its_full_copy() {
        let full =
            "A rather long headline about a meeting of two leaders that ends with a quote in full";
        let cut = "A rather long headline about a meeting of two leaders that ends with a";
        // Fires: the JSON-LD headline is the og:title cut short.
        let inp = Inputs {
            structured: vec![cand(cut, Source::JsonLd), cand(full, Source::OpenGraph)],
            head_title: Some(format!("{full} | Daily")),
            site_name: Some("Daily".into()),
            ..Inputs::default()
        };
        assert_eq!(choose(&inp), Some((full.to_string(), Source::OpenGraph)));
        // Must not fire: the longer title goes on after punctuation (a subtitle).
        let sub = format!("{cut}: and a subtitle");
        let inp = Inputs {
            structured: vec![cand(cut, Source::JsonLd), cand(&sub, Source::OpenGraph)],
            head_title: Some(format!("{cut} | Daily")),
            site_name: Some("Daily".into()),
            ..Inputs::default()
        };
        assert_eq!(choose(&inp), Some((cut.to_string(), Source::JsonLd)));
        // Must not fire: a short title is no copy cut at a limit.
        assert!(!is_cut_short(
            "Short one",
            ["Short one more words"].into_iter()
        ));
    }

    #[test]
    fn structured_title_naming_the_site_is_skipped() {
        let inp = Inputs {
            structured: vec![cand("Union of Biathlon - UB", Source::OpenGraph)],
            h1s: vec!["Beijing 2022 is a chance for the sport".into()],
            head_title: Some("Beijing 2022 is a chance for the sport".into()),
            site_name: Some("Union of Biathlon - UB".into()),
            site_from_heading: false,
        };
        assert_eq!(
            choose(&inp),
            Some((
                "Beijing 2022 is a chance for the sport".to_string(),
                Source::Dom
            ))
        );
        // Must not fire: a "site name" of many words is a title in the wrong field.
        let long = "A notion alternative for teams managing their docs well";
        let inp = Inputs {
            structured: vec![cand(long, Source::OpenGraph)],
            h1s: vec![long.into()],
            head_title: Some(format!("{long} | Pivot")),
            site_name: Some(long.into()),
            site_from_heading: false,
        };
        assert_eq!(choose(&inp), Some((long.to_string(), Source::OpenGraph)));
    }

    #[test]
    fn a_title_the_headline_shows_beats_one_the_title_element_repeats() {
        let inp = Inputs {
            structured: vec![
                cand("Site name: some products and more", Source::OpenGraph),
                cand("The real headline of the page", Source::Microdata),
            ],
            h1s: vec!["The real headline of the page".into()],
            head_title: Some("Site name: some products and more".into()),
            site_name: None,
            site_from_heading: false,
        };
        assert_eq!(
            choose(&inp),
            Some((
                "The real headline of the page".to_string(),
                Source::Microdata
            ))
        );
        // Without a headline, the structured title the <title> repeats still wins.
        let inp = Inputs {
            structured: vec![
                cand("A kicker nobody shows", Source::JsonLd),
                cand("The story as titled", Source::OpenGraph),
            ],
            h1s: vec![],
            head_title: Some("The story as titled".into()),
            site_name: None,
            site_from_heading: false,
        };
        assert_eq!(
            choose(&inp),
            Some(("The story as titled".to_string(), Source::OpenGraph))
        );
    }
}
