/* What every libFuzzer harness of the C ABI shares:
 *   - the sanitizer options libreel needs (compiled in, so a reproducer replays with no
 *     environment: `artifacts/native-asan/fuzz/<target> crash-file`),
 *   - one context per process and the check that every input gives back everything it took
 *     (Reel's own accounting, and the process's malloc balance),
 *   - "semantic coverage": libFuzzer sees no edges inside libreel (NativeAOT code is not
 *     instrumented), so each result code and each kind of error message Reel returns is fed
 *     back as an extra counter; an input that reaches a new check in Reel's parser is kept,
 *   - an in-memory file (memfd) for the readers, which take paths.
 * Harnesses are C99 and include this once. Adding one: docs/RELIABILITY.md. */
#ifndef REEL_FUZZ_SUPPORT_H
#define REEL_FUZZ_SUPPORT_H

#include <sanitizer/allocator_interface.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "reel.h"

/* ---- sanitizer options (each one explained in docs/RELIABILITY.md, "Sanitizers") ---------- */

/* detect_leaks=0: LeakSanitizer cannot see pointers held by objects in the .NET GC heap
 *   (memory the runtime maps itself and LSan does not scan), so every block libreel holds
 *   would be reported; leaks are checked by fuzz_run() below instead.
 * allow_user_segv_handler=1: the .NET runtime turns faults in managed code into
 *   NullReferenceException through its own SIGSEGV handler; ASan must let it install one.
 * use_sigaltstack=0: the runtime gives every thread its own alternate signal stack for stack
 *   overflow detection; ASan's would replace it on threads ASan starts.
 * handle_abort=1: an invariant failure (abort) is reported with a stack like a crash. */
const char* __asan_default_options(void);
const char* __asan_default_options(void) {
    return "detect_leaks=0:allow_user_segv_handler=1:use_sigaltstack=0:handle_abort=1";
}
/* Every UndefinedBehaviorSanitizer finding in the harness is fatal and printed with a stack. */
const char* __ubsan_default_options(void);
const char* __ubsan_default_options(void) { return "halt_on_error=1:print_stacktrace=1"; }

/* ---- failing ------------------------------------------------------------------------------ */

/** Reports a broken promise of the C ABI and aborts: libFuzzer saves the input as crash-*. */
static inline void fuzz_fail(const char* format, ...) __attribute__((noreturn, format(printf, 1, 2)));
static inline void fuzz_fail(const char* format, ...) {
    va_list args;
    va_start(args, format);
    fprintf(stderr, "\n==reel-fuzz== INVARIANT FAILED: ");
    vfprintf(stderr, format, args);
    fprintf(stderr, "\n==reel-fuzz== last Reel message: %s\n", reel_last_error_message());
    va_end(args);
    abort();
}

#define FUZZ_CHECK(condition, ...)     \
    do {                               \
        if (!(condition))              \
            fuzz_fail(__VA_ARGS__);    \
    } while (0)

/* ---- semantic coverage ---------------------------------------------------------------------- */

#define FUZZ_FEEDBACK_COUNTERS 8192
/* libFuzzer treats every byte of this section like an edge counter of instrumented code. */
__attribute__((section("__libfuzzer_extra_counters"), used)) static uint8_t fuzz_feedback[FUZZ_FEEDBACK_COUNTERS];

static inline uint32_t fuzz_mix(uint32_t hash, uint32_t value) {
    hash ^= value;
    return hash * 16777619u;
}

/** Feeds back what a call at `site` returned: its result code, and for failures the shape of
 *  the message (digits dropped, so "frame 3 at byte offset 80" and "frame 7 at ..." are one
 *  kind). Returns `result` so calls can be wrapped. */
static inline reel_result_t fuzz_note(uint32_t site, reel_result_t result) {
    uint32_t hash = fuzz_mix(fuzz_mix(2166136261u, site), (uint32_t)result);
    if (result < 0) {
        for (const char* c = reel_last_error_message(); *c; c++)
            if (*c < '0' || *c > '9')
                hash = fuzz_mix(hash, (uint8_t)*c);
    }
    uint8_t* counter = &fuzz_feedback[hash % FUZZ_FEEDBACK_COUNTERS];
    if (*counter < 255)
        (*counter)++;
    return result;
}

/** Feeds back a small quantity reached (frames read, packets decoded), in log2 buckets. */
static inline void fuzz_note_count(uint32_t site, uint64_t count) {
    uint32_t bucket = 0;
    while (count > 0 && bucket < 40) {
        count >>= 1;
        bucket++;
    }
    fuzz_note(site ^ 0x9e3779b9u, (reel_result_t)bucket);
}

/* ---- the process's context and the no-leak check ---------------------------------------- */

static reel_context_t fuzz_context_handle;

/** The context every input works in (created once: context creation starts the runtime). */
static inline reel_context_t fuzz_context(void) {
    if (fuzz_context_handle == REEL_NULL_HANDLE) {
        reel_context_desc_t desc = reel_context_desc_default();
        if (reel_context_create(&desc, &fuzz_context_handle) != REEL_SUCCESS)
            fuzz_fail("reel_context_create failed");
    }
    return fuzz_context_handle;
}

