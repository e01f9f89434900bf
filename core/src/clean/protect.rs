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
            if anchor || (share > MAX_REMOVABLE_SHARE_PERCENT && has_prose) {
                holds[ix] = true;
            }
            if holds[ix]
                && let Some(p) = doc.parent(ix)
            {
                holds[p] = true;
            }
        }
        Protection(holds)
    }

    /// `true` when removing `ix` would remove the article.
    pub(crate) fn is_protected(&self, ix: NodeIx) -> bool {
        self.0.lookup(ix).unwrap_or(false)
    }
}
