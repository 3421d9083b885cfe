// reel_frame_cache_create_for_ivf through the C ABI: a frame cache that Reel's own decoder feeds
// from a real AV1 IVF file. Forward and reverse play give every frame with the pixels a
// sequential decode gives and pts = frame number; bad input gets a code and a message naming
// the argument; destroying the cache (or the context) while the decoder works leaves nothing out.
#include <chrono>
#include <cstring>
#include <thread>

#include "session_support.h"

using namespace reel_test;

namespace {

constexpr uint32_t kWidth = 160, kHeight = 96;
constexpr int kFrames = 48, kGop = 12;

void PutLe(std::string& out, uint64_t value, int bytes) {
    for (int i = 0; i < bytes; i++)
        out.push_back(char((value >> (8 * i)) & 0xFF));
}

/// An IVF file of the packets (written by hand: the test checks Reel's reader, not its writer).
std::string Ivf(const std::vector<Packet>& packets) {
    std::string out = "DKIF";
    PutLe(out, 0, 2);
    PutLe(out, 32, 2);
    out += "AV01";
    PutLe(out, kWidth, 2);
    PutLe(out, kHeight, 2);
    PutLe(out, 30, 4);
    PutLe(out, 1, 4);
    PutLe(out, packets.size(), 4);
    PutLe(out, 0, 4);
    for (const Packet& p : packets) {
        PutLe(out, p.bytes.size(), 4);
        PutLe(out, uint64_t(p.pts), 8);
        out.append(reinterpret_cast<const char*>(p.bytes.data()), p.bytes.size());
    }
    return out;
}

class FrameCacheIvf : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(context_.result(), REEL_SUCCESS);
        std::vector<Picture> source = Pictures(kWidth, kHeight, kFrames);
        reel_encoder_desc_t desc = SmallDesc(kWidth, kHeight);
        desc.keyframe_interval = kGop;
        std::vector<Packet> packets = Encode(context_.get(), desc, source);
        ASSERT_EQ(packets.size(), size_t(kFrames));
        path_ = dir_.File("clip.ivf");
        WriteFile(path_, Ivf(packets));
        reference_ = Decode(context_.get(), packets);
        ASSERT_EQ(reference_.size(), size_t(kFrames));
    }

    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }

    static reel_frame_cache_desc_t SmallCache() {
        reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
        desc.preset = REEL_FRAME_CACHE_PRESET_SD;
        desc.ring_size = 32;
        desc.lru_capacity = 64;
        desc.prefetch_depth = 16;
        return desc;
    }

    reel_frame_cache_t Open(const reel_decoder_desc_t* decoder = nullptr) {
        reel_frame_cache_desc_t desc = SmallCache();
        reel_frame_cache_t cache = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), decoder, &cache), REEL_SUCCESS)
            << reel_last_error_message();
        return cache;
    }

    /// Shows a frame: asks until the decoder put it in the cache (10 s at most), checks it.
    void Show(reel_frame_cache_t cache, int n) {
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
        EXPECT_TRUE(got.y == reference_[size_t(n)].y && got.u == reference_[size_t(n)].u && got.v == reference_[size_t(n)].v)
            << "frame " << n << " differs from the sequential decode";
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    }

    ScopedContext context_;
    TempDir dir_;
    std::string path_;
    std::vector<Picture> reference_;
};

TEST_F(FrameCacheIvf, ForwardThenReversePlay_GiveTheFramesOfASequentialDecode) {
    reel_frame_cache_t cache = Open();
    for (int n = 0; n < kFrames; n++)
        Show(cache, n);
    for (int n = kFrames - 1; n >= 0; n--)
        Show(cache, n);
    reel_frame_cache_stats_t stats = reel_frame_cache_stats_init();
    ASSERT_EQ(reel_frame_cache_get_stats(cache, &stats), REEL_SUCCESS);
    EXPECT_GT(stats.hits, 0u);
    EXPECT_GT(stats.prefetch_used, 0u) << "the decoder served prefetch requests";
    EXPECT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);
}

