/* Audio packets to interleaved PCM at the stream's own rate and channel count: libavcodec
 * decodes, libswresample only converts the sample format (planar float to s16/s32/f32). */
#include "codec_packets.h"

#include <string.h>

#include <libavutil/mem.h>
#include <libswresample/swresample.h>

struct reelff_audio_decoder {
    AVCodecContext *ctx;
    SwrContext *swr;      /* built for the first frame's format and layout */
    enum AVSampleFormat swr_in_format;
    AVChannelLayout swr_layout;
    int swr_rate;
    enum AVSampleFormat out_format;
    int out_bytes;
    AVPacket *pkt;
    AVFrame *frame;
    uint8_t *samples;     /* converted output of the last receive */
    int samples_capacity; /* bytes */
    int draining;
};

REELFF_API int reelff_audio_decoder_create(const reelff_demuxer *demuxer, int stream,
                                           int sample_format, reelff_audio_decoder **out)
{
    if (!out)
        return reelff__fail(AVERROR(EINVAL), "out is NULL");
    const AVStream *st = reelff__demuxer_stream(demuxer, stream);
    if (!st)
        return AVERROR(EINVAL);
    if (st->codecpar->codec_type != AVMEDIA_TYPE_AUDIO)
        return reelff__fail(AVERROR(EINVAL), "stream %d is not audio", stream);
    if (reelff__sample_to_av(sample_format) == AV_SAMPLE_FMT_NONE)
        return reelff__fail(AVERROR(EINVAL), "sample_format is %d; allowed REELFF_SAMPLE_S16 (1), "
                            "REELFF_SAMPLE_S32 (2), REELFF_SAMPLE_F32 (3)", sample_format);
    reelff__call_begin();
    const AVCodec *codec = avcodec_find_decoder(st->codecpar->codec_id);
    if (!codec)
        return reelff__fail(AVERROR_DECODER_NOT_FOUND, "this FFmpeg build cannot decode %s",
                            avcodec_get_name(st->codecpar->codec_id));
    reelff_audio_decoder *dec = av_mallocz(sizeof *dec);
    int ret = dec ? 0 : AVERROR(ENOMEM);
    if (ret >= 0 && (!(dec->ctx = avcodec_alloc_context3(codec)) || !(dec->pkt = av_packet_alloc()) ||
                     !(dec->frame = av_frame_alloc())))
        ret = AVERROR(ENOMEM);
    if (ret >= 0)
        ret = avcodec_parameters_to_context(dec->ctx, st->codecpar);
    if (ret < 0) {
        reelff_audio_decoder_destroy(dec);
        return reelff__fail(ret, "out of memory creating the %s decoder", codec->name);
    }
    dec->ctx->pkt_timebase = st->time_base;
    dec->out_format = reelff__sample_to_av(sample_format);
    dec->out_bytes = reelff__sample_bytes(sample_format);
    if ((ret = avcodec_open2(dec->ctx, codec, NULL)) < 0) {
        reelff__fail_call(ret, "avcodec_open2", codec->name);
        reelff_audio_decoder_destroy(dec);
        return ret;
    }
    *out = dec;
    return 0;
}

REELFF_API int reelff_audio_decoder_info(const reelff_audio_decoder *dec, int *sample_rate, int *channels)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    if (sample_rate)
        *sample_rate = dec->ctx->sample_rate;
    if (channels)
        *channels = dec->ctx->ch_layout.nb_channels;
    return 0;
}

REELFF_API int reelff_audio_decoder_send_demuxed(reelff_audio_decoder *dec,
                                                 const reelff_demuxer *demuxer, int stream)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    return reelff__decoder_send_demuxed(dec->ctx, demuxer, stream, &dec->draining);
}

