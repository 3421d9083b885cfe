// Frame, audio and byte pools through the C ABI: layouts, policies, lifetimes, trimming.
#include "test_support.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using reel_test::ScopedContext;

namespace {

std::atomic<long> g_live_blocks{0};
std::atomic<long> g_allocations{0};

void* CountingAlloc(void*, size_t size, size_t alignment) {
    g_live_blocks++;
    g_allocations++;
    return std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}

void CountingFree(void*, void* memory, size_t, size_t) {
    g_live_blocks--;
    std::free(memory);
}

class Pools : public ::testing::Test {
protected:
    void SetUp() override {
        reel_context_desc_t desc = reel_context_desc_default();
        desc.allocator.alloc = CountingAlloc;
        desc.allocator.free = CountingFree;
        blocks_at_start_ = g_live_blocks.load();
        ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS) << reel_last_error_message();
    }
    void TearDown() override {
        EXPECT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
        EXPECT_EQ(g_live_blocks.load(), blocks_at_start_) << "every buffer went back to the host allocator";
    }

    reel_pool_t FramePool(reel_pixel_format_t format, uint32_t width, uint32_t height, reel_pool_config_t config = {}) {
        reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
        desc.format = format;
        desc.width = width;
        desc.height = height;
        desc.config = config;
        reel_pool_t pool = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_frame_pool_create(context_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
        return pool;
    }

    static reel_pool_stats_t Stats(reel_pool_t pool) {
        reel_pool_stats_t stats = reel_pool_stats_init();
        EXPECT_EQ(reel_pool_get_stats(pool, &stats), REEL_SUCCESS) << reel_last_error_message();
        return stats;
    }

    reel_context_t context_ = REEL_NULL_HANDLE;
    long blocks_at_start_ = 0;
};

}  // namespace

TEST_F(Pools, FrameFormatsHaveTheirPlanes) {
    struct Case {
        reel_pixel_format_t format;
        uint32_t planes;
        uint32_t luma_row_bytes;
    };
    for (Case c : {Case{REEL_PIXEL_FORMAT_NV12, 2, 1920}, Case{REEL_PIXEL_FORMAT_I420, 3, 1920}, Case{REEL_PIXEL_FORMAT_P010, 2, 3840},
                   Case{REEL_PIXEL_FORMAT_I010, 3, 3840}, Case{REEL_PIXEL_FORMAT_RGBA8, 1, 7680}, Case{REEL_PIXEL_FORMAT_BGRA8, 1, 7680}}) {
        reel_pool_t pool = FramePool(c.format, 1920, 1080);
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS) << reel_last_error_message();
        reel_frame_info_t info = reel_frame_info_init();
        ASSERT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(info.format, c.format);
        EXPECT_EQ(info.width, 1920u);
        EXPECT_EQ(info.height, 1080u);
        EXPECT_EQ(info.plane_count, c.planes);
        EXPECT_EQ(info.stride[0], c.luma_row_bytes);
        for (uint32_t p = 0; p < info.plane_count; ++p) {
            EXPECT_EQ(reinterpret_cast<uintptr_t>(info.data[p]) % 64, 0u) << "plane " << p << " is 64-byte aligned";
            EXPECT_EQ(info.stride[p] % 64, 0u);
            std::memset(info.data[p], 0x5A, info.plane_size[p]);  // the whole plane is writable
        }
        for (uint32_t p = info.plane_count; p < REEL_MAX_PLANES; ++p)
            EXPECT_EQ(info.data[p], nullptr);
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
        EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    }
}

