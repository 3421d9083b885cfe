/* State of a reelff_muxer, shared by muxer.c (life cycle and writing), muxer_pending.c
 * (extradata from the first keyframe, packets held until the header) and
 * muxer_faststart.c (the moov-first rewrite at end). */
#ifndef REELFF_MUXER_INTERNAL_H
#define REELFF_MUXER_INTERNAL_H

#include "shim_internal.h"

#include <libavcodec/bsf.h>

#define REELFF__MUX_MAX_STREAMS 16

typedef struct reelff__mux_stream {
    AVRational time_base; /* the caller's, kept for the stream's life */
    int codec;            /* reelff_codec_t */
    int media;            /* reelff_media_type_t */
    AVBSFContext *extract; /* extract_extradata while the stream waits for its configuration */
    int64_t ts_offset;    /* added after rescaling (Matroska CodecDelay of Opus) */
    int64_t last_duration; /* of the last packet, caller's time base (for the faststart rewrite) */
    int64_t packets;
    int64_t bytes;
    int64_t end_pts;
    int64_t last_dts;
} reelff__mux_stream;

enum reelff__mux_state { MUX_CREATED, MUX_WAITING_HEADER, MUX_WRITING, MUX_ENDED };

struct reelff_muxer {
    char *path;
    const char *container; /* static: "mp4", "mov", "webm", "matroska" */
    int is_mov;
    AVFormatContext *fmt;
    reelff__mux_stream streams[REELFF__MUX_MAX_STREAMS];
    int stream_count;
    enum reelff__mux_state state;
    int header_written;
    int first_error;          /* the first failure of a write; later writes repeat it */
    char first_message[1024];
    int faststart;
    int flush_interval_ms;
    int flush_packets;
    AVPacket **pending;       /* held until the header is written, in arrival order */
    int pending_count;
    int pending_capacity;
    int64_t pending_bytes;
    int64_t payload_bytes;
    int64_t final_bytes;
};

/* muxer.c */
int reelff__mux_write_header(reelff_muxer *m);
int reelff__mux_write_now(reelff_muxer *m, AVPacket *pkt);
int reelff__mux_failed(reelff_muxer *m, int err);

/* muxer_pending.c */
int reelff__mux_start_extract(reelff_muxer *m, int stream, const AVStream *st);
int reelff__mux_waiting_streams(const reelff_muxer *m);
int reelff__mux_first_waiting(const reelff_muxer *m);
int reelff__mux_hold(reelff_muxer *m, AVPacket *pkt);
int reelff__mux_drain_pending(reelff_muxer *m);
void reelff__mux_drop_pending(reelff_muxer *m);

/* muxer_faststart.c */
/* Rewrites m's finished fragmented file moov-first. */
int reelff__faststart_rewrite(const reelff_muxer *m);

#endif
