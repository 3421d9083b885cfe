/* Video decoding into host-allocated frames (zero copy into Reel's pools).
 *
 * libavcodec asks for every picture through get_buffer2. The shim computes what
 * libavcodec's default allocator would (avcodec_align_dimensions2 for the padded size and
 * the stride alignment each plane needs, av_image_fill_linesizes/plane_sizes, plus the
 * 16 + 64 - 1 bytes of tail padding lavc's own pool adds), asks the host for planes of those
 * strides and sizes, and wraps them in one AVBufferRef whose free callback gives the host's
 * cookie back. Decoders without AV_CODEC_CAP_DR1 never call get_buffer2 (libavcodec's
 * libdav1d wrapper): their frames are libavcodec's and are reported as fallbacks. */
#include "codec_packets.h"
#include "cookie_pool.h"

#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include <libavutil/imgutils.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>

#define TAIL_PADDING (16 + 64 - 1)

struct reelff_video_decoder {
    AVCodecContext *ctx;
    reelff_frame_alloc_fn alloc;
    reelff_frame_release_fn release;
    void *user;
    AVPacket *pkt;
    AVFrame *frame;             /* the picture the host holds until the next receive */
    int draining;
    /* get_buffer2 runs on decoder workers and release on any thread: the pool has its own
     * lock, never held while host code runs. */
    reelff__cookie_pool nodes;
    atomic_llong allocations;
    atomic_llong releases;
    int64_t frames, host_frames, fallbacks;
};

static void release_host_buffer(void *opaque, uint8_t *data)
{
    (void)data;
    reelff__cookie_node *node = opaque;
    reelff_video_decoder *dec = node->owner;
    dec->release(dec->user, node->cookie);
    atomic_fetch_add(&dec->releases, 1);
    reelff__cookie_pool_give(&dec->nodes, node);
}

/* The strides and sizes libavcodec's default allocator would use for this frame. */
static int frame_layout(AVCodecContext *s, const AVFrame *frame, int32_t strides[4], int64_t sizes[4])
{
    int w = frame->width, h = frame->height;
    int align[AV_NUM_DATA_POINTERS];
    avcodec_align_dimensions2(s, &w, &h, align);
    int linesizes[4];
    for (int tries = 0;; tries++) {
        int ret = av_image_fill_linesizes(linesizes, frame->format, w);
        if (ret < 0)
            return ret;
        int unaligned = 0;
        for (int i = 0; i < 4; i++)
            unaligned |= linesizes[i] % (align[i] > REELFF_FRAME_ALIGNMENT ? align[i] : REELFF_FRAME_ALIGNMENT);
        if (!unaligned)
            break;
        if (tries > 16)
            return AVERROR(EINVAL);
        w += w & ~(w - 1); /* raise the alignment of w (its lowest set bit) and try again */
    }
    ptrdiff_t wide[4];
    size_t plane[4];
    for (int i = 0; i < 4; i++)
        wide[i] = linesizes[i];
    int ret = av_image_fill_plane_sizes(plane, frame->format, h, wide);
    if (ret < 0)
        return ret;
    int count = av_pix_fmt_count_planes(frame->format);
    for (int i = 0; i < 4; i++) {
        strides[i] = i < count ? linesizes[i] : 0;
        sizes[i] = i < count ? (int64_t)plane[i] + TAIL_PADDING : 0;
    }
    return count;
}

