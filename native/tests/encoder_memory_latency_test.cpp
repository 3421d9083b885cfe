// The encoder's memory and latency settings through the C ABI: the new reel_encoder_desc_t
// fields (defaults, an older host's shorter struct, bad values whose messages name desc->field
// and the rule), what reel_codec_get_caps reports for them, the frames-in to packet-out latency
// in reel_encoder_stats_t for low delay and random access, and the encoder pool keeping
// configurations that differ only in these settings apart.
#include <chrono>
#include <cstddef>
#include <cstring>
#include <thread>

#include "session_support.h"

using namespace reel_test;

namespace {

reel_result_t Create(reel_context_t context, const reel_encoder_desc_t& desc) {
    reel_encoder_t encoder = REEL_NULL_HANDLE;
    reel_result_t r = reel_encoder_create(context, &desc, &encoder);
    reel_encoder_destroy(encoder);
    return r;
}

reel_encoder_stats_t Stats(reel_encoder_t encoder) {
    reel_encoder_stats_t stats = reel_encoder_stats_init();
    EXPECT_EQ(reel_encoder_get_stats(encoder, &stats), REEL_SUCCESS) << reel_last_error_message();
    return stats;
}

/// A context, an encoder of desc in it and a pool of its frames. The destructor destroys
/// the encoder, then the pool, and checks that no buffer was left out.
struct Session {
    ScopedContext context;
    reel_encoder_t encoder = REEL_NULL_HANDLE;
    reel_result_t created;
    reel_pool_t pool;

    explicit Session(const reel_encoder_desc_t& desc)
        : created(reel_encoder_create(context.get(), &desc, &encoder)), pool(I420Pool(context.get(), desc.width, desc.height)) {}
    ~Session() {
        reel_encoder_destroy(encoder);
        reel_pool_destroy(pool);
        EXPECT_EQ(BuffersOut(context.get()), 0u);
    }
};

/// Submits one frame of the pattern with pts t.
void SubmitFrame(reel_encoder_t encoder, reel_pool_t pool, int t) {
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS) << reel_last_error_message();
    Fill(frame, MakePicture(320, 240, t));
    ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_release(frame);
}

/// Flushes and receives every remaining packet; returns how many came.
int Drain(reel_encoder_t encoder) {
    EXPECT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    int count = 0;
    reel_buffer_t packet;
    reel_result_t r;
    while ((r = reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet)) == REEL_SUCCESS) {
        TakePacket(packet);
        count++;
    }
    EXPECT_EQ(r, REEL_END_OF_STREAM) << reel_last_error_message();
    return count;
}

TEST(EncoderMemoryLatency, DescDefaults_AreZeroAndAnOlderHostsStructStillWorks) {
    reel_encoder_desc_t desc = reel_encoder_desc_default();
    EXPECT_EQ(desc.mini_gop_size, 0u);
    EXPECT_EQ(desc.lookahead, 0u);
    EXPECT_EQ(desc.prediction, REEL_PREDICTION_DEFAULT);
    EXPECT_EQ(desc.reserved3, 0u);
    EXPECT_EQ(sizeof(reel_encoder_desc_t), 160u);
    EXPECT_EQ(offsetof(reel_encoder_desc_t, codec), 128u) << "0.2.0's fields trail the 0.1.0 struct";
    EXPECT_EQ(offsetof(reel_encoder_desc_t, mini_gop_size), 144u) << "after the codec fields (codec ... flags)";

    ScopedContext context;
    reel_encoder_desc_t d = SmallDesc();
    EXPECT_EQ(Create(context.get(), d), REEL_SUCCESS) << reel_last_error_message();
    // A host built against the 128-byte struct: the new fields are not read and get defaults
    // (the bytes past 128 are garbage that must not matter).
    d.struct_size = 128;
    d.mini_gop_size = 12345;
    d.prediction = static_cast<reel_prediction_structure_t>(77);
    d.reserved3 = 9;
    EXPECT_EQ(Create(context.get(), d), REEL_SUCCESS) << reel_last_error_message();
}

