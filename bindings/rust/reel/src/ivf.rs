//! IVF files of AV1: one packet per frame.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::error::{check, Result};
use crate::media::MediaInfo;
use crate::pool::Pool;
use crate::strings;
use reel_sys as sys;
use std::path::Path;

/// An IVF file of AV1 opened for reading (`reel_ivf_reader_t`). Dropping it closes the file.
pub struct IvfReader {
    handle: sys::reel_ivf_reader_t,
    context: Context,
}

// SAFETY: reel.h section 11: file objects are safe from any thread, their calls serialised
// inside Reel; reel_ivf_reader_close runs in Drop, exclusively.
unsafe impl Send for IvfReader {}
// SAFETY: as for Send.
unsafe impl Sync for IvfReader {}

impl IvfReader {
    /// Opens an IVF file and checks its header (`reel_ivf_reader_open`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] with the path and the OS reason, [`crate::ErrorCode::CorruptData`]
    /// for a bad header, [`crate::ErrorCode::Unsupported`] for a fourcc other than AV01.
    pub fn open(context: &Context, path: impl AsRef<Path>) -> Result<IvfReader> {
        let path = strings::c_path(path.as_ref())?;
        let mut handle: sys::reel_ivf_reader_t = std::ptr::null_mut();
        // SAFETY: a live context, a NUL-terminated path alive during the call, a valid out pointer.
        check(unsafe { sys::reel_ivf_reader_open(context.as_raw(), path.as_ptr(), &mut handle) })?;
        Ok(IvfReader { handle, context: context.clone() })
    }

    /// The header: size, frame rate and declared frame count (`reel_ivf_reader_get_info`).
    pub fn info(&self) -> Result<MediaInfo> {
        let mut info = MediaInfo::raw_for_reading();
        // SAFETY: a live reader and an info struct of the size it declares.
        check(unsafe { sys::reel_ivf_reader_get_info(self.handle, &mut info) })?;
        Ok(MediaInfo::from_raw(&info))
    }

    /// Reads the next frame into a buffer of the byte pool `pool`, with its pts
    /// (`reel_ivf_reader_read`); `None` at the clean end of the file.
    ///
    /// # Errors
    /// [`crate::ErrorCode::CorruptData`] for a truncated or damaged frame (its index and offset
    /// named), [`crate::ErrorCode::Io`], the pool's errors (the frame then stays pending).
    pub fn read(&self, pool: &Pool) -> Result<Option<Buffer>> {
        let mut packet: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live reader and pool, a valid out pointer.
        let status = check(unsafe { sys::reel_ivf_reader_read(self.handle, pool.as_raw(), &mut packet) })?;
        // SAFETY: on REEL_SUCCESS the packet's one reference is ours.
        Ok((status == sys::reel_result_t_REEL_SUCCESS).then(|| unsafe { Buffer::from_raw(packet, self.context.clone()) }))
    }
}

impl Drop for IvfReader {
    fn drop(&mut self) {
        // SAFETY: ours, closed once, exclusively.
        unsafe { sys::reel_ivf_reader_close(self.handle) };
    }
}

/// An IVF file of AV1 being written (`reel_ivf_writer_t`). Every packet reaches the OS
/// before [`IvfWriter::write`] returns, so a process that dies leaves a playable file;
/// [`IvfWriter::close`] patches the frame count (dropping the writer does too, without
/// reporting a failure).
pub struct IvfWriter {
    handle: sys::reel_ivf_writer_t,
    _context: Context,
}

// SAFETY: as IvfReader: safe from any thread, calls serialised; close runs exclusively.
unsafe impl Send for IvfWriter {}
// SAFETY: as for Send.
unsafe impl Sync for IvfWriter {}

impl IvfWriter {
    /// Creates (or truncates) an IVF file for `info`'s size and frame rate and writes its
    /// header (`reel_ivf_writer_create`).
    pub fn create(context: &Context, path: impl AsRef<Path>, info: MediaInfo) -> Result<IvfWriter> {
        let path = strings::c_path(path.as_ref())?;
        let raw = info.to_raw();
        let mut handle: sys::reel_ivf_writer_t = std::ptr::null_mut();
        // SAFETY: a live context, a NUL-terminated path and an info struct alive during the call.
        check(unsafe { sys::reel_ivf_writer_create(context.as_raw(), path.as_ptr(), &raw, &mut handle) })?;
        Ok(IvfWriter { handle, _context: context.clone() })
    }

    /// Appends a packet's payload as one frame with its pts (`reel_ivf_writer_write`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] (the file is cut back to its last complete frame),
    /// [`crate::ErrorCode::InvalidArgument`] for a pts below the previous one or an empty packet.
    pub fn write(&self, packet: &Buffer) -> Result<()> {
        // SAFETY: a live writer and buffer reference.
        check(unsafe { sys::reel_ivf_writer_write(self.handle, packet.as_raw()) }).map(drop)
    }

    /// The header as written so far: frame_count is the frames written (`reel_ivf_writer_get_info`).
    pub fn info(&self) -> Result<MediaInfo> {
        let mut info = MediaInfo::raw_for_reading();
        // SAFETY: a live writer and an info struct of the size it declares.
        check(unsafe { sys::reel_ivf_writer_get_info(self.handle, &mut info) })?;
        Ok(MediaInfo::from_raw(&info))
    }

    /// Patches the frame count and closes the file (`reel_ivf_writer_close`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] when the header cannot be patched (the frames are in the file).
    pub fn close(self) -> Result<()> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: ours; closed once (Drop will not run).
        let result = check(unsafe { sys::reel_ivf_writer_close(this.handle) }).map(drop);
        // SAFETY: the context is moved out of a value whose Drop never runs, dropped once.
        drop(unsafe { std::ptr::read(&this._context) });
        result
    }
}

impl Drop for IvfWriter {
    fn drop(&mut self) {
        // SAFETY: ours, closed once, exclusively.
        unsafe { sys::reel_ivf_writer_close(self.handle) };
    }
}
