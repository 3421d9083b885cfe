//! Raw FFI declarations of libreel, generated from `include/reel.h` by bindgen at build time.
//! The header documents every function; what C expresses with macros and `static inline`
//! helpers is written out below.
#![allow(non_camel_case_types, non_upper_case_globals, non_snake_case, dead_code)]

include!(concat!(env!("OUT_DIR"), "/reel.rs"));

/// `REEL_MAKE_VERSION(major, minor, patch)`.
pub const fn reel_make_version(major: u32, minor: u32, patch: u32) -> u32 {
    (major << 22) | (minor << 12) | patch
}

/// `REEL_API_VERSION`: the version of the header these declarations came from.
pub const REEL_API_VERSION: u32 = reel_make_version(REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH);

/// `reel_context_desc_default()`: struct_size and api_version set, every other field at its default.
pub fn reel_context_desc_default() -> reel_context_desc_t {
    // SAFETY: the struct is plain data in which all-zero bits mean "default" (NULL pointers, 0 values).
    let mut desc: reel_context_desc_t = unsafe { std::mem::zeroed() };
    desc.struct_size = std::mem::size_of::<reel_context_desc_t>() as u32;
    desc.api_version = REEL_API_VERSION;
    desc
}

/// `reel_last_error_message()` as an owned string.
pub fn last_error_message() -> String {
    // SAFETY: libreel returns a valid NUL-terminated string owned by the calling thread's slot.
    unsafe { std::ffi::CStr::from_ptr(reel_last_error_message()) }.to_string_lossy().into_owned()
}
