//! Shared vocabularies: what class, id, role and aria-label values say about an element.
//!
//! Every entry is a general web-design word (in English and the other languages seen most in
//! crawls), never a name taken from one site. Two ways of matching:
//! - *tokens*: the attribute is split on non-alphanumerics and camelCase humps
//!   (`relatedArticles` → `related`, `articles`) and each token is looked up whole, which is
//!   safe for short words (`ad`, `nav`, `tags`);
//! - *stems*: long, distinctive stems found anywhere in the lower-cased value
//!   (`sharedaddy` contains `share`), via one Aho-Corasick automaton.
//!
//! Origins: Readability's `unlikelyCandidates` / `positive` / `negative` regexes, trafilatura's
//! `DISCARD_XPATH` and `BODY_XPATH` lists, jusText's stop-lists, and the common CMS themes
//! (WordPress, Drupal, Ghost, Joomla).

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Attribute bytes inspected per element: class strings of 10 MB exist in the wild, and
/// their tail says nothing useful.
pub(crate) const MAX_ATTR_SCAN_BYTES: usize = 1024;

/// Categories of an element's class/id words, as bit flags.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Sig(pub u32);

impl Sig {
    pub(crate) const COMMENTS: u32 = 1 << 0;
    pub(crate) const SHARE: u32 = 1 << 1;
    pub(crate) const RELATED: u32 = 1 << 2;
    pub(crate) const NEWSLETTER: u32 = 1 << 3;
    pub(crate) const CONSENT: u32 = 1 << 4;
    pub(crate) const ADS: u32 = 1 << 5;
    pub(crate) const NAV: u32 = 1 << 6;
    pub(crate) const SIDEBAR: u32 = 1 << 7;
    pub(crate) const FOOTER: u32 = 1 << 8;
    pub(crate) const HEADER: u32 = 1 << 9;
    pub(crate) const META: u32 = 1 << 10;
    pub(crate) const POPUP: u32 = 1 << 11;
    pub(crate) const HIDDEN: u32 = 1 << 12;
    pub(crate) const BYLINE: u32 = 1 << 13;
    pub(crate) const TAGS: u32 = 1 << 14;
    pub(crate) const AUTHOR_BOX: u32 = 1 << 15;
    pub(crate) const MEDIA: u32 = 1 << 16;
    pub(crate) const PAYWALL: u32 = 1 << 17;
    pub(crate) const CAPTION: u32 = 1 << 18;
    pub(crate) const TEASER: u32 = 1 << 19;
    /// A lead or standfirst: lead, intro, excerpt, standfirst, chapo, bajada, Vorspann, …
    pub(crate) const LEAD: u32 = 1 << 20;
    /// Not a word: an `<a>` with a navigating `href` (set by the pipeline, not by
    /// [`classify`]).
    pub(crate) const LINK: u32 = 1 << 30;
    /// Content words: article, content, entry, post, story, body, text, main, …
    pub(crate) const CONTENT: u32 = 1 << 24;
    /// Strong content words: `articleBody`, `entry-content`, `post-content`, `story-body`, …
    pub(crate) const CONTENT_STRONG: u32 = 1 << 25;

    /// Boilerplate that is removed wherever it is (unless it holds most of the page).
    pub(crate) const STRONG_BOILERPLATE: u32 = Self::COMMENTS
        | Self::SHARE
        | Self::RELATED
        | Self::NEWSLETTER
        | Self::CONSENT
        | Self::ADS
        | Self::POPUP
        | Self::HIDDEN
        | Self::AUTHOR_BOX;
    /// `true` when any of `bits` is set.
    pub(crate) fn any(self, bits: u32) -> bool {
        self.0 & bits != 0
    }
}

