// bindings/cpp/reel.hpp: RAII ownership of every handle type of reel.h on top of the C ABI
// (reel_vulkan.hpp's owners are tested in gpu_cpp_wrapper_test.cpp).
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "reel.hpp"
#include "session_support.h"

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

TEST(CppWrapper, TimelinesKeyDeferredReleasesAndAreDestroyed) {
    reel::context context;
    reel::pool frames = reel::pool::frames(context, SmallFrames(2));
    reel_timeline_t raw = REEL_NULL_HANDLE;
    {
        reel::timeline cpu = reel::timeline::create(context);
        raw = cpu.get();
        reel::buffer frame = frames.acquire();
        frame.release_after(cpu.get(), 2);
        EXPECT_FALSE(frame) << "the reference went to the deferred queue";
        context.advance_frame();
        EXPECT_EQ(frames.stats().in_use, 1u) << "not before the timeline reaches 2";
        EXPECT_FALSE(cpu.wait(2, 0));
        cpu.signal(2);
        EXPECT_TRUE(cpu.wait(2, 0));
        EXPECT_EQ(cpu.value(), 2u);
        context.advance_frame();
        EXPECT_EQ(frames.stats().in_use, 0u);
        reel::timeline moved = std::move(cpu);
        EXPECT_EQ(moved.get(), raw);
    }
    EXPECT_EQ(reel_timeline_destroy(raw), REEL_ERROR_INVALID_HANDLE) << "destroyed by the owner";
}

TEST(CppWrapper, SessionsAndFilesAreOwnedAndClosed) {
    reel::context context;
    reel_encoder_desc_t desc = reel_test::SmallDesc(64, 64);
    reel::encoder encoder = reel::encoder::create(context, desc);
    reel::pool frames = reel::pool::frames(context, SmallFrames(4));
    reel_frame_pool_desc_t i420 = reel_frame_pool_desc_default();
    i420.format = REEL_PIXEL_FORMAT_I420;
    i420.width = 64;
    i420.height = 64;
    reel::pool pictures = reel::pool::frames(context, i420);
    std::string path = ::testing::TempDir() + "reel_cpp_wrapper.ivf";
    reel_media_info_t info = reel_media_info_init();
    info.width = 64;
    info.height = 64;
    info.fps_num = 30;
    info.fps_den = 1;
    reel::ivf_writer writer = reel::ivf_writer::create(context, path, info);
    for (int i = 0; i < 3; ++i) {
        reel::buffer picture = pictures.acquire();
        picture.set_pts(i);
        EXPECT_EQ(encoder.submit(picture, 0, 1000), REEL_SUCCESS);
    }
    encoder.flush();
    reel::buffer packet;
    int written = 0;
    while (encoder.receive(packet, 5000) == REEL_SUCCESS) {
        writer.write(packet);
        written++;
    }
    EXPECT_EQ(written, 3);
    writer.close();
    EXPECT_FALSE(writer.get()) << "closed";

    reel::ivf_reader reader = reel::ivf_reader::open(context, path);
    EXPECT_EQ(reader.info().width, 64u);
    reel::pool bytes = reel::pool::bytes(context, reel_byte_pool_desc_default());
    reel::decoder decoder = reel::decoder::create(context);
    int decoded = 0;
    reel::buffer frame;
    while (reader.read(bytes, packet) == REEL_SUCCESS) {
        decoder.submit(packet);
        while (decoder.receive(frame) == REEL_SUCCESS)
            decoded++;
    }
    decoder.flush();
    while (decoder.receive(frame) == REEL_SUCCESS)
        decoded++;
    EXPECT_EQ(decoded, 3);
    reel::frame_cache cache = reel::frame_cache::create(context);
    reel::buffer picture = pictures.acquire();
    cache.insert(0, picture);
    EXPECT_EQ(cache.stats().inserts, 1u);
    EXPECT_EQ(cache.lookup(0).get(), picture.get());
    std::remove(path.c_str());
}

TEST(CppWrapper, MovieWriterEndsInItsDestructor) {
    reel::context context;
    std::string path = ::testing::TempDir() + "reel_cpp_movie.ivf";
    {
        reel::movie_writer movie = reel::movie_writer::begin(context, path, reel_test::SmallDesc(64, 64));
        reel_frame_pool_desc_t i420 = reel_frame_pool_desc_default();
        i420.format = REEL_PIXEL_FORMAT_I420;
        i420.width = 64;
        i420.height = 64;
        reel::pool pictures = reel::pool::frames(context, i420);
        movie.write(pictures.acquire());
        EXPECT_EQ(movie.stats().frames_written, 1u);
    }  // ended here: the file is complete
    EXPECT_EQ(reel_test::FfprobeFrames(path), 1);
    std::remove(path.c_str());
}
