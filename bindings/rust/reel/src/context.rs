//! The context: the root object that owns everything made from it.
use crate::buffer::UniqueBuffer;
use crate::error::{check, Result};
use crate::strings;
use reel_sys as sys;
use std::ffi::CString;
use std::os::raw::{c_char, c_void};
use std::sync::Arc;

/// Severity of a log message (`reel_log_level_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LogLevel {
    /// A failure the host should see even if it ignores results.
    Error,
    /// Something degraded: a fallback, a pool grown past its cap.
    Warning,
    /// Lifecycle: context and session creation, summaries.
    Info,
    /// Details useful when diagnosing the host's use of Reel.
    Debug,
    /// Per-operation detail; slow.
    Trace,
}

impl LogLevel {
    fn to_raw(self) -> sys::reel_log_level_t {
        match self {
            LogLevel::Error => sys::reel_log_level_t_REEL_LOG_LEVEL_ERROR,
            LogLevel::Warning => sys::reel_log_level_t_REEL_LOG_LEVEL_WARNING,
            LogLevel::Info => sys::reel_log_level_t_REEL_LOG_LEVEL_INFO,
            LogLevel::Debug => sys::reel_log_level_t_REEL_LOG_LEVEL_DEBUG,
            LogLevel::Trace => sys::reel_log_level_t_REEL_LOG_LEVEL_TRACE,
        }
    }

    fn from_raw(level: sys::reel_log_level_t) -> LogLevel {
        match level {
            sys::reel_log_level_t_REEL_LOG_LEVEL_ERROR => LogLevel::Error,
            sys::reel_log_level_t_REEL_LOG_LEVEL_WARNING => LogLevel::Warning,
            sys::reel_log_level_t_REEL_LOG_LEVEL_INFO => LogLevel::Info,
            sys::reel_log_level_t_REEL_LOG_LEVEL_DEBUG => LogLevel::Debug,
            _ => LogLevel::Trace,
        }
    }
}

/// The host's logger: called on the thread whose Reel call logs (for asynchronous work, a
/// Reel worker thread), possibly from several threads at once, never while Reel holds a lock.
type LogFn = dyn Fn(LogLevel, &str) + Send + Sync + 'static;

/// How to create a [`Context`]; every setting has the default of `reel_context_desc_default()`.
#[derive(Default)]
pub struct ContextBuilder {
    name: Option<String>,
    log: Option<Box<LogFn>>,
    log_level: Option<LogLevel>,
    memory_budget: u64,
}

impl ContextBuilder {
    /// Label in log messages and stats, at most 63 bytes of UTF-8 (default "reel").
    pub fn name(mut self, name: &str) -> ContextBuilder {
        self.name = Some(name.to_owned());
        self
    }

    /// Receives every message up to [`ContextBuilder::log_level`] (default: no logging).
    /// A panic in it is caught and dropped: it cannot unwind into libreel.
    pub fn log(mut self, log: impl Fn(LogLevel, &str) + Send + Sync + 'static) -> ContextBuilder {
        self.log = Some(Box::new(log));
        self
    }

    /// The most verbose level delivered (default [`LogLevel::Warning`]).
    pub fn log_level(mut self, level: LogLevel) -> ContextBuilder {
        self.log_level = Some(level);
        self
    }

    /// The memory budget pressure levels are measured against, in bytes (default: none).
    pub fn memory_budget(mut self, bytes: u64) -> ContextBuilder {
        self.memory_budget = bytes;
        self
    }

    /// Creates the context (`reel_context_create`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a name longer than 63 bytes (the message
    /// says `desc->name`), [`crate::ErrorCode::IncompatibleVersion`] when the loaded libreel
    /// is older than this crate's header, [`crate::ErrorCode::LimitReached`] past 4096 contexts.
    pub fn build(self) -> Result<Context> {
        let name: Option<CString> = self.name.as_deref().map(|n| strings::c_string(n, "name")).transpose()?;
        let mut desc = sys::reel_context_desc_default();
        desc.name = strings::c_ptr(&name);
        desc.log_level = self.log_level.map_or(0, LogLevel::to_raw);
        desc.telemetry.memory_budget = self.memory_budget;
        // The logger lives in a second box so that the pointer Reel keeps is thin and stable.
        let log: Option<Box<Box<LogFn>>> = self.log.map(Box::new);
        if let Some(log) = &log {
            desc.log_callback = Some(on_log);
            desc.log_user_data = &**log as *const Box<LogFn> as *mut c_void;
        }
        let mut handle: sys::reel_context_t = std::ptr::null_mut();
        // SAFETY: desc is fully initialised; its name points into `name` and its user data into
        // `log`, both alive during the call; Reel copies the name and keeps the user data,
        // which ContextInner owns until after reel_context_destroy.
        check(unsafe { sys::reel_context_create(&desc, &mut handle) })?;
        Ok(Context { inner: Arc::new(ContextInner { handle, _log: log }) })
    }
}

/// A Reel context (`reel_context_t`): the root that owns the pools, sessions, caches and
/// files made from it, its logger, the frame clock and memory accounting.
///
/// `Context` is a cheap handle: cloning it shares the same context, and every object made
/// from it holds a clone, so the context is destroyed (`reel_context_destroy`) only when the
/// last of them is dropped. That also upholds reel.h's rule that destroying a context must
/// not race with other calls on it or its objects.
#[derive(Clone)]
pub struct Context {
    inner: Arc<ContextInner>,
}

