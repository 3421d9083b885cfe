// Settings an encoder cannot honour are refused with a message that names the setting and what
// the encoder takes; states and ranges likewise.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "reel_ffmpeg.h"

extern "C" {
#include <libavutil/avutil.h>
}

namespace {

struct Encoder {
    reelff_video_encoder *e = nullptr;
    explicit Encoder(const char *name, int width = 320, int height = 240)
    {
        EXPECT_EQ(reelff_video_encoder_create(name, [](void *, void *) {}, nullptr, &e), 0) << reelff_last_error();
        if (e && width) {
            reelff_video_encoder_set_int(e, REELFF_VENC_WIDTH, width);
            reelff_video_encoder_set_int(e, REELFF_VENC_HEIGHT, height);
        }
    }
    ~Encoder() { reelff_video_encoder_destroy(e); }
};

#define EXPECT_REFUSED(call, code, text)                      \
    do {                                                      \
        int ret_ = (call);                                    \
        EXPECT_EQ(ret_, (code)) << #call;                     \
        EXPECT_EQ(std::string(reelff_last_error()), (text)); \
    } while (0)

TEST(EncoderSettings, EncodersTheShimDrives)
{
    reelff_video_encoder *e = nullptr;
    auto done = [](void *, void *) {};
    EXPECT_REFUSED(reelff_video_encoder_create("libsvtav1", done, nullptr, &e), REELFF_ERROR_UNSUPPORTED,
                   std::string("encoder_name 'libsvtav1': the shim drives libx264, libx265, h264_nvenc, hevc_nvenc, "
                               "h264_qsv, hevc_qsv, h264_vaapi, hevc_vaapi (FFmpeg ") +
                       av_version_info() + " has no hardware AV1 encoder)");
    EXPECT_REFUSED(reelff_video_encoder_create("libx264", nullptr, nullptr, &e), -EINVAL, "done is NULL");
    EXPECT_EQ(e, nullptr);
    // Every wrapper the shim drives exists in Debian's build (whether its hardware does is the
    // probe's question).
    for (const char *name : {"libx264", "libx265", "h264_nvenc", "hevc_nvenc", "h264_qsv", "hevc_qsv", "h264_vaapi",
                             "hevc_vaapi"}) {
        EXPECT_EQ(reelff_video_encoder_create(name, done, nullptr, &e), 0) << name << ": " << reelff_last_error();
        reelff_video_encoder_destroy(e);
        e = nullptr;
    }
}

TEST(EncoderSettings, RangesAndKeys)
{
    Encoder x("libx264", 0);
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_WIDTH, 8), -EINVAL,
                   "REELFF_VENC_WIDTH is 8; allowed 16 to 16384");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_QUALITY, 70), -EINVAL,
                   "REELFF_VENC_QUALITY is 70; allowed 0 to 69");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_BITRATE, 999), -EINVAL,
                   "REELFF_VENC_BITRATE is 999; allowed 10000 to 800000000");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_B_FRAMES, 17), -EINVAL,
                   "REELFF_VENC_B_FRAMES is 17; allowed -1 to 16");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, 99, 1), -EINVAL,
                   "key is 99; allowed REELFF_VENC_WIDTH (1) to REELFF_VENC_LEVEL (18)");
    EXPECT_REFUSED(reelff_video_encoder_set_string(x.e, 9, "x"), -EINVAL,
                   "key is 9; allowed REELFF_VENC_PROFILE (1), REELFF_VENC_PRESET (2), REELFF_VENC_TUNE (3)");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_LEVEL, 43), REELFF_ERROR_UNSUPPORTED,
                   "REELFF_VENC_LEVEL 43: H.264 levels (x10) are 0 (auto) 10 11 12 13 20 21 22 30 31 32 40 41 42 50 "
                   "51 52 60 61 62");
    EXPECT_REFUSED(reelff_video_encoder_open(x.e), -EINVAL, "REELFF_VENC_WIDTH is not set");
}

