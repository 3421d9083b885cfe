//! GPU buffers and images in Reel's suballocated device memory (reel_vulkan.h section 2).
use super::device::Device;
use crate::error::{check, Result};
use crate::timeline::Timeline;
use reel_sys as sys;
use std::mem::ManuallyDrop;
use std::os::raw::c_void;

/// What GPU memory is for; decides its memory type (`reel_gpu_memory_usage_t`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum GpuMemoryUsage {
    /// `REEL_GPU_MEMORY_DEVICE_LOCAL` (the default): only the GPU touches it.
    #[default]
    DeviceLocal,
    /// `REEL_GPU_MEMORY_UPLOAD`: the CPU writes, the GPU reads (host-visible).
    Upload,
    /// `REEL_GPU_MEMORY_READBACK`: the GPU writes, the CPU reads (host-visible, cached).
    Readback,
}

impl GpuMemoryUsage {
    fn to_raw(self) -> sys::reel_gpu_memory_usage_t {
        match self {
            GpuMemoryUsage::DeviceLocal => sys::reel_gpu_memory_usage_t_REEL_GPU_MEMORY_DEVICE_LOCAL,
            GpuMemoryUsage::Upload => sys::reel_gpu_memory_usage_t_REEL_GPU_MEMORY_UPLOAD,
            GpuMemoryUsage::Readback => sys::reel_gpu_memory_usage_t_REEL_GPU_MEMORY_READBACK,
        }
    }
}

/// `reel_gpu_allocation_flags_t` bits from a descriptor's switches.
fn allocation_flags(dedicated: bool, dpb: bool) -> u32 {
    super::flag_bits(&[
        (dedicated, sys::reel_gpu_allocation_flags_t_REEL_GPU_ALLOCATION_FLAG_DEDICATED),
        (dpb, sys::reel_gpu_allocation_flags_t_REEL_GPU_ALLOCATION_FLAG_DPB),
    ])
}

/// A buffer to create (`reel_gpu_buffer_desc_t`). `size` and `vk_usage` are required, so
/// there is no `Default`: [`GpuBufferDesc::new`] sets them and leaves the rest at
/// `reel_gpu_buffer_desc_default()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GpuBufferDesc {
    /// Where it lives; default device-local.
    pub memory_usage: GpuMemoryUsage,
    /// Bytes, 1 to 2^40.
    pub size: u64,
    /// `VkBufferUsageFlags` (e.g. [`sys`]`::VkBufferUsageFlagBits_VK_BUFFER_USAGE_TRANSFER_SRC_BIT`), non-zero.
    pub vk_usage: sys::VkBufferUsageFlags,
    /// `REEL_GPU_ALLOCATION_FLAG_DEDICATED`: its own VkDeviceMemory whatever its size.
    pub dedicated: bool,
    /// `REEL_GPU_ALLOCATION_FLAG_DPB`: charged to REEL_MEMORY_DPB instead of REEL_MEMORY_DEVICE.
    pub dpb: bool,
}

impl GpuBufferDesc {
    /// A device-local buffer of `size` bytes with `vk_usage`.
    pub fn new(size: u64, vk_usage: sys::VkBufferUsageFlags) -> GpuBufferDesc {
        GpuBufferDesc { memory_usage: GpuMemoryUsage::DeviceLocal, size, vk_usage, dedicated: false, dpb: false }
    }

    /// The same with another memory usage.
    pub fn memory_usage(mut self, usage: GpuMemoryUsage) -> GpuBufferDesc {
        self.memory_usage = usage;
        self
    }
}

/// A 2D image to create (`reel_gpu_image_desc_t`). Format, extent and usage are required:
/// [`GpuImageDesc::new`] sets them and leaves the rest at `reel_gpu_image_desc_default()`
/// (device-local, one layer, one mip level, optimal tiling).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GpuImageDesc {
    /// Where it lives; default device-local.
    pub memory_usage: GpuMemoryUsage,
    /// Not `VK_FORMAT_UNDEFINED`.
    pub vk_format: sys::VkFormat,
    /// Pixels, 1..16384.
    pub width: u32,
    /// Pixels, 1..16384.
    pub height: u32,
    /// 1..2048; 0 = 1.
    pub array_layers: u32,
    /// 1..16; 0 = 1.
    pub mip_levels: u32,
    /// `VkImageUsageFlags`, non-zero.
    pub vk_usage: sys::VkImageUsageFlags,
    /// `VK_IMAGE_TILING_OPTIMAL` (0, the default) or `VK_IMAGE_TILING_LINEAR`.
    pub vk_tiling: sys::VkImageTiling,
    /// `REEL_GPU_ALLOCATION_FLAG_DEDICATED`.
    pub dedicated: bool,
    /// `REEL_GPU_ALLOCATION_FLAG_DPB`.
    pub dpb: bool,
}

