//! `assemble`: the selected DOM, read into structured [`Block`]s in reading order.
//!
//! Inline elements flow into the current paragraph (`<b>a</b>b` is `ab`); every block element
//! ends it (`<p>a</p><p>b</p>` is two paragraphs, never `ab`); `<br>` is a line break inside
//! it. Headings, lists, data tables, preformatted text, quotations and figures become their
//! own block kinds. Every walk is iterative over the flat `Doc`.

pub(crate) mod fallback;
pub(crate) mod filter;

use url::Url;

use crate::article::{Block, Link, ListItem};
use crate::dom::text::{char_count, push_collapsed};
use crate::dom::{Kind, NodeIx, Tag};
use crate::patterns::Sig;
use crate::pipeline::Ctx;
use crate::urls::absolutize;

/// A table cell with more characters than this makes the table a layout table.
const MAX_DATA_CELL_CHARS: u32 = 400;

/// Blocks, with the share of each block's text that sits inside links.
pub(crate) struct Assembled {
    pub blocks: Vec<Block>,
    pub link_shares: Vec<f32>,
}

/// Reads the subtrees of `roots` into blocks.
pub(crate) fn blocks(ctx: &Ctx<'_, '_>, roots: &[NodeIx], base: Option<&Url>) -> Assembled {
    let mut b = Builder::new(ctx, base);
    for &root in roots {
        b.walk(root);
    }
    Assembled {
        blocks: b.blocks,
        link_shares: b.link_shares,
    }
}

/// Reads the page's comment sections into blocks.
pub(crate) fn comments(ctx: &Ctx<'_, '_>, base: Option<&Url>) -> Vec<Block> {
    let mut b = Builder::new(ctx, base);
    for &root in &ctx.comment_roots {
        b.walk(root);
    }
    b.blocks
}

/// What to do when an open element's subtree ends.
enum Close {
    /// A block element: end the paragraph.
    Block,
    /// A link: leave it, and record its span (with `include_links`) if the paragraph did not
    /// end inside it.
    Link {
        start: usize,
        generation: usize,
        href: Option<String>,
    },
}

struct Builder<'c, 'd, 'h> {
    ctx: &'c Ctx<'d, 'h>,
    base: Option<&'c Url>,
    blocks: Vec<Block>,
    buf: String,
    buf_chars: usize,
    /// Characters of `buf` inside links.
    buf_link_chars: usize,
    /// Links open around the current position.
    link_depth: usize,
    links: Vec<Link>,
    generation: usize,
    /// Share of each block's text inside links, parallel to `blocks`.
    link_shares: Vec<f32>,
    open: Vec<(NodeIx, Close)>,
}

impl<'c, 'd, 'h> Builder<'c, 'd, 'h> {
    fn new(ctx: &'c Ctx<'d, 'h>, base: Option<&'c Url>) -> Self {
        Builder {
            ctx,
            base,
            blocks: Vec::new(),
            buf: String::new(),
            buf_chars: 0,
            buf_link_chars: 0,
            link_depth: 0,
            link_shares: Vec::new(),
            links: Vec::new(),
            generation: 0,
            open: Vec::new(),
        }
    }

    fn removed(&self, ix: NodeIx, root: NodeIx) -> bool {
        ix != root && self.ctx.removed[ix].is_some()
    }

