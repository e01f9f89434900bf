//! Renderers: text, Markdown and HTML, all from [`Block`](crate::Block)s.

pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod text;

use crate::article::Link;

/// Splits `text` at the link spans: `(segment, Some(href))` for linked parts.
pub(crate) fn segments<'t>(text: &'t str, links: &'t [Link]) -> Vec<(&'t str, Option<&'t str>)> {
    if links.is_empty() {
        return vec![(text, None)];
    }
    // Byte offsets of every character boundary, so char offsets map to slices safely.
    let bounds: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let at = |c: usize| bounds.get(c).copied().unwrap_or(text.len());
    let mut out = Vec::new();
    let mut pos = 0usize;
    let mut sorted: Vec<&Link> = links.iter().collect();
    sorted.sort_by_key(|l| (l.start, l.end));
    for l in sorted {
        if l.start < pos || l.end <= l.start {
            continue;
        }
        if l.start > pos {
            out.push((text.get(at(pos)..at(l.start)).unwrap_or(""), None));
        }
        out.push((
            text.get(at(l.start)..at(l.end)).unwrap_or(""),
            Some(l.href.as_str()),
        ));
        pos = l.end;
    }
    if at(pos) < text.len() {
        out.push((text.get(at(pos)..).unwrap_or(""), None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_char_offsets() {
        let links = [Link {
            start: 2,
            end: 4,
            href: "u".into(),
        }];
        assert_eq!(
            segments("éaéb c", &links),
            vec![("éa", None), ("éb", Some("u")), (" c", None)]
        );
    }
}
