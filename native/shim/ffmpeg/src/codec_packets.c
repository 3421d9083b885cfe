/* See codec_packets.h. */
#include "codec_packets.h"

#include <string.h>

#include <libavutil/mem.h>

int reelff__packet_queue_init(reelff__packet_queue *q)
{
    memset(q, 0, sizeof *q);
    q->current = av_packet_alloc();
    return q->current ? 0 : AVERROR(ENOMEM);
}

void reelff__packet_queue_free(reelff__packet_queue *q)
{
    for (int i = 0; i < q->count; i++)
        av_packet_free(&q->ring[(q->head + i) % q->capacity]);
    av_freep(&q->ring);
    av_packet_free(&q->current);
    q->count = q->capacity = q->head = 0;
}

static int push(reelff__packet_queue *q, AVPacket *pkt)
{
    if (q->count == q->capacity) {
        int capacity = q->capacity ? q->capacity * 2 : 16;
        AVPacket **grown = av_malloc_array((size_t)capacity, sizeof *grown);
        if (!grown)
            return AVERROR(ENOMEM);
        for (int i = 0; i < q->count; i++)
            grown[i] = q->ring[(q->head + i) % q->capacity];
        av_free(q->ring);
        q->ring = grown;
        q->head = 0;
        q->capacity = capacity;
    }
    q->ring[(q->head + q->count++) % q->capacity] = pkt;
    q->packets++;
    q->bytes += pkt->size;
    return 0;
}

int reelff__packet_queue_collect(reelff__packet_queue *q, AVCodecContext *ctx)
{
    for (;;) {
        AVPacket *pkt = av_packet_alloc();
        if (!pkt)
            return reelff__fail(AVERROR(ENOMEM), "out of memory");
        int ret = avcodec_receive_packet(ctx, pkt);
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) {
            av_packet_free(&pkt);
            q->drained |= ret == AVERROR_EOF;
            return 0;
        }
        if (ret < 0 || (ret = push(q, pkt)) < 0) {
            av_packet_free(&pkt);
            return reelff__fail_call(ret, "avcodec_receive_packet", ctx->codec->name);
        }
    }
}

int reelff__packet_queue_pop(reelff__packet_queue *q)
{
    av_packet_unref(q->current);
    if (q->count == 0)
        return AVERROR(EAGAIN);
    AVPacket *pkt = q->ring[q->head];
    q->head = (q->head + 1) % q->capacity;
    q->count--;
    av_packet_move_ref(q->current, pkt);
    av_packet_free(&pkt);
    return 0;
}

int reelff__decoder_send(AVCodecContext *ctx, const AVPacket *pkt, int *draining)
{
    if (*draining)
        return AVERROR_EOF;
    int ret = avcodec_send_packet(ctx, pkt);
    if (!pkt && ret >= 0)
        *draining = 1;
    if (ret < 0 && ret != AVERROR(EAGAIN))
        return reelff__fail_call(ret, "avcodec_send_packet", ctx->codec->name);
    return ret;
}

int reelff__decoder_send_demuxed(AVCodecContext *ctx, const reelff_demuxer *demuxer, int stream,
                                 int *draining)
{
    const AVPacket *pkt = reelff__demuxer_last_packet(demuxer);
    if (!pkt || pkt->stream_index != stream)
        return reelff__fail(AVERROR(EINVAL), "the demuxer holds no packet of stream %d", stream);
    reelff__call_begin();
    return reelff__decoder_send(ctx, pkt, draining);
}

int reelff__packet_copy(AVPacket *pkt, const uint8_t *data, int size, int64_t pts, int64_t dts,
                        int64_t duration, int flags)
{
    av_packet_unref(pkt);
    if (av_new_packet(pkt, size) < 0)
        return reelff__fail(AVERROR(ENOMEM), "out of memory copying a %d-byte packet", size);
    memcpy(pkt->data, data, (size_t)size);
    pkt->pts = pts;
    pkt->dts = dts;
    pkt->duration = duration;
    if (flags & REELFF_PACKET_KEYFRAME)
        pkt->flags |= AV_PKT_FLAG_KEY;
    return 0;
}
