//! Generators of hostile pages for the adversarial suite (`tests/adversarial.rs`) and the
//! `stress` example. Everything is produced by code from a size parameter `n`; no page is
//! stored. Each [`Case`] names a shape, the meaning of `n`, and the size the test runs it at.
//!
//! The shapes follow the hardening issue and the project's robustness guide: deep nesting of
//! every kind, floods of tiny elements, huge attributes and text nodes, broken and lying
//! encodings, non-HTML bytes, script-only and frameset pages, JSON-LD floods, table spans,
//! and the input-size boundary.

use std::io::Write;

/// Which [`dechaff::Limits`] a case runs with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitsKind {
    /// `Limits::default()`.
    Default,
    /// Defaults, but `max_input_bytes` raised to 64 MB (for the 50 MB page).
    Raised,
    /// Defaults, but `on_limit = OnLimit::Error`.
    Error,
}

impl LimitsKind {
    /// The options for this kind.
    pub fn options(self) -> dechaff::Options {
        let o = dechaff::Options::default();
        match self {
            LimitsKind::Default => o,
            LimitsKind::Raised => o.max_input_bytes(64_000_000),
            LimitsKind::Error => {
                let l = o.limits.clone().on_limit(dechaff::OnLimit::Error);
                o.limits(l)
            }
        }
    }

    /// Name used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            LimitsKind::Default => "default",
            LimitsKind::Raised => "raised",
            LimitsKind::Error => "error",
        }
    }

    /// Parses [`LimitsKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "default" => Some(LimitsKind::Default),
            "raised" => Some(LimitsKind::Raised),
            "error" => Some(LimitsKind::Error),
            _ => None,
        }
    }
}

/// One hostile shape.
#[derive(Clone, Copy)]
pub struct Case {
    /// Stable name (`stress --case NAME`).
    pub name: &'static str,
    /// What `n` counts and what the shape attacks.
    pub about: &'static str,
    /// The `n` the adversarial test uses (the size named in the hardening issue).
    pub test_n: usize,
    /// The `n` of the scaling bench (timed at `n` and `4n`); 0 = not in the bench.
    pub bench_n: usize,
    /// Makes the page.
    pub generate: fn(usize) -> Vec<u8>,
}

