// Bad input to the session functions: each gives a clear code and a message naming the
// argument or field and its allowed range, nothing leaks (no buffer stays out), nothing crashes.
#include "session_support.h"

using namespace reel_test;

namespace {

class SessionBadInput : public ::testing::Test {
protected:
    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }

    reel_result_t Create(const reel_encoder_desc_t& desc) {
        reel_encoder_t encoder = REEL_NULL_HANDLE;
        reel_result_t r = reel_encoder_create(context_.get(), &desc, &encoder);
        reel_encoder_destroy(encoder);
        return r;
    }

    ScopedContext context_;
};

TEST_F(SessionBadInput, SettingsOutOfRange_NameTheFieldAndRange) {
    reel_encoder_desc_t d = SmallDesc();
    d.width = 70000;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"reel_encoder_create: desc->width is 70000; allowed 64 to 16384"}));
    d = SmallDesc();
    d.width = 4294967295u;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->width is 4294967295; allowed 64 to 16384"}));
    d = SmallDesc();
    d.height = 241;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->height is 241", "even"}));
    d = SmallDesc();
    d.fps_num = 500;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"fps_num / fps_den is 500/1", "1 to 240"}));
    d = SmallDesc();
    d.quality = 101;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->quality is 101; allowed 0 (the default) to 100"}));
    d = SmallDesc();
    d.rate_control = REEL_RATE_CONTROL_VBR;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->bitrate is 0", "1000 to 100000000"}));
    d = SmallDesc();
    d.bitrate = 500000;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->bitrate is 500000", "allowed only 0"}));
    d = SmallDesc();
    d.buffer_size = 1000;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->buffer_size is 1000", "REEL_RATE_CONTROL_CBR"}));
    d = SmallDesc();
    d.rate_control = REEL_RATE_CONTROL_CBR;
    d.bitrate = 500000;
    d.preset = REEL_ENCODER_PRESET_SPEED;
    d.speed_preset = 4;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->preset is REEL_ENCODER_PRESET_SPEED with speed_preset 4", "allowed speed 8 to 13"}));
    d = SmallDesc();
    d.speed_preset = 14;
    d.preset = REEL_ENCODER_PRESET_SPEED;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->speed_preset is 14; allowed 0 to 13"}));
    d = SmallDesc();
    d.level = 75;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->level is 75"}));
    d = SmallDesc();
    d.tile_rows_log2 = 4;
    d.tile_columns_log2 = 4;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"tile_rows_log2 + tile_columns_log2 is 8; allowed 0 to 7"}));
    d = SmallDesc();
    d.threads = 300;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->threads is 300; allowed 0 (automatic) to 256"}));
    d = SmallDesc();
    d.queue_depth = 65;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->queue_depth is 65; allowed 1 to 64"}));
    d = SmallDesc();
    d.rate_control = static_cast<reel_rate_control_t>(9);
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->rate_control is 9"}));
    d = SmallDesc();
    d.profile = REEL_AV1_PROFILE_HIGH;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_UNSUPPORTED, {"desc->profile is REEL_AV1_PROFILE_HIGH", "REEL_AV1_PROFILE_MAIN"}));
    d = SmallDesc();
    d.reserved = 1;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 1; it must be 0"}));
    d = SmallDesc();
    d.struct_size = 8;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 8"}));
    reel_encoder_t encoder;
    EXPECT_TRUE(Failed(reel_encoder_create(context_.get(), nullptr, &encoder), REEL_ERROR_INVALID_ARGUMENT, {"desc is NULL"}));
    d = SmallDesc();
    EXPECT_TRUE(Failed(reel_encoder_create(context_.get(), &d, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_encoder is NULL"}));
    EXPECT_TRUE(Failed(reel_encoder_create(REEL_NULL_HANDLE, &d, &encoder), REEL_ERROR_INVALID_HANDLE, {"context is NULL"}));
}

TEST_F(SessionBadInput, Backends_HardwareIsUnsupportedAndUnknownIsRefused) {
    reel_encoder_desc_t d = SmallDesc();
    d.backend = REEL_CODEC_BACKEND_HARDWARE;
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_UNSUPPORTED, {"REEL_CODEC_BACKEND_HARDWARE", "no hardware AV1 encoder"}));
    d.backend = static_cast<reel_codec_backend_t>(7);
    EXPECT_TRUE(Failed(Create(d), REEL_ERROR_INVALID_ARGUMENT, {"desc->backend is 7"}));
    reel_decoder_desc_t dd = reel_decoder_desc_default();
    dd.backend = REEL_CODEC_BACKEND_HARDWARE;
    reel_decoder_t decoder;
    EXPECT_TRUE(Failed(reel_decoder_create(context_.get(), &dd, &decoder), REEL_ERROR_UNSUPPORTED, {"no hardware AV1 decoder"}));
    reel_codec_caps_t caps = reel_codec_caps_init();
    EXPECT_TRUE(Failed(reel_codec_get_caps(REEL_CODEC_BACKEND_HARDWARE, &caps), REEL_ERROR_UNSUPPORTED, {"reel_codec_get_caps"}));
    EXPECT_TRUE(Failed(reel_codec_get_caps(static_cast<reel_codec_backend_t>(5), &caps), REEL_ERROR_INVALID_ARGUMENT, {"backend is 5"}));
    EXPECT_TRUE(Failed(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_caps is NULL"}));
}

TEST_F(SessionBadInput, Encoder_ReceiveBeforeSubmitAndSubmitAfterFlush_AreBadState) {
    reel_encoder_desc_t d = SmallDesc();
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context_.get(), &d, &encoder), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_t packet;
    EXPECT_TRUE(Failed(reel_encoder_receive(encoder, 0, &packet), REEL_ERROR_BAD_STATE, {"reel_encoder_receive", "no frame was submitted"}));
    EXPECT_TRUE(Failed(reel_encoder_receive(encoder, 0, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_packet is NULL"}));
    reel_pool_t pool = I420Pool(context_.get(), 320, 240);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
    reel_buffer_set_pts(frame, 5);
    ASSERT_EQ(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, REEL_WAIT_FOREVER), REEL_ERROR_INVALID_ARGUMENT,
                       {"frame pts is 5; allowed values above the previous frame's pts 5"}));
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0x8, 0), REEL_ERROR_INVALID_ARGUMENT, {"flags is 0x8"}));
    ASSERT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    reel_buffer_set_pts(frame, 6);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, 0), REEL_ERROR_BAD_STATE, {"reel_encoder_submit", "flushed"}));
    reel_buffer_release(frame);
    reel_result_t r;
    while ((r = reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet)) == REEL_SUCCESS)
        reel_buffer_release(packet);
    EXPECT_EQ(r, REEL_END_OF_STREAM);
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_destroy(encoder), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    EXPECT_EQ(reel_encoder_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
    reel_pool_destroy(pool);
}

