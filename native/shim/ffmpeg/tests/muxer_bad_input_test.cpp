// Every bad input of the muxer: an error code of the right kind and a message that names the
// argument and its limit; nothing written, nothing leaked (the ASan build checks the latter).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cerrno>

#include <string>

#include "mux_helpers.h"

using namespace shimtest;

namespace {

#define EXPECT_FAILS(call, code, text)                                                  \
    do {                                                                                \
        int ret_ = (call);                                                              \
        EXPECT_EQ(ret_, (code)) << #call;                                               \
        EXPECT_STREQ(reelff_last_error(), (text)) << #call;                             \
    } while (0)

TEST(MuxerBadInput, PathsAndContainers)
{
    reelff_muxer *m = nullptr;
    const char *name = nullptr;
    EXPECT_FAILS(reelff_muxer_create(nullptr, nullptr, &m), (-EINVAL), "path is NULL or empty");
    EXPECT_FAILS(reelff_muxer_create("", nullptr, &m), (-EINVAL), "path is NULL or empty");
    EXPECT_FAILS(reelff_muxer_create("/tmp/a.mp4", nullptr, nullptr), (-EINVAL), "out is NULL");
    EXPECT_FAILS(reelff_muxer_create("/tmp/a.avi", nullptr, &m), REELFF_ERROR_UNSUPPORTED,
                 "path /tmp/a.avi: unknown extension '.avi'; the muxer writes .mp4, .m4v, .mov, .webm, .mkv");
    EXPECT_FAILS(reelff_muxer_create("/tmp/a.ivf", nullptr, &m), REELFF_ERROR_UNSUPPORTED,
                 "path /tmp/a.ivf: IVF is written by Reel itself, not by the FFmpeg muxer");
    EXPECT_FAILS(reelff_muxer_create("/tmp.d/noext", nullptr, &m), REELFF_ERROR_UNSUPPORTED,
                 "path /tmp.d/noext has no extension; the muxer writes .mp4, .mov, .webm, .mkv");
    EXPECT_FAILS(reelff_muxer_create("/tmp/a.mp4", "avi", &m), REELFF_ERROR_UNSUPPORTED,
                 "container 'avi' is unknown; allowed mp4, mov, webm, matroska (mkv)");
    EXPECT_EQ(m, nullptr);
    EXPECT_EQ(reelff_container_for_path("/x/Y.MKV", &name), 0);
    EXPECT_STREQ(name, "matroska");
    EXPECT_EQ(reelff_container_for_path("/x/y.m4v", &name), 0);
    EXPECT_STREQ(name, "mp4");
    EXPECT_EQ(reelff_error_kind(reelff_container_for_path("y.flv", &name)), REELFF_KIND_UNSUPPORTED);
    reelff_muxer_destroy(nullptr); // accepted, like free()
}

TEST(MuxerBadInput, StreamsAndOptions)
{
    TempDir dir;
    reelff_muxer *m = nullptr;
    ASSERT_EQ(reelff_muxer_create(dir.file("a.mkv").c_str(), nullptr, &m), 0);
    int index = -1;
    uint8_t extra[4] = {1, 2, 3, 4};
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_OPUS, 64, 64, 1, 30, 30, 1, nullptr, 0, &index),
                 (-EINVAL), "codec is 5; allowed REELFF_CODEC_AV1 (1), _H264 (2), _HEVC (3), _VP9 (4)");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 0, 64, 1, 30, 30, 1, nullptr, 0, &index),
                 (-EINVAL), "width is 0; allowed 1 to 65535");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 70000, 1, 30, 30, 1, nullptr, 0, &index),
                 (-EINVAL), "height is 70000; allowed 1 to 65535");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 64, 0, 30, 30, 1, nullptr, 0, &index),
                 (-EINVAL), "time_base_num is 0; allowed 1 to 2147483647");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 64, 1, -5, 30, 1, nullptr, 0, &index),
                 (-EINVAL), "time_base_den is -5; allowed 1 to 2147483647");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 64, 1, 30, 30, 0, nullptr, 0, &index),
                 (-EINVAL), "frame_rate_den is 0; allowed 1 to 2147483647");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 64, 1, 30, 30, 1, extra, 0, &index),
                 (-EINVAL), "extradata is set but extradata_size is 0");
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 64, 64, 1, 30, 30, 1, extra, -1, &index),
                 (-EINVAL), "extradata_size is -1; allowed 0 to 1048576");
    EXPECT_FAILS(reelff_muxer_add_audio_stream(m, REELFF_CODEC_OPUS, 7999, 2, 1, 48000, extra, 4, 0, 960, &index),
                 (-EINVAL), "sample_rate is 7999; allowed 8000 to 192000");
    EXPECT_FAILS(reelff_muxer_add_audio_stream(m, REELFF_CODEC_OPUS, 48000, 9, 1, 48000, extra, 4, 0, 960, &index),
                 (-EINVAL), "channels is 9; allowed 1 to 8");
    EXPECT_FAILS(reelff_muxer_add_audio_stream(m, REELFF_CODEC_OPUS, 48000, 2, 1, 48000, nullptr, 0, 0, 960, &index),
                 (-EINVAL), "extradata is NULL; audio streams need the codec's configuration (OpusHead or "
                                   "AudioSpecificConfig)");
    EXPECT_FAILS(reelff_muxer_add_audio_stream(m, REELFF_CODEC_AAC, 48000, 2, 1, 48000, extra, 4, -1, 1024, &index),
                 (-EINVAL), "initial_padding is -1; allowed 0 to 1048576");
    EXPECT_FAILS(reelff_muxer_add_audio_stream(m, REELFF_CODEC_AV1, 48000, 2, 1, 48000, extra, 4, 0, 1024, &index),
                 (-EINVAL), "codec is 1; allowed REELFF_CODEC_OPUS (5), REELFF_CODEC_AAC (6)");
    EXPECT_EQ(index, -1);

    EXPECT_FAILS(reelff_muxer_set_option(m, REELFF_MUX_FASTSTART, 1), (-EINVAL),
                 "REELFF_MUX_FASTSTART is 1; only MP4/MOV have a faststart form (this muxer writes matroska)");
    EXPECT_FAILS(reelff_muxer_set_option(m, REELFF_MUX_FLUSH_INTERVAL_MS, 60001), (-EINVAL),
                 "REELFF_MUX_FLUSH_INTERVAL_MS is 60001; allowed 0 to 60000");
    EXPECT_FAILS(reelff_muxer_set_option(m, 99, 0), (-EINVAL),
                 "option is 99; allowed REELFF_MUX_FASTSTART (1), REELFF_MUX_FLUSH_INTERVAL_MS (2), "
                 "REELFF_MUX_FLUSH_PACKETS (3)");
    EXPECT_FAILS(reelff_muxer_begin(m), (-EINVAL), "the muxer has no stream; add one before begin");
    reelff_muxer_destroy(m);
    EXPECT_EQ(access(dir.file("a.mkv").c_str(), F_OK), -1) << "nothing was written";
}

