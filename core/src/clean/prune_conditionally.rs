//! `prune_conditionally`: containers inside the selected article that look like furniture.
//!
//! ## What it does
//! Visits `div`, `section`, `ul`, `ol`, `dl`, `table`, `form`, `fieldset`, `figure` and
//! `aside` inside the selection, innermost first, and removes one when its numbers say it is
//! not prose: negative class words; more list items than paragraphs outside a list; more
//! images than text; form controls; a link-dense block; a lone embed; almost no text. A block
//! with ten or more commas is prose and stays. Removals update the ancestors' numbers at once,
//! so a container judged later sees itself already cleaned.
//!
//! ## Example
//! `<div><a href=/1>One</a> <a href=/2>Two</a></div>` inside the article → removed
//! (link density 1.0).
//!
//! ## Origin
//! Readability `_cleanConditionally`, with trafilatura's link-density thresholds for
//! favour precision / recall.
//!
//! ## Cost
//! O(n · depth) for the ancestor updates; depth is capped by the parser.

use crate::dom::{NodeIx, Tag};
use crate::patterns::Sig;
use crate::pipeline::{Ctx, PassId};
use crate::score::paragraphs::Scores;

/// A block with at least this many commas is prose and never pruned here.
const MIN_PROSE_COMMAS: u32 = 10;
/// A container with this much prose (in two or more paragraphs) is not pruned for its class
/// words alone: markup that never closes an `ad-container` puts the article's next paragraphs
/// inside it.
const MIN_PROSE_CHARS_AGAINST_WEIGHT: u32 = 300;
/// Blocks shorter than this (characters) with no or many images are dropped.
const MIN_BLOCK_CHARS: u32 = 25;
/// A data table whose links stay under this share of its text keeps them: a table of
/// companies, products or papers links each name to its page.
const MAX_DATA_TABLE_LINK_DENSITY: f32 = 0.6;

/// Runs the pass over the subtrees of `roots`.
pub(crate) fn run(ctx: &mut Ctx<'_, '_>, roots: &[NodeIx], scores: &Scores) {
    let t = ctx.tuning();
    let (max_ld_plain, max_ld_content) = (t.max_link_density, t.max_link_density_content);
    for &root in roots {
        let doc = ctx.doc;
        let cells = data_table_cells(ctx, root);
        // Innermost first: reverse document order visits descendants before ancestors.
        for ix in doc.subtree(root).rev() {
            if ix == root || ctx.removed[ix].is_some() {
                continue;
            }
            if let Some(reason) = judge(ctx, ix, scores.score[ix], max_ld_plain, max_ld_content)
                && !ctx.is_removed(ix)
                && !(reason.ends_with(SHORT_BLOCK) && in_cell(doc, ix, &cells))
            {
                ctx.remove(ix, PassId::PruneConditionally, || reason);
                ctx.subtract_from_ancestors(ix);
            }
        }
    }
}

/// `true` when a list's links stay under the content limit: its items are links with words
/// of their own around them (a changelog's "Bug 123 – what was fixed", a release note's
/// "<a>Name</a> fixed an issue with …"), the article's, however short the list. A list that is
/// almost all link text (a menu, "more stories") is above the limit and still pruned.
///
/// Page pattern: `<ul><li><a href=/u/1>Ann</a> fixed a crash when saving</li>
/// <li><a href=/b/2>Bug 2</a> – the settings page loads faster</li></ul>`.
fn is_annotated_link_list(is_list: bool, ld: f32, max_ld_content: f32) -> bool {
    is_list && ld < max_ld_content
}

/// Unlinked characters every item of a [`is_list_of_annotated_items`] list needs: a name or
/// a few words of its own ("Ann Lee", "- 3,806 views").
const MIN_ITEM_OWN_CHARS: u32 = 8;
/// Above this link density even a list of annotated items is a menu.
const MAX_ANNOTATED_ITEMS_LINK_DENSITY: f32 = 0.8;

