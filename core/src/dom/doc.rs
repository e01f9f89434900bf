//! `Doc`: the parsed page as a flat, pre-order array over the parser's [`Tree`].
//!
//! Every node gets a dense index in document order, so a subtree is the contiguous range
//! `ix..end`. That gives non-recursive walks for free (skip a subtree by jumping to `end`;
//! visit children by hopping from `end` to `end`), bottom-up sums by iterating indices in
//! reverse, and side tables that are plain vectors ([`NodeVec`]) instead of hash maps.
//! The `Tree` is borrowed (elements and text), never copied or re-serialised.

use std::ops::{Index, IndexMut};

use super::parse::{Element, NONE, NodeData, Tree};
use super::tags::Tag;
use crate::error::Complexity;

/// Index of a node in a [`Doc`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct NodeIx(pub u32);

impl NodeIx {
    /// The position as a `usize`.
    pub(crate) fn get(self) -> usize {
        self.0 as usize
    }
}

/// What a node is.
#[derive(Clone, Copy)]
pub(crate) enum Kind<'h> {
    /// An element (template contents are not part of the `Doc`).
    Element(Tag, &'h Element),
    /// A text node.
    Text(&'h str),
    /// The document node, comments, doctypes, processing instructions.
    Other,
}

/// One node of the flat tree.
#[derive(Clone, Copy)]
pub(crate) struct DNode<'h> {
    pub kind: Kind<'h>,
    /// Parent index, `u32::MAX` for the root.
    pub parent: u32,
    /// One past the last index of this node's subtree.
    pub end: u32,
}

/// The page, flattened. See the module docs.
pub(crate) struct Doc<'h> {
    nodes: Vec<DNode<'h>>,
    /// Number of elements.
    pub elements: usize,
    /// Deepest element nesting.
    pub max_depth: usize,
    /// The limit for which [`Doc::bounded`] left out elements, if any.
    pub capped: Option<Complexity>,
}

const NO_PARENT: u32 = u32::MAX;

/// Where a tree node goes in the flat order (see [`StreamedSegments`]).
enum Placed {
    /// Flatten this node here.
    Here(u32),
    /// Skip it: it was already flattened at its placeholder.
    Elsewhere,
}

/// The segments of React's streaming server rendering, and their placeholders.
///
/// Page pattern: the shell holds `<template id="B:3"></template>` (or `P:3`) where a part of
/// the article goes, and the finished part arrives at the end of `<body>` as
/// `<div hidden id="S:3">…</div>`, which a script moves into place. Flattening the segment
/// at its placeholder puts the article back in one piece and in reading order; a segment
/// without a placeholder stays where it is. Each segment is flattened once, so a segment
/// that holds its own placeholder cannot loop.
#[derive(Default)]
struct StreamedSegments {
    /// Placeholder `<template>` node → segment node.
    by_placeholder: std::collections::HashMap<u32, u32>,
    /// Segment nodes that have a placeholder.
    segments: std::collections::HashSet<u32>,
    /// Segment nodes already flattened.
    done: std::collections::HashSet<u32>,
}

impl StreamedSegments {
    /// Where `id` goes: a placeholder is replaced by its segment (if not flattened yet); a
    /// segment flattened at its placeholder is skipped.
    fn place(&mut self, id: u32) -> Placed {
        if self.by_placeholder.is_empty() {
            return Placed::Here(id);
        }
        if let Some(&seg) = self.by_placeholder.get(&id) {
            if self.done.insert(seg) {
                return Placed::Here(seg);
            }
            return Placed::Here(id);
        }
        if self.segments.contains(&id) && !self.done.insert(id) {
            return Placed::Elsewhere;
        }
        Placed::Here(id)
    }
}

/// The React streaming segments of `html` that have a placeholder (see [`StreamedSegments`]).
fn streamed_segments(html: &Tree) -> StreamedSegments {
    use std::collections::HashMap;
    let mut placeholders: HashMap<&str, u32> = HashMap::new();
    let mut segments: HashMap<&str, u32> = HashMap::new();
    for id in 0..html.len() as u32 {
        let NodeData::Element(el) = &html.get(id).data else {
            continue;
        };
        let Some(key) = el.attr("id") else {
            continue;
        };
        if el.tag == Tag::Template {
            if let Some(n) = key.strip_prefix("B:").or_else(|| key.strip_prefix("P:")) {
                placeholders.entry(n).or_insert(id);
            }
        } else if let Some(n) = key.strip_prefix("S:")
            && el.attr("hidden").is_some()
        {
            segments.entry(n).or_insert(id);
        }
    }
    let mut out = StreamedSegments::default();
    for (n, seg) in segments {
        if let Some(&ph) = placeholders.get(n) {
            out.by_placeholder.insert(ph, seg);
            out.segments.insert(seg);
        }
    }
    out
}

