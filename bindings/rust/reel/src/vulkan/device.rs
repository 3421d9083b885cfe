//! GPU devices: created by Reel (headless) or adopted from the host's VkDevice, their info,
//! memory stats, frames and queue timelines (reel_vulkan.h sections 1, 2 and 5).
use crate::context::Context;
use crate::error::{check, Result};
use crate::strings;
use crate::timeline::Timeline;
use reel_sys as sys;
use std::ffi::CString;
use std::sync::{Arc, Mutex};

/// The queues Reel runs work on (`reel_gpu_queue_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GpuQueue {
    /// `REEL_GPU_QUEUE_GRAPHICS`.
    Graphics,
    /// `REEL_GPU_QUEUE_COMPUTE`: an async compute queue where the device has one, else graphics.
    Compute,
    /// `REEL_GPU_QUEUE_TRANSFER`: a DMA queue where the device has one.
    Transfer,
    /// `REEL_GPU_QUEUE_VIDEO_DECODE`.
    VideoDecode,
    /// `REEL_GPU_QUEUE_VIDEO_ENCODE`.
    VideoEncode,
}

impl GpuQueue {
    pub(crate) fn to_raw(self) -> sys::reel_gpu_queue_t {
        match self {
            GpuQueue::Graphics => sys::reel_gpu_queue_t_REEL_GPU_QUEUE_GRAPHICS,
            GpuQueue::Compute => sys::reel_gpu_queue_t_REEL_GPU_QUEUE_COMPUTE,
            GpuQueue::Transfer => sys::reel_gpu_queue_t_REEL_GPU_QUEUE_TRANSFER,
            GpuQueue::VideoDecode => sys::reel_gpu_queue_t_REEL_GPU_QUEUE_VIDEO_DECODE,
            GpuQueue::VideoEncode => sys::reel_gpu_queue_t_REEL_GPU_QUEUE_VIDEO_ENCODE,
        }
    }
}

/// How to create a device (`reel_device_desc_t`). `Default` is `reel_device_desc_default()`:
/// every 0 means the header's default (the best device, Vulkan 1.3, 2 frames in flight, 16
/// command buffers per queue, 64 MiB blocks kept 120 frames once empty, "reel").
#[derive(Clone, Debug, Default)]
pub struct DeviceDesc {
    /// `REEL_DEVICE_FLAG_VALIDATION`: enable VK_LAYER_KHRONOS_validation with synchronization
    /// validation and capture its messages into the context's log (the layer must be
    /// installed: Debian vulkan-validationlayers).
    pub validation: bool,
    /// `REEL_DEVICE_FLAG_NO_VIDEO`: enable no video queue or extension.
    pub no_video: bool,
    /// 0 = the best usable device; N = the N-th of vkEnumeratePhysicalDevices, from 1.
    pub physical_device: u32,
    /// Highest Vulkan version Reel may use (VK_MAKE_API_VERSION), at least 1.1; 0 = 1.3.
    pub vulkan_api_version: u32,
    /// Frames begun and not complete, 1..16; 0 = 2.
    pub max_frames_in_flight: u32,
    /// Command buffers per queue recording or in flight, 1..256; 0 = 16.
    pub command_buffers_per_queue: u32,
    /// Bytes of each shared memory block, a power of two from 1 MiB to 1 GiB; 0 = 64 MiB.
    pub memory_block_size: u64,
    /// Frames an empty block is kept before it is freed, 1..1000000; 0 = 120.
    pub empty_block_frames: u32,
    /// `VkApplicationInfo.pApplicationName`, at most 63 bytes; `None` = "reel".
    pub application_name: Option<String>,
}

/// One queue of the host's device Reel may submit to (`reel_vulkan_queue_t`).
#[derive(Clone, Copy, Debug)]
pub struct VulkanQueue {
    /// Its queue family index.
    pub family_index: u32,
    /// Its index within the family.
    pub index: u32,
    /// The queue.
    pub vk_queue: sys::VkQueue,
}

