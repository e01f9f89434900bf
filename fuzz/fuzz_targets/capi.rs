//! The C API (`bindings-c`, header `dechaff.h`) driven the way a C caller drives it: options
//! built by arbitrary setter calls (invalid numbers, NULL, non-UTF-8 strings, NUL-terminated
//! buffers with interior NULs), `dechaff_extract` with arbitrary bytes and lengths (0, NULL
//! with 0, NULL with a length, a length no buffer can have, a NULL `out`), every accessor,
//! `dechaff_status_str` on arbitrary numbers, `dechaff_last_error_message` with zero, small
//! and exact buffers, and the `*_free` functions (also on NULL, and the options before the
//! article).
//!
//! The functions are the binding's own code, compiled from `bindings-c/src` as the rlib
//! `dechaff_c` (see `capi-rlib/Cargo.toml`); the calls go through their `extern "C"` ABI.
//!
//! Checked: every returned string is NUL-terminated valid UTF-8 and is the whole value (no
//! interior NUL cut it: it equals the core's value with NULs replaced by U+FFFD); a failure
//! sets `*out` to NULL and leaves a message; a success leaves the message alone; no status is
//! `DECHAFF_ERR_PANIC` (99); every setter accepts exactly what `Options::validate` accepts
//! and leaves the options unchanged on failure; on inputs up to 64 KiB, the status, every
//! accessor and the JSON equal what the core gives for the same options (a model kept in
//! step with the setters).
#![no_main]

use std::ffi::{CStr, c_char, c_int};
use std::ptr::{self, NonNull};

use arbitrary::{Arbitrary, Unstructured};
use dechaff::{Article, Extractor, Favor, OnLimit, Options};
use dechaff_c::*;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

/// A string argument as a C caller may pass it.
#[derive(Debug, Arbitrary)]
enum Text {
    /// NULL.
    Null,
    /// Arbitrary bytes, then a NUL: the callee sees them up to the first NUL.
    Bytes(Vec<u8>),
    /// A real or junk encoding label from `common::LABELS`.
    Label(u8),
    /// `YYYY-MM-DD` from small numbers: mostly valid dates, some impossible ones.
    Date(u8, u8, u8),
    /// `https://example.com/` and arbitrary bytes.
    Url(Vec<u8>),
}

impl Text {
    /// The buffer handed to C (exactly sized, so that AddressSanitizer sees any over-read),
    /// or `None` for NULL.
    fn buffer(&self) -> Option<Box<[u8]>> {
        let mut bytes = match self {
            Text::Null => return None,
            Text::Bytes(b) => b.clone(),
            Text::Label(i) => common::LABELS[*i as usize % common::LABELS.len()]
                .as_bytes()
                .to_vec(),
            Text::Date(y, m, d) => format!(
                "{:04}-{:02}-{:02}",
                1980 + u32::from(*y % 64),
                m % 14,
                d % 33
            )
            .into_bytes(),
            Text::Url(tail) => {
                let mut v = b"https://example.com/".to_vec();
                v.extend_from_slice(tail);
                v
            }
        };
        bytes.push(0);
        Some(bytes.into_boxed_slice())
    }
}

/// What the callee reads from a buffer: `Ok(None)` for NULL, the UTF-8 text up to the first
/// NUL, or `Err(())` when that text is not UTF-8.
fn seen(buffer: &Option<Box<[u8]>>) -> Result<Option<String>, ()> {
    match buffer {
        None => Ok(None),
        Some(b) => {
            let end = b.iter().position(|&c| c == 0).expect("terminated");
            std::str::from_utf8(&b[..end])
                .map(|s| Some(s.to_owned()))
                .map_err(|_| ())
        }
    }
}

fn as_ptr(buffer: &Option<Box<[u8]>>) -> *const c_char {
    buffer.as_ref().map_or(ptr::null(), |b| b.as_ptr().cast())
}

/// A `size_t` argument: often the size of a page (so that limits bite), sometimes anything.
#[derive(Debug, Arbitrary)]
enum Size {
    Small(u16),
    Any(usize),
}

impl Size {
    fn get(&self) -> usize {
        match self {
            Size::Small(n) => usize::from(*n),
            Size::Any(n) => *n,
        }
    }
}