    fn walk(&mut self, root: NodeIx) {
        let doc = self.ctx.doc;
        let opts = self.ctx.opts;
        let end = doc.end(root);
        let mut i = root;
        while i < end {
            self.close_until(i);
            if self.removed(i, root) {
                i = doc.end(i);
                continue;
            }
            let next = NodeIx(i.0 + 1);
            match doc.node(i).kind {
                Kind::Text(t) => {
                    self.push_text(t);
                    i = next;
                }
                Kind::Other => i = next,
                Kind::Element(tag, _) => match tag {
                    _ if tag.is_never_content() => i = doc.end(i),
                    Tag::Br => {
                        self.line_break();
                        i = next;
                    }
                    Tag::Hr => {
                        self.flush();
                        i = next;
                    }
                    Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 => {
                        self.flush();
                        let (text, _) = self.flat_text(i, " ", false, false);
                        if !text.is_empty() {
                            let level = tag.heading_level().unwrap_or(2);
                            let share = self.ctx.link_density(i);
                            self.push_block(Block::Heading { level, text }, share);
                        }
                        i = doc.end(i);
                    }
                    Tag::Ul | Tag::Ol => {
                        self.flush();
                        self.list(i, tag == Tag::Ol);
                        i = doc.end(i);
                    }
                    Tag::Table if is_data_table(self.ctx, i) => {
                        self.flush();
                        if opts.include_tables {
                            self.table(i);
                        }
                        i = doc.end(i);
                    }
                    Tag::Pre => {
                        self.flush();
                        self.code(i);
                        i = doc.end(i);
                    }
                    Tag::Blockquote => {
                        self.flush();
                        let (text, _) = self.flat_text(i, "\n\n", false, false);
                        if !text.is_empty() {
                            let share = self.ctx.link_density(i);
                            self.push_block(Block::Quote { text }, share);
                        }
                        i = doc.end(i);
                    }
                    Tag::Figure => {
                        self.flush();
                        if opts.include_images {
                            self.figure(i);
                        }
                        i = doc.end(i);
                    }
                    Tag::Img => {
                        if opts.include_images
                            && let Some(src) = self.image_src(i)
                        {
                            self.flush();
                            let alt = doc
                                .attr(i, "alt")
                                .map(crate::dom::text::collapse)
                                .filter(|a| !a.is_empty());
                            self.push_block(
                                Block::Figure {
                                    src: Some(src),
                                    alt,
                                    caption: None,
                                },
                                0.0,
                            );
                        }
                        i = next;
                    }
                    Tag::A if self.ctx.sig[i].any(Sig::LINK) => {
                        let href = if opts.include_links {
                            doc.attr(i, "href").and_then(|h| link_target(self.base, h))
                        } else {
                            None
                        };
                        self.link_depth += 1;
                        self.open.push((
                            doc.end(i),
                            Close::Link {
                                start: self.buf_chars,
                                generation: self.generation,
                                href,
                            },
                        ));
                        i = next;
                    }
                    t if t.is_block() => {
                        self.flush();
                        self.open.push((doc.end(i), Close::Block));
                        i = next;
                    }
                    _ => i = next,
                },
            }
        }
        self.close_until(NodeIx(u32::MAX));
        self.flush();
    }

    fn close_until(&mut self, i: NodeIx) {
        while let Some((end, _)) = self.open.last() {
            if *end > i {
                break;
            }
            let Some((_, close)) = self.open.pop() else {
                break;
            };
            match close {
                Close::Block => self.flush(),
                Close::Link {
                    start,
                    generation,
                    href,
                } => {
                    self.link_depth = self.link_depth.saturating_sub(1);
                    if let Some(href) = href
                        && generation == self.generation
                        && self.buf_chars > start
                    {
                        self.links.push(Link {
                            start,
                            end: self.buf_chars,
                            href,
                        });
                    }
                }
            }
        }
    }

    fn push_text(&mut self, t: &str) {
        let old = self.buf.len();
        push_collapsed(&mut self.buf, t);
        let added = self.buf.get(old..).map_or(0, |s| s.chars().count());
        self.buf_chars += added;
        if self.link_depth > 0 {
            self.buf_link_chars += added;
        }
    }

    /// Adds a block with the share of its text inside links.
    fn push_block(&mut self, block: Block, link_share: f32) {
        self.blocks.push(block);
        self.link_shares.push(link_share);
    }

    fn line_break(&mut self) {
        while self.buf.ends_with(' ') {
            self.buf.pop();
            self.buf_chars -= 1;
        }
        if !self.buf.is_empty() && !self.buf.ends_with('\n') {
            self.buf.push('\n');
            self.buf_chars += 1;
        }
    }

    fn flush(&mut self) {
        let mut text = std::mem::take(&mut self.buf);
        let mut links = std::mem::take(&mut self.links);
        let total = self.buf_chars.max(1);
        let linked = std::mem::take(&mut self.buf_link_chars);
        self.buf_chars = 0;
        self.generation += 1;
        let trimmed = text.trim_end().len();
        text.truncate(trimmed);
        if text.is_empty() {
            return;
        }
        let n = text.chars().count();
        links.retain_mut(|l| {
            l.end = l.end.min(n);
            l.start < l.end
        });
        self.push_block(
            Block::Paragraph { text, links },
            linked as f32 / total as f32,
        );
    }

