//! Parsing with bounds: html5ever behind our own tree sink, which counts nodes and nesting.
//!
//! html5ever bounds nothing. The tree builder scans the stack of open elements for many tags,
//! so a page nested `n` deep costs about `n²`: a plain scraper parse takes minutes on a 1 MB
//! page of nested `<div>`s. [`GuardedSink`] builds a [`Tree`] (a plain arena of linked nodes,
//! which [`Doc`](super::Doc) flattens; cheaper to build and drop than scraper's `Html`, and
//! built the same way: same nodes, text merging and attribute order), measures the depth of
//! every inserted element (walking at most `max_depth + 1` ancestors, which stays correct when
//! the adoption agency algorithm moves nodes) and counts created elements and comments.
//!
//! The input is queued in chunks. The sink shares the tokenizer's input queue, and the moment
//! a limit is hit it empties that queue, so the tokenizer stops within the current token: the
//! tree holds at most the limit plus what that one token made. The work is therefore bounded
//! by about `bytes × max_depth` before the stop and a constant after it.
//!
//! Two more guards run here: tags with more than
//! [`MAX_ATTRIBUTES`](crate::input::attributes::MAX_ATTRIBUTES) attributes are capped by a
//! linear pre-scan (html5ever's duplicate-attribute check is quadratic), and the attributes
//! that repeated `<html>`/`<body>` tags merge into the first one are capped the same way
//! (each is inserted into a sorted vector).
//!
//! The pre-scan also takes long script and style bodies out of the tokenizer's way: each is
//! replaced by a short marker, and [`Tree::put_back`] swaps the marker's text node for the
//! body, giving the tree the tokenizer would have built (see
//! [`prescan`]).
//!
//! It also replaces the attributes of most start tags by one marker attribute, and
//! [`GuardedSink`] builds the element's attributes from slices of the page (the same attributes
//! the tokenizer would have made); where the pre-scan may have misread the page, [`parse`]
//! parses it again without them.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::rc::Rc;
use std::sync::LazyLock;

use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName, TokenizerResult};

use super::tags::Tag;
use crate::error::Complexity;
#[cfg(test)]
use crate::input::attributes::prescan;
use crate::input::attributes::{
    AttrSource, KEPT, MARKER, MAX_ATTRIBUTES, OTHER_NAME, Prescan, holds_marker, prescan_into,
};

/// Input is queued for the tokenizer in pieces of this many bytes (at character boundaries).
const CHUNK_BYTES: usize = 16 * 1024;

/// Pages up to this many bytes are parsed from one tendril that holds the page and the text
/// to parse (see [`parse_with`]); that text, however much a contrived page makes the markers
/// outgrow what they replace, stays far within a tendril's `u32` length. Longer pages (only
/// with a raised input limit) are copied into the tokenizer's input in chunks.
const ONE_TENDRIL_BYTES: usize = 1 << 26;

/// "No node" in the links of a [`TreeNode`].
pub(crate) const NONE: u32 = u32::MAX;

/// An element: its name, its [`Tag`], and its attributes sorted by name.
pub(crate) struct Element {
    /// The qualified name.
    pub name: QualName,
    /// The tag for `name`'s local part.
    pub tag: Tag,
    /// Attributes, sorted by qualified name (the order scraper keeps, which passes that read
    /// the first of several matching attributes rely on).
    pub attrs: Vec<(QualName, StrTendril)>,
}

impl Element {
    /// The value of the attribute `name` (no namespace), if present.
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        // Attributes no pass reads are cut before parsing: a name read here must be kept.
        debug_assert!(
            crate::input::attributes::is_kept_attribute(name.as_bytes()),
            "attribute {name:?} is read but not kept (see is_kept_attribute)"
        );
        self.attrs
            .iter()
            .find(|(q, _)| q.ns.is_empty() && &*q.local == name)
            .map(|(_, v)| &**v)
    }

    /// `(local name, value)` of every attribute, in order.
    pub(crate) fn attrs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.attrs.iter().map(|(q, v)| (&*q.local, &**v))
    }
}

/// What a [`TreeNode`] holds.
pub(crate) enum NodeData {
    /// The document (the root).
    Document,
    /// A template's contents (a child of the `<template>`, never flattened).
    Fragment,
    /// An element.
    Element(Element),
    /// Text (adjacent text is merged into one node, as it is inserted).
    Text(StrTendril),
    /// A comment, doctype or processing instruction: kept as a node, content dropped.
    Other,
}

/// One node of a [`Tree`], with its links ([`NONE`] when absent).
pub(crate) struct TreeNode {
    /// The content.
    pub data: NodeData,
    /// The parent.
    pub parent: u32,
    /// First child.
    pub first_child: u32,
    /// Last child.
    pub last_child: u32,
    /// Previous sibling.
    pub prev_sibling: u32,
    /// Next sibling.
    pub next_sibling: u32,
}

/// The parsed page: nodes in creation order (the document is node 0), linked into a tree.
/// Nodes the tree builder detached stay in the arena, unreachable from the root.
pub(crate) struct Tree {
    nodes: Vec<TreeNode>,
}

impl Tree {
    fn new() -> Tree {
        Self::with_capacity(1)
    }

    /// An empty tree with room for `n` nodes.
    fn with_capacity(n: usize) -> Tree {
        let mut tree = Tree {
            nodes: Vec::with_capacity(n),
        };
        tree.orphan(NodeData::Document);
        tree
    }