TEST(MuxerBadInput, StatesAndPackets)
{
    TempDir dir;
    std::string path = dir.file("a.webm");
    const Av1Clip &clip = av1_clip();
    reelff_muxer *m = nullptr;
    ASSERT_EQ(reelff_muxer_create(path.c_str(), nullptr, &m), 0);
    int v = -1;
    ASSERT_EQ(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 320, 240, clip.tb_num, clip.tb_den, 30, 1, nullptr,
                                            0, &v), 0);
    const Packet &p0 = clip.packets[0];
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), (int)p0.data.size(), 0, 0, 1, 1),
                 REELFF_ERROR_BAD_STATE, "packets are written between begin and end (this muxer is not begun)");
    EXPECT_FAILS(reelff_muxer_end(m), REELFF_ERROR_BAD_STATE, "reelff_muxer_end before begin");
    ASSERT_EQ(reelff_muxer_begin(m), 0);
    int index;
    EXPECT_FAILS(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 320, 240, 1, 30, 30, 1, nullptr, 0, &index),
                 REELFF_ERROR_BAD_STATE, "streams are added before begin");
    EXPECT_FAILS(reelff_muxer_set_option(m, REELFF_MUX_FLUSH_PACKETS, 0), REELFF_ERROR_BAD_STATE,
                 "muxer options are set before begin");
    EXPECT_FAILS(reelff_muxer_begin(m), REELFF_ERROR_BAD_STATE, "reelff_muxer_begin was called already");
    EXPECT_FAILS(reelff_muxer_write_packet(m, 3, p0.data.data(), 10, 0, 0, 1, 1), (-EINVAL),
                 "stream is 3; this muxer has streams 0 to 0");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, nullptr, 10, 0, 0, 1, 1), (-EINVAL), "data is NULL");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), 0, 0, 0, 1, 1), (-EINVAL),
                 "size is 0; allowed 1 to 268435456");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), 10, REELFF_NOPTS, 0, 1, 1), (-EINVAL),
                 "pts is REELFF_NOPTS; every packet needs a pts");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), 10, 0, 1, 1, 1), (-EINVAL),
                 "dts 1 is above pts 0 (stream 0)");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), 10, 0, 0, -1, 1), (-EINVAL),
                 "duration is -1; allowed 0 or more");
    for (int i = 0; i < 3; i++)
        ASSERT_EQ(reelff_muxer_write_packet(m, v, clip.packets[i].data.data(), (int)clip.packets[i].data.size(), i, i, 1,
                                            clip.packets[i].flags), 0) << reelff_last_error();
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, clip.packets[3].data.data(), (int)clip.packets[3].data.size(), 2,
                                           2, 1, 0),
                 (-EINVAL), "dts 2 of stream 0 is not above the previous packet's 2");
    ASSERT_EQ(reelff_muxer_end(m), 0) << reelff_last_error();
    EXPECT_FAILS(reelff_muxer_end(m), REELFF_ERROR_BAD_STATE, "reelff_muxer_end was called already");
    EXPECT_FAILS(reelff_muxer_write_packet(m, v, p0.data.data(), 10, 9, 9, 1, 1), REELFF_ERROR_BAD_STATE,
                 "packets are written between begin and end (this muxer is ended)");
    reelff_muxer_destroy(m);
    EXPECT_EQ(probe_stream(path, "v:0", "nb_read_packets")["nb_read_packets"], "3");
}