    /// Text of a subtree, whitespace collapsed, `<br>` as a newline, block boundaries as
    /// `sep`. Skips removed nodes, and nested lists when `skip_lists`.
    fn flat_text(
        &self,
        root: NodeIx,
        sep: &str,
        skip_lists: bool,
        keep_links: bool,
    ) -> (String, Vec<Link>) {
        let doc = self.ctx.doc;
        let end = doc.end(root);
        let mut out = String::new();
        let mut chars = 0usize;
        let mut links = Vec::new();
        let mut link_open: Vec<(NodeIx, usize, String)> = Vec::new();
        let mut i = NodeIx(root.0 + 1);
        while i < end {
            while let Some((e, _, _)) = link_open.last() {
                if *e > i {
                    break;
                }
                if let Some((_, start, href)) = link_open.pop()
                    && chars > start
                {
                    links.push(Link {
                        start,
                        end: chars,
                        href,
                    });
                }
            }
            if self.ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            match doc.node(i).kind {
                Kind::Text(t) => {
                    let old = out.len();
                    push_collapsed(&mut out, t);
                    chars += out.get(old..).map_or(0, |s| s.chars().count());
                }
                Kind::Element(tag, _) => {
                    if tag.is_never_content() || (skip_lists && matches!(tag, Tag::Ul | Tag::Ol)) {
                        i = doc.end(i);
                        continue;
                    }
                    if tag == Tag::Br {
                        while out.ends_with(' ') {
                            out.pop();
                            chars -= 1;
                        }
                        if !out.is_empty() && !out.ends_with('\n') {
                            out.push('\n');
                            chars += 1;
                        }
                    } else if tag == Tag::A && keep_links {
                        if let Some(href) =
                            doc.attr(i, "href").and_then(|h| link_target(self.base, h))
                        {
                            link_open.push((doc.end(i), chars, href));
                        }
                    } else if tag.is_block() && !out.is_empty() {
                        while out.ends_with([' ', '\n']) {
                            out.pop();
                            chars -= 1;
                        }
                        if !out.is_empty() {
                            out.push_str(sep);
                            chars += sep.chars().count();
                        }
                    }
                }
                Kind::Other => {}
            }
            i = NodeIx(i.0 + 1);
        }
        while let Some((_, start, href)) = link_open.pop() {
            if chars > start {
                links.push(Link {
                    start,
                    end: chars,
                    href,
                });
            }
        }
        let trimmed = out.trim_end().len();
        out.truncate(trimmed);
        let n = out.chars().count();
        links.retain_mut(|l| {
            l.end = l.end.min(n);
            l.start < l.end
        });
        (out, links)
    }

    fn list(&mut self, root: NodeIx, ordered: bool) {
        let doc = self.ctx.doc;
        let keep_links = self.ctx.opts.include_links;
        let end = doc.end(root);
        let mut items = Vec::new();
        // Ends of the lists we are inside, to know each item's depth.
        let mut lists: Vec<NodeIx> = vec![end];
        let mut i = NodeIx(root.0 + 1);
        while i < end {
            while lists.last().is_some_and(|e| *e <= i) {
                lists.pop();
            }
            if self.ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            match doc.tag(i) {
                Some(Tag::Ul | Tag::Ol) => lists.push(doc.end(i)),
                Some(Tag::Li) => {
                    let (text, links) = self.flat_text(i, "\n", true, keep_links);
                    if !text.is_empty() {
                        let depth = u8::try_from(lists.len().saturating_sub(1)).unwrap_or(u8::MAX);
                        items.push(ListItem { text, depth, links });
                    }
                }
                Some(t) if t.is_never_content() => {
                    i = doc.end(i);
                    continue;
                }
                _ => {}
            }
            i = NodeIx(i.0 + 1);
        }
        if items.is_empty() {
            // A list without <li> (text directly inside): read it as a paragraph.
            let (text, links) = self.flat_text(root, "\n", false, keep_links);
            if !text.is_empty() {
                self.push_block(
                    Block::Paragraph { text, links },
                    self.ctx.link_density(root),
                );
            }
            return;
        }
        self.push_block(Block::List { ordered, items }, self.ctx.link_density(root));
    }

