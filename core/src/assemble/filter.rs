//! `filter_blocks`: last checks on the assembled blocks.
//!
//! ## What it does
//! - drops a heading or paragraph that repeats the article title (it is metadata);
//! - drops blocks repeated as runs (a page rendered twice, a newsletter form repeated);
//! - drops headings left dangling at the end (a "Related" heading whose list was removed).
//!
//! ## Origin
//! trafilatura's duplicate-text filter (`LRU_TEST`) and Readability's headline removal.
//!
//! ## Cost
//! O(blocks · log) with a hash set.

use crate::article::Block;
use crate::assemble::Assembled;
use crate::dom::Tag;
use crate::dom::text::fold;
use crate::patterns::FastMap;
use crate::pipeline::{Ctx, PassId};

/// Short blocks (folded bytes) are compared folded. A block is dropped only when it repeats
/// as part of a run (its neighbours repeat the first copy's neighbours too): a page rendered
/// twice for two screen sizes, a newsletter form repeated ("Email *", "* indicates
/// required"), not an author saying a paragraph twice. A run of short blocks must mix
/// different texts: a label repeated in every section of a menu or a recipe plan ("Eat every
/// 2–3 hours", "Portion: 1 cup") or a list of identical "link" lines is the article's. A
/// short *list* still goes wherever it repeats: a widget's "1 2 3 4 5" rating or pager.
const MAX_DEDUP_KEY_BYTES: usize = 100;
/// Texts up to this many bytes are folded for comparison.
const MAX_FOLDED_KEY_SOURCE_BYTES: usize = 300;
/// Long blocks repeated in runs of at least this many are dropped.
const MIN_DUPLICATE_RUN: usize = 3;

/// Runs the filters.
pub(crate) fn run(
    ctx: &mut Ctx<'_, '_>,
    assembled: Assembled,
    title_keys: &[String],
) -> Vec<Block> {
    let Assembled {
        mut blocks,
        link_shares,
    } = assembled;
    let blocks = &mut blocks;
    // Short texts are compared folded (case and punctuation aside); long ones as written,
    // which is enough to spot a page rendered twice and saves folding every paragraph.
    let key_of = |text: &str| -> String {
        if text.len() <= MAX_FOLDED_KEY_SOURCE_BYTES {
            fold(text)
        } else {
            text.to_string()
        }
    };
    let keys: Vec<String> = blocks
        .iter()
        .map(|b| match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text } => {
                key_of(text)
            }
            Block::List { items, .. } => items.iter().map(|i| key_of(&i.text)).collect(),
            _ => String::new(),
        })
        .collect();
    let mut first: FastMap<&str, usize> = FastMap::default();
    let mut drop = vec![false; blocks.len()];
    for (i, key) in keys.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let Some(&j) = first.get(key.as_str()) else {
            first.insert(key, i);
            continue;
        };
        // Whether i sits in a run of at least MIN_DUPLICATE_RUN blocks repeating the first
        // copy's blocks in order (scanning at most that far each way: O(1) per block).
        let short = key.len() <= MAX_DEDUP_KEY_BYTES;
        let eq = |a: usize, b: usize| {
            keys.get(a)
                .zip(keys.get(b))
                .is_some_and(|(x, y)| !x.is_empty() && x == y)
        };
        let mut back = 0;
        while back + 1 < MIN_DUPLICATE_RUN
            && back < j
            && i - back - 1 > j
            && eq(i - back - 1, j - back - 1)
        {
            back += 1;
        }
        let mut fwd = 0;
        while back + fwd + 1 < MIN_DUPLICATE_RUN && j + fwd + 1 < i && eq(i + fwd + 1, j + fwd + 1)
        {
            fwd += 1;
        }
        let run = (i - back..=i + fwd).filter_map(|k| keys.get(k));
        let varied = run.clone().any(|k| k != key);
        let in_run = back + 1 + fwd >= MIN_DUPLICATE_RUN && (!short || varied);
        let repeated_widget = short && matches!(blocks.get(i), Some(Block::List { .. }));
        if (in_run || repeated_widget)
            && let Some(d) = drop.get_mut(i)
        {
            *d = true;
        }
    }
    let mut out = Vec::with_capacity(blocks.len());
    let mut shares = Vec::with_capacity(blocks.len());
    for (n, b) in std::mem::take(blocks).into_iter().enumerate() {
        let key = keys.get(n).map_or("", String::as_str);
        if n < 8
            && !key.is_empty()
            && !matches!(b, Block::List { .. })
            && title_keys.iter().any(|t| {
                key == t || (matches!(b, Block::Heading { .. }) && is_title_variant(key, t))
            })
        {
            trace(ctx, &b, "repeats the title");
            continue;
        }
        if drop.get(n).copied().unwrap_or(false) {
            trace(ctx, &b, "duplicate block");
            continue;
        }
        out.push(b);
        shares.push(link_shares.get(n).copied().unwrap_or(0.0));
    }
    trim_tail(ctx, &mut out, &mut shares);
    trim_leading_call_to_action(ctx, &mut out);
    trim_edge_dates(ctx, &mut out);
    trim_edge_bylines(ctx, &mut out);
    if ctx.tuning().trim_edges {
        trim_edges(ctx, &mut out);
    }
    drop_dangling_tail(ctx, &mut out, None);
    out
}

