//! Author names: cleaning what bylines and meta tags hold into a list of names.
//!
//! "By Jane Doe and John Roe | Staff Writers | Feb. 27, 2025" → `["Jane Doe", "John Roe"]`.
//! Drops "By"/"Von"/"Par"/… prefixes, roles and job titles, dates and times, e-mail
//! addresses, URLs, handles and boilerplate ("Staff", "Editorial team"); splits lists on
//! "and", "&", commas and their equivalents; removes duplicates; keeps at most
//! [`MAX_AUTHORS`].

use crate::dom::text::{collapse, fold};

/// Names kept at most.
pub(crate) const MAX_AUTHORS: usize = 10;
/// Longest raw value cleaned; longer ones are prose, not a byline.
const MAX_RAW_CHARS: usize = 300;
/// Longest accepted name, in characters.
const MAX_NAME_CHARS: usize = 60;
/// Most words in one name.
const MAX_NAME_WORDS: usize = 6;

/// Lead-ins before names, lower-case; longest first so "written by" wins over "by".
const PREFIXES: &[&str] = &[
    "zeige alle beiträge von",
    "alle beiträge von",
    "view all posts by",
    "all posts by",
    "more posts by",
    "more articles by",
    "articles by",
    "posts by",
    "ein artikel von",
    "ein beitrag von",
    "gespeichert von",
    "text von",
    "interview",
    "written and reported by",
    "reported and written by",
    "text and photos by",
    "written by",
    "posted by",
    "published by",
    "reported by",
    "reporting by",
    "report by",
    "story by",
    "words by",
    "article by",
    "interview by",
    "compiled by",
    "edited by",
    "created by",
    "contributed by",
    "submitted by",
    "geschrieben von",
    "veröffentlicht von",
    "verfasst von",
    "ein beitrag von",
    "ein artikel von",
    "publié par",
    "écrit par",
    "escrito por",
    "publicado por",
    "scritto da",
    "pubblicato da",
    "geschreven door",
    "authors",
    "author",
    "autorin",
    "autoren",
    "autor",
    "auteurs",
    "auteur",
    "autore",
    "autori",
    "by",
    "von",
    "par",
    "por",
    "door",
    "di",
    "text",
    "texte",
    "texto",
    "testo",
    "redaktion",
    "fotos",
    "foto",
    "photos",
    "photo",
    "av",
    "af",
    "autorzy",
    "автор",
    "od",
    "责任编辑",
    "作者",
    "记者",
    "编辑",
];

/// Lead-ins that are labels only with a colon after them ("Redaktion: Jane Doe").
const COLON_PREFIXES: &[&str] = &["redaktion"];

/// Words that end a name: what follows is a role, a date, a place or page furniture.
const STOP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "on",
    "am",
    "le",
    "el",
    "il",
    "vom",
    "aktualisiert",
    "veröffentlicht",
    "mis",
    "publié",
    "publicado",
    "actualizado",
    "pubblicato",
    "in",
    "at",
    "for",
    "from",
    "via",
    "who",
    "is",
    "was",
    "has",
    "min",
    "minute",
    "minutes",
    "read",
    "reading",
    "follow",
    "email",
    "e-mail",
    "twitter",
    "facebook",
    "linkedin",
    "instagram",
    "view",
    "more",
    "all",
    "share",
    "comments",
    "comment",
    "photo",
    "photos",
    "image",
    "images",
    "getty",
    "reuters",
    "credit",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "illustration",
    "illustrations",
    "illustrationen",
    "profile",
    "profil",
    "show",
    "afficher",
    "voir",
];

