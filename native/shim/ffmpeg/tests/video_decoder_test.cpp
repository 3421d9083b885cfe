// The video decoder: H.264, HEVC (8 and 10 bit), VP9 and AV1 streams made by the ffmpeg CLI,
// decoded into host-allocated frames and compared frame by frame with `ffmpeg -f framemd5`;
// the allocator is used for every frame and every buffer comes back exactly once; corrupt
// streams give errors, never a crash or a leaked buffer.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <mutex>
#include <random>
#include <set>
#include <cstring>

#include "mux_helpers.h"

using namespace shimtest;

namespace {

// A counting host allocator: every plane its own 64-byte aligned block, like a pool would hand
// out; a cookie per picture.
struct HostPool {
    struct Picture {
        uint8_t *planes[4] = {nullptr, nullptr, nullptr, nullptr};
        int64_t sizes[4] = {0, 0, 0, 0};
        int count = 0;
    };
    std::atomic<int> allocations{0}, releases{0};
    std::mutex lock;
    std::set<Picture *> live;
    int mode = 0; // 0 allocate, 1 decline (libavcodec allocates), 2 misaligned planes

    static int alloc(void *user, int pixel_format, int width, int height, int plane_count, const int32_t *strides,
                     const int64_t *plane_sizes, uint8_t **planes, void **cookie)
    {
        (void)pixel_format, (void)width, (void)height, (void)strides;
        auto *pool = static_cast<HostPool *>(user);
        if (pool->mode == 1)
            return 1;
        auto *p = new Picture;
        p->count = plane_count;
        for (int i = 0; i < plane_count; i++) {
            p->sizes[i] = plane_sizes[i];
            p->planes[i] = static_cast<uint8_t *>(aligned_alloc64((size_t)plane_sizes[i] + 64));
            planes[i] = p->planes[i] + (pool->mode == 2 ? 8 : 0);
        }
        {
            std::lock_guard<std::mutex> g(pool->lock);
            pool->live.insert(p);
        }
        pool->allocations++;
        *cookie = p;
        return 0;
    }

    static void release(void *user, void *cookie)
    {
        auto *pool = static_cast<HostPool *>(user);
        auto *p = static_cast<Picture *>(cookie);
        {
            std::lock_guard<std::mutex> g(pool->lock);
            EXPECT_EQ(pool->live.erase(p), 1u) << "a buffer released twice or never allocated";
        }
        for (int i = 0; i < p->count; i++)
            free(p->planes[i]);
        delete p;
        pool->releases++;
    }

