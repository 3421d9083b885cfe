//! What a media file declares, or how to create one.

/// Size, frame rate and frame count of an IVF or Y4M file (`reel_media_info_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MediaInfo {
    /// Pixels, 1..65535.
    pub width: u32,
    /// Pixels, 1..65535.
    pub height: u32,
    /// Frame rate numerator.
    pub fps_num: u32,
    /// Frame rate denominator.
    pub fps_den: u32,
    /// Readers: the frames the file declares (IVF) or holds (Y4M); writers: frames written.
    pub frame_count: u64,
}

impl MediaInfo {
    /// `width` x `height` at `fps_num / fps_den` frames per second, for a writer.
    pub fn new(width: u32, height: u32, fps_num: u32, fps_den: u32) -> MediaInfo {
        MediaInfo { width, height, fps_num, fps_den, frame_count: 0 }
    }

    pub(crate) fn to_raw(self) -> reel_sys::reel_media_info_t {
        reel_sys::reel_media_info_t {
            struct_size: std::mem::size_of::<reel_sys::reel_media_info_t>() as u32,
            width: self.width,
            height: self.height,
            fps_num: self.fps_num,
            fps_den: self.fps_den,
            reserved: 0,
            frame_count: self.frame_count,
        }
    }

    pub(crate) fn from_raw(info: &reel_sys::reel_media_info_t) -> MediaInfo {
        MediaInfo {
            width: info.width,
            height: info.height,
            fps_num: info.fps_num,
            fps_den: info.fps_den,
            frame_count: info.frame_count,
        }
    }

    /// An empty description with struct_size set, for get_info.
    pub(crate) fn raw_for_reading() -> reel_sys::reel_media_info_t {
        MediaInfo::new(0, 0, 0, 0).to_raw()
    }
}