TEST_F(FrameCacheIvf, DecoderSettings_AreUsed_AndOutOfRangeOnesNamed) {
    reel_decoder_desc_t decoder = reel_decoder_desc_default();
    decoder.threads = 1;
    decoder.max_frame_delay = 1;
    decoder.backend = REEL_CODEC_BACKEND_SOFTWARE;
    reel_frame_cache_t cache = Open(&decoder);
    for (int n : {30, 5, 47, 12})
        Show(cache, n);
    EXPECT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);

    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t out = REEL_NULL_HANDLE;
    decoder.threads = 100000;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), &decoder, &out), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_frame_cache_create_for_ivf", "decoder_desc->threads is 100000"}));
    decoder = reel_decoder_desc_default();
    decoder.struct_size = 3;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), &decoder, &out), REEL_ERROR_INVALID_ARGUMENT,
                       {"decoder_desc"}));
    decoder = reel_decoder_desc_default();
    decoder.backend = REEL_CODEC_BACKEND_HARDWARE;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), &decoder, &out), REEL_ERROR_UNSUPPORTED, {}));
    EXPECT_EQ(out, REEL_NULL_HANDLE) << "out_cache unchanged on failure";
}

TEST_F(FrameCacheIvf, BadInput_GetsACodeAndAMessageNamingTheArgument) {
    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t out = REEL_NULL_HANDLE;
    const char* fn = "reel_frame_cache_create_for_ivf";
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), nullptr, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_ARGUMENT, {fn, "desc"}));
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, nullptr, nullptr, &out), REEL_ERROR_INVALID_ARGUMENT, {fn, "ivf_path"}));
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), nullptr, nullptr), REEL_ERROR_INVALID_ARGUMENT, {fn, "out_cache"}));
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, "", nullptr, &out), REEL_ERROR_INVALID_ARGUMENT, {"ivf_path is empty"}));
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(REEL_NULL_HANDLE, &desc, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_HANDLE, {fn}));

    desc.frame_count = 10;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->frame_count is 10", "allowed 0"}));
    desc = SmallCache();
    desc.request_callback = [](void*, reel_frame_cache_t) {};
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->request_callback is set"}));
    desc = SmallCache();
    desc.ring_size = 2;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_ARGUMENT, {"ring_size"}));
    desc = SmallCache();
    desc.struct_size = 8;
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, path_.c_str(), nullptr, &out), REEL_ERROR_INVALID_ARGUMENT, {"struct_size"}));

    desc = SmallCache();
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, dir_.File("missing.ivf").c_str(), nullptr, &out), REEL_ERROR_IO,
                       {fn, "cannot open", "missing.ivf"}));
    WriteFile(dir_.File("text.ivf"), "not an IVF file, only some text that is long enough for a header");
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, dir_.File("text.ivf").c_str(), nullptr, &out), REEL_ERROR_CORRUPT_DATA,
                       {fn, "DKIF"}));
    std::string truncated = ReadFile(path_);
    truncated.resize(truncated.size() - 10);
    WriteFile(dir_.File("cut.ivf"), truncated);
    EXPECT_TRUE(Failed(reel_frame_cache_create_for_ivf(context_.get(), &desc, dir_.File("cut.ivf").c_str(), nullptr, &out), REEL_ERROR_CORRUPT_DATA,
                       {fn, "truncated"}));
    EXPECT_EQ(out, REEL_NULL_HANDLE) << "out_cache unchanged on failure";
}

TEST_F(FrameCacheIvf, Destroy_WhileTheDecoderWorks_LeavesNothingOut) {
    for (int round = 0; round < 5; round++) {
        reel_frame_cache_t cache = Open();
        reel_buffer_t frame = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_frame_cache_get(cache, kFrames - 1, &frame), REEL_NOT_READY);
        std::this_thread::sleep_for(std::chrono::milliseconds(round));
        EXPECT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);
        EXPECT_TRUE(Failed(reel_frame_cache_get(cache, 0, &frame), REEL_ERROR_INVALID_HANDLE, {"stale"}));
        EXPECT_EQ(BuffersOut(context_.get()), 0u) << "round " << round;
    }
}

TEST_F(FrameCacheIvf, ContextDestroy_StopsTheDecoder) {
    reel_context_t context = REEL_NULL_HANDLE;
    reel_context_desc_t context_desc = reel_context_desc_default();
    ASSERT_EQ(reel_context_create(&context_desc, &context), REEL_SUCCESS);
    reel_frame_cache_desc_t desc = SmallCache();
    reel_frame_cache_t cache = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_frame_cache_create_for_ivf(context, &desc, path_.c_str(), nullptr, &cache), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t frame = REEL_NULL_HANDLE;
    EXPECT_EQ(reel_frame_cache_get(cache, 20, &frame), REEL_NOT_READY);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_frame_cache_get(cache, 20, &frame), REEL_ERROR_INVALID_HANDLE, {"stale"}));
}

}  // namespace