    fn table(&mut self, table: NodeIx) {
        let doc = self.ctx.doc;
        let end = doc.end(table);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut header_rows = 0;
        let mut headers_done = false;
        let mut row_is_header = true;
        let mut in_thead_end: Option<NodeIx> = None;
        let mut i = NodeIx(table.0 + 1);
        let finish_row = |rows: &mut Vec<Vec<String>>,
                          header_rows: &mut usize,
                          headers_done: &mut bool,
                          is_header: bool| {
            if let Some(last) = rows.last() {
                if last.iter().all(String::is_empty) {
                    rows.pop();
                    return;
                }
                if !*headers_done && is_header {
                    *header_rows += 1;
                } else {
                    *headers_done = true;
                }
            }
        };
        while i < end {
            if in_thead_end.is_some_and(|e| e <= i) {
                in_thead_end = None;
            }
            if self.ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            match doc.tag(i) {
                Some(Tag::Thead) => in_thead_end = Some(doc.end(i)),
                Some(Tag::Tr) => {
                    if !rows.is_empty() {
                        finish_row(
                            &mut rows,
                            &mut header_rows,
                            &mut headers_done,
                            row_is_header,
                        );
                    }
                    rows.push(Vec::new());
                    row_is_header = true;
                }
                Some(tag @ (Tag::Td | Tag::Th)) => {
                    let (text, _) = self.flat_text(i, " ", false, false);
                    if tag == Tag::Td && in_thead_end.is_none() {
                        row_is_header = false;
                    }
                    if let Some(row) = rows.last_mut() {
                        row.push(text);
                    } else {
                        rows.push(vec![text]);
                    }
                    i = doc.end(i);
                    continue;
                }
                _ => {}
            }
            i = NodeIx(i.0 + 1);
        }
        finish_row(
            &mut rows,
            &mut header_rows,
            &mut headers_done,
            row_is_header,
        );
        if rows.is_empty() {
            return;
        }
        if header_rows >= rows.len() {
            header_rows = 0;
        }
        self.table_caption(table);
        self.push_block(
            Block::Table { rows, header_rows },
            self.ctx.link_density(table),
        );
    }

    /// Puts a data table's `<caption>` ("Table 6-1. Example symptoms and causes") before it
    /// as a paragraph: it is the table's title, visible on the page, and the table block has
    /// no field for it.
    ///
    /// Page pattern: `<table><caption>Table 1. Results</caption><tr><th>…</th></tr>…</table>`.
    fn table_caption(&mut self, table: NodeIx) {
        let doc = self.ctx.doc;
        let Some(cap) = doc
            .children(table)
            .find(|c| doc.is(*c, Tag::Caption) && self.ctx.removed[*c].is_none())
        else {
            return;
        };
        let (text, _) = self.flat_text(cap, " ", false, false);
        let text = text.trim();
        if !text.is_empty() {
            let share = self.ctx.link_density(cap);
            self.push_block(
                Block::Paragraph {
                    text: text.to_string(),
                    links: vec![],
                },
                share,
            );
        }
    }

    fn code(&mut self, pre: NodeIx) {
        let doc = self.ctx.doc;
        let end = doc.end(pre);
        let mut text = String::new();
        let mut i = NodeIx(pre.0 + 1);
        while i < end {
            if self.ctx.removed[i].is_some() {
                i = doc.end(i);
                continue;
            }
            match doc.node(i).kind {
                Kind::Text(t) => text.push_str(t),
                Kind::Element(Tag::Br, _) => text.push('\n'),
                _ => {}
            }
            i = NodeIx(i.0 + 1);
        }
        let text = text.trim_matches('\n').trim_end().to_string();
        if text.trim().is_empty() {
            return;
        }
        let language = code_language(doc.attr(pre, "class")).or_else(|| {
            doc.children(pre)
                .find(|c| doc.is(*c, Tag::Code))
                .and_then(|c| code_language(doc.attr(c, "class")))
        });
        self.push_block(Block::Code { text, language }, 0.0);
    }

    fn figure(&mut self, fig: NodeIx) {
        let doc = self.ctx.doc;
        let mut src = None;
        let mut alt = None;
        let mut caption = None;
        for i in doc.subtree(fig) {
            if self.ctx.is_removed(i) && i != fig {
                continue;
            }
            match doc.tag(i) {
                Some(Tag::Img) if src.is_none() => {
                    src = self.image_src(i);
                    alt = doc
                        .attr(i, "alt")
                        .map(crate::dom::text::collapse)
                        .filter(|a| !a.is_empty());
                }
                Some(Tag::Figcaption) if caption.is_none() => {
                    let (text, _) = self.flat_text(i, " ", false, false);
                    caption = Some(text).filter(|t| !t.is_empty());
                }
                _ => {}
            }
        }
        if src.is_some() || caption.is_some() {
            self.push_block(Block::Figure { src, alt, caption }, 0.0);
        }
    }

