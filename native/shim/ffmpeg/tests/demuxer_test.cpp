// The demuxer: stream properties, packets, seeking through each container's own index, and
// the index itself, on the AV1 clip in IVF (made by FFmpeg's libsvtav1) and in the containers
// the shim's muxer writes; WAV made by the ffmpeg CLI.
#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

extern "C" {
#include <libavformat/avformat.h>
}

#include "mux_helpers.h"

using namespace shimtest;

namespace {

struct Case {
    const char *name;
    const char *ext;
    bool faststart;
    int64_t frame_count; // what REELFF_STREAM_FRAME_COUNT should say (0 = unknown)
};

// The clip in a container (IVF: the clip itself), with Opus audio alongside.
std::string clip_in(const TempDir &dir, const Case &c)
{
    const Av1Clip &clip = av1_clip();
    if (!strcmp(c.ext, "ivf"))
        return clip.ivf;
    std::string path = dir.file(std::string(c.name) + "." + c.ext);
    VideoTrack v;
    v.width = Av1Clip::kWidth;
    v.height = Av1Clip::kHeight;
    v.tb_num = clip.tb_num;
    v.tb_den = clip.tb_den;
    v.packets = &clip.packets;
    AudioTrack a;
    a.encoded = &opus_sweep_2s();
    std::vector<std::pair<int, int64_t>> options;
    if (!c.faststart && !strcmp(c.ext, "mp4"))
        options.push_back({REELFF_MUX_FASTSTART, 0});
    MuxResult r = mux(path, nullptr, &v, &a, options);
    EXPECT_EQ(r.ret, 0) << reelff_last_error();
    return path;
}

int64_t prop(reelff_demuxer *d, int stream, int property)
{
    int64_t value = -12345;
    EXPECT_EQ(reelff_demuxer_stream_property(d, stream, property, &value), 0) << reelff_last_error();
    return value;
}

void PrintTo(const Case &c, std::ostream *os)
{
    *os << c.name;
}

class Demuxer : public ::testing::TestWithParam<Case> {};

TEST_P(Demuxer, PropertiesPacketsAndIndex)
{
    TempDir dir;
    std::string path = clip_in(dir, GetParam());
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(path.c_str(), &d), 0) << reelff_last_error();
    int v = reelff_demuxer_best_stream(d, REELFF_MEDIA_VIDEO);
    ASSERT_GE(v, 0);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_MEDIA_TYPE), REELFF_MEDIA_VIDEO);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_CODEC), REELFF_CODEC_AV1);
    EXPECT_STREQ(reelff_demuxer_stream_codec_name(d, v), "av1");
    EXPECT_EQ(prop(d, v, REELFF_STREAM_WIDTH), 320);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_HEIGHT), 240);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_FRAME_RATE_NUM) * 1.0 / prop(d, v, REELFF_STREAM_FRAME_RATE_DEN), 30.0);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_PIXEL_FORMAT), REELFF_PIXEL_I420);
    EXPECT_EQ(prop(d, v, REELFF_STREAM_FRAME_COUNT), GetParam().frame_count);
    int64_t tb_num = prop(d, v, REELFF_STREAM_TIME_BASE_NUM), tb_den = prop(d, v, REELFF_STREAM_TIME_BASE_DEN);
    EXPECT_NEAR(prop(d, -1, REELFF_DEMUXER_DURATION_US) / 1e6, 2.0, 0.05);
    EXPECT_EQ(prop(d, -1, REELFF_DEMUXER_FILE_SIZE), (int64_t)read_file(path).size());
    const uint8_t *extra;
    int extra_size;
    ASSERT_EQ(reelff_demuxer_stream_extradata(d, v, &extra, &extra_size), 0);
    if (strcmp(GetParam().ext, "ivf")) {
        ASSERT_GE(extra_size, 4);
        EXPECT_EQ(extra[0], 0x81) << "an av1C record (marker 1, version 1)";
        int a = reelff_demuxer_best_stream(d, REELFF_MEDIA_AUDIO);
        ASSERT_GE(a, 0);
        EXPECT_EQ(prop(d, a, REELFF_STREAM_CODEC), REELFF_CODEC_OPUS);
        EXPECT_EQ(prop(d, a, REELFF_STREAM_SAMPLE_RATE), 48000);
        EXPECT_EQ(prop(d, a, REELFF_STREAM_CHANNELS), 2);
        EXPECT_EQ(prop(d, a, REELFF_STREAM_INITIAL_PADDING), 312);
    }

    // Every packet, keyframes every 15 frames.
    std::vector<int64_t> pts;
    std::vector<int> keys;
    for (;;) {
        int s, size, flags;
        const uint8_t *data;
        int64_t p, dts, duration;
        int ret = reelff_demuxer_read_packet(d, &s, &data, &size, &p, &dts, &duration, &flags);
        if (ret == REELFF_ERROR_EOF)
            break;
        ASSERT_EQ(ret, 0) << reelff_last_error();
        if (s != v)
            continue;
        if (flags & REELFF_PACKET_KEYFRAME)
            keys.push_back((int)pts.size());
        pts.push_back(p);
    }
    ASSERT_EQ(pts.size(), 60u);
    EXPECT_EQ(keys, (std::vector<int>{0, 15, 30, 45}));
    for (int i = 0; i < 60; i++)
        EXPECT_EQ(av_rescale(pts[i], tb_num * 1000, tb_den), std::llround(i * 1000.0 / 30)) << "frame " << i << " (ms)";

    // The container's index: MP4 lists every sample, Matroska its Cues (the keyframes), IVF
    // what the generic index saw while reading.
    int64_t entries = prop(d, v, REELFF_STREAM_INDEX_ENTRIES);
    std::vector<int64_t> key_entries;
    for (int i = 0; i < entries; i++) {
        int64_t ts, pos;
        int flags, size;
        ASSERT_EQ(reelff_demuxer_index_entry(d, v, i, &ts, &flags, &pos, &size), 0);
        if (flags & REELFF_PACKET_KEYFRAME)
            key_entries.push_back(ts);
    }
    std::vector<int64_t> key_pts = {pts[0], pts[15], pts[30], pts[45]};
    EXPECT_EQ(key_entries, key_pts);
    printf("%s: %lld index entries, %zu keyframes among them\n", GetParam().name, (long long)entries,
           key_entries.size());

    // Seeking any frame lands on the keyframe at or before it.
    for (int target : {59, 0, 7, 15, 16, 44, 45, 31}) {
        ASSERT_EQ(reelff_demuxer_seek(d, v, pts[target], 0), 0) << reelff_last_error();
        int s = -1, size, flags = 0;
        const uint8_t *data;
        int64_t p = 0;
        do {
            ASSERT_EQ(reelff_demuxer_read_packet(d, &s, &data, &size, &p, nullptr, nullptr, &flags), 0);
        } while (s != v);
        EXPECT_EQ(p, pts[target / 15 * 15]) << "seek to frame " << target;
        EXPECT_TRUE(flags & REELFF_PACKET_KEYFRAME) << "seek to frame " << target;
    }
    reelff_demuxer_destroy(d);
}

