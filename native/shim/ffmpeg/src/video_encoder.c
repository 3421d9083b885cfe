/* Video encoding with libx264, libx265 and the hardware wrappers, on host buffers.
 *
 * Zero copy: send_frame builds an AVFrame whose data[] are the host's planes, owned through
 * one AVBufferRef made by av_buffer_create with a free callback that calls the host's done
 * callback. libavcodec refs the frame (no copy: av_frame_ref of a refcounted frame only refs
 * its buffers), hands it to the wrapper, and unrefs it when the wrapper lets go; for x264 and
 * x265 that is inside send_frame, after the library copied the picture into its lookahead.
 * VA-API encoders take VA surfaces only: the shim uploads the host frame into a surface of its
 * frames context (av_hwframe_transfer_data, the one copy a GPU encoder needs) and releases it. */
#include "video_encoder_internal.h"

#include "codec_packets.h"
#include "cookie_pool.h"

#include <limits.h>
#include <string.h>

#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>

#define VAAPI_POOL_SIZE 20

static const struct {
    const char *name;
    reelff__encoder_family family;
    int codec;
} s_driven[] = {
    { "libx264", ENC_X264, REELFF_CODEC_H264 },   { "libx265", ENC_X265, REELFF_CODEC_HEVC },
    { "h264_nvenc", ENC_NVENC, REELFF_CODEC_H264 }, { "hevc_nvenc", ENC_NVENC, REELFF_CODEC_HEVC },
    { "h264_qsv", ENC_QSV, REELFF_CODEC_H264 },   { "hevc_qsv", ENC_QSV, REELFF_CODEC_HEVC },
    { "h264_vaapi", ENC_VAAPI, REELFF_CODEC_H264 }, { "hevc_vaapi", ENC_VAAPI, REELFF_CODEC_HEVC },
};

static void frame_done(void *opaque, uint8_t *data)
{
    (void)data;
    reelff__cookie_node *node = opaque;
    reelff_video_encoder *e = node->owner;
    e->done(e->user, node->cookie);
    pthread_mutex_lock(&e->lock);
    e->frames_done++;
    pthread_mutex_unlock(&e->lock);
    reelff__cookie_pool_give(&e->nodes, node);
}

REELFF_API int reelff_video_encoder_create(const char *encoder_name, reelff_frame_done_fn done, void *user,
                                           reelff_video_encoder **out)
{
    if (!encoder_name || !done || !out)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !encoder_name ? "encoder_name" : !done ? "done" : "out");
    reelff__call_begin();
    int found = -1;
    for (int i = 0; i < (int)(sizeof s_driven / sizeof s_driven[0]); i++)
        if (!strcmp(s_driven[i].name, encoder_name))
            found = i;
    if (found < 0)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "encoder_name '%s': the shim drives libx264, libx265, "
                            "h264_nvenc, hevc_nvenc, h264_qsv, hevc_qsv, h264_vaapi, hevc_vaapi "
                            "(FFmpeg %s has no hardware AV1 encoder)", encoder_name, av_version_info());
    const AVCodec *codec = avcodec_find_encoder_by_name(encoder_name);
    if (!codec)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no '%s' encoder", encoder_name);
    reelff_video_encoder *e = av_mallocz(sizeof *e);
    if (!e)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    pthread_mutex_init(&e->lock, NULL);
    reelff__cookie_pool_init(&e->nodes);
    e->codec = codec;
    e->family = s_driven[found].family;
    e->codec_id = s_driven[found].codec;
    e->done = done;
    e->user = user;
    e->last_pts = INT64_MIN;
    reelff__encoder_settings_default(&e->settings);
    if (e->family == ENC_VAAPI || e->family == ENC_QSV)
        e->settings.pixel_format = REELFF_PIXEL_NV12;
    e->frame = av_frame_alloc();
    if (!e->frame || reelff__packet_queue_init(&e->out) < 0) {
        reelff_video_encoder_destroy(e);
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    }
    *out = e;
    return 0;
}

REELFF_API int reelff_video_encoder_set_int(reelff_video_encoder *e, int key, int64_t value)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    return reelff__encoder_set_int(e, key, value);
}

REELFF_API int reelff_video_encoder_set_string(reelff_video_encoder *e, int key, const char *value)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    return reelff__encoder_set_string(e, key, value);
}

