/* reel encode: Y4M (8-bit 4:2:0) or the built-in test pattern -> AV1 in IVF, or H.264 / HEVC
 * as an Annex B elementary stream, through an encoder session: frames from a Reel frame pool
 * go in with reel_encoder_submit, packets come out of reel_encoder_receive as pooled byte
 * buffers and go to an IVF writer or straight to the file (each packet reaches the OS at
 * once, so a killed run leaves a file whose complete frames decode).
 * Other outputs (.mp4, .mov, .webm, .mkv) and --audio go through the movie writer
 * (reel_movie_writer_begin_ex), with the sound of --audio read by reel_audio_reader. */
#include "reel_annexb.h"
#include "reel_cli.h"
#include "reel_encode.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char* const k_command = "encode";
/* The input queue when --queue is not given: enough to keep SVT-AV1 fed from a file (it
 * buffers input itself), 6 frames less than the library's default of 8 at 3 MB each in 1080p. */
static const uint32_t k_default_queue = 2;

static const cli_keyword_t k_rate_controls[] = {
    {"crf", REEL_RATE_CONTROL_CRF}, {"cqp", REEL_RATE_CONTROL_CQP}, {"vbr", REEL_RATE_CONTROL_VBR}, {"cbr", REEL_RATE_CONTROL_CBR}};
static const cli_keyword_t k_presets[] = {
    {"low", REEL_ENCODER_PRESET_LOW}, {"medium", REEL_ENCODER_PRESET_MEDIUM}, {"high", REEL_ENCODER_PRESET_HIGH}};
static const cli_keyword_t k_profiles[] = {
    {"main", REEL_AV1_PROFILE_MAIN}, {"high", REEL_AV1_PROFILE_HIGH}, {"professional", REEL_AV1_PROFILE_PROFESSIONAL}};
static const cli_keyword_t k_switches[] = {{"default", REEL_FILTER_DEFAULT}, {"off", REEL_FILTER_OFF}, {"on", REEL_FILTER_ON}};
static const cli_keyword_t k_audio_codecs[] = {{"opus", REEL_AUDIO_CODEC_OPUS}, {"aac", REEL_AUDIO_CODEC_AAC}};
static const cli_keyword_t k_colors[] = {{"unspecified", REEL_COLOR_UNSPECIFIED}, {"bt709", REEL_COLOR_BT709_LIMITED}};
static const cli_keyword_t k_predictions[] = {
    {"default", REEL_PREDICTION_DEFAULT}, {"random-access", REEL_PREDICTION_RANDOM_ACCESS}, {"low-delay", REEL_PREDICTION_LOW_DELAY}};

