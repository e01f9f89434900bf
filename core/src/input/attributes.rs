//! A linear pre-scan that caps the number of attributes of any tag before html5ever sees it.
//!
//! html5ever checks each new attribute of a tag against all the tag's earlier attributes, so a
//! tag with `k` attributes costs `k²` (one `<div>` with 100 000 attributes: tens of seconds),
//! and the tree builder clones and sorts attribute lists when it compares formatting elements.
//! Real pages stay far below the cap: the most attributes on one tag in the development
//! corpora is 70.
//!
//! The scan reads the page the way the tokenizer does: tags with the tokenizer's own attribute
//! states (quotes, `/`, `=` and all), comments, `<!…>` and `<?…>`, and the raw-text elements
//! (`<script>`, `<style>`, `<textarea>`, `<title>`, `<xmp>`, `<iframe>`, `<noembed>`,
//! `<noframes>`, `<noscript>`, `<plaintext>`), whose content holds no tags. Where it cannot
//! know the tokenizer's state, it errs towards reading markup, so no real tag is skipped:
//! - inside `<svg>`/`<math>` the raw-text elements are not raw text (foreign content), so
//!   there the scan reads their content as markup;
//! - a script ends at the first `</script`, even where the tokenizer (in the rare "double
//!   escaped" state) would go on.
//!
//! A tag over the cap keeps its first [`MAX_ATTRIBUTES`] attributes; the rest, up to the `>`,
//! is cut out. Pages without such a tag are returned as they are (borrowed).
//!
//! The same scan also sets aside long `<script>`, `<style>` and other raw-text bodies for the parser
//! ([`prescan`]): it finds where they end anyway, and they are often half of a page's bytes.
//! It likewise sets aside the attributes of most start tags (see [`set_aside_attributes`]): the
//! tokenizer reads them a character at a time, and they are most of the markup left.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;

/// Most attributes kept on one tag (1.8 × the most seen on a real page).
pub(crate) const MAX_ATTRIBUTES: usize = 128;

/// States of the HTML tokenizer between `<name` and `>`, after the WHATWG spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    /// Just after `</`: the next byte starts the name.
    EndTagOpen,
    TagName,
    BeforeAttrName,
    AttrName,
    AfterAttrName,
    BeforeAttrValue,
    DoubleQuoted,
    SingleQuoted,
    Unquoted,
    AfterQuoted,
    SelfClosing,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// One byte of the tokenizer's tag states: the next state (`None` at the closing `>`) and
/// whether an attribute starts at this byte.
fn step(st: St, b: u8) -> (Option<St>, bool) {
    use St::*;
    // "Reconsume in the before attribute name state".
    let before = |b: u8| -> (Option<St>, bool) {
        match b {
            _ if is_space(b) => (Some(BeforeAttrName), false),
            b'/' => (Some(SelfClosing), false),
            b'>' => (None, false),
            _ => (Some(AttrName), true),
        }
    };
    match st {
        EndTagOpen => (Some(TagName), false),
        TagName => match b {
            _ if is_space(b) => (Some(BeforeAttrName), false),
            b'/' => (Some(SelfClosing), false),
            b'>' => (None, false),
            _ => (Some(TagName), false),
        },
        BeforeAttrName => before(b),
        AttrName => match b {
            _ if is_space(b) => (Some(AfterAttrName), false),
            b'/' => (Some(SelfClosing), false),
            b'>' => (None, false),
            b'=' => (Some(BeforeAttrValue), false),
            _ => (Some(AttrName), false),
        },
        AfterAttrName => match b {
            _ if is_space(b) => (Some(AfterAttrName), false),
            b'/' => (Some(SelfClosing), false),
            b'=' => (Some(BeforeAttrValue), false),
            b'>' => (None, false),
            _ => (Some(AttrName), true),
        },
        BeforeAttrValue => match b {
            _ if is_space(b) => (Some(BeforeAttrValue), false),
            b'"' => (Some(DoubleQuoted), false),
            b'\'' => (Some(SingleQuoted), false),
            b'>' => (None, false),
            _ => (Some(Unquoted), false),
        },
        DoubleQuoted => (
            Some(if b == b'"' { AfterQuoted } else { DoubleQuoted }),
            false,
        ),
        SingleQuoted => (
            Some(if b == b'\'' {
                AfterQuoted
            } else {
                SingleQuoted
            }),
            false,
        ),
        Unquoted => match b {
            _ if is_space(b) => (Some(BeforeAttrName), false),
            b'>' => (None, false),
            _ => (Some(Unquoted), false),
        },
        AfterQuoted | SelfClosing => before(b),
    }
}

/// `true` when `b` keeps the tag name, attribute name or unquoted value state `st` (see
/// [`step`]: those states change only at whitespace, `/`, `>` and `=`).
fn stays(st: St, b: u8) -> bool {
    !(is_space(b)
        || b == b'>'
        || (b == b'/' && st != St::Unquoted)
        || (b == b'=' && st == St::AttrName))
}

/// The tag reading that starts at `bytes[i]`, if a tag starts there.
fn tag_start(bytes: &[u8], i: usize) -> Option<St> {
    if bytes.get(i) != Some(&b'<') {
        return None;
    }
    let first = bytes.get(i + 1).copied().unwrap_or(0);
    if first.is_ascii_alphabetic() {
        Some(St::TagName)
    } else if first == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic) {
        Some(St::EndTagOpen)
    } else {
        None
    }
}

/// One tag as the tokenizer reads it from its `<`.
struct Tag {
    /// Offset of the first byte of attribute number `max + 1`, if the tag has that many.
    cut: Option<usize>,
    /// Offset of the closing `>` (the input length when the tag runs to the end).
    end: usize,
    /// `true` for `</name …>`.
    is_end: bool,
    /// `true` when the tag ends with `/>`.
    self_closing: bool,
    /// Offsets of the tag name.
    name: (usize, usize),
    /// `false` when the input ends inside the tag (the tokenizer then drops it).
    closed: bool,
}

/// Where one attribute lies in its tag: `start..end` covers the name, and the `=` and the
/// value when there are (the closing quote included); `start..name_end` is the name.
#[derive(Clone, Copy)]
struct AttrSpan {
    start: usize,
    name_end: usize,
    end: usize,
}