/// Every case, in a stable order.
pub fn cases() -> Vec<Case> {
    let c = |name, about, test_n, bench_n, generate| Case {
        name,
        about,
        test_n,
        bench_n,
        generate,
    };
    vec![
        // --- deep nesting -------------------------------------------------------------
        c(
            "deep_div",
            "n nested <div>…</div> (100 000 = 1.1 MB)",
            100_000,
            100_000,
            deep_div,
        ),
        c(
            "deep_div_unclosed",
            "n <div> never closed",
            100_000,
            400_000,
            deep_div_unclosed,
        ),
        c(
            "deep_ul_li",
            "n nested <ul><li>",
            100_000,
            100_000,
            deep_ul_li,
        ),
        c(
            "deep_table",
            "n nested <table><tr><td>",
            100_000,
            100_000,
            deep_table,
        ),
        c("deep_b", "n unclosed <b>", 100_000, 400_000, deep_b),
        c(
            "deep_a_i",
            "n alternating <a><i>, unclosed",
            100_000,
            100_000,
            deep_a_i,
        ),
        c(
            "adoption_a_i",
            "<a>×n <i>×n </a>×n (adoption agency)",
            40_000,
            40_000,
            adoption_a_i,
        ),
        c(
            "deep_b_distinct",
            "n <b id=k> (distinct, defeats Noah's Ark) then text",
            100_000,
            100_000,
            deep_b_distinct,
        ),
        c(
            "reconstruct",
            "400 distinct <b> popped by </div>, then n <p>x</p> that rebuild them",
            20_000,
            20_000,
            reconstruct,
        ),
        c(
            "lexbor_b_i",
            "n × <b i><i i> then x</b> (lexbor shape)",
            100_000,
            100_000,
            lexbor_b_i,
        ),
        c(
            "deep_template",
            "n nested <template>",
            100_000,
            100_000,
            deep_template,
        ),
        c(
            "deep_svg",
            "<svg> then n nested <g>",
            100_000,
            400_000,
            deep_svg,
        ),
        c(
            "deep_math",
            "<math> then n nested <mrow>",
            100_000,
            400_000,
            deep_math,
        ),
        c(
            "deep_mixed",
            "n nested block and inline tags of several kinds",
            100_000,
            400_000,
            deep_mixed,
        ),
        c(
            "deep_select",
            "n nested <select><option><optgroup>",
            100_000,
            100_000,
            deep_select,
        ),
        c(
            "table_template",
            "n × <table><a><template><tr> (AngleSharp shape)",
            50_000,
            150_000,
            table_template,
        ),
        c(
            "svg_flat",
            "article plus one <svg> of n <path/> siblings (wide, not deep)",
            100_000,
            50_000,
            svg_flat,
        ),
        // --- breadth ------------------------------------------------------------------
        c(
            "tiny_elements",
            "n × <p>x</p> (1 000 000 = 8 MB)",
            1_000_000,
            50_000,
            tiny_elements,
        ),
        c("br_flood", "n × <br>", 1_000_000, 50_000, br_flood),
        c(
            "span_flood",
            "n × <span>a</span> in one <p>",
            1_000_000,
            50_000,
            span_flood,
        ),
        c(
            "wide_table",
            "one table of n cells (1000 columns)",
            1_000_000,
            50_000,
            wide_table,
        ),
        c(
            "sibling_paragraphs",
            "n prose paragraphs (an ordinary, long article)",
            10_000,
            10_000,
            sibling_paragraphs,
        ),
        c(
            "colspan",
            "n cells with colspan=rowspan=9007199254740991",
            10_000,
            20_000,
            colspan,
        ),
        c(
            "wide_lists",
            "n list items with links (a link farm)",
            100_000,
            25_000,
            wide_lists,
        ),
        // --- attributes ---------------------------------------------------------------
        c(
            "many_attrs",
            "one <div> with n distinct attributes",
            100_000,
            100_000,
            many_attrs,
        ),
        c(
            "many_attrs_tags",
            "n tags with 3000 distinct attributes each",
            100,
            50,
            many_attrs_tags,
        ),
        c(
            "many_attrs_dup",
            "one <div> with n copies of the same attribute",
            100_000,
            1_000_000,
            many_attrs_dup,
        ),
        c(
            "huge_attr",
            "article plus a class attribute of n bytes",
            10_000_000,
            2_500_000,
            huge_attr,
        ),
        c(
            "huge_class_words",
            "class of n bytes of boilerplate/content words",
            10_000_000,
            2_500_000,
            huge_class_words,
        ),
        c(
            "huge_href",
            "a link with an href of n bytes",
            10_000_000,
            2_500_000,
            huge_href,
        ),
        c(
            "huge_style",
            "an element with a style of n bytes",
            10_000_000,
            2_500_000,
            huge_style,
        ),
        c(
            "data_uri_img",
            "an <img> with a data: URI of n bytes",
            5_000_000,
            2_500_000,
            data_uri_img,
        ),
        // --- text ---------------------------------------------------------------------
        c(
            "huge_text",
            "one text node of n bytes without spaces",
            10_000_000,
            2_500_000,
            huge_text,
        ),
        c(
            "huge_text_words",
            "one <p> of n bytes of words",
            10_000_000,
            2_500_000,
            huge_text_words,
        ),
        c(
            "huge_pre",
            "one <pre> of n bytes of code lines",
            5_000_000,
            2_500_000,
            huge_pre,
        ),
        c(
            "entities",
            "n × &amp; in one paragraph",
            1_000_000,
            500_000,
            entities,
        ),
        c(
            "numeric_refs",
            "n × bad numeric references (&#0; &#xD800; &#x110000;)",
            300_000,
            100_000,
            numeric_refs,
        ),
        c(
            "nul_sparse",
            "article with a NUL after every 40th letter of text, n paragraphs",
            2_000,
            5_000,
            nul_sparse,
        ),
        c(
            "nul_dense",
            "NUL every other byte, n bytes",
            1_000_000,
            1_000_000,
            nul_dense,
        ),
        // --- encodings ----------------------------------------------------------------
        c(
            "invalid_utf8",
            "article with a stray continuation byte after every 97th letter, n paragraphs",
            2_000,
            5_000,
            invalid_utf8,
        ),
        c(
            "utf16le_bom",
            "article in UTF-16LE with BOM, n paragraphs",
            2_000,
            5_000,
            utf16le_bom,
        ),
        c(
            "utf16be_bom",
            "article in UTF-16BE with BOM, n paragraphs",
            2_000,
            5_000,
            utf16be_bom,
        ),
        c(
            "utf16le_nobom",
            "article in UTF-16LE without BOM, n paragraphs",
            2_000,
            5_000,
            utf16le_nobom,
        ),
        c(
            "utf16be_nobom",
            "article in UTF-16BE without BOM, n paragraphs",
            2_000,
            5_000,
            utf16be_nobom,
        ),
        c(
            "declared_utf8_is_1251",
            "<meta charset=utf-8>, bytes in windows-1251, n paragraphs",
            2_000,
            5_000,
            declared_utf8_is_1251,
        ),
        c(
            "declared_sjis_is_utf8",
            "<meta charset=shift_jis>, bytes in UTF-8, n paragraphs",
            2_000,
            5_000,
            declared_sjis_is_utf8,
        ),
        c(
            "declared_utf16",
            "<meta charset=utf-16> on a UTF-8 page, n paragraphs",
            2_000,
            5_000,
            declared_utf16,
        ),
        c(
            "declared_bogus",
            "<meta charset=x-no-such-thing>, n paragraphs",
            2_000,
            5_000,
            declared_bogus,
        ),
        c(
            "meta_late",
            "<meta charset=koi8-r> after 1024 bytes of comment, n paragraphs",
            2_000,
            5_000,
            meta_late,
        ),
        // --- structure ----------------------------------------------------------------
        c("empty", "no bytes at all", 0, 0, empty),
        c(
            "whitespace",
            "n spaces and newlines",
            1_000_000,
            0,
            whitespace,
        ),
        c("html_only", "<html></html>", 0, 0, html_only),
        c(
            "script_only",
            "SPA shell: empty root plus a script of n bytes of JSON",
            5_000_000,
            2_500_000,
            script_only,
        ),
        c(
            "unclosed_script",
            "<script> never closed, then n bytes",
            5_000_000,
            2_500_000,
            unclosed_script,
        ),
        c(
            "unclosed_title",
            "<title> never closed, then n bytes of markup",
            5_000_000,
            2_500_000,
            unclosed_title,
        ),
        c(
            "unclosed_textarea",
            "<textarea> never closed, then n bytes of markup",
            5_000_000,
            2_500_000,
            unclosed_textarea,
        ),
        c(
            "plaintext",
            "<plaintext> then n bytes of markup",
            5_000_000,
            2_500_000,
            plaintext,
        ),
        c(
            "unclosed_comment",
            "<!-- never closed, then n bytes",
            5_000_000,
            2_500_000,
            unclosed_comment,
        ),
        c(
            "comment_flood",
            "n × <!--x-->",
            1_000_000,
            50_000,
            comment_flood,
        ),
        c(
            "frameset",
            "<frameset> of n <frame>",
            100_000,
            50_000,
            frameset,
        ),
        c(
            "noscript_images",
            "n × <noscript><img></noscript>",
            100_000,
            50_000,
            noscript_images,
        ),
        c(
            "jsonld_many",
            "n JSON-LD blocks, then an article",
            10_000,
            10_000,
            jsonld_many,
        ),
        c(
            "jsonld_deep",
            "one JSON-LD block nested n deep",
            100_000,
            100_000,
            jsonld_deep,
        ),
        c(
            "jsonld_huge",
            "one JSON-LD article whose articleBody is n bytes",
            5_000_000,
            2_500_000,
            jsonld_huge,
        ),
        c(
            "jsonld_wide",
            "one JSON-LD @graph of n article objects",
            100_000,
            100_000,
            jsonld_wide,
        ),
        // --- not HTML -----------------------------------------------------------------
        c(
            "binary_garbage",
            "n random bytes",
            1_000_000,
            0,
            binary_garbage,
        ),
        c(
            "truncated_gzip",
            "gzip of an article, cut in half (n paragraphs)",
            2_000,
            0,
            truncated_gzip,
        ),
        c(
            "png",
            "a PNG signature then n random bytes",
            100_000,
            0,
            png,
        ),
        c("pdf", "%PDF- then n bytes", 100_000, 0, pdf),
        c(
            "zip",
            "a ZIP local header then n random bytes",
            100_000,
            0,
            zip,
        ),
        // --- size ---------------------------------------------------------------------
        c(
            "page_50mb",
            "an ordinary article page of n bytes (50 MB)",
            50_000_000,
            0,
            page_bytes,
        ),
        c(
            "boundary_over",
            "an article page of 20 000 000 + n bytes",
            1,
            0,
            boundary_over,
        ),
        c(
            "boundary_at",
            "an article page of exactly 20 000 000 bytes (n ignored)",
            0,
            0,
            boundary_at,
        ),
        // The reference input of the same size as another case: prose paragraphs.
        c(
            "control",
            "ordinary prose paragraphs, n bytes (the reference page)",
            1_000_000,
            0,
            page_bytes,
        ),
    ]
}

