// The encoder pool through the C ABI: reserved configurations are served from idle encoders,
// an encoder that never got a frame goes back as it is, a used one is retired and replaced in
// the background (SVT-AV1 cannot restart after a flush), and the reuse rate is counted.
#include <chrono>
#include <thread>

#include "session_support.h"

using namespace reel_test;

namespace {

reel_encoder_pool_stats_t PoolStats(reel_context_t context) {
    reel_encoder_pool_stats_t stats = reel_encoder_pool_stats_init();
    EXPECT_EQ(reel_encoder_pool_get_stats(context, &stats), REEL_SUCCESS) << reel_last_error_message();
    return stats;
}

/// Waits (up to 20 s) until no encoder is being started in the background.
reel_encoder_pool_stats_t Settled(reel_context_t context) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    reel_encoder_pool_stats_t stats = PoolStats(context);
    while (stats.starting > 0 && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        stats = PoolStats(context);
    }
    return stats;
}

uint32_t FromPool(reel_encoder_t encoder) {
    reel_encoder_stats_t stats = reel_encoder_stats_init();
    EXPECT_EQ(reel_encoder_get_stats(encoder, &stats), REEL_SUCCESS);
    return stats.from_pool;
}

TEST(EncoderPool, ReservedConfiguration_IsReusedAndRefilled) {
    ScopedContext context;
    reel_encoder_desc_t desc = SmallDesc();
    reel_encoder_pool_stats_t stats = PoolStats(context.get());
    EXPECT_EQ(stats.requests, 0u) << "no pool before the first reserve";

    ASSERT_EQ(reel_encoder_pool_reserve(context.get(), &desc, 1), REEL_SUCCESS) << reel_last_error_message();
    stats = PoolStats(context.get());
    EXPECT_EQ(stats.configurations, 1u);
    EXPECT_EQ(stats.idle, 1u) << "reserve starts the encoder before it returns";

    // Taken and given back without a frame: it goes back idle as it is (no replacement was
    // started: that happens at an encoder's first frame).
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(FromPool(encoder), 1u);
    stats = PoolStats(context.get());
    EXPECT_EQ(stats.idle, 0u);
    EXPECT_EQ(stats.starting, 0u);
    ASSERT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    stats = Settled(context.get());
    EXPECT_EQ(stats.returned_unused, 1u);
    EXPECT_EQ(stats.idle, 1u);
    EXPECT_EQ(stats.retired, 0u);

    // Taken again and used: it cannot be reset, so it is retired and a fresh one replaces it.
    desc.name = "pooled";
    std::vector<Packet> packets = Encode(context.get(), desc, Pictures(320, 240, 5));
    EXPECT_EQ(packets.size(), 5u);
    stats = Settled(context.get());
    EXPECT_EQ(stats.requests, 2u);
    EXPECT_EQ(stats.hits, 2u);
    EXPECT_EQ(stats.retired, 1u);
    EXPECT_EQ(stats.replenished, 1u) << "one replacement, started at the first frame";
    EXPECT_EQ(stats.idle, 1u) << "the configuration is ready again";
    EXPECT_DOUBLE_EQ(stats.reuse_rate, 1.0);

    // Another configuration misses.
    reel_encoder_desc_t other = SmallDesc(352, 288);
    ASSERT_EQ(reel_encoder_create(context.get(), &other, &encoder), REEL_SUCCESS);
    EXPECT_EQ(FromPool(encoder), 0u);
    reel_encoder_destroy(encoder);
    stats = Settled(context.get());
    EXPECT_EQ(stats.misses, 1u);
    EXPECT_NEAR(stats.reuse_rate, 2.0 / 3.0, 1e-9);
    EXPECT_EQ(stats.idle, 1u) << "an unreserved configuration is not kept";

    // Releasing the configuration disposes its idle encoder.
    ASSERT_EQ(reel_encoder_pool_reserve(context.get(), &desc, 0), REEL_SUCCESS);
    stats = Settled(context.get());
    EXPECT_EQ(stats.configurations, 0u);
    EXPECT_EQ(stats.idle, 0u);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(EncoderPool, ContextDestroy_DisposesIdleEncoders) {
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&cd, &context), REEL_SUCCESS);
    reel_encoder_desc_t desc = SmallDesc();
    ASSERT_EQ(reel_encoder_pool_reserve(context, &desc, 2), REEL_SUCCESS) << reel_last_error_message();
    reel_memory_stats_t memory = reel_memory_stats_init();
    ASSERT_EQ(reel_context_get_memory(context, &memory), REEL_SUCCESS);
    EXPECT_GT(memory.category_bytes[REEL_MEMORY_CODEC], 0u) << "idle encoders are charged to the codec category";
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context, &desc, &encoder), REEL_SUCCESS);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS) << "idle, starting and live encoders all go";
    EXPECT_TRUE(Failed(reel_encoder_destroy(encoder), REEL_ERROR_INVALID_HANDLE, {"stale"}));
}

}  // namespace
