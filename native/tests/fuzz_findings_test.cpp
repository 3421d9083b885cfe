// Regression tests of what the fuzzers (native/fuzz, tests/Reel.Fuzz) found; each test names
// the harness and the input that found it. docs/RELIABILITY.md lists them.
#include <malloc.h>
#include <unistd.h>

#include "session_support.h"

using namespace reel_test;

namespace {

/// Bytes the C library holds in mmapped blocks now (large allocations, such as a frame buffer).
size_t MappedBytes() { return mallinfo2().hblkhd; }

// ivf_reader_fuzzer: a 44-byte IVF whose one frame header declares 256 MiB made the reader
// allocate 256 MiB before finding that the file ends (libFuzzer -malloc_limit_mb=64).
TEST(FuzzFindings, IvfFrameDeclaringHugeSize_IsTruncatedWithoutAllocatingIt) {
    TempDir dir;
    std::string path = dir.File("huge-frame.ivf");
    unsigned char file[44] = {'D', 'K', 'I', 'F', 0, 0, 32, 0, 'A', 'V', '0', '1', 64, 0, 64, 0, 30, 0, 0, 0, 1, 0, 0, 0};
    const uint32_t declared = 256u << 20;  // IvfReader.MaxFrameSize
    memcpy(file + 32, &declared, 4);
    FILE* f = fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(fwrite(file, 1, sizeof(file), f), sizeof(file));
    fclose(f);

    ScopedContext context;
    reel_ivf_reader_t reader;
    ASSERT_EQ(reel_ivf_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = BytePool(context.get());
    size_t before = MappedBytes();
    reel_buffer_t packet = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_ivf_reader_read(reader, pool, &packet), REEL_ERROR_CORRUPT_DATA,
                       {"frame 0", "declares 268435456 bytes", "ends after 0"}));
    size_t grown = MappedBytes() - before;
    EXPECT_LT(grown, size_t(1) << 20) << "the reader allocated " << grown << " bytes for a frame the file does not hold";
    EXPECT_EQ(reel_ivf_reader_close(reader), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
}

// y4m_reader_fuzzer (which hands Reel /proc/self/fd/N of a memfd): frame_count was 0 for any
// path that is a symlink, because the file's size was read from the link itself.
TEST(FuzzFindings, Y4mFrameCount_IsTheSameThroughSymlinksAndFdPaths) {
    TempDir dir;
    std::string path = dir.File("two.y4m");
    ASSERT_EQ(reel_test::Run("ffmpeg -v error -f lavfi -i testsrc=size=16x16 -frames:v 2 -pix_fmt yuv420p -y '" + path + "'"), 0);
    std::string link = dir.File("link.y4m");
    ASSERT_EQ(symlink(path.c_str(), link.c_str()), 0);
    FILE* open_file = fopen(path.c_str(), "rb");
    ASSERT_NE(open_file, nullptr);
    std::string fd_path = "/proc/self/fd/" + std::to_string(fileno(open_file));

    ScopedContext context;
    for (const std::string& p : {path, link, fd_path}) {
        reel_y4m_reader_t reader;
        ASSERT_EQ(reel_y4m_reader_open(context.get(), p.c_str(), &reader), REEL_SUCCESS) << p << ": " << reel_last_error_message();
        reel_media_info_t info = reel_media_info_init();
        EXPECT_EQ(reel_y4m_reader_get_info(reader, &info), REEL_SUCCESS);
        EXPECT_EQ(info.frame_count, 2u) << p;
        EXPECT_EQ(reel_y4m_reader_close(reader), REEL_SUCCESS);
    }
    fclose(open_file);
}

/// Writes bytes to a file.
void WriteBytes(const std::string& path, const std::string& bytes) {
    FILE* f = fopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(fwrite(bytes.data(), 1, bytes.size(), f), bytes.size());
    fclose(f);
}

// tests/Reel.Fuzz target ivf: after a broken frame header the reader went on parsing the bytes
// that followed as if they were a frame, and handed out a packet of garbage.
TEST(FuzzFindings, IvfReadAfterABrokenFrame_RepeatsTheError) {
    TempDir dir;
    std::string path = dir.File("broken.ivf");
    std::string file("DKIF\0\0\x20\0AV01\x40\0\x40\0\x1e\0\0\0\x01\0\0\0\0\0\0\0\0\0\0\0", 32);
    file += std::string(12, '\0');                                       // frame 0 declares 0 bytes
    file += std::string("\x01\0\0\0\0\0\0\0\0\0\0\0\x12", 13);  // what looks like a 1-byte frame
    WriteBytes(path, file);
    ScopedContext context;
    reel_ivf_reader_t reader;
    ASSERT_EQ(reel_ivf_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = BytePool(context.get());
    reel_buffer_t packet = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_ivf_reader_read(reader, pool, &packet), REEL_ERROR_CORRUPT_DATA, {"frame 0", "declares 0 bytes"}));
    EXPECT_TRUE(Failed(reel_ivf_reader_read(reader, pool, &packet), REEL_ERROR_CORRUPT_DATA, {"frame 0", "declares 0 bytes"}));
    EXPECT_EQ(packet, REEL_NULL_HANDLE);
    EXPECT_EQ(reel_ivf_reader_close(reader), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
}

// tests/Reel.Fuzz target y4m: the same for a YUV4MPEG2 frame header that is not "FRAME".
TEST(FuzzFindings, Y4mReadAfterABrokenFrame_RepeatsTheError) {
    TempDir dir;
    std::string path = dir.File("broken.y4m");
    WriteBytes(path, "YUV4MPEG2 W2 H2\nFRAMX\nFRAME\nABCDEF");
    ScopedContext context;
    reel_y4m_reader_t reader;
    ASSERT_EQ(reel_y4m_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), 2, 2);
    reel_buffer_t frame = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_y4m_reader_read(reader, pool, &frame), REEL_ERROR_CORRUPT_DATA, {"frame 0", "expected \"FRAME\""}));
    EXPECT_TRUE(Failed(reel_y4m_reader_read(reader, pool, &frame), REEL_ERROR_CORRUPT_DATA, {"frame 0", "expected \"FRAME\""}));
    EXPECT_EQ(frame, REEL_NULL_HANDLE);
    EXPECT_EQ(reel_y4m_reader_close(reader), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
}

}  // namespace