/// Reads the tag at `start`; `attrs` receives the spans of its first `max` attributes.
fn read_tag(bytes: &[u8], start: usize, max: usize, attrs: &mut Vec<AttrSpan>) -> Option<Tag> {
    attrs.clear();
    let mut st = tag_start(bytes, start)?;
    let is_end = st == St::EndTagOpen;
    let name_start = start + if is_end { 2 } else { 1 };
    let mut name_end = None;
    let mut count = 0;
    let mut cut = None;
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        // Inside a quoted value only the closing quote matters: jump to it (values are
        // mostly short, so look at a few bytes before paying for a `memchr` call).
        if matches!(st, St::DoubleQuoted | St::SingleQuoted) {
            let quote = if st == St::DoubleQuoted { b'"' } else { b'\'' };
            let rest = bytes.get(i..).unwrap_or(&[]);
            let near = rest.get(..16).unwrap_or(rest);
            let found = match near.iter().position(|&c| c == quote) {
                Some(q) => Some(q),
                None => memchr::memchr(quote, rest),
            };
            match found {
                Some(q) => {
                    i += q + 1;
                    st = St::AfterQuoted;
                    if count <= max
                        && let Some(a) = attrs.last_mut()
                    {
                        a.end = i;
                    }
                    continue;
                }
                None => break,
            }
        }
        // Inside a name or an unquoted value, the bytes that keep the state: skip them.
        if matches!(st, St::TagName | St::AttrName | St::Unquoted) && stays(st, b) {
            i += 1;
            while bytes.get(i).is_some_and(|&c| stays(st, c)) {
                i += 1;
            }
            continue;
        }
        let (to, started) = step(st, b);
        if st == St::TagName && to != Some(St::TagName) {
            name_end = Some(i);
        }
        // The attribute being read ends at its name, just after its `=`, or after its value.
        let attr_end = match (st, to) {
            (St::AttrName, Some(St::BeforeAttrValue)) => Some((i + 1, true)),
            (St::AttrName, to) if to != Some(St::AttrName) => Some((i, true)),
            (St::AfterAttrName, Some(St::BeforeAttrValue)) => Some((i + 1, false)),
            (St::Unquoted, to) if to != Some(St::Unquoted) => Some((i, false)),
            _ => None,
        };
        if let Some((end, name)) = attr_end
            && count <= max
            && let Some(a) = attrs.last_mut()
        {
            if name {
                a.name_end = if to == Some(St::BeforeAttrValue) {
                    i
                } else {
                    end
                };
            }
            a.end = end;
        }
        if started {
            count += 1;
            if count == max + 1 {
                cut = Some(i);
            }
            // Spans only for the attributes the cap keeps (the rest is cut anyway).
            if count <= max {
                attrs.push(AttrSpan {
                    start: i,
                    name_end: i,
                    end: i,
                });
            }
        }
        match to {
            Some(to) => st = to,
            None => {
                return Some(Tag {
                    cut,
                    end: i,
                    is_end,
                    self_closing: st == St::SelfClosing,
                    name: (name_start, name_end.unwrap_or(i)),
                    closed: true,
                });
            }
        }
        i += 1;
    }
    Some(Tag {
        cut,
        end: bytes.len(),
        is_end,
        self_closing: false,
        name: (name_start, name_end.unwrap_or(bytes.len())),
        closed: false,
    })
}

/// Elements whose content the tokenizer reads as text (in HTML content; scripting on, as in
/// html5ever's default).
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// Offset of the first `</name` (ASCII case-insensitive) followed by a space, `/` or `>` at or
/// after `from`.
fn find_end_tag(bytes: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    loop {
        let rest = bytes.get(i..)?;
        let p = i + memchr::memmem::find(rest, b"</")?;
        let after = p + 2 + name.len();
        let matches = bytes
            .get(p + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_none_or(|b| is_space(*b) || *b == b'/' || *b == b'>');
        if matches {
            return Some(p);
        }
        i = p + 2;
    }
}

/// Offset just past the comment starting at `start` (`<!--`), by the tokenizer's rules
/// (`<!-->` and `<!--->` are whole comments; `-->` and `--!>` end one).
fn comment_end(bytes: &[u8], start: usize) -> usize {
    let body = start + 4;
    if bytes.get(body) == Some(&b'>') {
        return body + 1;
    }
    if bytes.get(body..body + 2) == Some(b"->") {
        return body + 2;
    }
    // The first `--` followed by `>` or `!>`; scanning stops there, so the scan stays linear.
    let mut q = body;
    while let Some(r) = bytes.get(q..) {
        let Some(d) = memchr::memmem::find(r, b"--") else {
            break;
        };
        let at = q + d + 2;
        match bytes.get(at) {
            Some(b'>') => return at + 1,
            Some(b'!') if bytes.get(at + 1) == Some(&b'>') => return at + 2,
            _ => q += d + 1,
        }
    }
    bytes.len()
}

/// Raw-text bodies shorter than this are left to the tokenizer (a marker is a few bytes).
const MIN_SET_ASIDE: usize = 64;

/// What takes the place of a range the scan cuts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cut {
    /// Nothing (surplus or unread attributes, comment text).
    Drop,
    /// The marker of a set-aside raw-text body.
    Body,
    /// The marker attribute `k` of a tag's set-aside attributes ([`Cuts::sets`]), and the
    /// formatting element it is on, if it is on one (see [`formatting_index`]).
    Attrs(usize, Option<usize>),
}

/// What the scan found to cut, in order.
#[derive(Default)]
struct Cuts {
    /// `(start, end, cut)`: bytes to remove, and what takes their place.
    ranges: Vec<(usize, usize, Cut)>,
    /// The attributes of the tags whose attributes are set aside, in order.
    attrs: Vec<AttrSource>,
    /// Marker `k` stands for `attrs[sets[k].0..sets[k].1]`.
    sets: Vec<(usize, usize)>,
    /// The markers of the formatting elements' attribute sets, by content (see
    /// [`set_aside_attributes`]).
    forms: Forms,
    /// Formatting elements ([`formatting_index`]) whose markers are not used: bit `i` for
    /// element `i` (see [`set_aside_attributes`]).
    formatting_off: u32,
    /// Whether some tag's attributes were cut.
    capped: bool,
    /// Tags read.
    tags: usize,
}

/// Where one set-aside attribute lies in the original input: its name and its value
/// (without quotes) as byte ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AttrSource {
    pub name: (u32, u32),
    pub value: (u32, u32),
    /// The name's index in [`KEPT`], or [`OTHER_NAME`].
    pub kept: u8,
    /// Whether the value holds `&amp;` references (see [`only_amp_references`]).
    pub amp: bool,
}

/// `true` when every `&` of an attribute value starts `&amp;`, which the tokenizer reads as
/// `&` (the reference ends with its `;`, so what follows does not matter): such a value is
/// the tokenizer's once each `&amp;` is replaced by `&`.
fn only_amp_references(value: &[u8]) -> bool {
    memchr::memchr_iter(b'&', value).all(|p| value.get(p..p + 5) == Some(b"&amp;"))
}

