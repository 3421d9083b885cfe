/* reel probe: the library version, the backends registered in this libreel (reel_backend_caps)
 * and what each codec backend choice can do (reel_codec_get_caps). Both read one registry.
 * With -i FILE: every stream of a movie file (reel_media_reader_get_stream). */
#include "reel_cli.h"

#include <string.h>

static const char* const k_command = "probe";

void reel_probe_help(FILE* out) {
    fputs("usage: reel probe [-i FILE] [--json]\n"
          "\n"
          "Prints the libreel version, every backend registered in this libreel (whether it is\n"
          "usable now, why not, and the codec operations it runs), and per codec backend choice\n"
          "(software, hardware, and what auto picks) whether it can encode and decode now and the\n"
          "ranges it accepts; then per codec (AV1, H.264, HEVC, VP9) and choice the encoder and\n"
          "decoder, usable or why not (hardware is probed: VA-API, NVENC/NVDEC, Quick Sync).\n"
          "With -i, the streams of a movie file instead: codec, duration,\n"
          "frame or sample counts (IVF by Reel, MP4/WebM/MKV/WAV through the FFmpeg backend).\n"
          "\n"
          "  -i, --input FILE        a movie or sound file to describe\n"
          "      --json              one JSON object\n"
          "  -h, --help              this help\n"
          "\n"
          "exit status: 0 done, 1 the file cannot be read (the message says why), 2 bad usage\n",
          out);
}

static const char* const k_rc_names[] = {"crf", "cqp", "vbr", "cbr"};
static const char* const k_preset_names[] = {"medium", "low", "high", "speed"};
static const char* const k_profile_names[] = {"main", "high", "professional"};
static const char* const k_format_names[] = {"?", "nv12", "i420", "p010", "i010", "rgba8", "bgra8"};
static const char* const k_prediction_names[] = {"default", "random-access", "low-delay"};

/* Writes the names of the set bits of mask, as text ("crf cqp") or a JSON array. */
static void names(FILE* out, uint32_t mask, const char* const* table, int count, int json) {
    int first = 1;
    if (json)
        fputc('[', out);
    for (int i = 0; i < count; i++) {
        if (!(mask & (1u << i)))
            continue;
        if (json)
            fprintf(out, "%s\"%s\"", first ? "" : ",", table[i]);
        else
            fprintf(out, "%s%s", first ? "" : " ", table[i]);
        first = 0;
    }
    if (json)
        fputc(']', out);
}

/* Writes 2^n for each set bit n of mask (mini-GOP sizes), as text or a JSON array; "none" as text when empty. */
static void powers(FILE* out, uint32_t mask, int json) {
    int first = 1;
    if (json)
        fputc('[', out);
    for (int bit = 0; bit < 32; bit++) {
        if (mask & (1u << bit)) {
            fprintf(out, "%s%lu", first ? "" : (json ? "," : " "), 1ul << bit);
            first = 0;
        }
    }
    if (json)
        fputc(']', out);
    else if (first)
        fputs("automatic only", out);
}

static void depths(FILE* out, uint32_t mask, int json) {
    int first = 1;
    if (json)
        fputc('[', out);
    for (int bits = 1; bits < 32; bits++) {
        if (mask & (1u << bits)) {
            fprintf(out, "%s%d", first ? "" : (json ? "," : " "), bits);
            first = 0;
        }
    }
    if (json)
        fputc(']', out);
}

