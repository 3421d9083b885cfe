// Decoder sessions through the C ABI: frames are buffers of the decoder's own frame pool
// (dav1d decoded into them: aligned, padded, no copy), held frames outlive the decoder, a new
// picture size makes a new pool, reset starts a new stream, and every buffer comes back.
#include "session_support.h"

using namespace reel_test;

namespace {

class DecoderSession : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(context_.result(), REEL_SUCCESS);
        packets_ = Encode(context_.get(), SmallDesc(), Pictures(320, 240, 12));
        ASSERT_EQ(packets_.size(), 12u);
    }

    reel_decoder_t Create(uint32_t frames_held = 0) {
        reel_decoder_desc_t desc = reel_decoder_desc_default();
        desc.frames_held = frames_held;
        reel_decoder_t decoder = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_decoder_create(context_.get(), &desc, &decoder), REEL_SUCCESS) << reel_last_error_message();
        return decoder;
    }

    /// Submits every packet, keeping every frame (the host holds them all); then flushes.
    std::vector<reel_buffer_t> DecodeAndHold(reel_decoder_t decoder, const std::vector<Packet>& packets) {
        std::vector<reel_buffer_t> frames;
        reel_buffer_t frame;
        for (const Packet& p : packets) {
            reel_result_t r;
            while ((r = reel_decoder_submit(decoder, p.bytes.data(), p.bytes.size(), p.pts)) == REEL_NOT_READY)
                while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
                    frames.push_back(frame);
            EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
            while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
                frames.push_back(frame);
        }
        EXPECT_EQ(reel_decoder_flush(decoder), REEL_SUCCESS);
        reel_result_t r;
        while ((r = reel_decoder_receive(decoder, &frame)) == REEL_SUCCESS)
            frames.push_back(frame);
        EXPECT_EQ(r, REEL_END_OF_STREAM) << reel_last_error_message();
        return frames;
    }

    ScopedContext context_;
    std::vector<Packet> packets_;
};

