// Bad input to reel_movie_writer_begin_ex / write_audio: each refused with its documented
// code and a message naming the C argument and its limit, before any file is touched; a disk
// that fills mid-file is REEL_ERROR_IO naming the path, and what was written stays playable.
#include <cstdlib>
#include <sys/stat.h>

#include "container_support.h"

using namespace reel_test;

namespace {

class MovieContainerBadInput : public ::testing::Test {
protected:
    reel_result_t Begin(const std::string& name, MovieSettings& s) {
        path_ = dir_.File(name.c_str());
        return reel_movie_writer_begin_ex(context_.get(), path_.c_str(), &s.desc, &writer_);
    }
    bool Untouched() const {
        struct stat st;
        return stat(path_.c_str(), &st) != 0;
    }
    ScopedContext context_;
    TempDir dir_;
    std::string path_;
    reel_movie_writer_t writer_ = REEL_NULL_HANDLE;
};

TEST_F(MovieContainerBadInput, UnknownExtension) {
    MovieSettings s(REEL_AUDIO_CODEC_NONE);
    EXPECT_TRUE(Failed(Begin("movie.avi", s), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_movie_writer_begin_ex: path ends in \".avi\"", ".ivf, .mp4, .m4v, .mov, .webm, .mkv", "desc->container"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, ContainerOutOfRange) {
    MovieSettings s(REEL_AUDIO_CODEC_NONE);
    s.desc.container = reel_container_t(9);
    EXPECT_TRUE(Failed(Begin("movie.mp4", s), REEL_ERROR_INVALID_ARGUMENT, {"desc->container is 9", "REEL_CONTAINER_MATROSKA (5)"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, SoundInIvf) {
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    EXPECT_TRUE(Failed(Begin("movie.ivf", s), REEL_ERROR_UNSUPPORTED, {"IVF holds video only", "desc->audio_codec"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, AacInWebm) {
    MovieSettings s(REEL_AUDIO_CODEC_AAC);
    EXPECT_TRUE(Failed(Begin("movie.webm", s), REEL_ERROR_UNSUPPORTED, {"desc->audio_codec is REEL_AUDIO_CODEC_AAC", "WebM holds Opus only"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, Av1InMov) {
    MovieSettings s(REEL_AUDIO_CODEC_AAC);
    EXPECT_TRUE(Failed(Begin("movie.mov", s), REEL_ERROR_UNSUPPORTED, {"MOV cannot hold AV1", ".mp4"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, AudioCodecOutOfRange) {
    MovieSettings s(reel_audio_codec_t(7));
    EXPECT_TRUE(Failed(Begin("movie.mkv", s), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_codec is 7", "REEL_AUDIO_CODEC_AAC (2)"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, SampleRateBelowAndAboveTheRange) {
    MovieSettings low(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_S16, 7999);
    EXPECT_TRUE(Failed(Begin("low.mkv", low), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_sample_rate is 7999", "allowed 8000 to 192000"}));
    EXPECT_TRUE(Untouched());
    MovieSettings high(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_S16, 192001);
    EXPECT_TRUE(Failed(Begin("high.mkv", high), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_sample_rate is 192001", "allowed 8000 to 192000"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, ChannelsAndFormatOutOfRange) {
    MovieSettings channels(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_S16, 48000, 9);
    EXPECT_TRUE(Failed(Begin("ch.webm", channels), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_channels is 9", "allowed 1 to 8"}));
    MovieSettings none(REEL_AUDIO_CODEC_OPUS, REEL_SAMPLE_FORMAT_S16, 48000, 0);
    EXPECT_TRUE(Failed(Begin("ch0.webm", none), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_channels is 0", "allowed 1 to 8"}));
    MovieSettings format(REEL_AUDIO_CODEC_OPUS, reel_sample_format_t(9));
    EXPECT_TRUE(Failed(Begin("fmt.webm", format), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_format is 9", "REEL_SAMPLE_FORMAT_S32 (3)"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, BitrateFlagsAndInterval) {
    MovieSettings bitrate(REEL_AUDIO_CODEC_OPUS);
    bitrate.desc.audio_bitrate = 5000;
    EXPECT_TRUE(Failed(Begin("b.webm", bitrate), REEL_ERROR_INVALID_ARGUMENT, {"desc->audio_bitrate is 5000", "6000 to 1024000"}));
    MovieSettings flags(REEL_AUDIO_CODEC_OPUS);
    flags.desc.flags = 0x10;
    EXPECT_TRUE(Failed(Begin("f.webm", flags), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x10", "REEL_MOVIE_FLAG_NO_FASTSTART"}));
    MovieSettings interval(REEL_AUDIO_CODEC_OPUS);
    interval.desc.flush_interval_ms = 60001;
    EXPECT_TRUE(Failed(Begin("i.webm", interval), REEL_ERROR_INVALID_ARGUMENT, {"desc->flush_interval_ms is 60001", "60000"}));
    EXPECT_TRUE(Untouched());
}

TEST_F(MovieContainerBadInput, NullDescAndVideo) {
    EXPECT_TRUE(Failed(reel_movie_writer_begin_ex(context_.get(), dir_.File("n.mp4").c_str(), nullptr, &writer_), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc"}));
    MovieSettings s(REEL_AUDIO_CODEC_NONE);
    s.desc.video = nullptr;
    EXPECT_TRUE(Failed(Begin("v.mp4", s), REEL_ERROR_INVALID_ARGUMENT, {"desc->video"}));
}

TEST_F(MovieContainerBadInput, AudioWithoutASoundTrack_AndAfterEnd) {
    MovieSettings s(REEL_AUDIO_CODEC_NONE);
    ASSERT_EQ(Begin("silent.mp4", s), REEL_SUCCESS) << reel_last_error_message();
    int16_t pcm[64] = {};
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio(writer_, pcm, 32), REEL_ERROR_BAD_STATE, {"reel_movie_writer_write_audio", "no sound track"}));
    // No frame was written: a movie without its first keyframe cannot be finished, and end says so.
    EXPECT_TRUE(Failed(reel_movie_writer_end(writer_, nullptr), REEL_ERROR_CORRUPT_DATA, {"silent.mp4", "no keyframe"}));
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio(writer_, pcm, 32), REEL_ERROR_INVALID_HANDLE, {"reel_movie_writer_write_audio"}))
        << "after end the handle is stale";
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio(REEL_NULL_HANDLE, pcm, 32), REEL_ERROR_INVALID_HANDLE, {"reel_movie_writer_write_audio"}))
        << "before begin there is no writer";
}

TEST_F(MovieContainerBadInput, AudioArguments) {
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    ASSERT_EQ(Begin("args.webm", s), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio(writer_, nullptr, 10), REEL_ERROR_INVALID_ARGUMENT, {"samples is NULL", "frames 10"}));
    int16_t pcm[4] = {};
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio(writer_, pcm, (1ull << 24) + 1), REEL_ERROR_INVALID_ARGUMENT,
                       {"frames is 16777217", "allowed 0 to 16777216"}));
    EXPECT_EQ(reel_movie_writer_write_audio(writer_, nullptr, 0), REEL_SUCCESS) << "zero frames is nothing to do";
    reel_audio_pool_desc_t ad = reel_audio_pool_desc_default();
    ad.format = REEL_SAMPLE_FORMAT_F32;
    ad.channels = 2;
    ad.samples_per_buffer = 480;
    reel_pool_t pool;
    ASSERT_EQ(reel_audio_pool_create(context_.get(), &ad, &pool), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t block;
    ASSERT_EQ(reel_pool_acquire(pool, &block), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_movie_writer_write_audio_buffer(writer_, block), REEL_ERROR_INVALID_ARGUMENT,
                       {"REEL_SAMPLE_FORMAT_F32 x2", "allowed REEL_SAMPLE_FORMAT_S16 x2"}));
    reel_buffer_release(block);
    reel_pool_destroy(pool);
    EXPECT_TRUE(Failed(reel_movie_writer_end(writer_, nullptr), REEL_ERROR_CORRUPT_DATA, {"args.webm", "no keyframe"}));
}

TEST_F(MovieContainerBadInput, UnwritableDirectory_IsIoNamingThePath) {
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    EXPECT_TRUE(Failed(reel_movie_writer_begin_ex(context_.get(), "/nonexistent-dir/m.mp4", &s.desc, &writer_), REEL_ERROR_IO,
                       {"/nonexistent-dir/m.mp4", "No such file or directory"}));
}

TEST_F(MovieContainerBadInput, DiskFullMidFile_IsIoNamingThePath) {
    // /dev/full opens, then every write fails with ENOSPC: the first fragment's write is the failure.
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    s.desc.container = REEL_CONTAINER_MATROSKA;
    ASSERT_EQ(reel_movie_writer_begin_ex(context_.get(), "/dev/full", &s.desc, &writer_), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context_.get(), 320, 240);
    std::vector<Picture> pictures = Pictures(320, 240, 40);
    std::vector<int16_t> pcm(1600 * 2);
    reel_result_t failure = REEL_SUCCESS;
    for (const Picture& p : pictures) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, p);
        reel_result_t r = reel_movie_writer_write_frame(writer_, frame);
        reel_buffer_release(frame);
        if (r == REEL_SUCCESS)
            r = reel_movie_writer_write_audio(writer_, pcm.data(), 1600);
        if (r != REEL_SUCCESS) {
            failure = r;
            EXPECT_TRUE(Failed(r, REEL_ERROR_IO, {"/dev/full", "No space left on device"}));
            break;
        }
    }
    reel_result_t ended = reel_movie_writer_end(writer_, nullptr);
    if (failure == REEL_SUCCESS) {
        EXPECT_TRUE(Failed(ended, REEL_ERROR_IO, {"/dev/full", "No space left on device"})) << "the failure surfaces at end at the latest";
    }
    reel_pool_destroy(pool);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

TEST(MovieContainerUnavailable, MissingShim_ContainersRefusedWithTheReason_IvfStillWorks) {
    // Each test runs in its own process and the shim loads on first use: name a missing copy.
    setenv("REEL_FFMPEG_LIBRARY", "/nonexistent/libreel_ffmpeg.so.0", 1);
    ScopedContext context;
    TempDir dir;
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    reel_movie_writer_t writer;
    std::string mp4 = dir.File("m.mp4");
    EXPECT_TRUE(Failed(reel_movie_writer_begin_ex(context.get(), mp4.c_str(), &s.desc, &writer), REEL_ERROR_UNSUPPORTED,
                       {"mp4 is unavailable", "/nonexistent/libreel_ffmpeg.so.0"}));
    MovieSettings plain(REEL_AUDIO_CODEC_NONE);
    ASSERT_NE(RecordMovie(context.get(), dir.File("m.ivf"), plain, 5).struct_size, 0u) << "IVF keeps working";
    reel_backend_caps_t caps = reel_backend_caps_init();
    bool listed = false;
    for (uint32_t i = 0; reel_backend_caps(REEL_NULL_HANDLE, i, &caps) == REEL_SUCCESS && i < caps.backend_count; i++) {
        if (caps.kind == REEL_BACKEND_FFMPEG) {
            listed = true;
            EXPECT_FALSE(caps.available);
            EXPECT_NE(std::string(caps.unavailable_reason).find("/nonexistent/libreel_ffmpeg.so.0"), std::string::npos) << caps.unavailable_reason;
        }
        caps = reel_backend_caps_init();
    }
    EXPECT_TRUE(listed) << "the FFmpeg backend is listed, unavailable, with the reason";
}

}  // namespace