TEST(EncoderSettings, WhatLibx264CannotHonour)
{
    {
        Encoder x("libx264", 321, 240);
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), -EINVAL, "REELFF_VENC_WIDTH is 321; 4:2:0 needs an even width");
    }
    {
        Encoder x("libx264");
        EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_PIXEL_FORMAT, REELFF_PIXEL_P010),
                       REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PIXEL_FORMAT p010le: libx264 takes yuv420p yuvj420p yuv422p yuvj422p yuv444p "
                       "yuvj444p nv12 nv16 nv21 yuv420p10le yuv422p10le yuv444p10le nv20le gray gray10le");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PROFILE, "baseline");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_B_FRAMES, 2);
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_B_FRAMES 2: profile baseline has no B-frames");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_PIXEL_FORMAT, REELFF_PIXEL_I010);
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PROFILE, "high");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PROFILE 'high' is 8-bit only; the pixel format is 10-bit (use high10)");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PROFILE, "extended");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PROFILE 'extended': libx264 profiles for 4:2:0 are baseline, main, high, high10, "
                       "high422, high444");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PRESET, "fastest");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PRESET 'fastest': libx264 presets are ultrafast, superfast, veryfast, faster, "
                       "fast, medium, slow, slower, veryslow, placebo");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_string(x.e, REELFF_VENC_TUNE, "music");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_TUNE 'music': libx264 tunes are film, animation, grain, stillimage, psnr, ssim, "
                       "fastdecode, zerolatency");
    }
    {
        Encoder x("libx264");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_LOW_LATENCY, 1);
        reelff_video_encoder_set_int(x.e, REELFF_VENC_B_FRAMES, 3);
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), -EINVAL,
                       "REELFF_VENC_B_FRAMES 3 with REELFF_VENC_LOW_LATENCY: low latency has no B-frames");
    }
}

TEST(EncoderSettings, RateControlNeedsItsParameters)
{
    struct Case {
        int rc, quality;
        int64_t bitrate, max;
        const char *message;
    } cases[] = {
        {REELFF_RC_CQP, -1, 0, 0, "REELFF_VENC_QUALITY is not set; CQP needs the QP"},
        {REELFF_RC_CRF, -1, 0, 0, "REELFF_VENC_QUALITY is not set; CRF needs the CRF"},
        {REELFF_RC_CQP, 20, 500000, 0, "REELFF_VENC_BITRATE is set but CQP has no target bitrate "
                                       "(REELFF_VENC_MAX_BITRATE caps CRF)"},
        {REELFF_RC_CQP, 20, 0, 500000, "REELFF_VENC_MAX_BITRATE is set but CQP has no rate cap"},
        {REELFF_RC_VBR, -1, 0, 0, "REELFF_VENC_BITRATE is not set; VBR needs it"},
        {REELFF_RC_CBR, 20, 500000, 0, "REELFF_VENC_QUALITY is set but CBR is bitrate-driven"},
        {REELFF_RC_VBR, -1, 500000, 400000, "REELFF_VENC_MAX_BITRATE 400000 is below REELFF_VENC_BITRATE 500000"},
        {REELFF_RC_CBR, -1, 500000, 600000, "REELFF_VENC_MAX_BITRATE 600000 differs from REELFF_VENC_BITRATE 500000 "
                                            "in CBR"},
        {REELFF_RC_DEFAULT, 20, 0, 0, "REELFF_VENC_QUALITY is set but REELFF_VENC_RATE_CONTROL is DEFAULT; choose "
                                      "CQP, CRF, VBR or CBR"},
        {REELFF_RC_CRF, 60, 0, 0, "REELFF_VENC_QUALITY 60: libx264 takes CRF 0 to 51"},
    };
    for (const Case &c : cases) {
        Encoder x("libx264");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_RATE_CONTROL, c.rc);
        if (c.quality >= 0)
            reelff_video_encoder_set_int(x.e, REELFF_VENC_QUALITY, c.quality);
        if (c.bitrate)
            reelff_video_encoder_set_int(x.e, REELFF_VENC_BITRATE, c.bitrate);
        if (c.max)
            reelff_video_encoder_set_int(x.e, REELFF_VENC_MAX_BITRATE, c.max);
        reelff_video_encoder_open(x.e);
        EXPECT_EQ(std::string(reelff_last_error()), c.message);
    }
}

