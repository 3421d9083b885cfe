//! Pools of GPU buffers for bitstreams, staging and readback (reel_vulkan.h section 3).
use super::device::Device;
use super::memory::GpuAllocation;
use super::video_session::VideoCodecOp;
use crate::error::{check, Result};
use crate::strings;
use reel_sys as sys;

/// What a GPU buffer pool's buffers are for (`reel_gpu_buffer_pool_kind_t`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GpuBufferPoolKind {
    /// `REEL_GPU_BUFFER_POOL_STAGING`: uploads (UPLOAD memory, TRANSFER_SRC).
    Staging,
    /// `REEL_GPU_BUFFER_POOL_READBACK`: readback (READBACK memory, TRANSFER_DST).
    Readback,
    /// `REEL_GPU_BUFFER_POOL_DECODE_BITSTREAM`: bitstreams to decode.
    DecodeBitstream,
    /// `REEL_GPU_BUFFER_POOL_ENCODE_BITSTREAM`: encoded bitstreams.
    EncodeBitstream,
}

impl GpuBufferPoolKind {
    fn to_raw(self) -> sys::reel_gpu_buffer_pool_kind_t {
        match self {
            GpuBufferPoolKind::Staging => sys::reel_gpu_buffer_pool_kind_t_REEL_GPU_BUFFER_POOL_STAGING,
            GpuBufferPoolKind::Readback => sys::reel_gpu_buffer_pool_kind_t_REEL_GPU_BUFFER_POOL_READBACK,
            GpuBufferPoolKind::DecodeBitstream => sys::reel_gpu_buffer_pool_kind_t_REEL_GPU_BUFFER_POOL_DECODE_BITSTREAM,
            GpuBufferPoolKind::EncodeBitstream => sys::reel_gpu_buffer_pool_kind_t_REEL_GPU_BUFFER_POOL_ENCODE_BITSTREAM,
        }
    }
}

/// How to create a GPU buffer pool (`reel_gpu_buffer_pool_desc_t`). The kind is required:
/// [`GpuBufferPoolDesc::new`] sets it and leaves every other field at
/// `reel_gpu_buffer_pool_desc_default()` (classes of 64 KiB to 16 MiB, 16 per class, never
/// trimmed, any codec operation, no alignment, "gpu buffers").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GpuBufferPoolDesc {
    /// What the buffers are for.
    pub kind: GpuBufferPoolKind,
    /// Smallest class, a power of two from 4 KiB to 1 GiB; 0 = 64 KiB.
    pub min_class_size: u64,
    /// Largest class, a power of two from `min_class_size` to 1 GiB; 0 = 16 MiB.
    pub max_class_size: u64,
    /// Buffers per class at most, 1..4096; 0 = 16.
    pub max_per_class: u32,
    /// Idle buffers unused this many frames of the context's frame clock are destroyed; 0 = never.
    pub trim_idle_frames: u32,
    /// Bitstream kinds: the one operation served, or `None` for any the device supports in
    /// that direction; `None` for staging and readback.
    pub codec_operation: Option<VideoCodecOp>,
    /// Data offsets should be multiples of this, a power of two up to 4096; 0 = 1.
    pub offset_alignment: u32,
    /// Acquired sizes are rounded up to this, a power of two up to 4096; 0 = 1.
    pub size_alignment: u32,
    /// Label in logs, at most 63 bytes; `None` = "gpu buffers".
    pub name: Option<String>,
}

impl GpuBufferPoolDesc {
    /// A pool of `kind` with every other setting at its default.
    pub fn new(kind: GpuBufferPoolKind) -> GpuBufferPoolDesc {
        GpuBufferPoolDesc {
            kind,
            min_class_size: 0,
            max_class_size: 0,
            max_per_class: 0,
            trim_idle_frames: 0,
            codec_operation: None,
            offset_alignment: 0,
            size_alignment: 0,
            name: None,
        }
    }
}

