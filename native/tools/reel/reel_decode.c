/* reel decode: AV1 in IVF, MP4, WebM or Matroska (reel_media_reader) -> YUV4MPEG2 through a
 * decoder session. Packets are read into a
 * Reel byte pool; every decoded frame is a buffer of the decoder's frame pool, the very memory
 * dav1d decoded into, written to the Y4M file and released. Like dav1d and ffmpeg, a damaged
 * frame is skipped with a warning and counted (the decoder recovers at the next frame it can
 * decode); --strict (or ffmpeg's -xerror) stops at the first one instead. */
#include "reel_annexb.h"
#include "reel_cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char* const k_command = "decode";

void reel_decode_help(FILE* out) {
    fputs("usage: reel decode -i INPUT [-o OUTPUT.y4m] [options]\n"
          "\n"
          "Decodes AV1 in IVF, MP4, WebM or Matroska (dav1d), or H.264 / HEVC with --codec (h264 /\n"
          "hevc of the FFmpeg backend; NVDEC where the hardware probe opens it) from MP4 / Matroska\n"
          "or an Annex B elementary stream (.h264, .hevc), to YUV4MPEG2 through a Reel decoder\n"
          "session. Without -o the frames are decoded and dropped (a speed test).\n"
          "\n"
          "  -i, --input FILE        AV1 video in IVF, or MP4/WebM/MKV (FFmpeg backend), or .h264 / .hevc\n"
          "      --codec C           av1 (default), h264, hevc\n"
          "  -o, --output FILE       Y4M output\n"
          "      --frames N          stop after N frames (the stats count those N)\n"
          "      --threads N         decoder threads, 1..256 (default: one per core)\n"
          "      --frame-delay N     frames decoded in parallel, 1..256 (default: automatic)\n"
          "      --no-film-grain     do not apply film grain\n"
          "      --backend B         auto (default), software, hardware\n"
          "      --strict            stop at the first damaged frame (exit 1); by default a damaged\n"
          "                          frame is skipped with a warning and counted, as dav1d and\n"
          "                          ffmpeg do. -xerror is the same (ffmpeg's name)\n"
          "      --json              print the final stats as one JSON object\n"
          "      --quiet             print nothing but errors\n"
          "      --no-progress       no progress bar (it is drawn only when stdout is a terminal)\n"
          "  -h, --help              this help\n"
          "\n"
          "exit status: 0 done (damaged frames skipped, if any, are counted in the stats and\n"
          "\"corrupt_frames\" of --json), 1 the decode failed (the message says why; with --strict\n"
          "also a damaged frame), 2 bad usage\n",
          out);
}

typedef struct decode_options_t {
    const char* input;
    const char* output;
    uint64_t frames;
    int json, quiet, progress, strict;
    reel_decoder_desc_t desc;
} decode_options_t;

static void parse(int argc, char** argv, decode_options_t* o) {
    memset(o, 0, sizeof(*o));
    o->desc = reel_decoder_desc_default();
    o->progress = 1;
    cli_args_t a = cli_args(argc, argv, 2, k_command);
    while (cli_next(&a)) {
        if (cli_is(&a, "--help", "-h")) {
            reel_decode_help(stdout);
            exit(REEL_EXIT_OK);
        } else if (cli_is(&a, "--input", "-i")) {
            o->input = cli_value(&a);
        } else if (cli_is(&a, "--output", "-o")) {
            o->output = cli_value(&a);
        } else if (cli_is(&a, "--frames", NULL)) {
            o->frames = cli_uint(&a, 1, 100000000);
        } else if (cli_is(&a, "--codec", NULL)) {
            o->desc.codec = (reel_video_codec_t)cli_keyword(&a, cli_codecs, CLI_COUNT(cli_codecs));
            if (o->desc.codec == REEL_VIDEO_CODEC_VP9)
                exit(cli_usage_error(k_command, "--codec vp9: VP9 comes in containers (WebM, MP4), which this tool does not read; "
                                                "the decoder session decodes it (reel_decoder_desc_t.codec)"));
        } else if (cli_is(&a, "--threads", NULL)) {
            o->desc.threads = (uint32_t)cli_uint(&a, 1, 256);
        } else if (cli_is(&a, "--frame-delay", NULL)) {
            o->desc.max_frame_delay = (uint32_t)cli_uint(&a, 1, 256);
        } else if (cli_is(&a, "--no-film-grain", NULL)) {
            o->desc.flags |= REEL_DECODER_FLAG_NO_FILM_GRAIN;
        } else if (cli_is(&a, "--backend", NULL)) {
            o->desc.backend = (reel_codec_backend_t)cli_keyword(&a, cli_backends, CLI_COUNT(cli_backends));
        } else if (cli_is(&a, "--strict", "-xerror")) {
            o->strict = 1;
        } else if (cli_is(&a, "--json", NULL)) {
            o->json = 1;
        } else if (cli_is(&a, "--quiet", "-q")) {
            o->quiet = 1;
        } else if (cli_is(&a, "--no-progress", NULL)) {
            o->progress = 0;
        } else {
            exit(cli_usage_error(k_command, "unknown option %s", a.name));
        }
    }
    if (o->input == NULL)
        exit(cli_usage_error(k_command, "no input: give -i INPUT.ivf (or .mp4, .webm, .mkv)"));
}

