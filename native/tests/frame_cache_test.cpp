// The frame cache through the C ABI: hits, misses and requests, a producer thread serving
// them, eviction that never frees a frame a consumer holds, ranges, stats, bad input.
#include "test_support.h"

#include <atomic>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

using reel_test::Failed;

namespace {

class FrameCacheTest : public ::testing::Test {
protected:
    void SetUp() override {
        reel_context_desc_t desc = reel_context_desc_default();
        ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);
        reel_frame_pool_desc_t frames = reel_frame_pool_desc_default();
        frames.format = REEL_PIXEL_FORMAT_I420;
        frames.width = 64;
        frames.height = 32;
        frames.config.max = 1024;  // the SD preset keeps up to 640 frames
        ASSERT_EQ(reel_frame_pool_create(context_, &frames, &pool_), REEL_SUCCESS) << reel_last_error_message();
    }
    void TearDown() override {
        reel_context_destroy(context_);
    }

    reel_frame_cache_t Cache(reel_frame_cache_desc_t desc = reel_frame_cache_desc_default()) {
        reel_frame_cache_t cache = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_frame_cache_create(context_, &desc, &cache), REEL_SUCCESS) << reel_last_error_message();
        return cache;
    }

    /// What a decoder does: a pooled frame whose first byte says which frame it is.
    reel_buffer_t Decode(int64_t number) {
        reel_buffer_t frame = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_pool_acquire(pool_, &frame), REEL_SUCCESS) << reel_last_error_message();
        if (frame == REEL_NULL_HANDLE)
            return frame;
        reel_frame_info_t info = reel_frame_info_init();
        reel_buffer_get_frame(frame, &info);
        info.data[0][0] = static_cast<uint8_t>(number);
        reel_buffer_set_pts(frame, number);
        return frame;
    }

    /// Inserts a decoded frame and drops the producer's own reference.
    void Produce(reel_frame_cache_t cache, int64_t number) {
        reel_buffer_t frame = Decode(number);
        if (frame == REEL_NULL_HANDLE)
            return;
        EXPECT_EQ(reel_frame_cache_insert(cache, number, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
    }

    /// Waits until a producer thread took and served every request (a frame interval).
    static void WaitUntilServed(reel_frame_cache_t cache) {
        for (;;) {
            reel_frame_cache_stats_t stats;
            std::memset(&stats, 0, sizeof stats);
            stats.struct_size = sizeof stats;
            reel_frame_cache_get_stats(cache, &stats);
            if (stats.queued_requests == 0 && stats.in_flight_requests == 0)
                return;
            std::this_thread::yield();
        }
    }

    uint32_t InUse() const {
        reel_pool_stats_t stats = reel_pool_stats_init();
        reel_pool_get_stats(pool_, &stats);
        return stats.in_use;
    }

    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_pool_t pool_ = REEL_NULL_HANDLE;
};

}  // namespace

TEST_F(FrameCacheTest, MissQueuesADemandRequest_ThenTheInsertedFrameHits) {
    reel_frame_cache_t cache = Cache();
    reel_buffer_t frame = reinterpret_cast<reel_buffer_t>(1);
    EXPECT_EQ(reel_frame_cache_get(cache, 100, &frame), REEL_NOT_READY);
    EXPECT_EQ(frame, REEL_NULL_HANDLE);

    reel_frame_request_t request;
    std::memset(&request, 0, sizeof request);
    request.struct_size = sizeof request;
    ASSERT_EQ(reel_frame_cache_take_request(cache, &request), REEL_SUCCESS);
    EXPECT_EQ(request.frame_number, 100);
    EXPECT_EQ(request.is_demand, 1u);

    Produce(cache, 100);
    ASSERT_EQ(reel_frame_cache_get(cache, 100, &frame), REEL_SUCCESS);
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS);
    EXPECT_EQ(info.pts, 100);
    EXPECT_EQ(info.data[0][0], 100);
    reel_buffer_release(frame);
}