/// Trims the article's tail furniture: link-made blocks, a "more on this" section, calls to
/// action, then dangling headings or labels and the link-made blocks they hid.
///
/// Page pattern: `<p>…last paragraph.</p><p><a>Discussion in the forum</a></p>
/// <h3>Share now!</h3>` or `…<p><a>The draw</a></p><p>Never miss the news!</p>`: the
/// link-made block is the end of the article only once the share heading or the call to
/// action after it is gone, so each trim can expose work for another.
fn trim_tail(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>, shares: &mut Vec<f32>) {
    trim_link_edges(ctx, out, shares);
    trim_teaser_card_tail(ctx, out, shares);
    trim_related_tail(ctx, out);
    shares.truncate(out.len());
    trim_calls_to_action(ctx, out, shares);
    // The section and call-to-action trims run once (they look at a window of the last
    // blocks, which would creep up the article); link blocks and dangling labels go until
    // neither is left at the end.
    loop {
        let before = out.len();
        drop_dangling_tail(ctx, out, Some(shares));
        trim_link_edges(ctx, out, shares);
        if out.len() == before {
            break;
        }
    }
}

/// A teaser's excerpt has at most this many characters.
const MAX_TEASER_EXCERPT_CHARS: u32 = 300;

/// Drops a teaser card left at the end of the article: a heading made of a link to another
/// page followed by a short excerpt paragraph, after a body of other blocks whose headings
/// are not links (else the card is the last of a list of linked sections).
///
/// Page pattern: `<p>…last paragraph.</p><div class=grid><h2><a href=/other>Five trends you
/// should know</a></h2><p>Five developments stand out…</p></div>`: a "next story" or post
/// grid card that sits in the article container and reads like a last section.
fn trim_teaser_card_tail(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>, shares: &mut Vec<f32>) {
    let n = out.len();
    if n < 4 {
        return;
    }
    let (Some(head), Some(excerpt)) = (out.get(n - 2), out.get(n - 1)) else {
        return;
    };
    let head_is_link = matches!(head, Block::Heading { .. })
        && shares.get(n - 2).is_some_and(|s| *s >= MIN_EDGE_LINK_SHARE);
    let excerpt_is_short = matches!(excerpt, Block::Paragraph { .. })
        && crate::assemble::block_chars(excerpt) <= MAX_TEASER_EXCERPT_CHARS
        && shares.get(n - 1).is_some_and(|s| *s < MIN_EDGE_LINK_SHARE);
    // A list of linked sections (restaurants, products) ends with one of them: a card is the
    // only linked heading.
    let other_linked_heading = out
        .iter()
        .zip(shares.iter())
        .take(n - 2)
        .any(|(b, s)| matches!(b, Block::Heading { .. }) && *s >= MIN_EDGE_LINK_SHARE);
    if head_is_link && excerpt_is_short && !other_linked_heading {
        for b in out.drain(n - 2..) {
            trace(ctx, &b, "teaser card at the end of the article");
        }
        shares.truncate(out.len());
    }
}

/// Drops headings and short colon-ended labels left at the end of the article (what they
/// introduced was removed), when the article has more than headings; `shares`, when given,
/// is kept aligned with `out`.
fn drop_dangling_tail(
    ctx: &mut Ctx<'_, '_>,
    out: &mut Vec<Block>,
    mut shares: Option<&mut Vec<f32>>,
) {
    let has_body = out.iter().any(|b| !matches!(b, Block::Heading { .. }));
    while has_body && out.last().is_some_and(is_dangling) {
        if let Some(b) = out.pop() {
            if let Some(sh) = shares.as_deref_mut() {
                sh.truncate(out.len());
            }
            trace(ctx, &b, "dangling heading or label at the end");
        }
    }
}

/// A date line has at most this many characters.
const MAX_DATE_LINE_CHARS: usize = 40;
/// How many blocks at each edge of the article are checked for date lines.
const DATE_EDGE_BLOCKS: usize = 2;

/// Words (lower case) that label a date or a time: "Aktualisiert am 17.01.2021", "Last
/// modified: …", "Updated 3 March 2021, 10:02 CET". Weekday names too.
const DATE_LABEL_WORDS: &[&str] = &[
    "updated",
    "update",
    "published",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "am",
    "um",
    "uhr",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "erstellt",
    "publié",
    "le",
    "mis",
    "à",
    "jour",
    "publicado",
    "actualizado",
    "el",
    "pubblicato",
    "aggiornato",
    "il",
    "opublikowano",
    "aktualizacja",
    "cet",
    "cest",
    "gmt",
    "utc",
    "est",
    "edt",
    "pst",
    "pm",
    "h",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// `true` when `text` is only a date (or a labelled date): numbers, month names, date labels
/// and weekday names, with at least one number.
fn is_date_line(text: &str) -> bool {
    if text.chars().count() > MAX_DATE_LINE_CHARS {
        return false;
    }
    let lower = text.to_lowercase();
    let mut digits = false;
    let mut month = false;
    for word in lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if word.chars().all(|c| c.is_ascii_digit()) {
            digits = true;
        } else if crate::metadata::date::month_of(word).is_some() {
            month = true;
        } else if !DATE_LABEL_WORDS.contains(&word) {
            return false;
        }
    }
    // "23.10.2018" and "31. Mai" are dates; a lone "2021" or "10" is a number.
    digits
        && (month
            || lower
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .any(|c| ".-/".contains(c)))
}

