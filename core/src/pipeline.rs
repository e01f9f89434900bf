//! The extraction pipeline: every pass, in order, in one function ([`run`]).
//!
//! ```text
//! decode → parse → metadata → prune → score → select → clean → assemble → filter → render
//! ```
//!
//! Passes never change the parsed tree: they write side tables keyed by [`NodeIx`]
//! (`removed`, `stats`, scores), so a retry with different settings is a re-run over the same
//! tree, never a re-parse.

use crate::article::{Block, TraceEntry};
use crate::dom::text::prefix;
use crate::dom::{Doc, Kind, NodeIx, NodeVec, Tag};
use crate::options::{Favor, Options};
use crate::patterns::{Sig, classify};
use crate::{assemble, clean, score};

/// Stable ids of the passes, used in traces and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PassId {
    RemoveNonContent,
    RemoveHidden,
    RemoveSemanticBoilerplate,
    RemoveBoilerplateClasses,
    RemoveMetadataElements,
    SelectCandidate,
    PruneConditionally,
    PruneBoilerplateText,
    FilterBlocks,
}

impl PassId {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            PassId::RemoveNonContent => "remove_non_content",
            PassId::RemoveHidden => "remove_hidden",
            PassId::RemoveSemanticBoilerplate => "remove_semantic_boilerplate",
            PassId::RemoveBoilerplateClasses => "remove_boilerplate_classes",
            PassId::RemoveMetadataElements => "remove_metadata_elements",
            PassId::SelectCandidate => "select_candidate",
            PassId::PruneConditionally => "prune_conditionally",
            PassId::PruneBoilerplateText => "prune_boilerplate_text",
            PassId::FilterBlocks => "filter_blocks",
        }
    }
}

/// Per-node text statistics over the subtree, removed subtrees excluded.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    /// Non-whitespace characters.
    pub chars: u32,
    /// Of which inside `<a>`.
    pub link_chars: u32,
    /// Commas.
    pub commas: u32,
    /// Characters not under a nested block element (the node's "own" paragraph text).
    pub inline_chars: u32,
    /// Commas in that inline text.
    pub inline_commas: u32,
    /// `<p>` elements with text.
    pub paras: u32,
    /// `<li>` elements.
    pub lis: u32,
    /// Characters inside `<li>`.
    pub li_chars: u32,
    /// `<img>` elements.
    pub imgs: u32,
    /// Form controls.
    pub inputs: u32,
    /// `<iframe>`, `<embed>`, `<object>`, `<video>`, `<audio>`.
    pub embeds: u32,
    /// Characters inside headings.
    pub heading_chars: u32,
}

/// Shared state of one extraction.
pub(crate) struct Ctx<'d, 'h> {
    pub doc: &'d Doc<'h>,
    pub opts: &'d Options,
    /// Class/id/role/aria-label signature of each element.
    pub sig: NodeVec<Sig>,
    /// Direct removal marks: the pass that removed the node (its subtree goes with it).
    pub removed: NodeVec<Option<PassId>>,
    /// Statistics, refreshed by [`Ctx::refresh_stats`].
    pub stats: NodeVec<Stats>,
    /// `<body>` (or the root when there is none).
    pub body: NodeIx,
    /// Outermost comment sections met by the class pass.
    pub comment_roots: Vec<NodeIx>,
    /// Decisions, when `explain` is on.
    pub trace: Vec<TraceEntry>,
}

impl<'d, 'h> Ctx<'d, 'h> {
    pub(crate) fn new(doc: &'d Doc<'h>, opts: &'d Options) -> Self {
        let mut sig = NodeVec::new(doc.len(), Sig::default());
        for ix in doc.all() {
            if let Some(el) = doc.element(ix) {
                let mut bits = 0;
                for name in [
                    "class",
                    "id",
                    "role",
                    "aria-label",
                    "itemprop",
                    "data-component",
                ] {
                    if let Some(v) = el.attr(name) {
                        bits |= classify(v).0;
                    }
                }
                sig[ix] = Sig(bits);
            }
        }
        let body = doc.find(Tag::Body).unwrap_or(NodeIx(0));
        let mut ctx = Ctx {
            doc,
            opts,
            sig,
            removed: NodeVec::new(doc.len(), None),
            stats: NodeVec::new(doc.len(), Stats::default()),
            body,
            comment_roots: Vec::new(),
            trace: Vec::new(),
        };
        ctx.refresh_stats();
        ctx
    }

