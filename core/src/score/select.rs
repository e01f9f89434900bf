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

    // Towards ancestors that hold clearly more prose (articles split into list items or
    // sibling sections that each scored alone).
    top = climb_to_prose(ctx, top);

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
    join_split_parts(ctx, top, &mut roots);
    crate::score::lead::run(ctx, &mut roots);
    roots
}

/// Ancestor levels of the selection searched by [`join_split_parts`].
const SPLIT_PART_LEVELS: usize = 2;
/// A part of a split story holds at least this much prose (characters)…
const SPLIT_PART_MIN_PROSE_CHARS: u32 = 200;
/// …in at least this many paragraphs…
const SPLIT_PART_MIN_PARAS: u32 = 2;
/// …at most this link density.
const SPLIT_PART_MAX_LINK_DENSITY: f32 = 0.25;

/// Joins the other parts of a story split into repeated wrappers: when the selection, its
/// parent or its grandparent (below `<body>`) has a class, its siblings with the same tag
/// and class that hold paragraphs of prose are more of the article (a "key takeaways" copy
/// block above the one that scored best, too), cut off by an ad or a
/// related-coverage box placed between the wrappers. `roots` stays in document order.
///
/// Page pattern: `<div class=body-part><div class=text><p>First paragraphs…</p></div>
/// <aside>Related</aside></div><div class=ad>…</div><div class=body-part><div class=text>
/// <p>The rest…</p></div></div>`, the second part selected. Wrappers without a class, and
/// same-class siblings without prose (a row of teaser cards), are not joined.
fn join_split_parts(ctx: &mut Ctx<'_, '_>, top: NodeIx, roots: &mut Vec<NodeIx>) {
    let doc = ctx.doc;
    let mut wrapper = top;
    for depth in 0..=SPLIT_PART_LEVELS {
        if depth > 0 {
            let Some(w) = doc.parent(wrapper) else {
                return;
            };
            wrapper = w;
        }
        let Some(outer) = doc.parent(wrapper) else {
            return;
        };
        if wrapper == ctx.body || outer == ctx.body || doc.is(outer, Tag::Html) {
            return;
        }
        let class = doc.attr(wrapper, "class").unwrap_or("").trim();
        if class.is_empty() {
            continue;
        }
        let parts: Vec<NodeIx> = doc
            .children(outer)
            .filter(|&sib| {
                sib != wrapper
                    && doc.tag(sib) == doc.tag(wrapper)
                    && doc.attr(sib, "class").map(str::trim) == Some(class)
                    && !ctx.is_removed(sib)
                    && !roots
                        .iter()
                        .any(|&r| doc.contains(sib, r) || doc.contains(r, sib))
                    && ctx.stats[sib].prose_chars >= SPLIT_PART_MIN_PROSE_CHARS
                    && ctx.stats[sib].paras >= SPLIT_PART_MIN_PARAS
                    && ctx.link_density(sib) <= SPLIT_PART_MAX_LINK_DENSITY
            })
            .collect();
        for sib in parts {
            ctx.note(sib, PassId::SelectCandidate, "joined", || {
                format!("another part of the story split into `{class}` wrappers")
            });
            let at = roots.partition_point(|&r| r < sib);
            roots.insert(at, sib);
        }
    }
}

/// An ancestor must hold this many times the candidate's prose to be climbed to.
const CLIMB_MIN_TEXT_FACTOR: f32 = 1.6;
/// … and this many more characters of it.
const CLIMB_MIN_EXTRA_CHARS: u32 = 300;
/// … with at most this link density.
const CLIMB_MAX_LINK_DENSITY: f32 = 0.35;

/// Climbs from `top` to the highest ancestor (below `<body>`) that holds clearly more
/// prose (paragraph text, not link lists or short items) at a low link density: the container of an article whose parts each scored
/// alone (a list of reviewed products, tabs of one guide).
fn climb_to_prose(ctx: &Ctx<'_, '_>, top: NodeIx) -> NodeIx {
    let doc = ctx.doc;
    let prose = |ix: NodeIx| ctx.stats[ix].prose_chars;
    let mut best = top;
    let mut anc = doc.parent(top);
    while let Some(a) = anc {
        if a == ctx.body || doc.is(a, Tag::Html) {
            break;
        }
        let (pa, pb) = (prose(a), prose(best));
        if ctx.link_density(a) <= CLIMB_MAX_LINK_DENSITY
            && pa as f32 >= pb as f32 * CLIMB_MIN_TEXT_FACTOR
            && pa >= pb + CLIMB_MIN_EXTRA_CHARS
            && !gains_a_teaser_stream(ctx, a, best)
        {
            best = a;
        }
        anc = doc.parent(a);
    }
    best
}

/// List items gained by a climb from which a teaser stream is recognised.
const STREAM_MIN_ITEMS: u32 = 5;
/// Share (percent) of the gained text that must sit in those list items.
const STREAM_MIN_LI_SHARE_PERCENT: u32 = 60;
/// Most prose per gained list item for a teaser (a title and a one-paragraph summary);
/// reviewed products and guide sections hold several paragraphs each.
const STREAM_MAX_PROSE_PER_ITEM: u32 = 300;

