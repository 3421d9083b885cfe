/* The muxer: MP4/MOV (fragmented while recording), WebM and Matroska through libavformat.
 *
 * Traps handled here:
 *   - avformat_write_header may replace AVStream.time_base (MP4 picks a multiple of the
 *     rate, Matroska always 1/1000): the caller's time base is kept per stream and every
 *     packet is rescaled once, after the header, at the moment it is written.
 *   - A video stream without extradata (SVT-AV1 gives the sequence header only in the first
 *     keyframe) gets it from FFmpeg's extract_extradata filter; the header waits for it
 *     (muxer_pending.c holds the packets meanwhile).
 *   - Crash safety: fragmented MP4 and short Matroska clusters, flush_packets so each
 *     written packet reaches the OS (see the header's section 5). */
#include "muxer_internal.h"

#include <errno.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libavutil/avstring.h>
#include <libavutil/mem.h>

#define MAX_PACKET_SIZE (256 << 20)
#define MAX_EXTRADATA_SIZE (1 << 20)

REELFF_API int reelff_container_for_path(const char *path, const char **container)
{
    if (!path || !container)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !path ? "path" : "container");
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED,
                            "path %s has no extension; the muxer writes .mp4, .mov, .webm, .mkv",
                            path);
    const char *name = NULL;
    if (!strcasecmp(dot, ".mp4") || !strcasecmp(dot, ".m4v"))
        name = "mp4";
    else if (!strcasecmp(dot, ".mov"))
        name = "mov";
    else if (!strcasecmp(dot, ".webm"))
        name = "webm";
    else if (!strcasecmp(dot, ".mkv"))
        name = "matroska";
    else if (!strcasecmp(dot, ".ivf"))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED,
                            "path %s: IVF is written by Reel itself, not by the FFmpeg muxer", path);
    else
        return reelff__fail(REELFF_ERROR_UNSUPPORTED,
                            "path %s: unknown extension '%s'; the muxer writes .mp4, .m4v, .mov, "
                            ".webm, .mkv", path, dot);
    if (!av_guess_format(name, NULL, NULL))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no '%s' muxer", name);
    *container = name;
    return 0;
}

/* The muxer keeps the name for the faststart rewrite at the end, so it must be a literal of
 * ours, never the caller's string (a host's marshalled argument is freed when the call returns). */
static const char *canonical_container(const char *container)
{
    static const char *const known[] = { "mp4", "mov", "webm", "matroska" };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        if (!strcmp(container, known[i]))
            return known[i];
    }
    if (!strcmp(container, "mkv"))
        return "matroska";
    return NULL;
}

REELFF_API int reelff_muxer_create(const char *path, const char *container, reelff_muxer **out)
{
    if (!path || !*path || !out)
        return reelff__fail(AVERROR(EINVAL), "%s", !out ? "out is NULL" : "path is NULL or empty");
    reelff__call_begin();
    const char *name;
    if (container) {
        name = canonical_container(container);
        if (!name)
            return reelff__fail(REELFF_ERROR_UNSUPPORTED,
                                "container '%s' is unknown; allowed mp4, mov, webm, matroska (mkv)",
                                container);
        if (!av_guess_format(name, NULL, NULL))
            return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no '%s' muxer",
                                name);
    } else {
        int ret = reelff_container_for_path(path, &name);
        if (ret < 0)
            return ret;
    }

    reelff_muxer *m = av_mallocz(sizeof *m);
    if (!m)
        return reelff__fail(AVERROR(ENOMEM), "out of memory creating the muxer");
    m->path = av_strdup(path);
    m->container = name;
    m->is_mov = !strcmp(name, "mp4") || !strcmp(name, "mov");
    m->faststart = m->is_mov;
    m->flush_interval_ms = 1000;
    m->flush_packets = 1;
    int ret = m->path ? avformat_alloc_output_context2(&m->fmt, NULL, name, path) : AVERROR(ENOMEM);
    if (ret < 0 || !m->fmt) {
        if (ret >= 0)
            ret = AVERROR(ENOMEM);
        reelff__fail_call(ret, "avformat_alloc_output_context2", path);
        av_free(m->path);
        av_free(m);
        return ret;
    }
    *out = m;
    return 0;
}