impl GpuImageDesc {
    /// A device-local, optimally tiled `width` x `height` image of `vk_format` with `vk_usage`.
    pub fn new(vk_format: sys::VkFormat, width: u32, height: u32, vk_usage: sys::VkImageUsageFlags) -> GpuImageDesc {
        GpuImageDesc {
            memory_usage: GpuMemoryUsage::DeviceLocal,
            vk_format,
            width,
            height,
            array_layers: 0,
            mip_levels: 0,
            vk_usage,
            vk_tiling: 0,
            dedicated: false,
            dpb: false,
        }
    }
}

/// A GPU buffer or image with its memory, or a buffer of a [`super::GpuBufferPool`]
/// (`reel_gpu_allocation_t`). Dropping it frees it at once (`reel_gpu_allocation_free`; a
/// pooled buffer goes back to its pool); [`GpuAllocation::free_after`] frees it once a
/// timeline reaches a value instead.
///
/// The Vulkan objects it reports (VkBuffer, VkImage, VkDeviceMemory) are Reel's: never
/// destroy them. Work recorded on them is the host's (through its own Vulkan calls): keep
/// the allocation until that work completed, or hand it to `free_after` with the value of
/// the submission.
pub struct GpuAllocation {
    handle: sys::reel_gpu_allocation_t,
    device: Device,
}

// SAFETY: reel_vulkan.h, Threads: every function is safe from any thread. The mapped bytes
// are reachable mutably only through &mut self.
unsafe impl Send for GpuAllocation {}
// SAFETY: as for Send: &self gives info, flush/invalidate and read-only bytes.
unsafe impl Sync for GpuAllocation {}

impl GpuAllocation {
    /// A VkBuffer bound to memory of the usage's type (`reel_gpu_buffer_create`).
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a size of 0 or above 2^40 or a `vk_usage`
    /// of 0 (the message names `desc->size` / `desc->vk_usage`),
    /// [`crate::ErrorCode::OutOfMemory`] when every suitable heap is full.
    pub fn buffer(device: &Device, desc: &GpuBufferDesc) -> Result<GpuAllocation> {
        let mut raw = crate::sized!(sys::reel_gpu_buffer_desc_t);
        raw.memory_usage = desc.memory_usage.to_raw();
        raw.size = desc.size;
        raw.vk_usage = desc.vk_usage;
        raw.flags = allocation_flags(desc.dedicated, desc.dpb);
        let mut handle: sys::reel_gpu_allocation_t = std::ptr::null_mut();
        // SAFETY: a live device, a complete description without pointers, a valid out pointer.
        check(unsafe { sys::reel_gpu_buffer_create(device.as_raw(), &raw, &mut handle) })?;
        // SAFETY: just created; the handle is ours alone.
        Ok(unsafe { GpuAllocation::from_raw(handle, device) })
    }

    /// A 2D VkImage bound to memory of the usage's type, after the driver confirmed it
    /// supports it (`reel_gpu_image_create`).
    ///
    /// # Errors
    /// As [`GpuAllocation::buffer`]; [`crate::ErrorCode::Unsupported`] when the device does
    /// not support the format with that tiling, usage, extent or layers.
    pub fn image(device: &Device, desc: &GpuImageDesc) -> Result<GpuAllocation> {
        let mut raw = crate::sized!(sys::reel_gpu_image_desc_t);
        raw.memory_usage = desc.memory_usage.to_raw();
        raw.vk_format = desc.vk_format;
        raw.width = desc.width;
        raw.height = desc.height;
        raw.array_layers = desc.array_layers;
        raw.mip_levels = desc.mip_levels;
        raw.vk_usage = desc.vk_usage;
        raw.vk_tiling = desc.vk_tiling;
        raw.flags = allocation_flags(desc.dedicated, desc.dpb);
        let mut handle: sys::reel_gpu_allocation_t = std::ptr::null_mut();
        // SAFETY: as buffer().
        check(unsafe { sys::reel_gpu_image_create(device.as_raw(), &raw, &mut handle) })?;
        // SAFETY: just created; the handle is ours alone.
        Ok(unsafe { GpuAllocation::from_raw(handle, device) })
    }