/// The host's Vulkan objects handed to Reel (`reel_vulkan_adoption_t`), for
/// [`Device::adopt`]. `Default` is `reel_vulkan_adoption_default()`: every handle null, which
/// Reel refuses; fill in the host's objects.
#[derive(Clone, Debug)]
pub struct VulkanAdoption {
    /// `REEL_DEVICE_FLAG_VALIDATION`: add Reel's own debug messenger (the host must have
    /// enabled VK_EXT_debug_utils).
    pub validation: bool,
    /// The host's vkGetInstanceProcAddr; `None` = the one of libvulkan.so.1.
    pub vk_get_instance_proc_addr: sys::PFN_vkGetInstanceProcAddr,
    /// The host's instance; required.
    pub vk_instance: sys::VkInstance,
    /// The physical device `vk_device` was made on; required.
    pub vk_physical_device: sys::VkPhysicalDevice,
    /// The host's device; required.
    pub vk_device: sys::VkDevice,
    /// `VkApplicationInfo.apiVersion` of the instance, at least 1.1; required.
    pub instance_api_version: u32,
    /// `REEL_VULKAN_FEATURE_*` bits the host enabled ([`sys`]`::reel_vulkan_feature_flags_t_*`);
    /// TIMELINE_SEMAPHORE and SYNCHRONIZATION2 are required.
    pub enabled_features: u32,
    /// The instance extensions the host enabled.
    pub instance_extensions: Vec<String>,
    /// The device extensions the host enabled.
    pub device_extensions: Vec<String>,
    /// The queues Reel may use, 1..64; at least one with graphics or compute.
    pub queues: Vec<VulkanQueue>,
    /// As [`DeviceDesc::max_frames_in_flight`].
    pub max_frames_in_flight: u32,
    /// As [`DeviceDesc::memory_block_size`].
    pub memory_block_size: u64,
    /// As [`DeviceDesc::empty_block_frames`].
    pub empty_block_frames: u32,
    /// As [`DeviceDesc::command_buffers_per_queue`].
    pub command_buffers_per_queue: u32,
}

impl Default for VulkanAdoption {
    fn default() -> VulkanAdoption {
        VulkanAdoption {
            validation: false,
            vk_get_instance_proc_addr: None,
            vk_instance: std::ptr::null_mut(),
            vk_physical_device: std::ptr::null_mut(),
            vk_device: std::ptr::null_mut(),
            instance_api_version: 0,
            enabled_features: 0,
            instance_extensions: Vec::new(),
            device_extensions: Vec::new(),
            queues: Vec::new(),
            max_frames_in_flight: 0,
            memory_block_size: 0,
            empty_block_frames: 0,
            command_buffers_per_queue: 0,
        }
    }
}

/// What Reel runs on a device (`reel_device_info_t`, public in `.0`), with its strings and
/// queue families read out.
#[derive(Clone, Copy)]
pub struct DeviceInfo(pub sys::reel_device_info_t);

impl DeviceInfo {
    /// `VkPhysicalDeviceProperties.deviceName` (e.g. "llvmpipe (LLVM 15.0.6, 256 bits)").
    pub fn device_name(&self) -> String {
        c_chars(&self.0.device_name)
    }

    /// `VkPhysicalDeviceVulkan12Properties.driverName` ("" before Vulkan 1.2).
    pub fn driver_name(&self) -> String {
        c_chars(&self.0.driver_name)
    }

    /// The queue family of Reel's queue for a role; `None` when the device has none (video
    /// queues on lavapipe).
    pub fn queue_family(&self, queue: GpuQueue) -> Option<u32> {
        u32::try_from(self.0.queue_family[queue.to_raw() as usize]).ok()
    }

    /// Whether the VkDevice is the host's (adopted).
    pub fn adopted(&self) -> bool {
        self.0.adopted != 0
    }