/// Whole-token vocabulary.
const TOKENS: &[(&str, u32)] = &[
    // leads and standfirsts (score::lead)
    ("lead", Sig::LEAD),
    ("leader", Sig::LEAD),
    ("lede", Sig::LEAD),
    ("intro", Sig::LEAD),
    ("introduction", Sig::LEAD),
    ("excerpt", Sig::LEAD),
    ("abstract", Sig::LEAD),
    ("standfirst", Sig::LEAD),
    ("chapo", Sig::LEAD),
    ("chapeau", Sig::LEAD),
    ("subheadline", Sig::LEAD),
    ("subhead", Sig::LEAD),
    ("subtitle", Sig::LEAD),
    ("dek", Sig::LEAD),
    ("deck", Sig::LEAD),
    ("perex", Sig::LEAD),
    ("bajada", Sig::LEAD),
    ("entradilla", Sig::LEAD),
    ("copete", Sig::LEAD),
    ("sottotitolo", Sig::LEAD),
    ("catenaccio", Sig::LEAD),
    ("vorspann", Sig::LEAD),
    ("anriss", Sig::LEAD),
    ("einleitung", Sig::LEAD),
    ("teasertext", Sig::LEAD),
    // comments
    ("comment", Sig::COMMENTS),
    ("comments", Sig::COMMENTS),
    ("respond", Sig::COMMENTS),
    ("replies", Sig::COMMENTS),
    ("reply", Sig::COMMENTS),
    ("discussion", Sig::COMMENTS),
    ("kommentare", Sig::COMMENTS),
    ("kommentar", Sig::COMMENTS),
    ("commentaires", Sig::COMMENTS),
    ("comentarios", Sig::COMMENTS),
    ("commenti", Sig::COMMENTS),
    ("komentarze", Sig::COMMENTS),
    ("reactions", Sig::COMMENTS),
    ("talkback", Sig::COMMENTS),
    // sharing
    ("share", Sig::SHARE),
    ("sharing", Sig::SHARE),
    ("social", Sig::SHARE),
    ("sociable", Sig::SHARE),
    ("addthis", Sig::SHARE),
    ("sharethis", Sig::SHARE),
    ("teilen", Sig::SHARE),
    ("partage", Sig::SHARE),
    ("compartir", Sig::SHARE),
    ("condividi", Sig::SHARE),
    ("toolbar", Sig::SHARE),
    ("tools", Sig::SHARE),
    ("actions", Sig::SHARE),
    ("bookmark", Sig::SHARE),
    ("like", Sig::SHARE),
    ("likes", Sig::SHARE),
    // related / teasers
    ("related", Sig::RELATED),
    ("recommended", Sig::RELATED),
    ("recommendations", Sig::RELATED),
    ("recommend", Sig::RELATED),
    ("trending", Sig::RELATED),
    ("popular", Sig::RELATED),
    ("mostread", Sig::RELATED),
    ("most", Sig::RELATED),
    ("outbrain", Sig::RELATED),
    ("taboola", Sig::RELATED),
    ("zergnet", Sig::RELATED),
    ("similar", Sig::RELATED),
    ("suggested", Sig::RELATED),
    ("suggestions", Sig::RELATED),
    ("verwandte", Sig::RELATED),
    ("weitere", Sig::RELATED),
    ("relacionados", Sig::RELATED),
    ("relacionadas", Sig::RELATED),
    ("correlati", Sig::RELATED),
    ("connexes", Sig::RELATED),
    ("upnext", Sig::RELATED),
    ("teaser", Sig::TEASER),
    ("teasers", Sig::TEASER),
    ("card", Sig::TEASER),
    ("cards", Sig::TEASER),
    ("feed", Sig::TEASER),
    ("more", Sig::TEASER),
    ("readmore", Sig::TEASER),
    ("listing", Sig::TEASER),
    ("tile", Sig::TEASER),
    // newsletters
    ("newsletter", Sig::NEWSLETTER),
    ("newsletters", Sig::NEWSLETTER),
    ("subscribe", Sig::NEWSLETTER),
    ("subscription", Sig::NEWSLETTER),
    ("signup", Sig::NEWSLETTER),
    ("optin", Sig::NEWSLETTER),
    ("mailchimp", Sig::NEWSLETTER),
    ("mc4wp", Sig::NEWSLETTER),
    ("abonnement", Sig::NEWSLETTER),
    ("abonnieren", Sig::NEWSLETTER),
    ("inscription", Sig::NEWSLETTER),
    ("suscribete", Sig::NEWSLETTER),
    // consent
    ("cookie", Sig::CONSENT),
    ("cookies", Sig::CONSENT),
    ("consent", Sig::CONSENT),
    ("gdpr", Sig::CONSENT),
    ("onetrust", Sig::CONSENT),
    ("didomi", Sig::CONSENT),
    ("cookiebot", Sig::CONSENT),
    ("datenschutz", Sig::CONSENT),
    // ads and promotion
    ("ad", Sig::ADS),
    ("ads", Sig::ADS),
    ("adv", Sig::ADS),
    ("advert", Sig::ADS),
    ("adverts", Sig::ADS),
    ("advertisement", Sig::ADS),
    ("advertising", Sig::ADS),
    ("adsense", Sig::ADS),
    ("adslot", Sig::ADS),
    ("adunit", Sig::ADS),
    ("dfp", Sig::ADS),
    ("gpt", Sig::ADS),
    ("sponsor", Sig::ADS),
    ("sponsored", Sig::ADS),
    ("sponsors", Sig::ADS),
    ("promo", Sig::ADS),
    ("promos", Sig::ADS),
    ("promotion", Sig::ADS),
    ("werbung", Sig::ADS),
    ("anzeige", Sig::ADS),
    ("publicite", Sig::ADS),
    ("pub", Sig::ADS),
    ("reklama", Sig::ADS),
    ("publicidad", Sig::ADS),
    ("pubblicita", Sig::ADS),
    ("banner", Sig::ADS),
    ("affiliate", Sig::ADS),
    ("commercial", Sig::ADS),
    ("marketing", Sig::ADS),
    ("cta", Sig::ADS),
    ("donate", Sig::ADS),
    ("donation", Sig::ADS),
    ("membership", Sig::PAYWALL),
    ("paywall", Sig::PAYWALL),
    ("premium", Sig::PAYWALL),
    ("support", Sig::PAYWALL),
    ("upsell", Sig::PAYWALL),
    ("meter", Sig::PAYWALL),
    // navigation
    ("nav", Sig::NAV),
    ("navbar", Sig::NAV),
    ("navigation", Sig::NAV),
    ("menu", Sig::NAV),
    ("menus", Sig::NAV),
    ("breadcrumb", Sig::NAV),
    ("breadcrumbs", Sig::NAV),
    ("pagination", Sig::NAV),
    ("pager", Sig::NAV),
    ("paging", Sig::NAV),
    ("sitemap", Sig::NAV),
    ("jump", Sig::NAV),
    ("prev", Sig::NAV),
    ("next", Sig::NAV),
    ("previous", Sig::NAV),
    ("crumbs", Sig::NAV),
    ("toc", Sig::NAV),
    ("dropdown", Sig::NAV),
    ("hamburger", Sig::NAV),
    ("offcanvas", Sig::NAV),
    ("drawer", Sig::NAV),
    ("search", Sig::NAV),
    ("searchform", Sig::NAV),
    ("login", Sig::NAV),
    // layout regions
    ("sidebar", Sig::SIDEBAR),
    ("sidebars", Sig::SIDEBAR),
    ("aside", Sig::SIDEBAR),
    ("rail", Sig::SIDEBAR),
    ("sidebox", Sig::SIDEBAR),
    ("secondary", Sig::SIDEBAR),
    ("complementary", Sig::SIDEBAR),
    ("footer", Sig::FOOTER),
    ("foot", Sig::FOOTER),
    ("colophon", Sig::FOOTER),
    ("copyright", Sig::FOOTER),
    ("disclaimer", Sig::FOOTER),
    ("legal", Sig::FOOTER),
    ("header", Sig::HEADER),
    ("masthead", Sig::HEADER),
    ("topbar", Sig::HEADER),
    ("logo", Sig::HEADER),
    ("branding", Sig::HEADER),
    // article furniture
    ("meta", Sig::META),
    ("metadata", Sig::META),
    ("date", Sig::META),
    ("dateline", Sig::BYLINE),
    ("timestamp", Sig::META),
    ("published", Sig::META),
    ("byline", Sig::BYLINE),
    ("bylines", Sig::BYLINE),
    ("author", Sig::BYLINE),
    ("authors", Sig::BYLINE),
    ("autor", Sig::BYLINE),
    ("auteur", Sig::BYLINE),
    ("posted", Sig::META),
    ("postmeta", Sig::META),
    ("entrymeta", Sig::META),
    ("tags", Sig::TAGS),
    ("taglist", Sig::TAGS),
    ("keywords", Sig::TAGS),
    ("categories", Sig::TAGS),
    ("topics", Sig::TAGS),
    ("labels", Sig::TAGS),
    ("schlagworte", Sig::TAGS),
    ("bio", Sig::AUTHOR_BOX),
    ("authorbox", Sig::AUTHOR_BOX),
    ("vcard", Sig::AUTHOR_BOX),
    ("caption", Sig::CAPTION),
    ("legend", Sig::CAPTION),
    ("legends", Sig::CAPTION),
    ("credit", Sig::CAPTION),
    ("credits", Sig::CAPTION),
    ("figcaption", Sig::CAPTION),
    ("photo", Sig::MEDIA),
    ("gallery", Sig::MEDIA),
    ("video", Sig::MEDIA),
    ("audio", Sig::MEDIA),
    ("podcast", Sig::MEDIA),
    ("embed", Sig::MEDIA),
    ("slideshow", Sig::MEDIA),
    ("carousel", Sig::MEDIA),
    ("slider", Sig::MEDIA),
    // overlays and hidden text
    ("popup", Sig::POPUP),
    ("modal", Sig::POPUP),
    ("overlay", Sig::POPUP),
    ("lightbox", Sig::POPUP),
    ("dialog", Sig::POPUP),
    ("flyout", Sig::POPUP),
    ("interstitial", Sig::POPUP),
    ("toast", Sig::POPUP),
    ("notification", Sig::POPUP),
    ("alert", Sig::POPUP),
    ("sronly", Sig::HIDDEN),
    ("offscreen", Sig::HIDDEN),
    ("visuallyhidden", Sig::HIDDEN),
    ("screenreader", Sig::HIDDEN),
    // content
    ("article", Sig::CONTENT),
    ("articles", Sig::CONTENT),
    ("content", Sig::CONTENT),
    ("entry", Sig::CONTENT),
    ("post", Sig::CONTENT),
    ("story", Sig::CONTENT),
    ("body", Sig::CONTENT),
    ("text", Sig::CONTENT),
    ("main", Sig::CONTENT),
    ("blog", Sig::CONTENT),
    ("hentry", Sig::CONTENT),
    ("prose", Sig::CONTENT),
    ("richtext", Sig::CONTENT),
    ("markdown", Sig::CONTENT),
    ("single", Sig::CONTENT),
    ("page", Sig::CONTENT),
    ("column", Sig::CONTENT),
    ("artikel", Sig::CONTENT),
    ("inhalt", Sig::CONTENT),
    ("contenido", Sig::CONTENT),
    ("contenu", Sig::CONTENT),
    ("testo", Sig::CONTENT),
    ("tresc", Sig::CONTENT),
    ("noticia", Sig::CONTENT),
    ("articlebody", Sig::CONTENT_STRONG),
    ("entrycontent", Sig::CONTENT_STRONG),
    ("postcontent", Sig::CONTENT_STRONG),
    ("postbody", Sig::CONTENT_STRONG),
    ("storybody", Sig::CONTENT_STRONG),
    ("articlecontent", Sig::CONTENT_STRONG),
    ("articletext", Sig::CONTENT_STRONG),
    ("posttext", Sig::CONTENT_STRONG),
    ("storycontent", Sig::CONTENT_STRONG),
    ("maincontent", Sig::CONTENT_STRONG),
    ("bodytext", Sig::CONTENT_STRONG),
    ("entrybody", Sig::CONTENT_STRONG),
];

