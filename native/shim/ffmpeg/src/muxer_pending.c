/* A video stream added without extradata waits for its first keyframe: FFmpeg's
 * extract_extradata filter finds the configuration in it (the AV1 sequence header OBU,
 * H.264 SPS/PPS, HEVC VPS/SPS/PPS), which becomes the stream's av1C/avcC/hvcC or
 * CodecPrivate. Until every waiting stream has it, packets of all streams are held here in
 * arrival order; the header is then written and they follow. */
#include "muxer_internal.h"

#include <string.h>

#include <libavutil/mem.h>

#define MAX_PENDING_PACKETS 4096
#define MAX_PENDING_BYTES ((int64_t)512 << 20)

int reelff__mux_start_extract(reelff_muxer *m, int stream, const AVStream *st)
{
    const AVBitStreamFilter *filter = av_bsf_get_by_name("extract_extradata");
    if (!filter)
        return reelff__fail(REELFF_ERROR_UNSUPPORTED, "this FFmpeg build has no extract_extradata "
                            "filter: give the stream's extradata to reelff_muxer_add_video_stream");
    AVBSFContext *bsf = NULL;
    int ret = av_bsf_alloc(filter, &bsf);
    if (ret >= 0)
        ret = avcodec_parameters_copy(bsf->par_in, st->codecpar);
    if (ret >= 0) {
        bsf->time_base_in = m->streams[stream].time_base;
        ret = av_bsf_init(bsf);
    }
    if (ret < 0) {
        av_bsf_free(&bsf);
        return reelff__fail_call(ret, "av_bsf_init", "extract_extradata");
    }
    m->streams[stream].extract = bsf;
    return 0;
}

int reelff__mux_waiting_streams(const reelff_muxer *m)
{
    int waiting = 0;
    for (int i = 0; i < m->stream_count; i++)
        waiting += m->streams[i].extract != NULL;
    return waiting;
}

int reelff__mux_first_waiting(const reelff_muxer *m)
{
    for (int i = 0; i < m->stream_count; i++)
        if (m->streams[i].extract)
            return i;
    return -1;
}

/* Runs the filter over a reference to pkt; adopts the first extradata it reports. */
static int look_for_extradata(reelff_muxer *m, const AVPacket *pkt)
{
    reelff__mux_stream *s = &m->streams[pkt->stream_index];
    AVPacket *probe = av_packet_clone(pkt);
    if (!probe)
        return reelff__fail(AVERROR(ENOMEM), "out of memory referencing a packet");
    int ret = av_bsf_send_packet(s->extract, probe);
    av_packet_free(&probe);
    if (ret < 0)
        return reelff__mux_failed(m, reelff__fail_call(ret, "av_bsf_send_packet", "extract_extradata"));
    AVPacket *out = av_packet_alloc();
    if (!out)
        return reelff__fail(AVERROR(ENOMEM), "out of memory");
    while ((ret = av_bsf_receive_packet(s->extract, out)) >= 0) {
        size_t size = 0;
        const uint8_t *data = av_packet_get_side_data(out, AV_PKT_DATA_NEW_EXTRADATA, &size);
        if (data && size > 0 && s->extract) {
            AVCodecParameters *par = m->fmt->streams[pkt->stream_index]->codecpar;
            par->extradata = av_mallocz(size + AV_INPUT_BUFFER_PADDING_SIZE);
            if (!par->extradata) {
                av_packet_free(&out);
                return reelff__fail(AVERROR(ENOMEM), "out of memory copying extradata");
            }
            memcpy(par->extradata, data, size);
            par->extradata_size = (int)size;
            av_bsf_free(&s->extract);
        }
        av_packet_unref(out);
        if (!s->extract)
            break;
    }
    av_packet_free(&out);
    return 0;
}

int reelff__mux_hold(reelff_muxer *m, AVPacket *pkt)
{
    int ret = 0;
    if (m->streams[pkt->stream_index].extract && (ret = look_for_extradata(m, pkt)) < 0) {
        av_packet_free(&pkt);
        return ret;
    }
    if (m->pending_count >= MAX_PENDING_PACKETS || m->pending_bytes + pkt->size > MAX_PENDING_BYTES) {
        int stream = reelff__mux_first_waiting(m);
        av_packet_free(&pkt);
        return reelff__mux_failed(m, reelff__fail(AVERROR_INVALIDDATA,
            "stream %d (%s) brought no codec configuration (sequence header / parameter sets) in "
            "its first packets; %d packets are held waiting for it. Give extradata to "
            "reelff_muxer_add_video_stream", stream, reelff__codec_label(m->streams[stream].codec),
            m->pending_count));
    }
    if (m->pending_count == m->pending_capacity) {
        int capacity = m->pending_capacity ? m->pending_capacity * 2 : 64;
        AVPacket **grown = av_realloc_array(m->pending, (size_t)capacity, sizeof *grown);
        if (!grown) {
            av_packet_free(&pkt);
            return reelff__fail(AVERROR(ENOMEM), "out of memory holding packets");
        }
        m->pending = grown;
        m->pending_capacity = capacity;
    }
    m->pending[m->pending_count++] = pkt;
    m->pending_bytes += pkt->size;
    if (reelff__mux_waiting_streams(m) == 0)
        return reelff__mux_write_header(m);
    return 0;
}

int reelff__mux_drain_pending(reelff_muxer *m)
{
    int ret = 0;
    for (int i = 0; i < m->pending_count; i++) {
        AVPacket *pkt = m->pending[i];
        m->pending[i] = NULL;
        if (ret >= 0)
            ret = reelff__mux_write_now(m, pkt);
        else
            av_packet_free(&pkt);
    }
    m->pending_count = 0;
    m->pending_bytes = 0;
    return ret;
}

void reelff__mux_drop_pending(reelff_muxer *m)
{
    for (int i = 0; i < m->pending_count; i++)
        av_packet_free(&m->pending[i]);
    m->pending_count = 0;
    m->pending_bytes = 0;
    av_freep(&m->pending);
    m->pending_capacity = 0;
}
