// IVF and Y4M files through the C ABI: round trips, and bad files (bad signatures and
// headers, unsupported chroma or bit depth, truncated frames, missing files), each with a
// clear code and message and no buffer left out.
#include "session_support.h"

using namespace reel_test;

namespace {

std::string Y4mFrame(uint32_t width, uint32_t height, uint8_t value) {
    return "FRAME\n" + std::string(size_t(width) * height + 2 * size_t((width + 1) / 2) * ((height + 1) / 2), char(value));
}

class SessionFiles : public ::testing::Test {
protected:
    void TearDown() override { EXPECT_EQ(BuffersOut(context_.get()), 0u) << "every buffer went back to its pool"; }

    ScopedContext context_;
    TempDir dir_;
};

TEST_F(SessionFiles, Y4m_WriteThenRead_GivesTheSameFramesAndInfo) {
    std::string path = dir_.File("a.y4m");
    reel_media_info_t info = reel_media_info_init();
    info.width = 66;
    info.height = 34;
    info.fps_num = 30000;
    info.fps_den = 1001;
    reel_y4m_writer_t writer;
    ASSERT_EQ(reel_y4m_writer_create(context_.get(), path.c_str(), &info, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context_.get(), 66, 34);
    std::vector<Picture> source = Pictures(66, 34, 3);
    for (const Picture& p : source) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, p);
        ASSERT_EQ(reel_y4m_writer_write(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
    }
    reel_media_info_t written = reel_media_info_init();
    ASSERT_EQ(reel_y4m_writer_get_info(writer, &written), REEL_SUCCESS);
    EXPECT_EQ(written.frame_count, 3u);
    ASSERT_EQ(reel_y4m_writer_close(writer), REEL_SUCCESS);

    reel_y4m_reader_t reader;
    ASSERT_EQ(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_media_info_t read = reel_media_info_init();
    ASSERT_EQ(reel_y4m_reader_get_info(reader, &read), REEL_SUCCESS);
    EXPECT_EQ(read.width, 66u);
    EXPECT_EQ(read.height, 34u);
    EXPECT_EQ(read.fps_num, 30000u);
    EXPECT_EQ(read.fps_den, 1001u);
    EXPECT_EQ(read.frame_count, 3u);
    for (int i = 0; i < 3; i++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_SUCCESS) << reel_last_error_message();
        Picture back = Read(frame);
        EXPECT_EQ(back.pts, i);
        EXPECT_EQ(back.y, source[size_t(i)].y);
        EXPECT_EQ(back.u, source[size_t(i)].u);
        EXPECT_EQ(back.v, source[size_t(i)].v);
        reel_buffer_release(frame);
    }
    reel_buffer_t frame;
    EXPECT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_END_OF_STREAM);
    EXPECT_EQ(frame, REEL_NULL_HANDLE);
    EXPECT_EQ(reel_y4m_reader_close(reader), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_y4m_reader_close(reader), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    reel_pool_destroy(pool);
}

TEST_F(SessionFiles, Y4m_BadFiles_GiveClearErrors) {
    reel_y4m_reader_t reader;
    std::string path = dir_.File("bad.y4m");
    WriteFile(path, "YUV4MPEG3 W64 H64\n");
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_CORRUPT_DATA,
                       {"reel_y4m_reader_open: ", "is not a YUV4MPEG2 file"}));
    WriteFile(path, "YUV4MPEG2 W64 F30:1\n");
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_CORRUPT_DATA, {"no H (height) tag"}));
    WriteFile(path, "YUV4MPEG2 W64 H64 C444\n" + Y4mFrame(64, 64, 1));
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_UNSUPPORTED, {"C (colorspace) is \"444\"", "8-bit 4:2:0 only"}));
    WriteFile(path, "YUV4MPEG2 W64 H64 C420p10\n");
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_UNSUPPORTED, {"420p10", "10-bit"}));
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), dir_.File("missing.y4m").c_str(), &reader), REEL_ERROR_IO,
                       {"reel_y4m_reader_open: cannot open", "missing.y4m"}));
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), "", &reader), REEL_ERROR_INVALID_ARGUMENT, {"path is empty"}));
    EXPECT_TRUE(Failed(reel_y4m_reader_open(context_.get(), nullptr, &reader), REEL_ERROR_INVALID_ARGUMENT, {"path is NULL"}));

    // One good frame, then a frame cut short: the first reads, the second names the damage.
    WriteFile(path, "YUV4MPEG2 W64 H64 F25:1\n" + Y4mFrame(64, 64, 100) + Y4mFrame(64, 64, 50).substr(0, 3000));
    ASSERT_EQ(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context_.get(), 64, 64);
    reel_pool_t wrong = I420Pool(context_.get(), 32, 32);
    reel_buffer_t frame;
    EXPECT_TRUE(Failed(reel_y4m_reader_read(reader, wrong, &frame), REEL_ERROR_INVALID_ARGUMENT, {"allowed an I420 frame pool of 64x64"}));
    ASSERT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_SUCCESS) << reel_last_error_message();
    reel_buffer_release(frame);
    EXPECT_TRUE(Failed(reel_y4m_reader_read(reader, pool, &frame), REEL_ERROR_CORRUPT_DATA, {"reel_y4m_reader_read", "frame 1", "truncated"}));
    EXPECT_EQ(frame, REEL_NULL_HANDLE);
    reel_y4m_reader_close(reader);
    reel_pool_destroy(pool);
    reel_pool_destroy(wrong);
}

