// Helpers of the crash and disk-full tests: run a recording child, kill it, and check that what
// it left is a file whose complete frames decode (Reel's readers and decoder, ffprobe, dav1d).
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
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

/// CPU seconds a process has used so far (all its threads; /proc/PID/stat utime + stime), or -1.
inline double ProcessCpuSeconds(pid_t pid) {
    std::string stat = ReadFile("/proc/" + std::to_string(pid) + "/stat");
    size_t name_end = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (name_end == std::string::npos)
        return -1;
    // After ") ": state is field 3; utime and stime are fields 14 and 15.
    const char* p = stat.c_str() + name_end + 2;
    unsigned long long utime = 0, stime = 0;
    if (std::sscanf(p, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime, &stime) != 2)
        return -1;
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

/// How long RunAndKill waits for a child that makes progress, and for one that does not.
/// Progress is the child using CPU or its file growing: on a loaded 2-core machine a child
/// may need minutes of wall time for its first frames, and that is slowness, not a failure;
/// a child that uses no CPU and writes nothing for kStallLimit is stuck. kWaitLimit keeps the
/// test inside ctest's 300 s TIMEOUT (native/tests/CMakeLists.txt) with time for the checks.
constexpr std::chrono::seconds kStallLimit{60};
constexpr std::chrono::seconds kWaitLimit{210};

/// Starts argv and waits until complete(contents of path) >= at_least, then waits `delay` more
/// and kills it with SIGKILL. No fixed time is given to the child: the wait goes on while it
/// makes progress (kStallLimit, kWaitLimit above). 0 when it was killed after reaching
/// at_least; negative when it could not start (-1), ended by itself (-2), did not die of the
/// SIGKILL (-3), or did not reach at_least (-4, with a test failure saying how far it got, in
/// what time and with how much CPU, so a stuck child and a starved one can be told apart).
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
    using Clock = std::chrono::steady_clock;
    const Clock::time_point started = Clock::now();
    Clock::time_point last_progress = started;
    double cpu = 0;
    off_t size = -1;
    int reached = 0;
    int status;
    while (reached < at_least) {
        if (waitpid(pid, &status, WNOHANG) == pid)
            return -2;  // it ended by itself: the test's premise failed
        struct stat st;
        off_t now_size = ::stat(path.c_str(), &st) == 0 ? st.st_size : -1;
        double now_cpu = ProcessCpuSeconds(pid);
        if (now_size != size || now_cpu > cpu) {
            last_progress = Clock::now();
            if (now_size != size)
                reached = complete(ReadFile(path));  // read again only when the file changed
            size = now_size;
            cpu = now_cpu > cpu ? now_cpu : cpu;
        }
        if (reached >= at_least)
            break;
        Clock::time_point now = Clock::now();
        bool stalled = now - last_progress > kStallLimit;
        if (stalled || now - started > kWaitLimit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            ADD_FAILURE() << args[0] << " wrote " << reached << " of the " << at_least << " complete frames awaited in "
                          << std::chrono::duration_cast<std::chrono::seconds>(now - started).count() << " s, using " << cpu
                          << " s of CPU; "
                          << (stalled ? "it used no CPU and wrote nothing for " + std::to_string(kStallLimit.count()) + " s: stuck"
                                      : std::string("it was still working: the machine is too loaded for this test's time limit"));
            return -4;
        }
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
