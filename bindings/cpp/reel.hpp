// reel.hpp -- C++17 RAII wrapper over reel.h (header-only).
//
// Ownership follows the C API exactly:
//   reel::context  owns a reel_context_t (move-only; destroyed by the destructor)
//   reel::pool     owns a reel_pool_t    (move-only; destroyed by the destructor; buffers
//                  still out stay valid, as in C)
//   reel::buffer   holds one reference of a reel_buffer_t: copying retains, destruction
//                  releases, moving transfers the reference (like std::shared_ptr)
// Errors (negative reel_result_t) throw reel::error with the code and
// reel_last_error_message(). Destructors never throw. Thread safety is the C API's: every
// object may be used from any thread; one pool or buffer object must not be assigned and
// used concurrently (like any C++ value).
#ifndef REEL_HPP
#define REEL_HPP

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <utility>

#include "reel.h"

namespace reel {

/// A failed call: the result code and the message libreel gave for it.
class error : public std::runtime_error {
public:
    error(reel_result_t code, const std::string& message)
        : std::runtime_error(std::string(reel_result_name(code)) + ": " + message), code_(code) {}

    /// The reel_result_t of the failed call.
    reel_result_t code() const noexcept { return code_; }

private:
    reel_result_t code_;
};

/// Throws reel::error for an error result; returns non-error results (success, timeout).
inline reel_result_t check(reel_result_t result) {
    if (result < 0)
        throw error(result, reel_last_error_message());
    return result;
}

/// A context: the root of everything else. Move-only.
class context {
public:
    /// Creates a context; desc defaults to reel_context_desc_default().
    explicit context(const reel_context_desc_t& desc = reel_context_desc_default()) {
        check(reel_context_create(&desc, &handle_));
    }
    ~context() { reel_context_destroy(handle_); }
    context(context&& other) noexcept : handle_(std::exchange(other.handle_, REEL_NULL_HANDLE)) {}
    context& operator=(context&& other) noexcept {
        if (this != &other) {
            reel_context_destroy(handle_);
            handle_ = std::exchange(other.handle_, REEL_NULL_HANDLE);
        }
        return *this;
    }
    context(const context&) = delete;
    context& operator=(const context&) = delete;

    /// The C handle, still owned by this object.
    reel_context_t get() const noexcept { return handle_; }

    /// reel_context_advance_frame(): ticks the frame clock; returns the new frame number.
    uint64_t advance_frame() {
        uint64_t frame = 0;
        check(reel_context_advance_frame(handle_, &frame));
        return frame;
    }

private:
    reel_context_t handle_ = REEL_NULL_HANDLE;
};

/// One reference to a pooled buffer. Copy retains, destruction releases; empty when
/// default-constructed or moved from.
class buffer {
public:
    buffer() noexcept = default;

    /// Takes over a reference the caller owns (e.g. from reel_pool_acquire).
    static buffer adopt(reel_buffer_t handle) noexcept { return buffer(handle); }

    buffer(const buffer& other) : handle_(other.handle_) {
        if (handle_ != REEL_NULL_HANDLE)
            check(reel_buffer_retain(handle_));
    }
    buffer(buffer&& other) noexcept : handle_(std::exchange(other.handle_, REEL_NULL_HANDLE)) {}
    buffer& operator=(buffer other) noexcept {
        std::swap(handle_, other.handle_);
        return *this;
    }
    ~buffer() { reset(); }

    /// Releases this reference now; the object becomes empty.
    void reset() noexcept {
        if (handle_ != REEL_NULL_HANDLE)
            reel_buffer_release(std::exchange(handle_, REEL_NULL_HANDLE));
    }

    /// Gives the reference back to the caller as a C handle (who must release it).
    reel_buffer_t detach() noexcept { return std::exchange(handle_, REEL_NULL_HANDLE); }

    /// The C handle, still referenced by this object.
    reel_buffer_t get() const noexcept { return handle_; }
    explicit operator bool() const noexcept { return handle_ != REEL_NULL_HANDLE; }

