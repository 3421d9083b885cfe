//! Pooled buffers: [`Buffer`] (a shared reference, `Clone` = `reel_buffer_retain`) and
//! [`UniqueBuffer`] (a buffer no one else references, writable).
use crate::context::Context;
use crate::error::{check, Result};
use crate::frame::{Frame, FrameMut};
use crate::timeline::Timeline;
use reel_sys as sys;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;

/// The raw descriptions of a buffer, read through its handle.
pub(crate) struct RawBuffer(sys::reel_buffer_t);

impl RawBuffer {
    fn frame_info(&self) -> Result<sys::reel_frame_info_t> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut info: sys::reel_frame_info_t = unsafe { std::mem::zeroed() };
        info.struct_size = std::mem::size_of::<sys::reel_frame_info_t>() as u32;
        // SAFETY: the handle is a buffer reference its owner holds; the out struct is valid.
        check(unsafe { sys::reel_buffer_get_frame(self.0, &mut info) })?;
        Ok(info)
    }

    fn bytes_info(&self) -> Result<sys::reel_bytes_info_t> {
        // SAFETY: as frame_info.
        let mut info: sys::reel_bytes_info_t = unsafe { std::mem::zeroed() };
        info.struct_size = std::mem::size_of::<sys::reel_bytes_info_t>() as u32;
        // SAFETY: as frame_info.
        check(unsafe { sys::reel_buffer_get_bytes(self.0, &mut info) })?;
        Ok(info)
    }

    fn audio_info(&self) -> Result<sys::reel_audio_info_t> {
        // SAFETY: as frame_info.
        let mut info: sys::reel_audio_info_t = unsafe { std::mem::zeroed() };
        info.struct_size = std::mem::size_of::<sys::reel_audio_info_t>() as u32;
        // SAFETY: as frame_info.
        check(unsafe { sys::reel_buffer_get_audio(self.0, &mut info) })?;
        Ok(info)
    }

    /// pts of any kind of buffer: the kind is found by asking (frame, then bytes, then audio).
    fn pts_and_tag(&self) -> Result<(i64, u64)> {
        if let Ok(info) = self.frame_info() {
            return Ok((info.pts, info.tag));
        }
        if let Ok(info) = self.bytes_info() {
            return Ok((info.pts, info.tag));
        }
        self.audio_info().map(|info| (info.pts, info.tag))
    }

    fn set_pts(&self, pts: i64) -> Result<()> {
        // SAFETY: a buffer reference the owner holds.
        check(unsafe { sys::reel_buffer_set_pts(self.0, pts) }).map(drop)
    }

    fn set_tag(&self, tag: u64) -> Result<()> {
        // SAFETY: a buffer reference the owner holds.
        check(unsafe { sys::reel_buffer_set_tag(self.0, tag) }).map(drop)
    }

    fn set_packet_info(&self, dts: i64, keyframe: bool) -> Result<()> {
        let flags = if keyframe { sys::REEL_PACKET_FLAG_KEYFRAME } else { 0 };
        // SAFETY: a buffer reference the owner holds.
        check(unsafe { sys::reel_buffer_set_packet_info(self.0, dts, flags) }).map(drop)
    }
}

/// One reference to a pooled buffer (`reel_buffer_t`): a video frame, interleaved audio or
/// bytes (an encoded packet, staging memory). Dropping it releases the reference
/// (`reel_buffer_release`); the last release returns the buffer to its pool. Cloning it
/// adds a reference (`reel_buffer_retain`): both point at the same memory.
///
/// A `Buffer` gives read access only: other references (clones, an encoder's queue, a frame
/// cache, a decoder keeping a reference frame) may read the same memory at the same time.
/// Write into a buffer while it is a [`UniqueBuffer`], then [`UniqueBuffer::share`] it.
pub struct Buffer {
    raw: RawBuffer,
    context: Context,
}

// SAFETY: reel.h section 6: "Any thread may retain and release" (lock-free), and the
// descriptions (get_frame/get_bytes/get_audio) are safe from any thread. A Buffer only reads
// the memory; pts and tag live in Reel's memory, where a racing set is no Rust data race
// (the reader gets either value, as the header's "needs host synchronisation" implies).
unsafe impl Send for Buffer {}
// SAFETY: as for Send: &Buffer allows only reads and Reel's internally synchronised calls.
unsafe impl Sync for Buffer {}