/// Roles and job titles, lower-case: a part made only of these (and small words) is not a
/// name, and they are cut from the end of a name ("Jane Doe Staff Writer").
const ROLE_WORDS: &[&str] = &[
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "editor",
    "editors",
    "editorial",
    "team",
    "desk",
    "senior",
    "chief",
    "managing",
    "deputy",
    "associate",
    "assistant",
    "executive",
    "contributing",
    "contributor",
    "contributors",
    "correspondent",
    "columnist",
    "journalist",
    "photographer",
    "producer",
    "analyst",
    "director",
    "coordinator",
    "manager",
    "marketing",
    "content",
    "specialist",
    "strategist",
    "consultant",
    "officer",
    "president",
    "engineer",
    "developer",
    "designer",
    "geschäftsführer",
    "geschäftsführerin",
    "pressesprecher",
    "pressesprecherin",
    "projektleiter",
    "projektleiterin",
    "chefredakteur",
    "chefredakteurin",
    "rechtsanwalt",
    "rechtsanwältin",
    "expert",
    "experts",
    "expertin",
    "attorney",
    "lawyer",
    "professor",
    "reviewer",
    "researcher",
    "scientist",
    "lecturer",
    "founder",
    "co-founder",
    "ceo",
    "head",
    "news",
    "newsroom",
    "redaktion",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "guest",
    "special",
    "freelance",
    "political",
    "business",
    "science",
    "sports",
    "health",
    "technology",
    "tech",
    "politics",
    "culture",
    "online",
    "digital",
    "web",
    "de",
    "the",
    "a",
    "an",
    "and",
    "of",
    "&",
];

/// Values that are never a person's name.
const NOT_NAMES: &[&str] = &[
    "datum",
    "date",
    "the author",
    "posted",
    "published",
    "updated",
    "admin",
    "administrator",
    "anonymous",
    "unknown",
    "guest",
    "staff",
    "editor",
    "editors",
    "user",
    "redaktion",
    "editorial",
    "editorial team",
    "editorial staff",
    "staff writer",
    "news desk",
    "newsdesk",
    "web desk",
    "the editors",
    "null",
    "none",
    "undefined",
    "stand",
    "quelle",
    "source",
    "sources",
    "author",
    "authors",
    "more",
    "share",
    "menu",
    "home",
    "search",
    "login",
    "log in",
    "sign in",
    "subscribe",
];

/// Weekday and month words (and abbreviations) that follow a name in bylines with a date.
const DATE_WORDS: &[&str] = &[
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mo",
    "di",
    "mi",
    "do",
    "fr",
    "sa",
    "so",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "okt",
    "nov",
    "dec",
    "dez",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "yesterday",
    "heute",
    "gestern",
];

/// Lower-case words that belong inside names.
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
    "zu", "ter", "ten", "bin", "al", "el", "y", "e", "st", "mc",
];

/// Last words that mark a comment, not a byline ("Jane says").
const SPEECH_WORDS: &[&str] = &[
    "says",
    "said",
    "sagt",
    "schreibt",
    "writes",
    "wrote",
    "dit",
    "dice",
    "antwortet",
    "replies",
];

/// Collective words kept at the end of a name ("The Investopedia Team", "Greentech
/// Redaktion"): the name of a group, not a job title.
const COLLECTIVE_WORDS: &[&str] = &[
    "team",
    "desk",
    "newsroom",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "redactie",
    "editors",
    "contributor",
    "contributors",
];

/// Credentials not written in capitals ("PhD", "Jr"); the others are ("MD", "DVM").
const CREDENTIALS: &[&str] = &["PhD", "Jr", "Sr", "MSc", "BSc", "DPhil", "Esq", "Dr"];
/// Words in a credentials part, at most ("DVM, DACVB" is two parts of one word each).
const MAX_CREDENTIAL_WORDS: usize = 3;
/// Small words in [`ROLE_WORDS`] that say nothing about a role on their own.
const SMALL_WORDS: &[&str] = &["the", "a", "an", "and", "of", "&", "de"];

/// Lead-in words that may stand inside a segment, before the names.
const MID_LEAD_INS: &[&str] = &["by", "par", "por", "door"];

/// Words that split a list of names.
const JOINERS: &[&str] = &[
    "and", "und", "et", "y", "e", "en", "i", "og", "och", "with", "mit", "avec", "con", "com", "и",
    "і", "oraz",
];

/// Cleans one raw author value into names (may be empty).
pub(crate) fn clean(raw: &str) -> Vec<String> {
    let raw = collapse(raw);
    if raw.is_empty() || raw.chars().count() > MAX_RAW_CHARS {
        return Vec::new();
    }
    // Addresses, e-mails and handles are never part of a name.
    let raw: String = raw
        .split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@')))
        .collect::<Vec<_>>()
        .join(" ");
    let raw = raw.replace(" - ", " | ");
    let mut out = Vec::new();
    // Hard separators first: a byline is often "names | role | date".
    for segment in raw.split([
        '|', '•', '·', '⋅', '∙', '●', '‧', '\n', '—', '–', '/', '(', ')', '[', ']', '«', '»',
    ]) {
        let segment = segment.trim();
        if segment.is_empty() {
            continue;
        }
        let names = names_in(segment);
        // Names come first; what follows the first names is a role, a date or an agency.
        if !names.is_empty() {
            out.extend(names);
            break;
        }
    }
    dedupe(out)
}