REELFF_API int reelff_muxer_set_option(reelff_muxer *m, int option, int64_t value)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    if (m->state != MUX_CREATED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "muxer options are set before begin");
    switch (option) {
    case REELFF_MUX_FASTSTART:
        if (value != 0 && value != 1)
            return reelff__fail(AVERROR(EINVAL), "REELFF_MUX_FASTSTART is %lld; allowed 0 or 1",
                                (long long)value);
        if (value && !m->is_mov)
            return reelff__fail(AVERROR(EINVAL), "REELFF_MUX_FASTSTART is 1; only MP4/MOV have "
                                "a faststart form (this muxer writes %s)", m->container);
        m->faststart = (int)value;
        return 0;
    case REELFF_MUX_FLUSH_INTERVAL_MS:
        if (value < 0 || value > 60000)
            return reelff__fail(AVERROR(EINVAL),
                                "REELFF_MUX_FLUSH_INTERVAL_MS is %lld; allowed 0 to 60000",
                                (long long)value);
        m->flush_interval_ms = (int)value;
        return 0;
    case REELFF_MUX_FLUSH_PACKETS:
        if (value != 0 && value != 1)
            return reelff__fail(AVERROR(EINVAL),
                                "REELFF_MUX_FLUSH_PACKETS is %lld; allowed 0 or 1", (long long)value);
        m->flush_packets = (int)value;
        return 0;
    default:
        return reelff__fail(AVERROR(EINVAL), "option is %d; allowed REELFF_MUX_FASTSTART (1), "
                            "REELFF_MUX_FLUSH_INTERVAL_MS (2), REELFF_MUX_FLUSH_PACKETS (3)", option);
    }
}

static int check_can_add(reelff_muxer *m, enum AVCodecID id, int codec)
{
    if (m->state != MUX_CREATED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "streams are added before begin");
    if (m->stream_count >= REELFF__MUX_MAX_STREAMS)
        return reelff__fail(AVERROR(EINVAL), "the muxer holds at most %d streams",
                            REELFF__MUX_MAX_STREAMS);
    if (avformat_query_codec(m->fmt->oformat, id, FF_COMPLIANCE_NORMAL) != 1)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "the %s container cannot hold %s",
                            m->container, reelff__codec_label(codec));
    /* avformat_query_codec says yes, but libavformat 59's movenc refuses these in QuickTime
     * mode at the header ("av1 only supported in MP4 and AVIF", "opus only supported in MP4"):
     * say so now, before a file exists. */
    if (!strcmp(m->container, "mov") &&
        (codec == REELFF_CODEC_AV1 || codec == REELFF_CODEC_VP9 || codec == REELFF_CODEC_OPUS))
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "the mov container cannot hold %s: libavformat "
                            "%d writes it only in MP4 (use .mp4)", reelff__codec_label(codec),
                            LIBAVFORMAT_VERSION_MAJOR);
    return 0;
}

static int set_extradata(AVCodecParameters *par, const uint8_t *data, int size)
{
    av_freep(&par->extradata);
    par->extradata_size = 0;
    if (size <= 0)
        return 0;
    par->extradata = av_mallocz((size_t)size + AV_INPUT_BUFFER_PADDING_SIZE);
    if (!par->extradata)
        return reelff__fail(AVERROR(ENOMEM), "out of memory copying %d bytes of extradata", size);
    memcpy(par->extradata, data, (size_t)size);
    par->extradata_size = size;
    return 0;
}

static int check_extradata_args(const uint8_t *extradata, int extradata_size, int required)
{
    if (extradata_size < 0 || extradata_size > MAX_EXTRADATA_SIZE)
        return reelff__fail(AVERROR(EINVAL), "extradata_size is %d; allowed 0 to %d",
                            extradata_size, MAX_EXTRADATA_SIZE);
    if (!extradata != !extradata_size)
        return reelff__fail(AVERROR(EINVAL), "extradata is %s but extradata_size is %d",
                            extradata ? "set" : "NULL", extradata_size);
    if (required && !extradata)
        return reelff__fail(AVERROR(EINVAL), "extradata is NULL; audio streams need the codec's "
                            "configuration (OpusHead or AudioSpecificConfig)");
    return 0;
}