/// The case called `name`.
pub fn find(name: &str) -> Option<Case> {
    cases().into_iter().find(|c| c.name == name)
}

const PROSE: &str = "The committee met on Tuesday, and after a long debate, members agreed that \
the budget would be revised before the spring session. Critics said the plan, which had been \
drafted in a hurry, left too many questions open.";

const PROSE_RU: &str = "Комитет собрался во вторник, и после долгих споров члены согласились, \
что бюджет будет пересмотрен до весенней сессии. Критики заявили, что план оставил много вопросов.";

const PROSE_JA: &str = "委員会は火曜日に開かれ、長い議論の末、予算を春の会期までに見直すことで合意した。\
批評家たちは、急いで作られた計画には未解決の問題が多すぎると述べた。";

fn head(title: &str) -> String {
    format!("<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head><body>")
}

fn article(paragraphs: usize) -> String {
    let mut s = head("A story");
    s.push_str("<article><h1>A story</h1>");
    for i in 0..paragraphs {
        s.push_str("<p>");
        s.push_str(PROSE);
        s.push_str(&format!(" ({i})</p>\n"));
    }
    s.push_str("</article></body></html>");
    s
}

fn repeat(prefix: &str, unit: &str, n: usize, suffix: &str) -> Vec<u8> {
    let mut s = String::with_capacity(prefix.len() + unit.len() * n + suffix.len());
    s.push_str(prefix);
    for _ in 0..n {
        s.push_str(unit);
    }
    s.push_str(suffix);
    s.into_bytes()
}

