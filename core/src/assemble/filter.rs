//! `filter_blocks`: last checks on the assembled blocks.
//!
//! ## What it does
//! - drops a heading or paragraph that repeats the article title (it is metadata);
//! - drops repeated short blocks (a newsletter form's "* indicates required" five times);
//! - drops headings left dangling at the end (a "Related" heading whose list was removed).
//!
//! ## Origin
//! trafilatura's duplicate-text filter (`LRU_TEST`) and Readability's headline removal.
//!
//! ## Cost
//! O(blocks · log) with a hash set.

use crate::article::Block;
use crate::assemble::Assembled;
use crate::dom::Tag;
use crate::dom::text::fold;
use crate::patterns::FnvMap;
use crate::pipeline::{Ctx, PassId};

/// Short blocks (folded bytes) are deduplicated wherever they repeat: repeated furniture is
/// short ("* indicates required"). A longer block is dropped only when it repeats as part
/// of a run (its neighbour repeats the first copy's neighbour too): a page rendered twice
/// for two screen sizes, not an author saying a paragraph twice.
const MAX_DEDUP_KEY_BYTES: usize = 100;
/// Texts up to this many bytes are folded for comparison.
const MAX_FOLDED_KEY_SOURCE_BYTES: usize = 300;
/// Long blocks repeated in runs of at least this many are dropped.
const MIN_DUPLICATE_RUN: usize = 3;

/// Runs the filters.
pub(crate) fn run(
    ctx: &mut Ctx<'_, '_>,
    assembled: Assembled,
    title_keys: &[String],
) -> Vec<Block> {
    let Assembled {
        mut blocks,
        link_shares,
    } = assembled;
    let blocks = &mut blocks;
    // Short texts are compared folded (case and punctuation aside); long ones as written,
    // which is enough to spot a page rendered twice and saves folding every paragraph.
    let key_of = |text: &str| -> String {
        if text.len() <= MAX_FOLDED_KEY_SOURCE_BYTES {
            fold(text)
        } else {
            text.to_string()
        }
    };
    let keys: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text } => {
                key_of(text)
            }
            Block::List { items, .. } => items.iter().map(|i| key_of(&i.text)).collect(),
            _ => String::new(),
        })
        .collect();
    let mut first: FnvMap<&str, usize> = FnvMap::default();
    let mut drop = vec![false; blocks.len()];
    for (i, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let Some(&j) = first.get(key.as_str()) else {
            first.insert(key, i);
            continue;
        };
        // Whether i sits in a run of at least MIN_DUPLICATE_RUN blocks repeating the first
        // copy's blocks in order (scanning at most that far each way: O(1) per block).
        let in_run = key.len() > MAX_DEDUP_KEY_BYTES && {
            let eq = |a: usize, b: usize| {
                keys.get(a)
                    .zip(keys.get(b))
                    .is_some_and(|(x, y)| !x.is_empty() && x == y)
            };
            let mut back = 0;
            while back + 1 < MIN_DUPLICATE_RUN
                && back < j
                && i - back - 1 > j
                && eq(i - back - 1, j - back - 1)
            {
                back += 1;
            }
            let mut fwd = 0;
            while back + fwd + 1 < MIN_DUPLICATE_RUN
                && j + fwd + 1 < i
                && eq(i + fwd + 1, j + fwd + 1)
            {
                fwd += 1;
            }
            back + 1 + fwd >= MIN_DUPLICATE_RUN
        };
        if (key.len() <= MAX_DEDUP_KEY_BYTES || in_run)
            && let Some(d) = drop.get_mut(i)
        {
            *d = true;
        }
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut shares = Vec::with_capacity(blocks.len());
    for (n, b) in std::mem::take(blocks).into_iter().enumerate() {
        let key = keys.get(n).map_or("", String::as_str);
        if n < 8
            && !key.is_empty()
            && !matches!(b, Block::List { .. })
            && title_keys.iter().any(|t| {
                key == t || (matches!(b, Block::Heading { .. }) && is_title_variant(key, t))
            })
        {
            trace(ctx, &b, "repeats the title");
            continue;
        }
        if drop.get(n).copied().unwrap_or(false) {
            trace(ctx, &b, "duplicate block");
            continue;
        }
        out.push(b);
        shares.push(link_shares.get(n).copied().unwrap_or(0.0));
    }
    trim_link_edges(ctx, &mut out, &mut shares);
    trim_calls_to_action(ctx, &mut out);
    if ctx.tuning().trim_edges {
        trim_edges(ctx, &mut out);
    }
    let has_body = out.iter().any(|b| !matches!(b, Block::Heading { .. }));
    while has_body && out.last().is_some_and(is_dangling) {
        if let Some(b) = out.pop() {
            trace(ctx, &b, "dangling heading or label at the end");
        }
    }
    out
}

