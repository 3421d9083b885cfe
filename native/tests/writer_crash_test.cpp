// Every writer (IVF writer, Y4M writer, movie writer) is crash-safe and reports a full disk:
//  - a child recording with it is killed (SIGKILL) at random moments, several times: the file
//    it leaves decodes up to its last complete frame in Reel's readers and decoder, ffprobe and
//    the dav1d tool;
//  - creating a file on /dev/full fails with REEL_ERROR_IO naming the path;
//  - a file-size limit (RLIMIT_FSIZE, like a disk filling up) crossed mid-recording fails the
//    write with REEL_ERROR_IO, and the file holds a playable prefix.
// The children are writer_child.c; docs/RELIABILITY.md lists these tests.
#include "crash_support.h"

using namespace reel_test;

namespace {

constexpr size_t kY4mFrameBytes = 64 * 48 * 3 / 2;

/// A random delay after the first complete frames, so kills land at different points.
std::chrono::milliseconds RandomDelay(std::mt19937& random) {
    return std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 120)(random));
}

/// The source of the IVF writer's child: a 64x64 clip from Reel's encoder with a keyframe every 4 frames.
std::string MakeSource(const TempDir& dir) {
    std::string source = dir.File("source.ivf");
    EXPECT_EQ(Run(std::string("'") + REEL_TOOL + "' encode --pattern 64x64 --frames 8 --keyint 4 --preset low --quiet -o '" +
                  source + "'"),
              0);
    return source;
}

/// Checks that every complete frame of an interrupted Y4M recording reads back in Reel and FFmpeg.
void ExpectCompleteY4mFramesRead(const std::string& path, int at_least) {
    int complete = CompleteY4mFrames(ReadFile(path), kY4mFrameBytes);
    EXPECT_GE(complete, at_least);
    ScopedContext context;
    reel_y4m_reader_t reader;
    ASSERT_EQ(reel_y4m_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), 64, 48, 2);
    int read = 0;
    reel_buffer_t frame;
    reel_result_t r;
    while ((r = reel_y4m_reader_read(reader, pool, &frame)) == REEL_SUCCESS) {
        Picture p = Read(frame);
        EXPECT_EQ(p.y[0], uint8_t(read * 7)) << "frame " << read << " holds the picture written as it";
        reel_buffer_release(frame);
        read++;
    }
    EXPECT_TRUE(r == REEL_END_OF_STREAM || r == REEL_ERROR_CORRUPT_DATA) << reel_result_name(r);
    EXPECT_EQ(read, complete) << "Reel reads every complete frame";
    reel_y4m_reader_close(reader);
    reel_pool_destroy(pool);
    std::string out;
    EXPECT_EQ(reel_test::Run("ffmpeg -v error -i '" + path + "' -f null - -progress pipe:1", &out), 0) << out;
    size_t at = out.rfind("frame=");
    EXPECT_EQ(at == std::string::npos ? -1 : std::atoi(out.c_str() + at + 6), complete) << "FFmpeg reads every complete frame";
}

TEST(WriterCrash, IvfWriterKilledAtRandomPoints_LeavesDecodableFiles) {
    TempDir dir;
    std::string source = MakeSource(dir);
    std::mt19937 random(1);
    for (int i = 0; i < 3; i++) {
        std::string path = dir.File(("killed-" + std::to_string(i) + ".ivf").c_str());
        ASSERT_EQ(RunAndKill({REEL_WRITER_CHILD, "ivf", source, path}, path, 1, CompleteIvfFrameCount, RandomDelay(random)), 0);
        ExpectCompleteIvfFramesDecode(path, 1);
    }
}

TEST(WriterCrash, Y4mWriterKilledAtRandomPoints_LeavesReadableFiles) {
    TempDir dir;
    std::mt19937 random(2);
    auto complete = [](const std::string& bytes) { return CompleteY4mFrames(bytes, kY4mFrameBytes); };
    for (int i = 0; i < 3; i++) {
        std::string path = dir.File(("killed-" + std::to_string(i) + ".y4m").c_str());
        ASSERT_EQ(RunAndKill({REEL_WRITER_CHILD, "y4m", path}, path, 1, complete, RandomDelay(random)), 0);
        ExpectCompleteY4mFramesRead(path, 1);
    }
}

