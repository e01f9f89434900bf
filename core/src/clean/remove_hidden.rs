//! `remove_hidden`: elements a reader never sees.
//!
//! ## What it does
//! Removes elements with the `hidden` attribute, `aria-hidden="true"`, or an inline style
//! with `display: none` / `visibility: hidden`, unless they hold most of the page's text
//! (pages that reveal their article with a script), or are collapsed accordion/tab panels
//! (`role="region"`/`"tabpanel"` with `aria-labelledby`: text one click away).
//!
//! ## Example
//! `<a class="edit-post" hidden>Edit post</a>` → removed.
//!
//! ## Origin
//! Readability `_isProbablyVisible`.
//!
//! ## Cost
//! O(n); styles are scanned up to 1 KiB.

use crate::dom::NodeIx;
use crate::patterns::MAX_ATTR_SCAN_BYTES;
use crate::pipeline::{Ctx, PassId};

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
        if let Some(reason) = hidden_reason(ctx, i)
            && !ctx.protection.is_protected(i)
        {
            ctx.remove(i, PassId::RemoveHidden, || reason.to_string());
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
}

/// React's streaming server rendering sends finished parts of the page as
/// `<div hidden id="S:0">…</div>` and a script moves them into place: the text is visible in
/// the browser.
fn is_streamed_segment(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    ctx.doc.attr(ix, "id").is_some_and(|id| {
        id.strip_prefix("S:")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric()))
    })
}

/// A collapsed accordion or tab panel (the WAI-ARIA pattern: `role="region"` or
/// `role="tabpanel"`, labelled by its header button through `aria-labelledby`): FAQ answers,
/// "details" sections and tabs of a guide are part of the text a reader opens with one click,
/// even when the page ships them with `display: none`. Menus and dialogs use other roles.
fn is_collapsed_panel(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    doc.attr(ix, "role").is_some_and(|r| {
        let r = r.trim();
        r.eq_ignore_ascii_case("region") || r.eq_ignore_ascii_case("tabpanel")
    }) && doc
        .attr(ix, "aria-labelledby")
        .is_some_and(|l| !l.trim().is_empty())
}

/// Why `ix` is hidden, if it is. One pass over the element's attributes.
fn hidden_reason(ctx: &Ctx<'_, '_>, ix: NodeIx) -> Option<&'static str> {
    let el = ctx.doc.element(ix)?;
    let mut style = None;
    let mut reason = None;
    for (name, value) in el.attrs.iter() {
        match &*name.local {
            "hidden" if !is_streamed_segment(ctx, ix) => reason = Some("hidden attribute"),
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => {
                reason = Some("aria-hidden=true");
            }
            "style" => style = Some(&**value),
            _ => {}
        }
        if reason.is_some() {
            break;
        }
    }
    if reason.is_none() && style.is_none() {
        return None;
    }
    if is_collapsed_panel(ctx, ix) {
        return None;
    }
    if reason.is_some() {
        return reason;
    }
    let style = style?;
    let style = style.get(..MAX_ATTR_SCAN_BYTES).unwrap_or(style);
    if !style.contains(':') {
        return None;
    }
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if compact.contains("display:none") {
        return Some("display: none");
    }
    if compact.contains("visibility:hidden") {
        return Some("visibility: hidden");
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text;

    const FILLER: &str = "<p>The article itself is long enough to be the main text of the page, \
        with several sentences. It goes on and on, as articles do, for a while longer.</p>";

    #[test]
    fn removes_hidden_elements() {
        let html = format!(
            "<body>{FILLER}<a hidden>Edit post</a><span aria-hidden=\"true\">icon</span>\
             <div style=\"display: none\">Thanks for subscribing</div></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("Edit post") && !t.contains("icon") && !t.contains("Thanks"));
        assert!(t.contains("article itself"));
    }

    #[test]
    fn keeps_react_streamed_segments() {
        let html = format!(
            "<body><p>Intro.</p><div hidden id=\"S:0\">{FILLER}</div><div hidden id=menu>Menu</div></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(t.contains("article itself") && !t.contains("Menu"), "{t}");
    }

    #[test]
    fn keeps_a_hidden_article_that_is_the_whole_page() {
        let html = format!("<body><div style=\"display:none\">{FILLER}</div></body>");
        let t = surviving_text(&html, super::run);
        assert!(t.contains("article itself"));
    }

    #[test]
    fn keeps_collapsed_accordion_panels() {
        let html = format!(
            "<body>{FILLER}<h3><button aria-controls=a1 id=h1>How long does it take?</button></h3>\
             <div id=a1 role=region aria-labelledby=h1 style=\"display:none\">About two weeks.</div>\
             <div role=tabpanel aria-labelledby=t2 hidden>Second tab.</div></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(
            t.contains("About two weeks.") && t.contains("Second tab."),
            "{t}"
        );
    }

    #[test]
    fn still_removes_hidden_menus_and_unlabelled_regions() {
        let html = format!(
            "<body>{FILLER}<ul role=menu aria-labelledby=m style=\"display:none\"><li>Log in</li></ul>\
             <div role=region style=\"display:none\">Thanks for subscribing</div></body>"
        );
        let t = surviving_text(&html, super::run);
        assert!(!t.contains("Log in") && !t.contains("Thanks"), "{t}");
    }

    #[test]
    fn ignores_visible_styles() {
        let html = "<body><p style=\"display:block; color:red\">Visible</p></body>";
        assert_eq!(surviving_text(html, super::run), "Visible");
    }
}