/// One `dechaff_options_set_*` call.
#[derive(Debug, Arbitrary)]
enum Set {
    Favor(c_int),
    IncludeTables(bool),
    IncludeImages(bool),
    IncludeLinks(bool),
    IncludeComments(bool),
    Explain(bool),
    Url(Text),
    Encoding(Text),
    ReferenceDate(Text),
    EarliestDate(Text),
    MaxInputBytes(Size),
    MaxNodes(Size),
    /// Work grows with the square of the depth cap (documented; see the `options` target),
    /// so caps stay below 2 048: 0–7 are invalid, the rest valid.
    MaxDepth(u16),
    OnLimit(c_int),
}

#[derive(Debug, Arbitrary)]
struct Input {
    /// One setter call with `opts` NULL (must give DECHAFF_ERR_NULL_ARGUMENT).
    null_setter: Option<Set>,
    setters: Vec<Set>,
    /// Bits 0–1: 0 = pass `opts` NULL (defaults); bits 2–5: 0 = pass `out` NULL; bit 6: free
    /// the options before reading the article.
    flags: u8,
    /// 0 = `html` NULL with len 0, 1 = non-NULL with len 0, 2 = NULL with `odd_len` (≥ 1),
    /// 3 = a length above `isize::MAX` (refused before any read), otherwise the bytes.
    html_mode: u8,
    odd_len: usize,
    url: Text,
    status_probes: Vec<c_int>,
    author_probes: Vec<usize>,
    error_buffer: u8,
    html: Html,
}

/// The page: every byte left after the fields above (seeds are a short header plus a page,
/// see `seed.sh`). `Vec<u8>`'s own `arbitrary_take_rest` would read a continuation byte
/// before each element.
struct Html(Vec<u8>);

impl<'a> Arbitrary<'a> for Html {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        Vec::arbitrary(u).map(Html)
    }

    fn arbitrary_take_rest(u: Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(Html(u.take_rest().to_vec()))
    }
}

impl std::fmt::Debug for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", String::from_utf8_lossy(&self.0))
    }
}

const OK: i32 = 0;
const NULL_ARGUMENT: i32 = 1;
const INVALID_UTF8: i32 = 2;
const INPUT_TOO_LARGE: i32 = 4;
const PANIC: i32 = 99;
const STATUSES: [i32; 8] = [0, 1, 2, 3, 4, 5, 6, 99];

/// The status the binding must give for a core error.
fn status_of(error: &dechaff::Error) -> i32 {
    match error {
        dechaff::Error::InvalidOption { .. } => 3,
        dechaff::Error::InputTooLarge { .. } => 4,
        dechaff::Error::TooComplex { .. } => 5,
        dechaff::Error::NotHtml(_) => 6,
        other => panic!("core error without a C status: {other:?}"),
    }
}

/// A string handed out by the C API: `None` for NULL, else NUL-terminated valid UTF-8.
fn c_str<'a>(p: *const c_char) -> Option<&'a str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the API hands out NULL or NUL-terminated strings alive until the next free.
    let s = unsafe { CStr::from_ptr(p) };
    Some(s.to_str().expect("strings handed out are UTF-8"))
}

/// The C string the API must give for a core value: the whole value, NULs as U+FFFD.
fn c_form(s: &str) -> String {
    s.replace('\0', "\u{FFFD}")
}

/// This thread's last error message, checked through every buffer shape: NULL / 0 asks for
/// the length, a non-NULL buffer of length 0 is not written, a buffer of `small` + 1 bytes
/// (at most the message length + 1) gets the longest prefix cut at a character boundary.
fn last_error(small: u8) -> String {
    // SAFETY: NULL with length 0 is allowed (asks for the length).
    let n = unsafe { dechaff_last_error_message(ptr::null_mut(), 0) };
    let mut sentinel = [0xA5u8; 1];
    // SAFETY: a live 1-byte buffer, announced as 0 bytes: nothing may be written.
    let n0 = unsafe { dechaff_last_error_message(sentinel.as_mut_ptr().cast(), 0) };
    assert_eq!(n0, n);
    assert_eq!(sentinel, [0xA5], "a zero-length buffer was written");
    let mut full = vec![0xA5u8; n + 1].into_boxed_slice();
    // SAFETY: `full` has `full.len()` writable bytes.
    let n1 = unsafe { dechaff_last_error_message(full.as_mut_ptr().cast(), full.len()) };
    assert_eq!(n1, n);
    assert_eq!(full[n], 0, "not NUL-terminated");
    let message = std::str::from_utf8(&full[..n]).expect("message is UTF-8");
    assert!(!message.contains('\0'), "interior NUL in {message:?}");
    let len = 1 + small as usize % (n + 1);
    let mut buf = vec![0xA5u8; len].into_boxed_slice();
    // SAFETY: `buf` has `len` writable bytes.
    let n2 = unsafe { dechaff_last_error_message(buf.as_mut_ptr().cast(), len) };
    assert_eq!(n2, n, "return value is the full length");
    let cut = buf
        .iter()
        .position(|&b| b == 0)
        .expect("NUL within the buffer");
    let mut want = n.min(len - 1);
    while !message.is_char_boundary(want) {
        want -= 1;
    }
    assert_eq!(cut, want, "cut at the last character boundary that fits");
    assert_eq!(&buf[..cut], &message.as_bytes()[..cut]);
    message.to_owned()
}