/* VA-API: a device on the default render node and a pool of surfaces to upload into. */
static int open_vaapi_frames(reelff_video_encoder *e)
{
    int ret = av_hwdevice_ctx_create(&e->hw_device, AV_HWDEVICE_TYPE_VAAPI, NULL, NULL, 0);
    if (ret < 0)
        return reelff__fail_call(ret, "av_hwdevice_ctx_create", "vaapi");
    e->hw_frames = av_hwframe_ctx_alloc(e->hw_device);
    if (!e->hw_frames)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    AVHWFramesContext *frames = (AVHWFramesContext *)e->hw_frames->data;
    frames->format = AV_PIX_FMT_VAAPI;
    frames->sw_format = reelff__pixel_to_av(e->settings.pixel_format);
    frames->width = e->settings.width;
    frames->height = e->settings.height;
    frames->initial_pool_size = VAAPI_POOL_SIZE;
    if ((ret = av_hwframe_ctx_init(e->hw_frames)) < 0)
        return reelff__fail_call(ret, "av_hwframe_ctx_init", "vaapi");
    e->ctx->hw_frames_ctx = av_buffer_ref(e->hw_frames);
    return e->ctx->hw_frames_ctx ? 0 : reelff__fail(AVERROR(ENOMEM), "out of memory");
}

REELFF_API int reelff_video_encoder_open(reelff_video_encoder *e)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff__call_begin();
    if (e->opened)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "the encoder is open already");
    avcodec_free_context(&e->ctx);
    e->ctx = avcodec_alloc_context3(e->codec);
    if (!e->ctx)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    int ret = reelff__encoder_configure(e, e->ctx, NULL);
    if (ret >= 0 && e->family == ENC_VAAPI)
        ret = open_vaapi_frames(e);
    if (ret >= 0 && (ret = avcodec_open2(e->ctx, e->codec, NULL)) < 0)
        reelff__fail_call(ret, "avcodec_open2", e->codec->name);
    if (ret < 0) {
        avcodec_free_context(&e->ctx);
        av_buffer_unref(&e->hw_frames);
        av_buffer_unref(&e->hw_device);
        /* An encoder that refuses its settings at open reports EINVAL; the log line names why. */
        return ret;
    }
    e->opened = 1;
    return 0;
}

REELFF_API int reelff_video_encoder_extradata(const reelff_video_encoder *e, const uint8_t **data, int *size)
{
    if (!e || !data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !e ? "encoder" : !data ? "data" : "size");
    if (!e->opened)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "extradata exists after open");
    *data = e->ctx->extradata_size > 0 ? e->ctx->extradata : NULL;
    *size = e->ctx->extradata_size > 0 ? e->ctx->extradata_size : 0;
    return 0;
}

static int check_frame(const reelff_video_encoder *e, const uint8_t *const *planes, const int32_t *strides,
                       int64_t pts)
{
    if (!planes || !strides)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !planes ? "planes" : "strides");
    enum AVPixelFormat format = reelff__pixel_to_av(e->settings.pixel_format);
    int count = av_pix_fmt_count_planes(format);
    for (int i = 0; i < count; i++) {
        int row = av_image_get_linesize(format, e->settings.width, i);
        if (!planes[i])
            return reelff__fail(AVERROR(EINVAL), "planes[%d] is NULL; %s has %d planes", i,
                                av_get_pix_fmt_name(format), count);
        if (strides[i] < row)
            return reelff__fail(AVERROR(EINVAL), "strides[%d] is %d; a %d-pixel %s row needs %d bytes", i,
                                strides[i], e->settings.width, av_get_pix_fmt_name(format), row);
    }
    if (pts == AV_NOPTS_VALUE || (e->last_pts != INT64_MIN && pts <= e->last_pts))
        return reelff__fail(AVERROR(EINVAL), "pts is %lld; it must be above the previous frame's %lld",
                            (long long)pts, (long long)e->last_pts);
    return 0;
}

/* Wraps the host planes into e->frame (one buffer whose free calls done). */
static int wrap_frame(reelff_video_encoder *e, const uint8_t *const *planes, const int32_t *strides,
                      void *cookie)
{
    AVFrame *f = e->frame;
    enum AVPixelFormat format = reelff__pixel_to_av(e->settings.pixel_format);
    int count = av_pix_fmt_count_planes(format);
    reelff__cookie_node *node = reelff__cookie_pool_take(&e->nodes, e, cookie);
    if (!node)
        return AVERROR(ENOMEM);
    f->buf[0] = av_buffer_create((uint8_t *)planes[0], (size_t)strides[0] * (size_t)e->settings.height,
                                 frame_done, node, AV_BUFFER_FLAG_READONLY);
    if (!f->buf[0]) {
        reelff__cookie_pool_give(&e->nodes, node);
        return AVERROR(ENOMEM);
    }
    f->format = format;
    f->width = e->settings.width;
    f->height = e->settings.height;
    for (int i = 0; i < count; i++) {
        f->data[i] = (uint8_t *)planes[i];
        f->linesize[i] = strides[i];
    }
    f->extended_data = f->data;
    f->color_primaries = e->ctx->color_primaries;
    f->color_trc = e->ctx->color_trc;
    f->colorspace = e->ctx->colorspace;
    f->color_range = e->ctx->color_range;
    f->sample_aspect_ratio = e->ctx->sample_aspect_ratio;
    return 0;
}