/// Stems matched anywhere in the lower-cased attribute value.
const STEMS: &[(&str, u32)] = &[
    ("comment", Sig::COMMENTS),
    ("disqus", Sig::COMMENTS),
    ("kommentar", Sig::COMMENTS),
    ("commentaire", Sig::COMMENTS),
    ("comentario", Sig::COMMENTS),
    ("sharedaddy", Sig::SHARE),
    ("share", Sig::SHARE),
    ("social", Sig::SHARE),
    ("related", Sig::RELATED),
    ("recommend", Sig::RELATED),
    ("outbrain", Sig::RELATED),
    ("taboola", Sig::RELATED),
    ("trending", Sig::RELATED),
    ("mostpopular", Sig::RELATED),
    ("most-popular", Sig::RELATED),
    ("mostread", Sig::RELATED),
    ("most-read", Sig::RELATED),
    ("newsletter", Sig::NEWSLETTER),
    ("subscribe", Sig::NEWSLETTER),
    ("cookie", Sig::CONSENT),
    ("consent", Sig::CONSENT),
    ("gdpr", Sig::CONSENT),
    ("advert", Sig::ADS),
    ("sponsor", Sig::ADS),
    ("adsense", Sig::ADS),
    ("adslot", Sig::ADS),
    ("breadcrumb", Sig::NAV),
    ("pagination", Sig::NAV),
    ("navbar", Sig::NAV),
    ("navigation", Sig::NAV),
    ("sidebar", Sig::SIDEBAR),
    ("footer", Sig::FOOTER),
    ("masthead", Sig::HEADER),
    ("byline", Sig::BYLINE),
    ("popup", Sig::POPUP),
    ("modal", Sig::POPUP),
    ("lightbox", Sig::POPUP),
    ("paywall", Sig::PAYWALL),
    ("author-bio", Sig::AUTHOR_BOX),
    ("authorbio", Sig::AUTHOR_BOX),
    ("about-author", Sig::AUTHOR_BOX),
    ("author-box", Sig::AUTHOR_BOX),
    ("author-card", Sig::AUTHOR_BOX),
    ("author-info", Sig::AUTHOR_BOX),
    ("sr-only", Sig::HIDDEN),
    ("tag-list", Sig::TAGS),
    ("tag-cloud", Sig::TAGS),
    ("tagcloud", Sig::TAGS),
    ("post-tags", Sig::TAGS),
    ("entry-tags", Sig::TAGS),
    ("article-tags", Sig::TAGS),
    ("tags-links", Sig::TAGS),
    ("cat-links", Sig::TAGS),
    ("skip-link", Sig::NAV),
    ("skiplink", Sig::NAV),
    ("skip-to", Sig::NAV),
    ("skip-nav", Sig::NAV),
    ("follow-us", Sig::SHARE),
    ("screen-reader", Sig::HIDDEN),
    ("visually-hidden", Sig::HIDDEN),
    ("visuallyhidden", Sig::HIDDEN),
    ("article-body", Sig::CONTENT_STRONG),
    ("articlebody", Sig::CONTENT_STRONG),
    ("article__body", Sig::CONTENT_STRONG),
    ("article-content", Sig::CONTENT_STRONG),
    ("article__content", Sig::CONTENT_STRONG),
    ("entry-content", Sig::CONTENT_STRONG),
    ("post-content", Sig::CONTENT_STRONG),
    ("post-body", Sig::CONTENT_STRONG),
    ("post__content", Sig::CONTENT_STRONG),
    ("story-body", Sig::CONTENT_STRONG),
    ("story-content", Sig::CONTENT_STRONG),
    ("article-text", Sig::CONTENT_STRONG),
    ("post-text", Sig::CONTENT_STRONG),
    ("main-content", Sig::CONTENT_STRONG),
    ("body-text", Sig::CONTENT_STRONG),
    ("entry-body", Sig::CONTENT_STRONG),
    ("blog-post", Sig::CONTENT),
    ("post-entry", Sig::CONTENT),
];