    /// Error-severity validation messages so far.
    pub fn validation_errors(&self) -> u64 {
        self.0.validation_errors
    }
}

impl std::fmt::Debug for DeviceInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceInfo")
            .field("device_name", &self.device_name())
            .field("driver_name", &self.driver_name())
            .field("api_version", &self.0.api_version)
            .field("adopted", &self.adopted())
            .field("validation", &(self.0.validation != 0))
            .field("validation_errors", &self.0.validation_errors)
            .field("frame", &self.0.frame)
            .finish()
    }
}

/// A fixed-size C string field of an info struct, up to its NUL.
fn c_chars(chars: &[std::os::raw::c_char]) -> String {
    let bytes: Vec<u8> = chars.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A GPU device Reel created or adopted (`reel_device_t`): the owner of every GPU object of
/// this module.
///
/// `Device` is a cheap handle: cloning it shares the same device (there is no retain in
/// reel_vulkan.h; the clones share one owner), and every object made on it (allocations,
/// buffer pools, DPBs, command buffers, GPU and queue timelines, video sessions) holds a
/// clone, so `reel_device_destroy` runs when the last of them is dropped. That keeps
/// reel_vulkan.h's rule that destroying a device must not race with other calls on it or its
/// objects, and that objects go before their device. The device in turn holds its
/// [`Context`].
#[derive(Clone)]
pub struct Device {
    inner: Arc<DeviceInner>,
}

struct DeviceInner {
    handle: sys::reel_device_t,
    context: Context,
    /// reel_device_begin_frame and reel_device_end_frame "belong to one thread at a time".
    frames: Mutex<()>,
}

// SAFETY: reel_vulkan.h, Threads: "Every function is safe from any thread". The exceptions
// are served here: reel_device_begin_frame/end_frame run under `frames`, one thread at a
// time; reel_device_destroy runs in DeviceInner's Drop, when no clone (and so no object of
// the device) is left.
unsafe impl Send for DeviceInner {}
// SAFETY: as for Send: the device's functions are internally synchronised.
unsafe impl Sync for DeviceInner {}

impl Drop for DeviceInner {
    fn drop(&mut self) {
        // SAFETY: ours; no clone and no object of the device is left, so nothing races it.
        unsafe { sys::reel_device_destroy(self.handle) };
    }
}

impl Device {
    /// A headless device of Reel's own (`reel_device_create`): a Vulkan instance and device,
    /// a queue per role, timeline semaphores and synchronization2 enabled.
    ///
    /// # Errors
    /// [`crate::ErrorCode::Unsupported`] without libvulkan.so.1, without a usable physical
    /// device (the message lists why each was refused), or with `validation` but no layer;
    /// [`crate::ErrorCode::InvalidArgument`] for a field out of range (the message names it,
    /// e.g. `desc->max_frames_in_flight`).
    pub fn create(context: &Context, desc: &DeviceDesc) -> Result<Device> {
        let name = desc.application_name.as_deref().map(|n| strings::c_string(n, "application_name")).transpose()?;
        let mut raw = crate::sized!(sys::reel_device_desc_t);
        raw.flags = device_flags(desc.validation, desc.no_video);
        raw.physical_device = desc.physical_device;
        raw.vulkan_api_version = desc.vulkan_api_version;
        raw.max_frames_in_flight = desc.max_frames_in_flight;
        raw.command_buffers_per_queue = desc.command_buffers_per_queue;
        raw.memory_block_size = desc.memory_block_size;
        raw.empty_block_frames = desc.empty_block_frames;
        raw.application_name = strings::c_ptr(&name);
        let mut handle: sys::reel_device_t = std::ptr::null_mut();
        // SAFETY: a live context; raw is complete and its name points into `name`, alive
        // during the call (Reel copies it); a valid out pointer.
        check(unsafe { sys::reel_device_create(context.as_raw(), &raw, &mut handle) })?;
        Ok(Device::owning(handle, context))
    }

    /// Reel on the host's VkInstance, VkPhysicalDevice, VkDevice and queues
    /// (`reel_device_adopt`). Reel creates only its own objects on them and never destroys
    /// the host's.
    ///
    /// # Safety
    /// The handles in `adoption` are live objects of one Vulkan instance, created with the
    /// versions, features and extensions it declares, and stay alive until this `Device`,
    /// every clone and every object made on it are dropped. The host does not submit to a
    /// queue it shares with Reel while a call on this device may submit (serialise the two).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a null handle or a count out of range,
    /// [`crate::ErrorCode::Unsupported`] when timeline semaphores or synchronization2 are not
    /// declared, or no queue has graphics or compute.
    pub unsafe fn adopt(context: &Context, adoption: &VulkanAdoption) -> Result<Device> {
        let names = |list: &[String], what: &str| -> Result<Vec<CString>> {
            list.iter().map(|name| strings::c_string(name, what)).collect()
        };
        let instance_extensions = names(&adoption.instance_extensions, "instance_extensions")?;
        let device_extensions = names(&adoption.device_extensions, "device_extensions")?;
        let instance_pointers: Vec<_> = instance_extensions.iter().map(|name| name.as_ptr()).collect();
        let device_pointers: Vec<_> = device_extensions.iter().map(|name| name.as_ptr()).collect();
        let queues: Vec<sys::reel_vulkan_queue_t> = adoption
            .queues
            .iter()
            .map(|queue| sys::reel_vulkan_queue_t { family_index: queue.family_index, index: queue.index, vk_queue: queue.vk_queue })
            .collect();
        let mut raw = crate::sized!(sys::reel_vulkan_adoption_t);
        raw.flags = device_flags(adoption.validation, false);
        raw.vk_get_instance_proc_addr = adoption.vk_get_instance_proc_addr;
        raw.vk_instance = adoption.vk_instance;
        raw.vk_physical_device = adoption.vk_physical_device;
        raw.vk_device = adoption.vk_device;
        raw.instance_api_version = adoption.instance_api_version;
        raw.enabled_features = adoption.enabled_features;
        raw.instance_extension_count = instance_pointers.len() as u32;
        raw.instance_extensions = instance_pointers.as_ptr();
        raw.device_extension_count = device_pointers.len() as u32;
        raw.device_extensions = device_pointers.as_ptr();
        raw.queue_count = queues.len() as u32;
        raw.queues = queues.as_ptr();
        raw.max_frames_in_flight = adoption.max_frames_in_flight;
        raw.memory_block_size = adoption.memory_block_size;
        raw.empty_block_frames = adoption.empty_block_frames;
        raw.command_buffers_per_queue = adoption.command_buffers_per_queue;
        let mut handle: sys::reel_device_t = std::ptr::null_mut();
        // SAFETY: a live context; the arrays and strings raw points into live until the call
        // returns (Reel copies them); the Vulkan handles are the caller's promise (# Safety).
        check(unsafe { sys::reel_device_adopt(context.as_raw(), &raw, &mut handle) })?;
        Ok(Device::owning(handle, context))
    }

    fn owning(handle: sys::reel_device_t, context: &Context) -> Device {
        Device { inner: Arc::new(DeviceInner { handle, context: context.clone(), frames: Mutex::new(()) }) }
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while this `Device` (or a
    /// clone, or an object made on it) lives.
    pub fn as_raw(&self) -> sys::reel_device_t {
        self.inner.handle
    }

    /// The context the device belongs to.
    pub fn context(&self) -> &Context {
        &self.inner.context
    }

    /// The Vulkan handles, queues per role and validation counts (`reel_device_get_info`).
    pub fn info(&self) -> Result<DeviceInfo> {
        let mut info = crate::sized!(sys::reel_device_info_t);
        // SAFETY: a live device and an info struct of the size it declares.
        check(unsafe { sys::reel_device_get_info(self.as_raw(), &mut info) })?;
        Ok(DeviceInfo(info))
    }

    /// The device's GPU memory counters, fragmentation and heaps
    /// (`reel_device_get_memory_stats`); cheap enough for every frame.
    pub fn memory_stats(&self) -> Result<sys::reel_gpu_memory_stats_t> {
        let mut stats = crate::sized!(sys::reel_gpu_memory_stats_t);
        // SAFETY: a live device and a stats struct of the size it declares.
        check(unsafe { sys::reel_device_get_memory_stats(self.as_raw(), &mut stats) })?;
        Ok(stats)
    }

    /// Backend `index` as seen from this device (`reel_backend_caps`): 0 "software", 1
    /// "vulkan" with this device's queue families, heaps and codec operations. Queries the
    /// driver: not for every frame.
    pub fn backend_caps(&self, index: u32) -> Result<sys::reel_backend_caps_t> {
        let mut caps = crate::sized!(sys::reel_backend_caps_t);
        // SAFETY: a live device and a caps struct of the size it declares.
        check(unsafe { sys::reel_backend_caps(self.as_raw(), index, &mut caps) })?;
        Ok(caps)
    }

    /// The timeline of a queue (`reel_device_get_queue_timeline`), signalled by every
    /// submission to it: wait on it, key [`super::GpuAllocation::free_after`] or
    /// [`crate::Buffer::release_after`] on it. The device owns it: dropping the returned
    /// value destroys nothing, and [`Timeline::signal`] refuses it (BadState).
    ///
    /// # Errors
    /// [`crate::ErrorCode::Unsupported`] when the device has no such queue.
    pub fn queue_timeline(&self, queue: GpuQueue) -> Result<Timeline> {
        let mut handle: sys::reel_timeline_t = std::ptr::null_mut();
        // SAFETY: a live device and a valid out pointer.
        check(unsafe { sys::reel_device_get_queue_timeline(self.as_raw(), queue.to_raw(), &mut handle) })?;
        Ok(Timeline { handle, owned: false, _context: self.context().clone(), gpu: Some(super::GpuTimelineState::new(self)) })
    }

    /// Begins the next frame once the frame `max_frames_in_flight` before it completed on
    /// every queue, then runs the deferred releases that are due (`reel_device_begin_frame`).
    /// Returns the frame number (1 for the first), or `None` when `timeout_ns` passed first
    /// (`u64::MAX` waits without limit).
    ///
    /// # Errors
    /// [`crate::ErrorCode::BadState`] when a frame is begun and not ended.
    pub fn begin_frame(&self, timeout_ns: u64) -> Result<Option<u64>> {
        let _one_thread = self.inner.frames.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let mut frame = 0u64;
        // SAFETY: a live device and a valid out pointer; `frames` keeps other threads out of
        // begin/end frame during the call.
        let status = check(unsafe { sys::reel_device_begin_frame(self.as_raw(), timeout_ns, &mut frame) })?;
        Ok((status == sys::reel_result_t_REEL_SUCCESS).then_some(frame))
    }

    /// Ends the begun frame (`reel_device_end_frame`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::BadState`] when no frame is begun.
    pub fn end_frame(&self) -> Result<()> {
        let _one_thread = self.inner.frames.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // SAFETY: a live device; `frames` serialises begin/end frame.
        check(unsafe { sys::reel_device_end_frame(self.as_raw()) }).map(drop)
    }
}

impl std::fmt::Debug for Device {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Device").field(&self.inner.handle).finish()
    }
}

/// `reel_device_flags_t` bits from [`DeviceDesc`]'s switches.
fn device_flags(validation: bool, no_video: bool) -> u32 {
    super::flag_bits(&[
        (validation, sys::reel_device_flags_t_REEL_DEVICE_FLAG_VALIDATION),
        (no_video, sys::reel_device_flags_t_REEL_DEVICE_FLAG_NO_VIDEO),
    ])
}
