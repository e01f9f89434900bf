//! `remove_boilerplate_classes`: elements whose class, id, role or aria-label names them as
//! boilerplate.
//!
//! ## What it does
//! *Strong* words (comments, share, related, newsletter, cookie consent, ads, popups,
//! paywall and membership asks, author boxes, screen-reader-only text) remove the element
//! wherever it is. *Weak* words need corroboration: navigation, sidebar, header and footer
//! words remove a region holding a minor share of the text; meta, byline and tag words remove
//! only small elements; teaser words only link-heavy ones; media words only text-less ones.
//! Nothing that holds the article is removed (see [`protect`](super::protect)), and comment
//! words are ignored on a page that is a thread ([`comments_are_the_page`]).
//!
//! ## Example
//! `<div class="related-articles">…</div>` → removed;
//! `<div class="card"><p>Long article text…</p></div>` → kept (a teaser word, few links).
//!
//! ## Origin
//! Readability's `unlikelyCandidates`, trafilatura's `DISCARD_XPATH`, with tokenised matching
//! so that `ad` does not match `header`.
//!
//! ## Cost
//! O(n); signatures are computed once per element.

use crate::dom::{NodeIx, Tag};
use crate::patterns::Sig;
use crate::pipeline::{Ctx, PassId};

/// An element with this much prose, in at least [`MIN_PROSE_BODY_PARAS`] paragraphs, is an
/// article body whatever its words say (themes put `share` or `modal-enabled` on the entry
/// itself); share bars, ad slots, newsletter boxes and cookie banners never hold that much.
/// Comment sections do, and are removed regardless.
const MIN_PROSE_BODY_CHARS: u32 = 800;
/// See [`MIN_PROSE_BODY_CHARS`].
const MIN_PROSE_BODY_PARAS: u32 = 3;
/// Weak region words (nav, sidebar, header, footer) remove at most this share (percent) of
/// the body's text.
const MAX_WEAK_REGION_SHARE_PERCENT: u32 = 30;
/// Meta, byline and tag words remove elements up to this many characters.
const MAX_META_CHARS: u32 = 400;
/// Teaser words remove elements whose link density is above this.
const MIN_TEASER_LINK_DENSITY: f32 = 0.4;
/// Caption and credit words remove elements with fewer characters than this: a caption
/// describes a picture, it is not the article's prose.
const MAX_CAPTION_CHARS: u32 = 300;
/// Media words remove elements with fewer characters than this.
const MAX_MEDIA_CHARS: u32 = 200;

/// A page whose prose outside comment-named elements is shorter than this (characters) is a
/// thread (a forum topic, a Q&A page): its "comments" are its content.
const MAX_THREAD_OPENER_PROSE_CHARS: u32 = 200;
/// …provided the comment-named elements hold at least this much prose (characters).
const MIN_THREAD_PROSE_CHARS: u32 = 500;

/// Which words a run acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Words {
    /// Strong boilerplate words only (comments, share, related, ads, …).
    Strong,
    /// Strong and weak words.
    All,
}

