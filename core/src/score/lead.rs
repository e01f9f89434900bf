//! `join_lead`: the standfirst printed above the article body joins the selection.
//!
//! ## What it does
//! After selection, looks just above the selected container, inside its nearest ancestors,
//! for an element whose class or id names a lead (`lead`, `intro`, `excerpt`, `abstract`,
//! `standfirst`, `chapo`, `subheadline`, `bajada`, `Vorspann`, …) and holds a short run of
//! prose; that element becomes a root before the article body.
//!
//! ## Why
//! Templates print the standfirst in the article header, next to the headline, and the body
//! in a container of its own; the body wins the selection and the lead, the most quoted
//! sentence of the story, is lost.
//!
//! ## Example
//! `<header><h1>T</h1><p class=lead>The gist.</p></header><div class=body><p>…</p></div>`
//! → roots `p.lead`, `div.body`.
//!
//! ## Origin
//! trafilatura keeps `p.lead`-like blocks through its `BODY_XPATH` breadth; Readability
//! keeps them when they share the article's parent.
//!
//! ## Cost
//! O(size of the few ancestors' subtrees before the body), once per attempt.

use crate::dom::{NodeIx, Tag};
use crate::patterns::Sig;
use crate::pipeline::{Ctx, PassId};

/// How many ancestors of the selected container are searched.
const MAX_LEAD_ANCESTORS: usize = 4;
/// A lead has at least this many characters…
const MIN_LEAD_CHARS: u32 = 30;
/// …and at most this many (an intro of a few sentences, not a second article).
const MAX_LEAD_CHARS: u32 = 800;
/// A lead is prose: at most this share of its text in links.
const MAX_LEAD_LINK_DENSITY: f32 = 0.3;

/// Adds a lead found above the first of `roots` (the selected container), keeping `roots`
/// in document order.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, roots: &mut Vec<NodeIx>) {
    let Some(&top) = roots.iter().min() else {
        return;
    };
    if top == ctx.body {
        return;
    }
    let Some(lead) = find(ctx, top, roots) else {
        return;
    };
    ctx.note(lead, PassId::SelectCandidate, "joined", || {
        "lead above the article body".to_string()
    });
    roots.push(lead);
    roots.sort_unstable();
}

/// The lead above `top`, if there is one: searched in `top`'s nearest ancestors, in the part
/// of each that precedes `top`; the outermost lead-named element that qualifies wins.
fn find(ctx: &Ctx<'_, '_>, top: NodeIx, roots: &[NodeIx]) -> Option<NodeIx> {
    let doc = ctx.doc;
    for anc in doc.ancestors(top).take(MAX_LEAD_ANCESTORS) {
        if anc == ctx.body || doc.is(anc, Tag::Html) {
            break;
        }
        let mut i = NodeIx(anc.0 + 1);
        while i < top {
            if ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            let end = doc.end(i);
            // Ancestors of `top` are walked through, not taken.
            if end <= top && doc.tag(i).is_some() && is_lead(ctx, i) {
                if roots.iter().any(|r| doc.contains(*r, i)) || ctx.is_removed(i) {
                    return None;
                }
                return Some(i);
            }
            i = NodeIx(i.0 + 1);
        }
    }
    None
}

/// `true` when `ix` is named a lead and holds a short run of prose.
fn is_lead(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let s = &ctx.stats[ix];
    if s.chars < MIN_LEAD_CHARS || s.chars > MAX_LEAD_CHARS {
        return false;
    }
    if ctx.link_density(ix) > MAX_LEAD_LINK_DENSITY || s.inputs > 0 || s.lis > 0 {
        return false;
    }
    ctx.sig[ix].any(Sig::LEAD)
}

/// The description is compared when it has at least this many characters…
const MIN_DESCRIBED_CHARS: usize = 40;
/// …on this many leading characters.
const DESCRIBED_KEY_CHARS: usize = 50;
/// The paragraph holds more than the description (of which the description is an excerpt):
/// at least half this many more non-whitespace characters, and at most
/// [`DESCRIBED_MAX_FACTOR`] times as many (plus this slack): a paragraph, not the whole page.
const DESCRIBED_SLACK_CHARS: f32 = 40.0;
const DESCRIBED_MAX_FACTOR: f32 = 3.0;
/// The paragraph is prose: at most this share of its text in links.
const DESCRIBED_MAX_LINK_DENSITY: f32 = 0.5;