/// A byline line at an edge has at most this many characters.
const MAX_EDGE_BYLINE_CHARS: usize = 60;

/// Lead-ins (lower case) that open a byline line: "Von: Jane Doe", "By Jane Doe".
const BYLINE_LEAD_INS: &[&str] = &[
    "by ", "by:", "von ", "von:", "autor:", "autorin:", "author:", "text:", "par ", "par :",
    "por ", "por:",
];

/// `true` when `b` is a short paragraph that is only a lead-in and a person's name.
fn is_byline_line(b: &Block) -> bool {
    let Block::Paragraph { text, .. } = b else {
        return false;
    };
    if text.chars().count() > MAX_EDGE_BYLINE_CHARS {
        return false;
    }
    let lower = text.trim_start().to_lowercase();
    if !BYLINE_LEAD_INS.iter().any(|p| lower.starts_with(p)) {
        return false;
    }
    let names = crate::metadata::authors::clean(text);
    // The line is the lead-in and the names, nothing more: every word after the lead-in is
    // part of a capitalised name.
    let name_words: usize = names.iter().map(|n| n.split_whitespace().count()).sum();
    let line_words = text.split_whitespace().count();
    !names.is_empty()
        && names
            .iter()
            .all(|n| n.chars().next().is_some_and(char::is_uppercase))
        && name_words + 1 >= line_words
        && crate::metadata::authors::reads_as_byline(&names, text)
}

/// Drops a byline line ("Von:" and a name) that is the first or the last block of the
/// article: the author is metadata, and it is read as such.
///
/// Page pattern: `<p>…last paragraph.</p><p><b>Von:</b><br>Jane Doe</p>`, or the same
/// line above the first paragraph. A sentence that starts with "By" stays (the name reader
/// rejects it), and so does a byline inside the text.
fn trim_edge_bylines(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    if out.len() > 1
        && out.last().is_some_and(is_byline_line)
        && let Some(b) = out.pop()
    {
        trace(ctx, &b, "byline line at the end");
    }
    if out.len() > 1 && out.first().is_some_and(is_byline_line) {
        let b = out.remove(0);
        trace(ctx, &b, "byline line at the start");
    }
}

/// Drops a paragraph that is only a date among the first and last blocks of the article:
/// the publication date is metadata, and it is read as such.
///
/// Page pattern: `<h1>…</h1><p>23.10.2018</p><p>Im aktuellen Test …</p>` or a closing
/// `<p><b>Aktualisiert am</b> 17.01.2021.</p>`. A date inside the text, or a sentence with a
/// date in it, stays.
fn trim_edge_dates(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    let n = out.len();
    if n < 2 {
        return;
    }
    let kept: Vec<Block> = std::mem::take(out);
    for (i, b) in kept.into_iter().enumerate() {
        let edge = i < DATE_EDGE_BLOCKS || i + DATE_EDGE_BLOCKS >= n;
        if edge && matches!(&b, Block::Paragraph { text, .. } if is_date_line(text)) {
            trace(ctx, &b, "date line at an edge of the article");
        } else {
            out.push(b);
        }
    }
}

/// A "more on this" heading starts the tail only after this share (percent) of the article's
/// characters.
const MIN_RELATED_TAIL_START_PERCENT: u32 = 60;
/// A label standing for a heading (a short paragraph) has at most this many characters.
const MAX_RELATED_LABEL_CHARS: usize = 60;
/// Every block after a "more on this" heading is at most this long (characters) for the tail
/// to go: teasers are a headline and a sentence, not the article's paragraphs.
const MAX_RELATED_TEASER_CHARS: u32 = 300;

/// Openings (lower case) of the headings that introduce links to other pages after an
/// article: "Related articles", "Mehr zum Thema", "À lire aussi" — in several languages;
/// and of those that introduce a contact box ("Kontakt:", "Ansprechpartnerin zum Thema:").
const RELATED_HEADINGS: &[&str] = &[
    "related articles",
    "related posts",
    "related stories",
    "related content",
    "related news",
    "related reading",
    "related topics",
    "read more",
    "read next",
    "read this next",
    "what to read next",
    "more from",
    "more on ",
    "more stories",
    "more articles",
    "latest articles",
    "latest news",
    "latest posts",
    "recent posts",
    "recent articles",
    "recent stories",
    "recommended",
    "you may also like",
    "you might also like",
    "you may also enjoy",
    "you might also enjoy",
    "you may also be interested",
    "empfehlungen",
    "mehr zu",
    "mehr zum thema",
    "mehr aus",
    "mehr artikel",
    "weitere artikel",
    "weitere beiträge",
    "weitere themen",
    "weitere topthemen",
    "weiterführende",
    "weitere informationen",
    "zusatzinformationen",
    "more information",
    "further information",
    "plus d'informations",
    "más información",
    "neueste artikel",
    "neueste beiträge",
    "aktuelle artikel",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte",
    "das könnte sie auch",
    "das könnte dich auch",
    "auch interessant",
    "lesen sie auch",
    "lies auch",
    "entdecke weitere",
    "entdecken sie weitere",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "sur le même sujet",
    "articles similaires",
    "les plus lus",
    "te puede interesar",
    "le puede interesar",
    "noticias relacionadas",
    "más noticias",
    "lo más leído",
    "leggi anche",
    "articoli correlati",
    "potrebbe interessarti",
    "czytaj także",
    "czytaj też",
    "zobacz także",
    "zobacz też",
    "podobne artykuły",
    "inne przepisy",
    "polecane",
    "читайте также",
    // contact boxes: a name, a phone number and an address after the article
    "kontakt",
    "pressekontakt",
    "ansprechpartner",
    "contact:",
    "press contact",
    "media contact",
    "contacto:",
];

