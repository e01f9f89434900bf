//! `dechaff_options`: an opaque, validated set of options, one setter per core option.
//!
//! The object always holds valid options: a setter checks the changed options with the core's
//! own validation and, on a bad value, returns `DECHAFF_ERR_INVALID_OPTION` and leaves the
//! object as it was. Every default comes from `dechaff::Options::default()`.

use std::ffi::{c_char, c_int};

use dechaff::{Extractor, Favor, OnLimit, Options};

use crate::boundary::{ffi_boundary, free_boxed, into_raw, set_last_error, try_mut, try_opt_str};
use crate::status::{self, dechaff_status};

/// Extraction options (opaque). Create with `dechaff_options_new`, change with the
/// `dechaff_options_set_*` functions, release with `dechaff_options_free`.
///
/// A `const dechaff_options *` may be used by `dechaff_extract` from several threads at
/// once; setters need exclusive access.
pub struct dechaff_options {
    /// The options, already validated and compiled.
    pub(crate) extractor: Extractor,
}

/// Values for `dechaff_options_set_favor`: which way to lean when a block might be
/// boilerplate or content.
#[repr(C)]
#[allow(non_camel_case_types, dead_code)]
pub enum dechaff_favor {
    /// Drop doubtful blocks: less boilerplate, maybe a lost paragraph.
    DECHAFF_FAVOR_PRECISION = 0,
    /// The default trade-off.
    DECHAFF_FAVOR_BALANCED = 1,
    /// Keep doubtful blocks: nothing lost, maybe some boilerplate.
    DECHAFF_FAVOR_RECALL = 2,
}

/// Values for `dechaff_options_set_on_limit`: what happens when a page exceeds `max_nodes`
/// or `max_depth`.
#[repr(C)]
#[allow(non_camel_case_types, dead_code)]
pub enum dechaff_on_limit {
    /// Stop parsing there and extract from what was parsed (the default); the article's
    /// diagnostics say it was truncated.
    DECHAFF_ON_LIMIT_DEGRADE = 0,
    /// Refuse the page with `DECHAFF_ERR_TOO_COMPLEX`.
    DECHAFF_ON_LIMIT_ERROR = 1,
}

fn favor_from_code(code: c_int) -> Option<Favor> {
    match code {
        x if x == dechaff_favor::DECHAFF_FAVOR_PRECISION as c_int => Some(Favor::Precision),
        x if x == dechaff_favor::DECHAFF_FAVOR_BALANCED as c_int => Some(Favor::Balanced),
        x if x == dechaff_favor::DECHAFF_FAVOR_RECALL as c_int => Some(Favor::Recall),
        _ => None,
    }
}

fn on_limit_from_code(code: c_int) -> Option<OnLimit> {
    match code {
        x if x == dechaff_on_limit::DECHAFF_ON_LIMIT_DEGRADE as c_int => Some(OnLimit::Degrade),
        x if x == dechaff_on_limit::DECHAFF_ON_LIMIT_ERROR as c_int => Some(OnLimit::Error),
        _ => None,
    }
}

/// Applies `change` to a copy of the options and keeps it only if the core accepts it.
fn update(opts: &mut dechaff_options, change: impl FnOnce(&mut Options)) -> dechaff_status {
    let mut candidate = opts.extractor.options().clone();
    change(&mut candidate);
    match Extractor::new(candidate) {
        Ok(extractor) => {
            opts.extractor = extractor;
            dechaff_status::DECHAFF_OK
        }
        Err(error) => status::fail(&error),
    }
}

fn invalid_enum(name: &str, code: c_int) -> dechaff_status {
    set_last_error(&format!(
        "invalid option `{name}`: {code} is not a known value"
    ));
    dechaff_status::DECHAFF_ERR_INVALID_OPTION
}

/// Creates options with every default (those of `dechaff::Options::default()`).
///
/// Ownership: the caller owns the result and releases it with `dechaff_options_free`.
/// Returns NULL only on an internal error.
#[unsafe(no_mangle)]
pub extern "C" fn dechaff_options_new() -> *mut dechaff_options {
    ffi_boundary!({
        match Extractor::new(Options::default()) {
            Ok(extractor) => into_raw(dechaff_options { extractor }),
            Err(error) => {
                status::fail(&error);
                std::ptr::null_mut()
            }
        }
    })
}

/// Releases options made by `dechaff_options_new`. NULL is a no-op. Articles extracted with
/// the options do not depend on them and stay valid.
///
/// # Safety
/// `opts` is NULL or a live pointer from `dechaff_options_new`, not used afterwards.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_free(opts: *mut dechaff_options) {
    ffi_boundary!({
        // SAFETY: per this function's contract, `opts` is NULL or an unfreed `into_raw` box.
        unsafe { free_boxed(opts) }
    })
}