// A stream that never brings its sequence header cannot get an av1C: end says so.
TEST(MuxerBadInput, NoKeyframeBeforeEnd_SaysWhichStream)
{
    TempDir dir;
    const Av1Clip &clip = av1_clip();
    reelff_muxer *m = nullptr;
    std::string path = dir.file("a.mp4");
    ASSERT_EQ(reelff_muxer_create(path.c_str(), nullptr, &m), 0);
    int v;
    ASSERT_EQ(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 320, 240, 1, 30, 30, 1, nullptr, 0, &v), 0);
    ASSERT_EQ(reelff_muxer_begin(m), 0);
    // Frame 1 is an inter frame: no sequence header in it.
    ASSERT_EQ(reelff_muxer_write_packet(m, v, clip.packets[1].data.data(), (int)clip.packets[1].data.size(), 1, 1, 1,
                                        0), 0);
    int ret = reelff_muxer_end(m);
    EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_CORRUPT_DATA);
    EXPECT_EQ(std::string(reelff_last_error()),
              path + ": stream 0 got no keyframe with its codec configuration before end; nothing could be written");
    reelff_muxer_destroy(m);
}

// A file that cannot be created: an I/O error naming the path and the reason, at begin.
TEST(MuxerBadInput, UnwritablePath_IsAnIoErrorAtBegin)
{
    reelff_muxer *m = nullptr;
    ASSERT_EQ(reelff_muxer_create("/nonexistent-dir/x.mp4", nullptr, &m), 0);
    const EncodedAudio &opus = opus_sweep_2s();
    int a;
    ASSERT_EQ(reelff_muxer_add_audio_stream(m, REELFF_CODEC_OPUS, 48000, 2, 1, 48000, opus.extradata.data(),
                                            (int)opus.extradata.size(), opus.padding, opus.frame_size, &a), 0);
    int ret = reelff_muxer_begin(m);
    EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_IO);
    EXPECT_STREQ(reelff_last_error(), "avio_open /nonexistent-dir/x.mp4: No such file or directory");
    reelff_muxer_destroy(m);
}

}  // namespace