TEST(WriterCrash, MovieWriterKilledAtRandomPoints_LeavesDecodableFiles) {
    TempDir dir;
    std::mt19937 random(3);
    for (int i = 0; i < 3; i++) {
        std::string path = dir.File(("killed-" + std::to_string(i) + ".ivf").c_str());
        ASSERT_EQ(RunAndKill({REEL_WRITER_CHILD, "movie", path}, path, 1, CompleteIvfFrameCount, RandomDelay(random) * 5), 0);
        ExpectCompleteIvfFramesDecode(path, 1);
    }
}

// Needs the fix of issue 16 defect 3 (I/O failures reported as REEL_ERROR_IO, not INTERNAL).
TEST(WriterDiskFull, IvfWriterCreateOnDevFull_IsAnIoError) {
    ScopedContext context;
    reel_media_info_t info = reel_media_info_init();
    info.width = info.height = 64;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_ivf_writer_t writer = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_ivf_writer_create(context.get(), "/dev/full", &info, &writer), REEL_ERROR_IO, {"/dev/full"}));
    EXPECT_EQ(writer, REEL_NULL_HANDLE);
}

// Needs the fix of issue 16 defect 4 (the Y4M writer's create succeeded on /dev/full).
TEST(WriterDiskFull, Y4mWriterCreateOnDevFull_IsAnIoError) {
    ScopedContext context;
    reel_media_info_t info = reel_media_info_init();
    info.width = info.height = 64;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_y4m_writer_t writer = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_y4m_writer_create(context.get(), "/dev/full", &info, &writer), REEL_ERROR_IO, {"/dev/full"}));
    EXPECT_EQ(writer, REEL_NULL_HANDLE);
    reel_y4m_writer_close(writer);
}

// Needs the fix of issue 16 defect 3.
TEST(WriterDiskFull, MovieWriterBeginOnDevFull_IsAnIoError) {
    ScopedContext context;
    reel_encoder_desc_t settings = SmallDesc(64, 64);
    reel_movie_writer_t writer = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context.get(), "/dev/full", &settings, &writer), REEL_ERROR_IO, {"/dev/full"}));
    EXPECT_EQ(writer, REEL_NULL_HANDLE);
}

/// Runs a child under a file-size limit; returns what it printed (the failing call and result).
std::string RunUnderLimit(const std::vector<std::string>& args) {
    std::string command;
    for (const std::string& a : args)
        command += "'" + a + "' ";
    std::string out;
    EXPECT_EQ(reel_test::Run(command, &out), 0) << out;
    return out;
}

// Needs the fix of issue 16 defect 3 (write past RLIMIT_FSIZE gave INTERNAL).
TEST(WriterDiskFull, IvfWriterPastTheFileSizeLimit_IsAnIoErrorAndKeepsAPlayablePrefix) {
    TempDir dir;
    std::string source = MakeSource(dir);
    std::string path = dir.File("limited.ivf");
    std::string out = RunUnderLimit({REEL_WRITER_CHILD, "ivf", source, path, "3000"});
    EXPECT_NE(out.find("reel_ivf_writer_write REEL_ERROR_IO"), std::string::npos) << out;
    EXPECT_NE(out.find(path), std::string::npos) << "the message names the file: " << out;
    EXPECT_LE(ReadFile(path).size(), 3000u);
    ExpectCompleteIvfFramesDecode(path, 1);
}

// Needs the fix of issue 16 defects 3 and 4.
TEST(WriterDiskFull, Y4mWriterPastTheFileSizeLimit_IsAnIoErrorAndKeepsAPlayablePrefix) {
    TempDir dir;
    std::string path = dir.File("limited.y4m");
    std::string out = RunUnderLimit({REEL_WRITER_CHILD, "y4m", path, "20000"});
    EXPECT_NE(out.find("reel_y4m_writer_write REEL_ERROR_IO"), std::string::npos) << out;
    EXPECT_LE(ReadFile(path).size(), 20000u);
    ExpectCompleteY4mFramesRead(path, 1);
}

// Needs the fix of issue 16 defect 3.
TEST(WriterDiskFull, MovieWriterPastTheFileSizeLimit_IsAnIoErrorAndKeepsAPlayablePrefix) {
    TempDir dir;
    std::string path = dir.File("limited.ivf");
    std::string out = RunUnderLimit({REEL_WRITER_CHILD, "movie", path, "4000"});
    EXPECT_NE(out.find("REEL_ERROR_IO"), std::string::npos) << out;
    EXPECT_LE(ReadFile(path).size(), 4000u);
    ExpectCompleteIvfFramesDecode(path, 1);
}

}  // namespace