TEST(EncoderSettings, WhatLibx265CannotHonour)
{
    {
        Encoder x("libx265");
        EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_PIXEL_FORMAT, REELFF_PIXEL_NV12),
                       REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PIXEL_FORMAT nv12: libx265 takes yuv420p yuvj420p yuv422p yuvj422p yuv444p yuvj444p "
                       "gbrp yuv420p10le yuv422p10le yuv444p10le gbrp10le yuv420p12le yuv422p12le yuv444p12le gbrp12le "
                       "gray gray10le gray12le");
    }
    {
        Encoder x("libx265");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_PIXEL_FORMAT, REELFF_PIXEL_I010);
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PROFILE, "main");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_PROFILE 'main' is 8-bit only; the pixel format is 10-bit (use main10)");
    }
    {
        Encoder x("libx265");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_LOW_LATENCY, 1);
        reelff_video_encoder_set_string(x.e, REELFF_VENC_TUNE, "grain");
        EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_TUNE 'grain' with REELFF_VENC_LOW_LATENCY: libx265 takes one tune and low latency "
                       "is tune zerolatency");
    }
    {
        Encoder x("libx265");
        EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_LEVEL, 42), REELFF_ERROR_UNSUPPORTED,
                       "REELFF_VENC_LEVEL 42: HEVC levels (x10) are 0 (auto) 10 20 21 30 31 40 41 50 51 52 60 61 62");
    }
    {
        // A level x265 accepts is passed on (x265-params level-idc) and the encoder opens.
        Encoder x("libx265");
        reelff_video_encoder_set_int(x.e, REELFF_VENC_LEVEL, 41);
        reelff_video_encoder_set_string(x.e, REELFF_VENC_PRESET, "ultrafast");
        EXPECT_EQ(reelff_video_encoder_open(x.e), 0) << reelff_last_error();
    }
}

// Hardware wrappers name their private options' values when one is refused (named constants).
TEST(EncoderSettings, HardwareWrappersListTheirPresets)
{
    Encoder x("h264_nvenc");
    reelff_video_encoder_set_string(x.e, REELFF_VENC_PRESET, "ultrafast");
    int ret = reelff_video_encoder_open(x.e);
    EXPECT_EQ(ret, REELFF_ERROR_UNSUPPORTED);
    std::string message = reelff_last_error();
    EXPECT_EQ(message.rfind("REELFF_VENC_PRESET 'ultrafast': h264_nvenc does not take it; it takes ", 0), 0u) << message;
    EXPECT_NE(message.find("p4"), std::string::npos) << message;
    Encoder v("h264_vaapi");
    reelff_video_encoder_set_string(v.e, REELFF_VENC_PRESET, "fast");
    EXPECT_REFUSED(reelff_video_encoder_open(v.e), REELFF_ERROR_UNSUPPORTED,
                   "REELFF_VENC_PRESET 'fast': h264_vaapi has no presets");
}

TEST(EncoderSettings, States)
{
    Encoder x("libx264");
    const uint8_t *data;
    int size;
    EXPECT_REFUSED(reelff_video_encoder_extradata(x.e, &data, &size), REELFF_ERROR_BAD_STATE, "extradata exists after open");
    EXPECT_REFUSED(reelff_video_encoder_flush(x.e), REELFF_ERROR_BAD_STATE, "reelff_video_encoder_flush before open");
    const uint8_t *planes[3] = {nullptr, nullptr, nullptr};
    int32_t strides[3] = {0, 0, 0};
    EXPECT_REFUSED(reelff_video_encoder_send_frame(x.e, planes, strides, 0, 0, nullptr), REELFF_ERROR_BAD_STATE,
                   "frames are sent between open and flush (this encoder is not open)");
    reelff_video_encoder_set_string(x.e, REELFF_VENC_PRESET, "ultrafast");
    ASSERT_EQ(reelff_video_encoder_open(x.e), 0);
    EXPECT_REFUSED(reelff_video_encoder_open(x.e), REELFF_ERROR_BAD_STATE, "the encoder is open already");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_WIDTH, 640), REELFF_ERROR_BAD_STATE,
                   "setting 1 cannot change on an open encoder; only REELFF_VENC_BITRATE, _MAX_BITRATE and "
                   "_BUFFER_SIZE may");
    EXPECT_REFUSED(reelff_video_encoder_set_string(x.e, REELFF_VENC_TUNE, "film"), REELFF_ERROR_BAD_STATE,
                   "string settings are set before open");
    EXPECT_REFUSED(reelff_video_encoder_set_int(x.e, REELFF_VENC_BITRATE, 500000), REELFF_ERROR_UNSUPPORTED,
                   "REELFF_VENC_BITRATE: the encoder runs DEFAULT, which has no target bitrate");
    ASSERT_EQ(reelff_video_encoder_flush(x.e), 0);
    EXPECT_REFUSED(reelff_video_encoder_flush(x.e), REELFF_ERROR_BAD_STATE, "reelff_video_encoder_flush was called already");
    EXPECT_REFUSED(reelff_video_encoder_send_frame(x.e, planes, strides, 0, 0, nullptr), REELFF_ERROR_BAD_STATE,
                   "frames are sent between open and flush (this encoder is flushed)");
}

}  // namespace
