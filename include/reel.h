/*
 * reel.h -- the C API of Reel, a video resource engine.
 *
 * Reel owns the memory and GPU objects a video pipeline needs: frame, sample and bitstream
 * pools, GPU memory, DPB slots, command buffers, fences, encode/decode sessions and a frame
 * cache, with exact accounting and leak detection. It is written in C# and compiled with
 * NativeAOT into one shared library, libreel.so (SONAME libreel.so.0). This header is the
 * backend-neutral contract and compiles alone; each backend with host-visible objects adds
 * a header beside it that includes it (reel_vulkan.h: GPU devices, memory, DPB, command
 * buffers and video sessions on Vulkan). Together they are the whole contract.
 *
 * Contents
 *   1. Conventions            handles, results, errors, structs, threading, ownership
 *   2. Version                REEL_VERSION_*, reel_version()
 *   3. Results and errors     reel_result_t, reel_result_name(), reel_last_error_message()
 *   4. Context                reel_context_create(), reel_context_destroy(), frame clock
 *   5. Pools                  frame, audio and byte pools: create, acquire, trim, stats
 *   6. Buffers                refcounted pooled buffers: retain, release, frame/audio/bytes
 *   7. Memory and telemetry   accounting by category, budget and pressure, snapshots, leak
 *                             detection, JSON stats, outstanding-buffer reports
 *   8. Lifetime and staging   deferred release, the staging pool
 *   9. Soak                   the 24-hour simulation behind `reel soak`
 *  10. Frame cache            random-access cache of decoded frames with prefetch (editors)
 *  11. Encode and decode sessions  AV1 encoders and decoders on pooled buffers (SVT-AV1,
 *                             dav1d), backend capabilities, the encoder pool, IVF and Y4M files
 *  12. Movie writer           begin / write frame / end recording into IVF (Godot's shape)
 *  13. Backends and timelines backend capabilities, CPU and GPU timelines, release after a
 *                             timeline value
 *  reel_vulkan.h              GPU devices, memory, DPB, command buffers, queue timelines and
 *                             video sessions on Vulkan
 *
 * Quick start
 * @code{.c}
 *   reel_context_desc_t desc = reel_context_desc_default();
 *   desc.log_callback = my_log;                 // optional
 *   reel_context_t ctx;
 *   reel_result_t r = reel_context_create(&desc, &ctx);
 *   if (r != REEL_SUCCESS) {
 *       fprintf(stderr, "%s: %s\n", reel_result_name(r), reel_last_error_message());
 *       return 1;
 *   }
 *
 *   reel_frame_pool_desc_t pd = reel_frame_pool_desc_default();
 *   pd.format = REEL_PIXEL_FORMAT_NV12; pd.width = 1920; pd.height = 1080;
 *   reel_pool_t frames;
 *   reel_frame_pool_create(ctx, &pd, &frames);
 *   for (;;) {                                   // per frame
 *       reel_buffer_t frame;
 *       if (reel_pool_acquire(frames, &frame) != REEL_SUCCESS) break;
 *       reel_frame_info_t info = reel_frame_info_init();
 *       reel_buffer_get_frame(frame, &info);    // info.data[p], info.stride[p]
 *       // ... fill the planes, hand the frame on (reel_buffer_retain for each holder) ...
 *       reel_buffer_release(frame);             // the last release returns it to the pool
 *       reel_context_advance_frame(ctx, NULL);  // ages idle buffers for trimming
 *   }
 *   reel_pool_destroy(frames);
 *   reel_context_destroy(ctx);
 * @endcode
 *
 * ---------------------------------------------------------------------------------------
 * 1. Conventions
 *
 * Names.   Functions are reel_<object>_<verb>; types are reel_*_t; macros and enum values
 *          are REEL_*.
 * Handles. Every object is a typed opaque handle (reel_context_t, ...). A handle is not a
 *          pointer: its 64 bits encode the object's type, slot index and a generation that
 *          changes when the object is destroyed. A NULL, stale (destroyed), forged or
 *          wrongly typed handle makes a function return REEL_ERROR_INVALID_HANDLE; it never
 *          crashes and never reaches another object. Destroy functions accept NULL and do
 *          nothing (REEL_SUCCESS), like free().
 * Results. Every function that can fail returns reel_result_t: 0 is success, negative
 *          values are errors, positive values are non-error statuses (REEL_NOT_READY,
 *          REEL_TIMEOUT). Outputs are pointer parameters placed last; on failure they are
 *          left unchanged unless the function says otherwise.
 * Errors.  After a failure, reel_last_error_message() on the same thread says what went
 *          wrong, naming the argument and the limit it broke.
 * Structs. Every input struct starts with uint32_t struct_size, set to sizeof(the struct)
 *          as this header declares it. A zeroed struct with struct_size set means all
 *          defaults; each field documents its default. Reel accepts a struct_size from the
 *          first published size of the struct up to 64 KiB: a shorter (older) struct gets
 *          defaults for the fields it lacks; a longer (newer) struct is accepted only if
 *          every byte Reel does not know is zero, otherwise REEL_ERROR_INCOMPATIBLE_VERSION.
 * Threads. Every function is safe to call from any thread, including threads the host
 *          created, unless its documentation says otherwise. Destroying an object while
 *          another thread still uses it is a host error: the other call then fails with
 *          REEL_ERROR_INVALID_HANDLE or works on the old object, but memory stays safe.
 *          Callbacks are never invoked while Reel holds an internal lock.
 * Strings. All strings are UTF-8 and NUL-terminated. Strings passed in are copied before
 *          the function returns; strings returned are owned by Reel.
 * Process. libreel contains its own .NET runtime (NativeAOT). It cannot be unloaded:
 *          dlclose() returns but the code stays mapped. Its managed heap is capped at
 *          512 MiB (pooled memory is unmanaged and not counted); the environment variable
 *          DOTNET_GCHeapHardLimit (hex bytes) overrides the cap.
 * ABI.     64-bit platforms only (x86_64 Linux today). While the major version is 0, minor
 *          releases only add functions, enum values and trailing struct fields.
 */
#ifndef REEL_H
#define REEL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32)
#  define REEL_API __declspec(dllimport)
#else
#  define REEL_API __attribute__((visibility("default")))
#endif

/* Handles are 64-bit values carried in pointer-sized types; Reel requires 64-bit pointers. */
typedef char reel__requires_64bit_pointers[(sizeof(void*) == 8) ? 1 : -1];

/** Declares a typed opaque handle; values are never dereferenced by the host. */
#define REEL_DEFINE_HANDLE(object) typedef struct object##_T* object;

/** The value of a handle that refers to nothing. */
#if defined(__cplusplus)
#  define REEL_NULL_HANDLE nullptr
#else
#  define REEL_NULL_HANDLE NULL
#endif

/* =======================================================================================
 * 2. Version
 * ======================================================================================= */

#define REEL_VERSION_MAJOR 0
#define REEL_VERSION_MINOR 2
#define REEL_VERSION_PATCH 0

/** Packs a version into 32 bits: 10 bits major, 10 bits minor, 12 bits patch. */
#define REEL_MAKE_VERSION(major, minor, patch) \
    ((((uint32_t)(major)) << 22) | (((uint32_t)(minor)) << 12) | ((uint32_t)(patch)))
#define REEL_VERSION_GET_MAJOR(version) (((uint32_t)(version)) >> 22)
#define REEL_VERSION_GET_MINOR(version) ((((uint32_t)(version)) >> 12) & 0x3FFu)
#define REEL_VERSION_GET_PATCH(version) (((uint32_t)(version)) & 0xFFFu)

/** The version of this header; pass it as reel_context_desc_t.api_version. */
#define REEL_API_VERSION REEL_MAKE_VERSION(REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH)

/*! reel_version() :
 *  @return the version of the loaded libreel, packed with REEL_MAKE_VERSION. Compare it
 *          with REEL_API_VERSION to detect a header/library mismatch.
 *  @note   Never fails; safe from any thread; callable before any context exists. */
REEL_API uint32_t reel_version(void);

/*! reel_version_string() :
 *  @return the version of the loaded libreel as "MAJOR.MINOR.PATCH", e.g. "0.2.0".
 *          The string is static; the caller must not free it.
 *  @note   Never fails; safe from any thread. */
REEL_API const char* reel_version_string(void);

/* =======================================================================================
 * 3. Results and errors
 * ======================================================================================= */

/** What a call did. Values are pinned: they never change meaning between releases. */
typedef enum reel_result_t {
    /** The call did what it was asked. */
    REEL_SUCCESS = 0,
    /** Non-error status: nothing is available yet (no packet, no frame); try again later. */
    REEL_NOT_READY = 1,
    /** Non-error status: a wait ended because its timeout passed. */
    REEL_TIMEOUT = 2,
    /** Non-error status: a stream is fully drained; no more output will come. */
    REEL_END_OF_STREAM = 3,
    /** An argument is NULL, out of range, or inconsistent with another; nothing changed. */
    REEL_ERROR_INVALID_ARGUMENT = -1,
    /** A handle is NULL, destroyed, of the wrong type, or was never issued by Reel. */
    REEL_ERROR_INVALID_HANDLE = -2,
    /** The host was built for a Reel version this library cannot serve (api_version,
     *  or a struct longer than this library knows with non-zero unknown fields). */
    REEL_ERROR_INCOMPATIBLE_VERSION = -3,
    /** Memory could not be obtained from the host allocator or the system. */
    REEL_ERROR_OUT_OF_MEMORY = -4,
    /** The request is valid but this build, backend or device cannot do it. */
    REEL_ERROR_UNSUPPORTED = -5,
    /** A fixed or configured limit was reached (for example the number of live objects). */
    REEL_ERROR_LIMIT_REACHED = -6,
    /** The call is not allowed in the object's current state (e.g. submit after flush). */
    REEL_ERROR_BAD_STATE = -7,
    /** Input data is damaged or is not what it claims to be (a bitstream, a file header). */
    REEL_ERROR_CORRUPT_DATA = -8,
    /** A file or stream could not be opened, read or written; the message has the OS reason. */
    REEL_ERROR_IO = -9,
    /** The GPU device was lost; destroy the objects made on it. */
    REEL_ERROR_DEVICE_LOST = -10,
    /** A defect inside Reel; the message has the details. Please report it. */
    REEL_ERROR_INTERNAL = -100,
    /** Not a result: keeps the enum 32 bits wide. */
    REEL_RESULT_MAX_ENUM = 0x7FFFFFFF
} reel_result_t;

/*! reel_result_name() :
 *  @param result any value, including values this library does not know.
 *  @return the enumerator's name, e.g. "REEL_ERROR_INVALID_HANDLE", or
 *          "REEL_RESULT_UNKNOWN" for a value no release defines. The string is static.
 *  @note   Never fails; safe from any thread. */
REEL_API const char* reel_result_name(reel_result_t result);

/*! reel_last_error_message() :
 *  Explains the most recent failed call on the calling thread: the function, the argument
 *  and the limit it broke, e.g. "reel_context_create: desc->struct_size is 4; expected
 *  sizeof(reel_context_desc_t) = 152 ...". Successful calls do not change it (like errno).
 *  @return a NUL-terminated UTF-8 string owned by Reel, "" if no call on this thread has
 *          failed. It stays valid until the next failing Reel call on the same thread or
 *          until the thread exits; copy it to keep it.
 *  @note   Never fails; the message is per thread, so threads never see each other's. */
REEL_API const char* reel_last_error_message(void);

/* =======================================================================================
 * 4. Context
 *
 * A context is the root object: it owns everything created from it, the host allocator,
 * the log callback and (later) the frame clock, accounting and telemetry. Most hosts need
 * one. Contexts are independent; several may exist at once, on any threads.
 * ======================================================================================= */

/* The object types. Each is a typed opaque handle (see Conventions). */
REEL_DEFINE_HANDLE(reel_context_t) /* section 4 */
REEL_DEFINE_HANDLE(reel_pool_t)    /* section 5 */
REEL_DEFINE_HANDLE(reel_buffer_t)  /* section 6 */

/** Severity of a log message; a context passes messages up to its log_level. */
typedef enum reel_log_level_t {
    REEL_LOG_LEVEL_ERROR = 1,   /**< a failure the host should see even if it ignores results */
    REEL_LOG_LEVEL_WARNING = 2, /**< something degraded: a fallback, a pool grown past its cap */
    REEL_LOG_LEVEL_INFO = 3,    /**< lifecycle: context and session creation, summaries */
    REEL_LOG_LEVEL_DEBUG = 4,   /**< details useful when diagnosing the host's use of Reel */
    REEL_LOG_LEVEL_TRACE = 5,   /**< per-operation detail; slow */
    REEL_LOG_LEVEL_MAX_ENUM = 0x7FFFFFFF /**< not a level: keeps the enum 32 bits wide */
} reel_log_level_t;

/** Receives one formatted log message.
 *  @param user_data reel_context_desc_t.log_user_data, unchanged.
 *  @param level     the message's severity.
 *  @param message   NUL-terminated UTF-8, without a trailing newline; valid only during the
 *                   call (copy it to keep it).
 *  Called on the thread whose Reel call produced the message (for asynchronous work, a Reel
 *  worker thread), possibly from several threads at once; never while Reel holds a lock.
 *  It must not destroy the context that is logging. */
typedef void (*reel_log_fn)(void* user_data, reel_log_level_t level, const char* message);

/** Allocates size bytes aligned to alignment (a power of two, at least 16); returns NULL on
 *  failure. Called from any thread, possibly concurrently. */
typedef void* (*reel_alloc_fn)(void* user_data, size_t size, size_t alignment);

/** Frees memory returned by the matching reel_alloc_fn; size and alignment are the values
 *  that allocation was made with. Never called with NULL. Called from any thread. */
typedef void (*reel_free_fn)(void* user_data, void* memory, size_t size, size_t alignment);

/** Host memory functions for the unmanaged memory a context allocates (pools, buffers,
 *  staging). Set both functions or neither; all-NULL means Reel's default (aligned malloc). */
typedef struct reel_allocator_t {
    void* user_data;       /**< passed unchanged to alloc and free */
    reel_alloc_fn alloc;   /**< NULL together with free: Reel's default */
    reel_free_fn free;     /**< NULL together with alloc: Reel's default */
} reel_allocator_t;

/** What a byte of memory Reel holds is for. Every unmanaged byte is counted in one. */
typedef enum reel_memory_category_t {
    REEL_MEMORY_FRAME = 0,     /**< video frame buffers (frame pools) */
    REEL_MEMORY_SAMPLE = 1,    /**< audio sample buffers (audio pools) */
    REEL_MEMORY_BITSTREAM = 2, /**< bitstream buffers (byte pools) */
    REEL_MEMORY_STAGING = 3,   /**< upload staging buffers (reel_context_acquire_staging) */
    REEL_MEMORY_DEVICE = 4,    /**< GPU device memory */
    REEL_MEMORY_DPB = 5,       /**< decoded picture buffer / reference pictures */
    REEL_MEMORY_CODEC = 6,     /**< memory codec libraries hold on Reel's behalf */
    REEL_MEMORY_MAX_ENUM = 0x7FFFFFFF /**< not a category: keeps the enum 32 bits wide */
} reel_memory_category_t;

/** Number of memory categories. */
#define REEL_MEMORY_CATEGORY_COUNT 7

/** How close a context is to its memory budget. */
typedef enum reel_pressure_level_t {
    REEL_PRESSURE_NONE = 0,   /**< below the medium threshold, or no budget */
    REEL_PRESSURE_MEDIUM = 1, /**< at or above pressure_medium_percent of the budget */
    REEL_PRESSURE_HIGH = 2,   /**< at or above pressure_high_percent: every idle pool buffer is
                                   trimmed and staging is purged, at each frame while HIGH */
    REEL_PRESSURE_MAX_ENUM = 0x7FFFFFFF /**< not a level: keeps the enum 32 bits wide */
} reel_pressure_level_t;

/** Returns the host's time in nanoseconds (any origin, never decreasing): a game's own
 *  clock, or a virtual clock in tests. Called from any thread. */
typedef uint64_t (*reel_time_fn)(void* user_data);

/** Called when the pressure level changes, on the thread whose call changed it (an acquire
 *  that grew a pool, reel_context_advance_frame, reel_context_set_memory_budget); never
 *  while Reel holds a lock. */
typedef void (*reel_pressure_fn)(void* user_data, reel_pressure_level_t level, uint64_t bytes_held,
                                 uint64_t budget);

/** Most suspects a leak alert lists. */
#define REEL_LEAK_MAX_SUSPECTS 8

/** A buffer a leak alert points at: the oldest outstanding buffers of the growing pool. */
typedef struct reel_leak_suspect_t {
    uint64_t tag;        /**< its host tag (reel_buffer_set_tag) */
    uint64_t age_frames; /**< frames since it was acquired */
    uint64_t bytes;      /**< its size */
} reel_leak_suspect_t;

/** What the leak detector found (reel_leak_fn). Published in 0.1.0 at 288 bytes. */
typedef struct reel_leak_alert_t {
    uint32_t struct_size;              /**< sizeof(reel_leak_alert_t) as the library knows it */
    reel_memory_category_t category;   /**< the category whose floor grew */
    uint64_t time_ns;                  /**< time source reading of the snapshot that raised it */
    uint64_t frame;                    /**< frame clock at that snapshot */
    uint64_t snapshot_index;           /**< that snapshot's index among all taken (0 = first) */
    double category_bytes_per_minute;  /**< least-squares growth of the category's floor */
    uint64_t category_bytes;           /**< bytes the category holds */
    double trend;                      /**< Kendall's tau of the floor series (1 = rising at
                                            every snapshot); alerts need at least 0.7 */
    const char* object_name;           /**< the pool growing fastest; NULL if none grew. Valid
                                            during the callback only */
    reel_pool_t pool;                  /**< that pool (may be destroyed and still draining) */
    double object_bytes_per_minute;    /**< its growth */
    uint64_t object_bytes;             /**< bytes it holds */
    uint32_t suspect_count;            /**< entries of suspects in use */
    uint32_t reserved;                 /**< 0 */
    reel_leak_suspect_t suspects[REEL_LEAK_MAX_SUSPECTS]; /**< its oldest buffers out, oldest
                                                               first */
} reel_leak_alert_t;

/** Called when the leak detector raises an alert (the alert is also logged as a warning
 *  and kept in reel_stats_json). Called on the thread of the reel_context_advance_frame or
 *  reel_context_take_snapshot that took the snapshot; never while Reel holds a lock. */
typedef void (*reel_leak_fn)(void* user_data, const reel_leak_alert_t* alert);

/** Time source, snapshots, leak detector, memory budget and staging settings of a context;
 *  all-zero means the defaults below. */
typedef struct reel_telemetry_config_t {
    reel_time_fn time_callback;         /**< NULL = the monotonic clock */
    void* time_user_data;               /**< passed to time_callback */
    uint32_t snapshot_interval_ms;      /**< snapshots are taken by reel_context_advance_frame
                                             when this much time has passed; 0 = 60000 */
    uint32_t snapshot_capacity;         /**< snapshots kept (a ring), 1..1000000; 0 = 1440 */
    uint32_t leak_window;               /**< K: snapshots the leak detector fits, 3..1000;
                                             0 = 10 */
    uint32_t leak_warmup_snapshots;     /**< snapshots before the detector starts; 0 = K */
    uint64_t leak_threshold_bytes_per_minute; /**< growth that alerts; 0 = 1000000 (1 MB/min) */
    reel_leak_fn leak_callback;         /**< NULL = alerts are only logged and kept in stats */
    reel_pressure_fn pressure_callback; /**< NULL = level changes are only logged */
    void* callback_user_data;           /**< passed to leak_callback and pressure_callback */
    uint64_t memory_budget;             /**< bytes; 0 = no budget (pressure stays NONE) */
    uint32_t pressure_medium_percent;   /**< 1..100; 0 = 50 */
    uint32_t pressure_high_percent;     /**< pressure_medium_percent..100; 0 = 90 */
    uint32_t staging_idle_ms;           /**< staging buffers not needed for this long are
                                             freed; 0 = 5000 */
    uint32_t reserved;                  /**< must be 0 */
} reel_telemetry_config_t;

/** How to create a context. Zero it, set struct_size (or use reel_context_desc_default()),
 *  then set what differs from the defaults. Published in 0.1.0 with these 152 bytes. */
typedef struct reel_context_desc_t {
    uint32_t struct_size;         /**< sizeof(reel_context_desc_t); required */
    uint32_t api_version;         /**< REEL_API_VERSION of the header the host was built with;
                                       0 = this library's version. A newer major (or, during
                                       0.x, a newer minor) is refused. Default 0 */
    const char* name;             /**< label in log messages and stats, at most 63 bytes of
                                       UTF-8; copied. NULL = "reel". Default NULL */
    reel_allocator_t allocator;   /**< default: Reel's aligned malloc */
    reel_log_fn log_callback;     /**< NULL = no logging. Default NULL */
    void* log_user_data;          /**< passed to log_callback. Default NULL */
    reel_log_level_t log_level;   /**< most verbose level delivered; 0 = REEL_LOG_LEVEL_WARNING */
    uint32_t reserved;            /**< must be 0 */
    reel_telemetry_config_t telemetry; /**< time source, snapshots, leak detector, budget */
} reel_context_desc_t;

/*! reel_context_desc_default() :
 *  @return a reel_context_desc_t with struct_size and api_version set for this header and
 *          every other field at its default. Defined here, not exported. */
static inline reel_context_desc_t reel_context_desc_default(void) {
    reel_context_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    desc.api_version = REEL_API_VERSION;
    return desc;
}

/*! reel_context_create() :
 *  Creates a context.
 *  @param desc        how to create it; read during the call only; no ownership passes.
 *  @param out_context receives the new context on success; unchanged on failure. The caller
 *                     owns the context and must pass it to reel_context_destroy().
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_ARGUMENT      desc or out_context is NULL; desc->struct_size is
 *                                           below the first published size or above 64 KiB;
 *                                           name is longer than 63 bytes; only one of
 *                                           allocator.alloc / allocator.free is set;
 *                                           log_level, reserved or a telemetry field out of
 *                                           its range,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc->api_version is newer than this library, or
 *                                           desc is longer than this library knows and a byte
 *                                           it does not know is non-zero,
 *          REEL_ERROR_LIMIT_REACHED         4096 contexts are alive already,
 *          REEL_ERROR_OUT_OF_MEMORY.
 *  @note   Safe from any thread. May call desc->log_callback before it returns. */