    bool owns(void *cookie, const uint8_t *plane0)
    {
        std::lock_guard<std::mutex> g(lock);
        auto *p = static_cast<Picture *>(cookie);
        return live.count(p) && plane0 >= p->planes[0] && plane0 < p->planes[0] + p->sizes[0];
    }
};

struct Decoded {
    std::vector<std::string> md5;
    int64_t frames = 0, host_frames = 0, allocations = 0, releases = 0, fallbacks = 0;
    int errors = 0;
    int not_owned = 0;
    int width = 0, height = 0, format = 0;
};

// Feeds a decoder packet by packet (the EAGAIN protocol) and hashes every picture.
void drain_into(reelff_video_decoder *dec, HostPool &pool, Decoded &out, bool flush)
{
    for (;;) {
        int format, width, height, flags;
        uint8_t *planes[4];
        int32_t strides[4];
        int64_t pts;
        void *cookie;
        int ret = reelff_video_decoder_receive(dec, &format, &width, &height, planes, strides, &pts, &flags, &cookie);
        if (ret == REELFF_ERROR_AGAIN && !flush)
            return;
        if (ret == REELFF_ERROR_EOF)
            return;
        if (ret < 0) {
            out.errors++;
            if (!flush)
                return;
            continue;
        }
        out.width = width, out.height = height, out.format = format;
        out.md5.push_back(picture_md5(format, width, height, planes, strides));
        if (cookie && !pool.owns(cookie, planes[0]))
            out.not_owned++;
    }
}

Decoded decode_file(const std::string &path, HostPool &pool, int threads, const char *decoder_name = nullptr)
{
    Decoded out;
    reelff_demuxer *d = nullptr;
    if (reelff_demuxer_open(path.c_str(), &d) < 0) {
        ADD_FAILURE() << reelff_last_error();
        return out;
    }
    int v = reelff_demuxer_best_stream(d, REELFF_MEDIA_VIDEO);
    reelff_video_decoder *dec = nullptr;
    int ret = reelff_video_decoder_create_for_stream(d, v, decoder_name, threads, HostPool::alloc, HostPool::release,
                                                     &pool, &dec);
    if (ret < 0) {
        ADD_FAILURE() << reelff_last_error();
        reelff_demuxer_destroy(d);
        return out;
    }
    for (;;) {
        int s, size;
        const uint8_t *data;
        ret = reelff_demuxer_read_packet(d, &s, &data, &size, nullptr, nullptr, nullptr, nullptr);
        if (ret == REELFF_ERROR_EOF)
            break;
        if (s != v)
            continue;
        while ((ret = reelff_video_decoder_send_demuxed(dec, d, v)) == REELFF_ERROR_AGAIN)
            drain_into(dec, pool, out, false);
        if (ret < 0)
            out.errors++;
        drain_into(dec, pool, out, false);
    }
    reelff_video_decoder_send_packet(dec, nullptr, 0, 0, 0, 0);
    drain_into(dec, pool, out, true);
    reelff_video_decoder_stats(dec, &out.frames, &out.host_frames, &out.allocations, nullptr, &out.fallbacks);
    reelff_video_decoder_destroy(dec);
    out.releases = pool.releases;
    reelff_demuxer_destroy(d);
    return out;
}

struct Stream {
    const char *name, *file, *ffmpeg_args, *pix_fmt;
    int frames;
};

const Stream kStreams[] = {
    {"h264", "h264-320x180-g12-bf2.mp4", "-c:v libx264 -preset veryfast -g 12 -bf 2 -pix_fmt yuv420p", "yuv420p", 45},
    {"hevc", "hevc-320x180-g12.mp4", "-c:v libx265 -preset ultrafast -x265-params log-level=error:keyint=12 "
                                     "-pix_fmt yuv420p -tag:v hvc1", "yuv420p", 45},
    {"hevc10", "hevc10-320x180.mkv", "-c:v libx265 -preset ultrafast -x265-params log-level=error "
                                     "-pix_fmt yuv420p10le", "yuv420p10le", 30},
    {"vp9", "vp9-320x180.webm", "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -g 12 -pix_fmt yuv420p",
     "yuv420p", 30},
};

std::string media(const Stream &s)
{
    return cached_media(s.file, [&](const std::string &p) { make_video(p, s.ffmpeg_args, s.frames, 320, 180, 30); });
}

void PrintTo(const Stream &s, std::ostream *os)
{
    *os << s.name;
}

class VideoDecoder : public ::testing::TestWithParam<Stream> {};

TEST_P(VideoDecoder, FramesMatchFfmpegFramemd5_AllInHostBuffers)
{
    const Stream &s = GetParam();
    std::string path = media(s);
    std::vector<std::string> want = framemd5(path, s.pix_fmt);
    ASSERT_EQ(want.size(), (size_t)s.frames);
    for (int threads : {1, 4}) {
        HostPool pool;
        Decoded got = decode_file(path, pool, threads);
        EXPECT_EQ(got.md5, want) << s.name << " with " << threads << " threads";
        EXPECT_EQ(got.width, 320) << "cropped to the displayed size";
        EXPECT_EQ(got.height, 180);
        EXPECT_EQ(got.errors, 0);
        EXPECT_EQ(got.frames, s.frames);
        EXPECT_EQ(got.host_frames, s.frames) << "every picture came from the host allocator";
        EXPECT_EQ(got.fallbacks, 0);
        EXPECT_EQ(got.not_owned, 0) << "picture memory is the host's buffer (zero copy)";
        EXPECT_EQ(got.allocations, pool.allocations.load());
        EXPECT_EQ(pool.releases.load(), pool.allocations.load()) << "every buffer released once, by destroy";
        EXPECT_TRUE(pool.live.empty());
        printf("%s, %d threads: %lld frames, %d host allocations (%.2f per frame)\n", s.name, threads,
               (long long)got.frames, pool.allocations.load(), pool.allocations.load() * 1.0 / got.frames);
    }
}

INSTANTIATE_TEST_SUITE_P(Codecs, VideoDecoder, ::testing::ValuesIn(kStreams),
                         [](const auto &info) { return std::string(info.param.name); });

// libavcodec's AV1 decoder is its libdav1d wrapper, which has no direct rendering: pictures are
// libavcodec's own (Reel decodes AV1 with dav1d directly). They are still right, and counted.
TEST(VideoDecoderAv1, Libdav1dWrapper_DecodesIntoItsOwnMemory)
{
    HostPool pool;
    Decoded got = decode_file(av1_clip().ivf, pool, 2);
    EXPECT_EQ(got.md5, framemd5(av1_clip().ivf));
    EXPECT_EQ(got.frames, 60);
    EXPECT_EQ(got.fallbacks, 60);
    EXPECT_EQ(pool.allocations.load(), 0);
}

TEST(VideoDecoderAllocator, Declined_LibavcodecAllocates)
{
    HostPool pool;
    pool.mode = 1;
    Decoded got = decode_file(media(kStreams[0]), pool, 2);
    EXPECT_EQ(got.md5, framemd5(media(kStreams[0])));
    EXPECT_EQ(got.fallbacks, 45);
    EXPECT_EQ(got.host_frames, 0);
}

TEST(VideoDecoderAllocator, MisalignedPlanes_FailTheDecodeAndAreReleased)
{
    HostPool pool;
    pool.mode = 2;
    Decoded got = decode_file(media(kStreams[0]), pool, 1);
    EXPECT_GT(got.errors, 0);
    EXPECT_EQ(got.frames, 0);
    EXPECT_EQ(pool.releases.load(), pool.allocations.load());
    EXPECT_TRUE(pool.live.empty());
}

// After a seek the decoder restarts at the keyframe: the frames from there equal the same frames
// of a sequential decode.
TEST(VideoDecoderSeek, ResetAfterSeek_MatchesSequentialDecode)
{
    std::string path = media(kStreams[0]);
    std::vector<std::string> all = framemd5(path);
    HostPool pool;
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(path.c_str(), &d), 0);
    reelff_video_decoder *dec = nullptr;
    ASSERT_EQ(reelff_video_decoder_create_for_stream(d, 0, nullptr, 2, HostPool::alloc, HostPool::release, &pool, &dec), 0);
    int64_t tb_num, tb_den;
    reelff_demuxer_stream_property(d, 0, REELFF_STREAM_TIME_BASE_NUM, &tb_num);
    reelff_demuxer_stream_property(d, 0, REELFF_STREAM_TIME_BASE_DEN, &tb_den);
    for (int target : {30, 12}) {
        int64_t ts = (int64_t)target * tb_den / (30 * tb_num);
        ASSERT_EQ(reelff_demuxer_seek(d, 0, ts, 0), 0) << reelff_last_error();
        ASSERT_EQ(reelff_video_decoder_reset(dec), 0);
        Decoded got;
        for (int n = 0; n < 14; n++) {
            int s, size;
            const uint8_t *data;
            ASSERT_EQ(reelff_demuxer_read_packet(d, &s, &data, &size, nullptr, nullptr, nullptr, nullptr), 0);
            ASSERT_EQ(reelff_video_decoder_send_demuxed(dec, d, s), 0);
            drain_into(dec, pool, got, false);
        }
        ASSERT_GE(got.md5.size(), 6u);
        // The seek lands on the keyframe at or before the target (keyframes every 12 frames at
        // most), and decoding continues frame by frame from there.
        size_t start = std::find(all.begin(), all.end(), got.md5[0]) - all.begin();
        ASSERT_LE(start, (size_t)target) << "seeking to " << target;
        EXPECT_LT(target - (int)start, 12) << "seeking to " << target;
        for (size_t i = 0; i < got.md5.size(); i++)
            EXPECT_EQ(got.md5[i], all[start + i]) << "frame " << start + i << " after seeking to " << target;
        printf("seek to frame %d: decoding restarted at keyframe %zu\n", target, start);
    }
    reelff_video_decoder_destroy(dec);
    reelff_demuxer_destroy(d);
    EXPECT_EQ(pool.releases.load(), pool.allocations.load());
}

