// Every bad input to the pool and buffer functions: a documented error code and a message
// naming the argument and the limit; never a crash, never a double free.
#include "test_support.h"

#include <cstdint>
#include <cstring>
#include <string>

using reel_test::Failed;
using reel_test::Forge;

namespace {

class PoolBadInput : public ::testing::Test {
protected:
    void SetUp() override {
        reel_context_desc_t desc = reel_context_desc_default();
        ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);
        reel_frame_pool_desc_t frames = Frames();
        ASSERT_EQ(reel_frame_pool_create(context_, &frames, &pool_), REEL_SUCCESS) << reel_last_error_message();
    }
    void TearDown() override { reel_context_destroy(context_); }

    static reel_frame_pool_desc_t Frames() {
        reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
        desc.format = REEL_PIXEL_FORMAT_NV12;
        desc.width = 64;
        desc.height = 64;
        return desc;
    }

    reel_result_t CreateFrames(const reel_frame_pool_desc_t& desc) {
        reel_pool_t pool = REEL_NULL_HANDLE;
        reel_result_t result = reel_frame_pool_create(context_, &desc, &pool);
        if (result == REEL_SUCCESS)
            reel_pool_destroy(pool);
        return result;
    }

    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_pool_t pool_ = REEL_NULL_HANDLE;
};

}  // namespace

