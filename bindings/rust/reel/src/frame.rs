//! Frames: pixel formats and the planes of a frame buffer as slices.
use reel_sys as sys;
use std::marker::PhantomData;

/// Pixel formats of frame pools (`reel_pixel_format_t`). 4:2:0 chroma planes have
/// ceil(width/2) x ceil(height/2) samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PixelFormat {
    /// 8-bit 4:2:0; planes Y, interleaved UV.
    Nv12,
    /// 8-bit 4:2:0; planes Y, U, V.
    I420,
    /// 10-bit 4:2:0 in 16-bit words, high bits; planes Y, UV.
    P010,
    /// 10-bit 4:2:0 in 16-bit words, low bits; planes Y, U, V.
    I010,
    /// 8-bit R, G, B, A bytes; one plane.
    Rgba8,
    /// 8-bit B, G, R, A bytes; one plane.
    Bgra8,
}

impl PixelFormat {
    /// The `reel_pixel_format_t` value.
    pub fn to_raw(self) -> sys::reel_pixel_format_t {
        match self {
            PixelFormat::Nv12 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_NV12,
            PixelFormat::I420 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_I420,
            PixelFormat::P010 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_P010,
            PixelFormat::I010 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_I010,
            PixelFormat::Rgba8 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_RGBA8,
            PixelFormat::Bgra8 => sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_BGRA8,
        }
    }

    /// The format of a `reel_pixel_format_t` value; `None` for a value this crate does not know.
    pub fn from_raw(format: sys::reel_pixel_format_t) -> Option<PixelFormat> {
        Some(match format {
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_NV12 => PixelFormat::Nv12,
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_I420 => PixelFormat::I420,
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_P010 => PixelFormat::P010,
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_I010 => PixelFormat::I010,
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_RGBA8 => PixelFormat::Rgba8,
            sys::reel_pixel_format_t_REEL_PIXEL_FORMAT_BGRA8 => PixelFormat::Bgra8,
            _ => return None,
        })
    }
}

/// The planes of a frame buffer, read with `reel_buffer_get_frame`, borrowed from the
/// buffer: the slices live as long as the borrow of the [`crate::Buffer`] or
/// [`crate::UniqueBuffer`] they came from.
///
/// A frame cannot outlive its buffer:
/// ```compile_fail
/// # fn main() -> reel::Result<()> {
/// let context = reel::Context::new()?;
/// let pool = reel::Pool::frames(&context, reel::PixelFormat::I420, 16, 16)?;
/// let plane = {
///     let buffer = pool.acquire()?.share();
///     let frame = buffer.frame()?;
///     frame.plane(0)
/// }; // the buffer is released here, so its plane cannot be used below
/// println!("{}", plane.len());
/// # Ok(()) }
/// ```
pub struct Frame<'a> {
    pub(crate) info: sys::reel_frame_info_t,
    pub(crate) _buffer: PhantomData<&'a [u8]>,
}

impl<'a> Frame<'a> {
    /// The pool's pixel format (`None` for a format this crate does not know).
    pub fn format(&self) -> Option<PixelFormat> {
        PixelFormat::from_raw(self.info.format)
    }

    /// Width in pixels.
    pub fn width(&self) -> u32 {
        self.info.width
    }

    /// Height in pixels.
    pub fn height(&self) -> u32 {
        self.info.height
    }

    /// Planes: 1 (RGBA8/BGRA8), 2 (NV12/P010) or 3 (I420/I010).
    pub fn plane_count(&self) -> usize {
        self.info.plane_count as usize
    }

    /// The presentation timestamp when the frame was read.
    pub fn pts(&self) -> i64 {
        self.info.pts
    }

    /// The host tag when the frame was read.
    pub fn tag(&self) -> u64 {
        self.info.tag
    }

    /// Bytes from one row of plane `index` to the next.
    ///
    /// # Panics
    /// If `index` is not below [`Frame::plane_count`].
    pub fn stride(&self, index: usize) -> usize {
        self.check(index);
        self.info.stride[index] as usize
    }

    /// The bytes of plane `index`: stride x rows.
    ///
    /// # Panics
    /// If `index` is not below [`Frame::plane_count`].
    pub fn plane(&self, index: usize) -> &'a [u8] {
        self.check(index);
        // SAFETY: reel_buffer_get_frame reported plane_size bytes at data[index] for a buffer
        // the borrow 'a keeps referenced; only a UniqueBuffer may write to them, and it hands
        // out a Frame only through &self, so no &mut to these bytes exists during 'a.
        unsafe { std::slice::from_raw_parts(self.info.data[index], self.info.plane_size[index] as usize) }
    }

    /// Row `y` of plane `index`, the whole stride (visible samples first).
    ///
    /// # Panics
    /// If the plane or the row does not exist.
    pub fn row(&self, index: usize, y: usize) -> &'a [u8] {
        let stride = self.stride(index);
        &self.plane(index)[y * stride..(y + 1) * stride]
    }

    fn check(&self, index: usize) {
        assert!(index < self.plane_count(), "plane {index} of a frame with {} plane(s)", self.plane_count());
    }
}

/// The planes of a [`crate::UniqueBuffer`], writable: the buffer is referenced by no one
/// else, so the slices are the only access to its memory for as long as they are borrowed.
pub struct FrameMut<'a> {
    pub(crate) info: sys::reel_frame_info_t,
    pub(crate) _buffer: PhantomData<&'a mut [u8]>,
}

impl<'a> FrameMut<'a> {
    /// The frame as read-only planes.
    pub fn as_frame(&self) -> Frame<'_> {
        Frame { info: self.info, _buffer: PhantomData }
    }

    /// Bytes from one row of plane `index` to the next.
    pub fn stride(&self, index: usize) -> usize {
        self.as_frame().stride(index)
    }

    /// Plane `index`, writable.
    ///
    /// # Panics
    /// If `index` is not below the plane count.
    pub fn plane_mut(&mut self, index: usize) -> &mut [u8] {
        self.as_frame().check(index);
        // SAFETY: the UniqueBuffer borrowed mutably for 'a is the only reference to these
        // bytes, and &mut self makes this slice the only one handed out from this view.
        unsafe { std::slice::from_raw_parts_mut(self.info.data[index], self.info.plane_size[index] as usize) }
    }

    /// Every plane at once, writable (Y, U, V for I420).
    pub fn planes_mut(&mut self) -> Vec<&mut [u8]> {
        let count = self.info.plane_count as usize;
        let ranges: Vec<(usize, usize)> =
            (0..count).map(|i| (self.info.data[i] as usize, self.info.plane_size[i] as usize)).collect();
        // Reel lays the planes out one after another; slices that overlapped would alias.
        for (i, &(start, len)) in ranges.iter().enumerate() {
            for &(other, other_len) in &ranges[i + 1..] {
                assert!(start + len <= other || other + other_len <= start, "planes of a frame overlap");
            }
        }
        ranges
            .into_iter()
            // SAFETY: the ranges are disjoint (checked above) and belong to the UniqueBuffer
            // borrowed mutably for 'a, which nothing else references.
            .map(|(start, len)| unsafe { std::slice::from_raw_parts_mut(start as *mut u8, len) })
            .collect()
    }
}