static AVStream *new_stream(reelff_muxer *m, int codec, int media, AVRational time_base)
{
    AVStream *st = avformat_new_stream(m->fmt, NULL);
    if (!st) {
        reelff__fail(AVERROR(ENOMEM), "out of memory adding a stream");
        return NULL;
    }
    st->time_base = time_base; /* a hint: the container may pick another at the header */
    reelff__mux_stream *s = &m->streams[m->stream_count];
    memset(s, 0, sizeof *s);
    s->time_base = time_base;
    s->codec = codec;
    s->media = media;
    s->end_pts = AV_NOPTS_VALUE;
    s->last_dts = AV_NOPTS_VALUE;
    return st;
}

REELFF_API int reelff_muxer_add_video_stream(reelff_muxer *m, int codec, int width, int height,
                                             int time_base_num, int time_base_den,
                                             int frame_rate_num, int frame_rate_den,
                                             const uint8_t *extradata, int extradata_size,
                                             int *stream_index)
{
    if (!m || !stream_index)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !m ? "muxer" : "stream_index");
    reelff__call_begin();
    if (codec != REELFF_CODEC_AV1 && codec != REELFF_CODEC_H264 && codec != REELFF_CODEC_HEVC &&
        codec != REELFF_CODEC_VP9)
        return reelff__fail(AVERROR(EINVAL), "codec is %d; allowed REELFF_CODEC_AV1 (1), _H264 (2), "
                            "_HEVC (3), _VP9 (4)", codec);
    if (width < 1 || width > 65535 || height < 1 || height > 65535)
        return reelff__fail(AVERROR(EINVAL), "%s is %d; allowed 1 to 65535",
                            width < 1 || width > 65535 ? "width" : "height",
                            width < 1 || width > 65535 ? width : height);
    int ret = reelff__check_rational("time_base_num", time_base_num, "time_base_den", time_base_den);
    if (ret < 0)
        return ret;
    if ((frame_rate_num || frame_rate_den) &&
        (ret = reelff__check_rational("frame_rate_num", frame_rate_num, "frame_rate_den",
                                      frame_rate_den)) < 0)
        return ret;
    if ((ret = check_extradata_args(extradata, extradata_size, 0)) < 0)
        return ret;
    enum AVCodecID id = reelff__codec_to_av(codec);
    if ((ret = check_can_add(m, id, codec)) < 0)
        return ret;

    AVStream *st = new_stream(m, codec, REELFF_MEDIA_VIDEO, (AVRational){time_base_num, time_base_den});
    if (!st)
        return AVERROR(ENOMEM);
    st->codecpar->codec_type = AVMEDIA_TYPE_VIDEO;
    st->codecpar->codec_id = id;
    st->codecpar->width = width;
    st->codecpar->height = height;
    if (frame_rate_num) {
        st->avg_frame_rate = (AVRational){frame_rate_num, frame_rate_den};
        st->r_frame_rate = st->avg_frame_rate;
    }
    if ((ret = set_extradata(st->codecpar, extradata, extradata_size)) < 0)
        return ret;
    /* VP9 carries its configuration in every frame header: nothing to wait for. */
    if (!extradata && codec != REELFF_CODEC_VP9 &&
        (ret = reelff__mux_start_extract(m, m->stream_count, st)) < 0)
        return ret;
    *stream_index = m->stream_count++;
    return 0;
}

REELFF_API int reelff_muxer_add_audio_stream(reelff_muxer *m, int codec, int sample_rate,
                                             int channels, int time_base_num, int time_base_den,
                                             const uint8_t *extradata, int extradata_size,
                                             int initial_padding, int frame_size,
                                             int *stream_index)
{
    if (!m || !stream_index)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !m ? "muxer" : "stream_index");
    reelff__call_begin();
    if (codec != REELFF_CODEC_OPUS && codec != REELFF_CODEC_AAC)
        return reelff__fail(AVERROR(EINVAL),
                            "codec is %d; allowed REELFF_CODEC_OPUS (5), REELFF_CODEC_AAC (6)", codec);
    if (sample_rate < 8000 || sample_rate > 192000)
        return reelff__fail(AVERROR(EINVAL), "sample_rate is %d; allowed 8000 to 192000", sample_rate);
    if (channels < 1 || channels > 8)
        return reelff__fail(AVERROR(EINVAL), "channels is %d; allowed 1 to 8", channels);
    int ret = reelff__check_rational("time_base_num", time_base_num, "time_base_den", time_base_den);
    if (ret < 0)
        return ret;
    if ((ret = check_extradata_args(extradata, extradata_size, 1)) < 0)
        return ret;
    if (initial_padding < 0 || initial_padding > (1 << 20))
        return reelff__fail(AVERROR(EINVAL), "initial_padding is %d; allowed 0 to %d",
                            initial_padding, 1 << 20);
    if (frame_size < 0 || frame_size > (1 << 20))
        return reelff__fail(AVERROR(EINVAL), "frame_size is %d; allowed 0 to %d", frame_size, 1 << 20);
    enum AVCodecID id = reelff__codec_to_av(codec);
    if ((ret = check_can_add(m, id, codec)) < 0)
        return ret;

    AVStream *st = new_stream(m, codec, REELFF_MEDIA_AUDIO, (AVRational){time_base_num, time_base_den});
    if (!st)
        return AVERROR(ENOMEM);
    AVCodecParameters *par = st->codecpar;
    par->codec_type = AVMEDIA_TYPE_AUDIO;
    par->codec_id = id;
    par->sample_rate = sample_rate;
    av_channel_layout_default(&par->ch_layout, channels);
    par->initial_padding = initial_padding;
    par->frame_size = frame_size;
    if ((ret = set_extradata(par, extradata, extradata_size)) < 0)
        return ret;
    *stream_index = m->stream_count++;
    return 0;
}

