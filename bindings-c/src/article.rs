//! `dechaff_extract` and the `dechaff_article` accessors.
//!
//! An article owns the core `Article` plus the C strings handed out for it: metadata strings
//! are converted once at extraction, renderings (text, Markdown, HTML, JSON) on first use.
//! All of them live as long as the article, so every returned pointer stays valid until
//! `dechaff_article_free`.

use std::ffi::{CString, c_char};
use std::sync::OnceLock;

use dechaff::{Article, Extractor, Options};

use crate::boundary::{
    c_string, ffi_boundary, free_boxed, into_raw, null_argument, ptr_ref, set_last_error,
    try_opt_str,
};
use crate::options::dechaff_options;
use crate::status::{self, dechaff_status};

/// The result of an extraction (opaque, immutable). Read it with the `dechaff_article_*`
/// accessors, from any number of threads at once; release it with `dechaff_article_free`.
pub struct dechaff_article {
    title: Option<CString>,
    authors: Vec<CString>,
    published: Option<CString>,
    modified: Option<CString>,
    site_name: Option<CString>,
    description: Option<CString>,
    language: Option<CString>,
    url: Option<CString>,
    image: Option<CString>,
    has_content: bool,
    text: OnceLock<CString>,
    markdown: OnceLock<CString>,
    html: OnceLock<CString>,
    json: OnceLock<CString>,
    article: Article,
}

impl dechaff_article {
    fn new(article: Article) -> Self {
        let opt = |s: &Option<String>| s.as_deref().map(c_string);
        dechaff_article {
            title: opt(&article.title),
            authors: article.authors.iter().map(|a| c_string(a)).collect(),
            published: opt(&article.published),
            modified: opt(&article.modified),
            site_name: opt(&article.site_name),
            description: opt(&article.description),
            language: opt(&article.language),
            url: opt(&article.url),
            image: opt(&article.image),
            has_content: article.has_content(),
            text: OnceLock::new(),
            markdown: OnceLock::new(),
            html: OnceLock::new(),
            json: OnceLock::new(),
            article,
        }
    }
}

/// Extracts the article from `len` bytes of HTML at `html`, in any encoding (byte-order mark,
/// the options' encoding label, `<meta charset>`, then detection).
///
/// - `html` may be NULL only when `len` is 0 (an empty document).
/// - `url` (NULL or a NUL-terminated absolute URL) overrides the options' URL for this call.
/// - `opts` NULL means the defaults.
/// - `out` must not be NULL. On `DECHAFF_OK`, `*out` is a new article that the caller owns
///   and releases with `dechaff_article_free`; on any failure `*out` is set to NULL and
///   `dechaff_last_error_message` tells why.
///
/// A page without main content is not a failure: it gives `DECHAFF_OK` and an article for
/// which `dechaff_article_has_content` is false (its metadata may still be useful).
/// The input is only read during the call; it may be freed afterwards.
///
/// # Safety
/// `html` is NULL or points to `len` readable bytes; `url` is NULL or NUL-terminated; `opts`
/// is NULL or a live `dechaff_options` not being changed by another thread; `out` is NULL or
/// writable.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_extract(
    html: *const u8,
    len: usize,
    url: *const c_char,
    opts: *const dechaff_options,
    out: *mut *mut dechaff_article,
) -> dechaff_status {
    ffi_boundary!({
        if out.is_null() {
            return null_argument("out");
        }
        // SAFETY: `out` is non-NULL and, per the contract, writable.
        unsafe { out.write(std::ptr::null_mut()) };
        let bytes: &[u8] = if len == 0 {
            &[]
        } else if html.is_null() {
            return null_argument("html");
        } else if len > isize::MAX as usize {
            // No real buffer is this large; refuse before forming a slice from it.
            set_last_error(&format!(
                "input is {len} bytes, more than any buffer can be"
            ));
            return dechaff_status::DECHAFF_ERR_INPUT_TOO_LARGE;
        } else {
            // SAFETY: `html` is non-NULL, points to `len` readable bytes (contract), and
            // `len` ≤ isize::MAX; the bytes are not modified during the call.
            unsafe { std::slice::from_raw_parts(html, len) }
        };
        let url = try_opt_str!(url);
        // SAFETY: `opts` is NULL or a live `dechaff_options` (contract).
        let opts = unsafe { ptr_ref(opts) };
        let default_extractor;
        let extractor = match opts {
            Some(o) => &o.extractor,
            None => match Extractor::new(Options::default()) {
                Ok(e) => {
                    default_extractor = e;
                    &default_extractor
                }
                Err(error) => return status::fail(&error),
            },
        };
        match extractor.extract_bytes(bytes, url, None) {
            Ok(article) => {
                // SAFETY: as above, `out` is non-NULL and writable.
                unsafe { out.write(into_raw(dechaff_article::new(article))) };
                dechaff_status::DECHAFF_OK
            }
            Err(error) => status::fail(&error),
        }
    })
}

