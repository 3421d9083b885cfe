// A recording killed mid-way (SIGKILL, no chance to call end): every complete frame in the
// IVF file must decode in Reel, ffprobe and the dav1d tool. Run on a child process that uses
// the movie writer (movie_writer_child) and on the `reel encode` tool.
#include "crash_support.h"

using namespace reel_test;

namespace {

TEST(MovieWriterCrash, KilledRecorder_LeavesAFileWhoseCompleteFramesDecode) {
    TempDir dir;
    std::string path = dir.File("killed.ivf");
    ASSERT_EQ(RunAndKill({REEL_MOVIE_WRITER_CHILD, path}, path, 25, CompleteIvfFrameCount), 0) << "the recorder ran and was killed";
    ExpectCompleteIvfFramesDecode(path, 25);
    EXPECT_EQ(uint8_t(ReadFile(path)[24]), 0) << "the header's frame count was never patched: the writer did not get to end";
}

TEST(MovieWriterCrash, KilledReelEncode_LeavesAFileWhoseCompleteFramesDecode) {
    TempDir dir;
    std::string path = dir.File("killed-tool.ivf");
    ASSERT_EQ(RunAndKill({REEL_TOOL, "encode", "--pattern", "320x240", "--frames", "100000", "--preset", "low", "--quiet", "-o", path},
                         path, 25, CompleteIvfFrameCount),
              0);
    ExpectCompleteIvfFramesDecode(path, 25);
    EXPECT_EQ(uint8_t(ReadFile(path)[24]), 0) << "the header's frame count was never patched: the writer did not get to end";
}

}  // namespace
