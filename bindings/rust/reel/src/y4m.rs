//! YUV4MPEG2 files of 8-bit 4:2:0 pictures.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::error::{check, Result};
use crate::media::MediaInfo;
use crate::pool::Pool;
use crate::strings;
use reel_sys as sys;
use std::path::Path;

/// A YUV4MPEG2 file opened for reading (`reel_y4m_reader_t`). Dropping it closes the file.
pub struct Y4mReader {
    handle: sys::reel_y4m_reader_t,
    context: Context,
}

// SAFETY: reel.h section 11: file objects are safe from any thread, their calls serialised
// inside Reel; reel_y4m_reader_close runs in Drop, exclusively.
unsafe impl Send for Y4mReader {}
// SAFETY: as for Send.
unsafe impl Sync for Y4mReader {}

impl Y4mReader {
    /// Opens a Y4M file of 8-bit 4:2:0 pictures and parses its header (`reel_y4m_reader_open`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] with the path and the OS reason, [`crate::ErrorCode::CorruptData`]
    /// when it is not YUV4MPEG2, [`crate::ErrorCode::Unsupported`] for another chroma format or depth.
    pub fn open(context: &Context, path: impl AsRef<Path>) -> Result<Y4mReader> {
        let path = strings::c_path(path.as_ref())?;
        let mut handle: sys::reel_y4m_reader_t = std::ptr::null_mut();
        // SAFETY: a live context, a NUL-terminated path alive during the call, a valid out pointer.
        check(unsafe { sys::reel_y4m_reader_open(context.as_raw(), path.as_ptr(), &mut handle) })?;
        Ok(Y4mReader { handle, context: context.clone() })
    }

    /// The header: size, frame rate, and the complete frames the file held when opened
    /// (`reel_y4m_reader_get_info`).
    pub fn info(&self) -> Result<MediaInfo> {
        let mut info = MediaInfo::raw_for_reading();
        // SAFETY: a live reader and an info struct of the size it declares.
        check(unsafe { sys::reel_y4m_reader_get_info(self.handle, &mut info) })?;
        Ok(MediaInfo::from_raw(&info))
    }

    /// Reads the next picture into a frame of `pool` (an I420 pool of the file's size), with
    /// pts = its index (`reel_y4m_reader_read`); `None` at the clean end of the file.
    ///
    /// # Errors
    /// [`crate::ErrorCode::CorruptData`] for a bad frame header or a truncated frame (index
    /// and offset named), [`crate::ErrorCode::Io`], the pool's errors.
    pub fn read(&self, pool: &Pool) -> Result<Option<Buffer>> {
        let mut frame: sys::reel_buffer_t = std::ptr::null_mut();
        // SAFETY: a live reader and pool, a valid out pointer.
        let status = check(unsafe { sys::reel_y4m_reader_read(self.handle, pool.as_raw(), &mut frame) })?;
        // SAFETY: on REEL_SUCCESS the frame's one reference is ours.
        Ok((status == sys::reel_result_t_REEL_SUCCESS).then(|| unsafe { Buffer::from_raw(frame, self.context.clone()) }))
    }
}

impl Drop for Y4mReader {
    fn drop(&mut self) {
        // SAFETY: ours, closed once, exclusively.
        unsafe { sys::reel_y4m_reader_close(self.handle) };
    }
}

/// A YUV4MPEG2 file being written (`reel_y4m_writer_t`, C420jpeg, progressive): each
/// picture reaches the OS in one write. [`Y4mWriter::close`] reports a failure to close;
/// dropping the writer closes it without reporting.
pub struct Y4mWriter {
    handle: sys::reel_y4m_writer_t,
    _context: Context,
}

// SAFETY: as Y4mReader: safe from any thread, calls serialised; close runs exclusively.
unsafe impl Send for Y4mWriter {}
// SAFETY: as for Send.
unsafe impl Sync for Y4mWriter {}

impl Y4mWriter {
    /// Creates (or truncates) a Y4M file for `info`'s size and frame rate and writes its
    /// header (`reel_y4m_writer_create`).
    pub fn create(context: &Context, path: impl AsRef<Path>, info: MediaInfo) -> Result<Y4mWriter> {
        let path = strings::c_path(path.as_ref())?;
        let raw = info.to_raw();
        let mut handle: sys::reel_y4m_writer_t = std::ptr::null_mut();
        // SAFETY: a live context, a NUL-terminated path and an info struct alive during the call.
        check(unsafe { sys::reel_y4m_writer_create(context.as_raw(), path.as_ptr(), &raw, &mut handle) })?;
        Ok(Y4mWriter { handle, _context: context.clone() })
    }

    /// Appends a picture: an I420 frame of the file's size (`reel_y4m_writer_write`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] (the file is cut back to its last complete frame),
    /// [`crate::ErrorCode::InvalidArgument`] for another format or size.
    pub fn write(&self, frame: &Buffer) -> Result<()> {
        // SAFETY: a live writer and buffer reference.
        check(unsafe { sys::reel_y4m_writer_write(self.handle, frame.as_raw()) }).map(drop)
    }

    /// The header as written so far: frame_count is the frames written (`reel_y4m_writer_get_info`).
    pub fn info(&self) -> Result<MediaInfo> {
        let mut info = MediaInfo::raw_for_reading();
        // SAFETY: a live writer and an info struct of the size it declares.
        check(unsafe { sys::reel_y4m_writer_get_info(self.handle, &mut info) })?;
        Ok(MediaInfo::from_raw(&info))
    }

    /// Flushes and closes the file (`reel_y4m_writer_close`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`] with the OS reason.
    pub fn close(self) -> Result<()> {
        let this = std::mem::ManuallyDrop::new(self);
        // SAFETY: ours; closed once (Drop will not run).
        let result = check(unsafe { sys::reel_y4m_writer_close(this.handle) }).map(drop);
        // SAFETY: the context is moved out of a value whose Drop never runs, dropped once.
        drop(unsafe { std::ptr::read(&this._context) });
        result
    }
}

impl Drop for Y4mWriter {
    fn drop(&mut self) {
        // SAFETY: ours, closed once, exclusively.
        unsafe { sys::reel_y4m_writer_close(self.handle) };
    }
}