/// A pool of GPU buffers in power-of-two size classes (`reel_gpu_buffer_pool_t`), handed
/// out oldest-released first. Dropping it destroys it (`reel_gpu_buffer_pool_destroy`): idle
/// buffers at once; buffers still out stay valid and are destroyed when freed.
pub struct GpuBufferPool {
    handle: sys::reel_gpu_buffer_pool_t,
    device: Device,
}

// SAFETY: reel_vulkan.h, Threads: every function is safe from any thread; destroy runs in
// Drop, which has the pool to itself.
unsafe impl Send for GpuBufferPool {}
// SAFETY: as for Send: acquire and stats may run from several threads at once.
unsafe impl Sync for GpuBufferPool {}

impl GpuBufferPool {
    /// Creates a pool (`reel_gpu_buffer_pool_create`); no buffer exists before the first acquire.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a size, count or alignment out of range or a
    /// codec operation on a staging/readback pool (the message names the field),
    /// [`crate::ErrorCode::Unsupported`] for an operation the device cannot run.
    pub fn new(device: &Device, desc: &GpuBufferPoolDesc) -> Result<GpuBufferPool> {
        let name = desc.name.as_deref().map(|n| strings::c_string(n, "name")).transpose()?;
        let mut raw = crate::sized!(sys::reel_gpu_buffer_pool_desc_t);
        raw.kind = desc.kind.to_raw();
        raw.min_class_size = desc.min_class_size;
        raw.max_class_size = desc.max_class_size;
        raw.max_per_class = desc.max_per_class;
        raw.trim_idle_frames = desc.trim_idle_frames;
        raw.codec_operation = desc.codec_operation.map_or(0, VideoCodecOp::to_raw);
        raw.offset_alignment = desc.offset_alignment;
        raw.size_alignment = desc.size_alignment;
        raw.name = strings::c_ptr(&name);
        let mut handle: sys::reel_gpu_buffer_pool_t = std::ptr::null_mut();
        // SAFETY: a live device; raw is complete and its name points into `name`, alive
        // during the call (Reel copies it); a valid out pointer.
        check(unsafe { sys::reel_gpu_buffer_pool_create(device.as_raw(), &raw, &mut handle) })?;
        Ok(GpuBufferPool { handle, device: device.clone() })
    }

    /// The raw handle, for calls through [`crate::sys`]; valid while the pool lives.
    pub fn as_raw(&self) -> sys::reel_gpu_buffer_pool_t {
        self.handle
    }

    /// A buffer of the smallest class holding `size` bytes (`reel_gpu_buffer_pool_acquire`);
    /// dropping it (or [`GpuAllocation::free_after`]) gives it back.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for 0 or more than the largest class,
    /// [`crate::ErrorCode::LimitReached`] when every buffer of the class is out.
    pub fn acquire(&self, size: u64) -> Result<GpuAllocation> {
        let mut handle: sys::reel_gpu_allocation_t = std::ptr::null_mut();
        // SAFETY: a live pool and a valid out pointer.
        check(unsafe { sys::reel_gpu_buffer_pool_acquire(self.handle, size, &mut handle) })?;
        // SAFETY: a buffer just handed out is the caller's alone until freed.
        Ok(unsafe { GpuAllocation::from_raw(handle, &self.device) })
    }

    /// The pool's counters (`reel_gpu_buffer_pool_get_stats`).
    pub fn stats(&self) -> Result<sys::reel_gpu_buffer_pool_stats_t> {
        let mut stats = crate::sized!(sys::reel_gpu_buffer_pool_stats_t);
        // SAFETY: a live pool and a stats struct of the size it declares.
        check(unsafe { sys::reel_gpu_buffer_pool_get_stats(self.handle, &mut stats) })?;
        Ok(stats)
    }
}

impl Drop for GpuBufferPool {
    fn drop(&mut self) {
        // SAFETY: ours, destroyed once, exclusively; its device is alive (self.device).
        unsafe { sys::reel_gpu_buffer_pool_destroy(self.handle) };
    }
}