    /// Removes `ix` (and its subtree) for `pass`, recording `reason` when explaining.
    pub(crate) fn remove(&mut self, ix: NodeIx, pass: PassId, reason: impl FnOnce() -> String) {
        if self.removed[ix].is_some() {
            return;
        }
        self.removed[ix] = Some(pass);
        if self.opts.explain {
            let text = self.subtree_text(ix, 80);
            self.trace.push(TraceEntry {
                pass: pass.as_str().to_string(),
                action: "removed".to_string(),
                element: self.doc.describe(ix),
                text,
                reason: reason(),
            });
        }
    }

    /// Records a non-removal decision when explaining.
    pub(crate) fn note(
        &mut self,
        ix: NodeIx,
        pass: PassId,
        action: &str,
        reason: impl FnOnce() -> String,
    ) {
        if self.opts.explain {
            let text = self.subtree_text(ix, 80);
            self.trace.push(TraceEntry {
                pass: pass.as_str().to_string(),
                action: action.to_string(),
                element: self.doc.describe(ix),
                text,
                reason: reason(),
            });
        }
    }

    /// `true` when `ix` or an ancestor is removed. O(depth).
    pub(crate) fn is_removed(&self, ix: NodeIx) -> bool {
        self.removed[ix].is_some() || self.doc.ancestors(ix).any(|a| self.removed[a].is_some())
    }

    /// Recomputes [`Stats`] for every node: one forward pass for inherited removal, one
    /// reverse pass summing children into parents. O(n).
    pub(crate) fn refresh_stats(&mut self) {
        let doc = self.doc;
        let n = doc.len();
        let mut gone = NodeVec::new(n, false);
        for ix in doc.all() {
            gone[ix] = self.removed[ix].is_some() || doc.parent(ix).is_some_and(|p| gone[p]);
        }
        let mut stats = NodeVec::new(n, Stats::default());
        for ix in doc.all().rev() {
            if gone[ix] {
                continue;
            }
            let mut s = stats[ix];
            let mut is_block = false;
            match doc.node(ix).kind {
                Kind::Text(t) => {
                    let c = crate::dom::text::char_count(t);
                    let k = crate::dom::text::comma_count(t);
                    s.chars = c;
                    s.commas = k;
                    s.inline_chars = c;
                    s.inline_commas = k;
                }
                Kind::Element(tag, _) => {
                    is_block = tag.is_block();
                    match tag {
                        Tag::A => s.link_chars = s.chars,
                        Tag::P if s.chars > 0 => s.paras += 1,
                        Tag::Li => {
                            s.lis += 1;
                            s.li_chars = s.chars;
                        }
                        Tag::Img => s.imgs += 1,
                        Tag::Input | Tag::Select | Tag::Textarea | Tag::Button => s.inputs += 1,
                        Tag::Iframe | Tag::Embed | Tag::Object | Tag::Video | Tag::Audio => {
                            s.embeds += 1
                        }
                        t if t.heading_level().is_some() => s.heading_chars = s.chars,
                        _ => {}
                    }
                    stats[ix] = s;
                }
                Kind::Other => {}
            }
            stats[ix] = s;
            if let Some(p) = doc.parent(ix) {
                let ps = &mut stats[p];
                ps.chars += s.chars;
                ps.link_chars += s.link_chars;
                ps.commas += s.commas;
                ps.paras += s.paras;
                ps.lis += s.lis;
                ps.li_chars += s.li_chars;
                ps.imgs += s.imgs;
                ps.inputs += s.inputs;
                ps.embeds += s.embeds;
                ps.heading_chars += s.heading_chars;
                if !is_block {
                    ps.inline_chars += s.inline_chars;
                    ps.inline_commas += s.inline_commas;
                }
            }
        }
        self.stats = stats;
    }

    /// Subtracts the stats of `ix` from its ancestors (after removing `ix`), so later
    /// decisions see the cleaned numbers without a full refresh.
    pub(crate) fn subtract_from_ancestors(&mut self, ix: NodeIx) {
        let s = self.stats[ix];
        let is_block = self.doc.tag(ix).is_none_or(|t| t.is_block());
        let mut first = true;
        for a in self.doc.ancestors(ix) {
            let st = &mut self.stats[a];
            st.chars = st.chars.saturating_sub(s.chars);
            st.link_chars = st.link_chars.saturating_sub(s.link_chars);
            st.commas = st.commas.saturating_sub(s.commas);
            st.paras = st.paras.saturating_sub(s.paras);
            st.lis = st.lis.saturating_sub(s.lis);
            st.li_chars = st.li_chars.saturating_sub(s.li_chars);
            st.imgs = st.imgs.saturating_sub(s.imgs);
            st.inputs = st.inputs.saturating_sub(s.inputs);
            st.embeds = st.embeds.saturating_sub(s.embeds);
            st.heading_chars = st.heading_chars.saturating_sub(s.heading_chars);
            if first && !is_block {
                st.inline_chars = st.inline_chars.saturating_sub(s.inline_chars);
                st.inline_commas = st.inline_commas.saturating_sub(s.inline_commas);
            }
            first = false;
        }
    }