INSTANTIATE_TEST_SUITE_P(Containers, Demuxer,
                         ::testing::Values(Case{"ivf", "ivf", false, 60}, Case{"mp4", "mp4", true, 60},
                                           Case{"mp4_fragmented", "mp4", false, 60}, Case{"webm", "webm", false, 0},
                                           Case{"mkv", "mkv", false, 0}),
                         [](const auto &info) { return std::string(info.param.name); });

TEST(DemuxerWav, PcmStreamProperties)
{
    TempDir dir;
    std::string wav = dir.file("tone.wav");
    must_run("ffmpeg -v error -f lavfi -i sine=frequency=440:sample_rate=44100:duration=1.5 -ac 2 -c:a pcm_s16le '" +
             wav + "'");
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(wav.c_str(), &d), 0) << reelff_last_error();
    EXPECT_STREQ(reelff_demuxer_format_name(d), "wav");
    int a = reelff_demuxer_best_stream(d, REELFF_MEDIA_AUDIO);
    ASSERT_EQ(a, 0);
    EXPECT_EQ(prop(d, a, REELFF_STREAM_CODEC), REELFF_CODEC_PCM);
    EXPECT_STREQ(reelff_demuxer_stream_codec_name(d, a), "pcm_s16le");
    EXPECT_EQ(prop(d, a, REELFF_STREAM_SAMPLE_RATE), 44100);
    EXPECT_EQ(prop(d, a, REELFF_STREAM_CHANNELS), 2);
    EXPECT_EQ(prop(d, a, REELFF_STREAM_BITS_PER_SAMPLE), 16);
    EXPECT_EQ(reelff_demuxer_best_stream(d, REELFF_MEDIA_VIDEO), AVERROR_STREAM_NOT_FOUND);
    EXPECT_EQ(std::string(reelff_last_error()), wav + " has no video stream");
    reelff_demuxer_destroy(d);
}