TEST_F(DecoderSession, Frames_AreBuffersOfTheDecodersPool_AlignedForDav1d) {
    reel_decoder_t decoder = Create();
    std::vector<reel_buffer_t> frames = DecodeAndHold(decoder, packets_);
    ASSERT_EQ(frames.size(), 12u);
    reel_decoder_stats_t stats = reel_decoder_stats_init();
    ASSERT_EQ(reel_decoder_get_stats(decoder, &stats), REEL_SUCCESS);
    EXPECT_NE(stats.frame_pool, REEL_NULL_HANDLE);
    EXPECT_EQ(stats.pools_created, 1u);
    EXPECT_EQ(stats.width, 320u);
    EXPECT_EQ(stats.height, 240u);
    EXPECT_EQ(stats.format, REEL_PIXEL_FORMAT_I420);
    EXPECT_EQ(stats.frames_out, 12u);
    EXPECT_EQ(stats.packets_in, 12u);
    EXPECT_GE(stats.frames_in_use, 12u) << "every held frame is a buffer of the decoder's pool";
    reel_pool_stats_t pool = reel_pool_stats_init();
    ASSERT_EQ(reel_pool_get_stats(stats.frame_pool, &pool), REEL_SUCCESS);
    EXPECT_EQ(pool.in_use, stats.frames_in_use);
    EXPECT_GE(pool.acquires, 12u) << "dav1d allocated every picture from the pool";
    for (size_t i = 0; i < frames.size(); i++) {
        reel_frame_info_t info = reel_frame_info_init();
        ASSERT_EQ(reel_buffer_get_frame(frames[i], &info), REEL_SUCCESS);
        EXPECT_EQ(info.pts, int64_t(i));
        for (int p = 0; p < 3; p++) {
            EXPECT_EQ(reinterpret_cast<uintptr_t>(info.data[p]) % 64, 0u) << "dav1d needs 64-byte aligned planes";
            EXPECT_EQ(info.stride[p] % 128, 0u) << "strides cover the width rounded up to 128";
        }
        EXPECT_EQ(info.stride[1], info.stride[2]) << "U and V share a stride";
        EXPECT_GE(info.plane_size[0], size_t(info.stride[0]) * 256) << "rows cover the height rounded up to 128";
    }
    EXPECT_EQ(reel_decoder_destroy(decoder), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context_.get()), 12u) << "held frames outlive the decoder; dav1d's references went back";
    for (reel_buffer_t f : frames)
        EXPECT_EQ(reel_buffer_release(f), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

TEST_F(DecoderSession, HoldingMoreThanDeclared_GrowsThePoolInsteadOfFailing) {
    reel_decoder_t decoder = Create(1);
    std::vector<reel_buffer_t> frames = DecodeAndHold(decoder, packets_);
    EXPECT_EQ(frames.size(), 12u);
    reel_decoder_stats_t stats = reel_decoder_stats_init();
    ASSERT_EQ(reel_decoder_get_stats(decoder, &stats), REEL_SUCCESS);
    reel_pool_stats_t pool = reel_pool_stats_init();
    ASSERT_EQ(reel_pool_get_stats(stats.frame_pool, &pool), REEL_SUCCESS);
    EXPECT_GE(pool.allocated, 12u);
    for (reel_buffer_t f : frames)
        reel_buffer_release(f);
    EXPECT_EQ(reel_decoder_destroy(decoder), REEL_SUCCESS);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

TEST_F(DecoderSession, NewPictureSize_MakesANewPool) {
    std::vector<Packet> larger = Encode(context_.get(), SmallDesc(384, 256), Pictures(384, 256, 4));
    ASSERT_EQ(larger.size(), 4u);
    for (Packet& p : larger)
        p.pts += 100;
    std::vector<Packet> both = packets_;
    both.insert(both.end(), larger.begin(), larger.end());
    reel_decoder_t decoder = Create();
    std::vector<reel_buffer_t> frames = DecodeAndHold(decoder, both);
    ASSERT_EQ(frames.size(), 16u) << "a new sequence header mid-stream (a keyframe) switches size";
    reel_frame_info_t first = reel_frame_info_init(), last = reel_frame_info_init();
    reel_buffer_get_frame(frames.front(), &first);
    reel_buffer_get_frame(frames.back(), &last);
    EXPECT_EQ(first.width, 320u);
    EXPECT_EQ(last.width, 384u);
    EXPECT_EQ(last.pts, 103);
    reel_decoder_stats_t stats = reel_decoder_stats_init();
    ASSERT_EQ(reel_decoder_get_stats(decoder, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.pools_created, 2u);
    EXPECT_EQ(stats.width, 384u);
    for (reel_buffer_t f : frames)
        reel_buffer_release(f);
    reel_decoder_destroy(decoder);
    EXPECT_EQ(BuffersOut(context_.get()), 0u) << "the first size's pool drained too";
}

TEST_F(DecoderSession, ResetAfterFlush_DecodesASecondStream) {
    reel_decoder_t decoder = Create();
    std::vector<reel_buffer_t> frames = DecodeAndHold(decoder, packets_);
    EXPECT_EQ(frames.size(), 12u);
    for (reel_buffer_t f : frames)
        reel_buffer_release(f);
    EXPECT_TRUE(Failed(reel_decoder_submit(decoder, packets_[0].bytes.data(), packets_[0].bytes.size(), 0), REEL_ERROR_BAD_STATE,
                       {"reel_decoder_submit", "flushed"}));
    ASSERT_EQ(reel_decoder_reset(decoder), REEL_SUCCESS);
    frames = DecodeAndHold(decoder, packets_);
    EXPECT_EQ(frames.size(), 12u);
    for (reel_buffer_t f : frames)
        reel_buffer_release(f);
    reel_decoder_destroy(decoder);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

TEST_F(DecoderSession, SubmitPacket_TakesAPooledPacketAndItsPts) {
    reel_decoder_t decoder = Create();
    reel_pool_t bytes = BytePool(context_.get());
    int decoded = 0;
    for (const Packet& p : packets_) {
        reel_buffer_t packet;
        ASSERT_EQ(reel_pool_acquire_bytes(bytes, p.bytes.size(), &packet), REEL_SUCCESS);
        reel_bytes_info_t info = reel_bytes_info_init();
        reel_buffer_get_bytes(packet, &info);
        memcpy(info.data, p.bytes.data(), p.bytes.size());
        reel_buffer_set_pts(packet, p.pts + 1000);
        reel_result_t r;
        reel_buffer_t frame;
        while ((r = reel_decoder_submit_packet(decoder, packet)) == REEL_NOT_READY)
            while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
                decoded++, reel_buffer_release(frame);
        ASSERT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(reel_buffer_release(packet), REEL_SUCCESS) << "the caller kept its reference";
        while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS) {
            reel_frame_info_t info2 = reel_frame_info_init();
            reel_buffer_get_frame(frame, &info2);
            EXPECT_EQ(info2.pts, 1000 + decoded);
            decoded++;
            reel_buffer_release(frame);
        }
    }
    reel_decoder_flush(decoder);
    reel_buffer_t frame;
    while (reel_decoder_receive(decoder, &frame) == REEL_SUCCESS)
        decoded++, reel_buffer_release(frame);
    EXPECT_EQ(decoded, 12);
    reel_decoder_destroy(decoder);
    reel_pool_destroy(bytes);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

// Streams SVT-AV1 (8-bit 4:2:0 only) cannot make come from FFmpeg's libaom encoder.
std::vector<Packet> ReadIvfPackets(reel_context_t context, const std::string& path) {
    std::vector<Packet> packets;
    reel_ivf_reader_t reader;
    EXPECT_EQ(reel_ivf_reader_open(context, path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t bytes = BytePool(context);
    reel_buffer_t packet;
    while (reel_ivf_reader_read(reader, bytes, &packet) == REEL_SUCCESS)
        packets.push_back(TakePacket(packet));
    reel_ivf_reader_close(reader);
    reel_pool_destroy(bytes);
    return packets;
}

TEST_F(DecoderSession, TenBitStream_ComesInI010Frames_And444IsUnsupported) {
    TempDir dir;
    std::string ten = dir.File("ten.ivf"), full = dir.File("444.ivf"), out;
    ASSERT_EQ(reel_test::Run("ffmpeg -v error -y -f lavfi -i testsrc=size=96x64:rate=30 -frames:v 3 -pix_fmt yuv420p10le -c:v libaom-av1 "
                  "-cpu-used 8 -f ivf '" + ten + "'", &out), 0) << out;
    ASSERT_EQ(reel_test::Run("ffmpeg -v error -y -f lavfi -i testsrc=size=96x64:rate=30 -frames:v 3 -pix_fmt yuv444p -c:v libaom-av1 "
                  "-cpu-used 8 -f ivf '" + full + "'", &out), 0) << out;
    reel_decoder_t decoder = Create();
    std::vector<reel_buffer_t> frames = DecodeAndHold(decoder, ReadIvfPackets(context_.get(), ten));
    ASSERT_EQ(frames.size(), 3u);
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_buffer_get_frame(frames[0], &info), REEL_SUCCESS);
    EXPECT_EQ(info.format, REEL_PIXEL_FORMAT_I010);
    EXPECT_EQ(info.width, 96u);
    EXPECT_EQ(info.height, 64u);
    EXPECT_EQ(info.stride[0] % 128, 0u);
    EXPECT_GE(info.stride[0], 2u * 128) << "two bytes per sample, width rounded up to 128";
    uint16_t sample = 0;
    memcpy(&sample, info.data[0] + info.stride[0] * 10 + 20, 2);
    EXPECT_LT(sample, 1024) << "10-bit samples in the low bits";
    for (reel_buffer_t f : frames)
        reel_buffer_release(f);
    reel_decoder_destroy(decoder);

    decoder = Create();
    std::vector<Packet> packets = ReadIvfPackets(context_.get(), full);
    ASSERT_FALSE(packets.empty());
    reel_result_t r = reel_decoder_submit(decoder, packets[0].bytes.data(), packets[0].bytes.size(), 0);
    reel_buffer_t frame;
    if (r == REEL_SUCCESS) {
        // dav1d may defer the picture to the next call; flushing forces it out.
        reel_decoder_flush(decoder);
        r = reel_decoder_receive(decoder, &frame);
    }
    EXPECT_TRUE(Failed(r, REEL_ERROR_UNSUPPORTED, {"8-bit I444", "I420 (8-bit 4:2:0) or I010 (10-bit 4:2:0) only"}));
    reel_decoder_destroy(decoder);
    EXPECT_EQ(BuffersOut(context_.get()), 0u);
}

TEST_F(DecoderSession, ContextDestroy_ClosesALiveDecoder) {
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&cd, &context), REEL_SUCCESS);
    reel_decoder_desc_t desc = reel_decoder_desc_default();
    reel_decoder_t decoder;
    ASSERT_EQ(reel_decoder_create(context, &desc, &decoder), REEL_SUCCESS);
    ASSERT_EQ(reel_decoder_submit(decoder, packets_[0].bytes.data(), packets_[0].bytes.size(), 0), REEL_SUCCESS);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    reel_buffer_t frame;
    EXPECT_TRUE(Failed(reel_decoder_receive(decoder, &frame), REEL_ERROR_INVALID_HANDLE, {"stale"}));
}

}  // namespace