    /// reel_buffer_get_frame(): planes, strides, size, format, pts, tag.
    reel_frame_info_t frame() const {
        reel_frame_info_t info = reel_frame_info_init();
        check(reel_buffer_get_frame(handle_, &info));
        return info;
    }

    /// reel_buffer_get_audio().
    reel_audio_info_t audio() const {
        reel_audio_info_t info = reel_audio_info_init();
        check(reel_buffer_get_audio(handle_, &info));
        return info;
    }

    /// reel_buffer_get_bytes().
    reel_bytes_info_t bytes() const {
        reel_bytes_info_t info = reel_bytes_info_init();
        check(reel_buffer_get_bytes(handle_, &info));
        return info;
    }

    void set_pts(int64_t pts) { check(reel_buffer_set_pts(handle_, pts)); }
    void set_tag(uint64_t tag) { check(reel_buffer_set_tag(handle_, tag)); }
    void set_size(size_t size) { check(reel_buffer_set_size(handle_, size)); }

private:
    explicit buffer(reel_buffer_t handle) noexcept : handle_(handle) {}
    reel_buffer_t handle_ = REEL_NULL_HANDLE;
};

/// A frame, audio or byte pool. Move-only; the destructor destroys the pool (buffers out
/// stay valid until released).
class pool {
public:
    static pool frames(const context& owner, const reel_frame_pool_desc_t& desc) {
        reel_pool_t handle;
        check(reel_frame_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }
    static pool audio(const context& owner, const reel_audio_pool_desc_t& desc) {
        reel_pool_t handle;
        check(reel_audio_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }
    static pool bytes(const context& owner, const reel_byte_pool_desc_t& desc) {
        reel_pool_t handle;
        check(reel_byte_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }

    ~pool() { reel_pool_destroy(handle_); }
    pool(pool&& other) noexcept : handle_(std::exchange(other.handle_, REEL_NULL_HANDLE)) {}
    pool& operator=(pool&& other) noexcept {
        if (this != &other) {
            reel_pool_destroy(handle_);
            handle_ = std::exchange(other.handle_, REEL_NULL_HANDLE);
        }
        return *this;
    }
    pool(const pool&) = delete;
    pool& operator=(const pool&) = delete;

    /// reel_pool_acquire(): throws on errors (including an exhausted FAIL pool); returns an
    /// empty buffer when a WAIT pool timed out.
    buffer acquire() {
        reel_buffer_t handle;
        check(reel_pool_acquire(handle_, &handle));
        return buffer::adopt(handle);
    }

    /// Like acquire(), but an exhausted pool (or a timeout) gives an empty buffer instead of
    /// throwing.
    buffer try_acquire() {
        reel_buffer_t handle;
        reel_result_t result = reel_pool_acquire(handle_, &handle);
        if (result == REEL_ERROR_LIMIT_REACHED)
            return buffer();
        check(result);
        return buffer::adopt(handle);
    }

    /// reel_pool_acquire_bytes().
    buffer acquire_bytes(size_t size) {
        reel_buffer_t handle;
        check(reel_pool_acquire_bytes(handle_, size, &handle));
        return buffer::adopt(handle);
    }

    /// reel_pool_trim(): returns how many idle buffers were freed.
    uint32_t trim(uint32_t keep_idle = 0) {
        uint32_t freed = 0;
        check(reel_pool_trim(handle_, keep_idle, &freed));
        return freed;
    }

    /// reel_pool_get_stats().
    reel_pool_stats_t stats() const {
        reel_pool_stats_t stats = reel_pool_stats_init();
        check(reel_pool_get_stats(handle_, &stats));
        return stats;
    }

    reel_pool_t get() const noexcept { return handle_; }

private:
    explicit pool(reel_pool_t handle) noexcept : handle_(handle) {}
    reel_pool_t handle_ = REEL_NULL_HANDLE;
};

}  // namespace reel

#endif  // REEL_HPP