static AVDictionary *header_options(const reelff_muxer *m)
{
    AVDictionary *opts = NULL;
    if (m->is_mov) {
        /* delay_moov rather than empty_moov: the moov is written with the first fragment, when
         * the first timestamps are known, so edit lists carry an audio stream's priming
         * (negative start) instead of libavformat shifting every stream to make it
         * non-negative (what it does with empty_moov). */
        av_dict_set(&opts, "movflags", "+frag_keyframe+delay_moov+default_base_moof", 0);
        if (m->flush_interval_ms > 0)
            av_dict_set_int(&opts, "frag_duration", (int64_t)m->flush_interval_ms * 1000, 0);
    } else {
        if (m->flush_interval_ms > 0)
            av_dict_set_int(&opts, "cluster_time_limit", m->flush_interval_ms, 0);
    }
    return opts;
}

int reelff__mux_write_header(reelff_muxer *m)
{
    AVDictionary *opts = header_options(m);
    m->fmt->flush_packets = m->flush_packets;
    int ret = avformat_write_header(m->fmt, &opts);
    av_dict_free(&opts);
    if (ret < 0)
        return reelff__mux_failed(m, reelff__fail_call(ret, "avformat_write_header", m->path));
    m->header_written = 1;
    /* Matroska's CodecDelay "MUST be subtracted from each block timestamp" (RFC 9559) and
     * libavformat 59 writes it for Opus without adding it to the blocks: add it here, so the
     * first Opus block sits at 0, no timestamp is negative and libavformat does not shift every
     * stream to avoid one (which would move audio against video by the pre-skip). */
    for (int i = 0; i < m->stream_count && !m->is_mov; i++) {
        const AVCodecParameters *par = m->fmt->streams[i]->codecpar;
        if (m->streams[i].codec == REELFF_CODEC_OPUS && par->initial_padding > 0)
            m->streams[i].ts_offset = av_rescale_q(par->initial_padding, (AVRational){1, 48000},
                                                   m->fmt->streams[i]->time_base);
    }
    avio_flush(m->fmt->pb);
    if (m->fmt->pb->error < 0)
        return reelff__mux_failed(m, reelff__fail_call(m->fmt->pb->error, "avio_flush", m->path));
    m->state = MUX_WRITING;
    return reelff__mux_drain_pending(m);
}

int reelff__mux_failed(reelff_muxer *m, int err)
{
    if (!m->first_error) {
        m->first_error = err;
        av_strlcpy(m->first_message, reelff_last_error(), sizeof m->first_message);
    }
    return err;
}

REELFF_API int reelff_muxer_begin(reelff_muxer *m)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    reelff__call_begin();
    if (m->state != MUX_CREATED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "reelff_muxer_begin was called already");
    if (m->stream_count == 0)
        return reelff__fail(AVERROR(EINVAL), "the muxer has no stream; add one before begin");
    int ret = avio_open(&m->fmt->pb, m->path, AVIO_FLAG_WRITE);
    if (ret < 0)
        return reelff__fail_call(ret, "avio_open", m->path);
    m->state = MUX_WAITING_HEADER;
    if (reelff__mux_waiting_streams(m) == 0)
        return reelff__mux_write_header(m);
    return 0;
}

