//! `remove_semantic_boilerplate`: regions the markup itself labels as not-the-article.
//!
//! ## What it does
//! Removes `<nav>`, `<aside>`, `<footer>`, `<menu>`, `<search>`, forms, and elements whose
//! ARIA `role` is a landmark that is never the article (`navigation`, `banner`,
//! `contentinfo`, `complementary`, `search`, `menu`, `dialog`, `alert`, …). A `<header>` goes
//! too unless it carries a paragraph of real text (a standfirst). Nothing that holds the
//! article (see [`protect`](super::protect)) is removed, and neither is a landmark that holds
//! most of the page's prose ([`holds_most_prose`]): templates that wrap the story in an
//! `<aside>` or a product page's description in a `<form>` misuse the tag, and the prose says so.
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
use crate::patterns::Sig;
use crate::pipeline::{Ctx, PassId};

/// A `<header>` with at least this many characters in paragraphs is kept (it holds a lead).
const MIN_HEADER_LEAD_CHARS: u32 = 100;

/// An `<aside>` holding more than this share (percent) of the body's prose is the article.
const MIN_ASIDE_PROSE_SHARE_PERCENT: u32 = 60;
/// A `<form>` holding more than this share (percent) of the body's prose wraps content: input
/// forms (comments, search, login, newsletter) carry labels and a notice, not paragraphs.
const MIN_FORM_PROSE_SHARE_PERCENT: u32 = 30;
/// …provided that prose is at least this long (characters): a thin page's only paragraph in
/// a sidebar is still a sidebar, a long consent notice in a form still a notice.
const MIN_ARTICLE_PROSE_CHARS: u32 = 400;

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
            && !holds_most_prose(ctx, i)
        {
            ctx.remove(i, PassId::RemoveSemanticBoilerplate, || reason);
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
}

/// A header whose link density is above this is a masthead (logo, menus), not the article's.
const MAX_ARTICLE_HEADER_LINK_DENSITY: f32 = 0.3;

/// `true` when the header `ix` (a `<header>`, or an element named so) is the article's own:
/// it holds the headline that the metadata pass took as the title (and removed), and little
/// link text. What else it holds (a subtitle in an `<h2>`, a one-line standfirst) is the
/// article's.
///
/// Page pattern: `<header><a href=/news>News</a><h1>Headline</h1><h2>The subtitle that
/// sums the story up</h2></header>`. A site masthead (`<header><h1><a href=/>Site</a></h1>
/// <ul>…menu…</ul></header>`), or a blog's `<header><h1>The Blog</h1></header>`, is not.
pub(crate) fn is_article_header(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    if ctx.link_density(ix) > MAX_ARTICLE_HEADER_LINK_DENSITY {
        return false;
    }
    doc.subtree(ix).any(|d| {
        ctx.removed[d] == Some(PassId::RemoveMetadataElements)
            && doc.tag(d).is_some_and(|t| t.heading_level().is_some())
    })
}

/// `true` when the `<aside>` or `<form>` `ix` holds most of the page's prose (paragraph-like
/// text, mostly not links), so it is the article whatever its tag says. A `<footer>` is not
/// let off: long "about this site" paragraphs live there.
///
/// Page pattern: `<aside class="content"><section><article>…story…</article></section></aside>`
/// or `<form class="productform">…description…</form>` next to a short sidebar. A dialog
/// (cookie notice, modal) never qualifies: its text is long only on thin pages.
fn holds_most_prose(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let share = match ctx.doc.tag(ix) {
        Some(Tag::Aside) => MIN_ASIDE_PROSE_SHARE_PERCENT,
        Some(Tag::Form) => MIN_FORM_PROSE_SHARE_PERCENT,
        _ => return false,
    };
    // An element that names itself furniture (`class="sidebar widget-area"`, `id="comments"`)
    // is taken at its word: on a short article the sidebar's blurbs can outweigh the story.
    let furniture = Sig::STRONG_BOILERPLATE | Sig::SIDEBAR | Sig::NAV | Sig::FOOTER;
    if ctx.sig[ix].any(furniture) {
        return false;
    }
    let role = ctx.doc.attr(ix, "role").map(str::trim).unwrap_or("");
    if ["dialog", "alertdialog", "alert", "tooltip"]
        .iter()
        .any(|r| role.eq_ignore_ascii_case(r))
    {
        return false;
    }
    let prose = ctx.stats[ix].prose_chars;
    let body_prose = ctx.stats[ctx.body].prose_chars;
    prose >= MIN_ARTICLE_PROSE_CHARS && prose * 100 > body_prose * share
}

