/* The FFmpeg shim's demuxer (native/shim/ffmpeg: the reading side of Reel's FFmpeg backend,
 * which opens MP4/MOV, Matroska/WebM, IVF, WAV...) on arbitrary bytes: open, every property of
 * every stream, codec names, codec configuration, the container's index, up to 256 packets, a
 * seek into the middle and packets after it, and reading past the end.
 * Promises checked: no crash, no hang, nothing leaked (the process's heap is back where it was:
 * ASan counts FFmpeg's allocations too); a failure is a negative code with a message; a packet
 * belongs to a stream that exists and has bytes when it says so; index entries exist exactly up
 * to the count the stream reports; after the end, reading stays at the end or fails cleanly.
 * The shim is compiled with coverage in this tree (native/fuzz/CMakeLists.txt), so libFuzzer
 * sees its edges; FFmpeg itself (Debian's build) is not instrumented. */
#include "fuzz_support.h"

#include "reel_ffmpeg.h"

#include <libavutil/mem.h>

enum { SITE_OPEN = 1, SITE_PROPERTY, SITE_EXTRADATA, SITE_INDEX, SITE_READ, SITE_SEEK, SITE_BEST, SITE_PACKETS };
enum { MAX_PACKETS = 256 };

/* Feeds back a shim result (its kind, and for failures the shape of its message), as
 * fuzz_note does for Reel's. */
static int note(uint32_t site, int ret) {
    uint32_t hash = fuzz_mix(fuzz_mix(2166136261u, site), (uint32_t)reelff_error_kind(ret));
    if (ret < 0) {
        const char* message = reelff_last_error();
        FUZZ_CHECK(message && message[0], "site %u failed (%d) without a message", site, ret);
        for (const char* c = message; *c; c++)
            if (*c < '0' || *c > '9')
                hash = fuzz_mix(hash, (uint8_t)*c);
    }
    uint8_t* counter = &fuzz_feedback[hash % FUZZ_FEEDBACK_COUNTERS];
    if (*counter < 255)
        (*counter)++;
    return ret;
}

static void check_streams(reelff_demuxer* d, int streams) {
    int64_t value = 0;
    for (int p = REELFF_STREAM_MEDIA_TYPE; p <= REELFF_STREAM_BITS_PER_SAMPLE; p++)
        for (int s = 0; s < streams; s++)
            FUZZ_CHECK(note(SITE_PROPERTY, reelff_demuxer_stream_property(d, s, p, &value)) == 0,
                       "property %d of stream %d failed", p, s);
    note(SITE_PROPERTY, reelff_demuxer_stream_property(d, -1, REELFF_DEMUXER_DURATION_US, &value));
    note(SITE_PROPERTY, reelff_demuxer_stream_property(d, streams, REELFF_STREAM_WIDTH, &value));
    for (int s = 0; s < streams; s++) {
        FUZZ_CHECK(reelff_demuxer_stream_codec_name(d, s) != NULL, "codec name of stream %d is NULL", s);
        const uint8_t* extradata = NULL;
        int size = -1;
        FUZZ_CHECK(note(SITE_EXTRADATA, reelff_demuxer_stream_extradata(d, s, &extradata, &size)) == 0,
                   "extradata of stream %d failed", s);
        FUZZ_CHECK(size >= 0 && (size == 0 || extradata != NULL), "extradata %p of %d bytes", (const void*)extradata, size);
        fuzz_touch(extradata, (size_t)size);

        int64_t entries = 0;
        FUZZ_CHECK(reelff_demuxer_stream_property(d, s, REELFF_STREAM_INDEX_ENTRIES, &entries) == 0, "index count failed");
        FUZZ_CHECK(entries >= 0, "index count %lld", (long long)entries);
        for (int64_t e = 0; e < entries && e < 64; e++) {
            int64_t ts = 0, position = 0;
            int flags = 0, entry_size = 0;
            FUZZ_CHECK(note(SITE_INDEX, reelff_demuxer_index_entry(d, s, (int)e, &ts, &flags, &position, &entry_size)) == 0,
                       "index entry %lld of %lld failed", (long long)e, (long long)entries);
        }
        FUZZ_CHECK(entries > 0x7ffffffe || reelff_demuxer_index_entry(d, s, (int)entries, NULL, NULL, NULL, NULL) < 0,
                   "index entry %lld exists past the count", (long long)entries);
    }
    note(SITE_BEST, reelff_demuxer_best_stream(d, REELFF_MEDIA_VIDEO));
    note(SITE_BEST + 100, reelff_demuxer_best_stream(d, REELFF_MEDIA_AUDIO));
}

