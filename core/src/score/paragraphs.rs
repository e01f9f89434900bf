//! `score_paragraphs`: every paragraph gives points to the containers around it.
//!
//! ## What it does
//! A *paragraph* is a block element whose own inline text (not counting nested blocks) has
//! at least 25 characters: `<p>`, but also a `<div>` or `<td>` of bare text, a `<li>` of
//! prose, a `<pre>`. It is worth `1 + commas + min(chars / 100, 3)`; its parent gets the full
//! worth, its grandparent half, and ancestors up to five levels up a third of the worth
//! divided by their level. A container first touched starts from a base for its tag and its
//! class words. The final score is discounted by link density.
//!
//! ## Origin
//! Readability `_grabArticle` (scoring), with CJK text weighted by characters since it has no
//! spaces and few commas.
//!
//! ## Cost
//! O(n · 5).

use crate::clean::prune_conditionally::class_weight;
use crate::dom::{NodeIx, NodeVec, Tag};
use crate::pipeline::Ctx;

/// A paragraph needs this many characters of its own text to count.
pub(crate) const MIN_PARAGRAPH_CHARS: u32 = 25;
/// Ancestors that receive points from a paragraph.
const ANCESTOR_LEVELS: usize = 5;

/// Scores of candidate containers.
pub(crate) struct Scores {
    /// Raw score (before the link-density discount); 0 for non-candidates.
    pub score: NodeVec<f32>,
    /// Containers that received points, in first-touched order.
    pub candidates: Vec<NodeIx>,
}

impl Scores {
    /// Score discounted by link density.
    pub(crate) fn final_score(&self, ctx: &Ctx<'_, '_>, ix: NodeIx) -> f32 {
        self.score[ix] * (1.0 - ctx.link_density(ix))
    }
}

/// The starting score of a container, by tag (Readability's `_initializeNode`).
fn tag_base(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
        _ => 0.0,
    }
}

/// `true` when `tag` can be scored as a paragraph.
fn is_paragraph_tag(tag: Tag) -> bool {
    tag.is_block()
        && !matches!(
            tag,
            Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Body
                | Tag::Html
                | Tag::Table
                | Tag::Tbody
                | Tag::Thead
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Ul
                | Tag::Ol
                | Tag::Dl
        )
}

/// Runs the scoring over the body.
pub(crate) fn run(ctx: &Ctx<'_, '_>) -> Scores {
    let doc = ctx.doc;
    let mut score = NodeVec::new(doc.len(), 0.0f32);
    let mut touched = NodeVec::new(doc.len(), false);
    let mut candidates = Vec::new();
    let body = ctx.body;
    let mut i = NodeIx(body.0 + 1);
    let end = doc.end(body);
    while i < end {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        let next = NodeIx(i.0 + 1);
        let Some(tag) = doc.tag(i) else {
            i = next;
            continue;
        };
        let s = &ctx.stats[i];
        if !is_paragraph_tag(tag) || s.inline_chars < MIN_PARAGRAPH_CHARS {
            i = next;
            continue;
        }
        let worth = 1.0 + s.inline_commas as f32 + (s.inline_chars as f32 / 100.0).min(3.0);
        // A list item credits the list's container, as if the list were not there: a list is
        // part of the text around it, never the article by itself.
        let skip = if matches!(tag, Tag::Li | Tag::Dd | Tag::Dt) {
            doc.ancestors(i)
                .take_while(|a| {
                    matches!(doc.tag(*a), Some(Tag::Ul | Tag::Ol | Tag::Dl | Tag::Menu))
                })
                .count()
        } else {
            0
        };
        for (level, anc) in doc
            .ancestors(i)
            .skip(skip)
            .take(ANCESTOR_LEVELS)
            .enumerate()
        {
            let Some(anc_tag) = doc.tag(anc) else { break };
            if matches!(anc_tag, Tag::Html) {
                break;
            }
            if !touched[anc] {
                touched[anc] = true;
                score[anc] = tag_base(anc_tag) + class_weight(ctx.sig[anc]);
                candidates.push(anc);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc] += worth / divider;
        }
        i = next;
    }
    Scores { score, candidates }
}
