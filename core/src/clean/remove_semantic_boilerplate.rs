//! `remove_semantic_boilerplate`: regions the markup itself labels as not-the-article.
//!
//! ## What it does
//! Removes `<nav>`, `<aside>`, `<footer>`, `<menu>`, `<search>`, forms, and elements whose
//! ARIA `role` is a landmark that is never the article (`navigation`, `banner`,
//! `contentinfo`, `complementary`, `search`, `menu`, `dialog`, `alert`, …). A `<header>` goes
//! too unless it carries a paragraph of real text (a standfirst). Nothing that holds the
//! article (see [`protect`](super::protect)) is removed.
//!
//! ## Example
//! `<nav><a href="/">Home</a></nav><article>…</article>` → `<article>…</article>`
//!
//! ## Origin
//! Readability's `aside`/`footer` removal; trafilatura's `DISCARD_XPATH` for `nav`, `footer`.
//!
//! ## Cost
//! O(n).

use crate::dom::{NodeIx, Tag};
use crate::pipeline::{Ctx, PassId};

/// A `<header>` with at least this many characters in paragraphs is kept (it holds a lead).
const MIN_HEADER_LEAD_CHARS: u32 = 100;

/// ARIA roles of regions that are never the article.
const BOILERPLATE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "alert",
    "tooltip",
    "toolbar",
    "tablist",
    "form",
];

/// Runs the pass.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>) {
    let doc = ctx.doc;
    let mut i = NodeIx(0);
    let end = NodeIx(doc.len() as u32);
    while i < end {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        if let Some(reason) = judge(ctx, i)
            && !ctx.protection.is_protected(i)
        {
            ctx.remove(i, PassId::RemoveSemanticBoilerplate, || reason);
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
}

/// Why `ix` is a boilerplate region, if it is.
fn judge(ctx: &Ctx<'_, '_>, ix: NodeIx) -> Option<String> {
    let tag = ctx.doc.tag(ix)?;
    match tag {
        Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu | Tag::Search | Tag::Form => {
            return Some(format!("<{}>", tag.name()));
        }
        Tag::Header => {
            let s = &ctx.stats[ix];
            let lead = s.chars.saturating_sub(s.heading_chars + s.link_chars);
            if s.paras == 0 || lead < MIN_HEADER_LEAD_CHARS {
                return Some("<header> without a lead paragraph".to_string());
            }
        }
        _ => {}
    }
    let role = ctx.doc.attr(ix, "role")?.trim();
    BOILERPLATE_ROLES
        .iter()
        .find(|r| role.eq_ignore_ascii_case(r))
        .map(|r| format!("role={r}"))
}

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text;

    const ARTICLE: &str = "<article><p>The article body is here, long enough to matter, with \
        sentences that carry the story forward. It continues for a little while longer, as \
        real articles do, so that it dominates the page's text.</p></article>";

    #[test]
    fn removes_landmarks() {
        let html = format!(
            "<body><nav><a href=/>Home</a></nav><div role=navigation>Sections</div>{ARTICLE}\
             <aside>Most popular</aside><footer>© 2025</footer></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(
            t.starts_with("The article body") && t.ends_with("page's text."),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_header_with_a_lead() {
        let html = format!(
            "<body><header><h1>Title</h1><p>A standfirst that summarises the whole story in \
             a long sentence, as newspapers like to do, before the article proper begins its \
             first paragraph.</p></header>{ARTICLE}</body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(t.contains("A standfirst"));
    }

    #[test]
    fn does_not_remove_a_form_wrapping_the_page() {
        let html = format!("<body><form id=aspnetForm>{ARTICLE}</form></body>");
        let t = surviving_text(&html, super::run);
        assert!(t.contains("The article body"));
    }
}