/// frame_count of a Y4M file, or ~0 when it does not open.
uint64_t Y4mFrameCount(reel_context_t context, const std::string& path) {
    reel_y4m_reader_t reader;
    if (reel_y4m_reader_open(context, path.c_str(), &reader) != REEL_SUCCESS)
        return ~0ull;
    reel_media_info_t info = reel_media_info_init();
    EXPECT_EQ(reel_y4m_reader_get_info(reader, &info), REEL_SUCCESS);
    reel_y4m_reader_close(reader);
    return info.frame_count;
}

TEST_F(SessionFiles, Y4m_FrameCount_CountsTheFramesTheFileHolds) {
    std::string path = dir_.File("count.y4m");
    // A 56-byte header and no frames: file size / frame size would say 3 frames of 2x4.
    std::string header = "YUV4MPEG2 W2 H4 F30:1 Ip A1:1 C420jpeg X";
    header += std::string(55 - header.size(), 'x') + "\n";
    ASSERT_EQ(header.size(), 56u);
    WriteFile(path, header);
    EXPECT_EQ(Y4mFrameCount(context_.get(), path), 0u);
    reel_y4m_reader_t reader;
    ASSERT_EQ(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context_.get(), 2, 4);
    reel_buffer_t frame;
    EXPECT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_END_OF_STREAM);
    reel_y4m_reader_close(reader);

    // Frame headers may carry parameters, so frames are not all "FRAME\n" + picture long.
    std::string picture(8 + 2 + 2, '\x40');
    WriteFile(path, header + "FRAME Ip\n" + picture + "FRAME\n" + picture + "FRAME XTIME=0.5 Ib\n" + picture);
    EXPECT_EQ(Y4mFrameCount(context_.get(), path), 3u);
    ASSERT_EQ(reel_y4m_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    for (int i = 0; i < 3; i++) {
        ASSERT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
    }
    EXPECT_EQ(reel_y4m_reader_read(reader, pool, &frame), REEL_END_OF_STREAM);
    reel_y4m_reader_close(reader);

    // A frame cut short is not a frame the file holds.
    WriteFile(path, header + "FRAME\n" + picture + "FRAME\n" + picture.substr(0, 5));
    EXPECT_EQ(Y4mFrameCount(context_.get(), path), 1u);
    // Plain frame headers and a larger picture.
    WriteFile(path, "YUV4MPEG2 W640 H360\n" + Y4mFrame(640, 360, 1) + Y4mFrame(640, 360, 2));
    EXPECT_EQ(Y4mFrameCount(context_.get(), path), 2u);
    reel_pool_destroy(pool);
}

