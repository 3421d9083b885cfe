//! Vulkan video sessions with their memory bound (reel_vulkan.h section 6).
use super::device::Device;
use crate::error::{check, Result};
use reel_sys as sys;

/// A video codec operation (`reel_video_codec_op_t`, the values of
/// VkVideoCodecOperationFlagBitsKHR).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VideoCodecOp {
    /// `REEL_VIDEO_CODEC_OP_DECODE_H264`.
    DecodeH264,
    /// `REEL_VIDEO_CODEC_OP_DECODE_H265`.
    DecodeH265,
    /// `REEL_VIDEO_CODEC_OP_DECODE_AV1`.
    DecodeAv1,
    /// `REEL_VIDEO_CODEC_OP_ENCODE_H264`.
    EncodeH264,
    /// `REEL_VIDEO_CODEC_OP_ENCODE_H265`.
    EncodeH265,
    /// `REEL_VIDEO_CODEC_OP_ENCODE_AV1`.
    EncodeAv1,
}

impl VideoCodecOp {
    pub(crate) fn to_raw(self) -> sys::reel_video_codec_op_t {
        match self {
            VideoCodecOp::DecodeH264 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_DECODE_H264,
            VideoCodecOp::DecodeH265 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_DECODE_H265,
            VideoCodecOp::DecodeAv1 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_DECODE_AV1,
            VideoCodecOp::EncodeH264 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_ENCODE_H264,
            VideoCodecOp::EncodeH265 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_ENCODE_H265,
            VideoCodecOp::EncodeAv1 => sys::reel_video_codec_op_t_REEL_VIDEO_CODEC_OP_ENCODE_AV1,
        }
    }
}

/// How to create a video session (`reel_video_session_desc_t`). Operation and extent are
/// required: [`VideoSessionDesc::new`] sets them and leaves the rest at
/// `reel_video_session_desc_default()` (the driver's slots, references and formats, 8 bits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VideoSessionDesc {
    /// The operation.
    pub codec_operation: VideoCodecOp,
    /// Largest coded width, within the operation's limits.
    pub max_width: u32,
    /// Largest coded height.
    pub max_height: u32,
    /// 0 = the driver's maximum.
    pub max_dpb_slots: u32,
    /// 0 = the driver's maximum (at most the slots).
    pub max_active_references: u32,
    /// 8 or 10 (not H.264); 0 = 8.
    pub bit_depth: u32,
    /// Decode output / encode input format; 0 = the first the driver lists.
    pub vk_picture_format: sys::VkFormat,
    /// DPB picture format; 0 = the first the driver lists.
    pub vk_reference_format: sys::VkFormat,
}

impl VideoSessionDesc {
    /// A session for `operation` up to `max_width` x `max_height`.
    pub fn new(operation: VideoCodecOp, max_width: u32, max_height: u32) -> VideoSessionDesc {
        VideoSessionDesc {
            codec_operation: operation,
            max_width,
            max_height,
            max_dpb_slots: 0,
            max_active_references: 0,
            bit_depth: 0,
            vk_picture_format: 0,
            vk_reference_format: 0,
        }
    }
}

/// A VkVideoSessionKHR with its memory bound, and for H.264/H.265 an empty parameters object
/// (`reel_video_session_t`). Dropping it destroys them (`reel_video_session_destroy`); the
/// GPU work recorded with them must have completed.
pub struct VideoSession {
    handle: sys::reel_video_session_t,
    _device: Device,
}

// SAFETY: reel_vulkan.h, Threads: every function is safe from any thread; destroy runs in
// Drop, which has the session to itself.
unsafe impl Send for VideoSession {}
// SAFETY: as for Send: only info is read through &self.
unsafe impl Sync for VideoSession {}

impl VideoSession {
    /// Creates the session on the device's video queue (`reel_video_session_create`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Unsupported`] when the device has no video queue for the
    /// operation (e.g. "lavapipe exposes no VK_KHR_video_queue") or the driver refuses the
    /// profile, [`crate::ErrorCode::InvalidArgument`] for an extent or count beyond the
    /// operation's capabilities.
    pub fn new(device: &Device, desc: &VideoSessionDesc) -> Result<VideoSession> {
        let mut raw = crate::sized!(sys::reel_video_session_desc_t);
        raw.codec_operation = desc.codec_operation.to_raw();
        raw.max_width = desc.max_width;
        raw.max_height = desc.max_height;
        raw.max_dpb_slots = desc.max_dpb_slots;
        raw.max_active_references = desc.max_active_references;
        raw.bit_depth = desc.bit_depth;
        raw.vk_picture_format = desc.vk_picture_format;
        raw.vk_reference_format = desc.vk_reference_format;
        let mut handle: sys::reel_video_session_t = std::ptr::null_mut();
        // SAFETY: a live device, a complete description without pointers, a valid out pointer.
        check(unsafe { sys::reel_video_session_create(device.as_raw(), &raw, &mut handle) })?;
        Ok(VideoSession { handle, _device: device.clone() })
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while the session lives.
    pub fn as_raw(&self) -> sys::reel_video_session_t {
        self.handle
    }

    /// Its VkVideoSessionKHR, parameters, formats and limits (`reel_video_session_get_info`).
    pub fn info(&self) -> Result<sys::reel_video_session_info_t> {
        let mut info = crate::sized!(sys::reel_video_session_info_t);
        // SAFETY: a live session and an info struct of the size it declares.
        check(unsafe { sys::reel_video_session_get_info(self.handle, &mut info) })?;
        Ok(info)
    }
}

impl Drop for VideoSession {
    fn drop(&mut self) {
        // SAFETY: ours, destroyed once, exclusively; its device is alive (self._device).
        unsafe { sys::reel_video_session_destroy(self.handle) };
    }
}