/// Paragraphs the candidate needs to be a whole story by itself: a lone intro paragraph
/// above a listing (a directory of alternatives, a product roundup) is the listing's lead,
/// and the listing is the article.
const STREAM_MIN_ARTICLE_PARAS: u32 = 5;

/// `true` when climbing from `from` (a story of several paragraphs) to its ancestor `to`
/// gains mostly a repetitive listing: many list items, each a title and a short teaser (a
/// news stream or "more stories" rail beside the story, a gallery of captions). Such text
/// is not more of the article.
fn gains_a_teaser_stream(ctx: &Ctx<'_, '_>, to: NodeIx, from: NodeIx) -> bool {
    let (a, b) = (&ctx.stats[to], &ctx.stats[from]);
    let items = a.lis.saturating_sub(b.lis);
    let chars = a.chars.saturating_sub(b.chars);
    let li_chars = a.li_chars.saturating_sub(b.li_chars);
    let prose = a.prose_chars.saturating_sub(b.prose_chars);
    b.paras >= STREAM_MIN_ARTICLE_PARAS
        && items >= STREAM_MIN_ITEMS
        && li_chars * 100 >= chars * STREAM_MIN_LI_SHARE_PERCENT
        && prose < items * STREAM_MAX_PROSE_PER_ITEM
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

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_document;

    use crate::dom::{Doc, Tag};
    use crate::options::Options;
    use crate::pipeline::Ctx;

    const PROSE: &str = "This paragraph reviews one product in detail, with sentences of real prose, \
        commas, and opinions, as a buying guide has for each item it lists and compares.";

    fn selected(html: &str) -> String {
        let parsed = parse_document(html);
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let scores = crate::score::paragraphs::run(&ctx);
        let roots = super::run(&mut ctx, &scores);
        roots
            .iter()
            .map(|r| doc.describe(*r))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn split_story(second_wrapper_class: &str) -> String {
        let p = format!("<p>{PROSE}</p>");
        let long = p.repeat(20);
        format!(
            "<body><div class=page><div class=part><div class=txt1>{p}{p}</div>\
             <aside><a href=/r>Related story</a></aside></div><div class=ad>Advertisement</div>\
             <div class={second_wrapper_class}><div class=txt2>{long}</div></div></div>\
             <div class=rail><p>Sidebar text.</p></div></body>"
        )
    }

    #[test]
    fn joins_the_first_part_of_a_story_split_into_wrappers() {
        let roots = selected(&split_story("part"));
        assert_eq!(roots, "div.part div.part");
    }

    #[test]
    fn does_not_join_a_wrapper_of_another_class() {
        let roots = selected(&split_story("part-b"));
        assert_eq!(roots, "div.part-b");
    }

    #[test]
    fn climbs_to_a_list_of_reviewed_items() {
        let item = |n: u32| {
            format!(
                "<li><div><h2>Item {n}</h2><div><div><p>{PROSE}</p><p>{PROSE} {PROSE}</p></div></div></div></li>"
            )
        };
        let html = format!(
            "<body><div id=guide><ul id=items>{}{}{}</ul></div><div id=side><a href=/x>x</a></div></body>",
            item(1),
            item(2),
            item(3)
        );
        let got = selected(&html);
        assert!(
            got.contains("ul#items") || got.contains("div#guide"),
            "{got}"
        );
    }

    #[test]
    fn does_not_climb_to_a_teaser_stream() {
        let teaser = "A one-paragraph summary of another story, with a comma, to lure a click.";
        let stream: String = (0..12)
            .map(|n| {
                format!("<li><h3><a href=/s{n}>Story {n}</a></h3><p>{teaser} {teaser}</p></li>")
            })
            .collect();
        let story = format!("<p>{PROSE}</p>").repeat(5);
        let html = format!(
            "<body><div id=page><div id=post>{story}</div><div><div><div><ul id=stream>{stream}</ul></div></div></div></div></body>"
        );
        // (The stream may still join as a scored sibling; the climb must not swallow it.)
        let got = selected(&html);
        assert!(got.starts_with("div#post"), "{got}");
    }

    #[test]
    fn climbs_from_a_lone_intro_to_its_listing() {
        let teaser = "A one-paragraph summary of another story, with a comma, to lure a click.";
        let items: String = (0..12)
            .map(|n| format!("<li><h3><a href=/s{n}>App {n}</a></h3><p>{teaser} {teaser}</p></li>"))
            .collect();
        let html = format!(
            "<body><div id=page><div id=intro><p>{PROSE} {PROSE}</p></div><div><div><div><ul id=apps>{items}</ul></div></div></div></div></body>"
        );
        let got = selected(&html);
        assert!(got.contains("div#page"), "{got}");
    }

    #[test]
    fn does_not_climb_for_short_list_items() {
        let comments: String = (0..30)
            .map(|n| format!("<li>Comment {n}: nice</li>"))
            .collect();
        let html = format!(
            "<body><div id=page><div id=post><p>{PROSE}</p><p>{PROSE}</p><p>{PROSE}</p></div><ul>{comments}</ul></div></body>"
        );
        assert_eq!(selected(&html), "div#post");
        let _ = Tag::P;
    }
}
