/* Video encoder settings: ranges, the checks that make an encoder refuse what it cannot
 * honour (with a message that names the setting and what the encoder takes), and the mapping
 * of Reel's settings onto each libavcodec wrapper's fields and private options. */
#include "video_encoder_internal.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include <libavutil/avstring.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>

/* x264's and x265's names (x264.h x264_preset_names / x264_tune_names / x264_profile_names;
 * x265.h the same). libavcodec passes these strings on unchecked, so the shim checks them. */
static const char *const s_x26x_presets[] = { "ultrafast", "superfast", "veryfast", "faster", "fast",
                                              "medium", "slow", "slower", "veryslow", "placebo", NULL };
static const char *const s_x264_tunes[] = { "film", "animation", "grain", "stillimage", "psnr", "ssim",
                                            "fastdecode", "zerolatency", NULL };
static const char *const s_x265_tunes[] = { "psnr", "ssim", "grain", "zerolatency", "fastdecode",
                                            "animation", NULL };
static const char *const s_x264_profiles[] = { "baseline", "main", "high", "high10", "high422",
                                               "high444", NULL };
static const char *const s_x265_profiles[] = { "main", "main10", "mainstillpicture", "msp",
                                               "main-intra", "main10-intra", NULL };
static const int s_h264_levels[] = { 10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52,
                                     60, 61, 62, 0 };
static const int s_hevc_levels[] = { 10, 20, 21, 30, 31, 40, 41, 50, 51, 52, 60, 61, 62, 0 };

static const char *const s_rc_names[] = { "DEFAULT", "CQP", "CRF", "VBR", "CBR" };

static int in_list(const char *const *list, const char *value)
{
    for (; *list; list++)
        if (!strcmp(*list, value))
            return 1;
    return 0;
}

static void join_list(const char *const *list, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; list[i]; i++) {
        av_strlcat(buf, i ? ", " : "", size);
        av_strlcat(buf, list[i], size);
    }
}

void reelff__encoder_settings_default(reelff__encoder_settings *s)
{
    memset(s, 0, sizeof *s);
    s->pixel_format = REELFF_PIXEL_I420;
    s->fps_num = 30;
    s->fps_den = 1;
    s->quality = -1;
    s->b_frames = -1;
    s->global_header = 1;
}

static int range(const char *name, int64_t value, int64_t lo, int64_t hi)
{
    if (value < lo || value > hi)
        return reelff__fail(AVERROR(EINVAL), "%s is %lld; allowed %lld to %lld", name, (long long)value,
                            (long long)lo, (long long)hi);
    return 0;
}

/* Is format one the encoder takes (VA-API: the software format uploaded to its surfaces)? */
static int check_pixel_format(const reelff_video_encoder *e, int format)
{
    enum AVPixelFormat av = reelff__pixel_to_av(format);
    if (format != REELFF_PIXEL_I420 && format != REELFF_PIXEL_NV12 && format != REELFF_PIXEL_I010 &&
        format != REELFF_PIXEL_P010)
        return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_PIXEL_FORMAT is %d; allowed "
                            "REELFF_PIXEL_I420 (1), _NV12 (2), _I010 (3), _P010 (4)", format);
    if (e->family == ENC_VAAPI) {
        if (av != AV_PIX_FMT_NV12 && av != AV_PIX_FMT_P010LE)
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PIXEL_FORMAT %s: %s uploads nv12 "
                                "or p010le to its surfaces", av_get_pix_fmt_name(av), e->codec->name);
        return 0;
    }
    char list[512] = "";
    for (const enum AVPixelFormat *p = e->codec->pix_fmts; p && *p != AV_PIX_FMT_NONE; p++) {
        if (*p == av)
            return 0;
        av_strlcat(list, list[0] ? " " : "", sizeof list);
        av_strlcat(list, av_get_pix_fmt_name(*p), sizeof list);
    }
    return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PIXEL_FORMAT %s: %s takes %s",
                        av_get_pix_fmt_name(av), e->codec->name, list);
}

