// Helpers of the crash and disk-full tests: run a recording child, kill it, and check that what
// it left is a file whose complete frames decode (Reel's readers and decoder, ffprobe, dav1d).
#pragma once

#include <signal.h>
#include <spawn.h>

#include <chrono>
#include <random>
#include <thread>

#include "session_support.h"

extern char** environ;

namespace reel_test {

/// Complete frames in an IVF file (session_support.h's CompleteIvfFrames, as a RunAndKill counter).
inline int CompleteIvfFrameCount(const std::string& bytes) { return CompleteIvfFrames(bytes); }

/// Complete frames in a Y4M file of bare "FRAME\n" headers and frames of frame_bytes bytes.
inline int CompleteY4mFrames(const std::string& bytes, size_t frame_bytes) {
    size_t header = bytes.find('\n');
    if (header == std::string::npos)
        return 0;
    return int((bytes.size() - header - 1) / (6 + frame_bytes));
}

/// Starts argv; once complete(path) >= at_least (or 60 s passed) waits `delay` more and kills it
/// with SIGKILL. 0 when it was killed; negative when it could not start or ended by itself.
template <typename Complete>
int RunAndKill(const std::vector<std::string>& args, const std::string& path, int at_least, Complete complete,
               std::chrono::milliseconds delay = std::chrono::milliseconds(0)) {
    std::vector<char*> argv;
    for (const std::string& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        return -1;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status;
    while (complete(ReadFile(path)) < at_least && std::chrono::steady_clock::now() < deadline) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return -2;  // it ended by itself: the test's premise failed
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::this_thread::sleep_for(delay);
    kill(pid, SIGKILL);
    status = 0;
    waitpid(pid, &status, 0);
    return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL ? 0 : -3;
}

/// Checks that every complete frame of an interrupted IVF recording decodes everywhere, and
/// that Reel's reader stops after them (END_OF_STREAM, or CORRUPT_DATA for a cut last frame).
inline void ExpectCompleteIvfFramesDecode(const std::string& path, int at_least) {
    std::string bytes = ReadFile(path);
    int complete = CompleteIvfFrames(bytes);
    EXPECT_GE(complete, at_least);
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

}  // namespace reel_test
