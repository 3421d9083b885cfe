/* Hardware probe: which devices libavutil can open here, and which hardware encoders and
 * decoders of this libavcodec open on them. Everything is found by trying; a failure keeps
 * the most specific reason (a missing device node or driver library, then FFmpeg's own log
 * line) so `reel probe` can print why. */
#include "shim_internal.h"

#include <dlfcn.h>
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>

static enum AVHWDeviceType av_type(int type)
{
    switch (type) {
    case REELFF_HW_VAAPI: return AV_HWDEVICE_TYPE_VAAPI;
    case REELFF_HW_CUDA: return AV_HWDEVICE_TYPE_CUDA;
    case REELFF_HW_QSV: return AV_HWDEVICE_TYPE_QSV;
    case REELFF_HW_VULKAN: return AV_HWDEVICE_TYPE_VULKAN;
    default: return AV_HWDEVICE_TYPE_NONE;
    }
}

REELFF_API const char *reelff_hw_type_name(int type)
{
    enum AVHWDeviceType t = av_type(type);
    const char *name = t == AV_HWDEVICE_TYPE_NONE ? NULL : av_hwdevice_get_type_name(t);
    return name ? name : "";
}

static int has_render_node(void)
{
    glob_t g;
    int found = glob("/dev/dri/renderD*", 0, NULL, &g) == 0 && g.gl_pathc > 0;
    globfree(&g);
    return found;
}

static int library_loads(const char *soname)
{
    void *handle = dlopen(soname, RTLD_LAZY | RTLD_LOCAL);
    if (handle)
        dlclose(handle);
    return handle != NULL;
}

/* Checks what the device type needs before FFmpeg tries (FFmpeg's own failure is vaguer). */
static int device_prerequisites(enum AVHWDeviceType t)
{
    const char *name = av_hwdevice_get_type_name(t);
    switch (t) {
    case AV_HWDEVICE_TYPE_VAAPI:
    case AV_HWDEVICE_TYPE_QSV:
        if (!has_render_node())
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: no /dev/dri/renderD* node (no GPU with a "
                                "DRM driver is visible)", name);
        if (!library_loads("libva.so.2"))
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: libva.so.2 not found", name);
        return 0;
    case AV_HWDEVICE_TYPE_CUDA:
        if (!library_loads("libcuda.so.1"))
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "cuda: libcuda.so.1 not found (no NVIDIA driver)");
        return 0;
    case AV_HWDEVICE_TYPE_VULKAN:
        if (!library_loads("libvulkan.so.1"))
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "vulkan: libvulkan.so.1 not found");
        return 0;
    default:
        return 0;
    }
}

static int create_device(enum AVHWDeviceType t, AVBufferRef **device)
{
    int ret = device_prerequisites(t);
    if (ret < 0)
        return ret;
    /* "auto" lets QSV pick its child device (VA-API on Linux). */
    ret = av_hwdevice_ctx_create(device, t, t == AV_HWDEVICE_TYPE_QSV ? "auto" : NULL, NULL, 0);
    if (ret < 0) {
        char reason[AV_ERROR_MAX_STRING_SIZE];
        reelff_error_string(ret, reason, sizeof reason);
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: av_hwdevice_ctx_create failed: %s",
                            av_hwdevice_get_type_name(t), reason);
    }
    return 0;
}

REELFF_API int reelff_hw_device_probe(int type)
{
    enum AVHWDeviceType t = av_type(type);
    if (t == AV_HWDEVICE_TYPE_NONE)
        return reelff__fail(AVERROR(EINVAL), "type is %d; allowed REELFF_HW_VAAPI (1), _CUDA (2), _QSV (3), "
                            "_VULKAN (4)", type);
    reelff__call_begin();
    AVBufferRef *device = NULL;
    int ret = create_device(t, &device);
    av_buffer_unref(&device);
    return ret;
}

/* The device type a hardware codec needs, from its hw configs (NONE if it lists none). */
static enum AVHWDeviceType needed_device(const AVCodec *codec)
{
    for (int i = 0;; i++) {
        const AVCodecHWConfig *config = avcodec_get_hw_config(codec, i);
        if (!config)
            return AV_HWDEVICE_TYPE_NONE;
        if (config->device_type != AV_HWDEVICE_TYPE_NONE)
            return config->device_type;
    }
}

static enum AVPixelFormat software_input_format(const AVCodec *codec)
{
    for (const enum AVPixelFormat *p = codec->pix_fmts; p && *p != AV_PIX_FMT_NONE; p++) {
        const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(*p);
        if (d && !(d->flags & AV_PIX_FMT_FLAG_HWACCEL))
            return *p;
    }
    return AV_PIX_FMT_NONE;
}