static STEM_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        // Class values are short: a prefilter's set-up costs more than the DFA's scan.
        .prefilter(false)
        .build(STEMS.iter().map(|(s, _)| *s))
        .ok()
});

/// A fast hash for the keys of our tables (SipHash's DoS resistance buys nothing for a
/// fixed vocabulary or one page's class strings): eight bytes at a time, each word mixed in
/// with a rotate, a xor and a multiply (the scheme of rustc's `FxHasher`).
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHash(u64);

impl FastHash {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl std::hash::Hasher for FastHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }
}

/// A `HashMap` with [`FastHash`] hashing.
pub(crate) type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHash>>;

static TOKEN_MAP: LazyLock<FastMap<&'static [u8], u32>> = LazyLock::new(|| {
    let mut m: FastMap<&'static [u8], u32> = FastMap::default();
    for (t, bits) in TOKENS {
        *m.entry(t.as_bytes()).or_insert(0) |= bits;
    }
    m
});

/// Longest token in the table: longer runs cannot match and are not looked up.
const MAX_TOKEN_BYTES: usize = 24;

fn token_bits(token: &[u8]) -> u32 {
    let (Some(&first), Some(&last)) = (token.first(), token.last()) else {
        return 0;
    };
    // Most tokens of class names are no vocabulary word: the filter turns nearly all of
    // them down before any hashing (and every token longer than the longest word).
    let may_match = TOKEN_FILTER
        .get(token.len())
        .and_then(|row| row.get(usize::from(first & 31)))
        .is_some_and(|lasts| (lasts >> (last & 31)) & 1 != 0);
    if !may_match {
        return 0;
    }
    TOKEN_MAP.get(token).copied().unwrap_or(0)
}

