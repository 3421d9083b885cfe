/* A decoder session (reel_decoder_*, dav1d underneath) fed arbitrary packets and operations.
 * Input: one settings byte (threads, frame delay, frames held), then records of
 * [operation byte][u16 little-endian length][payload]: submit the payload as one temporal
 * unit (most operations), receive, flush and drain, or reset. Promises checked: no crash, no
 * hang, no leak; no call ever fails with REEL_ERROR_INTERNAL (an exception inside Reel);
 * NOT_READY means "receive, then submit again"; every frame has planes that lie inside their
 * allocation (read end to end under ASan) and stays valid after the decoder is destroyed. */
#include "fuzz_support.h"

enum { SITE_CREATE = 1, SITE_SUBMIT, SITE_RESUBMIT, SITE_RECEIVE, SITE_FLUSH, SITE_DRAIN, SITE_RESET, SITE_FRAMES };

#define MAX_HELD 4
/* Pictures above this many pixels are refused (frame_size_limit): fuzzed sequence headers
 * can declare 65536x65536, which would only test how fast the fuzzer runs out of memory. */
#define FRAME_SIZE_LIMIT (512u * 512u)

typedef struct {
    reel_buffer_t held[MAX_HELD];
    uint32_t count, limit;
    uint64_t frames;
} holder_t;

static void check_frame(reel_buffer_t frame) {
    reel_frame_info_t fi = reel_frame_info_init();
    FUZZ_CHECK(reel_buffer_get_frame(frame, &fi) == REEL_SUCCESS, "get_frame of a decoded frame failed");
    FUZZ_CHECK(fi.format == REEL_PIXEL_FORMAT_I420 || fi.format == REEL_PIXEL_FORMAT_I010, "decoded format %d",
               (int)fi.format);
    FUZZ_CHECK(fi.width >= 1 && fi.height >= 1 && (uint64_t)fi.width * fi.height <= FRAME_SIZE_LIMIT,
               "decoded %ux%u past the frame size limit", fi.width, fi.height);
    FUZZ_CHECK(fi.plane_count == 3, "decoded frame with %u planes", fi.plane_count);
    uint32_t bytes_per_sample = fi.format == REEL_PIXEL_FORMAT_I010 ? 2 : 1;
    for (uint32_t p = 0; p < 3; p++) {
        uint32_t w = p == 0 ? fi.width : (fi.width + 1) / 2;
        FUZZ_CHECK(fi.stride[p] >= w * bytes_per_sample, "plane %u: stride %u below %u samples", p, fi.stride[p], w);
        fuzz_touch(fi.data[p], fi.plane_size[p]);
    }
}

static void hold(holder_t* h, reel_buffer_t frame) {
    check_frame(frame);
    h->frames++;
    if (h->count == h->limit) {
        FUZZ_CHECK(reel_buffer_release(h->held[0]) == REEL_SUCCESS, "release of a held frame failed");
        memmove(h->held, h->held + 1, (h->count - 1) * sizeof(h->held[0]));
        h->count--;
    }
    h->held[h->count++] = frame;
}

static void check_result(const char* call, reel_result_t r) {
    FUZZ_CHECK(r != REEL_ERROR_INTERNAL && r != REEL_ERROR_INVALID_HANDLE && r != REEL_ERROR_INVALID_ARGUMENT,
               "%s: %s", call, reel_result_name(r));
}

static void receive(reel_decoder_t decoder, holder_t* h, uint32_t site) {
    reel_buffer_t frame = REEL_NULL_HANDLE;
    reel_result_t r = fuzz_note(site, reel_decoder_receive(decoder, &frame));
    check_result("receive", r);
    if (r == REEL_SUCCESS)
        hold(h, frame);
    else
        FUZZ_CHECK(frame == REEL_NULL_HANDLE, "receive returned %s and a frame", reel_result_name(r));
}

