// I/O failures through the C ABI: every writer (IVF, Y4M, the movie writer), the readers and
// the `reel` tool, on a full device (/dev/full), a directory, paths the OS refuses
// (/proc/version; a root-owned directory for the user nobody) and past RLIMIT_FSIZE (in a
// child process with SIGXFSZ ignored). Each failure is REEL_ERROR_IO whose message names the
// path and the OS's own reason (strerror), never an exception type; create fails at create,
// not at a later write; a limit hit mid-recording leaves only complete frames in the file.
#include <sys/stat.h>

#include "session_support.h"

using namespace reel_test;

namespace {

bool Contains(const std::string& text, const std::string& fragment) { return text.find(fragment) != std::string::npos; }

/// The message is REEL_ERROR_IO naming `path` and `reason`, with no .NET exception in it.
::testing::AssertionResult IoFailure(reel_result_t r, const std::string& path, std::initializer_list<const char*> reasons) {
    std::string message = reel_last_error_message();
    if (r != REEL_ERROR_IO)
        return ::testing::AssertionFailure() << "expected REEL_ERROR_IO, got " << reel_result_name(r) << " (" << message << ")";
    if (!Contains(message, path))
        return ::testing::AssertionFailure() << "\"" << message << "\" does not name " << path;
    if (Contains(message, "Exception") || Contains(message, "System."))
        return ::testing::AssertionFailure() << "\"" << message << "\" names a .NET exception";
    for (const char* reason : reasons)
        if (Contains(message, reason))
            return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "\"" << message << "\" does not give the OS reason";
}

reel_media_info_t Info() {
    reel_media_info_t info = reel_media_info_init();
    info.width = 320;
    info.height = 240;
    info.fps_num = 30;
    info.fps_den = 1;
    return info;
}

/// Tries the three writers' create calls on `path`; each must fail with IO naming path and a reason.
void ExpectEveryWriterRefuses(const std::string& path, std::initializer_list<const char*> reasons) {
    ScopedContext context;
    reel_media_info_t info = Info();
    reel_ivf_writer_t ivf = REEL_NULL_HANDLE;
    EXPECT_TRUE(IoFailure(reel_ivf_writer_create(context.get(), path.c_str(), &info, &ivf), path, reasons)) << "reel_ivf_writer_create";
    EXPECT_EQ(ivf, REEL_NULL_HANDLE);
    reel_y4m_writer_t y4m = REEL_NULL_HANDLE;
    EXPECT_TRUE(IoFailure(reel_y4m_writer_create(context.get(), path.c_str(), &info, &y4m), path, reasons)) << "reel_y4m_writer_create";
    EXPECT_EQ(y4m, REEL_NULL_HANDLE);
    reel_encoder_desc_t settings = SmallDesc();
    reel_movie_writer_t movie = REEL_NULL_HANDLE;
    EXPECT_TRUE(IoFailure(reel_movie_writer_begin(context.get(), path.c_str(), &settings, &movie), path, reasons)) << "reel_movie_writer_begin";
    EXPECT_EQ(movie, REEL_NULL_HANDLE);
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

/// Runs io_limit_child with its arguments; its stdout and stderr together.
int Child(const std::string& args, std::string* output) {
    return reel_test::Run("'" REEL_IO_LIMIT_CHILD "' " + args, output);
}

TEST(IoFailure, WritersOnAFullDevice_FailAtCreateWithNoSpace) {
    ExpectEveryWriterRefuses("/dev/full", {"No space left on device"});
}

TEST(IoFailure, WritersOnADirectory_FailSayingItIsADirectory) {
    TempDir dir;
    std::string path = dir.File("");
    path.pop_back();  // the directory itself, without the trailing slash
    ExpectEveryWriterRefuses(path, {"Is a directory"});
}

TEST(IoFailure, WritersOnAFileTheKernelRefuses_FailAtCreate) {
    // Root may open /proc/version for writing, but the write fails (EIO); others get EACCES.
    ExpectEveryWriterRefuses("/proc/version", {"Input/output error", "Permission denied"});
}

TEST(IoFailure, WritersWithoutPermission_FailWithPermissionDenied) {
    TempDir dir;
    std::string path = dir.File("denied.out");
    // The directory belongs to whoever runs the test: nobody (the child drops to it when the
    // test runs as root) may not create files in it; an ordinary user is refused by mode 0555.
    chmod(dir.File("").c_str(), geteuid() == 0 ? 0755 : 0555);
    for (const char* kind : {"ivf", "y4m", "movie"}) {
        std::string out;
        EXPECT_EQ(Child("0 nobody " + std::string(kind) + " '" + path + "'", &out), 1) << kind << ": " << out;
        EXPECT_TRUE(Contains(out, "REEL_ERROR_IO") && Contains(out, path) && Contains(out, "Permission denied")) << kind << ": " << out;
        EXPECT_FALSE(Contains(out, "Exception")) << out;
    }
    chmod(dir.File("").c_str(), 0755);
}

TEST(IoFailure, ReadersOnADirectory_FailSayingItIsADirectory) {
    TempDir dir;
    std::string path = dir.File("");
    path.pop_back();
    ScopedContext context;
    reel_ivf_reader_t ivf;
    EXPECT_TRUE(IoFailure(reel_ivf_reader_open(context.get(), path.c_str(), &ivf), path, {"Is a directory"}));
    reel_y4m_reader_t y4m;
    EXPECT_TRUE(IoFailure(reel_y4m_reader_open(context.get(), path.c_str(), &y4m), path, {"Is a directory"}));
}

/// The "written N" line of io_limit_child.
int Written(const std::string& out) {
    size_t at = out.find("written ");
    return at == std::string::npos ? -1 : std::atoi(out.c_str() + at + 8);
}

/// io_limit_child's output says `call` failed with REEL_ERROR_IO naming `path` and EFBIG's reason.
void ExpectFileTooLarge(const std::string& out, const std::string& call, const std::string& path) {
    EXPECT_TRUE(Contains(out, call + " REEL_ERROR_IO") && Contains(out, path) && Contains(out, "File too large")) << out;
    EXPECT_FALSE(Contains(out, "Exception")) << out;
}

TEST(IoFailure, IvfWriterPastTheFileSizeLimit_FailsWithFileTooLarge_AndKeepsCompleteFrames) {
    TempDir dir;
    std::string path = dir.File("limited.ivf"), out;
    EXPECT_EQ(Child("100000 same ivf '" + path + "'", &out), 1) << out;
    ExpectFileTooLarge(out, "reel_ivf_writer_write", path);
    std::string bytes = ReadFile(path);
    EXPECT_LE(bytes.size(), 100000u);
    size_t end = 0;
    EXPECT_EQ(CompleteIvfFrames(bytes, &end), Written(out)) << "every frame written before the failure is in the file";
    EXPECT_EQ(end, bytes.size()) << "no partial frame after the last complete one";
}

TEST(IoFailure, Y4mWriterPastTheFileSizeLimit_FailsWithFileTooLarge_AndKeepsCompleteFrames) {
    TempDir dir;
    std::string path = dir.File("limited.y4m"), out;
    EXPECT_EQ(Child("600000 same y4m '" + path + "'", &out), 1) << out;
    ExpectFileTooLarge(out, "reel_y4m_writer_write", path);
    std::string bytes = ReadFile(path);
    size_t header = bytes.find('\n') + 1, frame = 6 + 320 * 240 * 3 / 2;
    ASSERT_GT(Written(out), 0) << out;
    EXPECT_EQ(bytes.size(), header + size_t(Written(out)) * frame) << "complete frames only";
    ScopedContext context;
    reel_y4m_reader_t reader;
    ASSERT_EQ(reel_y4m_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_media_info_t info = reel_media_info_init();
    EXPECT_EQ(reel_y4m_reader_get_info(reader, &info), REEL_SUCCESS);
    EXPECT_EQ(info.frame_count, uint64_t(Written(out)));
    reel_y4m_reader_close(reader);
}

TEST(IoFailure, MovieWriterPastTheFileSizeLimit_FailsWithFileTooLarge_AndTheFileDecodes) {
    TempDir dir;
    std::string path = dir.File("limited.ivf"), out;
    EXPECT_EQ(Child("300000 same movie '" + path + "'", &out), 1) << out;
    ExpectFileTooLarge(out, "reel_movie_writer_write_image", path);
    std::string bytes = ReadFile(path);
    size_t end = 0;
    int frames = CompleteIvfFrames(bytes, &end);
    EXPECT_GT(frames, 0);
    EXPECT_EQ(end, bytes.size()) << "no partial frame after the last complete one";
    EXPECT_EQ(Dav1dToolFrames(path), frames) << "the prefix decodes";
}

TEST(IoFailure, ReelTool_FullDeviceAndFileSizeLimit_ExitOneWithPathAndReason) {
    TempDir dir;
    std::string out;
    EXPECT_EQ(reel_test::Run("'" REEL_TOOL "' encode --pattern 160x120 --frames 4 --preset low --quiet -o /dev/full", &out), 1) << out;
    EXPECT_TRUE(Contains(out, "REEL_ERROR_IO") && Contains(out, "/dev/full") && Contains(out, "No space left on device")) << out;
    EXPECT_FALSE(Contains(out, "Exception") || Contains(out, "INTERNAL")) << out;

    std::string ivf = dir.File("limited.ivf");
    EXPECT_EQ(Child("20000 same exec '" REEL_TOOL "' encode --pattern 320x240 --frames 200 --preset low --quiet -o '" + ivf + "'", &out), 1)
        << out;
    EXPECT_TRUE(Contains(out, "REEL_ERROR_IO") && Contains(out, ivf) && Contains(out, "File too large")) << out;
    EXPECT_FALSE(Contains(out, "Exception") || Contains(out, "INTERNAL")) << out;

    std::string good = dir.File("good.ivf");
    ASSERT_EQ(reel_test::Run("'" REEL_TOOL "' encode --pattern 160x120 --frames 4 --preset low --quiet -o '" + good + "'", &out), 0) << out;
    EXPECT_EQ(reel_test::Run("'" REEL_TOOL "' decode --quiet -i '" + good + "' -o /dev/full", &out), 1) << out;
    EXPECT_TRUE(Contains(out, "REEL_ERROR_IO") && Contains(out, "/dev/full") && Contains(out, "No space left on device")) << out;
}

}  // namespace
