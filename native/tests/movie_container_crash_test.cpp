// A recording with sound killed mid-way (SIGKILL, no end): MP4 (fragmented while recording),
// WebM and Matroska (clusters every second) must leave a file that ffprobe reads and ffmpeg
// decodes, with at least the frames of the complete fragments / clusters.
#include "container_support.h"
#include "crash_support.h"

using namespace reel_test;

namespace {

class MovieContainerCrash : public ::testing::TestWithParam<std::string> {};

TEST_P(MovieContainerCrash, KilledRecorderWithSound_LeavesAPlayablePrefix) {
    TempDir dir;
    std::string path = dir.File(("killed." + GetParam()).c_str());
    // Killed once the file holds well over a second of recording (two flush intervals).
    auto grown = [](const std::string& bytes) { return int(bytes.size() / 1000); };
    ASSERT_EQ(RunAndKill({REEL_MOVIE_WRITER_CHILD, path, "opus"}, path, 120, grown, std::chrono::milliseconds(1500)), 0)
        << "the recorder ran and was killed";
    std::vector<ProbedStream> streams = Probe(path);
    ASSERT_EQ(streams.size(), 2u) << "ffprobe reads the killed file";
    ProbedStream video = StreamOf(streams, "video"), audio = StreamOf(streams, "audio");
    EXPECT_EQ(video.codec_name, "av1");
    EXPECT_GE(video.frames, 30) << "at least the first second's complete fragment or cluster";
    EXPECT_EQ(audio.codec_name, "opus");
    EXPECT_GE(audio.packets, 50) << "and its sound";
    std::string out;
    EXPECT_EQ(reel_test::Run("ffmpeg -v error -i '" + path + "' -f null -", &out), 0) << out;
}

INSTANTIATE_TEST_SUITE_P(Containers, MovieContainerCrash, ::testing::Values("mp4", "webm", "mkv"));

}  // namespace