REEL_API reel_result_t reel_context_create(const reel_context_desc_t* desc,
                                           reel_context_t* out_context);

/*! reel_context_destroy() :
 *  Destroys a context. The handle is invalid afterwards: a second destroy, or any use,
 *  returns REEL_ERROR_INVALID_HANDLE.
 *  @param context the context to destroy; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS (also for REEL_NULL_HANDLE),
 *          REEL_ERROR_INVALID_HANDLE  context is stale, forged, or not a reel_context_t.
 *  @note   Must not race with other calls on the same context; other contexts are not
 *          affected. May call the context's log_callback before it returns. */
REEL_API reel_result_t reel_context_destroy(reel_context_t context);

/*! reel_context_advance_frame() :
 *  Ticks the context's frame clock (it starts at 0): call it once per produced or presented
 *  frame. Idle pool buffers older than their pool's trim_idle_frames are freed during the
 *  call, on the calling thread.
 *  @param context   the context.
 *  @param out_frame receives the new frame number; may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE.
 *  @note   Safe from any thread; no allocation when nothing is trimmed. */
REEL_API reel_result_t reel_context_advance_frame(reel_context_t context, uint64_t* out_frame);

/* =======================================================================================
 * 5. Pools
 *
 * A pool hands out refcounted buffers of one kind from unmanaged memory (the context's
 * allocator): video frames of one format and size, interleaved audio buffers, or byte
 * buffers in power-of-two size classes for bitstreams. Each thread keeps up to 4 buffers it
 * acquired and released in its own cache, and its next acquire takes the one it released
 * last, so threads that share a pool share no cache line while they acquire and release.
 * Buffers released by another thread than the one that acquired them (a decoder thread
 * acquires, an encoder thread releases) go through a shared lock-free ring, where any
 * thread finds them. No lock, no allocation either way. The pool takes every cache back
 * when it reaches its cap, when an acquire waits, at each trim period, on reel_pool_trim()
 * and on destroy, so cached buffers are never lost, also those of threads that ended.
 * Below its cap a pool grows as its growth mode says; at the cap its exhaustion policy
 * decides (fail, wait, or grow past the cap up to grow_limit with a warning). Pools are
 * always bounded.
 *
 * The order in which idle buffers are reused is unspecified (since 0.2; 0.1 reused the
 * oldest first). A buffer that a GPU, an encoder or another thread may still read must not
 * be released until that reader is done: hand the reference over with
 * reel_buffer_release_after() (a timeline value) or reel_buffer_release_deferred() (a frame
 * age), which release it only then (section 8). Or let the reader hold its own reference
 * (reel_buffer_retain()).
 *
 * Destroying a pool frees its idle buffers at once; buffers still out stay valid and are
 * freed when their last reference is released. Destroying the context destroys its pools.
 * The host allocator must stay usable until every buffer has been released.
 *
 * Thread safety: every function is safe from any thread; acquire, retain and release are
 * lock-free. reel_pool_destroy must not race with other calls on the same pool.
 * ======================================================================================= */

/** Pixel formats of frame pools. 4:2:0 chroma planes have ceil(width/2) x ceil(height/2)
 *  samples: odd sizes round up (a 5x3 I420 frame has 3x2 chroma samples). */
typedef enum reel_pixel_format_t {
    REEL_PIXEL_FORMAT_NV12 = 1,  /**< 8-bit 4:2:0; planes Y, interleaved UV */
    REEL_PIXEL_FORMAT_I420 = 2,  /**< 8-bit 4:2:0; planes Y, U, V */
    REEL_PIXEL_FORMAT_P010 = 3,  /**< 10-bit 4:2:0 in 16-bit words, high bits; planes Y, UV */
    REEL_PIXEL_FORMAT_I010 = 4,  /**< 10-bit 4:2:0 in 16-bit words, low bits; planes Y, U, V */
    REEL_PIXEL_FORMAT_RGBA8 = 5, /**< 8-bit R, G, B, A bytes; one plane */
    REEL_PIXEL_FORMAT_BGRA8 = 6, /**< 8-bit B, G, R, A bytes; one plane */
    REEL_PIXEL_FORMAT_MAX_ENUM = 0x7FFFFFFF /**< not a format: keeps the enum 32 bits wide */
} reel_pixel_format_t;

/** Interleaved audio sample formats. */
typedef enum reel_sample_format_t {
    REEL_SAMPLE_FORMAT_F32 = 1, /**< 32-bit float */
    REEL_SAMPLE_FORMAT_S16 = 2, /**< 16-bit signed */
    REEL_SAMPLE_FORMAT_S32 = 3, /**< 32-bit signed (what Godot's MovieWriter mixes) */
    REEL_SAMPLE_FORMAT_MAX_ENUM = 0x7FFFFFFF /**< not a format: keeps the enum 32 bits wide */
} reel_sample_format_t;

/** How a pool adds buffers when it runs dry below its cap. */
typedef enum reel_pool_growth_t {
    REEL_POOL_GROWTH_LINEAR = 0,      /**< growth_step buffers at a time (default: 1) */
    REEL_POOL_GROWTH_FIXED = 1,       /**< all max buffers allocated at creation; only
                                           trimmed buffers are replaced, one at a time */
    REEL_POOL_GROWTH_EXPONENTIAL = 2, /**< double the allocated count (at least 1), up to max */
    REEL_POOL_GROWTH_MAX_ENUM = 0x7FFFFFFF /**< not a mode: keeps the enum 32 bits wide */
} reel_pool_growth_t;

/** What acquire does when every buffer up to the cap is in use. */
typedef enum reel_pool_exhaustion_t {
    REEL_POOL_EXHAUSTION_FAIL = 0, /**< return REEL_ERROR_LIMIT_REACHED at once (default) */
    REEL_POOL_EXHAUSTION_WAIT = 1, /**< wait up to wait_timeout_ms for a release; then
                                        REEL_TIMEOUT */
    REEL_POOL_EXHAUSTION_GROW = 2, /**< allocate past max up to grow_limit, logging a warning
                                        and counting grows_past_cap; then as FAIL */
    REEL_POOL_EXHAUSTION_MAX_ENUM = 0x7FFFFFFF /**< not a policy: keeps the enum 32 bits wide */
} reel_pool_exhaustion_t;

/** Option bits of reel_pool_config_t.flags. */
typedef enum reel_pool_flags_t {
    REEL_POOL_FLAG_NONE = 0,            /**< no options */
    REEL_POOL_FLAG_ZERO_ON_RELEASE = 1, /**< zero a buffer's memory when it is returned */
    REEL_POOL_FLAG_THREAD_CACHE = 2,    /**< accepted and ignored since 0.2: every pool
                                             has per-thread caches (in 0.1 this flag turned
                                             them on) */
    REEL_POOL_FLAG_MAX_ENUM = 0x7FFFFFFF /**< not a flag: keeps the enum 32 bits wide */
} reel_pool_flags_t;

/** reel_pool_config_t.wait_timeout_ms that never times out. */
#define REEL_WAIT_FOREVER 0xFFFFFFFFu

/** Sizing and policy shared by every pool kind; all-zero means the defaults below.
 *  For byte pools it applies to each size class separately. */
typedef struct reel_pool_config_t {
    uint32_t initial;         /**< buffers allocated at creation; 0..max. Default 0 */
    uint32_t max;             /**< the cap, 1..262144; 0 = the kind's default (frames 16,
                                   audio 64, bytes 16 per class) */
    reel_pool_growth_t growth; /**< default REEL_POOL_GROWTH_LINEAR */
    uint32_t growth_step;     /**< buffers per growth for LINEAR, 0..max; 0 = 1 */
    reel_pool_exhaustion_t exhaustion; /**< default REEL_POOL_EXHAUSTION_FAIL */
    uint32_t wait_timeout_ms; /**< for WAIT; 0 = 1000 ms; REEL_WAIT_FOREVER = no timeout */
    uint32_t grow_limit;      /**< for GROW, max..262144; 0 = 4 x max. Must be 0 otherwise */
    uint32_t trim_idle_frames; /**< trim period in frames (reel_context_advance_frame): at the
                                    end of each period the buffers it proved surplus are freed
                                    (as many as the fewest idle buffers seen after any acquire;
                                    all idle ones if none was acquired). 0 = no frame period */
    uint32_t flags;           /**< reel_pool_flags_t bits. Default 0 */
    uint32_t trim_idle_ms;    /**< the same with a period in milliseconds of the context's time
                                   source, checked at reel_context_advance_frame. 0 = none */
} reel_pool_config_t;

/** How to create a frame pool. Published in 0.1.0 at 80 bytes. */
typedef struct reel_frame_pool_desc_t {
    uint32_t struct_size;       /**< sizeof(reel_frame_pool_desc_t); required */
    reel_pixel_format_t format; /**< required */
    uint32_t width;             /**< pixels, 1..32768; required */
    uint32_t height;            /**< pixels, 1..32768; required */
    uint32_t stride_align;      /**< stride and plane alignment in bytes, a power of two up to
                                     4096; 0 = 64 */
    uint32_t row_padding;       /**< bytes added to each row before aligning, 0..4096.
                                     Default 0 */
    uint32_t height_align;      /**< plane heights rounded up to this many rows (a power of
                                     two up to 256; chroma rows follow); 0 = 1 */
    uint32_t reserved;          /**< must be 0 */
    const char* name;           /**< label in logs and stats, at most 63 bytes; copied.
                                     NULL = "frame" */
    reel_pool_config_t config;  /**< sizing and policy */
} reel_frame_pool_desc_t;

/** How to create an audio pool. Published in 0.1.0 at 72 bytes. */
typedef struct reel_audio_pool_desc_t {
    uint32_t struct_size;         /**< sizeof(reel_audio_pool_desc_t); required */
    reel_sample_format_t format;  /**< required */
    uint32_t channels;            /**< interleaved channels, 1..64; required */
    uint32_t samples_per_buffer;  /**< samples per channel, 1..1048576; required */
    uint32_t sample_rate;         /**< Hz, informational (reported in reel_audio_info_t);
                                       0 = unknown */
    uint32_t reserved;            /**< must be 0 */
    const char* name;             /**< label, at most 63 bytes; copied. NULL = "audio" */
    reel_pool_config_t config;    /**< sizing and policy */
} reel_audio_pool_desc_t;

/** How to create a byte pool. Published in 0.1.0 at 72 bytes. */
typedef struct reel_byte_pool_desc_t {
    uint32_t struct_size;       /**< sizeof(reel_byte_pool_desc_t); required */
    uint32_t reserved;          /**< must be 0 */
    uint64_t min_class_size;    /**< smallest class in bytes, a power of two from 256 to 1 GiB;
                                     0 = 64 KiB */
    uint64_t max_class_size;    /**< largest class, a power of two from min_class_size to
                                     1 GiB; larger requests are refused; 0 = 16 MiB */
    const char* name;           /**< label, at most 63 bytes; copied. NULL = "bytes" */
    reel_pool_config_t config;  /**< sizing and policy of each class */
} reel_byte_pool_desc_t;

/** A pool's counters (reel_pool_get_stats). Exact at rest; under concurrent use each value
 *  is exact but they are not read at one instant. At rest allocated = available + in_use.
 *  For byte pools every value is summed over the size classes. Published in 0.1.0 at 88
 *  bytes. */
typedef struct reel_pool_stats_t {
    uint32_t struct_size;     /**< set by the caller to sizeof(reel_pool_stats_t) */
    uint32_t capacity;        /**< the cap (max) */
    uint32_t allocated;       /**< buffers with memory */
    uint32_t available;       /**< idle buffers with memory */
    uint32_t in_use;          /**< buffers out (acquired, not yet returned) */
    uint32_t peak_in_use;     /**< highest in_use seen */
    uint64_t acquires;        /**< buffers handed out */
    uint64_t releases;        /**< buffers returned (last reference released) */
    uint64_t misses;          /**< buffer allocations: acquires the free ring could not serve,
                                   plus preallocation */
    uint64_t waits;           /**< acquires that waited (WAIT policy) */
    uint64_t wait_ns;         /**< total time waited, nanoseconds */
    uint64_t grows_past_cap;  /**< buffers allocated past max (GROW policy) */
    uint64_t trims;           /**< idle buffers freed by trimming */
    uint64_t bytes_held;      /**< bytes of buffer memory held: allocated x buffer size */
} reel_pool_stats_t;

/*! reel_frame_pool_desc_default() :
 *  @return a reel_frame_pool_desc_t with struct_size set and every field at its default;
 *          set format, width and height. Defined here, not exported. */