/// A first test for [`token_bits`], by length, first and last byte: bit `last % 32` of
/// `TOKEN_FILTER[len][first % 32]` is set when a vocabulary token of `len` bytes starts
/// with `first` and ends with `last` (modulo 32). About one in seventy of these slots is
/// taken.
#[allow(clippy::indexing_slicing)] // Indices run below the table lengths (checked at compile time).
static TOKEN_FILTER: [[u32; 32]; MAX_TOKEN_BYTES + 1] = {
    let mut t = [[0u32; 32]; MAX_TOKEN_BYTES + 1];
    let mut i = 0;
    while i < TOKENS.len() {
        let w = TOKENS[i].0.as_bytes();
        assert!(!w.is_empty() && w.len() <= MAX_TOKEN_BYTES);
        t[w.len()][(w[0] & 31) as usize] |= 1 << (w[w.len() - 1] & 31);
        i += 1;
    }
    t
};

/// Classifies attribute values, remembering the answer for each distinct value: a page
/// repeats the same class strings hundreds of times.
#[derive(Default)]
pub(crate) struct Classifier<'a> {
    cache: FastMap<&'a str, Sig>,
}

impl<'a> Classifier<'a> {
    /// The signature of `value`.
    pub(crate) fn classify(&mut self, value: &'a str) -> Sig {
        if let Some(sig) = self.cache.get(value) {
            return *sig;
        }
        let sig = classify(value);
        self.cache.insert(value, sig);
        sig
    }
}

