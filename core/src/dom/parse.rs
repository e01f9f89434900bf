//! Parsing with bounds: html5ever behind a tree sink that counts elements and nesting.
//!
//! html5ever and scraper bound nothing. Its tree builder scans the stack of open elements for
//! many tags, so a page nested `n` deep costs about `n²`; a 1 MB page of nested `<div>`s takes
//! minutes. [`GuardedSink`] wraps scraper's sink, measures the depth of every inserted node
//! (walking at most `max_depth + 1` ancestors, which stays correct when the adoption agency
//! algorithm moves nodes) and counts created elements. The input is fed in chunks; once a
//! limit is hit, feeding stops and the rest of the page is ignored, so the work is bounded by
//! about `bytes × max_depth`.

use std::borrow::Cow;
use std::cell::Cell;

use ego_tree::NodeId;
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

use crate::error::Complexity;

/// Input is fed to the parser in pieces of this many bytes (at character boundaries), so a
/// limit stops the work within one chunk.
const CHUNK_BYTES: usize = 16 * 1024;

/// A parsed page and what the guard saw.
pub(crate) struct Parsed {
    pub html: Html,
    /// The limit that stopped parsing, if any.
    pub limit_hit: Option<Complexity>,
}

/// Parses `text` as an HTML document, stopping early at `max_nodes` elements or nesting
/// deeper than `max_depth`.
pub(crate) fn parse(text: &str, max_nodes: usize, max_depth: usize) -> Parsed {
    let sink = GuardedSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        nodes: Cell::new(0),
        max_nodes,
        max_depth,
        limit_hit: Cell::new(None),
    };
    let mut parser = html5ever::parse_document(sink, Default::default());
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + CHUNK_BYTES).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let chunk = text.get(start..end).unwrap_or("");
        parser.process(StrTendril::from_slice(chunk));
        start = end;
        if parser.tokenizer.sink.sink.limit_hit.get().is_some() {
            break;
        }
    }
    let limit_hit = parser.tokenizer.sink.sink.limit_hit.get();
    let html = parser.finish();
    Parsed { html, limit_hit }
}

/// scraper's sink plus element and depth accounting.
struct GuardedSink {
    inner: HtmlTreeSink,
    nodes: Cell<usize>,
    max_nodes: usize,
    max_depth: usize,
    limit_hit: Cell<Option<Complexity>>,
}

impl GuardedSink {
    /// Depth of `id` below the document, counting at most `max_depth + 1` ancestors.
    fn depth_of(&self, id: NodeId) -> usize {
        let html = self.inner.0.borrow();
        let mut depth = 0;
        let mut cur = html.tree.get(id);
        while let Some(node) = cur {
            depth += 1;
            if depth > self.max_depth {
                break;
            }
            cur = node.parent();
        }
        depth
    }

    fn check_depth(&self, parent: &NodeId, child: &NodeOrText<NodeId>) {
        if matches!(child, NodeOrText::AppendNode(_))
            && self.limit_hit.get().is_none()
            && self.depth_of(*parent) > self.max_depth
        {
            self.limit_hit.set(Some(Complexity::Depth));
        }
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
        let n = self.nodes.get() + 1;
        self.nodes.set(n);
        if n > self.max_nodes && self.limit_hit.get().is_none() {
            self.limit_hit.set(Some(Complexity::Nodes));
        }
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.check_depth(parent, &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.check_depth(prev_element, &child);
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
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs);
    }

    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
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
    fn node_cap_stops_parsing() {
        let html = "<p>x</p>".repeat(20_000);
        let p = parse(&html, 1000, 512);
        assert_eq!(p.limit_hit, Some(Complexity::Nodes));
        assert!(p.html.tree.nodes().count() < 3 * 20_000);
    }
}