static int check_level(const reelff_video_encoder *e, int level)
{
    const int *levels = e->codec_id == REELFF_CODEC_H264 ? s_h264_levels : s_hevc_levels;
    char list[256] = "";
    for (const int *l = levels; *l; l++) {
        if (*l == level)
            return 0;
        char item[16];
        snprintf(item, sizeof item, "%s%d", list[0] ? " " : "", *l);
        av_strlcat(list, item, sizeof list);
    }
    return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_LEVEL %d: %s levels (x10) are 0 (auto) %s",
                        level, e->codec_id == REELFF_CODEC_H264 ? "H.264" : "HEVC", list);
}

static int is_rate_key(int key)
{
    return key == REELFF_VENC_BITRATE || key == REELFF_VENC_MAX_BITRATE || key == REELFF_VENC_BUFFER_SIZE;
}

int reelff__encoder_set_int(reelff_video_encoder *e, int key, int64_t value)
{
    reelff__encoder_settings *s = &e->settings;
    int ret = 0;
    if (e->opened) {
        if (!is_rate_key(key))
            return reelff__fail(REELFF_ERROR_BAD_STATE, "setting %d cannot change on an open encoder; "
                                "only REELFF_VENC_BITRATE, _MAX_BITRATE and _BUFFER_SIZE may", key);
    }
    switch (key) {
    case REELFF_VENC_WIDTH:
        if (!(ret = range("REELFF_VENC_WIDTH", value, 16, 16384))) s->width = (int)value;
        return ret;
    case REELFF_VENC_HEIGHT:
        if (!(ret = range("REELFF_VENC_HEIGHT", value, 16, 16384))) s->height = (int)value;
        return ret;
    case REELFF_VENC_PIXEL_FORMAT:
        if (!(ret = check_pixel_format(e, (int)value))) s->pixel_format = (int)value;
        return ret;
    case REELFF_VENC_TIME_BASE_NUM:
        if (!(ret = range("REELFF_VENC_TIME_BASE_NUM", value, 1, INT_MAX))) s->tb_num = (int)value;
        return ret;
    case REELFF_VENC_TIME_BASE_DEN:
        if (!(ret = range("REELFF_VENC_TIME_BASE_DEN", value, 1, INT_MAX))) s->tb_den = (int)value;
        return ret;
    case REELFF_VENC_FRAME_RATE_NUM:
        if (!(ret = range("REELFF_VENC_FRAME_RATE_NUM", value, 1, INT_MAX))) s->fps_num = (int)value;
        return ret;
    case REELFF_VENC_FRAME_RATE_DEN:
        if (!(ret = range("REELFF_VENC_FRAME_RATE_DEN", value, 1, INT_MAX))) s->fps_den = (int)value;
        return ret;
    case REELFF_VENC_RATE_CONTROL:
        if (!(ret = range("REELFF_VENC_RATE_CONTROL", value, REELFF_RC_DEFAULT, REELFF_RC_CBR)))
            s->rate_control = (int)value;
        return ret;
    case REELFF_VENC_QUALITY:
        if (!(ret = range("REELFF_VENC_QUALITY", value, 0, 69))) s->quality = (int)value;
        return ret;
    case REELFF_VENC_BITRATE:
        if ((ret = range("REELFF_VENC_BITRATE", value, 10000, 800000000)))
            return ret;
        break;
    case REELFF_VENC_MAX_BITRATE:
        if (value != 0 && (ret = range("REELFF_VENC_MAX_BITRATE", value, 10000, 800000000)))
            return ret;
        break;
    case REELFF_VENC_BUFFER_SIZE:
        if (value != 0 && (ret = range("REELFF_VENC_BUFFER_SIZE", value, 1000, INT_MAX)))
            return ret;
        break;
    case REELFF_VENC_KEYINT:
        if (!(ret = range("REELFF_VENC_KEYINT", value, 0, 100000))) s->keyint = (int)value;
        return ret;
    case REELFF_VENC_B_FRAMES:
        if (!(ret = range("REELFF_VENC_B_FRAMES", value, -1, 16))) s->b_frames = (int)value;
        return ret;
    case REELFF_VENC_LOW_LATENCY:
        if (!(ret = range("REELFF_VENC_LOW_LATENCY", value, 0, 1))) s->low_latency = (int)value;
        return ret;
    case REELFF_VENC_THREADS:
        if (!(ret = range("REELFF_VENC_THREADS", value, 0, 64))) s->threads = (int)value;
        return ret;
    case REELFF_VENC_GLOBAL_HEADER:
        if (!(ret = range("REELFF_VENC_GLOBAL_HEADER", value, 0, 1))) s->global_header = (int)value;
        return ret;
    case REELFF_VENC_LEVEL:
        if (value != 0 && (ret = check_level(e, (int)value)))
            return ret;
        s->level = (int)value;
        return 0;
    default:
        return reelff__fail(AVERROR(EINVAL), "key is %d; allowed REELFF_VENC_WIDTH (1) to "
                            "REELFF_VENC_LEVEL (18)", key);
    }
    /* The rate keys: stored before open, reconfigured after. */
    if (e->opened)
        return reelff__encoder_reconfigure(e, key, value);
    if (key == REELFF_VENC_BITRATE)
        s->bitrate = value;
    else if (key == REELFF_VENC_MAX_BITRATE)
        s->max_bitrate = value;
    else
        s->buffer_size = value;
    return 0;
}

