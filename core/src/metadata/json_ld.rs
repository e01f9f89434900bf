//! JSON-LD (`<script type="application/ld+json">`): every block read (bounded), the article
//! object chosen among all the objects they hold, and its fields read with `@id` references
//! resolved.
//!
//! ## Robustness
//! - at most [`MAX_BLOCKS`] blocks of at most [`MAX_BLOCK_BYTES`] each, and
//!   [`MAX_TOTAL_BYTES`] in all, are parsed; the rest are skipped;
//! - invalid JSON is repaired in one linear pass ([`repair`]: comments, trailing commas,
//!   raw control characters in strings, bad escapes, HTML comment wrappers) and parsed
//!   again, or skipped;
//! - blocks nested deeper than [`MAX_DEPTH`] are skipped before parsing (serde_json
//!   recurses per level), so no deep value is ever built and parsing fits a small stack;
//!   every walk over the values is iterative and visits at most [`MAX_OBJECTS`] objects.

use std::collections::HashMap;

use serde_json::{Map, Value};

use crate::dom::{Doc, NodeIx};

/// Bytes of one JSON-LD block parsed at most; larger blocks are skipped.
pub(crate) const MAX_BLOCK_BYTES: usize = 1024 * 1024;
/// JSON-LD blocks parsed at most per page.
pub(crate) const MAX_BLOCKS: usize = 32;
/// Bytes of JSON-LD parsed at most per page.
const MAX_TOTAL_BYTES: usize = 4 * 1024 * 1024;
/// JSON objects looked at per page, at most.
const MAX_OBJECTS: usize = 20_000;
/// Deepest nesting of a block that is parsed; real JSON-LD stays below 20.
const MAX_DEPTH: usize = 64;
/// Authors read from one article object, at most.
const MAX_AUTHORS: usize = 20;

/// What the JSON-LD blocks say about the article.
#[derive(Debug, Default)]
pub(crate) struct JsonLd {
    pub headline: Option<String>,
    /// The article object's `name`, when it differs from its `headline` (some pages put a
    /// description or kicker in `headline` and the title in `name`).
    pub name: Option<String>,
    pub article_body: Option<String>,
    /// Author names as written (cleaned later), persons and organisations.
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    pub image: Option<String>,
    pub image_caption: Option<String>,
    pub sections: Vec<String>,
    pub keywords: Vec<String>,
    pub license: Option<String>,
    /// `@type` of the chosen object.
    pub page_type: Option<String>,
    /// `true` when the chosen object is an article type (not a plain `WebPage`).
    pub is_article: bool,
}

/// Article types, most specific first (schema.org `Article` and its subtypes, plus the
/// creative works pages are built around).
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "AskPublicNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "AdvertiserContentArticle",
    "SatiricalArticle",
    "Review",
    "CriticReview",
    "Recipe",
    "HowTo",
    "Blog",
    "Posting",
    "VideoObject",
    "Episode",
    "PodcastEpisode",
];

/// Article types that are often someone's rating of the page's subject.
const REVIEW_TYPES: &[&str] = &["Review", "CriticReview"];

/// Page types: used when no article object exists, and for fields the article lacks.
const PAGE_TYPES: &[&str] = &[
    "WebPage",
    "ItemPage",
    "AboutPage",
    "ProfilePage",
    "QAPage",
    "FAQPage",
    "MedicalWebPage",
    "CollectionPage",
];

/// Reads every JSON-LD block (bounded) and picks the article object.
pub(crate) fn read(doc: &Doc<'_>, scripts: &[NodeIx]) -> JsonLd {
    let mut values = Vec::new();
    let mut total = 0usize;
    for &ix in scripts.iter().take(MAX_BLOCKS) {
        let len: usize = doc
            .children(ix)
            .filter_map(|c| doc.text(c))
            .map(str::len)
            .sum();
        if len > MAX_BLOCK_BYTES || total.saturating_add(len) > MAX_TOTAL_BYTES {
            continue;
        }
        total += len;
        let text: String = doc.children(ix).filter_map(|c| doc.text(c)).collect();
        values.extend(parse_block(&text));
    }
    from_values(&values)
}