/// Releases an article and every string borrowed from it. NULL is a no-op.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_free(article: *mut dechaff_article) {
    ffi_boundary!({
        // SAFETY: per the contract, `article` is NULL or an unfreed `into_raw` box.
        unsafe { free_boxed(article) }
    })
}

/// A cached metadata field of `article`, NULL when absent or when `article` is NULL.
fn field(
    article: *const dechaff_article,
    get: fn(&dechaff_article) -> &Option<CString>,
) -> *const c_char {
    // SAFETY: every caller passes its own `article` argument, which its contract requires to
    // be NULL or live.
    match unsafe { ptr_ref(article) } {
        Some(a) => get(a).as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
        None => std::ptr::null(),
    }
}

/// The article's title, without the site name.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_title(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.title) })
}

/// Publication date-time, ISO 8601 (`2025-02-27T12:07:00+00:00`, or a bare date).
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_published(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.published) })
}

/// Last modification date-time, ISO 8601.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_modified(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.modified) })
}

/// Name of the site or publication.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_site_name(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.site_name) })
}

/// Short description or standfirst.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_description(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.description) })
}

/// Language of the page (a BCP 47 tag or ISO 639-1 code, e.g. `en`, `pt-BR`).
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_language(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.language) })
}

/// Canonical address of the page.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_url(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.url) })
}

/// Address of the lead image.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL when the page has
/// no such value or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_image(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ field(article, |a| &a.image) })
}

/// Number of authors (0 when none or when `article` is NULL).
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_authors_count(article: *const dechaff_article) -> usize {
    ffi_boundary!({
        // SAFETY: `article` is NULL or live (contract).
        unsafe { ptr_ref(article) }.map_or(0, |a| a.authors.len())
    })
}

/// The `index`-th author (from 0), in page order. Borrowed NUL-terminated UTF-8, valid until
/// `dechaff_article_free`; NULL when `index` is out of range or `article` is NULL.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_author(
    article: *const dechaff_article,
    index: usize,
) -> *const c_char {
    ffi_boundary!({
        // SAFETY: `article` is NULL or live (contract).
        unsafe { ptr_ref(article) }
            .and_then(|a| a.authors.get(index))
            .map_or(std::ptr::null(), |c| c.as_ptr())
    })
}

/// Whether main content was found. False for a page without an article body (and for NULL).
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_has_content(article: *const dechaff_article) -> bool {
    ffi_boundary!({
        // SAFETY: `article` is NULL or live (contract).
        unsafe { ptr_ref(article) }.is_some_and(|a| a.has_content)
    })
}

/// Returns the rendering cached in `cell`, rendering it on first use.
fn rendered(
    article: *const dechaff_article,
    cell: fn(&dechaff_article) -> &OnceLock<CString>,
    render: fn(&Article) -> String,
) -> *const c_char {
    // SAFETY: every caller passes its own `article` argument, which its contract requires to
    // be NULL or live.
    match unsafe { ptr_ref(article) } {
        Some(a) => cell(a)
            .get_or_init(|| c_string(&render(&a.article)))
            .as_ptr(),
        None => std::ptr::null(),
    }
}

/// The body as plain text: blocks separated by a blank line. Empty (not NULL) when the page
/// has no main content.
///
/// Borrowed NUL-terminated UTF-8, valid until `dechaff_article_free`; NULL only when
/// `article` is NULL. Rendered on first call (thread-safe), then cached.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_text(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ rendered(article, |a| &a.text, Article::text) })
}

/// The article as Markdown (title as a level-1 heading, then the body). Lifetime and
/// caching as `dechaff_article_text`.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_markdown(
    article: *const dechaff_article,
) -> *const c_char {
    ffi_boundary!({ rendered(article, |a| &a.markdown, Article::markdown) })
}

/// The article as a small clean HTML document. Lifetime and caching as
/// `dechaff_article_text`.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_html(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ rendered(article, |a| &a.html, Article::html) })
}

/// The whole article as one line of JSON: every field, `has_content` and the rendered
/// `text`; byte for byte what the Rust `Article::to_json` and the Python `to_json` give.
/// Lifetime and caching as `dechaff_article_text`.
///
/// # Safety
/// `article` is NULL or a live pointer from `dechaff_extract`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_article_json(article: *const dechaff_article) -> *const c_char {
    ffi_boundary!({ rendered(article, |a| &a.json, Article::to_json) })
}
