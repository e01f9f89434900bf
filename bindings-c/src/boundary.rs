//! The FFI boundary: panic catching, the thread-local error message, and every raw-pointer
//! conversion of the crate. Nothing else in the crate calls `Box::into_raw`/`Box::from_raw`
//! or dereferences a caller's pointer.

use std::any::Any;
use std::cell::RefCell;
use std::ffi::{CStr, CString, c_char};
use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::status::dechaff_status;

/// Runs the body of an exported function behind a panic boundary.
///
/// A panic in the body is caught, its message is stored for
/// [`dechaff_last_error_message`](crate::dechaff_last_error_message), and the function returns
/// [`PanicValue::panic_value`] of its return type (`DECHAFF_ERR_PANIC`, NULL, 0 or false)
/// instead of unwinding into C (which Rust turns into an abort of the host process).
///
/// Every `extern "C"` function of the crate starts with this macro; a unit test checks it.
macro_rules! ffi_boundary {
    ($body:block) => {
        $crate::boundary::guard(move || $body)
    };
}
pub(crate) use ffi_boundary;

/// The value an exported function returns when its body panicked.
pub(crate) trait PanicValue {
    /// `DECHAFF_ERR_PANIC` for statuses; NULL, 0 or false for accessors.
    fn panic_value() -> Self;
}

impl PanicValue for dechaff_status {
    fn panic_value() -> Self {
        dechaff_status::DECHAFF_ERR_PANIC
    }
}

impl<T> PanicValue for *const T {
    fn panic_value() -> Self {
        std::ptr::null()
    }
}

impl<T> PanicValue for *mut T {
    fn panic_value() -> Self {
        std::ptr::null_mut()
    }
}

impl PanicValue for usize {
    fn panic_value() -> Self {
        0
    }
}

impl PanicValue for bool {
    fn panic_value() -> Self {
        false
    }
}

impl PanicValue for () {
    fn panic_value() -> Self {}
}

/// See [`ffi_boundary!`].
pub(crate) fn guard<T: PanicValue>(body: impl FnOnce() -> T) -> T {
    // AssertUnwindSafe: after a panic we hand back no state the body touched. The objects a
    // caller owns (options, articles) are only written by setters that replace a whole value
    // at the end, so a panic leaves them as they were.
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(value) => value,
        Err(payload) => {
            set_last_error(&format!(
                "internal error (a bug in dechaff, please report it): {}",
                panic_message(payload.as_ref())
            ));
            T::panic_value()
        }
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "panic with a non-string payload"
    }
}

thread_local! {
    /// Details of the last failure on this thread, NUL-free UTF-8.
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records `message` as this thread's last error (read by `dechaff_last_error_message`).
pub(crate) fn set_last_error(message: &str) {
    // `try_with`: during thread teardown the slot may be gone; losing a message then is fine.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            slot.clear();
            slot.push_str(&message.replace('\0', "\u{FFFD}"));
        }
    });
}

/// Copies this thread's last error message into `buf` (see `dechaff_last_error_message`).
pub(crate) fn copy_last_error(buf: Option<&mut [u8]>) -> usize {
    LAST_ERROR
        .try_with(|slot| {
            let Ok(message) = slot.try_borrow() else {
                return 0;
            };
            if let Some(buf) = buf
                && let Some(room) = buf.len().checked_sub(1)
            {
                // Cut at a character boundary so that the copy stays valid UTF-8.
                let mut n = message.len().min(room);
                while !message.is_char_boundary(n) {
                    n -= 1;
                }
                let (head, rest) = buf.split_at_mut(n);
                head.copy_from_slice(message.as_bytes().get(..n).unwrap_or_default());
                if let Some(nul) = rest.first_mut() {
                    *nul = 0;
                }
            }
            message.len()
        })
        .unwrap_or(0)
}

/// A NUL-terminated copy of `s` for handing to C; interior NULs become U+FFFD so that the C
/// string is the whole value.
pub(crate) fn c_string(s: &str) -> CString {
    let owned = if s.contains('\0') {
        s.replace('\0', "\u{FFFD}")
    } else {
        s.to_owned()
    };
    // Cannot fail: the NULs were replaced just above.
    CString::new(owned).unwrap_or_default()
}

/// Moves `value` to the heap and gives C its address. The one place that leaks a `Box`;
/// [`free_boxed`] is its inverse.
pub(crate) fn into_raw<T>(value: T) -> *mut T {
    Box::into_raw(Box::new(value))
}

/// Drops a value made by [`into_raw`]. NULL is a no-op.
///
/// # Safety
/// `ptr` is NULL or came from [`into_raw`] with the same `T` and has not been freed.
pub(crate) unsafe fn free_boxed<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: the caller promises `ptr` came from `into_raw::<T>` and is not freed yet,
        // so it is a valid, uniquely owned `Box<T>` allocation.
        drop(unsafe { Box::from_raw(ptr) });
    }
}

