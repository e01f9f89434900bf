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
//! ## Safety
//! The metadata pass only records elements whose whole text is short (≤ 200 characters)
//! and never sectioning elements (`article`, `main`, `section`, `body`), so no article text
//! goes with them.
//!
//! ## Cost
//! O(k) for k recorded elements.

use crate::dom::NodeIx;
use crate::pipeline::{Ctx, PassId};

/// Runs the pass.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, nodes: &[NodeIx]) {
    for &ix in nodes {
        if ix.get() < ctx.doc.len() {
            ctx.remove(ix, PassId::RemoveMetadataElements, || {
                "byline, dateline or title: recorded as metadata".to_string()
            });
        }
    }
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
    fn nothing_recorded_nothing_removed() {
        let html = parse_document("<body><div class=byline>By Jane Doe</div></body>");
        let doc = Doc::new(&html);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        super::run(&mut ctx, &[]);
        assert_eq!(ctx.subtree_text(ctx.body, 100), "By Jane Doe");
    }
}