static int get_buffer(AVCodecContext *s, AVFrame *frame, int flags)
{
    reelff_video_decoder *dec = s->opaque;
    const AVPixFmtDescriptor *desc = av_pix_fmt_desc_get(frame->format);
    if (!dec->alloc || !desc || (desc->flags & (AV_PIX_FMT_FLAG_HWACCEL | AV_PIX_FMT_FLAG_PAL)))
        return avcodec_default_get_buffer2(s, frame, flags);

    int32_t strides[4];
    int64_t sizes[4];
    int count = frame_layout(s, frame, strides, sizes);
    if (count <= 0)
        return avcodec_default_get_buffer2(s, frame, flags);
    uint8_t *planes[4] = { NULL, NULL, NULL, NULL };
    void *cookie = NULL;
    int ret = dec->alloc(dec->user, reelff__pixel_from_av(frame->format), frame->width,
                         frame->height, count, strides, sizes, planes, &cookie);
    if (ret == 1)
        return avcodec_default_get_buffer2(s, frame, flags);
    if (ret != 0) {
        av_log(s, AV_LOG_ERROR, "the host's frame allocator failed (%d) for a %dx%d %s picture\n",
               ret, frame->width, frame->height, desc->name);
        return AVERROR(ENOMEM);
    }
    for (int i = 0; i < count; i++) {
        if (!planes[i] || ((uintptr_t)planes[i] % REELFF_FRAME_ALIGNMENT)) {
            av_log(s, AV_LOG_ERROR, "the host's frame allocator returned plane %d at %p; it must be "
                   "non-NULL and %d-byte aligned\n", i, (void *)planes[i], REELFF_FRAME_ALIGNMENT);
            dec->release(dec->user, cookie);
            return AVERROR(EINVAL);
        }
    }
    reelff__cookie_node *node = reelff__cookie_pool_take(&dec->nodes, dec, cookie);
    if (node)
        frame->buf[0] = av_buffer_create(planes[0], (size_t)sizes[0], release_host_buffer, node, 0);
    if (!node || !frame->buf[0]) {
        if (node)
            reelff__cookie_pool_give(&dec->nodes, node);
        dec->release(dec->user, cookie);
        return AVERROR(ENOMEM);
    }
    atomic_fetch_add(&dec->allocations, 1);
    for (int i = 0; i < AV_NUM_DATA_POINTERS; i++) {
        frame->data[i] = i < count ? planes[i] : NULL;
        frame->linesize[i] = i < count ? strides[i] : 0;
    }
    frame->extended_data = frame->data;
    return 0;
}

static int open_decoder(reelff_video_decoder *dec, const AVCodec *codec, int threads)
{
    dec->ctx->opaque = dec;
    dec->ctx->thread_count = threads;
    if (dec->alloc)
        dec->ctx->get_buffer2 = get_buffer;
    int ret = avcodec_open2(dec->ctx, codec, NULL);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_open2", codec->name);
    return 0;
}

static int check_create_args(int threads, reelff_frame_alloc_fn alloc, reelff_frame_release_fn release,
                             reelff_video_decoder **out)
{
    if (!out)
        return reelff__fail(AVERROR(EINVAL), "out is NULL");
    if (threads < 0 || threads > 64)
        return reelff__fail(AVERROR(EINVAL), "threads is %d; allowed 0 (auto) to 64", threads);
    if (!alloc != !release)
        return reelff__fail(AVERROR(EINVAL), "alloc is %s but release is %s; give both or neither",
                            alloc ? "set" : "NULL", release ? "set" : "NULL");
    return 0;
}

static reelff_video_decoder *decoder_new(const AVCodec *codec, reelff_frame_alloc_fn alloc,
                                         reelff_frame_release_fn release, void *user)
{
    reelff_video_decoder *dec = av_mallocz(sizeof *dec);
    if (!dec)
        return NULL;
    reelff__cookie_pool_init(&dec->nodes);
    dec->alloc = alloc;
    dec->release = release;
    dec->user = user;
    atomic_init(&dec->allocations, 0);
    atomic_init(&dec->releases, 0);
    dec->ctx = avcodec_alloc_context3(codec);
    dec->pkt = av_packet_alloc();
    dec->frame = av_frame_alloc();
    if (!dec->ctx || !dec->pkt || !dec->frame) {
        reelff_video_decoder_destroy(dec);
        return NULL;
    }
    return dec;
}

