// reel_vulkan.hpp -- C++17 RAII wrapper over reel_vulkan.h (header-only), on top of reel.hpp.
//
// Owners of every handle type of reel_vulkan.h (and of reel_device_t, which reel.h declares):
//   reel::device            owns a reel_device_t          (reel_device_destroy: waits for Reel's
//                           work and destroys what was left on it; an adopted VkDevice stays)
//   reel::gpu_allocation    owns a reel_gpu_allocation_t  (reel_gpu_allocation_free; free_after
//                           hands it to the deferred queue instead)
//   reel::gpu_buffer_pool   owns a reel_gpu_buffer_pool_t (reel_gpu_buffer_pool_destroy)
//   reel::dpb               owns a reel_dpb_t             (reel_dpb_destroy)
//   reel::video_session     owns a reel_video_session_t   (reel_video_session_destroy)
// All are move-only. Destroy order is the host's job, as in C: objects of a device before the
// device, devices before their context (reel_device_destroy cleans up what is left, with a
// warning). Vulkan objects come back with their Vulkan types (VkDevice, VkImage, ...) and stay
// owned by Reel. Errors throw reel::error (reel.hpp).
#ifndef REEL_VULKAN_HPP
#define REEL_VULKAN_HPP

#include "reel.hpp"
#include "reel_vulkan.h"

namespace reel {

/// A GPU device Reel created or adopted. Move-only; the destructor destroys it.
class device {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    device() noexcept = default;

    /// reel_device_create(): a headless device of Reel's own; desc defaults to all defaults.
    static device create(const context& owner, const reel_device_desc_t& desc = reel_device_desc_default()) {
        reel_device_t handle = REEL_NULL_HANDLE;
        check(reel_device_create(owner.get(), &desc, &handle));
        return device(handle);
    }

    /// reel_device_adopt(): Reel on the host's VkInstance, VkDevice and queues.
    static device adopt(const context& owner, const reel_vulkan_adoption_t& adoption) {
        reel_device_t handle = REEL_NULL_HANDLE;
        check(reel_device_adopt(owner.get(), &adoption, &handle));
        return device(handle);
    }

    /// reel_device_get_info(): the Vulkan handles, queues per role, validation counts.
    reel_device_info_t info() const {
        reel_device_info_t info = reel_device_info_init();
        check(reel_device_get_info(get(), &info));
        return info;
    }

    /// reel_device_get_memory_stats().
    reel_gpu_memory_stats_t memory_stats() const {
        reel_gpu_memory_stats_t stats = reel_gpu_memory_stats_init();
        check(reel_device_get_memory_stats(get(), &stats));
        return stats;
    }

    /// reel_device_get_queue_timeline(): the queue's timeline, owned by the device (not to be
    /// destroyed or signalled).
    reel_timeline_t queue_timeline(reel_gpu_queue_t queue) const {
        reel_timeline_t timeline = REEL_NULL_HANDLE;
        check(reel_device_get_queue_timeline(get(), queue, &timeline));
        return timeline;
    }

    /// reel_command_buffer_begin(): a command buffer to record into from one thread, then
    /// hand to submit(). It is Reel's: never free or reset it.
    VkCommandBuffer begin_commands(reel_gpu_queue_t queue) {
        VkCommandBuffer commands = VK_NULL_HANDLE;
        check(reel_command_buffer_begin(get(), queue, &commands));
        return commands;
    }

    /// reel_command_buffer_submit(): returns the queue timeline value reached when it completes.
    uint64_t submit(VkCommandBuffer commands, const reel_gpu_submit_t* submit = nullptr) {
        uint64_t value = 0;
        check(reel_command_buffer_submit(get(), commands, submit, &value));
        return value;
    }

    /// reel_device_begin_frame(): the frame number, or 0 when timeout_ns passed first.
    uint64_t begin_frame(uint64_t timeout_ns = UINT64_MAX) {
        uint64_t frame = 0;
        return check(reel_device_begin_frame(get(), timeout_ns, &frame)) == REEL_SUCCESS ? frame : 0;
    }

    void end_frame() { check(reel_device_end_frame(get())); }

    /// reel_backend_caps() for this device.
    reel_backend_caps_t backend_caps(uint32_t index) const {
        reel_backend_caps_t caps = reel_backend_caps_init();
        check(reel_backend_caps(get(), index, &caps));
        return caps;
    }

    reel_device_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit device(reel_device_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_device_t, reel_device_destroy> handle_;
};

/// A GPU buffer or image with its memory, or a buffer of a GPU buffer pool. Move-only; the
/// destructor frees it at once (the GPU must be done with it: otherwise free_after()).
class gpu_allocation {
public:
    gpu_allocation() noexcept = default;

    /// Takes over an allocation the caller owns.
    static gpu_allocation adopt(reel_gpu_allocation_t handle) noexcept { return gpu_allocation(handle); }

    /// reel_gpu_buffer_create().
    static gpu_allocation buffer(const device& on, const reel_gpu_buffer_desc_t& desc) {
        reel_gpu_allocation_t handle = REEL_NULL_HANDLE;
        check(reel_gpu_buffer_create(on.get(), &desc, &handle));
        return gpu_allocation(handle);
    }

    /// reel_gpu_image_create().
    static gpu_allocation image(const device& on, const reel_gpu_image_desc_t& desc) {
        reel_gpu_allocation_t handle = REEL_NULL_HANDLE;
        check(reel_gpu_image_create(on.get(), &desc, &handle));
        return gpu_allocation(handle);
    }

    /// reel_gpu_allocation_get_info(): its VkBuffer or VkImage, memory, offset and mapping.
    reel_gpu_allocation_info_t info() const {
        reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
        check(reel_gpu_allocation_get_info(get(), &info));
        return info;
    }

