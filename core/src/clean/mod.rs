//! Passes that remove boilerplate. Each one marks nodes in `Ctx::removed`; none edits the
//! tree.

pub(crate) mod protect;
pub(crate) mod prune_boilerplate_text;
pub(crate) mod prune_conditionally;
pub(crate) mod remove_boilerplate_classes;
pub(crate) mod remove_hidden;
pub(crate) mod remove_metadata_elements;
pub(crate) mod remove_non_content;
pub(crate) mod remove_semantic_boilerplate;

#[cfg(test)]
pub(crate) mod test_util {
    //! Runs passes on a snippet and reports which elements survived.

    use crate::dom::parse::parse_document;

    use crate::dom::{Doc, NodeIx};
    use crate::options::Options;
    use crate::pipeline::Ctx;

    /// Parses `html`, runs `pass` and returns the surviving text of the body, collapsed.
    pub(crate) fn surviving_text(html: &str, pass: impl Fn(&mut Ctx<'_, '_>)) -> String {
        let parsed = parse_document(html);
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        pass(&mut ctx);
        ctx.subtree_text(ctx.body, 10_000)
    }

    /// Like [`surviving_text`] but the pass also gets the `<body>` as the only root, and the
    /// paragraph scores.
    pub(crate) fn surviving_text_in_body(
        html: &str,
        pass: impl Fn(&mut Ctx<'_, '_>, &[NodeIx], &crate::score::paragraphs::Scores),
    ) -> String {
        surviving_text(html, |ctx| {
            let body = ctx.body;
            let scores = crate::score::paragraphs::run(ctx);
            pass(ctx, &[body], &scores);
        })
    }
}
