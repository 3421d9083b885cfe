/* Opus (libavcodec's libopus wrapper) and AAC (libavcodec's native encoder) from interleaved
 * PCM: libswresample converts format and rate, an AVAudioFifo cuts codec frames, and each
 * frame's pts is the exact number of samples before it at the codec rate (never a sum of
 * rounded durations), so drift against video cannot accumulate. */
#include "codec_packets.h"

#include <string.h>

#include <libavutil/audio_fifo.h>
#include <libavutil/mem.h>
#include <libswresample/swresample.h>

#define MAX_SEND_FRAMES (1 << 24)

struct reelff_audio_encoder {
    AVCodecContext *ctx;
    SwrContext *swr;
    AVAudioFifo *fifo;   /* resampled samples in the codec's format, waiting for a frame */
    AVFrame *frame;
    reelff__packet_queue packets; /* encoded, not yet received; and the one the caller holds */
    uint8_t **convert;   /* swr output planes */
    int convert_capacity;
    int in_channels, in_rate, in_bytes;
    int64_t input_frames;
    int64_t coded_frames; /* samples given to the codec: the next frame's pts */
    int flushed;
    char layout_name[64];
};

/* Layouts per channel count, in preference order (1..8). libopus (mapping family 1) takes
 * exactly the Vorbis layouts; the AAC encoder codes the MPEG channel configurations without
 * a PCE, and 6.1 (7 channels) with one. Both sets were checked with avcodec_open2 on lavc 59. */
static const AVChannelLayout s_opus_layouts[8] = {
    AV_CHANNEL_LAYOUT_MONO, AV_CHANNEL_LAYOUT_STEREO, AV_CHANNEL_LAYOUT_SURROUND,
    AV_CHANNEL_LAYOUT_QUAD, AV_CHANNEL_LAYOUT_5POINT0_BACK, AV_CHANNEL_LAYOUT_5POINT1_BACK,
    AV_CHANNEL_LAYOUT_6POINT1, AV_CHANNEL_LAYOUT_7POINT1,
};
static const AVChannelLayout s_aac_layouts[8] = {
    AV_CHANNEL_LAYOUT_MONO, AV_CHANNEL_LAYOUT_STEREO, AV_CHANNEL_LAYOUT_SURROUND,
    AV_CHANNEL_LAYOUT_4POINT0, AV_CHANNEL_LAYOUT_5POINT0_BACK, AV_CHANNEL_LAYOUT_5POINT1_BACK,
    AV_CHANNEL_LAYOUT_6POINT1, AV_CHANNEL_LAYOUT_7POINT1,
};

static const AVCodec *find_encoder(int codec)
{
    return avcodec_find_encoder_by_name(codec == REELFF_CODEC_OPUS ? "libopus" : "aac");
}

/* The rate the codec runs at for an input rate: the input's if listed, else the next higher
 * listed one, else (above the top) the largest listed rate dividing it, else the top. */
static int codec_rate_for(const AVCodec *c, int rate)
{
    const int *rates = c->supported_samplerates;
    if (!rates)
        return rate;
    int best_above = 0, top = 0, best_divisor = 0;
    for (; *rates; rates++) {
        int r = *rates;
        if (r == rate)
            return rate;
        if (r > rate && (!best_above || r < best_above))
            best_above = r;
        if (r > top)
            top = r;
        if (rate % r == 0 && r > best_divisor)
            best_divisor = r;
    }
    if (best_above)
        return best_above;
    return best_divisor ? best_divisor : top;
}