/// Checks a status: never PANIC, a known number with a known description, and a message
/// after a failure; after a success the previous message must be untouched.
fn check_status(status: dechaff_status, before: &str, small: u8) -> i32 {
    let code = status as i32;
    assert_ne!(code, PANIC, "caught panic: {}", last_error(small));
    assert!(STATUSES.contains(&code));
    let description = c_str(dechaff_status_str(code)).expect("never NULL");
    assert_ne!(description, "unknown status");
    let message = last_error(small);
    if code == OK {
        assert_eq!(message, before, "a success changed the last error");
    } else {
        assert!(!message.is_empty(), "status {code} without a message");
    }
    code
}

/// Applies one setter to the C options and to the model, and checks that both agree.
fn apply(opts: *mut dechaff_options, set: &Set, model: &mut Options, small: u8) -> i32 {
    let before = last_error(small);
    let mut candidate = model.clone();
    // `Err(code)`: the binding must refuse the call with `code` before the core sees it.
    let mut early: Option<i32> = None;
    let text = |t: &Text, early: &mut Option<i32>| {
        let buffer = t.buffer();
        let value = match seen(&buffer) {
            Ok(v) => v,
            Err(()) => {
                *early = Some(INVALID_UTF8);
                None
            }
        };
        (buffer, value)
    };
    // SAFETY (every call below): `opts` is NULL or live and used by this thread only; string
    // arguments are NULL or NUL-terminated buffers alive during the call.
    let status = unsafe {
        match set {
            Set::Favor(f) => {
                match *f {
                    0 => candidate.favor = Favor::Precision,
                    1 => candidate.favor = Favor::Balanced,
                    2 => candidate.favor = Favor::Recall,
                    _ => early = Some(3),
                }
                dechaff_options_set_favor(opts, *f)
            }
            Set::IncludeTables(on) => {
                candidate.include_tables = *on;
                dechaff_options_set_include_tables(opts, *on)
            }
            Set::IncludeImages(on) => {
                candidate.include_images = *on;
                dechaff_options_set_include_images(opts, *on)
            }
            Set::IncludeLinks(on) => {
                candidate.include_links = *on;
                dechaff_options_set_include_links(opts, *on)
            }
            Set::IncludeComments(on) => {
                candidate.include_comments = *on;
                dechaff_options_set_include_comments(opts, *on)
            }
            Set::Explain(on) => {
                candidate.explain = *on;
                dechaff_options_set_explain(opts, *on)
            }
            Set::Url(t) => {
                let (buffer, value) = text(t, &mut early);
                candidate.url = value;
                dechaff_options_set_url(opts, as_ptr(&buffer))
            }
            Set::Encoding(t) => {
                let (buffer, value) = text(t, &mut early);
                candidate.encoding = value;
                dechaff_options_set_encoding(opts, as_ptr(&buffer))
            }
            Set::ReferenceDate(t) => {
                let (buffer, value) = text(t, &mut early);
                candidate.reference_date = value;
                dechaff_options_set_reference_date(opts, as_ptr(&buffer))
            }
            Set::EarliestDate(t) => {
                let (buffer, value) = text(t, &mut early);
                candidate.earliest_date = value;
                dechaff_options_set_earliest_date(opts, as_ptr(&buffer))
            }
            Set::MaxInputBytes(n) => {
                candidate.limits.max_input_bytes = n.get();
                dechaff_options_set_max_input_bytes(opts, n.get())
            }
            Set::MaxNodes(n) => {
                candidate.limits.max_nodes = n.get();
                dechaff_options_set_max_nodes(opts, n.get())
            }
            Set::MaxDepth(n) => {
                let n = usize::from(*n % 2048);
                candidate.limits.max_depth = n;
                dechaff_options_set_max_depth(opts, n)
            }
            Set::OnLimit(v) => {
                match *v {
                    0 => candidate.limits.on_limit = OnLimit::Degrade,
                    1 => candidate.limits.on_limit = OnLimit::Error,
                    _ => early = Some(3),
                }
                dechaff_options_set_on_limit(opts, *v)
            }
        }
    };
    let code = check_status(status, &before, small);
    let want = if opts.is_null() {
        NULL_ARGUMENT
    } else if let Some(e) = early {
        e
    } else {
        match candidate.validate() {
            Ok(()) => OK,
            Err(e) => status_of(&e),
        }
    };
    assert_eq!(code, want, "{set:?}");
    if code == OK {
        *model = candidate;
    }
    code
}