int reelff__encoder_set_string(reelff_video_encoder *e, int key, const char *value)
{
    if (e->opened)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "string settings are set before open");
    char *target;
    switch (key) {
    case REELFF_VENC_PROFILE: target = e->settings.profile; break;
    case REELFF_VENC_PRESET: target = e->settings.preset; break;
    case REELFF_VENC_TUNE: target = e->settings.tune; break;
    default:
        return reelff__fail(AVERROR(EINVAL), "key is %d; allowed REELFF_VENC_PROFILE (1), "
                            "REELFF_VENC_PRESET (2), REELFF_VENC_TUNE (3)", key);
    }
    if (value && strlen(value) >= sizeof e->settings.profile)
        return reelff__fail(AVERROR(EINVAL), "the value '%.40s...' is longer than %d characters", value,
                            (int)sizeof e->settings.profile - 1);
    av_strlcpy(target, value ? value : "", sizeof e->settings.profile);
    return 0;
}

/* Sets a private option of the wrapper; a value it refuses is named with the values its
 * AVOption table lists (for options with named constants: nvenc/qsv/vaapi presets, profiles). */
static int set_private(reelff_video_encoder *e, AVCodecContext *ctx, const char *setting,
                       const char *option, const char *value)
{
    int ret = av_opt_set(ctx->priv_data, option, value, 0);
    if (ret >= 0)
        return 0;
    const AVOption *o = av_opt_find(ctx->priv_data, option, NULL, 0, 0);
    char list[512] = "";
    if (o && o->unit) {
        for (const AVOption *c = NULL; (c = av_opt_next(ctx->priv_data, c));)
            if (c->type == AV_OPT_TYPE_CONST && c->unit && !strcmp(c->unit, o->unit)) {
                av_strlcat(list, list[0] ? ", " : "", sizeof list);
                av_strlcat(list, c->name, sizeof list);
            }
    }
    if (!o)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: %s has no '%s' option", setting,
                            e->codec->name, option);
    return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s '%s': %s does not take it%s%s", setting, value,
                        e->codec->name, list[0] ? "; it takes " : "", list);
}

static int set_private_int(reelff_video_encoder *e, AVCodecContext *ctx, const char *setting,
                           const char *option, int64_t value)
{
    char text[32];
    snprintf(text, sizeof text, "%lld", (long long)value);
    return set_private(e, ctx, setting, option, text);
}

static int bit_depth(int pixel_format)
{
    return pixel_format == REELFF_PIXEL_I010 || pixel_format == REELFF_PIXEL_P010 ? 10 : 8;
}

/* x264 and x265 take free strings for preset/tune/profile: check them against their lists,
 * and the profile against the pixel format and B-frames. */
