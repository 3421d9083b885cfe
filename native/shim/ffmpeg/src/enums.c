/* The shim's stable enumerations <-> FFmpeg's. FFmpeg's enum values never cross the ABI:
 * they are not promised stable across majors, and the C# side would have to mirror them. */
#include "shim_internal.h"

#include <stdlib.h>
#include <string.h>

#include <libavutil/rational.h>

enum AVCodecID reelff__codec_to_av(int codec)
{
    switch (codec) {
    case REELFF_CODEC_AV1: return AV_CODEC_ID_AV1;
    case REELFF_CODEC_H264: return AV_CODEC_ID_H264;
    case REELFF_CODEC_HEVC: return AV_CODEC_ID_HEVC;
    case REELFF_CODEC_VP9: return AV_CODEC_ID_VP9;
    case REELFF_CODEC_OPUS: return AV_CODEC_ID_OPUS;
    case REELFF_CODEC_AAC: return AV_CODEC_ID_AAC;
    case REELFF_CODEC_VP8: return AV_CODEC_ID_VP8;
    case REELFF_CODEC_VORBIS: return AV_CODEC_ID_VORBIS;
    case REELFF_CODEC_FLAC: return AV_CODEC_ID_FLAC;
    case REELFF_CODEC_MP3: return AV_CODEC_ID_MP3;
    default: return AV_CODEC_ID_NONE;
    }
}

int reelff__codec_from_av(enum AVCodecID id)
{
    switch (id) {
    case AV_CODEC_ID_AV1: return REELFF_CODEC_AV1;
    case AV_CODEC_ID_H264: return REELFF_CODEC_H264;
    case AV_CODEC_ID_HEVC: return REELFF_CODEC_HEVC;
    case AV_CODEC_ID_VP9: return REELFF_CODEC_VP9;
    case AV_CODEC_ID_OPUS: return REELFF_CODEC_OPUS;
    case AV_CODEC_ID_AAC: return REELFF_CODEC_AAC;
    case AV_CODEC_ID_VP8: return REELFF_CODEC_VP8;
    case AV_CODEC_ID_VORBIS: return REELFF_CODEC_VORBIS;
    case AV_CODEC_ID_FLAC: return REELFF_CODEC_FLAC;
    case AV_CODEC_ID_MP3: return REELFF_CODEC_MP3;
    default:
        /* Every PCM codec id lies in one block of the enum. */
        if (id >= AV_CODEC_ID_FIRST_AUDIO && id < AV_CODEC_ID_ADPCM_IMA_QT)
            return REELFF_CODEC_PCM;
        return REELFF_CODEC_OTHER;
    }
}

const char *reelff__codec_label(int codec)
{
    switch (codec) {
    case REELFF_CODEC_AV1: return "AV1";
    case REELFF_CODEC_H264: return "H.264";
    case REELFF_CODEC_HEVC: return "HEVC";
    case REELFF_CODEC_VP9: return "VP9";
    case REELFF_CODEC_OPUS: return "Opus";
    case REELFF_CODEC_AAC: return "AAC";
    case REELFF_CODEC_PCM: return "PCM";
    case REELFF_CODEC_VP8: return "VP8";
    case REELFF_CODEC_VORBIS: return "Vorbis";
    case REELFF_CODEC_FLAC: return "FLAC";
    case REELFF_CODEC_MP3: return "MP3";
    default: return "unknown codec";
    }
}

enum AVPixelFormat reelff__pixel_to_av(int format)
{
    switch (format) {
    case REELFF_PIXEL_I420: return AV_PIX_FMT_YUV420P;
    case REELFF_PIXEL_NV12: return AV_PIX_FMT_NV12;
    case REELFF_PIXEL_I010: return AV_PIX_FMT_YUV420P10LE;
    case REELFF_PIXEL_P010: return AV_PIX_FMT_P010LE;
    case REELFF_PIXEL_I422: return AV_PIX_FMT_YUV422P;
    case REELFF_PIXEL_I444: return AV_PIX_FMT_YUV444P;
    case REELFF_PIXEL_GRAY8: return AV_PIX_FMT_GRAY8;
    default: return AV_PIX_FMT_NONE;
    }
}

int reelff__pixel_from_av(enum AVPixelFormat format)
{
    switch (format) {
    /* The JPEG-range aliases are the same memory layout. */
    case AV_PIX_FMT_YUV420P: case AV_PIX_FMT_YUVJ420P: return REELFF_PIXEL_I420;
    case AV_PIX_FMT_NV12: return REELFF_PIXEL_NV12;
    case AV_PIX_FMT_YUV420P10LE: return REELFF_PIXEL_I010;
    case AV_PIX_FMT_P010LE: return REELFF_PIXEL_P010;
    case AV_PIX_FMT_YUV422P: case AV_PIX_FMT_YUVJ422P: return REELFF_PIXEL_I422;
    case AV_PIX_FMT_YUV444P: case AV_PIX_FMT_YUVJ444P: return REELFF_PIXEL_I444;
    case AV_PIX_FMT_GRAY8: return REELFF_PIXEL_GRAY8;
    default: return REELFF_PIXEL_OTHER;
    }
}

enum AVSampleFormat reelff__sample_to_av(int format)
{
    switch (format) {
    case REELFF_SAMPLE_S16: return AV_SAMPLE_FMT_S16;
    case REELFF_SAMPLE_S32: return AV_SAMPLE_FMT_S32;
    case REELFF_SAMPLE_F32: return AV_SAMPLE_FMT_FLT;
    default: return AV_SAMPLE_FMT_NONE;
    }
}

int reelff__sample_bytes(int format)
{
    switch (format) {
    case REELFF_SAMPLE_S16: return 2;
    case REELFF_SAMPLE_S32: return 4;
    case REELFF_SAMPLE_F32: return 4;
    default: return 0;
    }
}

int reelff__media_from_av(enum AVMediaType type)
{
    switch (type) {
    case AVMEDIA_TYPE_VIDEO: return REELFF_MEDIA_VIDEO;
    case AVMEDIA_TYPE_AUDIO: return REELFF_MEDIA_AUDIO;
    case AVMEDIA_TYPE_SUBTITLE: return REELFF_MEDIA_SUBTITLE;
    case AVMEDIA_TYPE_DATA: return REELFF_MEDIA_DATA;
    default: return REELFF_MEDIA_OTHER;
    }
}

char *reelff__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);
    if (copy)
        memcpy(copy, s, n);
    return copy;
}

int reelff__check_rational(const char *name_num, int num, const char *name_den, int den)
{
    if (num <= 0)
        return reelff__fail(AVERROR(EINVAL), "%s is %d; allowed 1 to %d", name_num, num, INT32_MAX);
    if (den <= 0)
        return reelff__fail(AVERROR(EINVAL), "%s is %d; allowed 1 to %d", name_den, den, INT32_MAX);
    return 0;
}