void reel_encode_help(FILE* out) {
    fputs("usage: reel encode (-i INPUT.y4m | --pattern WxH) -o OUTPUT.{ivf,mp4,webm,mkv,h264,hevc} [options]\n"
          "\n"
          "Encodes 8-bit 4:2:0 YUV4MPEG2, or a moving test pattern, through a Reel encoder session:\n"
          "AV1 (SVT-AV1), or H.264 / HEVC with --codec (libx264 / libx265 through the FFmpeg\n"
          "backend; NVENC / Quick Sync where the hardware probe opens them). IVF by Reel (AV1\n"
          "only), MP4, WebM and Matroska by the FFmpeg backend's movie writer with sound from\n"
          "--audio, .h264 / .hevc as an Annex B elementary stream.\n"
          "\n"
          "input and output:\n"
          "  -i, --input FILE        Y4M input (8-bit 4:2:0)\n"
          "      --pattern WxH       the built-in moving test pattern of that size instead\n"
          "      --frames N          stop after N frames (pattern: default 60)\n"
          "      --fps N[/D]         frame rate (pattern: default 30; Y4M: its F tag)\n"
          "      --realtime          submit each frame at its time, like a live source (latency\n"
          "                          then measures the encoder, not a queue filled at once)\n"
          "  -o, --output FILE       output; the extension picks the container: .ivf, .mp4, .webm, .mkv,\n"
          "                          or .h264 / .hevc (an elementary stream, --codec h264 / hevc);\n"
          "                          IVF when the name has no extension (/dev/stdout, a pipe)\n"
          "      --audio FILE        sound track from a WAV file (or any file with sound), cut to\n"
          "                          the video's length; not with .ivf\n"
          "      --audio-codec C     opus (default) or aac (MP4/MKV)\n"
          "      --audio-bitrate B   bits/s (default: 48k per channel Opus, 64k AAC)\n",
          out);
    fputs("encoder settings (reel_encoder_desc_t):\n"
          "      --codec C           av1 (default), h264, hevc\n"
          "      --profile-idc N     H.264 66 (baseline), 77 (main), 100 (high); HEVC 1 (main)\n"
          "      --bframes N         H.264 / HEVC: consecutive B-frames 0..16 (0 = none)\n"
          "      --low-latency       H.264 / HEVC: no look-ahead, no B-frames (streaming)\n"
          "      --rc MODE           crf (default), cqp, vbr, cbr\n"
          "      --quality Q         1..100 for crf/cqp (default 45 = SVT-AV1 CRF 35)\n"
          "      --bitrate B         vbr/cbr target, bits/s; k, M, G suffixes (2500k)\n"
          "      --max-bitrate B     crf cap, bits/s\n"
          "      --buffer-size B     cbr buffer, bits (default one second)\n"
          "      --preset P          low, medium (default), high, or a speed 0..13 (AV1) / 0..9\n"
          "                          (H.264 / HEVC: 0 placebo .. 9 ultrafast)\n"
          "      --keyint N          frames between keyframes (default: encoder's choice)\n"
          "      --profile P         main (default), high, professional\n"
          "      --level L           level as 4.1 or 41 (default: encoder's choice)\n"
          "      --tile-rows N       log2 of tile rows, 0..6\n"
          "      --tile-cols N       log2 of tile columns, 0..4\n"
          "      --cdef S            default, on, off\n"
          "      --restoration S     default, on, off\n"
          "      --threads N         codec threads hint, 1..256 (default: all cores)\n"
          "      --color C           unspecified (default), bt709 (BT.709 limited range)\n"
          "memory and latency (what bounds the pictures the encoder keeps in flight):\n"
          "      --mini-gop N        frames per mini-GOP, SVT-AV1: 4, 8, 16, 32 (default 16; 8 in\n"
          "                          low delay). Smaller: less memory and latency, more bits\n"
          "      --hierarchical-levels L  the same as --mini-gop 2^L (SVT-AV1: 2..5)\n"
          "      --lookahead N       frames read ahead, 1..120 (default: the encoder's choice);\n"
          "                          below the mini-GOP no future mini-GOP is held (SVT-AV1)\n"
          "      --low-delay         low-delay prediction for live streams: no reordering, no\n"
          "                          look-ahead, a packet per frame as it comes (speed 8..13)\n"
          "      --prediction P      default, random-access, low-delay (--low-delay is short)\n"
          "      --backend B         auto (default), software, hardware\n"
          "      --queue N           input queue depth, 1..64 (default 2; each queued 1080p\n"
          "                          frame is 3 MB of memory)\n"
          "output:\n"
          "      --json              print the final stats as one JSON object\n"
          "      --quiet             print nothing but errors\n"
          "      --no-progress       no progress bar (it is drawn only when stdout is a terminal)\n"
          "  -h, --help              this help\n"
          "\n"
          "exit status: 0 done, 1 the encode failed (the message says why), 2 bad usage\n",
          out);
}

/* encode_options_t: reel_encode.h (shared with the movie path, reel_encode_movie.c). */

/* A level as major.minor or major * 10 + minor; which levels the codec has is checked by
 * reel_encoder_create (the message lists them). */
static int parse_level(cli_args_t* args) {
    const char* text = cli_value(args);
    unsigned major = 0, minor = 0;
    char extra = 0;
    if (sscanf(text, "%u.%u%c", &major, &minor, &extra) == 2 && major <= 9 && minor <= 9)
        return (int)(major * 10 + minor);
    if (sscanf(text, "%u%c", &major, &extra) == 1 && major <= 99)
        return (int)major;
    exit(cli_usage_error(k_command, "%s '%s' is not a level; give major.minor (4.1) or major * 10 + minor (41)", args->name, text));
}