/// Attribute names some pass reads (by [`Element::attr`](crate::dom::parse::Element::attr)
/// or by matching names while iterating), and those the tree builder looks at (`type` of
/// `<input>`, `color`/`face`/`size` of `<font>`, `encoding` of `<annotation-xml>`,
/// `charset`/`http-equiv`/`content` of `<meta>`, the declarative shadow root ones of
/// `<template>`). Every other attribute is cut before tokenizing (see [`prescan`]): a new
/// heuristic that reads another attribute adds its name here (`Element::attr` asserts it in
/// debug builds).
pub(crate) fn is_kept_attribute(name: &[u8]) -> bool {
    kept_index(name).is_some()
}

/// The kept attribute names of [`is_kept_attribute`] but those with a `:`, sorted.
pub(crate) const KEPT: &[&str] = &[
    "alt",
    "aria-hidden",
    "aria-label",
    "aria-labelledby",
    "charset",
    "class",
    "color",
    "colspan",
    "content",
    "data-component",
    "data-date",
    "data-datetime",
    "data-lazy-src",
    "data-original",
    "data-src",
    "data-srcset",
    "data-timestamp",
    "datatable",
    "datetime",
    "encoding",
    "face",
    "height",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "lang",
    "name",
    "property",
    "pubdate",
    "rel",
    "role",
    "shadowrootclonable",
    "shadowrootdelegatesfocus",
    "shadowrootmode",
    "shadowrootserializable",
    "size",
    "src",
    "srcset",
    "style",
    "summary",
    "title",
    "type",
    "width",
];

/// Marks a kept name with a `:` in [`kept_index`].
pub(crate) const OTHER_NAME: u8 = u8::MAX;

/// The index in [`KEPT`] of a kept attribute name (any case), [`OTHER_NAME`] for a name with
/// a `:`, `None` for a name that is not kept (see [`is_kept_attribute`]).
pub(crate) fn kept_index(name: &[u8]) -> Option<u8> {
    // Names with a `:` (`xml:lang`, `xlink:href`) are namespaced in foreign content, and
    // rare: kept without looking further.
    if name.contains(&b':') {
        return Some(OTHER_NAME);
    }
    let mut buf = [0u8; 24];
    let lower = buf.get_mut(..name.len())?;
    lower.copy_from_slice(name);
    lower.make_ascii_lowercase();
    // A `match` (by length, then bytes): faster than a search of `KEPT` (a test checks that
    // the two agree).
    Some(match &*lower {
        b"alt" => 0,
        b"aria-hidden" => 1,
        b"aria-label" => 2,
        b"aria-labelledby" => 3,
        b"charset" => 4,
        b"class" => 5,
        b"color" => 6,
        b"colspan" => 7,
        b"content" => 8,
        b"data-component" => 9,
        b"data-date" => 10,
        b"data-datetime" => 11,
        b"data-lazy-src" => 12,
        b"data-original" => 13,
        b"data-src" => 14,
        b"data-srcset" => 15,
        b"data-timestamp" => 16,
        b"datatable" => 17,
        b"datetime" => 18,
        b"encoding" => 19,
        b"face" => 20,
        b"height" => 21,
        b"hidden" => 22,
        b"href" => 23,
        b"http-equiv" => 24,
        b"id" => 25,
        b"itemprop" => 26,
        b"lang" => 27,
        b"name" => 28,
        b"property" => 29,
        b"pubdate" => 30,
        b"rel" => 31,
        b"role" => 32,
        b"shadowrootclonable" => 33,
        b"shadowrootdelegatesfocus" => 34,
        b"shadowrootmode" => 35,
        b"shadowrootserializable" => 36,
        b"size" => 37,
        b"src" => 38,
        b"srcset" => 39,
        b"style" => 40,
        b"summary" => 41,
        b"title" => 42,
        b"type" => 43,
        b"width" => 44,
        _ => return None,
    })
}

/// Tags whose attributes are all kept: `<html>` and `<body>` (a repeated one merges its
/// attributes into the first, under a cap) and the formatting elements, which the tree
/// builder compares attribute by attribute (the "Noah's Ark" clause) and clones. `name` is
/// in lower case.
fn keeps_all_attributes(name: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"html", b"body", b"a", b"b", b"big", b"code", b"em", b"font", b"i", b"nobr", b"s",
        b"small", b"strike", b"strong", b"tt", b"u",
    ];
    TAGS.contains(&name)
}

/// HTML start tags whose attributes the tree builder reads (`type` of `<input>`, the shadow
/// root of `<template>`) or rewrites (`<svg>` and `<math>`, whose attributes get foreign
/// names): their attributes always go through the tokenizer. (It reads the charset of a
/// `<meta>` only to pause the tokenizer.) `name` is in lower case.
fn tree_builder_reads_attributes(name: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[b"input", b"template", b"svg", b"math"];
    TAGS.contains(&name)
}

/// The formatting elements that may take set-aside attributes, by index (`<font>`, whose
/// attributes the tree builder reads in foreign content, never does).
const FORMATTING: &[&[u8]] = &[
    b"a", b"b", b"big", b"code", b"em", b"i", b"nobr", b"s", b"small", b"strike", b"strong", b"tt",
    b"u",
];

/// The index of `name` (in lower case) in [`FORMATTING`].
fn formatting_index(name: &[u8]) -> Option<usize> {
    FORMATTING.iter().position(|t| *t == name)
}

/// `true` when the tokenizer surely gives one of these attributes (the first of its name,
/// as a repeated one is dropped) a `&` in its name or value: a `&` that cannot start a
/// character reference (followed by neither a letter, a digit nor `#`) stays, and `&amp`
/// becomes `&` or stays. Such a tag cannot have the attributes of a tag whose attributes
/// hold no `&` at all.
fn surely_holds_ampersand(bytes: &[u8], attrs: &[AttrSpan]) -> bool {
    attrs.iter().enumerate().any(|(i, a)| {
        let span = bytes.get(a.start..a.end).unwrap_or(&[]);
        let name = bytes.get(a.start..a.name_end).unwrap_or(&[]);
        let first = attrs.get(..i).unwrap_or(&[]).iter().all(|b| {
            !bytes
                .get(b.start..b.name_end)
                .unwrap_or(&[])
                .eq_ignore_ascii_case(name)
        });
        first
            && memchr::memchr_iter(b'&', span).any(|p| {
                let rest = span.get(p + 1..).unwrap_or(&[]);
                rest.first()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'#')
                    || rest.starts_with(b"amp")
            })
    })
}

