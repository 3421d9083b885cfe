// Versions, error classes and the thread-local message.
#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <thread>

extern "C" {
#include <libavformat/avformat.h>
}

#include "reel_ffmpeg.h"

TEST(Version, AbiAndLibraryVersions)
{
    EXPECT_EQ(reelff_abi_version(), (uint32_t)REELFF_ABI_VERSION);
    uint32_t lavf = 0, lavc = 0, lavu = 0, swr = 0;
    const char *license = nullptr;
    reelff_versions(&lavf, &lavc, &lavu, &swr, &license);
    // The runtime libraries have the majors the shim was compiled against (59/59/57/4 on Debian 12).
    EXPECT_EQ(lavf >> 16, (uint32_t)LIBAVFORMAT_VERSION_MAJOR);
    EXPECT_EQ(lavc >> 16, (uint32_t)LIBAVCODEC_VERSION_MAJOR);
    EXPECT_EQ(lavu >> 16, (uint32_t)LIBAVUTIL_VERSION_MAJOR);
    EXPECT_EQ(swr >> 16, 4u);
    ASSERT_NE(license, nullptr);
    EXPECT_NE(std::string(license).find("GPL"), std::string::npos) << license;
    printf("lavf %u.%u.%u lavc %u.%u.%u lavu %u.%u.%u swr %u.%u.%u: %s\n", lavf >> 16, lavf >> 8 & 255, lavf & 255,
           lavc >> 16, lavc >> 8 & 255, lavc & 255, lavu >> 16, lavu >> 8 & 255, lavu & 255, swr >> 16,
           swr >> 8 & 255, swr & 255, license);
    reelff_versions(nullptr, nullptr, nullptr, nullptr, nullptr); // every output is optional
}

TEST(Errors, KindsSortEveryClass)
{
    EXPECT_EQ(reelff_error_kind(0), REELFF_KIND_NONE);
    EXPECT_EQ(reelff_error_kind(REELFF_ERROR_AGAIN), REELFF_KIND_AGAIN);
    EXPECT_EQ(reelff_error_kind(REELFF_ERROR_EOF), REELFF_KIND_END_OF_STREAM);
    EXPECT_EQ(reelff_error_kind(AVERROR(EINVAL)), REELFF_KIND_INVALID_ARGUMENT);
    EXPECT_EQ(reelff_error_kind(REELFF_ERROR_UNSUPPORTED), REELFF_KIND_UNSUPPORTED);
    EXPECT_EQ(reelff_error_kind(AVERROR_ENCODER_NOT_FOUND), REELFF_KIND_UNSUPPORTED);
    EXPECT_EQ(reelff_error_kind(AVERROR_MUXER_NOT_FOUND), REELFF_KIND_UNSUPPORTED);
    for (int e : {EIO, ENOSPC, EFBIG, EACCES, ENOENT, EROFS, EDQUOT, EPIPE})
        EXPECT_EQ(reelff_error_kind(AVERROR(e)), REELFF_KIND_IO) << strerror(e);
    EXPECT_EQ(reelff_error_kind(AVERROR_INVALIDDATA), REELFF_KIND_CORRUPT_DATA);
    EXPECT_EQ(reelff_error_kind(AVERROR(ENOMEM)), REELFF_KIND_OUT_OF_MEMORY);
    EXPECT_EQ(reelff_error_kind(REELFF_ERROR_BAD_STATE), REELFF_KIND_BAD_STATE);
    EXPECT_EQ(reelff_error_kind(AVERROR_BUG), REELFF_KIND_INTERNAL);
    EXPECT_STREQ(reelff_error_kind_name(REELFF_KIND_IO), "io");
    EXPECT_STREQ(reelff_error_kind_name(42), "unknown");
    char buf[128];
    reelff_error_string(AVERROR(ENOSPC), buf, sizeof buf);
    EXPECT_STREQ(buf, "No space left on device");
    reelff_error_string(REELFF_ERROR_BAD_STATE, buf, sizeof buf);
    EXPECT_STREQ(buf, "Call in the wrong state");
    reelff_error_string(REELFF_ERROR_UNSUPPORTED, buf, 8);
    EXPECT_EQ(strlen(buf), 7u) << "truncated to the buffer";
}

TEST(Errors, MessageIsPerThreadAndOnlyFailuresWriteIt)
{
    reelff_muxer *m = nullptr;
    EXPECT_EQ(reelff_muxer_create("/tmp/x.avi", nullptr, &m), REELFF_ERROR_UNSUPPORTED);
    std::string here = reelff_last_error();
    EXPECT_NE(here.find("unknown extension '.avi'"), std::string::npos) << here;
    std::string other;
    std::thread([&] { other = reelff_last_error(); }).join();
    EXPECT_EQ(other, "") << "another thread has its own message";
    EXPECT_EQ(reelff_abi_version(), 1u);
    EXPECT_EQ(here, reelff_last_error()) << "a successful call leaves the message";
}

TEST(Errors, FfmpegLogLineIsAppendedAndForwarded)
{
    struct Seen {
        int lines = 0;
        std::string last;
    } seen;
    reelff_set_log_callback(
        [](void *user, int level, const char *line) {
            auto *s = static_cast<Seen *>(user);
            if (level <= REELFF_LOG_WARNING) {
                s->lines++;
                s->last = line;
            }
        },
        &seen, REELFF_LOG_WARNING);
    // h264_nvenc explains a failed open (no NVIDIA driver) only in FFmpeg's log.
    reelff_video_encoder *e = nullptr;
    ASSERT_EQ(reelff_video_encoder_create("h264_nvenc", [](void *, void *) {}, nullptr, &e), 0);
    reelff_video_encoder_set_int(e, REELFF_VENC_WIDTH, 256);
    reelff_video_encoder_set_int(e, REELFF_VENC_HEIGHT, 256);
    int ret = reelff_video_encoder_open(e);
    std::string message = reelff_last_error();
    reelff_video_encoder_destroy(e);
    reelff_set_log_callback(nullptr, nullptr, REELFF_LOG_ERROR);
    if (ret == 0)
        GTEST_SKIP() << "h264_nvenc opened: this machine has an NVIDIA encoder, so nothing failed to log";
    EXPECT_NE(message.find("avcodec_open2 h264_nvenc"), std::string::npos) << message;
    EXPECT_NE(message.find(" -- h264_nvenc: "), std::string::npos) << message;
    EXPECT_GT(seen.lines, 0);
    EXPECT_NE(message.find(seen.last), std::string::npos) << "the forwarded line is the one appended";
    printf("message: %s\n", message.c_str());
}