static void print_caps(const char* label, const reel_codec_caps_t* c, int json) {
    if (json) {
        printf("{\"backend\":\"%s\",\"resolved\":\"%s\",\"can_encode\":%s,\"can_decode\":%s,\"encoder\":", label,
               c->backend == REEL_CODEC_BACKEND_HARDWARE ? "hardware" : "software", c->can_encode ? "true" : "false",
               c->can_decode ? "true" : "false");
        cli_json_string(stdout, c->encoder);
        printf(",\"decoder\":");
        cli_json_string(stdout, c->decoder);
        printf(",\"encode\":{\"width\":[%u,%u],\"height\":[%u,%u],\"max_fps\":%u,\"profiles\":", c->min_width, c->max_width,
               c->min_height, c->max_height, c->max_fps);
        names(stdout, c->encode_profiles, k_profile_names, 3, 1);
        printf(",\"rate_controls\":");
        names(stdout, c->rate_controls, k_rc_names, 4, 1);
        printf(",\"keyframe_rate_controls\":");
        names(stdout, c->keyframe_rate_controls, k_rc_names, 4, 1);
        printf(",\"presets\":");
        names(stdout, c->presets, k_preset_names, 4, 1);
        printf(",\"speed_presets\":[%u,%u],\"bitrate\":[%llu,%llu],\"max_tile_rows_log2\":%u,\"max_tile_columns_log2\":%u,"
               "\"max_threads\":%u,\"predictions\":",
               c->min_speed_preset, c->max_speed_preset, (unsigned long long)c->min_bitrate, (unsigned long long)c->max_bitrate,
               c->max_tile_rows_log2, c->max_tile_columns_log2, c->max_threads);
        names(stdout, c->prediction_structures, k_prediction_names, 3, 1);
        printf(",\"mini_gop_sizes\":");
        powers(stdout, c->mini_gop_sizes, 1);
        printf(",\"max_lookahead\":%u,\"low_delay\":{\"rate_controls\":", c->max_lookahead);
        names(stdout, c->low_delay_rate_controls, k_rc_names, 4, 1);
        printf(",\"min_speed_preset\":%u,\"mini_gop_sizes\":", c->low_delay_min_speed_preset);
        powers(stdout, c->low_delay_mini_gop_sizes, 1);
        printf(",\"keyframe_rate_controls\":");
        names(stdout, c->low_delay_keyframe_rate_controls, k_rc_names, 4, 1);
        printf("}},\"decode\":{\"max_width\":%u,\"max_height\":%u,\"profiles\":", c->decode_max_width, c->decode_max_height);
        names(stdout, c->decode_profiles, k_profile_names, 3, 1);
        printf(",\"bit_depths\":");
        depths(stdout, c->decode_bit_depths, 1);
        printf(",\"formats\":");
        names(stdout, c->decode_formats, k_format_names, 7, 1);
        printf("}}");
        return;
    }
    printf("backend %s%s\n", label, strcmp(label, "auto") == 0
                                        ? (c->backend == REEL_CODEC_BACKEND_HARDWARE ? " (picks hardware)" : " (picks software)")
                                        : "");
    printf("  encode: %s %s\n", c->can_encode ? "yes," : "no:", c->encoder);
    printf("    size %u..%u x %u..%u, up to %u fps; profiles ", c->min_width, c->max_width, c->min_height, c->max_height, c->max_fps);
    names(stdout, c->encode_profiles, k_profile_names, 3, 0);
    printf("\n    rate control ");
    names(stdout, c->rate_controls, k_rc_names, 4, 0);
    printf(" (forced keyframes: ");
    names(stdout, c->keyframe_rate_controls, k_rc_names, 4, 0);
    printf("); bitrate %llu..%llu bit/s\n    presets ", (unsigned long long)c->min_bitrate, (unsigned long long)c->max_bitrate);
    names(stdout, c->presets, k_preset_names, 4, 0);
    printf(" (speed %u..%u); tiles up to 2^%u x 2^%u; threads up to %u\n", c->min_speed_preset, c->max_speed_preset,
           c->max_tile_rows_log2, c->max_tile_columns_log2, c->max_threads);
    printf("    prediction ");
    names(stdout, c->prediction_structures, k_prediction_names, 3, 0);
    printf("; mini-GOP ");
    powers(stdout, c->mini_gop_sizes, 0);
    printf("; lookahead up to %u\n    low delay: rate control ", c->max_lookahead);
    names(stdout, c->low_delay_rate_controls, k_rc_names, 4, 0);
    printf("; speed %u..%u; mini-GOP ", c->low_delay_min_speed_preset, c->max_speed_preset);
    powers(stdout, c->low_delay_mini_gop_sizes, 0);
    printf("; forced keyframes: ");
    if (c->low_delay_keyframe_rate_controls)
        names(stdout, c->low_delay_keyframe_rate_controls, k_rc_names, 4, 0);
    else
        printf("none");
    printf("\n");
    printf("  decode: %s %s\n", c->can_decode ? "yes," : "no:", c->decoder);
    printf("    up to %ux%u; profiles ", c->decode_max_width, c->decode_max_height);
    names(stdout, c->decode_profiles, k_profile_names, 3, 0);
    printf("; bit depths ");
    depths(stdout, c->decode_bit_depths, 0);
    printf("; frames as ");
    names(stdout, c->decode_formats, k_format_names, 7, 0);
    printf("\n");
}