/// `true` when `ix` is a `<ul>`/`<ol>` whose every item (one or more) has words of its own
/// besides its links: a contributors' list ("🌟 Ann <a>fixed the crash on save</a>"), a
/// list of resources with a note each ("<a>Venue guide</a> - compare features and
/// pricing"), gear named with its model in a link. Its link density can pass the content
/// limit of [`is_annotated_link_list`] when the links are long, but a menu or "more
/// stories" list has items that are links only, so one bare item is enough to prune it.
///
/// Page pattern: `<ul><li>Ann <a href=/b/1>fixed an issue with revoked permissions</a></li>
/// <li>gero <a href=/b/2>removed the attribute</a> from dialogs</li></ul>`, or a one-item
/// list under a heading: `<ul><li>Neil has patches up to <a>improve the tab unloader</a>,
/// and <a>show UI when subframes crash</a></li></ul>`.
fn is_list_of_annotated_items(ctx: &Ctx<'_, '_>, ix: NodeIx, ld: f32) -> bool {
    let doc = ctx.doc;
    if !matches!(doc.tag(ix), Some(Tag::Ul | Tag::Ol)) || ld >= MAX_ANNOTATED_ITEMS_LINK_DENSITY {
        return false;
    }
    let mut items = doc
        .children(ix)
        .filter(|&c| doc.is(c, Tag::Li) && ctx.removed[c].is_none())
        .peekable();
    items.peek().is_some()
        && items.all(|li| {
            let s = ctx.stats[li];
            s.chars.saturating_sub(s.link_chars) >= MIN_ITEM_OWN_CHARS
        })
}

/// `true` when `ix` is a list nested in a list item whose own words, before it, end with a
/// colon and hold no link: "In progress:" over a list of the bugs being worked on, "Fixed
/// in this release:" over the fixes. The item introduces the links as its own content; a
/// menu's nested list hangs under a link ("<a>Products</a><ul>…</ul>").
///
/// Page pattern: `<ul><li>We start a new round next month.</li><li>In progress:<ul>
/// <li><a href=/b/1>Bug 1 – Window size is wrong</a></li><li><a href=/b/2>Bug 2 – …</a></li>
/// </ul></li></ul>`.
fn is_introduced_sublist(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    if !matches!(doc.tag(ix), Some(Tag::Ul | Tag::Ol)) {
        return false;
    }
    let Some(li) = doc.parent(ix).filter(|&p| doc.is(p, Tag::Li)) else {
        return false;
    };
    let mut own = String::new();
    let mut i = NodeIx(li.0 + 1);
    while i < ix {
        if doc.is(i, Tag::A) || ctx.removed[i].is_some() {
            return false;
        }
        if let Some(t) = doc.text(i) {
            own.push_str(t);
        }
        i = NodeIx(i.0 + 1);
    }
    let own = own.trim();
    own.chars().count() >= 3 && own.ends_with(':')
}

/// `true` when `ix` is a list below [`MAX_ANNOTATED_ITEMS_LINK_DENSITY`] with an item that
/// introduces a sublist ([`is_introduced_sublist`]): the kept sublist's links count in the
/// outer list's link density, and pruning the outer list would drop the sublist with it.
///
/// Page pattern: `<ul><li>Gels and electrolytes such as:<ul><li><a href=/p/1>Brand A</a>
/// </li><li><a href=/p/2>Brand B</a> or liquid mix</li></ul></li></ul>`.
fn introduces_a_sublist(ctx: &Ctx<'_, '_>, ix: NodeIx, ld: f32) -> bool {
    let doc = ctx.doc;
    matches!(doc.tag(ix), Some(Tag::Ul | Tag::Ol))
        && ld < MAX_ANNOTATED_ITEMS_LINK_DENSITY
        && doc
            .children(ix)
            .filter(|&li| doc.is(li, Tag::Li) && ctx.removed[li].is_none())
            .flat_map(|li| doc.children(li))
            .any(|c| ctx.removed[c].is_none() && is_introduced_sublist(ctx, c))
}

/// The end of the reason of the short-block rule.
const SHORT_BLOCK: &str = "chars only";

/// The cells (`td`, `th`) of the data tables under `root`, in document order, as computed
/// before any pruning.
fn data_table_cells(ctx: &Ctx<'_, '_>, root: NodeIx) -> Vec<(NodeIx, NodeIx)> {
    let doc = ctx.doc;
    let mut cells = Vec::new();
    for t in doc.subtree(root) {
        if doc.is(t, Tag::Table) && crate::assemble::is_data_table(ctx, t) {
            cells.extend(
                doc.subtree(t)
                    .filter(|c| matches!(doc.tag(*c), Some(Tag::Td | Tag::Th)))
                    .map(|c| (c, doc.end(c))),
            );
        }
    }
    cells
}

