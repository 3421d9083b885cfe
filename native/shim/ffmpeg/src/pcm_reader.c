/* A file's best audio stream as interleaved PCM: a demuxer feeding an audio decoder, with a
 * carry-over buffer so the caller reads any number of samples at a time. */
#include "shim_internal.h"

#include <string.h>

#include <libavutil/mem.h>

struct reelff_pcm_reader {
    reelff_demuxer *demuxer;
    reelff_audio_decoder *decoder;
    int stream;
    int frame_bytes;       /* bytes of one sample of every channel */
    const uint8_t *carry;  /* decoded samples not yet handed out (decoder-owned) */
    int carry_frames;
    int input_done;        /* the demuxer hit its end and the decoder is draining */
    int resend;            /* the decoder refused the last packet (EAGAIN): send it again */
    int drain_sent;
    int finished;
};

REELFF_API int reelff_pcm_reader_open(const char *path, int sample_format, reelff_pcm_reader **out)
{
    if (!out)
        return reelff__fail(AVERROR(EINVAL), "out is NULL");
    if (reelff__sample_to_av(sample_format) == AV_SAMPLE_FMT_NONE)
        return reelff__fail(AVERROR(EINVAL), "sample_format is %d; allowed REELFF_SAMPLE_S16 (1), "
                            "REELFF_SAMPLE_S32 (2), REELFF_SAMPLE_F32 (3)", sample_format);
    reelff_pcm_reader *r = av_mallocz(sizeof *r);
    if (!r)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    int ret = reelff_demuxer_open(path, &r->demuxer);
    if (ret >= 0) {
        ret = reelff_demuxer_best_stream(r->demuxer, REELFF_MEDIA_AUDIO);
        if (ret < 0)
            reelff__fail(ret, "%s: no audio stream", path);
    }
    if (ret >= 0) {
        r->stream = ret;
        int count = reelff_demuxer_stream_count(r->demuxer);
        for (int i = 0; i < count; i++)
            if (i != r->stream)
                reelff_demuxer_set_stream_enabled(r->demuxer, i, 0);
        ret = reelff_audio_decoder_create(r->demuxer, r->stream, sample_format, &r->decoder);
    }
    if (ret < 0) {
        reelff_pcm_reader_destroy(r);
        return ret;
    }
    int channels = 0;
    reelff_audio_decoder_info(r->decoder, NULL, &channels);
    r->frame_bytes = channels * reelff__sample_bytes(sample_format);
    *out = r;
    return 0;
}

REELFF_API int reelff_pcm_reader_info(const reelff_pcm_reader *r, int *sample_rate, int *channels,
                                      int *codec, int64_t *duration_frames)
{
    if (!r)
        return reelff__fail(AVERROR(EINVAL), "reader is NULL");
    int rate = 0;
    reelff_audio_decoder_info(r->decoder, &rate, channels);
    if (sample_rate)
        *sample_rate = rate;
    int64_t value = 0;
    if (codec) {
        reelff_demuxer_stream_property(r->demuxer, r->stream, REELFF_STREAM_CODEC, &value);
        *codec = (int)value;
    }
    if (duration_frames) {
        const AVStream *st = reelff__demuxer_stream(r->demuxer, r->stream);
        *duration_frames = st->duration > 0 && rate > 0
                               ? av_rescale_q(st->duration, st->time_base, (AVRational){1, rate})
                               : 0;
    }
    return 0;
}

/* Decodes until samples are available, or the end. */
static int refill(reelff_pcm_reader *r)
{
    for (;;) {
        const void *samples;
        int frames;
        int ret = reelff_audio_decoder_receive(r->decoder, &samples, &frames, NULL);
        if (ret >= 0) {
            r->carry = samples;
            r->carry_frames = frames;
            return 0;
        }
        if (ret == AVERROR_EOF) {
            r->finished = 1;
            return 0;
        }
        if (ret != AVERROR(EAGAIN))
            return ret;
        if (r->drain_sent)
            return reelff__fail(AVERROR_BUG, "the audio decoder asks for input after draining");
        if (!r->resend && !r->input_done) {
            int stream;
            const uint8_t *data;
            int size;
            ret = reelff_demuxer_read_packet(r->demuxer, &stream, &data, &size, NULL, NULL, NULL, NULL);
            if (ret == AVERROR_EOF)
                r->input_done = 1;
            else if (ret < 0)
                return ret;
            else if (stream != r->stream)
                continue;
        }
        r->resend = 0;
        if (r->input_done) {
            ret = reelff_audio_decoder_send_packet(r->decoder, NULL, 0, 0, 0);
            if (ret >= 0)
                r->drain_sent = 1;
        } else {
            ret = reelff_audio_decoder_send_demuxed(r->decoder, r->demuxer, r->stream);
        }
        if (ret == AVERROR(EAGAIN)) { /* take output first, then send the same again */
            r->resend = 1;
            continue;
        }
        /* A corrupt packet is skipped (decoders conceal what follows); I/O errors are not. */
        if (ret < 0 && ret != AVERROR_INVALIDDATA)
            return ret;
    }
}

REELFF_API int reelff_pcm_reader_read(reelff_pcm_reader *r, void *buffer, int max_frames, int *frames_read)
{
    if (!r || !buffer || !frames_read)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !r ? "reader" : !buffer ? "buffer" : "frames_read");
    if (max_frames < 0)
        return reelff__fail(AVERROR(EINVAL), "max_frames is %d; allowed 0 or more", max_frames);
    int done = 0;
    while (done < max_frames && !r->finished) {
        if (r->carry_frames == 0) {
            int ret = refill(r);
            if (ret < 0)
                return ret;
            continue;
        }
        int n = r->carry_frames < max_frames - done ? r->carry_frames : max_frames - done;
        memcpy((uint8_t *)buffer + (size_t)done * r->frame_bytes, r->carry, (size_t)n * r->frame_bytes);
        r->carry += (size_t)n * r->frame_bytes;
        r->carry_frames -= n;
        done += n;
    }
    *frames_read = done;
    return 0;
}

REELFF_API void reelff_pcm_reader_destroy(reelff_pcm_reader *r)
{
    if (!r)
        return;
    reelff_audio_decoder_destroy(r->decoder);
    reelff_demuxer_destroy(r->demuxer);
    av_free(r);
}
