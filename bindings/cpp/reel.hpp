// reel.hpp -- C++17 RAII wrapper over reel.h (header-only). reel_vulkan.hpp adds the Vulkan
// backend's objects (reel_vulkan.h) on top of it.
//
// Every handle type of reel.h has an owner here, and ownership follows the C API exactly:
//   reel::context       owns a reel_context_t        (reel_context_destroy)
//   reel::pool          owns a reel_pool_t           (reel_pool_destroy; buffers still out stay valid)
//   reel::buffer        holds one reference of a reel_buffer_t: copying retains, destruction
//                       releases, moving transfers the reference (like std::shared_ptr)
//   reel::frame_cache   owns a reel_frame_cache_t    (reel_frame_cache_destroy)
//   reel::encoder       owns a reel_encoder_t        (reel_encoder_destroy)
//   reel::decoder       owns a reel_decoder_t        (reel_decoder_destroy)
//   reel::ivf_reader    owns a reel_ivf_reader_t     (reel_ivf_reader_close)
//   reel::ivf_writer    owns a reel_ivf_writer_t     (reel_ivf_writer_close)
//   reel::y4m_reader    owns a reel_y4m_reader_t     (reel_y4m_reader_close)
//   reel::y4m_writer    owns a reel_y4m_writer_t     (reel_y4m_writer_close)
//   reel::movie_writer  owns a reel_movie_writer_t   (reel_movie_writer_end)
//   reel::timeline      owns a reel_timeline_t       (reel_timeline_destroy)
// reel_device_t (declared in reel.h, made by a backend) is owned by reel::device in
// reel_vulkan.hpp. Every owner but buffer is move-only; a moved-from or default-constructed
// owner is empty and its destructor does nothing.
//
// Errors (negative reel_result_t) throw reel::error with the code and
// reel_last_error_message(); non-error statuses (REEL_NOT_READY, REEL_TIMEOUT,
// REEL_END_OF_STREAM) are returned. Destructors never throw: a writer whose close or end
// fails in a destructor loses the error, so call close() / end() where it matters. Thread
// safety is the C API's: every object may be used from any thread; one C++ object must not
// be assigned and used concurrently (like any C++ value).
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

/// Owns one handle of type Handle and passes it to Destroy when it goes: the common part of
/// every move-only owner. Destroy's result is ignored (destructors never throw).
template <typename Handle, reel_result_t (*Destroy)(Handle)>
class unique_handle {
public:
    unique_handle() noexcept = default;
    /// Takes over a handle the caller owns.
    explicit unique_handle(Handle handle) noexcept : handle_(handle) {}
    ~unique_handle() { reset(); }
    unique_handle(unique_handle&& other) noexcept : handle_(other.release()) {}
    unique_handle& operator=(unique_handle&& other) noexcept {
        if (this != &other)
            reset(other.release());
        return *this;
    }
    unique_handle(const unique_handle&) = delete;
    unique_handle& operator=(const unique_handle&) = delete;

    /// Destroys the object now (if any) and takes over `handle`.
    void reset(Handle handle = REEL_NULL_HANDLE) noexcept {
        Handle old = std::exchange(handle_, handle);
        if (old != REEL_NULL_HANDLE)
            Destroy(old);
    }

    /// Gives the handle back to the caller, who then owns it.
    Handle release() noexcept { return std::exchange(handle_, REEL_NULL_HANDLE); }

    /// The C handle, still owned by this object.
    Handle get() const noexcept { return handle_; }
    explicit operator bool() const noexcept { return handle_ != REEL_NULL_HANDLE; }

private:
    Handle handle_ = REEL_NULL_HANDLE;
};

/// A context: the root of everything else. Move-only.
class context {
public:
    /// Creates a context; desc defaults to reel_context_desc_default().
    explicit context(const reel_context_desc_t& desc = reel_context_desc_default()) {
        reel_context_t handle = REEL_NULL_HANDLE;
        check(reel_context_create(&desc, &handle));
        handle_.reset(handle);
    }

    /// The C handle, still owned by this object.
    reel_context_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

    /// reel_context_advance_frame(): ticks the frame clock; returns the new frame number.
    uint64_t advance_frame() {
        uint64_t frame = 0;
        check(reel_context_advance_frame(get(), &frame));
        return frame;
    }

    /// reel_context_get_memory(): bytes by category, budget and pressure.
    reel_memory_stats_t memory() const {
        reel_memory_stats_t stats = reel_memory_stats_init();
        check(reel_context_get_memory(get(), &stats));
        return stats;
    }

private:
    unique_handle<reel_context_t, reel_context_destroy> handle_;
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