TEST_F(Pools, OddI420SizeRoundsChromaUp) {
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_I420;
    desc.width = 5;
    desc.height = 3;
    desc.stride_align = 1;
    reel_pool_t pool;
    ASSERT_EQ(reel_frame_pool_create(context_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS);
    EXPECT_EQ(info.stride[0], 5u);
    EXPECT_EQ(info.plane_size[0], 15u);
    EXPECT_EQ(info.stride[1], 3u);
    EXPECT_EQ(info.plane_size[1], 6u) << "ceil(5/2) x ceil(3/2)";
    EXPECT_EQ(info.data[1], info.data[0] + 15);
    EXPECT_EQ(info.data[2], info.data[1] + 6);
    reel_buffer_release(frame);
}

TEST_F(Pools, PtsTagAndRetainAcrossThreads) {
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 64, 64);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_set_pts(frame, 90000), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_set_tag(frame, 0xC0FFEE), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_retain(frame), REEL_SUCCESS);
    std::thread consumer([frame] {
        reel_frame_info_t info = reel_frame_info_init();
        EXPECT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS);
        EXPECT_EQ(info.pts, 90000);
        EXPECT_EQ(info.tag, 0xC0FFEEu);
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    });
    consumer.join();
    EXPECT_EQ(Stats(pool).in_use, 1u) << "the producer's reference remains";
    EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_EQ(stats.acquires, 1u);
    EXPECT_EQ(stats.releases, 1u);
    EXPECT_EQ(stats.allocated, stats.available + stats.in_use);
}

TEST_F(Pools, HostAllocatorSeesEveryBuffer) {
    long before = g_allocations.load();
    reel_pool_config_t config = {};
    config.initial = 3;
    config.max = 5;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_I420, 320, 240, config);
    EXPECT_EQ(g_allocations.load() - before, 3);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.allocated, 3u);
    EXPECT_EQ(stats.misses, 3u);
    EXPECT_GE(stats.bytes_held, 3u * 320 * 240 * 3 / 2);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    EXPECT_EQ(g_live_blocks.load(), blocks_at_start_);
}

TEST_F(Pools, FailPolicyAtTheCap) {
    reel_pool_config_t config = {};
    config.max = 1;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 16, 16, config);
    reel_buffer_t a, b = reinterpret_cast<reel_buffer_t>(1);
    ASSERT_EQ(reel_pool_acquire(pool, &a), REEL_SUCCESS);
    EXPECT_TRUE(reel_test::Failed(reel_pool_acquire(pool, &b), REEL_ERROR_LIMIT_REACHED, {"is exhausted", "all 1 buffers (max) are in use"}));
    EXPECT_EQ(b, REEL_NULL_HANDLE);
    reel_buffer_release(a);
}

TEST_F(Pools, WaitPolicyTimesOutThenIsWokenByARelease) {
    reel_pool_config_t config = {};
    config.max = 1;
    config.exhaustion = REEL_POOL_EXHAUSTION_WAIT;
    // Long enough that the releaser below wakes the second wait well inside it even on a loaded
    // machine (a 30 ms timeout failed there: the release came after the waiter gave up).
    config.wait_timeout_ms = 1000;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 16, 16, config);
    reel_buffer_t held, other;
    ASSERT_EQ(reel_pool_acquire(pool, &held), REEL_SUCCESS);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(reel_pool_acquire(pool, &other), REEL_TIMEOUT);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(990));

    std::thread releaser([held] {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        reel_buffer_release(held);
    });
    EXPECT_EQ(reel_pool_acquire(pool, &other), REEL_SUCCESS) << "woken by the release within the timeout";
    releaser.join();
    reel_buffer_release(other);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.waits, 2u);
    EXPECT_GT(stats.wait_ns, 990ull * 1000 * 1000);
}

TEST_F(Pools, GrowPolicyPastTheCapWarnsAndCounts) {
    reel_pool_config_t config = {};
    config.max = 1;
    config.exhaustion = REEL_POOL_EXHAUSTION_GROW;
    config.grow_limit = 2;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 16, 16, config);
    reel_buffer_t a, b, c;
    ASSERT_EQ(reel_pool_acquire(pool, &a), REEL_SUCCESS);
    ASSERT_EQ(reel_pool_acquire(pool, &b), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_acquire(pool, &c), REEL_ERROR_LIMIT_REACHED);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.grows_past_cap, 1u);
    EXPECT_EQ(stats.allocated, 2u);
    EXPECT_EQ(stats.capacity, 1u);
    reel_buffer_release(a);
    reel_buffer_release(b);
}

