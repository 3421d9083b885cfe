/* reel_ivf_reader_* on arbitrary bytes: open, get_info, read every packet into a byte pool.
 * Promises checked: no crash, no hang, nothing leaked; a read either succeeds with a packet of
 * 1 byte or more that fits in the file, or ends with END_OF_STREAM or an error (CORRUPT_DATA,
 * UNSUPPORTED, IO) and a message; after an error the reader stays usable (close works). */
#include "fuzz_support.h"

enum { SITE_OPEN = 1, SITE_INFO, SITE_READ, SITE_FRAMES };

static void run(const uint8_t* data, size_t size) {
    const char* path = fuzz_file(data, size);
    reel_ivf_reader_t reader = REEL_NULL_HANDLE;
    reel_result_t r = fuzz_note(SITE_OPEN, reel_ivf_reader_open(fuzz_context(), path, &reader));
    if (r != REEL_SUCCESS) {
        FUZZ_CHECK(r == REEL_ERROR_CORRUPT_DATA || r == REEL_ERROR_UNSUPPORTED, "open: unexpected %s",
                   reel_result_name(r));
        FUZZ_CHECK(reader == REEL_NULL_HANDLE, "open failed but gave a handle");
        FUZZ_CHECK(reel_last_error_message()[0] != 0, "open failed without a message");
        return;
    }
    reel_media_info_t info = reel_media_info_init();
    FUZZ_CHECK(fuzz_note(SITE_INFO, reel_ivf_reader_get_info(reader, &info)) == REEL_SUCCESS, "get_info failed");

    reel_pool_t pool = fuzz_byte_pool();
    uint64_t frames = 0, bytes = 32;
    for (;;) {
        reel_buffer_t packet = REEL_NULL_HANDLE;
        r = fuzz_note(SITE_READ, reel_ivf_reader_read(reader, pool, &packet));
        if (r != REEL_SUCCESS) {
            FUZZ_CHECK(packet == REEL_NULL_HANDLE, "read returned %s and a packet", reel_result_name(r));
            FUZZ_CHECK(r == REEL_END_OF_STREAM || r == REEL_ERROR_CORRUPT_DATA || r == REEL_ERROR_INVALID_ARGUMENT,
                       "read: unexpected %s", reel_result_name(r));
            /* INVALID_ARGUMENT: a frame larger than the pool's largest class (16 MiB). */
            break;
        }
        reel_bytes_info_t bi = reel_bytes_info_init();
        FUZZ_CHECK(reel_buffer_get_bytes(packet, &bi) == REEL_SUCCESS, "get_bytes of a packet failed");
        FUZZ_CHECK(bi.size >= 1 && bi.size <= bi.capacity, "packet size %zu, capacity %zu", bi.size, bi.capacity);
        bytes += 12 + bi.size;
        FUZZ_CHECK(bytes <= size, "packets hold %llu bytes, the file has %zu", (unsigned long long)bytes, size);
        fuzz_touch(bi.data, bi.size);
        fuzz_check_pool(pool, 1);
        FUZZ_CHECK(reel_buffer_release(packet) == REEL_SUCCESS, "release failed");
        FUZZ_CHECK(reel_buffer_release(packet) == REEL_ERROR_INVALID_HANDLE, "a second release did not fail");
        frames++;
    }
    fuzz_note_count(SITE_FRAMES, frames);
    /* After the end or an error, reading again must not crash either. */
    reel_buffer_t again = REEL_NULL_HANDLE;
    fuzz_note(SITE_READ + 100, reel_ivf_reader_read(reader, pool, &again));
    if (again != REEL_NULL_HANDLE)
        reel_buffer_release(again);
    fuzz_check_pool(pool, 0);
    FUZZ_CHECK(reel_ivf_reader_close(reader) == REEL_SUCCESS, "close failed");
    FUZZ_CHECK(reel_ivf_reader_close(reader) == REEL_ERROR_INVALID_HANDLE, "a second close did not fail");
    FUZZ_CHECK(reel_pool_destroy(pool) == REEL_SUCCESS, "pool destroy failed");
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz_run("ivf_reader", run, data, size);
    return 0;
}
