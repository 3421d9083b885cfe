// Encoder sessions through the C ABI: a round trip per rate-control mode (encode -> IVF ->
// ffprobe, the dav1d tool and a Reel decoder session, PSNR against the source), forced
// keyframes, the bounded queue, host packet pools, stats, and pool buffers back to zero.
#include <thread>

#include "session_support.h"

using namespace reel_test;

namespace {

struct RoundTripCase {
    const char* name;
    reel_rate_control_t rc;
    uint32_t quality;
    uint64_t bitrate;
    double psnr_floor;  // dB, luma, worst frame
};

// Names the case in ctest's listing instead of dumping its bytes.
void PrintTo(const RoundTripCase& c, std::ostream* os) { *os << c.name; }

class EncoderRoundTrip : public ::testing::TestWithParam<RoundTripCase> {};

// Floors sit a few dB under the worst frame SVT-AV1 1.4.1 gave on this smooth pattern at
// 320x240, speed 12 (measured: CRF q60 50.3 dB, CQP q60 50.2, VBR 600 kbit/s 51.0, CBR 600
// kbit/s 43.8; means 53.5 to 57.9): wrong strides, swapped planes or frames out of order fall
// far below them.
TEST_P(EncoderRoundTrip, EncodesDecodesAndToolsAcceptTheFile) {
    const RoundTripCase& c = GetParam();
    ScopedContext context;
    ASSERT_EQ(context.result(), REEL_SUCCESS);
    TempDir dir;
    const int frames = 24;
    std::vector<Picture> source = Pictures(320, 240, frames);
    reel_encoder_desc_t desc = SmallDesc();
    desc.rate_control = c.rc;
    desc.quality = c.quality;
    desc.bitrate = c.bitrate;

    std::vector<Packet> packets = Encode(context.get(), desc, source);
    ASSERT_EQ(packets.size(), size_t(frames));
    EXPECT_TRUE(packets[0].keyframe) << "the first packet starts the stream";
    for (size_t i = 1; i < packets.size(); i++)
        EXPECT_GT(packets[i].dts, packets[i - 1].dts) << "packets come in decode order with rising dts";

    std::string path = dir.File("roundtrip.ivf");
    WriteIvf(context.get(), path, 320, 240, packets);
    EXPECT_EQ(FfprobeFrames(path), frames) << "ffprobe decodes every frame";
    EXPECT_EQ(Dav1dToolFrames(path), frames) << "the dav1d tool decodes every frame";

    std::vector<Picture> decoded = Decode(context.get(), packets);
    ASSERT_EQ(decoded.size(), size_t(frames));
    double worst = 100, sum = 0;
    for (int i = 0; i < frames; i++) {
        EXPECT_EQ(decoded[size_t(i)].pts, i) << "frames come back in presentation order with their pts";
        double psnr = LumaPsnr(source[size_t(i)], decoded[size_t(i)]);
        worst = std::min(worst, psnr);
        sum += psnr;
    }
    std::printf("[ %s ] luma PSNR mean %.2f dB, worst %.2f dB (floor %.1f), %zu packets\n", c.name, sum / frames, worst, c.psnr_floor,
                packets.size());
    EXPECT_GE(worst, c.psnr_floor);
    EXPECT_EQ(BuffersOut(context.get()), 0u) << "every frame and packet went back to its pool";
}

INSTANTIATE_TEST_SUITE_P(RateControl, EncoderRoundTrip,
                         ::testing::Values(RoundTripCase{"CRF", REEL_RATE_CONTROL_CRF, 60, 0, 45.0},
                                           RoundTripCase{"CQP", REEL_RATE_CONTROL_CQP, 60, 0, 45.0},
                                           RoundTripCase{"VBR", REEL_RATE_CONTROL_VBR, 0, 600000, 45.0},
                                           RoundTripCase{"CBR", REEL_RATE_CONTROL_CBR, 0, 600000, 40.0}),
                         [](const ::testing::TestParamInfo<RoundTripCase>& info) { return std::string(info.param.name); });

TEST(EncoderSession, ForcedKeyframe_MakesThatFrameAKeyframe) {
    ScopedContext context;
    reel_encoder_desc_t desc = SmallDesc();
    desc.rate_control = REEL_RATE_CONTROL_CQP;
    std::vector<Packet> packets = Encode(context.get(), desc, Pictures(320, 240, 16), {9});
    ASSERT_EQ(packets.size(), 16u);
    bool found = false;
    for (const Packet& p : packets) {
        if (p.pts == 9) {
            found = true;
            EXPECT_TRUE(p.keyframe) << "REEL_ENCODE_FLAG_KEYFRAME on frame 9";
        } else if (p.pts != 0) {
            EXPECT_FALSE(p.keyframe) << "pts " << p.pts << " was not forced";
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(EncoderSession, FullQueue_AnswersNotReadyAndCountsDropped) {
    ScopedContext context;
    reel_encoder_desc_t desc = SmallDesc();
    desc.queue_depth = 1;
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), 320, 240, 64);
    int refused = 0, accepted = 0;
    // No pixels are written: submitting then takes microseconds, far faster than the codec.
    for (int i = 0; i < 500 && refused == 0; i++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_set_pts(frame, accepted);
        reel_result_t r = reel_encoder_submit(encoder, frame, 0, 0);
        if (r == REEL_NOT_READY)
            refused++;
        else if (r == REEL_SUCCESS)
            accepted++;
        else
            ADD_FAILURE() << reel_result_name(r) << ": " << reel_last_error_message();
        reel_buffer_release(frame);
    }
    EXPECT_EQ(refused, 1) << "submitting faster than the codec takes frames fills a one-frame queue";
    reel_encoder_stats_t stats = reel_encoder_stats_init();
    ASSERT_EQ(reel_encoder_get_stats(encoder, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.dropped, 1u);
    EXPECT_EQ(stats.queue_capacity, 1u);
    EXPECT_EQ(stats.frames_in, uint64_t(accepted));
    // With a timeout the submit waits for room instead.
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    reel_buffer_set_pts(frame, accepted);
    EXPECT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_release(frame);
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context.get()), 0u) << "destroy released the queued frames and unreceived packets";
}

TEST(EncoderSession, HostPacketPool_PacketsComeFromIt) {
    ScopedContext context;
    reel_pool_t packets = BytePool(context.get());
    reel_encoder_desc_t desc = SmallDesc();
    desc.packet_pool = packets;
    std::vector<Packet> out = Encode(context.get(), desc, Pictures(320, 240, 6));
    EXPECT_EQ(out.size(), 6u);
    reel_pool_stats_t stats = reel_pool_stats_init();
    ASSERT_EQ(reel_pool_get_stats(packets, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.acquires, 6u) << "every packet was a buffer of the host's pool";
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_EQ(reel_pool_destroy(packets), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(EncoderSession, Stats_CountFramesBytesAndRates) {
    ScopedContext context;
    reel_encoder_t encoder;
    reel_encoder_desc_t desc = SmallDesc();
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS);
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    for (int i = 0; i < 10; i++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, MakePicture(320, 240, i));
        ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS);
        reel_buffer_release(frame);
    }
    ASSERT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    uint64_t bytes = 0;
    reel_buffer_t packet;
    reel_result_t r;
    while ((r = reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet)) == REEL_SUCCESS)
        bytes += TakePacket(packet).bytes.size();
    EXPECT_EQ(r, REEL_END_OF_STREAM);
    EXPECT_EQ(reel_encoder_receive(encoder, 0, &packet), REEL_END_OF_STREAM) << "the end stays the end";
    reel_encoder_stats_t s = reel_encoder_stats_init();
    ASSERT_EQ(reel_encoder_get_stats(encoder, &s), REEL_SUCCESS);
    EXPECT_EQ(s.backend, REEL_CODEC_BACKEND_SOFTWARE);
    EXPECT_EQ(s.frames_in, 10u);
    EXPECT_EQ(s.frames_out, 10u);
    EXPECT_EQ(s.packets_received, 10u);
    EXPECT_EQ(s.bytes_out, bytes);
    EXPECT_GE(s.keyframes, 1u);
    EXPECT_NEAR(s.average_bitrate, double(bytes) * 8 / (10.0 / 30.0), 1.0) << "bits over 10 frames at 30 fps";
    EXPECT_GT(s.encode_fps, 0.0);
    EXPECT_EQ(s.queue_depth, 0u);
    EXPECT_EQ(s.queue_capacity, 8u) << "the default queue";
    EXPECT_EQ(s.from_pool, 0u);
    reel_encoder_destroy(encoder);
    reel_pool_destroy(pool);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(EncoderSession, ZeroFrames_FlushEndsAtOnce) {
    ScopedContext context;
    reel_encoder_t encoder;
    reel_encoder_desc_t desc = SmallDesc();
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS);
    ASSERT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    reel_buffer_t packet;
    EXPECT_EQ(reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet), REEL_END_OF_STREAM)
        << "SVT-AV1 would hang on an empty stream; the session guards it";
    EXPECT_EQ(packet, REEL_NULL_HANDLE);
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
}