TEST_F(FrameCacheTest, ForwardPlayWithAProducerThread_HitsAfterWarmUp) {
    std::mutex mutex;
    std::condition_variable wake;
    bool stop = false;
    int pending = 0;
    reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
    desc.preset = REEL_FRAME_CACHE_PRESET_SD;
    desc.frame_count = 2000;
    struct Waker { std::mutex* m; std::condition_variable* cv; int* pending; } waker{&mutex, &wake, &pending};
    desc.request_callback = [](void* user, reel_frame_cache_t) {
        auto* w = static_cast<Waker*>(user);
        std::lock_guard<std::mutex> lock(*w->m);
        ++*w->pending;
        w->cv->notify_one();
    };
    desc.request_user_data = &waker;
    reel_frame_cache_t cache = Cache(desc);

    std::thread producer([&] {
        for (;;) {
            {
                std::unique_lock<std::mutex> lock(mutex);
                wake.wait(lock, [&] { return stop || pending > 0; });
                if (stop)
                    return;
                pending = 0;
            }
            reel_frame_request_t request;
            std::memset(&request, 0, sizeof request);
            request.struct_size = sizeof request;
            while (reel_frame_cache_take_request(cache, &request) == REEL_SUCCESS)
                Produce(cache, request.frame_number);
        }
    });

    int hits = 0;
    for (int64_t number = 0; number < 1000; ++number) {
        reel_buffer_t frame;
        reel_result_t result;
        while ((result = reel_frame_cache_get(cache, number, &frame)) == REEL_NOT_READY)
            std::this_thread::yield();  // a player would show the previous frame
        ASSERT_EQ(result, REEL_SUCCESS);
        reel_frame_info_t info = reel_frame_info_init();
        reel_buffer_get_frame(frame, &info);
        ASSERT_EQ(info.pts, number) << "the frame asked for, not another";
        reel_buffer_release(frame);
        ++hits;
        WaitUntilServed(cache);  // the producer decodes faster than playback shows frames
    }
    {
        std::lock_guard<std::mutex> lock(mutex);
        stop = true;
    }
    wake.notify_one();
    producer.join();

    reel_frame_cache_stats_t stats;
    std::memset(&stats, 0, sizeof stats);
    stats.struct_size = sizeof stats;
    ASSERT_EQ(reel_frame_cache_get_stats(cache, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.pattern, REEL_ACCESS_FORWARD);
    EXPECT_GE(stats.pattern_hits[REEL_ACCESS_FORWARD], 990u) << "prefetch keeps forward play ahead";
    EXPECT_GE(stats.prefetch_used, 990u);
    EXPECT_LE(stats.misses, 5u) << "only while the pattern is still unknown";
    EXPECT_EQ(hits, 1000);
}

TEST_F(FrameCacheTest, EvictionNeverFreesAFrameAConsumerHolds) {
    reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
    desc.ring_size = 4;
    desc.flags = REEL_FRAME_CACHE_FLAG_RING_ONLY;
    desc.prefetch_depth = 1;
    reel_frame_cache_t cache = Cache(desc);
    Produce(cache, 0);
    reel_buffer_t held;
    ASSERT_EQ(reel_frame_cache_get(cache, 0, &held), REEL_SUCCESS);
    for (int64_t number = 1; number < 40; ++number)
        Produce(cache, number);  // frame 0 is evicted long before this ends
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_buffer_get_frame(held, &info), REEL_SUCCESS) << "still alive: the consumer's reference";
    EXPECT_EQ(info.pts, 0);
    EXPECT_EQ(reel_buffer_release(held), REEL_SUCCESS);
    reel_frame_cache_stats_t stats;
    std::memset(&stats, 0, sizeof stats);
    stats.struct_size = sizeof stats;
    reel_frame_cache_get_stats(cache, &stats);
    EXPECT_GT(stats.evictions, 30u);
    EXPECT_LE(InUse(), 4u) << "only what the ring holds";
}

TEST_F(FrameCacheTest, RangeReturnsHitsAndRequestsMisses) {
    reel_frame_cache_t cache = Cache();
    for (int64_t number = 10; number < 14; ++number)
        Produce(cache, number);
    reel_buffer_t frames[6];
    uint32_t hits = 0;
    EXPECT_EQ(reel_frame_cache_get_range(cache, 10, 6, frames, &hits), REEL_NOT_READY);
    EXPECT_EQ(hits, 4u);
    EXPECT_NE(frames[3], REEL_NULL_HANDLE);
    EXPECT_EQ(frames[4], REEL_NULL_HANDLE);
    EXPECT_EQ(frames[5], REEL_NULL_HANDLE);
    for (reel_buffer_t frame : frames)
        if (frame != REEL_NULL_HANDLE)
            reel_buffer_release(frame);
}

