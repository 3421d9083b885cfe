//! AV1 encoder sessions.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::error::{check, Result};
use crate::receive::Received;
use reel_sys as sys;
use std::ops::{Deref, DerefMut};

/// How to create an encoder (`reel_encoder_desc_t`). Its plain fields (rate control,
/// quality, preset, keyframe interval, threads, colour ...) are reachable through `Deref`;
/// `name` and `packet_pool` are set by this crate (NULL: Reel's defaults), whatever the
/// struct holds, so no dangling pointer or foreign handle reaches Reel.
#[derive(Clone, Copy, Debug)]
pub struct EncoderSettings(sys::reel_encoder_desc_t);

impl EncoderSettings {
    /// Settings for `width` x `height` (even; SVT-AV1 takes 64..16384 x 64..8704) at 30 fps,
    /// every other field at its default: AUTO backend, CRF quality 45, MEDIUM preset.
    pub fn new(width: u32, height: u32) -> EncoderSettings {
        // SAFETY: all-zero is the default of every field of this struct (NULL pointers, 0 values).
        let mut desc: sys::reel_encoder_desc_t = unsafe { std::mem::zeroed() };
        desc.struct_size = std::mem::size_of::<sys::reel_encoder_desc_t>() as u32;
        desc.width = width;
        desc.height = height;
        EncoderSettings(desc)
    }

    /// The frame rate as `num / den` frames per second (1 to 240).
    pub fn fps(mut self, num: u32, den: u32) -> EncoderSettings {
        self.0.fps_num = num;
        self.0.fps_den = den;
        self
    }

    /// The description Reel reads, with the pointer fields this crate owns cleared.
    pub(crate) fn to_raw(self) -> sys::reel_encoder_desc_t {
        let mut desc = self.0;
        desc.name = std::ptr::null();
        desc.packet_pool = std::ptr::null_mut();
        desc
    }
}

impl Deref for EncoderSettings {
    type Target = sys::reel_encoder_desc_t;
    fn deref(&self) -> &sys::reel_encoder_desc_t {
        &self.0
    }
}

impl DerefMut for EncoderSettings {
    fn deref_mut(&mut self) -> &mut sys::reel_encoder_desc_t {
        &mut self.0
    }
}

/// An AV1 encoder session (`reel_encoder_t`): frames in with [`Encoder::submit`], packets
/// out with [`Encoder::receive`], [`Encoder::flush`] ends the stream. Each encoder has one
/// worker thread, the only one that touches the codec. Dropping it stops the worker and
/// destroys it (`reel_encoder_destroy`); packets already received stay valid.
pub struct Encoder {
    handle: sys::reel_encoder_t,
    context: Context,
}

// SAFETY: reel.h section 11: "every function is safe from any thread; calls on one object
// are serialised inside Reel". reel_encoder_destroy, which must not race, runs in Drop.
unsafe impl Send for Encoder {}
// SAFETY: as for Send: submit from one thread and receive from another is the intended use.
unsafe impl Sync for Encoder {}

impl Encoder {
    /// Checks the settings, picks the backend and starts the encoder (`reel_encoder_create`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] naming the field ("desc->width is 70000; allowed
    /// 64 to 16384"), [`crate::ErrorCode::Unsupported`] when SVT-AV1 is missing.
    pub fn new(context: &Context, settings: &EncoderSettings) -> Result<Encoder> {
        let desc = settings.to_raw();
        let mut handle: sys::reel_encoder_t = std::ptr::null_mut();
        // SAFETY: a live context; desc has no pointer but NULLs; a valid out pointer.
        check(unsafe { sys::reel_encoder_create(context.as_raw(), &desc, &mut handle) })?;
        Ok(Encoder { handle, context: context.clone() })
    }

    /// Queues a frame (an I420 frame of the encoder's size, pts above the previous one's)
    /// (`reel_encoder_submit`). The encoder takes its own reference.
    ///
    /// `timeout_ms`: how long to wait while the queue is full (0: not at all,
    /// `REEL_WAIT_FOREVER`). Returns `false` when the queue stayed full and the frame was not
    /// taken (`REEL_NOT_READY` / `REEL_TIMEOUT`).
    pub fn submit(&self, frame: &Buffer, keyframe: bool, timeout_ms: u32) -> Result<bool> {
        let flags = if keyframe { sys::REEL_ENCODE_FLAG_KEYFRAME } else { 0 };
        // SAFETY: a live encoder and a live buffer reference.
        let status = check(unsafe { sys::reel_encoder_submit(self.handle, frame.as_raw(), flags, timeout_ms) })?;
        Ok(status == sys::reel_result_t_REEL_SUCCESS)
    }

    /// Takes the next packet in decode order (`reel_encoder_receive`): a byte buffer with one
    /// AV1 temporal unit, pts, dts and the keyframe flag. `timeout_ms`: 0 does not wait.
    ///
    /// # Errors
    /// [`crate::ErrorCode::BadState`] before any submit or flush; the error that failed the encoder.
    pub fn receive(&self, timeout_ms: u32) -> Result<Received<Buffer>> {
        let mut packet: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live encoder and a valid out pointer.
        let status = check(unsafe { sys::reel_encoder_receive(self.handle, timeout_ms, &mut packet) })?;
        // SAFETY: on REEL_SUCCESS the packet's one reference is ours.
        Ok(Received::from_status(status, || unsafe { Buffer::from_raw(packet, self.context.clone()) }))
    }

    /// Ends the stream (`reel_encoder_flush`): [`Encoder::receive`] returns the remaining
    /// packets, then [`Received::EndOfStream`]. Does not wait.
    pub fn flush(&self) -> Result<()> {
        // SAFETY: a live encoder.
        check(unsafe { sys::reel_encoder_flush(self.handle) }).map(drop)
    }

    /// The encoder's counters (`reel_encoder_get_stats`).
    pub fn stats(&self) -> Result<sys::reel_encoder_stats_t> {
        // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
        let mut stats: sys::reel_encoder_stats_t = unsafe { std::mem::zeroed() };
        stats.struct_size = std::mem::size_of::<sys::reel_encoder_stats_t>() as u32;
        // SAFETY: a live encoder and a stats struct of the size it declares.
        check(unsafe { sys::reel_encoder_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }
}

impl Drop for Encoder {
    fn drop(&mut self) {
        // SAFETY: ours, and Drop has it exclusively.
        unsafe { sys::reel_encoder_destroy(self.handle) };
    }
}
