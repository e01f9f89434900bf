//! `filter_blocks`: last checks on the assembled blocks.
//!
//! ## What it does
//! - drops a heading or paragraph that repeats the article title (it is metadata);
//! - drops repeated short blocks (a newsletter form's "* indicates required" five times) and
//!   any block identical to an earlier one;
//! - drops headings left dangling at the end (a "Related" heading whose list was removed).
//!
//! ## Origin
//! trafilatura's duplicate-text filter (`LRU_TEST`) and Readability's headline removal.
//!
//! ## Cost
//! O(blocks · log) with a hash set.

use std::collections::HashSet;

use crate::article::Block;
use crate::dom::text::fold;
use crate::pipeline::{Ctx, PassId};

/// Runs the filters.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, blocks: &mut Vec<Block>, title: Option<&str>) {
    let title_key = title.map(fold).filter(|t| !t.is_empty());
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::with_capacity(blocks.len());
    for (n, b) in std::mem::take(blocks).into_iter().enumerate() {
        let key = match &b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text } => {
                fold(text)
            }
            _ => String::new(),
        };
        if let Some(t) = &title_key
            && n < 8
            && !key.is_empty()
            && (key == *t || (matches!(b, Block::Heading { .. }) && is_title_variant(&key, t)))
        {
            trace(ctx, &b, "repeats the title");
            continue;
        }
        if !key.is_empty() && !seen.insert(key) {
            trace(ctx, &b, "duplicate block");
            continue;
        }
        out.push(b);
    }
    let has_body = out.iter().any(|b| !matches!(b, Block::Heading { .. }));
    while has_body && matches!(out.last(), Some(Block::Heading { .. })) {
        if let Some(b) = out.pop() {
            trace(ctx, &b, "dangling heading at the end");
        }
    }
    *blocks = out;
}

/// A heading that is the title with a site suffix, or the title without one.
fn is_title_variant(heading: &str, title: &str) -> bool {
    let (short, long) = if heading.len() <= title.len() {
        (heading, title)
    } else {
        (title, heading)
    };
    short.len() * 10 >= long.len() * 7 && long.contains(short)
}

fn trace(ctx: &mut Ctx<'_, '_>, b: &Block, reason: &str) {
    if ctx.opts.explain {
        let text = match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text } => {
                crate::dom::text::prefix(text, 80)
            }
            _ => String::new(),
        };
        ctx.trace.push(crate::article::TraceEntry {
            pass: PassId::FilterBlocks.as_str().to_string(),
            action: "removed".to_string(),
            element: b.kind().to_string(),
            text,
            reason: reason.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use scraper::Html;

    use super::*;
    use crate::dom::Doc;
    use crate::options::Options;

    fn p(t: &str) -> Block {
        Block::Paragraph {
            text: t.into(),
            links: vec![],
        }
    }

    fn filtered(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
        let parsed = Html::parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let mut blocks = blocks;
        run(&mut ctx, &mut blocks, title);
        blocks
    }

    #[test]
    fn drops_title_duplicates_and_dangling_headings() {
        let out = filtered(
            vec![
                Block::Heading {
                    level: 1,
                    text: "The Title".into(),
                },
                p("Body one."),
                p("* indicates required"),
                p("* indicates required"),
                Block::Heading {
                    level: 2,
                    text: "Related".into(),
                },
            ],
            Some("The title"),
        );
        assert_eq!(out, vec![p("Body one."), p("* indicates required")]);
    }

    #[test]
    fn keeps_distinct_blocks_and_inner_headings() {
        let blocks = vec![
            p("One."),
            Block::Heading {
                level: 2,
                text: "Part two".into(),
            },
            p("Two."),
        ];
        assert_eq!(filtered(blocks.clone(), Some("Something else")), blocks);
    }
}
