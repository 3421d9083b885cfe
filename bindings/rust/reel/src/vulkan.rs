//! **Not wrapped yet: the Vulkan objects.**
//!
//! GPU devices (created or adopted from the host's `VkDevice`), GPU memory and buffer pools,
//! DPBs, command buffers and frames in flight, queue timelines and video sessions are
//! declared in section 13 of `reel.h` today and move to `include/reel_vulkan.h` with the
//! header split (reel-sys then generates them with Vulkan's own types, feature `vulkan`).
//! Safe wrappers for them belong here once that header is on main, so that they are written
//! once against their final signatures. Until then they are reachable, unsafely, through
//! [`crate::sys`] (`reel_device_create`, `reel_gpu_buffer_create`, ...), and CPU timelines,
//! which stay in `reel.h`, are wrapped by [`crate::Timeline`].
