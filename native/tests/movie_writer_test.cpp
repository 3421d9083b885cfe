// The movie writer through the C ABI, used the way Godot's MovieWriter would: begin, one
// write per frame (Reel frames or raw RGBA/BGRA/I420 pointers), end. Files must be accepted by
// ffprobe and the dav1d tool and decode back to what was written.
#include "session_support.h"

using namespace reel_test;

namespace {

class MovieWriter : public ::testing::Test {
protected:
    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }

    /// Decodes a file with a Reel IVF reader and decoder.
    std::vector<Picture> DecodeFile(const std::string& path) {
        std::vector<Packet> packets;
        reel_ivf_reader_t reader;
        EXPECT_EQ(reel_ivf_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
        reel_pool_t bytes = BytePool(context_.get());
        reel_buffer_t packet;
        while (reel_ivf_reader_read(reader, bytes, &packet) == REEL_SUCCESS)
            packets.push_back(TakePacket(packet));
        reel_ivf_reader_close(reader);
        reel_pool_destroy(bytes);
        return Decode(context_.get(), packets);
    }

    /// Writes 320x240 I420 pictures through frames of a Reel pool.
    void WriteI420(reel_movie_writer_t writer, const std::vector<Picture>& pictures) {
        reel_pool_t pool = I420Pool(context_.get(), 320, 240);
        for (const Picture& p : pictures) {
            reel_buffer_t frame;
            ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
            Fill(frame, p);
            ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
            reel_buffer_release(frame);
        }
        reel_pool_destroy(pool);
    }

    ScopedContext context_;
    TempDir dir_;
};

TEST_F(MovieWriter, I420Frames_RoundTripAboveTheFloor) {
    std::string path = dir_.File("i420.ivf");
    reel_encoder_desc_t settings = SmallDesc();
    settings.quality = 70;
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    std::vector<Picture> source = Pictures(320, 240, 15);
    WriteI420(writer, source);
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.frames_written, 15u);
    EXPECT_EQ(stats.frames_encoded, 15u);
    EXPECT_EQ(stats.frames_converted, 0u) << "I420 frames go to the encoder as they are";
    EXPECT_EQ(stats.file_bytes, ReadFile(path).size());
    EXPECT_EQ(FfprobeFrames(path), 15);
    EXPECT_EQ(Dav1dToolFrames(path), 15);
    std::vector<Picture> decoded = DecodeFile(path);
    ASSERT_EQ(decoded.size(), 15u);
    for (size_t i = 0; i < decoded.size(); i++)
        EXPECT_GE(LumaPsnr(source[i], decoded[i]), 38.0) << "frame " << i;
    std::string count = ReadFile(path).substr(24, 4);
    EXPECT_EQ(uint8_t(count[0]), 15) << "end patched the IVF frame count";
}

TEST_F(MovieWriter, RgbaFrames_AreConvertedWithBt709) {
    std::string path = dir_.File("rgba.ivf");
    reel_encoder_desc_t settings = SmallDesc(128, 96);
    settings.rate_control = REEL_RATE_CONTROL_CQP;
    settings.quality = 90;
    settings.color = REEL_COLOR_BT709_LIMITED;
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_RGBA8;
    desc.width = 128;
    desc.height = 96;
    reel_pool_t pool;
    ASSERT_EQ(reel_frame_pool_create(context_.get(), &desc, &pool), REEL_SUCCESS);
    for (int i = 0; i < 4; i++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        reel_frame_info_t info = reel_frame_info_init();
        reel_buffer_get_frame(frame, &info);
        // Top half pure red, bottom half pure blue.
        for (uint32_t y = 0; y < 96; y++)
            for (uint32_t x = 0; x < 128; x++) {
                uint8_t* px = info.data[0] + size_t(y) * info.stride[0] + x * 4;
                px[0] = y < 48 ? 255 : 0;
                px[1] = 0;
                px[2] = y < 48 ? 0 : 255;
                px[3] = 255;
            }
        ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
    }
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.frames_converted, 4u);
    std::vector<Picture> decoded = DecodeFile(path);
    ASSERT_EQ(decoded.size(), 4u);
    // BT.709 limited: red Y = 16 + 219 * 0.2126 = 62.6, blue Y = 16 + 219 * 0.0722 = 31.8.
    EXPECT_NEAR(decoded[3].y[size_t(20) * 128 + 64], 63, 3);
    EXPECT_NEAR(decoded[3].y[size_t(76) * 128 + 64], 32, 3);
    reel_pool_destroy(pool);
}