/// Page pattern: the meta description is an excerpt (the first sentences, cut off) of the
/// article's opening paragraph, and that paragraph sits above the selected container,
/// outside it (a summary block, a question above its answers, the first paragraph in a
/// wrapper of its own); the selection starts at the second paragraph and the opening is
/// lost. The first element above the selection whose text starts with the description and
/// holds more than it joins the selection as a root before the body.
///
/// Does not fire on a standfirst that *is* the description (same text, nothing more): corpora
/// disagree on whether a dek belongs to the article text, and most leave it out. Skipped
/// when the selection itself opens with the description.
pub(crate) fn join_described(
    ctx: &mut Ctx<'_, '_>,
    roots: &mut Vec<NodeIx>,
    description: Option<&str>,
) {
    let Some(desc) = description else {
        return;
    };
    let desc = desc
        .trim_end_matches(|c: char| c == '…' || c == '.' || c.is_whitespace())
        .trim_start();
    if desc.chars().count() < MIN_DESCRIBED_CHARS {
        return;
    }
    let key: String = desc.chars().take(DESCRIBED_KEY_CHARS).collect();
    let Some(&top) = roots.iter().min() else {
        return;
    };
    if top == ctx.body {
        return;
    }
    if ctx
        .subtree_text(top, 4 * DESCRIBED_KEY_CHARS)
        .contains(&key)
    {
        return;
    }
    let desc_chars = desc.chars().filter(|c| !c.is_whitespace()).count() as f32;
    let max_chars = desc_chars * DESCRIBED_MAX_FACTOR + DESCRIBED_SLACK_CHARS;
    let min_chars = (desc_chars + DESCRIBED_SLACK_CHARS / 2.0) as u32;
    let doc = ctx.doc;
    let mut i = NodeIx(ctx.body.0 + 1);
    let mut found = None;
    while i < top {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        let s = &ctx.stats[i];
        if doc.tag(i).is_some()
            && doc.end(i) <= top
            && s.chars >= min_chars
            && (s.chars as f32) <= max_chars
            && s.inputs == 0
            && ctx.link_density(i) <= DESCRIBED_MAX_LINK_DENSITY
            && ctx.subtree_text(i, DESCRIBED_KEY_CHARS).starts_with(&key)
        {
            found = Some(i);
            break;
        }
        i = NodeIx(i.0 + 1);
    }
    let Some(lead) = found else {
        return;
    };
    ctx.note(lead, PassId::SelectCandidate, "joined", || {
        "opening paragraph the meta description excerpts".to_string()
    });
    roots.push(lead);
    roots.sort_unstable();
}

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_document;

    use crate::dom::Doc;
    use crate::options::Options;
    use crate::pipeline::Ctx;

    const BODY: &str = "<p>The article body is here, long enough to matter, with sentences, commas, \
        and clauses that carry the story forward.</p><p>It continues for a while longer, as \
        articles do, with more sentences, more commas, and more words.</p><p>And a third \
        paragraph, so that the body wins the selection, as it should, clearly.</p>";

    fn roots(html: &str) -> Vec<String> {
        let parsed = parse_document(html);
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let scores = crate::score::paragraphs::run(&ctx);
        let roots = crate::score::select::run(&mut ctx, &scores);
        roots.iter().map(|r| doc.describe(*r)).collect()
    }

    #[test]
    fn joins_the_lead_in_the_article_header() {
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><article><header><h1>Title</h1>\
             <p class=article-lead>The gist of the story in one sentence, above the body.</p>\
             </header><div class=body>{BODY}</div></article></body>"
        );
        let got = roots(&html);
        assert!(
            got.first().is_some_and(|r| r.contains("article-lead")),
            "{got:?}"
        );
    }

    #[test]
    fn does_not_join_a_list_named_intro_or_a_lead_after_the_body() {
        let html = format!(
            "<body><article><div class=intro><ul><li><a href=/a>Another story with a long \
             headline</a></li></ul></div><div class=body>{BODY}</div><div class=more>\
             <span class=lead>A teaser of another story, placed after the body.</span></div>\
             </article></body>"
        );
        let got = roots(&html);
        assert!(
            !got.iter()
                .any(|r| r.contains("intro") || r.contains("lead")),
            "{got:?}"
        );
    }

    fn roots_described(html: &str, description: &str) -> Vec<String> {
        let parsed = parse_document(html);
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let scores = crate::score::paragraphs::run(&ctx);
        let mut roots = crate::score::select::run(&mut ctx, &scores);
        super::join_described(&mut ctx, &mut roots, Some(description));
        roots.iter().map(|r| doc.describe(*r)).collect()
    }

    const OPENING: &str = "How does one know when to use the one form or the other in sentences \
        like the following, where both seem possible and both are heard every day, and where \
        the grammar books say little?";

    #[test]
    fn joins_the_opening_paragraph_the_description_excerpts() {
        let html = format!(
            "<body><section class=box><p class=post>{OPENING}</p></section>\
             <main><div class=answers>{BODY}</div></main></body>"
        );
        let described = "How does one know when to use the one form or the other in \
            sentences like the following, where both…";
        let got = roots_described(&html, described);
        assert!(got.first().is_some_and(|r| r.contains("box")), "{got:?}");
        // Without the description, the opening is not joined.
        let parsed = parse_document(&html);
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let scores = crate::score::paragraphs::run(&ctx);
        let plain = crate::score::select::run(&mut ctx, &scores);
        assert!(!plain.iter().any(|r| doc.describe(*r).contains("box")));
    }

    #[test]
    fn does_not_join_a_dek_that_is_the_description() {
        let dek = "The gist of the story in one sentence, printed under the headline.";
        let html = format!(
            "<body><header class=hero><h1>Title</h1><p class=dek>{dek}</p></header>\
             <div class=body>{BODY}</div></body>"
        );
        let got = roots_described(&html, dek);
        assert!(
            !got.iter().any(|r| r.contains("dek") || r.contains("hero")),
            "{got:?}"
        );
    }

    fn lead(value: &str) -> bool {
        crate::patterns::classify(value).any(crate::patterns::Sig::LEAD)
    }

    #[test]
    fn tokens_are_whole() {
        assert!(lead("ts-intro") && lead("articleLead"));
        assert!(lead("teaser-text") && lead("c-page-intro__copy"));
        assert!(!lead("leaderboard") && !lead("introduce-yourself"));
    }
}