/// Sets the precision / recall trade-off: a `dechaff_favor` value. Default
/// `DECHAFF_FAVOR_BALANCED`. An unknown value gives `DECHAFF_ERR_INVALID_OPTION`.
///
/// # Safety
/// `opts` is NULL or a live pointer from `dechaff_options_new`, not used by another thread
/// during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_favor(
    opts: *mut dechaff_options,
    favor: c_int,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        match favor_from_code(favor) {
            Some(f) => update(opts, |o| o.favor = f),
            None => invalid_enum("favor", favor),
        }
    })
}

/// Keeps tables of data in the body. Default true.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_include_tables(
    opts: *mut dechaff_options,
    on: bool,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.include_tables = on)
    })
}

/// Keeps images (figures) in the body. Default false.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_include_images(
    opts: *mut dechaff_options,
    on: bool,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.include_images = on)
    })
}

/// Keeps link targets on text blocks (visible in the JSON and HTML renderings). Default false.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_include_links(
    opts: *mut dechaff_options,
    on: bool,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.include_links = on)
    })
}

/// Keeps the page's comment section (in the JSON rendering). Default false.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_include_comments(
    opts: *mut dechaff_options,
    on: bool,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.include_comments = on)
    })
}

/// Records why each block was kept or dropped (the `diagnostics.trace` of the JSON).
/// Default false.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_explain(
    opts: *mut dechaff_options,
    on: bool,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.explain = on)
    })
}

/// Sets the page's address (absolute URL, NUL-terminated UTF-8): the base for relative links
/// and a hint for encoding and date detection. NULL clears it (the default). The `url`
/// argument of `dechaff_extract`, when not NULL, overrides it for one call. The string is
/// copied.
///
/// # Safety
/// `opts` as `dechaff_options_set_favor`; `url` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_url(
    opts: *mut dechaff_options,
    url: *const c_char,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        let url = try_opt_str!(url);
        update(opts, |o| o.url = url.map(str::to_owned))
    })
}

/// Sets the encoding label the caller knows (e.g. the charset of an HTTP `Content-Type`),
/// such as `"windows-1251"` or `"shift_jis"`. A byte-order mark in the input still wins.
/// NULL clears it (the default: detect). An unknown label gives
/// `DECHAFF_ERR_INVALID_OPTION`. The string is copied.
///
/// # Safety
/// `opts` as `dechaff_options_set_favor`; `encoding` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_encoding(
    opts: *mut dechaff_options,
    encoding: *const c_char,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        let encoding = try_opt_str!(encoding);
        update(opts, |o| o.encoding = encoding.map(str::to_owned))
    })
}

/// Sets the day the page is read, `"YYYY-MM-DD"`: the latest accepted date and the anchor
/// for relative dates. NULL clears it (the default: today, relative dates ignored).
///
/// # Safety
/// `opts` as `dechaff_options_set_favor`; `date` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_reference_date(
    opts: *mut dechaff_options,
    date: *const c_char,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        let date = try_opt_str!(date);
        update(opts, |o| o.reference_date = date.map(str::to_owned))
    })
}

/// Sets the earliest accepted date, `"YYYY-MM-DD"`. NULL clears it (the default:
/// 1995-01-01).
///
/// # Safety
/// `opts` as `dechaff_options_set_favor`; `date` is NULL or a NUL-terminated string.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_earliest_date(
    opts: *mut dechaff_options,
    date: *const c_char,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        let date = try_opt_str!(date);
        update(opts, |o| o.earliest_date = date.map(str::to_owned))
    })
}

/// Sets the largest accepted input in bytes (default 20 000 000; must be at least 1).
/// Larger inputs give `DECHAFF_ERR_INPUT_TOO_LARGE`.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_max_input_bytes(
    opts: *mut dechaff_options,
    n: usize,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.limits.max_input_bytes = n)
    })
}

/// Sets the most elements parsed (default 250 000; must be at least 1).
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_max_nodes(
    opts: *mut dechaff_options,
    n: usize,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.limits.max_nodes = n)
    })
}

/// Sets the deepest element nesting parsed (default 512; must be at least 8).
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_max_depth(
    opts: *mut dechaff_options,
    n: usize,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        update(opts, |o| o.limits.max_depth = n)
    })
}

/// Sets what happens when `max_nodes` or `max_depth` is exceeded: a `dechaff_on_limit`
/// value. Default `DECHAFF_ON_LIMIT_DEGRADE`. An unknown value gives
/// `DECHAFF_ERR_INVALID_OPTION`.
///
/// # Safety
/// As `dechaff_options_set_favor`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_options_set_on_limit(
    opts: *mut dechaff_options,
    on_limit: c_int,
) -> dechaff_status {
    ffi_boundary!({
        let opts = try_mut!(opts);
        match on_limit_from_code(on_limit) {
            Some(v) => update(opts, |o| o.limits.on_limit = v),
            None => invalid_enum("on_limit", on_limit),
        }
    })
}