/// Every accessor on `a`; with a reference article, every value must be the core's.
fn check_article(a: *const dechaff_article, reference: Option<&Article>, probes: &[usize]) {
    type Field = unsafe extern "C" fn(*const dechaff_article) -> *const c_char;
    let fields: [(Field, fn(&Article) -> Option<&str>); 8] = [
        (dechaff_article_title, |r| r.title.as_deref()),
        (dechaff_article_published, |r| r.published.as_deref()),
        (dechaff_article_modified, |r| r.modified.as_deref()),
        (dechaff_article_site_name, |r| r.site_name.as_deref()),
        (dechaff_article_description, |r| r.description.as_deref()),
        (dechaff_article_language, |r| r.language.as_deref()),
        (dechaff_article_url, |r| r.url.as_deref()),
        (dechaff_article_image, |r| r.image.as_deref()),
    ];
    // SAFETY (every call below): `a` is a live article from `dechaff_extract`.
    for (get, want) in fields {
        let value = c_str(unsafe { get(a) });
        if let Some(r) = reference {
            assert_eq!(value.map(str::to_owned), want(r).map(c_form));
        }
    }
    let renderings: [(Field, fn(&Article) -> String); 4] = [
        (dechaff_article_text, Article::text),
        (dechaff_article_markdown, Article::markdown),
        (dechaff_article_html, Article::html),
        (dechaff_article_json, Article::to_json),
    ];
    for (get, want) in renderings {
        let p = unsafe { get(a) };
        let value = c_str(p).expect("renderings are never NULL for an article");
        assert_eq!(unsafe { get(a) }, p, "a rendering is cached: same pointer");
        if let Some(r) = reference {
            assert_eq!(value, c_form(&want(r)));
        }
    }
    let json = c_str(unsafe { dechaff_article_json(a) }).expect("json");
    assert!(
        json.starts_with('{') && json.ends_with('}'),
        "whole JSON object"
    );
    let has_content = unsafe { dechaff_article_has_content(a) };
    let count = unsafe { dechaff_article_authors_count(a) };
    for i in 0..count {
        let author = c_str(unsafe { dechaff_article_author(a, i) }).expect("in range");
        if let Some(r) = reference {
            assert_eq!(author, c_form(&r.authors[i]));
        }
    }
    for &p in probes.iter().take(8).chain(&[0, usize::MAX]) {
        let index = count.saturating_add(p);
        assert!(
            unsafe { dechaff_article_author(a, index) }.is_null(),
            "author {index}"
        );
    }
    if let Some(r) = reference {
        assert_eq!(has_content, r.has_content());
        assert_eq!(count, r.authors.len());
    }
}

/// Every accessor on a NULL article: NULL, 0 or false.
fn check_null_article() {
    let a = ptr::null();
    // SAFETY: NULL is allowed for every accessor and for `dechaff_article_free`.
    unsafe {
        for get in [
            dechaff_article_title,
            dechaff_article_published,
            dechaff_article_modified,
            dechaff_article_site_name,
            dechaff_article_description,
            dechaff_article_language,
            dechaff_article_url,
            dechaff_article_image,
            dechaff_article_text,
            dechaff_article_markdown,
            dechaff_article_html,
            dechaff_article_json,
        ] {
            assert!(get(a).is_null());
        }
        assert_eq!(dechaff_article_authors_count(a), 0);
        assert!(dechaff_article_author(a, 0).is_null());
        assert!(!dechaff_article_has_content(a));
        dechaff_article_free(ptr::null_mut());
        dechaff_options_free(ptr::null_mut());
    }
}