fn nest(open: &str, n: usize, middle: &str, close: &str) -> Vec<u8> {
    let mut s = head("Deep");
    s.reserve((open.len() + close.len()) * n + middle.len());
    for _ in 0..n {
        s.push_str(open);
    }
    s.push_str(middle);
    for _ in 0..n {
        s.push_str(close);
    }
    s.into_bytes()
}

/// A small deterministic generator (xorshift64*), so "random" pages are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        let mut v = Vec::with_capacity(n + 8);
        while v.len() < n {
            v.extend_from_slice(&self.next().to_le_bytes());
        }
        v.truncate(n);
        v
    }
}

fn deep_div(n: usize) -> Vec<u8> {
    nest("<div>", n, "deep text", "</div>")
}

fn deep_div_unclosed(n: usize) -> Vec<u8> {
    nest("<div>", n, "deep text", "")
}

fn deep_ul_li(n: usize) -> Vec<u8> {
    nest("<ul><li>", n, "deep item", "</li></ul>")
}

fn deep_table(n: usize) -> Vec<u8> {
    nest("<table><tr><td>", n, "deep cell", "")
}

fn deep_b(n: usize) -> Vec<u8> {
    nest("<b>", n, "bold", "")
}

fn deep_a_i(n: usize) -> Vec<u8> {
    nest("<a href=#><i>", n, "x", "")
}