    /// The address of an image, looking past lazy-loading placeholders.
    fn image_src(&self, img: NodeIx) -> Option<String> {
        let doc = self.ctx.doc;
        let attr = |n: &str| doc.attr(img, n).map(str::trim).filter(|v| !v.is_empty());
        let tiny = |n: &str| {
            attr(n)
                .and_then(|v| v.parse::<u32>().ok())
                .is_some_and(|v| v <= 2)
        };
        if tiny("width") || tiny("height") {
            return None;
        }
        let placeholder = |v: &str| {
            let l = v.to_ascii_lowercase();
            l.starts_with("data:")
                || l.contains("blank.gif")
                || l.contains("spacer")
                || l.contains("placeholder")
        };
        let candidates = [
            attr("src").filter(|v| !placeholder(v)),
            attr("data-src"),
            attr("data-lazy-src"),
            attr("data-original"),
            attr("srcset")
                .or_else(|| attr("data-srcset"))
                .and_then(|s| s.split(',').next()?.split_whitespace().next()),
        ];
        candidates
            .into_iter()
            .flatten()
            .find(|v| !placeholder(v))
            .and_then(|v| absolutize(self.base, v))
    }
}

fn link_target(base: Option<&Url>, href: &str) -> Option<String> {
    if href.trim_start().starts_with('#') {
        return None;
    }
    absolutize(base, href)
}

/// `language-rust` / `lang-rust` / `brush: rust` → `rust`.
fn code_language(class: Option<&str>) -> Option<String> {
    class?.split_whitespace().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .filter(|l| !l.is_empty() && l.len() < 32)
            .map(str::to_string)
    })
}

/// Characters of a block's text (all its text fields).
pub(crate) fn block_chars(b: &Block) -> u32 {
    match b {
        Block::Heading { text, .. }
        | Block::Paragraph { text, .. }
        | Block::Quote { text }
        | Block::Code { text, .. } => char_count(text),
        Block::List { items, .. } => items.iter().map(|i| char_count(&i.text)).sum(),
        Block::Table { rows, .. } => rows.iter().flatten().map(|c| char_count(c)).sum(),
        Block::Figure { caption, .. } => caption.as_deref().map_or(0, char_count),
    }
}