impl Buffer {
    /// Takes ownership of one reference.
    ///
    /// # Safety
    /// `buffer` is a live buffer reference the caller owns and hands over.
    pub(crate) unsafe fn from_raw(buffer: sys::reel_buffer_t, context: Context) -> Buffer {
        Buffer { raw: RawBuffer(buffer), context }
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while this reference lives.
    pub fn as_raw(&self) -> sys::reel_buffer_t {
        self.raw.0
    }

    /// The context the buffer belongs to.
    pub fn context(&self) -> &Context {
        &self.context
    }

    /// The planes of a frame buffer (`reel_buffer_get_frame`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`]: not a frame buffer.
    pub fn frame(&self) -> Result<Frame<'_>> {
        Ok(Frame { info: self.raw.frame_info()?, _buffer: PhantomData })
    }

    /// The payload of a byte buffer: its first `size` bytes (`reel_buffer_get_bytes`).
    pub fn bytes(&self) -> Result<&[u8]> {
        let info = self.raw.bytes_info()?;
        // SAFETY: `size` bytes at `data` belong to the buffer this reference keeps alive for
        // the borrow of self; a Buffer never writes to them.
        Ok(unsafe { std::slice::from_raw_parts(info.data, info.size as usize) })
    }

    /// The interleaved samples of an audio buffer, as bytes (`reel_buffer_get_audio`).
    pub fn samples(&self) -> Result<&[u8]> {
        let info = self.raw.audio_info()?;
        // SAFETY: as bytes(): `size` bytes at `data`, alive for the borrow of self.
        Ok(unsafe { std::slice::from_raw_parts(info.data as *const u8, info.size as usize) })
    }

    /// A byte buffer's description: size, capacity, pts, dts, packet flags.
    pub fn bytes_info(&self) -> Result<sys::reel_bytes_info_t> {
        self.raw.bytes_info()
    }

    /// An audio buffer's description: format, channels, samples, sample rate.
    pub fn audio_info(&self) -> Result<sys::reel_audio_info_t> {
        self.raw.audio_info()
    }

    /// The presentation timestamp.
    pub fn pts(&self) -> Result<i64> {
        self.raw.pts_and_tag().map(|(pts, _)| pts)
    }

    /// The host tag.
    pub fn tag(&self) -> Result<u64> {
        self.raw.pts_and_tag().map(|(_, tag)| tag)
    }

    /// Whether a packet is a keyframe (`REEL_PACKET_FLAG_KEYFRAME`).
    pub fn is_keyframe(&self) -> Result<bool> {
        Ok(self.raw.bytes_info()?.flags & sys::REEL_PACKET_FLAG_KEYFRAME != 0)
    }

    /// A packet's decode timestamp.
    pub fn dts(&self) -> Result<i64> {
        Ok(self.raw.bytes_info()?.dts)
    }

    /// Sets the presentation timestamp (`reel_buffer_set_pts`). Other holders of the buffer
    /// reading it at the same time see the old or the new value.
    pub fn set_pts(&self, pts: i64) -> Result<()> {
        self.raw.set_pts(pts)
    }

    /// Sets the host tag (`reel_buffer_set_tag`); leak reports show it.
    pub fn set_tag(&self, tag: u64) -> Result<()> {
        self.raw.set_tag(tag)
    }

    /// Hands this reference to the context's deferred queue (`reel_buffer_release_deferred`):
    /// released after the frame clock advanced `frames` more times. On failure the
    /// reference is released at once.
    pub fn release_deferred(self, frames: u32) -> Result<()> {
        // SAFETY: a live buffer reference, handed to Reel by the call on success.
        self.hand_over(|buffer| unsafe { sys::reel_buffer_release_deferred(buffer, frames) })
    }

    /// Hands this reference over to be released once `timeline` reaches `value`
    /// (`reel_buffer_release_after`). On failure the reference is released at once.
    pub fn release_after(self, timeline: &Timeline, value: u64) -> Result<()> {
        // SAFETY: a live buffer reference and a live timeline; the reference passes on success.
        self.hand_over(|buffer| unsafe { sys::reel_buffer_release_after(buffer, timeline.as_raw(), value) })
    }

    /// Gives this reference to `call`, which passes it to Reel on success; on failure the
    /// reference is still ours and is released. Either way Drop must not release it again.
    fn hand_over(self, call: impl FnOnce(sys::reel_buffer_t) -> sys::reel_result_t) -> Result<()> {
        let this = ManuallyDrop::new(self);
        let result = check(call(this.raw.0));
        if result.is_err() {
            // SAFETY: the call failed, so the reference is still ours; released once.
            unsafe { sys::reel_buffer_release(this.raw.0) };
        }
        // SAFETY: moves the context out of a value whose Drop never runs (ManuallyDrop), so it
        // is dropped exactly once, here.
        drop(unsafe { std::ptr::read(&this.context) });
        result.map(drop)
    }
}

