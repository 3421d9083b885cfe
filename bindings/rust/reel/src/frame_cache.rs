//! The frame cache of editors: ring, LRU and prefetch requests.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::decoder::DecoderSettings;
use crate::error::{check, Result};
use crate::strings;
use reel_sys as sys;
use std::ops::{Deref, DerefMut};
use std::path::Path;

/// How to create a frame cache (`reel_frame_cache_desc_t`); plain fields through `Deref`.
/// `name`, `request_callback` and `request_user_data` are cleared by this crate (producers
/// poll [`FrameCache::take_request`]). The `Default` is the HD preset.
#[derive(Clone, Copy, Debug)]
pub struct FrameCacheSettings(sys::reel_frame_cache_desc_t);

impl Default for FrameCacheSettings {
    fn default() -> FrameCacheSettings {
        // SAFETY: all-zero is the default of every field (NULL pointers, 0 = preset values).
        let mut desc: sys::reel_frame_cache_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_frame_cache_desc_t>() as u32;
        FrameCacheSettings(desc)
    }
}

impl FrameCacheSettings {
    fn to_raw(self) -> sys::reel_frame_cache_desc_t {
        let mut desc = self.0;
        desc.name = std::ptr::null();
        desc.request_callback = None;
        desc.request_user_data = std::ptr::null_mut();
        desc
    }
}

impl Deref for FrameCacheSettings {
    type Target = sys::reel_frame_cache_desc_t;
    fn deref(&self) -> &sys::reel_frame_cache_desc_t {
        &self.0
    }
}

impl DerefMut for FrameCacheSettings {
    fn deref_mut(&mut self) -> &mut sys::reel_frame_cache_desc_t {
        &mut self.0
    }
}

/// A random-access cache of decoded frames (`reel_frame_cache_t`), fed by the host (a
/// producer takes requests and inserts what it decodes) or by Reel from an IVF file
/// ([`FrameCache::for_ivf`]). Dropping it destroys it; frames consumers hold stay valid.
pub struct FrameCache {
    handle: sys::reel_frame_cache_t,
    context: Context,
}

// SAFETY: reel.h section 10: "Everything is safe from any thread (one lock)"; destroy, which
// must not race, runs in Drop.
unsafe impl Send for FrameCache {}
// SAFETY: as for Send: consumers and producers on different threads is the intended use.
unsafe impl Sync for FrameCache {}

impl FrameCache {
    /// A cache the host feeds (`reel_frame_cache_create`).
    pub fn new(context: &Context, settings: &FrameCacheSettings) -> Result<FrameCache> {
        let desc = settings.to_raw();
        let mut handle: sys::reel_frame_cache_t = std::ptr::null_mut();
        // SAFETY: a live context, a pointer-free description, a valid out pointer.
        check(unsafe { sys::reel_frame_cache_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(FrameCache { handle, context: context.clone() })
    }

    /// A cache Reel feeds itself from an AV1 IVF file (`reel_frame_cache_create_for_ivf`):
    /// its decoder thread serves misses and prefetches; frames' pts are their numbers.
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`], [`crate::ErrorCode::CorruptData`] (not IVF, no keyframe),
    /// [`crate::ErrorCode::Unsupported`] (not AV1, no decoder).
    pub fn for_ivf(context: &Context, path: impl AsRef<Path>, settings: &FrameCacheSettings,
                   decoder: &DecoderSettings) -> Result<FrameCache> {
        let path = strings::c_path(path.as_ref())?;
        let desc = settings.to_raw();
        let decoder = decoder.to_raw();
        let mut handle: sys::reel_frame_cache_t = std::ptr::null_mut();
        // SAFETY: a live context, pointer-free descriptions and a NUL-terminated path alive
        // during the call, a valid out pointer.
        check(unsafe { sys::reel_frame_cache_create_for_ivf(context.as_raw(), &desc, path.as_ptr(), &decoder, &mut handle) })?;
        Ok(FrameCache { handle, context: context.clone() })
    }

    /// Puts a decoded frame in the cache under its number (`reel_frame_cache_insert`); the
    /// cache takes its own reference.
    pub fn insert(&self, frame_number: i64, frame: &Buffer) -> Result<()> {
        // SAFETY: a live cache and buffer reference.
        check(unsafe { sys::reel_frame_cache_insert(self.handle, frame_number, frame.as_raw()) }).map(drop)
    }

    /// Looks a frame up (`reel_frame_cache_get`): `Some` on a hit, `None` on a miss (a request
    /// was queued; the producer will insert the frame).
    pub fn get(&self, frame_number: i64) -> Result<Option<Buffer>> {
        let mut frame: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live cache and a valid out pointer.
        let status = check(unsafe { sys::reel_frame_cache_get(self.handle, frame_number, &mut frame) })?;
        // SAFETY: on a hit a new reference is ours; the cache keeps its own, hence a shared Buffer.
        Ok((status == sys::reel_result_t_REEL_SUCCESS).then(|| unsafe { Buffer::from_raw(frame, self.context.clone()) }))
    }

    /// Takes the most urgent waiting request (`reel_frame_cache_take_request`); the producer
    /// must insert that frame or [`FrameCache::abandon_request`] it.
    pub fn take_request(&self) -> Result<Option<sys::reel_frame_request_t>> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut request: sys::reel_frame_request_t = unsafe { std::mem::zeroed() };
        request.struct_size = std::mem::size_of::<sys::reel_frame_request_t>() as u32;
        // SAFETY: a live cache and a request struct of the size it declares.
        let status = check(unsafe { sys::reel_frame_cache_take_request(self.handle, &mut request) })?;
        Ok((status == sys::reel_result_t_REEL_SUCCESS).then_some(request))
    }

    /// Gives back a taken request the producer cannot serve (`reel_frame_cache_abandon_request`).
    pub fn abandon_request(&self, frame_number: i64) -> Result<()> {
        // SAFETY: a live cache.
        check(unsafe { sys::reel_frame_cache_abandon_request(self.handle, frame_number) }).map(drop)
    }

    /// Tells the cache how many frames the clip has; 0 = unknown (`reel_frame_cache_set_frame_count`).
    pub fn set_frame_count(&self, frame_count: i64) -> Result<()> {
        // SAFETY: a live cache.
        check(unsafe { sys::reel_frame_cache_set_frame_count(self.handle, frame_count) }).map(drop)
    }

    /// Drops every frame and request (`reel_frame_cache_clear`); the counters stay.
    pub fn clear(&self) -> Result<()> {
        // SAFETY: a live cache.
        check(unsafe { sys::reel_frame_cache_clear(self.handle) }).map(drop)
    }

    /// The cache's counters (`reel_frame_cache_get_stats`).
    pub fn stats(&self) -> Result<sys::reel_frame_cache_stats_t> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut stats: sys::reel_frame_cache_stats_t = unsafe { std::mem::zeroed() };
        stats.struct_size = std::mem::size_of::<sys::reel_frame_cache_stats_t>() as u32;
        // SAFETY: a live cache and a stats struct of the size it declares.
        check(unsafe { sys::reel_frame_cache_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }
}

impl Drop for FrameCache {
    fn drop(&mut self) {
        // SAFETY: ours, destroyed once, exclusively.
        unsafe { sys::reel_frame_cache_destroy(self.handle) };
    }
}
