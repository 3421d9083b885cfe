/* The demuxer: any container libavformat reads, its packets, seeking through the
 * container's own index, and the index itself (for Reel's frame cache). */
#include "shim_internal.h"

#include <stdio.h>
#include <string.h>

#include <libavutil/avstring.h>
#include <libavutil/dict.h>
#include <libavutil/mem.h>

struct reelff_demuxer {
    char *path;
    AVFormatContext *fmt;
    AVPacket *pkt; /* the packet last read (valid until the next read, seek or destroy) */
    int has_packet;
};

/* What a file given to Reel may be. A media file must not make libavformat read other files
 * or reach the network: playlists and scripts (hls, dash, concat, ffconcat, image2 patterns,
 * tee, sdp, rtsp...) can name any path or URL, so only these demuxers open, and only the
 * file protocol (also for anything a demuxer opens itself). Names as libavformat spells them
 * (one demuxer may carry several, e.g. "mov,mp4,m4a,3gp,3g2,mj2"). */
static const char READ_FORMATS[] =
    "mov,mp4,m4a,3gp,3g2,mj2,matroska,webm,ivf,obu,h264,hevc,mpegts,nut,wav,w64,ogg,flac,mp3,aac";

/* When libavformat refused the file because of the whitelist, names the format it saw.
 * Returns REELFF_ERROR_UNSUPPORTED with the message set, or 0 when that was not the cause. */
static int refuse_unlisted_format(const char *path)
{
    uint8_t head[4096 + AVPROBE_PADDING_SIZE] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(head, 1, 4096, f);
    fclose(f);
    AVProbeData probe = {.filename = path, .buf = head, .buf_size = (int)n};
    int score = 0;
    const AVInputFormat *seen = av_probe_input_format3(&probe, 1, &score);
    if (!seen || av_match_list(seen->name, READ_FORMATS, ',') > 0)
        return 0;
    return reelff__fail(REELFF_ERROR_UNSUPPORTED,
                        "%s: a '%s' input is not read (Reel reads mov/mp4, matroska/webm, ivf, obu, "
                        "h264, hevc, mpegts, nut, wav, w64, ogg, flac, mp3, aac)", path, seen->name);
}

/* avformat_open_input restricted to READ_FORMATS and the file protocol. */
static int open_input(reelff_demuxer *d, const char *path)
{
    AVDictionary *options = NULL;
    av_dict_set(&options, "format_whitelist", READ_FORMATS, 0);
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    int ret = avformat_open_input(&d->fmt, path, NULL, &options);
    av_dict_free(&options);
    if (ret >= 0)
        return 0;
    if (ret == AVERROR(EINVAL) && refuse_unlisted_format(path) < 0)
        return REELFF_ERROR_UNSUPPORTED;
    return reelff__fail_call(ret, "avformat_open_input", path);
}

REELFF_API int reelff_demuxer_open(const char *path, reelff_demuxer **out)
{
    if (!path || !*path || !out)
        return reelff__fail(AVERROR(EINVAL), "%s", !out ? "out is NULL" : "path is NULL or empty");
    reelff__call_begin();
    reelff_demuxer *d = av_mallocz(sizeof *d);
    if (!d || !(d->path = av_strdup(path)) || !(d->pkt = av_packet_alloc())) {
        reelff_demuxer_destroy(d);
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    }
    int ret = open_input(d, path);
    if (ret < 0) {
        reelff_demuxer_destroy(d);
        return ret;
    }
    /* Fills what headers leave open (pixel format, frame rate, AV1 dimensions in IVF) from
     * at most probesize bytes / analyzeduration; the packets it reads are kept for us. */
    ret = avformat_find_stream_info(d->fmt, NULL);
    if (ret < 0) {
        reelff__fail_call(ret, "avformat_find_stream_info", path);
        reelff_demuxer_destroy(d);
        return ret;
    }
    *out = d;
    return 0;
}

