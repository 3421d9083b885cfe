// A recording killed mid-way (SIGKILL, no chance to call end): every complete frame in the
// IVF file must decode in Reel, ffprobe and the dav1d tool. Run on a child process that uses
// the movie writer (movie_writer_child) and on the `reel encode` tool.
#include <signal.h>
#include <spawn.h>

#include <chrono>
#include <thread>

#include "session_support.h"

extern char** environ;

using namespace reel_test;

namespace {

/// Starts argv, waits until path holds at least `frames` complete frames (or 60 s), kills it with SIGKILL.
int RunAndKill(const std::vector<std::string>& args, const std::string& path, int frames) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return -1;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (CompleteIvfFrames(ReadFile(path)) < frames && std::chrono::steady_clock::now() < deadline) {
        int status;
        if (waitpid(pid, &status, WNOHANG) == pid)
            return -2;  // it ended by itself: the test's premise failed
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? 0 : -3;
}

/// Checks that every complete frame of a killed recording decodes everywhere.
void ExpectCompleteFramesDecode(const std::string& path, int at_least) {
    std::string bytes = ReadFile(path);
    int complete = CompleteIvfFrames(bytes);
    EXPECT_GE(complete, at_least);
    EXPECT_EQ(uint8_t(bytes[24]), 0) << "the header's frame count was never patched: the writer did not get to end";

    ScopedContext context;
    reel_ivf_reader_t reader;
    ASSERT_EQ(reel_ivf_reader_open(context.get(), path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = BytePool(context.get());
    std::vector<Packet> packets;
    reel_buffer_t packet;
    reel_result_t r;
    while ((r = reel_ivf_reader_read(reader, pool, &packet)) == REEL_SUCCESS)
        packets.push_back(TakePacket(packet));
    EXPECT_TRUE(r == REEL_END_OF_STREAM || r == REEL_ERROR_CORRUPT_DATA) << reel_result_name(r) << ": " << reel_last_error_message();
    EXPECT_EQ(int(packets.size()), complete);
    reel_ivf_reader_close(reader);
    reel_pool_destroy(pool);
    std::vector<Picture> decoded = Decode(context.get(), packets);
    EXPECT_EQ(int(decoded.size()), complete) << "Reel decodes every complete frame";
    EXPECT_EQ(FfprobeFrames(path), complete) << "ffprobe decodes every complete frame";
    EXPECT_EQ(Dav1dToolFrames(path), complete) << "the dav1d tool decodes every complete frame";
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(MovieWriterCrash, KilledRecorder_LeavesAFileWhoseCompleteFramesDecode) {
    TempDir dir;
    std::string path = dir.File("killed.ivf");
    ASSERT_EQ(RunAndKill({REEL_MOVIE_WRITER_CHILD, path}, path, 25), 0) << "the recorder ran and was killed";
    ExpectCompleteFramesDecode(path, 25);
}

TEST(MovieWriterCrash, KilledReelEncode_LeavesAFileWhoseCompleteFramesDecode) {
    TempDir dir;
    std::string path = dir.File("killed-tool.ivf");
    ASSERT_EQ(RunAndKill({REEL_TOOL, "encode", "--pattern", "320x240", "--frames", "100000", "--preset", "low", "--quiet", "-o", path},
                         path, 25),
              0);
    ExpectCompleteFramesDecode(path, 25);
}

}  // namespace
