//! A linear pre-scan that caps the number of attributes of any tag before html5ever sees it.
//!
//! html5ever checks each new attribute of a tag against all the tag's earlier attributes, so a
//! tag with `k` attributes costs `k²` (one `<div>` with 100 000 attributes: tens of seconds),
//! and the tree builder clones and sorts attribute lists when it compares formatting elements.
//! Real pages stay far below the cap: the most attributes on one tag in the development
//! corpora is 70.
//!
//! The scan must see every tag the tokenizer will see, and the tokenizer's view depends on
//! state the scan does not have (script and raw-text elements, comments, foreign content), so
//! a tag could hide inside what looks like a quoted value or a script. Instead of guessing,
//! the scan follows *every* reading at once: each `<` followed by a letter (or `</` and a
//! letter) starts a parse of a tag, run with the tokenizer's own attribute states. Parses in
//! the same state at the same byte continue identically, so they are merged (keeping the
//! highest count); at most one parse per state is alive, and the scan is O(bytes).
//!
//! A tag over the cap is fixed in two rounds:
//! 1. a tag the plain reading sees (a `<` outside any other tag) keeps its first
//!    [`MAX_ATTRIBUTES`] attributes and loses the rest;
//! 2. anything still over the cap after a re-scan has its `<` replaced by `_`, so the
//!    tokenizer reads it as text. `_` and `<` are both ordinary characters inside a tag, so
//!    this changes no other reading, and a third scan is never needed.

use std::borrow::Cow;

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

const STATES: usize = 11;

impl St {
    fn index(self) -> usize {
        self as usize
    }
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

const ALL: [St; STATES] = [
    St::EndTagOpen,
    St::TagName,
    St::BeforeAttrName,
    St::AttrName,
    St::AfterAttrName,
    St::BeforeAttrValue,
    St::DoubleQuoted,
    St::SingleQuoted,
    St::Unquoted,
    St::AfterQuoted,
    St::SelfClosing,
];

/// Live parses that are in one state: the highest attribute count among them and where each
/// of them started (the first inline, so a lone parse allocates nothing).
struct Group {
    count: usize,
    first: usize,
    more: Vec<usize>,
}

impl Group {
    fn starts(self) -> impl Iterator<Item = usize> {
        std::iter::once(self.first).chain(self.more)
    }
}

fn merge(slot: Option<&mut Option<Group>>, g: Group) {
    let Some(slot) = slot else { return };
    match slot {
        Some(have) => {
            have.count = have.count.max(g.count);
            have.more.push(g.first);
            have.more.extend(g.more);
        }
        None => *slot = Some(g),
    }
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

/// Start offsets (of the `<`) of every tag reading with more than `max` attributes, sorted.
fn over_cap(bytes: &[u8], max: usize) -> Vec<usize> {
    // Two tables swapped by pointer at every byte: every group is taken out of `live`, so it
    // is empty again when it becomes `next`.
    let mut live: Box<[Option<Group>; STATES]> = Box::default();
    let mut next: Box<[Option<Group>; STATES]> = Box::default();
    // Bit `k` set when `live[k]` holds a group.
    let mut mask: u16 = 0;
    let mut over = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if mask == 0 {
            // Nothing is being read: jump to the next `<`.
            match bytes
                .get(i..)
                .and_then(|rest| rest.iter().position(|b| *b == b'<'))
            {
                Some(p) => i += p,
                None => break,
            }
        }
        let b = bytes.get(i).copied().unwrap_or(0);
        if mask != 0 {
            let mut next_mask: u16 = 0;
            for (k, state) in ALL.into_iter().enumerate() {
                if mask & (1 << k) == 0 {
                    continue;
                }
                let Some(mut g) = live.get_mut(k).and_then(Option::take) else {
                    continue;
                };
                let (to, started) = step(state, b);
                if started {
                    g.count += 1;
                }
                let Some(to) = to else { continue };
                if g.count > max {
                    over.extend(g.starts());
                    continue;
                }
                merge(next.get_mut(to.index()), g);
                next_mask |= 1 << to.index();
            }
            std::mem::swap(&mut live, &mut next);
            mask = next_mask;
        }
        if let Some(st) = tag_start(bytes, i) {
            // The `<` is consumed here; the reading goes on from the next byte.
            let g = Group {
                count: 0,
                first: i,
                more: Vec::new(),
            };
            merge(live.get_mut(st.index()), g);
            mask |= 1 << st.index();
        }
        i += 1;
    }
    over.sort_unstable();
    over.dedup();
    over
}

/// The tag starting at `start` read alone: the offset where its attribute number `max + 1`
/// starts (if it has that many) and the offset of its closing `>` (or the end of input).
fn strip_range(bytes: &[u8], start: usize, max: usize) -> (Option<usize>, usize) {
    let Some(mut st) = tag_start(bytes, start) else {
        return (None, start);
    };
    let mut count = 0;
    let mut cut = None;
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        let (to, started) = step(st, b);
        if started {
            count += 1;
            if count == max + 1 {
                cut = Some(i);
            }
        }
        match to {
            Some(to) => st = to,
            None => return (cut, i),
        }
        i += 1;
    }
    (cut, bytes.len())
}