// Truncated and bit-flipped H.264/HEVC: errors or concealed pictures, never a crash (the ASan
// build runs this too), and every host buffer comes back.
TEST(VideoDecoderCorrupt, TruncatedAndBitFlippedStreams)
{
    // FFmpeg's decoders log every damaged NAL unit: keep them out of the test output.
    reelff_set_log_callback([](void *, int, const char *) {}, nullptr, REELFF_LOG_ERROR);
    for (const Stream &s : {kStreams[0], kStreams[1]}) {
        int tb_num, tb_den;
        std::vector<uint8_t> extradata;
        std::vector<Packet> packets = read_packets(media(s), 0, &tb_num, &tb_den, &extradata);
        ASSERT_FALSE(packets.empty());
        int codec = !strcmp(s.name, "h264") ? REELFF_CODEC_H264 : REELFF_CODEC_HEVC;
        for (int variant = 0; variant < 6; variant++) {
            std::mt19937 rng(1234 + variant);
            HostPool pool;
            reelff_video_decoder *dec = nullptr;
            ASSERT_EQ(reelff_video_decoder_create(codec, nullptr, extradata.data(), (int)extradata.size(),
                                                  variant % 2 ? 3 : 1, HostPool::alloc, HostPool::release, &pool,
                                                  &dec), 0) << reelff_last_error();
            Decoded got;
            int send_errors = 0;
            for (Packet p : packets) {
                if (variant < 2) {
                    p.data.resize(p.data.size() / 2 + 1); // truncated
                } else {
                    int flips = 1 + variant * 4;
                    for (int f = 0; f < flips; f++)
                        p.data[rng() % p.data.size()] ^= (uint8_t)(1u << (rng() % 8));
                }
                int ret;
                while ((ret = reelff_video_decoder_send_packet(dec, p.data.data(), (int)p.data.size(), p.pts, p.dts,
                                                               p.flags)) == REELFF_ERROR_AGAIN)
                    drain_into(dec, pool, got, false);
                if (ret < 0) {
                    send_errors++;
                    EXPECT_NE(reelff_error_kind(ret), REELFF_KIND_INTERNAL) << reelff_last_error();
                }
                drain_into(dec, pool, got, false);
            }
            reelff_video_decoder_send_packet(dec, nullptr, 0, 0, 0, 0);
            drain_into(dec, pool, got, true);
            reelff_video_decoder_destroy(dec);
            EXPECT_EQ(pool.releases.load(), pool.allocations.load()) << s.name << " variant " << variant;
            EXPECT_TRUE(pool.live.empty());
            printf("%s %s: %d send errors, %d receive errors, %zu pictures\n", s.name,
                   variant < 2 ? "truncated" : "bit-flipped", send_errors, got.errors, got.md5.size());
        }
    }
    reelff_set_log_callback(nullptr, nullptr, REELFF_LOG_ERROR);
}