static const char* op_name(uint32_t op) {
    switch (op) {
    case REEL_VIDEO_CODEC_OP_DECODE_H264: return "decode h264";
    case REEL_VIDEO_CODEC_OP_DECODE_H265: return "decode hevc";
    case REEL_VIDEO_CODEC_OP_DECODE_AV1: return "decode av1";
    case REEL_VIDEO_CODEC_OP_DECODE_VP9: return "decode vp9";
    case REEL_VIDEO_CODEC_OP_ENCODE_H264: return "encode h264";
    case REEL_VIDEO_CODEC_OP_ENCODE_H265: return "encode hevc";
    case REEL_VIDEO_CODEC_OP_ENCODE_AV1: return "encode av1";
    default: return "?";
    }
}

static const char* kind_name(reel_backend_kind_t kind) {
    switch (kind) {
    case REEL_BACKEND_SOFTWARE: return "software";
    case REEL_BACKEND_VULKAN: return "vulkan";
    case REEL_BACKEND_FFMPEG: return "ffmpeg";
    default: return "other";
    }
}

/* Every registered backend, without a device (reel_backend_caps with REEL_NULL_HANDLE). */
static void print_backends(int json) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    uint32_t count = 1;
    if (json)
        printf(",\"registry\":[");
    else
        printf("registered backends\n");
    for (uint32_t i = 0; i < count; i++) {
        caps = reel_backend_caps_init();
        if (reel_backend_caps(REEL_NULL_HANDLE, i, &caps) != REEL_SUCCESS) {
            if (json) {
                printf("%s{\"index\":%u,\"error\":", i ? "," : "", i);
                cli_json_string(stdout, reel_last_error_message());
                printf("}");
            } else {
                printf("  %u: %s\n", i, reel_last_error_message());
            }
            continue;
        }
        count = caps.backend_count;
        if (json) {
            printf("%s{\"index\":%u,\"name\":", i ? "," : "", i);
            cli_json_string(stdout, caps.name);
            printf(",\"kind\":\"%s\",\"available\":%s,\"driver\":", kind_name(caps.kind), caps.available ? "true" : "false");
            cli_json_string(stdout, caps.driver);
            printf(",\"unavailable_reason\":");
            cli_json_string(stdout, caps.unavailable_reason);
            printf(",\"codecs\":[");
            for (uint32_t c = 0; c < caps.codec_count; c++) {
                printf("%s{\"operation\":\"%s\",\"implementation\":", c ? "," : "", op_name(caps.codecs[c].operation));
                cli_json_string(stdout, caps.codecs[c].implementation);
                printf(",\"max_width\":%u,\"max_height\":%u,\"hardware\":%s}", caps.codecs[c].max_width, caps.codecs[c].max_height,
                       (caps.codecs[c].flags & 0x8u) ? "true" : "false");
            }
            printf("]}");
        } else {
            printf("  %u %s (%s): %s%s%s\n", i, caps.name, kind_name(caps.kind), caps.available ? "available" : "unavailable",
                   caps.driver[0] ? "; " : "", caps.driver);
            if (caps.unavailable_reason[0])
                printf("      %s: %s\n", caps.available ? "partly" : "why", caps.unavailable_reason);
            for (uint32_t c = 0; c < caps.codec_count; c++)
                printf("      %s up to %ux%u%s: %s\n", op_name(caps.codecs[c].operation), caps.codecs[c].max_width,
                       caps.codecs[c].max_height, (caps.codecs[c].flags & 0x8u) ? " (hardware)" : "", caps.codecs[c].implementation);
        }
    }
    if (json)
        printf("]");
}