/* Reads up to max packets; returns how many, and the last pts of stream 0 seen. */
static int read_packets(reelff_demuxer* d, int streams, int max, int64_t* last_pts) {
    int count = 0;
    for (; count < max; count++) {
        int stream = -1, size = -1, flags = 0;
        const uint8_t* data = NULL;
        int64_t pts = 0, dts = 0, duration = 0;
        int ret = note(SITE_READ, reelff_demuxer_read_packet(d, &stream, &data, &size, &pts, &dts, &duration, &flags));
        if (ret < 0)
            break;
        FUZZ_CHECK(stream >= 0 && stream < streams, "packet of stream %d; the file has %d", stream, streams);
        FUZZ_CHECK(size >= 0 && (size == 0 || data != NULL), "packet %p of %d bytes", (const void*)data, size);
        fuzz_touch(data, (size_t)size);
        if (stream == 0 && pts != REELFF_NOPTS)
            *last_pts = pts;
    }
    return count;
}

static void run(const uint8_t* data, size_t size) {
    const char* path = fuzz_file(data, size);
    reelff_demuxer* d = NULL;
    int ret = note(SITE_OPEN, reelff_demuxer_open(path, &d));
    if (ret < 0) {
        FUZZ_CHECK(d == NULL, "open failed but gave a demuxer");
        return;
    }
    FUZZ_CHECK(d != NULL, "open succeeded without a demuxer");
    FUZZ_CHECK(reelff_demuxer_format_name(d) != NULL, "format name is NULL");
    int streams = reelff_demuxer_stream_count(d);
    FUZZ_CHECK(streams >= 0, "stream count %d", streams);
    check_streams(d, streams);

    int64_t last_pts = 0;
    int packets = read_packets(d, streams, MAX_PACKETS, &last_pts);
    fuzz_note_count(SITE_PACKETS, (uint64_t)packets);
    if (streams > 0) {
        /* Back to the middle through the index, then onward. */
        if (note(SITE_SEEK, reelff_demuxer_seek(d, 0, last_pts / 2, 0)) == 0)
            read_packets(d, streams, 16, &last_pts);
        note(SITE_SEEK + 100, reelff_demuxer_seek(d, 0, last_pts, REELFF_SEEK_ANY));
        read_packets(d, streams, MAX_PACKETS, &last_pts);
        /* After the end (or an error), reading again must not crash either. */
        read_packets(d, streams, 2, &last_pts);
        for (int s = 0; s < streams; s++)
            reelff_demuxer_set_stream_enabled(d, s, s != 0);
        read_packets(d, streams, 2, &last_pts);
    }
    reelff_demuxer_destroy(d);
}

/* Heap growth one input may leave: none but what FFmpeg keeps once per process (codec tables
 * initialised on first use), which the reruns below tell from a leak. */
#define DEMUXER_SLACK_BYTES 256

/* FFmpeg sizes some tables from header fields (an MP4 sample table can ask for 1.4 GB): with
 * libFuzzer's -malloc_limit_mb=64 that is an "out-of-memory" finding inside FFmpeg, not in the
 * shim. FFmpeg's own cap (av_max_alloc, process-wide, so only this harness sets it; a host sets
 * its own) makes such an input fail inside FFmpeg with ENOMEM, which the shim must then report
 * cleanly: that is what is checked. docs/FFMPEG.md notes the limit for hosts. */
int LLVMFuzzerInitialize(int* argc, char*** argv);
int LLVMFuzzerInitialize(int* argc, char*** argv) {
    (void)argc;
    (void)argv;
    av_max_alloc(48u << 20);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    size_t before = __sanitizer_get_current_allocated_bytes();
    run(data, size);
    size_t after = __sanitizer_get_current_allocated_bytes();
    if (after <= before + DEMUXER_SLACK_BYTES)
        return 0;
    size_t grown = 0;
    for (int attempt = 0; attempt < 3; attempt++) {
        before = __sanitizer_get_current_allocated_bytes();
        run(data, size);
        after = __sanitizer_get_current_allocated_bytes();
        if (after <= before + DEMUXER_SLACK_BYTES)
            return 0;
        grown = after - before;
    }
    fuzz_fail("leak: the demuxer keeps %zu more heap bytes on every run of this input (3 reruns)", grown);
}