    /// reel_gpu_allocation_map(): the host address of its first byte (host-visible memory only).
    void* map() const {
        void* pointer = nullptr;
        check(reel_gpu_allocation_map(get(), &pointer));
        return pointer;
    }

    void flush(uint64_t offset = 0, uint64_t size = UINT64_MAX) { check(reel_gpu_allocation_flush(get(), offset, size)); }
    void invalidate(uint64_t offset = 0, uint64_t size = UINT64_MAX) { check(reel_gpu_allocation_invalidate(get(), offset, size)); }

    /// reel_gpu_allocation_free_after(): freed once `timeline` reaches `value`; this object is
    /// empty afterwards. On an error the allocation stays here.
    void free_after(reel_timeline_t timeline, uint64_t value) {
        check(reel_gpu_allocation_free_after(get(), timeline, value));
        handle_.release();
    }

    reel_gpu_allocation_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit gpu_allocation(reel_gpu_allocation_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_gpu_allocation_t, reel_gpu_allocation_free> handle_;
};

/// A pool of GPU buffers. Move-only; the destructor destroys it (buffers out stay valid until
/// freed).
class gpu_buffer_pool {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    gpu_buffer_pool() noexcept = default;

    static gpu_buffer_pool create(const device& on, const reel_gpu_buffer_pool_desc_t& desc) {
        reel_gpu_buffer_pool_t handle = REEL_NULL_HANDLE;
        check(reel_gpu_buffer_pool_create(on.get(), &desc, &handle));
        return gpu_buffer_pool(handle);
    }

    /// reel_gpu_buffer_pool_acquire(): a buffer of the smallest class holding `size` bytes.
    gpu_allocation acquire(uint64_t size) {
        reel_gpu_allocation_t handle = REEL_NULL_HANDLE;
        check(reel_gpu_buffer_pool_acquire(get(), size, &handle));
        return gpu_allocation::adopt(handle);
    }

    reel_gpu_buffer_pool_stats_t stats() const {
        reel_gpu_buffer_pool_stats_t stats = reel_gpu_buffer_pool_stats_init();
        check(reel_gpu_buffer_pool_get_stats(get(), &stats));
        return stats;
    }

    reel_gpu_buffer_pool_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit gpu_buffer_pool(reel_gpu_buffer_pool_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_gpu_buffer_pool_t, reel_gpu_buffer_pool_destroy> handle_;
};

/// A decoded picture buffer. Move-only; the destructor destroys its images (the GPU must be
/// done with them).
class dpb {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    dpb() noexcept = default;

    static dpb create(const device& on, const reel_dpb_desc_t& desc) {
        reel_dpb_t handle = REEL_NULL_HANDLE;
        check(reel_dpb_create(on.get(), &desc, &handle));
        return dpb(handle);
    }

    /// reel_dpb_acquire_slot(): a slot for a new picture.
    uint32_t acquire_slot(uint64_t frame_number, int64_t timestamp = 0) {
        uint32_t slot = 0;
        check(reel_dpb_acquire_slot(get(), frame_number, timestamp, &slot));
        return slot;
    }

    void release_slot(uint32_t slot) { check(reel_dpb_release_slot(get(), slot)); }
    void mark_reference(uint32_t slot, bool is_reference) { check(reel_dpb_mark_reference(get(), slot, is_reference ? 1u : 0u)); }

    /// reel_dpb_get_slot(): the slot's state and its VkImage / VkImageView.
    reel_dpb_slot_info_t slot(uint32_t index) const {
        reel_dpb_slot_info_t info = reel_dpb_slot_info_init();
        check(reel_dpb_get_slot(get(), index, &info));
        return info;
    }

    reel_dpb_info_t info() const {
        reel_dpb_info_t info = reel_dpb_info_init();
        check(reel_dpb_get_info(get(), &info));
        return info;
    }

    reel_dpb_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit dpb(reel_dpb_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_dpb_t, reel_dpb_destroy> handle_;
};

/// A Vulkan video session with its memory bound. Move-only; the destructor destroys it.
class video_session {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    video_session() noexcept = default;

    static video_session create(const device& on, const reel_video_session_desc_t& desc) {
        reel_video_session_t handle = REEL_NULL_HANDLE;
        check(reel_video_session_create(on.get(), &desc, &handle));
        return video_session(handle);
    }

    /// reel_video_session_get_info(): its VkVideoSessionKHR, parameters and limits.
    reel_video_session_info_t info() const {
        reel_video_session_info_t info = reel_video_session_info_init();
        check(reel_video_session_get_info(get(), &info));
        return info;
    }

    reel_video_session_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit video_session(reel_video_session_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_video_session_t, reel_video_session_destroy> handle_;
};

/// A GPU timeline of a device (a Vulkan timeline semaphore), owned like any reel::timeline.
inline timeline gpu_timeline(const context& owner, const device& on, uint64_t initial_value = 0) {
    reel_timeline_desc_t desc = reel_timeline_desc_default();
    desc.kind = REEL_TIMELINE_GPU;
    desc.device = on.get();
    desc.initial_value = initial_value;
    return timeline::create(owner, desc);
}

/// reel_timeline_get_semaphore(): the VkSemaphore of a GPU timeline, owned by Reel.
inline VkSemaphore semaphore_of(const timeline& gpu) {
    VkSemaphore semaphore = VK_NULL_HANDLE;
    check(reel_timeline_get_semaphore(gpu.get(), &semaphore));
    return semaphore;
}

}  // namespace reel

#endif  // REEL_VULKAN_HPP