/// Parses one block: as is, else repaired, else nothing. Several concatenated values are
/// all kept.
pub(crate) fn parse_block(text: &str) -> Vec<Value> {
    let text = text.trim();
    // serde_json recurses once per level (up to 128, with frames of a few hundred bytes to
    // kilobytes): deeper blocks are skipped before parsing, so parsing fits any stack.
    if nesting_depth(text) > MAX_DEPTH {
        return Vec::new();
    }
    if let Some(v) = parse_stream(text) {
        return v;
    }
    parse_stream(&repair(text)).unwrap_or_default()
}

/// The deepest `[`/`{` nesting in `text`, strings skipped. Linear, no recursion.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn parse_stream(text: &str) -> Option<Vec<Value>> {
    let mut out = Vec::new();
    for v in serde_json::Deserializer::from_str(text).into_iter::<Value>() {
        match v {
            Ok(v) => out.push(v),
            Err(_) if !out.is_empty() => break,
            Err(_) => return None,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Repairs the common faults of hand-written JSON-LD in one linear pass: `<!-- -->` and
/// CDATA wrappers, `//` and `/* */` comments, trailing commas, raw control characters in
/// strings, invalid escapes (`\'`), and a missing comma between two objects (`} {`).
pub(crate) fn repair(text: &str) -> String {
    let mut t = text.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("<![CDATA[", "]]>"),
        ("//<![CDATA[", "//]]>"),
    ] {
        if let Some(rest) = t.strip_prefix(open) {
            t = rest.trim();
            if let Some(rest) = t.strip_suffix(close) {
                t = rest.trim();
            }
        }
    }
    let mut out = String::with_capacity(t.len());
    let mut chars = t.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '"' => {
                    in_string = false;
                    out.push(c);
                }
                '\\' => match chars.next() {
                    Some(e @ ('"' | '\\' | '/' | 'b' | 'f' | 'n' | 'r' | 't' | 'u')) => {
                        out.push('\\');
                        out.push(e);
                    }
                    Some(e) => out.push(e),
                    None => {}
                },
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if (c as u32) < 0x20 => out.push(' '),
                c => out.push(c),
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '/' if chars.peek() == Some(&'/') => {
                for n in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for n in chars.by_ref() {
                    if prev == '*' && n == '/' {
                        break;
                    }
                    prev = n;
                }
            }
            '}' | ']' => {
                // Drop a trailing comma (and the whitespace after it).
                let trimmed = out.trim_end().len();
                out.truncate(trimmed);
                if out.ends_with(',') {
                    out.pop();
                }
                out.push(c);
            }
            '{' if out.trim_end().ends_with('}') => {
                out.push(',');
                out.push(c);
            }
            c if (c as u32) < 0x20 && !c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    // `{…},{…}` at top level: make it an array.
    if out.starts_with('{') && out.ends_with('}') && out.contains("},{") {
        let probe: Result<Value, _> = serde_json::from_str(&out);
        if probe.is_err() {
            return format!("[{out}]");
        }
    }
    out
}

type Obj = Map<String, Value>;

/// `true` when the object's `@type` (a string or an array) is one of `types`.
fn type_in(obj: &Obj, types: &[&'static str]) -> Option<&'static str> {
    let matches = |s: &str| {
        let s = s.rsplit(['/', ':']).next().unwrap_or(s);
        types.iter().find(|t| t.eq_ignore_ascii_case(s)).copied()
    };
    match obj.get("@type")? {
        Value::String(s) => matches(s),
        Value::Array(a) => a.iter().filter_map(Value::as_str).find_map(matches),
        _ => None,
    }
}

fn article_type(obj: &Obj) -> Option<&'static str> {
    type_in(obj, ARTICLE_TYPES)
}

/// Every object in `values` (iterative, bounded), and the `@id` index.
fn objects(values: &[Value]) -> (Vec<&Obj>, HashMap<&str, &Obj>) {
    let mut objs = Vec::new();
    let mut ids = HashMap::new();
    let mut stack: Vec<&Value> = values.iter().rev().collect();
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_OBJECTS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => {
                if let Some(id) = map.get("@id").and_then(Value::as_str)
                    && map.len() > 1
                {
                    ids.entry(id).or_insert(map);
                }
                objs.push(map);
                // Children in order (reverse push), skipping bodies of text.
                let mut kids: Vec<&Value> = map
                    .iter()
                    .filter(|(k, v)| *k != "articleBody" && (v.is_object() || v.is_array()))
                    .map(|(_, v)| v)
                    .collect();
                kids.reverse();
                stack.extend(kids);
            }
            _ => {}
        }
    }
    (objs, ids)
}