// A host built against the 0.1.0 header passes the old sizes of the output structs: it gets
// the prefix it knows, and nothing past it is written (its struct ends there).
TEST(EncoderMemoryLatency, OlderHostsOutputStructs_GetOnlyTheirPrefix) {
    ScopedContext context;
    reel_encoder_desc_t desc = SmallDesc();
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_SUCCESS) << reel_last_error_message();
    reel_encoder_stats_t stats;
    memset(&stats, 0xAB, sizeof(stats));
    stats.struct_size = 104;
    ASSERT_EQ(offsetof(reel_encoder_stats_t, frames_held), 104u) << "the 0.1.0 size ends where 0.2.0's fields start";
    ASSERT_EQ(reel_encoder_get_stats(encoder, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.struct_size, 104u);
    EXPECT_EQ(stats.frames_in, 0u) << "the known prefix is written";
    EXPECT_EQ(stats.backend, REEL_CODEC_BACKEND_SOFTWARE);
    const unsigned char* tail = reinterpret_cast<const unsigned char*>(&stats) + 104;
    for (size_t i = 0; i < sizeof(stats) - 104; i++)
        ASSERT_EQ(tail[i], 0xAB) << "byte " << 104 + i << " past the host's struct was written";
    reel_encoder_destroy(encoder);

    reel_codec_caps_t caps;
    memset(&caps, 0xCD, sizeof(caps));
    caps.struct_size = 152;
    ASSERT_EQ(offsetof(reel_codec_caps_t, codec), 152u) << "the 0.1.0 size ends where 0.2.0's fields start";
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS) << reel_last_error_message();
    const unsigned char* caps_tail = reinterpret_cast<const unsigned char*>(&caps) + 152;
    for (size_t i = 0; i < sizeof(caps) - 152; i++)
        ASSERT_EQ(caps_tail[i], 0xCD) << "byte " << 152 + i << " past the host's struct was written";
}

TEST(EncoderMemoryLatency, CodecCaps_ReportWhatTheSoftwareEncoderAccepts) {
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.prediction_structures,
              (1u << REEL_PREDICTION_DEFAULT) | (1u << REEL_PREDICTION_RANDOM_ACCESS) | (1u << REEL_PREDICTION_LOW_DELAY));
    EXPECT_EQ(caps.mini_gop_sizes, (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5)) << "4, 8, 16 and 32 frames";
    EXPECT_EQ(caps.max_lookahead, 120u);
    EXPECT_EQ(caps.low_delay_rate_controls,
              (1u << REEL_RATE_CONTROL_CRF) | (1u << REEL_RATE_CONTROL_CQP) | (1u << REEL_RATE_CONTROL_CBR));
    EXPECT_EQ(caps.low_delay_min_speed_preset, 8u);
    EXPECT_EQ(caps.low_delay_mini_gop_sizes, 1u << 3) << "SVT-AV1 codes low delay in groups of 8";
    EXPECT_EQ(caps.low_delay_keyframe_rate_controls, 0u);
    EXPECT_EQ(caps.reserved3, 0u);
}