/// Runs the pass.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, words: Words) {
    let doc = ctx.doc;
    let thread = comments_are_the_page(ctx);
    if thread {
        ctx.note(ctx.body, PassId::RemoveBoilerplateClasses, "thread", || {
            "comment-named elements hold the page's prose: kept".to_string()
        });
    }
    let mut i = NodeIx(0);
    let end = NodeIx(doc.len() as u32);
    while i < end {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        if let Some(reason) = judge(ctx, i, words, thread)
            && !ctx.protection.is_protected(i)
        {
            if ctx.sig[i].any(Sig::COMMENTS) {
                ctx.comment_roots.push(i);
            }
            ctx.remove(i, PassId::RemoveBoilerplateClasses, || reason);
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
}

/// `true` when the page's prose is nearly all inside comment-named elements: a forum topic
/// whose posts are `<div class="comment">`, a discussion page whose opener is one line.
///
/// Page pattern: `<h1>Topic</h1><div class="comment">post…</div><div class="comment">reply…</div>`.
/// An article with a comment thread under it has prose of its own and is not affected.
fn comments_are_the_page(ctx: &Ctx<'_, '_>) -> bool {
    let doc = ctx.doc;
    let mut in_comments = 0u32;
    let mut i = NodeIx(0);
    let end = NodeIx(doc.len() as u32);
    while i < end {
        if ctx.removed[i].is_some() {
            i = doc.end(i);
            continue;
        }
        if ctx.sig[i].any(Sig::COMMENTS) && doc.tag(i).is_some() {
            in_comments += ctx.stats[i].prose_chars;
            i = doc.end(i);
            continue;
        }
        i = NodeIx(i.0 + 1);
    }
    let outside = ctx.stats[ctx.body].prose_chars.saturating_sub(in_comments);
    in_comments >= MIN_THREAD_PROSE_CHARS && outside < MAX_THREAD_OPENER_PROSE_CHARS
}

/// Why `ix`'s words make it boilerplate, if they do. On a `thread` page comment words do
/// not count.
fn judge(ctx: &Ctx<'_, '_>, ix: NodeIx, words: Words, thread: bool) -> Option<String> {
    let tag = ctx.doc.tag(ix)?;
    if matches!(tag, Tag::Html | Tag::Body | Tag::Main) {
        return None;
    }
    let mut sig = ctx.sig[ix];
    if thread {
        sig.0 &= !Sig::COMMENTS;
    }
    if sig.0 == 0 {
        return None;
    }
    let s = &ctx.stats[ix];
    let prose_body = s.prose_chars >= MIN_PROSE_BODY_CHARS && s.paras >= MIN_PROSE_BODY_PARAS;
    if sig.any(Sig::STRONG_BOILERPLATE)
        && (sig.any(Sig::COMMENTS) || !prose_body)
        && !is_phrase_in_sentence(ctx, ix, sig)
    {
        return Some(format!(
            "boilerplate words ({:#x})",
            sig.0 & Sig::STRONG_BOILERPLATE
        ));
    }
    if sig.any(Sig::CONTENT_STRONG) || words == Words::Strong {
        return None;
    }
    let body_chars = ctx.stats[ctx.body].chars.max(1);
    let share = s.chars * 100 / body_chars;
    if sig.any(Sig::NAV | Sig::SIDEBAR | Sig::HEADER | Sig::FOOTER)
        && share <= MAX_WEAK_REGION_SHARE_PERCENT
        && !in_running_text(ctx, ix)
        && !is_data_table_part(ctx, ix)
        && !is_heading_text(ctx, ix)
        && !(sig.any(Sig::HEADER)
            && (has_lead(s) || super::remove_semantic_boilerplate::is_article_header(ctx, ix)))
    {
        return Some(format!("region words, {share}% of the text"));
    }
    if sig.any(Sig::META | Sig::BYLINE | Sig::TAGS | Sig::PAYWALL)
        && s.chars <= MAX_META_CHARS
        && !is_linked_term_in_sentence(ctx, ix, sig)
        && !is_dateline_lead_in(ctx, ix)
    {
        return Some(format!("meta/byline/tag/paywall words, {} chars", s.chars));
    }
    let ld = ctx.link_density(ix);
    if sig.any(Sig::TEASER) && ld > MIN_TEASER_LINK_DENSITY {
        return Some(format!("teaser words, link density {ld:.2}"));
    }
    if sig.any(Sig::MEDIA) && s.chars < MAX_MEDIA_CHARS && s.paras == 0 {
        return Some(format!("media words, {} chars", s.chars));
    }
    if sig.any(Sig::CAPTION) && s.chars < MAX_CAPTION_CHARS {
        return Some(format!("caption/credit words, {} chars", s.chars));
    }
    if sig.any(Sig::CAPTION) && is_caption_list(ctx, ix) {
        return Some("caption/credit words on a list: a slideshow's legends".to_string());
    }
    None
}

/// Items a caption-named list needs to be a slideshow's legends.
const MIN_CAPTION_LIST_ITEMS: usize = 3;

/// `true` when `ix` is a list named as captions (`<ul class="legends">`, `<ol
/// class="captions">`) with several items: the per-slide titles and captions of a gallery.
/// Each caption is short, but fifty of them outweigh the story the gallery illustrates.
///
/// Page pattern: `<div class="gallery"><ul class="legends"><li><h2>1/50 Title</h2><p>Caption
/// of the first photo…</p></li>…</ul></div>`. A list without caption words, or a caption-named
/// element that is not a list, is left to the other rules.
fn is_caption_list(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    matches!(doc.tag(ix), Some(Tag::Ul | Tag::Ol))
        && doc.children(ix).filter(|c| doc.is(*c, Tag::Li)).count() >= MIN_CAPTION_LIST_ITEMS
}

/// `true` when `ix` is an inline element holding its heading's text: a section heading whose
/// words link back to the table of contents (`<h2><a class="toc-backref">Conclusion</a></h2>`)
/// is the heading, not a navigation region.
///
/// Page pattern: `<h2><a class="toc-backref" href="#toc">Conclusion</a></h2>`. A `<div
/// class="toc">` block, or a link beside other heading text, is not affected.
fn is_heading_text(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    if doc.tag(ix).is_none_or(|t| t.is_block()) {
        return false;
    }
    doc.ancestors(ix)
        .take(MAX_HEADING_TEXT_DEPTH)
        .find(|a| doc.tag(*a).is_some_and(|t| t.heading_level().is_some()))
        .is_some_and(|h| ctx.stats[ix].chars * 10 >= ctx.stats[h].chars * 9)
}

/// Inline levels between a heading and the element holding its text (`<h2><span><a>`).
const MAX_HEADING_TEXT_DEPTH: usize = 3;

/// `true` when `ix` is a row, cell or row group of a data table: there "header" and
/// "footer" name the table's header cells and totals row (`<td class="header_cell">`), not
/// the page's regions. Layout tables are not data tables and stay subject to region words.
///
/// Page pattern: `<table><tr><td class=header_cell>UX draft</td>…</tr><tr><td>…</td></tr>
/// </table>`.
fn is_data_table_part(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    if !matches!(
        doc.tag(ix),
        Some(Tag::Td | Tag::Th | Tag::Tr | Tag::Thead | Tag::Tbody | Tag::Tfoot)
    ) {
        return false;
    }
    doc.ancestors(ix)
        .find(|a| doc.is(*a, Tag::Table))
        .is_some_and(|t| crate::assemble::is_data_table(ctx, t))
}

/// `true` when `ix` sits inside a sentence: its parent has text of its own beside it. A
/// navigation region, sidebar or footer is never in the middle of a paragraph
/// (`<p>if <mjx-container class="CtxtMenu_Attached">x</mjx-container> then</p>`).
fn in_running_text(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let own = ctx.stats[ix].inline_chars;
    ctx.doc.parent(ix).is_some_and(|p| {
        ctx.doc.tag(p).is_some_and(|t| t.is_block())
            && ctx.stats[p].inline_chars > own + MIN_RUNNING_TEXT_CHARS
    })
}

/// `true` when `ix` is an inline element (a link, a span) inside a sentence of its block,
/// named with a strong word other than comments or screen-reader-only: a glossary or
/// annotation link (`<a class="popup">`) whose words are part of the sentence. Hidden
/// (`sr-only`) text is still removed: a reader does not see it.
///
/// Page pattern: `<p>filled with a conviction that <a class="popup" onclick=…>the easiest way
/// of life is the best</a>. Hence…</p>`. A `<div class="share">` block, or an inline share
/// link standing alone in its block, is not affected.
fn is_phrase_in_sentence(ctx: &Ctx<'_, '_>, ix: NodeIx, sig: Sig) -> bool {
    ctx.doc.tag(ix).is_some_and(|t| !t.is_block())
        && !sig.any(Sig::COMMENTS | Sig::HIDDEN)
        && in_running_text(ctx, ix)
}

/// `true` when `ix` is a link named only with meta or tag words (`<a class="keywords">`,
/// `<a class="meta-loc">`) inside a sentence of its block: a topic page linked from a word
/// of the text, which is the sentence's word. Byline and paywall words are not enough: a
/// byline's name link sits beside "By" and "and".
///
/// Page pattern: `<p>With advances in <a class="keywords" href=/t/neuro>neuroscience</a>,
/// it has become clear…</p>`. A tag link in a list of tags (`<li><a class="tag">`) has no
/// sentence around it and goes.
fn is_linked_term_in_sentence(ctx: &Ctx<'_, '_>, ix: NodeIx, sig: Sig) -> bool {
    ctx.doc.is(ix, Tag::A)
        && !sig.any(Sig::BYLINE | Sig::PAYWALL | Sig::HIDDEN | Sig::COMMENTS)
        && in_running_text(ctx, ix)
}

/// A dateline lead-in ("CAIRO —") has at most this many characters.
const MAX_DATELINE_CHARS: usize = 40;
/// The paragraph after a dateline lead-in has at least this many characters of its own.
const MIN_DATELINE_SENTENCE_CHARS: u32 = 50;

/// `true` when `ix` is an inline element opening its paragraph with a place and a dash (a
/// news dateline, named `dateline`, `byline` or `meta`) and the paragraph's sentence goes on
/// after it: the first words of the story, which news corpora keep with it.
///
/// Page pattern: `<p><span class="dateline">CAIRO —</span> Gunmen opened fire on visitors
/// at the museum on Wednesday, …</p>`. A dateline block of its own (`<div class=dateline>
/// March 5, 2015</div>`) or a label without a dash ("By Jane Doe") is judged as before.
fn is_dateline_lead_in(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    if doc.tag(ix).is_none_or(|t| t.is_block()) {
        return false;
    }
    let Some(p) = doc.parent(ix) else {
        return false;
    };
    let first_element = doc.children(p).find(|&c| doc.tag(c).is_some());
    let text = ctx.subtree_text(ix, MAX_DATELINE_CHARS + 1);
    let leading_text = doc
        .children(p)
        .take_while(|&c| c != ix)
        .filter_map(|c| doc.text(c))
        .any(|t| !t.trim().is_empty());
    doc.is(p, Tag::P)
        && first_element == Some(ix)
        && !leading_text
        && text.chars().count() <= MAX_DATELINE_CHARS
        && text.trim_end().ends_with(['—', '–', '-'])
        && ctx.stats[p].inline_chars >= ctx.stats[ix].inline_chars + MIN_DATELINE_SENTENCE_CHARS
}

/// Characters of text beside an element, in its parent, that make it part of a sentence.
const MIN_RUNNING_TEXT_CHARS: u32 = 10;

/// A header region holding a paragraph of real text (a standfirst) is kept, as in
/// `remove_semantic_boilerplate`.
fn has_lead(s: &crate::pipeline::Stats) -> bool {
    s.paras > 0 && s.chars.saturating_sub(s.heading_chars + s.link_chars) >= MIN_HEADER_LEAD_CHARS
}

/// Characters of non-heading, non-link text that make a header region a lead.
const MIN_HEADER_LEAD_CHARS: u32 = 100;

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text;

    const BODY: &str = "<div class=\"entry-content\"><p>The article body is here, long enough to \
        matter, with sentences that carry the story forward. It continues for a little while \
        longer, as real articles do, so that it dominates the page's text.</p></div>";

    #[test]
    fn removes_strong_boilerplate_anywhere() {
        let html = format!(
            "<body>{BODY}<div class=\"related-posts\"><a href=/a>Other story</a></div>\
             <section id=comments><p>Nice post!</p></section>\
             <div class=\"newsletter-signup\">Subscribe now</div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(!t.contains("Other story") && !t.contains("Nice post") && !t.contains("Subscribe"));
        assert!(t.contains("The article body"));
    }

    #[test]
    fn region_words_do_not_apply_mid_sentence() {
        let html = format!(
            "<body>{BODY}<p>The formula <span class=\"CtxtMenu_Attached\">x + y</span> holds for \
             every value, as the text explains.</p><div class=menu><a href=/a>Home</a></div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("x + y"), "{t}");
        assert!(!t.contains("Home"), "{t}");
    }

    #[test]
    fn keeps_a_tag_link_that_is_a_word_of_a_sentence() {
        let html = format!(
            "<body>{BODY}<p>With advances in <a class=keywords href=/t/n>neuroscience</a>, it \
             has become clear that the mind works unconsciously.</p></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("advances in neuroscience,"), "{t}");
    }

    #[test]
    fn removes_tag_links_and_bylines_outside_sentences() {
        let html = format!(
            "<body>{BODY}<ul><li><a class=keywords href=/t/n>neuroscience</a></li></ul>\
             <p>Reported by <a class=byline href=/a/j>Jane Doe</a> and the staff of the desk.</p>\
             </body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(
            !t.contains("neuroscience") && !t.contains("Jane Doe"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_dateline_that_opens_the_first_paragraph() {
        let html = format!(
            "<body>{BODY}<p> <span class=dateline>CAIRO —</span> Gunmen opened fire on \
             visitors at the museum on Wednesday, killing at least nineteen people.</p></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("CAIRO — Gunmen"), "{t}");
    }

    #[test]
    fn removes_a_dateline_block_and_a_byline_label() {
        let html = format!(
            "<body>{BODY}<div class=dateline>CAIRO —</div><p><span class=byline>By Jane Doe\
             </span> Gunmen opened fire on visitors at the museum on Wednesday, killing many.</p>\
             </body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(!t.contains("CAIRO") && !t.contains("Jane Doe"), "{t}");
    }

    #[test]
    fn keeps_a_prose_body_with_a_strong_word() {
        let p = "<p>A paragraph of the article body, with enough words and commas to count as prose, \
                 as every paragraph of a real story does.</p>";
        let html = format!(
            "<body><div class=\"entry share\">{p}{p}{p}{p}{p}{p}{p}</div>\
             <aside><p>A sidebar with text of its own that is longer than the article, which \
             happens on pages with big sidebars.</p>{p}{p}{p}{p}{p}{p}{p}{p}</aside></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("A paragraph of the article body"), "{t}");
        let share_bar = format!(
            "<body><div class=share><a href=/fb>Facebook</a> <a href=/x>X</a></div>\
             <div>{p}{p}{p}</div></body>"
        );
        let t = surviving_text(&share_bar, |c| super::run(c, super::Words::All));
        assert!(!t.contains("Facebook"));
    }

    #[test]
    fn keeps_content_wrappers_with_misleading_words() {
        let html =
            format!("<body><div class=\"page has-sidebar with-comments\">{BODY}</div></body>");
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("The article body"));
    }

    #[test]
    fn teaser_words_need_links() {
        let html = format!(
            "<body><div class=card><div class=card-body>{BODY}</div></div>\
             <div class=card><a href=/x>Another headline entirely</a></div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("The article body") && !t.contains("Another headline"));
    }

    #[test]
    fn keeps_an_article_header_named_header() {
        let html = format!(
            "<body><div class=site-header><a href=/>Site</a> <a href=/a>News</a></div>\
             <div class=article-header><h1>Drilling until it gets hot</h1><div class=summary>\
             Banks finance ventures that harm the climate.</div></div>{BODY}</body>"
        );
        let t = surviving_text(&html, |c| {
            let doc = c.doc;
            let h1 = doc.find(crate::dom::Tag::H1).unwrap();
            c.remove(
                h1,
                crate::pipeline::PassId::RemoveMetadataElements,
                String::new,
            );
            super::run(c, super::Words::All);
        });
        assert!(t.contains("Banks finance") && !t.contains("Site"), "{t}");
    }

    #[test]
    fn meta_words_only_remove_small_elements() {
        let html = format!(
            "<body><div class=post-meta>By Jane Doe</div><div class=meta>{BODY}</div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(!t.contains("Jane Doe") && t.contains("The article body"));
    }

    /// A forum post or reply with enough prose to count.
    fn post(n: u32) -> String {
        format!(
            "<div class=comment><span>user{n}</span><p>Post number {n}: I tried the setting \
             you describe, restarted the phone twice, and it still refuses to connect over \
             mobile data, which is odd.</p></div>"
        )
    }

    #[test]
    fn keeps_the_posts_of_a_thread_page() {
        let posts: String = (1..6).map(post).collect();
        let html = format!("<body><h1>No app store over mobile data?</h1>{posts}</body>");
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(
            t.contains("Post number 1") && t.contains("Post number 5"),
            "{t}"
        );
    }

    #[test]
    fn removes_the_comments_under_an_article() {
        let posts: String = (1..6).map(post).collect();
        let html = format!("<body>{BODY}{BODY}<section id=comments>{posts}</section></body>");
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(!t.contains("Post number"), "{t}");
    }
    #[test]
    fn removes_a_caption_named_list_of_legends() {
        let item = "<li><h2>2/5 Photo</h2><p>What the photo shows, in a caption.</p></li>";
        let html = format!(
            "<body>{BODY}<ul class=legends>{}</ul></body>",
            item.repeat(5)
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(
            t.contains("The article body") && !t.contains("What the photo"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_long_list_without_caption_words_and_a_long_caption_that_is_no_list() {
        let item = "<li><p>A step of the recipe, described at some length so that the list                     holds plenty of text.</p></li>";
        let long = "A caption so long that it is more than a caption. ".repeat(8);
        let html = format!(
            "<body>{BODY}<ul class=steps>{}</ul><div class=legend>{long}</div></body>",
            item.repeat(5)
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(
            t.contains("A step of the recipe") && t.contains("more than a caption"),
            "{t}"
        );
    }
    #[test]
    fn keeps_a_strong_word_link_inside_a_sentence() {
        let html = format!(
            "<body>{BODY}<p>He was filled with the conviction that <a class=popup href=#>the \
             easiest way of life is the best</a>, and so he lived.</p></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("the easiest way of life"), "{t}");
    }

    #[test]
    fn removes_hidden_text_and_lone_share_links_even_inline() {
        let html = format!(
            "<body>{BODY}<p>The photo <span class=sr-only>(opens a larger version)</span> shows \
             the river at dawn.</p><p><a class=share href=/s>Share this story</a></p></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(
            t.contains("shows the river") && !t.contains("opens a larger"),
            "{t}"
        );
        assert!(!t.contains("Share this story"), "{t}");
    }
    #[test]
    fn header_words_on_data_table_cells_name_the_tables_header() {
        let html = format!(
            "<body>{BODY}<table><caption>Stages</caption><tr><td class=header_cell>UX draft</td><td class=header_cell>\
             UI review</td></tr><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr>\
             </table><div class=header><a href=/>Home</a></div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("UX draft") && t.contains("UI review"), "{t}");
        assert!(!t.contains("Home"), "{t}");
    }

    #[test]
    fn header_words_on_layout_table_cells_still_apply() {
        let html = format!(
            "<body><table><tr><td class=header><a href=/>Home</a> <a href=/n>News</a></td></tr>\
             <tr><td>{BODY}<div>A second block of text that makes the cell long, so that this \
             table is a page layout rather than a table of data, as old sites do.</div></td>\
             </tr></table></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(!t.contains("Home"), "{t}");
    }
    #[test]
    fn a_heading_whose_text_is_a_toc_link_keeps_it() {
        let html = format!(
            "<body>{BODY}<h2><a class=toc-backref href=#toc>Conclusion</a></h2>{BODY}\
             <div class=toc><a href=#a>Intro</a> <a href=#b>Conclusion</a></div></body>"
        );
        let t = surviving_text(&html, |c| super::run(c, super::Words::All));
        assert!(t.contains("Conclusion"), "{t}");
        assert!(!t.contains("Intro"), "{t}");
    }
}
