//! Parsing with bounds: html5ever behind a tree sink that counts nodes and nesting.
//!
//! html5ever and scraper bound nothing. The tree builder scans the stack of open elements for
//! many tags, so a page nested `n` deep costs about `n²`: scraper alone takes minutes on a
//! 1 MB page of nested `<div>`s. [`GuardedSink`] wraps scraper's sink, measures the depth of
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
//! (scraper inserts each into a sorted vector).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

use ego_tree::NodeId;
use html5ever::TokenizerResult;
use html5ever::buffer_queue::BufferQueue;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use crate::error::Complexity;
use crate::input::attributes::{MAX_ATTRIBUTES, cap_attributes};
use crate::patterns::FnvMap;

/// Input is queued for the tokenizer in pieces of this many bytes (at character boundaries).
const CHUNK_BYTES: usize = 16 * 1024;

/// A parsed page and what the guards saw.
pub(crate) struct Parsed {
    pub html: Html,
    /// The limit that stopped parsing, if any.
    pub limit_hit: Option<Complexity>,
    /// Whether some tag's attributes were capped.
    pub attributes_capped: bool,
}

/// Parses `text` as an HTML document, stopping early at `max_nodes` elements and comments or
/// at nesting deeper than `max_depth`.
pub(crate) fn parse(text: &str, max_nodes: usize, max_depth: usize) -> Parsed {
    let (text, mut attributes_capped) = cap_attributes(text, MAX_ATTRIBUTES);
    let queue = Rc::new(BufferQueue::default());
    let sink = GuardedSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        nodes: Cell::new(0),
        merged_attrs: Cell::new(0),
        attrs_dropped: Cell::new(false),
        max_nodes,
        max_depth,
        limit_hit: Cell::new(None),
        queue: Rc::clone(&queue),
        depths: RefCell::new(FnvMap::default()),
    };
    let tree_builder = TreeBuilder::new(sink, TreeBuilderOpts::default());
    let tokenizer = Tokenizer::new(tree_builder, TokenizerOpts::default());
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        queue.push_back(StrTendril::from_slice(text.get(start..end).unwrap_or("")));
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
    let html = sink.finish();
    Parsed {
        html,
        limit_hit,
        attributes_capped,
    }
}

/// scraper's sink plus node, depth and merged-attribute accounting.
struct GuardedSink {
    inner: HtmlTreeSink,
    nodes: Cell<usize>,
    /// Attributes merged into `<html>`/`<body>` by repeated tags so far.
    merged_attrs: Cell<usize>,
    attrs_dropped: Cell<bool>,
    max_nodes: usize,
    max_depth: usize,
    limit_hit: Cell<Option<Complexity>>,
    /// The tokenizer's input, emptied when a limit is hit.
    queue: Rc<BufferQueue>,
    /// Known depths ([`GuardedSink::depth_of`]) of inserted elements. Filled as elements are
    /// appended, and cleared whenever the tree builder moves an existing node (the adoption
    /// agency algorithm, foster parenting), since moving a subtree changes the depth of
    /// everything in it. Without it every insertion walks up to `max_depth` ancestors.
    depths: RefCell<FnvMap<NodeId, usize>>,
}

impl GuardedSink {
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
    fn depth_of(&self, id: NodeId) -> usize {
        let html = self.inner.0.borrow();
        let depths = self.depths.borrow();
        let mut depth = 0;
        let mut cur = html.tree.get(id);
        while let Some(node) = cur {
            if let Some(known) = depths.get(&node.id()) {
                return depth + known;
            }
            depth += 1;
            if depth > self.max_depth {
                break;
            }
            cur = node.parent();
        }
        depth
    }

