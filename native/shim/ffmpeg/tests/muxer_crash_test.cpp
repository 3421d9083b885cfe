// A recording process killed mid-recording, and one whose disk fills up mid-file, leave a
// file that plays up to the last fragment/cluster they completed. The recorder is a child
// process (reelff_mux_child) muxing the AV1 clip and Opus audio at 30 ms per frame.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "mux_helpers.h"

extern char **environ;

using namespace shimtest;

namespace {

struct Child {
    pid_t pid = -1;
    FILE *out = nullptr;
};

Child spawn_child(const std::vector<std::string> &args)
{
    int fds[2];
    if (pipe(fds) != 0)
        return {};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char *> argv;
    std::string exe = REELFF_MUX_CHILD;
    argv.push_back(exe.data());
    std::vector<std::string> copy = args;
    for (auto &a : copy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    Child c;
    if (posix_spawn(&c.pid, exe.c_str(), &actions, nullptr, argv.data(), environ) != 0)
        c.pid = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    c.out = fdopen(fds[0], "r");
    return c;
}

// Frames ffmpeg decodes from a file (no -xerror: the tail may be cut), and its exit status.
int decodable_frames(const std::string &path, int *status)
{
    std::string out;
    *status = run("ffprobe -v quiet -count_frames -select_streams v:0 -show_entries stream=nb_read_frames "
                  "-of default=nw=1:nk=1 '" + path + "'", &out);
    return atoi(out.c_str());
}

class MuxerCrash : public ::testing::TestWithParam<const char *> {};

TEST_P(MuxerCrash, KilledMidRecording_PlaysUpToTheLastFragment)
{
    const Av1Clip &clip = av1_clip();
    TempDir dir;
    std::string path = dir.file(std::string("rec.") + GetParam());
    Child child = spawn_child({clip.ivf, path, "40"});
    ASSERT_GT(child.pid, 0);
    // Kill it once 45 of 60 frames were handed over: fragments/clusters end at every keyframe
    // (every 15 frames) and at least every second.
    char line[256];
    int written = 0;
    while (fgets(line, sizeof line, child.out))
        if (sscanf(line, "video %d", &written) == 1 && written >= 45)
            break;
    kill(child.pid, SIGKILL);
    int status = 0;
    waitpid(child.pid, &status, 0);
    fclose(child.out);
    ASSERT_EQ(written, 45) << "the child stopped early";
    ASSERT_TRUE(WIFSIGNALED(status));

    int probe_status = 0;
    int frames = decodable_frames(path, &probe_status);
    EXPECT_EQ(probe_status, 0);
    // At least everything before the last keyframe (30) is in complete fragments/clusters.
    EXPECT_GE(frames, 30) << "frames decodable from the killed recording";
    EXPECT_LE(frames, 45);
    std::string out;
    EXPECT_EQ(run("ffmpeg -v error -i '" + path + "' -f null -", &out), 0) << out;
    // The frames it has are the recording's frames.
    std::vector<std::string> got = framemd5(path), want = framemd5(clip.ivf);
    ASSERT_LE(got.size(), want.size());
    want.resize(got.size());
    EXPECT_EQ(got, want);
    printf("%s killed after 45 frames: %d frames decodable\n", GetParam(), frames);
}

TEST_P(MuxerCrash, FileSizeLimitMidFile_IsAnIoErrorAndKeepsWhatWasWritten)
{
    const Av1Clip &clip = av1_clip();
    TempDir dir;
    std::string path = dir.file(std::string("full.") + GetParam());
    // The whole file is about 108 KB: the limit stops it about halfway, like a full disk.
    Child child = spawn_child({clip.ivf, path, "0", "60000"});
    ASSERT_GT(child.pid, 0);
    std::string report;
    char line[1024];
    while (fgets(line, sizeof line, child.out))
        report += line;
    int status = 0;
    waitpid(child.pid, &status, 0);
    fclose(child.out);
    ASSERT_TRUE(WIFEXITED(status)) << report;

    size_t failure = report.find("result write_packet");
    ASSERT_NE(failure, std::string::npos) << report;
    std::string first = report.substr(failure, report.find('\n', failure) - failure);
    EXPECT_NE(first.find(" io "), std::string::npos) << first;
    EXPECT_NE(first.find("av_interleaved_write_frame " + path + ": File too large"), std::string::npos) << first;
    // end reports the same first error, and the file keeps what was written.
    EXPECT_NE(report.find("result end"), std::string::npos) << report;
    EXPECT_NE(report.find("File too large", report.find("result end")), std::string::npos) << report;
    EXPECT_EQ(access((path + ".reelff-tmp").c_str(), F_OK), -1) << "no faststart rewrite after a failure";

    int probe_status = 0;
    int frames = decodable_frames(path, &probe_status);
    EXPECT_EQ(probe_status, 0);
    EXPECT_GE(frames, 15) << "the fragments/clusters written before the limit play";
    std::string out;
    EXPECT_EQ(run("ffmpeg -v error -i '" + path + "' -f null -", &out), 0) << out;
    printf("%s stopped at 60000 bytes: %d frames decodable\n", GetParam(), frames);
}

INSTANTIATE_TEST_SUITE_P(Containers, MuxerCrash, ::testing::Values("mp4", "webm", "mkv"),
                         [](const auto &info) { return std::string(info.param); });

// /dev/full fails every write with ENOSPC: an I/O error naming the path and the OS reason.
TEST(MuxerDiskFull, DevFull_IsAnIoErrorNamingThePath)
{
    for (const char *container : {"mp4", "matroska"}) {
        reelff_muxer *m = nullptr;
        ASSERT_EQ(reelff_muxer_create("/dev/full", container, &m), 0) << reelff_last_error();
        int v;
        const Av1Clip &clip = av1_clip();
        ASSERT_EQ(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 320, 240, clip.tb_num, clip.tb_den, 30, 1,
                                                nullptr, 0, &v), 0);
        int ret = reelff_muxer_begin(m);
        for (size_t i = 0; ret == 0 && i < clip.packets.size(); i++)
            ret = reelff_muxer_write_packet(m, v, clip.packets[i].data.data(), (int)clip.packets[i].data.size(),
                                            clip.packets[i].pts, clip.packets[i].pts, 1, clip.packets[i].flags);
        if (ret == 0)
            ret = reelff_muxer_end(m);
        EXPECT_EQ(ret, -ENOSPC) << container;
        EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_IO);
        std::string message = reelff_last_error();
        EXPECT_NE(message.find("/dev/full: No space left on device"), std::string::npos) << message;
        reelff_muxer_destroy(m);
    }
}

}  // namespace
