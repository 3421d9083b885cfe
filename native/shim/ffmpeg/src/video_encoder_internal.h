/* State of a reelff_video_encoder, shared by video_encoder.c (life cycle, frames, packets)
 * and video_encoder_settings.c (checking settings and mapping them onto each wrapper). */
#ifndef REELFF_VIDEO_ENCODER_INTERNAL_H
#define REELFF_VIDEO_ENCODER_INTERNAL_H

#include "codec_packets.h"
#include "cookie_pool.h"
#include "shim_internal.h"

#include <pthread.h>

/* The wrappers the shim drives, by how they take settings. */
typedef enum reelff__encoder_family {
    ENC_X264,
    ENC_X265,
    ENC_NVENC,
    ENC_QSV,
    ENC_VAAPI
} reelff__encoder_family;

typedef struct reelff__encoder_settings {
    int width, height;
    int pixel_format;       /* reelff_pixel_format_t */
    int tb_num, tb_den;     /* 0 = 1/frame rate */
    int fps_num, fps_den;
    int rate_control;       /* reelff_rate_control_t */
    int quality;            /* -1 unset */
    int64_t bitrate, max_bitrate, buffer_size;
    int keyint;
    int b_frames;           /* -1 = preset's */
    int low_latency;
    int threads;
    int global_header;
    int level;              /* x10, 0 auto */
    char profile[32], preset[32], tune[32];
} reelff__encoder_settings;

struct reelff_video_encoder {
    const AVCodec *codec;
    reelff__encoder_family family;
    int codec_id;                 /* reelff_codec_t: H264 or HEVC */
    reelff__encoder_settings settings;
    AVCodecContext *ctx;          /* after open */
    AVBufferRef *hw_device;       /* VA-API */
    AVBufferRef *hw_frames;
    reelff_frame_done_fn done;
    void *user;
    AVFrame *frame;
    reelff__packet_queue out;     /* encoded packets not yet received */
    int64_t last_pts;
    int opened, flushed;
    int64_t frames_sent, frames_done, reconfigurations;
    pthread_mutex_t lock;         /* guards frames_done (done may run on a codec thread) */
    reelff__cookie_pool nodes;    /* ties each wrapped frame to its cookie */
};

/* video_encoder_settings.c */
void reelff__encoder_settings_default(reelff__encoder_settings *s);
int reelff__encoder_set_int(reelff_video_encoder *e, int key, int64_t value);
int reelff__encoder_set_string(reelff_video_encoder *e, int key, const char *value);
/* Checks every setting against the wrapper and fills ctx and its private options. */
int reelff__encoder_configure(reelff_video_encoder *e, AVCodecContext *ctx, AVDictionary **opts);
/* Applies a bitrate change to an open encoder (libx264, nvenc) or refuses it. */
int reelff__encoder_reconfigure(reelff_video_encoder *e, int key, int64_t value);

#endif