    /// Number of nodes in the arena (reachable or not).
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node `id`.
    #[allow(clippy::indexing_slicing)] // Ids come from this arena and are < len.
    pub(crate) fn get(&self, id: u32) -> &TreeNode {
        &self.nodes[id as usize]
    }

    #[allow(clippy::indexing_slicing)] // Ids come from this arena and are < len.
    fn get_mut(&mut self, id: u32) -> &mut TreeNode {
        &mut self.nodes[id as usize]
    }

    /// Adds a node without a parent; returns its id.
    fn orphan(&mut self, data: NodeData) -> u32 {
        let id = self.nodes.len() as u32;
        self.nodes.push(TreeNode {
            data,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            prev_sibling: NONE,
            next_sibling: NONE,
        });
        id
    }

    /// Unlinks `id` from its parent and siblings.
    fn detach(&mut self, id: u32) {
        let node = self.get_mut(id);
        let (parent, prev, next) = (node.parent, node.prev_sibling, node.next_sibling);
        if parent == NONE {
            return;
        }
        node.parent = NONE;
        node.prev_sibling = NONE;
        node.next_sibling = NONE;
        if prev != NONE {
            self.get_mut(prev).next_sibling = next;
        } else {
            self.get_mut(parent).first_child = next;
        }
        if next != NONE {
            self.get_mut(next).prev_sibling = prev;
        } else {
            self.get_mut(parent).last_child = prev;
        }
    }

    /// Makes `child` (detached first) the last child of `parent`.
    fn append_child(&mut self, parent: u32, child: u32) {
        let last = self.get(parent).last_child;
        if last == child {
            return;
        }
        self.detach(child);
        let node = self.get_mut(child);
        node.parent = parent;
        node.prev_sibling = last;
        if last != NONE {
            self.get_mut(last).next_sibling = child;
        } else {
            self.get_mut(parent).first_child = child;
        }
        self.get_mut(parent).last_child = child;
    }

    /// Puts `new` (detached first) just before `sibling`, which has a parent.
    fn insert_before(&mut self, sibling: u32, new: u32) {
        self.detach(new);
        let s = self.get(sibling);
        let (parent, prev) = (s.parent, s.prev_sibling);
        let node = self.get_mut(new);
        node.parent = parent;
        node.prev_sibling = prev;
        node.next_sibling = sibling;
        if prev != NONE {
            self.get_mut(prev).next_sibling = new;
        } else {
            self.get_mut(parent).first_child = new;
        }
        self.get_mut(sibling).prev_sibling = new;
    }

    /// Swaps each marker of a set-aside raw-text body (see [`prescan`]) for the body, which
    /// `source` holds at `set_aside[k]`. Markers are met in document order, which is the
    /// order of creation; one that does not carry the next number is page text, left alone.
    fn put_back(&mut self, source: &StrTendril, set_aside: &[(usize, usize)]) {
        let mut next = 0;
        for node in &mut self.nodes {
            let Some(&(start, end)) = set_aside.get(next) else {
                return;
            };
            let NodeData::Text(t) = &mut node.data else {
                continue;
            };
            let number = t
                .strip_prefix(MARKER)
                .and_then(|r| r.strip_suffix(MARKER))
                .and_then(|n| n.parse::<usize>().ok());
            if number == Some(next) {
                // A slice of the page's tendril: no copy.
                *t = source
                    .try_subtendril(start as u32, end.saturating_sub(start) as u32)
                    .unwrap_or_else(|_| {
                        StrTendril::from_slice(source.get(start..end).unwrap_or(""))
                    });
                next += 1;
            }
        }
    }

    /// `true` when some text node holds the marker character (see [`parse`]).
    fn has_marker_text(&self) -> bool {
        self.nodes
            .iter()
            .any(|n| matches!(&n.data, NodeData::Text(t) if holds_marker(t.as_bytes())))
    }