REELFF_API int reelff_audio_decoder_send_packet(reelff_audio_decoder *dec, const uint8_t *data,
                                                int size, int64_t pts, int64_t duration)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    reelff__call_begin();
    if (!data)
        return reelff__decoder_send(dec->ctx, NULL, &dec->draining);
    if (size <= 0)
        return reelff__fail(AVERROR(EINVAL), "size is %d; allowed 1 or more", size);
    int ret = reelff__packet_copy(dec->pkt, data, size, pts, pts, duration, 0);
    if (ret < 0)
        return ret;
    ret = reelff__decoder_send(dec->ctx, dec->pkt, &dec->draining);
    av_packet_unref(dec->pkt);
    return ret;
}

static int ensure_converter(reelff_audio_decoder *dec, AVFrame *f)
{
    if (dec->swr && dec->swr_in_format == f->format && dec->swr_rate == f->sample_rate &&
        !av_channel_layout_compare(&dec->swr_layout, &f->ch_layout))
        return 0;
    swr_free(&dec->swr);
    av_channel_layout_uninit(&dec->swr_layout);
    int ret = swr_alloc_set_opts2(&dec->swr, &f->ch_layout, dec->out_format, f->sample_rate,
                                  &f->ch_layout, f->format, f->sample_rate, 0, NULL);
    if (ret >= 0)
        ret = swr_init(dec->swr);
    if (ret >= 0)
        ret = av_channel_layout_copy(&dec->swr_layout, &f->ch_layout);
    if (ret < 0)
        return reelff__fail_call(ret, "swr_init", NULL);
    dec->swr_in_format = f->format;
    dec->swr_rate = f->sample_rate;
    return 0;
}

REELFF_API int reelff_audio_decoder_receive(reelff_audio_decoder *dec, const void **samples,
                                            int *frames, int64_t *pts)
{
    if (!dec || !samples || !frames)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !dec ? "decoder" : !samples ? "samples" : "frames");
    reelff__call_begin();
    for (;;) {
        av_frame_unref(dec->frame);
        int ret = avcodec_receive_frame(dec->ctx, dec->frame);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF)
            return ret;
        if (ret < 0)
            return reelff__fail_call(ret, "avcodec_receive_frame", dec->ctx->codec->name);
        AVFrame *f = dec->frame;
        if (f->nb_samples <= 0)
            continue;
        if ((ret = ensure_converter(dec, f)) < 0)
            return ret;
        int channels = f->ch_layout.nb_channels;
        int64_t bytes = (int64_t)f->nb_samples * channels * dec->out_bytes;
        if (bytes > dec->samples_capacity) {
            av_freep(&dec->samples);
            dec->samples = av_malloc((size_t)bytes);
            dec->samples_capacity = dec->samples ? (int)bytes : 0;
            if (!dec->samples)
                return reelff__fail(AVERROR(ENOMEM), "out of memory for %d samples", f->nb_samples);
        }
        uint8_t *outp[1] = { dec->samples };
        int got = swr_convert(dec->swr, outp, f->nb_samples, (const uint8_t **)f->extended_data,
                              f->nb_samples);
        if (got < 0)
            return reelff__fail_call(got, "swr_convert", NULL);
        *samples = dec->samples;
        *frames = got;
        if (pts)
            *pts = f->best_effort_timestamp == AV_NOPTS_VALUE
                       ? AV_NOPTS_VALUE
                       : av_rescale_q(f->best_effort_timestamp, dec->ctx->pkt_timebase.num > 0
                                                                    ? dec->ctx->pkt_timebase
                                                                    : (AVRational){1, f->sample_rate},
                                      (AVRational){1, f->sample_rate});
        return 0;
    }
}

REELFF_API int reelff_audio_decoder_reset(reelff_audio_decoder *dec)
{
    if (!dec)
        return reelff__fail(AVERROR(EINVAL), "decoder is NULL");
    avcodec_flush_buffers(dec->ctx);
    dec->draining = 0;
    return 0;
}

REELFF_API void reelff_audio_decoder_destroy(reelff_audio_decoder *dec)
{
    if (!dec)
        return;
    avcodec_free_context(&dec->ctx);
    swr_free(&dec->swr);
    av_channel_layout_uninit(&dec->swr_layout);
    av_packet_free(&dec->pkt);
    av_frame_free(&dec->frame);
    av_free(dec->samples);
    av_free(dec);
}