impl<'h> Doc<'h> {
    /// Flattens `html` with one iterative pre-order walk. Template contents are skipped.
    #[allow(dead_code)] // For tests and future callers; the extractor uses `bounded`.
    pub(crate) fn new(html: &'h Tree) -> Doc<'h> {
        Self::bounded(html, usize::MAX, usize::MAX)
    }

    /// Like [`Doc::new`], but leaves out elements nested deeper than `depth_cap` (with their
    /// subtrees) and stops after `max_elements` elements. The parse guard stops the parser at
    /// the same limits; this makes the bound exact whatever the tree builder did after the
    /// stop (one token can still create many elements, e.g. when formatting elements are
    /// reconstructed), so every pass works on at most `max_elements` elements nested at most
    /// `depth_cap` deep.
    pub(crate) fn bounded(html: &'h Tree, max_elements: usize, depth_cap: usize) -> Doc<'h> {
        let mut capped = None;
        let mut nodes: Vec<DNode<'h>> = Vec::with_capacity(html.len());
        let mut elements = 0;
        let mut max_depth = 0;
        let mut segments = streamed_segments(html);
        // (tree node, parent index, depth) to visit; children pushed in reverse to pop in order.
        let mut stack = vec![(0u32, NO_PARENT, 0u32)];
        // Indices of open nodes, to fill `end` when a subtree is finished.
        let mut open: Vec<usize> = Vec::new();
        while let Some((id, parent, depth)) = stack.pop() {
            let id = match segments.place(id) {
                Placed::Here(id) => id,
                Placed::Elsewhere => continue,
            };
            let node = html.get(id);
            // Every open node above this node's parent is finished.
            while let Some(&top) = open.last() {
                if top as u32 == parent {
                    break;
                }
                open.pop();
                let len = nodes.len() as u32;
                if let Some(n) = nodes.get_mut(top) {
                    n.end = len;
                }
            }
            let ix = nodes.len() as u32;
            if let NodeData::Element(_) = node.data
                && (depth as usize > depth_cap || elements >= max_elements)
            {
                if elements >= max_elements {
                    capped = Some(Complexity::Nodes);
                    break;
                }
                capped = capped.or(Some(Complexity::Depth));
                continue;
            }
            let (kind, descend) = match &node.data {
                NodeData::Element(el) => {
                    elements += 1;
                    max_depth = max_depth.max(depth as usize);
                    (Kind::Element(el.tag, el), el.tag != Tag::Template)
                }
                NodeData::Text(t) => (Kind::Text(t), false),
                NodeData::Document | NodeData::Fragment => (Kind::Other, true),
                NodeData::Other => (Kind::Other, false),
            };
            nodes.push(DNode {
                kind,
                parent,
                end: ix + 1,
            });
            if descend && node.first_child != NONE {
                open.push(ix as usize);
                let mut child = node.last_child;
                while child != NONE {
                    stack.push((child, ix, depth + 1));
                    child = html.get(child).prev_sibling;
                }
            }
        }
        let len = nodes.len() as u32;
        for top in open {
            if let Some(n) = nodes.get_mut(top) {
                n.end = len;
            }
        }
        Doc {
            nodes,
            elements,
            max_depth,
            capped,
        }
    }

    /// Number of nodes.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// All indices in document order.
    pub(crate) fn all(&self) -> impl DoubleEndedIterator<Item = NodeIx> + use<> {
        (0..self.nodes.len() as u32).map(NodeIx)
    }

    /// The node at `ix`.
    #[allow(clippy::indexing_slicing)] // NodeIx values come from this Doc and are < len.
    pub(crate) fn node(&self, ix: NodeIx) -> &DNode<'h> {
        &self.nodes[ix.get()]
    }

    /// The element's tag, or `None` for text and other nodes.
    pub(crate) fn tag(&self, ix: NodeIx) -> Option<Tag> {
        match self.node(ix).kind {
            Kind::Element(tag, _) => Some(tag),
            _ => None,
        }
    }

    /// `true` when `ix` is an element with this tag.
    pub(crate) fn is(&self, ix: NodeIx, tag: Tag) -> bool {
        self.tag(ix) == Some(tag)
    }

    /// The element at `ix`, if it is one.
    pub(crate) fn element(&self, ix: NodeIx) -> Option<&'h Element> {
        match self.node(ix).kind {
            Kind::Element(_, el) => Some(el),
            _ => None,
        }
    }