static void run(const uint8_t* data, size_t size) {
    if (size < 1)
        return;
    holder_t h = {.count = 0, .limit = 1 + ((data[0] >> 2) & 3), .frames = 0};
    reel_decoder_desc_t desc = reel_decoder_desc_default();
    desc.backend = REEL_CODEC_BACKEND_SOFTWARE;
    desc.threads = 1 + (data[0] & 1);
    desc.max_frame_delay = 1 + ((data[0] >> 1) & 1);
    desc.frames_held = h.limit;
    desc.frame_size_limit = FRAME_SIZE_LIMIT;
    desc.name = "fuzz";
    reel_decoder_t decoder = REEL_NULL_HANDLE;
    reel_result_t r = fuzz_note(SITE_CREATE, reel_decoder_create(fuzz_context(), &desc, &decoder));
    FUZZ_CHECK(r == REEL_SUCCESS, "decoder create: %s", reel_last_error_message());

    size_t at = 1;
    int64_t pts = 0;
    while (at + 3 <= size) {
        uint8_t op = data[at];
        size_t length = (size_t)data[at + 1] | (size_t)data[at + 2] << 8;
        at += 3;
        if (length > size - at)
            length = size - at;
        const uint8_t* payload = data + at;
        at += length;
        switch (op & 15) {
        case 12:
            receive(decoder, &h, SITE_RECEIVE);
            break;
        case 13: /* flush, drain everything, start again */
            check_result("flush", fuzz_note(SITE_FLUSH, reel_decoder_flush(decoder)));
            for (int i = 0; i < 64; i++) {
                reel_buffer_t frame = REEL_NULL_HANDLE;
                r = fuzz_note(SITE_DRAIN, reel_decoder_receive(decoder, &frame));
                check_result("receive after flush", r);
                FUZZ_CHECK(r != REEL_NOT_READY, "receive after flush said NOT_READY; it must wait or end");
                if (r != REEL_SUCCESS)
                    break;
                hold(&h, frame);
            }
            /* A flushed decoder takes data again only after a reset. */
            check_result("reset", fuzz_note(SITE_RESET, reel_decoder_reset(decoder)));
            break;
        case 14:
            check_result("reset", fuzz_note(SITE_RESET, reel_decoder_reset(decoder)));
            break;
        default:
            if (length == 0)
                break;
            r = fuzz_note(SITE_SUBMIT, reel_decoder_submit(decoder, payload, length, pts));
            check_result("submit", r);
            if (r == REEL_NOT_READY) {
                /* The contract: receive, then submit the same data again. */
                receive(decoder, &h, SITE_RECEIVE);
                r = fuzz_note(SITE_RESUBMIT, reel_decoder_submit(decoder, payload, length, pts));
                check_result("submit again", r);
            }
            if (r == REEL_SUCCESS)
                pts++;
            if (op & 0x80)
                receive(decoder, &h, SITE_RECEIVE);
            break;
        }
    }
    reel_decoder_stats_t stats = reel_decoder_stats_init();
    FUZZ_CHECK(reel_decoder_get_stats(decoder, &stats) == REEL_SUCCESS, "get_stats failed");
    FUZZ_CHECK(stats.frames_out == h.frames, "stats.frames_out %llu, the harness received %llu",
               (unsigned long long)stats.frames_out, (unsigned long long)h.frames);
    /* frames_in_use counts the current frame pool only; frames of an earlier picture size live
     * in the pools made before it. */
    uint32_t distinct = 0; /* a shown-again frame (show_existing_frame) is the same buffer twice */
    for (uint32_t i = 0; i < h.count; i++) {
        int seen = 0;
        for (uint32_t j = 0; j < i; j++)
            seen |= h.held[j] == h.held[i];
        distinct += !seen;
    }
    FUZZ_CHECK(stats.pools_created != 1 || stats.frames_in_use >= distinct,
               "stats.frames_in_use %u while the harness holds %u frames", stats.frames_in_use, distinct);
    fuzz_note_count(SITE_FRAMES, h.frames);

    /* Destroy with frames out: they stay valid until released. */
    FUZZ_CHECK(reel_decoder_destroy(decoder) == REEL_SUCCESS, "destroy failed");
    FUZZ_CHECK(reel_decoder_destroy(decoder) == REEL_ERROR_INVALID_HANDLE, "a second destroy did not fail");
    for (uint32_t i = 0; i < h.count; i++) {
        check_frame(h.held[i]);
        FUZZ_CHECK(reel_buffer_release(h.held[i]) == REEL_SUCCESS, "release after destroy failed");
    }
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    fuzz_run("decoder", run, data, size);
    return 0;
}
