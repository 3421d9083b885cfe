// Movies with sound through the C ABI (reel_movie_writer_begin_ex, write_audio): MP4, WebM and
// Matroska written by the FFmpeg backend, judged by ffprobe (codecs, counts, durations),
// `ffmpeg -xerror` (every stream decodes), framemd5 against the same encode in IVF, mediainfo
// as a second opinion, and an Opus sweep round trip.
#include <cstring>

#include "container_support.h"

using namespace reel_test;

namespace {

constexpr int kFrames = 30;  // one second at 30 fps

class MovieContainer : public ::testing::TestWithParam<std::string> {
protected:
    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }
    ScopedContext context_;
    TempDir dir_;
};

TEST_P(MovieContainer, Av1AndOpus_ProbeDecodeAndMatchTheIvfEncode) {
    const std::string ext = GetParam();
    std::string path = dir_.File(("movie." + ext).c_str());
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    reel_movie_writer_stats_t stats = RecordMovie(context_.get(), path, s, kFrames);
    ASSERT_NE(stats.struct_size, 0u);
    EXPECT_EQ(stats.frames_encoded, uint64_t(kFrames));
    EXPECT_EQ(stats.file_bytes, ReadFile(path).size()) << "file_bytes is the final file's size";
    EXPECT_EQ(stats.audio_samples, 48000u) << "1600 samples per frame were written";
    EXPECT_GE(stats.audio_packets, 50u) << "20 ms Opus packets for one second";
    EXPECT_GT(stats.audio_bytes, 0u);
    EXPECT_GT(stats.audio_bitrate, 20000.0);
    EXPECT_LT(stats.audio_bitrate, 200000.0);
    EXPECT_NE(stats.overhead_bytes, 0);

    std::vector<ProbedStream> streams = Probe(path);
    ASSERT_EQ(streams.size(), 2u) << "ffprobe reads the file";
    ProbedStream video = StreamOf(streams, "video"), audio = StreamOf(streams, "audio");
    EXPECT_EQ(video.codec_name, "av1");
    EXPECT_EQ(video.frames, kFrames);
    EXPECT_EQ(audio.codec_name, "opus");
    EXPECT_EQ(audio.sample_rate, 48000);
    EXPECT_EQ(audio.channels, 2);
    EXPECT_EQ(uint64_t(audio.packets), stats.audio_packets);
    if (video.duration > 0) {
        EXPECT_NEAR(video.duration, 1.0, 0.034);
    }
    if (audio.duration > 0) {
        EXPECT_NEAR(audio.duration, 1.0, 0.021) << "one second of sound, within one Opus frame";
    }

    std::string output;
    EXPECT_TRUE(FfmpegDecodesCleanly(path, &output)) << output;

    // The same pictures and settings into IVF: the decoded video must be identical.
    std::string ivf = dir_.File("movie.ivf");
    MovieSettings plain(REEL_AUDIO_CODEC_NONE);
    ASSERT_NE(RecordMovie(context_.get(), ivf, plain, kFrames).struct_size, 0u);
    std::vector<std::string> expected = VideoFrameMd5(ivf), actual = VideoFrameMd5(path);
    ASSERT_EQ(expected.size(), size_t(kFrames));
    EXPECT_EQ(actual, expected) << "framemd5 of the video equals the IVF encode's";
}