/// Cleans several raw values, in order, into one list.
pub(crate) fn clean_all<'a>(raws: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for r in raws {
        out.extend(clean(r));
    }
    dedupe(out)
}

fn dedupe(names: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for n in names {
        let k = fold(&n);
        if k.is_empty() || keys.contains(&k) {
            continue;
        }
        // "Jane Doe" after "Jane Doe, PhD" or the reverse: keep the first.
        keys.push(k);
        out.push(n);
        if out.len() >= MAX_AUTHORS {
            break;
        }
    }
    out
}

/// Names in one segment without hard separators.
fn names_in(segment: &str) -> Vec<String> {
    // "Posted on March 3, 2020 by Jane Doe": the names follow the last lead-in word.
    let lead_in = segment
        .split_whitespace()
        .enumerate()
        .filter(|(i, w)| *i > 0 && MID_LEAD_INS.contains(&w.to_lowercase().trim_end_matches(':')))
        .map(|(i, _)| i)
        .last();
    let segment = match lead_in {
        Some(i) => segment
            .split_whitespace()
            .skip(i + 1)
            .collect::<Vec<_>>()
            .join(" "),
        None => segment.to_string(),
    };
    let s = strip_prefix(&segment);
    if s.is_empty() {
        return Vec::new();
    }
    // Cut at the first stop word or date-like token.
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // A capitalised particle between capitalised words belongs to the name
        // ("Loïc Le Clerc"), though "le" alone starts a date ("le 3 mai").
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let in_name = i > 0
            && PARTICLES.contains(&lw.as_str())
            && capital(w)
            && words.get(i + 1).is_some_and(|n| capital(n));
        let stop = (STOP_WORDS.contains(&lw.as_str()) && !in_name)
            || (i > 0 && DATE_WORDS.contains(&lw.as_str()))
            // A lower-case word that is no name particle ends the name ("Jane Doe im
            // Gespräch"), unless the whole value is one user name.
            || (i > 0
                && w.chars().next().is_some_and(char::is_lowercase)
                && !PARTICLES.contains(&lw.as_str())
                && !JOINERS.contains(&lw.as_str()));
        // A number ends the name (a date, a time); a handle may hold digits ("delta201").
        let number = w
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit());
        if stop || number || w.contains('@') || w.contains("://") || w.starts_with("www.") {
            break;
        }
        kept.push(w);
    }
    let s = kept.join(" ");
    // Split lists: commas, semicolons, "&", "and" and friends. After a comma, credentials
    // stay with the name before them ("Jane Doe, MD"); a part with a job title is a role
    // ("Jane Doe, Senior Reporter"), not a name.
    let mixed_case = s.chars().any(char::is_lowercase);
    let mut names: Vec<String> = Vec::new();
    for (k, piece) in s.split([',', ';']).enumerate() {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        if k > 0
            && mixed_case
            && is_credential(piece)
            && let Some(last) = names.last_mut()
        {
            last.push_str(", ");
            last.push_str(piece);
            continue;
        }
        if k > 0 && has_role_word(piece) {
            continue;
        }
        for sub in piece.split(['&', '+']) {
            let mut cur: Vec<&str> = Vec::new();
            for w in sub.split_whitespace() {
                if JOINERS.contains(&w.to_lowercase().as_str()) {
                    names.extend(tidy_name(&cur.join(" ")));
                    cur.clear();
                } else {
                    cur.push(w);
                }
            }
            names.extend(tidy_name(&cur.join(" ")));
        }
    }
    names
}