typedef struct decode_run_t {
    reel_context_t context;
    reel_media_reader_t reader;
    annexb_reader_t stream;  /* H.264 / HEVC elementary stream input */
    int elementary;
    reel_decoder_t decoder;
    reel_pool_t packets;
    reel_y4m_writer_t writer;
    reel_media_info_t info;
    const char* output;
    uint64_t frames;         /* frames decoded and kept (written with -o), at most limit */
    uint64_t limit;          /* --frames; 0 = all */
    uint64_t submitted;      /* packets the decoder took */
    uint64_t late_damage;    /* damaged frames reported when receiving (their packets were taken) */
    uint64_t damaged;        /* damaged frames skipped (at submit, receive or read) */
    int strict, warn;
} decode_run_t;

/* The next access unit of an elementary stream as a pooled byte buffer; END_OF_STREAM at the end. */
static reel_result_t read_unit(decode_run_t* run, reel_buffer_t* out) {
    const uint8_t* unit;
    size_t length;
    if (!annexb_next(&run->stream, &unit, &length))
        return REEL_END_OF_STREAM;
    reel_result_t r = reel_pool_acquire_bytes(run->packets, length, out);
    if (r != REEL_SUCCESS)
        return r;
    reel_bytes_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    if ((r = reel_buffer_get_bytes(*out, &info)) == REEL_SUCCESS) {
        memcpy(info.data, unit, length);
        r = reel_buffer_set_size(*out, length);
    }
    if (r == REEL_SUCCESS)
        r = reel_buffer_set_pts(*out, (int64_t)run->submitted);
    if (r != REEL_SUCCESS)
        reel_buffer_release(*out);
    return r;
}

static void cleanup(decode_run_t* run) {
    reel_y4m_writer_close(run->writer);
    reel_decoder_destroy(run->decoder);
    reel_media_reader_close(run->reader);
    annexb_close(&run->stream);
    reel_pool_destroy(run->packets);
    reel_context_destroy(run->context);
}

/* A damaged frame (REEL_ERROR_CORRUPT_DATA): counted and warned about, and 1 to go on;
 * 0 with --strict or for any other error, which ends the run. */
static int skip_damage(decode_run_t* run, reel_result_t r) {
    if (r != REEL_ERROR_CORRUPT_DATA || run->strict)
        return 0;
    run->damaged++;
    if (run->warn)
        fprintf(stderr, "reel decode: warning: %s: %s; skipped (--strict stops here)\n", reel_result_name(r), reel_last_error_message());
    return 1;
}

/* Writes one decoded frame (creating the Y4M file on the first) and releases it; frames past
 * --frames are dropped uncounted. */
static reel_result_t consume(decode_run_t* run, reel_buffer_t frame) {
    reel_result_t r = REEL_SUCCESS;
    if (run->limit != 0 && run->frames >= run->limit) {
        reel_buffer_release(frame);
        return REEL_SUCCESS;
    }
    if (run->output != NULL) {
        if (run->writer == REEL_NULL_HANDLE) {
            reel_frame_info_t f = reel_frame_info_init();
            reel_buffer_get_frame(frame, &f);
            reel_media_info_t info = reel_media_info_init();
            info.width = f.width;
            info.height = f.height;
            info.fps_num = run->info.fps_num ? run->info.fps_num : 30;
            info.fps_den = run->info.fps_den ? run->info.fps_den : 1;
            r = reel_y4m_writer_create(run->context, run->output, &info, &run->writer);
        }
        if (r == REEL_SUCCESS)
            r = reel_y4m_writer_write(run->writer, frame);
    }
    reel_buffer_release(frame);
    if (r == REEL_SUCCESS)
        run->frames++;
    return r;
}