TEST(DemuxerBadInput, FilesStreamsAndProperties)
{
    reelff_demuxer *d = nullptr;
    int ret = reelff_demuxer_open("/nonexistent/clip.mp4", &d);
    EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_IO);
    EXPECT_STREQ(reelff_last_error(), "avformat_open_input /nonexistent/clip.mp4: No such file or directory");
    TempDir dir;
    std::string text = dir.file("notes.mp4");
    std::ofstream(text) << "this is not a video file, just some words\n";
    ret = reelff_demuxer_open(text.c_str(), &d);
    EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_CORRUPT_DATA) << reelff_last_error();
    EXPECT_NE(std::string(reelff_last_error()).find("avformat_open_input " + text), std::string::npos);
    EXPECT_EQ(d, nullptr);
    EXPECT_EQ(reelff_demuxer_open(nullptr, &d), -EINVAL);

    ASSERT_EQ(reelff_demuxer_open(av1_clip().ivf.c_str(), &d), 0);
    int64_t value;
    EXPECT_EQ(reelff_demuxer_stream_property(d, 1, REELFF_STREAM_WIDTH, &value), -EINVAL);
    EXPECT_EQ(std::string(reelff_last_error()), "stream is 1; " + av1_clip().ivf + " has streams 0 to 0");
    EXPECT_EQ(reelff_demuxer_stream_property(d, 0, 77, &value), -EINVAL);
    EXPECT_STREQ(reelff_last_error(),
                 "property is 77; allowed REELFF_STREAM_MEDIA_TYPE (1) to REELFF_STREAM_BITS_PER_SAMPLE (19)");
    EXPECT_EQ(reelff_demuxer_stream_property(d, -1, REELFF_STREAM_WIDTH, &value), -EINVAL);
    EXPECT_EQ(reelff_demuxer_seek(d, 0, 0, 0x8), -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "flags is 0x8; allowed 0 or REELFF_SEEK_ANY (0x1)");
    EXPECT_EQ(reelff_demuxer_index_entry(d, 0, 100000, nullptr, nullptr, nullptr, nullptr), -EINVAL);
    EXPECT_STREQ(reelff_demuxer_stream_codec_name(d, 5), "");
    reelff_demuxer_destroy(d);
    reelff_demuxer_destroy(nullptr);
}

// A media file must not make libavformat open other files or URLs: an HLS playlist or a concat
// script naming the clip (a readable local file) is refused as unsupported, naming its format,
// before any referenced file is opened.
TEST(DemuxerBadInput, PlaylistsAndScriptsAreNotRead)
{
    TempDir dir;
    const std::string target = av1_clip().ivf;
    struct Script {
        const char *file;
        const char *format;
        std::string text;
    } scripts[] = {
        {"list.m3u8", "hls", "#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1.0,\n" + target + "\n#EXT-X-ENDLIST\n"},
        {"list.ffconcat", "concat", "ffconcat version 1.0\nfile '" + target + "'\n"},
    };
    for (const Script &s : scripts) {
        std::string path = dir.file(s.file);
        std::ofstream(path) << s.text;
        reelff_demuxer *d = nullptr;
        int ret = reelff_demuxer_open(path.c_str(), &d);
        EXPECT_EQ(ret, REELFF_ERROR_UNSUPPORTED) << s.file << ": " << reelff_last_error();
        EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_UNSUPPORTED);
        EXPECT_EQ(d, nullptr);
        std::string message = reelff_last_error();
        EXPECT_NE(message.find(path + ": a '" + s.format + "' input is not read"), std::string::npos) << message;
    }
}

}  // namespace
