//! Timing hooks for the metadata cost bench (`core/benches/metadata.rs`). Not part of the
//! API: hidden from the docs and free to change.
//!
//! The bench times [`parse_only`] (decode + parse + flatten, the work every extraction does
//! before metadata) and [`parse_and_metadata`] (the same plus the metadata pass and the
//! language fallback); the difference is the metadata cost, compared with a whole
//! `extract_bytes`.

use crate::dom::{Doc, Tag, parse};
use crate::input::encoding;
use crate::options::Options;

/// Decodes and parses `html` the way `extract_bytes` does; returns the node count.
pub fn parse_only(html: &[u8]) -> usize {
    let opts = Options::default();
    let decoded = encoding::decode(html, None, None);
    let parsed = parse::parse(&decoded.text, opts.limits.max_nodes, opts.limits.max_depth);
    Doc::new(&parsed.html).len()
}

/// [`parse_only`] plus the metadata pass, and language detection on up to 3 000 characters
/// of paragraph text when the page declares no language (as `metadata::apply` does on the
/// body). Returns a value derived from the result so that nothing is optimised away.
pub fn parse_and_metadata(html: &[u8]) -> usize {
    let opts = Options::default();
    let decoded = encoding::decode(html, None, None);
    let parsed = parse::parse(&decoded.text, opts.limits.max_nodes, opts.limits.max_depth);
    let doc = Doc::new(&parsed.html);
    let meta = super::extract(&doc, &opts, None);
    let mut n = doc.len() + meta.authors.len() + meta.title.map_or(0, |t| t.len());
    if meta.language.is_none() {
        let mut text = String::new();
        for ix in doc.all() {
            if doc.is(ix, Tag::P) {
                text.push_str(&super::collect::text_of(&doc, ix, 1000));
                text.push(' ');
                if text.len() > 3000 {
                    break;
                }
            }
        }
        n += super::language::detect(&text).map_or(0, |l| l.len());
    }
    n
}
