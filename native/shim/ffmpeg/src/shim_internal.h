/* Internal helpers shared by the shim's objects. Nothing here is exported. */
#ifndef REELFF_SHIM_INTERNAL_H
#define REELFF_SHIM_INTERNAL_H

#include "reel_ffmpeg.h"

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/pixfmt.h>
#include <libavutil/samplefmt.h>

/* ---- errors (errors.c) ---- */

/* Records err's message on this thread: fmt formatted, then " -- <last FFmpeg error/warning
 * line logged on this thread since reelff__call_begin>" when there is one. Returns err. */
int reelff__fail(int err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* "<call> <subject>: <av_strerror(err)>", e.g. "avio_open /x.mp4: No space left on device".
 * subject may be NULL or "". Returns err. */
int reelff__fail_call(int err, const char *call, const char *subject);

/* Marks the start of an operation whose FFmpeg log lines may explain a failure: forgets the
 * lines logged earlier on this thread. Also installs the shim's log callback once. */
void reelff__call_begin(void);

/* Installs the log callback (idempotent, thread-safe). */
void reelff__ensure_log_callback(void);

/* ---- enumerations (enums.c) ---- */

enum AVCodecID reelff__codec_to_av(int codec);
int reelff__codec_from_av(enum AVCodecID id);
enum AVPixelFormat reelff__pixel_to_av(int format);
int reelff__pixel_from_av(enum AVPixelFormat format);
enum AVSampleFormat reelff__sample_to_av(int format); /* interleaved form */
int reelff__sample_bytes(int format);                /* bytes per sample, 0 if unknown */
int reelff__media_from_av(enum AVMediaType type);
const char *reelff__codec_label(int codec);          /* "AV1", "H.264", ... for messages */

/* ---- small utilities ---- */

char *reelff__strdup(const char *s);
/* Packs a timestamp from the caller: REELFF_NOPTS stays AV_NOPTS_VALUE (they are equal). */
#define REELFF__TS(x) ((int64_t)(x))

/* Checks that a rational given by the caller is positive; names it in the message. */
int reelff__check_rational(const char *name_num, int num, const char *name_den, int den);

/* The packet last read by a demuxer, for *_send_demuxed (demuxer.c). NULL if none. */
const AVPacket *reelff__demuxer_last_packet(const reelff_demuxer *demuxer);
const AVStream *reelff__demuxer_stream(const reelff_demuxer *demuxer, int stream);

#endif