/// Readability's data-table test, plus: long cells mean layout. Shared by the assembler
/// (a data table becomes a table block) and `prune_conditionally` (a data table is not
/// pruned for its links).
pub(crate) fn is_data_table(ctx: &Ctx<'_, '_>, table: NodeIx) -> bool {
    let doc = ctx.doc;
    let el = doc.element(table);
    let attr = |n: &str| el.and_then(|e| e.attr(n));
    if attr("role").is_some_and(|r| r.eq_ignore_ascii_case("presentation"))
        || attr("datatable") == Some("0")
    {
        return false;
    }
    let (mut rows, mut cols, mut header_signal) = (0usize, 0usize, false);
    let mut cells_in_row = 0usize;
    let end = doc.end(table);
    let mut i = NodeIx(table.0 + 1);
    while i < end {
        match doc.tag(i) {
            Some(Tag::Table) => return false,
            Some(Tag::Tr) => {
                rows += 1;
                cells_in_row = 0;
            }
            Some(Tag::Td | Tag::Th) => {
                let s = &ctx.stats[i];
                if s.chars > MAX_DATA_CELL_CHARS || s.paras >= 2 {
                    return false;
                }
                let span = doc
                    .attr(i, "colspan")
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 1000);
                cells_in_row = cells_in_row.saturating_add(span);
                cols = cols.max(cells_in_row);
                if doc.is(i, Tag::Th) {
                    header_signal = true;
                }
                i = doc.end(i);
                continue;
            }
            Some(Tag::Caption | Tag::Thead | Tag::Tfoot | Tag::Colgroup | Tag::Col) => {
                header_signal = true
            }
            _ => {}
        }
        i = NodeIx(i.0 + 1);
    }
    if attr("summary").is_some() || header_signal {
        return rows > 0;
    }
    if rows <= 1 || cols <= 1 {
        return false;
    }
    rows >= 10 || cols > 4 || rows * cols > 10
}

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_document;

    use super::*;
    use crate::dom::Doc;
    use crate::options::Options;

    fn read(html: &str, opts: Options) -> Vec<Block> {
        let parsed = parse_document(html);
        let doc = Doc::new(&parsed);
        let ctx = Ctx::new(&doc, &opts);
        let base = url::Url::parse("https://example.com/a/b.html").ok();
        blocks(&ctx, &[ctx.body], base.as_ref()).blocks
    }

    fn para(t: &str) -> Block {
        Block::Paragraph {
            text: t.to_string(),
            links: vec![],
        }
    }

    #[test]
    fn spacing_and_reading_order() {
        let b = read(
            "<p>a<br>b</p><p><b>c</b>d</p><p>e</p><p>f</p>",
            Options::default(),
        );
        assert_eq!(b, vec![para("a\nb"), para("cd"), para("e"), para("f")]);
    }

    #[test]
    fn inline_text_between_blocks() {
        let b = read(
            "<div>lead <i>text</i><div>inner</div>tail</div>",
            Options::default(),
        );
        assert_eq!(b, vec![para("lead text"), para("inner"), para("tail")]);
    }

    #[test]
    fn headings_lists_quotes_code() {
        let b = read(
            "<h2>Part</h2><ol><li>one</li><li>two<ul><li>deep</li></ul></li></ol>\
             <blockquote><p>q1</p><p>q2</p></blockquote><pre class=language-rust>fn x() {\n  1\n}</pre>",
            Options::default(),
        );
        assert_eq!(
            b[0],
            Block::Heading {
                level: 2,
                text: "Part".into()
            }
        );
        let Block::List { ordered, items } = &b[1] else {
            panic!("{b:?}")
        };
        assert!(*ordered);
        assert_eq!(
            items
                .iter()
                .map(|i| (i.text.as_str(), i.depth))
                .collect::<Vec<_>>(),
            vec![("one", 0), ("two", 0), ("deep", 1)]
        );
        assert_eq!(
            b[2],
            Block::Quote {
                text: "q1\n\nq2".into()
            }
        );
        assert_eq!(
            b[3],
            Block::Code {
                text: "fn x() {\n  1\n}".into(),
                language: Some("rust".into())
            }
        );
    }

    #[test]
    fn data_and_layout_tables() {
        let data = "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>";
        let b = read(data, Options::default());
        assert_eq!(
            b,
            vec![Block::Table {
                rows: vec![vec!["k".into(), "v".into()], vec!["a".into(), "1".into()]],
                header_rows: 1
            }]
        );
        assert!(read(data, Options::default().include_tables(false)).is_empty());
        let layout = "<table><tr><td>left text</td></tr><tr><td>right text</td></tr></table>";
        assert_eq!(
            read(layout, Options::default()),
            vec![para("left text"), para("right text")]
        );
    }

    #[test]
    fn figures_and_links_only_when_asked() {
        let html = "<p>see <a href=/x>this</a> now</p><figure><img data-src=i.jpg alt=A><figcaption>Cap</figcaption></figure>";
        assert_eq!(read(html, Options::default()), vec![para("see this now")]);
        let b = read(
            html,
            Options::default().include_images(true).include_links(true),
        );
        assert_eq!(
            b[0],
            Block::Paragraph {
                text: "see this now".into(),
                links: vec![Link {
                    start: 4,
                    end: 8,
                    href: "https://example.com/x".into()
                }]
            }
        );
        assert_eq!(
            b[1],
            Block::Figure {
                src: Some("https://example.com/a/i.jpg".into()),
                alt: Some("A".into()),
                caption: Some("Cap".into())
            }
        );
    }
    #[test]
    fn a_data_tables_caption_comes_before_it() {
        let b = read(
            "<table><caption>Table 1. Results</caption><tr><th>A</th><th>B</th></tr>\
             <tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>",
            Options::default(),
        );
        assert_eq!(b[0], para("Table 1. Results"), "{b:?}");
        assert!(matches!(b[1], Block::Table { .. }), "{b:?}");
    }

    #[test]
    fn a_table_without_caption_gets_no_paragraph() {
        let b = read(
            "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr>\
             <tr><td>3</td><td>4</td></tr></table>",
            Options::default(),
        );
        assert_eq!(b.len(), 1, "{b:?}");
    }
}