TEST_F(PoolBadInput, NullPointers) {
    reel_pool_t pool;
    reel_frame_pool_desc_t desc = Frames();
    EXPECT_TRUE(Failed(reel_frame_pool_create(context_, nullptr, &pool), REEL_ERROR_INVALID_ARGUMENT, {"reel_frame_pool_create: desc is NULL"}));
    EXPECT_TRUE(Failed(reel_frame_pool_create(context_, &desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_pool is NULL"}));
    EXPECT_TRUE(Failed(reel_pool_acquire(pool_, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"reel_pool_acquire: out_buffer is NULL"}));
    EXPECT_TRUE(Failed(reel_pool_get_stats(pool_, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_stats is NULL"}));
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool_, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_buffer_get_frame(frame, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_info is NULL"}));
    reel_buffer_release(frame);
}

TEST_F(PoolBadInput, NullAndStaleContext) {
    reel_frame_pool_desc_t desc = Frames();
    reel_pool_t pool;
    EXPECT_TRUE(Failed(reel_frame_pool_create(REEL_NULL_HANDLE, &desc, &pool), REEL_ERROR_INVALID_HANDLE, {"context is NULL"}));
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t other;
    ASSERT_EQ(reel_context_create(&cd, &other), REEL_SUCCESS);
    reel_context_destroy(other);
    EXPECT_TRUE(Failed(reel_frame_pool_create(other, &desc, &pool), REEL_ERROR_INVALID_HANDLE, {"context (0x", "is stale"}));
}

TEST_F(PoolBadInput, WrongHandleTypes) {
    reel_buffer_t frame;
    EXPECT_TRUE(Failed(reel_pool_acquire(reinterpret_cast<reel_pool_t>(context_), &frame), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_context_t, not a reel_pool_t"}));
    EXPECT_TRUE(Failed(reel_buffer_release(reinterpret_cast<reel_buffer_t>(pool_)), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_pool_t, not a reel_buffer_t"}));
    EXPECT_TRUE(Failed(reel_pool_destroy(Forge<reel_pool_t>(0x0200000100FFFFFFull)), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    EXPECT_TRUE(Failed(reel_buffer_retain(Forge<reel_buffer_t>(0x03FFFFFF12345678ull)), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_t"}));
    EXPECT_TRUE(Failed(reel_buffer_release(Forge<reel_buffer_t>(~0ull)), REEL_ERROR_INVALID_HANDLE, {"unknown type tag 0xff"}));
}

TEST_F(PoolBadInput, DoubleReleaseAndUseAfterRelease) {
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool_, &frame), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_buffer_release(frame), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_release: buffer (0x", "was released"}));
    EXPECT_TRUE(Failed(reel_buffer_retain(frame), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_retain"}));
    reel_frame_info_t info = reel_frame_info_init();
    EXPECT_TRUE(Failed(reel_buffer_get_frame(frame, &info), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_get_frame"}));
    EXPECT_TRUE(Failed(reel_buffer_set_pts(frame, 1), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_set_pts"}));
    EXPECT_TRUE(Failed(reel_buffer_set_tag(frame, 1), REEL_ERROR_INVALID_HANDLE, {"reel_buffer_set_tag"}));
    reel_pool_stats_t stats = reel_pool_stats_init();
    ASSERT_EQ(reel_pool_get_stats(pool_, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.releases, 1u) << "nothing was returned twice";
    EXPECT_EQ(stats.available, 1u);
}

TEST_F(PoolBadInput, WrongStructSizes) {
    reel_frame_pool_desc_t desc = Frames();
    desc.struct_size = 8;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 8", "sizeof(reel_frame_pool_desc_t) = 80"}));
    reel_pool_stats_t stats = reel_pool_stats_init();
    stats.struct_size = 4;
    EXPECT_TRUE(Failed(reel_pool_get_stats(pool_, &stats), REEL_ERROR_INVALID_ARGUMENT, {"out_stats->struct_size is 4"}));
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool_, &frame), REEL_SUCCESS);
    reel_frame_info_t info = {};
    EXPECT_TRUE(Failed(reel_buffer_get_frame(frame, &info), REEL_ERROR_INVALID_ARGUMENT, {"out_info->struct_size is 0", "sizeof(reel_frame_info_t) = 120"}));
    reel_buffer_release(frame);
}

TEST_F(PoolBadInput, OlderOutputStructGetsAPrefix) {
    reel_pool_stats_t stats;
    std::memset(&stats, 0xEE, sizeof stats);
    stats.struct_size = 88;  // the 0.1.0 size
    ASSERT_EQ(reel_pool_get_stats(pool_, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.struct_size, 88u) << "struct_size is kept";
    EXPECT_EQ(stats.capacity, 16u);
}

TEST_F(PoolBadInput, ZeroHugeAndOverflowingSizes) {
    reel_frame_pool_desc_t desc = Frames();
    desc.width = 0;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->width is 0; allowed 1 to 32768"}));
    desc = Frames();
    desc.height = 100000;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->height is 100000"}));
    desc = Frames();
    desc.format = REEL_PIXEL_FORMAT_RGBA8;
    desc.width = 32768;
    desc.height = 32768;
    desc.stride_align = 4096;
    desc.row_padding = 4096;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->width and desc->height are 32768x32768: a REEL_PIXEL_FORMAT_RGBA8 frame", "needs 4429185024 bytes", "the most a frame buffer may have is 4294967296"}));
    desc = Frames();
    desc.stride_align = 3;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->stride_align is 3"}));
    desc = Frames();
    desc.config.max = 1u << 20;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->config.max is 1048576; allowed 1 to 262144"}));
    desc = Frames();
    desc.config.initial = 20;
    desc.config.max = 10;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->config.initial is 20, above max (10)"}));
}

TEST_F(PoolBadInput, UnknownEnumValuesAndReservedFields) {
    reel_frame_pool_desc_t desc = Frames();
    desc.format = static_cast<reel_pixel_format_t>(0);
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->format is 0"}));
    desc = Frames();
    desc.config.growth = static_cast<reel_pool_growth_t>(3);
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->config.growth is 3"}));
    desc = Frames();
    desc.config.exhaustion = static_cast<reel_pool_exhaustion_t>(9);
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->config.exhaustion is 9"}));
    desc = Frames();
    desc.config.flags = 0x80;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->config.flags is 0x80"}));
    desc = Frames();
    desc.reserved = 1;
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 1"}));
    std::string name(64, 'n');
    desc = Frames();
    desc.name = name.c_str();
    EXPECT_TRUE(Failed(CreateFrames(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->name is longer than 63 bytes"}));
}

TEST_F(PoolBadInput, AudioShapes) {
    reel_audio_pool_desc_t desc = reel_audio_pool_desc_default();
    reel_pool_t pool;
    desc.format = REEL_SAMPLE_FORMAT_F32;
    desc.channels = 0;
    desc.samples_per_buffer = 1024;
    EXPECT_TRUE(Failed(reel_audio_pool_create(context_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->channels is 0; allowed 1 to 64"}));
    desc.channels = 2;
    desc.samples_per_buffer = 0;
    EXPECT_TRUE(Failed(reel_audio_pool_create(context_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->samples_per_buffer is 0"}));
    desc.samples_per_buffer = 1024;
    desc.format = static_cast<reel_sample_format_t>(7);
    EXPECT_TRUE(Failed(reel_audio_pool_create(context_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->format is 7"}));
}

TEST_F(PoolBadInput, ByteSizes) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    reel_pool_t pool;
    desc.min_class_size = 1000;
    EXPECT_TRUE(Failed(reel_byte_pool_create(context_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->min_class_size is 1000", "a power of two"}));
    desc.min_class_size = 4096;
    desc.max_class_size = 1024;
    EXPECT_TRUE(Failed(reel_byte_pool_create(context_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->max_class_size is 1024"}));
    desc = reel_byte_pool_desc_default();
    ASSERT_EQ(reel_byte_pool_create(context_, &desc, &pool), REEL_SUCCESS);
    reel_buffer_t packet = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_pool_acquire_bytes(pool, 0, &packet), REEL_ERROR_INVALID_ARGUMENT, {"size is 0"}));
    EXPECT_TRUE(Failed(reel_pool_acquire_bytes(pool, (16u << 20) + 1, &packet), REEL_ERROR_INVALID_ARGUMENT,
                       {"size is 16777217", "serves 1 to 16777216 bytes"}));
    EXPECT_TRUE(Failed(reel_pool_acquire_bytes(pool, SIZE_MAX, &packet), REEL_ERROR_INVALID_ARGUMENT, {"size is 18446744073709551615"}));
    EXPECT_EQ(packet, REEL_NULL_HANDLE);
    ASSERT_EQ(reel_pool_acquire_bytes(pool, 10, &packet), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_buffer_set_size(packet, 65537), REEL_ERROR_INVALID_ARGUMENT, {"size is 65537; this buffer holds at most 65536 bytes"}));
    reel_buffer_release(packet);
}

TEST_F(PoolBadInput, WrongPoolKindForTheCall) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    reel_pool_t bytes;
    ASSERT_EQ(reel_byte_pool_create(context_, &desc, &bytes), REEL_SUCCESS);
    reel_buffer_t buffer;
    EXPECT_TRUE(Failed(reel_pool_acquire(bytes, &buffer), REEL_ERROR_INVALID_ARGUMENT, {"is a byte pool; use reel_pool_acquire_bytes"}));
    EXPECT_TRUE(Failed(reel_pool_acquire_bytes(pool_, 10, &buffer), REEL_ERROR_INVALID_ARGUMENT, {"is a frame pool; use reel_pool_acquire"}));
    ASSERT_EQ(reel_pool_acquire(pool_, &buffer), REEL_SUCCESS);
    reel_bytes_info_t info = reel_bytes_info_init();
    EXPECT_TRUE(Failed(reel_buffer_get_bytes(buffer, &info), REEL_ERROR_INVALID_ARGUMENT, {"comes from frame pool 'frame', not a bytes pool"}));
    EXPECT_TRUE(Failed(reel_buffer_set_size(buffer, 1), REEL_ERROR_INVALID_ARGUMENT, {"not a bytes pool"}));
    reel_buffer_release(buffer);
}

TEST_F(PoolBadInput, DestroyTwice) {
    ASSERT_EQ(reel_pool_destroy(pool_), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_pool_destroy(pool_), REEL_ERROR_INVALID_HANDLE, {"reel_pool_destroy: pool (0x", "was destroyed"}));
    EXPECT_EQ(reel_pool_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
}
