// bindings/cpp/reel.hpp: RAII ownership of contexts, pools and buffers on top of the C ABI.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "reel.hpp"

namespace {

reel_frame_pool_desc_t SmallFrames(uint32_t max) {
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_I420;
    desc.width = 32;
    desc.height = 32;
    desc.config.max = max;
    return desc;
}

}  // namespace

TEST(CppWrapper, BufferCopiesRetainAndDestructorsRelease) {
    reel::context context;
    reel::pool frames = reel::pool::frames(context, SmallFrames(2));
    {
        reel::buffer first = frames.acquire();
        ASSERT_TRUE(first);
        reel::buffer copy = first;  // retain
        EXPECT_EQ(copy.get(), first.get());
        first.reset();              // one reference left
        EXPECT_EQ(frames.stats().in_use, 1u);
        copy.set_pts(7);
        EXPECT_EQ(copy.frame().pts, 7);
    }
    reel_pool_stats_t stats = frames.stats();
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_EQ(stats.releases, 1u);
}

TEST(CppWrapper, MoveTransfersTheReference) {
    reel::context context;
    reel::pool frames = reel::pool::frames(context, SmallFrames(1));
    reel::buffer a = frames.acquire();
    reel::buffer b = std::move(a);
    EXPECT_FALSE(a);  // NOLINT(bugprone-use-after-move): moved-from is documented as empty
    EXPECT_TRUE(b);
    EXPECT_EQ(frames.stats().in_use, 1u);
    std::vector<reel::buffer> held;
    held.push_back(std::move(b));
    held.clear();
    EXPECT_EQ(frames.stats().in_use, 0u);
}

TEST(CppWrapper, ErrorsThrowWithCodeAndMessage) {
    reel::context context;
    reel::pool frames = reel::pool::frames(context, SmallFrames(1));
    reel::buffer held = frames.acquire();
    try {
        frames.acquire();
        FAIL() << "an exhausted FAIL pool must throw";
    } catch (const reel::error& e) {
        EXPECT_EQ(e.code(), REEL_ERROR_LIMIT_REACHED);
        EXPECT_NE(std::string(e.what()).find("is exhausted"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(frames.try_acquire()) << "try_acquire gives an empty buffer instead";
    reel_frame_pool_desc_t bad = SmallFrames(1);
    bad.width = 0;
    EXPECT_THROW(reel::pool::frames(context, bad), reel::error);
}

TEST(CppWrapper, BuffersOutliveTheirPoolObject) {
    reel::context context;
    reel::buffer survivor;
    {
        reel::pool frames = reel::pool::frames(context, SmallFrames(2));
        survivor = frames.acquire();
    }  // pool destroyed here
    reel_frame_info_t info = survivor.frame();
    EXPECT_EQ(info.width, 32u);
    survivor.reset();  // freed now
}

TEST(CppWrapper, BytesAndAudio) {
    reel::context context;
    reel::pool packets = reel::pool::bytes(context, reel_byte_pool_desc_default());
    reel::buffer packet = packets.acquire_bytes(1000);
    packet.set_size(10);
    EXPECT_EQ(packet.bytes().size, 10u);
    EXPECT_EQ(packet.bytes().capacity, 65536u);

    reel_audio_pool_desc_t desc = reel_audio_pool_desc_default();
    desc.format = REEL_SAMPLE_FORMAT_F32;
    desc.channels = 2;
    desc.samples_per_buffer = 480;
    reel::pool audio = reel::pool::audio(context, desc);
    EXPECT_EQ(audio.acquire().audio().size, 480u * 2 * 4);
}

TEST(CppWrapper, BuffersCrossThreads) {
    reel::context context;
    reel::pool frames = reel::pool::frames(context, SmallFrames(4));
    std::vector<std::thread> threads;
    reel::buffer shared = frames.acquire();
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([copy = shared]() mutable {  // each thread holds its own reference
            for (int k = 0; k < 1000; ++k) {
                reel::buffer again = copy;
                again.reset();
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    shared.reset();
    EXPECT_EQ(frames.stats().in_use, 0u);
    EXPECT_EQ(frames.trim(), 1u);
}
