//! Command buffers of Reel's queues and their submission with timeline waits and signals
//! (reel_vulkan.h section 5).
use super::device::{Device, GpuQueue};
use crate::error::{check, Error, Result};
use crate::timeline::Timeline;
use reel_sys as sys;
use std::fmt;

/// A timeline value a submission waits for (`reel_gpu_wait_t`).
#[derive(Clone, Copy)]
pub struct GpuWait<'a> {
    /// A GPU or queue timeline of the same device.
    pub timeline: &'a Timeline,
    /// The value to wait for.
    pub value: u64,
    /// `VkPipelineStageFlags2` that wait; 0 = ALL_COMMANDS.
    pub vk_stage_mask: sys::VkPipelineStageFlags2,
}

/// A timeline value a submission signals when its commands complete (`reel_gpu_signal_t`).
#[derive(Clone, Copy)]
pub struct GpuSignal<'a> {
    /// A GPU timeline of the same device (not a queue timeline).
    pub timeline: &'a Timeline,
    /// Above its current value and every pending signal.
    pub value: u64,
}

/// What a submission waits for and signals besides its queue's timeline (`reel_gpu_submit_t`).
/// `Default` is `reel_gpu_submit_default()`: nothing.
#[derive(Clone, Copy, Default)]
pub struct GpuSubmit<'a> {
    /// 0..32 waits.
    pub waits: &'a [GpuWait<'a>],
    /// 0..32 signals.
    pub signals: &'a [GpuSignal<'a>],
}

/// A primary command buffer of one of Reel's queues, begun with ONE_TIME_SUBMIT
/// ([`Device::begin_commands`]). Record into [`CommandBuffer::as_raw`] with the host's own
/// Vulkan calls, then [`CommandBuffer::submit`] it. The VkCommandBuffer is Reel's: never
/// free or reset it.
///
/// Dropping one unsubmitted abandons it: reel_vulkan.h has no call to give a begun buffer
/// back without submitting it, and submitting what was recorded behind the host's back
/// could run commands on resources already freed. It stays with the device (one of its
/// `command_buffers_per_queue`) until the device is destroyed.
pub struct CommandBuffer {
    handle: sys::VkCommandBuffer,
    queue: GpuQueue,
    device: Device,
}

// SAFETY: reel_vulkan.h, Threads: "a command buffer is recorded by one thread at a time";
// moving it to another thread is allowed. It is not Sync: two threads sharing it could
// record at once.
unsafe impl Send for CommandBuffer {}

impl Device {
    /// A command buffer of `queue` (`reel_command_buffer_begin`): one whose last submission
    /// completed, or a new one.
    ///
    /// # Errors
    /// [`crate::ErrorCode::Unsupported`] when the device has no such queue,
    /// [`crate::ErrorCode::LimitReached`] when all `command_buffers_per_queue` are recording
    /// or in flight.
    pub fn begin_commands(&self, queue: GpuQueue) -> Result<CommandBuffer> {
        let mut handle: sys::VkCommandBuffer = std::ptr::null_mut();
        // SAFETY: a live device and a valid out pointer.
        check(unsafe { sys::reel_command_buffer_begin(self.as_raw(), queue.to_raw(), &mut handle) })?;
        Ok(CommandBuffer { handle, queue, device: self.clone() })
    }
}

impl CommandBuffer {
    /// The VkCommandBuffer to record into (from one thread: `&mut self`).
    pub fn as_raw(&mut self) -> sys::VkCommandBuffer {
        self.handle
    }

    /// The queue it will be submitted to.
    pub fn queue(&self) -> GpuQueue {
        self.queue
    }

    /// Ends and submits it (`reel_command_buffer_submit`), waiting for and signalling the
    /// timelines of `submit` and signalling the queue timeline's next value, which it returns:
    /// wait for it on [`Device::queue_timeline`] or free resources after it.
    ///
    /// # Errors
    /// A [`SubmitError`] (which converts into [`Error`] with `?`):
    /// [`crate::ErrorCode::InvalidArgument`] for more than 32 waits or signals, a CPU
    /// timeline, a timeline of another device or a queue timeline to signal; the command
    /// buffer is then still recording and comes back in the error, to submit again.
    pub fn submit(self, submit: &GpuSubmit<'_>) -> std::result::Result<u64, SubmitError> {
        let waits: Vec<sys::reel_gpu_wait_t> = submit
            .waits
            .iter()
            .map(|wait| sys::reel_gpu_wait_t { timeline: wait.timeline.as_raw(), value: wait.value, vk_stage_mask: wait.vk_stage_mask })
            .collect();
        let signals: Vec<sys::reel_gpu_signal_t> =
            submit.signals.iter().map(|signal| sys::reel_gpu_signal_t { timeline: signal.timeline.as_raw(), value: signal.value }).collect();
        let mut raw = crate::sized!(sys::reel_gpu_submit_t);
        raw.wait_count = waits.len() as u32;
        raw.waits = waits.as_ptr();
        raw.signal_count = signals.len() as u32;
        raw.signals = signals.as_ptr();
        let mut value = 0u64;
        // SAFETY: a live device, a command buffer begun on it and not submitted (this value
        // owns it and is consumed), arrays alive during the call, a valid out pointer.
        let result = unsafe { sys::reel_command_buffer_submit(self.device.as_raw(), self.handle, &raw, &mut value) };
        if result < 0 {
            let error = Error::last(result);
            // Reel keeps the buffer recording on an invalid argument other than the buffer,
            // and frees it on device loss or out of memory.
            let still_recording = result == sys::reel_result_t_REEL_ERROR_INVALID_ARGUMENT
                || result == sys::reel_result_t_REEL_ERROR_INVALID_HANDLE
                || result == sys::reel_result_t_REEL_ERROR_INCOMPATIBLE_VERSION;
            return Err(SubmitError { error, commands: still_recording.then_some(self) });
        }
        // The timelines must outlive this submission: note it where they can see it on drop.
        if submit.waits.is_empty() && submit.signals.is_empty() {
            return Ok(value);
        }
        if let Ok(queue_timeline) = self.device.queue_timeline(self.queue) {
            let used = submit.waits.iter().map(|wait| wait.timeline).chain(submit.signals.iter().map(|signal| signal.timeline));
            for timeline in used {
                if let Some(gpu) = &timeline.gpu {
                    gpu.used_until(queue_timeline.as_raw(), value);
                }
            }
        }
        Ok(value)
    }
}

impl fmt::Debug for CommandBuffer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CommandBuffer").field("handle", &self.handle).field("queue", &self.queue).finish()
    }
}

/// A failed [`CommandBuffer::submit`]: the [`Error`], and the command buffer when Reel left
/// it recording (a bad argument), to submit again with corrected arguments.
pub struct SubmitError {
    error: Error,
    commands: Option<CommandBuffer>,
}

impl SubmitError {
    /// What went wrong.
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The command buffer, still recording, when it may be submitted again.
    pub fn into_commands(self) -> Option<CommandBuffer> {
        self.commands
    }
}

impl From<SubmitError> for Error {
    fn from(error: SubmitError) -> Error {
        error.error
    }
}

impl fmt::Debug for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SubmitError").field("error", &self.error).field("still_recording", &self.commands.is_some()).finish()
    }
}

impl fmt::Display for SubmitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.error, f)
    }
}

impl std::error::Error for SubmitError {}
