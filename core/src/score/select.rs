//! `select_candidate`: pick the container of the article, then gather its siblings.
//!
//! ## What it does
//! Takes the best-scoring container. If several other top candidates share an ancestor with
//! it, that ancestor is the article (text split over sibling sections). It climbs while the
//! parent scores higher, and past wrappers with a single child. Then the siblings of the
//! chosen container join it when they score well, share its class, or are link-free
//! paragraphs of prose: the result is a list of roots in document order.
//!
//! ## Origin
//! Readability `_grabArticle` (top candidate, alternative ancestors, sibling joining).
//!
//! ## Cost
//! O(candidates · log) for the sort, O(depth) climbs, O(children) for siblings.

use crate::dom::{NodeIx, Tag};
use crate::pipeline::{Ctx, PassId};
use crate::score::paragraphs::Scores;

/// Candidates considered for the shared-ancestor test.
const TOP_CANDIDATES: usize = 5;
/// Other candidates needed under one ancestor to move up to it.
const MIN_TOP_CANDIDATES: usize = 3;

/// Runs the selection; returns the roots of the article.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, scores: &Scores) -> Vec<NodeIx> {
    let doc = ctx.doc;
    let body = ctx.body;
    let mut ranked: Vec<(f32, NodeIx)> = scores
        .candidates
        .iter()
        .filter(|c| !ctx.is_removed(**c))
        .map(|c| (scores.final_score(ctx, *c), *c))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(TOP_CANDIDATES);
    let Some(&(top_score, first)) = ranked.first() else {
        ctx.note(body, PassId::SelectCandidate, "selected", || {
            "no candidate: the whole body".into()
        });
        return vec![body];
    };
    let mut top = first;

    // Alternative ancestors: several near-top candidates under one ancestor.
    let close: Vec<NodeIx> = ranked
        .iter()
        .skip(1)
        .filter(|(s, _)| top_score > 0.0 && *s / top_score >= 0.75)
        .map(|(_, c)| *c)
        .collect();
    if close.len() >= MIN_TOP_CANDIDATES {
        let mut anc = doc.parent(top);
        while let Some(a) = anc {
            if a == body || doc.is(a, Tag::Html) {
                break;
            }
            let under = close.iter().filter(|c| doc.contains(a, **c)).count();
            if under >= MIN_TOP_CANDIDATES {
                top = a;
                break;
            }
            anc = doc.parent(a);
        }
    }

    // Climb while the parent scores better (Readability's score-threshold walk).
    let mut last = scores.final_score(ctx, top);
    let threshold = last / 3.0;
    let mut anc = doc.parent(top);
    while let Some(a) = anc {
        if a == body || doc.is(a, Tag::Html) {
            break;
        }
        if scores.score[a] == 0.0 {
            anc = doc.parent(a);
            continue;
        }
        let s = scores.final_score(ctx, a);
        if s < threshold {
            break;
        }
        if s > last {
            top = a;
            break;
        }
        last = s;
        anc = doc.parent(a);
    }

    // Past wrappers with one child element.
    while let Some(p) = doc.parent(top) {
        if p == body || doc.is(p, Tag::Html) {
            break;
        }
        let elements = doc
            .children(p)
            .filter(|c| doc.tag(*c).is_some() && ctx.removed[*c].is_none())
            .count();
        if elements != 1 {
            break;
        }
        top = p;
    }
    let top_final = scores.final_score(ctx, top).max(top_score);
    ctx.note(top, PassId::SelectCandidate, "selected", || {
        format!("top candidate, score {top_final:.1}")
    });

    // Siblings.
    let Some(parent) = doc.parent(top) else {
        return vec![top];
    };
    let threshold = (top_final * ctx.tuning().sibling_score_factor).max(10.0);
    let top_class = doc.attr(top, "class").unwrap_or("");
    let mut roots = Vec::new();
    for sib in doc.children(parent) {
        if sib == top {
            roots.push(sib);
            continue;
        }
        if doc.tag(sib).is_none() || ctx.is_removed(sib) {
            continue;
        }
        if let Some(reason) = sibling_joins(ctx, scores, sib, top_class, top_final, threshold) {
            ctx.note(sib, PassId::SelectCandidate, "joined", || reason);
            roots.push(sib);
        }
    }
    roots
}

/// Why sibling `sib` joins the article, if it does.
fn sibling_joins(
    ctx: &Ctx<'_, '_>,
    scores: &Scores,
    sib: NodeIx,
    top_class: &str,
    top_score: f32,
    threshold: f32,
) -> Option<String> {
    let doc = ctx.doc;
    let bonus = if !top_class.is_empty() && doc.attr(sib, "class") == Some(top_class) {
        top_score * 0.2
    } else {
        0.0
    };
    let s = scores.final_score(ctx, sib);
    if scores.score[sib] != 0.0 && s + bonus >= threshold && ctx.tuning().join_siblings_by_score {
        return Some(format!("sibling score {s:.1} ≥ {threshold:.1}"));
    }
    let st = &ctx.stats[sib];
    let text_tag = doc.is(sib, Tag::P) || (st.inline_chars * 10 >= st.chars * 9 && st.chars > 0);
    if !text_tag {
        return None;
    }
    let ld = ctx.link_density(sib);
    let len = st.chars;
    if len > 80 && ld < 0.25 {
        return Some(format!("prose sibling, {len} chars"));
    }
    if len > 0 && len <= 80 && ld == 0.0 {
        let text = ctx.subtree_text(sib, 100);
        if text.ends_with('.') || text.contains(". ") {
            return Some("short sentence sibling".to_string());
        }
    }
    None
}