/// `true` when `ix` sits in a cell of a data table: a short block there (`<td><div>71.1
/// MB</div></td>`, a product name wrapped in a `<div>` by a word processor's export) is a
/// value of the table, not a stray fragment. Readability leaves data tables' insides alone.
///
/// Page pattern: `<table><tr><th>App</th><th>Size</th></tr><tr><td><div><a>Gmail</a></div>
/// </td><td><div>32.7 MB</div></td></tr>…</table>`. A short `<div>` outside a table, or in a
/// layout table, is judged as before.
fn in_cell(doc: &crate::dom::Doc<'_>, ix: NodeIx, cells: &[(NodeIx, NodeIx)]) -> bool {
    // Cells of one table do not nest (a nested table makes it a layout table), so the cell
    // starting last at or before `ix` is the only one that can hold it.
    let i = cells.partition_point(|(c, _)| *c <= ix);
    i.checked_sub(1)
        .and_then(|j| cells.get(j))
        .is_some_and(|&(cell, end)| ix < end && doc.contains(cell, ix))
}

/// Readability's class weight, from our signature: ±25. Only words that name a region as
/// boilerplate count against it; meta, tag, byline, paywall and teaser words are judged by
/// size elsewhere, since they also decorate real content wrappers (`date-posts`,
/// `non-paywall`, `card`).
pub(crate) fn class_weight(sig: Sig) -> f32 {
    let mut w = 0.0;
    if sig.any(Sig::CONTENT | Sig::CONTENT_STRONG) {
        w += 25.0;
    }
    if sig.any(
        Sig::STRONG_BOILERPLATE
            | Sig::NAV
            | Sig::SIDEBAR
            | Sig::FOOTER
            | Sig::HEADER
            | Sig::CAPTION,
    ) {
        w -= 25.0;
    }
    w
}

fn judge(
    ctx: &Ctx<'_, '_>,
    ix: NodeIx,
    content_score: f32,
    max_ld_plain: f32,
    max_ld_content: f32,
) -> Option<String> {
    let doc = ctx.doc;
    let tag = doc.tag(ix)?;
    if !matches!(
        tag,
        Tag::Div
            | Tag::Section
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Table
            | Tag::Form
            | Tag::Fieldset
            | Tag::Figure
            | Tag::Aside
            | Tag::Center
    ) {
        return None;
    }
    let s = ctx.stats[ix];
    if s.chars == 0 && s.imgs == 0 {
        return Some("empty".to_string());
    }
    let weight = class_weight(ctx.sig[ix]);
    let prose = s.prose_chars >= MIN_PROSE_CHARS_AGAINST_WEIGHT
        && s.paras >= 2
        && ctx.link_density(ix) < 0.2;
    if weight + content_score.max(0.0) < 0.0 && !prose {
        return Some(format!(
            "class weight {weight}, content score {content_score:.1}"
        ));
    }
    if s.commas >= MIN_PROSE_COMMAS {
        return None;
    }
    let in_figure = tag == Tag::Figure || doc.ancestors(ix).any(|a| doc.is(a, Tag::Figure));
    let is_list = matches!(tag, Tag::Ul | Tag::Ol)
        || (s.chars > 0 && s.li_chars as f32 / s.chars as f32 > 0.9);
    let ld = ctx.link_density(ix);
    let heading_density = if s.chars == 0 {
        0.0
    } else {
        s.heading_chars as f32 / s.chars as f32
    };
    let paras = s.paras;
    if tag == Tag::Figure {
        // Figures are judged by the assembler (captions, images option); keep them here.
        return None;
    }
    // A picture block whose few words include a real sentence (an infographic and the line
    // that explains it) is the article's, not a gallery strip.
    if s.imgs > 1
        && (paras as f32) / (s.imgs as f32) < 0.5
        && !in_figure
        && s.chars < 200
        && !has_text_block(ctx, ix)
    {
        return Some(format!("{} images, {} paragraphs", s.imgs, paras));
    }
    if !is_list && s.lis > paras + 1 && ld > 0.3 {
        return Some(format!("{} list items, {} paragraphs", s.lis, paras));
    }
    if s.inputs > paras / 3 {
        return Some(format!("{} form controls", s.inputs));
    }
    if !is_list
        && heading_density < 0.9
        && s.chars < MIN_BLOCK_CHARS
        && (s.imgs == 0 || s.imgs > 2)
        && !in_figure
        && !has_text_block(ctx, ix)
        && !holds_preformatted(ctx, ix)
    {
        return Some(format!("{} {SHORT_BLOCK}", s.chars));
    }
    let linked_furniture = weight < 25.0
        && ld > max_ld_plain
        && !is_annotated_link_list(is_list, ld, max_ld_content)
        && !is_list_of_annotated_items(ctx, ix, ld)
        && !is_introduced_sublist(ctx, ix)
        && !introduces_a_sublist(ctx, ix, ld);
    let linked_despite_words = weight >= 25.0 && ld > max_ld_content;
    let embeds = (s.embeds == 1 && s.chars < 75) || s.embeds > 1;
    // Checked only when a rule below would fire: a data table in the article keeps its links.
    if !(linked_furniture || linked_despite_words || embeds)
        || (ld < MAX_DATA_TABLE_LINK_DENSITY && holds_data_table(ctx, ix))
    {
        return None;
    }
    Some(if linked_furniture {
        format!("link density {ld:.2}")
    } else if linked_despite_words {
        format!("link density {ld:.2} despite content words")
    } else {
        format!("{} embeds", s.embeds)
    })
}