static inline reel_frame_pool_desc_t reel_frame_pool_desc_default(void) {
    reel_frame_pool_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_audio_pool_desc_default() :
 *  @return a reel_audio_pool_desc_t with struct_size set and every field at its default;
 *          set format, channels and samples_per_buffer. Defined here, not exported. */
static inline reel_audio_pool_desc_t reel_audio_pool_desc_default(void) {
    reel_audio_pool_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_byte_pool_desc_default() :
 *  @return a reel_byte_pool_desc_t with struct_size set and every field at its default
 *          (classes 64 KiB to 16 MiB, 16 buffers per class). Defined here, not exported. */
static inline reel_byte_pool_desc_t reel_byte_pool_desc_default(void) {
    reel_byte_pool_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_pool_stats_init() :
 *  @return a zeroed reel_pool_stats_t with struct_size set, ready for reel_pool_get_stats().
 *          Defined here, not exported. */
static inline reel_pool_stats_t reel_pool_stats_init(void) {
    reel_pool_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_frame_pool_create() :
 *  Creates a pool of frames of one format and size and allocates config.initial of them.
 *  Planes start at multiples of stride_align; each buffer has at least 64 bytes after its
 *  last plane, so SIMD code may read past the end of a row.
 *  @param context  the owning context (its allocator, logger and frame clock).
 *  @param desc     read during the call only.
 *  @param out_pool receives the pool; unchanged on failure. Destroy with reel_pool_destroy()
 *                  (or reel_context_destroy()).
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_HANDLE    context is not a live context,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc/out_pool; bad struct_size; unknown format,
 *                                       growth, exhaustion or flags; a size, alignment or count
 *                                       out of its range; a frame above 4 GiB,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_OUT_OF_MEMORY     the initial buffers could not be allocated,
 *          REEL_ERROR_LIMIT_REACHED     16384 pools are alive. */
REEL_API reel_result_t reel_frame_pool_create(reel_context_t context, const reel_frame_pool_desc_t* desc,
                                              reel_pool_t* out_pool);

/*! reel_audio_pool_create() :
 *  Creates a pool of interleaved audio buffers of samples_per_buffer x channels samples.
 *  Parameters, ownership and errors as reel_frame_pool_create(). */
REEL_API reel_result_t reel_audio_pool_create(reel_context_t context, const reel_audio_pool_desc_t* desc,
                                              reel_pool_t* out_pool);

/*! reel_byte_pool_create() :
 *  Creates a pool of byte buffers in power-of-two size classes from min_class_size to
 *  max_class_size; a request gets a buffer of the smallest class that holds it, and each
 *  class has its own cap (config.max). Parameters, ownership and errors as
 *  reel_frame_pool_create(). */
REEL_API reel_result_t reel_byte_pool_create(reel_context_t context, const reel_byte_pool_desc_t* desc,
                                             reel_pool_t* out_pool);

/*! reel_pool_destroy() :
 *  Destroys a pool: the handle is invalid at once and idle buffers are freed; buffers still
 *  out stay valid and are freed when their last reference is released.
 *  @param pool the pool; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE.
 *  @note   Must not race with other calls on the same pool; waiters of a WAIT pool wake
 *          and fail with REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_pool_destroy(reel_pool_t pool);

/*! reel_pool_acquire() :
 *  Takes a buffer from a frame or audio pool, with one reference. Its pts and tag are 0.
 *  @param pool       a frame or audio pool.
 *  @param out_buffer receives the buffer; REEL_NULL_HANDLE on failure or timeout. The caller
 *                    owns one reference and must release it with reel_buffer_release().
 *  @return REEL_SUCCESS,
 *          REEL_TIMEOUT                 WAIT policy: no buffer came back within wait_timeout_ms,
 *          REEL_ERROR_LIMIT_REACHED     FAIL policy (or GROW at grow_limit): every buffer is out,
 *          REEL_ERROR_OUT_OF_MEMORY     growing failed,
 *          REEL_ERROR_INVALID_HANDLE    pool is stale or destroyed (also while waiting),
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_buffer; pool is a byte pool.
 *          REEL_ERROR_LIMIT_REACHED also when every buffer slot of the pool is retired (see
 *          section 6: after at least 2^40 acquires; the message says so); create a new pool.
 *  @note   Lock-free and allocation-free when an idle buffer exists: the calling thread's
 *          cache, else the shared ring. At the cap it first takes every thread's cached
 *          buffers back (a process-wide memory barrier, microseconds). */
REEL_API reel_result_t reel_pool_acquire(reel_pool_t pool, reel_buffer_t* out_buffer);

/*! reel_pool_acquire_bytes() :
 *  Takes a buffer of at least size bytes from a byte pool (the smallest class that holds
 *  it), with one reference; its payload size (reel_bytes_info_t.size) is set to size.
 *  @param pool       a byte pool.
 *  @param size       1..max_class_size bytes.
 *  @param out_buffer as reel_pool_acquire().
 *  @return as reel_pool_acquire(); REEL_ERROR_INVALID_ARGUMENT also for size 0, a size above
 *          max_class_size, or a frame/audio pool. */
REEL_API reel_result_t reel_pool_acquire_bytes(reel_pool_t pool, size_t size, reel_buffer_t* out_buffer);

/*! reel_pool_trim() :
 *  Takes the threads' cached buffers back, then frees idle buffers until at most keep_idle
 *  remain (per size class for byte pools). Buffers out are not touched.
 *  @param pool      the pool.
 *  @param keep_idle idle buffers to keep; 0 frees them all.
 *  @param out_freed receives the number freed; may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_pool_trim(reel_pool_t pool, uint32_t keep_idle, uint32_t* out_freed);

/*! reel_pool_get_stats() :
 *  Reads a pool's counters. Cheap enough to call every frame.
 *  @param pool      the pool.
 *  @param out_stats caller-owned; set struct_size first (reel_pool_stats_init()). Reel writes
 *                   struct_size bytes at most.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_pool_get_stats(reel_pool_t pool, reel_pool_stats_t* out_stats);

/* =======================================================================================
 * 6. Buffers
 *
 * A buffer is refcounted: acquire gives one reference, reel_buffer_retain() adds one,
 * reel_buffer_release() drops one, and the last release returns the buffer to its pool
 * (or frees it if the pool was destroyed). Any thread may retain and release. A released
 * buffer's handle is stale: using it, or releasing it again, gives
 * REEL_ERROR_INVALID_HANDLE, never a double free. Handles never come back: a buffer slot
 * moves to a new generation at every last release, with 24 to 42 bits of generation (the
 * bits its pool's grow_limit leaves: 38 for 16 buffers, 24 for 262144), a slot whose
 * generations are used up is retired (its memory freed, a warning logged) instead of
 * wrapping, and a pool created in a destroyed pool's place starts above every handle the
 * earlier pool issued. A pool thus hands out at least 2^40 buffers before its slots run out
 * (12 days at a million acquires per second, millennia at video frame rates); then acquire
 * fails with REEL_ERROR_LIMIT_REACHED.
 * Writing pixels, pts or tag while another thread reads them needs host synchronisation,
 * as for any shared memory.
 * ======================================================================================= */

/** Most planes of a frame. */
#define REEL_MAX_PLANES 4

/** A frame buffer's planes and metadata (reel_buffer_get_frame). Published in 0.1.0 at 120
 *  bytes. */
typedef struct reel_frame_info_t {
    uint32_t struct_size;       /**< set by the caller to sizeof(reel_frame_info_t) */
    reel_pixel_format_t format; /**< the pool's format */
    uint32_t width;             /**< pixels */
    uint32_t height;            /**< pixels */
    uint32_t plane_count;       /**< 1 (RGBA8/BGRA8), 2 (NV12/P010) or 3 (I420/I010) */
    uint32_t reserved;          /**< 0 */
    uint8_t* data[REEL_MAX_PLANES];   /**< first byte of each plane; NULL past plane_count.
                                           Valid while the caller holds a reference */
    uint32_t stride[REEL_MAX_PLANES]; /**< bytes from one row to the next; 0 past plane_count */
    size_t plane_size[REEL_MAX_PLANES]; /**< bytes of each plane (stride x rows) */
    int64_t pts;                /**< presentation timestamp set with reel_buffer_set_pts() */
    uint64_t tag;               /**< host tag set with reel_buffer_set_tag() */
} reel_frame_info_t;

/** An audio buffer's samples and metadata (reel_buffer_get_audio). Published in 0.1.0 at 56
 *  bytes. */
typedef struct reel_audio_info_t {
    uint32_t struct_size;         /**< set by the caller to sizeof(reel_audio_info_t) */
    reel_sample_format_t format;  /**< the pool's format */
    uint32_t channels;            /**< interleaved channels */
    uint32_t samples;             /**< samples per channel */
    uint32_t sample_rate;         /**< Hz as declared at pool creation; 0 = unknown */
    uint32_t reserved;            /**< 0 */
    void* data;                   /**< interleaved samples; valid while a reference is held */
    size_t size;                  /**< bytes: samples x channels x bytes per sample */
    int64_t pts;                  /**< presentation timestamp */
    uint64_t tag;                 /**< host tag */
} reel_audio_info_t;

/** A byte buffer's memory and metadata (reel_buffer_get_bytes); encoded packets are byte
 *  buffers with dts and flags. Published in 0.1.0 at 64 bytes. */
typedef struct reel_bytes_info_t {
    uint32_t struct_size;  /**< set by the caller to sizeof(reel_bytes_info_t) */
    uint32_t reserved;     /**< 0 */
    uint8_t* data;         /**< capacity bytes, 64-byte aligned; valid while a reference is held */
    size_t capacity;       /**< bytes of the buffer's size class */
    size_t size;           /**< payload bytes: the acquired size, or reel_buffer_set_size() */
    int64_t pts;           /**< presentation timestamp */
    uint64_t tag;          /**< host tag */
    int64_t dts;           /**< decode timestamp of a packet (reel_buffer_set_packet_info) */
    uint32_t flags;        /**< REEL_PACKET_FLAG_* bits of a packet */
    uint32_t reserved2;    /**< 0 */
} reel_bytes_info_t;

/** reel_bytes_info_t.flags: the packet is a keyframe (a point decoding can start from). */
#define REEL_PACKET_FLAG_KEYFRAME 0x1u

/*! reel_frame_info_init() :
 *  @return a zeroed reel_frame_info_t with struct_size set. Defined here, not exported. */
static inline reel_frame_info_t reel_frame_info_init(void) {
    reel_frame_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_audio_info_init() :
 *  @return a zeroed reel_audio_info_t with struct_size set. Defined here, not exported. */
static inline reel_audio_info_t reel_audio_info_init(void) {
    reel_audio_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_bytes_info_init() :
 *  @return a zeroed reel_bytes_info_t with struct_size set. Defined here, not exported. */
static inline reel_bytes_info_t reel_bytes_info_init(void) {
    reel_bytes_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_buffer_retain() :
 *  Adds a reference: the buffer stays out until every reference is released.
 *  @param buffer a live buffer.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (stale, released, forged, not a buffer),
 *          REEL_ERROR_LIMIT_REACHED  the buffer already holds 4194303 references.
 *  @note   Lock-free; from any thread. */
REEL_API reel_result_t reel_buffer_retain(reel_buffer_t buffer);

/*! reel_buffer_release() :
 *  Drops a reference; the last one returns the buffer to its pool, where the next acquire
 *  may hand it out at once (a thread gets back what it released last), or, if the pool was
 *  destroyed, frees it. The handle must not be used after its last release. Release a
 *  buffer the GPU may still read with reel_buffer_release_after() instead.
 *  @param buffer a live buffer.
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_HANDLE  stale (already released), forged, or not a buffer;
 *                                     nothing is freed twice.
 *  @note   Lock-free; from any thread. */
REEL_API reel_result_t reel_buffer_release(reel_buffer_t buffer);

/*! reel_buffer_get_frame() :
 *  Describes a frame buffer: plane pointers, strides, size, format, pts and tag.
 *  @param buffer   a live buffer of a frame pool.
 *  @param out_info caller-owned; set struct_size first (reel_frame_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_info, bad struct_size, not a frame buffer. */
REEL_API reel_result_t reel_buffer_get_frame(reel_buffer_t buffer, reel_frame_info_t* out_info);

/*! reel_buffer_get_audio() :
 *  Describes an audio buffer. As reel_buffer_get_frame(), for audio pools. */
REEL_API reel_result_t reel_buffer_get_audio(reel_buffer_t buffer, reel_audio_info_t* out_info);

/*! reel_buffer_get_bytes() :
 *  Describes a byte buffer. As reel_buffer_get_frame(), for byte pools. */
REEL_API reel_result_t reel_buffer_get_bytes(reel_buffer_t buffer, reel_bytes_info_t* out_info);

/*! reel_buffer_set_pts() :
 *  Sets a buffer's presentation timestamp (0 after acquire).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_buffer_set_pts(reel_buffer_t buffer, int64_t pts);

/*! reel_buffer_set_tag() :
 *  Sets a buffer's host tag (0 after acquire): any 64-bit value, e.g. a frame number or a
 *  pointer; leak reports show it.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_buffer_set_tag(reel_buffer_t buffer, uint64_t tag);

/*! reel_buffer_set_packet_info() :
 *  Sets the packet metadata of a byte buffer (0 after acquire), for hosts that carry
 *  packets in pooled buffers; encoders set it on the packets they return.
 *  @param dts   decode timestamp.
 *  @param flags REEL_PACKET_FLAG_* bits.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  unknown flag bits, or not a byte buffer. */
REEL_API reel_result_t reel_buffer_set_packet_info(reel_buffer_t buffer, int64_t dts, uint32_t flags);

/*! reel_buffer_set_size() :
 *  Sets the payload size of a byte buffer, e.g. after writing a packet into it.
 *  @param size 0..capacity.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  size above the capacity, or not a byte buffer. */
REEL_API reel_result_t reel_buffer_set_size(reel_buffer_t buffer, size_t size);

/* =======================================================================================
 * 7. Memory and telemetry
 *
 * Every unmanaged byte a context holds is counted, by category and by pool: pool buffers
 * (idle and out), staging, and what backends allocate. Snapshots of it are taken every
 * snapshot_interval_ms (by reel_context_advance_frame, or reel_context_take_snapshot) into
 * a ring. After the warm-up, the leak detector fits the last K snapshots: a category whose
 * floor (fewest bytes held in each interval, so bursts that come back do not count) grows
 * faster than the threshold with a clear upward trend raises an alert naming the category,
 * the pool growing fastest, and the tags of that pool's oldest buffers out. With a budget,
 * pressure levels NONE / MEDIUM / HIGH are reported on change; at HIGH every idle buffer is
 * trimmed and staging is purged. Managed-heap memory of Reel itself is not in the
 * categories; reel_stats_json reports it separately.
 * ======================================================================================= */

/** A context's memory at this instant (reel_context_get_memory). Published in 0.1.0 at 192
 *  bytes. */
typedef struct reel_memory_stats_t {
    uint32_t struct_size;             /**< set by the caller to sizeof(reel_memory_stats_t) */
    reel_pressure_level_t pressure;   /**< current level */
    uint64_t bytes;                   /**< bytes held in all categories */
    uint64_t peak_bytes;              /**< most bytes ever held at once */
    uint64_t budget;                  /**< the budget; 0 = none */
    uint64_t category_bytes[REEL_MEMORY_CATEGORY_COUNT];      /**< bytes held, by category */
    uint64_t category_peak_bytes[REEL_MEMORY_CATEGORY_COUNT]; /**< peak bytes, by category */
    uint64_t frame;                   /**< the frame clock */
    uint64_t frames_dropped;          /**< frame acquires that failed: pool exhausted, out of
                                           memory, or a WAIT timed out */
    uint64_t snapshots;               /**< snapshots taken */
    uint64_t alerts;                  /**< leak alerts raised */
    uint32_t pools;                   /**< live pools, counting the context's staging pool once
                                           reel_context_acquire_staging created it */
    uint32_t buffers_out;             /**< buffers out, including those of destroyed pools */
    uint32_t deferred_pending;        /**< deferred releases waiting */
    uint32_t reserved;                /**< 0 */
} reel_memory_stats_t;

/*! reel_memory_stats_init() :
 *  @return a zeroed reel_memory_stats_t with struct_size set. Defined here, not exported. */
static inline reel_memory_stats_t reel_memory_stats_init(void) {
    reel_memory_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_context_get_memory() :
 *  Reads the context's accounting. Cheap: fine to call every frame.
 *  @param context   the context.
 *  @param out_stats caller-owned; set struct_size first (reel_memory_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_context_get_memory(reel_context_t context, reel_memory_stats_t* out_stats);

/*! reel_context_set_memory_budget() :
 *  Sets the budget pressure levels are measured against, and re-evaluates the level now
 *  (the pressure callback may run before this returns).
 *  @param budget_bytes 0 removes the budget (pressure becomes NONE).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_context_set_memory_budget(reel_context_t context, uint64_t budget_bytes);

/*! reel_context_take_snapshot() :
 *  Takes a snapshot now (besides those reel_context_advance_frame takes each interval) and
 *  runs the leak detector; the leak callback may run before this returns.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_context_take_snapshot(reel_context_t context);

/** reel_stats_json flag: also list every buffer still out. */
#define REEL_STATS_JSON_OUTSTANDING 0x1u
/** reel_stats_json flag: also list every snapshot in the ring (large). */
#define REEL_STATS_JSON_SNAPSHOTS 0x2u

/*! reel_stats_json() :
 *  Writes one JSON document of the whole context: version, clock, memory by category with
 *  budget and pressure, live object counts, every pool (live and draining) with its stats and
 *  size classes, the snapshot summary, the alerts, deferred releases, and what the flags add.
 *  It walks every pool: call it for diagnostics, not every frame.
 *  @param flags    REEL_STATS_JSON_* bits; 0 for the summary.
 *  @param out_json receives a NUL-terminated UTF-8 string allocated with the context's
 *                  allocator; the caller owns it and frees it with reel_stats_json_free().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_OUT_OF_MEMORY,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_json or unknown flags. */
REEL_API reel_result_t reel_stats_json(reel_context_t context, uint32_t flags, char** out_json);

/*! reel_stats_json_free() :
 *  Frees a string from reel_stats_json() of the same context. NULL does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_stats_json_free(reel_context_t context, char* json);

/** One buffer still out (reel_report_outstanding). Pointers are valid during the callback.
 *  Published in 0.1.0 at 72 bytes. */
typedef struct reel_outstanding_buffer_t {
    uint32_t struct_size;       /**< sizeof(reel_outstanding_buffer_t) as the library knows it */
    uint32_t reserved;          /**< 0 */
    const char* pool_name;      /**< its pool's name */
    reel_pool_t pool;           /**< its pool (stale if destroyed; it drains) */
    reel_buffer_t buffer;       /**< the buffer */
    uint64_t bytes;             /**< its size (the size class for byte pools) */
    uint64_t acquired_at_frame; /**< frame clock when it was acquired */
    uint64_t age_frames;        /**< frames since then */
    uint64_t tag;               /**< its host tag */
    int64_t pts;                /**< its pts */
} reel_outstanding_buffer_t;

/** Receives one outstanding buffer; called on the calling thread, oldest first. */
typedef void (*reel_outstanding_fn)(void* user_data, const reel_outstanding_buffer_t* buffer);

/*! reel_report_outstanding() :
 *  Lists every buffer of the context still out (live and destroyed pools), oldest first.
 *  The same report goes to the log (warning) when a context is destroyed with buffers out;
 *  that never aborts.
 *  @param callback  called once per buffer; NULL only counts.
 *  @param out_count receives the number of buffers; may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_report_outstanding(reel_context_t context, reel_outstanding_fn callback,
                                               void* user_data, uint32_t* out_count);

/* =======================================================================================
 * 8. Lifetime and staging
 *
 * Deferred release is what keeps a buffer that a GPU or an encoder may still read from
 * being handed out again: the deferred queue holds the reference, so the pool cannot reuse
 * the buffer before the timeline value completes (reel_buffer_release_after(), section 13)
 * or the frame age passes (reel_buffer_release_deferred()), whichever thread acquires next
 * and whatever order the pool reuses buffers in. Due releases run at
 * reel_context_advance_frame().
 * ======================================================================================= */

/*! reel_buffer_release_deferred() :
 *  Releases one reference of a buffer later: when its context's frame clock has advanced
 *  frames more times (the GPU may still read the buffer until then). Context destroy
 *  releases every deferred reference at once.
 *  @param buffer a live buffer; the caller's reference passes to the deferred queue.
 *  @param frames 0..100000; 0 releases at the next reel_context_advance_frame.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  frames out of range (the reference stays the caller's). */
REEL_API reel_result_t reel_buffer_release_deferred(reel_buffer_t buffer, uint32_t frames);

/*! reel_context_acquire_staging() :
 *  Takes an upload staging buffer of at least size bytes from the context's staging pool
 *  (power-of-two classes from 64 KiB to 256 MiB, 16 per class), counted as
 *  REEL_MEMORY_STAGING. Staging buffers not needed for staging_idle_ms are freed, and HIGH
 *  pressure purges every idle one. Use it like any byte buffer (reel_buffer_get_bytes,
 *  reel_buffer_release).
 *  @return as reel_pool_acquire_bytes(). */
REEL_API reel_result_t reel_context_acquire_staging(reel_context_t context, size_t size, reel_buffer_t* out_buffer);

/* =======================================================================================
 * 9. Soak
 *
 * A long session of a transcoding pipeline through the real engine on a virtual clock:
 * demux -> decode -> frame cache -> encode -> mux, with audio and staging uploads, the
 * decode format flipping between 1080p and 720p every virtual hour (a new pool each time).
 * Snapshots every virtual minute, the leak detector on, and an SVG chart of memory per
 * category at the end. 24 virtual hours at 60 fps take seconds. It runs in its own context.
 * ======================================================================================= */

/** What the simulated host does. */
typedef enum reel_soak_scenario_t {
    REEL_SOAK_STEADY = 0, /**< a healthy pipeline: memory must not grow, no alert may fire */
    REEL_SOAK_LEAK = 1,   /**< leaks one decoded frame per virtual minute from leak_start_minute */
    REEL_SOAK_BURSTY = 2, /**< bursts of extra frames held for seconds, then released */
    REEL_SOAK_MAX_ENUM = 0x7FFFFFFF /**< not a scenario: keeps the enum 32 bits wide */
} reel_soak_scenario_t;

/** How to run a soak. Published in 0.1.0 at 40 bytes. */
typedef struct reel_soak_desc_t {
    uint32_t struct_size;          /**< sizeof(reel_soak_desc_t); required */
    reel_soak_scenario_t scenario; /**< default REEL_SOAK_STEADY */
    double hours;                  /**< virtual hours, above 0 up to 720; 0 = 24 */
    uint32_t fps;                  /**< frames per virtual second, 1..240; 0 = 60 */
    int32_t seed;                  /**< seed of packet sizes and bursts; 0 = 1 */
    uint32_t leak_start_minute;    /**< REEL_SOAK_LEAK: first leaked minute; 0 = 20 */
    uint32_t stop_on_alert;        /**< non-zero: stop at the first leak alert */
    const char* svg_path;          /**< where to write the chart; NULL = none */
} reel_soak_desc_t;

/** What a soak measured. Published in 0.1.0 at 168 bytes. */
typedef struct reel_soak_result_t {
    uint32_t struct_size;           /**< set by the caller to sizeof(reel_soak_result_t) */
    uint32_t reserved;              /**< 0 */
    uint64_t frames;                /**< frames simulated */
    double virtual_hours;           /**< virtual hours simulated */
    double wall_seconds;            /**< real time the run took */
    uint64_t snapshots;             /**< snapshots taken (1440 for 24 h) */
    uint64_t alerts;                /**< leak alerts raised */
    int64_t leak_start_snapshot;    /**< REEL_SOAK_LEAK: the snapshot index when the leak began;
                                         -1 otherwise */
    int64_t first_alert_snapshot;   /**< the first alert's snapshot index; -1 if none */
    double steady_growth_bytes_per_hour; /**< bytes held mid-hour 2 vs mid-hour of the last hour of
                                              the same format, per hour; NaN under 6 hours */
    uint64_t peak_bytes;            /**< most bytes held at once */
    uint64_t final_bytes;           /**< bytes held at the end, before teardown */
    uint64_t frames_dropped;        /**< frame acquires that failed */
    uint64_t alert_tag;             /**< the first alert's oldest suspect's tag; 0 if none */
    char alert_object[64];          /**< the first alert's pool name, NUL-terminated; "" if none */
} reel_soak_result_t;

/*! reel_soak_desc_default() :
 *  @return a reel_soak_desc_t with struct_size set and every field at its default (a
 *          steady 24-hour run at 60 fps, no chart). Defined here, not exported. */
static inline reel_soak_desc_t reel_soak_desc_default(void) {
    reel_soak_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_soak_result_init() :
 *  @return a zeroed reel_soak_result_t with struct_size set. Defined here, not exported. */
static inline reel_soak_result_t reel_soak_result_init(void) {
    reel_soak_result_t result;
    memset(&result, 0, sizeof(result));
    result.struct_size = (uint32_t)sizeof(result);
    return result;
}

/*! reel_soak_run() :
 *  Runs a soak in its own context (the caller needs none) and blocks until it ends.
 *  @param desc       read during the call only.
 *  @param out_result caller-owned; set struct_size first (reel_soak_result_init()).
 *  @return REEL_SUCCESS (a leak alert is a result, not a failure),
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers, bad struct_size, fields out of range,
 *                                       the chart file cannot be written,
 *          REEL_ERROR_OUT_OF_MEMORY. */
REEL_API reel_result_t reel_soak_run(const reel_soak_desc_t* desc, reel_soak_result_t* out_result);

/* =======================================================================================
 * 10. Frame cache
 *
 * A random-access cache of decoded frames for editors that scrub, play backwards and loop.
 * It holds references to frame buffers (reel_buffer_t of frame pools): a ring of
 * consecutive frames around the playhead for play, an LRU for random access, within a memory
 * budget. It watches the access pattern (forward, reverse, scrubbing, an A-B loop) and asks
 * for the frames that pattern will need next: it queues requests, calls the request callback,
 * and a producer (the host's decode thread) takes them with reel_frame_cache_take_request(),
 * decodes from the keyframe before the requested frame, and inserts every frame it decoded
 * on the way. Eviction only drops the cache's own reference: a frame a consumer still holds
 * stays valid. Everything is safe from any thread (one lock; no call back into the cache
 * from the callback).
 * ======================================================================================= */

REEL_DEFINE_HANDLE(reel_frame_cache_t)

/** Sizes for a resolution class (see reel_frame_cache_desc_t.preset). */
typedef enum reel_frame_cache_preset_t {
    REEL_FRAME_CACHE_PRESET_HD = 0,  /**< 1280x720 to 1920x1200: ring 64, LRU 192, prefetch 24,
                                          queue 32, budget 768 MiB (the default) */
    REEL_FRAME_CACHE_PRESET_SD = 1,  /**< below 1280x720: ring 128, LRU 512, prefetch 48,
                                          queue 64, budget 384 MiB */
    REEL_FRAME_CACHE_PRESET_UHD = 2, /**< above 1920x1200 (4K): ring 48, LRU 64, prefetch 24,
                                          queue 32, budget 1344 MiB */
    REEL_FRAME_CACHE_PRESET_MAX_ENUM = 0x7FFFFFFF /**< not a preset: keeps the enum 32 bits wide */
} reel_frame_cache_preset_t;

/** The access pattern the cache detected. */
typedef enum reel_access_pattern_t {
    REEL_ACCESS_UNKNOWN = 0, /**< too little history: the first access, or just after a jump */
    REEL_ACCESS_FORWARD = 1, /**< constant forward steps (1 for play, 2-4 for fast forward) */
    REEL_ACCESS_REVERSE = 2, /**< constant backward steps */
    REEL_ACCESS_SCRUB = 3,   /**< irregular steps: the user drags the playhead */
    REEL_ACCESS_LOOP = 4,    /**< forward play of an A-B region that jumps back to A at B */
    REEL_ACCESS_MAX_ENUM = 0x7FFFFFFF /**< not a pattern: keeps the enum 32 bits wide */
} reel_access_pattern_t;

/** Number of access patterns (the size of the per-pattern arrays in the stats). */
#define REEL_ACCESS_PATTERN_COUNT 5

/** reel_frame_cache_desc_t.flags: never prefetch; requests are made for misses only. */
#define REEL_FRAME_CACHE_FLAG_NO_PREFETCH 0x1u
/** reel_frame_cache_desc_t.flags: no LRU; only the ring around the playhead is kept
 *  (lru_capacity is ignored). */
#define REEL_FRAME_CACHE_FLAG_RING_ONLY 0x2u

/** Called when requests are waiting: wake the producer; do not decode in the callback and
 *  do not call the cache from it. Called on the thread whose get caused the requests,
 *  after the cache's lock is released. */
typedef void (*reel_frame_cache_request_fn)(void* user_data, reel_frame_cache_t cache);

/** How to create a frame cache. Fields left 0 take the preset's value. Published in 0.1.0 at
 *  72 bytes. */
typedef struct reel_frame_cache_desc_t {
    uint32_t struct_size;               /**< sizeof(reel_frame_cache_desc_t); required */
    reel_frame_cache_preset_t preset;   /**< default REEL_FRAME_CACHE_PRESET_HD */
    uint32_t ring_size;                 /**< consecutive frames kept around the playhead,
                                             4..65536; 0 = preset */
    uint32_t lru_capacity;              /**< frames kept for random access, 1..1048576; 0 = preset
                                             (REEL_FRAME_CACHE_FLAG_RING_ONLY keeps none) */
    uint32_t prefetch_depth;            /**< frames requested ahead in the play direction,
                                             1..ring_size; 0 = preset (see also
                                             REEL_FRAME_CACHE_FLAG_NO_PREFETCH) */
    uint32_t queue_capacity;            /**< requests queued or being served at once, 1..4096;
                                             0 = preset */
    uint64_t memory_budget;             /**< bytes of frames referenced, 1 MiB..1 TiB; 0 = preset */
    int64_t frame_count;                /**< frames in the clip (prefetch stops at its end);
                                             0 = unknown (reel_frame_cache_set_frame_count) */
    reel_frame_cache_request_fn request_callback; /**< NULL: the host polls take_request */
    void* request_user_data;            /**< passed to request_callback */
    const char* name;                   /**< label in logs, at most 63 bytes; copied. NULL = "cache" */
    uint32_t flags;                     /**< REEL_FRAME_CACHE_FLAG_* bits */
    uint32_t reserved;                  /**< must be 0 */
} reel_frame_cache_desc_t;

/** What a producer should decode next (reel_frame_cache_take_request). Published in 0.1.0 at
 *  24 bytes. */
typedef struct reel_frame_request_t {
    uint32_t struct_size;           /**< set by the caller to sizeof(reel_frame_request_t) */
    reel_access_pattern_t pattern;  /**< the pattern that caused it */
    int64_t frame_number;           /**< the frame wanted */
    int32_t direction;              /**< +1 forward, -1 backward, 0 unknown */
    uint32_t is_demand;             /**< 1: a consumer missed this frame; 0: prefetch */
} reel_frame_request_t;

/** A frame cache's counters (reel_frame_cache_get_stats). Published in 0.1.0 at 216 bytes. */
typedef struct reel_frame_cache_stats_t {
    uint32_t struct_size;           /**< set by the caller to sizeof(reel_frame_cache_stats_t) */
    reel_access_pattern_t pattern;  /**< the pattern detected now */
    double hit_rate;                /**< hits / (hits + misses); 0 before any access */
    uint64_t hits;                  /**< gets served from the cache */
    uint64_t misses;                /**< gets that found nothing (a request was queued) */
    uint64_t repeats;               /**< gets of the frame asked for just before (a paused
                                         playhead); neither hits nor misses */
    uint64_t pattern_hits[REEL_ACCESS_PATTERN_COUNT];   /**< hits while each pattern was detected */
    uint64_t pattern_misses[REEL_ACCESS_PATTERN_COUNT]; /**< misses while each pattern was detected */
    uint64_t inserts;               /**< frames inserted */
    uint64_t duplicate_inserts;     /**< inserts of a frame number already held (ignored) */
    uint64_t demand_requests;       /**< requests made for misses */
    uint64_t prefetch_issued;       /**< prefetch requests made */
    uint64_t prefetch_used;         /**< prefetched frames later got */
    uint64_t prefetch_wasted;       /**< prefetched frames evicted before any get */
    uint64_t prefetch_cancelled;    /**< queued prefetches dropped when the prediction changed */
    uint64_t requests_abandoned;    /**< requests the producer gave back */
    uint64_t evictions;             /**< frames the cache stopped referencing for space */
    uint64_t bytes_held;            /**< bytes of the frames referenced */
    uint32_t ring_frames;           /**< frames in the ring */
    uint32_t lru_frames;            /**< frames in the LRU */
    uint32_t queued_requests;       /**< requests waiting for a producer */
    uint32_t in_flight_requests;    /**< requests taken and not yet inserted or abandoned */
} reel_frame_cache_stats_t;

/*! reel_frame_cache_desc_default() :
 *  @return a reel_frame_cache_desc_t with struct_size set and every field at its default
 *          (the HD preset). Defined here, not exported. */
static inline reel_frame_cache_desc_t reel_frame_cache_desc_default(void) {
    reel_frame_cache_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_frame_request_init() :
 *  @return a zeroed reel_frame_request_t with struct_size set. Defined here, not exported. */
static inline reel_frame_request_t reel_frame_request_init(void) {
    reel_frame_request_t request;
    memset(&request, 0, sizeof(request));
    request.struct_size = (uint32_t)sizeof(request);
    return request;
}

/*! reel_frame_cache_stats_init() :
 *  @return a zeroed reel_frame_cache_stats_t with struct_size set. Defined here, not exported. */
static inline reel_frame_cache_stats_t reel_frame_cache_stats_init(void) {
    reel_frame_cache_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_frame_cache_create() :
 *  Creates a frame cache in a context.
 *  @param context   the owning context (destroying it destroys the cache).
 *  @param desc      read during the call only.
 *  @param out_cache receives the cache; unchanged on failure. Destroy with
 *                   reel_frame_cache_destroy().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers, bad struct_size, unknown preset or
 *                                       flags, a size out of its range, name too long,
 *          REEL_ERROR_LIMIT_REACHED     4096 caches are alive. */
REEL_API reel_result_t reel_frame_cache_create(reel_context_t context, const reel_frame_cache_desc_t* desc,
                                               reel_frame_cache_t* out_cache);

/*! reel_frame_cache_destroy() :
 *  Destroys a cache: it releases every frame it references (frames consumers hold stay
 *  valid). Queued requests are dropped. NULL does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE.
 *  @note   Must not race with other calls on the same cache. */
REEL_API reel_result_t reel_frame_cache_destroy(reel_frame_cache_t cache);

/*! reel_frame_cache_insert() :
 *  Puts a decoded frame in the cache under its frame number. The cache takes its own
 *  reference (reel_buffer_retain); the caller's reference stays the caller's. Inserting a
 *  frame number the cache already holds does nothing (counted as a duplicate). The frame
 *  may be evicted at once if the budget is full and it is far from the playhead.
 *  @param frame_number 0..2^48-1.
 *  @param frame        a live buffer of a frame pool.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (cache or frame),
 *          REEL_ERROR_INVALID_ARGUMENT  frame_number out of range, or not a frame buffer. */
REEL_API reel_result_t reel_frame_cache_insert(reel_frame_cache_t cache, int64_t frame_number, reel_buffer_t frame);

/*! reel_frame_cache_get() :
 *  Looks up a frame; feeds the access-pattern detector and may queue requests.
 *  @param out_frame receives the frame with a new reference the caller must release, or
 *                   REEL_NULL_HANDLE on a miss.
 *  @return REEL_SUCCESS (hit), REEL_NOT_READY (miss: a request was queued; the producer will
 *          insert it), REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_frame, frame_number out of range.
 *  @note   No allocation. */
REEL_API reel_result_t reel_frame_cache_get(reel_frame_cache_t cache, int64_t frame_number, reel_buffer_t* out_frame);

/*! reel_frame_cache_get_range() :
 *  Looks up count consecutive frames from first (a thumbnail strip, a waveform): each hit
 *  is written with a new reference, each miss as REEL_NULL_HANDLE (and requested).
 *  @param out_frames count entries, written by the call.
 *  @param out_hits   receives the number of hits; may be NULL.
 *  @return REEL_SUCCESS (all hit), REEL_NOT_READY (some missed), REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_frames, count 0 or above 4096, range out of
 *                                       bounds. */
REEL_API reel_result_t reel_frame_cache_get_range(reel_frame_cache_t cache, int64_t first, uint32_t count,
                                                  reel_buffer_t* out_frames, uint32_t* out_hits);

/*! reel_frame_cache_take_request() :
 *  Takes the most urgent waiting request (misses first, then prefetches in the order the
 *  playhead will need them). The
 *  producer must later insert that frame or give it back with
 *  reel_frame_cache_abandon_request().
 *  @param out_request caller-owned; set struct_size first.
 *  @return REEL_SUCCESS, REEL_NOT_READY (nothing waiting), REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_request or a bad struct_size. */
REEL_API reel_result_t reel_frame_cache_take_request(reel_frame_cache_t cache, reel_frame_request_t* out_request);

/*! reel_frame_cache_abandon_request() :
 *  Gives back a taken request the producer cannot serve (past the end, a decode error).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  no request for that frame is in flight. */
REEL_API reel_result_t reel_frame_cache_abandon_request(reel_frame_cache_t cache, int64_t frame_number);

/*! reel_frame_cache_set_frame_count() :
 *  Tells the cache how many frames the clip has (prefetch stops at the end); 0 = unknown.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (negative). */
REEL_API reel_result_t reel_frame_cache_set_frame_count(reel_frame_cache_t cache, int64_t frame_count);

/*! reel_frame_cache_clear() :
 *  Drops every frame and request (a new clip, an edit that invalidates frames); the counters
 *  stay. @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_frame_cache_clear(reel_frame_cache_t cache);

/*! reel_frame_cache_get_stats() :
 *  Reads the counters. @param out_stats caller-owned; set struct_size first.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_frame_cache_get_stats(reel_frame_cache_t cache, reel_frame_cache_stats_t* out_stats);

/* =======================================================================================
 * 11. Encode and decode sessions
 *
 * AV1 encoders and decoders whose frames and packets are pooled buffers, the capabilities
 * of each backend, a pool of idle encoders, and the files around them (IVF, YUV4MPEG2).
 *
 * Encoder (reel_encoder_t). reel_encoder_create() checks every setting (the message names
 * the field and its allowed range), picks a backend and starts the codec. Each encoder has
 * one worker thread, the only thread that touches the codec. reel_encoder_submit() puts a
 * frame (a reel_buffer_t of an I420 frame pool of the encoder's size, pts strictly rising)
 * into a bounded input queue (desc.queue_depth, default 8) and returns at once; when the
 * queue is full it returns REEL_NOT_READY (the frame was not taken; a real-time host drops
 * it; stats.dropped counts it) or, with a timeout, waits. The encoder holds its own reference
 * on a queued frame until the codec has copied it, so the host may release its reference
 * right after submit (do not write to a frame you still hold after submitting it). The
 * worker turns every finished packet into a byte buffer with pts, dts, size and
 * REEL_PACKET_FLAG_KEYFRAME (from desc.packet_pool, or from the encoder's own byte pool) and
 * queues it for reel_encoder_receive(). reel_encoder_flush() ends the stream; receive then
 * returns the remaining packets and REEL_END_OF_STREAM.
 *
 * Decoder (reel_decoder_t). Runs on the caller's thread; dav1d decodes on its own worker
 * threads. Every frame it returns is a reel_buffer_t of a frame pool the decoder made (I420
 * for 8-bit 4:2:0 streams, I010 for 10-bit) and is the very memory dav1d decoded into: no
 * copy. The pool is made on the first frame and again when the picture size changes. The
 * decoder may still read a frame you received as a reference for later frames: treat
 * received frames as read-only.
 *
 * Backends. REEL_CODEC_BACKEND_AUTO uses a hardware backend when one reports the capability
 * (none is built in yet; a GPU device with AV1 video encode or decode will be one) and
 * otherwise the software codecs, logging a warning: SVT-AV1 1.4.1 (libSvtAv1Enc.so.1) to
 * encode and dav1d 1.0-1.2 (libdav1d.so.6) to decode. They are loaded on first use: a
 * missing library makes create fail with REEL_ERROR_UNSUPPORTED naming it; libreel itself
 * always loads. The environment variables REEL_SVTAV1_LIBRARY and REEL_DAV1D_LIBRARY name
 * another file or SONAME to load instead (a bundled copy).
 *
 * Encoder pool. SVT-AV1 needs hundreds of milliseconds to start at 1080p and cannot start a
 * second stream after a flush. reel_encoder_pool_reserve() keeps idle encoders of one
 * configuration ready in the context; reel_encoder_create() with the same settings takes
 * one. Reset between uses means: a pooled encoder is replaced (a fresh one starts in the
 * background) when it receives its first frame or flush, and disposed in the background when
 * its session ends; one whose session ends before any frame goes back idle as it is.
 *
 * Thread safety: every function is safe from any thread; calls on one object are serialised
 * inside Reel, without holding a lock while a codec runs (dav1d's picture allocator may make a
 * pool log a warning); a log callback must not call the object whose call is logging.
 * Destroying an object must not race with other calls on it.
 * ======================================================================================= */

REEL_DEFINE_HANDLE(reel_encoder_t)    /* section 11 */
REEL_DEFINE_HANDLE(reel_decoder_t)    /* section 11 */
REEL_DEFINE_HANDLE(reel_ivf_reader_t) /* section 11 */
REEL_DEFINE_HANDLE(reel_ivf_writer_t) /* section 11 */
REEL_DEFINE_HANDLE(reel_y4m_reader_t) /* section 11 */
REEL_DEFINE_HANDLE(reel_y4m_writer_t) /* section 11 */

/** Which implementation runs a session. */
typedef enum reel_codec_backend_t {
    REEL_CODEC_BACKEND_AUTO = 0,     /**< hardware when a backend reports the capability, else
                                          software with a warning in the log (default) */
    REEL_CODEC_BACKEND_SOFTWARE = 1, /**< SVT-AV1 to encode, dav1d to decode */
    REEL_CODEC_BACKEND_HARDWARE = 2, /**< a hardware backend only; none is built in yet, so
                                          create returns REEL_ERROR_UNSUPPORTED */
    REEL_CODEC_BACKEND_MAX_ENUM = 0x7FFFFFFF /**< not a backend: keeps the enum 32 bits wide */
} reel_codec_backend_t;

/** How an encoder spends bits. */
typedef enum reel_rate_control_t {
    REEL_RATE_CONTROL_CRF = 0, /**< constant quality from `quality`, adaptive quantisation;
                                    `max_bitrate` may cap it (default) */
    REEL_RATE_CONTROL_CQP = 1, /**< every frame at the quantiser from `quality` */
    REEL_RATE_CONTROL_VBR = 2, /**< variable bitrate around `bitrate` (with look-ahead) */
    REEL_RATE_CONTROL_CBR = 3, /**< constant bitrate `bitrate` with a `buffer_size` buffer, low
                                    delay; SVT-AV1 needs speed 8 to 13 (presets LOW, MEDIUM,
                                    HIGH, or SPEED 8-13) */
    REEL_RATE_CONTROL_MAX_ENUM = 0x7FFFFFFF /**< not a mode: keeps the enum 32 bits wide */
} reel_rate_control_t;

/** Speed against quality per bit. */
typedef enum reel_encoder_preset_t {
    REEL_ENCODER_PRESET_MEDIUM = 0, /**< balanced: SVT-AV1 speed 10 (default) */
    REEL_ENCODER_PRESET_LOW = 1,    /**< fastest, least quality per bit: SVT-AV1 speed 12 */
    REEL_ENCODER_PRESET_HIGH = 2,   /**< slowest named preset, best quality per bit: speed 8 */
    REEL_ENCODER_PRESET_SPEED = 3,  /**< the raw `speed_preset` (SVT-AV1: 0 slowest to 13 fastest) */
    REEL_ENCODER_PRESET_MAX_ENUM = 0x7FFFFFFF /**< not a preset: keeps the enum 32 bits wide */
} reel_encoder_preset_t;

/** An in-loop filter switch. */
typedef enum reel_filter_switch_t {
    REEL_FILTER_DEFAULT = 0, /**< the encoder decides per preset (default) */
    REEL_FILTER_OFF = 1,     /**< disabled: faster encode and decode, lower quality */
    REEL_FILTER_ON = 2,      /**< enabled */
    REEL_FILTER_MAX_ENUM = 0x7FFFFFFF /**< not a switch: keeps the enum 32 bits wide */
} reel_filter_switch_t;

/** AV1 seq_profile. */
typedef enum reel_av1_profile_t {
    REEL_AV1_PROFILE_MAIN = 0,         /**< 8/10-bit 4:2:0 and monochrome (default) */
    REEL_AV1_PROFILE_HIGH = 1,         /**< adds 4:4:4 */
    REEL_AV1_PROFILE_PROFESSIONAL = 2, /**< adds 4:2:2 and 12-bit */
    REEL_AV1_PROFILE_MAX_ENUM = 0x7FFFFFFF /**< not a profile: keeps the enum 32 bits wide */
} reel_av1_profile_t;

/** The colour description written into the stream. */
typedef enum reel_color_description_t {
    REEL_COLOR_UNSPECIFIED = 0,   /**< none (players assume BT.709 limited for HD) (default) */
    REEL_COLOR_BT709_LIMITED = 1, /**< BT.709 primaries, transfer and matrix, limited range:
                                       what the movie writer's RGBA to I420 conversion makes */
    REEL_COLOR_MAX_ENUM = 0x7FFFFFFF /**< not a description: keeps the enum 32 bits wide */
} reel_color_description_t;

/** A video coding format (reel_encoder_desc_t.codec, reel_decoder_desc_t.codec,
 *  reel_codec_get_caps_for). */
typedef enum reel_video_codec_t {
    REEL_VIDEO_CODEC_DEFAULT = 0, /**< AV1 (the default of every desc) */
    REEL_VIDEO_CODEC_AV1 = 1,     /**< AV1: SVT-AV1 and dav1d (software backend) */
    REEL_VIDEO_CODEC_H264 = 2,    /**< H.264 / AVC: the FFmpeg backend (libx264, h264) */
    REEL_VIDEO_CODEC_HEVC = 3,    /**< H.265 / HEVC: the FFmpeg backend (libx265, hevc) */
    REEL_VIDEO_CODEC_VP9 = 4,     /**< VP9: decode only, the FFmpeg backend (vp9) */
    REEL_VIDEO_CODEC_MAX_ENUM = 0x7FFFFFFF /**< not a codec: keeps the enum 32 bits wide */
} reel_video_codec_t;

/** (since 0.2.0) How frames reference each other: what bounds an encoder's latency (and part
 *  of its memory).
 *  Random access codes each mini-GOP out of order, so a frame's packet comes out only after
 *  its whole mini-GOP and the look-ahead were submitted (SVT-AV1 1.4.1: the first packet
 *  after 2 x mini_gop_size + 4 frames, 36 by default; N + 4 with a lookahead below the
 *  mini-GOP); low delay references past frames only, so a frame's packet comes out as the
 *  next frame goes in (SVT-AV1 holds one frame to see whether the stream ends): what live
 *  streaming wants. */
typedef enum reel_prediction_structure_t {
    REEL_PREDICTION_DEFAULT = 0,       /**< LOW_DELAY with REEL_RATE_CONTROL_CBR, RANDOM_ACCESS
                                            otherwise (default) */
    REEL_PREDICTION_RANDOM_ACCESS = 1, /**< hierarchical mini-GOPs coded out of order, with
                                            look-ahead: best quality per bit. SVT-AV1: CRF, CQP
                                            and VBR (CBR is refused: it would code VBR) */
    REEL_PREDICTION_LOW_DELAY = 2,     /**< past references only, no look-ahead, one packet
                                            per frame in input order, one frame of latency.
                                            SVT-AV1: CRF, CQP and CBR (VBR is
                                            refused: it would code CBR), speed 8 to 13, mini-GOP
                                            8, no max_bitrate, no REEL_ENCODE_FLAG_KEYFRAME */
    REEL_PREDICTION_MAX_ENUM = 0x7FFFFFFF /**< not a structure: keeps the enum 32 bits wide */
} reel_prediction_structure_t;

/** How to create an encoder. Zero it and set struct_size (reel_encoder_desc_default()), then
 *  width and height; every other field has a default. Published in 0.1.0 at 128 bytes; codec and
 *  the fields after it are new in 0.2.0 (a 0.1.0 host's smaller struct gets their defaults). */
typedef struct reel_encoder_desc_t {
    uint32_t struct_size;               /**< sizeof(reel_encoder_desc_t); required */
    reel_codec_backend_t backend;       /**< default REEL_CODEC_BACKEND_AUTO */
    uint32_t width;                     /**< pixels, even, 64..16384 (SVT-AV1); required */
    uint32_t height;                    /**< pixels, even, 64..8704 (SVT-AV1); required */
    uint32_t fps_num;                   /**< frame rate numerator; 0 = 30. fps_num / fps_den
                                             must be 1 to 240 frames per second */
    uint32_t fps_den;                   /**< frame rate denominator; 0 = 1 */
    reel_rate_control_t rate_control;   /**< default REEL_RATE_CONTROL_CRF */
    uint32_t quality;                   /**< CRF and CQP: 1 (smallest) to 100 (best), mapped to
                                             QP 63 - round(quality * 62 / 100); 0 = 45 (SVT-AV1's
                                             default CRF 35). Ignored by VBR and CBR */
    uint64_t bitrate;                   /**< VBR and CBR: target bits per second, 1000 to
                                             100000000 (required there); 0 otherwise */
    uint64_t max_bitrate;               /**< CRF: cap in bits per second, 1000 to 100000000;
                                             0 = uncapped (and in other modes) */
    uint64_t buffer_size;               /**< CBR: decoder buffer in bits, 20 ms to 10 s worth of
                                             `bitrate`; 0 = one second (and in other modes) */
    reel_encoder_preset_t preset;       /**< default REEL_ENCODER_PRESET_MEDIUM */
    uint32_t speed_preset;              /**< REEL_ENCODER_PRESET_SPEED: 0 (slowest) to 13
                                             (fastest); must be 0 with other presets */
    uint32_t keyframe_interval;         /**< frames from one keyframe to the next; 0 = the
                                             encoder chooses */
    reel_av1_profile_t profile;         /**< default (and, for SVT-AV1, only) MAIN */
    uint32_t level;                     /**< AV1 level as major * 10 + minor, 20..73 with minor
                                             0..3 (40 = level 4.0); 0 = the encoder chooses */
    uint32_t tile_rows_log2;            /**< log2 of tile rows, 0..6; default 0 */
    uint32_t tile_columns_log2;         /**< log2 of tile columns, 0..4, rows + columns <= 7;
                                             default 0 */
    reel_filter_switch_t cdef;          /**< CDEF; default REEL_FILTER_DEFAULT */
    reel_filter_switch_t restoration;   /**< loop restoration; default REEL_FILTER_DEFAULT */
    uint32_t threads;                   /**< codec worker hint, 1..256; 0 = every core */
    reel_color_description_t color;     /**< default REEL_COLOR_UNSPECIFIED */
    uint32_t queue_depth;               /**< frames the input queue holds, 1..64; 0 = 8 */
    reel_pool_t packet_pool;            /**< a byte pool of the same context for packets; it must
                                             outlive the encoder. REEL_NULL_HANDLE = the encoder
                                             makes its own (classes 4 KiB to twice a raw frame,
                                             32 buffers per class). Default REEL_NULL_HANDLE */
    const char* name;                   /**< label in logs and pool names, at most 63 bytes;
                                             copied. NULL = "encoder" */
    uint32_t reserved;                  /**< must be 0 */
    uint32_t reserved2;                 /**< must be 0 */
    reel_video_codec_t codec;           /**< the codec to encode; default (0) AV1. H264 and HEVC
                                             are encoded by the FFmpeg backend (libx264,
                                             libx265; NVENC / Quick Sync where the hardware
                                             probe opens them). With H264 / HEVC: quality maps
                                             to QP / CRF 51 - round(quality * 51 / 100) (45 ->
                                             28, 55 -> 23); level is major * 10 + minor (H.264
                                             9 (1b), 10..62; HEVC 10..62); preset LOW / MEDIUM /
                                             HIGH are x264/x265 veryfast / medium / slow and
                                             SPEED takes speed_preset 0 (placebo) .. 9
                                             (ultrafast); profile, tiles, cdef, restoration
                                             and color must stay at their defaults */
    uint32_t profile_idc;               /**< H.264 / HEVC profile as the codec numbers it:
                                             H.264 66 (baseline), 77 (main), 100 (high); HEVC 1
                                             (main); 0 = the encoder chooses. Must be 0 for AV1
                                             (which uses profile). */
    uint32_t max_b_frames;              /**< H.264 / HEVC: consecutive B-frames, 1..16; 0 = the
                                             preset's. Must be 0 for AV1. */
    uint32_t flags;                     /**< REEL_ENCODER_FLAG_* bits; default 0. */
    uint32_t mini_gop_size;             /**< (since 0.2.0) frames per mini-GOP, the group coded
                                             with hierarchical prediction: fewer pictures in
                                             flight (memory) and less latency against some
                                             quality per bit. SVT-AV1: 4, 8, 16 or 32 (its
                                             hierarchical levels 2-5); low delay only 8. 0 = 16
                                             in random access, 8 in low delay (SVT-AV1 alone
                                             would pick 32 at speeds 0-12: at 1080p 37 % more
                                             memory for no better PSNR per bit,
                                             docs/BENCHMARKS.md). Backends without the setting
                                             (reel_codec_caps_t.mini_gop_sizes 0) take only 0 */
    uint32_t lookahead;                 /**< (since 0.2.0) frames the encoder may read ahead for
                                             rate control and its temporal model. 0 = the
                                             encoder's choice; SVT-AV1: 1 to 120, and 0 only
                                             with low delay. In SVT-AV1 1.4.1 with CRF/CQP a
                                             value below the mini-GOP size keeps no future
                                             mini-GOP in flight (less memory, less latency) and
                                             any larger value acts as the default (one future
                                             mini-GOP); with VBR it sizes the rate-control
                                             window, raised to at least a mini-GOP and a few
                                             frames. Backends without the setting
                                             (reel_codec_caps_t.max_lookahead 0) take only 0 */
    reel_prediction_structure_t prediction; /**< (since 0.2.0) default REEL_PREDICTION_DEFAULT
                                             (SVT-AV1: random access; low delay with CBR).
                                             H.264 / HEVC: only DEFAULT (their low-latency
                                             mode is REEL_ENCODER_FLAG_LOW_LATENCY) */
    uint32_t reserved3;                 /**< (since 0.2.0) must be 0 */
} reel_encoder_desc_t;

/** reel_encoder_desc_t.flags: low-latency streaming (H.264 / HEVC): no look-ahead, no
 *  B-frames, no frame-threading delay (x264/x265 tune zerolatency). */
#define REEL_ENCODER_FLAG_LOW_LATENCY 0x1u
/** reel_encoder_desc_t.flags: no B-frames (H.264 / HEVC); max_b_frames must then be 0. */
#define REEL_ENCODER_FLAG_NO_B_FRAMES 0x2u

/** reel_encoder_submit flag: make this frame a keyframe (SVT-AV1: CRF and CQP in random access
 *  only; reel_codec_caps_t says per backend). */
#define REEL_ENCODE_FLAG_KEYFRAME 0x1u

/** An encoder's counters (reel_encoder_get_stats). Published in 0.1.0 at 104 bytes; frames_held
 *  and the fields after it are new in 0.2.0. */
typedef struct reel_encoder_stats_t {
    uint32_t struct_size;         /**< set by the caller to sizeof(reel_encoder_stats_t) */
    reel_codec_backend_t backend; /**< the backend that encodes (never AUTO) */
    uint64_t frames_in;           /**< frames accepted by reel_encoder_submit */
    uint64_t frames_out;          /**< packets the codec produced (one per frame) */
    uint64_t packets_received;    /**< packets handed to the host by reel_encoder_receive */
    uint64_t bytes_out;           /**< bytes of the packets produced */
    double average_bitrate;       /**< bits per second: bytes_out * 8 over frames_out frames of
                                       playback at the frame rate; 0 before the first packet */
    double encode_fps;            /**< frames_out per second of wall time from the first submit
                                       to the latest packet; 0 before the first packet */
    double elapsed_seconds;       /**< wall time since the first submit; 0 before it */
    uint32_t queue_depth;         /**< frames waiting in the input queue now */
    uint32_t queue_capacity;      /**< the input queue's bound (desc.queue_depth) */
    uint32_t packets_waiting;     /**< packets produced and not yet received */
    uint32_t from_pool;           /**< 1 when the codec came idle from the encoder pool */
    uint64_t dropped;             /**< submits refused because the queue was full
                                       (REEL_NOT_READY or REEL_TIMEOUT) */
    uint64_t packet_pool_stalls;  /**< packets that waited for a free buffer in the packet pool
                                       (the host holds too many packets) */
    uint64_t keyframes;           /**< keyframe packets produced */
    uint64_t frames_held;         /**< submitted frames the codec still reads: Reel never copies
                                       an input frame; the FFmpeg backend's codecs read the pooled
                                       frame itself and the encoder holds a reference on it until
                                       the codec lets go (x264/x265: inside the send). 0 for
                                       SVT-AV1, which copies into its own buffers */
    uint64_t reconfigurations;    /**< live bitrate changes made on the codec (the encoder pool's
                                       reconfiguration of an idle libx264 encoder) */
    double latency_ms_last;       /**< (since 0.2.0) frames-in to packet-out latency of the
                                       latest packet: wall milliseconds from
                                       reel_encoder_submit of its frame to the packet being
                                       available to reel_encoder_receive (or written, in a
                                       movie writer); 0 before the first packet */
    double latency_ms_mean;       /**< (since 0.2.0) the same, averaged over every packet */
    double latency_ms_max;        /**< (since 0.2.0) the same, the largest */
    double latency_frames_mean;   /**< (since 0.2.0) frames submitted after a frame before its
                                       packet was available, averaged over every packet
                                       (input queue included: a host that submits faster
                                       than the codec encodes sees the queue fill) */
    uint32_t latency_frames_last; /**< (since 0.2.0) the same for the latest packet: 0 = it was
                                       available before the next frame was submitted */
    uint32_t latency_frames_max;  /**< (since 0.2.0) the same, the largest */
} reel_encoder_stats_t;

/** What a backend can do (reel_codec_get_caps). Strings are owned by Reel and live as long as
 *  the process. Bit masks have bit (1u << value) set for each enum value supported.
 *  Published in 0.1.0 at 152 bytes; codec and the fields after it are new in 0.2.0. */
typedef struct reel_codec_caps_t {
    uint32_t struct_size;               /**< set by the caller to sizeof(reel_codec_caps_t) */
    reel_codec_backend_t backend;       /**< the backend described (AUTO resolved) */
    uint32_t can_encode;                /**< 1 when an encoder of this backend can be created now */
    uint32_t can_decode;                /**< 1 when a decoder of this backend can be created now */
    const char* encoder;                /**< e.g. "SVT-AV1 1.4.1 (libSvtAv1Enc.so.1)", or why
                                             it is unavailable */
    const char* decoder;                /**< e.g. "dav1d 1.0.0 (libdav1d.so.6)", or why not */
    const char* encoder_name;           /**< the codec's short name, e.g. "SVT-AV1" */
    const char* decoder_name;           /**< the codec's short name, e.g. "dav1d" */
    uint32_t min_width;                 /**< smallest encode width in pixels */
    uint32_t max_width;                 /**< largest encode width in pixels */
    uint32_t min_height;                /**< smallest encode height in pixels */
    uint32_t max_height;                /**< largest encode height in pixels */
    uint32_t max_fps;                   /**< highest encode frame rate (frames per second) */
    uint32_t encode_profiles;           /**< bits of reel_av1_profile_t the encoder produces */
    uint32_t rate_controls;             /**< bits of reel_rate_control_t */
    uint32_t keyframe_rate_controls;    /**< bits of reel_rate_control_t in which
                                             REEL_ENCODE_FLAG_KEYFRAME works (random access;
                                             low delay: low_delay_keyframe_rate_controls) */
    uint32_t presets;                   /**< bits of reel_encoder_preset_t */
    uint32_t min_speed_preset;          /**< slowest speed_preset */
    uint32_t max_speed_preset;          /**< fastest speed_preset */
    uint32_t max_tile_rows_log2;        /**< largest tile_rows_log2 */
    uint32_t max_tile_columns_log2;     /**< largest tile_columns_log2 */
    uint32_t max_tile_count_log2;       /**< largest tile_rows_log2 + tile_columns_log2 */
    uint32_t max_threads;               /**< largest threads */
    uint32_t reserved;                  /**< 0 */
    uint64_t min_bitrate;               /**< lowest bitrate / max_bitrate, bits per second */
    uint64_t max_bitrate;               /**< highest bitrate / max_bitrate, bits per second */
    uint32_t decode_max_width;          /**< largest decoded width in pixels */
    uint32_t decode_max_height;         /**< largest decoded height in pixels */
    uint32_t decode_profiles;           /**< bits of reel_av1_profile_t the decoder reads */
    uint32_t decode_bit_depths;         /**< bit n set for n-bit streams (8, 10, 12) */
    uint32_t decode_formats;            /**< bits of reel_pixel_format_t decoded frames come in
                                             (other layouts give REEL_ERROR_UNSUPPORTED) */
    uint32_t reserved2;                 /**< 0 */
    reel_video_codec_t codec;           /**< the codec described (reel_codec_get_caps: AV1) */
    uint32_t encode_settings;           /**< bits of reel_encoder_setting_t: the settings the
                                             encoder honours; a desc that sets any other is
                                             refused naming the field. */
    uint32_t encode_profile_idcs[4];    /**< H.264 / HEVC: the profile_idc values the encoder
                                             takes (66, 77, 100 for H.264; 1 for HEVC), unused
                                             entries 0; all 0 for AV1. */
    uint32_t prediction_structures;     /**< (since 0.2.0) bits of reel_prediction_structure_t
                                             accepted (DEFAULT only: no such setting) */
    uint32_t mini_gop_sizes;            /**< (since 0.2.0) bit n set when mini_gop_size 2^n is
                                             accepted (SVT-AV1: 4, 8, 16, 32); 0 = only 0 */
    uint32_t max_lookahead;             /**< (since 0.2.0) largest lookahead in frames; 0 = only 0 */
    uint32_t low_delay_rate_controls;   /**< (since 0.2.0) bits of reel_rate_control_t coded low
                                             delay */
    uint32_t low_delay_min_speed_preset; /**< (since 0.2.0) slowest speed_preset with low delay
                                             (named presets count by their speed) */
    uint32_t low_delay_mini_gop_sizes;  /**< (since 0.2.0) mini_gop_sizes with low delay */
    uint32_t low_delay_keyframe_rate_controls; /**< (since 0.2.0) keyframe_rate_controls with low
                                             delay */
    uint32_t reserved3;                 /**< (since 0.2.0) 0 */
} reel_codec_caps_t;

/** The encoder settings a codec backend honours (reel_codec_caps_t.encode_settings). */
typedef enum reel_encoder_setting_t {
    REEL_ENCODER_SETTING_BITRATE = 0x1,           /**< bitrate (VBR, CBR) */
    REEL_ENCODER_SETTING_MAX_BITRATE = 0x2,       /**< max_bitrate (capped CRF) */
    REEL_ENCODER_SETTING_BUFFER_SIZE = 0x4,       /**< buffer_size (CBR) */
    REEL_ENCODER_SETTING_KEYFRAME_INTERVAL = 0x8, /**< keyframe_interval */
    REEL_ENCODER_SETTING_PRESET = 0x10,           /**< preset and speed_preset */
    REEL_ENCODER_SETTING_THREADS = 0x20,          /**< threads */
    REEL_ENCODER_SETTING_LEVEL = 0x40,            /**< level */
    REEL_ENCODER_SETTING_AV1_PROFILE = 0x80,      /**< profile (reel_av1_profile_t) */
    REEL_ENCODER_SETTING_PROFILE_IDC = 0x100,     /**< profile_idc (H.264 / HEVC) */
    REEL_ENCODER_SETTING_BFRAMES = 0x200,         /**< max_b_frames, REEL_ENCODER_FLAG_NO_B_FRAMES */
    REEL_ENCODER_SETTING_LOW_LATENCY = 0x400,     /**< REEL_ENCODER_FLAG_LOW_LATENCY */
    REEL_ENCODER_SETTING_TILES = 0x800,           /**< tile_rows_log2, tile_columns_log2 */
    REEL_ENCODER_SETTING_AV1_FILTERS = 0x1000,    /**< cdef, restoration */
    REEL_ENCODER_SETTING_COLOR = 0x2000,          /**< color */
    REEL_ENCODER_SETTING_LIVE_BITRATE = 0x4000,   /**< the bitrate may change on a live codec:
                                                       the encoder pool reconfigures an idle
                                                       encoder of another bitrate (libx264) */
    REEL_ENCODER_SETTING_MINI_GOP_SIZE = 0x8000,  /**< mini_gop_size (mini_gop_sizes lists them) */
    REEL_ENCODER_SETTING_LOOKAHEAD = 0x10000,     /**< lookahead (up to max_lookahead) */
    REEL_ENCODER_SETTING_PREDICTION = 0x20000,    /**< prediction (prediction_structures lists them) */
    REEL_ENCODER_SETTING_MAX_ENUM = 0x7FFFFFFF    /**< not a setting: keeps the enum 32 bits wide */
} reel_encoder_setting_t;

/** How to create a decoder; all-zero (with struct_size) means the defaults.
 *  Published in 0.1.0 at 40 bytes; codec and reserved are new in 0.2.0 (a 0.1.0 host's
 *  smaller struct decodes AV1). */
typedef struct reel_decoder_desc_t {
    uint32_t struct_size;           /**< sizeof(reel_decoder_desc_t); required */
    reel_codec_backend_t backend;   /**< default REEL_CODEC_BACKEND_AUTO */
    uint32_t threads;               /**< dav1d worker threads, 1..256; 0 = one per core */
    uint32_t max_frame_delay;       /**< frames decoded in parallel, 1..256 (1 = lowest
                                         latency); 0 = ceil(sqrt(threads)) up to 8 */
    uint32_t frames_held;           /**< decoded frames the host may hold at once, 1..256;
                                         0 = 4. The frame pool holds 8 references + 2 x the
                                         frame delay + frames_held + 2, and grows past that
                                         with a warning instead of failing */
    uint32_t flags;                 /**< REEL_DECODER_FLAG_* bits. Default 0 */
    uint64_t frame_size_limit;      /**< largest picture in pixels accepted (a guard against
                                         hostile streams), up to 4294967295; 0 = unlimited */
    const char* name;               /**< label in logs and pool names, at most 63 bytes;
                                         copied. NULL = "decoder" */
    reel_video_codec_t codec;       /**< the stream's codec; default (0) AV1. H264, HEVC and VP9
                                         are decoded by the FFmpeg backend into Reel frame pools
                                         (max_frame_delay must then be 0 and threads at most
                                         64). */
    uint32_t reserved;              /**< must be 0 */
} reel_decoder_desc_t;

/** reel_decoder_desc_t.flags: do not synthesise film grain onto decoded frames. */
#define REEL_DECODER_FLAG_NO_FILM_GRAIN 0x1u

/** A decoder's counters (reel_decoder_get_stats). Published in 0.1.0 at 88 bytes; frames_copied
 *  and the fields after it are new in 0.2.0. */
typedef struct reel_decoder_stats_t {
    uint32_t struct_size;         /**< set by the caller to sizeof(reel_decoder_stats_t) */
    reel_codec_backend_t backend; /**< the backend that decodes (never AUTO) */
    uint64_t packets_in;          /**< packets the decoder took */
    uint64_t bytes_in;            /**< bytes of those packets */
    uint64_t frames_out;          /**< frames handed to the host */
    double decode_fps;            /**< frames_out per second of wall time from the first packet
                                       to the latest frame; 0 before the first frame */
    double elapsed_seconds;       /**< wall time since the first packet; 0 before it */
    uint32_t width;               /**< size of the latest frame; 0 before the first */
    uint32_t height;              /**< size of the latest frame; 0 before the first */
    reel_pixel_format_t format;   /**< format of the latest frame; 0 before the first */
    uint32_t frames_in_use;       /**< buffers of the current frame pool out: held by the host
                                       or kept by the decoder as references */
    reel_pool_t frame_pool;       /**< the current frame pool (reel_pool_get_stats works on it);
                                       REEL_NULL_HANDLE before the first frame. Owned by the
                                       decoder: do not destroy it */
    uint32_t pools_created;       /**< frame pools made: 1 + size or format changes */
    uint32_t reserved;            /**< 0 */
    uint64_t corrupt_packets;     /**< submits or receives that failed with
                                       REEL_ERROR_CORRUPT_DATA */
    uint64_t frames_copied;       /**< decoded pictures copied into a Reel frame instead of
                                       decoded into one: 0 for dav1d; with FFmpeg's decoders
                                       only pictures before the visible size was known (H.264
                                       1080p is coded as 1088 rows) and decoders without direct
                                       rendering */
    uint64_t pool_misses;         /**< frame buffers the decoder's pools had to allocate (no
                                       idle buffer): grows during warm-up, then stays */
} reel_decoder_stats_t;

/** A context's encoder pool counters (reel_encoder_pool_get_stats). Published in 0.1.0 at 72
 *  bytes; reconfigured is new in 0.2.0. */
typedef struct reel_encoder_pool_stats_t {
    uint32_t struct_size;     /**< set by the caller to sizeof(reel_encoder_pool_stats_t) */
    uint32_t configurations;  /**< configurations reserved */
    uint64_t requests;        /**< reel_encoder_create calls since the pool exists */
    uint64_t hits;            /**< of those, served by an idle encoder */
    uint64_t misses;          /**< of those, that started a codec */
    uint64_t returned_unused; /**< destroyed encoders that never got a frame, kept idle as is */
    uint64_t replenished;     /**< fresh encoders started in the background to refill the pool */
    uint64_t retired;         /**< used encoders disposed in the background (no reset exists) */
    uint32_t idle;            /**< idle encoders now */
    uint32_t starting;        /**< encoders being started now */
    double reuse_rate;        /**< hits / requests; 0 before the first request */
    uint64_t reconfigured;    /**< of the hits, idle encoders of another bitrate whose codec
                                   changed its bitrate live to serve the request (libx264) */
} reel_encoder_pool_stats_t;

/** What a media file declares (get_info), or how to create one (writers read width, height,
 *  fps_num and fps_den). Published in 0.1.0 at 32 bytes. */
typedef struct reel_media_info_t {
    uint32_t struct_size;   /**< sizeof(reel_media_info_t) */
    uint32_t width;         /**< pixels, 1..65535 */
    uint32_t height;        /**< pixels, 1..65535 */
    uint32_t fps_num;       /**< frame rate numerator (IVF: its timebase denominator) */
    uint32_t fps_den;       /**< frame rate denominator (IVF: its timebase numerator) */
    uint32_t reserved;      /**< 0 */
    uint64_t frame_count;   /**< IVF reader: the header's count (0 if its writer never
                                 closed it); Y4M reader: frames the file's size holds;
                                 writers: frames written so far. Ignored by create */
} reel_media_info_t;

/*! reel_encoder_desc_default() :
 *  @return a reel_encoder_desc_t with struct_size set and every field at its default; set
 *          width and height. Defined here, not exported. */
static inline reel_encoder_desc_t reel_encoder_desc_default(void) {
    reel_encoder_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_decoder_desc_default() :
 *  @return a reel_decoder_desc_t with struct_size set and every field at its default.
 *          Defined here, not exported. */
static inline reel_decoder_desc_t reel_decoder_desc_default(void) {
    reel_decoder_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_encoder_stats_init() :
 *  @return a zeroed reel_encoder_stats_t with struct_size set. Defined here, not exported. */
static inline reel_encoder_stats_t reel_encoder_stats_init(void) {
    reel_encoder_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_decoder_stats_init() :
 *  @return a zeroed reel_decoder_stats_t with struct_size set. Defined here, not exported. */
static inline reel_decoder_stats_t reel_decoder_stats_init(void) {
    reel_decoder_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_codec_caps_init() :
 *  @return a zeroed reel_codec_caps_t with struct_size set. Defined here, not exported. */
static inline reel_codec_caps_t reel_codec_caps_init(void) {
    reel_codec_caps_t caps;
    memset(&caps, 0, sizeof(caps));
    caps.struct_size = (uint32_t)sizeof(caps);
    return caps;
}

/*! reel_encoder_pool_stats_init() :
 *  @return a zeroed reel_encoder_pool_stats_t with struct_size set. Defined here, not exported. */
static inline reel_encoder_pool_stats_t reel_encoder_pool_stats_init(void) {
    reel_encoder_pool_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_media_info_init() :
 *  @return a zeroed reel_media_info_t with struct_size set. Defined here, not exported. */
static inline reel_media_info_t reel_media_info_init(void) {
    reel_media_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    return info;
}

/*! reel_codec_get_caps() :
 *  Describes a backend: whether its codecs can be created now (the libraries load and have
 *  a tested version) and the ranges its encoder accepts and its decoder reads. Loads the
 *  libraries on first use.
 *  @param backend  REEL_CODEC_BACKEND_SOFTWARE, HARDWARE, or AUTO (described as the backend
 *                  AUTO would pick now).
 *  @param out_caps caller-owned; set struct_size first (reel_codec_caps_init()).
 *  @return REEL_SUCCESS (also when a library is missing: can_encode / can_decode are 0 and
 *          encoder / decoder say why),
 *          REEL_ERROR_UNSUPPORTED       backend HARDWARE: no hardware backend is built in,
 *          REEL_ERROR_INVALID_ARGUMENT  an unknown backend; NULL out_caps or a bad struct_size.
 *  @note   Safe from any thread; needs no context. */
REEL_API reel_result_t reel_codec_get_caps(reel_codec_backend_t backend, reel_codec_caps_t* out_caps);

/*! reel_codec_get_caps_for() :
 *  reel_codec_get_caps for one codec: the encoder and decoder a backend choice stands for
 *  with that codec (H.264: libx264 and h264 of the FFmpeg backend in SOFTWARE; NVENC / NVDEC
 *  in HARDWARE, usable only where the hardware probe opened them, else can_encode /
 *  can_decode 0 and encoder / decoder give the probe's reason), what the encoder accepts
 *  (encode_settings, encode_profile_idcs, rate_controls, presets, ranges) and what the
 *  decoder reads. VP9 has no encoder (can_encode 0, encoder says so).
 *  @param codec    REEL_VIDEO_CODEC_AV1 (or DEFAULT), H264, HEVC or VP9.
 *  @param backend  as for reel_codec_get_caps.
 *  @param out_caps caller-owned; set struct_size first (reel_codec_caps_init()).
 *  @return REEL_SUCCESS (also when a library or the hardware is missing: can_encode /
 *          can_decode are 0 and encoder / decoder say why),
 *          REEL_ERROR_UNSUPPORTED       backend HARDWARE and no hardware encoder or decoder of
 *                                       the codec is registered,
 *          REEL_ERROR_INVALID_ARGUMENT  an unknown codec or backend; NULL out_caps or a bad
 *                                       struct_size.
 *  @note   Safe from any thread; needs no context. The first call per hardware codec probes
 *          the device (milliseconds to seconds); later calls reuse the answer. */
REEL_API reel_result_t reel_codec_get_caps_for(reel_video_codec_t codec, reel_codec_backend_t backend,
                                               reel_codec_caps_t* out_caps);

/*! reel_encoder_create() :
 *  Checks the settings, picks the backend (an idle encoder of the same configuration from the
 *  context's encoder pool if one is ready), and starts the encoder and its worker thread.
 *  @param context     the owning context (allocator, log, accounting: the codec memory Reel
 *                     can see is counted as REEL_MEMORY_CODEC, packets as REEL_MEMORY_BITSTREAM).
 *  @param desc        read during the call only.
 *  @param out_encoder receives the encoder; unchanged on failure. Destroy it with
 *                     reel_encoder_destroy() (or reel_context_destroy()).
 *  @return REEL_SUCCESS,
 *          REEL_ERROR_INVALID_HANDLE    context (or desc->packet_pool) is not live,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc / out_encoder; bad struct_size; a field out of
 *                                       its range or inconsistent with another (the message
 *                                       names it and the rule: "desc->width is 70000; allowed
 *                                       64 to 16384", "desc->preset is
 *                                       REEL_ENCODER_PRESET_SPEED with speed_preset 6 and
 *                                       prediction REEL_PREDICTION_LOW_DELAY; allowed speed 8
 *                                       to 13 ...");
 *                                       reserved fields not 0,
 *          REEL_ERROR_UNSUPPORTED       a profile or rate control the backend lacks; backend
 *                                       HARDWARE without a hardware backend; the codec library
 *                                       is missing or an untested version,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_OUT_OF_MEMORY, REEL_ERROR_LIMIT_REACHED (4096 encoders alive).
 *  @note   Logs a warning when AUTO falls back to software. Takes as long as the codec's
 *          start-up (SVT-AV1: up to hundreds of milliseconds at 1080p) unless pooled. */
REEL_API reel_result_t reel_encoder_create(reel_context_t context, const reel_encoder_desc_t* desc,
                                           reel_encoder_t* out_encoder);

/*! reel_encoder_destroy() :
 *  Stops the worker, releases the frames still queued and the packets not yet received,
 *  returns the codec to the encoder pool or disposes it (an unfinished stream is ended and
 *  its packets dropped, which takes as long as the codec needs), and destroys the encoder's
 *  own packet pool. Packets the host holds stay valid until released.
 *  @param encoder the encoder; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_encoder_destroy(reel_encoder_t encoder);

/*! reel_encoder_submit() :
 *  Queues a frame for encoding, with the buffer's pts (reel_buffer_set_pts), which must be
 *  above the previous frame's. The encoder takes its own reference; the caller's stays the
 *  caller's (release it when done; it may be at once).
 *  @param frame      a live buffer of an I420 frame pool of the encoder's width and height.
 *  @param flags      REEL_ENCODE_FLAG_* bits; 0 for none.
 *  @param timeout_ms how long to wait when the queue is full: 0 = not at all,
 *                    REEL_WAIT_FOREVER = until there is room.
 *  @return REEL_SUCCESS (queued),
 *          REEL_NOT_READY               the queue is full and timeout_ms is 0: the frame was not
 *                                       taken (counted in stats.dropped),
 *          REEL_TIMEOUT                 the queue stayed full for timeout_ms (also counted),
 *          REEL_ERROR_INVALID_HANDLE    encoder or frame is not live,
 *          REEL_ERROR_INVALID_ARGUMENT  frame is not I420 or not the encoder's size; pts not
 *                                       above the previous frame's; unknown flags,
 *          REEL_ERROR_UNSUPPORTED       REEL_ENCODE_FLAG_KEYFRAME with VBR or CBR,
 *          REEL_ERROR_BAD_STATE         after reel_encoder_flush(),
 *          or the error that failed the encoder earlier (repeated by every later call).
 *  @note   Never waits for the codec itself: only for queue room, and only with a timeout. */
REEL_API reel_result_t reel_encoder_submit(reel_encoder_t encoder, reel_buffer_t frame, uint32_t flags,
                                           uint32_t timeout_ms);

/*! reel_encoder_receive() :
 *  Takes the next packet, in decode order: a byte buffer (reel_buffer_get_bytes: data,
 *  size, pts, dts, REEL_PACKET_FLAG_KEYFRAME) holding one AV1 temporal unit as IVF, WebM
 *  and MP4 store it.
 *  @param timeout_ms   how long to wait for a packet: 0 = not at all, REEL_WAIT_FOREVER.
 *  @param out_packet   receives the packet; the caller owns its one reference and releases it
 *                      with reel_buffer_release(). REEL_NULL_HANDLE when none is returned.
 *  @return REEL_SUCCESS,
 *          REEL_NOT_READY               no packet yet and timeout_ms is 0 (submit more frames),
 *          REEL_TIMEOUT                 no packet came within timeout_ms,
 *          REEL_END_OF_STREAM           flushed and every packet received,
 *          REEL_ERROR_BAD_STATE         no frame was submitted and no flush was asked for,
 *          REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (NULL out_packet),
 *          or the error that failed the encoder (the codec's failure, a packet pool error). */
REEL_API reel_result_t reel_encoder_receive(reel_encoder_t encoder, uint32_t timeout_ms, reel_buffer_t* out_packet);

/*! reel_encoder_flush() :
 *  Ends the stream: no frame may follow. The worker encodes what is queued and drains the
 *  codec; receive returns the remaining packets, then REEL_END_OF_STREAM. Flushing an encoder
 *  that got no frame ends at once with no packet. A second flush does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, or the error that failed the encoder.
 *  @note   Does not wait; receive with a timeout to wait for the packets. */
REEL_API reel_result_t reel_encoder_flush(reel_encoder_t encoder);

/*! reel_encoder_get_stats() :
 *  Reads the encoder's counters. Cheap: fine every frame.
 *  @param out_stats caller-owned; set struct_size first (reel_encoder_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_encoder_get_stats(reel_encoder_t encoder, reel_encoder_stats_t* out_stats);

/*! reel_encoder_pool_reserve() :
 *  Keeps count idle encoders of desc's configuration (every codec setting and the backend;
 *  queue_depth, packet_pool and name are per session) ready in the context. Missing ones are
 *  started before this returns; replacements (for an encoder taken that received its first
 *  frame or flush) start in the background. count 0 releases the configuration and disposes its idle encoders. The
 *  context's destroy disposes every idle encoder.
 *  @param desc  read during the call only; checked like reel_encoder_create().
 *  @param count 0..16.
 *  @return REEL_SUCCESS, the errors of reel_encoder_create(),
 *          REEL_ERROR_INVALID_ARGUMENT  count above 16.
 *  @note   Each idle SVT-AV1 encoder holds its memory and threads (about 17): reserve for the
 *          configurations a server really repeats. */
REEL_API reel_result_t reel_encoder_pool_reserve(reel_context_t context, const reel_encoder_desc_t* desc, uint32_t count);

/*! reel_encoder_pool_get_stats() :
 *  Reads the context's encoder pool counters (all zero before the first reserve).
 *  @param out_stats caller-owned; set struct_size first (reel_encoder_pool_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_encoder_pool_get_stats(reel_context_t context, reel_encoder_pool_stats_t* out_stats);

/*! reel_decoder_create() :
 *  Picks the backend and opens a decoder. Its frame pools are made later, from the first
 *  picture's size and format.
 *  @param desc        read during the call only.
 *  @param out_decoder receives the decoder; unchanged on failure. Destroy it with
 *                     reel_decoder_destroy() (or reel_context_destroy()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers; bad struct_size; a field out of range
 *                                       (named in the message); unknown flags,
 *          REEL_ERROR_UNSUPPORTED       backend HARDWARE without a hardware backend; the dav1d
 *                                       library is missing or an unsupported version,
 *          REEL_ERROR_INCOMPATIBLE_VERSION, REEL_ERROR_OUT_OF_MEMORY,
 *          REEL_ERROR_LIMIT_REACHED     4096 decoders are alive. */
REEL_API reel_result_t reel_decoder_create(reel_context_t context, const reel_decoder_desc_t* desc,
                                           reel_decoder_t* out_decoder);

/*! reel_decoder_destroy() :
 *  Closes the decoder (the references it kept are released) and destroys its frame pool:
 *  frames the host holds stay valid until released.
 *  @param decoder the decoder; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_decoder_destroy(reel_decoder_t decoder);

/*! reel_decoder_submit() :
 *  Gives the decoder one AV1 temporal unit (or any run of whole OBUs), copied before this
 *  returns. The frame decoded from it carries pts.
 *  @param data  size bytes; not NULL.
 *  @param size  1 or more.
 *  @return REEL_SUCCESS (taken),
 *          REEL_NOT_READY               earlier data is still pending inside the decoder: call
 *                                       reel_decoder_receive(), then submit the same data again,
 *          REEL_ERROR_CORRUPT_DATA      the data is damaged or not AV1 (dav1d's reason in the
 *                                       message); the decoder stays usable,
 *          REEL_ERROR_UNSUPPORTED       the stream needs a format Reel's frame pools lack
 *                                       (4:2:2, 4:4:4, monochrome, 12-bit) or a feature dav1d
 *                                       does not implement,
 *          REEL_ERROR_BAD_STATE         after reel_decoder_flush() (reset first),
 *          REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (NULL data, size 0),
 *          REEL_ERROR_OUT_OF_MEMORY. */
REEL_API reel_result_t reel_decoder_submit(reel_decoder_t decoder, const void* data, size_t size, int64_t pts);

/*! reel_decoder_submit_packet() :
 *  reel_decoder_submit() with the payload (size) and pts of a byte buffer, e.g. a packet
 *  from reel_ivf_reader_read() or reel_encoder_receive(). The caller keeps its reference.
 *  @return as reel_decoder_submit(). */
REEL_API reel_result_t reel_decoder_submit_packet(reel_decoder_t decoder, reel_buffer_t packet);

/*! reel_decoder_receive() :
 *  Takes the next decoded frame, in presentation order. Before a flush it never waits and
 *  returns at most one frame per submit (frame threading keeps the others in flight; dav1d
 *  1.0 could deadlock if drained mid-stream); after reel_decoder_flush() it waits for the
 *  frames still in flight and returns them one per call.
 *  @param out_frame receives a frame buffer (reel_buffer_get_frame; its pts is the packet's):
 *                   the caller owns one reference and releases it with reel_buffer_release(),
 *                   from any thread. REEL_NULL_HANDLE when none is returned.
 *  @return REEL_SUCCESS,
 *          REEL_NOT_READY               no frame yet: submit more data,
 *          REEL_END_OF_STREAM           flushed and every frame returned,
 *          REEL_ERROR_BAD_STATE         nothing was submitted and no flush was asked for,
 *          REEL_ERROR_CORRUPT_DATA, REEL_ERROR_UNSUPPORTED  as reel_decoder_submit(),
 *          REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (NULL out_frame),
 *          REEL_ERROR_OUT_OF_MEMORY. */
REEL_API reel_result_t reel_decoder_receive(reel_decoder_t decoder, reel_buffer_t* out_frame);

/*! reel_decoder_flush() :
 *  Ends the stream: no data may follow until reel_decoder_reset(); receive then returns the
 *  remaining frames and REEL_END_OF_STREAM.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_decoder_flush(reel_decoder_t decoder);

/*! reel_decoder_reset() :
 *  Drops every frame in flight and any pending data (a seek, or a new stream after a
 *  flush); the next data should start with a keyframe and its sequence header. Frames already
 *  received stay valid.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_decoder_reset(reel_decoder_t decoder);

/*! reel_decoder_get_stats() :
 *  Reads the decoder's counters. Cheap: fine every frame.
 *  @param out_stats caller-owned; set struct_size first (reel_decoder_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_stats or a bad struct_size. */
REEL_API reel_result_t reel_decoder_get_stats(reel_decoder_t decoder, reel_decoder_stats_t* out_stats);

/*! reel_frame_cache_create_for_ivf() :
 *  Creates a frame cache (section 10) that Reel feeds itself from an AV1 IVF file: an editor's
 *  scrubbing cache with nothing to write but the consumer side. Reel indexes the file (one
 *  read of it: frame offsets and keyframes, i.e. temporal units with a sequence header and a
 *  shown key frame), sets the cache's frame count to the file's, and runs one decoder thread
 *  that takes the cache's requests in order. For each requested frame it decodes forward when
 *  the decoder is already on the way to it (no keyframe between), else resets the decoder,
 *  seeks to the keyframe at or before the frame and decodes forward from there; every frame
 *  decoded on the way is inserted, so one request for the last frame of a GOP fills the whole
 *  GOP (reverse play). Frames come from frame pools of the context (the decoder's picture
 *  allocator, no copies); their pts is the frame number (file order, from 0), not the IVF pts.
 *  A frame that fails to decode is abandoned with a warning through the log callback, and the
 *  consumer sees misses for it.
 *  Consumers use reel_frame_cache_get / _get_range as usual: a miss queues a demand request
 *  and the frame appears once decoded (poll, or retry at the next display tick). Do not call
 *  take_request, abandon_request or set_frame_count on this cache: Reel is its producer
 *  (insert still works; a frame number already cached keeps the frame it has).
 *  @param context      the owning context (destroying it destroys the cache and stops the decoder).
 *  @param desc         the cache's sizes as for reel_frame_cache_create(); request_callback must
 *                      be NULL and frame_count 0. Read during the call only.
 *  @param ivf_path     UTF-8 path of an IVF file with AV1 (fourcc AV01); opened during the call and
 *                      kept open until the cache is destroyed.
 *  @param decoder_desc decoder settings as for reel_decoder_create(), or NULL for the defaults
 *                      (AUTO backend, one thread per core). frames_held 0 means ring size + LRU
 *                      capacity + 8, what the cache and its consumers may hold at once.
 *  @param out_cache    receives the cache; unchanged on failure. Destroy with
 *                      reel_frame_cache_destroy(), which stops the decoder thread (a decode under
 *                      way ends at its next frame) before the cache releases its frames.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers, an empty path, bad struct_size, a
 *                                       request_callback or frame_count set, any field of desc
 *                                       or decoder_desc out of range,
 *          REEL_ERROR_IO                the file cannot be opened or read (the OS reason),
 *          REEL_ERROR_CORRUPT_DATA      not an IVF file (signature, header size), a truncated
 *                                       frame, a file without any keyframe,
 *          REEL_ERROR_UNSUPPORTED       a fourcc other than AV01, an IVF version other than 0,
 *                                       no decoder backend (as reel_decoder_create),
 *          REEL_ERROR_INCOMPATIBLE_VERSION, REEL_ERROR_OUT_OF_MEMORY,
 *          REEL_ERROR_LIMIT_REACHED     4096 caches are alive.
 *  Thread safety: any thread; the cache is thread-safe as in section 10. */
REEL_API reel_result_t reel_frame_cache_create_for_ivf(reel_context_t context, const reel_frame_cache_desc_t* desc,
                                                       const char* ivf_path, const reel_decoder_desc_t* decoder_desc,
                                                       reel_frame_cache_t* out_cache);

/*! reel_frame_cache_create_for_file() :
 *  reel_frame_cache_create_for_ivf() for any movie file Reel reads: the container is chosen by
 *  the path's extension (.ivf; .mp4, .m4v, .mov, .webm, .mkv through the FFmpeg backend,
 *  section 12). IVF is indexed as for _for_ivf (one read of the file: IVF has no index).
 *  MP4/MOV/WebM/Matroska are NOT read whole: opening reads the header and the container's own
 *  index (MP4 sample tables, Matroska Cues), and every seek goes through that index to the
 *  keyframe at or before the requested frame. When the header gives no frame count (Matroska),
 *  the count is found by reading the last GOP only (from the last keyframe of the index to the
 *  end). The video stream must have a constant frame rate with frames in presentation order,
 *  as reel_movie_writer_* records it (a gap is reported as corrupt data when decoding reaches
 *  it). Everything else (the decoder thread, requests, pts = frame number, abandoned frames,
 *  what consumers may call) is as for reel_frame_cache_create_for_ivf().
 *  @param context      the owning context (destroying it destroys the cache and stops the decoder).
 *  @param desc         as for reel_frame_cache_create_for_ivf(): request_callback NULL,
 *                      frame_count 0. Read during the call only.
 *  @param path         UTF-8 path of the file; opened during the call and kept open until the
 *                      cache is destroyed.
 *  @param decoder_desc decoder settings as for reel_decoder_create(), or NULL for the defaults
 *                      (AV1, AUTO backend); its codec must be the file's video codec.
 *  @param out_cache    receives the cache; unchanged on failure. Destroy with
 *                      reel_frame_cache_destroy().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers, an empty path, a path whose extension
 *                                       names no container (the message lists the allowed
 *                                       ones), anything _for_ivf refuses in desc or decoder_desc,
 *          REEL_ERROR_IO                the file cannot be opened or read (the OS reason),
 *          REEL_ERROR_CORRUPT_DATA      a file the container's reader rejects, a container
 *                                       index without any keyframe of the video stream (e.g. a
 *                                       Matroska recording cut off before its Cues), and the
 *                                       IVF errors of _for_ivf,
 *          REEL_ERROR_UNSUPPORTED       the FFmpeg backend is not in this libreel or cannot load
 *                                       (the message gives the reason; IVF still works), a file
 *                                       without a video stream, a video codec other than
 *                                       decoder_desc's, no decoder backend,
 *          REEL_ERROR_INCOMPATIBLE_VERSION, REEL_ERROR_OUT_OF_MEMORY,
 *          REEL_ERROR_LIMIT_REACHED     4096 caches are alive.
 *  Thread safety: any thread; the cache is thread-safe as in section 10. */
REEL_API reel_result_t reel_frame_cache_create_for_file(reel_context_t context, const reel_frame_cache_desc_t* desc,
                                                        const char* path, const reel_decoder_desc_t* decoder_desc,
                                                        reel_frame_cache_t* out_cache);

/*! reel_ivf_reader_open() :
 *  Opens an IVF file of AV1 and checks its header ("DKIF", version 0, a header of at least
 *  32 bytes, fourcc "AV01").
 *  @param path       UTF-8, at most 4095 bytes.
 *  @param out_reader receives the reader; close it with reel_ivf_reader_close().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_IO                the file cannot be opened or read (the OS reason),
 *          REEL_ERROR_CORRUPT_DATA      a bad signature, version or header size,
 *          REEL_ERROR_UNSUPPORTED       a fourcc other than AV01,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL or empty path, NULL out_reader,
 *          REEL_ERROR_LIMIT_REACHED     4096 IVF readers are open. */
REEL_API reel_result_t reel_ivf_reader_open(reel_context_t context, const char* path, reel_ivf_reader_t* out_reader);

/*! reel_ivf_reader_get_info() :
 *  Reads the header: size, frame rate (the inverse of the timebase) and declared frame count.
 *  @param out_info caller-owned; set struct_size first (reel_media_info_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT. */
REEL_API reel_result_t reel_ivf_reader_get_info(reel_ivf_reader_t reader, reel_media_info_t* out_info);

/*! reel_ivf_reader_read() :
 *  Reads the next frame (one temporal unit) into a buffer of a byte pool, with its pts; the
 *  payload size is the frame's. When the pool has no buffer, the frame is kept for the next
 *  call.
 *  @param pool       a byte pool.
 *  @param out_packet receives the packet (one reference, the caller's); REEL_NULL_HANDLE on
 *                    failure or at the end of the file.
 *  @return REEL_SUCCESS,
 *          REEL_END_OF_STREAM           the clean end of the file,
 *          REEL_ERROR_CORRUPT_DATA      a truncated or damaged frame (the message names its
 *                                       index and byte offset); the frames before it were fine,
 *          REEL_ERROR_IO, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  pool is not a byte pool; NULL out_packet,
 *          the errors of reel_pool_acquire_bytes() (the frame stays pending). */
REEL_API reel_result_t reel_ivf_reader_read(reel_ivf_reader_t reader, reel_pool_t pool, reel_buffer_t* out_packet);

/*! reel_ivf_reader_close() :
 *  Closes the file.
 *  @param reader REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_ivf_reader_close(reel_ivf_reader_t reader);

/*! reel_ivf_writer_create() :
 *  Creates (or truncates) an IVF file for AV1 of info's width, height and frame rate (the
 *  timebase is fps_den / fps_num seconds, so pts counting frames play at that rate) and
 *  writes its header with frame count 0. Every packet written reaches the operating system
 *  before reel_ivf_writer_write() returns, so a process that dies leaves a file whose
 *  complete frames decode; close patches the frame count.
 *  @param info       read during the call; frame_count is ignored.
 *  @param out_writer receives the writer; close it with reel_ivf_writer_close().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_IO,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers; bad struct_size; width or height outside
 *                                       1..65535; fps_num or fps_den 0,
 *          REEL_ERROR_LIMIT_REACHED. */
REEL_API reel_result_t reel_ivf_writer_create(reel_context_t context, const char* path, const reel_media_info_t* info,
                                              reel_ivf_writer_t* out_writer);

/*! reel_ivf_writer_write() :
 *  Appends the payload (size bytes) of a byte buffer as one frame with the buffer's pts.
 *  The caller keeps its reference.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_IO                the path and the OS's reason (disk full, file too
 *                                       large ...); the file is cut back to its last complete
 *                                       frame, so it stays playable,
 *          REEL_ERROR_INVALID_ARGUMENT  not a byte buffer; size 0; pts negative or below the
 *                                       previous frame's. */
REEL_API reel_result_t reel_ivf_writer_write(reel_ivf_writer_t writer, reel_buffer_t packet);

/*! reel_ivf_writer_get_info() :
 *  As reel_ivf_reader_get_info(); frame_count is the frames written so far. */
REEL_API reel_result_t reel_ivf_writer_get_info(reel_ivf_writer_t writer, reel_media_info_t* out_info);

/*! reel_ivf_writer_close() :
 *  Patches the frame count into the header and closes the file. The handle is stale
 *  afterwards, whatever the result.
 *  @param writer REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_IO (the frames are in the file
 *          anyway). */
REEL_API reel_result_t reel_ivf_writer_close(reel_ivf_writer_t writer);

/*! reel_y4m_reader_open() :
 *  Opens a YUV4MPEG2 file of 8-bit 4:2:0 pictures (C420jpeg, C420, C420paldv, C420mpeg2 or
 *  no C tag) and parses its header (W, H, F, I, A).
 *  @param path       UTF-8, at most 4095 bytes.
 *  @param out_reader receives the reader; close it with reel_y4m_reader_close().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_IO,
 *          REEL_ERROR_CORRUPT_DATA      not YUV4MPEG2, a malformed or missing tag,
 *          REEL_ERROR_UNSUPPORTED       another chroma format or bit depth (named),
 *          REEL_ERROR_INVALID_ARGUMENT, REEL_ERROR_LIMIT_REACHED. */
REEL_API reel_result_t reel_y4m_reader_open(reel_context_t context, const char* path, reel_y4m_reader_t* out_reader);

/*! reel_y4m_reader_get_info() :
 *  Reads the header: size and frame rate (a missing F tag or F0:0 means 25:1); frame_count
 *  is the complete frames the file held when it was opened (counted frame header by frame
 *  header: a header may carry parameters; a frame cut short does not count).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT. */
REEL_API reel_result_t reel_y4m_reader_get_info(reel_y4m_reader_t reader, reel_media_info_t* out_info);

/*! reel_y4m_reader_read() :
 *  Reads the next picture into a frame acquired from pool, with pts = its index (0, 1, ...).
 *  @param pool      an I420 frame pool of the file's width and height.
 *  @param out_frame receives the frame (one reference, the caller's); REEL_NULL_HANDLE on
 *                   failure or at the end of the file.
 *  @return REEL_SUCCESS,
 *          REEL_END_OF_STREAM           the clean end of the file,
 *          REEL_ERROR_CORRUPT_DATA      a bad frame header or a truncated frame (named with its
 *                                       index and byte offset),
 *          REEL_ERROR_IO, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  pool is not an I420 pool of the file's size; NULL
 *                                       out_frame,
 *          the errors of reel_pool_acquire(). */
REEL_API reel_result_t reel_y4m_reader_read(reel_y4m_reader_t reader, reel_pool_t pool, reel_buffer_t* out_frame);

/*! reel_y4m_reader_close() :
 *  Closes the file.
 *  @param reader REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_y4m_reader_close(reel_y4m_reader_t reader);

/*! reel_y4m_writer_create() :
 *  Creates (or truncates) a YUV4MPEG2 file (C420jpeg, progressive, square pixels) of info's
 *  width, height and frame rate and writes its header to the operating system, so a file
 *  that cannot be written (a full disk, a directory, a file the kernel refuses) fails here.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_IO                the path and the OS's reason (strerror),
 *          REEL_ERROR_INVALID_ARGUMENT  NULL pointers, bad struct_size, a size or rate of 0,
 *          REEL_ERROR_LIMIT_REACHED. */
REEL_API reel_result_t reel_y4m_writer_create(reel_context_t context, const char* path, const reel_media_info_t* info,
                                              reel_y4m_writer_t* out_writer);

/*! reel_y4m_writer_write() :
 *  Appends a picture in one write to the operating system. The caller keeps its reference.
 *  @param frame an I420 frame of the file's width and height (8-bit; I010 frames are refused).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_IO                the path and the OS's reason (disk full, file too
 *                                       large ...); the file is cut back to its last complete
 *                                       frame,
 *          REEL_ERROR_INVALID_ARGUMENT  not an I420 frame of the file's size. */
REEL_API reel_result_t reel_y4m_writer_write(reel_y4m_writer_t writer, reel_buffer_t frame);

/*! reel_y4m_writer_get_info() :
 *  As reel_y4m_reader_get_info(); frame_count is the frames written so far. */
REEL_API reel_result_t reel_y4m_writer_get_info(reel_y4m_writer_t writer, reel_media_info_t* out_info);

/*! reel_y4m_writer_close() :
 *  Flushes and closes the file; the handle is stale afterwards, whatever the result.
 *  @param writer REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_IO. */
REEL_API reel_result_t reel_y4m_writer_close(reel_y4m_writer_t writer);

/* =======================================================================================
 * 12. Movie writer
 *
 * Recording in the shape of Godot's MovieWriter: reel_movie_writer_begin(path, settings),
 * one reel_movie_writer_write_frame() or reel_movie_writer_write_image() per frame, then
 * reel_movie_writer_end(). Frames are encoded by an encoder (section 11) whose worker thread
 * writes every packet into an IVF file the moment the codec finishes it; each packet reaches
 * the operating system before the next is taken. A process that dies before end (Ctrl+C,
 * kill -9, a crash) leaves a file whose complete frames decode in ffmpeg, dav1d and Reel;
 * end drains the encoder and patches the frame count. RGBA8 and BGRA8 pixels (Godot's
 * FORMAT_RGBA8, Vulkan swapchain images) are converted to I420 with the BT.709 limited-range
 * matrix; set settings.color to REEL_COLOR_BT709_LIMITED so players show the right colours.
 * Frames get pts 0, 1, 2, ... at the settings' frame rate. Video only: audio comes later.
 *
 * Thread safety: every function is safe from any thread; calls on one writer are serialised.
 * A write blocks while the encoder's queue is full: a recording drops no frame.
 * ======================================================================================= */

REEL_DEFINE_HANDLE(reel_movie_writer_t) /* section 12 */

/** Pixels in the host's memory, for reel_movie_writer_write_image(). Published in 0.1.0 at
 *  64 bytes. */
typedef struct reel_image_t {
    uint32_t struct_size;               /**< sizeof(reel_image_t); required */
    reel_pixel_format_t format;         /**< REEL_PIXEL_FORMAT_RGBA8, BGRA8 or I420 */
    uint32_t width;                     /**< pixels: the movie's width */
    uint32_t height;                    /**< pixels: the movie's height */
    const void* data[REEL_MAX_PLANES];  /**< RGBA8/BGRA8: data[0], the top row; I420: Y, U, V.
                                             Read during the call only */
    int32_t stride[REEL_MAX_PLANES];    /**< bytes from one row to the next; RGBA8/BGRA8 may be
                                             negative for bottom-up images (data[0] then points
                                             at the top row, the last in memory) */
} reel_image_t;

/** A movie writer's counters (reel_movie_writer_get_stats, reel_movie_writer_end).
 *  Published in 0.1.0 at 64 bytes; audio_samples and the fields after it are new in 0.2.0. */
typedef struct reel_movie_writer_stats_t {
    uint32_t struct_size;       /**< set by the caller to sizeof(reel_movie_writer_stats_t) */
    uint32_t queue_depth;       /**< frames waiting for the encoder now */
    uint64_t frames_written;    /**< frames accepted by write_frame / write_image */
    uint64_t frames_encoded;    /**< frames encoded and written to the file */
    uint64_t file_bytes;        /**< bytes in the file, headers included */
    uint64_t frames_converted;  /**< frames converted from RGBA8/BGRA8 */
    double encode_fps;          /**< frames encoded per second of wall time */
    double average_bitrate;     /**< bits per second of the video at its frame rate */
    double elapsed_seconds;     /**< wall time since the first frame */
    /* Added in 0.2 (a host built against 0.1 passes the 64-byte struct and gets the fields above). */
    uint64_t audio_samples;     /**< samples per channel of sound written (write_audio*) */
    uint64_t audio_packets;     /**< coded audio packets in the file */
    uint64_t audio_bytes;       /**< bytes of those packets */
    double audio_bitrate;       /**< bits per second of the coded sound over its coded length */
    int64_t overhead_bytes;     /**< file_bytes minus the bytes of every coded packet: what the
                                     container adds (MP4/WebM/MKV; 0 for IVF, whose headers count
                                     in file_bytes only). May be negative: MP4 and Matroska drop
                                     AV1 temporal delimiters */
} reel_movie_writer_stats_t;

/*! reel_image_init() :
 *  @return a zeroed reel_image_t with struct_size set. Defined here, not exported. */
static inline reel_image_t reel_image_init(void) {
    reel_image_t image;
    memset(&image, 0, sizeof(image));
    image.struct_size = (uint32_t)sizeof(image);
    return image;
}

/*! reel_movie_writer_stats_init() :
 *  @return a zeroed reel_movie_writer_stats_t with struct_size set. Defined here, not exported. */
static inline reel_movie_writer_stats_t reel_movie_writer_stats_init(void) {
    reel_movie_writer_stats_t stats;
    memset(&stats, 0, sizeof(stats));
    stats.struct_size = (uint32_t)sizeof(stats);
    return stats;
}

/*! reel_movie_writer_begin() :
 *  Checks the settings, creates (or truncates) the IVF file at path and starts the encoder
 *  (Godot's write_begin(movie_size, fps, base_path)).
 *  @param context    the owning context.
 *  @param path       UTF-8, at most 4095 bytes; the file is not touched when the settings are
 *                    refused.
 *  @param settings   the encoder settings as for reel_encoder_create(): width, height and
 *                    fps_num / fps_den at least. packet_pool must be REEL_NULL_HANDLE (packets
 *                    go to the file). Read during the call only.
 *  @param out_writer receives the writer; end it with reel_movie_writer_end() (or
 *                    reel_context_destroy(), which ends it too).
 *  @return REEL_SUCCESS, the errors of reel_encoder_create() (messages say settings->field),
 *          REEL_ERROR_IO                the file cannot be created,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL or empty path; packet_pool set,
 *          REEL_ERROR_LIMIT_REACHED     1024 writers are alive. */
REEL_API reel_result_t reel_movie_writer_begin(reel_context_t context, const char* path, const reel_encoder_desc_t* settings,
                                               reel_movie_writer_t* out_writer);

/*! reel_movie_writer_write_frame() :
 *  Records one frame (Godot's write_frame). An I420 frame is encoded as it is (the encoder
 *  holds a reference until the codec copied it; do not write to it meanwhile); an RGBA8 or
 *  BGRA8 frame is converted into a pooled I420 frame first. The caller keeps its reference.
 *  @param frame a frame buffer of the movie's width and height.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  another size, or a format other than I420, RGBA8, BGRA8,
 *          or the error that failed the encoder or the file (REEL_ERROR_IO: disk full ...). */
REEL_API reel_result_t reel_movie_writer_write_frame(reel_movie_writer_t writer, reel_buffer_t frame);

/*! reel_movie_writer_write_image() :
 *  Records pixels from the host's memory (raw RGBA8/BGRA8 or I420 pointers and strides), copied
 *  or converted into a pooled I420 frame before this returns.
 *  @param image read during the call only; set struct_size (reel_image_init()).
 *  @return as reel_movie_writer_write_frame(); REEL_ERROR_INVALID_ARGUMENT also for NULL
 *          planes, short strides or a bad struct_size. */
REEL_API reel_result_t reel_movie_writer_write_image(reel_movie_writer_t writer, const reel_image_t* image);

/*! reel_movie_writer_get_stats() :
 *  Reads the writer's counters.
 *  @param out_stats caller-owned; set struct_size first (reel_movie_writer_stats_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT. */
REEL_API reel_result_t reel_movie_writer_get_stats(reel_movie_writer_t writer, reel_movie_writer_stats_t* out_stats);

/*! reel_movie_writer_end() :
 *  Finishes the recording (Godot's write_end): encodes every frame written, waits until each
 *  packet is in the file, patches the IVF frame count, closes the file and destroys the
 *  writer. The handle is stale afterwards, whatever the result.
 *  @param out_stats receives the final counters; may be NULL. Set its struct_size first.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (bad
 *          out_stats->struct_size: the writer is ended all the same, its file complete;
 *          out_stats is left as it was), REEL_ERROR_IO, or the error that failed the encoder
 *          (the frames encoded before it are in the file). */
REEL_API reel_result_t reel_movie_writer_end(reel_movie_writer_t writer, reel_movie_writer_stats_t* out_stats);

/* --- 12.1 Movies with sound: MP4, MOV, WebM, Matroska ---------------------------------
 *
 * reel_movie_writer_begin_ex() records into any container Reel writes: IVF by Reel itself,
 * MP4/MOV, WebM and Matroska through the FFmpeg backend (libavformat via libreel_ffmpeg.so,
 * loaded beside libreel; without it those containers are REEL_ERROR_UNSUPPORTED with the
 * reason and IVF keeps working). The video is AV1 in all of them (MOV: FFmpeg 5.1's movenc
 * writes AV1 only in MP4, so MOV is refused for AV1). The codec configuration (av1C,
 * CodecPrivate) comes from the first keyframe's sequence header.
 *
 * Sound: reel_movie_writer_write_audio() takes interleaved PCM (s16, s32 or f32; 1 to 8
 * channels; 8 to 192 kHz), coded as Opus (WebM, Matroska, MP4) or AAC (MP4, MOV, Matroska).
 * The audio clock is the count of samples written: sound and pictures stay in sync however
 * long the recording, as long as the host writes sample_rate * fps_den / fps_num samples per
 * frame on average (Godot's audio_frame_block). The container interleaves both by timestamp.
 *
 * Crash safety: MP4/MOV are written fragmented while recording (a fragment at least every
 * flush_interval_ms), Matroska/WebM close a cluster as often; a process killed mid-recording
 * leaves a file that plays up to its last complete fragment or cluster. A normal end of an
 * MP4/MOV rewrites it moov-first (faststart) into a temporary file renamed over path, unless
 * REEL_MOVIE_FLAG_NO_FASTSTART. A write failure (disk full) is REEL_ERROR_IO naming the path;
 * what was written stays playable.
 */

/** Containers of reel_movie_desc_t. */
typedef enum reel_container_t {
    REEL_CONTAINER_AUTO = 0,     /**< from the path's extension: .ivf, .mp4/.m4v, .mov, .webm, .mkv */
    REEL_CONTAINER_IVF = 1,      /**< IVF, written by Reel (video only) */
    REEL_CONTAINER_MP4 = 2,      /**< MP4 (FFmpeg backend) */
    REEL_CONTAINER_MOV = 3,      /**< QuickTime MOV (FFmpeg backend; H.264/HEVC and AAC only) */
    REEL_CONTAINER_WEBM = 4,     /**< WebM (FFmpeg backend; AV1/VP9 and Opus only) */
    REEL_CONTAINER_MATROSKA = 5, /**< Matroska (FFmpeg backend) */
    REEL_CONTAINER_MAX_ENUM = 0x7FFFFFFF /**< not a container: keeps the enum 32 bits wide */
} reel_container_t;

/** Audio codecs of a movie's sound track. */
typedef enum reel_audio_codec_t {
    REEL_AUDIO_CODEC_NONE = 0, /**< no sound track */
    REEL_AUDIO_CODEC_OPUS = 1, /**< Opus (libopus): WebM, Matroska, MP4 */
    REEL_AUDIO_CODEC_AAC = 2,  /**< AAC-LC (libavcodec's encoder): MP4, MOV, Matroska; for
                                    players without Opus-in-MP4 */
    REEL_AUDIO_CODEC_MAX_ENUM = 0x7FFFFFFF /**< not a codec: keeps the enum 32 bits wide */
} reel_audio_codec_t;

/** reel_movie_desc_t.flags: keep an MP4/MOV fragmented at end (no faststart rewrite; every
 *  player and browser reads it, and end is faster). */
#define REEL_MOVIE_FLAG_NO_FASTSTART 0x1u

/** How to record a movie (reel_movie_writer_begin_ex). Published in 0.2.0 at 48 bytes. */
typedef struct reel_movie_desc_t {
    uint32_t struct_size;              /**< sizeof(reel_movie_desc_t); required */
    reel_container_t container;        /**< default REEL_CONTAINER_AUTO (from the extension; an
                                            unknown extension is refused) */
    const reel_encoder_desc_t* video;  /**< the video encoder settings as for
                                            reel_movie_writer_begin(); required */
    reel_audio_codec_t audio_codec;    /**< default REEL_AUDIO_CODEC_NONE (no sound) */
    reel_sample_format_t audio_format; /**< PCM the host writes: S16, S32 or F32 */
    uint32_t audio_sample_rate;        /**< Hz of that PCM, 8000 to 192000 (Opus codes at
                                            48 kHz: other rates are resampled) */
    uint32_t audio_channels;           /**< 1 to 8, interleaved in WAVE order (FL FR FC LFE BL
                                            BR SL SR) */
    uint64_t audio_bitrate;            /**< bits per second, 6000 to 1024000; 0 = the codec's
                                            default (Opus 48 kbit/s, AAC 64 kbit/s per channel) */
    uint32_t flags;                    /**< REEL_MOVIE_FLAG_* */
    uint32_t flush_interval_ms;        /**< longest stretch a crash may lose (MP4 fragment,
                                            Matroska cluster), 1 to 60000; 0 = 1000 */
} reel_movie_desc_t;

/*! reel_movie_desc_init() :
 *  @return a zeroed reel_movie_desc_t with struct_size set. Defined here, not exported. */
static inline reel_movie_desc_t reel_movie_desc_init(void) {
    reel_movie_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_movie_writer_begin_ex() :
 *  As reel_movie_writer_begin() with a container and a sound track.
 *  @param context    the owning context.
 *  @param path       UTF-8, at most 4095 bytes; not touched when anything is refused.
 *  @param desc       read during the call only; set struct_size (reel_movie_desc_init()).
 *  @param out_writer receives the writer; end it with reel_movie_writer_end().
 *  @return REEL_SUCCESS, the errors of reel_movie_writer_begin() (messages say
 *          desc->video->field),
 *          REEL_ERROR_INVALID_ARGUMENT  NULL desc or desc->video; an extension that names no
 *                                       container with REEL_CONTAINER_AUTO; a value out of
 *                                       range (desc->audio_sample_rate, audio_channels,
 *                                       audio_format, audio_bitrate, flags, flush_interval_ms),
 *          REEL_ERROR_UNSUPPORTED       the FFmpeg backend is unavailable (the message says
 *                                       why); the container cannot hold the codec (AAC in
 *                                       WebM, AV1 in MOV, sound in IVF); a channel count the
 *                                       codec refuses,
 *          REEL_ERROR_IO                the file cannot be created (the message names path and
 *                                       the OS reason). */
REEL_API reel_result_t reel_movie_writer_begin_ex(reel_context_t context, const char* path, const reel_movie_desc_t* desc,
                                                  reel_movie_writer_t* out_writer);

/*! reel_movie_writer_write_audio() :
 *  Records sound (the audio_frame_block of Godot's write_frame): frames samples per channel of
 *  interleaved PCM in desc->audio_format with desc->audio_channels channels, following the
 *  samples written before. Copied and coded before this returns; packets go to the file as
 *  the codec completes them.
 *  @param samples frames * audio_channels samples; the caller keeps it; may be NULL when
 *                 frames is 0.
 *  @param frames  samples per channel, 0 to 16777216.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (also after end),
 *          REEL_ERROR_INVALID_ARGUMENT  frames above 16777216; NULL samples with frames > 0,
 *          REEL_ERROR_BAD_STATE         the movie has no sound track,
 *          REEL_ERROR_IO                the file cannot be written (names the path). */
REEL_API reel_result_t reel_movie_writer_write_audio(reel_movie_writer_t writer, const void* samples, uint64_t frames);

/*! reel_movie_writer_write_audio_buffer() :
 *  As reel_movie_writer_write_audio() with every sample of a buffer from a Reel audio pool
 *  (reel_audio_pool_create), whose format and channels must be the sound track's and whose
 *  sample_rate must be 0 or desc->audio_sample_rate. The caller keeps its reference.
 *  @return as reel_movie_writer_write_audio(); REEL_ERROR_INVALID_HANDLE for a bad buffer;
 *          REEL_ERROR_INVALID_ARGUMENT  another format, channel count or rate. */
REEL_API reel_result_t reel_movie_writer_write_audio_buffer(reel_movie_writer_t writer, reel_buffer_t audio);

/* --- 12.2 Reading movies: IVF, MP4, WebM, Matroska --------------------------------------
 *
 * reel_media_reader_t reads the video packets of a movie file and describes every stream of
 * it: IVF with Reel's own reader (no FFmpeg needed), MP4/MOV, WebM and Matroska through the
 * FFmpeg backend's demuxer, which reads the header and the container's index at open, never
 * the whole file, and seeks through that index (MP4 sample tables, Matroska Cues). Packets
 * go to reel_decoder_submit_packet() as IVF packets do. Calls on one reader are serialised;
 * different readers may be used from different threads.
 */

REEL_DEFINE_HANDLE(reel_media_reader_t) /* section 12.2 */

/** What a stream of a media file carries. */
typedef enum reel_stream_kind_t {
    REEL_STREAM_KIND_OTHER = 0, /**< subtitles, data, ... */
    REEL_STREAM_KIND_VIDEO = 1, /**< pictures */
    REEL_STREAM_KIND_AUDIO = 2, /**< sound */
    REEL_STREAM_KIND_MAX_ENUM = 0x7FFFFFFF /**< not a kind: keeps the enum 32 bits wide */
} reel_stream_kind_t;

/** One stream of a media file as its container declares it (reel_media_reader_get_stream);
 *  unknown values are 0. Published in 0.2.0 at 104 bytes. */
typedef struct reel_stream_info_t {
    uint32_t struct_size;      /**< set by the caller to sizeof(reel_stream_info_t) */
    reel_stream_kind_t kind;   /**< video, audio or other */
    char codec[32];            /**< FFmpeg's codec name, NUL-terminated: "av1", "opus", "aac" */
    double duration_seconds;   /**< the stream's duration (else the file's) */
    uint64_t frame_count;      /**< frames (video) or packets (audio) the container declares;
                                    0 when it does not say (Matroska) */
    uint32_t width;            /**< video: pixels */
    uint32_t height;           /**< video: pixels */
    uint32_t fps_num;          /**< video: frame rate numerator */
    uint32_t fps_den;          /**< video: frame rate denominator */
    uint32_t sample_rate;      /**< audio: Hz */
    uint32_t channels;         /**< audio: channels */
    uint64_t sample_count;     /**< audio: samples per channel (duration x rate) */
    uint64_t bit_rate;         /**< bits per second the container declares */
    uint64_t index_entries;    /**< entries of the container's seek index for this stream */
} reel_stream_info_t;

/*! reel_media_reader_open() :
 *  Opens a movie file: IVF (by its signature), or anything the FFmpeg backend's libavformat
 *  reads (MP4/MOV, WebM, Matroska, ...).
 *  @param path       UTF-8, at most 4095 bytes.
 *  @param out_reader receives the reader; close it with reel_media_reader_close().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_ARGUMENT (NULL path or out_reader),
 *          REEL_ERROR_IO (the file cannot be read: the message names path and the OS reason),
 *          REEL_ERROR_CORRUPT_DATA (not a media file, or a broken header),
 *          REEL_ERROR_UNSUPPORTED (not IVF and the FFmpeg backend is unavailable: says why). */
REEL_API reel_result_t reel_media_reader_open(reel_context_t context, const char* path, reel_media_reader_t* out_reader);

/*! reel_media_reader_get_info() :
 *  The video stream as reel_media_info_t: size, frame rate, frame_count (0 when the
 *  container does not say). Zeroes for a file without video.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT. */
REEL_API reel_result_t reel_media_reader_get_info(reel_media_reader_t reader, reel_media_info_t* out_info);

/*! reel_media_reader_stream_count() :
 *  @param out_count receives the number of streams in the file.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT. */
REEL_API reel_result_t reel_media_reader_stream_count(reel_media_reader_t reader, uint32_t* out_count);

/*! reel_media_reader_get_stream() :
 *  Describes stream index (0 to count - 1).
 *  @param out_info caller-owned; set struct_size first.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  index out of range (the message says the count). */
REEL_API reel_result_t reel_media_reader_get_stream(reel_media_reader_t reader, uint32_t index, reel_stream_info_t* out_info);

/*! reel_media_reader_read() :
 *  Reads the next packet of the video stream into a buffer of pool (a byte pool of the same
 *  context), with the frame number (from 0, at the stream's frame rate) as pts. A packet that
 *  could not get a buffer is kept for the next call. H.264 / HEVC come as Annex B (start
 *  codes, parameter sets in every keyframe) whatever the container stores, in decode order:
 *  a decoder session with reel_decoder_desc_t.codec H264 / HEVC takes them as they are.
 *  @return REEL_SUCCESS, REEL_END_OF_STREAM after the last packet, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT (not a byte pool), REEL_ERROR_LIMIT_REACHED (pool),
 *          REEL_ERROR_IO, REEL_ERROR_CORRUPT_DATA (damage the container cannot skip),
 *          REEL_ERROR_UNSUPPORTED (the file has no video stream). */
REEL_API reel_result_t reel_media_reader_read(reel_media_reader_t reader, reel_pool_t pool, reel_buffer_t* out_packet);

/*! reel_media_reader_seek() :
 *  Moves so that the next read returns the keyframe at or before frame, through the
 *  container's own index. Reset the decoder (reel_decoder_reset()) before sending it.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (frame above
 *          INT32_MAX), REEL_ERROR_UNSUPPORTED (IVF: use reel_frame_cache_create_for_ivf()),
 *          REEL_ERROR_IO. */
REEL_API reel_result_t reel_media_reader_seek(reel_media_reader_t reader, uint64_t frame);

/*! reel_media_reader_close() :
 *  Closes the reader (context destroy closes it too). The handle is stale afterwards.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_media_reader_close(reel_media_reader_t reader);

/* --- 12.3 Reading sound: WAV and a movie's audio ---------------------------------------
 *
 * reel_audio_reader_t decodes a file's best audio stream (WAV, or the sound of any movie the
 * FFmpeg backend reads) to interleaved PCM at the file's own rate, for
 * reel_movie_writer_write_audio() (`reel encode --audio in.wav`). Needs the FFmpeg backend.
 */

REEL_DEFINE_HANDLE(reel_audio_reader_t) /* section 12.3 */

/*! reel_audio_reader_open() :
 *  @param path       UTF-8, at most 4095 bytes.
 *  @param format     the PCM to produce: REEL_SAMPLE_FORMAT_S16, S32 or F32.
 *  @param out_reader receives the reader; close it with reel_audio_reader_close().
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_ARGUMENT (format, NULL path or out_reader),
 *          REEL_ERROR_IO (names path and the OS reason), REEL_ERROR_CORRUPT_DATA (not a media
 *          file), REEL_ERROR_UNSUPPORTED (no audio stream; the FFmpeg backend is unavailable). */
REEL_API reel_result_t reel_audio_reader_open(reel_context_t context, const char* path, reel_sample_format_t format,
                                              reel_audio_reader_t* out_reader);

/*! reel_audio_reader_get_info() :
 *  @param out_sample_rate receives Hz; @param out_channels receives the interleaved channels;
 *  @param out_frames receives samples per channel the file declares (0 unknown). Each may be NULL.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_audio_reader_get_info(reel_audio_reader_t reader, uint32_t* out_sample_rate, uint32_t* out_channels,
                                                  uint64_t* out_frames);

/*! reel_audio_reader_read() :
 *  Reads up to max_frames samples per channel into samples (max_frames * channels samples of
 *  the reader's format, caller-owned).
 *  @param out_frames receives the count read.
 *  @return REEL_SUCCESS, REEL_END_OF_STREAM (nothing left; *out_frames is 0),
 *          REEL_ERROR_INVALID_HANDLE, REEL_ERROR_INVALID_ARGUMENT (NULL samples or out_frames;
 *          max_frames 0 or above 16777216), REEL_ERROR_IO, REEL_ERROR_CORRUPT_DATA. */
REEL_API reel_result_t reel_audio_reader_read(reel_audio_reader_t reader, void* samples, uint32_t max_frames, uint32_t* out_frames);

/*! reel_audio_reader_close() :
 *  Closes the reader (context destroy closes it too). @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE. */
REEL_API reel_result_t reel_audio_reader_close(reel_audio_reader_t reader);

/* =======================================================================================
 * 13. Backends and timelines
 *
 * Backends. Reel runs codecs and GPU work on backends: "software" (the CPU codec libraries,
 *          always listed) and "vulkan" (a GPU device through Vulkan; its objects and functions
 *          are in reel_vulkan.h). reel_backend_caps() lists each backend with its availability,
 *          the reason when it is unavailable, and the codec operations it can run. Later
 *          backends (VA-API, Media Foundation, VideoToolbox) append kinds and get their own
 *          header beside reel_vulkan.h; this header never includes a platform API.
 * Devices. reel_device_t is a GPU device of a backend. It is declared here because timelines
 *          and capability reports refer to one; it is created, adopted and destroyed through
 *          the backend's header (reel_device_create() in reel_vulkan.h).
 * Timelines. A timeline is a 64-bit value that only grows. CPU timelines live in a context
 *          and are signalled by the host; GPU timelines belong to a device (a Vulkan timeline
 *          semaphore) and are signalled by GPU work or the host. Any timeline keys deferred
 *          releases: reel_buffer_release_after() gives a pooled buffer back once the work that
 *          reads it has reached its value.
 * ======================================================================================= */

REEL_DEFINE_HANDLE(reel_device_t)   /* a GPU device of a backend (reel_vulkan.h creates them) */
REEL_DEFINE_HANDLE(reel_timeline_t) /* a timeline: CPU, or a GPU device's */

/* --- 13.1 Backends --------------------------------------------------------------------- */

/** The kinds of backends Reel knows. */
typedef enum reel_backend_kind_t {
    REEL_BACKEND_SOFTWARE = 1, /**< CPU codec libraries (SVT-AV1, dav1d) */
    REEL_BACKEND_VULKAN = 2,   /**< a Vulkan device (hardware video through Vulkan Video) */
    REEL_BACKEND_FFMPEG = 3,   /**< FFmpeg through libreel_ffmpeg.so beside libreel: the MP4/MOV,
                                    WebM and Matroska containers, Opus/AAC audio, and the codecs
                                    libavcodec wraps; unavailable (with the reason) when the shim
                                    or FFmpeg is missing, IVF keeps working */
    REEL_BACKEND_MAX_ENUM = 0x7FFFFFFF /**< not a kind: keeps the enum 32 bits wide */
} reel_backend_kind_t;

/** A video codec operation, with the values of VkVideoCodecOperationFlagBitsKHR. */
typedef enum reel_video_codec_op_t {
    REEL_VIDEO_CODEC_OP_NONE = 0,              /**< none (a plain resource) */
    REEL_VIDEO_CODEC_OP_DECODE_H264 = 0x1,     /**< H.264 decode */
    REEL_VIDEO_CODEC_OP_DECODE_H265 = 0x2,     /**< H.265 decode */
    REEL_VIDEO_CODEC_OP_DECODE_AV1 = 0x4,      /**< AV1 decode */
    REEL_VIDEO_CODEC_OP_DECODE_VP9 = 0x8,      /**< VP9 decode (the FFmpeg backend) */
    REEL_VIDEO_CODEC_OP_ENCODE_H264 = 0x10000, /**< H.264 encode */
    REEL_VIDEO_CODEC_OP_ENCODE_H265 = 0x20000, /**< H.265 encode */
    REEL_VIDEO_CODEC_OP_ENCODE_AV1 = 0x40000,  /**< AV1 encode */
    REEL_VIDEO_CODEC_OP_MAX_ENUM = 0x7FFFFFFF  /**< not an operation: keeps the enum 32 bits wide */
} reel_video_codec_op_t;

/** reel_video_codec_caps_t.flags: DPB slots may be separate images. */
#define REEL_CODEC_CAPS_SEPARATE_REFERENCE_IMAGES 0x1u
/** reel_video_codec_caps_t.flags: decode output may be the DPB picture itself. */
#define REEL_CODEC_CAPS_DPB_AND_OUTPUT_COINCIDE 0x2u
/** reel_video_codec_caps_t.flags: decode output may be an image distinct from the DPB. */
#define REEL_CODEC_CAPS_DPB_AND_OUTPUT_DISTINCT 0x4u
/** reel_video_codec_caps_t.flags: the operation runs on dedicated hardware. */
#define REEL_CODEC_CAPS_HARDWARE 0x8u
/** reel_video_codec_caps_t.flags: protected content is supported. */
#define REEL_CODEC_CAPS_PROTECTED_CONTENT 0x10u
/** reel_video_codec_caps_t.rate_control_modes: constant QP (rate control disabled). */
#define REEL_CODEC_CAPS_RC_CQP 0x1u
/** reel_video_codec_caps_t.rate_control_modes: constant bitrate. */
#define REEL_CODEC_CAPS_RC_CBR 0x2u
/** reel_video_codec_caps_t.rate_control_modes: variable bitrate. */
#define REEL_CODEC_CAPS_RC_VBR 0x4u

/** What a backend can do for one codec operation. Hardware backends report the driver's
 *  capabilities for the profile named in profile; software backends what their library
 *  supports. A numeric field of 0 means "not reported". */
typedef struct reel_video_codec_caps_t {
    reel_video_codec_op_t operation; /**< the operation */
    uint32_t profile;                /**< the codec profile the numbers are for: H.264
                                          profile_idc (100 High), H.265 general_profile_idc
                                          (1 Main), AV1 seq_profile (0 Main) */
    uint32_t max_level;              /**< the highest level, as StdVideo numbers it (H.264
                                          StdVideoH264LevelIdc, H.265 StdVideoH265LevelIdc, AV1
                                          StdVideoAV1Level) */
    uint32_t flags;                  /**< REEL_CODEC_CAPS_* bits */
    uint32_t min_width;              /**< smallest coded width */
    uint32_t min_height;             /**< smallest coded height */
    uint32_t max_width;              /**< largest coded width */
    uint32_t max_height;             /**< largest coded height */
    uint32_t width_granularity;      /**< coded extents are multiples of this width */
    uint32_t height_granularity;     /**< coded extents are multiples of this height */
    uint32_t max_dpb_slots;          /**< most DPB slots of a session */
    uint32_t max_active_references;  /**< most references one picture uses */
    uint64_t bitstream_offset_alignment; /**< bitstream buffer offsets are multiples of this */
    uint64_t bitstream_size_alignment;   /**< bitstream buffer ranges are multiples of this */
    uint32_t luma_bit_depths;        /**< supported bit depths: 0x1 = 8, 0x4 = 10, 0x10 = 12 */
    uint32_t chroma_subsampling;     /**< 0x1 = 4:0:0, 0x2 = 4:2:0, 0x4 = 4:2:2, 0x8 = 4:4:4 */
    uint32_t rate_control_modes;     /**< encode: REEL_CODEC_CAPS_RC_* bits; 0 for decode */
    uint32_t quality_levels;         /**< encode: number of quality levels (presets) */
    uint64_t max_bitrate;            /**< encode: bits per second; 0 for decode or unknown */
    char implementation[64];         /**< the library or driver, e.g. "dav1d 1.0.0" */
} reel_video_codec_caps_t;

/** One queue family of a GPU device (Vulkan: its VkQueueFamilyProperties). */
typedef struct reel_queue_family_caps_t {
    uint32_t vk_queue_flags;         /**< VkQueueFlags (0x20 VIDEO_DECODE, 0x40 VIDEO_ENCODE) */
    uint32_t queue_count;            /**< its queues */
    uint32_t video_codec_operations; /**< reel_video_codec_op_t bits its queues can do */
    uint32_t reel_queues;            /**< bit (1 << reel_gpu_queue_t, reel_vulkan.h) for each role
                                          Reel runs on it */
} reel_queue_family_caps_t;

/** Most codec entries per backend. */
#define REEL_MAX_BACKEND_CODECS 16
/** Most queue families reported. */
#define REEL_MAX_QUEUE_FAMILIES 16

/** Most memory heaps reported (VK_MAX_MEMORY_HEAPS). */
#define REEL_GPU_MAX_HEAPS 16

/** One memory heap of a GPU device: its size, what Reel holds in it, and the driver's budget when known. */
typedef struct reel_gpu_heap_stats_t {
    uint64_t size;             /**< VkMemoryHeap.size */
    uint64_t block_bytes;      /**< bytes of VkDeviceMemory Reel holds in the heap (blocks and
                                    dedicated allocations); 0 in capability reports */
    uint64_t allocation_bytes; /**< bytes of those handed to resources; 0 in capability reports */
    uint64_t budget;           /**< VK_EXT_memory_budget heapBudget: what the process may use;
                                    0 when unknown */
    uint64_t usage;            /**< VK_EXT_memory_budget heapUsage: what the whole process uses,
                                    driver-internal memory included; 0 when unknown */
    uint32_t device_local;     /**< 1 for a DEVICE_LOCAL heap */
    uint32_t budget_known;     /**< 1 when budget and usage come from VK_EXT_memory_budget */
} reel_gpu_heap_stats_t;

/** One backend Reel knows and what it can do (reel_backend_caps). Strings are UTF-8,
 *  NUL-terminated, cut to fit. Published in 0.1.0 at 4336 bytes. */
typedef struct reel_backend_caps_t {
    uint32_t struct_size;          /**< set by the caller to sizeof(reel_backend_caps_t) */
    uint32_t backend_count;        /**< how many backends Reel knows: valid indices are
                                        0..backend_count-1 */
    reel_backend_kind_t kind;      /**< what it is */
    uint32_t available;            /**< 1 when it can be used now */
    char name[64];                 /**< "software" or "vulkan" */
    char device_name[256];         /**< Vulkan: VkPhysicalDeviceProperties.deviceName; "" when
                                        no device is given */
    char driver[256];              /**< Vulkan: driver name and info; software: the libraries */
    char unavailable_reason[256];  /**< why available is 0 (e.g. "libvulkan.so.1 could not be
                                        loaded"); "" otherwise */
    uint32_t api_version;          /**< Vulkan: the version Reel uses on the device (or the
                                        loader's instance version without a device) */
    uint32_t driver_version;       /**< Vulkan: vendor-encoded driver version */
    uint32_t vendor_id;            /**< Vulkan: PCI vendor id */
    uint32_t device_id;            /**< Vulkan: the vendor's device id */
    uint32_t queue_family_count;   /**< entries of queue_families in use */
    uint32_t heap_count;           /**< entries of heaps in use */
    uint32_t codec_count;          /**< entries of codecs in use */
    uint32_t reserved;             /**< 0 */
    reel_queue_family_caps_t queue_families[REEL_MAX_QUEUE_FAMILIES]; /**< Vulkan: the
                                        device's queue families */
    reel_gpu_heap_stats_t heaps[REEL_GPU_MAX_HEAPS]; /**< Vulkan: memory heaps with budget and
                                        usage where VK_EXT_memory_budget is enabled */
    reel_video_codec_caps_t codecs[REEL_MAX_BACKEND_CODECS]; /**< the codec operations it can run;
                                        Vulkan: those a queue and the enabled extensions
                                        support and the driver accepts */
} reel_backend_caps_t;

/*! reel_backend_caps_init() :
 *  @return a zeroed reel_backend_caps_t with struct_size set. Defined here, not exported. */
static inline reel_backend_caps_t reel_backend_caps_init(void) {
    reel_backend_caps_t caps;
    memset(&caps, 0, sizeof(caps));
    caps.struct_size = (uint32_t)sizeof(caps);
    return caps;
}

/*! reel_backend_caps() :
 *  Reports one of the backends Reel knows: index 0 is "software" (the CPU codec libraries),
 *  index 1 is "vulkan" (for device, or, with REEL_NULL_HANDLE, whether the Vulkan loader is
 *  available at all). Loop from 0 to out_caps->backend_count - 1. A host that includes only
 *  this header lists the backends with REEL_NULL_HANDLE.
 *  @code{.c}
 *    reel_backend_caps_t caps = reel_backend_caps_init();
 *    for (uint32_t i = 0; reel_backend_caps(dev, i, &caps) == REEL_SUCCESS
 *                         && i < caps.backend_count; i++) {
 *        for (uint32_t c = 0; c < caps.codec_count; c++) ... caps.codecs[c] ...
 *    }
 *  @endcode
 *  @param device   a device to report, or REEL_NULL_HANDLE (the Vulkan entry then reports
 *                  the loader only; this function accepts NULL here unlike the others).
 *  @param index    0..backend_count-1.
 *  @param out_caps caller-owned; set struct_size first (reel_backend_caps_init()).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (a non-NULL device that is not live),
 *          REEL_ERROR_INVALID_ARGUMENT  index out of range; NULL out_caps or a bad
 *                                       struct_size.
 *  @note   Queries the driver (video capabilities, budget): not for every frame. */
REEL_API reel_result_t reel_backend_caps(reel_device_t device, uint32_t index, reel_backend_caps_t* out_caps);

/* --- 13.2 Timelines -------------------------------------------------------------------- */

/** What backs a timeline. */
typedef enum reel_timeline_kind_t {
    REEL_TIMELINE_CPU = 0, /**< a CPU timeline, signalled by the host */
    REEL_TIMELINE_GPU = 1, /**< a GPU timeline of a device (Vulkan: a timeline semaphore,
                                reel_timeline_get_semaphore() in reel_vulkan.h) */
    REEL_TIMELINE_MAX_ENUM = 0x7FFFFFFF /**< not a kind: keeps the enum 32 bits wide */
} reel_timeline_kind_t;

/** How to create a timeline. Published in 0.1.0 at 24 bytes. */
typedef struct reel_timeline_desc_t {
    uint32_t struct_size;      /**< sizeof(reel_timeline_desc_t); required */
    reel_timeline_kind_t kind; /**< default REEL_TIMELINE_CPU */
    reel_device_t device;      /**< REEL_TIMELINE_GPU: the device (of the same context,
                                    from reel_vulkan.h); must be REEL_NULL_HANDLE for CPU
                                    timelines */
    uint64_t initial_value;    /**< the value it starts at. Default 0 */
} reel_timeline_desc_t;

/*! reel_timeline_desc_default() :
 *  @return a reel_timeline_desc_t with struct_size set: a CPU timeline at 0. Defined here,
 *          not exported. */
static inline reel_timeline_desc_t reel_timeline_desc_default(void) {
    reel_timeline_desc_t desc;
    memset(&desc, 0, sizeof(desc));
    desc.struct_size = (uint32_t)sizeof(desc);
    return desc;
}

/*! reel_timeline_create() :
 *  Creates a CPU timeline in a context, or a timeline semaphore of a device.
 *  @param context      the context (for GPU timelines, the device's).
 *  @param desc         read during the call only; NULL = a CPU timeline at 0.
 *  @param out_timeline receives the timeline; unchanged on failure. Destroy it with
 *                      reel_timeline_destroy() (or with its context or device).
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (context, or desc->device for GPU),
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_timeline; bad struct_size; unknown kind; a
 *                                       device for a CPU timeline; a device of another context,
 *          REEL_ERROR_INCOMPATIBLE_VERSION  desc from a newer header with unknown fields set,
 *          REEL_ERROR_LIMIT_REACHED     65536 timelines are alive. */
REEL_API reel_result_t reel_timeline_create(reel_context_t context, const reel_timeline_desc_t* desc,
                                            reel_timeline_t* out_timeline);

/*! reel_timeline_destroy() :
 *  Destroys a timeline. Work that waits on or signals a GPU timeline must have completed;
 *  deferred releases keyed on it count it as reached and run at their next check.
 *  @param timeline the timeline; REEL_NULL_HANDLE does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_BAD_STATE         it is a queue timeline (the device owns it;
 *                                       reel_device_get_queue_timeline() in reel_vulkan.h). */
REEL_API reel_result_t reel_timeline_destroy(reel_timeline_t timeline);

/*! reel_timeline_signal() :
 *  Raises the timeline to value from the host (vkSignalSemaphore for Vulkan timelines); waiters
 *  of values up to it wake. Signalling the current value does nothing.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  value is below the current value; a GPU timeline step
 *                                       of maxTimelineSemaphoreValueDifference or more,
 *          REEL_ERROR_BAD_STATE         it is a queue timeline,
 *          REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_timeline_signal(reel_timeline_t timeline, uint64_t value);

/*! reel_timeline_get_value() :
 *  @param out_value receives the current value.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE,
 *          REEL_ERROR_INVALID_ARGUMENT  NULL out_value,
 *          REEL_ERROR_DEVICE_LOST. */
REEL_API reel_result_t reel_timeline_get_value(reel_timeline_t timeline, uint64_t* out_value);

/*! reel_timeline_wait() :
 *  Blocks the calling thread until the timeline reaches value.
 *  @param timeout_ns how long to wait; 0 polls; UINT64_MAX = no limit.
 *  @return REEL_SUCCESS (reached), REEL_TIMEOUT (not reached in time),
 *          REEL_ERROR_INVALID_HANDLE, REEL_ERROR_DEVICE_LOST.
 *  @note   Do not destroy the timeline while another thread waits on it. */
REEL_API reel_result_t reel_timeline_wait(reel_timeline_t timeline, uint64_t value, uint64_t timeout_ns);

/*! reel_buffer_release_after() :
 *  Releases one reference of a pooled buffer (section 6) once timeline reaches value: at once
 *  if it already has, otherwise at the first reel_context_advance_frame (or
 *  reel_device_begin_frame of a device of the buffer's context) after it does. Context
 *  destroy releases it at once.
 *  @param buffer   a live buffer; the caller's reference passes to the deferred queue.
 *  @param timeline a CPU or GPU timeline.
 *  @return REEL_SUCCESS, REEL_ERROR_INVALID_HANDLE (buffer or timeline; the reference then
 *          stays the caller's). */
REEL_API reel_result_t reel_buffer_release_after(reel_buffer_t buffer, reel_timeline_t timeline, uint64_t value);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* REEL_H */
