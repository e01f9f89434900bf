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
use crate::clean::protect::Protection;
use crate::dom::{Doc, Kind, NodeIx, NodeVec, Tag};
use crate::options::{Favor, Options};
use crate::patterns::{Classifier, Sig};
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
    /// Characters of prose: the own text of block elements (not list items or table cells,
    /// which hold comments, menus and data as often as prose) with at least
    /// [`MIN_PROSE_CHARS`] characters of it and mostly not links.
    pub prose_chars: u32,
}

/// A block's own text counts as prose from this many characters.
pub(crate) const MIN_PROSE_CHARS: u32 = 25;

/// `true` for an id made from a heading's words (`sharing-with-a-single-developer`, as
/// documentation generators and Markdown renderers make them): its words describe the
/// section's topic, not its role.
fn is_heading_slug(id: &str) -> bool {
    id.split(['-', '_'])
        .filter(|w| !w.is_empty() && w.chars().all(char::is_alphabetic))
        .count()
        >= 4
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
    /// Non-whitespace characters and commas of each text node, counted once.
    text_counts: NodeVec<(u32, u32)>,
    /// Elements that hold the article, computed once from the first statistics.
    pub protection: Protection,
    /// Scratch buffer of [`Ctx::refresh_stats`]: nodes inside removed subtrees.
    gone: NodeVec<bool>,
}

impl<'d, 'h> Ctx<'d, 'h> {
    pub(crate) fn new(doc: &'d Doc<'h>, opts: &'d Options) -> Self {
        let mut sig = NodeVec::new(doc.len(), Sig::default());
        let mut classifier = Classifier::default();
        let mut text_counts = NodeVec::new(doc.len(), (0, 0));
        let mut i = NodeIx(0);
        let end = NodeIx(doc.len() as u32);
        while i < end {
            match doc.node(i).kind {
                Kind::Element(tag, el) => {
                    if tag.is_never_content() {
                        // Script and style bodies are removed first thing: never counted.
                        i = doc.end(i);
                        continue;
                    }
                    let mut bits = 0;
                    for (name, value) in el.attrs.iter() {
                        if !name.ns.is_empty() {
                            continue;
                        }
                        let classified = match &*name.local {
                            "class" | "role" | "aria-label" | "itemprop" | "data-component" => true,
                            "id" => !is_heading_slug(value),
                            "href" if tag == Tag::A => {
                                // A `javascript:` "link" is a script hook around content,
                                // not navigation.
                                let js = value
                                    .trim_start()
                                    .get(..11)
                                    .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"));
                                if !js {
                                    bits |= Sig::LINK;
                                }
                                false
                            }
                            _ => false,
                        };
                        if classified {
                            bits |= classifier.classify(value).0;
                        }
                    }
                    sig[i] = Sig(bits);
                }
                Kind::Text(t) => {
                    text_counts[i] = crate::dom::text::char_and_comma_count(t);
                }
                Kind::Other => {}
            }
            i = NodeIx(i.0 + 1);
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
            text_counts,
            protection: Protection::empty(),
            gone: NodeVec::new(doc.len(), false),
        };
        // Script and style text is never counted, so these first statistics already see the
        // page as a reader does; protection is computed from them once.
        ctx.refresh_stats();
        ctx.protection = Protection::compute(&ctx);
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
        // Reuse the buffers: this runs several times per page.
        let mut gone = std::mem::replace(&mut self.gone, NodeVec::new(0, false));
        let mut stats = std::mem::replace(&mut self.stats, NodeVec::new(0, Stats::default()));
        // One forward pass marks removed subtrees (jumping over each) and clears the
        // statistics.
        let n = NodeIx(doc.len() as u32);
        stats.fill_range(NodeIx(0), n, Stats::default());
        gone.fill_range(NodeIx(0), n, false);
        let mut i = NodeIx(0);
        while i < n {
            if self.removed[i].is_some() {
                let end = doc.end(i);
                gone.fill_range(i, end, true);
                i = end;
            } else {
                i = NodeIx(i.0 + 1);
            }
        }
        for ix in doc.all().rev() {
            if gone[ix] {
                continue;
            }
            let mut s = stats[ix];
            let mut is_block = false;
            match doc.node(ix).kind {
                Kind::Text(_) => {
                    let (c, k) = self.text_counts[ix];
                    s.chars = c;
                    s.commas = k;
                    s.inline_chars = c;
                    s.inline_commas = k;
                }
                Kind::Element(tag, _) => {
                    is_block = tag.is_block();
                    match tag {
                        Tag::A if self.sig[ix].any(Sig::LINK) => s.link_chars = s.chars,
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
                    if is_block
                        && s.inline_chars >= MIN_PROSE_CHARS
                        && s.link_chars * 2 < s.chars
                        && tag.heading_level().is_none()
                        && !matches!(tag, Tag::Li | Tag::Dd | Tag::Dt | Tag::Td | Tag::Th)
                    {
                        s.prose_chars += s.inline_chars;
                    }
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
                ps.prose_chars += s.prose_chars;
                if !is_block {
                    ps.inline_chars += s.inline_chars;
                    ps.inline_commas += s.inline_commas;
                }
            }
        }
        self.stats = stats;
        self.gone = gone;
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
            st.prose_chars = st.prose_chars.saturating_sub(s.prose_chars);
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
        // `prefix(out.trim(), max)`, cut in place.
        let start = out.len() - out.trim_start().len();
        let trimmed = out.get(start..).unwrap_or("").trim_end();
        let cut = trimmed.char_indices().nth(max).map(|(at, _)| at);
        out.truncate(start + cut.unwrap_or(trimmed.len()));
        if cut.is_some() {
            out.push('…');
        }
        out.drain(..start);
        out
    }

    /// The thresholds for the caller's [`Favor`].
    pub(crate) fn tuning(&self) -> &'static Tuning {
        Tuning::for_favor(self.opts.favor)
    }
}

/// Every threshold that [`Favor`] moves, in one place.
#[derive(Debug)]
pub(crate) struct Tuning {
    /// Link density above which a container without content words is pruned.
    pub max_link_density: f32,
    /// Link density above which a container with content words is pruned.
    pub max_link_density_content: f32,
    /// Siblings of the article join it on their score alone.
    pub join_siblings_by_score: bool,
    /// Fraction of the article's score a sibling needs to join.
    pub sibling_score_factor: f32,
    /// A reading shorter than this makes the pipeline try a looser attempt.
    pub retry_below_chars: u32,
    /// Blocks up to this many characters are checked for furniture phrases.
    pub max_boilerplate_text_chars: u32,
    /// Trim short, unpunctuated blocks at the edges of the article.
    pub trim_edges: bool,
    /// Run the conditional pruning in the first attempt.
    pub prune_first: bool,
}

impl Tuning {
    const PRECISION: Tuning = Tuning {
        max_link_density: 0.15,
        max_link_density_content: 0.4,
        join_siblings_by_score: false,
        sibling_score_factor: 0.2,
        retry_below_chars: 250,
        max_boilerplate_text_chars: 300,
        trim_edges: true,
        prune_first: true,
    };
    const BALANCED: Tuning = Tuning {
        max_link_density: 0.25,
        max_link_density_content: 0.5,
        join_siblings_by_score: true,
        sibling_score_factor: 0.2,
        retry_below_chars: 500,
        max_boilerplate_text_chars: 200,
        trim_edges: false,
        prune_first: true,
    };
    const RECALL: Tuning = Tuning {
        max_link_density: 0.4,
        max_link_density_content: 0.65,
        join_siblings_by_score: true,
        sibling_score_factor: 0.1,
        retry_below_chars: 800,
        max_boilerplate_text_chars: 120,
        trim_edges: false,
        prune_first: false,
    };