/// Post-nominal letters and credentials ("MD", "Ph.D.", "DVM, DACVB", "E-RYT 200", "Jr.").
fn is_credential(piece: &str) -> bool {
    let words: Vec<&str> = piece.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_CREDENTIAL_WORDS {
        return false;
    }
    words.iter().enumerate().all(|(i, w)| {
        let core: String = w
            .chars()
            .filter(|c| !matches!(c, '.' | '-' | '®' | '’' | '\''))
            .collect();
        let n = core.chars().count();
        if n == 0 || n > 6 {
            return false;
        }
        if core.chars().all(|c| c.is_ascii_digit()) {
            return i > 0;
        }
        core.chars().all(char::is_alphabetic)
            && ((n >= 2 && core.chars().all(char::is_uppercase))
                || CREDENTIALS.contains(&core.as_str()))
    })
}

/// `true` when a part holds a job title word ("Senior Reporter", "Digital Security Expert").
fn has_role_word(piece: &str) -> bool {
    piece.split_whitespace().any(|w| {
        let lw = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        ROLE_WORDS.contains(&lw.as_str())
            && !COLLECTIVE_WORDS.contains(&lw.as_str())
            && !SMALL_WORDS.contains(&lw.as_str())
    })
}

/// `true` when the names cleaned from `text` are a byline, not the start of a sentence
/// ("By combining the two, …"): a lower-case first name must be followed by nothing, a
/// date, a stop word ("rasos am 24. Juli") or punctuation.
pub(crate) fn reads_as_byline(names: &[String], text: &str) -> bool {
    let Some(first) = names.first() else {
        return false;
    };
    if !first.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let rest = strip_prefix(&collapse(text));
    let Some(after) = rest.strip_prefix(first.as_str()) else {
        return false;
    };
    let Some(next) = after.split_whitespace().next() else {
        return true;
    };
    let lw = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    lw.is_empty()
        || !next.chars().next().is_some_and(char::is_alphanumeric)
        || lw.chars().any(|c| c.is_ascii_digit())
        || STOP_WORDS.contains(&lw.as_str())
        || DATE_WORDS.contains(&lw.as_str())
}

/// Removes a lead-in ("By", "Written by", "Autor:") from the start of `s`.
fn strip_prefix(s: &str) -> String {
    let mut s = s
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_string();
    loop {
        let lower = s.to_lowercase();
        let Some(p) = PREFIXES.iter().find(|p| {
            let next = lower
                .get(p.len()..)
                .and_then(|r| r.trim_start().chars().next());
            lower.starts_with(**p)
                && next.is_none_or(|c| !c.is_alphanumeric())
                // "Redaktion: Jane Doe" is a label; "Redaktion Polizeiticker" a team.
                || (lower.starts_with(**p)
                    && !COLON_PREFIXES.contains(p)
                    && lower
                        .get(p.len()..)
                        .and_then(|r| r.chars().next())
                        .is_some_and(char::is_whitespace))
        }) else {
            break;
        };
        // Lower-casing keeps ASCII lengths; for non-ASCII, cut by characters.
        let n = p.chars().count();
        let rest: String = s.chars().skip(n).collect();
        let rest = rest
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if rest.is_empty() {
            return String::new();
        }
        s = rest;
    }
    s
}

/// A name, or `None` when the part is not one.
fn tidy_name(part: &str) -> Option<String> {
    let part = part.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'');
    let part = part.trim_end_matches(['.', '\'']);
    let part = strip_prefix(part);
    let mut words: Vec<&str> = part.split_whitespace().collect();
    // Trailing roles ("Jane Doe Staff Writer"), and leading ones ("Senior Editor Jane Doe"
    // is rare; only a trailing run is cut).
    while words.len() > 1
        && words.last().is_some_and(|w| {
            let lw = w.to_lowercase();
            ROLE_WORDS.contains(&lw.as_str()) && !COLLECTIVE_WORDS.contains(&lw.as_str())
        })
    {
        words.pop();
    }
    // Leading roles too ("Rechtsanwalt Jane Doe"), but not a team's name ("Redaktion X",
    // "The X Team").
    while words.len() > 1
        && words.first().is_some_and(|w| {
            let lw = w.to_lowercase();
            ROLE_WORDS.contains(&lw.as_str())
                && !COLLECTIVE_WORDS.contains(&lw.as_str())
                && !SMALL_WORDS.contains(&lw.as_str())
        })
        && !words
            .last()
            .is_some_and(|w| COLLECTIVE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    if words.is_empty() || words.len() > MAX_NAME_WORDS {
        return None;
    }
    if words.len() > 1
        && words
            .last()
            .is_some_and(|w| SPEECH_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    if words
        .iter()
        .all(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let name = words.join(" ");
    let n = name.chars().count();
    if !(2..=MAX_NAME_CHARS).contains(&n) || name.starts_with('@') {
        return None;
    }
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    let lower = name.to_lowercase();
    if NOT_NAMES.contains(&lower.as_str()) {
        return None;
    }
    // A month or weekday alone ("Dezember 10, 2019 · von …").
    if words.iter().all(|w| {
        DATE_WORDS.contains(
            &w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
                .as_str(),
        )
    }) {
        return None;
    }
    // A template placeholder ("page.head.extra.author").
    if words.len() == 1
        && name.contains('.')
        && name
            .split('.')
            .any(|p| matches!(p, "author" | "name" | "byline" | "title"))
    {
        return None;
    }
    // Several words all lower-case read as a phrase, not a name ("view all posts").
    if words.len() > 1
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_lowercase))
    {
        return None;
    }
    Some(name)
}