TEST_F(SessionFiles, Ivf_BadFiles_GiveClearErrors) {
    reel_ivf_reader_t reader;
    std::string path = dir_.File("bad.ivf");
    WriteFile(path, std::string("RIFF") + std::string(40, '\0'));
    EXPECT_TRUE(Failed(reel_ivf_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_CORRUPT_DATA,
                       {"reel_ivf_reader_open: ", "not an IVF file", "expected \"DKIF\""}));
    std::string header("DKIF\0\0\x20\0VP80\x40\0\x40\0\x1e\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0", 32);
    WriteFile(path, header);
    EXPECT_TRUE(Failed(reel_ivf_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_UNSUPPORTED, {"fourcc is \"VP80\""}));
    WriteFile(path, "DKIF");
    EXPECT_TRUE(Failed(reel_ivf_reader_open(context_.get(), path.c_str(), &reader), REEL_ERROR_CORRUPT_DATA, {"an IVF header needs 32"}));
    EXPECT_TRUE(Failed(reel_ivf_reader_open(context_.get(), dir_.File("none.ivf").c_str(), &reader), REEL_ERROR_IO, {"cannot open"}));

    // A real stream whose last frame is cut: the complete frames read, the cut one is named.
    std::vector<Packet> packets = Encode(context_.get(), SmallDesc(), Pictures(320, 240, 5));
    std::string good = dir_.File("good.ivf");
    WriteIvf(context_.get(), good, 320, 240, packets);
    std::string bytes = ReadFile(good);
    WriteFile(path, bytes.substr(0, bytes.size() - packets.back().bytes.size() / 2));
    ASSERT_EQ(reel_ivf_reader_open(context_.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_media_info_t info = reel_media_info_init();
    ASSERT_EQ(reel_ivf_reader_get_info(reader, &info), REEL_SUCCESS);
    EXPECT_EQ(info.width, 320u);
    EXPECT_EQ(info.fps_num, 30u);
    EXPECT_EQ(info.frame_count, 5u) << "the writer patched the count at close";
    reel_pool_t bytes_pool = BytePool(context_.get());
    reel_pool_t frames = I420Pool(context_.get(), 320, 240);
    reel_buffer_t packet;
    EXPECT_TRUE(Failed(reel_ivf_reader_read(reader, frames, &packet), REEL_ERROR_INVALID_ARGUMENT, {"allowed a byte pool"}));
    for (int i = 0; i < 4; i++) {
        ASSERT_EQ(reel_ivf_reader_read(reader, bytes_pool, &packet), REEL_SUCCESS) << reel_last_error_message();
        reel_bytes_info_t b = reel_bytes_info_init();
        reel_buffer_get_bytes(packet, &b);
        EXPECT_EQ(b.size, packets[size_t(i)].bytes.size());
        EXPECT_EQ(b.pts, packets[size_t(i)].pts);
        reel_buffer_release(packet);
    }
    EXPECT_TRUE(Failed(reel_ivf_reader_read(reader, bytes_pool, &packet), REEL_ERROR_CORRUPT_DATA, {"reel_ivf_reader_read", "frame 4", "truncated"}));
    reel_ivf_reader_close(reader);
    reel_pool_destroy(bytes_pool);
    reel_pool_destroy(frames);
}

TEST_F(SessionFiles, Writers_RefuseBadInfoAndBadBuffers) {
    reel_media_info_t info = reel_media_info_init();
    info.width = 0;
    info.height = 64;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_ivf_writer_t ivf;
    EXPECT_TRUE(Failed(reel_ivf_writer_create(context_.get(), dir_.File("x.ivf").c_str(), &info, &ivf), REEL_ERROR_INVALID_ARGUMENT,
                       {"info->width is 0; allowed 1 to 65535"}));
    info.width = 64;
    info.fps_den = 0;
    EXPECT_TRUE(Failed(reel_ivf_writer_create(context_.get(), dir_.File("x.ivf").c_str(), &info, &ivf), REEL_ERROR_INVALID_ARGUMENT,
                       {"info->fps_den is 0"}));
    info.fps_den = 1;
    EXPECT_TRUE(Failed(reel_ivf_writer_create(context_.get(), "/nonexistent-dir/x.ivf", &info, &ivf), REEL_ERROR_IO, {"cannot create"}));
    ASSERT_EQ(reel_ivf_writer_create(context_.get(), dir_.File("x.ivf").c_str(), &info, &ivf), REEL_SUCCESS);
    reel_pool_t frames = I420Pool(context_.get(), 64, 64);
    reel_pool_t bytes = BytePool(context_.get());
    reel_buffer_t frame, packet;
    ASSERT_EQ(reel_pool_acquire(frames, &frame), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_ivf_writer_write(ivf, frame), REEL_ERROR_INVALID_ARGUMENT, {"not a bytes pool"}));
    ASSERT_EQ(reel_pool_acquire_bytes(bytes, 10, &packet), REEL_SUCCESS);
    reel_buffer_set_pts(packet, 5);
    EXPECT_EQ(reel_ivf_writer_write(ivf, packet), REEL_SUCCESS);
    reel_buffer_set_pts(packet, 4);
    EXPECT_TRUE(Failed(reel_ivf_writer_write(ivf, packet), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_ivf_writer_write: packet's pts is 4; allowed 5 or more"}));
    reel_buffer_t empty;  // issue 16 defect 10: was "data is empty"
    ASSERT_EQ(reel_pool_acquire_bytes(bytes, 10, &empty), REEL_SUCCESS);
    ASSERT_EQ(reel_buffer_set_size(empty, 0), REEL_SUCCESS);
    reel_buffer_set_pts(empty, 6);
    EXPECT_TRUE(Failed(reel_ivf_writer_write(ivf, empty), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_ivf_writer_write: packet is empty (its size is 0); allowed 1 or more bytes of payload"}));
    reel_buffer_release(empty);
    EXPECT_EQ(reel_ivf_writer_close(ivf), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_ivf_writer_write(ivf, packet), REEL_ERROR_INVALID_HANDLE, {"stale: that reel_ivf_writer_t was destroyed"}));

    reel_y4m_writer_t y4m;
    ASSERT_EQ(reel_y4m_writer_create(context_.get(), dir_.File("x.y4m").c_str(), &info, &y4m), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_y4m_writer_write(y4m, packet), REEL_ERROR_INVALID_ARGUMENT, {"not a frame pool"}));
    EXPECT_TRUE(Failed(reel_y4m_writer_write(reinterpret_cast<reel_y4m_writer_t>(ivf), frame), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_ivf_writer_t, not a reel_y4m_writer_t"}));
    EXPECT_EQ(reel_y4m_writer_write(y4m, frame), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(reel_y4m_writer_close(y4m), REEL_SUCCESS);
    reel_buffer_release(frame);
    reel_buffer_release(packet);
    reel_pool_destroy(frames);
    reel_pool_destroy(bytes);
}

TEST_F(SessionFiles, ContextDestroy_ClosesOpenFiles) {
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&cd, &context), REEL_SUCCESS);
    reel_media_info_t info = reel_media_info_init();
    info.width = 64;
    info.height = 64;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_ivf_writer_t ivf;
    std::string path = dir_.File("open.ivf");
    ASSERT_EQ(reel_ivf_writer_create(context, path.c_str(), &info, &ivf), REEL_SUCCESS);
    ASSERT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_ivf_writer_close(ivf), REEL_ERROR_INVALID_HANDLE, {"stale"})) << "context destroy closed it";
    EXPECT_EQ(ReadFile(path).size(), 32u) << "the header is complete";
}

}  // namespace