/// The value of the attribute `a` (a closed tag's), without its quotes.
fn attr_value(bytes: &[u8], a: &AttrSpan) -> (usize, usize) {
    let mut v = a.name_end;
    while bytes.get(v).is_some_and(|b| is_space(*b)) {
        v += 1;
    }
    if bytes.get(v) != Some(&b'=') || v >= a.end {
        return (a.end, a.end);
    }
    v += 1;
    while v < a.end && bytes.get(v).is_some_and(|b| is_space(*b)) {
        v += 1;
    }
    match bytes.get(v) {
        Some(&q) if (q == b'"' || q == b'\'') && v < a.end => {
            (v + 1, a.end.saturating_sub(1).max(v + 1))
        }
        _ => (v, a.end.max(v)),
    }
}

/// Start tags that, in SVG or MathML, may make the tree builder read what follows as HTML:
/// those that break out of foreign content, and the HTML integration points (an SVG
/// `<title>` or `<desc>` holding only text is handled apart).
fn may_leave_foreign(name: &[u8]) -> bool {
    const TAGS: &[&[u8]] = &[
        b"b",
        b"big",
        b"blockquote",
        b"body",
        b"br",
        b"center",
        b"code",
        b"dd",
        b"div",
        b"dl",
        b"dt",
        b"em",
        b"embed",
        b"h1",
        b"h2",
        b"h3",
        b"h4",
        b"h5",
        b"h6",
        b"head",
        b"hr",
        b"i",
        b"img",
        b"li",
        b"listing",
        b"menu",
        b"meta",
        b"nobr",
        b"ol",
        b"p",
        b"pre",
        b"ruby",
        b"s",
        b"small",
        b"span",
        b"strong",
        b"strike",
        b"sub",
        b"sup",
        b"table",
        b"tt",
        b"u",
        b"ul",
        b"var",
        b"font",
        b"foreignobject",
        b"title",
        b"desc",
        b"mi",
        b"mo",
        b"mn",
        b"ms",
        b"mtext",
        b"annotation-xml",
    ];
    TAGS.iter().any(|t| name.eq_ignore_ascii_case(t))
}

/// Sets aside the attributes of a start tag that the scan read exactly and whose attributes
/// the tree builder does not look at (its element's attributes are the tokenizer's only):
/// the bytes from the first attribute to the end of the last are replaced by one marker
/// attribute, `{MARKER}="k"`, and the tree sink builds the element's attributes from
/// [`Prescan::attrs`] (those that trimming keeps, as the tokenizer would read them). The
/// tokenizer reads attributes a character at a time, and they are most of a page's markup
/// (long `class` and `href` values); the sink takes them as slices. Returns `false`, leaving
/// the tag alone, when the tag has no attributes, when the tree builder reads or rewrites
/// them (see [`tree_builder_reads_attributes`]), or when one may hold what the tokenizer
/// rewrites (a character reference other than `&amp;`, `\r`, NUL).
///
/// The tree builder compares the attributes of formatting elements (`fmt`: the "Noah's Ark"
/// clause drops the earliest of three equal ones), and clones them: they keep all their
/// attributes, and equal attribute sets get the same marker, so markers compare as the
/// attributes would. That holds as long as no other tag of the same name has attributes the
/// tokenizer reads (see [`surplus`], which turns the element's markers off otherwise).
fn set_aside_attributes(
    bytes: &[u8],
    name: &[u8],
    attrs: &[AttrSpan],
    fmt: Option<usize>,
    out: &mut Cuts,
) -> bool {
    let (Some(first), Some(last)) = (attrs.first(), attrs.last()) else {
        return false;
    };
    if tree_builder_reads_attributes(name) || u32::try_from(last.end).is_err() {
        return false;
    }
    let region = bytes.get(first.start..last.end).unwrap_or(&[]);
    if memchr::memchr2(b'\0', b'\r', region).is_some() {
        return false;
    }
    // A formatting element's set must hold no `&` (see `surely_holds_ampersand`).
    let amps = memchr::memchr(b'&', region).is_some();
    if amps && fmt.is_some() {
        return false;
    }
    let from = out.attrs.len();
    for a in attrs {
        // The same attributes as the trimming keeps (all of them on a formatting element).
        let after_slash = a.start.checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b'/');
        let name = bytes.get(a.start..a.name_end).unwrap_or(&[]);
        let kept = kept_index(name);
        if fmt.is_some() || after_slash || a.end <= a.start || kept.is_some() {
            let (v0, v1) = attr_value(bytes, a);
            let value = bytes.get(v0..v1).unwrap_or(&[]);
            let amp = amps && memchr::memchr(b'&', value).is_some();
            if amp && !only_amp_references(value) {
                out.attrs.truncate(from);
                return false;
            }
            out.attrs.push(AttrSource {
                name: (a.start as u32, a.name_end as u32),
                value: (v0 as u32, v1 as u32),
                kept: kept.unwrap_or(OTHER_NAME),
                amp,
            });
        }
    }
    normalize_set(bytes, &mut out.attrs, from);
    let to = out.attrs.len();
    // With nothing to keep, the attributes are cut (unless a `/` before them would make the
    // tag self-closing).
    let after_slash = first.start.checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b'/');
    if from == to && !after_slash {
        out.ranges.push((first.start, last.end, Cut::Drop));
        return true;
    }
    let k = match fmt {
        Some(_) => {
            let new = out.sets.len();
            match out
                .forms
                .find_or_add(bytes, &out.attrs, &out.sets, (from, to), new)
            {
                Some(k) => {
                    out.attrs.truncate(from);
                    k
                }
                None => {
                    out.sets.push((from, to));
                    new
                }
            }
        }
        None => {
            out.sets.push((from, to));
            out.sets.len() - 1
        }
    };
    out.ranges.push((first.start, last.end, Cut::Attrs(k, fmt)));
    true
}

/// Makes `attrs[from..]` the attribute set the tokenizer and the sink make of it: the first
/// of a repeated name (compared in ASCII lower case), sorted by lower-cased name (the order of
/// [`Element::attrs`](crate::dom::parse::Element::attrs), as names there are atoms ordered
/// as strings).
fn normalize_set(bytes: &[u8], attrs: &mut Vec<AttrSource>, from: usize) {
    let name = |a: &AttrSource| {
        bytes
            .get(a.name.0 as usize..a.name.1 as usize)
            .unwrap_or(&[])
            .iter()
            .map(u8::to_ascii_lowercase)
    };
    // A stable sort keeps repeated names in page order: the first of each run stays.
    // (O(k log k): a tag may have up to `MAX_ATTRIBUTES` of them.)
    let Some(set) = attrs.get_mut(from..) else {
        return;
    };
    set.sort_by(|a, b| name(a).cmp(name(b)));
    let mut kept = 0;
    for r in 0..set.len() {
        let repeated = kept > 0
            && match (set.get(r), set.get(kept - 1)) {
                (Some(a), Some(b)) => name(a).eq(name(b)),
                _ => false,
            };
        if !repeated {
            set.swap(kept, r);
            kept += 1;
        }
    }
    attrs.truncate(from + kept);
}

