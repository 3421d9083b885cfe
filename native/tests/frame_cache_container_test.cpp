// reel_frame_cache_create_for_file through the C ABI: a frame cache Reel's decoder feeds from
// MP4, WebM and Matroska recordings (with sound) of the movie writer, seeking through the
// container's own index. Reverse then forward play give every frame with the pixels of a
// sequential decode of the same file's packets and pts = frame number; an unknown extension
// and a missing FFmpeg shim get a code and a message that says why.
#include <chrono>
#include <thread>

#include "container_support.h"

using namespace reel_test;

namespace {

constexpr int kFrames = 45;  // three GOPs of 15 (MovieSettings)

class FrameCacheContainer : public ::testing::TestWithParam<std::string> {
protected:
    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }

    /// Shows a frame: asks until the decoder put it in the cache (10 s at most), checks it.
    void Show(reel_frame_cache_t cache, int n, const std::vector<Picture>& reference) {
        auto start = std::chrono::steady_clock::now();
        reel_buffer_t frame = REEL_NULL_HANDLE;
        reel_result_t r;
        while ((r = reel_frame_cache_get(cache, n, &frame)) == REEL_NOT_READY) {
            ASSERT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10)) << "frame " << n << " never arrived";
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        ASSERT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
        reel_frame_info_t info = reel_frame_info_init();
        ASSERT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS);
        EXPECT_EQ(info.pts, n) << "pts is the frame number";
        Picture got = Read(frame);
        const Picture& want = reference[size_t(n)];
        EXPECT_TRUE(got.y == want.y && got.u == want.u && got.v == want.v) << "frame " << n << " differs from the sequential decode";
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    }

    ScopedContext context_;
    TempDir dir_;
};

reel_frame_cache_desc_t SmallCache() {
    reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
    desc.preset = REEL_FRAME_CACHE_PRESET_SD;
    desc.ring_size = 16;
    desc.lru_capacity = 16;
    desc.prefetch_depth = 8;
    return desc;
}

TEST_P(FrameCacheContainer, ReverseThenForwardPlay_GiveTheFramesOfASequentialDecode) {
    std::string path = dir_.File(("clip." + GetParam()).c_str());
    MovieSettings s(REEL_AUDIO_CODEC_OPUS);
    ASSERT_NE(RecordMovie(context_.get(), path, s, kFrames).struct_size, 0u);
    std::vector<Picture> reference = Decode(context_.get(), ReadPackets(context_.get(), path));
    ASSERT_EQ(reference.size(), size_t(kFrames));

    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t cache = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_frame_cache_create_for_file(context_.get(), &desc, path.c_str(), nullptr, &cache), REEL_SUCCESS)
        << reel_last_error_message();
    // Reverse first: every GOP is reached by a seek through the index (LRU smaller than the file).
    for (int n = kFrames - 1; n >= 0; n--)
        Show(cache, n, reference);
    for (int n = 0; n < kFrames; n++)
        Show(cache, n, reference);
    reel_frame_cache_stats_t stats = reel_frame_cache_stats_init();
    ASSERT_EQ(reel_frame_cache_get_stats(cache, &stats), REEL_SUCCESS);
    EXPECT_GT(stats.hits, 0u);
    EXPECT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);
}

INSTANTIATE_TEST_SUITE_P(Containers, FrameCacheContainer, ::testing::Values("mp4", "webm", "mkv"));

TEST(FrameCacheContainerBadInput, UnknownExtensionAndNullPath_NameTheArgument) {
    ScopedContext context;
    TempDir dir;
    std::string avi = dir.File("clip.avi");
    WriteFile(avi, "not a movie");
    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t cache = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_file(context.get(), &desc, avi.c_str(), nullptr, &cache), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_frame_cache_create_for_file", "path", ".avi", "names no container", ".mp4"}));
    EXPECT_EQ(cache, REEL_NULL_HANDLE);
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_file(context.get(), &desc, nullptr, nullptr, &cache), REEL_ERROR_INVALID_ARGUMENT, {"path"}));
    std::string missing = dir.File("missing.mkv");
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_file(context.get(), &desc, missing.c_str(), nullptr, &cache), REEL_ERROR_IO, {missing.c_str()}));
}

TEST(FrameCacheContainerUnavailable, MissingShim_ContainersRefusedWithTheReason_IvfStillWorks) {
    // Each test runs in its own process and the shim loads on first use: name a missing copy.
    setenv("REEL_FFMPEG_LIBRARY", "/nonexistent/libreel_ffmpeg.so.0", 1);
    ScopedContext context;
    TempDir dir;
    std::string mkv = dir.File("clip.mkv"), ivf = dir.File("clip.ivf");
    WriteFile(mkv, "never opened");
    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t cache = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_file(context.get(), &desc, mkv.c_str(), nullptr, &cache), REEL_ERROR_UNSUPPORTED,
                       {"reel_frame_cache_create_for_file", "unavailable", "/nonexistent/libreel_ffmpeg.so.0"}));
    MovieSettings plain(REEL_AUDIO_CODEC_NONE);
    ASSERT_NE(RecordMovie(context.get(), ivf, plain, 5).struct_size, 0u);
    ASSERT_EQ(reel_frame_cache_create_for_file(context.get(), &desc, ivf.c_str(), nullptr, &cache), REEL_SUCCESS)
        << "IVF keeps working: " << reel_last_error_message();
    EXPECT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);
}

}  // namespace
