//! AV1 decoder sessions.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::error::{check, Result};
use crate::receive::Received;
use reel_sys as sys;
use std::ops::{Deref, DerefMut};

/// How to create a decoder (`reel_decoder_desc_t`); plain fields through `Deref`, `name`
/// set by this crate (NULL). The `Default` is every default: AUTO backend, one thread per core.
#[derive(Clone, Copy, Debug)]
pub struct DecoderSettings(sys::reel_decoder_desc_t);

impl Default for DecoderSettings {
    fn default() -> DecoderSettings {
        // SAFETY: all-zero is the default of every field (NULL name, 0 values).
        let mut desc: sys::reel_decoder_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_decoder_desc_t>() as u32;
        DecoderSettings(desc)
    }
}

impl DecoderSettings {
    /// The description Reel reads, with the name pointer cleared.
    pub(crate) fn to_raw(self) -> sys::reel_decoder_desc_t {
        let mut desc = self.0;
        desc.name = std::ptr::null();
        desc
    }
}

impl Deref for DecoderSettings {
    type Target = sys::reel_decoder_desc_t;
    fn deref(&self) -> &sys::reel_decoder_desc_t {
        &self.0
    }
}

impl DerefMut for DecoderSettings {
    fn deref_mut(&mut self) -> &mut sys::reel_decoder_desc_t {
        &mut self.0
    }
}

/// An AV1 decoder session (`reel_decoder_t`), run on the caller's thread (dav1d decodes on
/// its own workers). Frames are buffers of a frame pool the decoder made (I420 for 8-bit,
/// I010 for 10-bit streams), the memory dav1d decoded into: read-only, since the decoder
/// may still read them as references. Dropping it closes it (`reel_decoder_destroy`);
/// frames the host holds stay valid.
pub struct Decoder {
    handle: sys::reel_decoder_t,
    context: Context,
}

// SAFETY: reel.h section 11: every function is safe from any thread, calls on one object are
// serialised inside Reel; reel_decoder_destroy runs in Drop, exclusively.
unsafe impl Send for Decoder {}
// SAFETY: as for Send.
unsafe impl Sync for Decoder {}

impl Decoder {
    /// Opens a decoder (`reel_decoder_create`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] naming a field out of range,
    /// [`crate::ErrorCode::Unsupported`] when dav1d is missing.
    pub fn new(context: &Context, settings: &DecoderSettings) -> Result<Decoder> {
        let desc = settings.to_raw();
        let mut handle: sys::reel_decoder_t = std::ptr::null_mut();
        // SAFETY: a live context, a description without pointers, a valid out pointer.
        check(unsafe { sys::reel_decoder_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Decoder { handle, context: context.clone() })
    }

    /// Gives the decoder one temporal unit, copied before this returns (`reel_decoder_submit`).
    /// Returns `false` when earlier data is still pending (`REEL_NOT_READY`): receive, then
    /// submit the same data again.
    ///
    /// # Errors
    /// [`crate::ErrorCode::CorruptData`] for damaged data (the decoder stays usable).
    pub fn submit(&self, data: &[u8], pts: i64) -> Result<bool> {
        // SAFETY: a live decoder; data.len() bytes at data.as_ptr(), read during the call.
        let status = check(unsafe { sys::reel_decoder_submit(self.handle, data.as_ptr().cast(), data.len() as sys::size_t, pts) })?;
        Ok(status == sys::reel_result_t_REEL_SUCCESS)
    }

    /// Submits the payload and pts of a packet (`reel_decoder_submit_packet`); as [`Decoder::submit`].
    pub fn submit_packet(&self, packet: &Buffer) -> Result<bool> {
        // SAFETY: a live decoder and a live buffer reference.
        let status = check(unsafe { sys::reel_decoder_submit_packet(self.handle, packet.as_raw()) })?;
        Ok(status == sys::reel_result_t_REEL_SUCCESS)
    }

    /// Takes the next decoded frame in presentation order (`reel_decoder_receive`).
    pub fn receive(&self) -> Result<Received<Buffer>> {
        let mut frame: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live decoder and a valid out pointer.
        let status = check(unsafe { sys::reel_decoder_receive(self.handle, &mut frame) })?;
        // SAFETY: on REEL_SUCCESS one reference to the frame is ours (the decoder may keep
        // others, which is why it is a shared Buffer).
        Ok(Received::from_status(status, || unsafe { Buffer::from_raw(frame, self.context.clone()) }))
    }

    /// Ends the stream (`reel_decoder_flush`): receive returns what is left, then
    /// [`Received::EndOfStream`].
    pub fn flush(&self) -> Result<()> {
        // SAFETY: a live decoder.
        check(unsafe { sys::reel_decoder_flush(self.handle) }).map(drop)
    }

    /// Drops the frames in flight and pending data, for a seek or a new stream (`reel_decoder_reset`).
    pub fn reset(&self) -> Result<()> {
        // SAFETY: a live decoder.
        check(unsafe { sys::reel_decoder_reset(self.handle) }).map(drop)
    }

    /// The decoder's counters (`reel_decoder_get_stats`).
    pub fn stats(&self) -> Result<sys::reel_decoder_stats_t> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut stats: sys::reel_decoder_stats_t = unsafe { std::mem::zeroed() };
        stats.struct_size = std::mem::size_of::<sys::reel_decoder_stats_t>() as u32;
        // SAFETY: a live decoder and a stats struct of the size it declares.
        check(unsafe { sys::reel_decoder_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }
}

impl Drop for Decoder {
    fn drop(&mut self) {
        // SAFETY: ours, and Drop has it exclusively.
        unsafe { sys::reel_decoder_destroy(self.handle) };
    }
}