TEST_F(Pools, DestroyWithBuffersOutKeepsThemValid) {
    reel_pool_config_t config = {};
    config.initial = 2;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_RGBA8, 32, 32, config);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    long live = g_live_blocks.load();
    ASSERT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    EXPECT_EQ(g_live_blocks.load(), live - 1) << "the idle buffer is freed at once";
    reel_buffer_t another;
    EXPECT_TRUE(reel_test::Failed(reel_pool_acquire(pool, &another), REEL_ERROR_INVALID_HANDLE, {"pool (0x", "was destroyed"}));
    EXPECT_EQ(another, REEL_NULL_HANDLE);
    reel_frame_info_t info = reel_frame_info_init();
    EXPECT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS) << "the buffer out stays usable";
    std::memset(info.data[0], 1, info.plane_size[0]);
    EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    EXPECT_EQ(g_live_blocks.load(), live - 2) << "and is freed on its last release";
}

TEST_F(Pools, TrimAndFrameClockPeriods) {
    reel_pool_config_t config = {};
    config.initial = 4;
    config.trim_idle_frames = 2;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 32, 32, config);
    uint32_t freed = 0;
    ASSERT_EQ(reel_pool_trim(pool, 3, &freed), REEL_SUCCESS);
    EXPECT_EQ(freed, 1u);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);  // 2 idle after it
    uint64_t number = 0;
    ASSERT_EQ(reel_context_advance_frame(context_, &number), REEL_SUCCESS);
    EXPECT_EQ(number, 1u);
    EXPECT_EQ(Stats(pool).allocated, 3u) << "the period is 2 frames";
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.allocated, 1u) << "the period never needed the 2 idle buffers";
    EXPECT_EQ(stats.trims, 3u);
    reel_buffer_release(frame);
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    EXPECT_EQ(Stats(pool).allocated, 0u) << "nothing acquired for a period: all idle buffers go";
}

TEST_F(Pools, AudioBuffers) {
    reel_audio_pool_desc_t desc = reel_audio_pool_desc_default();
    desc.format = REEL_SAMPLE_FORMAT_S32;
    desc.channels = 2;
    desc.samples_per_buffer = 800;
    desc.sample_rate = 48000;
    reel_pool_t pool;
    ASSERT_EQ(reel_audio_pool_create(context_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t buffer;
    ASSERT_EQ(reel_pool_acquire(pool, &buffer), REEL_SUCCESS);
    reel_audio_info_t info = reel_audio_info_init();
    ASSERT_EQ(reel_buffer_get_audio(buffer, &info), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(info.format, REEL_SAMPLE_FORMAT_S32);
    EXPECT_EQ(info.channels, 2u);
    EXPECT_EQ(info.samples, 800u);
    EXPECT_EQ(info.sample_rate, 48000u);
    EXPECT_EQ(info.size, 800u * 2 * 4);
    std::memset(info.data, 0, info.size);
    reel_buffer_release(buffer);
}

TEST_F(Pools, ByteClasses) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    reel_pool_t pool;
    ASSERT_EQ(reel_byte_pool_create(context_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t packet;
    ASSERT_EQ(reel_pool_acquire_bytes(pool, 100000, &packet), REEL_SUCCESS);
    reel_bytes_info_t info = reel_bytes_info_init();
    ASSERT_EQ(reel_buffer_get_bytes(packet, &info), REEL_SUCCESS);
    EXPECT_EQ(info.capacity, 131072u);
    EXPECT_EQ(info.size, 100000u);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(info.data) % 64, 0u);
    ASSERT_EQ(reel_buffer_set_size(packet, 4242), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_set_packet_info(packet, -3, REEL_PACKET_FLAG_KEYFRAME), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_get_bytes(packet, &info), REEL_SUCCESS);
    EXPECT_EQ(info.size, 4242u);
    EXPECT_EQ(info.dts, -3);
    EXPECT_EQ(info.flags, REEL_PACKET_FLAG_KEYFRAME);
    EXPECT_TRUE(reel_test::Failed(reel_buffer_set_packet_info(packet, 0, 0x10), REEL_ERROR_INVALID_ARGUMENT, {"flags is 0x10"}));
    reel_buffer_release(packet);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.capacity, 9u * 16) << "9 classes (64 KiB..16 MiB) x 16";
}

TEST_F(Pools, ZeroOnRelease) {
    reel_pool_config_t config = {};
    config.max = 1;
    config.flags = REEL_POOL_FLAG_ZERO_ON_RELEASE;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_RGBA8, 8, 8, config);
    reel_buffer_t frame;
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    reel_buffer_get_frame(frame, &info);
    std::memset(info.data[0], 0xFF, info.plane_size[0]);
    reel_buffer_release(frame);
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    reel_buffer_get_frame(frame, &info);
    for (size_t i = 0; i < info.plane_size[0]; ++i)
        ASSERT_EQ(info.data[0][i], 0) << "byte " << i;
    reel_buffer_release(frame);
}

TEST_F(Pools, ContextDestroyDestroysPools) {
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 16, 16);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    ASSERT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_ERROR_INVALID_HANDLE);
    EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS) << "buffers out outlive their context";
    reel_context_desc_t desc = reel_context_desc_default();
    ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);  // for TearDown
}

