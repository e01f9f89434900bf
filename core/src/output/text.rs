//! Plain-text rendering.

use crate::article::Block;

/// Blocks as plain text: a blank line between blocks, list items on their own lines (`- `,
/// `1. `, indented two spaces per level), table cells separated by tabs, figure captions as
/// their own paragraph.
pub(crate) fn render(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        let start = out.len();
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let before = out.len();
        match b {
            Block::Heading { text, .. }
            | Block::Paragraph { text, .. }
            | Block::Quote { text }
            | Block::Code { text, .. } => out.push_str(text),
            Block::List { ordered, items } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push('\n');
                    }
                    for _ in 0..item.depth {
                        out.push_str("  ");
                    }
                    if *ordered {
                        out.push_str(&format!("{}. ", n + 1));
                    } else {
                        out.push_str("- ");
                    }
                    out.push_str(&item.text);
                }
            }
            Block::Table { rows, .. } => {
                for (n, row) in rows.iter().enumerate() {
                    if n > 0 {
                        out.push('\n');
                    }
                    out.push_str(&row.join("\t"));
                }
            }
            Block::Figure { caption, .. } => {
                if let Some(c) = caption {
                    out.push_str(c);
                }
            }
        }
        if out.len() == before {
            out.truncate(start);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ListItem;

    #[test]
    fn renders_blocks() {
        let blocks = vec![
            Block::Heading {
                level: 2,
                text: "H".into(),
            },
            Block::Paragraph {
                text: "a\nb".into(),
                links: vec![],
            },
            Block::List {
                ordered: false,
                items: vec![
                    ListItem {
                        text: "x".into(),
                        depth: 0,
                        links: vec![],
                    },
                    ListItem {
                        text: "y".into(),
                        depth: 1,
                        links: vec![],
                    },
                ],
            },
            Block::Figure {
                src: Some("i.jpg".into()),
                alt: None,
                caption: None,
            },
            Block::Table {
                rows: vec![vec!["k".into(), "v".into()]],
                header_rows: 0,
            },
        ];
        assert_eq!(render(&blocks), "H\n\na\nb\n\n- x\n  - y\n\nk\tv");
    }
}