/// The markers of the formatting elements' attribute sets, found by content: a keyed hash
/// of each normalized set ([`normalize_set`]: lower-cased names and values, in order), with
/// the sets of equal hash chained and compared in full.
#[derive(Default)]
struct Forms {
    /// Hash → the latest entry with it.
    by_hash: std::collections::HashMap<u64, usize>,
    /// `(marker, previous entry with the same hash or usize::MAX)`.
    entries: Vec<(usize, usize)>,
    hasher: foldhash::quality::RandomState,
}

impl Forms {
    /// The marker of a set equal to `attrs[set.0..set.1]`; `None` when there is none yet, and
    /// the set becomes marker `new`.
    fn find_or_add(
        &mut self,
        bytes: &[u8],
        attrs: &[AttrSource],
        sets: &[(usize, usize)],
        set: (usize, usize),
        new: usize,
    ) -> Option<usize> {
        use std::hash::{BuildHasher, Hasher};
        let slice = |(a, b): (u32, u32)| bytes.get(a as usize..b as usize).unwrap_or(&[]);
        let of = |(a, b): (usize, usize)| attrs.get(a..b).unwrap_or(&[]);
        let mine = of(set);
        let mut h = self.hasher.build_hasher();
        for a in mine {
            let name = slice(a.name);
            h.write_usize(name.len());
            for chunk in name.chunks(32) {
                let mut lower = [0u8; 32];
                for (d, b) in lower.iter_mut().zip(chunk) {
                    *d = b.to_ascii_lowercase();
                }
                h.write(lower.get(..chunk.len()).unwrap_or(&[]));
            }
            let value = slice(a.value);
            h.write_usize(value.len());
            h.write(value);
        }
        let h = h.finish();
        let head = self.by_hash.get(&h).copied();
        let mut e = head;
        while let Some(&(k, prev)) = e.and_then(|i| self.entries.get(i)) {
            let theirs = sets.get(k).map_or(&[][..], |&s| of(s));
            let equal = theirs.len() == mine.len()
                && theirs.iter().zip(mine).all(|(x, y)| {
                    slice(x.name).eq_ignore_ascii_case(slice(y.name))
                        && slice(x.value) == slice(y.value)
                });
            if equal {
                return Some(k);
            }
            e = (prev != usize::MAX).then_some(prev);
        }
        self.entries.push((new, head.unwrap_or(usize::MAX)));
        self.by_hash.insert(h, self.entries.len() - 1);
        None
    }
}

/// `true` when the element whose start tag ends at `end` holds only text up to its end tag
/// `</name`: nothing in it can change how the tokenizer reads.
fn holds_only_text(bytes: &[u8], end: usize, name: &[u8]) -> bool {
    let from = end + 1;
    let Some(lt) = bytes.get(from..).and_then(|r| memchr::memchr(b'<', r)) else {
        return false;
    };
    find_end_tag(bytes, from, name) == Some(from + lt)
}

/// `true` when a script body holds `<!--` and then `<script`: the tokenizer's "double
/// escaped" state may then carry the script past its first `</script>`.
fn may_double_escape(body: &[u8]) -> bool {
    let Some(c) = memchr::memmem::find(body, b"<!--") else {
        return false;
    };
    let rest = body.get(c..).unwrap_or(&[]);
    memchr::memchr_iter(b'<', rest).any(|p| {
        rest.get(p + 1..p + 7)
            .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
    })
}