/// Trailing blocks up to this many characters are checked for calls to action.
const MAX_CTA_BLOCK_CHARS: usize = 250;
/// How many trailing blocks are checked for calls to action.
const CTA_TAIL_BLOCKS: usize = 3;

/// Phrases (lower case) of the calls to action that follow articles: newsletters, apps,
/// donations, social follows, reader mail — in several languages.
const CTA_PHRASES: &[&str] = &[
    "newsletter",
    "subscribe",
    "sign up",
    "download the",
    "get the app",
    "our app",
    "the app",
    "follow us",
    "support our work",
    "support our journalism",
    "consider supporting",
    "become a member",
    "letter to the editor",
    "letters to the editor",
    "abonnieren",
    "abonnieren sie",
    "jetzt abonnieren",
    "folgen sie uns",
    "folge uns",
    "unterstützen sie",
    "in der app",
    "abonnez",
    "suivez-nous",
    "suscríbete",
    "síguenos",
    "descarga la app",
    "iscriviti",
    "seguici",
    "zapisz się",
    "subskryb",
    "obserwuj nas",
    "подпишитесь",
];

/// Drops calls to action among the last few short blocks: "Get the latest news with our
/// app", "Sign up for the newsletter", "Support our work" — they follow the article.
fn trim_calls_to_action(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    let start = out.len().saturating_sub(CTA_TAIL_BLOCKS);
    let mut n = out.len();
    while n > start.max(1) {
        n -= 1;
        let is_cta = match out.get(n) {
            Some(Block::Paragraph { text, .. }) if text.chars().count() <= MAX_CTA_BLOCK_CHARS => {
                let lower = text.to_lowercase();
                CTA_PHRASES.iter().any(|p| lower.contains(p))
            }
            _ => false,
        };
        if is_cta {
            let b = out.remove(n);
            trace(ctx, &b, "call to action after the article");
        }
    }
}

/// Blocks at the edges of the article made mostly of link text, up to this many characters,
/// are link furniture (a related headline, "← previous post", a category label).
const MAX_EDGE_LINK_BLOCK_CHARS: u32 = 200;
/// Share of a block's text inside links that makes it link furniture at an edge.
const MIN_EDGE_LINK_SHARE: f32 = 0.5;

/// Drops short link-made blocks from both ends of the article (never the last body block).
fn trim_link_edges(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>, shares: &mut Vec<f32>) {
    let is_link_furniture = |b: &Block, share: f32| {
        share >= MIN_EDGE_LINK_SHARE
            && !matches!(
                b,
                Block::Table { .. } | Block::Figure { .. } | Block::Code { .. }
            )
            && crate::assemble::block_chars(b) <= MAX_EDGE_LINK_BLOCK_CHARS
    };
    while out.len() > 1
        && let (Some(b), Some(share)) = (out.last(), shares.last())
        && is_link_furniture(b, *share)
    {
        if let Some(b) = out.pop() {
            shares.pop();
            trace(ctx, &b, "link text at the end of the article");
        }
    }
    let lead = out
        .iter()
        .zip(shares.iter())
        .take(out.len().saturating_sub(1))
        .take_while(|(b, share)| is_link_furniture(b, **share))
        .count();
    for b in out.drain(..lead) {
        trace(ctx, &b, "link text at the start of the article");
    }
    shares.drain(..lead);
}

/// A label shorter than this (characters) ending with a colon, left at the end of the
/// article ("Weitere Informationen:", "Contact:"), introduced something that was removed.
const MAX_DANGLING_LABEL_CHARS: usize = 40;