/// Classifies one attribute value (class, id, role, aria-label, itemprop…).
pub(crate) fn classify(value: &str) -> Sig {
    let value = value.get(..MAX_ATTR_SCAN_BYTES).unwrap_or_else(|| {
        // Cut at a character boundary at or before the scan limit.
        let mut end = MAX_ATTR_SCAN_BYTES.min(value.len());
        while !value.is_char_boundary(end) {
            end -= 1;
        }
        value.get(..end).unwrap_or("")
    });
    let stripped;
    let value = if value.contains('(') {
        stripped = without_atomic_classes(value);
        stripped.as_str()
    } else {
        value
    };
    if value.is_empty() {
        return Sig(0);
    }
    let mut bits = if value.is_ascii() {
        ascii_token_bits(value.as_bytes())
    } else {
        unicode_token_bits(value)
    };
    if let Some(ac) = STEM_MATCHER.as_ref() {
        for m in ac.find_iter(value) {
            if let Some((_, b)) = STEMS.get(m.pattern().as_usize()) {
                bits |= *b;
            }
        }
    }
    Sig(bits)
}

/// `value` without its Atomic CSS class names (Atomizer's `Pos(r)`, `Ff($ff-secondary)`,
/// `Bdc($c-divider)!:h`: a capitalised property abbreviation, then its value in
/// parentheses): they name a style, never what the element is (`Ff($ff-secondary)` is a
/// font family, not a sidebar).
fn without_atomic_classes(value: &str) -> String {
    value
        .split_whitespace()
        .filter(|w| !is_atomizer_class(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `true` for an Atomizer class name: `[A-Z][a-z]*(`… (`Pos(r)`, `C(#fff)`, `Ff($x)`).
fn is_atomizer_class(word: &str) -> bool {
    let mut chars = word.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    chars
        .find(|c| !c.is_ascii_lowercase())
        .is_some_and(|c| c == '(')
}

/// Token lookups for an ASCII value, without allocating: tokens are split on
/// non-alphanumerics and lower→upper camelCase humps, and the tokens of one
/// whitespace-separated word are also looked up joined (`article-body` → `articlebody`).
fn ascii_token_bits(value: &[u8]) -> u32 {
    value
        .split(|&c| class_of(c) & SPACE != 0)
        .filter(|w| !w.is_empty())
        .fold(0, |bits, word| bits | ascii_word_bits(word))
}

/// The [`ASCII_CLASS`] of byte `c`.
fn class_of(c: u8) -> u8 {
    ASCII_CLASS.get(usize::from(c)).copied().unwrap_or(0)
}

/// [`ascii_token_bits`] of one whitespace-free word: each token, then all of them joined
/// (the word's letters and digits, lower-cased).
fn ascii_word_bits(word: &[u8]) -> u32 {
    let mut bits = 0;
    let mut joined = [0u8; MAX_TOKEN_BYTES];
    let mut joined_len = 0usize;
    // The previous token of this word was "has", "with", "no"…: this one is a state, not
    // what the element is (`o-section--has-ads` holds ads, it is not one).
    let mut modified = false;
    for run in word.split(|&c| class_of(c) & ALNUM == 0) {
        let mut start = 0;
        for end in 1..=run.len() {
            let hump = run.get(end).is_some_and(|&c| {
                class_of(c) & UPPER != 0
                    && run
                        .get(end - 1)
                        .is_some_and(|&p| class_of(p) & LOWER_OR_DIGIT != 0)
            });
            if end < run.len() && !hump {
                continue;
            }
            let token = run.get(start..end).unwrap_or(&[]);
            start = end;
            let mut lower = [0u8; MAX_TOKEN_BYTES];
            let Some(lower) = lower.get_mut(..token.len()) else {
                // Longer than any token: no lookup, and the joined word is too long too.
                modified = false;
                joined_len = usize::MAX;
                continue;
            };
            for (l, &c) in lower.iter_mut().zip(token) {
                *l = c.to_ascii_lowercase();
            }
            if !std::mem::take(&mut modified) {
                bits |= token_bits(lower);
            }
            modified = is_modifier(lower);
            match joined.get_mut(joined_len..joined_len.saturating_add(lower.len())) {
                Some(slot) => {
                    slot.copy_from_slice(lower);
                    joined_len += lower.len();
                }
                None => joined_len = usize::MAX,
            }
        }
    }
    if let Some(j) = joined.get(..joined_len) {
        bits |= token_bits(j);
    }
    bits
}

/// Byte classes of [`ascii_token_bits`], looked up in [`ASCII_CLASS`] (one load per byte
/// instead of four range tests).
const ALNUM: u8 = 1;
const UPPER: u8 = 2;
const LOWER_OR_DIGIT: u8 = 4;
/// ASCII whitespace (`u8::is_ascii_whitespace`).
const SPACE: u8 = 8;

#[allow(clippy::indexing_slicing)] // Indices run below 256, the table's length (checked at compile time).
static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let mut k = 0;
        if c.is_ascii_alphanumeric() {
            k |= ALNUM;
        }
        if c.is_ascii_uppercase() {
            k |= UPPER;
        }
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            k |= LOWER_OR_DIGIT;
        }
        if c.is_ascii_whitespace() {
            k |= SPACE;
        }
        t[i] = k;
        i += 1;
    }
    t
};

