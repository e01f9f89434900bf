//! HTML rendering: a small, clean document.

use crate::article::{Article, Block, Link};
use crate::output::segments;

/// The article as `<article>` HTML.
pub(crate) fn render(article: &Article) -> String {
    let mut out = String::from("<article>");
    if let Some(t) = &article.title {
        out.push_str("<h1>");
        out.push_str(&escape(t));
        out.push_str("</h1>");
    }
    for b in &article.blocks {
        out.push('\n');
        block(&mut out, b);
    }
    out.push_str("\n</article>\n");
    out
}

fn block(out: &mut String, b: &Block) {
    match b {
        Block::Heading { level, text } => {
            let l = (*level).clamp(1, 6);
            out.push_str(&format!("<h{l}>{}</h{l}>", escape(text)));
        }
        Block::Paragraph { text, links } => {
            out.push_str("<p>");
            out.push_str(&inline(text, links));
            out.push_str("</p>");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            let mut depth: Option<usize> = None;
            for item in items {
                let d = depth.map_or(0, |_| usize::from(item.depth));
                match depth {
                    None => {}
                    Some(cur) if d > cur => {
                        for _ in cur..d {
                            out.push_str(&format!("<{tag}>"));
                        }
                    }
                    Some(cur) => {
                        out.push_str("</li>");
                        for _ in d..cur {
                            out.push_str(&format!("</{tag}></li>"));
                        }
                    }
                }
                out.push_str("<li>");
                out.push_str(&inline(&item.text, &item.links));
                depth = Some(d);
            }
            if let Some(cur) = depth {
                out.push_str("</li>");
                for _ in 0..cur {
                    out.push_str(&format!("</{tag}></li>"));
                }
            }
            out.push_str(&format!("</{tag}>"));
        }
        Block::Quote { text } => {
            out.push_str("<blockquote>");
            for para in text.split("\n\n") {
                out.push_str("<p>");
                out.push_str(&escape(para).replace('\n', "<br>"));
                out.push_str("</p>");
            }
            out.push_str("</blockquote>");
        }
        Block::Code { text, language } => {
            match language {
                Some(l) => out.push_str(&format!("<pre><code class=\"language-{}\">", escape(l))),
                None => out.push_str("<pre><code>"),
            }
            out.push_str(&escape(text));
            out.push_str("</code></pre>");
        }
        Block::Table { rows, header_rows } => {
            out.push_str("<table>");
            for (n, row) in rows.iter().enumerate() {
                let cell = if n < *header_rows { "th" } else { "td" };
                out.push_str("<tr>");
                for c in row {
                    out.push_str(&format!("<{cell}>{}</{cell}>", escape(c)));
                }
                out.push_str("</tr>");
            }
            out.push_str("</table>");
        }
        Block::Figure { src, alt, caption } => {
            out.push_str("<figure>");
            if let Some(s) = src {
                out.push_str(&format!(
                    "<img src=\"{}\" alt=\"{}\">",
                    escape(s),
                    escape(alt.as_deref().unwrap_or(""))
                ));
            }
            if let Some(c) = caption {
                out.push_str(&format!("<figcaption>{}</figcaption>", escape(c)));
            }
            out.push_str("</figure>");
        }
    }
}

fn inline(text: &str, links: &[Link]) -> String {
    let mut s = String::new();
    for (seg, href) in segments(text, links) {
        match href {
            Some(h) => s.push_str(&format!("<a href=\"{}\">{}</a>", escape(h), escape(seg))),
            None => s.push_str(&escape(seg)),
        }
    }
    s.replace('\n', "<br>")
}

/// Escapes text for element content and attribute values.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::ListItem;

    #[test]
    fn renders_nested_lists_and_escapes() {
        let item = |t: &str, d: u8| ListItem {
            text: t.into(),
            depth: d,
            links: vec![],
        };
        let article = Article {
            title: Some("a < b".into()),
            blocks: vec![Block::List {
                ordered: false,
                items: vec![item("x", 0), item("y", 1), item("z", 0)],
            }],
            ..Article::default()
        };
        assert_eq!(
            render(&article),
            "<article><h1>a &lt; b</h1>\n<ul><li>x<ul><li>y</li></ul></li><li>z</li></ul>\n</article>\n"
        );
    }
}
