//! Errors: the `reel_result_t` of a failed call and the message Reel left for it.
use reel_sys as sys;
use std::ffi::CStr;
use std::fmt;

/// What went wrong, from the negative `reel_result_t` values of reel.h section 3 (and
/// [`ErrorCode::Timeout`] for a wait that ended without a buffer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorCode {
    /// `REEL_ERROR_INVALID_ARGUMENT`: an argument is NULL, out of range, or inconsistent.
    InvalidArgument,
    /// `REEL_ERROR_INVALID_HANDLE`: the object was destroyed (for example with its context).
    InvalidHandle,
    /// `REEL_ERROR_INCOMPATIBLE_VERSION`: the library cannot serve this header's version.
    IncompatibleVersion,
    /// `REEL_ERROR_OUT_OF_MEMORY`.
    OutOfMemory,
    /// `REEL_ERROR_UNSUPPORTED`: valid, but this build, backend or device cannot do it
    /// (a codec library is missing, a format has no pool ...).
    Unsupported,
    /// `REEL_ERROR_LIMIT_REACHED`: a fixed or configured limit (every buffer of a pool is out).
    LimitReached,
    /// `REEL_ERROR_BAD_STATE`: not allowed in the object's state (submit after flush).
    BadState,
    /// `REEL_ERROR_CORRUPT_DATA`: damaged input (a bitstream, a file header).
    CorruptData,
    /// `REEL_ERROR_IO`: a file could not be opened, read or written; the message has the OS reason.
    Io,
    /// `REEL_ERROR_DEVICE_LOST`: the GPU device was lost.
    DeviceLost,
    /// `REEL_ERROR_INTERNAL`: a defect inside Reel.
    Internal,
    /// `REEL_TIMEOUT` where a value was required: a pool's WAIT ran out.
    Timeout,
    /// A code this crate does not know (a newer library).
    Other(i32),
}

impl ErrorCode {
    /// The code of a `reel_result_t` value.
    pub fn from_raw(result: sys::reel_result_t) -> ErrorCode {
        match result {
            sys::reel_result_t_REEL_ERROR_INVALID_ARGUMENT => ErrorCode::InvalidArgument,
            sys::reel_result_t_REEL_ERROR_INVALID_HANDLE => ErrorCode::InvalidHandle,
            sys::reel_result_t_REEL_ERROR_INCOMPATIBLE_VERSION => ErrorCode::IncompatibleVersion,
            sys::reel_result_t_REEL_ERROR_OUT_OF_MEMORY => ErrorCode::OutOfMemory,
            sys::reel_result_t_REEL_ERROR_UNSUPPORTED => ErrorCode::Unsupported,
            sys::reel_result_t_REEL_ERROR_LIMIT_REACHED => ErrorCode::LimitReached,
            sys::reel_result_t_REEL_ERROR_BAD_STATE => ErrorCode::BadState,
            sys::reel_result_t_REEL_ERROR_CORRUPT_DATA => ErrorCode::CorruptData,
            sys::reel_result_t_REEL_ERROR_IO => ErrorCode::Io,
            sys::reel_result_t_REEL_ERROR_DEVICE_LOST => ErrorCode::DeviceLost,
            sys::reel_result_t_REEL_ERROR_INTERNAL => ErrorCode::Internal,
            sys::reel_result_t_REEL_TIMEOUT => ErrorCode::Timeout,
            other => ErrorCode::Other(other),
        }
    }
}

/// A failed call: its [`ErrorCode`], the raw `reel_result_t` and Reel's message, which names
/// the function, the argument (with its C name, e.g. `desc->width`) and the limit it broke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    result: sys::reel_result_t,
    message: String,
}

impl Error {
    /// The error of a call that just returned `result`, with the message Reel left on this
    /// thread (`reel_last_error_message`). Call it right after the failing call, on its thread.
    pub(crate) fn last(result: sys::reel_result_t) -> Error {
        Error { result, message: sys::last_error_message() }
    }

    /// An error this crate raises itself, for input Reel never sees (a NUL inside a string).
    pub(crate) fn new(result: sys::reel_result_t, message: String) -> Error {
        Error { result, message }
    }

    /// What went wrong.
    pub fn code(&self) -> ErrorCode {
        ErrorCode::from_raw(self.result)
    }

    /// The `reel_result_t` the call returned.
    pub fn raw(&self) -> sys::reel_result_t {
        self.result
    }

    /// The result's name, e.g. `"REEL_ERROR_INVALID_ARGUMENT"` (`reel_result_name`).
    pub fn name(&self) -> &'static str {
        // SAFETY: reel_result_name accepts any value and returns a static NUL-terminated string.
        unsafe { CStr::from_ptr(sys::reel_result_name(self.result)) }.to_str().unwrap_or("REEL_RESULT_UNKNOWN")
    }

    /// Reel's message: the function, the argument and the limit.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.message.is_empty() {
            f.write_str(self.name())
        } else {
            write!(f, "{}: {}", self.name(), self.message)
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Turns a `reel_result_t` into `Ok(status)` (0 or a positive status such as
/// `REEL_NOT_READY`) or the [`Error`] of the calling thread's message.
pub(crate) fn check(result: sys::reel_result_t) -> Result<sys::reel_result_t> {
    if result < 0 {
        Err(Error::last(result))
    } else {
        Ok(result)
    }
}