/// Borrows `*ptr`, or `None` for NULL.
///
/// # Safety
/// `ptr` is NULL or points to a live `T` that nobody mutates during `'a`.
pub(crate) unsafe fn ptr_ref<'a, T>(ptr: *const T) -> Option<&'a T> {
    // SAFETY: per the caller's promise, a non-NULL `ptr` is valid for reads during `'a`.
    unsafe { ptr.as_ref() }
}

/// Borrows `*ptr` mutably, or `None` for NULL.
///
/// # Safety
/// `ptr` is NULL or points to a live `T` that nothing else accesses during `'a`.
pub(crate) unsafe fn ptr_mut<'a, T>(ptr: *mut T) -> Option<&'a mut T> {
    // SAFETY: per the caller's promise, a non-NULL `ptr` is valid and unaliased during `'a`.
    unsafe { ptr.as_mut() }
}

/// Reads an optional NUL-terminated UTF-8 string argument: `Ok(None)` for NULL,
/// `Err(name)` when it is not UTF-8.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string that stays alive and unchanged
/// during `'a`.
pub(crate) unsafe fn opt_str<'a>(
    ptr: *const c_char,
    name: &'static str,
) -> Result<Option<&'a str>, dechaff_status> {
    if ptr.is_null() {
        return Ok(None);
    }
    // SAFETY: non-NULL and, per the caller's promise, NUL-terminated and alive for `'a`.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Some(s)),
        Err(e) => {
            set_last_error(&format!(
                "`{name}` is not valid UTF-8 (bad byte at offset {})",
                e.valid_up_to()
            ));
            Err(dechaff_status::DECHAFF_ERR_INVALID_UTF8)
        }
    }
}

/// Records that argument `name` was NULL and returns `DECHAFF_ERR_NULL_ARGUMENT`.
pub(crate) fn null_argument(name: &str) -> dechaff_status {
    set_last_error(&format!("`{name}` is NULL"));
    dechaff_status::DECHAFF_ERR_NULL_ARGUMENT
}

/// Borrows a pointer argument mutably, or returns `DECHAFF_ERR_NULL_ARGUMENT` from the
/// enclosing function (closure) when it is NULL: `let opts = try_mut!(opts);`.
macro_rules! try_mut {
    ($ptr:ident) => {
        // SAFETY: the exported function's contract requires `$ptr` to be NULL or valid and
        // not used by anyone else during the call.
        match unsafe { $crate::boundary::ptr_mut($ptr) } {
            Some(r) => r,
            None => return $crate::boundary::null_argument(stringify!($ptr)),
        }
    };
}
pub(crate) use try_mut;

/// Reads an optional string argument, returning `DECHAFF_ERR_INVALID_UTF8` from the
/// enclosing function when it is not UTF-8.
macro_rules! try_opt_str {
    ($ptr:ident) => {
        // SAFETY: the exported function's contract requires `$ptr` to be NULL or a
        // NUL-terminated string alive during the call.
        match unsafe { $crate::boundary::opt_str($ptr, stringify!($ptr)) } {
            Ok(s) => s,
            Err(status) => return status,
        }
    };
}
pub(crate) use try_opt_str;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_the_panic_value_and_a_message() {
        let status: dechaff_status = guard(|| panic!("boom at the boundary"));
        assert_eq!(status, dechaff_status::DECHAFF_ERR_PANIC);
        let mut buf = [0u8; 128];
        let n = copy_last_error(Some(&mut buf));
        let msg = CStr::from_bytes_until_nul(&buf).unwrap().to_str().unwrap();
        assert_eq!(n, msg.len());
        assert!(msg.contains("boom at the boundary"), "{msg}");

        let p: *const c_char = guard(|| panic!("again"));
        assert!(p.is_null());
        let n: usize = guard(|| panic!("{}", String::from("owned payload")));
        assert_eq!(n, 0);
        let mut buf = [0u8; 128];
        copy_last_error(Some(&mut buf));
        assert!(
            CStr::from_bytes_until_nul(&buf)
                .unwrap()
                .to_str()
                .unwrap()
                .contains("owned payload")
        );
    }

    #[test]
    fn error_copy_truncates_on_a_char_boundary_and_reports_the_full_length() {
        set_last_error("ab\u{e9}cd"); // é is 2 bytes: a b [c3 a9] c d = 6 bytes
        assert_eq!(copy_last_error(None), 6);
        let mut buf = [0xAAu8; 4]; // room for 3 bytes: "ab" + half of é → cut to "ab"
        assert_eq!(copy_last_error(Some(&mut buf)), 6);
        assert_eq!(&buf[..3], b"ab\0");
        let mut empty: [u8; 0] = [];
        assert_eq!(copy_last_error(Some(&mut empty)), 6);
        let mut one = [0xAAu8; 1];
        copy_last_error(Some(&mut one));
        assert_eq!(one, [0]);
    }

    #[test]
    fn interior_nuls_become_replacement_characters() {
        assert_eq!(c_string("a\0b").to_str().unwrap(), "a\u{FFFD}b");
        assert_eq!(c_string("plain").to_bytes(), b"plain");
    }
}
