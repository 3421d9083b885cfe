/*
 * reel.h -- the C API of Reel, a video resource engine.
 *
 * Reel owns the memory and GPU objects a video pipeline needs: frame, sample and bitstream
 * pools, GPU memory, DPB slots, command buffers, fences, encode/decode sessions and a frame
 * cache, with exact accounting and leak detection. It is written in C# and compiled with
 * NativeAOT into one shared library, libreel.so (SONAME libreel.so.0); this header is its
 * whole contract.
 *
 * Contents
 *   1. Conventions            handles, results, errors, structs, threading, ownership
 *   2. Version                REEL_VERSION_*, reel_version()
 *   3. Results and errors     reel_result_t, reel_result_name(), reel_last_error_message()
 *   4. Context                reel_context_create(), reel_context_destroy()
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
 *   // ... create pools and sessions from ctx ...
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
#define REEL_VERSION_MINOR 1
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
 *  @return the version of the loaded libreel as "MAJOR.MINOR.PATCH", e.g. "0.1.0".
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
 *  sizeof(reel_context_desc_t) = 64 ...". Successful calls do not change it (like errno).
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

REEL_DEFINE_HANDLE(reel_context_t)

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

/** How to create a context. Zero it, set struct_size (or use reel_context_desc_default()),
 *  then set what differs from the defaults. Published in 0.1.0 with these 64 bytes. */
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
 *                                           log_level or reserved out of range,
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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* REEL_H */