/* The decoder named, or FFmpeg's default one for codec. */
static int find_decoder(int codec, const char *decoder_name, const AVCodec **out)
{
    if (decoder_name) {
        const AVCodec *c = avcodec_find_decoder_by_name(decoder_name);
        if (!c)
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no '%s' decoder",
                                decoder_name);
        if (c->type != AVMEDIA_TYPE_VIDEO)
            return reelff__fail(AVERROR(EINVAL), "decoder_name '%s' is not a video decoder", decoder_name);
        *out = c;
        return 0;
    }
    enum AVCodecID id = reelff__codec_to_av(codec);
    if (id == AV_CODEC_ID_NONE || avcodec_get_type(id) != AVMEDIA_TYPE_VIDEO)
        return reelff__fail(AVERROR(EINVAL), "codec is %d; allowed video codecs REELFF_CODEC_AV1 (1), "
                            "_H264 (2), _HEVC (3), _VP9 (4), _VP8 (8)", codec);
    *out = avcodec_find_decoder(id);
    if (!*out)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build cannot decode %s",
                            reelff__codec_label(codec));
    return 0;
}

REELFF_API int reelff_video_decoder_create(int codec, const char *decoder_name,
                                           const uint8_t *extradata, int extradata_size, int threads,
                                           reelff_frame_alloc_fn alloc, reelff_frame_release_fn release,
                                           void *user, reelff_video_decoder **out)
{
    int ret = check_create_args(threads, alloc, release, out);
    if (ret < 0)
        return ret;
    if (extradata_size < 0 || extradata_size > (1 << 20) || (!extradata && extradata_size))
        return reelff__fail(AVERROR(EINVAL), "extradata_size is %d with extradata %s; allowed 0 to %d",
                            extradata_size, extradata ? "set" : "NULL", 1 << 20);
    reelff__call_begin();
    const AVCodec *c = NULL;
    if ((ret = find_decoder(codec, decoder_name, &c)) < 0)
        return ret;
    reelff_video_decoder *dec = decoder_new(c, alloc, release, user);
    if (!dec)
        return reelff__fail(AVERROR(ENOMEM), "out of memory creating the %s decoder", c->name);
    if (extradata_size > 0) {
        dec->ctx->extradata = av_mallocz((size_t)extradata_size + AV_INPUT_BUFFER_PADDING_SIZE);
        if (!dec->ctx->extradata) {
            reelff_video_decoder_destroy(dec);
            return reelff__fail(AVERROR(ENOMEM), "out of memory");
        }
        memcpy(dec->ctx->extradata, extradata, (size_t)extradata_size);
        dec->ctx->extradata_size = extradata_size;
    }
    if ((ret = open_decoder(dec, c, threads)) < 0) {
        reelff_video_decoder_destroy(dec);
        return ret;
    }
    *out = dec;
    return 0;
}

REELFF_API int reelff_video_decoder_create_for_stream(const reelff_demuxer *demuxer, int stream,
                                                      const char *decoder_name, int threads,
                                                      reelff_frame_alloc_fn alloc,
                                                      reelff_frame_release_fn release, void *user,
                                                      reelff_video_decoder **out)
{
    int ret = check_create_args(threads, alloc, release, out);
    if (ret < 0)
        return ret;
    const AVStream *st = reelff__demuxer_stream(demuxer, stream);
    if (!st)
        return AVERROR(EINVAL);
    if (st->codecpar->codec_type != AVMEDIA_TYPE_VIDEO)
        return reelff__fail(AVERROR(EINVAL), "stream %d is not video", stream);
    reelff__call_begin();
    const AVCodec *c = NULL;
    if (decoder_name && (ret = find_decoder(0, decoder_name, &c)) < 0)
        return ret;
    if (!c && !(c = avcodec_find_decoder(st->codecpar->codec_id)))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build cannot decode %s",
                            avcodec_get_name(st->codecpar->codec_id));
    reelff_video_decoder *dec = decoder_new(c, alloc, release, user);
    if (!dec)
        return reelff__fail(AVERROR(ENOMEM), "out of memory creating the %s decoder", c->name);
    if ((ret = avcodec_parameters_to_context(dec->ctx, st->codecpar)) < 0) {
        reelff_video_decoder_destroy(dec);
        return reelff__fail(ret, "out of memory copying the stream's parameters");
    }
    dec->ctx->pkt_timebase = st->time_base;
    if ((ret = open_decoder(dec, c, threads)) < 0) {
        reelff_video_decoder_destroy(dec);
        return ret;
    }
    *out = dec;
    return 0;
}