/* Takes every frame the decoder has now, skipping damaged ones; REEL_NOT_READY or
 * REEL_END_OF_STREAM when it has none. */
static reel_result_t drain(decode_run_t* run) {
    for (int damaged_in_a_row = 0;;) {
        reel_buffer_t frame;
        reel_result_t r = reel_decoder_receive(run->decoder, &frame);
        if (r != REEL_SUCCESS) {
            /* The decoder reports each damaged frame once; a run of them with nothing in
             * between that never ends would be a decoder that cannot recover. */
            if (r == REEL_NOT_READY || r == REEL_END_OF_STREAM || ++damaged_in_a_row > 1000 || !skip_damage(run, r))
                return r;
            run->late_damage++;
            continue;
        }
        damaged_in_a_row = 0;
        if ((r = consume(run, frame)) != REEL_SUCCESS)
            return r;
    }
}

/* Whether another packet is needed for --frames: every packet the decoder took becomes a
 * frame or a damaged frame, so frames out plus frames in flight are the packets taken less
 * the damage reported late. (Reading on until N frames came out would overshoot by the frames
 * the decoder holds in flight.) */
static int wants_packets(const decode_run_t* run) {
    return run->limit == 0 || run->submitted - run->late_damage < run->limit;
}

int reel_decode_main(int argc, char** argv) {
    decode_options_t o;
    parse(argc, argv, &o);
    decode_run_t run;
    memset(&run, 0, sizeof(run));
    run.output = o.output;
    run.limit = o.frames;
    run.strict = o.strict;
    run.warn = !o.quiet;
    reel_result_t r = cli_context(&run.context, o.quiet || o.json);
    if (r != REEL_SUCCESS)
        return cli_fail(k_command, "creating a context", r);
    run.info = reel_media_info_init();
    reel_byte_pool_desc_t bytes = reel_byte_pool_desc_default();
    bytes.min_class_size = 4096;
    bytes.name = "reel decode packets";
    o.desc.name = "reel decode";
    run.elementary = (o.desc.codec == REEL_VIDEO_CODEC_H264 || o.desc.codec == REEL_VIDEO_CODEC_HEVC)
                     && (cli_has_extension(o.input, ".h264") || cli_has_extension(o.input, ".264") || cli_has_extension(o.input, ".hevc")
                         || cli_has_extension(o.input, ".265"));
    if (run.elementary) {
        int err = annexb_open(&run.stream, o.input, o.desc.codec == REEL_VIDEO_CODEC_HEVC);
        if (err != 0) {
            fprintf(stderr, "reel decode: %s: %s\n", o.input, strerror(err));
            cleanup(&run);
            return 1;
        }
        /* Frames come out at their own size; a Y4M file needs a rate: 30/1 unless known. */
        run.info.fps_num = 30;
        run.info.fps_den = 1;
    } else if ((r = reel_media_reader_open(run.context, o.input, &run.reader)) != REEL_SUCCESS
               || (r = reel_media_reader_get_info(run.reader, &run.info)) != REEL_SUCCESS) {
        cleanup(&run);
        return cli_fail(k_command, o.input, r);
    }
    if ((r = reel_byte_pool_create(run.context, &bytes, &run.packets)) != REEL_SUCCESS
        || (r = reel_decoder_create(run.context, &o.desc, &run.decoder)) != REEL_SUCCESS) {
        cleanup(&run);
        return cli_fail(k_command, "creating the decoder", r);
    }
    int progress = o.progress && !o.quiet && !o.json && cli_stdout_is_tty();
    double start = cli_now(), shown = 0;
    const char* failed = NULL;
    while (wants_packets(&run)) {
        reel_buffer_t packet;
        r = run.elementary ? read_unit(&run, &packet) : reel_media_reader_read(run.reader, run.packets, &packet);
        if (r == REEL_END_OF_STREAM)
            break;
        if (r != REEL_SUCCESS) {
            /* A damaged frame in the file (cut short, a bad size): nothing after it can be found. */
            if (!skip_damage(&run, r))
                failed = o.input;
            break;
        }
        /* NOT_READY: the decoder still holds earlier data; take a frame out, then resubmit. */
        while ((r = reel_decoder_submit_packet(run.decoder, packet)) == REEL_NOT_READY) {
            reel_result_t d = drain(&run);
            if (d != REEL_NOT_READY && d != REEL_SUCCESS) {
                r = d;
                break;
            }
        }
        reel_buffer_release(packet);
        if (r == REEL_SUCCESS)
            run.submitted++;
        else if (!skip_damage(&run, r)) {
            failed = "decoding";
            break;
        }
        if ((r = drain(&run)) != REEL_NOT_READY) {
            failed = "decoding";
            break;
        }
        double now = cli_now();
        if (progress && now - shown >= 0.25) {
            cli_progress("decode", run.frames, run.info.frame_count, now - start);
            shown = now;
        }
    }
    if (failed == NULL && ((r = reel_decoder_flush(run.decoder)) != REEL_SUCCESS || (r = drain(&run)) != REEL_END_OF_STREAM))
        failed = "finishing the stream";
    double wall = cli_now() - start;
    if (progress) {
        cli_progress("decode", run.frames, run.info.frame_count, wall);
        cli_progress_end();
    }
    if (failed != NULL) {
        int code = cli_fail(k_command, failed, r);
        if (run.frames > 0)
            fprintf(stderr, "reel decode: %llu frames were decoded before the error\n", (unsigned long long)run.frames);
        cleanup(&run);
        return code;
    }
    reel_decoder_stats_t s = reel_decoder_stats_init();
    reel_decoder_get_stats(run.decoder, &s);
    if (run.writer != REEL_NULL_HANDLE) {
        r = reel_y4m_writer_close(run.writer);
        run.writer = REEL_NULL_HANDLE;
        if (r != REEL_SUCCESS) {
            cleanup(&run);
            return cli_fail(k_command, o.output, r);
        }
    }
    long rss = cli_peak_rss_kib();
    double fps = wall > 0 ? (double)run.frames / wall : 0;
    if (o.json) {
        printf("{\"command\":\"decode\",\"input\":");
        cli_json_string(stdout, o.input);
        printf(",\"output\":");
        cli_json_string(stdout, o.output != NULL ? o.output : "");
        printf(",\"width\":%u,\"height\":%u,\"frames\":%llu,\"packets\":%llu,\"bytes_in\":%llu,\"corrupt_frames\":%llu,"
               "\"decode_fps\":%.2f,\"wall_seconds\":%.3f,\"pools_created\":%u,\"frames_copied\":%llu,\"pool_misses\":%llu,"
               "\"codec\":\"%s\",\"backend\":\"%s\",\"peak_rss_kib\":%ld}\n",
               s.width, s.height, (unsigned long long)run.frames, (unsigned long long)s.packets_in,
               (unsigned long long)s.bytes_in, (unsigned long long)run.damaged, fps, wall, s.pools_created,
               (unsigned long long)s.frames_copied, (unsigned long long)s.pool_misses, cli_codec_name(o.desc.codec),
               cli_backend_name(s.backend), rss);
    } else if (!o.quiet) {
        printf("decoded %llu frames %ux%u in %.2f s: %.1f fps (%s)\n", (unsigned long long)run.frames, s.width, s.height,
               wall, fps, cli_backend_name(s.backend));
        printf("  %llu packets, %llu bytes of %s, %u frame pool(s), peak RSS %.1f MiB%s%s\n", (unsigned long long)s.packets_in,
               (unsigned long long)s.bytes_in, cli_codec_name(o.desc.codec), s.pools_created, (double)rss / 1024, o.output ? ", written to " : "",
               o.output ? o.output : "");
        if (run.damaged > 0)
            printf("  %llu damaged frame%s skipped (see the warnings; --strict stops at the first)\n", (unsigned long long)run.damaged,
                   run.damaged == 1 ? "" : "s");
    }
    cleanup(&run);
    return REEL_EXIT_OK;
}