/* VA-API: moves the wrapped frame into a VA surface; the host frame is released here. */
static int upload(reelff_video_encoder *e, AVFrame **to_send)
{
    AVFrame *surface = av_frame_alloc();
    if (!surface)
        return AVERROR(ENOMEM);
    int ret = av_hwframe_get_buffer(e->hw_frames, surface, 0);
    if (ret >= 0)
        ret = av_hwframe_transfer_data(surface, e->frame, 0);
    if (ret >= 0)
        ret = av_frame_copy_props(surface, e->frame);
    av_frame_unref(e->frame);
    if (ret < 0) {
        av_frame_free(&surface);
        return reelff__fail_call(ret, "av_hwframe_transfer_data", "vaapi");
    }
    *to_send = surface;
    return 0;
}

REELFF_API int reelff_video_encoder_send_frame(reelff_video_encoder *e, const uint8_t *const *planes,
                                               const int32_t *strides, int64_t pts, int flags, void *cookie)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff__call_begin();
    if (!e->opened || e->flushed)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "frames are sent between open and flush (this encoder "
                            "is %s)", e->opened ? "flushed" : "not open");
    int ret = check_frame(e, planes, strides, pts);
    if (ret < 0)
        return ret;
    if (flags & ~REELFF_FRAME_FORCE_KEYFRAME)
        return reelff__fail(AVERROR(EINVAL), "flags is 0x%x; allowed 0 or REELFF_FRAME_FORCE_KEYFRAME", flags);
    if ((ret = wrap_frame(e, planes, strides, cookie)) < 0)
        return reelff__fail(ret, "out of memory wrapping a frame");
    /* From here done(cookie) runs exactly once: when libavcodec drops the last reference. */
    e->frames_sent++;
    e->last_pts = pts;
    e->frame->pts = pts;
    e->frame->pict_type = flags & REELFF_FRAME_FORCE_KEYFRAME ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE;
    AVFrame *to_send = e->frame;
    if (e->family == ENC_VAAPI && (ret = upload(e, &to_send)) < 0)
        return ret;
    ret = avcodec_send_frame(e->ctx, to_send);
    if (to_send != e->frame)
        av_frame_free(&to_send);
    av_frame_unref(e->frame);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_send_frame", e->codec->name);
    return reelff__packet_queue_collect(&e->out, e->ctx);
}

REELFF_API int reelff_video_encoder_flush(reelff_video_encoder *e)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff__call_begin();
    if (!e->opened || e->flushed)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "reelff_video_encoder_flush %s",
                            e->opened ? "was called already" : "before open");
    e->flushed = 1;
    int ret = avcodec_send_frame(e->ctx, NULL);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_send_frame", e->codec->name);
    return reelff__packet_queue_collect(&e->out, e->ctx);
}

REELFF_API int reelff_video_encoder_receive(reelff_video_encoder *e, const uint8_t **data, int *size,
                                            int64_t *pts, int64_t *dts, int *flags)
{
    if (!e || !data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !e ? "encoder" : !data ? "data" : "size");
    if (reelff__packet_queue_pop(&e->out) < 0)
        return e->flushed && e->out.drained ? AVERROR_EOF : AVERROR(EAGAIN);
    const AVPacket *pkt = e->out.current;
    *data = pkt->data;
    *size = pkt->size;
    if (pts)
        *pts = pkt->pts;
    if (dts)
        *dts = pkt->dts;
    if (flags)
        *flags = pkt->flags & AV_PKT_FLAG_KEY ? REELFF_PACKET_KEYFRAME : 0;
    return 0;
}

REELFF_API int reelff_video_encoder_stats(const reelff_video_encoder *e, int64_t *frames_sent,
                                          int64_t *frames_done, int64_t *packets, int64_t *bytes,
                                          int64_t *reconfigurations)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff_video_encoder *m = (reelff_video_encoder *)e;
    pthread_mutex_lock(&m->lock);
    int64_t done = e->frames_done;
    pthread_mutex_unlock(&m->lock);
    if (frames_sent)
        *frames_sent = e->frames_sent;
    if (frames_done)
        *frames_done = done;
    if (packets)
        *packets = e->out.packets;
    if (bytes)
        *bytes = e->out.bytes;
    if (reconfigurations)
        *reconfigurations = e->reconfigurations;
    return 0;
}

REELFF_API void reelff_video_encoder_destroy(reelff_video_encoder *e)
{
    if (!e)
        return;
    av_frame_free(&e->frame);
    avcodec_free_context(&e->ctx); /* frames the codec still holds are released: done runs */
    av_buffer_unref(&e->hw_frames);
    av_buffer_unref(&e->hw_device);
    reelff__packet_queue_free(&e->out);
    reelff__cookie_pool_destroy(&e->nodes);
    pthread_mutex_destroy(&e->lock);
    av_free(e);
}