    /// An attribute value of the element at `ix` (`name` in lower case).
    ///
    /// Scans the element's few attributes comparing names as strings.
    pub(crate) fn attr(&self, ix: NodeIx, name: &str) -> Option<&'h str> {
        self.element(ix)?.attr(name)
    }

    /// The text of a text node.
    pub(crate) fn text(&self, ix: NodeIx) -> Option<&'h str> {
        match self.node(ix).kind {
            Kind::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The parent, `None` for the root.
    pub(crate) fn parent(&self, ix: NodeIx) -> Option<NodeIx> {
        let p = self.node(ix).parent;
        (p != NO_PARENT).then_some(NodeIx(p))
    }

    /// One past the last descendant of `ix`.
    pub(crate) fn end(&self, ix: NodeIx) -> NodeIx {
        NodeIx(self.node(ix).end)
    }

    /// `ix` and its descendants, in document order.
    pub(crate) fn subtree(&self, ix: NodeIx) -> impl DoubleEndedIterator<Item = NodeIx> + use<> {
        (ix.0..self.node(ix).end).map(NodeIx)
    }

    /// `true` when `anc` is `ix` or one of its ancestors.
    pub(crate) fn contains(&self, anc: NodeIx, ix: NodeIx) -> bool {
        anc <= ix && ix.0 < self.node(anc).end
    }

    /// Children of `ix`, in order.
    pub(crate) fn children(&self, ix: NodeIx) -> Children<'_, 'h> {
        Children {
            doc: self,
            next: ix.0 + 1,
            end: self.node(ix).end,
        }
    }

    /// Ancestors of `ix`, nearest first (not including `ix`).
    pub(crate) fn ancestors(&self, ix: NodeIx) -> Ancestors<'_, 'h> {
        Ancestors {
            doc: self,
            next: self.parent(ix),
        }
    }

    /// The first element with this tag, in document order.
    pub(crate) fn find(&self, tag: Tag) -> Option<NodeIx> {
        self.all().find(|ix| self.is(*ix, tag))
    }

    /// A short description for traces: `div#main.article-body`.
    pub(crate) fn describe(&self, ix: NodeIx) -> String {
        let Some(el) = self.element(ix) else {
            return String::from("#text");
        };
        let mut s = String::from(&*el.name.local);
        if let Some(id) = el.attr("id") {
            s.push('#');
            s.extend(id.chars().take(40));
        }
        if let Some(class) = el.attr("class") {
            for c in class.split_ascii_whitespace().take(3) {
                s.push('.');
                s.extend(c.chars().take(40));
            }
        }
        s
    }
}

/// Iterator over the children of a node.
pub(crate) struct Children<'d, 'h> {
    doc: &'d Doc<'h>,
    next: u32,
    end: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeIx;

    fn next(&mut self) -> Option<NodeIx> {
        if self.next >= self.end {
            return None;
        }
        let ix = NodeIx(self.next);
        self.next = self.doc.node(ix).end;
        Some(ix)
    }
}

/// Iterator over the ancestors of a node.
pub(crate) struct Ancestors<'d, 'h> {
    doc: &'d Doc<'h>,
    next: Option<NodeIx>,
}

impl Iterator for Ancestors<'_, '_> {
    type Item = NodeIx;

    fn next(&mut self) -> Option<NodeIx> {
        let ix = self.next?;
        self.next = self.doc.parent(ix);
        Some(ix)
    }
}

/// A side table: one `T` per node of a [`Doc`], indexed by [`NodeIx`].
#[derive(Clone, Debug)]
pub(crate) struct NodeVec<T>(Vec<T>);

impl<T: Clone> NodeVec<T> {
    /// A table of `len` copies of `value`.
    pub(crate) fn new(len: usize, value: T) -> Self {
        NodeVec(vec![value; len])
    }
}

