//! CPU timelines: a value that only rises, which keys deferred releases.
use crate::context::Context;
use crate::error::{check, Result};
use reel_sys as sys;

/// A CPU timeline (`reel_timeline_t`): the host signals it and waits on it, and
/// [`crate::Buffer::release_after`] releases a buffer once it reaches a value. Dropping it
/// destroys it; releases keyed on it count it as reached.
pub struct Timeline {
    handle: sys::reel_timeline_t,
    _context: Context,
}

// SAFETY: reel.h: timeline functions are safe from any thread; reel_timeline_wait says "do
// not destroy the timeline while another thread waits on it", which Drop's exclusive access
// guarantees (a waiter borrows the Timeline).
unsafe impl Send for Timeline {}
// SAFETY: as for Send: one thread signals while another waits.
unsafe impl Sync for Timeline {}

impl Timeline {
    /// A CPU timeline at `initial_value` (`reel_timeline_create`).
    pub fn new(context: &Context, initial_value: u64) -> Result<Timeline> {
        // SAFETY: all-zero is the default of this plain struct (a CPU timeline, no device).
        let mut desc: sys::reel_timeline_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_timeline_desc_t>() as u32;
        desc.initial_value = initial_value;
        let mut handle: sys::reel_timeline_t = std::ptr::null_mut();
        // SAFETY: a live context, a description without device, a valid out pointer.
        check(unsafe { sys::reel_timeline_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Timeline { handle, _context: context.clone() })
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while the timeline lives.
    pub fn as_raw(&self) -> sys::reel_timeline_t {
        self.handle
    }

    /// The current value (`reel_timeline_get_value`).
    pub fn value(&self) -> Result<u64> {
        let mut value = 0u64;
        // SAFETY: a live timeline and a valid out pointer.
        check(unsafe { sys::reel_timeline_get_value(self.handle, &mut value) })?;
        Ok(value)
    }

    /// Raises the timeline to `value` (`reel_timeline_signal`); waiters of values up to it wake.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a value below the current one.
    pub fn signal(&self, value: u64) -> Result<()> {
        // SAFETY: a live timeline.
        check(unsafe { sys::reel_timeline_signal(self.handle, value) }).map(drop)
    }

    /// Blocks until the timeline reaches `value` (`reel_timeline_wait`): `true` when reached,
    /// `false` when `timeout_ns` passed first (0 polls, `u64::MAX` waits without limit).
    pub fn wait(&self, value: u64, timeout_ns: u64) -> Result<bool> {
        // SAFETY: a live timeline; it cannot be destroyed while this borrow lasts.
        let status = check(unsafe { sys::reel_timeline_wait(self.handle, value, timeout_ns) })?;
        Ok(status == sys::reel_result_t_REEL_SUCCESS)
    }
}

impl Drop for Timeline {
    fn drop(&mut self) {
        // SAFETY: ours, destroyed once, exclusively.
        unsafe { sys::reel_timeline_destroy(self.handle) };
    }
}