REELFF_API void reelff_demuxer_destroy(reelff_demuxer *d)
{
    if (!d)
        return;
    avformat_close_input(&d->fmt);
    av_packet_free(&d->pkt);
    av_free(d->path);
    av_free(d);
}

REELFF_API const char *reelff_demuxer_format_name(const reelff_demuxer *d)
{
    return d && d->fmt->iformat ? d->fmt->iformat->name : "";
}

REELFF_API int reelff_demuxer_stream_count(const reelff_demuxer *d)
{
    if (!d)
        return reelff__fail(AVERROR(EINVAL), "demuxer is NULL");
    return (int)d->fmt->nb_streams;
}

static int check_stream(const reelff_demuxer *d, int stream)
{
    if (!d)
        return reelff__fail(AVERROR(EINVAL), "demuxer is NULL");
    if (stream < 0 || (unsigned)stream >= d->fmt->nb_streams)
        return reelff__fail(AVERROR(EINVAL), "stream is %d; %s has streams 0 to %d", stream,
                            d->path, (int)d->fmt->nb_streams - 1);
    return 0;
}

const AVStream *reelff__demuxer_stream(const reelff_demuxer *d, int stream)
{
    return check_stream(d, stream) < 0 ? NULL : d->fmt->streams[stream];
}

const AVPacket *reelff__demuxer_last_packet(const reelff_demuxer *d)
{
    return d && d->has_packet ? d->pkt : NULL;
}

static int is_mov_family(const reelff_demuxer *d)
{
    return d->fmt->iformat && strstr(d->fmt->iformat->name, "mp4") != NULL;
}

static int64_t frame_count(const reelff_demuxer *d, AVStream *st)
{
    if (st->nb_frames > 0)
        return st->nb_frames;
    /* MP4/MOV index every sample (from stts/stsz or the fragments' truns). */
    if (is_mov_family(d))
        return avformat_index_get_entries_count(st);
    /* IVF keeps its frame count in the header; libavformat gives it as the duration in a time
     * base of one tick per frame. */
    if (!strcmp(d->fmt->iformat->name, "ivf") && st->duration > 0)
        return st->duration;
    return 0;
}

static int file_property(const reelff_demuxer *d, int property, int64_t *value)
{
    switch (property) {
    case REELFF_DEMUXER_DURATION_US:
        *value = d->fmt->duration == AV_NOPTS_VALUE ? 0 : d->fmt->duration;
        return 0;
    case REELFF_DEMUXER_FILE_SIZE:
        *value = d->fmt->pb ? avio_size(d->fmt->pb) : -1;
        if (*value < 0)
            *value = -1;
        return 0;
    default:
        return reelff__fail(AVERROR(EINVAL), "property is %d; stream -1 has REELFF_DEMUXER_DURATION_US "
                            "(100) and REELFF_DEMUXER_FILE_SIZE (101)", property);
    }
}