/// Where the plain reading (a tag starts at a `<` that is not inside another tag) sees tags.
fn plain_tag_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if tag_start(bytes, i).is_some() {
            starts.push(i);
            let (_, end) = strip_range(bytes, i, usize::MAX - 1);
            i = end + 1;
        } else {
            i += 1;
        }
    }
    starts
}

/// `text` with every tag capped at `max` attributes (see the module docs); borrowed when no
/// tag is over the cap, which is every real page. The flag says whether anything changed.
pub(crate) fn cap_attributes(text: &str, max: usize) -> (Cow<'_, str>, bool) {
    let bytes = text.as_bytes();
    let over = over_cap(bytes, max);
    if over.is_empty() {
        return (Cow::Borrowed(text), false);
    }
    // Round 1: cut the surplus attributes of tags the plain reading sees.
    let plain = plain_tag_starts(bytes);
    let mut out = Vec::with_capacity(bytes.len());
    let mut from = 0;
    for &start in &over {
        if plain.binary_search(&start).is_err() || start < from {
            continue;
        }
        let (cut, end) = strip_range(bytes, start, max);
        let Some(cut) = cut else { continue };
        out.extend_from_slice(bytes.get(from..cut).unwrap_or(&[]));
        from = end;
    }
    out.extend_from_slice(bytes.get(from..).unwrap_or(&[]));
    // Round 2: whatever reading is still over the cap is turned into text.
    for start in over_cap(&out, max) {
        if let Some(b) = out.get_mut(start) {
            *b = b'_';
        }
    }
    let text = match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
    };
    (Cow::Owned(text), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(n: usize) -> String {
        (0..n).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    #[test]
    fn ordinary_markup_is_borrowed() {
        let html = "<p class=x id='y' data-z>text</p><a href=/ b c d>x</a><!-- <b> -->";
        let (out, changed) = cap_attributes(html, 4);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert!(!changed);
    }

    #[test]
    fn surplus_attributes_are_cut() {
        let html = format!("<div{}>text</div><p a b>x</p>", attrs(10));
        let (out, changed) = cap_attributes(&html, 4);
        assert!(changed);
        assert_eq!(
            out,
            "<div a0=\"0\" a1=\"1\" a2=\"2\" a3=\"3\" >text</div><p a b>x</p>"
        );
    }

    #[test]
    fn quoted_values_and_self_closing_are_read_like_the_tokenizer() {
        // `>` inside quotes does not end the tag; `a="1"b="2"` is two attributes.
        let html = "<img a=\">\"b='>'c=\"3\"/><p>";
        assert_eq!(over_cap(html.as_bytes(), 2), vec![0]);
        assert!(over_cap(html.as_bytes(), 3).is_empty());
    }

    #[test]
    fn tags_hidden_in_other_readings_are_found() {
        // The tokenizer ends the script at `</script>` and then sees a tag with many
        // attributes, which the plain reading takes for a quoted value.
        let html = format!("<script>a<b c=\"</script><div{}>\"</script>", attrs(10));
        let over = over_cap(html.as_bytes(), 4);
        let div = html.find("<div").unwrap();
        assert!(over.contains(&div), "{over:?}");
        let (out, changed) = cap_attributes(&html, 4);
        assert!(changed);
        assert!(over_cap(out.as_bytes(), 4).is_empty());
        assert!(!out.contains("a9=\"9\""), "{out}");
    }

    #[test]
    fn end_tags_count_too() {
        let html = format!("<p>x</p{}>", attrs(10));
        assert_eq!(over_cap(html.as_bytes(), 4), vec![4]);
    }

    #[test]
    fn scan_is_linear_on_a_hundred_thousand_attributes() {
        let html = format!("<div{}>text</div>", attrs(100_000));
        let (out, changed) = cap_attributes(&html, MAX_ATTRIBUTES);
        assert!(changed);
        assert!(out.len() < 3000);
        assert!(out.ends_with(">text</div>"));
    }
}