TEST_F(MovieWriter, RawImages_BottomUpBgraAndI420Pointers) {
    std::string path = dir_.File("raw.ivf");
    reel_encoder_desc_t settings = SmallDesc(128, 96);
    settings.rate_control = REEL_RATE_CONTROL_CQP;
    settings.quality = 90;
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_SUCCESS);
    // A bottom-up BGRA image whose top rows (the last in memory) are white, the rest black.
    std::vector<uint8_t> bgra(size_t(128) * 96 * 4, 0);
    for (uint32_t memory_row = 80; memory_row < 96; memory_row++)
        memset(&bgra[size_t(memory_row) * 128 * 4], 255, 128 * 4);
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_BGRA8;
    image.width = 128;
    image.height = 96;
    image.data[0] = &bgra[size_t(95) * 128 * 4];
    image.stride[0] = -128 * 4;
    ASSERT_EQ(reel_movie_writer_write_image(writer, &image), REEL_SUCCESS) << reel_last_error_message();
    // Then an I420 image from plain pointers.
    Picture p = MakePicture(128, 96, 3);
    reel_image_t planes = reel_image_init();
    planes.format = REEL_PIXEL_FORMAT_I420;
    planes.width = 128;
    planes.height = 96;
    planes.data[0] = p.y.data();
    planes.data[1] = p.u.data();
    planes.data[2] = p.v.data();
    planes.stride[0] = 128;
    planes.stride[1] = planes.stride[2] = 64;
    ASSERT_EQ(reel_movie_writer_write_image(writer, &planes), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS);
    std::vector<Picture> decoded = DecodeFile(path);
    ASSERT_EQ(decoded.size(), 2u);
    EXPECT_GT(decoded[0].y[size_t(5) * 128 + 10], 200) << "the top of the picture is the image's top row";
    EXPECT_LT(decoded[0].y[size_t(90) * 128 + 10], 40);
    EXPECT_GE(LumaPsnr(p, decoded[1]), 38.0);
}