REELFF_API int reelff_demuxer_stream_property(const reelff_demuxer *d, int stream, int property,
                                              int64_t *value)
{
    if (!value)
        return reelff__fail(AVERROR(EINVAL), "value is NULL");
    if (d && stream == -1)
        return file_property(d, property, value);
    int ret = check_stream(d, stream);
    if (ret < 0)
        return ret;
    AVStream *st = d->fmt->streams[stream];
    const AVCodecParameters *par = st->codecpar;
    AVRational rate = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
    switch (property) {
    case REELFF_STREAM_MEDIA_TYPE: *value = reelff__media_from_av(par->codec_type); return 0;
    case REELFF_STREAM_CODEC: *value = reelff__codec_from_av(par->codec_id); return 0;
    case REELFF_STREAM_TIME_BASE_NUM: *value = st->time_base.num; return 0;
    case REELFF_STREAM_TIME_BASE_DEN: *value = st->time_base.den; return 0;
    case REELFF_STREAM_START_TIME: *value = st->start_time; return 0;
    case REELFF_STREAM_DURATION: *value = st->duration == AV_NOPTS_VALUE ? 0 : st->duration; return 0;
    case REELFF_STREAM_FRAME_COUNT: *value = frame_count(d, st); return 0;
    case REELFF_STREAM_INDEX_ENTRIES: *value = avformat_index_get_entries_count(st); return 0;
    case REELFF_STREAM_WIDTH: *value = par->width; return 0;
    case REELFF_STREAM_HEIGHT: *value = par->height; return 0;
    case REELFF_STREAM_FRAME_RATE_NUM: *value = rate.den > 0 ? rate.num : 0; return 0;
    case REELFF_STREAM_FRAME_RATE_DEN: *value = rate.den > 0 ? rate.den : 0; return 0;
    case REELFF_STREAM_PIXEL_FORMAT:
        *value = par->codec_type == AVMEDIA_TYPE_VIDEO ? reelff__pixel_from_av(par->format) : 0;
        return 0;
    case REELFF_STREAM_SAMPLE_RATE: *value = par->sample_rate; return 0;
    case REELFF_STREAM_CHANNELS: *value = par->ch_layout.nb_channels; return 0;
    case REELFF_STREAM_BIT_RATE: *value = par->bit_rate; return 0;
    case REELFF_STREAM_INITIAL_PADDING: *value = par->initial_padding; return 0;
    case REELFF_STREAM_FRAME_SIZE: *value = par->frame_size; return 0;
    case REELFF_STREAM_BITS_PER_SAMPLE:
        *value = par->bits_per_coded_sample ? par->bits_per_coded_sample : par->bits_per_raw_sample;
        return 0;
    default:
        return reelff__fail(AVERROR(EINVAL), "property is %d; allowed REELFF_STREAM_MEDIA_TYPE (1) to "
                            "REELFF_STREAM_BITS_PER_SAMPLE (19)", property);
    }
}

REELFF_API const char *reelff_demuxer_stream_codec_name(const reelff_demuxer *d, int stream)
{
    if (!d || stream < 0 || (unsigned)stream >= d->fmt->nb_streams)
        return "";
    return avcodec_get_name(d->fmt->streams[stream]->codecpar->codec_id);
}