    /// Appends `text` to the text node `id` and returns `true`, or returns `false` when `id`
    /// is not a text node.
    fn merge_text(&mut self, id: u32, text: &StrTendril) -> bool {
        if id == NONE {
            return false;
        }
        match &mut self.get_mut(id).data {
            NodeData::Text(t) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }
}

/// The names of [`KEPT`] as atoms, interned once for the set-aside attributes of every page.
static KEPT_NAMES: LazyLock<Vec<html5ever::LocalName>> = LazyLock::new(|| {
    KEPT.iter()
        .map(|&n| html5ever::LocalName::from(n))
        .collect()
});

/// A parsed page and what the guards saw.
pub(crate) struct Parsed {
    pub html: Tree,
    /// The limit that stopped parsing, if any.
    pub limit_hit: Option<Complexity>,
    /// Whether some tag's attributes were capped.
    pub attributes_capped: bool,
}

/// Parses `text` as an HTML document, stopping early at `max_nodes` elements and comments or
/// at nesting deeper than `max_depth`.
///
/// The pre-scan sets aside most tags' attributes (see [`prescan`]); where it may have misread
/// the page (a marker on an element the tree builder put in SVG or MathML, which renames
/// attributes, or a marker left as text), the page is parsed again without that.
pub(crate) fn parse(source: &str, max_nodes: usize, max_depth: usize) -> Parsed {
    match parse_with(source, max_nodes, max_depth, true, ONE_TENDRIL_BYTES) {
        Some(parsed) => parsed,
        None => parse_with(source, max_nodes, max_depth, false, ONE_TENDRIL_BYTES).unwrap_or_else(
            || Parsed {
                // Not reached: without set-aside attributes nothing is read as a marker.
                html: Tree::new(),
                limit_hit: None,
                attributes_capped: false,
            },
        ),
    }
}

/// [`parse`], with or without set-aside attributes; `None` when a marker was misplaced. Pages
/// longer than `one_tendril_bytes` are parsed without the shared tendril (see
/// [`ONE_TENDRIL_BYTES`]).
fn parse_with(
    source: &str,
    max_nodes: usize,
    max_depth: usize,
    attr_markers: bool,
    one_tendril_bytes: usize,
) -> Option<Parsed> {
    // A page within `ONE_TENDRIL_BYTES` goes into one tendril, followed by the text the
    // pre-scan makes of it when that differs: set-aside attribute values and raw-text bodies
    // are slices of the page there, and the tokenizer's input is queued as slices of the
    // text, with no further copy of either.
    let one = source.len() <= one_tendril_bytes;
    let mut page = StrTendril::new();
    let mut spare = String::new();
    let pre = if one {
        page.reserve(u32::try_from(source.len().saturating_mul(2) + 64).unwrap_or(u32::MAX));
        page.push_slice(source);
        prescan_into(source, MAX_ATTRIBUTES, attr_markers, &mut page)
    } else {
        prescan_into(source, MAX_ATTRIBUTES, attr_markers, &mut spare)
    };
    let Prescan {
        text,
        capped,
        tags,
        set_aside,
        attrs,
        attr_sets,
        rewritten,
    } = pre;
    let markers = attr_sets.len();
    let (attr_source, whole) = if one {
        let page_len = source.len() as u32;
        let input = if rewritten {
            page.subtendril(page_len, page.len32() - page_len)
        } else {
            page.subtendril(0, page_len)
        };
        (page.subtendril(0, page_len), Some(input))
    } else if markers > 0 || !set_aside.is_empty() {
        (StrTendril::from_slice(source), None)
    } else {
        (StrTendril::new(), None)
    };
    drop(page);
    let text: &str = match &whole {
        Some(input) => input,
        None if rewritten => &spare,
        None => &text,
    };
    let mut attributes_capped = capped;
    let queue = Rc::new(BufferQueue::default());
    // About a node per tag (an element per start tag, a text or nothing per end tag), within
    // the node limit: room for the tree and for the depths of its elements.
    let room = tags.min(max_nodes.saturating_mul(2)).saturating_add(16);
    let sink = GuardedSink {
        attr_source,
        misplaced: Cell::new(false),
        attrs,
        attr_sets,
        tree: RefCell::new(Tree::with_capacity(room)),
        nodes: Cell::new(0),
        merged_attrs: Cell::new(0),
        attrs_dropped: Cell::new(false),
        max_nodes,
        max_depth,
        limit_hit: Cell::new(None),
        queue: Rc::clone(&queue),
        depths: RefCell::new(Vec::with_capacity(room)),
        epoch: Cell::new(1),
    };
    let tree_builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(tree_builder, TokenizerOpts::default());
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        queue.push_back(match &whole {
            // A slice of the page's tendril: no copy.
            Some(input) => input.subtendril(start as u32, (end - start) as u32),
            None => StrTendril::from_slice(text.get(start..end).unwrap_or("")),
        });
        start = end;
        // The tokenizer pauses for scripts to run and for `<meta charset>` (to let a streaming
        // caller restart with another encoding); we do neither, so resume until it is done.
        while !matches!(tokenizer.feed(&queue), TokenizerResult::Done) {}
        if tokenizer.sink.sink.limit_hit.get().is_some() {
            break;
        }
    }
    // Whatever is still queued (after a limit) is dropped before the end-of-file steps.
    queue.replace_with(BufferQueue::default());
    tokenizer.end();
    let sink = tokenizer.sink.sink;
    let limit_hit = sink.limit_hit.get();
    attributes_capped |= sink.attrs_dropped.get();
    if sink.misplaced.get() {
        return None;
    }
    let shared = sink.attr_source.clone();
    let mut html = sink.finish();
    html.put_back(&shared, &set_aside);
    // A marker may have been read as text where the pre-scan misread the page. (The page
    // holds no marker character, but a character reference in text may make one: that page
    // is parsed again too.)
    if markers > 0 && html.has_marker_text() {
        return None;
    }
    Some(Parsed {
        html,
        limit_hit,
        attributes_capped,
    })
}

