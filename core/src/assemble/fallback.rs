//! `fallback`: when the selected container clearly misses the article, use better evidence.
//!
//! ## What it does
//! Compares the assembled body with two other readings of the page:
//! - the JSON-LD `articleBody`, which many CMSs publish verbatim;
//! - every paragraph left in the page after the boilerplate passes (for pages whose text is
//!   scattered over containers that no single candidate holds).
//!
//! A reading replaces the body only when the body is short and the reading is several times
//! longer: a wrong choice of container, not a matter of taste.
//!
//! ## Origin
//! trafilatura's comparison with its `baseline` and with readability/jusText fallbacks.
//!
//! ## Cost
//! O(n) for the paragraph reading.

use crate::article::Block;
use crate::assemble::block_chars;
use crate::dom::text::{char_count, collapse};
use crate::dom::{NodeIx, Tag};
use crate::pipeline::Ctx;

/// The body is "short" below this many characters.
pub(crate) const SHORT_BODY_CHARS: u32 = 400;
/// A reading must be this many times longer than a short body to replace it.
const MIN_GAIN_FACTOR: u32 = 3;
/// Paragraphs of the page-wide reading are cut at this many characters.
const MAX_BASELINE_PARAGRAPH_CHARS: usize = 100_000;
/// Paragraphs of the page-wide reading need this many characters.
const MIN_BASELINE_PARAGRAPH_CHARS: u32 = 40;

/// A better body and the name of the strategy that found it, if there is one.
pub(crate) fn better_body(
    ctx: &Ctx<'_, '_>,
    blocks: &[Block],
    json_ld_body: Option<&str>,
) -> Option<(Vec<Block>, &'static str)> {
    let have: u32 = blocks.iter().map(block_chars).sum();
    if have >= SHORT_BODY_CHARS {
        return None;
    }
    let need = have
        .saturating_mul(MIN_GAIN_FACTOR)
        .max(SHORT_BODY_CHARS / 2);
    if let Some(body) = json_ld_body {
        let paragraphs: Vec<Block> = body
            .split('\n')
            .map(collapse)
            .filter(|p| !p.is_empty())
            .map(|text| Block::Paragraph {
                text,
                links: Vec::new(),
            })
            .collect();
        let chars: u32 = paragraphs.iter().map(block_chars).sum();
        if chars >= need {
            return Some((paragraphs, "json_ld"));
        }
    }
    let paragraphs = page_paragraphs(ctx);
    let chars: u32 = paragraphs.iter().map(block_chars).sum();
    if chars >= need {
        return Some((paragraphs, "paragraphs"));
    }
    None
}

/// Every surviving `<p>` (and `<pre>`) of the body with enough text and few links.
fn page_paragraphs(ctx: &Ctx<'_, '_>) -> Vec<Block> {
    let doc = ctx.doc;
    let mut out = Vec::new();
    let end = doc.end(ctx.body);
    let mut i = ctx.body;
    while i < end {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        if doc.is(i, Tag::P) || doc.is(i, Tag::Pre) {
            let s = &ctx.stats[i];
            if s.chars >= MIN_BASELINE_PARAGRAPH_CHARS && ctx.link_density(i) < 0.5 {
                let text = ctx.subtree_text(i, MAX_BASELINE_PARAGRAPH_CHARS);
                if char_count(&text) > 0 {
                    out.push(Block::Paragraph {
                        text,
                        links: Vec::new(),
                    });
                }
            }
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
    out
}