    /// reel_buffer_release_after(): hands this reference to the deferred queue, released once
    /// `timeline` reaches `value`; the object becomes empty. On an error the reference stays here.
    void release_after(reel_timeline_t timeline, uint64_t value) {
        check(reel_buffer_release_after(handle_, timeline, value));
        handle_ = REEL_NULL_HANDLE;
    }

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
    /// An empty owner (holds nothing; its destructor does nothing).
    pool() noexcept = default;

    static pool frames(const context& owner, const reel_frame_pool_desc_t& desc) {
        reel_pool_t handle = REEL_NULL_HANDLE;
        check(reel_frame_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }
    static pool audio(const context& owner, const reel_audio_pool_desc_t& desc) {
        reel_pool_t handle = REEL_NULL_HANDLE;
        check(reel_audio_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }
    static pool bytes(const context& owner, const reel_byte_pool_desc_t& desc) {
        reel_pool_t handle = REEL_NULL_HANDLE;
        check(reel_byte_pool_create(owner.get(), &desc, &handle));
        return pool(handle);
    }

    /// reel_pool_acquire(): throws on errors (including an exhausted FAIL pool); returns an
    /// empty buffer when a WAIT pool timed out.
    buffer acquire() {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        check(reel_pool_acquire(get(), &handle));
        return buffer::adopt(handle);
    }

    /// Like acquire(), but an exhausted pool (or a timeout) gives an empty buffer instead of
    /// throwing.
    buffer try_acquire() {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        reel_result_t result = reel_pool_acquire(get(), &handle);
        if (result == REEL_ERROR_LIMIT_REACHED)
            return buffer();
        check(result);
        return buffer::adopt(handle);
    }

    /// reel_pool_acquire_bytes().
    buffer acquire_bytes(size_t size) {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        check(reel_pool_acquire_bytes(get(), size, &handle));
        return buffer::adopt(handle);
    }

    /// reel_pool_trim(): returns how many idle buffers were freed.
    uint32_t trim(uint32_t keep_idle = 0) {
        uint32_t freed = 0;
        check(reel_pool_trim(get(), keep_idle, &freed));
        return freed;
    }

    /// reel_pool_get_stats().
    reel_pool_stats_t stats() const {
        reel_pool_stats_t stats = reel_pool_stats_init();
        check(reel_pool_get_stats(get(), &stats));
        return stats;
    }

    reel_pool_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit pool(reel_pool_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_pool_t, reel_pool_destroy> handle_;
};

/// A frame cache (section 10). Move-only; the destructor destroys it (frames consumers hold
/// stay valid).
class frame_cache {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    frame_cache() noexcept = default;

    /// reel_frame_cache_create(): a cache the host feeds.
    static frame_cache create(const context& owner, const reel_frame_cache_desc_t& desc = reel_frame_cache_desc_default()) {
        reel_frame_cache_t handle = REEL_NULL_HANDLE;
        check(reel_frame_cache_create(owner.get(), &desc, &handle));
        return frame_cache(handle);
    }

    /// reel_frame_cache_create_for_ivf(): a cache Reel's decoder feeds from an IVF file.
    static frame_cache for_ivf(const context& owner, const std::string& path,
                               const reel_frame_cache_desc_t& desc = reel_frame_cache_desc_default(),
                               const reel_decoder_desc_t* decoder_desc = nullptr) {
        reel_frame_cache_t handle = REEL_NULL_HANDLE;
        check(reel_frame_cache_create_for_ivf(owner.get(), &desc, path.c_str(), decoder_desc, &handle));
        return frame_cache(handle);
    }

    /// reel_frame_cache_insert(): the cache takes its own reference; `frame` stays the caller's.
    void insert(int64_t frame_number, const buffer& frame) { check(reel_frame_cache_insert(get(), frame_number, frame.get())); }

    /// reel_frame_cache_get(): the frame on a hit, an empty buffer on a miss (a request was queued).
    buffer lookup(int64_t frame_number) {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        check(reel_frame_cache_get(get(), frame_number, &handle));
        return buffer::adopt(handle);
    }

    /// reel_frame_cache_get_stats().
    reel_frame_cache_stats_t stats() const {
        reel_frame_cache_stats_t stats = reel_frame_cache_stats_init();
        check(reel_frame_cache_get_stats(get(), &stats));
        return stats;
    }

    void clear() { check(reel_frame_cache_clear(get())); }

    reel_frame_cache_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit frame_cache(reel_frame_cache_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_frame_cache_t, reel_frame_cache_destroy> handle_;
};

/// An encoder session (section 11). Move-only; the destructor destroys it.
class encoder {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    encoder() noexcept = default;

    static encoder create(const context& owner, const reel_encoder_desc_t& desc) {
        reel_encoder_t handle = REEL_NULL_HANDLE;
        check(reel_encoder_create(owner.get(), &desc, &handle));
        return encoder(handle);
    }

    /// reel_encoder_submit(): REEL_SUCCESS, or REEL_NOT_READY when the queue stayed full (the
    /// frame was not taken). `frame` stays the caller's.
    reel_result_t submit(const buffer& frame, uint32_t flags = 0, uint32_t timeout_ms = 0) {
        return check(reel_encoder_submit(get(), frame.get(), flags, timeout_ms));
    }

    /// reel_encoder_receive(): REEL_SUCCESS with `packet` set, REEL_NOT_READY, or
    /// REEL_END_OF_STREAM after a flush.
    reel_result_t receive(buffer& packet, uint32_t timeout_ms = 0) {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        reel_result_t result = check(reel_encoder_receive(get(), timeout_ms, &handle));
        packet = result == REEL_SUCCESS ? buffer::adopt(handle) : buffer();
        return result;
    }

    void flush() { check(reel_encoder_flush(get())); }

    reel_encoder_stats_t stats() const {
        reel_encoder_stats_t stats = reel_encoder_stats_init();
        check(reel_encoder_get_stats(get(), &stats));
        return stats;
    }

    reel_encoder_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit encoder(reel_encoder_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_encoder_t, reel_encoder_destroy> handle_;
};

/// A decoder session (section 11). Move-only; the destructor destroys it.
class decoder {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    decoder() noexcept = default;

    static decoder create(const context& owner, const reel_decoder_desc_t& desc = reel_decoder_desc_default()) {
        reel_decoder_t handle = REEL_NULL_HANDLE;
        check(reel_decoder_create(owner.get(), &desc, &handle));
        return decoder(handle);
    }

    /// reel_decoder_submit(): the bytes are read during the call.
    reel_result_t submit(const void* data, size_t size, int64_t pts) { return check(reel_decoder_submit(get(), data, size, pts)); }

    /// reel_decoder_submit_packet(): `packet` stays the caller's.
    reel_result_t submit(const buffer& packet) { return check(reel_decoder_submit_packet(get(), packet.get())); }

    /// reel_decoder_receive(): REEL_SUCCESS with `frame` set, REEL_NOT_READY, or REEL_END_OF_STREAM.
    reel_result_t receive(buffer& frame) {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        reel_result_t result = check(reel_decoder_receive(get(), &handle));
        frame = result == REEL_SUCCESS ? buffer::adopt(handle) : buffer();
        return result;
    }

    void flush() { check(reel_decoder_flush(get())); }
    void reset() { check(reel_decoder_reset(get())); }

    reel_decoder_stats_t stats() const {
        reel_decoder_stats_t stats = reel_decoder_stats_init();
        check(reel_decoder_get_stats(get(), &stats));
        return stats;
    }

    reel_decoder_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit decoder(reel_decoder_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_decoder_t, reel_decoder_destroy> handle_;
};

/// A file reader of section 11 (IVF or Y4M): Open, GetInfo, Read and Close are the format's
/// C functions. Move-only; the destructor closes it.
template <typename Handle, reel_result_t (*Open)(reel_context_t, const char*, Handle*),
          reel_result_t (*GetInfo)(Handle, reel_media_info_t*), reel_result_t (*Read)(Handle, reel_pool_t, reel_buffer_t*),
          reel_result_t (*Close)(Handle)>
class media_reader {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    media_reader() noexcept = default;

    static media_reader open(const context& owner, const std::string& path) {
        Handle handle = REEL_NULL_HANDLE;
        check(Open(owner.get(), path.c_str(), &handle));
        return media_reader(handle);
    }

    reel_media_info_t info() const {
        reel_media_info_t info = reel_media_info_init();
        check(GetInfo(get(), &info));
        return info;
    }

    /// Reads the next packet (IVF: into a buffer of a byte pool) or picture (Y4M: into a frame
    /// of an I420 pool of the file's size): REEL_SUCCESS with `out` set, or REEL_END_OF_STREAM.
    reel_result_t read(const pool& from, buffer& out) {
        reel_buffer_t handle = REEL_NULL_HANDLE;
        reel_result_t result = check(Read(get(), from.get(), &handle));
        out = result == REEL_SUCCESS ? buffer::adopt(handle) : buffer();
        return result;
    }

    /// Closes the file now, reporting an error (the destructor would swallow it).
    void close() { check(Close(handle_.release())); }

    Handle get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit media_reader(Handle handle) noexcept : handle_(handle) {}
    unique_handle<Handle, Close> handle_;
};

/// A file writer of section 11 (IVF or Y4M). Move-only; the destructor closes it (an error is
/// lost: call close() to see it).
template <typename Handle, reel_result_t (*Create)(reel_context_t, const char*, const reel_media_info_t*, Handle*),
          reel_result_t (*Write)(Handle, reel_buffer_t), reel_result_t (*GetInfo)(Handle, reel_media_info_t*),
          reel_result_t (*Close)(Handle)>
class media_writer {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    media_writer() noexcept = default;

    static media_writer create(const context& owner, const std::string& path, const reel_media_info_t& info) {
        Handle handle = REEL_NULL_HANDLE;
        check(Create(owner.get(), path.c_str(), &info, &handle));
        return media_writer(handle);
    }

    /// Writes a packet or frame; `item` stays the caller's.
    void write(const buffer& item) { check(Write(get(), item.get())); }

    reel_media_info_t info() const {
        reel_media_info_t info = reel_media_info_init();
        check(GetInfo(get(), &info));
        return info;
    }

    /// Closes the file now (patching its header), reporting an I/O error.
    void close() { check(Close(handle_.release())); }

    Handle get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit media_writer(Handle handle) noexcept : handle_(handle) {}
    unique_handle<Handle, Close> handle_;
};

using ivf_reader = media_reader<reel_ivf_reader_t, reel_ivf_reader_open, reel_ivf_reader_get_info, reel_ivf_reader_read,
                                reel_ivf_reader_close>;
using y4m_reader = media_reader<reel_y4m_reader_t, reel_y4m_reader_open, reel_y4m_reader_get_info, reel_y4m_reader_read,
                                reel_y4m_reader_close>;
using ivf_writer = media_writer<reel_ivf_writer_t, reel_ivf_writer_create, reel_ivf_writer_write, reel_ivf_writer_get_info,
                                reel_ivf_writer_close>;
using y4m_writer = media_writer<reel_y4m_writer_t, reel_y4m_writer_create, reel_y4m_writer_write, reel_y4m_writer_get_info,
                                reel_y4m_writer_close>;

/// A recording (section 12). Move-only; the destructor ends it (the file is complete, an error
/// is lost: call end() to see it and the final counters).
class movie_writer {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    movie_writer() noexcept = default;

    static movie_writer begin(const context& owner, const std::string& path, const reel_encoder_desc_t& settings) {
        reel_movie_writer_t handle = REEL_NULL_HANDLE;
        check(reel_movie_writer_begin(owner.get(), path.c_str(), &settings, &handle));
        return movie_writer(handle);
    }

    /// reel_movie_writer_write_frame(): an I420 frame of the writer's size; stays the caller's.
    void write(const buffer& frame) { check(reel_movie_writer_write_frame(get(), frame.get())); }

    /// reel_movie_writer_write_image(): an RGBA/BGRA image, converted and copied during the call.
    void write(const reel_image_t& image) { check(reel_movie_writer_write_image(get(), &image)); }

    reel_movie_writer_stats_t stats() const {
        reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
        check(reel_movie_writer_get_stats(get(), &stats));
        return stats;
    }

    /// reel_movie_writer_end(): finishes the file; the writer is gone whatever the result.
    reel_movie_writer_stats_t end() {
        reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
        check(reel_movie_writer_end(handle_.release(), &stats));
        return stats;
    }

    reel_movie_writer_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    static reel_result_t end_without_stats(reel_movie_writer_t writer) { return reel_movie_writer_end(writer, nullptr); }

    explicit movie_writer(reel_movie_writer_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_movie_writer_t, end_without_stats> handle_;
};

/// A timeline (section 13): a CPU timeline of a context, or a GPU timeline of a device.
/// Move-only; the destructor destroys it. Queue timelines belong to their device and are
/// plain reel_timeline_t values (reel::device::queue_timeline in reel_vulkan.hpp).
class timeline {
public:
    /// An empty owner (holds nothing; its destructor does nothing).
    timeline() noexcept = default;

    /// reel_timeline_create(); desc defaults to a CPU timeline at 0.
    static timeline create(const context& owner, const reel_timeline_desc_t& desc = reel_timeline_desc_default()) {
        reel_timeline_t handle = REEL_NULL_HANDLE;
        check(reel_timeline_create(owner.get(), &desc, &handle));
        return timeline(handle);
    }

    void signal(uint64_t value) { check(reel_timeline_signal(get(), value)); }

    uint64_t value() const {
        uint64_t value = 0;
        check(reel_timeline_get_value(get(), &value));
        return value;
    }

    /// reel_timeline_wait(): true when reached, false on timeout.
    bool wait(uint64_t value, uint64_t timeout_ns = UINT64_MAX) const {
        return check(reel_timeline_wait(get(), value, timeout_ns)) == REEL_SUCCESS;
    }

    reel_timeline_t get() const noexcept { return handle_.get(); }
    explicit operator bool() const noexcept { return static_cast<bool>(handle_); }

private:
    explicit timeline(reel_timeline_t handle) noexcept : handle_(handle) {}
    unique_handle<reel_timeline_t, reel_timeline_destroy> handle_;
};

}  // namespace reel

#endif  // REEL_HPP