TEST_F(MovieWriter, BadInput_IsRefusedClearly) {
    std::string path = dir_.File("bad.ivf");
    reel_encoder_desc_t settings = SmallDesc();
    settings.width = 100000;
    reel_movie_writer_t writer;
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_movie_writer_begin: settings->width is 100000; allowed 64 to 16384"}));
    EXPECT_TRUE(ReadFile(path).empty()) << "refused settings do not create the file";
    settings = SmallDesc();
    settings.queue_depth = 65;
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_movie_writer_begin: settings->queue_depth is 65; allowed 1 to 64"}));
    EXPECT_TRUE(ReadFile(path).empty());
    settings = SmallDesc();
    settings.packet_pool = BytePool(context_.get());
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_ERROR_INVALID_ARGUMENT,
                       {"settings->packet_pool is set"}));
    reel_pool_destroy(settings.packet_pool);
    settings = SmallDesc();
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context_.get(), "/nonexistent-dir/m.ivf", &settings, &writer), REEL_ERROR_IO,
                       {"reel_movie_writer_begin: cannot create /nonexistent-dir/m.ivf"}));
    ASSERT_EQ(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_SUCCESS);
    reel_pool_t wrong = I420Pool(context_.get(), 160, 120);
    reel_frame_pool_desc_t nv12 = reel_frame_pool_desc_default();
    nv12.format = REEL_PIXEL_FORMAT_NV12;
    nv12.width = 320;
    nv12.height = 240;
    reel_pool_t other;
    ASSERT_EQ(reel_frame_pool_create(context_.get(), &nv12, &other), REEL_SUCCESS);
    reel_buffer_t frame;
    ASSERT_EQ(reel_pool_acquire(wrong, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_movie_writer_write_frame(writer, frame), REEL_ERROR_INVALID_ARGUMENT, {"frame is 160x120; allowed 320x240"}));
    reel_buffer_release(frame);
    ASSERT_EQ(reel_pool_acquire(other, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_movie_writer_write_frame(writer, frame), REEL_ERROR_INVALID_ARGUMENT, {"REEL_PIXEL_FORMAT_NV12"}));
    reel_buffer_release(frame);
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_RGBA8;
    image.width = 320;
    image.height = 240;
    EXPECT_TRUE(Failed(reel_movie_writer_write_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->data[0] is NULL"}));
    std::vector<uint8_t> pixels(320 * 240 * 4);
    image.data[0] = pixels.data();
    image.stride[0] = 100;
    EXPECT_TRUE(Failed(reel_movie_writer_write_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"source stride is 100; allowed 1280"}));
    image.format = REEL_PIXEL_FORMAT_P010;
    EXPECT_TRUE(Failed(reel_movie_writer_write_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->format is 3"}));
    EXPECT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_movie_writer_end(writer, nullptr), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    EXPECT_TRUE(Failed(reel_movie_writer_write_frame(writer, frame), REEL_ERROR_INVALID_HANDLE, {"reel_movie_writer_t"}));
    EXPECT_EQ(ReadFile(path).size(), 32u) << "a movie of no frame is the IVF header alone";
    reel_pool_destroy(wrong);
    reel_pool_destroy(other);
}

// Issue 16 defect 6: a bad out_stats->struct_size used to be refused before the writer was
// ended, leaving it alive (a second end succeeded). The handle is stale whatever the result.
TEST_F(MovieWriter, EndWithBadStatsStruct_EndsTheWriterAndSaysSo) {
    std::string path = dir_.File("bad_stats.ivf");
    reel_encoder_desc_t settings = SmallDesc();
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context_.get(), path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    std::vector<Picture> source = Pictures(320, 240, 4);
    WriteI420(writer, source);
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    stats.struct_size = 4;
    const std::string size = "sizeof(reel_movie_writer_stats_t) = " + std::to_string(sizeof(reel_movie_writer_stats_t));
    EXPECT_TRUE(Failed(reel_movie_writer_end(writer, &stats), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_movie_writer_end: out_stats->struct_size is 4", size.c_str(),
                        "the writer was ended and its file is complete"}));
    EXPECT_EQ(stats.struct_size, 4u) << "a stats struct of a bad size is not written";
    EXPECT_EQ(stats.frames_written, 0u);
    EXPECT_TRUE(Failed(reel_movie_writer_end(writer, nullptr), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    std::string count = ReadFile(path).substr(24, 4);
    EXPECT_EQ(uint8_t(count[0]), 4) << "end patched the IVF frame count";
    EXPECT_EQ(FfprobeFrames(path), 4);
    EXPECT_EQ(Dav1dToolFrames(path), 4);
}

TEST_F(MovieWriter, ContextDestroyWithoutEnd_StillFinishesTheFile) {
    std::string path = dir_.File("unended.ivf");
    {
        ScopedContext context;
        reel_encoder_desc_t settings = SmallDesc();
        reel_movie_writer_t writer;
        ASSERT_EQ(reel_movie_writer_begin(context.get(), path.c_str(), &settings, &writer), REEL_SUCCESS);
        std::vector<uint8_t> rgba(320 * 240 * 4, 128);
        reel_image_t image = reel_image_init();
        image.format = REEL_PIXEL_FORMAT_RGBA8;
        image.width = 320;
        image.height = 240;
        image.data[0] = rgba.data();
        image.stride[0] = 320 * 4;
        for (int i = 0; i < 5; i++)
            ASSERT_EQ(reel_movie_writer_write_image(writer, &image), REEL_SUCCESS);
    }
    EXPECT_EQ(FfprobeFrames(path), 5);
    EXPECT_EQ(uint8_t(ReadFile(path)[24]), 5) << "context destroy ended the writer: count patched";
}

}  // namespace
