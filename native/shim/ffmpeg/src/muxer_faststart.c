/* The moov-first (faststart) rewrite at the end of an MP4/MOV recording.
 *
 * While recording, the file is fragmented so that a killed process leaves a playable file.
 * Some players and HTTP servers want the sample tables in front instead. At a normal end
 * the fragmented file is remuxed by libavformat (stream copy, as `ffmpeg -c copy -movflags
 * +faststart` does) into "<path>.reelff-tmp", which is fsync'ed and renamed over <path>:
 * at every moment <path> is one complete file, and a failure (disk full) leaves the
 * fragmented original in place and removes the temporary file. The cost is one read and two
 * writes of the file (movenc's faststart itself moves the mdat once more to put moov first).
 * Why not write faststart directly: a moov-first file can only be produced once every
 * sample is known, so it cannot be crash-safe while recording. */
#include "muxer_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libavutil/avstring.h>
#include <libavutil/mem.h>

static int sync_path(const char *path, int directory)
{
    int fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_WRONLY) | O_CLOEXEC);
    if (fd < 0)
        return AVERROR(errno);
    int ret = fsync(fd) < 0 ? AVERROR(errno) : 0;
    close(fd);
    return ret;
}

static int copy_streams(AVFormatContext *in, AVFormatContext *out)
{
    for (unsigned i = 0; i < in->nb_streams; i++) {
        AVStream *ist = in->streams[i];
        AVStream *ost = avformat_new_stream(out, NULL);
        if (!ost)
            return AVERROR(ENOMEM);
        int ret = avcodec_parameters_copy(ost->codecpar, ist->codecpar);
        if (ret < 0)
            return ret;
        ost->codecpar->codec_tag = 0;
        ost->time_base = ist->time_base;
        ost->avg_frame_rate = ist->avg_frame_rate;
        ost->r_frame_rate = ist->r_frame_rate;
        ost->disposition = ist->disposition;
    }
    return 0;
}

/* Writes a held packet, its duration known by now. */
static int write_held(AVFormatContext *in, AVFormatContext *out, AVPacket *pkt)
{
    av_packet_rescale_ts(pkt, in->streams[pkt->stream_index]->time_base,
                         out->streams[pkt->stream_index]->time_base);
    pkt->pos = -1;
    return av_interleaved_write_frame(out, pkt);
}

/* Remuxes src into dst (moov first). On failure *call names the FFmpeg call that failed.
 * The mov demuxer reports no durations for samples of our fragments, and movenc would then
 * guess the last sample's duration and cut it off with the edit list: each stream's packet is
 * held until the next one gives its duration, and the last one gets the duration the caller
 * wrote (m->streams[i].last_duration). */
static int remux(const reelff_muxer *m, const char *src, const char *dst, const char **call,
                 const char **subject)
{
    const char *container = m->container;
    AVPacket *held[REELFF__MUX_MAX_STREAMS] = { NULL };
    AVFormatContext *in = NULL, *out = NULL;
    AVPacket *pkt = av_packet_alloc();
    AVDictionary *opts = NULL;
    int header = 0;
    int ret = pkt ? 0 : AVERROR(ENOMEM);
    *subject = dst;
    if (ret >= 0 && (ret = avformat_open_input(&in, src, NULL, NULL)) < 0)
        *call = "avformat_open_input", *subject = src;
    if (ret >= 0 && (ret = avformat_alloc_output_context2(&out, NULL, container, dst)) < 0)
        *call = "avformat_alloc_output_context2";
    if (ret >= 0 && (ret = copy_streams(in, out)) < 0)
        *call = "avcodec_parameters_copy";
    if (ret >= 0 && (ret = avio_open(&out->pb, dst, AVIO_FLAG_WRITE)) < 0)
        *call = "avio_open";
    if (ret >= 0) {
        av_dict_set(&opts, "movflags", "+faststart", 0);
        if ((ret = avformat_write_header(out, &opts)) < 0)
            *call = "avformat_write_header";
        else
            header = 1;
    }
    while (ret >= 0) {
        int r = av_read_frame(in, pkt);
        if (r == AVERROR_EOF)
            break;
        if (r < 0) {
            ret = r;
            *call = "av_read_frame";
            *subject = src;
            break;
        }
        int i = pkt->stream_index;
        if (i >= REELFF__MUX_MAX_STREAMS) {
            av_packet_unref(pkt);
            continue;
        }
        if (held[i]) {
            if (held[i]->duration <= 0 && pkt->dts != AV_NOPTS_VALUE && held[i]->dts != AV_NOPTS_VALUE)
                held[i]->duration = pkt->dts - held[i]->dts;
            if ((ret = write_held(in, out, held[i])) < 0)
                *call = "av_interleaved_write_frame";
        } else if (!(held[i] = av_packet_alloc())) {
            ret = AVERROR(ENOMEM);
        }
        if (held[i])
            av_packet_move_ref(held[i], pkt);
    }
    for (int i = 0; i < REELFF__MUX_MAX_STREAMS && in && (unsigned)i < in->nb_streams; i++) {
        if (held[i] && held[i]->data && ret >= 0) {
            if (held[i]->duration <= 0 && i < m->stream_count)
                held[i]->duration = av_rescale_q(m->streams[i].last_duration, m->streams[i].time_base,
                                                 in->streams[i]->time_base);
            if ((ret = write_held(in, out, held[i])) < 0)
                *call = "av_interleaved_write_frame";
        }
    }
    for (int i = 0; i < REELFF__MUX_MAX_STREAMS; i++)
        av_packet_free(&held[i]);
    if (header) {
        int t = av_write_trailer(out);
        if (t < 0 && ret >= 0) {
            ret = t;
            *call = "av_write_trailer";
        }
    }
    if (out && out->pb) {
        int c = avio_closep(&out->pb);
        if (c < 0 && ret >= 0) {
            ret = c;
            *call = "avio_close";
        }
    }
    av_dict_free(&opts);
    avformat_free_context(out);
    avformat_close_input(&in);
    av_packet_free(&pkt);
    return ret;
}

int reelff__faststart_rewrite(const reelff_muxer *m)
{
    const char *path = m->path;
    char *tmp = av_asprintf("%s.reelff-tmp", path);
    if (!tmp)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    const char *call = "faststart", *subject = tmp;
    int ret = remux(m, path, tmp, &call, &subject);
    if (ret >= 0 && (ret = sync_path(tmp, 0)) < 0)
        call = "fsync", subject = tmp;
    if (ret >= 0 && rename(tmp, path) < 0)
        ret = AVERROR(errno), call = "rename", subject = tmp;
    if (ret >= 0) {
        char *dir_copy = av_strdup(path);
        if (dir_copy)
            sync_path(dirname(dir_copy), 1); /* best effort: the rename is already visible */
        av_free(dir_copy);
        av_free(tmp);
        return 0;
    }
    unlink(tmp);
    char detail[512];
    snprintf(detail, sizeof detail, "%s (faststart rewrite; the fragmented file %s is kept)",
             subject, path);
    reelff__fail_call(ret, call, detail);
    av_free(tmp);
    return ret;
}
