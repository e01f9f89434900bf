//! `prune_boilerplate_text`: short blocks inside the article whose words are furniture.
//!
//! ## What it does
//! Removes a short paragraph-like element (under 200 characters) inside the selection when
//! it *starts* with a phrase that only ever introduces furniture: "Share this", "Read more",
//! "Advertisement", "Related:", "Sign up for our newsletter", "Follow us", "All rights
//! reserved", "Lesen Sie auch", "Lire aussi", "Leia também", "Читайте также", … Longer
//! blocks are kept whatever they start with: a sentence may begin with "Follow".
//!
//! ## Example
//! `<p>Read more: <a href=/x>Other story</a></p>` → removed.
//!
//! ## Origin
//! jusText's boilerplate stop-phrases and trafilatura's `is_boilerplate`-style checks.
//!
//! ## Cost
//! O(text) inside the selection.

use crate::dom::{NodeIx, Tag};
use crate::pipeline::{Ctx, PassId};

/// Phrases (lower case) that, at the start of a short block, mark it as furniture.
const BOILERPLATE_STARTS: &[&str] = &[
    "share this",
    "share on",
    "share:",
    "share article",
    "share the article",
    "share via",
    "follow us",
    "follow me",
    "subscribe to",
    "subscribe now",
    "sign up for",
    "sign up to",
    "get our newsletter",
    "read more",
    "read also",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "see also",
    "more from",
    "more stories",
    "you may also like",
    "you might also like",
    "also read",
    "click here",
    "tap here",
    "all rights reserved",
    "copyright ©",
    "posted in",
    "filed under",
    "tags:",
    "topics:",
    "categories:",
    "leave a comment",
    "leave a reply",
    "skip to",
    "back to top",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "this article is more than",
    "watch:",
    "listen:",
    "listen to this article",
    "lesen sie auch",
    "lesen sie hier",
    "mehr themen",
    "zum weiterlesen",
    "weiterlesen",
    "weitere informationen",
    "schon gelesen",
    "auch interessant",
    "das könnte dich auch",
    "das könnte sie auch",
    "das thema könnte",
    "further reading",
    "recommended reading",
    "related reading",
    "more on this",
    "see more",
    "photo:",
    "photos:",
    "foto:",
    "fotos:",
    "bild:",
    "image:",
    "credit:",
    "credits:",
    "crédit",
    "crédito",
    "titelbild:",
    "abbildung:",
    "quelle:",
    "source:",
    "zobacz również",
    "zobacz też",
    "puedes ver",
    "te puede interesar",
    "vous aimerez aussi",
    "ti potrebbe interessare",
    "você também pode gostar",
    "mehr zum thema",
    "weitere artikel",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "leia também",
    "leia mais",
    "lee también",
    "lea también",
    "leggi anche",
    "czytaj także",
    "czytaj też",
    "читайте также",
    "lees ook",
    "läs också",
];

/// Single words that are furniture when they are (nearly) the whole block.
const BOILERPLATE_LABELS: &[&str] = &[
    "advertisement",
    "advertisment",
    "sponsored",
    "newsletter",
    "recommended",
    "comments",
    "loading",
    "tagged",
    "anzeige",
    "werbung",
    "teilen",
    "publicité",
    "partager",
    "publicidad",
    "compartir",
    "pubblicità",
    "condividi",
    "reklama",
    "udostępnij",
    "реклама",
    "поделиться",
    "advertentie",
    "delen",
    "annons",
    "dela",
    "share",
    "print",
    "email",
];

/// Labels count only in blocks up to this many characters.
const MAX_LABEL_BLOCK_CHARS: usize = 40;

/// Runs the pass over the subtrees of `roots`.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, roots: &[NodeIx]) {
    for &root in roots {
        let doc = ctx.doc;
        let mut i = NodeIx(root.0 + 1);
        let end = doc.end(root);
        while i < end {
            if ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            let Some(tag) = doc.tag(i) else {
                i = NodeIx(i.0 + 1);
                continue;
            };
            let s = ctx.stats[i];
            let candidate = matches!(
                tag,
                Tag::P
                    | Tag::Div
                    | Tag::Span
                    | Tag::Li
                    | Tag::Section
                    | Tag::Strong
                    | Tag::B
                    | Tag::Em
                    | Tag::H2
                    | Tag::H3
                    | Tag::H4
                    | Tag::H5
                    | Tag::H6
            ) && s.chars > 0
                && s.chars < ctx.tuning().max_boilerplate_text_chars;
            if candidate && let Some(phrase) = boilerplate_start(&ctx.subtree_text(i, 60)) {
                ctx.remove(i, PassId::PruneBoilerplateText, || {
                    format!("starts with {phrase:?}")
                });
                ctx.subtract_from_ancestors(i);
                i = doc.end(i);
                continue;
            }
            i = NodeIx(i.0 + 1);
        }
    }
}

/// The furniture phrase `text` starts with, if any.
pub(crate) fn boilerplate_start(text: &str) -> Option<&'static str> {
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    let first = lower.as_bytes().first();
    let starts = |p: &str| {
        // The first byte first: it turns down nearly every phrase without a string compare.
        p.as_bytes().first().is_none_or(|b| first == Some(b))
            && lower.starts_with(p)
            && lower
                .get(p.len()..)
                .and_then(|rest| rest.chars().next())
                .is_none_or(|c| !c.is_alphanumeric() || p.ends_with(':'))
    };
    if let Some(p) = BOILERPLATE_STARTS.iter().copied().find(|p| starts(p)) {
        return Some(p);
    }
    if lower.chars().count() <= MAX_LABEL_BLOCK_CHARS {
        return BOILERPLATE_LABELS.iter().copied().find(|p| starts(p));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::boilerplate_start;
    use crate::clean::test_util::surviving_text_in_body;

    #[test]
    fn recognises_phrases_at_the_start() {
        assert_eq!(
            boilerplate_start("Read more: Other story"),
            Some("read more")
        );
        assert_eq!(boilerplate_start("ADVERTISEMENT"), Some("advertisement"));
        assert_eq!(
            boilerplate_start("Lesen Sie auch: Etwas"),
            Some("lesen sie auch")
        );
        assert_eq!(boilerplate_start("Readers say the plan works."), None);
        assert_eq!(boilerplate_start("Tagged with care"), Some("tagged"));
        assert_eq!(
            boilerplate_start("Comments by the minister were taken out of context, aides said."),
            None
        );
        assert_eq!(boilerplate_start("Sharesies is a company"), None);
    }

    #[test]
    fn removes_short_furniture_but_keeps_sentences() {
        let html = "<body><p>Read more: <a href=/x>Other story</a></p>\
            <p>Follow the money, the investigators said, and the trail led abroad.</p></body>";
        let t = surviving_text_in_body(html, |c, r, _| super::run(c, r));
        assert!(!t.contains("Other story"), "{t}");
        assert!(t.contains("Follow the money"), "{t}");
    }
}