    /// Before `child` goes under `parent`: forgets known depths if `child` is an existing
    /// node being moved, flags the depth limit if an element would go too deep, and records
    /// the depth of a new element.
    fn before_insert(&self, parent: &NodeId, child: &NodeOrText<NodeId>) {
        let NodeOrText::AppendNode(child) = child else {
            return;
        };
        let moved = {
            let html = self.inner.0.borrow();
            html.tree.get(*child).is_some_and(|c| c.parent().is_some())
        };
        if moved {
            self.depths.borrow_mut().clear();
        }
        if self.limit_hit.get().is_some() {
            return;
        }
        let depth = self.depth_of(*parent);
        if depth > self.max_depth {
            self.hit(Complexity::Depth);
        } else if !moved {
            self.depths.borrow_mut().insert(*child, depth + 1);
        }
    }

    fn forget_depths(&self) {
        self.depths.borrow_mut().clear();
    }

    /// The parent `sibling` has (for insertions before it).
    fn parent_of(&self, sibling: &NodeId) -> Option<NodeId> {
        let html = self.inner.0.borrow();
        html.tree.get(*sibling)?.parent().map(|p| p.id())
    }
}

impl TreeSink for GuardedSink {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.count_node();
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.count_node();
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.count_node();
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.before_insert(parent, &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        // The child goes before `element` when that has a parent, else into `prev_element`.
        match self.parent_of(element) {
            Some(parent) => self.before_insert(&parent, &child),
            None => self.before_insert(prev_element, &child),
        }
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        match self.parent_of(sibling) {
            Some(parent) => self.before_insert(&parent, &new_node),
            None => self.forget_depths(),
        }
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, mut attrs: Vec<Attribute>) {
        // Repeated <html>/<body> tags merge their attributes into the first one; scraper
        // inserts each into a sorted vector, so cap the total like a tag's own attributes.
        let room = MAX_ATTRIBUTES.saturating_sub(self.merged_attrs.get());
        if attrs.len() > room {
            attrs.truncate(room);
            self.attrs_dropped.set(true);
        }
        self.merged_attrs.set(self.merged_attrs.get() + attrs.len());
        if !attrs.is_empty() {
            self.inner.add_attrs_if_missing(target, attrs);
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.forget_depths();
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.forget_depths();
        self.inner.reparent_children(node, new_parent);
    }
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
        assert!(p.html.tree.nodes().count() < 5000);
    }

    #[test]
    fn parsing_goes_on_after_scripts_and_meta_charset() {
        let p = parse(
            "<meta charset=utf-8><title>t</title><script>x</script><p>after</p>",
            1000,
            512,
        );
        assert_eq!(p.limit_hit, None);
        let names: Vec<&str> = p
            .html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element().map(|e| e.name()))
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
        let elements = p
            .html
            .tree
            .nodes()
            .filter(|n| n.value().is_element())
            .count();
        assert!(elements < 110, "{elements} elements");
    }

    #[test]
    fn comments_count_as_nodes() {
        let p = parse(&"<!--x-->".repeat(5000), 1000, 512);
        assert_eq!(p.limit_hit, Some(Complexity::Nodes));
        assert!(p.html.tree.nodes().count() < 1100);
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
        let html = p.html.root_element();
        assert!(html.value().attrs().count() <= 2 * MAX_ATTRIBUTES);
    }

    #[test]
    fn many_attributes_are_capped() {
        let attrs: String = (0..10_000).map(|i| format!(" a{i}")).collect();
        let p = parse(&format!("<div{attrs}>x</div>"), 1000, 512);
        assert!(p.attributes_capped);
        let n = p
            .html
            .tree
            .nodes()
            .filter_map(|n| n.value().as_element())
            .map(|e| e.attrs().count())
            .max();
        assert_eq!(n, Some(MAX_ATTRIBUTES));
    }

    #[test]
    fn node_cap_stops_parsing() {
        let html = "<p>x</p>".repeat(20_000);
        let p = parse(&html, 1000, 512);
        assert_eq!(p.limit_hit, Some(Complexity::Nodes));
        assert!(p.html.tree.nodes().count() < 3 * 20_000);
    }
}