/// `true` when `b` is a heading (or a heading-like label) that opens a "more on this" section.
fn is_related_heading(b: &Block) -> bool {
    let text = match b {
        Block::Heading { text, .. } => text,
        Block::Paragraph { text, .. }
            if text.chars().count() <= MAX_RELATED_LABEL_CHARS
                && !text
                    .trim_end()
                    .ends_with(['.', '!', '?', '…', '。', '"', '”', '»']) =>
        {
            text
        }
        _ => return false,
    };
    let lower = text.trim().to_lowercase();
    RELATED_HEADINGS.iter().any(|h| lower.starts_with(h))
}

/// Drops a "Related articles" / "Mehr zum Thema" section at the end of the article: the
/// heading, in the last part of the text, and the short teaser blocks after it.
///
/// Page pattern: `<p>…last paragraph.</p><h3>Empfehlungen aus der Redaktion</h3>
/// <p>Headline one</p><p>Headline two</p>`, where the teaser links were not marked as such
/// (plain `<div>`s, or links that the block assembly flattened). A heading followed by a
/// real paragraph (a section of the article) is kept.
fn trim_related_tail(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    let total: u32 = out.iter().map(crate::assemble::block_chars).sum();
    let mut before = 0u32;
    let mut cut = None;
    for (i, b) in out.iter().enumerate() {
        if i > 0
            && before * 100 >= total * MIN_RELATED_TAIL_START_PERCENT
            && is_related_heading(b)
            && out
                .iter()
                .skip(i + 1)
                .all(|t| crate::assemble::block_chars(t) <= MAX_RELATED_TEASER_CHARS)
        {
            cut = Some(i);
            break;
        }
        before += crate::assemble::block_chars(b);
    }
    if let Some(i) = cut {
        for b in out.drain(i..) {
            trace(ctx, &b, "\"more on this\" section after the article");
        }
    }
}

/// Trailing blocks up to this many characters are checked for calls to action.
const MAX_CTA_BLOCK_CHARS: usize = 250;
/// How many trailing blocks are checked for calls to action.
const CTA_TAIL_BLOCKS: usize = 3;

/// Phrases (lower case) of the calls to action that follow articles: newsletters, apps,
/// donations, social follows, reader mail — in several languages.
const CTA_PHRASES: &[&str] = &[
    "newsletter",
    "subscribe",
    "sign up",
    "download the",
    "get the app",
    "our app",
    "the app",
    "follow us",
    "support our work",
    "support our journalism",
    "consider supporting",
    "become a member",
    "letter to the editor",
    "letters to the editor",
    "abonnieren",
    "abonnieren sie",
    "jetzt abonnieren",
    "folgen sie uns",
    "folge uns",
    "unterstützen sie",
    "in der app",
    "abonnez",
    "suivez-nous",
    "suscríbete",
    "síguenos",
    "descarga la app",
    "iscriviti",
    "seguici",
    "zapisz się",
    "subskryb",
    "subskrypc",
    "obserwuj nas",
    "подпишитесь",
];

/// Rights and credits notices (lower case) are longer than calls to action ("© 2022 …. This
/// article is the copyrighted property of …. Written permission must be obtained …"), up to
/// this many characters.
const MAX_RIGHTS_BLOCK_CHARS: usize = 400;

/// Phrases (lower case) of the rights and credits notices that close articles: they are
/// about the page, not part of the story.
const RIGHTS_PHRASES: &[&str] = &[
    "© 19",
    "© 20",
    "©19",
    "©20",
    "copyrighted property",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "wszelkie prawa zastrzeżone",
    "licensed under",
    "unter der lizenz",
    "sous licence",
    "photo credit",
    "crédits photo",
    "bildnachweis",
    "fotonachweis",
];

/// `true` when `phrase` occurs in `text` at the start of a word: "our app" is a call to
/// action in "get our app", not in "debug your application". The end is left open so that
/// stems and plurals ("newsletters", "subskryb…") still match.
fn contains_word_start(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(i, _)| {
        !text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_some_and(char::is_alphanumeric)
    })
}