    /// Link density of `ix`: characters inside links over all characters (0 when empty).
    pub(crate) fn link_density(&self, ix: NodeIx) -> f32 {
        let s = &self.stats[ix];
        if s.chars == 0 {
            0.0
        } else {
            s.link_chars as f32 / s.chars as f32
        }
    }

    /// Up to `max` characters of the visible (not removed) text under `ix`, collapsed.
    pub(crate) fn subtree_text(&self, ix: NodeIx, max: usize) -> String {
        let mut out = String::new();
        let end = self.doc.end(ix);
        let mut i = ix;
        while i < end && out.len() < max.saturating_mul(4) {
            if self.removed[i].is_some() && i != ix {
                i = self.doc.end(i);
                continue;
            }
            if let Some(t) = self.doc.text(i) {
                crate::dom::text::push_collapsed(&mut out, t);
            } else if self.doc.tag(i).is_some_and(|t| t.is_block()) && !out.is_empty() {
                crate::dom::text::push_collapsed(&mut out, " ");
            }
            i = NodeIx(i.0 + 1);
        }
        prefix(out.trim(), max)
    }

    /// The document's favour setting.
    pub(crate) fn favor(&self) -> Favor {
        self.opts.favor
    }
}

/// Below this many characters of body text, a page has no main content.
pub(crate) const MIN_CONTENT_CHARS: u32 = 40;

/// What the pipeline produced for the body.
pub(crate) struct Extracted {
    pub blocks: Vec<Block>,
    pub comments: Vec<Block>,
    pub strategy: &'static str,
    pub trace: Vec<TraceEntry>,
}

/// Runs every pass on a parsed page. `title` (from the metadata pass) lets the filters drop
/// a repeated headline; `json_ld_body` is the page's JSON-LD `articleBody`, a fallback;
/// `metadata_nodes` are the byline/dateline/title elements the metadata pass read.
pub(crate) fn run(
    doc: &Doc<'_>,
    opts: &Options,
    base: Option<&url::Url>,
    title: Option<&str>,
    json_ld_body: Option<&str>,
    metadata_nodes: &[NodeIx],
) -> Extracted {
    let mut ctx = Ctx::new(doc, opts);

    // prune: remove what is never article text, wherever it is.
    clean::remove_non_content::run(&mut ctx);
    clean::remove_hidden::run(&mut ctx);
    clean::remove_semantic_boilerplate::run(&mut ctx);
    clean::remove_boilerplate_classes::run(&mut ctx);
    clean::remove_metadata_elements::run(&mut ctx, metadata_nodes);
    ctx.refresh_stats();

    // score and select the main container(s).
    let scores = score::paragraphs::run(&ctx);
    let roots = score::select::run(&mut ctx, &scores);

    // clean inside the selection.
    clean::prune_conditionally::run(&mut ctx, &roots);
    clean::prune_boilerplate_text::run(&mut ctx, &roots);

    // assemble blocks, then filter them.
    let mut blocks = assemble::blocks(&ctx, &roots, base);
    assemble::filter::run(&mut ctx, &mut blocks, title);
    let mut strategy = "candidate";

    // fall back when the selection holds less than the page evidently has.
    if let Some(fallback) = assemble::fallback::better_body(&ctx, &blocks, json_ld_body) {
        blocks = fallback.0;
        strategy = fallback.1;
    }

    // A page whose best reading is a few words has no main content (a login page, an error
    // page, a page of links): say so rather than return its crumbs.
    let chars: u32 = blocks.iter().map(assemble::block_chars).sum();
    if chars < MIN_CONTENT_CHARS {
        ctx.note(ctx.body, PassId::FilterBlocks, "empty", || {
            format!("only {chars} characters of text")
        });
        blocks.clear();
        strategy = "none";
    }

    let comments = if opts.include_comments {
        assemble::comments(&ctx, base)
    } else {
        Vec::new()
    };
    Extracted {
        blocks,
        comments,
        strategy,
        trace: ctx.trace,
    }
}
