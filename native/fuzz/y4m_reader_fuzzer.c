/* reel_y4m_reader_* on arbitrary bytes: open, get_info, read every picture into an I420 pool
 * of the file's size (pictures up to 1 megapixel; larger headers are only opened), and a read
 * into a pool of another size. Promises checked: no crash, no hang, nothing leaked; frames
 * have the file's size and pts 0, 1, 2...; frame_count is never below the frames read. */
#include "fuzz_support.h"

enum { SITE_OPEN = 1, SITE_INFO, SITE_READ, SITE_WRONG_POOL, SITE_FRAMES };

static reel_pool_t i420_pool(uint32_t width, uint32_t height) {
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_I420;
    desc.width = width;
    desc.height = height;
    desc.config.max = 2;
    reel_pool_t pool = REEL_NULL_HANDLE;
    FUZZ_CHECK(reel_frame_pool_create(fuzz_context(), &desc, &pool) == REEL_SUCCESS, "frame pool %ux%u: %s", width,
               height, reel_last_error_message());
    return pool;
}

static void run(const uint8_t* data, size_t size) {
    const char* path = fuzz_file(data, size);
    reel_y4m_reader_t reader = REEL_NULL_HANDLE;
    reel_result_t r = fuzz_note(SITE_OPEN, reel_y4m_reader_open(fuzz_context(), path, &reader));
    if (r != REEL_SUCCESS) {
        FUZZ_CHECK(r == REEL_ERROR_CORRUPT_DATA || r == REEL_ERROR_UNSUPPORTED, "open: unexpected %s",
                   reel_result_name(r));
        FUZZ_CHECK(reader == REEL_NULL_HANDLE, "open failed but gave a handle");
        FUZZ_CHECK(reel_last_error_message()[0] != 0, "open failed without a message");
        return;
    }
    reel_media_info_t info = reel_media_info_init();
    FUZZ_CHECK(fuzz_note(SITE_INFO, reel_y4m_reader_get_info(reader, &info)) == REEL_SUCCESS, "get_info failed");
    FUZZ_CHECK(info.width >= 1 && info.height >= 1 && info.fps_num >= 1 && info.fps_den >= 1,
               "get_info: %ux%u at %u/%u", info.width, info.height, info.fps_num, info.fps_den);

    /* A pool of another size is refused, and the reader stays usable. */
    reel_pool_t wrong = i420_pool(info.width == 16 ? 18 : 16, 16);
    reel_buffer_t frame = REEL_NULL_HANDLE;
    r = fuzz_note(SITE_WRONG_POOL, reel_y4m_reader_read(reader, wrong, &frame));
    FUZZ_CHECK(r == REEL_ERROR_INVALID_ARGUMENT && frame == REEL_NULL_HANDLE, "a pool of another size: %s",
               reel_result_name(r));
    fuzz_check_pool(wrong, 0);
    FUZZ_CHECK(reel_pool_destroy(wrong) == REEL_SUCCESS, "pool destroy failed");

    uint64_t frames = 0;
    if ((uint64_t)info.width * info.height <= (1u << 20)) {
        reel_pool_t pool = i420_pool(info.width, info.height);
        for (;;) {
            r = fuzz_note(SITE_READ, reel_y4m_reader_read(reader, pool, &frame));
            if (r != REEL_SUCCESS) {
                FUZZ_CHECK(frame == REEL_NULL_HANDLE, "read returned %s and a frame", reel_result_name(r));
                FUZZ_CHECK(r == REEL_END_OF_STREAM || r == REEL_ERROR_CORRUPT_DATA, "read: unexpected %s",
                           reel_result_name(r));
                break;
            }
            reel_frame_info_t fi = reel_frame_info_init();
            FUZZ_CHECK(reel_buffer_get_frame(frame, &fi) == REEL_SUCCESS, "get_frame failed");
            FUZZ_CHECK(fi.width == info.width && fi.height == info.height, "frame %ux%u in a %ux%u file", fi.width,
                       fi.height, info.width, info.height);
            FUZZ_CHECK(fi.pts == (int64_t)frames, "frame %llu has pts %lld", (unsigned long long)frames,
                       (long long)fi.pts);
            for (uint32_t p = 0; p < fi.plane_count; p++)
                fuzz_touch(fi.data[p], fi.plane_size[p]);
            fuzz_check_pool(pool, 1);
            FUZZ_CHECK(reel_buffer_release(frame) == REEL_SUCCESS, "release failed");
            frames++;
        }
        fuzz_check_pool(pool, 0);
        FUZZ_CHECK(reel_pool_destroy(pool) == REEL_SUCCESS, "pool destroy failed");
        FUZZ_CHECK(frames <= info.frame_count, "read %llu frames; get_info said the file holds %llu",
                   (unsigned long long)frames, (unsigned long long)info.frame_count);
    }
    fuzz_note_count(SITE_FRAMES, frames);
    FUZZ_CHECK(reel_y4m_reader_close(reader) == REEL_SUCCESS, "close failed");
    FUZZ_CHECK(reel_y4m_reader_close(reader) == REEL_ERROR_INVALID_HANDLE, "a second close did not fail");
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz_run("y4m_reader", run, data, size);
    return 0;
}