fn adoption_a_i(n: usize) -> Vec<u8> {
    let mut s = head("Adoption");
    for _ in 0..n {
        s.push_str("<a>");
    }
    for _ in 0..n {
        s.push_str("<i>");
    }
    for _ in 0..n {
        s.push_str("</a>");
    }
    s.into_bytes()
}

fn deep_b_distinct(n: usize) -> Vec<u8> {
    let mut s = head("Distinct");
    for i in 0..n {
        s.push_str(&format!("<b id={i}>"));
    }
    s.push_str("<p>text</p>");
    s.into_bytes()
}

fn reconstruct(n: usize) -> Vec<u8> {
    let mut s = head("Reconstruct");
    s.push_str("<div>");
    for i in 0..400 {
        s.push_str(&format!("<b id={i}>"));
    }
    s.push_str("</div>");
    for _ in 0..n {
        s.push_str("<p>x</p>");
    }
    s.into_bytes()
}

fn lexbor_b_i(n: usize) -> Vec<u8> {
    nest("<b i><i i>", n, "x</b>", "")
}

fn deep_template(n: usize) -> Vec<u8> {
    nest("<template>", n, "x", "</template>")
}

fn deep_svg(n: usize) -> Vec<u8> {
    let mut s = head("Svg");
    s.push_str("<svg>");
    for _ in 0..n {
        s.push_str("<g>");
    }
    s.push_str("<text>x</text>");
    s.into_bytes()
}

fn deep_math(n: usize) -> Vec<u8> {
    let mut s = head("Math");
    s.push_str("<math>");
    for _ in 0..n {
        s.push_str("<mrow>");
    }
    s.push_str("<mi>x</mi>");
    s.into_bytes()
}

fn deep_mixed(n: usize) -> Vec<u8> {
    const TAGS: &[&str] = &[
        "div",
        "section",
        "blockquote",
        "span",
        "article",
        "em",
        "aside",
        "font",
        "dl><dd",
        "center",
    ];
    let mut s = head("Mixed");
    for i in 0..n {
        s.push('<');
        s.push_str(TAGS[i % TAGS.len()]);
        s.push('>');
    }
    s.push_str("mixed text");
    s.into_bytes()
}

fn deep_select(n: usize) -> Vec<u8> {
    nest("<select><option><optgroup>", n, "x", "")
}

fn table_template(n: usize) -> Vec<u8> {
    nest("<table><a><template><tr>", n, "x", "")
}

fn svg_flat(n: usize) -> Vec<u8> {
    let mut s = String::from_utf8(article(20).into_bytes()).unwrap_or_default();
    let body_end = s.rfind("</body>").unwrap_or(s.len());
    let mut svg = String::from("<svg viewBox=\"0 0 10 10\">");
    for i in 0..n {
        svg.push_str(&format!("<path d=\"M{i} 0\"/>"));
    }
    svg.push_str("</svg>");
    s.insert_str(body_end, &svg);
    s.into_bytes()
}

fn tiny_elements(n: usize) -> Vec<u8> {
    repeat(&head("Tiny"), "<p>x</p>", n, "")
}

fn br_flood(n: usize) -> Vec<u8> {
    repeat(&head("Br"), "<br>", n, "")
}

fn span_flood(n: usize) -> Vec<u8> {
    repeat(&(head("Spans") + "<p>"), "<span>a</span>", n, "</p>")
}