TEST_F(Pools, ManyThreadsShareOnePool) {
    reel_pool_config_t config = {};
    config.max = 8;
    config.exhaustion = REEL_POOL_EXHAUSTION_WAIT;
    config.wait_timeout_ms = REEL_WAIT_FOREVER;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 64, 64, config);
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 20000; ++i) {
                reel_buffer_t frame;
                if (reel_pool_acquire(pool, &frame) != REEL_SUCCESS || reel_buffer_retain(frame) != REEL_SUCCESS ||
                    reel_buffer_release(frame) != REEL_SUCCESS || reel_buffer_release(frame) != REEL_SUCCESS)
                    failures++;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.acquires, 80000u);
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_LE(stats.peak_in_use, 8u);
    EXPECT_EQ(stats.allocated, stats.available);
}

// The protection that replaced FIFO reuse (reel.h section 6): a buffer released after a
// timeline value is not handed out again, to any thread, before that value completes. Two
// "render" threads acquire frames, stamp each with the value of the GPU work that reads it
// and release it after that value; a "GPU" thread completes values three submissions late
// and ticks the frame clock, which runs the due releases.
TEST_F(Pools, BufferReleasedAfterATimelineValue_IsNeverAcquiredBeforeItCompletes_TwoThreads) {
    constexpr int kAcquiresPerThread = 3000;
    constexpr uint32_t kMax = 12;
    reel_pool_config_t config = {};
    config.max = kMax;
    config.exhaustion = REEL_POOL_EXHAUSTION_WAIT;
    config.wait_timeout_ms = REEL_WAIT_FOREVER;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 32, 32, config);
    reel_timeline_t timeline = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_timeline_create(context_, nullptr, &timeline), REEL_SUCCESS) << reel_last_error_message();

    std::mutex mutex;
    std::map<const uint8_t*, uint64_t> last_use;  // frame memory -> value of the GPU work that read it last
    std::vector<std::string> violations;
    std::atomic<uint64_t> submitted{0};
    std::atomic<long> reuses{0};
    std::atomic<int> render_running{2};
    auto violation = [&](std::string what) {
        std::lock_guard<std::mutex> lock(mutex);
        violations.push_back(std::move(what));
    };

    std::thread gpu([&] {
        while (render_running.load() > 0) {
            uint64_t current = 0, done = submitted.load();
            if (reel_timeline_get_value(timeline, &current) != REEL_SUCCESS)
                violation("get_value failed");
            if (done > 3 && done - 3 > current && reel_timeline_signal(timeline, done - 3) != REEL_SUCCESS)
                violation(std::string("signal failed: ") + reel_last_error_message());
            if (reel_context_advance_frame(context_, nullptr) != REEL_SUCCESS)  // runs the due deferred releases
                violation("advance_frame failed");
            std::this_thread::yield();
        }
    });
    std::vector<std::thread> render;
    for (int id = 0; id < 2; ++id) {
        render.emplace_back([&, id] {
            for (int i = 0; i < kAcquiresPerThread; ++i) {
                reel_buffer_t frame;
                if (reel_pool_acquire(pool, &frame) != REEL_SUCCESS) {
                    violation(std::string("acquire failed: ") + reel_last_error_message());
                    break;
                }
                reel_frame_info_t info = reel_frame_info_init();
                if (reel_buffer_get_frame(frame, &info) != REEL_SUCCESS)
                    violation("get_frame failed");
                uint64_t completed = 0;
                reel_timeline_get_value(timeline, &completed);
                uint64_t value = ++submitted;
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    auto previous = last_use.find(info.data[0]);
                    if (previous != last_use.end()) {
                        reuses++;
                        if (previous->second > completed)
                            violations.push_back("thread " + std::to_string(id) + " got a frame while GPU work " +
                                                 std::to_string(previous->second) + " reading it is pending (completed " +
                                                 std::to_string(completed) + ")");
                    }
                    last_use[info.data[0]] = value;
                }
                if (reel_buffer_release_after(frame, timeline, value) != REEL_SUCCESS)
                    violation(std::string("release_after failed: ") + reel_last_error_message());
            }
            render_running--;
        });
    }
    for (auto& thread : render)
        thread.join();
    gpu.join();
    ASSERT_EQ(reel_timeline_signal(timeline, submitted.load()), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);

    EXPECT_TRUE(violations.empty()) << violations.size() << " violations, the first: " << violations.front();
    reel_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.acquires, 2u * kAcquiresPerThread);
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_LE(stats.allocated, kMax);
    // Nothing is trimmed (no trim period), so every acquire past the first of each buffer is a reuse.
    EXPECT_EQ(reuses.load(), static_cast<long>(2 * kAcquiresPerThread - stats.allocated));
    EXPECT_EQ(reel_timeline_destroy(timeline), REEL_SUCCESS);
}