/// Drops calls to action among the last few short blocks: "Get the latest news with our
/// app", "Sign up for the newsletter", "Support our work" — they follow the article.
fn trim_calls_to_action(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>, shares: &mut Vec<f32>) {
    let start = out.len().saturating_sub(CTA_TAIL_BLOCKS);
    let mut n = out.len();
    while n > start.max(1) {
        n -= 1;
        let is_cta = match out.get(n) {
            Some(Block::Paragraph { text, .. })
                if text.chars().count() <= MAX_RIGHTS_BLOCK_CHARS =>
            {
                let lower = text.to_lowercase();
                (text.chars().count() <= MAX_CTA_BLOCK_CHARS
                    && CTA_PHRASES.iter().any(|p| contains_word_start(&lower, p)))
                    || RIGHTS_PHRASES.iter().any(|p| lower.contains(p))
            }
            _ => false,
        };
        if is_cta {
            let b = out.remove(n);
            if n < shares.len() {
                shares.remove(n);
            }
            trace(ctx, &b, "call to action after the article");
        }
    }
}

/// A call to action above the article has at most this many characters: an invitation of a
/// line or two, not an opening paragraph that speaks of a newsletter.
const MAX_LEADING_CTA_CHARS: usize = 120;

/// `true` when `b` is a paragraph of at most [`MAX_LEADING_CTA_CHARS`] characters calling to
/// action with a verb ("Subscribe…", "Submit your letter…", "Follow us"): the bare noun
/// "newsletter" is left out, as an article about a newsletter opens with it.
fn is_leading_call_to_action(b: &Block) -> bool {
    match b {
        Block::Paragraph { text, .. } if text.chars().count() <= MAX_LEADING_CTA_CHARS => {
            let lower = text.to_lowercase();
            CTA_PHRASES
                .iter()
                .filter(|p| **p != "newsletter")
                .any(|p| contains_word_start(&lower, p))
        }
        _ => false,
    }
}

/// Drops a call to action printed above the article, as its first block.
///
/// Page pattern: `<p><em>Submit your letter to the editor via this form. Read more letters
/// to the editor.</em></p><h2>First letter</h2><p>…</p>`: the standing invitation of a
/// column or a newsletter-fed page, in the article container, before the text.
fn trim_leading_call_to_action(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    if out.len() > 1 && out.first().is_some_and(is_leading_call_to_action) {
        let b = out.remove(0);
        trace(ctx, &b, "call to action before the article");
    }
}

/// Blocks at the edges of the article made mostly of link text, up to this many characters,
/// are link furniture (a related headline, "← previous post", a category label).
const MAX_EDGE_LINK_BLOCK_CHARS: u32 = 200;
/// Share of a block's text inside links that makes it link furniture at an edge.
const MIN_EDGE_LINK_SHARE: f32 = 0.5;

/// Drops short link-made blocks from both ends of the article (never the last body block).
fn trim_link_edges(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>, shares: &mut Vec<f32>) {
    let is_link_furniture = |b: &Block, share: f32| {
        share >= MIN_EDGE_LINK_SHARE
            && !matches!(
                b,
                Block::Table { .. } | Block::Figure { .. } | Block::Code { .. }
            )
            && crate::assemble::block_chars(b) <= MAX_EDGE_LINK_BLOCK_CHARS
    };
    while out.len() > 1
        && let (Some(b), Some(share)) = (out.last(), shares.last())
        && is_link_furniture(b, *share)
    {
        if let Some(b) = out.pop() {
            shares.pop();
            trace(ctx, &b, "link text at the end of the article");
        }
    }
    let lead = out
        .iter()
        .zip(shares.iter())
        .take(out.len().saturating_sub(1))
        .take_while(|(b, share)| is_link_furniture(b, **share))
        .count();
    for b in out.drain(..lead) {
        trace(ctx, &b, "link text at the start of the article");
    }
    shares.drain(..lead);
}

/// A label shorter than this (characters) ending with a colon, left at the end of the
/// article ("Weitere Informationen:", "Contact:"), introduced something that was removed.
const MAX_DANGLING_LABEL_CHARS: usize = 40;

/// A heading, or a short label ending with a colon.
fn is_dangling(b: &Block) -> bool {
    match b {
        Block::Heading { .. } => true,
        Block::Paragraph { text, .. } => {
            text.chars().count() <= MAX_DANGLING_LABEL_CHARS && text.trim_end().ends_with(':')
        }
        _ => false,
    }
}

/// Paragraphs shorter than this at the edges of the article are trimmed in precision mode
/// unless they end like a sentence.
const MAX_EDGE_TRIM_CHARS: usize = 80;

/// Precision mode: drops short paragraphs that do not end like a sentence from the start and
/// the end of the article (credits, datelines, "Share", category labels).
fn trim_edges(ctx: &mut Ctx<'_, '_>, out: &mut Vec<Block>) {
    let trimmable = |b: &Block| match b {
        Block::Paragraph { text, .. } => {
            text.chars().count() < MAX_EDGE_TRIM_CHARS
                && !text
                    .trim_end()
                    .ends_with(['.', '!', '?', '…', '。', '"', '”', '»', ')'])
        }
        _ => false,
    };
    while out.len() > 1 && out.first().is_some_and(trimmable) {
        let b = out.remove(0);
        trace(ctx, &b, "short unpunctuated block at the start");
    }
    while out.len() > 1 && out.last().is_some_and(trimmable) {
        if let Some(b) = out.pop() {
            trace(ctx, &b, "short unpunctuated block at the end");
        }
    }
}