/// The surplus attributes of every tag with more than `max` attributes, and with
/// `set_aside`, the raw-text bodies to set aside, the attributes no pass reads (see
/// [`is_kept_attribute`]) and the text of comments (see [`prescan`]).
///
/// Trimming attributes and comments is exact only where the scan reads the page as the
/// tokenizer does. In HTML content it does (raw-text bodies are skipped, a script that may
/// reach the "double escaped" state stops the trimming). In SVG and MathML it reads
/// everything as markup, which is right while the tree builder stays in foreign content:
/// the trimming goes on there until a start tag that may leave foreign content is
/// followed by a raw-text one or a CDATA section, or a foreign element that may have left
/// it is closed (the scan cannot follow the tree builder there); from then on nothing more
/// is trimmed on the page.
///
/// With `attr_markers`, a start tag read exactly (in HTML content, while trimming) has all
/// its attributes set aside instead (see [`set_aside_attributes`]).
fn surplus(bytes: &[u8], max: usize, set_aside: bool, attr_markers: bool) -> Cuts {
    let mut out = Cuts {
        // About two cuts per tag, a tag per 40 bytes of markup, an attribute kept per 60.
        ranges: Vec::with_capacity(bytes.len() / 64),
        attrs: Vec::with_capacity(bytes.len() / 256),
        ..Cuts::default()
    };
    // Open <svg> and <math> elements, as far as the scan can tell (see the module docs).
    let (mut svg, mut math) = (0usize, 0usize);
    // Whether the tree builder may have left the current foreign content (see above).
    let mut may_be_html = false;
    // Whether attributes and comments are trimmed (see above).
    let mut trim = set_aside;
    // `<select>` start tags not yet closed, and whether a `<frameset>` was met: there the
    // tree builder ignores `<svg>` and `<math>`.
    let mut selects = 0usize;
    let mut frameset = false;
    let mut attrs = Vec::new();
    let mut i = 0;
    while let Some(p) = bytes.get(i..).and_then(|r| memchr::memchr(b'<', r)) {
        let p = i + p;
        let rest = bytes.get(p..).unwrap_or(&[]);
        if rest.starts_with(b"<!--") {
            i = comment_end(bytes, p);
            // `<!--text-->` becomes `<!---->` (`--!>` ends it as well): the same comment
            // node, whose text the tree sink drops anyway.
            let body = p + 4;
            let close = if bytes.get(..i).is_some_and(|b| b.ends_with(b"-->")) {
                Some(i - 3)
            } else if bytes.get(..i).is_some_and(|b| b.ends_with(b"--!>")) {
                Some(i - 4)
            } else {
                None
            };
            if trim
                && let Some(close) = close
                && close > body
            {
                out.ranges.push((body, close, Cut::Drop));
            }
            continue;
        }
        if svg + math > 0 && rest.starts_with(b"<![CDATA[") {
            trim = false;
        }
        if (rest.starts_with(b"<!") || rest.starts_with(b"<?") || rest.starts_with(b"</"))
            && tag_start(bytes, p).is_none()
        {
            // Doctype, bogus comment or `</` + non-letter: up to the next `>`.
            i = bytes
                .get(p + 2..)
                .and_then(|r| memchr::memchr(b'>', r))
                .map_or(bytes.len(), |q| p + 2 + q + 1);
            continue;
        }
        let Some(tag) = read_tag(bytes, p, max, &mut attrs) else {
            i = p + 1;
            continue;
        };
        out.tags += 1;
        // The name in lower case, compared below with many names (all shorter than 16
        // bytes: a longer name is none of them).
        let mut lower = [0u8; 16];
        let raw_name = bytes.get(tag.name.0..tag.name.1).unwrap_or(&[]);
        let name: &[u8] = match lower.get_mut(..raw_name.len()) {
            Some(l) => {
                l.copy_from_slice(raw_name);
                l.make_ascii_lowercase();
                l
            }
            None => b"-",
        };
        let is = |n: &[u8]| name == n;
        let foreign = svg + math > 0;
        if tag.is_end {
            if foreign && (is(b"p") || is(b"br")) {
                may_be_html = true;
            }
            if is(b"svg") {
                svg = svg.saturating_sub(1);
            } else if is(b"math") {
                math = math.saturating_sub(1);
            } else if is(b"select") {
                selects = selects.saturating_sub(1);
            }
            if foreign && svg + math == 0 {
                if may_be_html {
                    trim = false;
                }
                may_be_html = false;
            }
        } else {
            let raw_text = is(b"plaintext") || RAW_TEXT.iter().any(|r| is(r));
            if foreign {
                // A raw-text start tag that the tree builder may read as HTML: the scan reads
                // its body as markup, the tokenizer may not.
                if may_be_html && raw_text {
                    trim = false;
                }
                let text_only = (is(b"title") || is(b"desc"))
                    && !may_be_html
                    && holds_only_text(bytes, tag.end, name);
                let other_foreign = (is(b"svg") && math > 0) || (is(b"math") && svg > 0);
                if (!text_only && may_leave_foreign(name)) || other_foreign {
                    may_be_html = true;
                }
            } else if is(b"select") {
                selects += 1;
            } else if is(b"frameset") {
                frameset = true;
            } else if raw_text && (selects > 0 || frameset) {
                // In a select or a frameset the tree builder ignores most of these, and the
                // tokenizer reads their bodies as markup.
                trim = false;
            }
            if !foreign && (is(b"svg") || is(b"math")) && (selects > 0 || frameset) {
                may_be_html = true;
            }
            let fmt = formatting_index(name);
            if trim
                && tag.closed
                && (fmt.is_some() || !keeps_all_attributes(name))
                && attr_markers
                && !foreign
                && tag.cut.is_none()
                && set_aside_attributes(bytes, name, &attrs, fmt, &mut out)
            {
                // Done: the tag's attributes are set aside.
            } else if let Some(f) = fmt
                && !attrs.is_empty()
                && !surely_holds_ampersand(bytes, &attrs)
            {
                // A formatting element whose attributes the tokenizer reads, and which may
                // equal those of a marked one: no markers for that element.
                out.formatting_off |= 1 << f;
            } else if trim && tag.closed && !keeps_all_attributes(name) {
                for a in &attrs {
                    // After a `/` the cut would make the tag self-closing.
                    let after_slash =
                        a.start.checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b'/');
                    let name = bytes.get(a.start..a.name_end).unwrap_or(&[]);
                    if !after_slash && a.end > a.start && !is_kept_attribute(name) {
                        out.ranges.push((a.start, a.end, Cut::Drop));
                    }
                }
            }
        }
        if let Some(cut) = tag.cut {
            out.ranges.push((cut, tag.end, Cut::Drop));
            out.capped = true;
        }
        i = tag.end.saturating_add(1);
        if tag.is_end {
            continue;
        }
        if is(b"svg") && !tag.self_closing {
            svg += 1;
        } else if is(b"math") && !tag.self_closing {
            math += 1;
        }
        if svg + math > 0 {
            continue;
        }
        if is(b"plaintext") {
            break;
        }
        if let Some(raw) = RAW_TEXT.iter().find(|r| is(r)) {
            let Some(q) = find_end_tag(bytes, i, raw) else {
                break;
            };
            // Set aside only a body that the tokenizer would turn into exactly its own text,
            // ended exactly here: no `\r` or NUL (which it rewrites), an end tag followed by
            // a delimiter (not the end of input), and in a script no `<!--` (which starts the
            // escaped states, where `</script` may not end it).
            let body = bytes.get(i..q).unwrap_or(&[]);
            if *raw == b"script" && may_double_escape(body) {
                trim = false;
            }
            let aside = set_aside
                && body.len() >= MIN_SET_ASIDE
                && bytes.get(q + 2 + raw.len()).is_some()
                && match *raw {
                    // RCDATA: character references are decoded.
                    b"title" | b"textarea" => false,
                    b"script" => memchr::memmem::find(body, b"<!--").is_none(),
                    // RAWTEXT (`style`, `noscript`, `iframe`, …): no escapes, no references.
                    _ => true,
                }
                && memchr::memchr2(b'\r', 0, body).is_none();
            if aside {
                out.ranges.push((i, q, Cut::Body));
            }
            i = q;
        }
    }
    if !trim {
        // The tags after the trimming stopped are the tokenizer's.
        out.formatting_off = u32::MAX;
    }
    out
}

/// `text` with every tag capped at `max` attributes (see the module docs); borrowed when no
/// tag is over the cap, which is every real page. The flag says whether anything changed.
#[cfg(test)]
pub(crate) fn cap_attributes(text: &str, max: usize) -> (Cow<'_, str>, bool) {
    let mut out = String::new();
    let p = apply(text, max, false, false, &mut out);
    if p.rewritten {
        (Cow::Owned(out), p.capped)
    } else {
        (p.text, p.capped)
    }
}

/// Opens and closes the marker of a [set-aside](Prescan::set_aside) body (a private-use
/// character).
pub(crate) const MARKER: char = '\u{E000}';

/// `true` when `bytes` hold the [`MARKER`] character (U+E000, the only character encoded
/// with the lead byte `EE` followed by `80 80`; `EE` itself starts only private-use
/// characters, rare in pages, so `memchr` rarely stops).
pub(crate) fn holds_marker(bytes: &[u8]) -> bool {
    memchr::memchr_iter(0xEE, bytes).any(|i| bytes.get(i + 1..i + 3) == Some(&[0x80, 0x80]))
}

/// [`MARKER`] as a string.
const MARKER_STR: &str = "\u{E000}";