    /// The tuning for `favor`.
    pub(crate) fn for_favor(favor: Favor) -> &'static Tuning {
        match favor {
            Favor::Precision => &Self::PRECISION,
            Favor::Balanced => &Self::BALANCED,
            Favor::Recall => &Self::RECALL,
        }
    }
}

/// `true` when the page has form controls (a login, search or sign-up page).
fn has_form_controls(doc: &Doc<'_>) -> bool {
    doc.all()
        .any(|ix| matches!(doc.tag(ix), Some(Tag::Input | Tag::Select | Tag::Textarea)))
}

/// `true` when at least half of what the body shows (after cleaning) is link text.
fn mostly_links(ctx: &Ctx<'_, '_>) -> bool {
    let s = &ctx.stats[ctx.body];
    s.chars == 0 || s.link_chars * 2 >= s.chars
}

/// Below this many characters of body text, a page around a form or made of links has no
/// main content.
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
/// `description` (the meta description) finds an unnamed standfirst above the body;
/// `metadata_nodes` are the byline/dateline/title elements the metadata pass read.
pub(crate) fn run(
    doc: &Doc<'_>,
    opts: &Options,
    base: Option<&url::Url>,
    title: Option<&str>,
    json_ld_body: Option<&str>,
    description: Option<&str>,
    metadata_nodes: &[NodeIx],
) -> Extracted {
    let mut ctx = Ctx::new(doc, opts);

    // prune: remove what is never article text, wherever it is.
    // Stats are refreshed after each pass, so shares of "the page's text" never count script
    // bodies or what an earlier pass already removed.
    clean::remove_non_content::run(&mut ctx);
    clean::remove_hidden::run(&mut ctx);
    clean::remove_metadata_elements::run(&mut ctx, metadata_nodes);
    clean::remove_semantic_boilerplate::run(&mut ctx);
    ctx.refresh_stats();
    ctx.protection = Protection::compute(&ctx);
    clean::remove_boilerplate_classes::run(
        &mut ctx,
        clean::remove_boilerplate_classes::Words::Strong,
    );
    let strong_only = ctx.removed.clone();
    clean::remove_boilerplate_classes::run(&mut ctx, clean::remove_boilerplate_classes::Words::All);
    ctx.refresh_stats();
    let after_clean = ctx.removed.clone();

    let title_keys = assemble::filter::title_keys(&ctx, title);

    // Attempts, strictest first (Readability's flag dropping): keep the first reading that is
    // long enough, else the longest, preferring stricter ones unless a looser one reads
    // clearly more.
    let mut best: Option<(Vec<Block>, u32, NodeVec<Option<PassId>>)> = None;
    for (n, attempt) in ATTEMPTS.into_iter().enumerate() {
        if n > 0 {
            // The first attempt starts from the state the cleaning passes left, whose
            // statistics are fresh; later ones restore an earlier state.
            ctx.removed = if attempt.weak_classes {
                after_clean.clone()
            } else {
                strong_only.clone()
            };
            ctx.refresh_stats();
        }
        ctx.note(ctx.body, PassId::SelectCandidate, "attempt", || {
            format!("{attempt:?}")
        });

        // score and select the main container(s).
        let scores = score::paragraphs::run(&ctx);
        let mut roots = score::select::run(&mut ctx, &scores);
        score::lead::join_described(&mut ctx, &mut roots, description);

        // clean inside the selection.
        if attempt.prune
            && (ctx.tuning().prune_first
                || !matches!(
                    attempt,
                    Attempt {
                        weak_classes: true,
                        prune: true
                    }
                ))
        {
            clean::prune_conditionally::run(&mut ctx, &roots, &scores);
        }
        clean::prune_boilerplate_text::run(&mut ctx, &roots);

        // assemble blocks, then filter them.
        let assembled = assemble::blocks(&ctx, &roots, base);
        let blocks = assemble::filter::run(&mut ctx, assembled, &title_keys);
        let chars: u32 = blocks.iter().map(assemble::block_chars).sum();
        let better = match &best {
            None => true,
            Some((_, c, _)) => chars > (*c * 2).max(*c + MIN_RETRY_GAIN_CHARS),
        };
        if better {
            best = Some((blocks, chars, ctx.removed.clone()));
        }
        if best
            .as_ref()
            .is_some_and(|(_, c, _)| *c >= ctx.tuning().retry_below_chars)
        {
            break;
        }
    }
    let mut blocks = Vec::new();
    if let Some((b, _, removed)) = best {
        blocks = b;
        ctx.removed = removed;
    }
    let mut strategy = "candidate";

    // fall back when the selection holds less than the page evidently has.
    let chars: u32 = blocks.iter().map(assemble::block_chars).sum();
    if chars < assemble::fallback::SHORT_BODY_CHARS {
        let kept = std::mem::replace(&mut ctx.removed, after_clean);
        ctx.refresh_stats();
        if let Some(fallback) = assemble::fallback::better_body(&ctx, &blocks, json_ld_body) {
            blocks = fallback.0;
            strategy = fallback.1;
        } else {
            ctx.removed = kept;
        }
    }

    // A page whose best reading is a few words around a form, or a few links, has no main
    // content (a login page, a page of links): say so rather than return its crumbs. A page
    // that simply holds a few words ("Test") keeps them.
    let chars: u32 = blocks.iter().map(assemble::block_chars).sum();
    if chars < MIN_CONTENT_CHARS && (has_form_controls(doc) || mostly_links(&ctx)) {
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

/// One way of running selection and cleaning.
#[derive(Debug, Clone, Copy)]
struct Attempt {
    /// Keep the removals of `remove_boilerplate_classes` for weak words (navigation, sidebar,
    /// header, footer, meta…); strong words (comments, share, ads…) always apply.
    weak_classes: bool,
    /// Run `prune_conditionally` inside the selection.
    prune: bool,
}

/// Strictest first.
const ATTEMPTS: [Attempt; 3] = [
    Attempt {
        weak_classes: true,
        prune: true,
    },
    Attempt {
        weak_classes: true,
        prune: false,
    },
    Attempt {
        weak_classes: false,
        prune: false,
    },
];

/// A looser attempt must read at least this many more characters (and twice as many) to win.
const MIN_RETRY_GAIN_CHARS: u32 = 150;