TEST_F(SessionBadInput, Encoder_WrongFrames_AreRefused) {
    reel_encoder_desc_t d = SmallDesc();
    d.rate_control = REEL_RATE_CONTROL_VBR;
    d.bitrate = 300000;
    reel_encoder_t encoder;
    ASSERT_EQ(reel_encoder_create(context_.get(), &d, &encoder), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t small = I420Pool(context_.get(), 160, 120);
    reel_frame_pool_desc_t nv12 = reel_frame_pool_desc_default();
    nv12.format = REEL_PIXEL_FORMAT_NV12;
    nv12.width = 320;
    nv12.height = 240;
    reel_pool_t other;
    ASSERT_EQ(reel_frame_pool_create(context_.get(), &nv12, &other), REEL_SUCCESS);
    reel_pool_t right = I420Pool(context_.get(), 320, 240);
    reel_pool_t bytes = BytePool(context_.get());
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(small, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, 0), REEL_ERROR_INVALID_ARGUMENT, {"frame is 160x120; allowed 320x240"}));
    reel_buffer_release(frame);
    ASSERT_EQ(reel_pool_acquire(other, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, 0), REEL_ERROR_INVALID_ARGUMENT,
                       {"REEL_PIXEL_FORMAT_NV12", "allowed REEL_PIXEL_FORMAT_I420"}));
    reel_buffer_release(frame);
    ASSERT_EQ(reel_pool_acquire_bytes(bytes, 100, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, 0), REEL_ERROR_INVALID_ARGUMENT, {"not a frame pool"}));
    reel_buffer_release(frame);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, 0, 0), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    ASSERT_EQ(reel_pool_acquire(right, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_encoder_submit(encoder, frame, REEL_ENCODE_FLAG_KEYFRAME, 0), REEL_ERROR_UNSUPPORTED,
                       {"REEL_ENCODE_FLAG_KEYFRAME", "REEL_RATE_CONTROL_VBR"}));
    reel_buffer_release(frame);
    EXPECT_TRUE(Failed(reel_encoder_submit(reinterpret_cast<reel_encoder_t>(right), frame, 0, 0), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_pool_t, not a reel_encoder_t"}));
    reel_encoder_destroy(encoder);
    reel_pool_destroy(small);
    reel_pool_destroy(other);
    reel_pool_destroy(right);
    reel_pool_destroy(bytes);
}

TEST_F(SessionBadInput, Decoder_CorruptData_IsCorruptDataAndTheDecoderStaysUsable) {
    reel_decoder_desc_t dd = reel_decoder_desc_default();
    reel_decoder_t decoder;
    ASSERT_EQ(reel_decoder_create(context_.get(), &dd, &decoder), REEL_SUCCESS);
    reel_buffer_t frame;
    EXPECT_TRUE(Failed(reel_decoder_receive(decoder, &frame), REEL_ERROR_BAD_STATE, {"reel_decoder_receive", "no data was sent"}));
    // A temporal delimiter, then a sequence header OBU of all ones (reserved profile 7).
    const uint8_t bad_header[] = {0x12, 0x00, 0x0A, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, bad_header, sizeof(bad_header), 0), REEL_ERROR_CORRUPT_DATA,
                       {"reel_decoder_submit", "corrupt or not AV1", "sequence header"}));
    // An OBU whose size field runs past the data.
    const uint8_t oversize[] = {0x12, 0x00, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3};
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, oversize, sizeof(oversize), 1), REEL_ERROR_CORRUPT_DATA, {"corrupt or not AV1"}));
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, nullptr, 4, 0), REEL_ERROR_INVALID_ARGUMENT, {"data is NULL"}));
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, bad_header, 0, 0), REEL_ERROR_INVALID_ARGUMENT, {"size is 0"}));
    reel_decoder_stats_t stats = reel_decoder_stats_init();
    ASSERT_EQ(reel_decoder_get_stats(decoder, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.corrupt_packets, 2u);
    // Still usable: a real stream decodes after the garbage.
    std::vector<Packet> packets = Encode(context_.get(), SmallDesc(), Pictures(320, 240, 3));
    int decoded = 0;
    for (const Packet& p : packets) {
        ASSERT_EQ(reel_decoder_submit(decoder, p.bytes.data(), p.bytes.size(), p.pts), REEL_SUCCESS) << reel_last_error_message();
        while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
            decoded++, reel_buffer_release(frame);
    }
    ASSERT_EQ(reel_decoder_flush(decoder), REEL_SUCCESS);
    while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
        decoded++, reel_buffer_release(frame);
    EXPECT_EQ(decoded, 3);
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, packets[0].bytes.data(), packets[0].bytes.size(), 9), REEL_ERROR_BAD_STATE, {"flushed"}));
    EXPECT_EQ(reel_decoder_destroy(decoder), REEL_SUCCESS);
}