static int check_x26x_names(const reelff_video_encoder *e)
{
    const reelff__encoder_settings *s = &e->settings;
    int x264 = e->family == ENC_X264;
    char list[256];
    if (s->preset[0] && !in_list(s_x26x_presets, s->preset)) {
        join_list(s_x26x_presets, list, sizeof list);
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PRESET '%s': %s presets are %s",
                            s->preset, e->codec->name, list);
    }
    const char *const *tunes = x264 ? s_x264_tunes : s_x265_tunes;
    if (s->tune[0] && !in_list(tunes, s->tune)) {
        join_list(tunes, list, sizeof list);
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_TUNE '%s': %s tunes are %s", s->tune,
                            e->codec->name, list);
    }
    if (!x264 && s->low_latency && s->tune[0] && strcmp(s->tune, "zerolatency"))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_TUNE '%s' with REELFF_VENC_LOW_LATENCY: "
                            "libx265 takes one tune and low latency is tune zerolatency", s->tune);
    const char *const *profiles = x264 ? s_x264_profiles : s_x265_profiles;
    if (!s->profile[0])
        return 0;
    if (!in_list(profiles, s->profile)) {
        join_list(profiles, list, sizeof list);
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PROFILE '%s': %s profiles for 4:2:0 "
                            "are %s", s->profile, e->codec->name, list);
    }
    int ten_bit_profile = x264 ? strcmp(s->profile, "baseline") && strcmp(s->profile, "main") &&
                                     strcmp(s->profile, "high")
                               : strstr(s->profile, "10") != NULL;
    if (bit_depth(s->pixel_format) == 10 && !ten_bit_profile)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PROFILE '%s' is 8-bit only; the pixel "
                            "format is 10-bit (%s)", s->profile, x264 ? "use high10" : "use main10");
    if (x264 && !strcmp(s->profile, "baseline") && s->b_frames > 0)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_B_FRAMES %d: profile baseline has no "
                            "B-frames", s->b_frames);
    return 0;
}

static int check_rate_control(const reelff_video_encoder *e)
{
    const reelff__encoder_settings *s = &e->settings;
    const char *rc = s_rc_names[s->rate_control];
    int depth = bit_depth(s->pixel_format);
    switch (s->rate_control) {
    case REELFF_RC_DEFAULT:
        if (s->quality >= 0 || s->bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_%s is set but REELFF_VENC_RATE_CONTROL is "
                                "DEFAULT; choose CQP, CRF, VBR or CBR", s->quality >= 0 ? "QUALITY" : "BITRATE");
        return 0;
    case REELFF_RC_CQP:
    case REELFF_RC_CRF: {
        if (s->quality < 0)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_QUALITY is not set; %s needs the %s", rc,
                                s->rate_control == REELFF_RC_CQP ? "QP" : "CRF");
        if (s->bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_BITRATE is set but %s has no target "
                                "bitrate (REELFF_VENC_MAX_BITRATE caps CRF)", rc);
        if (s->rate_control == REELFF_RC_CQP && s->max_bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_MAX_BITRATE is set but CQP has no rate cap");
        int max = 51;
        if (e->family == ENC_X264 && s->rate_control == REELFF_RC_CQP)
            max = 51 + 6 * (depth - 8);
        if (e->family == ENC_VAAPI)
            max = 52;
        if (s->quality > max || (e->family == ENC_QSV && s->quality < 1))
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_QUALITY %d: %s takes %s %d to %d",
                                s->quality, e->codec->name, s->rate_control == REELFF_RC_CQP ? "QP" : "CRF",
                                e->family == ENC_QSV ? 1 : 0, max);
        return 0;
    }
    case REELFF_RC_VBR:
    case REELFF_RC_CBR:
        if (!s->bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_BITRATE is not set; %s needs it", rc);
        if (s->quality >= 0)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_QUALITY is set but %s is bitrate-driven", rc);
        if (s->max_bitrate && s->max_bitrate < s->bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_MAX_BITRATE %lld is below REELFF_VENC_BITRATE "
                                "%lld", (long long)s->max_bitrate, (long long)s->bitrate);
        if (s->rate_control == REELFF_RC_CBR && s->max_bitrate && s->max_bitrate != s->bitrate)
            return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_MAX_BITRATE %lld differs from "
                                "REELFF_VENC_BITRATE %lld in CBR", (long long)s->max_bitrate,
                                (long long)s->bitrate);
        return 0;
    }
    return 0;
}