TEST(VideoDecoderBadInput, Arguments)
{
    reelff_video_decoder *dec = nullptr;
    HostPool pool;
    EXPECT_EQ(reelff_video_decoder_create(REELFF_CODEC_OPUS, nullptr, nullptr, 0, 0, nullptr, nullptr, nullptr, &dec),
              -EINVAL);
    EXPECT_STREQ(reelff_last_error(),
                 "codec is 5; allowed video codecs REELFF_CODEC_AV1 (1), _H264 (2), _HEVC (3), _VP9 (4), _VP8 (8)");
    EXPECT_EQ(reelff_video_decoder_create(REELFF_CODEC_H264, "h264_nonesuch", nullptr, 0, 0, nullptr, nullptr, nullptr,
                                          &dec), REELFF_ERROR_UNSUPPORTED);
    EXPECT_STREQ(reelff_last_error(), "this FFmpeg build has no 'h264_nonesuch' decoder");
    EXPECT_EQ(reelff_video_decoder_create(REELFF_CODEC_H264, nullptr, nullptr, 0, 65, nullptr, nullptr, nullptr, &dec),
              -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "threads is 65; allowed 0 (auto) to 64");
    EXPECT_EQ(reelff_video_decoder_create(REELFF_CODEC_H264, nullptr, nullptr, 0, 0, HostPool::alloc, nullptr, &pool,
                                          &dec), -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "alloc is set but release is NULL; give both or neither");
    EXPECT_EQ(dec, nullptr);
    ASSERT_EQ(reelff_video_decoder_create(REELFF_CODEC_HEVC, nullptr, nullptr, 0, 1, nullptr, nullptr, nullptr, &dec), 0);
    EXPECT_EQ(reelff_video_decoder_send_packet(dec, (const uint8_t *)"x", 0, 0, 0, 0), -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "size is 0; allowed 1 to 268435456");
    EXPECT_STREQ(reelff_video_decoder_pixel_format_name(dec), "");
    reelff_video_decoder_destroy(dec);
    reelff_video_decoder_destroy(nullptr);
}

}  // namespace