struct ContextInner {
    handle: sys::reel_context_t,
    /// The logger Reel calls; dropped after the context is destroyed.
    _log: Option<Box<Box<LogFn>>>,
}

// SAFETY: reel.h section 1: every function is safe from any thread; a context is used from
// several threads at once by design (section 4: "Contexts are independent; several may exist
// at once, on any threads"). The only call that must not race, reel_context_destroy, runs in
// ContextInner's Drop, when no clone is left. The logger is Send + Sync, as Reel may call it
// from any thread and from several at once.
unsafe impl Send for ContextInner {}
// SAFETY: as for Send: the context's functions take it by value and are internally
// synchronised, so shared references from several threads are fine.
unsafe impl Sync for ContextInner {}

impl Drop for ContextInner {
    fn drop(&mut self) {
        // SAFETY: the handle came from reel_context_create and no clone of the Context is left,
        // so no other call on it can run; the logger is still alive during the call.
        unsafe { sys::reel_context_destroy(self.handle) };
    }
}

impl Context {
    /// A context with every default (`reel_context_desc_default()`).
    pub fn new() -> Result<Context> {
        ContextBuilder::default().build()
    }

    /// A builder for a context with a name, a logger or a budget.
    pub fn builder() -> ContextBuilder {
        ContextBuilder::default()
    }

    /// The raw handle, for calls through [`crate::sys`]. It stays valid while this
    /// `Context` (or a clone, or an object made from it) lives.
    pub fn as_raw(&self) -> sys::reel_context_t {
        self.inner.handle
    }

    /// Ticks the frame clock (`reel_context_advance_frame`): call it once per produced or
    /// presented frame; idle buffers past their pool's trim period are freed on this thread.
    /// Returns the new frame number.
    pub fn advance_frame(&self) -> Result<u64> {
        let mut frame = 0u64;
        // SAFETY: a live context handle and a valid out pointer.
        check(unsafe { sys::reel_context_advance_frame(self.as_raw(), &mut frame) })?;
        Ok(frame)
    }

    /// The memory accounting now (`reel_context_get_memory`); cheap enough for every frame.
    pub fn memory(&self) -> Result<sys::reel_memory_stats_t> {
        // SAFETY: an all-zero stats struct is valid plain data; struct_size is set below.
        let mut stats: sys::reel_memory_stats_t = unsafe { std::mem::zeroed() };
        stats.struct_size = std::mem::size_of::<sys::reel_memory_stats_t>() as u32;
        // SAFETY: a live handle and a stats struct of the size it declares.
        check(unsafe { sys::reel_context_get_memory(self.as_raw(), &mut stats) })?;
        Ok(stats)
    }

    /// Sets the budget pressure levels are measured against (`reel_context_set_memory_budget`); 0 removes it.
    pub fn set_memory_budget(&self, bytes: u64) -> Result<()> {
        // SAFETY: a live handle.
        check(unsafe { sys::reel_context_set_memory_budget(self.as_raw(), bytes) }).map(drop)
    }

    /// Takes a snapshot now and runs the leak detector (`reel_context_take_snapshot`).
    pub fn take_snapshot(&self) -> Result<()> {
        // SAFETY: a live handle.
        check(unsafe { sys::reel_context_take_snapshot(self.as_raw()) }).map(drop)
    }

    /// One JSON document of the whole context (`reel_stats_json`); `flags` are
    /// `REEL_STATS_JSON_*` bits. For diagnostics, not every frame.
    pub fn stats_json(&self, flags: u32) -> Result<String> {
        let mut json: *mut c_char = std::ptr::null_mut();
        // SAFETY: a live handle and a valid out pointer.
        check(unsafe { sys::reel_stats_json(self.as_raw(), flags, &mut json) })?;
        // SAFETY: on success json is a NUL-terminated string from this context's allocator,
        // read before it is given back with reel_stats_json_free.
        let text = unsafe { strings::read(json) };
        // SAFETY: json came from reel_stats_json of this context and is freed once.
        unsafe { sys::reel_stats_json_free(self.as_raw(), json) };
        Ok(text)
    }

    /// The number of buffers of this context still out, in live and destroyed pools
    /// (`reel_report_outstanding` without a callback).
    pub fn outstanding_buffers(&self) -> Result<u32> {
        let mut count = 0u32;
        // SAFETY: a live handle; no callback; a valid out pointer.
        check(unsafe { sys::reel_report_outstanding(self.as_raw(), None, std::ptr::null_mut(), &mut count) })?;
        Ok(count)
    }

    /// Takes an upload staging buffer of at least `size` bytes (`reel_context_acquire_staging`).
    pub fn acquire_staging(&self, size: usize) -> Result<UniqueBuffer> {
        let mut buffer: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live handle and a valid out pointer.
        check(unsafe { sys::reel_context_acquire_staging(self.as_raw(), size as sys::size_t, &mut buffer) })?;
        // SAFETY: a buffer just acquired carries one reference, the caller's, and nothing
        // else refers to it: it is unique.
        Ok(unsafe { UniqueBuffer::from_raw(buffer, self.clone()) })
    }
}

/// The `reel_log_fn` this crate installs: forwards to the host's closure, catching panics.
unsafe extern "C" fn on_log(user_data: *mut c_void, level: sys::reel_log_level_t, message: *const c_char) {
    // SAFETY: user_data is the Box<LogFn> ContextInner keeps alive until after destroy;
    // message is a NUL-terminated string valid during the call.
    let log = unsafe { &*(user_data as *const Box<LogFn>) };
    let text = unsafe { strings::read(message) };
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| log(LogLevel::from_raw(level), &text)));
}