fn wide_table(n: usize) -> Vec<u8> {
    let cols = 1000;
    let rows = n.div_ceil(cols);
    let mut s = head("Table");
    s.push_str("<table>");
    for _ in 0..rows {
        s.push_str("<tr>");
        for _ in 0..cols {
            s.push_str("<td>1</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s.into_bytes()
}

fn sibling_paragraphs(n: usize) -> Vec<u8> {
    article(n).into_bytes()
}

fn colspan(n: usize) -> Vec<u8> {
    let mut s = head("Spans");
    s.push_str("<p>");
    s.push_str(PROSE);
    s.push_str("</p><table>");
    for i in 0..n {
        if i % 10 == 0 {
            s.push_str("<tr>");
        }
        s.push_str("<td colspan=9007199254740991 rowspan=9007199254740991>cell</td>");
    }
    s.push_str("</table>");
    s.into_bytes()
}

fn wide_lists(n: usize) -> Vec<u8> {
    repeat(
        &(head("Links") + "<ul>"),
        "<li><a href=\"/some/long/path/to/a/page\">A link to another page</a></li>",
        n,
        "</ul>",
    )
}

fn many_attrs(n: usize) -> Vec<u8> {
    let mut s = head("Attributes");
    s.push_str("<div");
    for i in 0..n {
        s.push_str(&format!(" a{i}=1"));
    }
    s.push_str(">text</div>");
    s.push_str(&String::from_utf8_lossy(&article(5).into_bytes()));
    s.into_bytes()
}

fn many_attrs_tags(n: usize) -> Vec<u8> {
    let mut s = head("Attributes");
    for _ in 0..n {
        s.push_str("<p");
        for i in 0..3000 {
            s.push_str(&format!(" a{i}"));
        }
        s.push_str(">text</p>");
    }
    s.into_bytes()
}

fn many_attrs_dup(n: usize) -> Vec<u8> {
    repeat(&(head("Attributes") + "<div"), " a=1", n, ">text</div>")
}

fn with_article(prefix: &str, fill: &str, n: usize, suffix: &str) -> Vec<u8> {
    let mut s = article(5);
    let at = s.find("<article>").unwrap_or(0);
    let mut insert = String::with_capacity(prefix.len() + n + suffix.len());
    insert.push_str(prefix);
    while insert.len() < prefix.len() + n {
        insert.push_str(fill);
    }
    insert.push_str(suffix);
    s.insert_str(at, &insert);
    s.into_bytes()
}

fn huge_attr(n: usize) -> Vec<u8> {
    with_article("<div class=\"", "a", n, "\">x</div>")
}

fn huge_class_words(n: usize) -> Vec<u8> {
    with_article(
        "<div class=\"",
        "nav share content article-body related ",
        n,
        "\">some text here</div>",
    )
}

fn huge_href(n: usize) -> Vec<u8> {
    with_article("<a href=\"https://example.com/", "a", n, "\">link</a>")
}

fn huge_style(n: usize) -> Vec<u8> {
    with_article(
        "<div style=\"",
        "color : red ; ",
        n,
        "display:none\">x</div>",
    )
}

fn data_uri_img(n: usize) -> Vec<u8> {
    with_article("<img alt=x src=\"data:image/png;base64,", "QUFB", n, "\">")
}

fn huge_text(n: usize) -> Vec<u8> {
    repeat(&(head("Text") + "<p>"), "a", n, "</p>")
}

fn huge_text_words(n: usize) -> Vec<u8> {
    let words = "lorem ipsum, dolor sit amet. ";
    repeat(&(head("Words") + "<p>"), words, n / words.len(), "</p>")
}

fn huge_pre(n: usize) -> Vec<u8> {
    let line = "    let x = compute(a, b) + 1; // a line of code\n";
    repeat(
        &(head("Code") + "<pre><code>"),
        line,
        n / line.len(),
        "</code></pre>",
    )
}

fn entities(n: usize) -> Vec<u8> {
    repeat(&(head("Entities") + "<p>"), "&amp;", n, "</p>")
}

fn numeric_refs(n: usize) -> Vec<u8> {
    repeat(
        &(head("Refs") + "<p>"),
        "&#0;&#xD800;&#x110000;&#9999999999;",
        n,
        "</p>",
    )
}

fn nul_sparse(n: usize) -> Vec<u8> {
    sprinkle_text(article(n).into_bytes(), 40, |_| 0)
}

/// Inserts `byte(i)` after every `every`-th byte of text (never inside a tag), so the page's
/// structure stays the same at every size.
fn sprinkle_text(page: Vec<u8>, every: usize, mut byte: impl FnMut(usize) -> u8) -> Vec<u8> {
    let mut out = Vec::with_capacity(page.len() + page.len() / every + 1);
    let mut in_tag = false;
    let mut run = 0;
    for (i, b) in page.into_iter().enumerate() {
        out.push(b);
        match b {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            _ if !in_tag && b.is_ascii_alphanumeric() => {
                run += 1;
                if run % every == 0 {
                    out.push(byte(i));
                }
            }
            _ => {}
        }
    }
    out
}

fn nul_dense(n: usize) -> Vec<u8> {
    let mut v = Vec::with_capacity(n);
    let text = b"<p>nul dense text ";
    let mut i = 0;
    while v.len() < n {
        v.push(text[i % text.len()]);
        v.push(0);
        i += 1;
    }
    v.truncate(n);
    v
}

fn invalid_utf8(n: usize) -> Vec<u8> {
    let mut rng = Rng(0x5eed);
    sprinkle_text(article(n).into_bytes(), 97, |_| {
        0x80 | (rng.next() as u8 & 0x7F)
    })
}

fn utf16(n: usize, le: bool, bom: bool) -> Vec<u8> {
    let text = article(n).replace("<meta charset=utf-8>", "");
    let mut out = Vec::with_capacity(text.len() * 2 + 2);
    if bom {
        out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn utf16le_bom(n: usize) -> Vec<u8> {
    utf16(n, true, true)
}

fn utf16be_bom(n: usize) -> Vec<u8> {
    utf16(n, false, true)
}

fn utf16le_nobom(n: usize) -> Vec<u8> {
    utf16(n, true, false)
}

fn utf16be_nobom(n: usize) -> Vec<u8> {
    utf16(n, false, false)
}

fn localized(n: usize, charset: &str, prose: &str) -> String {
    let mut s = format!(
        "<!doctype html><html><head><meta charset={charset}><title>Заголовок</title></head><body><article>"
    );
    for _ in 0..n {
        s.push_str("<p>");
        s.push_str(prose);
        s.push_str("</p>\n");
    }
    s.push_str("</article></body></html>");
    s
}

fn declared_utf8_is_1251(n: usize) -> Vec<u8> {
    let text = localized(n, "utf-8", PROSE_RU);
    encoding_rs::WINDOWS_1251.encode(&text).0.into_owned()
}

fn declared_sjis_is_utf8(n: usize) -> Vec<u8> {
    localized(n, "shift_jis", PROSE_JA).into_bytes()
}

fn declared_utf16(n: usize) -> Vec<u8> {
    localized(n, "utf-16", PROSE_RU).into_bytes()
}

fn declared_bogus(n: usize) -> Vec<u8> {
    localized(n, "x-no-such-thing", PROSE_RU).into_bytes()
}

fn meta_late(n: usize) -> Vec<u8> {
    let text = localized(n, "koi8-r", PROSE_RU).replacen(
        "<head>",
        &format!("<head><!-- {} -->", "padding ".repeat(160)),
        1,
    );
    encoding_rs::KOI8_R.encode(&text).0.into_owned()
}

fn empty(_: usize) -> Vec<u8> {
    Vec::new()
}

fn whitespace(n: usize) -> Vec<u8> {
    repeat("", " \n\t", n / 3, "")
}

fn html_only(_: usize) -> Vec<u8> {
    b"<html></html>".to_vec()
}

fn script_only(n: usize) -> Vec<u8> {
    repeat(
        &(head("App") + "<div id=root></div><script>window.__DATA__=["),
        "{\"id\":1,\"text\":\"<p>not content</p>\"},",
        n / 40,
        "0];</script>",
    )
}

fn unclosed_script(n: usize) -> Vec<u8> {
    repeat(
        &(head("Script") + "<script>"),
        "<p>var x = 1;</p>",
        n / 17,
        "",
    )
}

fn unclosed_title(n: usize) -> Vec<u8> {
    repeat("<html><head><title>", "<p>para</p>", n / 11, "")
}

fn unclosed_textarea(n: usize) -> Vec<u8> {
    repeat(&(head("Form") + "<textarea>"), "<p>para</p>", n / 11, "")
}

fn plaintext(n: usize) -> Vec<u8> {
    repeat(&(head("Plain") + "<plaintext>"), "<p>para</p>", n / 11, "")
}

fn unclosed_comment(n: usize) -> Vec<u8> {
    repeat(&(head("Comment") + "<!--"), "<p>para</p>", n / 11, "")
}

fn comment_flood(n: usize) -> Vec<u8> {
    repeat(&head("Comments"), "<!--x-->", n, "")
}

fn frameset(n: usize) -> Vec<u8> {
    repeat(
        "<!doctype html><html><head><title>Frames</title></head><frameset cols=\"50%,50%\">",
        "<frame src=\"a.html\">",
        n,
        "</frameset><noframes><p>No frames.</p></noframes></html>",
    )
}

fn noscript_images(n: usize) -> Vec<u8> {
    repeat(
        &head("Images"),
        "<noscript><img src=\"/i.png\" alt=\"an image\"></noscript>",
        n,
        "",
    )
}

fn jsonld_many(n: usize) -> Vec<u8> {
    let mut s = head("Many JSON-LD");
    for i in 0..n {
        s.push_str(&format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"H{i}\",\"articleBody\":\"Body {i}\"}}</script>"
        ));
    }
    s.push_str(&String::from_utf8_lossy(&article(5).into_bytes()));
    s.into_bytes()
}

fn jsonld_deep(n: usize) -> Vec<u8> {
    let mut s = head("Deep JSON-LD");
    s.push_str("<script type=\"application/ld+json\">");
    for _ in 0..n {
        s.push_str("{\"@graph\":[");
    }
    for _ in 0..n {
        s.push_str("]}");
    }
    s.push_str("</script>");
    s.push_str(&String::from_utf8_lossy(&article(5).into_bytes()));
    s.into_bytes()
}

fn jsonld_huge(n: usize) -> Vec<u8> {
    let mut s = head("Huge JSON-LD");
    s.push_str("<script type=\"application/ld+json\">{\"@type\":\"Article\",\"headline\":\"Big\",\"articleBody\":\"");
    while s.len() < n {
        s.push_str("A sentence of the body, with words. ");
    }
    s.push_str("\"}</script></head><body><p>short</p>");
    s.into_bytes()
}

fn jsonld_wide(n: usize) -> Vec<u8> {
    let mut s = head("Wide JSON-LD");
    s.push_str("<script type=\"application/ld+json\">{\"@graph\":[");
    for i in 0..n {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&format!("{{\"@type\":\"Article\",\"headline\":\"H{i}\"}}"));
    }
    s.push_str("]}</script>");
    s.push_str(&String::from_utf8_lossy(&article(5).into_bytes()));
    s.into_bytes()
}

fn binary_garbage(n: usize) -> Vec<u8> {
    Rng(0xdec4aff).bytes(n)
}

fn truncated_gzip(n: usize) -> Vec<u8> {
    let page = article(n).into_bytes();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = enc.write_all(&page);
    let mut gz = enc.finish().unwrap_or_default();
    gz.truncate(gz.len() / 2);
    gz
}

fn png(n: usize) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    v.extend(Rng(1).bytes(n));
    v
}

fn pdf(n: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.extend(repeat("", "1 0 obj << /Type /Page >> endobj\n", n / 34, ""));
    v
}

fn zip(n: usize) -> Vec<u8> {
    let mut v = b"PK\x03\x04".to_vec();
    v.extend(Rng(2).bytes(n));
    v
}

/// An ordinary article page of exactly `n` bytes (the last paragraph is cut short).
pub fn page_bytes(n: usize) -> Vec<u8> {
    let mut s = head("A long story");
    s.push_str("<article><h1>A long story</h1>");
    let end = "</article></body></html>";
    let mut i = 0;
    while s.len() + end.len() < n {
        s.push_str(&format!("<p>{PROSE} ({i})</p>\n"));
        i += 1;
    }
    s.push_str(end);
    let mut v = s.into_bytes();
    v.truncate(n);
    v
}

fn boundary_over(n: usize) -> Vec<u8> {
    page_bytes(20_000_000 + n.max(1))
}

fn boundary_at(_: usize) -> Vec<u8> {
    page_bytes(20_000_000)
}