/// `true` when every word is a role or job title ("Redacción", "Editorial Team").
pub(crate) fn only_roles(words: &[&str]) -> bool {
    words
        .iter()
        .all(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()))
}

/// `true` when `s` is an address rather than a name.
pub(crate) fn is_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://")
        || s.starts_with("https://")
        || s.starts_with("//")
        || s.starts_with("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<String> {
        clean(s)
    }

    #[test]
    fn prefixes_go() {
        assert_eq!(c("By Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(c("by"), Vec::<String>::new());
        assert_eq!(c("Von Max Mustermann"), vec!["Max Mustermann"]);
        assert_eq!(c("Par Sébastien Farcis"), vec!["Sébastien Farcis"]);
        assert_eq!(c("Written by: Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(c("Autor: Max Mustermann"), vec!["Max Mustermann"]);
        assert_eq!(c("BY JANE DOE"), vec!["JANE DOE"]);
    }

    #[test]
    fn lists_are_split() {
        assert_eq!(c("Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
        assert_eq!(
            c("A. One, B. Two & C. Three"),
            vec!["A. One", "B. Two", "C. Three"]
        );
        assert_eq!(
            c("Anna Schmidt und Max Müller"),
            vec!["Anna Schmidt", "Max Müller"]
        );
        assert_eq!(
            c("Marie Curie et Pierre Curie"),
            vec!["Marie Curie", "Pierre Curie"]
        );
    }

    #[test]
    fn roles_dates_and_contacts_go() {
        assert_eq!(c("Jane Doe | Staff Writer"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe, Senior Reporter"), vec!["Jane Doe"]);
        assert_eq!(c("By Jane Doe Updated Feb. 27, 2025"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe 27.02.2025 14:07"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe jane@example.com"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe https://example.com/jane"), vec!["Jane Doe"]);
        assert_eq!(c("By Jane Doe – 2 min read"), vec!["Jane Doe"]);
        assert_eq!(c("Jane Doe (Reuters)"), vec!["Jane Doe"]);
    }

    #[test]
    fn boilerplate_is_not_a_name() {
        assert!(c("Staff").is_empty());
        assert!(c("Editorial team").is_empty());
        assert!(c("@handle").is_empty());
        assert!(c("view all posts").is_empty());
        assert!(c(&"x".repeat(400)).is_empty());
    }

    #[test]
    fn duplicates_and_maximum() {
        assert_eq!(c("Jane Doe and jane doe"), vec!["Jane Doe"]);
        let many = (0..20)
            .map(|i| format!("Name{}", char::from(b'A' + i)))
            .collect::<Vec<_>>()
            .join(", ");
        assert_eq!(c(&many).len(), MAX_AUTHORS);
    }

    #[test]
    fn single_user_names_stay() {
        assert_eq!(c("karstenruppert"), vec!["karstenruppert"]);
    }

    #[test]
    fn more_separators() {
        assert_eq!(
            c("By Chris Mack ⋅ Founder and Editor-in-Chief ⋅ Updated May 6, 2025"),
            vec!["Chris Mack"]
        );
        assert_eq!(c("Ann Lee ● Review Editor"), vec!["Ann Lee"]);
    }

    #[test]
    fn credentials_stay_with_the_name() {
        assert_eq!(c("Shelby Loos, DVM"), vec!["Shelby Loos, DVM"]);
        assert_eq!(c("Jane Doe, MD, PhD"), vec!["Jane Doe, MD, PhD"]);
        assert_eq!(c("Ann Ray, DVM, DACVB"), vec!["Ann Ray, DVM, DACVB"]);
        // Must not fire: names after a comma, or an all-capitals list of names.
        assert_eq!(c("Jane Doe, Ann Lee"), vec!["Jane Doe", "Ann Lee"]);
        assert_eq!(c("JOHN DOE, JANE ROE"), vec!["JOHN DOE", "JANE ROE"]);
    }

    #[test]
    fn a_part_with_a_job_title_is_a_role() {
        assert_eq!(
            c("Brett Cruz, Privacy and Digital Security Expert"),
            vec!["Brett Cruz"]
        );
        assert_eq!(
            c("Justin Meserole, Trial Attorney"),
            vec!["Justin Meserole"]
        );
        // Must not fire: the first part is always read for names.
        assert_eq!(
            c("Jane Doe and John Roe, Staff Writers"),
            vec!["Jane Doe", "John Roe"]
        );
    }

    #[test]
    fn handles_may_hold_digits_but_numbers_end_a_name() {
        assert_eq!(c("von freeman1984"), vec!["freeman1984"]);
        assert_eq!(c("c1ph4"), vec!["c1ph4"]);
        assert_eq!(c("Jane Doe 2019"), vec!["Jane Doe"]);
    }

    #[test]
    fn months_placeholders_and_labels_are_no_names() {
        assert!(c("Dezember 10, 2019").is_empty());
        assert!(c("page.head.extra.author").is_empty());
        assert!(c("Afficher mon profil complet").is_empty());
        assert!(c("Stand").is_empty());
        // Must not fire: a first name that is also a month abbreviation; a dotted handle.
        assert_eq!(c("Jan Koch"), vec!["Jan Koch"]);
        assert_eq!(c("sara.r.peter"), vec!["sara.r.peter"]);
    }

    #[test]
    fn capitalised_particles_inside_names() {
        assert_eq!(c("Par Loïc Le Clerc"), vec!["Loïc Le Clerc"]);
        // Must not fire: a lower-case "le" starts a date.
        assert_eq!(c("Jane Doe le 3 mai 2020"), vec!["Jane Doe"]);
        assert_eq!(c("Miami Today"), vec!["Miami Today"]);
    }

    #[test]
    fn teams_and_leading_roles() {
        assert_eq!(c("Redaktion: Jane Doe"), vec!["Jane Doe"]);
        assert_eq!(
            c("Redaktion Polizeiticker Schweiz"),
            vec!["Redaktion Polizeiticker Schweiz"]
        );
        assert_eq!(
            c("Rechtsanwalt Sebastian Einbock"),
            vec!["Sebastian Einbock"]
        );
        // Must not fire: a team's name keeps its first word.
        assert_eq!(c("The Investopedia Team"), vec!["The Investopedia Team"]);
        assert_eq!(
            c("Redacción Diario Pagina Siete"),
            vec!["Redacción Diario Pagina Siete"]
        );
    }

    #[test]
    fn picture_credits_end_a_name() {
        assert_eq!(
            c("Text von Christian Seiler Illustration von Markus Roost"),
            vec!["Christian Seiler"]
        );
    }

    #[test]
    fn cjk_labels() {
        assert_eq!(c("责任编辑：孔德明"), vec!["孔德明"]);
        assert_eq!(c("孔德明"), vec!["孔德明"]);
    }

    #[test]
    fn a_byline_not_a_sentence() {
        let r = |t: &str| reads_as_byline(&clean(t), t);
        assert!(!r("By combining both, we win"));
        assert!(r("Gespeichert von rasos am 24. Juli 2017"));
        assert!(r("By Jane Doe and the team"));
        assert!(r("by jdoe"));
    }

    #[test]
    fn role_checks() {
        assert!(only_roles(&["Senior", "Editor"]));
        assert!(!only_roles(&["Jane", "Editor"]));
        assert!(is_credential("DVM"));
        assert!(is_credential("Ph.D."));
        assert!(!is_credential("Ann Lee"));
        assert!(!is_credential("200"));
    }
}