/// `true` when `ix` is a data table (the assembler's test: header cells or a caption, or
/// enough rows and columns; no nested table, no long cells, not `role="presentation"`), or a
/// wrapper (up to three levels of single largest
/// children) whose text is at least 80 % that of a data table: responsive-table `<div>`s.
fn holds_data_table(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    let total = ctx.stats[ix].chars;
    let mut cur = ix;
    for _ in 0..4 {
        match doc.tag(cur) {
            Some(Tag::Table) => {
                return ctx.stats[cur].chars as f32 >= 0.8 * total as f32
                    && crate::assemble::is_data_table(ctx, cur);
            }
            Some(Tag::Div | Tag::Section | Tag::Figure) => {}
            _ => return false,
        }
        let Some(next) = doc
            .children(cur)
            .filter(|&c| doc.element(c).is_some() && ctx.removed[c].is_none())
            .max_by_key(|&c| ctx.stats[c].chars)
        else {
            return false;
        };
        cur = next;
    }
    false
}

/// `true` when `ix` holds a short but real sentence (e.g. a one-line paragraph of the
/// article, a line of dialogue in a story written in `<div>`s: "He stood.", "“Gotcha.”",
/// "But all the rest of it…", "[Alden: Et tu, Lexi?]"): such blocks are left to the text
/// filters. The sentence ends in `.`, `!`, `?` or `…`, possibly inside closing quotes or
/// brackets; a label ("Image", "EXCLUSIVE", "102", "[Edit]") or a name ending in an initial
/// ("Alicia R.") does not.
fn has_text_block(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let s = &ctx.stats[ix];
    s.chars >= MIN_SENTENCE_CHARS && s.link_chars == 0 && {
        let text = ctx.subtree_text(ix, 200);
        let body = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '»']);
        let initial = body.strip_suffix('.').is_some_and(|b| {
            b.rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(|w| w.chars().count() == 1)
        });
        (body.ends_with(['.', '!', '?', '。', '…']) && !initial)
            || (body.len() < text.len() && text.ends_with(['"', '”']))
    }
}

/// `true` when most of `ix`'s text is in a `<pre>`: a short code sample or data series
/// (`2, 3, 5, 12`, `$ make`) that a syntax highlighter wrapped in a `<div>`, the article's
/// however few its characters. Readability keeps these too.
///
/// Page pattern: `<p>Which number stands out?</p><div class=highlight><pre>2, 3, 12, 4</pre>
/// </div>`. A short `<div>` of plain text ("Advert", "Image") is judged as before.
fn holds_preformatted(ctx: &Ctx<'_, '_>, ix: NodeIx) -> bool {
    let doc = ctx.doc;
    let total = ctx.stats[ix].chars;
    total > 0
        && ctx.stats[ix].link_chars == 0
        && doc.subtree(ix).any(|d| {
            doc.is(d, Tag::Pre)
                && ctx.removed[d].is_none()
                && ctx.stats[d].chars as f32 >= 0.8 * total as f32
        })
}

/// The shortest sentence [`has_text_block`] keeps: "He stood." (a word and a stop is a
/// label's length, "Photo." being rare).
const MIN_SENTENCE_CHARS: u32 = 8;

#[cfg(test)]
mod tests {
    use crate::clean::test_util::surviving_text_in_body;

    const PROSE: &str = "<p>The article body is here, long enough to matter, with sentences \
        that carry the story forward. It continues for a while longer, as articles do.</p>";