static int check_geometry(const reelff_video_encoder *e)
{
    const reelff__encoder_settings *s = &e->settings;
    if (!s->width || !s->height)
        return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_%s is not set", !s->width ? "WIDTH" : "HEIGHT");
    if ((s->width | s->height) & 1)
        return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_%s is %d; 4:2:0 needs an even %s",
                            s->width & 1 ? "WIDTH" : "HEIGHT", s->width & 1 ? s->width : s->height,
                            s->width & 1 ? "width" : "height");
    if ((int64_t)s->fps_num > (int64_t)s->fps_den * 1000)
        return reelff__fail(AVERROR(EINVAL), "the frame rate %d/%d is above 1000 fps", s->fps_num, s->fps_den);
    if (s->low_latency && s->b_frames > 0)
        return reelff__fail(AVERROR(EINVAL), "REELFF_VENC_B_FRAMES %d with REELFF_VENC_LOW_LATENCY: low "
                            "latency has no B-frames", s->b_frames);
    return 0;
}

static void level_text(int level, char *buf, size_t size)
{
    snprintf(buf, size, "%d.%d", level / 10, level % 10);
}

static int map_x26x(reelff_video_encoder *e, AVCodecContext *ctx)
{
    const reelff__encoder_settings *s = &e->settings;
    int ret = 0;
    char tune[80];
    av_strlcpy(tune, s->tune, sizeof tune);
    if (s->low_latency && !strstr(tune, "zerolatency"))
        av_strlcatf(tune, sizeof tune, "%szerolatency", tune[0] ? "," : "");
    if (s->preset[0] && (ret = set_private(e, ctx, "REELFF_VENC_PRESET", "preset", s->preset)) < 0)
        return ret;
    if (tune[0] && (ret = set_private(e, ctx, "REELFF_VENC_TUNE", "tune", tune)) < 0)
        return ret;
    if (s->profile[0] && (ret = set_private(e, ctx, "REELFF_VENC_PROFILE", "profile", s->profile)) < 0)
        return ret;
    if ((ret = set_private(e, ctx, "REELFF_FRAME_FORCE_KEYFRAME", "forced-idr", "1")) < 0)
        return ret;
    if (s->rate_control == REELFF_RC_CQP)
        ret = set_private_int(e, ctx, "REELFF_VENC_QUALITY", "qp", s->quality);
    else if (s->rate_control == REELFF_RC_CRF)
        ret = set_private_int(e, ctx, "REELFF_VENC_QUALITY", "crf", s->quality);
    if (ret < 0)
        return ret;
    char level[16] = "";
    if (s->level)
        level_text(s->level, level, sizeof level);
    if (e->family == ENC_X264)
        return s->level ? set_private(e, ctx, "REELFF_VENC_LEVEL", "level", level) : 0;
    /* x265 prints its own log to stderr (not through av_log): errors only. */
    char params[64];
    snprintf(params, sizeof params, "log-level=error%s%s", s->level ? ":level-idc=" : "", level);
    return set_private(e, ctx, s->level ? "REELFF_VENC_LEVEL" : "x265-params", "x265-params", params);
}

static int map_nvenc(reelff_video_encoder *e, AVCodecContext *ctx)
{
    const reelff__encoder_settings *s = &e->settings;
    int ret = 0;
    if (s->preset[0] && (ret = set_private(e, ctx, "REELFF_VENC_PRESET", "preset", s->preset)) < 0)
        return ret;
    const char *tune = s->tune[0] ? s->tune : s->low_latency ? "ll" : NULL;
    if (tune && (ret = set_private(e, ctx, "REELFF_VENC_TUNE", "tune", tune)) < 0)
        return ret;
    if (s->profile[0] && (ret = set_private(e, ctx, "REELFF_VENC_PROFILE", "profile", s->profile)) < 0)
        return ret;
    if ((ret = set_private(e, ctx, "REELFF_FRAME_FORCE_KEYFRAME", "forced-idr", "1")) < 0)
        return ret;
    if (s->low_latency && ((ret = set_private(e, ctx, "REELFF_VENC_LOW_LATENCY", "zerolatency", "1")) < 0 ||
                           (ret = set_private(e, ctx, "REELFF_VENC_LOW_LATENCY", "delay", "0")) < 0))
        return ret;
    switch (s->rate_control) {
    case REELFF_RC_CQP:
        if ((ret = set_private(e, ctx, "REELFF_VENC_RATE_CONTROL", "rc", "constqp")) >= 0)
            ret = set_private_int(e, ctx, "REELFF_VENC_QUALITY", "qp", s->quality);
        break;
    case REELFF_RC_CRF:
        if ((ret = set_private(e, ctx, "REELFF_VENC_RATE_CONTROL", "rc", "vbr")) >= 0)
            ret = set_private_int(e, ctx, "REELFF_VENC_QUALITY", "cq", s->quality);
        ctx->bit_rate = 0;
        break;
    case REELFF_RC_VBR: ret = set_private(e, ctx, "REELFF_VENC_RATE_CONTROL", "rc", "vbr"); break;
    case REELFF_RC_CBR: ret = set_private(e, ctx, "REELFF_VENC_RATE_CONTROL", "rc", "cbr"); break;
    }
    if (ret >= 0 && s->level) {
        char text[16];
        level_text(s->level, text, sizeof text);
        ret = set_private(e, ctx, "REELFF_VENC_LEVEL", "level", text);
    }
    return ret;
}

