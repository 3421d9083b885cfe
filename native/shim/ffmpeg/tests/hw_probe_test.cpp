// The hardware probe: every device type and hardware codec of this FFmpeg is tried, and each
// answer is either "usable" or a reason naming what is missing. On a machine without a GPU
// (CI, this project's build machine) every probe reports unavailable with its reason, and the
// tests that need hardware skip with that reason.
#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "encode_helpers.h"

using namespace shimtest;

namespace {

TEST(HwProbe, DevicesAnswerUsableOrWhyNot)
{
    for (int type : {REELFF_HW_VAAPI, REELFF_HW_CUDA, REELFF_HW_QSV, REELFF_HW_VULKAN}) {
        int ret = reelff_hw_device_probe(type);
        std::string name = reelff_hw_type_name(type);
        EXPECT_FALSE(name.empty());
        if (ret == 0) {
            printf("%-7s usable\n", name.c_str());
        } else {
            EXPECT_EQ(ret, REELFF_ERROR_UNSUPPORTED) << name;
            std::string reason = reelff_last_error();
            EXPECT_EQ(reason.rfind(name + ": ", 0), 0u) << "the reason names the device type: " << reason;
            printf("%-7s unavailable: %s\n", name.c_str(), reason.c_str());
        }
    }
    EXPECT_EQ(reelff_hw_device_probe(0), -EINVAL);
    EXPECT_STREQ(reelff_hw_type_name(99), "");
}

TEST(HwProbe, CodecsAnswerUsableOrWhyNot)
{
    struct Probe {
        const char *name;
        int encoder;
    } probes[] = {{"h264_vaapi", 1}, {"hevc_vaapi", 1}, {"h264_nvenc", 1}, {"hevc_nvenc", 1}, {"h264_qsv", 1},
                  {"hevc_qsv", 1},   {"h264_cuvid", 0}, {"hevc_cuvid", 0}, {"av1_cuvid", 0},  {"vp9_cuvid", 0},
                  {"h264_qsv", 0},   {"hevc_qsv", 0},   {"av1_nvenc", 1},  {"av1_vaapi", 1}};
    for (const Probe &p : probes) {
        int ret = reelff_hw_codec_probe(p.name, p.encoder);
        if (ret == 0) {
            printf("%-10s %s usable\n", p.name, p.encoder ? "encoder" : "decoder");
            continue;
        }
        EXPECT_EQ(ret, REELFF_ERROR_UNSUPPORTED) << p.name;
        std::string reason = reelff_last_error();
        EXPECT_EQ(reason.rfind(std::string(p.name) + ": ", 0), 0u) << reason;
        printf("%-10s %s unavailable: %s\n", p.name, p.encoder ? "encoder" : "decoder", reason.c_str());
    }
    // FFmpeg 5.1 has no hardware AV1 encoder at all.
    EXPECT_EQ(reelff_hw_codec_probe("av1_nvenc", 1), REELFF_ERROR_UNSUPPORTED);
    EXPECT_STREQ(reelff_last_error(), "av1_nvenc: this FFmpeg has no such encoder");
    EXPECT_EQ(reelff_hw_codec_probe(nullptr, 1), -EINVAL);
}

TEST(HwProbe, FramesContextMemoryEstimate)
{
    int64_t bytes = 0;
    ASSERT_EQ(reelff_hw_frames_estimate(REELFF_PIXEL_NV12, 1920, 1080, 20, &bytes), 0);
    EXPECT_EQ(bytes, 20LL * 1920 * 1088 * 3 / 2) << "1080 rounds up to 1088 surface rows";
    ASSERT_EQ(reelff_hw_frames_estimate(REELFF_PIXEL_P010, 3840, 2160, 8, &bytes), 0);
    EXPECT_EQ(bytes, 8LL * 3840 * 2176 * 3);
    EXPECT_EQ(reelff_hw_frames_estimate(REELFF_PIXEL_I444, 64, 64, 1, &bytes), -EINVAL);
    EXPECT_EQ(reelff_hw_frames_estimate(REELFF_PIXEL_NV12, 64, 64, 0, &bytes), -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "pool_size is 0; allowed 1 to 1024");
}

// A round trip through each hardware encoder where the probe says it is usable; skipped with
// the probe's reason elsewhere.
class HwEncoder : public ::testing::TestWithParam<const char *> {};

TEST_P(HwEncoder, RoundTripWhereTheHardwareExists)
{
    if (reelff_hw_codec_probe(GetParam(), 1) != 0)
        GTEST_SKIP() << reelff_last_error();
    const SourceVideo &src = source_video(REELFF_PIXEL_NV12, 320, 240, 30);
    EncodeResult r = encode_video(GetParam(), src, 30, [](reelff_video_encoder *e) {
        reelff_video_encoder_set_int(e, REELFF_VENC_RATE_CONTROL, REELFF_RC_CBR);
        reelff_video_encoder_set_int(e, REELFF_VENC_BITRATE, 1000000);
    });
    ASSERT_EQ(r.open_ret, 0) << r.open_message;
    int pictures = 0;
    double psnr = decode_psnr(std::string(GetParam()).rfind("h264", 0) == 0 ? REELFF_CODEC_H264 : REELFF_CODEC_HEVC, r,
                              src, &pictures);
    printf("%s: %.2f dB over %d pictures\n", GetParam(), psnr, pictures);
    EXPECT_EQ(pictures, 30);
    EXPECT_GE(psnr, 32);
    EXPECT_EQ(r.frames_done, 30);
}

INSTANTIATE_TEST_SUITE_P(Encoders, HwEncoder,
                         ::testing::Values("h264_nvenc", "hevc_nvenc", "h264_vaapi", "hevc_vaapi", "h264_qsv",
                                           "hevc_qsv"),
                         [](const auto &info) { return std::string(info.param); });

// Hardware decoders (NVDEC through cuvid): pictures land in host buffers too (cuvid downloads
// through get_buffer2). Skipped with the probe's reason without an NVIDIA GPU.
class HwDecoder : public ::testing::TestWithParam<const char *> {};

TEST_P(HwDecoder, DecodesLikeTheSoftwareDecoder)
{
    if (reelff_hw_codec_probe(GetParam(), 0) != 0)
        GTEST_SKIP() << reelff_last_error();
    std::string path = cached_media(std::string(GetParam()) + "-src.mp4", [&](const std::string &p) {
        make_video(p, std::string(GetParam()).rfind("h264", 0) == 0 ? "-c:v libx264 -pix_fmt yuv420p"
                                                                     : "-c:v libx265 -pix_fmt yuv420p",
                   30, 320, 240, 30);
    });
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(path.c_str(), &d), 0);
    reelff_video_decoder *dec = nullptr;
    ASSERT_EQ(reelff_video_decoder_create_for_stream(d, 0, GetParam(), 0, nullptr, nullptr, nullptr, &dec), 0)
        << reelff_last_error();
    int frames = 0;
    for (;;) {
        int s, size;
        const uint8_t *data;
        int ret = reelff_demuxer_read_packet(d, &s, &data, &size, nullptr, nullptr, nullptr, nullptr);
        if (ret < 0)
            reelff_video_decoder_send_packet(dec, nullptr, 0, 0, 0, 0);
        else
            reelff_video_decoder_send_demuxed(dec, d, s);
        int format, w, h, flags;
        uint8_t *planes[4];
        int32_t strides[4];
        int64_t pts;
        void *cookie;
        while (reelff_video_decoder_receive(dec, &format, &w, &h, planes, strides, &pts, &flags, &cookie) == 0)
            frames++;
        if (ret < 0)
            break;
    }
    EXPECT_EQ(frames, 30);
    reelff_video_decoder_destroy(dec);
    reelff_demuxer_destroy(d);
}

INSTANTIATE_TEST_SUITE_P(Decoders, HwDecoder, ::testing::Values("h264_cuvid", "hevc_cuvid"),
                         [](const auto &info) { return std::string(info.param); });

}  // namespace