/// Chooses the article object and reads its fields.
pub(crate) fn from_values(values: &[Value]) -> JsonLd {
    let mut out = JsonLd::default();
    if values.is_empty() {
        return out;
    }
    let (objs, ids) = objects(values);
    let score = |o: &Obj| -> u32 {
        let mut s = if article_type(o).is_some() { 8 } else { 0 };
        for key in ["headline", "datePublished", "author", "articleBody"] {
            if o.contains_key(key) {
                s += 1;
            }
        }
        s
    };
    // A review is the article only when nothing else is: reviews are mostly readers'
    // ratings listed inside a recipe or a product.
    let pick = |reviews: bool| {
        objs.iter()
            .copied()
            .filter(|o| article_type(o).is_some())
            .filter(|o| reviews || type_in(o, REVIEW_TYPES).is_none())
            .fold(None::<&Obj>, |best, o| match best {
                Some(b) if score(b) >= score(o) => Some(b),
                _ => Some(o),
            })
    };
    let article = pick(false).or_else(|| pick(true));
    let page = objs
        .iter()
        .copied()
        .find(|o| type_in(o, PAGE_TYPES).is_some());
    let main = article.or(page);
    let Some(main) = main else {
        // No typed article: a WebSite or Organization may still name the site.
        out.site_name = site_name(&objs, None, &ids);
        return out;
    };
    out.is_article = article.is_some();
    out.page_type = type_name(main);
    // Fields read from the article, else from the page it belongs to.
    let sources: Vec<&Obj> = [Some(main), page.filter(|p| !std::ptr::eq(*p, main))]
        .into_iter()
        .flatten()
        .collect();
    let first = |f: &dyn Fn(&Obj) -> Option<String>| sources.iter().find_map(|o| f(o));
    // A page's name is often "Title - Site": only an article's name stands for a headline.
    out.headline =
        str_of(main.get("headline")).or_else(|| article.and_then(|a| str_of(a.get("name"))));
    out.name = article
        .and_then(|a| str_of(a.get("name")))
        .filter(|n| out.headline.as_ref() != Some(n));
    out.article_body = str_of(main.get("articleBody"))
        .or_else(|| str_of(main.get("text")))
        .or_else(|| instructions_body(main));
    out.published = first(&|o| {
        str_of(o.get("datePublished"))
            .or_else(|| str_of(o.get("dateCreated")))
            .or_else(|| str_of(o.get("uploadDate")))
    });
    out.modified = first(&|o| str_of(o.get("dateModified")));
    out.description = first(&|o| str_of(o.get("description")));
    out.language = first(&|o| lang_of(o.get("inLanguage")));
    out.url =
        first(&|o| url_of(o.get("url"), &ids).or_else(|| url_of(o.get("mainEntityOfPage"), &ids)));
    for o in &sources {
        if out.image.is_none()
            && let Some((img, cap)) =
                image_of(o.get("image"), &ids).or_else(|| image_of(o.get("thumbnailUrl"), &ids))
        {
            out.image = Some(img);
            out.image_caption = cap;
        }
    }
    for key in ["author", "creator"] {
        for o in &sources {
            if out.authors.is_empty() {
                out.authors = names_of(o.get(key), &ids);
            }
        }
    }
    // A `creator` list that holds the `author` and more is the fuller byline.
    let creators = names_of(main.get("creator"), &ids);
    if creators.len() > out.authors.len() && out.authors.iter().all(|a| creators.contains(a)) {
        out.authors = creators;
    }
    out.sections = list_of(main.get("articleSection"));
    out.keywords = list_of(main.get("keywords"))
        .into_iter()
        .flat_map(|k| {
            k.split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    out.license = first(&|o| url_of(o.get("license"), &ids));
    out.site_name = site_name(&objs, Some(main), &ids);
    out
}

/// `publisher.name` of the article, else a `WebSite`'s name.
fn site_name(objs: &[&Obj], main: Option<&Obj>, ids: &HashMap<&str, &Obj>) -> Option<String> {
    let from_publisher = main
        .and_then(|m| m.get("publisher"))
        .and_then(|p| first_value(p))
        .and_then(|p| resolve(p, ids))
        .and_then(|p| str_of(p.get("name")));
    from_publisher.or_else(|| {
        objs.iter()
            .find(|o| type_in(o, &["WebSite"]).is_some())
            .and_then(|o| str_of(o.get("name")))
    })
}

fn type_name(o: &Obj) -> Option<String> {
    let t = match o.get("@type")? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a
            .iter()
            .filter_map(Value::as_str)
            .find(|s| ARTICLE_TYPES.contains(s))
            .or_else(|| a.iter().find_map(Value::as_str))?,
        _ => return None,
    };
    let t = t.rsplit(['/', ':']).next().unwrap_or(t).trim();
    (!t.is_empty() && t.len() < 64).then(|| t.to_string())
}

fn first_value(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(a) => a.first(),
        v => Some(v),
    }
}

