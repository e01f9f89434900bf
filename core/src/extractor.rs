//! [`Extractor`]: validated options plus the whole pipeline, from input to [`Article`].

use url::Url;

use crate::article::{Article, Diagnostics};
use crate::dom::{Doc, Tag, parse};
use crate::error::Error;
use crate::input::{encoding, sniff};
use crate::options::{OnLimit, Options};
use crate::{metadata, pipeline, urls};

/// A reusable extractor: options validated once, then any number of pages, from any number
/// of threads (`Extractor` is `Send + Sync`; each call is independent).
///
/// ```
/// use dechaff::{Extractor, Options};
/// let extractor = Extractor::new(Options::default().include_links(true))?;
/// let article = extractor.extract("<p>Hello</p>", Some("https://example.com/"))?;
/// assert_eq!(article.text(), "Hello");
/// let login = extractor.extract("<h1>Sign in</h1><form><input type=password></form>", None)?;
/// assert!(!login.has_content()); // a few words around a form: no main content
/// # Ok::<(), dechaff::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    options: Options,
    base: Option<Url>,
}

/// Input in either form.
enum Input<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
}

impl Extractor {
    /// Validates `options` ([`Error::InvalidOption`] on a bad value) and builds an extractor.
    pub fn new(options: Options) -> Result<Self, Error> {
        options.validate()?;
        let base = match &options.url {
            Some(u) => Some(urls::parse_base(u).map_err(|reason| Error::InvalidOption {
                name: "url",
                reason,
            })?),
            None => None,
        };
        Ok(Extractor { options, base })
    }

    /// The options this extractor was built with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Extracts the article from HTML text. `url`, when given, overrides
    /// [`Options::url`] for this page.
    pub fn extract(&self, html: &str, url: Option<&str>) -> Result<Article, Error> {
        self.run(Input::Text(html), url, None)
    }

    /// Extracts the article from raw bytes of unknown encoding (see the crate docs for the
    /// detection order). `url` and `encoding` (a charset label, e.g. from an HTTP header),
    /// when given, override [`Options::url`] and [`Options::encoding`] for this page.
    pub fn extract_bytes(
        &self,
        html: &[u8],
        url: Option<&str>,
        encoding: Option<&str>,
    ) -> Result<Article, Error> {
        self.run(Input::Bytes(html), url, encoding)
    }

    fn run(
        &self,
        input: Input<'_>,
        url: Option<&str>,
        hint: Option<&str>,
    ) -> Result<Article, Error> {
        let opts = &self.options;
        let size = match input {
            Input::Text(s) => s.len(),
            Input::Bytes(b) => b.len(),
        };
        if size > opts.limits.max_input_bytes {
            return Err(Error::InputTooLarge {
                size,
                limit: opts.limits.max_input_bytes,
            });
        }
        let parsed_url;
        let base = match url {
            Some(u) => {
                parsed_url = urls::parse_base(u).map_err(|reason| Error::InvalidOption {
                    name: "url",
                    reason,
                })?;
                Some(&parsed_url)
            }
            None => self.base.as_ref(),
        };
        if let Some(h) = hint
            && encoding_rs::Encoding::for_label(h.trim().as_bytes()).is_none()
        {
            return Err(Error::InvalidOption {
                name: "encoding",
                reason: format!("{h:?} is not a known encoding label"),
            });
        }
        let mut diagnostics = Diagnostics::default();
        let decoded;
        let text: &str = match input {
            Input::Text(s) => {
                if let Some(reason) = sniff::not_html(s.as_bytes()) {
                    return Err(Error::NotHtml(reason));
                }
                diagnostics.encoding = "UTF-8".to_string();
                diagnostics.encoding_source = "str".to_string();
                s
            }
            Input::Bytes(b) => {
                let hint = hint.or(opts.encoding.as_deref());
                let tld = base.and_then(urls::tld);
                decoded = encoding::decode(b, hint, tld.as_deref());
                let raw_is_text = decoded.encoding != encoding_rs::UTF_16LE
                    && decoded.encoding != encoding_rs::UTF_16BE;
                let check = if raw_is_text {
                    b
                } else {
                    decoded.text.as_bytes()
                };
                if let Some(reason) = sniff::not_html(check) {
                    return Err(Error::NotHtml(reason));
                }
                diagnostics.encoding = decoded.encoding.name().to_string();
                diagnostics.encoding_source = decoded.source.as_str().to_string();
                diagnostics.decode_errors = decoded.had_errors;
                &decoded.text
            }
        };

        let parsed = parse::parse(text, opts.limits.max_nodes, opts.limits.max_depth);
        let doc = Doc::bounded(&parsed.html, opts.limits.max_nodes, opts.limits.max_depth);
        if let Some(what) = parsed.limit_hit.or(doc.capped) {
            let limit = match what {
                crate::error::Complexity::Nodes => opts.limits.max_nodes,
                crate::error::Complexity::Depth => opts.limits.max_depth,
            };
            if opts.limits.on_limit == OnLimit::Error {
                return Err(Error::TooComplex { what, limit });
            }
            diagnostics.limits_hit.push(what.as_str().to_string());
            diagnostics.truncated = true;
        }
        if parsed.attributes_capped {
            diagnostics.limits_hit.push("attributes".to_string());
        }
        diagnostics.nodes = doc.elements;
        diagnostics.max_depth = doc.max_depth;

        let doc_base = base.cloned().or_else(|| document_base(&doc));
        let meta = metadata::extract(&doc, opts, doc_base.as_ref());
        let extracted = pipeline::run(
            &doc,
            opts,
            doc_base.as_ref(),
            meta.title.as_deref(),
            meta.json_ld_body.as_deref(),
            meta.description.as_deref(),
            &meta.body_nodes,
        );
        diagnostics.strategy = extracted.strategy.to_string();
        diagnostics.trace = extracted.trace;

        let mut article = Article::default();
        metadata::apply(meta, &mut article, &extracted.blocks);
        article.blocks = extracted.blocks;
        article.comments = extracted.comments;
        article.diagnostics = diagnostics;
        Ok(article)
    }
}

/// A base URL from the page itself: an absolute `<base href>`, else the canonical link.
fn document_base(doc: &Doc<'_>) -> Option<Url> {
    let base_href = doc.all().find_map(|ix| {
        let el = doc.element(ix)?;
        if &*el.name.local != "base" {
            return None;
        }
        urls::parse_base(el.attr("href")?).ok()
    });
    base_href.or_else(|| {
        doc.all().find_map(|ix| {
            let is_canonical = doc.is(ix, Tag::Link)
                && doc.attr(ix, "rel").is_some_and(|r| {
                    r.split_ascii_whitespace()
                        .any(|t| t.eq_ignore_ascii_case("canonical"))
                });
            if !is_canonical {
                return None;
            }
            urls::parse_base(doc.attr(ix, "href")?).ok()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Extractor>();
        assert_send_sync::<Article>();
    }
}