REELFF_API int reelff_demuxer_stream_extradata(const reelff_demuxer *d, int stream,
                                               const uint8_t **data, int *size)
{
    if (!data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL", !data ? "data" : "size");
    int ret = check_stream(d, stream);
    if (ret < 0)
        return ret;
    const AVCodecParameters *par = d->fmt->streams[stream]->codecpar;
    *data = par->extradata_size > 0 ? par->extradata : NULL;
    *size = par->extradata_size > 0 ? par->extradata_size : 0;
    return 0;
}

REELFF_API int reelff_demuxer_best_stream(const reelff_demuxer *d, int media_type)
{
    if (!d)
        return reelff__fail(AVERROR(EINVAL), "demuxer is NULL");
    enum AVMediaType type;
    if (media_type == REELFF_MEDIA_VIDEO)
        type = AVMEDIA_TYPE_VIDEO;
    else if (media_type == REELFF_MEDIA_AUDIO)
        type = AVMEDIA_TYPE_AUDIO;
    else
        return reelff__fail(AVERROR(EINVAL), "media_type is %d; allowed REELFF_MEDIA_VIDEO (1), "
                            "REELFF_MEDIA_AUDIO (2)", media_type);
    int ret = av_find_best_stream(d->fmt, type, -1, -1, NULL, 0);
    if (ret < 0)
        return reelff__fail(AVERROR_STREAM_NOT_FOUND, "%s has no %s stream", d->path,
                            type == AVMEDIA_TYPE_VIDEO ? "video" : "audio");
    return ret;
}

REELFF_API int reelff_demuxer_set_stream_enabled(reelff_demuxer *d, int stream, int enabled)
{
    int ret = check_stream(d, stream);
    if (ret < 0)
        return ret;
    d->fmt->streams[stream]->discard = enabled ? AVDISCARD_DEFAULT : AVDISCARD_ALL;
    return 0;
}

REELFF_API int reelff_demuxer_read_packet(reelff_demuxer *d, int *stream, const uint8_t **data,
                                          int *size, int64_t *pts, int64_t *dts, int64_t *duration,
                                          int *flags)
{
    if (!d || !stream || !data || !size)
        return reelff__fail(AVERROR(EINVAL), "%s is NULL",
                            !d ? "demuxer" : !stream ? "stream" : !data ? "data" : "size");
    reelff__call_begin();
    av_packet_unref(d->pkt);
    d->has_packet = 0;
    int ret = av_read_frame(d->fmt, d->pkt);
    if (ret == AVERROR_EOF)
        return ret;
    if (ret < 0)
        return reelff__fail_call(ret, "av_read_frame", d->path);
    d->has_packet = 1;
    *stream = d->pkt->stream_index;
    *data = d->pkt->data;
    *size = d->pkt->size;
    if (pts)
        *pts = d->pkt->pts;
    if (dts)
        *dts = d->pkt->dts;
    if (duration)
        *duration = d->pkt->duration;
    if (flags)
        *flags = (d->pkt->flags & AV_PKT_FLAG_KEY ? REELFF_PACKET_KEYFRAME : 0) |
                 (d->pkt->flags & AV_PKT_FLAG_CORRUPT ? REELFF_PACKET_CORRUPT : 0) |
                 (d->pkt->flags & AV_PKT_FLAG_DISCARD ? REELFF_PACKET_DISCARD : 0);
    return 0;
}

REELFF_API int reelff_demuxer_seek(reelff_demuxer *d, int stream, int64_t timestamp, int flags)
{
    int ret = check_stream(d, stream);
    if (ret < 0)
        return ret;
    if (flags & ~REELFF_SEEK_ANY)
        return reelff__fail(AVERROR(EINVAL), "flags is 0x%x; allowed 0 or REELFF_SEEK_ANY (0x1)", flags);
    reelff__call_begin();
    av_packet_unref(d->pkt);
    d->has_packet = 0;
    ret = av_seek_frame(d->fmt, stream, timestamp,
                        AVSEEK_FLAG_BACKWARD | (flags & REELFF_SEEK_ANY ? AVSEEK_FLAG_ANY : 0));
    if (ret < 0) {
        char what[64];
        snprintf(what, sizeof what, "stream %d to %lld in", stream, (long long)timestamp);
        char subject[1200];
        snprintf(subject, sizeof subject, "%s %s", what, d->path);
        return reelff__fail_call(ret, "av_seek_frame", subject);
    }
    return 0;
}

REELFF_API int reelff_demuxer_index_entry(const reelff_demuxer *d, int stream, int entry,
                                          int64_t *timestamp, int *flags, int64_t *position, int *size)
{
    int ret = check_stream(d, stream);
    if (ret < 0)
        return ret;
    AVStream *st = d->fmt->streams[stream];
    int count = avformat_index_get_entries_count(st);
    if (entry < 0 || entry >= count)
        return reelff__fail(AVERROR(EINVAL), "entry is %d; stream %d's index has entries 0 to %d",
                            entry, stream, count - 1);
    const AVIndexEntry *e = avformat_index_get_entry(st, entry);
    if (!e)
        return reelff__fail(AVERROR(EINVAL), "entry %d of stream %d is missing", entry, stream);
    if (timestamp)
        *timestamp = e->timestamp;
    if (flags)
        *flags = e->flags & AVINDEX_KEYFRAME ? REELFF_PACKET_KEYFRAME : 0;
    if (position)
        *position = e->pos;
    if (size)
        *size = e->size;
    return 0;
}