/// `true` when a header's text is a bare standfirst: no paragraph element, but no heading
/// and no link either, only the text itself (its length is checked by the caller). A site
/// masthead always has a logo heading or menu links.
///
/// Page pattern: `<div class=article_body><header>Neuroscience tells us that most of the work
/// … New research investigates.</header><p>…</p></div>`.
fn is_bare_standfirst(s: &crate::pipeline::Stats) -> bool {
    s.paras == 0 && s.heading_chars == 0 && s.link_chars == 0
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
            if (!(s.paras > 0 || is_bare_standfirst(s)) || lead < MIN_HEADER_LEAD_CHARS)
                && !is_article_header(ctx, ix)
            {
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
    use crate::dom::Tag;
    use crate::pipeline::PassId;

    /// Text that is not prose, so that a test's region holds most of the prose but not most
    /// of the characters (which [`protect`](crate::clean::protect) guards on its own).
    const LIST: &str = "<ul><li>A list of things that is not prose at all</li>\
             <li>and a second item of the same list that is also not prose</li><li>and a third \
             item of the same list, still not prose</li><li>and a fourth, making it long enough \
             to outweigh the dialog in characters</li><li>and a fifth one, just in case it is \
             needed</li><li>and a sixth one to be sure that the share is low enough</li></ul>";

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
    fn keeps_an_aside_that_holds_the_story() {
        let html = format!(
            "<body><nav><a href=/>Home</a> <a href=/a>Section A</a></nav>\
             <aside class=direct-content>{ARTICLE}<p>A second paragraph of the story follows \
             here, long enough to count as prose of its own, and it goes on for a while \
             too.</p></aside><aside>Most popular: <a href=/x>one</a></aside></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(
            t.contains("The article body") && t.contains("second paragraph"),
            "{t}"
        );
        assert!(!t.contains("Most popular") && !t.contains("Home"), "{t}");
    }

    #[test]
    fn removes_an_aside_with_a_minority_of_the_prose() {
        let html = format!(
            "<body>{ARTICLE}<div><p>More of the article body, long enough to be prose, with \
             a second sentence that carries on for a while and then a little more.</p></div>\
             <aside><p>About the author: she writes about towns and rivers, and has done so \
             for many years in several newspapers.</p></aside></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("About the author"), "{t}");
    }

    #[test]
    fn removes_a_named_sidebar_even_when_it_outweighs_a_short_story() {
        let html = format!(
            "<body><p>A photo of the stars.</p>{LIST}{LIST}<aside class=sidebar><p>This magazine \
             was a journal of practical astronomy, published for many years, and its archive \
             is still online for anyone who wants to read it again, issue by issue.</p><p>Its \
             editors answered readers' letters and tested telescopes, cameras and mounts, and \
             they printed the best pictures sent in by the community every month.</p>\
             <p>Subscriptions ended when the last issue came out, many years after the first \
             one appeared on the newsstands.</p></aside></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("This magazine"), "{t}");
    }

    #[test]
    fn removes_a_cookie_dialog_even_on_a_thin_page() {
        let html = format!(
            "<body><p>Short.</p>{LIST}\
             <aside role=dialog><p>We use cookies to improve your \
             experience, to measure the audience and to show you ads; by continuing you accept \
             them, and you can change your mind at any time in the settings, which are linked \
             at the bottom of every page of this site, next to the legal notice and the privacy \
             policy that describes what we store.</p></aside></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("cookies"), "{t}");
    }

    #[test]
    fn keeps_a_product_form_with_its_description_but_not_a_comment_form() {
        let desc = "<p>A warm blanket in two layers of fleece, embroidered with a name and a \
             motif of your choice, robust and easy to care for, and soft to the touch.</p>\
             <p>The two layers hide the back of the embroidery, so both sides look good, and \
             the blanket is thick enough to be taken outside.</p><p>Unless agreed otherwise \
             the embroidery sits at the bottom right of the long side of the blanket.</p>";
        let html = format!(
            "<body><form class=productform><h2>Blanket</h2><select><option>red</option>\
             </select>{desc}</form><aside><p>About the shop: we sew and embroider gifts by \
             hand, one at a time, in a small workshop.</p></aside>\
             <form id=commentform><p>Your email address will not be published.</p>\
             <textarea></textarea></form></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(t.contains("A warm blanket"), "{t}");
        assert!(
            !t.contains("will not be published") && !t.contains("About the shop"),
            "{t}"
        );
    }

    #[test]
    fn keeps_the_article_header_but_not_the_masthead() {
        let html = format!(
            "<body><header><h1><a href=/>The Daily Site</a></h1><ul><li><a href=/a>News</a>\
             </li><li><a href=/b>Sport</a></li></ul></header>\
             <header><a href=/news>News</a><h1>Contest on a floating ramp</h1>\
             <h2>The third edition of the event takes place at the lake</h2></header>\
             {ARTICLE}</body>"
        );
        let t = surviving_text(&html, |ctx| {
            // The metadata pass records the headline as the title and removes it first.
            let doc = ctx.doc;
            let h1 = doc.all().filter(|i| doc.is(*i, Tag::H1)).nth(1).unwrap();
            ctx.remove(h1, PassId::RemoveMetadataElements, String::new);
            super::run(ctx);
        });
        assert!(t.contains("The third edition"), "{t}");
        assert!(!t.contains("Daily Site") && !t.contains("Sport"), "{t}");
    }

    #[test]
    fn does_not_remove_a_form_wrapping_the_page() {
        let html = format!("<body><form id=aspnetForm>{ARTICLE}</form></body>");
        let t = surviving_text(&html, super::run);
        assert!(t.contains("The article body"));
    }
    #[test]
    fn keeps_a_header_that_is_a_bare_standfirst() {
        let html = format!(
            "<body><div class=body><header>Neuroscience tells us that most of the work done by \
             our brains happens unconsciously, but when does insight occur? New research \
             investigates.</header>{ARTICLE}</div></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(t.contains("Neuroscience tells us"), "{t}");
    }

    #[test]
    fn removes_a_masthead_with_long_link_text() {
        let html = format!(
            "<body><header>The Daily Example, news since 1850, <a href=/world>World news and \
             analysis</a> <a href=/sport>Sport results and fixtures</a> <a href=/c>Culture \
             and the arts</a></header>{ARTICLE}</body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("Daily Example"), "{t}");
    }
}