/// A heading, or a short label ending with a colon.
fn is_dangling(b: &Block) -> bool {
    match b {
        Block::Heading { .. } => true,
        Block::Paragraph { text, .. } => {
            text.chars().count() <= MAX_DANGLING_LABEL_CHARS && text.trim_end().ends_with(':')
        }
        _ => false,
    }
}

/// Paragraphs shorter than this at the edges of the article are trimmed in precision mode
/// unless they end like a sentence.
const MAX_EDGE_TRIM_CHARS: usize = 80;

/// Precision mode: drops short paragraphs that do not end like a sentence from the start and
/// the end of the article (credits, datelines, "Share", category labels).
fn trim_edges(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    let trimmable = |b: &Block| match b {
        Block::Paragraph { text, .. } => {
            text.chars().count() < MAX_EDGE_TRIM_CHARS
                && !text
                    .trim_end()
                    .ends_with(['.', '!', '?', '…', '。', '"', '”', '»', ')'])
        }
        _ => false,
    };
    while out.len() > 1 && out.first().is_some_and(trimmable) {
        let b = out.remove(0);
        trace(ctx, &b, "short unpunctuated block at the start");
    }
    while out.len() > 1 && out.last().is_some_and(trimmable) {
        if let Some(b) = out.pop() {
            trace(ctx, &b, "short unpunctuated block at the end");
        }
    }
}

/// Folded forms of what the page declares as its title: `<title>`, `og:title`,
/// `twitter:title`, and the metadata title unless it was read from the body's own `<h1>`
/// (a heading cannot repeat itself).
pub(crate) fn title_keys(ctx: &Ctx<'_, '_>, title: Option<&str>) -> Vec<String> {
    let doc = ctx.doc;
    let mut keys = Vec::new();
    for ix in doc.all() {
        match doc.tag(ix) {
            Some(Tag::Title) => {
                let t: String = doc.children(ix).filter_map(|c| doc.text(c)).collect();
                keys.push(fold(&t));
            }
            Some(Tag::Meta) => {
                let k = doc
                    .attr(ix, "property")
                    .or_else(|| doc.attr(ix, "name"))
                    .unwrap_or("");
                if k.eq_ignore_ascii_case("og:title") || k.eq_ignore_ascii_case("twitter:title") {
                    keys.push(fold(doc.attr(ix, "content").unwrap_or("")));
                }
            }
            Some(Tag::Body) => break,
            _ => {}
        }
    }
    if let Some(t) = title {
        let t = fold(t);
        let from_h1 = doc.all().any(|ix| {
            doc.is(ix, Tag::H1)
                && fold(
                    &doc.subtree(ix)
                        .filter_map(|c| doc.text(c))
                        .collect::<String>(),
                ) == t
        });
        if !from_h1 || keys.iter().any(|k| k.contains(&t)) {
            keys.push(t);
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
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
    use crate::dom::parse::parse_document;

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
        let parsed = parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let keys = title_keys(&ctx, title);
        let link_shares = vec![0.0; blocks.len()];
        run(
            &mut ctx,
            Assembled {
                blocks,
                link_shares,
            },
            &keys,
        )
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
    fn long_repeats_go_only_as_runs() {
        let long = |t: &str| p(&format!("{t} {}", "word ".repeat(30)));
        // A page rendered twice (two screen sizes): the second copy goes.
        let twice = vec![
            long("a"),
            long("b"),
            long("c"),
            long("a"),
            long("b"),
            long("c"),
        ];
        assert_eq!(filtered(twice, None), vec![long("a"), long("b"), long("c")]);
        // An author repeating one paragraph: kept.
        let said_twice = vec![long("a"), long("b"), long("a")];
        assert_eq!(filtered(said_twice.clone(), None), said_twice);
    }

    #[test]
    fn trims_link_made_blocks_at_the_edges_only() {
        let parsed = parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let blocks = vec![
            p("Home › World"),
            p("Body one."),
            p("A linked phrase in the middle."),
            p("Body two."),
            p("Next: another story"),
        ];
        let link_shares = vec![1.0, 0.0, 1.0, 0.0, 0.9];
        let out = run(
            &mut ctx,
            Assembled {
                blocks,
                link_shares,
            },
            &[],
        );
        assert_eq!(
            out,
            vec![
                p("Body one."),
                p("A linked phrase in the middle."),
                p("Body two.")
            ]
        );
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
