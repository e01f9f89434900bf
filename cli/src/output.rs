//! Rendering one page in the chosen format. Everything here is a view of the library's
//! [`Article`]: JSON is its `to_json()` bytes, text/Markdown/HTML its renderers.

use dechaff::Article;
use serde_json::{Value, json};

use crate::args::Format;
use crate::page::Origin;

/// Renders an extracted page. `to_stdout` adds the line naming the page in a batch.
pub fn render(format: Format, article: &Article, origin: &Origin, to_stdout: bool) -> String {
    let header = to_stdout && origin.in_batch;
    match format {
        Format::Text => {
            let mut out = String::new();
            if header {
                out.push_str(&format!("==> {} <==\n", origin.label));
            }
            if let Some(t) = &article.title {
                out.push_str(t);
                out.push_str("\n\n");
            }
            let text = article.text();
            if !text.is_empty() {
                out.push_str(&text);
                out.push('\n');
            }
            if header {
                out.push('\n');
            }
            out
        }
        Format::Markdown => {
            let mut out = front_matter(article, origin);
            out.push_str(&article.markdown());
            if !out.ends_with('\n') {
                out.push('\n');
            }
            if header {
                out.push('\n');
            }
            out
        }
        Format::Json => {
            let mut out = article.to_json();
            out.push('\n');
            out
        }
        Format::Jsonl => jsonl_line(article, origin),
        Format::Html => {
            let mut out = String::new();
            if header {
                let label = origin.label.replace("--", "- -");
                out.push_str(&format!("<!-- dechaff source: {label} -->\n"));
            }
            out.push_str(&article.html());
            if !out.ends_with('\n') {
                out.push('\n');
            }
            out
        }
    }
}

/// The jsonl line of an extracted page: `id`, `source`, `author` (authors joined with
/// "; ", null if none), `date` (= `published`), then the library's `to_json()` object,
/// byte for byte.
pub fn jsonl_line(article: &Article, origin: &Origin) -> String {
    let author = if article.authors.is_empty() {
        Value::Null
    } else {
        Value::String(article.authors.join("; "))
    };
    let head = format!(
        "{{\"id\":{},\"source\":{},\"author\":{},\"date\":{}",
        Value::String(origin.id.clone()),
        Value::String(origin.source.clone()),
        author,
        json!(article.published),
    );
    let body = article.to_json();
    let rest = body.strip_prefix('{').unwrap_or("}");
    if rest.trim_start().starts_with('}') {
        format!("{head}}}\n")
    } else {
        format!("{head},{rest}\n")
    }
}

/// The jsonl line of a page that failed: `id`, `source` and `error` (`kind`, `message`).
/// It carries no `text`, so a scorer counts the page as an empty prediction.
pub fn jsonl_error(origin: &Origin, kind: &str, message: &str) -> String {
    let line = json!({
        "id": origin.id,
        "source": origin.source,
        "error": {"kind": kind, "message": message},
    });
    format!("{line}\n")
}

/// YAML front matter of the metadata (`---` … `---`). Scalars are written as JSON strings,
/// which YAML reads as double-quoted scalars, and lists as flow sequences, so no value can
/// break the block.
pub fn front_matter(article: &Article, origin: &Origin) -> String {
    let mut out = String::from("---\n");
    let mut scalar = |key: &str, value: Option<&str>| {
        if let Some(v) = value {
            out.push_str(&format!("{key}: {}\n", Value::String(v.to_string())));
        }
    };
    scalar("title", article.title.as_deref());
    scalar("published", article.published.as_deref());
    scalar("modified", article.modified.as_deref());
    scalar("site_name", article.site_name.as_deref());
    scalar("description", article.description.as_deref());
    scalar("language", article.language.as_deref());
    scalar("url", article.url.as_deref());
    scalar("image", article.image.as_deref());
    scalar("image_caption", article.image_caption.as_deref());
    scalar("section", article.section.as_deref());
    scalar("license", article.license.as_deref());
    scalar("page_type", article.page_type.as_deref());
    scalar("source", Some(&origin.source));
    for (key, list) in [
        ("authors", &article.authors),
        ("categories", &article.categories),
        ("tags", &article.tags),
    ] {
        if !list.is_empty() {
            out.push_str(&format!("{key}: {}\n", json!(list)));
        }
    }
    out.push_str(&format!("word_count: {}\n", article.word_count));
    out.push_str(&format!("has_content: {}\n", article.has_content()));
    out.push_str("---\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn origin() -> Origin {
        Origin {
            id: "a \"quoted\" id".to_string(),
            source: "dir/a.html".to_string(),
            label: "dir/a.html".to_string(),
            out_rel: PathBuf::from("a"),
            in_batch: false,
        }
    }

    fn article() -> Article {
        let html = "<html><head><title>Title: with a colon</title>\
            <meta name=author content='Ann Example'></head><body><article><h1>Title: with a colon</h1>\
            <p>The first paragraph of the story is long enough to be article text, with commas, as prose.</p>\
            <p>The second paragraph continues the story with more detail, quotes, and context too.</p>\
            </article></body></html>";
        dechaff::extract(html, &dechaff::Options::default()).unwrap()
    }

    #[test]
    fn jsonl_is_the_core_object_plus_four_keys() {
        let a = article();
        let line = jsonl_line(&a, &origin());
        assert!(line.ends_with('\n') && !line.trim_end().contains('\n'));
        let mut v: serde_json::Map<String, Value> = serde_json::from_str(&line).unwrap();
        assert_eq!(v.remove("id").unwrap(), "a \"quoted\" id");
        assert_eq!(v.remove("source").unwrap(), "dir/a.html");
        let author = (!a.authors.is_empty()).then(|| a.authors.join("; "));
        assert_eq!(v.remove("author").unwrap(), json!(author));
        assert_eq!(v.remove("date").unwrap(), json!(a.published));
        let core: serde_json::Map<String, Value> = serde_json::from_str(&a.to_json()).unwrap();
        assert_eq!(v, core);
    }

    #[test]
    fn authors_are_joined_for_the_scorer() {
        let mut a = article();
        a.authors = vec!["Ann Example".to_string(), "Bo Sample".to_string()];
        a.published = Some("2025-02-27".to_string());
        let v: Value = serde_json::from_str(&jsonl_line(&a, &origin())).unwrap();
        assert_eq!(v["author"], "Ann Example; Bo Sample");
        assert_eq!(v["date"], "2025-02-27");
        assert_eq!(v["authors"], json!(["Ann Example", "Bo Sample"]));
    }

    #[test]
    fn front_matter_quotes_every_scalar() {
        let fm = front_matter(&article(), &origin());
        assert!(fm.starts_with("---\n") && fm.ends_with("---\n\n"));
        assert!(fm.contains("title: \"Title: with a colon\"\n"), "{fm}");
        assert!(fm.contains("source: \"dir/a.html\"\n"));
    }

    #[test]
    fn batch_pages_on_stdout_are_headed() {
        let a = article();
        let mut o = origin();
        assert!(!render(Format::Text, &a, &o, true).starts_with("==>"));
        o.in_batch = true;
        assert!(render(Format::Text, &a, &o, true).starts_with("==> dir/a.html <==\n"));
        assert!(!render(Format::Text, &a, &o, false).starts_with("==>"));
        assert_eq!(
            render(Format::Json, &a, &o, true),
            format!("{}\n", a.to_json())
        );
    }
}