/* Per codec and backend choice (reel_codec_get_caps_for): which encoder and decoder, usable or
 * why not (the hardware probe's reason), and the settings the encoder honours. */
static void print_codecs(int json) {
    static const char* const setting_names[] = {"bitrate", "max_bitrate", "buffer_size", "keyframe_interval", "preset",
                                                "threads", "level", "profile", "profile_idc", "b_frames", "low_latency",
                                                "tiles", "av1_filters", "color", "live_bitrate"};
    const reel_video_codec_t codecs[] = {REEL_VIDEO_CODEC_AV1, REEL_VIDEO_CODEC_H264, REEL_VIDEO_CODEC_HEVC, REEL_VIDEO_CODEC_VP9};
    const struct {
        const char* label;
        reel_codec_backend_t backend;
    } choices[] = {{"software", REEL_CODEC_BACKEND_SOFTWARE}, {"hardware", REEL_CODEC_BACKEND_HARDWARE}};
    if (json)
        printf(",\"codecs\":[");
    else
        printf("codecs\n");
    int first = 1;
    for (int c = 0; c < 4; c++) {
        for (int b = 0; b < 2; b++) {
            reel_codec_caps_t caps = reel_codec_caps_init();
            reel_result_t r = reel_codec_get_caps_for(codecs[c], choices[b].backend, &caps);
            if (json) {
                printf("%s{\"codec\":\"%s\",\"backend\":\"%s\"", first ? "" : ",", cli_codec_name(codecs[c]), choices[b].label);
                if (r != REEL_SUCCESS) {
                    printf(",\"error\":");
                    cli_json_string(stdout, reel_last_error_message());
                } else {
                    printf(",\"can_encode\":%s,\"encoder\":", caps.can_encode ? "true" : "false");
                    cli_json_string(stdout, caps.encoder);
                    printf(",\"can_decode\":%s,\"decoder\":", caps.can_decode ? "true" : "false");
                    cli_json_string(stdout, caps.decoder);
                    printf(",\"encode_settings\":");
                    names(stdout, caps.encode_settings, setting_names, 15, 1);
                }
                printf("}");
                first = 0;
                continue;
            }
            printf("  %-5s %-8s ", cli_codec_name(codecs[c]), choices[b].label);
            if (r != REEL_SUCCESS) {
                printf("%s\n", reel_last_error_message());
                continue;
            }
            printf("encode %s %s\n", caps.can_encode ? "yes," : "no:", caps.encoder);
            printf("                 decode %s %s\n", caps.can_decode ? "yes," : "no:", caps.decoder);
            if (caps.can_encode) {
                printf("                 settings ");
                names(stdout, caps.encode_settings, setting_names, 15, 0);
                printf("\n");
            }
        }
    }
    if (json)
        printf("]");
}

static const char* const k_stream_kinds[] = {"other", "video", "audio"};