/// Every video packet of a file through reel_media_reader (the frame number as pts).
std::vector<Packet> ReadPackets(reel_context_t context, const std::string& path) {
    std::vector<Packet> packets;
    reel_media_reader_t reader;
    EXPECT_EQ(reel_media_reader_open(context, path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t bytes = BytePool(context);
    reel_buffer_t packet;
    reel_result_t r;
    while ((r = reel_media_reader_read(reader, bytes, &packet)) == REEL_SUCCESS)
        packets.push_back(TakePacket(packet));
    EXPECT_EQ(r, REEL_END_OF_STREAM) << reel_last_error_message();
    reel_media_reader_close(reader);
    reel_pool_destroy(bytes);
    return packets;
}

TEST_P(MovieContainer, ReadBackThroughReel_MatchesTheIvfDecodeFrameForFrame) {
    const std::string ext = GetParam();
    std::string path = dir_.File(("read." + ext).c_str()), ivf = dir_.File("read.ivf");
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    ASSERT_NE(RecordMovie(context_.get(), path, s, kFrames).struct_size, 0u);
    MovieSettings plain(REEL_AUDIO_CODEC_NONE);
    ASSERT_NE(RecordMovie(context_.get(), ivf, plain, kFrames).struct_size, 0u);

    // Streams as the container declares them, without reading the file through.
    reel_media_reader_t reader;
    ASSERT_EQ(reel_media_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    uint32_t count = 0;
    ASSERT_EQ(reel_media_reader_stream_count(reader, &count), REEL_SUCCESS);
    ASSERT_EQ(count, 2u);
    int video = 0, audio = 0;
    for (uint32_t i = 0; i < count; i++) {
        reel_stream_info_t info;
        std::memset(&info, 0, sizeof(info));
        info.struct_size = sizeof(info);
        ASSERT_EQ(reel_media_reader_get_stream(reader, i, &info), REEL_SUCCESS) << reel_last_error_message();
        if (info.kind == REEL_STREAM_KIND_VIDEO) {
            video++;
            EXPECT_STREQ(info.codec, "av1");
            EXPECT_EQ(info.width, 320u);
            EXPECT_EQ(info.height, 240u);
            EXPECT_NEAR(info.duration_seconds, 1.0, 0.05);
            if (ext == "mp4") {
                EXPECT_EQ(info.frame_count, uint64_t(kFrames)) << "MP4's sample table counts the frames";
            }
            EXPECT_GT(info.index_entries, 0u) << "the container's index is there to seek with";
        } else if (info.kind == REEL_STREAM_KIND_AUDIO) {
            audio++;
            EXPECT_STREQ(info.codec, "opus");
            EXPECT_EQ(info.sample_rate, 48000u);
            EXPECT_EQ(info.channels, 2u);
            EXPECT_NEAR(double(info.sample_count), 48000.0, 1000.0);
        }
    }
    EXPECT_EQ(video, 1);
    EXPECT_EQ(audio, 1);
    reel_stream_info_t bad;
    std::memset(&bad, 0, sizeof(bad));
    bad.struct_size = sizeof(bad);
    EXPECT_TRUE(Failed(reel_media_reader_get_stream(reader, 2, &bad), REEL_ERROR_INVALID_ARGUMENT, {"index is 2", "allowed 0 to 1"}));
    reel_media_reader_close(reader);

    // Reel's decoder on the container's packets and on the IVF's: the same pictures.
    std::vector<Packet> fromContainer = ReadPackets(context_.get(), path), fromIvf = ReadPackets(context_.get(), ivf);
    ASSERT_EQ(fromContainer.size(), size_t(kFrames));
    for (size_t i = 0; i < fromContainer.size(); i++)
        EXPECT_EQ(fromContainer[i].pts, int64_t(i)) << "frame numbers as pts";
    std::vector<Picture> a = Decode(context_.get(), fromContainer), b = Decode(context_.get(), fromIvf);
    ASSERT_EQ(a.size(), size_t(kFrames));
    ASSERT_EQ(b.size(), size_t(kFrames));
    for (size_t i = 0; i < a.size(); i++)
        EXPECT_TRUE(a[i].y == b[i].y && a[i].u == b[i].u && a[i].v == b[i].v) << "frame " << i;
}

TEST_P(MovieContainer, SeekThroughTheContainerIndex_LandsOnTheKeyframeAtOrBefore) {
    const std::string ext = GetParam();
    std::string path = dir_.File(("seek." + ext).c_str());
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);  // keyframe every 15 frames
    ASSERT_NE(RecordMovie(context_.get(), path, s, 45).struct_size, 0u);
    std::vector<Packet> all = ReadPackets(context_.get(), path);
    ASSERT_EQ(all.size(), 45u);
    reel_media_reader_t reader;
    ASSERT_EQ(reel_media_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t bytes = BytePool(context_.get());
    for (uint64_t target : {37u, 20u, 0u, 44u}) {
        ASSERT_EQ(reel_media_reader_seek(reader, target), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_t packet;
        ASSERT_EQ(reel_media_reader_read(reader, bytes, &packet), REEL_SUCCESS) << reel_last_error_message();
        Packet p = TakePacket(packet);
        int64_t keyframe = int64_t(target / 15 * 15);
        EXPECT_EQ(p.pts, keyframe) << "seek to " << target;
        EXPECT_EQ(p.bytes, all[size_t(keyframe)].bytes) << "the same packet as a sequential read";
    }
    reel_pool_destroy(bytes);
    reel_media_reader_close(reader);
}

TEST_P(MovieContainer, MediaInfoAgrees) {
    if (reel_test::Run("command -v mediainfo") != 0)
        GTEST_SKIP() << "mediainfo is not installed (build/bootstrap.sh installs it)";
    const std::string ext = GetParam();
    std::string path = dir_.File(("second-opinion." + ext).c_str());
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    ASSERT_NE(RecordMovie(context_.get(), path, s, kFrames).struct_size, 0u);
    std::string out;
    ASSERT_EQ(reel_test::Run("mediainfo --Inform='Video;%Format% %FrameCount%\\n' '" + path + "'", &out), 0) << out;
    EXPECT_NE(out.find("AV1 30"), std::string::npos) << out;
    ASSERT_EQ(reel_test::Run("mediainfo --Inform='Audio;%Format% %Channel(s)% %SamplingRate%' '" + path + "'", &out), 0) << out;
    // mediainfo 23.04 reads no channel count from MP4's dOps box: only the format and rate there.
    EXPECT_NE(out.find(ext == "mp4" ? "Opus" : "Opus 2 48000"), std::string::npos) << out;
    EXPECT_NE(out.find("48000"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Containers, MovieContainer, ::testing::Values("mp4", "webm", "mkv"));

TEST(MovieContainerAac, Mp4WithAac_ProbesAndDecodes) {
    ScopedContext context;
    TempDir dir;
    std::string path = dir.File("aac.mp4");
    MovieSettings s(REEL_AUDIO_CODEC_AAC, REEL_SAMPLE_FORMAT_S16, 44100);
    reel_movie_writer_stats_t stats = RecordMovie(context.get(), path, s, kFrames);
    ASSERT_NE(stats.struct_size, 0u);
    EXPECT_EQ(stats.audio_samples, 44100u);
    std::vector<ProbedStream> streams = Probe(path);
    EXPECT_EQ(StreamOf(streams, "video").codec_name, "av1");
    EXPECT_EQ(StreamOf(streams, "video").frames, kFrames);
    EXPECT_EQ(StreamOf(streams, "audio").codec_name, "aac");
    EXPECT_EQ(StreamOf(streams, "audio").sample_rate, 44100);
    std::string output;
    EXPECT_TRUE(FfmpegDecodesCleanly(path, &output)) << output;
}

TEST(MovieContainerAudio, OpusSweepRoundTrip_CorrelatesWithTheSource) {
    ScopedContext context;
    TempDir dir;
    std::string path = dir.File("sweep.webm");
    MovieSettings s(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_F32, 48000, 1);
    s.desc.audio_bitrate = 96000;
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin_ex(context.get(), path.c_str(), &s.desc, &writer), REEL_SUCCESS) << reel_last_error_message();
    const int seconds = 2, per_frame = 1600;
    std::vector<float> sweep = Sweep(48000, 48000 * seconds);
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    std::vector<Picture> pictures = Pictures(320, 240, 30 * seconds);
    for (int f = 0; f < 30 * seconds; f++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, pictures[size_t(f)]);
        ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
        ASSERT_EQ(reel_movie_writer_write_audio(writer, sweep.data() + size_t(f) * per_frame, per_frame), REEL_SUCCESS)
            << reel_last_error_message();
    }
    ASSERT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_destroy(pool);

    // ffmpeg decodes the Opus stream (dropping the pre-skip the container signals) to raw floats.
    std::string raw = dir.File("sweep.f32");
    std::string out;
    ASSERT_EQ(reel_test::Run("ffmpeg -v error -i '" + path + "' -map 0:a:0 -f f32le -ac 1 -ar 48000 '" + raw + "'", &out), 0) << out;
    std::string bytes = ReadFile(raw);
    std::vector<float> decoded(bytes.size() / 4);
    std::memcpy(decoded.data(), bytes.data(), decoded.size() * 4);
    ASSERT_GE(decoded.size(), sweep.size() - 960) << "the whole sweep came back (less at most one frame)";
    size_t n = std::min(decoded.size(), sweep.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (size_t i = 0; i < n; i++) {
        sxy += double(sweep[i]) * decoded[i];
        sxx += double(sweep[i]) * sweep[i];
        syy += double(decoded[i]) * decoded[i];
    }
    double correlation = sxy / std::sqrt(sxx * syy);
    RecordProperty("correlation", std::to_string(correlation));
    EXPECT_GE(correlation, 0.99) << "at lag 0: Reel's timestamps and the container's pre-skip line the sound up with the source";
}

TEST(MovieContainerAudio, AudioPoolBuffers_AreRecorded) {
    ScopedContext context;
    TempDir dir;
    std::string path = dir.File("pool.mkv");
    MovieSettings s(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_S32, 48000, 2);
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin_ex(context.get(), path.c_str(), &s.desc, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_audio_pool_desc_t ad = reel_audio_pool_desc_default();
    ad.format = REEL_SAMPLE_FORMAT_S32;
    ad.channels = 2;
    ad.samples_per_buffer = 1600;
    ad.sample_rate = 48000;
    reel_pool_t audio_pool;
    ASSERT_EQ(reel_audio_pool_create(context.get(), &ad, &audio_pool), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    std::vector<Picture> pictures = Pictures(320, 240, 15);
    for (int f = 0; f < 15; f++) {
        reel_buffer_t frame, block;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, pictures[size_t(f)]);
        ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
        ASSERT_EQ(reel_pool_acquire(audio_pool, &block), REEL_SUCCESS);
        reel_audio_info_t info;
        std::memset(&info, 0, sizeof(info));
        info.struct_size = sizeof(info);
        ASSERT_EQ(reel_buffer_get_audio(block, &info), REEL_SUCCESS);
        auto* samples = static_cast<int32_t*>(info.data);
        for (uint32_t i = 0; i < 1600; i++)
            samples[2 * i] = samples[2 * i + 1] = int32_t(5e8 * std::sin(2 * M_PI * 440 * (f * 1600.0 + i) / 48000));
        ASSERT_EQ(reel_movie_writer_write_audio_buffer(writer, block), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(block);
    }
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.audio_samples, 15u * 1600u);
    ProbedStream audio = StreamOf(Probe(path), "audio");
    EXPECT_EQ(audio.codec_name, "opus");
    EXPECT_EQ(uint64_t(audio.packets), stats.audio_packets);
    reel_pool_destroy(pool);
    reel_pool_destroy(audio_pool);
}

TEST(MovieContainerVideo, LegacyBeginPicksTheContainerFromTheExtension) {
    ScopedContext context;
    TempDir dir;
    std::string path = dir.File("legacy.webm");
    reel_encoder_desc_t settings = SmallDesc();
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context.get(), path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    std::vector<Picture> pictures = Pictures(320, 240, 10);
    for (const Picture& p : pictures) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, p);
        ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS);
        reel_buffer_release(frame);
    }
    ASSERT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_destroy(pool);
    std::vector<ProbedStream> streams = Probe(path);
    ASSERT_EQ(streams.size(), 1u);
    EXPECT_EQ(streams[0].codec_name, "av1");
    EXPECT_EQ(streams[0].frames, 10);
}

}  // namespace