/** After an input released everything: the context holds no buffer, no pool, no byte. */
static inline void fuzz_check_context_empty(const char* after) {
    reel_memory_stats_t stats = reel_memory_stats_init();
    FUZZ_CHECK(reel_context_get_memory(fuzz_context(), &stats) == REEL_SUCCESS, "reel_context_get_memory failed");
    FUZZ_CHECK(stats.buffers_out == 0, "leak after %s: %u buffers still out", after, stats.buffers_out);
    FUZZ_CHECK(stats.pools == 0, "leak after %s: %u pools still alive", after, stats.pools);
    FUZZ_CHECK(stats.bytes == 0, "leak after %s: the context still holds %llu bytes", after,
               (unsigned long long)stats.bytes);
}

typedef void (*fuzz_body_fn)(const uint8_t* data, size_t size);

/* Heap growth per run that this check lets pass, per thread an input starts (the frame cache's
 * decoder thread): the .NET runtime allocates 88 bytes for each thread that has waited (a
 * LowLevelMonitor of its wait state), freed when the managed Thread object's finalizer runs after
 * some later GC; and Reel's 4 KiB per-thread error message buffer is freed only by a finalizer
 * too, which is issue 16 defect 5 (fixed separately). Once that fix is in, this goes down to 256. */
#define FUZZ_RUNTIME_SLACK_BYTES (4096 + 256)

/** Runs one input and checks it leaked nothing: Reel's accounting must be back to empty, and
 *  the process's heap (ASan counts every malloc, libreel's included) must not have grown by more
 *  than FUZZ_RUNTIME_SLACK_BYTES. A run that grew is repeated: one-time growth (the runtime's
 *  lazy start, a thread's first message buffer) happens once, a leak happens every time. */
static inline void fuzz_run(const char* name, fuzz_body_fn body, const uint8_t* data, size_t size) {
    size_t before = __sanitizer_get_current_allocated_bytes();
    body(data, size);
    fuzz_check_context_empty(name);
    size_t after = __sanitizer_get_current_allocated_bytes();
    if (after <= before + FUZZ_RUNTIME_SLACK_BYTES)
        return;
    size_t grown = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        before = __sanitizer_get_current_allocated_bytes();
        body(data, size);
        fuzz_check_context_empty(name);
        after = __sanitizer_get_current_allocated_bytes();
        if (after <= before + FUZZ_RUNTIME_SLACK_BYTES)
            return;
        grown = after - before;
    }
    fuzz_fail("leak: %s keeps %zu more heap bytes on every run of this input (3 reruns)", name, grown);
}

/* ---- an in-memory file for the readers ---------------------------------------------------- */

/** Puts the input in a memfd and returns a path Reel can open ("/proc/self/fd/N"). */
static inline const char* fuzz_file(const uint8_t* data, size_t size) {
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("reel-fuzz-input", MFD_CLOEXEC);
        FUZZ_CHECK(fd >= 0, "memfd_create failed");
        snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
    }
    FUZZ_CHECK(ftruncate(fd, 0) == 0, "ftruncate failed");
    size_t written = 0;
    while (written < size) {
        ssize_t n = pwrite(fd, data + written, size - written, (off_t)written);
        FUZZ_CHECK(n > 0, "pwrite failed");
        written += (size_t)n;
    }
    return path;
}

/* ---- pools ------------------------------------------------------------------------------ */

/** A byte pool for packets (4 KiB to 16 MiB classes). */
static inline reel_pool_t fuzz_byte_pool(void) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    desc.min_class_size = 4096;
    desc.max_class_size = 16u << 20;
    desc.name = "fuzz-packets";
    reel_pool_t pool = REEL_NULL_HANDLE;
    FUZZ_CHECK(reel_byte_pool_create(fuzz_context(), &desc, &pool) == REEL_SUCCESS, "byte pool create failed");
    return pool;
}

/** A pool's counters must agree with each other: allocated = available + in_use at rest. */
static inline void fuzz_check_pool(reel_pool_t pool, uint32_t expected_in_use) {
    reel_pool_stats_t stats = reel_pool_stats_init();
    FUZZ_CHECK(reel_pool_get_stats(pool, &stats) == REEL_SUCCESS, "reel_pool_get_stats failed");
    FUZZ_CHECK(stats.allocated == stats.available + stats.in_use, "pool stats: allocated %u != available %u + in_use %u",
               stats.allocated, stats.available, stats.in_use);
    FUZZ_CHECK(stats.in_use == expected_in_use, "pool stats: in_use %u, but the harness holds %u", stats.in_use,
               expected_in_use);
    FUZZ_CHECK(stats.peak_in_use >= stats.in_use, "pool stats: peak_in_use %u below in_use %u", stats.peak_in_use,
               stats.in_use);
    FUZZ_CHECK(stats.acquires >= stats.releases, "pool stats: %llu releases after %llu acquires",
               (unsigned long long)stats.releases, (unsigned long long)stats.acquires);
}

/** Reads the first, the last and every 61st byte of [p, p + n): ASan stops at one outside
 *  the allocation (Reel's buffers come from malloc, which ASan replaces). */
static inline uint32_t fuzz_touch(const uint8_t* p, size_t n) {
    uint32_t sum = 0;
    for (size_t i = 0; i < n; i += 61)
        sum += p[i];
    if (n > 0)
        sum += p[n - 1];
    return sum;
}

#endif