/* Every stream of a file, as text or one JSON object. */
static int probe_file(const char* path, int json) {
    reel_context_t context;
    reel_result_t r = cli_context(&context, 1);
    if (r != REEL_SUCCESS)
        return cli_fail(k_command, "creating a context", r);
    reel_media_reader_t reader;
    uint32_t count = 0;
    if ((r = reel_media_reader_open(context, path, &reader)) != REEL_SUCCESS || (r = reel_media_reader_stream_count(reader, &count)) != REEL_SUCCESS) {
        int status = cli_fail(k_command, path, r);
        reel_context_destroy(context);
        return status;
    }
    if (json) {
        printf("{\"file\":");
        cli_json_string(stdout, path);
        printf(",\"streams\":[");
    } else {
        printf("%s: %u stream%s\n", path, count, count == 1 ? "" : "s");
    }
    for (uint32_t i = 0; i < count; i++) {
        reel_stream_info_t s;
        memset(&s, 0, sizeof(s));
        s.struct_size = sizeof(s);
        if ((r = reel_media_reader_get_stream(reader, i, &s)) != REEL_SUCCESS)
            break;
        const char* kind = k_stream_kinds[s.kind <= REEL_STREAM_KIND_AUDIO ? s.kind : 0];
        if (json) {
            printf("%s{\"index\":%u,\"kind\":\"%s\",\"codec\":", i ? "," : "", i, kind);
            cli_json_string(stdout, s.codec);
            printf(",\"duration_seconds\":%.6f,\"frame_count\":%llu,\"width\":%u,\"height\":%u,\"fps_num\":%u,\"fps_den\":%u,"
                   "\"sample_rate\":%u,\"channels\":%u,\"sample_count\":%llu,\"bit_rate\":%llu,\"index_entries\":%llu}",
                   s.duration_seconds, (unsigned long long)s.frame_count, s.width, s.height, s.fps_num, s.fps_den, s.sample_rate,
                   s.channels, (unsigned long long)s.sample_count, (unsigned long long)s.bit_rate, (unsigned long long)s.index_entries);
        } else if (s.kind == REEL_STREAM_KIND_VIDEO) {
            printf("  %u video %s %ux%u at %u/%u fps, %.3f s, %llu frames%s, %llu index entries\n", i, s.codec, s.width, s.height,
                   s.fps_num, s.fps_den, s.duration_seconds, (unsigned long long)s.frame_count, s.frame_count ? "" : " (not declared)",
                   (unsigned long long)s.index_entries);
        } else if (s.kind == REEL_STREAM_KIND_AUDIO) {
            printf("  %u audio %s %u Hz x%u, %.3f s, %llu samples, %llu packets%s, %.1f kbit/s\n", i, s.codec, s.sample_rate, s.channels,
                   s.duration_seconds, (unsigned long long)s.sample_count, (unsigned long long)s.frame_count,
                   s.frame_count ? "" : " (not declared)", (double)s.bit_rate / 1000);
        } else {
            printf("  %u %s %s, %.3f s\n", i, kind, s.codec, s.duration_seconds);
        }
    }
    if (json)
        printf("]}\n");
    int status = r == REEL_SUCCESS ? REEL_EXIT_OK : cli_fail(k_command, path, r);
    reel_media_reader_close(reader);
    reel_context_destroy(context);
    return status;
}

int reel_probe_main(int argc, char** argv) {
    int json = 0;
    const char* input = NULL;
    cli_args_t a = cli_args(argc, argv, 2, k_command);
    while (cli_next(&a)) {
        if (cli_is(&a, "--help", "-h")) {
            reel_probe_help(stdout);
            return REEL_EXIT_OK;
        } else if (cli_is(&a, "--json", NULL)) {
            json = 1;
        } else if (cli_is(&a, "--input", "-i")) {
            input = cli_value(&a);
        } else {
            return cli_usage_error(k_command, "unknown option %s", a.name);
        }
    }
    if (input != NULL)
        return probe_file(input, json);
    if (json)
        printf("{\"version\":\"%s\"", reel_version_string());
    else
        printf("libreel %s (header %d.%d.%d)\n", reel_version_string(), REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH);
    print_backends(json);
    if (json)
        printf(",\"backends\":[");
    else
        printf("codec backends\n");
    const struct {
        const char* label;
        reel_codec_backend_t backend;
    } backends[] = {{"software", REEL_CODEC_BACKEND_SOFTWARE}, {"hardware", REEL_CODEC_BACKEND_HARDWARE}, {"auto", REEL_CODEC_BACKEND_AUTO}};
    int first = 1;
    for (int i = 0; i < 3; i++) {
        reel_codec_caps_t caps = reel_codec_caps_init();
        reel_result_t r = reel_codec_get_caps(backends[i].backend, &caps);
        if (r != REEL_SUCCESS) {
            if (json) {
                printf("%s{\"backend\":\"%s\",\"error\":", first ? "" : ",", backends[i].label);
                cli_json_string(stdout, reel_last_error_message());
                printf("}");
            } else {
                printf("backend %s: %s\n", backends[i].label, reel_last_error_message());
            }
        } else {
            if (json && !first)
                printf(",");
            print_caps(backends[i].label, &caps, json);
        }
        first = 0;
    }
    if (json)
        printf("]");
    print_codecs(json);
    if (json)
        printf("}\n");
    return REEL_EXIT_OK;
}