/// The tree builder's sink: builds the [`Tree`], with node, depth and merged-attribute
/// accounting.
struct GuardedSink {
    tree: RefCell<Tree>,
    /// The page as the pre-scan read it, shared by the values of set-aside attributes and the
    /// set-aside raw-text bodies (empty when there are none).
    attr_source: StrTendril,
    /// Set-aside attributes ([`Prescan::attrs`]).
    attrs: Vec<AttrSource>,
    /// The set-aside attributes of each marker ([`Prescan::attr_sets`]).
    attr_sets: Vec<(usize, usize)>,
    /// Whether a marker attribute was met where its attributes cannot stand in for the
    /// tokenizer's (see [`parse`]).
    misplaced: Cell<bool>,
    nodes: Cell<usize>,
    /// Attributes merged into `<html>`/`<body>` by repeated tags so far.
    merged_attrs: Cell<usize>,
    attrs_dropped: Cell<bool>,
    max_nodes: usize,
    max_depth: usize,
    limit_hit: Cell<Option<Complexity>>,
    /// The tokenizer's input, emptied when a limit is hit.
    queue: Rc<BufferQueue>,
    /// Known depths ([`GuardedSink::depth_of`]) of inserted elements, by node id, as
    /// `(epoch, depth)`: valid only when the epoch is the current one. Filled as elements are
    /// appended, and forgotten (the epoch moves on) whenever the tree builder moves an
    /// existing node (the adoption agency algorithm, foster parenting), since moving a subtree
    /// changes the depth of everything in it. Without it every insertion walks up to
    /// `max_depth` ancestors.
    depths: RefCell<Vec<(u32, u32)>>,
    /// The current epoch of `depths`.
    epoch: Cell<u32>,
}

impl GuardedSink {
    /// The attributes that a marker attribute (see [`prescan`]) stands for, read from the page
    /// as the tokenizer reads them (names in ASCII lower case, a repeated name ignored, sorted
    /// by name: see `normalize_set`);
    /// `attrs` back when they are not a marker, or when it is misplaced (then flagged).
    fn marked_attributes(
        &self,
        name: &QualName,
        attrs: Vec<Attribute>,
    ) -> Result<Vec<(QualName, StrTendril)>, Vec<Attribute>> {
        // Without set-aside attributes (none on this page, or the page parsed again), an
        // attribute that looks like a marker is the page's own.
        if self.attr_sets.is_empty() {
            return Err(attrs);
        }
        let [only] = &*attrs else {
            return Err(attrs);
        };
        let mut buf = [0u8; 4];
        if !only.name.ns.is_empty() || *only.name.local != *MARKER.encode_utf8(&mut buf) {
            return Err(attrs);
        }
        let set = only
            .value
            .parse::<usize>()
            .ok()
            .and_then(|k| self.attr_sets.get(k))
            .and_then(|&(from, to)| self.attrs.get(from..to));
        let Some(set) = set.filter(|_| name.ns == html5ever::ns!(html)) else {
            self.misplaced.set(true);
            return Err(attrs);
        };
        let slice = |(a, b): (u32, u32)| {
            self.attr_source
                .try_subtendril(a, b.saturating_sub(a))
                .unwrap_or_else(|_| {
                    self.misplaced.set(true);
                    StrTendril::new()
                })
        };
        // The tokenizer's vector, emptied, holds the attributes: collected in place (the two
        // element types have the same layout), which saves an allocation per element.
        let mut out: Vec<(QualName, StrTendril)> = attrs
            .into_iter()
            .filter(|_| false)
            .map(|a| (a.name, a.value))
            .collect();
        out.reserve(set.len());
        for a in set {
            let local = match KEPT_NAMES.get(a.kept as usize) {
                Some(known) if a.kept != OTHER_NAME => known.clone(),
                _ => {
                    let raw = slice(a.name);
                    if raw.bytes().any(|b| b.is_ascii_uppercase()) {
                        html5ever::LocalName::from(raw.to_ascii_lowercase())
                    } else {
                        html5ever::LocalName::from(&*raw)
                    }
                }
            };
            let qname = QualName::new(None, html5ever::ns!(), local);
            let value = if a.amp {
                StrTendril::from_slice(&slice(a.value).replace("&amp;", "&"))
            } else {
                slice(a.value)
            };
            out.push((qname, value));
        }
        Ok(out)
    }

    fn hit(&self, what: Complexity) {
        if self.limit_hit.get().is_none() {
            self.limit_hit.set(Some(what));
            self.queue.replace_with(BufferQueue::default());
        }
    }

    fn count_node(&self) {
        let n = self.nodes.get() + 1;
        self.nodes.set(n);
        if n > self.max_nodes {
            self.hit(Complexity::Nodes);
        }
    }

    /// Depth of `id` below the document (the document itself is 1), exact up to
    /// `max_depth + 1`: walks up to the nearest ancestor of known depth.
    fn depth_of(&self, id: u32) -> usize {
        let tree = self.tree.borrow();
        let depths = self.depths.borrow();
        let epoch = self.epoch.get();
        let mut depth = 0;
        let mut cur = id;
        while cur != NONE {
            if let Some(&(e, known)) = depths.get(cur as usize)
                && e == epoch
            {
                return depth + known as usize;
            }
            depth += 1;
            if depth > self.max_depth {
                break;
            }
            cur = tree.get(cur).parent;
        }
        depth
    }

    /// Before `child` goes under `parent`: forgets known depths if `child` is an existing
    /// node being moved, flags the depth limit if an element would go too deep, and records
    /// the depth of a new element.
    fn before_insert(&self, parent: u32, child: &NodeOrText<u32>) {
        let NodeOrText::AppendNode(child) = child else {
            return;
        };
        let moved = self.tree.borrow().get(*child).parent != NONE;
        if moved {
            self.forget_depths();
        }
        if self.limit_hit.get().is_some() {
            return;
        }
        let depth = self.depth_of(parent);
        if depth > self.max_depth {
            self.hit(Complexity::Depth);
        } else if !moved {
            let mut depths = self.depths.borrow_mut();
            let i = *child as usize;
            if depths.len() <= i {
                depths.resize(i + 1, (0, 0));
            }
            if let Some(slot) = depths.get_mut(i) {
                *slot = (self.epoch.get(), (depth + 1) as u32);
            }
        }
    }

