//! # libdechaff: the C API of dechaff
//!
//! Builds `libdechaff.so` and `libdechaff.a`; the header `include/dechaff.h` is generated
//! from this crate by cbindgen (`UPDATE_HEADER=1 cargo test -p dechaff-c` rewrites it, and
//! the same test fails when the committed header drifts from the code).
//!
//! Discipline (rustls-ffi, regex-capi):
//! - every exported function runs behind [`boundary::ffi_boundary!`]: a panic becomes
//!   `DECHAFF_ERR_PANIC` (or NULL / 0 / false) and a message, never an unwind into C;
//! - every pointer argument is checked: NULL where one is required gives
//!   `DECHAFF_ERR_NULL_ARGUMENT` (accessors return NULL / 0 / false), never a crash;
//! - objects handed to C are `Box`es, created and freed only in `boundary`;
//! - strings handed to C are NUL-terminated UTF-8 owned by the article, valid until it is
//!   freed, with interior NULs replaced by U+FFFD;
//! - no defaults and no rules live here: options are `dechaff::Options`, validated by the
//!   core, and errors are mapped once in `status`.

#![deny(
    unsafe_op_in_unsafe_fn,
    clippy::undocumented_unsafe_blocks,
    missing_docs
)]
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]
// C naming (`dechaff_status`, `DECHAFF_OK`) is the point of this crate.
#![allow(non_camel_case_types)]

// The panic boundary relies on unwinding: with `panic = "abort"` a bug would kill the host
// process instead of returning DECHAFF_ERR_PANIC. Refuse to build that way.
#[cfg(not(panic = "unwind"))]
compile_error!("dechaff-c must be built with panic = \"unwind\" (its panic boundary needs it)");

mod article;
mod boundary;
mod options;
mod status;

use std::ffi::{CString, c_char, c_int};
use std::sync::LazyLock;

use boundary::ffi_boundary;

pub use article::{
    dechaff_article, dechaff_article_author, dechaff_article_authors_count,
    dechaff_article_description, dechaff_article_free, dechaff_article_has_content,
    dechaff_article_html, dechaff_article_image, dechaff_article_json, dechaff_article_language,
    dechaff_article_markdown, dechaff_article_modified, dechaff_article_published,
    dechaff_article_site_name, dechaff_article_text, dechaff_article_title, dechaff_article_url,
    dechaff_extract,
};
pub use options::{
    dechaff_favor, dechaff_on_limit, dechaff_options, dechaff_options_free, dechaff_options_new,
    dechaff_options_set_earliest_date, dechaff_options_set_encoding, dechaff_options_set_explain,
    dechaff_options_set_favor, dechaff_options_set_include_comments,
    dechaff_options_set_include_images, dechaff_options_set_include_links,
    dechaff_options_set_include_tables, dechaff_options_set_max_depth,
    dechaff_options_set_max_input_bytes, dechaff_options_set_max_nodes,
    dechaff_options_set_on_limit, dechaff_options_set_reference_date, dechaff_options_set_url,
};
pub use status::dechaff_status;

static VERSION: LazyLock<CString> = LazyLock::new(|| boundary::c_string(dechaff::VERSION));

/// The library version, e.g. `"0.1.0"`: static NUL-terminated string, never freed.
/// Compare with the `DECHAFF_VERSION` macro of the header you compiled against.
#[unsafe(no_mangle)]
pub extern "C" fn dechaff_version() -> *const c_char {
    ffi_boundary!({ VERSION.as_ptr() })
}

/// A short static description of `status` (a `dechaff_status` value), e.g.
/// `"input too large"`. Never NULL: a number that is no status gives `"unknown status"`.
#[unsafe(no_mangle)]
pub extern "C" fn dechaff_status_str(status: c_int) -> *const c_char {
    ffi_boundary!({
        status::static_c_str(
            dechaff_status::from_code(status).map_or(status::UNKNOWN_STATUS, |s| s.description()),
        )
    })
}

/// Copies the details of the last failure on the calling thread (e.g. "invalid option `url`:
/// \"x\" is not an absolute URL (...)") into `buf` as NUL-terminated UTF-8, cut to fit at a
/// character boundary, and returns the full message length in bytes (without the NUL), like
/// `snprintf`. A return value ≥ `len` means the copy was cut: call again with a buffer of
/// the returned length + 1. `buf` may be NULL when `len` is 0, to ask for the length.
///
/// Returns 0 (and writes an empty string) when no call on this thread has failed. The
/// message is thread-local and kept until the next failure on the same thread: read it right
/// after the call that returned an error status. Nothing needs freeing.
///
/// # Safety
/// `buf` is NULL or points to `len` writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn dechaff_last_error_message(buf: *mut c_char, len: usize) -> usize {
    ffi_boundary!({
        if buf.is_null() || len == 0 || len > isize::MAX as usize {
            boundary::copy_last_error(None)
        } else {
            // SAFETY: `buf` is non-NULL and points to `len` writable bytes (contract), and
            // `len` ≤ isize::MAX.
            let slice = unsafe { std::slice::from_raw_parts_mut(buf.cast::<u8>(), len) };
            boundary::copy_last_error(Some(slice))
        }
    })
}

#[cfg(test)]
mod tests;