impl<T: Copy> NodeVec<T> {
    /// The value at `ix`, `None` when the table is shorter.
    pub(crate) fn lookup(&self, ix: NodeIx) -> Option<T> {
        self.0.get(ix.get()).copied()
    }

    /// Sets every entry from `from` up to (not including) `to` to `value` (as far as the
    /// table goes).
    pub(crate) fn fill_range(&mut self, from: NodeIx, to: NodeIx, value: T) {
        let len = self.0.len();
        let to = to.get().min(len);
        if let Some(s) = self.0.get_mut(from.get().min(to)..to) {
            s.fill(value);
        }
    }
}

impl<T> Index<NodeIx> for NodeVec<T> {
    type Output = T;

    #[allow(clippy::indexing_slicing)] // Tables are sized to their Doc; NodeIx values are < len.
    fn index(&self, ix: NodeIx) -> &T {
        &self.0[ix.get()]
    }
}

impl<T> IndexMut<NodeIx> for NodeVec<T> {
    #[allow(clippy::indexing_slicing)] // Tables are sized to their Doc; NodeIx values are < len.
    fn index_mut(&mut self, ix: NodeIx) -> &mut T {
        &mut self.0[ix.get()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::parse::parse_document;

    #[test]
    fn flat_tree_has_ranges_and_children() {
        let html =
            parse_document("<div><p>a<b>b</b></p><p>c</p></div><template><p>t</p></template>");
        let doc = Doc::new(&html);
        let div = doc.find(Tag::Div).unwrap();
        let kids: Vec<_> = doc.children(div).collect();
        assert_eq!(kids.len(), 2);
        assert!(kids.iter().all(|k| doc.is(*k, Tag::P)));
        let b = doc.find(Tag::B).unwrap();
        assert!(doc.contains(div, b));
        assert!(doc.ancestors(b).any(|a| a == div));
        // Template contents are not part of the Doc.
        let texts: Vec<_> = doc.all().filter_map(|ix| doc.text(ix)).collect();
        assert_eq!(texts, vec!["a", "b", "c"]);
    }

    #[test]
    fn streamed_segments_are_flattened_at_their_placeholders() {
        let texts = |src: &str| {
            let html = parse_document(src);
            let doc = Doc::new(&html);
            doc.all()
                .filter_map(|ix| doc.text(ix))
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Fires: each segment goes where its placeholder is, once.
        assert_eq!(
            texts(
                "<main><p>one</p><template id=\"B:1\"></template><p>three</p>\
                 <template id=\"P:2\"></template></main><footer>end</footer>\
                 <div hidden id=\"S:1\"><p>two</p></div><div hidden id=\"S:2\">four</div>"
            ),
            "one two three four end"
        );
        // Does not fire: a segment without a placeholder, or a placeholder inside its own
        // segment, stays where it is and is flattened once.
        assert_eq!(texts("<p>a</p><div hidden id=\"S:7\">b</div>"), "a b");
        assert_eq!(
            texts("<div hidden id=\"S:3\">x<template id=\"B:3\"></template></div>"),
            "x"
        );
    }

    #[test]
    fn bounded_doc_leaves_out_deep_and_surplus_elements() {
        let html = parse_document(&("<div>".repeat(50) + "x"));
        let doc = Doc::bounded(&html, usize::MAX, 10);
        assert_eq!(doc.capped, Some(Complexity::Depth));
        assert_eq!(doc.max_depth, 10);
        assert_eq!(doc.end(NodeIx(0)).get(), doc.len());
        let html = parse_document(&"<p>x</p>".repeat(50));
        let doc = Doc::bounded(&html, 20, 512);
        assert_eq!(doc.capped, Some(Complexity::Nodes));
        assert_eq!(doc.elements, 20);
        assert_eq!(doc.end(NodeIx(0)).get(), doc.len());
        let doc = Doc::bounded(&html, 1000, 512);
        assert_eq!(doc.capped, None);
    }

    #[test]
    fn deep_tree_is_flattened_without_recursion() {
        let html = parse_document(&"<div>".repeat(3000));
        let doc = Doc::new(&html);
        assert!(doc.max_depth >= 3000);
        assert_eq!(doc.end(NodeIx(0)).get(), doc.len());
    }
}