/// The object a value stands for: itself, or the object its `@id` names.
fn resolve<'v>(v: &'v Value, ids: &HashMap<&str, &'v Obj>) -> Option<&'v Obj> {
    let o = v.as_object()?;
    if let Some(id) = o.get("@id").and_then(Value::as_str)
        && o.len() <= 2
        && let Some(target) = ids.get(id)
    {
        return Some(target);
    }
    Some(o)
}

/// A string value: a string, `{"@value": …}`, or the first of an array.
fn str_of(v: Option<&Value>) -> Option<String> {
    let s = match v? {
        Value::String(s) => s.as_str(),
        Value::Array(a) => return a.iter().find_map(|x| str_of(Some(x))),
        Value::Object(o) => return str_of(o.get("@value")),
        Value::Number(n) => return Some(n.to_string()),
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| decode_entities(s))
}

/// Most step objects read from a how-to or a recipe.
const MAX_INSTRUCTION_STEPS: usize = 500;

/// The text of a how-to or a recipe that carries no `articleBody`: its description, then the
/// text of each step (`step`, `recipeInstructions`, and the `itemListElement` of sections and
/// steps), one paragraph each, HTML markup removed.
///
/// Page pattern: a client-rendered how-to page whose body is an empty mount point and whose
/// instructions are only in its JSON-LD `HowTo` (`{"@type":"HowTo","description":"<p>…</p>",
/// "step":[{"@type":"HowToStep","itemListElement":{"text":"<p>Measure…</p>"}}]}`); the
/// pipeline's short-body fallback then reads it like an `articleBody`.
fn instructions_body(main: &Obj) -> Option<String> {
    let steps = main
        .get("step")
        .or_else(|| main.get("recipeInstructions"))?;
    let mut parts: Vec<String> = Vec::new();
    if let Some(d) = str_of(main.get("description")) {
        parts.push(strip_markup(&d));
    }
    let mut stack: Vec<&Value> = vec![steps];
    let mut seen = 0;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > MAX_INSTRUCTION_STEPS {
            break;
        }
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::String(t) => parts.push(strip_markup(&decode_entities(t))),
            Value::Object(o) => {
                if let Some(t) = str_of(o.get("text")) {
                    parts.push(strip_markup(&t));
                } else if let Some(items) = o.get("itemListElement") {
                    stack.push(items);
                }
            }
            _ => {}
        }
    }
    let body = parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (!body.is_empty()).then_some(body)
}