/// Folded forms of what the page declares as its title: `<title>`, `og:title`,
/// `twitter:title`, and the metadata title unless it was read from the body's own `<h1>`
/// (a heading cannot repeat itself).
pub(crate) fn title_keys(ctx: &Ctx<'_, '_>, title: Option<&str>) -> Vec<String> {
    let doc = ctx.doc;
    let mut keys = Vec::new();
    for ix in doc.all() {
        match doc.tag(ix) {
            Some(Tag::Title) => {
                let t: String = doc.children(ix).filter_map(|c| doc.text(c)).collect();
                keys.push(fold(&t));
            }
            Some(Tag::Meta) => {
                let k = doc
                    .attr(ix, "property")
                    .or_else(|| doc.attr(ix, "name"))
                    .unwrap_or("");
                if k.eq_ignore_ascii_case("og:title") || k.eq_ignore_ascii_case("twitter:title") {
                    keys.push(fold(doc.attr(ix, "content").unwrap_or("")));
                }
            }
            Some(Tag::Body) => break,
            _ => {}
        }
    }
    if let Some(t) = title {
        let t = fold(t);
        let from_h1 = doc.all().any(|ix| {
            doc.is(ix, Tag::H1)
                && fold(
                    &doc.subtree(ix)
                        .filter_map(|c| doc.text(c))
                        .collect::<String>(),
                ) == t
        });
        if !from_h1 || keys.iter().any(|k| k.contains(&t)) {
            keys.push(t);
        }
    }
    keys.retain(|k| !k.is_empty());
    keys
}

/// A heading that is the title with a site suffix, or the title without one.
fn is_title_variant(heading: &str, title: &str) -> bool {
    let (short, long) = if heading.len() <= title.len() {
        (heading, title)
    } else {
        (title, heading)
    };
    short.len() * 10 >= long.len() * 7 && long.contains(short)
}