static int map_qsv_vaapi(reelff_video_encoder *e, AVCodecContext *ctx)
{
    const reelff__encoder_settings *s = &e->settings;
    int ret = 0;
    if (s->tune[0])
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_TUNE '%s': %s has no tunes", s->tune,
                            e->codec->name);
    if (s->preset[0]) {
        if (e->family == ENC_VAAPI)
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "REELFF_VENC_PRESET '%s': %s has no presets",
                                s->preset, e->codec->name);
        if ((ret = set_private(e, ctx, "REELFF_VENC_PRESET", "preset", s->preset)) < 0)
            return ret;
    }
    if (s->profile[0] && (ret = set_private(e, ctx, "REELFF_VENC_PROFILE", "profile", s->profile)) < 0)
        return ret;
    if (s->low_latency && (ret = set_private(e, ctx, "REELFF_VENC_LOW_LATENCY", "async_depth", "1")) < 0)
        return ret;
    if (e->family == ENC_QSV) {
        if (s->rate_control == REELFF_RC_CQP) {
            ctx->flags |= AV_CODEC_FLAG_QSCALE;
            ctx->global_quality = s->quality * FF_QP2LAMBDA;
        } else if (s->rate_control == REELFF_RC_CRF) {
            ctx->global_quality = s->quality; /* ICQ */
        }
        ctx->level = s->level ? s->level : ctx->level;
        return 0;
    }
    static const char *const modes[] = { NULL, "CQP", "ICQ", "VBR", "CBR" };
    if (s->rate_control && (ret = set_private(e, ctx, "REELFF_VENC_RATE_CONTROL", "rc_mode",
                                              modes[s->rate_control])) < 0)
        return ret;
    if (s->rate_control == REELFF_RC_CQP)
        ret = set_private_int(e, ctx, "REELFF_VENC_QUALITY", "qp", s->quality);
    else if (s->rate_control == REELFF_RC_CRF)
        ctx->global_quality = s->quality;
    if (ret >= 0 && s->level) {
        char text[16];
        level_text(s->level, text, sizeof text);
        ret = set_private(e, ctx, "REELFF_VENC_LEVEL", "level", text);
    }
    return ret;
}