impl Clone for Buffer {
    /// Adds a reference (`reel_buffer_retain`).
    ///
    /// # Panics
    /// Never for a live `Buffer`: retain fails only for a handle that is not a live buffer,
    /// which a `Buffer` (owning a reference) cannot hold.
    fn clone(&self) -> Buffer {
        // SAFETY: this Buffer owns a reference, so the buffer is live.
        let result = unsafe { sys::reel_buffer_retain(self.raw.0) };
        assert_eq!(result, sys::reel_result_t_REEL_SUCCESS, "reel_buffer_retain: {}", sys::last_error_message());
        Buffer { raw: RawBuffer(self.raw.0), context: self.context.clone() }
    }
}

impl Drop for Buffer {
    fn drop(&mut self) {
        // SAFETY: this Buffer owns one reference and gives it back once.
        unsafe { sys::reel_buffer_release(self.raw.0) };
    }
}

impl std::fmt::Debug for Buffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Buffer").field(&self.raw.0).finish()
    }
}

/// A buffer just taken from a pool (or the staging pool): its one reference is this
/// value's and nothing else refers to it, so its memory may be written through `&mut self`.
/// [`UniqueBuffer::share`] turns it into a [`Buffer`] to hand to encoders, writers and caches.
pub struct UniqueBuffer {
    inner: Buffer,
}

impl UniqueBuffer {
    /// Takes ownership of the only reference to a buffer.
    ///
    /// # Safety
    /// `buffer` is a live buffer with exactly one reference, the caller's, handed over, and
    /// no other code holds its handle (a buffer just acquired from a pool).
    pub(crate) unsafe fn from_raw(buffer: sys::reel_buffer_t, context: Context) -> UniqueBuffer {
        UniqueBuffer { inner: Buffer::from_raw(buffer, context) }
    }

    /// Gives up exclusivity: the buffer becomes shareable and read-only.
    pub fn share(self) -> Buffer {
        self.inner
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while this value lives.
    pub fn as_raw(&self) -> sys::reel_buffer_t {
        self.inner.as_raw()
    }

    /// The planes of a frame buffer, read-only.
    pub fn frame(&self) -> Result<Frame<'_>> {
        self.inner.frame()
    }

    /// The planes of a frame buffer, writable.
    pub fn frame_mut(&mut self) -> Result<FrameMut<'_>> {
        Ok(FrameMut { info: self.inner.raw.frame_info()?, _buffer: PhantomData })
    }

    /// The payload of a byte buffer.
    pub fn bytes(&self) -> Result<&[u8]> {
        self.inner.bytes()
    }

    /// The payload of a byte buffer, writable.
    pub fn bytes_mut(&mut self) -> Result<&mut [u8]> {
        let info = self.inner.raw.bytes_info()?;
        // SAFETY: the buffer is referenced by this value only, and &mut self makes the slice
        // the only access to its `size` bytes for the borrow.
        Ok(unsafe { std::slice::from_raw_parts_mut(info.data, info.size as usize) })
    }

    /// The whole memory of a byte buffer (its size class), to write a payload into before
    /// [`UniqueBuffer::set_size`].
    pub fn capacity_mut(&mut self) -> Result<&mut [u8]> {
        let info = self.inner.raw.bytes_info()?;
        // SAFETY: as bytes_mut, over `capacity` bytes.
        Ok(unsafe { std::slice::from_raw_parts_mut(info.data, info.capacity as usize) })
    }

    /// The interleaved samples of an audio buffer, writable.
    pub fn samples_mut(&mut self) -> Result<&mut [u8]> {
        let info = self.inner.raw.audio_info()?;
        // SAFETY: as bytes_mut.
        Ok(unsafe { std::slice::from_raw_parts_mut(info.data as *mut u8, info.size as usize) })
    }

    /// Sets the payload size of a byte buffer, 0..capacity (`reel_buffer_set_size`).
    pub fn set_size(&mut self, size: usize) -> Result<()> {
        // SAFETY: a live buffer this value owns.
        check(unsafe { sys::reel_buffer_set_size(self.as_raw(), size as sys::size_t) }).map(drop)
    }

    /// Sets the presentation timestamp.
    pub fn set_pts(&mut self, pts: i64) -> Result<()> {
        self.inner.set_pts(pts)
    }

    /// Sets the host tag.
    pub fn set_tag(&mut self, tag: u64) -> Result<()> {
        self.inner.set_tag(tag)
    }

    /// Sets a packet's decode timestamp and keyframe flag (`reel_buffer_set_packet_info`).
    pub fn set_packet_info(&mut self, dts: i64, keyframe: bool) -> Result<()> {
        self.inner.raw.set_packet_info(dts, keyframe)
    }

    /// The presentation timestamp.
    pub fn pts(&self) -> Result<i64> {
        self.inner.pts()
    }
}

impl std::fmt::Debug for UniqueBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("UniqueBuffer").field(&self.inner.raw.0).finish()
    }
}