TEST(EncoderMemoryLatency, BadValues_NameTheFieldAndTheRule) {
    ScopedContext context;
    reel_encoder_desc_t d = SmallDesc();
    d.mini_gop_size = 12;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_encoder_create: desc->mini_gop_size is 12; allowed 0 (automatic) or 4, 8, 16, 32 frames"}));
    d = SmallDesc();
    d.mini_gop_size = 4294967295u;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT, {"desc->mini_gop_size is 4294967295; allowed"}));
    d = SmallDesc();
    d.lookahead = 121;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->lookahead is 121; allowed 0 (automatic) or 1 to 120 frames"}));
    d = SmallDesc();
    d.prediction = static_cast<reel_prediction_structure_t>(7);
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->prediction is 7; allowed REEL_PREDICTION_DEFAULT (0), REEL_PREDICTION_RANDOM_ACCESS (1), REEL_PREDICTION_LOW_DELAY (2)"}));
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.preset = REEL_ENCODER_PRESET_SPEED;
    d.speed_preset = 6;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->preset is REEL_ENCODER_PRESET_SPEED with speed_preset 6 and prediction REEL_PREDICTION_LOW_DELAY; allowed speed 8 to 13"}));
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.rate_control = REEL_RATE_CONTROL_VBR;
    d.bitrate = 500000;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->prediction is REEL_PREDICTION_LOW_DELAY with rate_control REEL_RATE_CONTROL_VBR",
                        "REEL_RATE_CONTROL_CRF (0), REEL_RATE_CONTROL_CQP (1), REEL_RATE_CONTROL_CBR (3)"}));
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.mini_gop_size = 16;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->mini_gop_size is 16 with prediction REEL_PREDICTION_LOW_DELAY; allowed 0 (automatic) or 8 frames"}));
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.lookahead = 10;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->lookahead is 10 with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0"}));
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.max_bitrate = 800000;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->max_bitrate is 800000 with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0"}));
    d = SmallDesc();
    d.rate_control = REEL_RATE_CONTROL_CBR;
    d.bitrate = 500000;
    d.prediction = REEL_PREDICTION_RANDOM_ACCESS;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->prediction is REEL_PREDICTION_RANDOM_ACCESS with rate_control REEL_RATE_CONTROL_CBR;",
                        "allowed REEL_PREDICTION_DEFAULT or REEL_PREDICTION_LOW_DELAY"}));
    d = SmallDesc();
    d.rate_control = REEL_RATE_CONTROL_CBR;
    d.bitrate = 500000;
    d.mini_gop_size = 32;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT,
                       {"desc->mini_gop_size is 32 with rate_control REEL_RATE_CONTROL_CBR", "8 frames"}));
    d = SmallDesc();
    d.reserved3 = 1;
    EXPECT_TRUE(Failed(Create(context.get(), d), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved3 is 1; it must be 0"}));
    // The same rules through the encoder pool and the movie writer's settings.
    d = SmallDesc();
    d.lookahead = 500;
    EXPECT_TRUE(Failed(reel_encoder_pool_reserve(context.get(), &d, 1), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_encoder_pool_reserve: desc->lookahead is 500"}));

    // Every accepted combination starts.
    d = SmallDesc();
    d.prediction = REEL_PREDICTION_LOW_DELAY;
    d.mini_gop_size = 8;
    EXPECT_EQ(Create(context.get(), d), REEL_SUCCESS) << reel_last_error_message();
    d = SmallDesc();
    d.mini_gop_size = 4;
    d.lookahead = 1;
    d.prediction = REEL_PREDICTION_RANDOM_ACCESS;
    EXPECT_EQ(Create(context.get(), d), REEL_SUCCESS) << reel_last_error_message();
}

TEST(EncoderMemoryLatency, LowDelay_KeyframeFlagIsRefusedNamingTheStructure) {
    reel_encoder_desc_t desc = SmallDesc();
    desc.prediction = REEL_PREDICTION_LOW_DELAY;
    Session session(desc);
    ASSERT_EQ(session.created, REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(session.pool, &frame), REEL_SUCCESS);
    Fill(frame, MakePicture(320, 240, 0));
    EXPECT_TRUE(Failed(reel_encoder_submit(session.encoder, frame, REEL_ENCODE_FLAG_KEYFRAME, 0), REEL_ERROR_UNSUPPORTED,
                       {"reel_encoder_submit: flags has REEL_ENCODE_FLAG_KEYFRAME but prediction is REEL_PREDICTION_LOW_DELAY"}));
    reel_buffer_release(frame);
}

// Low delay: a host that waits for each frame's packet sees it come out before (or, when
// SVT-AV1 holds a frame to see whether the stream ends, right after) the next frame goes in.
// Waits are generous (a loaded machine slows the test down, it cannot fail it): only a
// packet the structure withholds makes the count reach 2.
TEST(EncoderMemoryLatency, LowDelay_StatsReportAtMostOneFrameOfLatency) {
    reel_encoder_desc_t desc = SmallDesc();
    desc.prediction = REEL_PREDICTION_LOW_DELAY;
    Session session(desc);
    ASSERT_EQ(session.created, REEL_SUCCESS) << reel_last_error_message();
    reel_encoder_t encoder = session.encoder;
    const int frames = 24;
    int64_t next = 0;
    for (int i = 0; i < frames; i++) {
        SubmitFrame(encoder, session.pool, i);
        while (next <= i) {
            reel_buffer_t packet;
            reel_result_t r = reel_encoder_receive(encoder, next < i ? 20000 : 1000, &packet);
            if (r == REEL_SUCCESS) {
                Packet p = TakePacket(packet);
                EXPECT_EQ(p.pts, next) << "packets in input order";
                EXPECT_EQ(p.dts, p.pts) << "nothing decoded out of order";
                next++;
                continue;
            }
            ASSERT_EQ(r, REEL_TIMEOUT) << reel_last_error_message();
            ASSERT_EQ(next, i) << "an earlier frame's packet did not come in 20 s";
            break;  // this frame's packet may need the next frame
        }
    }
    EXPECT_EQ(Drain(encoder) + next, frames);
    reel_encoder_stats_t s = Stats(encoder);
    EXPECT_LE(s.latency_frames_max, 1u);
    EXPECT_LE(s.latency_frames_last, s.latency_frames_max);
    EXPECT_LE(s.latency_frames_mean, double(s.latency_frames_max));
    EXPECT_GT(s.latency_ms_mean, 0.0);
    EXPECT_GE(s.latency_ms_max, s.latency_ms_mean);
    EXPECT_GE(s.latency_ms_max, s.latency_ms_last);
}

// Random access: the first shown frame of a mini-GOP is coded after the group's last frame, so
// its packet cannot come out before the whole group is in: at least mini_gop_size - 1 later
// frames, however fast the machine.
TEST(EncoderMemoryLatency, RandomAccess_LatencyCoversAMiniGop) {
    for (uint32_t mini_gop : {8u, 16u}) {
        reel_encoder_desc_t desc = SmallDesc();
        desc.mini_gop_size = mini_gop;
        Session session(desc);
        ASSERT_EQ(session.created, REEL_SUCCESS) << reel_last_error_message();
        reel_encoder_t encoder = session.encoder;
        reel_encoder_stats_t before = Stats(encoder);
        EXPECT_EQ(before.latency_frames_max, 0u) << "0 before the first packet";
        EXPECT_EQ(before.latency_ms_mean, 0.0);
        const int frames = 40;
        int received = 0;
        for (int i = 0; i < frames; i++) {
            SubmitFrame(encoder, session.pool, i);
            reel_buffer_t packet;
            while (reel_encoder_receive(encoder, 0, &packet) == REEL_SUCCESS) {
                TakePacket(packet);
                received++;
            }
        }
        EXPECT_EQ(Drain(encoder) + received, frames);
        reel_encoder_stats_t s = Stats(encoder);
        EXPECT_GE(s.latency_frames_max, mini_gop - 1) << "mini_gop_size " << mini_gop;
        EXPECT_GT(s.latency_ms_max, 0.0);
        EXPECT_LE(s.latency_frames_mean, double(s.latency_frames_max));
    }
}

// The pool's key holds the new settings: an idle encoder reserved with one mini-GOP,
// look-ahead or structure never serves a request for another (it would encode differently).
TEST(EncoderMemoryLatency, EncoderPool_ServesOnlyTheSameMemoryAndLatencySettings) {
    ScopedContext context;
    reel_encoder_desc_t reserved = SmallDesc();
    reserved.mini_gop_size = 8;
    reserved.lookahead = 4;
    ASSERT_EQ(reel_encoder_pool_reserve(context.get(), &reserved, 1), REEL_SUCCESS) << reel_last_error_message();
    reel_encoder_desc_t other_gop = reserved, other_lookahead = reserved, low_delay = SmallDesc();
    other_gop.mini_gop_size = 16;
    other_lookahead.lookahead = 5;
    low_delay.prediction = REEL_PREDICTION_LOW_DELAY;
    for (const reel_encoder_desc_t* desc : {&other_gop, &other_lookahead, &low_delay}) {
        reel_encoder_t encoder;
        ASSERT_EQ(reel_encoder_create(context.get(), desc, &encoder), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(Stats(encoder).from_pool, 0u);
        reel_encoder_destroy(encoder);
    }
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context.get(), &reserved, &encoder), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(Stats(encoder).from_pool, 1u) << "the reserved configuration is served";
    reel_encoder_destroy(encoder);
}

}  // namespace
