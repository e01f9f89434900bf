//! `remove_non_content`: elements that never hold article text.
//!
//! ## What it does
//! Removes `<script>`, `<style>`, `<noscript>`, `<template>`, `<svg>`, form controls,
//! `<iframe>`, media players, `<dialog>` and the like, wherever they are; also `<rt>`, the
//! pronunciation written above ruby text (furigana: `<ruby>子<rt>こ</rt></ruby>`), which a
//! reader sees as an annotation and which, left in, splits every word it glosses.
//!
//! ## Example
//! `<p>Text<script>track()</script></p>` → `<p>Text</p>`
//!
//! ## Origin
//! Readability `_removeScripts` / `_clean`; trafilatura `MANUALLY_CLEANED`.
//!
//! ## Cost
//! O(n), skipping removed subtrees.

use crate::dom::{NodeIx, Tag};
use crate::pipeline::{Ctx, PassId};

/// Runs the pass.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let mut i = NodeIx(0);
    let end = NodeIx(doc.len() as u32);
    while i < end {
        if let Some(tag) = doc.tag(i)
            && (tag.is_never_content() || is_annotation(tag))
        {
            ctx.remove(i, PassId::RemoveNonContent, || {
                format!("<{}> is never content", tag.name())
            });
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
}

/// `true` for ruby annotations (`<rt>`): the reading of the base text, not text of its own.
/// (`<rp>`, the fallback parentheses, is never content already.)
fn is_annotation(tag: Tag) -> bool {
    tag == Tag::Rt
}

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text;

    #[test]
    fn removes_scripts_and_controls() {
        let t = surviving_text(
            "<body><p>Keep<script>var x = 1;</script></p><button>Subscribe</button>\
             <select><option>One</option></select><noscript>Enable JS</noscript></body>",
            super::run,
        );
        assert_eq!(t, "Keep");
    }

    #[test]
    fn drops_ruby_annotations_but_keeps_the_base_text() {
        let t = surviving_text(
            "<body><p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>どもへの\
             <ruby>虐待<rt>ぎゃくたい</rt></ruby></p></body>",
            super::run,
        );
        assert_eq!(t, "子どもへの虐待");
    }

    #[test]
    fn keeps_ordinary_text() {
        let t = surviving_text("<body><p>Plain <b>bold</b> text</p></body>", super::run);
        assert_eq!(t, "Plain bold text");
    }
}