int reelff__encoder_configure(reelff_video_encoder *e, AVCodecContext *ctx, AVDictionary **opts)
{
    (void)opts;
    const reelff__encoder_settings *s = &e->settings;
    int ret;
    if ((ret = check_geometry(e)) < 0 || (ret = check_pixel_format(e, s->pixel_format)) < 0 ||
        (ret = check_rate_control(e)) < 0)
        return ret;
    if ((e->family == ENC_X264 || e->family == ENC_X265) && (ret = check_x26x_names(e)) < 0)
        return ret;

    ctx->width = s->width;
    ctx->height = s->height;
    ctx->pix_fmt = e->family == ENC_VAAPI ? AV_PIX_FMT_VAAPI : reelff__pixel_to_av(s->pixel_format);
    ctx->framerate = (AVRational){s->fps_num, s->fps_den};
    ctx->time_base = s->tb_num ? (AVRational){s->tb_num, s->tb_den} : (AVRational){s->fps_den, s->fps_num};
    ctx->sample_aspect_ratio = (AVRational){1, 1};
    /* Reel's frames are BT.709 limited range (RGB captures converted by RgbToI420). */
    ctx->color_primaries = AVCOL_PRI_BT709;
    ctx->color_trc = AVCOL_TRC_BT709;
    ctx->colorspace = AVCOL_SPC_BT709;
    ctx->color_range = AVCOL_RANGE_MPEG;
    if (s->keyint > 0)
        ctx->gop_size = s->keyint;
    if (s->low_latency)
        ctx->max_b_frames = 0;
    else if (s->b_frames >= 0)
        ctx->max_b_frames = s->b_frames;
    ctx->thread_count = s->threads;
    if (s->global_header)
        ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (s->rate_control == REELFF_RC_VBR || s->rate_control == REELFF_RC_CBR)
        ctx->bit_rate = s->bitrate;
    ctx->rc_max_rate = s->rate_control == REELFF_RC_CBR ? s->bitrate : s->max_bitrate;
    ctx->rc_buffer_size = (int)(s->buffer_size ? s->buffer_size : ctx->rc_max_rate);

    switch (e->family) {
    case ENC_X264:
    case ENC_X265: return map_x26x(e, ctx);
    case ENC_NVENC: return map_nvenc(e, ctx);
    default: return map_qsv_vaapi(e, ctx);
    }
}

int reelff__encoder_reconfigure(reelff_video_encoder *e, int key, int64_t value)
{
    reelff__encoder_settings *s = &e->settings;
    const char *name = key == REELFF_VENC_BITRATE ? "REELFF_VENC_BITRATE"
                       : key == REELFF_VENC_MAX_BITRATE ? "REELFF_VENC_MAX_BITRATE" : "REELFF_VENC_BUFFER_SIZE";
    if (e->flushed)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "%s cannot change after flush", name);
    if (e->family != ENC_X264 && e->family != ENC_NVENC)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: %s in FFmpeg %s cannot change the bitrate of "
                            "an open encoder (only libx264 and nvenc reconfigure)", name, e->codec->name,
                            av_version_info());
    int vbv = s->rate_control == REELFF_RC_CBR || s->max_bitrate > 0;
    if (key == REELFF_VENC_BITRATE && s->rate_control != REELFF_RC_VBR && s->rate_control != REELFF_RC_CBR)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: the encoder runs %s, which has no target "
                            "bitrate", name, s_rc_names[s->rate_control]);
    if (key != REELFF_VENC_BITRATE && !vbv)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: the encoder was opened without a VBV (no "
                            "REELFF_VENC_MAX_BITRATE, not CBR), and x264 cannot turn one on later", name);
    if (key == REELFF_VENC_MAX_BITRATE && s->rate_control == REELFF_RC_CBR)
        return reelff__fail(AVERROR(EINVAL), "%s: in CBR the max bitrate follows REELFF_VENC_BITRATE", name);
    if (key == REELFF_VENC_MAX_BITRATE && value == 0)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s 0: x264 cannot turn its VBV off on an open "
                            "encoder", name);
    AVCodecContext *ctx = e->ctx;
    int64_t before = key == REELFF_VENC_BITRATE ? s->bitrate : key == REELFF_VENC_MAX_BITRATE
                                                                      ? s->max_bitrate : s->buffer_size;
    /* The wrappers compare these fields with their last configuration on every frame and call
     * x264_encoder_reconfig / nvEncReconfigureEncoder when they differ. */
    if (key == REELFF_VENC_BITRATE) {
        s->bitrate = value;
        ctx->bit_rate = value;
        if (s->rate_control == REELFF_RC_CBR) {
            ctx->rc_max_rate = value;
            if (!s->buffer_size)
                ctx->rc_buffer_size = (int)value;
        }
    } else if (key == REELFF_VENC_MAX_BITRATE) {
        s->max_bitrate = value;
        ctx->rc_max_rate = value;
        if (!s->buffer_size)
            ctx->rc_buffer_size = (int)value;
    } else {
        s->buffer_size = value;
        ctx->rc_buffer_size = (int)(value ? value : ctx->rc_max_rate);
    }
    if (value != before)
        e->reconfigurations++;
    return 0;
}