static void parse(int argc, char** argv, encode_options_t* o) {
    memset(o, 0, sizeof(*o));
    o->desc = reel_encoder_desc_default();
    o->progress = 1;
    cli_args_t a = cli_args(argc, argv, 2, k_command);
    while (cli_next(&a)) {
        if (cli_is(&a, "--help", "-h")) {
            reel_encode_help(stdout);
            exit(REEL_EXIT_OK);
        } else if (cli_is(&a, "--input", "-i")) {
            o->input = cli_value(&a);
        } else if (cli_is(&a, "--output", "-o")) {
            o->output = cli_value(&a);
        } else if (cli_is(&a, "--audio", NULL)) {
            o->audio = cli_value(&a);
        } else if (cli_is(&a, "--audio-codec", NULL)) {
            o->audio_codec = (reel_audio_codec_t)cli_keyword(&a, k_audio_codecs, CLI_COUNT(k_audio_codecs));
        } else if (cli_is(&a, "--audio-bitrate", NULL)) {
            o->audio_bitrate = cli_bitrate(&a, 6000, 1024000);
        } else if (cli_is(&a, "--pattern", NULL)) {
            o->pattern = 1;
            cli_size(&a, &o->pattern_width, &o->pattern_height);
        } else if (cli_is(&a, "--frames", NULL)) {
            o->frames = cli_uint(&a, 1, 100000000);
        } else if (cli_is(&a, "--fps", NULL)) {
            o->fps_given = 1;
            cli_rate(&a, &o->fps_num, &o->fps_den);
        } else if (cli_is(&a, "--rc", NULL)) {
            o->desc.rate_control = (reel_rate_control_t)cli_keyword(&a, k_rate_controls, CLI_COUNT(k_rate_controls));
        } else if (cli_is(&a, "--quality", NULL)) {
            o->desc.quality = (uint32_t)cli_uint(&a, 1, 100);
        } else if (cli_is(&a, "--bitrate", NULL)) {
            o->desc.bitrate = cli_bitrate(&a, 1000, 100000000);
        } else if (cli_is(&a, "--max-bitrate", NULL)) {
            o->desc.max_bitrate = cli_bitrate(&a, 1000, 100000000);
        } else if (cli_is(&a, "--buffer-size", NULL)) {
            o->desc.buffer_size = cli_bitrate(&a, 1, 1000000000);
        } else if (cli_is(&a, "--preset", NULL)) {
            const char* value = cli_value(&a);
            int found = 0;
            for (int i = 0; i < CLI_COUNT(k_presets); i++) {
                if (strcmp(value, k_presets[i].name) == 0) {
                    o->desc.preset = (reel_encoder_preset_t)k_presets[i].value;
                    found = 1;
                }
            }
            if (!found) {
                unsigned speed = 0;
                char extra = 0;
                if (sscanf(value, "%u%c", &speed, &extra) != 1 || speed > 13) /* the encoder checks its own range */
                    exit(cli_usage_error(k_command, "--preset '%s' is not known; allowed low, medium, high, or a speed 0 to 13", value));
                o->desc.preset = REEL_ENCODER_PRESET_SPEED;
                o->desc.speed_preset = speed;
            }
        } else if (cli_is(&a, "--codec", NULL)) {
            o->desc.codec = (reel_video_codec_t)cli_keyword(&a, cli_codecs, CLI_COUNT(cli_codecs));
        } else if (cli_is(&a, "--profile-idc", NULL)) {
            o->desc.profile_idc = (uint32_t)cli_uint(&a, 1, 255);
        } else if (cli_is(&a, "--bframes", NULL)) {
            uint32_t n = (uint32_t)cli_uint(&a, 0, 16);
            o->desc.max_b_frames = n;
            if (n == 0)
                o->desc.flags |= REEL_ENCODER_FLAG_NO_B_FRAMES;
            else
                o->desc.flags &= ~REEL_ENCODER_FLAG_NO_B_FRAMES;
        } else if (cli_is(&a, "--low-latency", NULL)) {
            o->desc.flags |= REEL_ENCODER_FLAG_LOW_LATENCY;
        } else if (cli_is(&a, "--keyint", NULL)) {
            o->desc.keyframe_interval = (uint32_t)cli_uint(&a, 1, 100000);
        } else if (cli_is(&a, "--profile", NULL)) {
            o->desc.profile = (reel_av1_profile_t)cli_keyword(&a, k_profiles, CLI_COUNT(k_profiles));
        } else if (cli_is(&a, "--level", NULL)) {
            o->desc.level = (uint32_t)parse_level(&a);
        } else if (cli_is(&a, "--tile-rows", NULL)) {
            o->desc.tile_rows_log2 = (uint32_t)cli_uint(&a, 0, 6);
        } else if (cli_is(&a, "--tile-cols", NULL)) {
            o->desc.tile_columns_log2 = (uint32_t)cli_uint(&a, 0, 4);
        } else if (cli_is(&a, "--cdef", NULL)) {
            o->desc.cdef = (reel_filter_switch_t)cli_keyword(&a, k_switches, CLI_COUNT(k_switches));
        } else if (cli_is(&a, "--restoration", NULL)) {
            o->desc.restoration = (reel_filter_switch_t)cli_keyword(&a, k_switches, CLI_COUNT(k_switches));
        } else if (cli_is(&a, "--threads", NULL)) {
            o->desc.threads = (uint32_t)cli_uint(&a, 1, 256);
        } else if (cli_is(&a, "--color", NULL)) {
            o->desc.color = (reel_color_description_t)cli_keyword(&a, k_colors, CLI_COUNT(k_colors));
        } else if (cli_is(&a, "--mini-gop", NULL)) {
            o->desc.mini_gop_size = (uint32_t)cli_uint(&a, 1, 1024);
        } else if (cli_is(&a, "--hierarchical-levels", NULL)) {
            o->desc.mini_gop_size = 1u << (uint32_t)cli_uint(&a, 0, 10);
        } else if (cli_is(&a, "--lookahead", NULL)) {
            o->desc.lookahead = (uint32_t)cli_uint(&a, 1, 1000);
        } else if (cli_is(&a, "--low-delay", NULL)) {
            o->desc.prediction = REEL_PREDICTION_LOW_DELAY;
        } else if (cli_is(&a, "--prediction", NULL)) {
            o->desc.prediction = (reel_prediction_structure_t)cli_keyword(&a, k_predictions, CLI_COUNT(k_predictions));
        } else if (cli_is(&a, "--realtime", NULL)) {
            o->realtime = 1;
        } else if (cli_is(&a, "--backend", NULL)) {
            o->desc.backend = (reel_codec_backend_t)cli_keyword(&a, cli_backends, CLI_COUNT(cli_backends));
        } else if (cli_is(&a, "--queue", NULL)) {
            o->desc.queue_depth = (uint32_t)cli_uint(&a, 1, 64);
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
    if (o->output == NULL)
        exit(cli_usage_error(k_command, "no output: give -o OUTPUT.ivf (or .mp4, .webm, .mkv)"));
    if (o->audio_codec == 0)
        o->audio_codec = REEL_AUDIO_CODEC_OPUS;
    if ((o->input != NULL) == (o->pattern != 0))
        exit(cli_usage_error(k_command, "give exactly one input: -i INPUT.y4m or --pattern WxH"));
    if (o->pattern && o->frames == 0)
        o->frames = 60;
    if (o->desc.codec != REEL_VIDEO_CODEC_DEFAULT && o->desc.codec != REEL_VIDEO_CODEC_AV1 && annexb_is_ivf_path(o->output))
        exit(cli_usage_error(k_command, "-o %s is IVF, which holds AV1 only; write %s to .mp4, .mov, .mkv or an elementary stream (.h264, .hevc)",
                             o->output, cli_codec_name(o->desc.codec)));
}


static const char* keyword_name(const cli_keyword_t* keywords, int count, int value) {
    for (int i = 0; i < count; i++) {
        if (keywords[i].value == value)
            return keywords[i].name;
    }
    return "?";
}

static const char* rc_name(reel_rate_control_t rc) { return keyword_name(k_rate_controls, CLI_COUNT(k_rate_controls), (int)rc); }

/* The structure the stream was coded with: DEFAULT resolved as the header says (CBR is low delay). */
static const char* prediction_name(const reel_encoder_desc_t* d) {
    reel_prediction_structure_t p = d->prediction;
    if (p == REEL_PREDICTION_DEFAULT)
        p = d->rate_control == REEL_RATE_CONTROL_CBR ? REEL_PREDICTION_LOW_DELAY : REEL_PREDICTION_RANDOM_ACCESS;
    return keyword_name(k_predictions, CLI_COUNT(k_predictions), (int)p);
}

typedef struct encode_run_t {
    reel_context_t context;
    reel_y4m_reader_t reader;
    reel_encoder_t encoder;
    reel_pool_t frames;
    reel_ivf_writer_t writer;
    FILE* stream;           /* H.264 / HEVC: the elementary stream */
    const char* path;
    uint64_t packets;
} encode_run_t;

/* Appends one Annex B packet to the elementary stream and hands it to the OS. */
static reel_result_t write_stream(encode_run_t* run, reel_buffer_t packet) {
    reel_bytes_info_t info;
    memset(&info, 0, sizeof(info));
    info.struct_size = (uint32_t)sizeof(info);
    reel_result_t r = reel_buffer_get_bytes(packet, &info);
    if (r != REEL_SUCCESS)
        return r;
    if (fwrite(info.data, 1, info.size, run->stream) != info.size || fflush(run->stream) != 0) {
        fprintf(stderr, "reel encode: writing %s: %s\n", run->path, strerror(errno));
        return REEL_ERROR_IO;
    }
    return REEL_SUCCESS;
}

/* Moves every packet the encoder has into the file; waits up to timeout_ms for the first. */
static reel_result_t drain(encode_run_t* run, uint32_t timeout_ms) {
    for (;;) {
        reel_buffer_t packet;
        reel_result_t r = reel_encoder_receive(run->encoder, timeout_ms, &packet);
        if (r != REEL_SUCCESS)
            return r;
        r = run->stream != NULL ? write_stream(run, packet) : reel_ivf_writer_write(run->writer, packet);
        reel_buffer_release(packet);
        if (r != REEL_SUCCESS)
            return r;
        run->packets++;
    }
}

static void cleanup(encode_run_t* run) {
    if (run->stream != NULL)
        fclose(run->stream);
    reel_ivf_writer_close(run->writer);
    reel_encoder_destroy(run->encoder);
    reel_pool_destroy(run->frames);
    reel_y4m_reader_close(run->reader);
    reel_context_destroy(run->context);
}

static void print_stats(const encode_options_t* o, const reel_encoder_desc_t* d, const reel_encoder_stats_t* s,
                        double wall, uint64_t file_bytes) {
    long rss = cli_peak_rss_kib();
    if (o->json) {
        printf("{\"command\":\"encode\",\"input\":");
        cli_json_string(stdout, o->input != NULL ? o->input : "pattern");
        printf(",\"output\":");
        cli_json_string(stdout, o->output);
        printf(",\"width\":%u,\"height\":%u,\"fps_num\":%u,\"fps_den\":%u,\"rate_control\":\"%s\",\"backend\":\"%s\","
               "\"codec\":\"%s\",\"frames_in\":%llu,\"frames_out\":%llu,\"keyframes\":%llu,\"bytes\":%llu,\"file_bytes\":%llu,"
               "\"average_bitrate\":%.0f,\"encode_fps\":%.2f,\"wall_seconds\":%.3f,\"dropped\":%llu,\"peak_rss_kib\":%ld,"
               "\"prediction\":\"%s\",\"mini_gop_size\":%u,\"lookahead\":%u,\"realtime\":%s,"
               "\"latency_ms_last\":%.3f,\"latency_ms_mean\":%.3f,\"latency_ms_max\":%.3f,"
               "\"latency_frames_last\":%u,\"latency_frames_mean\":%.3f,\"latency_frames_max\":%u}\n",
               d->width, d->height, d->fps_num, d->fps_den, rc_name(d->rate_control), cli_backend_name(s->backend),
               cli_codec_name(d->codec), (unsigned long long)s->frames_in, (unsigned long long)s->frames_out, (unsigned long long)s->keyframes,
               (unsigned long long)s->bytes_out, (unsigned long long)file_bytes, s->average_bitrate,
               wall > 0 ? (double)s->frames_out / wall : 0, wall, (unsigned long long)s->dropped, rss,
               prediction_name(d), d->mini_gop_size, d->lookahead, o->realtime ? "true" : "false",
               s->latency_ms_last, s->latency_ms_mean, s->latency_ms_max,
               s->latency_frames_last, s->latency_frames_mean, s->latency_frames_max);
    } else if (!o->quiet) {
        printf("encoded %llu frames %ux%u at %u/%u fps in %.2f s: %.1f fps (%s, %s)\n", (unsigned long long)s->frames_out,
               d->width, d->height, d->fps_num, d->fps_den, wall, wall > 0 ? (double)s->frames_out / wall : 0,
               rc_name(d->rate_control), cli_backend_name(s->backend));
        printf("  %llu bytes of %s (%llu in %s), %.1f kbit/s, %llu keyframes, %llu dropped, peak RSS %.1f MiB\n",
               (unsigned long long)s->bytes_out, cli_codec_name(d->codec), (unsigned long long)file_bytes, o->output, s->average_bitrate / 1000,
               (unsigned long long)s->keyframes, (unsigned long long)s->dropped, (double)rss / 1024);
        printf("  %s: latency from submit to packet %.1f ms mean, %.1f ms max; %.1f frames mean, %u max\n",
               prediction_name(d), s->latency_ms_mean, s->latency_ms_max, s->latency_frames_mean, s->latency_frames_max);
    }
}

int reel_encode_main(int argc, char** argv) {
    encode_options_t o;
    parse(argc, argv, &o);
    if ((o.quiet || o.json) && !cli_svt_log_from_user)
        setenv("SVT_LOG", "1", 1); /* errors only */
    encode_run_t run;
    memset(&run, 0, sizeof(run));
    reel_result_t r = cli_context(&run.context, o.quiet || o.json);
    if (r != REEL_SUCCESS)
        return cli_fail(k_command, "creating a context", r);

    reel_encoder_desc_t desc = o.desc;
    uint64_t total = o.frames;
    if (o.input != NULL) {
        if ((r = reel_y4m_reader_open(run.context, o.input, &run.reader)) != REEL_SUCCESS) {
            cleanup(&run);
            return cli_fail(k_command, o.input, r);
        }
        reel_media_info_t info = reel_media_info_init();
        reel_y4m_reader_get_info(run.reader, &info);
        desc.width = info.width;
        desc.height = info.height;
        desc.fps_num = info.fps_num;
        desc.fps_den = info.fps_den;
        if (total == 0 || (info.frame_count > 0 && info.frame_count < total))
            total = info.frame_count;
    } else {
        desc.width = o.pattern_width;
        desc.height = o.pattern_height;
        desc.fps_num = 30;
        desc.fps_den = 1;
    }
    if (o.fps_given) {
        desc.fps_num = o.fps_num;
        desc.fps_den = o.fps_den;
    }
    desc.name = "reel encode";
    if (desc.queue_depth == 0)
        desc.queue_depth = k_default_queue;
    /* H.264 / HEVC to .h264 / .264 / .hevc / .265: an elementary stream written here. */
    int elementary = (desc.codec == REEL_VIDEO_CODEC_H264 || desc.codec == REEL_VIDEO_CODEC_HEVC) && o.audio == NULL
                     && (cli_has_extension(o.output, ".h264") || cli_has_extension(o.output, ".264") || cli_has_extension(o.output, ".hevc")
                         || cli_has_extension(o.output, ".265"));
    if (o.audio != NULL || !(elementary || cli_has_extension(o.output, ".ivf") || cli_has_no_extension(o.output))) {
        int status = reel_encode_movie(&o, &desc, run.context, run.reader, total);
        run.context = REEL_NULL_HANDLE; /* reel_encode_movie destroys it */
        run.reader = REEL_NULL_HANDLE;
        cleanup(&run);
        return status;
    }
    if ((r = reel_encoder_create(run.context, &desc, &run.encoder)) != REEL_SUCCESS) {
        cleanup(&run);
        return cli_fail(k_command, "creating the encoder", r);
    }
    /* Frames go back to the pool once the codec copied them; WAIT keeps reading in step. The
     * pool holds what can be in flight at once: the queue, the frame the worker is handing to
     * the codec and the one being read. The codec keeps its own copies, so a deeper queue only
     * adds memory (3 MB per 1080p frame): the tool queues 2 unless told otherwise. */
    reel_frame_pool_desc_t pool = reel_frame_pool_desc_default();
    pool.format = REEL_PIXEL_FORMAT_I420;
    pool.width = desc.width;
    pool.height = desc.height;
    pool.name = "reel encode frames";
    pool.config.max = desc.queue_depth + 2;
    pool.config.exhaustion = REEL_POOL_EXHAUSTION_WAIT;
    pool.config.wait_timeout_ms = REEL_WAIT_FOREVER;
    reel_media_info_t out_info = reel_media_info_init();
    out_info.width = desc.width;
    out_info.height = desc.height;
    out_info.fps_num = desc.fps_num;
    out_info.fps_den = desc.fps_den;
    if ((r = reel_frame_pool_create(run.context, &pool, &run.frames)) != REEL_SUCCESS
        || (!elementary && (r = reel_ivf_writer_create(run.context, o.output, &out_info, &run.writer)) != REEL_SUCCESS)) {
        cleanup(&run);
        return cli_fail(k_command, o.output, r);
    }
    run.path = o.output;
    if (elementary && (run.stream = fopen(o.output, "wb")) == NULL) {
        fprintf(stderr, "reel encode: %s: %s\n", o.output, strerror(errno));
        cleanup(&run);
        return 1;
    }

    int progress = o.progress && !o.quiet && !o.json && cli_stdout_is_tty();
    double start = cli_now(), shown = 0;
    for (uint64_t i = 0; o.frames == 0 || i < o.frames; i++) {
        reel_buffer_t frame;
        if (run.reader != REEL_NULL_HANDLE) {
            r = reel_y4m_reader_read(run.reader, run.frames, &frame);
            if (r == REEL_END_OF_STREAM)
                break;
        } else if ((r = reel_pool_acquire(run.frames, &frame)) == REEL_SUCCESS) {
            reel_frame_info_t info = reel_frame_info_init();
            reel_buffer_get_frame(frame, &info);
            reel_pattern_fill(&info, i);
            reel_buffer_set_pts(frame, (int64_t)i);
        }
        if (r != REEL_SUCCESS) {
            cleanup(&run);
            return cli_fail(k_command, o.input != NULL ? o.input : "the frame pool", r);
        }
        if (o.realtime)
            cli_sleep_until(start + (double)i * desc.fps_den / desc.fps_num);
        r = reel_encoder_submit(run.encoder, frame, 0, REEL_WAIT_FOREVER);
        reel_buffer_release(frame);
        if (r != REEL_SUCCESS || ((r = drain(&run, 0)) != REEL_NOT_READY)) {
            cleanup(&run);
            return cli_fail(k_command, "encoding", r);
        }
        double now = cli_now();
        if (progress && now - shown >= 0.25) {
            cli_progress("encode", run.packets, total, now - start);
            shown = now;
        }
    }
    if ((r = reel_encoder_flush(run.encoder)) != REEL_SUCCESS || (r = drain(&run, REEL_WAIT_FOREVER)) != REEL_END_OF_STREAM) {
        cleanup(&run);
        return cli_fail(k_command, "finishing the stream", r);
    }
    double wall = cli_now() - start;
    if (progress) {
        cli_progress("encode", run.packets, total, wall);
        cli_progress_end();
    }
    reel_encoder_stats_t stats = reel_encoder_stats_init();
    reel_encoder_get_stats(run.encoder, &stats);
    if (run.stream != NULL) {
        int closed = fclose(run.stream);
        run.stream = NULL;
        if (closed != 0) {
            fprintf(stderr, "reel encode: closing %s: %s\n", o.output, strerror(errno));
            cleanup(&run);
            return 1;
        }
        print_stats(&o, &desc, &stats, wall, stats.bytes_out);
        cleanup(&run);
        return REEL_EXIT_OK;
    }
    reel_media_info_t written = reel_media_info_init();
    reel_ivf_writer_get_info(run.writer, &written);
    r = reel_ivf_writer_close(run.writer);
    run.writer = REEL_NULL_HANDLE;
    if (r != REEL_SUCCESS) {
        cleanup(&run);
        return cli_fail(k_command, o.output, r);
    }
    /* IVF: 32-byte file header + 12 bytes per frame header. */
    print_stats(&o, &desc, &stats, wall, stats.bytes_out + 32 + 12 * written.frame_count);
    cleanup(&run);
    return REEL_EXIT_OK;
}