TEST_F(FrameCacheTest, DestroyAndContextDestroyReleaseEveryFrame) {
    reel_frame_cache_t cache = Cache();
    for (int64_t number = 0; number < 20; ++number)
        Produce(cache, number);
    EXPECT_EQ(InUse(), 20u);
    ASSERT_EQ(reel_frame_cache_destroy(cache), REEL_SUCCESS);
    EXPECT_EQ(InUse(), 0u);
    EXPECT_TRUE(Failed(reel_frame_cache_destroy(cache), REEL_ERROR_INVALID_HANDLE, {"is stale: that reel_frame_cache_t was destroyed"}));

    cache = Cache();
    Produce(cache, 1);
    reel_buffer_t outside = Decode(2);
    ASSERT_EQ(reel_frame_cache_insert(cache, 2, outside), REEL_SUCCESS);
    ASSERT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
    EXPECT_EQ(reel_frame_cache_clear(cache), REEL_ERROR_INVALID_HANDLE) << "the context took the cache with it";
    EXPECT_EQ(reel_buffer_release(outside), REEL_SUCCESS) << "the host's own reference survived";
    reel_context_desc_t desc = reel_context_desc_default();
    ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);  // for TearDown
}

TEST_F(FrameCacheTest, BadInput) {
    reel_frame_cache_t cache = Cache();
    reel_frame_cache_desc_t desc = reel_frame_cache_desc_default();
    reel_frame_cache_t none;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, nullptr, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc is NULL"}));
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_cache is NULL"}));
    desc.struct_size = 12;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 12"}));
    desc = reel_frame_cache_desc_default();
    desc.preset = static_cast<reel_frame_cache_preset_t>(7);
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc->preset is 7"}));
    desc = reel_frame_cache_desc_default();
    desc.ring_size = 2;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"reel_frame_cache_create: desc->ring_size is 2; must be 4 to 65536"}));
    desc.ring_size = 4294967295u;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc->ring_size is 4294967295; must be 4 to 65536"}))
        << "the host's value, not a narrowed one";
    desc = reel_frame_cache_desc_default();
    desc.flags = 0x8;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x8", "REEL_FRAME_CACHE_FLAG_RING_ONLY"}));
    desc = reel_frame_cache_desc_default();
    desc.memory_budget = 1000;
    EXPECT_TRUE(Failed(reel_frame_cache_create(context_, &desc, &none), REEL_ERROR_INVALID_ARGUMENT, {"desc->memory_budget is 1000"}));

    reel_buffer_t frame = Decode(5);
    EXPECT_TRUE(Failed(reel_frame_cache_insert(cache, -1, frame), REEL_ERROR_INVALID_ARGUMENT, {"-1"}));
    EXPECT_TRUE(Failed(reel_frame_cache_insert(cache, 1LL << 50, frame), REEL_ERROR_INVALID_ARGUMENT, {"1125899906842624"}));
    EXPECT_TRUE(Failed(reel_frame_cache_insert(reinterpret_cast<reel_frame_cache_t>(pool_), 5, frame), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_pool_t, not a reel_frame_cache_t"}));
    reel_buffer_release(frame);
    EXPECT_TRUE(Failed(reel_frame_cache_insert(cache, 5, frame), REEL_ERROR_INVALID_HANDLE, {"reel_frame_cache_insert: buffer", "was released"}));

    reel_byte_pool_desc_t bytes_desc = reel_byte_pool_desc_default();
    reel_pool_t bytes;
    ASSERT_EQ(reel_byte_pool_create(context_, &bytes_desc, &bytes), REEL_SUCCESS);
    reel_buffer_t packet;
    ASSERT_EQ(reel_pool_acquire_bytes(bytes, 100, &packet), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_frame_cache_insert(cache, 5, packet), REEL_ERROR_INVALID_ARGUMENT, {"not a frame pool"}));
    reel_buffer_release(packet);

    EXPECT_TRUE(Failed(reel_frame_cache_get(cache, 1, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_frame is NULL"}));
    reel_buffer_t frames[2];
    EXPECT_TRUE(Failed(reel_frame_cache_get_range(cache, 0, 0, frames, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"count is 0"}));
    EXPECT_TRUE(Failed(reel_frame_cache_get_range(cache, 0, 5000, frames, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"count is 5000"}));
    EXPECT_TRUE(Failed(reel_frame_cache_abandon_request(cache, 77), REEL_ERROR_INVALID_ARGUMENT, {"frame_number 77 has no pending request"}));
    EXPECT_TRUE(Failed(reel_frame_cache_set_frame_count(cache, -4), REEL_ERROR_INVALID_ARGUMENT, {"frame_count is -4"}));
    reel_frame_request_t request = {};
    EXPECT_TRUE(Failed(reel_frame_cache_take_request(cache, &request), REEL_ERROR_INVALID_ARGUMENT, {"out_request->struct_size is 0"}));
    EXPECT_EQ(reel_frame_cache_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
}
