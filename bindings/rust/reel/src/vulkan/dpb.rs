//! Decoded picture buffers: images with a slot manager (reel_vulkan.h section 4).
use super::device::Device;
use super::video_session::VideoCodecOp;
use crate::error::{check, Result};
use reel_sys as sys;

/// How to create a DPB (`reel_dpb_desc_t`). Extent and slot count are required, with a
/// format (plain images) or a codec operation (video): [`DpbDesc::images`] and
/// [`DpbDesc::video`] set them and leave the rest at `reel_dpb_desc_default()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DpbDesc {
    /// The operation served; `None` = plain images.
    pub codec_operation: Option<VideoCodecOp>,
    /// Required for plain images; for video 0 = the first format the driver lists.
    pub vk_format: sys::VkFormat,
    /// Pixels, 1..16384.
    pub width: u32,
    /// Pixels, 1..16384.
    pub height: u32,
    /// Slots, 1..64 (video: up to maxDpbSlots).
    pub slot_count: u32,
    /// `VkImageUsageFlags`; 0 = TRANSFER_SRC|TRANSFER_DST|SAMPLED for plain images, the DPB
    /// usage for video.
    pub vk_usage: sys::VkImageUsageFlags,
    /// Video: 8 or 10; 0 = 8. Must be 0 for plain images.
    pub bit_depth: u32,
    /// `REEL_DPB_FLAG_SEPARATE_IMAGES`: one image per slot instead of one layer per slot.
    pub separate_images: bool,
}

impl DpbDesc {
    /// `slot_count` plain images of `vk_format`.
    pub fn images(vk_format: sys::VkFormat, width: u32, height: u32, slot_count: u32) -> DpbDesc {
        DpbDesc { codec_operation: None, vk_format, width, height, slot_count, vk_usage: 0, bit_depth: 0, separate_images: false }
    }

    /// `slot_count` reference pictures of a video operation, in the driver's first format.
    pub fn video(operation: VideoCodecOp, width: u32, height: u32, slot_count: u32) -> DpbDesc {
        DpbDesc { codec_operation: Some(operation), ..DpbDesc::images(0, width, height, slot_count) }
    }
}

/// A decoded picture buffer (`reel_dpb_t`): images and views with a slot manager. Dropping
/// it destroys them (`reel_dpb_destroy`); the GPU work recorded on them must have completed.
pub struct Dpb {
    handle: sys::reel_dpb_t,
    _device: Device,
}

// SAFETY: reel_vulkan.h, Threads: every function is safe from any thread; destroy runs in
// Drop, which has the DPB to itself.
unsafe impl Send for Dpb {}
// SAFETY: as for Send: the slot manager is internally synchronised.
unsafe impl Sync for Dpb {}

impl Dpb {
    /// Creates the images and views after checking them with the driver (`reel_dpb_create`);
    /// every slot is free.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a size or count out of range or no format
    /// for plain images (the message names the field), [`crate::ErrorCode::Unsupported`]
    /// when the device cannot hold the format or run the operation (e.g. "lavapipe exposes
    /// no VK_KHR_video_queue").
    pub fn new(device: &Device, desc: &DpbDesc) -> Result<Dpb> {
        let mut raw = crate::sized!(sys::reel_dpb_desc_t);
        raw.codec_operation = desc.codec_operation.map_or(0, VideoCodecOp::to_raw);
        raw.vk_format = desc.vk_format;
        raw.width = desc.width;
        raw.height = desc.height;
        raw.slot_count = desc.slot_count;
        raw.vk_usage = desc.vk_usage;
        raw.bit_depth = desc.bit_depth;
        raw.flags = super::flag_bits(&[(desc.separate_images, sys::reel_dpb_flags_t_REEL_DPB_FLAG_SEPARATE_IMAGES)]);
        let mut handle: sys::reel_dpb_t = std::ptr::null_mut();
        // SAFETY: a live device, a complete description without pointers, a valid out pointer.
        check(unsafe { sys::reel_dpb_create(device.as_raw(), &raw, &mut handle) })?;
        Ok(Dpb { handle, _device: device.clone() })
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while the DPB lives.
    pub fn as_raw(&self) -> sys::reel_dpb_t {
        self.handle
    }

    /// A slot for a new picture (`reel_dpb_acquire_slot`): the free slot released longest
    /// ago, else the active non-reference picture with the lowest frame number.
    ///
    /// # Errors
    /// [`crate::ErrorCode::LimitReached`] when every slot holds a reference.
    pub fn acquire_slot(&self, frame_number: u64, timestamp: i64) -> Result<u32> {
        let mut slot = 0u32;
        // SAFETY: a live DPB and a valid out pointer.
        check(unsafe { sys::reel_dpb_acquire_slot(self.handle, frame_number, timestamp, &mut slot) })?;
        Ok(slot)
    }

    /// Frees an active slot (`reel_dpb_release_slot`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a slot out of range,
    /// [`crate::ErrorCode::BadState`] for a free slot (released twice).
    pub fn release_slot(&self, slot: u32) -> Result<()> {
        // SAFETY: a live DPB.
        check(unsafe { sys::reel_dpb_release_slot(self.handle, slot) }).map(drop)
    }

    /// Marks or unmarks an active slot's picture as a reference, which is never recycled
    /// (`reel_dpb_mark_reference`).
    pub fn mark_reference(&self, slot: u32, is_reference: bool) -> Result<()> {
        // SAFETY: a live DPB.
        check(unsafe { sys::reel_dpb_mark_reference(self.handle, slot, u32::from(is_reference)) }).map(drop)
    }

    /// A slot's state and picture resource: VkImage, VkImageView, layer (`reel_dpb_get_slot`).
    pub fn slot(&self, slot: u32) -> Result<sys::reel_dpb_slot_info_t> {
        let mut info = crate::sized!(sys::reel_dpb_slot_info_t);
        // SAFETY: a live DPB and an info struct of the size it declares.
        check(unsafe { sys::reel_dpb_get_slot(self.handle, slot, &mut info) })?;
        Ok(info)
    }

    /// The DPB as a whole: slots, active, references, memory (`reel_dpb_get_info`).
    pub fn info(&self) -> Result<sys::reel_dpb_info_t> {
        let mut info = crate::sized!(sys::reel_dpb_info_t);
        // SAFETY: a live DPB and an info struct of the size it declares.
        check(unsafe { sys::reel_dpb_get_info(self.handle, &mut info) })?;
        Ok(info)
    }
}

impl Drop for Dpb {
    fn drop(&mut self) {
        // SAFETY: ours, destroyed once, exclusively; its device is alive (self._device).
        unsafe { sys::reel_dpb_destroy(self.handle) };
    }
}