TEST(EncoderSession, DestroyMidStream_ReleasesEverything) {
    ScopedContext context;
    reel_encoder_desc_t desc = SmallDesc();
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    auto submit = [&](reel_encoder_t encoder) {
        for (int i = 0; i < 8; i++) {
            reel_buffer_t frame;
            ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
            reel_buffer_set_pts(frame, i);
            ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS);
            reel_buffer_release(frame);
        }
    };
    // Frames queued or inside the codec, no packet out yet (SVT-AV1 holds a mini-GOP back).
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS);
    submit(encoder);
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context.get()), 0u) << "queued frames went back";

    // Flushed, one packet held by the host, the rest never received.
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS);
    submit(encoder);
    ASSERT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    reel_buffer_t held;
    ASSERT_EQ(reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &held), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context.get()), 1u) << "only the packet the host holds is still out";
    reel_bytes_info_t info = reel_bytes_info_init();
    EXPECT_EQ(reel_buffer_get_bytes(held, &info), REEL_SUCCESS) << "a held packet outlives its encoder";
    EXPECT_GT(info.size, 0u);
    EXPECT_EQ(reel_buffer_release(held), REEL_SUCCESS);
    reel_pool_destroy(pool);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(EncoderSession, ContextDestroy_StopsALiveEncoder) {
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&cd, &context), REEL_SUCCESS);
    reel_encoder_t encoder;
    reel_encoder_desc_t desc = SmallDesc();
    ASSERT_EQ(reel_encoder_create(context, &desc, &encoder), REEL_SUCCESS);
    reel_pool_t pool = I420Pool(context, 320, 240);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, 0), REEL_SUCCESS);
    reel_buffer_release(frame);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_flush(encoder), REEL_ERROR_INVALID_HANDLE, {"stale"})) << "the encoder died with its context";
}

TEST(EncoderSession, ManyThreads_SubmitAndReceiveConcurrently) {
    ScopedContext context;
    reel_encoder_t encoder;
    reel_encoder_desc_t desc = SmallDesc();
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS);
    reel_pool_t pool = I420Pool(context.get(), 320, 240);
    const int frames = 20;
    int received = 0;
    // The consumer starts after the first submit: receiving before any frame is REEL_ERROR_BAD_STATE.
    auto submit = [&](int i) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, MakePicture(320, 240, i));
        ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS);
        reel_buffer_release(frame);
    };
    submit(0);
    std::thread consumer([&]() {
        reel_buffer_t packet;
        while (reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet) == REEL_SUCCESS) {
            received++;
            reel_buffer_release(packet);
        }
    });
    for (int i = 1; i < frames; i++)
        submit(i);
    EXPECT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    consumer.join();
    EXPECT_EQ(received, frames) << "a second thread received every packet while the first submitted";
    reel_encoder_destroy(encoder);
    reel_pool_destroy(pool);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

}  // namespace
