//! `remove_metadata_elements`: the byline, dateline and title heading, recorded as metadata.
//!
//! ## What it does
//! Removes the elements the metadata pass read the author, the date or the title from
//! (`Metadata::body_nodes`), so that "By Jane Doe · Feb. 27, 2025" is not the body's first
//! paragraph.
//!
//! ## Why
//! They are metadata, reported in their own fields; in the body they are noise.
//!
//! ## Example
//! `<div class="byline">by <a rel="author">Jane Doe</a> <time>…</time></div>` → removed.
//!
//! A recorded element that also holds a paragraph of prose (an intro block holding the
//! standfirst and the byline) loses only its children without prose.
//!
//! ## Safety
//! The metadata pass only records elements whose whole text is short (≤ 200 characters)
//! and never sectioning elements (`article`, `main`, `section`, `body`), so no article text
//! goes with them.
//!
//! ## Cost
//! O(k) for k recorded elements.

use crate::dom::NodeIx;
use crate::pipeline::{Ctx, PassId};

/// A recorded element with at least this much prose (characters) holds more than metadata.
const MIN_KEPT_PROSE_CHARS: u32 = 50;

/// Runs the pass.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, nodes: &[NodeIx]) {
    for &ix in nodes {
        if ix.get() >= ctx.doc.len() {
            continue;
        }
        if holds_prose(ctx, ix) {
            // Page pattern: `<div class="intro"><div class="summary">The standfirst.</div>
            // <div class="byline">Von Jane Doe</div></div>`: the standfirst is the article's.
            let doc = ctx.doc;
            let parts: Vec<NodeIx> = doc
                .children(ix)
                .filter(|c| doc.tag(*c).is_some() && ctx.stats[*c].prose_chars == 0)
                .collect();
            for c in parts {
                ctx.remove(c, PassId::RemoveMetadataElements, || {
                    "byline or dateline beside prose: recorded as metadata".to_string()
                });
            }
            continue;
        }
        ctx.remove(ix, PassId::RemoveMetadataElements, || {
            "byline, dateline or title: recorded as metadata".to_string()
        });
    }
}

/// `true` when `ix` holds a prose block of its own besides the metadata it was recorded for,
/// in a child element (a heading's own text never counts).
fn holds_prose(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    ctx.doc.tag(ix).is_some_and(|t| t.heading_level().is_none())
        && ctx.stats[ix].prose_chars >= MIN_KEPT_PROSE_CHARS
        && ctx
            .doc
            .children(ix)
            .any(|c| ctx.doc.tag(c).is_some() && ctx.stats[c].prose_chars == 0)
}

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_document;

    use crate::dom::{Doc, Tag};
    use crate::options::Options;
    use crate::pipeline::Ctx;

    #[test]
    fn removes_only_the_recorded_elements() {
        let html = parse_document(
            "<body><div class=byline>By Jane Doe</div><p>The story itself.</p></body>",
        );
        let doc = Doc::new(&html);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let byline = doc.find(Tag::Div).unwrap();
        super::run(&mut ctx, &[byline]);
        assert_eq!(ctx.subtree_text(ctx.body, 100), "The story itself.");
    }

    #[test]
    fn keeps_the_standfirst_beside_a_recorded_byline() {
        let html = parse_document(
            "<body><div class=intro><div class=summary>Banks and investors worldwide finance \
             ventures that harm the climate.</div><div class=byline>Von Jane Doe</div></div>\
             <p>The story itself.</p></body>",
        );
        let doc = Doc::new(&html);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let intro = doc.find(Tag::Div).unwrap();
        super::run(&mut ctx, &[intro]);
        let t = ctx.subtree_text(ctx.body, 200);
        assert!(
            t.starts_with("Banks and investors") && !t.contains("Jane Doe"),
            "{t}"
        );
    }

    #[test]
    fn nothing_recorded_nothing_removed() {
        let html = parse_document("<body><div class=byline>By Jane Doe</div></body>");
        let doc = Doc::new(&html);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        super::run(&mut ctx, &[]);
        assert_eq!(ctx.subtree_text(ctx.body, 100), "By Jane Doe");
    }
}