REELFF_API int reelff_audio_format_check(int codec, int sample_format, int sample_rate, int channels)
{
    if (codec != REELFF_CODEC_OPUS && codec != REELFF_CODEC_AAC)
        return reelff__fail(AVERROR(EINVAL),
                            "codec is %d; allowed REELFF_CODEC_OPUS (5), REELFF_CODEC_AAC (6)", codec);
    if (reelff__sample_to_av(sample_format) == AV_SAMPLE_FMT_NONE)
        return reelff__fail(AVERROR(EINVAL), "sample_format is %d; allowed REELFF_SAMPLE_S16 (1), "
                            "REELFF_SAMPLE_S32 (2), REELFF_SAMPLE_F32 (3)", sample_format);
    if (sample_rate < 8000 || sample_rate > 192000)
        return reelff__fail(AVERROR(EINVAL), "sample_rate is %d; allowed 8000 to 192000", sample_rate);
    if (channels < 1 || channels > 8)
        return reelff__fail(AVERROR(EINVAL), "channels is %d; allowed 1 to 8", channels);
    if (!find_encoder(codec))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no %s encoder",
                            codec == REELFF_CODEC_OPUS ? "libopus" : "aac");
    return 0;
}

static void encoder_free(reelff_audio_encoder *e)
{
    avcodec_free_context(&e->ctx);
    swr_free(&e->swr);
    if (e->fifo)
        av_audio_fifo_free(e->fifo);
    av_frame_free(&e->frame);
    reelff__packet_queue_free(&e->packets);
    if (e->convert)
        av_freep(&e->convert[0]);
    av_free(e->convert);
    av_free(e);
}

static int open_codec(reelff_audio_encoder *e, int codec, int sample_rate, int channels,
                      int64_t bit_rate)
{
    const AVCodec *c = find_encoder(codec);
    e->ctx = avcodec_alloc_context3(c);
    if (!e->ctx)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    AVCodecContext *ctx = e->ctx;
    const AVChannelLayout *layout = codec == REELFF_CODEC_OPUS ? &s_opus_layouts[channels - 1]
                                                               : &s_aac_layouts[channels - 1];
    int ret = av_channel_layout_copy(&ctx->ch_layout, layout);
    if (ret < 0)
        return reelff__fail(ret, "out of memory");
    av_channel_layout_describe(layout, e->layout_name, sizeof e->layout_name);
    ctx->sample_rate = codec_rate_for(c, sample_rate);
    ctx->sample_fmt = c->sample_fmts ? c->sample_fmts[0] : AV_SAMPLE_FMT_FLT;
    /* libopus takes s16 and flt: prefer float, the resampler's native precision. */
    for (const enum AVSampleFormat *f = c->sample_fmts; f && *f != AV_SAMPLE_FMT_NONE; f++)
        if (*f == AV_SAMPLE_FMT_FLT || *f == AV_SAMPLE_FMT_FLTP)
            ctx->sample_fmt = *f;
    ctx->time_base = (AVRational){1, ctx->sample_rate};
    /* Defaults named here, not left to the wrappers (libopus warns without one):
     * 48 kbit/s per channel for Opus, 64 kbit/s per channel for AAC. */
    ctx->bit_rate = bit_rate ? bit_rate : (int64_t)channels * (codec == REELFF_CODEC_OPUS ? 48000 : 64000);
    ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER; /* OpusHead / AudioSpecificConfig as extradata */
    ret = avcodec_open2(ctx, c, NULL);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_open2", c->name);
    if (ctx->frame_size <= 0)
        return reelff__fail(AVERROR_BUG, "%s opened without a frame size", c->name);
    return 0;
}

static int open_resampler(reelff_audio_encoder *e, int sample_format)
{
    AVCodecContext *ctx = e->ctx;
    int ret = swr_alloc_set_opts2(&e->swr, &ctx->ch_layout, ctx->sample_fmt, ctx->sample_rate,
                                  &ctx->ch_layout, reelff__sample_to_av(sample_format), e->in_rate,
                                  0, NULL);
    if (ret >= 0)
        ret = swr_init(e->swr);
    if (ret < 0)
        return reelff__fail_call(ret, "swr_init", NULL);
    e->fifo = av_audio_fifo_alloc(ctx->sample_fmt, ctx->ch_layout.nb_channels, ctx->frame_size * 4);
    e->frame = av_frame_alloc();
    if (!e->fifo || !e->frame || reelff__packet_queue_init(&e->packets) < 0)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    return 0;
}

