//! Strings as Reel takes them: UTF-8, NUL-terminated, read during the call only.
use crate::error::{Error, Result};
use reel_sys as sys;
use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::path::Path;

/// `value` as a C string; a NUL inside is refused here, since Reel would see only its first part.
pub(crate) fn c_string(value: &str, what: &str) -> Result<CString> {
    CString::new(value).map_err(|_| {
        Error::new(sys::reel_result_t_REEL_ERROR_INVALID_ARGUMENT, format!("{what} contains a NUL byte"))
    })
}

/// A path as a C string. Reel takes UTF-8 paths; a path that is not UTF-8 is refused.
pub(crate) fn c_path(path: &Path) -> Result<CString> {
    let text = path.to_str().ok_or_else(|| {
        Error::new(
            sys::reel_result_t_REEL_ERROR_INVALID_ARGUMENT,
            format!("path {} is not UTF-8", path.display()),
        )
    })?;
    c_string(text, "path")
}

/// The pointer to pass for an optional name: NULL for `None`.
pub(crate) fn c_ptr(value: &Option<CString>) -> *const c_char {
    value.as_ref().map_or(std::ptr::null(), |name| name.as_ptr())
}

/// A string Reel owns, copied; "" for NULL.
///
/// # Safety
/// `text` is NULL or a NUL-terminated string valid during the call.
pub(crate) unsafe fn read(text: *const c_char) -> String {
    if text.is_null() {
        String::new()
    } else {
        CStr::from_ptr(text).to_string_lossy().into_owned()
    }
}