/* Opens the codec on a small stream; for VA-API encoders on a frames context of the device. */
static int try_open(const AVCodec *codec, int encoder, AVBufferRef *device)
{
    AVCodecContext *ctx = avcodec_alloc_context3(codec);
    AVBufferRef *frames = NULL;
    if (!ctx)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    int ret = 0;
    ctx->width = 256;
    ctx->height = 256;
    ctx->time_base = (AVRational){1, 30};
    ctx->framerate = (AVRational){30, 1};
    if (encoder) {
        ctx->pix_fmt = software_input_format(codec);
        if (ctx->pix_fmt == AV_PIX_FMT_NONE && device) {
            frames = av_hwframe_ctx_alloc(device);
            if (!frames) {
                avcodec_free_context(&ctx);
                return reelff__fail(AVERROR(ENOMEM), "out of memory");
            }
            AVHWFramesContext *fc = (AVHWFramesContext *)frames->data;
            fc->format = codec->pix_fmts[0];
            fc->sw_format = AV_PIX_FMT_NV12;
            fc->width = 256;
            fc->height = 256;
            fc->initial_pool_size = 4;
            ret = av_hwframe_ctx_init(frames);
            ctx->pix_fmt = codec->pix_fmts[0];
            ctx->hw_frames_ctx = ret >= 0 ? av_buffer_ref(frames) : NULL;
        }
    } else if (device) {
        ctx->hw_device_ctx = av_buffer_ref(device);
    }
    if (ret >= 0)
        ret = avcodec_open2(ctx, codec, NULL);
    if (ret < 0) {
        char reason[AV_ERROR_MAX_STRING_SIZE];
        reelff_error_string(ret, reason, sizeof reason);
        reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: avcodec_open2 failed: %s", codec->name, reason);
    }
    avcodec_free_context(&ctx);
    av_buffer_unref(&frames);
    return ret < 0 ? REELFF_ERROR_UNSUPPORTED : 0;
}

REELFF_API int reelff_hw_codec_probe(const char *codec_name, int encoder)
{
    if (!codec_name)
        return reelff__fail(AVERROR(EINVAL), "codec_name is NULL");
    reelff__call_begin();
    const AVCodec *codec = encoder ? avcodec_find_encoder_by_name(codec_name)
                                   : avcodec_find_decoder_by_name(codec_name);
    if (!codec)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "%s: this FFmpeg has no such %s", codec_name,
                            encoder ? "encoder" : "decoder");
    enum AVHWDeviceType t = needed_device(codec);
    AVBufferRef *device = NULL;
    if (t != AV_HWDEVICE_TYPE_NONE) {
        int ret = create_device(t, &device);
        if (ret < 0) {
            /* Keep the device's reason, prefixed with the codec. */
            char reason[1024];
            snprintf(reason, sizeof reason, "%s", reelff_last_error());
            return reelff__fail(ret, "%s: %s", codec_name, reason);
        }
    }
    int ret = try_open(codec, encoder, device);
    av_buffer_unref(&device);
    return ret;
}

REELFF_API int reelff_hw_frames_estimate(int pixel_format, int width, int height, int pool_size,
                                         int64_t *bytes)
{
    if (!bytes)
        return reelff__fail(AVERROR(EINVAL), "bytes is NULL");
    if (pixel_format != REELFF_PIXEL_NV12 && pixel_format != REELFF_PIXEL_P010 &&
        pixel_format != REELFF_PIXEL_I420 && pixel_format != REELFF_PIXEL_I010)
        return reelff__fail(AVERROR(EINVAL), "pixel_format is %d; allowed REELFF_PIXEL_I420 (1), _NV12 (2), "
                            "_I010 (3), _P010 (4)", pixel_format);
    if (width < 1 || width > 16384 || height < 1 || height > 16384)
        return reelff__fail(AVERROR(EINVAL), "%s is %d; allowed 1 to 16384",
                            width < 1 || width > 16384 ? "width" : "height",
                            width < 1 || width > 16384 ? width : height);
    if (pool_size < 1 || pool_size > 1024)
        return reelff__fail(AVERROR(EINVAL), "pool_size is %d; allowed 1 to 1024", pool_size);
    int w = (width + 63) & ~63, h = (height + 63) & ~63;
    int frame = av_image_get_buffer_size(reelff__pixel_to_av(pixel_format), w, h, 64);
    if (frame < 0)
        return reelff__fail_call(frame, "av_image_get_buffer_size", NULL);
    *bytes = (int64_t)frame * pool_size;
    return 0;
}