fuzz_target!(|input: Input| {
    let small = input.error_buffer;
    assert_eq!(c_str(dechaff_version()), Some(dechaff::VERSION));
    for &s in input.status_probes.iter().take(8) {
        let description = c_str(dechaff_status_str(s)).expect("never NULL");
        assert_eq!(
            description == "unknown status",
            !STATUSES.contains(&s),
            "{s}"
        );
    }
    check_null_article();

    let mut model = Options::default();
    if let Some(set) = &input.null_setter {
        apply(ptr::null_mut(), set, &mut model, small);
    }
    let opts = dechaff_options_new();
    assert!(!opts.is_null());
    for set in input.setters.iter().take(16) {
        apply(opts, set, &mut model, small);
    }

    let use_opts = input.flags & 0b11 != 0;
    let out_null = (input.flags >> 2) & 0b1111 == 0;
    let free_options_first = input.flags & 0x40 != 0;
    let html: Box<[u8]> = input.html.0.clone().into_boxed_slice();
    let (html_ptr, len) = match input.html_mode {
        0 => (ptr::null(), 0),
        1 => (html.as_ptr(), 0),
        2 => (ptr::null(), input.odd_len.max(1)),
        // Refused before `html` is read; a C caller passing a negative ssize_t gets this.
        3 => (html.as_ptr(), input.odd_len | !(isize::MAX as usize)),
        _ => (html.as_ptr(), html.len()),
    };
    let url = input.url.buffer();
    let url_seen = seen(&url);

    let before = last_error(small);
    let mut article: *mut dechaff_article = NonNull::dangling().as_ptr();
    let out = if out_null {
        ptr::null_mut()
    } else {
        &mut article as *mut _
    };
    let c_opts = if use_opts {
        opts.cast_const()
    } else {
        ptr::null()
    };
    // SAFETY: `html_ptr` is NULL or points to `html.len()` bytes, and `len` is either at most
    // that or above isize::MAX (refused before any read); `url` is NULL or NUL-terminated;
    // `c_opts` is NULL or live; `out` is NULL or writable.
    let status = unsafe { dechaff_extract(html_ptr, len, as_ptr(&url), c_opts, out) };
    let code = check_status(status, &before, small);

    let early = if out_null {
        Some(NULL_ARGUMENT)
    } else if html_ptr.is_null() && len > 0 {
        Some(NULL_ARGUMENT)
    } else if len > isize::MAX as usize {
        Some(INPUT_TOO_LARGE)
    } else if url_seen.is_err() {
        Some(INVALID_UTF8)
    } else {
        None
    };
    let bytes: &[u8] = &html[..len.min(html.len())];
    let reference = match early {
        Some(want) => {
            assert_eq!(code, want);
            None
        }
        None if bytes.len() <= 64 * 1024 => {
            let o = if use_opts {
                model.clone()
            } else {
                Options::default()
            };
            let extractor = Extractor::new(o).expect("the model holds valid options");
            let url = url_seen.as_ref().ok().and_then(|u| u.as_deref());
            match extractor.extract_bytes(bytes, url, None) {
                Ok(r) => {
                    assert_eq!(code, OK);
                    Some(r)
                }
                Err(e) => {
                    assert_eq!(code, status_of(&e), "{e}");
                    None
                }
            }
        }
        None => None,
    };
    if out_null {
        assert!(
            article == NonNull::dangling().as_ptr(),
            "NULL out was written through"
        );
    } else if code != OK {
        assert!(article.is_null(), "failure must leave *out NULL");
    } else {
        assert!(!article.is_null());
        if free_options_first {
            // SAFETY: `opts` is live and not used afterwards; articles do not depend on it.
            unsafe { dechaff_options_free(opts) };
        }
        check_article(article, reference.as_ref(), &input.author_probes);
        // SAFETY: `article` came from `dechaff_extract` and is not used afterwards.
        unsafe { dechaff_article_free(article) };
        if free_options_first {
            return;
        }
    }
    // SAFETY: `opts` is live and not used afterwards.
    unsafe { dechaff_options_free(opts) };
});