fn trace(ctx: &mut Ctx<'_, '_>, b: &Block, reason: &str) {
    if ctx.opts.explain {
        let text = match b {
            Block::Heading { text, .. } | Block::Paragraph { text, .. } | Block::Quote { text } => {
                crate::dom::text::prefix(text, 80)
            }
            _ => String::new(),
        };
        ctx.trace.push(crate::article::TraceEntry {
            pass: PassId::FilterBlocks.as_str().to_string(),
            action: "removed".to_string(),
            element: b.kind().to_string(),
            text,
            reason: reason.to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::dom::parse::parse_document;

    use super::*;
    use crate::dom::Doc;
    use crate::options::Options;

    fn p(t: &str) -> Block {
        Block::Paragraph {
            text: t.into(),
            links: vec![],
        }
    }

    fn filtered(blocks: Vec<Block>, title: Option<&str>) -> Vec<Block> {
        let parsed = parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let keys = title_keys(&ctx, title);
        let link_shares = vec![0.0; blocks.len()];
        run(
            &mut ctx,
            Assembled {
                blocks,
                link_shares,
            },
            &keys,
        )
    }

    fn filtered_with_shares(blocks: Vec<Block>, link_shares: Vec<f32>) -> Vec<Block> {
        let parsed = parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        run(
            &mut ctx,
            Assembled {
                blocks,
                link_shares,
            },
            &[],
        )
    }

    #[test]
    fn drops_a_call_to_action_above_the_article() {
        let out = filtered(
            vec![
                p("Submit your letter to the editor via this form."),
                p("The first letter, long enough to be the article's own text, with a point."),
                p("The second letter, also long enough, and signed by its writer."),
            ],
            None,
        );
        assert_eq!(out.len(), 2, "{out:?}");
        assert!(matches!(&out[0], Block::Paragraph { text, .. } if text.starts_with("The first")));
    }

    #[test]
    fn keeps_an_opening_that_is_about_a_newsletter() {
        let opening = "The State of Things is my monthly newsletter on research and startups.";
        let out = filtered(
            vec![
                p(opening),
                p("The second paragraph of the article, with its own sentence."),
            ],
            None,
        );
        assert_eq!(out.len(), 2, "{out:?}");
    }

    fn h(t: &str) -> Block {
        Block::Heading {
            level: 2,
            text: t.into(),
        }
    }

    #[test]
    fn drops_a_byline_line_at_the_end() {
        let out = filtered(
            vec![
                p("The article's paragraph, long enough to be one, with a point."),
                p("Von:\nGötz Example"),
            ],
            None,
        );
        assert_eq!(out.len(), 1, "{out:?}");
    }

    #[test]
    fn keeps_a_closing_sentence_that_starts_with_by() {
        let out = filtered(
            vec![
                p("The article's paragraph, long enough to be one, with a point."),
                p("By then, the rain had stopped."),
            ],
            None,
        );
        assert_eq!(out.len(), 2, "{out:?}");
    }

    #[test]
    fn drops_a_teaser_card_at_the_end() {
        let out = filtered_with_shares(
            vec![
                p("The article's first paragraph, long enough to be one, with a point."),
                h("A section"),
                p("The article's last paragraph, which ends the story as it should."),
                h("Five trends you should know"),
                p("Five developments stand out; here is an overview."),
            ],
            vec![0.0, 0.0, 0.0, 1.0, 0.0],
        );
        assert_eq!(out.len(), 3, "{out:?}");
    }

    #[test]
    fn keeps_the_last_of_a_list_of_linked_sections() {
        let out = filtered_with_shares(
            vec![
                p("The best places in town, in no particular order, with our notes."),
                h("First place"),
                p("Slow-cooked lamb and huge pots of tea, a favourite."),
                h("Second place"),
                p("Dumplings worth the queue, and a patio in summer."),
            ],
            vec![0.0, 1.0, 0.0, 1.0, 0.0],
        );
        assert_eq!(out.len(), 5, "{out:?}");
    }

    #[test]
    fn drops_a_link_block_hidden_by_a_share_heading() {
        let share = Block::Heading {
            level: 3,
            text: "Share now!".into(),
        };
        let out = filtered_with_shares(
            vec![
                p("The article, in a paragraph long enough to be one."),
                p("The discussion in the forum"),
                share,
            ],
            vec![0.0, 1.0, 0.0],
        );
        assert_eq!(out.len(), 1, "{out:?}");
    }

    #[test]
    fn keeps_a_link_block_followed_by_body_text() {
        let out = filtered_with_shares(
            vec![
                p("The article, in a paragraph long enough to be one."),
                p("The discussion in the forum"),
                p("And the article goes on after the link, with its last sentence."),
            ],
            vec![0.0, 1.0, 0.0],
        );
        assert_eq!(out.len(), 3, "{out:?}");
    }

    #[test]
    fn drops_title_duplicates_and_dangling_headings() {
        let out = filtered(
            vec![
                Block::Heading {
                    level: 1,
                    text: "The Title".into(),
                },
                p("Body one."),
                p("Email *"),
                p("First name"),
                p("* indicates required"),
                p("Body two."),
                p("Email *"),
                p("First name"),
                p("* indicates required"),
                p("Body three."),
                Block::Heading {
                    level: 2,
                    text: "Related".into(),
                },
            ],
            Some("The title"),
        );
        assert_eq!(
            out,
            vec![
                p("Body one."),
                p("Email *"),
                p("First name"),
                p("* indicates required"),
                p("Body two."),
                p("Body three.")
            ]
        );
    }

    #[test]
    fn drops_a_short_list_wherever_it_repeats() {
        let pager = || Block::List {
            ordered: false,
            items: ["1", "2", "3"]
                .iter()
                .map(|t| crate::article::ListItem {
                    text: (*t).into(),
                    depth: 0,
                    links: Vec::new(),
                })
                .collect(),
        };
        let out = filtered(vec![p("Body one."), pager(), p("Body two."), pager()], None);
        assert_eq!(out, vec![p("Body one."), pager(), p("Body two.")]);
    }

    #[test]
    fn keeps_a_short_label_repeated_in_every_section() {
        let blocks = vec![
            p("Plan A"),
            p("Eat every 2–3 hours"),
            p("Oats and berries."),
            p("Plan B"),
            p("Eat every 2–3 hours"),
            p("Rice and beans."),
            p("link"),
            p("link"),
            p("link"),
        ];
        assert_eq!(filtered(blocks.clone(), None), blocks);
    }

    #[test]
    fn long_repeats_go_only_as_runs() {
        let long = |t: &str| p(&format!("{t} {}", "word ".repeat(30)));
        // A page rendered twice (two screen sizes): the second copy goes.
        let twice = vec![
            long("a"),
            long("b"),
            long("c"),
            long("a"),
            long("b"),
            long("c"),
        ];
        assert_eq!(filtered(twice, None), vec![long("a"), long("b"), long("c")]);
        // An author repeating one paragraph: kept.
        let said_twice = vec![long("a"), long("b"), long("a")];
        assert_eq!(filtered(said_twice.clone(), None), said_twice);
    }

    #[test]
    fn trims_link_made_blocks_at_the_edges_only() {
        let parsed = parse_document("");
        let doc = Doc::new(&parsed);
        let opts = Options::default();
        let mut ctx = Ctx::new(&doc, &opts);
        let blocks = vec![
            p("Home › World"),
            p("Body one."),
            p("A linked phrase in the middle."),
            p("Body two."),
            p("Next: another story"),
        ];
        let link_shares = vec![1.0, 0.0, 1.0, 0.0, 0.9];
        let out = run(
            &mut ctx,
            Assembled {
                blocks,
                link_shares,
            },
            &[],
        );
        assert_eq!(
            out,
            vec![
                p("Body one."),
                p("A linked phrase in the middle."),
                p("Body two.")
            ]
        );
    }

    #[test]
    fn keeps_distinct_blocks_and_inner_headings() {
        let blocks = vec![
            p("One."),
            Block::Heading {
                level: 2,
                text: "Part two".into(),
            },
            p("Two."),
        ];
        assert_eq!(filtered(blocks.clone(), Some("Something else")), blocks);
    }

    #[test]
    fn drops_a_related_section_at_the_end() {
        let body = "A paragraph of the article, long enough to weigh more than the teasers \
                    that follow it, with a few commas, and a full stop.";
        let second = "A second paragraph of the article, which ends the story proper and is \
                      followed by links to other stories of the same site.";
        let out = filtered(
            vec![
                p(body),
                p(second),
                Block::Heading {
                    level: 3,
                    text: "Empfehlungen aus der Redaktion".into(),
                },
                p("Workshop: die besten Touren finden"),
                p("Die neuen Karten im Test"),
            ],
            None,
        );
        assert_eq!(out, vec![p(body), p(second)]);
    }

    #[test]
    fn drops_an_english_read_next_section_but_not_an_article_section() {
        let body = "A paragraph of the article, long enough to weigh more than the teasers \
                    that follow it, with a few commas, and a full stop.";
        let second = "A second paragraph of the article, which ends the story proper and is \
                      followed by links to other stories of the same site.";
        for heading in ["You May Also Enjoy", "Read This Next", "Recent Articles"] {
            let out = filtered(
                vec![
                    p(body),
                    p(second),
                    Block::Heading {
                        level: 4,
                        text: heading.into(),
                    },
                    p("11 Ways to Write Better"),
                    p("How to start a blog in an hour"),
                ],
                None,
            );
            assert_eq!(out, vec![p(body), p(second)], "{heading}");
        }
        let section = vec![
            p(body),
            p(second),
            Block::Heading {
                level: 2,
                text: "You May Also Enjoy".into(),
            },
            p(&body.repeat(3)),
        ];
        assert_eq!(filtered(section.clone(), None), section);
    }

    #[test]
    fn drops_a_contact_box_at_the_end() {
        let body = "A paragraph of the press release, long enough to weigh more than the \
                    contact box that follows it, with a few commas, and a full stop.";
        let second = "A second paragraph, which ends the release proper.";
        let out = filtered(
            vec![
                p(body),
                p(second),
                p("Kontakt:"),
                p("Dr. Jane Doe"),
                p("Telefon +49 40 123 456"),
            ],
            None,
        );
        assert_eq!(out, vec![p(body), p(second)]);
    }

    #[test]
    fn keeps_a_related_heading_followed_by_prose_or_early_in_the_text() {
        let body = "A paragraph of the article, long enough to weigh more than the teasers \
                    that follow it, with a few commas, and a full stop.";
        let long = body.repeat(3);
        let section = vec![
            p(body),
            Block::Heading {
                level: 2,
                text: "Related articles".into(),
            },
            p(&long),
        ];
        assert_eq!(filtered(section.clone(), None), section);
        let early = vec![
            Block::Heading {
                level: 2,
                text: "Mehr zum Thema".into(),
            },
            p("Kurz."),
            p(body),
        ];
        assert_eq!(filtered(early.clone(), None), early);
    }

    #[test]
    fn drops_a_rights_notice_among_the_last_blocks_only() {
        let body = "A paragraph of the article, long enough to be the story, with a few \
                    commas, and a full stop.";
        let notice = "© 2022, Example News. This article is the copyrighted property of \
                      Example News. Written permission must be obtained before reprint in \
                      online or print media. Reprinting content without permission and/or \
                      payment is theft and punishable by law, as the lawyers of this site \
                      like to remind everyone.";
        let out = filtered(vec![p(body), p(notice)], None);
        assert_eq!(out, vec![p(body)]);
        let early = vec![
            p("The Copyright Office said on Monday that it would review the rules."),
            p(body),
            p("A second paragraph of the story, also long enough, also ending well."),
            p("A third paragraph of the story, with nothing to do with any notice."),
            p("A fourth paragraph, so that the first one is far from the end."),
        ];
        assert_eq!(filtered(early.clone(), None), early);
    }

    #[test]
    fn drops_date_lines_at_the_edges_only() {
        let body = "A paragraph of the article, long enough to be the story, with a few \
                    commas, and a full stop.";
        let middle = vec![
            p("First paragraph, which opens the story in earnest."),
            p(body),
            p("12.03.2021"),
            p("A paragraph after the date, which belongs to the story."),
            p("And the last paragraph, which closes it."),
        ];
        assert_eq!(filtered(middle.clone(), None), middle);
        let edges = vec![p("23.10.2018"), p(body), p("Aktualisiert am 17.01.2021.")];
        assert_eq!(filtered(edges, None), vec![p(body)]);
        assert!(super::is_date_line("31. Mai 2012") && super::is_date_line("May 3, 2021"));
        assert!(!super::is_date_line("2021") && !super::is_date_line("Im Mai 2012 fing es an."));
    }
    #[test]
    fn calls_to_action_match_at_word_starts_only() {
        let body = "The story itself, a paragraph long enough to be the article's body, goes \
                    here and ends with a full stop as paragraphs do.";
        let out = filtered(
            vec![
                p(body),
                p("The inspector offers more features than you can use to debug your application."),
                p("Get our app for the latest news."),
            ],
            None,
        );
        let texts: Vec<String> = out
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect();
        assert!(
            texts.iter().any(|t| t.contains("debug your application")),
            "{texts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.contains("Get our app")),
            "{texts:?}"
        );
        assert!(contains_word_start(
            "sign up for our newsletters",
            "newsletter"
        ));
        assert!(!contains_word_start("debug your application", "our app"));
    }
}
