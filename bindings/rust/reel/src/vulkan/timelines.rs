//! GPU timelines (Vulkan timeline semaphores of a device) and what keeps them alive while
//! submissions use them (reel.h section 13.2, reel_vulkan.h section 5).
use super::device::Device;
use crate::error::{check, Result};
use crate::timeline::Timeline;
use reel_sys as sys;
use std::sync::Mutex;

/// How long dropping a GPU timeline waits for the submissions that use it before leaving it
/// to its device: a submission may wait for a value nobody will signal, and a drop must not
/// hang on it.
const DROP_WAIT_NS: u64 = 2_000_000_000;

/// The device half of a GPU or queue [`Timeline`]: the device, kept alive while the timeline
/// is, and the latest (queue timeline, value) of each queue whose submissions wait on or
/// signal it. `reel_timeline_destroy` requires that work to have completed.
pub(crate) struct GpuTimelineState {
    device: Device,
    uses: Mutex<Vec<(sys::reel_timeline_t, u64)>>,
}

impl GpuTimelineState {
    pub(crate) fn new(device: &Device) -> GpuTimelineState {
        GpuTimelineState { device: device.clone(), uses: Mutex::new(Vec::new()) }
    }

    /// Notes that the submission reaching `value` on `queue_timeline` waits on or signals
    /// this timeline.
    pub(crate) fn used_until(&self, queue_timeline: sys::reel_timeline_t, value: u64) {
        let mut uses = self.uses.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match uses.iter_mut().find(|(queue, _)| *queue == queue_timeline) {
            Some((_, latest)) => *latest = (*latest).max(value),
            None => uses.push((queue_timeline, value)),
        }
    }

    /// Waits (boundedly) until every submission that used the timeline completed; false when
    /// one has not, so the timeline must not be destroyed yet.
    pub(crate) fn work_done(&self) -> bool {
        let uses = self.uses.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        uses.iter().all(|&(queue, value)| {
            // SAFETY: a queue timeline of self.device, which is alive (held here).
            unsafe { sys::reel_timeline_wait(queue, value, DROP_WAIT_NS) == sys::reel_result_t_REEL_SUCCESS }
        })
    }

    pub(crate) fn device(&self) -> &Device {
        &self.device
    }
}

impl Timeline {
    /// A GPU timeline of `device` at `initial_value` (`reel_timeline_create` with
    /// `REEL_TIMELINE_GPU`): a Vulkan timeline semaphore the host signals and waits on like a
    /// CPU timeline, and GPU submissions wait on or signal ([`super::GpuSubmit`]).
    ///
    /// Dropping it destroys it once the submissions of this crate that use it completed
    /// (waiting up to 2 s; past that the device destroys it with itself). Work the host
    /// submits on [`Timeline::semaphore`] itself must have completed before the drop.
    pub fn gpu(device: &Device, initial_value: u64) -> Result<Timeline> {
        let mut desc = crate::sized!(sys::reel_timeline_desc_t);
        desc.kind = sys::reel_timeline_kind_t_REEL_TIMELINE_GPU;
        desc.device = device.as_raw();
        desc.initial_value = initial_value;
        let mut handle: sys::reel_timeline_t = std::ptr::null_mut();
        // SAFETY: the device's live context, a description naming the live device, a valid
        // out pointer.
        check(unsafe { sys::reel_timeline_create(device.context().as_raw(), &desc, &mut handle) })?;
        Ok(Timeline { handle, owned: true, _context: device.context().clone(), gpu: Some(GpuTimelineState::new(device)) })
    }

    /// The VkSemaphore (VK_SEMAPHORE_TYPE_TIMELINE) of a GPU or queue timeline, for the host's
    /// own vkQueueSubmit2 (`reel_timeline_get_semaphore`). Reel owns it: never destroy it.
    ///
    /// # Errors
    /// [`crate::ErrorCode::InvalidArgument`] for a CPU timeline.
    pub fn semaphore(&self) -> Result<sys::VkSemaphore> {
        let mut semaphore: sys::VkSemaphore = std::ptr::null_mut();
        // SAFETY: a live timeline and a valid out pointer.
        check(unsafe { sys::reel_timeline_get_semaphore(self.handle, &mut semaphore) })?;
        Ok(semaphore)
    }

    /// The device of a GPU or queue timeline; `None` for a CPU timeline.
    pub fn device(&self) -> Option<&Device> {
        self.gpu.as_ref().map(GpuTimelineState::device)
    }
}