REELFF_API int reelff_audio_encoder_create(int codec, int sample_format, int sample_rate,
                                           int channels, int64_t bit_rate,
                                           reelff_audio_encoder **out)
{
    if (!out)
        return reelff__fail(AVERROR(EINVAL), "out is NULL");
    reelff__call_begin();
    int ret = reelff_audio_format_check(codec, sample_format, sample_rate, channels);
    if (ret < 0)
        return ret;
    if (bit_rate != 0 && (bit_rate < 6000 || bit_rate > 1024000))
        return reelff__fail(AVERROR(EINVAL), "bit_rate is %lld; allowed 0 (default) or 6000 to "
                            "1024000", (long long)bit_rate);
    reelff_audio_encoder *e = av_mallocz(sizeof *e);
    if (!e)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    e->in_channels = channels;
    e->in_rate = sample_rate;
    e->in_bytes = reelff__sample_bytes(sample_format);
    if ((ret = open_codec(e, codec, sample_rate, channels, bit_rate)) < 0 ||
        (ret = open_resampler(e, sample_format)) < 0) {
        encoder_free(e);
        return ret;
    }
    *out = e;
    return 0;
}

REELFF_API int reelff_audio_encoder_info(const reelff_audio_encoder *e, int *codec_sample_rate,
                                         int *frame_size, int *initial_padding, int *time_base_num,
                                         int *time_base_den)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    if (codec_sample_rate)
        *codec_sample_rate = e->ctx->sample_rate;
    if (frame_size)
        *frame_size = e->ctx->frame_size;
    if (initial_padding)
        *initial_padding = e->ctx->initial_padding;
    if (time_base_num)
        *time_base_num = 1;
    if (time_base_den)
        *time_base_den = e->ctx->sample_rate;
    return 0;
}

REELFF_API int reelff_audio_encoder_extradata(const reelff_audio_encoder *e, const uint8_t **data,
                                              int *size)
{
    if (!e || !data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !e ? "encoder" : !data ? "data" : "size");
    *data = e->ctx->extradata;
    *size = e->ctx->extradata_size;
    return 0;
}

REELFF_API const char *reelff_audio_encoder_channel_layout(const reelff_audio_encoder *e)
{
    return e ? e->layout_name : "";
}

/* Encodes one frame of n samples from the fifo (n = frame_size, or less for the last). */
static int encode_from_fifo(reelff_audio_encoder *e, int n)
{
    AVFrame *frame = e->frame;
    av_frame_unref(frame);
    frame->nb_samples = n;
    frame->format = e->ctx->sample_fmt;
    frame->sample_rate = e->ctx->sample_rate;
    int ret = av_channel_layout_copy(&frame->ch_layout, &e->ctx->ch_layout);
    if (ret >= 0)
        ret = av_frame_get_buffer(frame, 0);
    if (ret < 0)
        return reelff__fail(ret, "out of memory allocating an audio frame");
    if (av_audio_fifo_read(e->fifo, (void **)frame->data, n) != n)
        return reelff__fail(AVERROR_BUG, "the audio fifo lost samples");
    frame->pts = e->coded_frames;
    e->coded_frames += n;
    ret = avcodec_send_frame(e->ctx, frame);
    av_frame_unref(frame);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_send_frame", e->ctx->codec->name);
    return reelff__packet_queue_collect(&e->packets, e->ctx);
}

