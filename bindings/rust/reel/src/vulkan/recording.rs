//! Recording what the GPU rendered: the movie writer reads the host's VkImage on Reel's
//! device (reel_vulkan.h section 7).
use super::device::Device;
use crate::error::{check, Error, Result};
use crate::movie_writer::MovieWriter;
use reel_sys as sys;

/// A host's image to record (`reel_vk_image_t`), for [`MovieWriter::write_vk_image`].
/// `Default` is `reel_vk_image_default()`: every field zero (no semaphores, `timeout_ns` 0: a
/// write never waits for a frame slot); describe the image.
#[derive(Clone, Copy, Debug)]
pub struct VkImageFrame {
    /// Pixels; the movie's width.
    pub width: u32,
    /// Rows; the movie's height.
    pub height: u32,
    /// `VK_FORMAT_R8G8B8A8_UNORM`, `_R8G8B8A8_SRGB`, `_B8G8R8A8_UNORM`, `_B8G8R8A8_SRGB` or
    /// `_A2B10G10R10_UNORM_PACK32`.
    pub vk_format: sys::VkFormat,
    /// 2D, created with `VK_IMAGE_USAGE_SAMPLED_BIT` on the writer's device; never destroyed by Reel.
    pub vk_image: sys::VkImage,
    /// The device the image was created on: the writer's.
    pub vk_device: sys::VkDevice,
    /// The layout the image is in when `wait_value` is reached (GENERAL,
    /// COLOR_ATTACHMENT_OPTIMAL, SHADER_READ_ONLY_OPTIMAL, ...); Reel leaves it so.
    pub vk_layout: sys::VkImageLayout,
    /// The family owning the image then: that of Reel's compute queue, or
    /// `VK_QUEUE_FAMILY_IGNORED` (`!0`) for a concurrently shared image.
    pub queue_family: u32,
    /// A timeline semaphore whose `wait_value` makes the image readable; null when ready now.
    pub wait_semaphore: sys::VkSemaphore,
    /// The value to wait for; its signal must come eventually.
    pub wait_value: u64,
    /// A timeline semaphore Reel signals once it no longer reads the image; null for none.
    pub signal_semaphore: sys::VkSemaphore,
    /// The value to signal: at least 1 and above every value it has or will have before.
    pub signal_value: u64,
    /// How long the write may wait for a free frame slot: 0 not at all, `u64::MAX` forever.
    pub timeout_ns: u64,
}

impl Default for VkImageFrame {
    fn default() -> VkImageFrame {
        VkImageFrame {
            width: 0,
            height: 0,
            vk_format: 0,
            vk_image: std::ptr::null_mut(),
            vk_device: std::ptr::null_mut(),
            vk_layout: 0,
            queue_family: 0,
            wait_semaphore: std::ptr::null_mut(),
            wait_value: 0,
            signal_semaphore: std::ptr::null_mut(),
            signal_value: 0,
            timeout_ns: 0,
        }
    }
}

impl MovieWriter {
    /// Lets the writer record VkImages of `device` (`reel_movie_writer_attach_vk_device`):
    /// builds the GPU RGB-to-I420 converter with `frames_in_flight` slots (1..8; 0 = 3) and
    /// its collecting thread. The writer keeps the device until it ended.
    ///
    /// # Errors
    /// [`crate::ErrorCode::BadState`] when the writer already records from a device,
    /// [`crate::ErrorCode::InvalidArgument`] for more than 8 frames in flight or a device of
    /// another context, [`crate::ErrorCode::Unsupported`] without a compute queue.
    pub fn attach_vk_device(&mut self, device: &Device, frames_in_flight: u32) -> Result<()> {
        // SAFETY: a live writer and device; &mut self keeps other calls on the writer out.
        check(unsafe { sys::reel_movie_writer_attach_vk_device(self.handle, device.as_raw(), frames_in_flight) })?;
        self.device = Some(device.clone());
        Ok(())
    }

    /// Records `image` as the next frame (`reel_movie_writer_write_vk_image`): a GPU
    /// conversion waiting for `wait_value`, submitted on Reel's compute queue, encoded in call
    /// order once the GPU finished it. Returns without waiting for the GPU. `&mut self`: one
    /// thread at a time per writer, as the header asks.
    ///
    /// # Safety
    /// `image.vk_image` and the semaphores are live objects of the writer's device, as
    /// described (format, layout, owning family, SAMPLED usage), and stay alive and unwritten
    /// by the host until `signal_value` is signalled (or, without a signal semaphore, until
    /// the writer ended).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Timeout`] when every slot was still in flight after `timeout_ns`
    /// (the message names the oldest frame; the writer stays usable);
    /// [`crate::ErrorCode::InvalidArgument`] naming the field (`image->vk_layout`, ...);
    /// [`crate::ErrorCode::BadState`] without an attached device. On any error this image is
    /// not recorded and `signal_value` is not signalled.
    pub unsafe fn write_vk_image(&mut self, image: &VkImageFrame) -> Result<()> {
        let mut raw = crate::sized!(sys::reel_vk_image_t);
        raw.width = image.width;
        raw.height = image.height;
        raw.vk_format = image.vk_format;
        raw.vk_image = image.vk_image;
        raw.vk_device = image.vk_device;
        raw.vk_layout = image.vk_layout;
        raw.queue_family = image.queue_family;
        raw.wait_semaphore = image.wait_semaphore;
        raw.wait_value = image.wait_value;
        raw.signal_semaphore = image.signal_semaphore;
        raw.signal_value = image.signal_value;
        raw.timeout_ns = image.timeout_ns;
        // SAFETY: a live writer, a complete description read during the call; the Vulkan
        // objects it names are the caller's promise (# Safety).
        let result = unsafe { sys::reel_movie_writer_write_vk_image(self.handle, &raw) };
        if result == sys::reel_result_t_REEL_TIMEOUT {
            return Err(Error::last(result));
        }
        check(result).map(drop)
    }
}