/// `s` without HTML tags; a tag starts a new line (paragraphs in a JSON-LD string).
fn strip_markup(s: &str) -> String {
    if !s.contains('<') {
        return s.trim().to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                if !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// Decodes the HTML character references CMSs leave in JSON-LD strings (`&#038;`,
/// `&#8217;`, `&amp;`, `&quot;`, …). Unknown references stay as written.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let tail = rest.get(i..).unwrap_or("");
        let end = tail
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j);
        let decoded = end.and_then(|j| {
            let name = tail.get(1..j)?;
            let c = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                char::from_u32(u32::from_str_radix(num, 16).ok()?)
            } else if let Some(num) = name.strip_prefix('#') {
                char::from_u32(num.parse().ok()?)
            } else {
                // Named references (`&oacute;`), from the HTML parser's table; those that
                // stand for two code points are left as written.
                let key = tail.get(1..=j)?;
                match html5ever::data::NAMED_ENTITIES.get(key) {
                    Some(&(c, 0)) => char::from_u32(c),
                    _ => None,
                }
            }?;
            Some((c, j + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = tail.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn lang_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Object(o) => str_of(o.get("alternateName")).or_else(|| str_of(o.get("name"))),
        other => str_of(Some(other)),
    }
}

fn url_of(v: Option<&Value>, ids: &HashMap<&str, &Obj>) -> Option<String> {
    match v? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| url_of(Some(x), ids)),
        Value::Object(o) => str_of(o.get("url"))
            .or_else(|| str_of(o.get("@id")))
            .or_else(|| {
                let id = o.get("@id")?.as_str()?;
                str_of(ids.get(id)?.get("url"))
            }),
        _ => None,
    }
}

fn image_of(v: Option<&Value>, ids: &HashMap<&str, &Obj>) -> Option<(String, Option<String>)> {
    match v? {
        Value::String(s) => Some((s.trim().to_string(), None)).filter(|(s, _)| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| image_of(Some(x), ids)),
        v @ Value::Object(_) => {
            let o = resolve(v, ids)?;
            let url = str_of(o.get("url")).or_else(|| str_of(o.get("contentUrl")))?;
            let caption = str_of(o.get("caption"));
            Some((url, caption))
        }
        _ => None,
    }
}

/// Names in an `author` / `creator` value: strings, objects (`name`, or `givenName` +
/// `familyName`), `@id` references, arrays of these.
fn names_of(v: Option<&Value>, ids: &HashMap<&str, &Obj>) -> Vec<String> {
    let mut out = Vec::new();
    let Some(v) = v else {
        return out;
    };
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    };
    for item in items.into_iter().take(MAX_AUTHORS) {
        let name = match item {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Object(_) => resolve(item, ids).and_then(|o| {
                str_of(o.get("name")).or_else(|| {
                    let g = str_of(o.get("givenName"))?;
                    Some(match str_of(o.get("familyName")) {
                        Some(f) => format!("{g} {f}"),
                        None => g,
                    })
                })
            }),
            _ => None,
        };
        if let Some(n) = name.filter(|n| !n.is_empty()) {
            out.push(n);
        }
    }
    out
}