    #[test]
    fn keeps_a_data_table_whose_names_are_links() {
        let html = format!(
            "<body><div>{PROSE}<table><tr><th>Name</th><th>Market cap</th></tr>\
             <tr><td><a href=/a>Alpha Corp</a></td><td>$243 billion</td></tr>\
             <tr><td><a href=/b>Beta Inc</a></td><td>$149 billion</td></tr>\
             <tr><td><a href=/c>Gamma Ltd</a></td><td>$161 billion</td></tr></table></div>\
             <div class=table-wrap><div><table><caption>Prices</caption>\
             <tr><td><a href=/d>Delta</a></td><td>$1</td></tr><tr><td><a href=/e>Epsilon</a></td>\
             <td>$2</td></tr><tr><td><a href=/f>Zeta</a></td><td>$3</td></tr></table></div></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("Beta Inc") && t.contains("$161 billion"), "{t}");
        assert!(t.contains("Epsilon") && t.contains("$3"), "{t}");
    }

    #[test]
    fn still_prunes_a_link_table_without_headers() {
        let html = format!(
            "<body><div>{PROSE}<table>\
             <tr><td><a href=/a>Alpha Corp news</a></td><td><a href=/a2>More</a></td></tr>\
             <tr><td><a href=/b>Beta Inc news</a></td><td><a href=/b2>More</a></td></tr>\
             <tr><td><a href=/c>Gamma Ltd news</a></td><td><a href=/c2>More</a></td></tr></table></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(!t.contains("Beta Inc") && t.contains("article body"), "{t}");
    }

    #[test]
    fn removes_link_lists_and_forms() {
        let html = format!(
            "<body>{PROSE}<div><a href=/1>Read this</a> <a href=/2>And that other thing</a></div>\
             <div><input type=email><label>Email</label></div>{PROSE}</body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(!t.contains("Read this") && !t.contains("Email"), "{t}");
        assert!(t.contains("The article body"));
    }

    #[test]
    fn keeps_prose_inside_a_misnamed_container() {
        let html = format!(
            "<body>{PROSE}<div class=ad-container><p>Volunteers can help sort donations, drive \
             deliveries and work in the warehouse, as the charity explains on its website, where \
             the shifts of every week are listed.</p><p>Another group welcomes families with \
             children for one-day service projects in parks, along rivers and on the trails \
             that the county keeps open all year, with tools and lunch provided by \
             the organisers.</p></div>\
             <div class=ad-container><a href=/buy>Buy now</a></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("Volunteers can help") && !t.contains("Buy now"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_list_of_prose() {
        let html = format!(
            "<body>{PROSE}<ul><li>First point of the list, a full sentence with words.</li>\
             <li>Second point, also a sentence, with a <a href=/x>link</a> in it.</li></ul></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("First point") && t.contains("Second point"),
            "{t}"
        );
    }

    #[test]
    fn image_strips_go_unless_a_sentence_explains_them() {
        let imgs = "<img src=a.png><img src=b.png><img src=c.png><img src=d.png>";
        let html = format!(
            "<body>{PROSE}<section><div>{imgs}</div><p>Because there are so many small \
             parties, we kept the largest.</p></section>\
             <div>{imgs}<p>Front-row access to the future of design</p></div>{PROSE}</body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("Because there are so many"), "{t}");
        assert!(!t.contains("Front-row access"), "{t}");
    }

    #[test]
    fn keeps_prose_with_many_commas_even_if_linked() {
        let html = "<body><div><a href=/a>One, two, three, four, five, six, seven, eight, \
                    nine, ten, eleven, and so on</a></div></body>";
        let t = surviving_text_in_body(html, super::run);
        assert!(t.contains("One, two"));
    }
    #[test]
    fn keeps_short_blocks_in_the_cells_of_a_data_table() {
        let html = format!(
            "<body><div>{PROSE}<table><tr><th>App</th><th>Size</th></tr>\
             <tr><td><div>Gmail</div></td><td><div>32.7 MB</div></td></tr>\
             <tr><td><div>Maps</div></td><td><div>18.1 MB</div></td></tr>\
             <tr><td><div>Photos</div></td><td><div>9.4 MB</div></td></tr></table></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("Gmail") && t.contains("9.4 MB"), "{t}");
    }

    #[test]
    fn still_prunes_short_blocks_outside_data_tables() {
        let html = format!(
            "<body><div>{PROSE}<div>Advert</div><table role=presentation><tr><td>\
             <div>Menu</div></td><td>{PROSE}</td></tr></table></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(!t.contains("Advert") && !t.contains("Menu"), "{t}");
    }
    #[test]
    fn keeps_a_short_list_of_annotated_links() {
        let html = format!(
            "<body><div>{PROSE}<ul><li><a href=/u/1>Ann Lee</a> fixed the bug here</li>\
             <li><a href=/u/2>Bo Kim</a> removed the attribute</li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("fixed the bug here") && t.contains("Bo Kim"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_list_whose_items_have_long_links_and_words_of_their_own() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<ul><li>Ann Lee-Smith <a href=/b/1>fixed an issue with revoked permissions \
             for extensions</a></li><li>gero <a href=/b/2>removed the windowtype attribute</a> \
             from dialogs</li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("revoked permissions") && t.contains("gero"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_one_item_list_of_a_sentence_with_links() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<h4>Fission</h4><ul><li>Neil has patches up to \
             <a href=/b/1>improve the behaviour of the tab unloader</a>, and \
             <a href=/b/2>show UI when subframes crash</a></li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("Neil has patches"), "{t}");
    }

    #[test]
    fn prunes_a_list_with_one_bare_link_among_annotated_ones() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<ul><li>Ann Lee-Smith <a href=/b/1>fixed an issue with revoked permissions \
             for extensions</a></li><li><a href=/b/2>removed the windowtype attribute</a></li>\
             </ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            !t.contains("revoked permissions") && t.contains("article body"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_link_list_introduced_by_its_item() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<ul><li>We start another round next month, \
             with two mentors.</li><li>In progress:<ul>\
             <li><a href=/b/1>Bug 1 – Window size is wrong</a></li>\
             <li><a href=/b/2>Bug 2 – Add a counter</a></li></ul></li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("Window size is wrong"), "{t}");
    }

    #[test]
    fn keeps_a_one_item_list_whose_item_introduces_a_link_list() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<ul><li>Gels such as:<ul>\
             <li><a href=/p/1>Brand Alpha gels</a></li>\
             <li><a href=/p/2>Brand Beta chews</a> or mix</li></ul></li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("Gels such as") && t.contains("Beta chews"),
            "{t}"
        );
    }

    #[test]
    fn prunes_a_menu_list_nested_under_a_link() {
        let html = format!(
            "<body><div>{PROSE}{PROSE}{PROSE}<ul><li><a href=/p>Products:</a><ul>\
             <li><a href=/p/1>Window cleaners</a></li>\
             <li><a href=/p/2>Floor polish</a></li></ul></li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            !t.contains("Window cleaners") && t.contains("article body"),
            "{t}"
        );
    }

    #[test]
    fn prunes_a_short_list_of_bare_links() {
        let html = format!(
            "<body><div>{PROSE}<ul><li><a href=/a>Home</a></li><li><a href=/b>World news</a>\
             </li><li><a href=/c>Sport</a> now</li></ul></div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(!t.contains("World news"), "{t}");
    }
    #[test]
    fn keeps_short_lines_of_dialogue_in_divs() {
        let html = format!(
            "<body><div>{PROSE}<div>He stood.</div><div>“Gotcha.”</div>\
             <div>But all the rest of it…</div>{PROSE}</div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            t.contains("He stood.") && t.contains("Gotcha") && t.contains("rest of it"),
            "{t}"
        );
    }

    #[test]
    fn keeps_a_short_preformatted_sample() {
        let html = format!(
            "<body><div>{PROSE}<div class=highlight><pre>2, 3, 12, 4\n</pre></div>\
             {PROSE}</div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(t.contains("2, 3, 12, 4"), "{t}");
    }

    #[test]
    fn still_prunes_a_short_block_around_a_small_pre() {
        let html = format!(
            "<body><div>{PROSE}<div>Sponsored by <b>someone</b> <pre>x</pre></div>\
             {PROSE}</div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(!t.contains("Sponsored"), "{t}");
    }

    #[test]
    fn still_prunes_short_labels_and_names() {
        let html = format!(
            "<body><div>{PROSE}<div>Image</div><div>Alicia R.</div><div>EXCLUSIVE</div>\
             {PROSE}</div></body>"
        );
        let t = surviving_text_in_body(&html, super::run);
        assert!(
            !t.contains("Image") && !t.contains("Alicia") && !t.contains("EXCLUSIVE"),
            "{t}"
        );
    }
}