/* Resamples frames of input (NULL drains the resampler) into the fifo. */
static int resample_into_fifo(reelff_audio_encoder *e, const void *samples, int frames)
{
    int needed = swr_get_out_samples(e->swr, frames);
    if (needed < 0)
        return reelff__fail_call(needed, "swr_get_out_samples", NULL);
    if (needed > e->convert_capacity) {
        if (e->convert)
            av_freep(&e->convert[0]);
        av_freep(&e->convert);
        e->convert_capacity = 0;
        int ret = av_samples_alloc_array_and_samples(&e->convert, NULL, e->ctx->ch_layout.nb_channels,
                                                     needed, e->ctx->sample_fmt, 0);
        if (ret < 0)
            return reelff__fail(ret, "out of memory for %d resampled samples", needed);
        e->convert_capacity = needed;
    }
    const uint8_t *in[1] = { samples };
    int got = swr_convert(e->swr, e->convert, e->convert_capacity, samples ? in : NULL, frames);
    if (got < 0)
        return reelff__fail_call(got, "swr_convert", NULL);
    if (got > 0 && av_audio_fifo_write(e->fifo, (void **)e->convert, got) != got)
        return reelff__fail(AVERROR(ENOMEM), "out of memory buffering %d samples", got);
    return 0;
}

REELFF_API int reelff_audio_encoder_send(reelff_audio_encoder *e, const void *samples, int frames)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff__call_begin();
    if (e->flushed)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "samples are sent before flush");
    if (frames < 0 || frames > MAX_SEND_FRAMES)
        return reelff__fail(AVERROR(EINVAL), "frames is %d; allowed 0 to %d", frames, MAX_SEND_FRAMES);
    if (frames == 0)
        return 0;
    if (!samples)
        return reelff__fail(AVERROR(EINVAL), "samples is NULL with frames %d", frames);
    int ret = resample_into_fifo(e, samples, frames);
    if (ret < 0)
        return ret;
    e->input_frames += frames;
    while (av_audio_fifo_size(e->fifo) >= e->ctx->frame_size)
        if ((ret = encode_from_fifo(e, e->ctx->frame_size)) < 0)
            return ret;
    return 0;
}

REELFF_API int reelff_audio_encoder_flush(reelff_audio_encoder *e)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    reelff__call_begin();
    if (e->flushed)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "reelff_audio_encoder_flush was called already");
    e->flushed = 1;
    int ret = resample_into_fifo(e, NULL, 0);
    while (ret >= 0 && av_audio_fifo_size(e->fifo) > 0) {
        int n = av_audio_fifo_size(e->fifo);
        ret = encode_from_fifo(e, n < e->ctx->frame_size ? n : e->ctx->frame_size);
    }
    if (ret < 0)
        return ret;
    ret = avcodec_send_frame(e->ctx, NULL);
    if (ret < 0)
        return reelff__fail_call(ret, "avcodec_send_frame", e->ctx->codec->name);
    return reelff__packet_queue_collect(&e->packets, e->ctx);
}

REELFF_API int reelff_audio_encoder_receive(reelff_audio_encoder *e, const uint8_t **data, int *size,
                                            int64_t *pts, int64_t *duration)
{
    if (!e || !data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !e ? "encoder" : !data ? "data" : "size");
    if (reelff__packet_queue_pop(&e->packets) < 0)
        return e->flushed && e->packets.drained ? AVERROR_EOF : AVERROR(EAGAIN);
    const AVPacket *pkt = e->packets.current;
    *data = pkt->data;
    *size = pkt->size;
    if (pts)
        *pts = pkt->pts;
    if (duration)
        *duration = pkt->duration;
    return 0;
}

REELFF_API int reelff_audio_encoder_counts(const reelff_audio_encoder *e, int64_t *input_frames,
                                           int64_t *coded_frames)
{
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "encoder is NULL");
    if (input_frames)
        *input_frames = e->input_frames;
    if (coded_frames)
        *coded_frames = e->coded_frames;
    return 0;
}

REELFF_API void reelff_audio_encoder_destroy(reelff_audio_encoder *e)
{
    if (e)
        encoder_free(e);
}