/// `true` for the class-name prefixes that turn the next token into a state of the element
/// rather than what it is: `has-ads`, `no-ads`, `with-banner`. (Stems, matched inside
/// compounds, still apply: `with-sidebar` keeps its `sidebar` stem.)
fn is_modifier(token: &[u8]) -> bool {
    matches!(token, b"has" | b"with" | b"no" | b"without")
}

/// [`ascii_token_bits`] for values with non-ASCII characters.
fn unicode_token_bits(value: &str) -> u32 {
    let mut bits = 0;
    let mut token = String::with_capacity(32);
    let mut joined = String::with_capacity(64);
    let mut prev_lower = false;
    let mut modified = false;
    for c in value.chars().chain(std::iter::once(' ')) {
        let alnum = c.is_alphanumeric();
        let boundary = !alnum || (prev_lower && c.is_uppercase());
        if boundary && !token.is_empty() {
            if !std::mem::take(&mut modified) {
                bits |= token_bits(token.as_bytes());
            }
            modified = is_modifier(token.as_bytes());
            if joined.len() < MAX_TOKEN_BYTES * 2 {
                joined.push_str(&token);
            }
            token.clear();
        }
        if alnum {
            token.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            if !joined.is_empty() {
                bits |= token_bits(joined.as_bytes());
            }
            joined.clear();
            modified = false;
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    bits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_stems() {
        assert!(classify("post-comments").any(Sig::COMMENTS));
        assert!(classify("relatedArticles").any(Sig::RELATED));
        assert!(classify("sharedaddy sd-block").any(Sig::SHARE));
        assert!(classify("ad-slot").any(Sig::ADS));
        assert!(classify("entry-content").any(Sig::CONTENT_STRONG));
        assert!(classify("article__body").any(Sig::CONTENT_STRONG));
    }

    /// The byte-at-a-time state machine [`ascii_token_bits`] replaced, as a reference.
    fn ascii_token_bits_by_bytes(value: &[u8]) -> u32 {
        let mut bits = 0;
        let mut token = [0u8; MAX_TOKEN_BYTES];
        let mut token_len = 0usize;
        let mut token_overflow = false;
        let mut joined = [0u8; MAX_TOKEN_BYTES];
        let mut joined_len = 0usize;
        let mut joined_overflow = false;
        let mut prev_lower = false;
        // The previous token of this word was "has", "with", "no"…: this one is a state, not
        // what the element is (`o-section--has-ads` holds ads, it is not one).
        let mut modified = false;
        let lookup = |buf: &[u8], len: usize, overflow: bool| -> u32 {
            if overflow || len == 0 {
                return 0;
            }
            buf.get(..len).map_or(0, token_bits)
        };
        for &c in value.iter().chain(std::iter::once(&b' ')) {
            let class = ASCII_CLASS.get(usize::from(c)).copied().unwrap_or(0);
            let alnum = class & ALNUM != 0;
            let boundary = !alnum || (prev_lower && class & UPPER != 0);
            if boundary && (token_len > 0 || token_overflow) {
                let word = token.get(..token_len).unwrap_or(&[]);
                if !std::mem::take(&mut modified) {
                    bits |= lookup(&token, token_len, token_overflow);
                }
                modified = !token_overflow && is_modifier(word);
                for &t in token.get(..token_len).unwrap_or(&[]) {
                    match joined.get_mut(joined_len) {
                        Some(slot) => {
                            *slot = t;
                            joined_len += 1;
                        }
                        None => joined_overflow = true,
                    }
                }
                joined_overflow |= token_overflow;
                token_len = 0;
                token_overflow = false;
            }
            if alnum {
                match token.get_mut(token_len) {
                    Some(slot) => {
                        *slot = c.to_ascii_lowercase();
                        token_len += 1;
                    }
                    None => token_overflow = true,
                }
            } else if class & SPACE != 0 {
                bits |= lookup(&joined, joined_len, joined_overflow);
                joined_len = 0;
                joined_overflow = false;
                modified = false;
            }
            prev_lower = class & LOWER_OR_DIGIT != 0;
        }
        bits
    }

    #[test]
    fn word_split_agrees_with_the_byte_state_machine() {
        let pieces = [
            "a",
            "B",
            "7",
            "-",
            " ",
            "\t",
            "\u{b}",
            "has",
            "no",
            "ad",
            "Ads",
            "nav",
            "Bar",
            "article",
            "body",
            "x",
            "sidebar",
            "aaaaaaaaaaaaaaaaaaaaaaaaa",
            "commentsSection",
        ];
        let mut seqs = vec![String::new()];
        for _ in 0..3 {
            let mut next = Vec::new();
            for q in &seqs {
                for p in pieces {
                    next.push(format!("{q}{p}"));
                }
            }
            seqs = next;
        }
        for v in &seqs {
            assert_eq!(
                ascii_token_bits(v.as_bytes()),
                ascii_token_bits_by_bytes(v.as_bytes()),
                "{v:?}"
            );
        }
    }

    #[test]
    fn state_modifiers_do_not_name_the_element() {
        assert!(!classify("o-section o-section--has-ads").any(Sig::ADS));
        assert!(!classify("no-ads-ü").any(Sig::ADS));
        assert!(classify("has-ads ad-slot").any(Sig::ADS));
        assert!(classify("sidebar").any(Sig::SIDEBAR));
    }

    #[test]
    fn short_words_need_whole_tokens() {
        assert!(!classify("header-shadow").any(Sig::ADS));
        assert!(!classify("download").any(Sig::ADS));
        assert!(!classify("canvas").any(Sig::NAV));
        assert_eq!(classify("").0, 0);
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        for v in [
            "post-comments",
            "relatedArticles",
            "article-body entry",
            "AdSlot ad",
            "x-commentaire",
            "navigationBar",
            "section--has-ads",
        ] {
            assert_eq!(
                super::ascii_token_bits(v.as_bytes()),
                super::unicode_token_bits(v),
                "{v}"
            );
        }
        assert!(classify("Kommentare-Bereich").any(Sig::COMMENTS));
        assert!(classify("sección-comentarios").any(Sig::COMMENTS));
    }

    #[test]
    fn atomic_css_classes_are_not_words() {
        // Fires: Atomizer names hold style values, not roles.
        assert!(!classify("canvas-body C(#26282a) Ff($ff-secondary)").any(Sig::SIDEBAR));
        assert!(!classify("Bdc($c-divider)!:h Pos(r) Nav(x)").any(Sig::NAV));
        // Must not fire: ordinary words beside them still count.
        assert!(classify("sidebar Pos(r)").any(Sig::SIDEBAR));
        assert!(classify("nav(main)").any(Sig::NAV));
        assert!(classify("ad-slot").any(Sig::ADS));
    }

    #[test]
    fn huge_values_are_cut() {
        let long = "x".repeat(10_000) + " comments";
        assert!(!classify(&long).any(Sig::COMMENTS));
        let multibyte = "é".repeat(2000);
        let _ = classify(&multibyte);
    }
}