TEST_F(SessionBadInput, Decoder_DescOutOfRange_NamesTheField) {
    reel_decoder_t decoder;
    reel_decoder_desc_t dd = reel_decoder_desc_default();
    dd.threads = 300;
    EXPECT_TRUE(Failed(reel_decoder_create(context_.get(), &dd, &decoder), REEL_ERROR_INVALID_ARGUMENT, {"desc->threads is 300; allowed 0"}));
    dd = reel_decoder_desc_default();
    dd.frames_held = 1000;
    EXPECT_TRUE(Failed(reel_decoder_create(context_.get(), &dd, &decoder), REEL_ERROR_INVALID_ARGUMENT, {"desc->frames_held is 1000; allowed 1 to 256"}));
    dd = reel_decoder_desc_default();
    dd.flags = 0x10;
    EXPECT_TRUE(Failed(reel_decoder_create(context_.get(), &dd, &decoder), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x10"}));
    dd = reel_decoder_desc_default();
    dd.frame_size_limit = 1ull << 40;
    EXPECT_TRUE(Failed(reel_decoder_create(context_.get(), &dd, &decoder), REEL_ERROR_INVALID_ARGUMENT, {"desc->frame_size_limit is 1099511627776"}));
}

TEST_F(SessionBadInput, EncoderPool_CountAndSettingsAreChecked) {
    reel_encoder_desc_t d = SmallDesc();
    EXPECT_TRUE(Failed(reel_encoder_pool_reserve(context_.get(), &d, 17), REEL_ERROR_INVALID_ARGUMENT, {"count is 17; allowed 0 to 16"}));
    d.width = 10;
    EXPECT_TRUE(Failed(reel_encoder_pool_reserve(context_.get(), &d, 1), REEL_ERROR_INVALID_ARGUMENT, {"reel_encoder_pool_reserve: desc->width is 10"}));
    reel_encoder_pool_stats_t stats = reel_encoder_pool_stats_init();
    ASSERT_EQ(reel_encoder_pool_get_stats(context_.get(), &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.configurations, 0u);
    EXPECT_EQ(stats.idle, 0u);
}

}  // namespace
