//! Recording in the shape of Godot's MovieWriter: begin, a frame at a time, end.
use crate::buffer::Buffer;
use crate::context::Context;
use crate::encoder::EncoderSettings;
use crate::error::{check, Error, Result};
use crate::frame::PixelFormat;
use crate::strings;
use reel_sys as sys;
use std::path::Path;

/// A recording into an AV1 IVF file (`reel_movie_writer_t`). Every packet reaches the OS as
/// soon as the encoder makes it, so a process that dies leaves a playable file; frames get
/// pts 0, 1, 2, ... at the settings' frame rate. [`MovieWriter::end`] finishes it and
/// reports; dropping the writer ends it too, without reporting.
pub struct MovieWriter {
    handle: sys::reel_movie_writer_t,
    _context: Context,
}

// SAFETY: reel.h section 12: "every function is safe from any thread; calls on one writer are
// serialised". reel_movie_writer_end, which destroys it, runs only with the writer owned
// (end(self) or Drop).
unsafe impl Send for MovieWriter {}
// SAFETY: as for Send.
unsafe impl Sync for MovieWriter {}

impl MovieWriter {
    /// Checks the settings, creates (or truncates) the IVF file at `path` and starts the
    /// encoder (`reel_movie_writer_begin`). The file is not touched when the settings are refused.
    ///
    /// # Errors
    /// The errors of [`crate::Encoder::new`] (naming `settings->field`), [`crate::ErrorCode::Io`]
    /// when the file cannot be created.
    pub fn begin(context: &Context, path: impl AsRef<Path>, settings: &EncoderSettings) -> Result<MovieWriter> {
        let path = strings::c_path(path.as_ref())?;
        let desc = settings.to_raw();
        let mut handle: sys::reel_movie_writer_t = std::ptr::null_mut();
        // SAFETY: a live context, a NUL-terminated path and a pointer-free description alive
        // during the call, a valid out pointer.
        check(unsafe { sys::reel_movie_writer_begin(context.as_raw(), path.as_ptr(), &desc, &mut handle) })?;
        Ok(MovieWriter { handle, _context: context.clone() })
    }

    /// Records a frame buffer of the movie's size (`reel_movie_writer_write_frame`): I420 is
    /// encoded as it is, RGBA8/BGRA8 converted first. Blocks while the encoder's queue is full.
    pub fn write_frame(&self, frame: &Buffer) -> Result<()> {
        // SAFETY: a live writer and buffer reference.
        check(unsafe { sys::reel_movie_writer_write_frame(self.handle, frame.as_raw()) }).map(drop)
    }

    /// Records packed RGBA8 or BGRA8 pixels from the host's memory, top row first,
    /// `stride` bytes apart (`reel_movie_writer_write_image`); converted before this returns.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] when `pixels` is shorter than the image, the
    /// format is not RGBA8/BGRA8, or the size is not the movie's.
    pub fn write_rgba(&self, pixels: &[u8], format: PixelFormat, width: u32, height: u32, stride: usize) -> Result<()> {
        let row = width as usize * 4;
        let needed = if height == 0 { 0 } else { (height as usize - 1) * stride + row };
        if !matches!(format, PixelFormat::Rgba8 | PixelFormat::Bgra8) || stride < row || pixels.len() < needed {
            return Err(Error::new(
                sys::reel_result_t_REEL_ERROR_INVALID_ARGUMENT,
                format!("write_rgba: {width}x{height} {format:?} pixels with a stride of {stride} need {needed} bytes; {} given", pixels.len()),
            ));
        }
        // SAFETY: all-zero is a valid value of this plain struct (NULL planes).
        let mut image: sys::reel_image_t = unsafe { std::mem::zeroed() };
        image.struct_size = std::mem::size_of::<sys::reel_image_t>() as u32;
        image.format = format.to_raw();
        image.width = width;
        image.height = height;
        image.data[0] = pixels.as_ptr().cast();
        image.stride[0] = stride as i32;
        // SAFETY: a live writer; the image points into `pixels`, which holds every byte it
        // describes (checked above) and is read during the call only.
        check(unsafe { sys::reel_movie_writer_write_image(self.handle, &image) }).map(drop)
    }

    /// The writer's counters (`reel_movie_writer_get_stats`).
    pub fn stats(&self) -> Result<sys::reel_movie_writer_stats_t> {
        let mut stats = stats_init();
        // SAFETY: a live writer and a stats struct of the size it declares.
        check(unsafe { sys::reel_movie_writer_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }

    /// Finishes the recording (`reel_movie_writer_end`): encodes every frame written, waits
    /// until each packet is in the file, patches the frame count and closes it.
    ///
    /// # Errors
    /// [`crate::ErrorCode::Io`], or the error that failed the encoder (the frames before it
    /// are in the file).
    pub fn end(self) -> Result<sys::reel_movie_writer_stats_t> {
        let this = std::mem::ManuallyDrop::new(self);
        let mut stats = stats_init();
        // SAFETY: ours; ended once (Drop will not run).
        let result = check(unsafe { sys::reel_movie_writer_end(this.handle, &mut stats) });
        // SAFETY: the context is moved out of a value whose Drop never runs, dropped once.
        drop(unsafe { std::ptr::read(&this._context) });
        result.map(|_| stats)
    }
}

impl Drop for MovieWriter {
    fn drop(&mut self) {
        // SAFETY: ours, ended once, exclusively; NULL stats are allowed.
        unsafe { sys::reel_movie_writer_end(self.handle, std::ptr::null_mut()) };
    }
}

fn stats_init() -> sys::reel_movie_writer_stats_t {
    // SAFETY: all-zero is a valid value of this plain struct; struct_size is set below.
    let mut stats: sys::reel_movie_writer_stats_t = unsafe { std::mem::zeroed() };
    stats.struct_size = std::mem::size_of::<sys::reel_movie_writer_stats_t>() as u32;
    stats
}
