/* Packets into and out of libavcodec, shared by the encoders and decoders: a queue that takes
 * every packet an encoder has ready (so a send never meets EAGAIN and the caller receives at
 * its pace), and the send side of a decoder (a copied packet, draining, named errors). */
#ifndef REELFF_CODEC_PACKETS_H
#define REELFF_CODEC_PACKETS_H

#include "shim_internal.h"

typedef struct reelff__packet_queue {
    AVPacket **ring;
    int head, count, capacity;
    AVPacket *current; /* the packet the caller holds, until the next pop */
    int drained;       /* the encoder said AVERROR_EOF */
    int64_t packets, bytes;
} reelff__packet_queue;

/* 0 or AVERROR(ENOMEM). */
int reelff__packet_queue_init(reelff__packet_queue *q);
void reelff__packet_queue_free(reelff__packet_queue *q);
/* Moves every packet ctx has ready into the queue (avcodec_receive_packet until EAGAIN/EOF). */
int reelff__packet_queue_collect(reelff__packet_queue *q, AVCodecContext *ctx);
/* Drops the held packet and makes the next one current: 0, or AVERROR(EAGAIN) when empty. */
int reelff__packet_queue_pop(reelff__packet_queue *q);

/* avcodec_send_packet with the shim's conventions: NULL starts draining (*draining set), a
 * send while draining is AVERROR_EOF, failures other than EAGAIN are named. */
int reelff__decoder_send(AVCodecContext *ctx, const AVPacket *pkt, int *draining);
/* Sends the packet a demuxer last read (side data included), which must be of stream. */
int reelff__decoder_send_demuxed(AVCodecContext *ctx, const reelff_demuxer *demuxer, int stream,
                                 int *draining);
/* Copies bytes into pkt (unref'd first) with the given timestamps and REELFF_PACKET_* flags. */
int reelff__packet_copy(AVPacket *pkt, const uint8_t *data, int size, int64_t pts, int64_t dts,
                        int64_t duration, int flags);

#endif
