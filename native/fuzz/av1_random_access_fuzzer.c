/* AV1 random-access detection and seeking through the C ABI: reel_frame_cache_create_for_ivf
 * indexes an IVF file (every frame's offset, and which temporal units carry a sequence header
 * and a shown key frame: Reel's OBU parser), then its decoder thread seeks to the keyframe
 * before each requested frame and decodes forward. Input: an IVF file; its last byte picks a
 * frame to ask for besides the first and the last. Promises checked: no crash, no hang, no
 * leak, never REEL_ERROR_INTERNAL; an index is built only for a file whose frames are all
 * complete; frames handed out carry their frame number as pts; destroying the cache while its
 * decoder works leaves every frame the consumer holds valid. */
#include "fuzz_support.h"

#include <time.h>

enum { SITE_CREATE = 1, SITE_GET, SITE_HIT, SITE_FRAMES };

#define FRAME_SIZE_LIMIT (512u * 512u)

/** Complete frames of an IVF file, walked here independently of Reel: -1 when the header is
 *  short or a frame is cut off (Reel must then refuse the file). */
static long complete_frames(const uint8_t* data, size_t size) {
    if (size < 32)
        return -1;
    size_t header = (size_t)data[6] | (size_t)data[7] << 8;
    if (header < 32 || header > size)
        return -1;
    size_t at = header;
    long frames = 0;
    while (at < size) {
        if (size - at < 12)
            return -1;
        uint32_t length = (uint32_t)data[at] | (uint32_t)data[at + 1] << 8 | (uint32_t)data[at + 2] << 16 |
                          (uint32_t)data[at + 3] << 24;
        if (length == 0 || length > size - at - 12)
            return -1;
        at += 12 + (size_t)length;
        frames++;
    }
    return frames;
}

static void sleep_ms(long ms) {
    struct timespec t = {0, ms * 1000000L};
    nanosleep(&t, NULL);
}

static void run(const uint8_t* data, size_t size) {
    const char* path = fuzz_file(data, size);
    reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
    desc.ring_size = 8;
    desc.lru_capacity = 8;
    desc.prefetch_depth = 2;
    desc.memory_budget = 16u << 20;
    desc.name = "fuzz";
    reel_decoder_desc_t decoder = reel_decoder_desc_default();
    decoder.threads = 1;
    decoder.max_frame_delay = 1;
    decoder.frame_size_limit = FRAME_SIZE_LIMIT;
    reel_frame_cache_t cache = REEL_NULL_HANDLE;
    reel_result_t r = fuzz_note(SITE_CREATE, reel_frame_cache_create_for_ivf(fuzz_context(), &desc, path, &decoder, &cache));
    long frames = complete_frames(data, size);
    if (r != REEL_SUCCESS) {
        FUZZ_CHECK(r == REEL_ERROR_CORRUPT_DATA || r == REEL_ERROR_UNSUPPORTED, "create_for_ivf: unexpected %s",
                   reel_result_name(r));
        FUZZ_CHECK(cache == REEL_NULL_HANDLE, "create failed but gave a handle");
        return;
    }
    FUZZ_CHECK(frames >= 1, "Reel indexed a file whose frames are not all complete (the harness counts %ld)", frames);
    fuzz_note_count(SITE_FRAMES, (uint64_t)frames);

    int64_t wanted[3] = {0, frames - 1, size > 0 ? data[size - 1] % frames : 0};
    reel_buffer_t held[3] = {REEL_NULL_HANDLE, REEL_NULL_HANDLE, REEL_NULL_HANDLE};
    for (int i = 0; i < 3; i++) {
        for (int attempt = 0; attempt < 20; attempt++) {
            r = fuzz_note(SITE_GET, reel_frame_cache_get(cache, wanted[i], &held[i]));
            FUZZ_CHECK(r == REEL_SUCCESS || r == REEL_NOT_READY, "get(%lld): %s", (long long)wanted[i],
                       reel_result_name(r));
            if (r == REEL_SUCCESS)
                break;
            sleep_ms(1);
        }
        if (held[i] == REEL_NULL_HANDLE)
            continue;
        fuzz_note(SITE_HIT, (reel_result_t)i);
        reel_frame_info_t fi = reel_frame_info_init();
        FUZZ_CHECK(reel_buffer_get_frame(held[i], &fi) == REEL_SUCCESS, "get_frame of a cached frame failed");
        FUZZ_CHECK(fi.pts == wanted[i], "frame %lld came with pts %lld", (long long)wanted[i], (long long)fi.pts);
        FUZZ_CHECK((uint64_t)fi.width * fi.height <= FRAME_SIZE_LIMIT, "a %ux%u frame past the limit", fi.width,
                   fi.height);
        for (uint32_t p = 0; p < fi.plane_count; p++)
            fuzz_touch(fi.data[p], fi.plane_size[p]);
    }
    /* Destroy while the decoder thread may still work; the frames held stay valid. */
    FUZZ_CHECK(reel_frame_cache_destroy(cache) == REEL_SUCCESS, "destroy failed");
    FUZZ_CHECK(reel_frame_cache_destroy(cache) == REEL_ERROR_INVALID_HANDLE, "a second destroy did not fail");
    for (int i = 0; i < 3; i++) {
        if (held[i] == REEL_NULL_HANDLE)
            continue;
        reel_frame_info_t fi = reel_frame_info_init();
        FUZZ_CHECK(reel_buffer_get_frame(held[i], &fi) == REEL_SUCCESS, "a held frame died with its cache");
        for (uint32_t p = 0; p < fi.plane_count; p++)
            fuzz_touch(fi.data[p], fi.plane_size[p]);
        FUZZ_CHECK(reel_buffer_release(held[i]) == REEL_SUCCESS, "release after destroy failed");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz_run("av1_random_access", run, data, size);
    return 0;
}
