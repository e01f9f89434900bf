//! Markdown rendering (CommonMark with pipe tables).

use crate::article::{Article, Block, Link};
use crate::output::segments;

/// The article as Markdown: `# title`, then the body.
pub(crate) fn render(article: &Article) -> String {
    let mut out = String::new();
    if let Some(t) = &article.title {
        out.push_str("# ");
        out.push_str(&escape_inline(t));
        out.push('\n');
    }
    for b in &article.blocks {
        if !out.is_empty() {
            out.push('\n');
        }
        block(&mut out, b);
    }
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading { level, text } => {
            for _ in 0..(*level).clamp(1, 6) {
                out.push('#');
            }
            out.push(' ');
            out.push_str(&escape_inline(text));
            out.push('\n');
        }
        Block::Paragraph { text, links } => {
            out.push_str(&inline(text, links));
            out.push('\n');
        }
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                for _ in 0..item.depth {
                    out.push_str("    ");
                }
                if *ordered {
                    out.push_str(&format!("{}. ", n + 1));
                } else {
                    out.push_str("- ");
                }
                out.push_str(&inline(&item.text, &item.links).replace('\n', " "));
                out.push('\n');
            }
        }
        Block::Quote { text } => {
            for line in text.lines() {
                out.push('>');
                if !line.is_empty() {
                    out.push(' ');
                    out.push_str(&escape_inline(line));
                }
                out.push('\n');
            }
        }
        Block::Code { text, language } => {
            let fence = if text.contains("```") { "~~~~" } else { "```" };
            out.push_str(fence);
            out.push_str(language.as_deref().unwrap_or(""));
            out.push('\n');
            out.push_str(text);
            out.push('\n');
            out.push_str(fence);
            out.push('\n');
        }
        Block::Table { rows, header_rows } => {
            let width = rows.iter().map(Vec::len).max().unwrap_or(0);
            if width == 0 {
                return;
            }
            let cell = |c: &str| escape_inline(c).replace('|', "\\|").replace('\n', " ");
            let row_line = |out: &mut String, row: &[String]| {
                out.push('|');
                for k in 0..width {
                    out.push(' ');
                    out.push_str(&cell(row.get(k).map_or("", String::as_str)));
                    out.push_str(" |");
                }
                out.push('\n');
            };
            let (head, body) = if *header_rows > 0 {
                rows.split_at(1)
            } else {
                rows.split_at(0)
            };
            match head.first() {
                Some(h) => row_line(out, h),
                None => row_line(out, &[]),
            }
            out.push('|');
            for _ in 0..width {
                out.push_str(" --- |");
            }
            out.push('\n');
            for r in body {
                row_line(out, r);
            }
        }
        Block::Figure { src, alt, caption } => {
            if let Some(s) = src {
                out.push_str(&format!(
                    "![{}]({})\n",
                    escape_inline(alt.as_deref().unwrap_or("")),
                    s.replace(' ', "%20")
                ));
            }
            if let Some(c) = caption {
                out.push('*');
                out.push_str(&escape_inline(c));
                out.push_str("*\n");
            }
        }
    }
}

fn inline(text: &str, links: &[Link]) -> String {
    let mut s = String::new();
    for (seg, href) in segments(text, links) {
        match href {
            Some(h) => s.push_str(&format!(
                "[{}]({})",
                escape_inline(seg),
                h.replace(' ', "%20").replace(')', "%29")
            )),
            None => s.push_str(&escape_inline(seg)),
        }
    }
    s.replace('\n', "  \n")
}

/// Escapes the characters that would start Markdown syntax inside text.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (n, line) in s.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut first = true;
        for c in line.chars() {
            let at_start = first && matches!(c, '#' | '>' | '-' | '+' | '=');
            if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<') || at_start {
                out.push('\\');
            }
            out.push(c);
            first = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        let article = Article {
            title: Some("T".into()),
            blocks: vec![
                Block::Paragraph {
                    text: "see *this*".into(),
                    links: vec![Link {
                        start: 4,
                        end: 10,
                        href: "https://x".into(),
                    }],
                },
                Block::Table {
                    rows: vec![vec!["k".into(), "v".into()], vec!["a".into(), "1".into()]],
                    header_rows: 1,
                },
            ],
            ..Article::default()
        };
        assert_eq!(
            render(&article),
            "# T\n\nsee [\\*this\\*](https://x)\n\n| k | v |\n| --- | --- |\n| a | 1 |\n"
        );
    }
}