/// The input as the parser should read it.
pub(crate) struct Prescan<'a> {
    /// The text to parse (empty when [`Prescan::rewritten`]: see [`prescan_into`]).
    pub text: Cow<'a, str>,
    /// Whether the text to parse differs from the page (and was written out).
    pub rewritten: bool,
    /// Whether some tag's attributes were capped.
    pub capped: bool,
    /// Tags the scan read (a hint for the size of the tree).
    pub tags: usize,
    /// Raw-text bodies taken out of `text`, as byte ranges of the original input, in order:
    /// body number `k` is replaced by the marker `{MARKER}k{MARKER}`, to be put back into the
    /// tree as its text.
    pub set_aside: Vec<(usize, usize)>,
    /// Set-aside attributes (see [`set_aside_attributes`]), in order.
    pub attrs: Vec<AttrSource>,
    /// The set-aside attributes of each tag, as ranges of `attrs`: the marker attribute
    /// `{MARKER}="k"` stands for `attrs[attr_sets[k].0..attr_sets[k].1]`.
    pub attr_sets: Vec<(usize, usize)>,
}

/// The attribute cap (see the module docs), and the long bodies of `<script>` elements and of
/// the raw-text elements (`<style>`, `<noscript>`, `<iframe>`, …) set aside: each is replaced by a short marker, which the tree sink swaps back for
/// the body once parsed. Those bodies are often half of a page's bytes, and the tokenizer
/// would only turn each into one text node equal to it, at a cost per character; copying
/// them back costs a `memcpy`. The scan sets aside only bodies it knows the tokenizer reads
/// as raw text to exactly that end (see [`surplus`]), in HTML content as far as it can tell;
/// where contrived SVG/MathML nesting fools it, a script there gets its body as text instead
/// of as markup, which no pass reads either (likewise in a `<frameset>` page, which ignores
/// these start tags and keeps only the whitespace of their bodies).
///
/// With `attr_markers`, the attributes of most start tags are set aside too (see
/// [`set_aside_attributes`]); never on a page that holds the marker character itself.
#[cfg(test)]
pub(crate) fn prescan(text: &str, max: usize, attr_markers: bool) -> Prescan<'_> {
    let mut out = String::new();
    let mut p = prescan_into(text, max, attr_markers, &mut out);
    if p.rewritten {
        p.text = Cow::Owned(out);
    }
    p
}

/// [`prescan`], writing the text to parse to `out` when it differs from `text` (then
/// [`Prescan::rewritten`] is set and [`Prescan::text`] is empty): the parser writes it
/// straight into the tendril its tokenizer reads, saving a copy of the page.
pub(crate) fn prescan_into<'a>(
    text: &'a str,
    max: usize,
    attr_markers: bool,
    out: &mut impl TextOut,
) -> Prescan<'a> {
    // Attribute values are slices of one tendril of the page, whose length is a `u32`.
    let attr_markers =
        attr_markers && u32::try_from(text.len()).is_ok() && !holds_marker(text.as_bytes());
    apply(text, max, true, attr_markers, out)
}