// Issue 16, defect 2: with 24-bit generations a pool of one buffer handed the first handle's
// value out again after 2^24 - 1 reuses, and releasing the old handle released the new
// holder's buffer. Handles never come back now (42-bit tags, slots retired, never wrapped).
TEST_F(Pools, OneBufferPool_After2To24Reuses_TheFirstHandleIsStillStale) {
    reel_pool_config_t config = {};
    config.max = 1;
    reel_pool_t pool = FramePool(REEL_PIXEL_FORMAT_NV12, 16, 16, config);
    reel_buffer_t h0;
    ASSERT_EQ(reel_pool_acquire(pool, &h0), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_release(h0), REEL_SUCCESS);
    for (int i = 0; i < (1 << 24) - 2; ++i) {
        reel_buffer_t h;
        if (reel_pool_acquire(pool, &h) != REEL_SUCCESS || reel_buffer_release(h) != REEL_SUCCESS)
            FAIL() << "cycle " << i << ": " << reel_last_error_message();
    }
    reel_buffer_t live;
    ASSERT_EQ(reel_pool_acquire(pool, &live), REEL_SUCCESS);
    EXPECT_NE(live, h0) << "after 2^24 - 1 reuses the slot's handle differs from the first one";
    EXPECT_EQ(reel_buffer_release(h0), REEL_ERROR_INVALID_HANDLE);
    reel_frame_info_t info = reel_frame_info_init();
    EXPECT_EQ(reel_buffer_get_frame(live, &info), REEL_SUCCESS) << "the holder's buffer is untouched";
    EXPECT_EQ(reel_buffer_release(live), REEL_SUCCESS);
    EXPECT_EQ(Stats(pool).acquires, static_cast<uint64_t>(1) << 24);
}