/* Hands one packet (in the caller's time base) to libavformat. Takes pkt. */
int reelff__mux_write_now(reelff_muxer *m, AVPacket *pkt)
{
    AVStream *st = m->fmt->streams[pkt->stream_index];
    const reelff__mux_stream *s = &m->streams[pkt->stream_index];
    av_packet_rescale_ts(pkt, s->time_base, st->time_base);
    if (s->ts_offset) {
        pkt->pts += s->ts_offset;
        pkt->dts += s->ts_offset;
    }
    int ret = av_interleaved_write_frame(m->fmt, pkt);
    av_packet_free(&pkt);
    if (ret < 0)
        return reelff__mux_failed(m, reelff__fail_call(ret, "av_interleaved_write_frame", m->path));
    return 0;
}

static int check_packet(reelff_muxer *m, int stream, const uint8_t *data, int size, int64_t pts,
                        int64_t *dts, int64_t duration)
{
    if (m->state == MUX_CREATED || m->state == MUX_ENDED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "packets are written between begin and end "
                            "(this muxer is %s)", m->state == MUX_CREATED ? "not begun" : "ended");
    if (m->first_error)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "an earlier write failed: %s", m->first_message);
    if (stream < 0 || stream >= m->stream_count)
        return reelff__fail(AVERROR(EINVAL), "stream is %d; this muxer has streams 0 to %d",
                            stream, m->stream_count - 1);
    if (!data)
        return reelff__fail(AVERROR(EINVAL), "data is NULL");
    if (size < 1 || size > MAX_PACKET_SIZE)
        return reelff__fail(AVERROR(EINVAL), "size is %d; allowed 1 to %d", size, MAX_PACKET_SIZE);
    if (pts == AV_NOPTS_VALUE)
        return reelff__fail(AVERROR(EINVAL), "pts is REELFF_NOPTS; every packet needs a pts");
    if (*dts == AV_NOPTS_VALUE)
        *dts = pts;
    if (*dts > pts)
        return reelff__fail(AVERROR(EINVAL), "dts %lld is above pts %lld (stream %d)",
                            (long long)*dts, (long long)pts, stream);
    const reelff__mux_stream *s = &m->streams[stream];
    if (s->last_dts != AV_NOPTS_VALUE && *dts <= s->last_dts)
        return reelff__fail(AVERROR(EINVAL), "dts %lld of stream %d is not above the previous "
                            "packet's %lld", (long long)*dts, stream, (long long)s->last_dts);
    if (duration < 0)
        return reelff__fail(AVERROR(EINVAL), "duration is %lld; allowed 0 or more",
                            (long long)duration);
    return 0;
}

REELFF_API int reelff_muxer_write_packet(reelff_muxer *m, int stream, const uint8_t *data, int size,
                                         int64_t pts, int64_t dts, int64_t duration, int flags)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    reelff__call_begin();
    int ret = check_packet(m, stream, data, size, pts, &dts, duration);
    if (ret < 0)
        return ret;

    AVPacket *pkt = av_packet_alloc();
    if (!pkt || av_new_packet(pkt, size) < 0) {
        av_packet_free(&pkt);
        return reelff__fail(AVERROR(ENOMEM), "out of memory copying a %d-byte packet", size);
    }
    memcpy(pkt->data, data, (size_t)size);
    pkt->pts = pts;
    pkt->dts = dts;
    pkt->duration = duration;
    pkt->stream_index = stream;
    if (flags & REELFF_PACKET_KEYFRAME)
        pkt->flags |= AV_PKT_FLAG_KEY;

    reelff__mux_stream *s = &m->streams[stream];
    s->packets++;
    s->bytes += size;
    s->last_dts = dts;
    s->last_duration = duration;
    if (s->end_pts == AV_NOPTS_VALUE || pts + duration > s->end_pts)
        s->end_pts = pts + duration;
    m->payload_bytes += size;

    if (m->state == MUX_WAITING_HEADER)
        return reelff__mux_hold(m, pkt);
    return reelff__mux_write_now(m, pkt);
}