    /// Takes ownership of an allocation.
    ///
    /// # Safety
    /// `handle` is a live allocation of `device` that nothing else frees.
    pub(crate) unsafe fn from_raw(handle: sys::reel_gpu_allocation_t, device: &Device) -> GpuAllocation {
        GpuAllocation { handle, device: device.clone() }
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while this value lives.
    pub fn as_raw(&self) -> sys::reel_gpu_allocation_t {
        self.handle
    }

    /// The device it lives on.
    pub fn device(&self) -> &Device {
        &self.device
    }

    /// Its VkBuffer or VkImage, memory, offset, size and mapping
    /// (`reel_gpu_allocation_get_info`).
    pub fn info(&self) -> Result<sys::reel_gpu_allocation_info_t> {
        let mut info = crate::sized!(sys::reel_gpu_allocation_info_t);
        // SAFETY: a live allocation and an info struct of the size it declares.
        check(unsafe { sys::reel_gpu_allocation_get_info(self.handle, &mut info) })?;
        Ok(info)
    }

    /// The host address of its first byte (`reel_gpu_allocation_map`); memory stays mapped
    /// for the allocation's life.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] when its memory is not host-visible.
    pub fn map(&self) -> Result<*mut c_void> {
        let mut pointer: *mut c_void = std::ptr::null_mut();
        // SAFETY: a live allocation and a valid out pointer.
        check(unsafe { sys::reel_gpu_allocation_map(self.handle, &mut pointer) })?;
        Ok(pointer)
    }

    /// The bytes of a mapped buffer (its `resource_size`; for an image, the bytes reserved),
    /// to read after the GPU work that wrote them completed and [`GpuAllocation::invalidate`].
    ///
    /// # Errors
    /// As [`GpuAllocation::map`].
    pub fn bytes(&self) -> Result<&[u8]> {
        let (pointer, length) = self.mapped()?;
        // SAFETY: `length` mapped bytes of this allocation, alive while it is (borrowed by
        // the slice); no &mut slice exists while &self is borrowed. GPU writes in flight are
        // excluded by the host's duty to free or touch memory only after its work completed.
        Ok(unsafe { std::slice::from_raw_parts(pointer as *const u8, length) })
    }

    /// The bytes of a mapped buffer, writable; [`GpuAllocation::flush`] after writing.
    ///
    /// # Errors
    /// As [`GpuAllocation::map`].
    pub fn bytes_mut(&mut self) -> Result<&mut [u8]> {
        let (pointer, length) = self.mapped()?;
        // SAFETY: as bytes(), and &mut self makes the slice the only access for its borrow.
        Ok(unsafe { std::slice::from_raw_parts_mut(pointer as *mut u8, length) })
    }

    fn mapped(&self) -> Result<(*mut c_void, usize)> {
        let pointer = self.map()?;
        let info = self.info()?;
        let length = if info.resource_size != 0 { info.resource_size } else { info.size };
        Ok((pointer, length as usize))
    }

    /// Makes host writes to `[offset, offset + size)` visible to the device
    /// (`reel_gpu_allocation_flush`; `u64::MAX` = to the end). Nothing for coherent memory.
    pub fn flush(&self, offset: u64, size: u64) -> Result<()> {
        // SAFETY: a live allocation.
        check(unsafe { sys::reel_gpu_allocation_flush(self.handle, offset, size) }).map(drop)
    }

    /// Makes device writes to `[offset, offset + size)` visible to the host
    /// (`reel_gpu_allocation_invalidate`), after the work that wrote them completed.
    pub fn invalidate(&self, offset: u64, size: u64) -> Result<()> {
        // SAFETY: a live allocation.
        check(unsafe { sys::reel_gpu_allocation_invalidate(self.handle, offset, size) }).map(drop)
    }

    /// Frees it once `timeline` reaches `value` (`reel_gpu_allocation_free_after`): at once if
    /// it has, else at a later `begin_frame` / `advance_frame` after it does, or with the
    /// device. Use the value a submission returned on its queue timeline.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidHandle`] if Reel refuses the timeline; the GPU may still
    /// use the allocation then, so it is left to the device (freed when the device is
    /// destroyed, which Reel logs as a warning) rather than freed now.
    pub fn free_after(self, timeline: &Timeline, value: u64) -> Result<()> {
        let this = ManuallyDrop::new(self);
        // SAFETY: a live allocation and timeline; on success the allocation passes to Reel.
        let result = check(unsafe { sys::reel_gpu_allocation_free_after(this.handle, timeline.as_raw(), value) });
        // SAFETY: moves the device clone out of a value whose Drop never runs (ManuallyDrop),
        // so it is dropped exactly once, here.
        drop(unsafe { std::ptr::read(&this.device) });
        result.map(drop)
    }
}

impl Drop for GpuAllocation {
    fn drop(&mut self) {
        // SAFETY: ours, freed once; the device is alive (self.device).
        unsafe { sys::reel_gpu_allocation_free(self.handle) };
    }
}

impl std::fmt::Debug for GpuAllocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("GpuAllocation").field(&self.handle).finish()
    }
}
