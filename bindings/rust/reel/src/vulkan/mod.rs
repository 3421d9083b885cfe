//! The Vulkan backend (`include/reel_vulkan.h`, feature `vulkan`): GPU devices, suballocated
//! GPU memory, GPU buffer pools, decoded picture buffers, command buffers and frames, GPU and
//! queue timelines, and video sessions, as owned values.
//!
//! - [`Device`] is created by Reel ([`Device::create`], headless) or adopted from the host's
//!   VkInstance / VkPhysicalDevice / VkDevice ([`Device::adopt`], `unsafe`: the host vouches
//!   for its handles). `Clone` shares it; every object made on it holds a clone, so the
//!   device is destroyed after its last object, and its [`crate::Context`] after it.
//! - [`GpuAllocation`] (a buffer or image in suballocated memory, or a pooled GPU buffer),
//!   [`GpuBufferPool`], [`Dpb`] and [`VideoSession`] free or destroy their object on drop.
//!   reel_vulkan.h has no retain for them, so none is `Clone`: each has one owner.
//! - [`CommandBuffer`] is a command buffer of one of Reel's queues, recorded by the host's
//!   own Vulkan calls and consumed by [`CommandBuffer::submit`], which returns the queue
//!   timeline value of its completion.
//! - GPU timelines ([`crate::Timeline::gpu`]) and queue timelines ([`Device::queue_timeline`])
//!   are [`crate::Timeline`]s: wait on them, signal GPU ones, key
//!   [`GpuAllocation::free_after`] and [`crate::Buffer::release_after`] on them.
//! - A [`crate::MovieWriter`] records the host's rendered VkImages on a device
//!   ([`crate::MovieWriter::attach_vk_device`], then `unsafe`
//!   [`crate::MovieWriter::write_vk_image`] per frame with a [`VkImageFrame`]); it keeps the
//!   device until it ended.
//! - Vulkan objects cross with the types `reel-sys` generates from `<vulkan/vulkan_core.h>`
//!   (`sys::VkDevice`, `sys::VkBuffer`, `sys::VkFormat`, ...); they stay Reel's: never destroy
//!   them. Work the host records on them is the host's to keep alive until it completed.
//! - Every type is `Send` and `Sync` (reel_vulkan.h: "Every function is safe from any
//!   thread") except [`CommandBuffer`], which is only `Send` ("a command buffer is recorded by
//!   one thread at a time"); [`Device::begin_frame`] and [`Device::end_frame`] are serialised
//!   by the device ("belong to one thread at a time").
//!
//! Without libvulkan.so.1, or without a usable device, [`Device::create`] fails with
//! [`crate::ErrorCode::Unsupported`] and the reason; the rest of Reel works. On Mesa's
//! lavapipe everything but video sessions and video DPBs works.
//!
//! ```
//! # fn main() -> reel::Result<()> {
//! use reel::vulkan::{Device, DeviceDesc, GpuBufferPool, GpuBufferPoolDesc, GpuBufferPoolKind, GpuQueue};
//! use reel::Context;
//!
//! let context = Context::new()?;
//! let device = Device::create(&context, &DeviceDesc { validation: true, ..DeviceDesc::default() });
//! # let device = match device {
//! #     Err(e) if e.code() == reel::ErrorCode::Unsupported => { eprintln!("skipped: {e}"); return Ok(()) }
//! #     other => other,
//! # };
//! let device = device?;
//! println!("{:?}", device.info()?);
//! let uploads = GpuBufferPool::new(&device, &GpuBufferPoolDesc::new(GpuBufferPoolKind::Staging))?;
//! let transfers = device.queue_timeline(GpuQueue::Transfer)?;
//! for _ in 0..3 {
//!     device.begin_frame(u64::MAX)?;
//!     let mut staging = uploads.acquire(4096)?;
//!     staging.bytes_mut()?.fill(0x80);
//!     staging.flush(0, u64::MAX)?;
//!     let commands = device.begin_commands(GpuQueue::Transfer)?;
//!     // ... record vkCmdCopyBuffer from staging.info()?.vk_buffer (the host's Vulkan calls) ...
//!     let done = commands.submit(&Default::default())?;
//!     staging.free_after(&transfers, done)?; // back to the pool once the copy completed
//!     device.end_frame()?;
//!     context.advance_frame()?;
//! }
//! let stats = uploads.stats()?;
//! assert_eq!(stats.acquires, 3);
//! assert!(stats.created <= 3, "a buffer whose copy completed is handed out again");
//! # Ok(()) }
//! ```
mod buffer_pool;
mod commands;
mod device;
mod dpb;
mod memory;
mod recording;
mod timelines;
mod video_session;

pub use buffer_pool::{GpuBufferPool, GpuBufferPoolDesc, GpuBufferPoolKind};
pub use commands::{CommandBuffer, GpuSignal, GpuSubmit, GpuWait, SubmitError};
pub use device::{Device, DeviceDesc, DeviceInfo, GpuQueue, VulkanAdoption, VulkanQueue};
pub use dpb::{Dpb, DpbDesc};
pub use memory::{GpuAllocation, GpuBufferDesc, GpuImageDesc, GpuMemoryUsage};
pub use recording::VkImageFrame;
pub(crate) use timelines::GpuTimelineState;
pub use video_session::{VideoCodecOp, VideoSessionDesc, VideoSession};

/// The flag word of a descriptor's switches: the bit of each switch that is on. The Rust
/// descriptors spell `*_flags_t` bits as `bool` fields.
fn flag_bits(switches: &[(bool, u32)]) -> u32 {
    switches.iter().filter(|(on, _)| *on).fold(0, |flags, (_, bit)| flags | bit)
}