/* Closes the file after the trailer (or without one when the header never made it). */
static int finish_file(reelff_muxer *m)
{
    int ret = 0;
    if (m->state == MUX_WAITING_HEADER && !m->first_error) {
        /* No keyframe ever arrived for a stream that waited for its extradata. */
        int waiting = reelff__mux_waiting_streams(m);
        if (waiting > 0)
            ret = reelff__mux_failed(m, reelff__fail(AVERROR_INVALIDDATA,
                "%s: stream %d got no keyframe with its codec configuration before end; nothing "
                "could be written", m->path, reelff__mux_first_waiting(m)));
        else
            ret = reelff__mux_write_header(m);
    }
    if (m->header_written) {
        int t = av_write_trailer(m->fmt);
        if (t < 0 && !m->first_error)
            ret = reelff__mux_failed(m, reelff__fail_call(t, "av_write_trailer", m->path));
    }
    if (m->fmt->pb) {
        int c = avio_closep(&m->fmt->pb);
        if (c < 0 && !m->first_error)
            ret = reelff__mux_failed(m, reelff__fail_call(c, "avio_close", m->path));
    }
    reelff__mux_drop_pending(m);
    m->state = MUX_ENDED;
    struct stat st;
    if (stat(m->path, &st) == 0)
        m->final_bytes = (int64_t)st.st_size;
    return m->first_error ? m->first_error : ret;
}

REELFF_API int reelff_muxer_end(reelff_muxer *m)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    reelff__call_begin();
    if (m->state == MUX_CREATED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "reelff_muxer_end before begin");
    if (m->state == MUX_ENDED)
        return reelff__fail(REELFF_ERROR_BAD_STATE, "reelff_muxer_end was called already");
    int ret = finish_file(m);
    if (ret < 0) {
        if (m->first_error)
            reelff__fail(m->first_error, "%s", m->first_message);
        return ret;
    }
    if (m->is_mov && m->faststart) {
        ret = reelff__faststart_rewrite(m);
        struct stat st;
        if (stat(m->path, &st) == 0)
            m->final_bytes = (int64_t)st.st_size;
    }
    return ret;
}

REELFF_API void reelff_muxer_destroy(reelff_muxer *m)
{
    if (!m)
        return;
    if (m->state == MUX_WAITING_HEADER || m->state == MUX_WRITING)
        finish_file(m); /* keep what was written: trailer, no faststart rewrite */
    reelff__mux_drop_pending(m);
    for (int i = 0; i < m->stream_count; i++)
        av_bsf_free(&m->streams[i].extract);
    if (m->fmt) {
        if (m->fmt->pb)
            avio_closep(&m->fmt->pb);
        avformat_free_context(m->fmt);
    }
    av_free(m->path);
    av_free(m);
}

REELFF_API int reelff_muxer_stats(const reelff_muxer *m, int64_t *file_bytes,
                                  int64_t *payload_bytes, int64_t *overhead_bytes)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    int64_t bytes = m->final_bytes;
    if (m->state != MUX_ENDED && m->fmt->pb)
        bytes = avio_tell(m->fmt->pb);
    if (file_bytes)
        *file_bytes = bytes;
    if (payload_bytes)
        *payload_bytes = m->payload_bytes;
    if (overhead_bytes)
        *overhead_bytes = bytes - m->payload_bytes;
    return 0;
}

REELFF_API int reelff_muxer_stream_stats(const reelff_muxer *m, int stream, int64_t *packets,
                                         int64_t *bytes, int64_t *end_pts)
{
    if (!m)
        return reelff__fail(AVERROR(EINVAL), "muxer is NULL");
    if (stream < 0 || stream >= m->stream_count)
        return reelff__fail(AVERROR(EINVAL), "stream is %d; this muxer has streams 0 to %d", stream,
                            m->stream_count - 1);
    const reelff__mux_stream *s = &m->streams[stream];
    if (packets)
        *packets = s->packets;
    if (bytes)
        *bytes = s->bytes;
    if (end_pts)
        *end_pts = s->end_pts;
    return 0;
}

REELFF_API int reelff_muxer_container_time_base(const reelff_muxer *m, int stream, int *num, int *den)
{
    if (!m || !num || !den)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !m ? "muxer" : !num ? "num" : "den");
    if (stream < 0 || stream >= m->stream_count)
        return reelff__fail(AVERROR(EINVAL), "stream is %d; this muxer has streams 0 to %d", stream,
                            m->stream_count - 1);
    AVRational tb = m->fmt->streams[stream]->time_base;
    *num = tb.num;
    *den = tb.den;
    return 0;
}