    fn forget_depths(&self) {
        self.epoch.set(self.epoch.get() + 1);
    }

    /// The parent `sibling` has (for insertions before it).
    fn parent_of(&self, sibling: u32) -> Option<u32> {
        let p = self.tree.borrow().get(sibling).parent;
        (p != NONE).then_some(p)
    }

    /// Appends `child` as the last child of `parent`, merging text into a text last child.
    fn append_to(&self, parent: u32, child: NodeOrText<u32>) {
        let mut tree = self.tree.borrow_mut();
        match child {
            NodeOrText::AppendNode(id) => tree.append_child(parent, id),
            NodeOrText::AppendText(text) => {
                let last = tree.get(parent).last_child;
                if !tree.merge_text(last, &text) {
                    let id = tree.orphan(NodeData::Text(text));
                    tree.append_child(parent, id);
                }
            }
        }
    }
}

impl TreeSink for GuardedSink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Tree {
        self.tree.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Ref<'a, QualName> {
        Ref::map(self.tree.borrow(), |tree| match &tree.get(*target).data {
            NodeData::Element(el) => &el.name,
            // The tree builder asks only for the names of elements.
            _ => unreachable!("elem_name of a non-element"),
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> u32 {
        self.count_node();
        // Set-aside attributes come sorted, without repeated names.
        let attrs = match self.marked_attributes(&name, attrs) {
            Ok(marked) => marked,
            Err(attrs) => {
                let mut attrs: Vec<(QualName, StrTendril)> =
                    attrs.into_iter().map(|a| (a.name, a.value)).collect();
                attrs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
                attrs
            }
        };
        let tag = Tag::from_name(&name.local);
        let mut tree = self.tree.borrow_mut();
        let id = tree.orphan(NodeData::Element(Element { name, tag, attrs }));
        if tag == Tag::Template && name_is_html(&tree, id) {
            let contents = tree.orphan(NodeData::Fragment);
            tree.append_child(id, contents);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        self.count_node();
        self.tree.borrow_mut().orphan(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        self.count_node();
        self.tree.borrow_mut().orphan(NodeData::Other)
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        self.before_insert(*parent, &child);
        self.append_to(*parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &u32,
        prev_element: &u32,
        child: NodeOrText<u32>,
    ) {
        // The child goes before `element` when that has a parent, else into `prev_element`.
        match self.parent_of(*element) {
            Some(parent) => {
                self.before_insert(parent, &child);
                self.insert_before_sibling(*element, child);
            }
            None => {
                self.before_insert(*prev_element, &child);
                self.append_to(*prev_element, child);
            }
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {
        let mut tree = self.tree.borrow_mut();
        let id = tree.orphan(NodeData::Other);
        tree.append_child(0, id);
    }

    fn get_template_contents(&self, target: &u32) -> u32 {
        self.tree.borrow().get(*target).first_child
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, new_node: NodeOrText<u32>) {
        match self.parent_of(*sibling) {
            Some(parent) => self.before_insert(parent, &new_node),
            None => self.forget_depths(),
        }
        self.insert_before_sibling(*sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &u32, mut attrs: Vec<Attribute>) {
        // Repeated <html>/<body> tags merge their attributes into the first one, each
        // inserted into a sorted vector, so cap the total like a tag's own attributes.
        let room = MAX_ATTRIBUTES.saturating_sub(self.merged_attrs.get());
        if attrs.len() > room {
            attrs.truncate(room);
            self.attrs_dropped.set(true);
        }
        self.merged_attrs.set(self.merged_attrs.get() + attrs.len());
        let mut tree = self.tree.borrow_mut();
        let NodeData::Element(el) = &mut tree.get_mut(*target).data else {
            return;
        };
        for attr in attrs {
            if let Err(at) = el.attrs.binary_search_by(|(name, _)| name.cmp(&attr.name)) {
                el.attrs.insert(at, (attr.name, attr.value));
            }
        }
    }

    fn remove_from_parent(&self, target: &u32) {
        self.forget_depths();
        self.tree.borrow_mut().detach(*target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        self.forget_depths();
        let mut tree = self.tree.borrow_mut();
        let (first, last) = {
            let n = tree.get_mut(*node);
            let links = (n.first_child, n.last_child);
            n.first_child = NONE;
            n.last_child = NONE;
            links
        };
        if first == NONE {
            return;
        }
        let mut child = first;
        while child != NONE {
            let c = tree.get_mut(child);
            c.parent = *new_parent;
            child = c.next_sibling;
        }
        let old_last = tree.get(*new_parent).last_child;
        if old_last == NONE {
            tree.get_mut(*new_parent).first_child = first;
        } else {
            tree.get_mut(old_last).next_sibling = first;
            tree.get_mut(first).prev_sibling = old_last;
        }
        tree.get_mut(*new_parent).last_child = last;
    }
}

impl GuardedSink {
    /// Puts `new_node` just before `sibling` (dropped when `sibling` has no parent), merging
    /// text into a text previous sibling.
    fn insert_before_sibling(&self, sibling: u32, new_node: NodeOrText<u32>) {
        let mut tree = self.tree.borrow_mut();
        if let NodeOrText::AppendNode(id) = new_node {
            tree.detach(id);
        }
        if tree.get(sibling).parent == NONE {
            return;
        }
        match new_node {
            NodeOrText::AppendNode(id) => tree.insert_before(sibling, id),
            NodeOrText::AppendText(text) => {
                let prev = tree.get(sibling).prev_sibling;
                if !tree.merge_text(prev, &text) {
                    let id = tree.orphan(NodeData::Text(text));
                    tree.insert_before(sibling, id);
                }
            }
        }
    }
}

/// Parses `text` without limits (for tests).
#[cfg(test)]
pub(crate) fn parse_document(text: &str) -> Tree {
    parse(text, usize::MAX, usize::MAX).html
}

/// `true` when the element `id` is in the HTML namespace (templates get contents only there).
fn name_is_html(tree: &Tree, id: u32) -> bool {
    matches!(&tree.get(id).data, NodeData::Element(el) if el.name.ns == html5ever::ns!(html))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_untouched() {
        let p = parse("<p>a<b>b</b></p><div><span>c</span></div>", 1000, 512);
        assert_eq!(p.limit_hit, None);
    }

    #[test]
    fn deep_nesting_stops_parsing() {
        let html = "<div>".repeat(5000) + "x";
        let p = parse(&html, 1_000_000, 100);
        assert_eq!(p.limit_hit, Some(Complexity::Depth));
        assert!(p.html.len() < 5000);
    }

    #[test]
    fn parsing_goes_on_after_scripts_and_meta_charset() {
        let p = parse(
            "<meta charset=utf-8><title>t</title><script>x</script><p>after</p>",
            1000,
            512,
        );
        assert_eq!(p.limit_hit, None);
        let doc = crate::dom::Doc::new(&p.html);
        let names: Vec<&str> = doc
            .all()
            .filter_map(|ix| doc.element(ix).map(|e| &*e.name.local))
            .collect();
        assert_eq!(
            names,
            ["html", "head", "meta", "title", "script", "body", "p"]
        );
    }

    #[test]
    fn parsing_stops_right_at_the_limit() {
        // The whole rest of the input is dropped when the limit is hit, not the rest of a
        // chunk: a 16 KiB chunk holds thousands of tags.
        let html = "<div>".repeat(50_000);
        let p = parse(&html, 1_000_000, 100);
        let elements = crate::dom::Doc::new(&p.html).elements;
        assert!(elements < 110, "{elements} elements");
    }

    #[test]
    fn comments_count_as_nodes() {
        let p = parse(&"<!--x-->".repeat(5000), 1000, 512);
        assert_eq!(p.limit_hit, Some(Complexity::Nodes));
        assert!(p.html.len() < 1100);
    }

    #[test]
    fn repeated_html_tags_merge_a_bounded_number_of_attributes() {
        let tags: String = (0..100)
            .map(|t| {
                let attrs: String = (0..100).map(|i| format!(" a{t}x{i}")).collect();
                format!("<html{attrs}>")
            })
            .collect();
        let p = parse(&tags, 1_000_000, 512);
        assert!(p.attributes_capped);
        let doc = crate::dom::Doc::new(&p.html);
        let html = doc.element(doc.find(Tag::Html).unwrap()).unwrap();
        assert!(html.attrs().count() <= 2 * MAX_ATTRIBUTES);
    }

    #[test]
    fn many_attributes_are_capped() {
        let attrs: String = (0..10_000).map(|i| format!(" a{i}")).collect();
        // A formatting element keeps all its attributes (others lose those no pass reads).
        let p = parse(&format!("<b{attrs}>x</b>"), 1000, 512);
        assert!(p.attributes_capped);
        let doc = crate::dom::Doc::new(&p.html);
        let n = doc
            .all()
            .filter_map(|ix| doc.element(ix))
            .map(|e| e.attrs().count())
            .max();
        assert_eq!(n, Some(MAX_ATTRIBUTES));
    }

    /// The texts of the page's text nodes, in order.
    fn texts(html: &str) -> Vec<String> {
        let tree = parse_document(html);
        let doc = crate::dom::Doc::new(&tree);
        doc.all()
            .filter_map(|ix| doc.text(ix).map(str::to_string))
            .collect()
    }

    #[test]
    fn set_aside_script_and_style_bodies_come_back() {
        let js = "if (a < b && c > d) { document.write('</div><p>not markup</p>'); }".repeat(3);
        let css = "p > a { color: red }\n".repeat(10);
        let page = format!(
            "<style>{css}</style><p>a</p><script>{js}</script><p>b</p>\
             <script type=application/ld+json>{{\"@type\":\"Article\"}}</script>\
             <noscript>{js}</noscript><title>{js}</title>"
        );
        assert_eq!(prescan(&page, MAX_ATTRIBUTES, true).set_aside.len(), 3);
        assert_eq!(
            texts(&page),
            [&*css, "a", &*js, "b", "{\"@type\":\"Article\"}", &*js, &*js]
        );
    }

    #[test]
    fn bodies_the_tokenizer_rewrites_or_may_not_end_are_parsed() {
        let long = "x".repeat(100);
        for (page, body) in [
            // Escaped script states: the script goes on past the first `</script>`.
            (
                format!("<script><!--<script>{long}</script>y--></script>"),
                format!("<!--<script>{long}</script>y-->"),
            ),
            // `\r\n` becomes `\n`.
            (format!("<style>{long}\r\n</style>"), format!("{long}\n")),
        ] {
            assert!(prescan(&page, MAX_ATTRIBUTES, true).set_aside.is_empty());
            assert_eq!(texts(&page), [body]);
        }
        // A marker-like text in the page is left alone.
        let fake = format!("<p>{MARKER}0{MARKER}</p>");
        assert_eq!(texts(&fake), [format!("{MARKER}0{MARKER}")]);
    }

    /// Every node of the parse of `html` (with or without set-aside attributes) in document
    /// order: names with their attributes, texts.
    fn dump(html: &str, attr_markers: bool) -> String {
        dump_with(html, attr_markers, ONE_TENDRIL_BYTES)
    }

    fn dump_with(html: &str, attr_markers: bool, one_tendril_bytes: usize) -> String {
        // With markers, as `parse` does: parsed again without them where one was misplaced.
        let parsed = parse_with(html, usize::MAX, 512, attr_markers, one_tendril_bytes)
            .or_else(|| parse_with(html, usize::MAX, 512, false, one_tendril_bytes))
            .unwrap();
        let doc = crate::dom::Doc::new(&parsed.html);
        let mut out = String::new();
        for ix in doc.all() {
            let node = doc.node(ix);
            match node.kind {
                crate::dom::Kind::Element(_, el) => {
                    out.push_str(&format!("<{:?} {}", el.name.ns, el.name.local));
                    for (q, v) in &el.attrs {
                        out.push_str(&format!(" {:?}:{}={:?}", q.ns, q.local, &**v));
                    }
                    out.push_str(&format!(" end={}>", node.end));
                }
                crate::dom::Kind::Text(t) => out.push_str(&format!("{t:?}")),
                crate::dom::Kind::Other => out.push('#'),
            }
        }
        out
    }

    #[test]
    fn pages_over_the_one_tendril_size_parse_the_same() {
        let long_script = format!("<script>{}</script>", "var x = 1;".repeat(100));
        for html in [
            String::new(),
            "<p class=a id=b>x</p>".to_string(),
            format!("<div class=c>{long_script}<a href='?a&amp;b' title=t>l</a> tail</div>"),
            format!(
                "<p>{}</p><style>{}</style>",
                "é ".repeat(20_000),
                "p{}".repeat(300)
            ),
        ] {
            for markers in [true, false] {
                assert_eq!(dump_with(&html, markers, 0), dump(&html, markers), "{html}");
            }
        }
    }

    #[test]
    fn set_aside_attributes_give_the_tokenizers_attributes() {
        for html in [
            "<div CLASS=\"a b\" id='x' data-x=1 Class=dup title=t/><p hidden>x</p>",
            "<img src=a/b.png alt=\"\"/><br/class=x><span/class=y >z</span>",
            "<div class = \"a\"  id= x title =y>t</div><p lang=en role>q</p>",
            "<a class=x href=/>link</a><b class=y>bold</b><p class=z>p</p>",
            "<table class=t><div class=foster>f</div><tr><td class=c>c</td></tr></table>",
            "<select class=s><option value=1 class=o>o</option><div class=d></select>",
            "<input type=hidden class=i><template class=t shadowrootmode=open><p class=p>",
            "<svg viewBox=\"0 0 1 1\" class=s><path class=p d=1 /><foreignObject class=f>\
             <div class=x>x</div></foreignObject></svg><p class=after>a</p>",
            "<math><mi class=m>x</mi></math><p class=q>&#xE000;</p><head class=h><p class=w>",
            "<div class=\"a&amp;b\" id=\"r\rs\">x</div><div title='<p>'>y</div>",
            "<frameset class=f><frame src=a class=b></frameset>",
            "<p class=a\u{E000}>marker char in the page</p>",
            // Formatting elements: equal attribute sets compare equal ("Noah's Ark").
            "<p><b class=x><b CLASS=x><b class=x id=y><b id=y class=x><b class=x>t</p>x",
            "<p><b class=x><b class=\"&#120;\"><b class=x><b class=x>t</p>x",
            "<p><i class=x><i class=x\r><i class=x><i class=x>t</p><a href=\"?a&amp;b\">l</a>",
            "<a href=1 class=c><div><a href=2>x</div></a><nobr id=n><nobr id=n><nobr id=n>",
            "<table><b class=x><tr><td><b class=x>c</td></tr></table><b class=x><b class=x>",
            // `&amp;` is decoded; other references leave the tag to the tokenizer.
            "<img src=\"a?b=1&amp;c=2&amp;amp;\" alt=x&amp;y><div title=\"a&ampb &lt;\">x</div>",
            "<div title=\"&amp\" data-x=\"&copy\" class=c>x</div><a href=\"?a&amp;b\">l</a>",
        ] {
            assert_eq!(dump(html, true), dump(html, false), "{html}");
        }
        let pre = prescan(
            "<img src=\"?a&amp;b\"><p title=\"&lt;\">",
            MAX_ATTRIBUTES,
            true,
        );
        assert_eq!(pre.attr_sets.len(), 1);
        // The attributes are set aside on an ordinary tag.
        let pre = prescan("<div class=a id=b data-x=1>x</div>", MAX_ATTRIBUTES, true);
        assert_eq!(pre.attr_sets.len(), 1);
        assert_eq!(pre.attrs.len(), 2);
    }

    /// Real pages parse to the same tree with and without set-aside attributes: the pages
    /// bundled with the repository, and every `.html` file under the directory named by
    /// `DECHAFF_TREE_CHECK_DIR` when it is set (e.g. an unpacked corpus).
    #[test]
    fn set_aside_attributes_give_the_same_tree_on_real_pages() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs = vec![
            root.join("tests/fixtures/corpus"),
            root.join("examples/pages"),
        ];
        if let Some(extra) = std::env::var_os("DECHAFF_TREE_CHECK_DIR") {
            dirs.push(extra.into());
        }
        let mut checked = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|x| x == "html") {
                    let bytes = std::fs::read(&path).unwrap();
                    let html = String::from_utf8_lossy(&bytes);
                    let plain = dump(&html, false);
                    let marked = dump(&html, true);
                    if marked != plain {
                        let at = marked
                            .bytes()
                            .zip(plain.bytes())
                            .take_while(|(a, b)| a == b)
                            .count();
                        let lo = at.saturating_sub(300);
                        panic!(
                            "{}\nMARKED {}\nPLAIN  {}",
                            path.display(),
                            &marked[lo..(at + 300).min(marked.len())],
                            &plain[lo..(at + 300).min(plain.len())]
                        );
                    }
                    checked += 1;
                }
            }
        }
        assert!(checked >= 10, "only {checked} pages found");
    }

    /// Random tag soup from tricky pieces (quotes, `=`, `/`, references, carriage returns,
    /// NUL, foreign content, tables, raw text, formatting elements) parses to the same tree
    /// with and without set-aside attributes.
    #[test]
    fn set_aside_attributes_give_the_same_tree_on_tag_soup() {
        const PIECES: &[&str] = &[
            "<a",
            "<b",
            "<i",
            "<font",
            "<nobr",
            "<div",
            "<p",
            "</p>",
            "<img",
            "<meta",
            "<input",
            "<head",
            "<body",
            "<html",
            "<template",
            "<frameset",
            "<table>",
            "<tr>",
            "<td",
            "</table>",
            "<select>",
            "<svg",
            "</svg>",
            "<math>",
            "<foreignObject>",
            "<script>",
            "</script>",
            "<textarea>",
            "</textarea>",
            "<style>",
            "<!--",
            "-->",
            "<title>",
            "</b>",
            "</a>",
            " class=",
            " CLASS=",
            " id=",
            " href=",
            " src=",
            " data-x",
            " title",
            "=",
            "\"",
            "'",
            "/",
            ">",
            " ",
            "\n",
            "\r",
            "\0",
            "x",
            "&amp;",
            "&lt;",
            "&",
            "&#65;",
            "&#xE000;",
            "\u{E000}",
            "\t",
            "a b",
            "<",
            "</",
        ];
        // xorshift: a fixed sequence, so a failure reproduces.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..20_000 {
            let len = 1 + next() % 40;
            let html: String = (0..len)
                .map(|_| PIECES[(next() % PIECES.len() as u64) as usize])
                .collect();
            assert_eq!(dump(&html, true), dump(&html, false), "{html:?}");
        }
    }

    #[test]
    fn a_page_holding_the_marker_character_is_parsed_whole() {
        // Found by the tag-soup test: the page holds the marker character, so nothing is set
        // aside, and a single attribute named like a marker is the page's own. It used to
        // send both parses down the re-parse path and give an empty tree.
        let html = "</<!--'\t</a>'<head</a><textarea>\n\" class=</p></b>\0&amp;<title><table>\
                    </script><table></textarea>><table>&lt; data-x<input&&#xE000;&lt; \
                    </textarea>\n\"</a><input/\u{e000}\t\0<script><td</b><title>";
        assert!(parse_with(html, usize::MAX, 512, false, ONE_TENDRIL_BYTES).is_some());
        let p = parse(html, usize::MAX, 512);
        let doc = crate::dom::Doc::new(&p.html);
        assert!(doc.find(Tag::Textarea).is_some());
    }

    #[test]
    fn a_marker_left_as_text_makes_the_page_parse_again() {
        // The second `<head>` is ignored (its marker unused) and the page holds the marker
        // character as a reference: the text is checked, and the page parsed again.
        let html = "<head class=h></head><head id=i></head><body><p class=a>&#xE000;=\"0\"</p>";
        assert!(parse_with(html, usize::MAX, 512, true, ONE_TENDRIL_BYTES).is_none());
        let p = parse(html, usize::MAX, 512);
        let doc = crate::dom::Doc::new(&p.html);
        let para = doc.find(Tag::P).unwrap();
        assert_eq!(doc.attr(para, "class"), Some("a"));
    }

    #[test]
    fn node_cap_stops_parsing() {
        let html = "<p>x</p>".repeat(20_000);
        let p = parse(&html, 1000, 512);
        assert_eq!(p.limit_hit, Some(Complexity::Nodes));
        assert!(p.html.len() < 3 * 20_000);
    }
}