/// A list of strings: an array, or one string.
fn list_of(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(a)) => a.iter().filter_map(|x| str_of(Some(x))).collect(),
        Some(v) => str_of(Some(v)).into_iter().collect(),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(blocks: &[&str]) -> JsonLd {
        let values: Vec<Value> = blocks.iter().flat_map(|b| parse_block(b)).collect();
        from_values(&values)
    }

    #[test]
    fn how_to_without_article_body_reads_description_and_steps() {
        let j = ld(&[r#"{"@type":"HowTo","name":"Sew a tablecloth",
            "description":"<p>A round table deserves a round cloth.</p><p>Here is how.</p>",
            "step":[{"@type":"HowToStep","name":"Step 1","itemListElement":
                {"@type":"HowToDirection","text":"<p>Measure the table top.</p>"}},
                {"@type":"HowToStep","text":"Cut the fabric &amp; pin it."}]}"#]);
        assert_eq!(
            j.article_body.as_deref(),
            Some(
                "A round table deserves a round cloth.\nHere is how.\nMeasure the table top.\n\
                 Cut the fabric & pin it."
            )
        );
    }

    #[test]
    fn article_body_wins_over_steps_and_an_article_has_no_steps() {
        let j = ld(&[r#"{"@type":"HowTo","articleBody":"The body.",
            "step":[{"@type":"HowToStep","text":"A step."}]}"#]);
        assert_eq!(j.article_body.as_deref(), Some("The body."));
        let j = ld(&[r#"{"@type":"NewsArticle","headline":"H","description":"A summary."}"#]);
        assert_eq!(j.article_body, None);
    }

    #[test]
    fn plain_article() {
        let j = ld(&[r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "headline":"The headline","datePublished":"2025-02-27T12:07:00Z",
            "author":{"@type":"Person","name":"Jane Doe"},
            "publisher":{"@type":"Organization","name":"Example News"},
            "image":{"@type":"ImageObject","url":"https://e.com/a.jpg","caption":"A cap"},
            "keywords":"one, two","articleSection":"World","inLanguage":"en-GB"}"#]);
        assert_eq!(j.headline.as_deref(), Some("The headline"));
        assert_eq!(j.authors, vec!["Jane Doe"]);
        assert_eq!(j.published.as_deref(), Some("2025-02-27T12:07:00Z"));
        assert_eq!(j.site_name.as_deref(), Some("Example News"));
        assert_eq!(j.image.as_deref(), Some("https://e.com/a.jpg"));
        assert_eq!(j.image_caption.as_deref(), Some("A cap"));
        assert_eq!(j.keywords, vec!["one", "two"]);
        assert_eq!(j.sections, vec!["World"]);
        assert_eq!(j.language.as_deref(), Some("en-GB"));
        assert_eq!(j.page_type.as_deref(), Some("NewsArticle"));
    }

    #[test]
    fn article_name_kept_when_it_differs_from_the_headline() {
        let j = ld(&[r#"{"@type":"Article","headline":"a kind of tree","name":"Oak"}"#]);
        assert_eq!(j.headline.as_deref(), Some("a kind of tree"));
        assert_eq!(j.name.as_deref(), Some("Oak"));
        // Must not fire: the same name twice, or a page's name.
        let j = ld(&[r#"{"@type":"Article","headline":"Oak","name":"Oak"}"#]);
        assert_eq!(j.name, None);
        let j = ld(&[r#"{"@type":"WebPage","name":"Oak - Site"}"#]);
        assert_eq!(j.name, None);
    }

    #[test]
    fn readers_reviews_are_not_the_article() {
        let j = ld(&[
            r#"{"@type":"Recipe","name":"Porridge","datePublished":"2019-01-01",
            "author":{"@type":"Person","name":"Iris Cook"},
            "review":[{"@type":"Review","author":{"@type":"Person","name":"reader22"},
            "datePublished":"2019-04-12","headline":null}]}"#,
        ]);
        assert_eq!(j.authors, vec!["Iris Cook"]);
        // Must not fire: a review that is the page's own article.
        let j = ld(&[r#"{"@type":"Review","headline":"A film","author":"Critic One"}"#]);
        assert_eq!(j.authors, vec!["Critic One"]);
    }

    #[test]
    fn creator_list_holding_the_author_wins() {
        let j = ld(&[
            r#"{"@type":"Article","author":{"@type":"Person","name":"Ann One"},
            "creator":["Ann One","Bob Two"]}"#,
        ]);
        assert_eq!(j.authors, vec!["Ann One", "Bob Two"]);
        // Must not fire: a creator list that does not hold the author.
        let j = ld(&[r#"{"@type":"Article","author":"Ann One","creator":["Cy","Di"]}"#]);
        assert_eq!(j.authors, vec!["Ann One"]);
    }

    #[test]
    fn graph_with_id_references() {
        let j = ld(&[r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebPage","@id":"https://e.com/a#webpage","name":"Title - Site",
             "datePublished":"2024-01-02"},
            {"@type":"Article","@id":"https://e.com/a#article","headline":"Title",
             "isPartOf":{"@id":"https://e.com/a#webpage"},
             "author":[{"@id":"https://e.com/#/person/1"},{"@id":"https://e.com/#/person/2"}],
             "publisher":{"@id":"https://e.com/#org"}},
            {"@type":"Person","@id":"https://e.com/#/person/1","name":"Ann One"},
            {"@type":"Person","@id":"https://e.com/#/person/2","givenName":"Bob","familyName":"Two"},
            {"@type":"Organization","@id":"https://e.com/#org","name":"Site"}]}"#]);
        assert_eq!(j.headline.as_deref(), Some("Title"));
        assert_eq!(j.authors, vec!["Ann One", "Bob Two"]);
        // The article has no date: the page's is taken.
        assert_eq!(j.published.as_deref(), Some("2024-01-02"));
        assert_eq!(j.site_name.as_deref(), Some("Site"));
    }

    #[test]
    fn article_chosen_among_many() {
        let j = ld(&[
            r#"{"@type":"WebSite","name":"Site"}"#,
            r#"[{"@type":"BreadcrumbList","itemListElement":[]},
               {"@type":["Article","NewsArticle"],"headline":"Main story","author":"Staff"}]"#,
            r#"{"@type":"Organization","name":"Org"}"#,
        ]);
        assert_eq!(j.headline.as_deref(), Some("Main story"));
        assert_eq!(j.site_name.as_deref(), Some("Site"));
        assert!(j.is_article);
        assert_eq!(j.page_type.as_deref(), Some("Article"));
    }

    #[test]
    fn invalid_json_is_repaired() {
        let j = ld(&[
            "<!-- {\"@type\": \"Article\", // comment\n \"headline\": \"Line\none\",\
             /* block */ \"author\": {\"name\": \"It\\'s Me\",},} -->",
        ]);
        assert_eq!(j.headline.as_deref(), Some("Line\none"));
        assert_eq!(j.authors, vec!["It's Me"]);
        // Hopeless input is skipped, never fatal.
        assert!(ld(&["{{{{ not json"]).headline.is_none());
    }

    #[test]
    fn character_references_are_decoded() {
        assert_eq!(decode_entities("Olive &#038; Herb"), "Olive & Herb");
        assert_eq!(
            decode_entities("Arnault&#8217;s &amp; &quot;x&quot;"),
            "Arnault\u{2019}s & \"x\""
        );
        assert_eq!(
            decode_entities("AT&T &unknown; &#xE9;"),
            "AT&T &unknown; \u{e9}"
        );
        assert_eq!(decode_entities("Redacci&oacute;n"), "Redacci\u{f3}n");
        // Must not fire: a name the table lacks, or one without its semicolon.
        assert_eq!(
            decode_entities("&notanentity; &eacute"),
            "&notanentity; &eacute"
        );
    }

    #[test]
    fn deep_nesting_is_skipped_without_recursion() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let j = ld(&[&deep, r#"{"@type":"Article","headline":"Still read"}"#]);
        assert_eq!(j.headline.as_deref(), Some("Still read"));
    }
}
