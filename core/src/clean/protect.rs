//! Which elements a boilerplate rule must not remove: the ones holding the article.
//!
//! ## What it does
//! Marks *anchors*, elements that announce the main text (`<article>`, `<main>`,
//! `itemprop=articleBody`, `entry-content`-like classes) and hold a real share of the page's
//! text, and protects every element that contains an anchor or most of the page's text.
//!
//! ## Why
//! Class words lie: `<body class="has-sidebar">`, `<div id="page-with-comments">` and
//! `<article class="post no-comments">` wrap the whole article. Readability answers with
//! retries; a protection test answers before anything is lost.
//!
//! ## Cost
//! O(n): one reverse pass.

use crate::dom::{NodeIx, NodeVec, Tag};
use crate::patterns::Sig;
use crate::pipeline::Ctx;

/// An anchor must hold at least this share (percent) of the body's text.
const MIN_ANCHOR_SHARE_PERCENT: u32 = 25;
/// Any element holding more than this share (percent) of the body's text is protected.
const MAX_REMOVABLE_SHARE_PERCENT: u32 = 55;

/// An element announcing the article (`<article>`, `<main>`, `articleBody`) needs this much
/// prose of its own for a sidebar or caption list beside it to lose share protection.
const MIN_ANNOUNCED_PROSE_CHARS: u32 = 500;

/// Protection flags for every node.
pub(crate) struct Protection(NodeVec<bool>);

impl Protection {
    /// No node protected (before the statistics exist).
    pub(crate) fn empty() -> Protection {
        Protection(NodeVec::new(0, false))
    }

    /// Computes the flags from the current stats.
    pub(crate) fn compute(ctx: &Ctx<'_, '_>) -> Protection {
        let doc = ctx.doc;
        let body_chars = ctx.stats[ctx.body].chars.max(1);
        let mut holds = NodeVec::new(doc.len(), false);
        // Whether an anchor is at or under the node.
        let mut anchored = NodeVec::new(doc.len(), false);
        let announced: Vec<NodeIx> = doc
            .all()
            .filter(|ix| {
                doc.tag(*ix)
                    .is_some_and(|t| matches!(t, Tag::Article | Tag::Main))
                    || ctx.sig[*ix].any(Sig::CONTENT_STRONG)
            })
            .filter(|ix| ctx.stats[*ix].prose_chars >= MIN_ANNOUNCED_PROSE_CHARS)
            .collect();
        for ix in doc.all().rev() {
            let Some(tag) = doc.tag(ix) else { continue };
            let chars = ctx.stats[ix].chars;
            let share = chars * 100 / body_chars;
            // `itemprop=articleBody` is classified as a strong content word already.
            let anchor = share >= MIN_ANCHOR_SHARE_PERCENT
                && (matches!(tag, Tag::Article | Tag::Main)
                    || ctx.sig[ix].any(Sig::CONTENT_STRONG));
            // Share alone protects only what has prose: a page whose only text is a menu has
            // no article to protect.
            let has_prose = ctx.stats[ix].prose_chars > 0;
            if anchor {
                anchored[ix] = true;
            }
            if is_furniture_beside_article(ctx, ix, &announced) {
                // Only an anchor inside protects it, not its own size or its children's.
                holds[ix] = anchored[ix];
            } else if anchor || (share > MAX_REMOVABLE_SHARE_PERCENT && has_prose) {
                holds[ix] = true;
            }
            if let Some(p) = doc.parent(ix) {
                holds[p] |= holds[ix];
                anchored[p] |= anchored[ix];
            }
        }
        Protection(holds)
    }

    /// `true` when removing `ix` would remove the article.
    pub(crate) fn is_protected(&self, ix: NodeIx) -> bool {
        self.0.lookup(ix).unwrap_or(false)
    }
}

/// `true` when `ix` names itself furniture that can outweigh a short story (a sidebar
/// `<aside>` or `role=complementary` region, a caption-named list of slideshow legends) and
/// the page announces its article elsewhere, with prose of its own outside `ix`. A long live
/// feed or gallery beside the story does not become the article by its size.
///
/// Page pattern: `<div class=article-body>short story…</div><aside id=sidebar>long live
/// blog…</aside>`. A sidebar-named wrapper around the whole article (`<aside
/// class=sidebar-layout><article>…</article></aside>`) has no announced prose outside it and
/// stays protected.
fn is_furniture_beside_article(ctx: &Ctx<'_, '_>, ix: NodeIx, announced: &[NodeIx]) -> bool {
    let doc = ctx.doc;
    let sidebar = ctx.sig[ix].any(Sig::SIDEBAR)
        && (doc.is(ix, Tag::Aside)
            || doc
                .attr(ix, "role")
                .is_some_and(|r| r.trim().eq_ignore_ascii_case("complementary")));
    let legends = ctx.sig[ix].any(Sig::CAPTION) && matches!(doc.tag(ix), Some(Tag::Ul | Tag::Ol));
    if !sidebar && !legends {
        return false;
    }
    announced.iter().any(|a| {
        if doc.contains(ix, *a) {
            return false;
        }
        let inside = if doc.contains(*a, ix) {
            ctx.stats[ix].prose_chars
        } else {
            0
        };
        ctx.stats[*a].prose_chars.saturating_sub(inside) >= MIN_ANNOUNCED_PROSE_CHARS
    })
}

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text;

    /// One paragraph of story prose (about 190 characters).
    const P: &str = "<p>The story goes on with another paragraph of plain prose, long enough to \
        count as a paragraph of the article, with commas, clauses and a full stop at the end \
        of it.</p>";

    /// A long feed of items, each a paragraph: outweighs a three-paragraph story.
    fn feed() -> String {
        let item = "<li><p>Live update: something else happened somewhere else today, and the \
            live feed reports it in a paragraph of its own, as feeds do, at some length.</p></li>";
        format!("<ul class=feed>{}</ul>", item.repeat(12))
    }

    #[test]
    fn a_sidebar_beside_an_announced_article_is_not_protected_by_its_size() {
        let html = format!(
            "<body><div itemprop=articleBody>{P}{P}{P}{P}{P}</div>\
             <aside id=sidebar role=complementary>{}</aside></body>",
            feed()
        );
        let t = surviving_text(&html, crate::clean::remove_semantic_boilerplate::run);
        assert!(t.contains("The story goes on"), "{t}");
        assert!(!t.contains("Live update"), "{t}");
    }

    #[test]
    fn a_sidebar_without_an_announced_article_elsewhere_stays_protected() {
        let html = format!(
            "<body><div class=intro>{P}</div><aside id=sidebar>{}</aside></body>",
            feed()
        );
        let t = surviving_text(&html, crate::clean::remove_semantic_boilerplate::run);
        assert!(t.contains("Live update"), "{t}");
    }

    #[test]
    fn a_caption_list_inside_the_article_is_not_protected_by_its_size() {
        let legend = "<li><h2>1/9 A photo</h2><p>The caption of this photo says what it shows, \
            who took it, where and when, in a sentence or two of text.</p></li>";
        let html = format!(
            "<body><div itemprop=articleBody>{P}{P}{P}{P}{P}<div class=gallery>\
             <ul class=legends>{}</ul></div></div></body>",
            legend.repeat(16)
        );
        let t = surviving_text(&html, |c| {
            crate::clean::remove_boilerplate_classes::run(
                c,
                crate::clean::remove_boilerplate_classes::Words::All,
            )
        });
        assert!(t.contains("The story goes on"), "{t}");
        assert!(!t.contains("caption of this photo"), "{t}");
    }
}