REELFF_API int reelff_video_decoder_send_packet(reelff_video_decoder *dec, const uint8_t *data, int size,
                                                int64_t pts, int64_t dts, int flags)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    reelff__call_begin();
    if (!data)
        return reelff__decoder_send(dec->ctx, NULL, &dec->draining);
    if (size <= 0 || size > (256 << 20))
        return reelff__fail(AVERROR(EINVAL), "size is %d; allowed 1 to %d", size, 256 << 20);
    int ret = reelff__packet_copy(dec->pkt, data, size, pts, dts, 0, flags);
    if (ret < 0)
        return ret;
    ret = reelff__decoder_send(dec->ctx, dec->pkt, &dec->draining);
    av_packet_unref(dec->pkt);
    return ret;
}

REELFF_API int reelff_video_decoder_send_demuxed(reelff_video_decoder *dec, const reelff_demuxer *demuxer,
                                                 int stream)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    return reelff__decoder_send_demuxed(dec->ctx, demuxer, stream, &dec->draining);
}

REELFF_API int reelff_video_decoder_receive(reelff_video_decoder *dec, int *pixel_format, int *width,
                                            int *height, uint8_t **planes, int32_t *strides,
                                            int64_t *pts, int *flags, void **cookie)
{
    if (!dec || !pixel_format || !width || !height || !planes || !strides || !pts || !cookie)
        return reelff__fail(AVERROR(EINVAL), "decoder or an output pointer is NULL");
    reelff__call_begin();
    av_frame_unref(dec->frame);
    int ret = avcodec_receive_frame(dec->ctx, dec->frame);
    if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
        return ret;
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_receive_frame", dec->ctx->codec->name);
    AVFrame *f = dec->frame;
    void *opaque = f->buf[0] ? av_buffer_get_opaque(f->buf[0]) : NULL;
    reelff__cookie_node *node = opaque && reelff__cookie_pool_contains(&dec->nodes, opaque) ? opaque : NULL;
    dec->frames++;
    if (node)
        dec->host_frames++;
    else
        dec->fallbacks++;
    *pixel_format = reelff__pixel_from_av(f->format);
    *width = f->width;
    *height = f->height;
    for (int i = 0; i < 4; i++) {
        planes[i] = f->data[i];
        strides[i] = f->linesize[i];
    }
    *pts = f->best_effort_timestamp;
    if (flags)
        *flags = (f->key_frame ? REELFF_PACKET_KEYFRAME : 0) |
                 (f->decode_error_flags || (f->flags & AV_FRAME_FLAG_CORRUPT) ? REELFF_PACKET_CORRUPT : 0);
    *cookie = node ? node->cookie : NULL;
    return 0;
}

REELFF_API const char *reelff_video_decoder_pixel_format_name(const reelff_video_decoder *dec)
{
    if (!dec || dec->frames == 0)
        return "";
    const char *name = av_get_pix_fmt_name(dec->frame->format);
    return name ? name : "";
}

REELFF_API int reelff_video_decoder_reset(reelff_video_decoder *dec)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    av_frame_unref(dec->frame);
    avcodec_flush_buffers(dec->ctx);
    dec->draining = 0;
    return 0;
}

REELFF_API int reelff_video_decoder_stats(const reelff_video_decoder *dec, int64_t *frames,
                                          int64_t *host_frames, int64_t *allocations, int64_t *releases,
                                          int64_t *fallbacks)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    if (frames)
        *frames = dec->frames;
    if (host_frames)
        *host_frames = dec->host_frames;
    if (allocations)
        *allocations = atomic_load(&((reelff_video_decoder *)dec)->allocations);
    if (releases)
        *releases = atomic_load(&((reelff_video_decoder *)dec)->releases);
    if (fallbacks)
        *fallbacks = dec->fallbacks;
    return 0;
}

REELFF_API void reelff_video_decoder_destroy(reelff_video_decoder *dec)
{
    if (!dec)
        return;
    av_frame_free(&dec->frame);
    avcodec_free_context(&dec->ctx); /* joins the decoder's threads and drops every buffer */
    av_packet_free(&dec->pkt);
    reelff__cookie_pool_destroy(&dec->nodes);
    av_free(dec);
}