/// A marker (see [`Prescan`]) in a stack buffer: `{MARKER}k{MARKER}` for set-aside body
/// number `k`, or `{MARKER}="k"` for attribute set `k`, appended in one piece (without the
/// formatting machinery: one per cut).
fn push_marker(out: &mut impl TextOut, attribute: bool, n: usize) {
    let mut buf = [0u8; 40];
    let mut i = buf.len();
    let mut put = |bytes: &[u8]| {
        for &b in bytes.iter().rev() {
            i -= 1;
            if let Some(d) = buf.get_mut(i) {
                *d = b;
            }
        }
    };
    put(if attribute {
        b"\""
    } else {
        MARKER_STR.as_bytes()
    });
    let mut n = n;
    loop {
        put(&[b'0' + (n % 10) as u8]);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    put(if attribute { b"=\"" } else { b"" });
    put(MARKER_STR.as_bytes());
    // Whole characters only.
    out.push_str(std::str::from_utf8(buf.get(i..).unwrap_or(&[])).unwrap_or(""));
}

/// Where [`apply`] writes the page with its cuts made: a `String`, or the tendril the
/// parser reads (see [`prescan_into`]).
pub(crate) trait TextOut {
    /// Appends `s`.
    fn push_str(&mut self, s: &str);
}

impl TextOut for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

impl TextOut for StrTendril {
    fn push_str(&mut self, s: &str) {
        self.push_slice(s);
    }
}

/// The scan and the cuts.
fn apply<'a>(
    text: &'a str,
    max: usize,
    set_aside: bool,
    attr_markers: bool,
    out: &mut impl TextOut,
) -> Prescan<'a> {
    let bytes = text.as_bytes();
    let cuts = surplus(bytes, max, set_aside, attr_markers);
    if cuts.ranges.is_empty() {
        return Prescan {
            text: Cow::Borrowed(text),
            capped: false,
            tags: cuts.tags,
            set_aside: Vec::new(),
            attrs: Vec::new(),
            attr_sets: Vec::new(),
            rewritten: false,
        };
    }
    let mut aside = Vec::new();
    let mut from = 0;
    for (cut, end, what) in cuts.ranges {
        if let Cut::Attrs(_, Some(f)) = what
            && cuts.formatting_off & (1 << f) != 0
        {
            // The tag is left as it is (see `set_aside_attributes`).
            continue;
        }
        // Cuts start at an attribute's first byte (after an ASCII delimiter) or after a `>`,
        // and end at `>`, `<`, an ASCII delimiter or the end: all character boundaries.
        out.push_str(text.get(from..cut).unwrap_or(""));
        match what {
            Cut::Drop => {}
            Cut::Body => {
                push_marker(out, false, aside.len());
                aside.push((cut, end));
            }
            Cut::Attrs(k, _) => push_marker(out, true, k),
        }
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or(""));
    Prescan {
        text: Cow::Borrowed(""),
        capped: cuts.capped,
        tags: cuts.tags,
        set_aside: aside,
        attrs: cuts.attrs,
        attr_sets: cuts.sets,
        rewritten: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_written_in_one_piece() {
        let mut out = String::new();
        push_marker(&mut out, true, 120);
        push_marker(&mut out, false, 0);
        push_marker(&mut out, false, usize::MAX);
        assert_eq!(
            out,
            format!(
                "{MARKER}=\"120\"{MARKER}0{MARKER}{MARKER}{}{MARKER}",
                usize::MAX
            )
        );
        assert_eq!(MARKER_STR, MARKER.to_string());
    }

    fn attrs(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    fn capped(html: &str, max: usize) -> Option<String> {
        match cap_attributes(html, max) {
            (Cow::Borrowed(_), false) => None,
            (out, _) => Some(out.into_owned()),
        }
    }

    #[test]
    fn ordinary_markup_is_borrowed() {
        let html = "<p class=x id='y' data-z>text</p><a href=/ b c d>x</a><!-- <b> -->";
        assert_eq!(capped(html, 4), None);
    }

    #[test]
    fn surplus_attributes_are_cut() {
        let html = format!("<div{}>text</div><p a b>x</p>", attrs(10));
        assert_eq!(
            capped(&html, 4).unwrap(),
            "<div a0=\"0\" a1=\"1\" a2=\"2\" a3=\"3\" >text</div><p a b>x</p>"
        );
    }

    #[test]
    fn quoted_values_and_self_closing_are_read_like_the_tokenizer() {
        // `>` inside quotes does not end the tag; `a="1"b="2"` is two attributes.
        let html = "<img a=\">\"b='>'c=\"3\"/><p>";
        assert_eq!(capped(html, 3), None);
        assert_eq!(capped(html, 2).unwrap(), "<img a=\">\"b='>'><p>");
    }

    #[test]
    fn script_style_and_comment_text_is_not_markup() {
        // Minified code often has `a<b` followed by hundreds of tokens before any `>`.
        let code: String = (0..500).map(|i| format!(" x{i}")).collect();
        for html in [
            format!("<script>if(a<b{code})</script><p>x</p>"),
            format!("<STYLE>a<b{code}</style >"),
            format!("<title>a<b{code}</title>"),
            format!("<!-- a<b{code} --><p>x</p>"),
            format!("<!DOCTYPE html{code}><p>x</p>"),
        ] {
            assert_eq!(capped(&html, 8), None, "{html}");
        }
    }

    #[test]
    fn tags_after_raw_text_and_in_foreign_content_are_read() {
        let many = attrs(10);
        for html in [
            format!("<script>x</script><div{many}>"),
            format!("<svg><style><div{many}></style></svg>"),
            format!("<!----><div{many}>"),
            format!("<!-- a --!><div{many}>"),
            format!("<script><!--<script></script><div{many}></script>"),
        ] {
            let out = capped(&html, 4).unwrap_or_else(|| panic!("not capped: {html}"));
            assert!(!out.contains("a4="), "{out}");
        }
    }

    #[test]
    fn many_comments_scan_in_linear_time() {
        // Each comment's end is found without looking past it.
        let html = "<!--x-->".repeat(200_000) + &format!("<p{}>", attrs(10));
        assert!(capped(&html, 4).is_some());
        assert_eq!(comment_end(b"<!-- a -- b --!> c", 0), 16);
        assert_eq!(comment_end(b"<!-- a --> c --!>", 0), 10);
    }

    fn trimmed(html: &str) -> String {
        prescan(html, MAX_ATTRIBUTES, false).text.into_owned()
    }

    #[test]
    fn unread_attributes_and_comment_text_are_trimmed() {
        assert_eq!(
            trimmed("<div data-x=\"1\" class=a onclick='f()'>t</div><!-- n --><p id=b data-y>x"),
            "<div  class=a >t</div><!----><p id=b >x"
        );
        // `=` and spaces around it go with the attribute; `--!>` ends a comment too.
        assert_eq!(
            trimmed("<p data-a = 'x' data-b= >x<!-- y --!>"),
            "<p   >x<!----!>"
        );
        // A pure SVG icon (its `<title>` holds only text) is trimmed, and so is what follows.
        assert_eq!(
            trimmed(
                "<svg viewBox=\"0 0 1 1\"><title>Icon</title><path d=\"M0\"/></svg><i x=1><p x=1>"
            ),
            "<svg ><title>Icon</title><path /></svg><i x=1><p >"
        );
    }

    #[test]
    fn trimming_keeps_what_the_tree_builder_and_the_passes_read() {
        for html in [
            // Formatting elements are compared attribute by attribute; html/body merge.
            "<b data-x=1>x</b><a onclick=f href=/>y</a><html data-x><body data-y>",
            // Cutting right after a `/` would make the tag self-closing.
            "<path/d=1>",
            "<input type=hidden><font color=red><img src=a width=1 data-src=b alt=c>",
            "<meta charset=utf-8><meta http-equiv=x content=y><time datetime=2020>",
            "<!----><!--><!---><!-- unterminated",
        ] {
            assert_eq!(trimmed(html), html);
        }
    }

    #[test]
    fn trimming_stops_where_the_scan_may_misread_the_page() {
        for html in [
            // `<p>` leaves foreign content: the tokenizer reads the style as raw text.
            "<svg><p></p><style>x</svg><div data-x=1></style><div data-y=2>",
            // Foreign content that may have been left, closed: the tree builder may not be
            // where the scan thinks.
            "<svg><foreignObject></svg><div data-x=1>",
            // The "double escaped" script state runs past the first `</script>`.
            "<script><!--<script></script><div data-x=1></script><div data-y=2>",
            // A select ignores `<style>`: its body is markup.
            "<select><style><a title=\"</style><div data-x=1>\">",
            // CDATA in foreign content is text.
            "<svg><![CDATA[ <div data-x=1> ]]></svg><div data-y=2>",
            // The tree builder ignores `<svg>` in a select.
            "<select><svg><script>x</svg><div data-x=1></script>",
        ] {
            let out = trimmed(html);
            assert!(out.contains("data-x=1"), "{html} -> {out}");
        }
    }

    #[test]
    fn kept_names_are_indexed_in_order() {
        for (i, name) in KEPT.iter().enumerate() {
            assert_eq!(kept_index(name.as_bytes()), Some(i as u8));
            assert_eq!(
                kept_index(name.to_ascii_uppercase().as_bytes()),
                Some(i as u8)
            );
        }
        assert!(KEPT.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(kept_index(b"xlink:href"), Some(OTHER_NAME));
        assert_eq!(kept_index(b"onclick"), None);
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 123_456, usize::MAX] {
            let mut s = String::new();
            push_marker(&mut s, false, n);
            assert_eq!(s, format!("{MARKER}{n}{MARKER}"));
        }
    }

    #[test]
    fn end_tags_count_too() {
        let html = format!("<p>x</p{}>", attrs(10));
        assert!(capped(&html, 4).is_some());
    }

    #[test]
    fn a_hundred_thousand_attributes_are_cut_in_one_pass() {
        let html = format!("<div{}>text</div>", attrs(100_000));
        let out = capped(&html, MAX_ATTRIBUTES).unwrap();
        assert!(out.len() < 3000);
        assert!(out.ends_with(">text</div>"));
    }
}
