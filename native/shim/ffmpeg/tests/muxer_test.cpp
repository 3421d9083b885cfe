// The muxer: AV1 (from an IVF made by FFmpeg's libsvtav1) with Opus or AAC from the shim's
// encoder, into MP4, MOV, WebM and Matroska; every file is judged by ffprobe, by a full decode
// with `ffmpeg -xerror`, by framemd5 against the IVF, and by mkvinfo/mediainfo.
#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <unistd.h>

#include "mux_helpers.h"

using namespace shimtest;

namespace {

struct ContainerCase {
    const char *ext;
    const char *mkvinfo_or_mediainfo; // the second opinion's tool
};

class MuxerContainers : public ::testing::TestWithParam<ContainerCase> {};

double start_time(const std::string &path, const char *select)
{
    return atof(probe_stream(path, select, "start_time")["start_time"].c_str());
}

// ffmpeg decodes the 2 s of audio, plus what the container cannot trim: the end padding of the
// last packet (no container here trims a partial last packet on decode), and the encoder delay
// where nothing signals it (AAC in Matroska).
void expect_decoded_length(const std::string &path, const EncodedAudio &audio, bool delay_shows)
{
    std::string decoded;
    run("ffmpeg -v error -i '" + path + "' -map 0:a:0 -f s16le -ac 1 - | wc -c", &decoded);
    double seconds = atof(decoded.c_str()) / 2 / 48000.0;
    EXPECT_GE(seconds, 2.0) << "decoded audio length";
    EXPECT_LE(seconds, 2.0 + ((delay_shows ? audio.padding : 0) + audio.frame_size) / 48000.0) << "decoded audio length";
}

// Audio and video start together: the first sample after the encoder delay plays with the
// first frame. MP4 hides the delay with an edit list (audio starts at 0); Matroska shows it
// (Opus: the block times minus CodecDelay start at -pre-skip; AAC: libavformat 59 shifts every
// stream by the priming so none is negative, and the video starts at +priming).
void expect_in_sync(const std::string &path, bool matroska, double delay_seconds)
{
    double video = start_time(path, "v:0"), audio = start_time(path, "a:0");
    double first_real_audio = audio + (matroska ? delay_seconds : 0.0);
    EXPECT_NEAR(video, first_real_audio, 0.0011) << "video starts at " << video << ", audio at " << audio;
}

VideoTrack av1_track()
{
    const Av1Clip &clip = av1_clip();
    VideoTrack v;
    v.width = Av1Clip::kWidth;
    v.height = Av1Clip::kHeight;
    v.tb_num = clip.tb_num;
    v.tb_den = clip.tb_den;
    v.fps = Av1Clip::kFps;
    v.packets = &clip.packets;
    return v;
}

TEST_P(MuxerContainers, Av1AndOpus_ProbeDecodeAndFramesMatchTheIvf)
{
    const Av1Clip &clip = av1_clip();
    ASSERT_EQ(clip.packets.size(), (size_t)Av1Clip::kFrames);
    TempDir dir;
    std::string path = dir.file(std::string("out.") + GetParam().ext);
    VideoTrack v = av1_track();
    AudioTrack a;
    a.encoded = &opus_sweep_2s();
    MuxResult r = mux(path, nullptr, &v, &a);
    ASSERT_EQ(r.ret, 0) << reelff_last_error();

    auto vs = probe_stream(path, "v:0", "codec_name,width,height,nb_read_packets,avg_frame_rate");
    EXPECT_EQ(vs["codec_name"], "av1");
    EXPECT_EQ(vs["width"], "320");
    EXPECT_EQ(vs["height"], "240");
    EXPECT_EQ(vs["nb_read_packets"], std::to_string(Av1Clip::kFrames));
    auto as = probe_stream(path, "a:0", "codec_name,sample_rate,channels,nb_read_packets");
    EXPECT_EQ(as["codec_name"], "opus");
    EXPECT_EQ(as["sample_rate"], "48000");
    EXPECT_EQ(as["channels"], "2");
    EXPECT_EQ(as["nb_read_packets"], std::to_string(a.encoded->packets.size()));

    // The audio lasts its 2 s: the container signals the pre-skip and the end trimming.
    std::string out;
    run("ffprobe -v error -select_streams a:0 -show_entries stream=duration:format=duration -of "
        "default=nw=1:nk=1 '" + path + "'", &out);
    double audio_seconds = atof(out.c_str());
    if (audio_seconds > 0) {
        EXPECT_NEAR(audio_seconds, 2.0, 0.03) << out;
    }
    expect_decoded_length(path, *a.encoded, std::string(GetParam().ext) != "mp4");

    EXPECT_EQ(decode_check(path, &out), 0) << out;
    EXPECT_EQ(framemd5(path), framemd5(clip.ivf));
    bool matroska = std::string(GetParam().ext) != "mp4";
    expect_in_sync(path, matroska, a.encoded->padding / 48000.0);

    // Video timestamps are the caller's, whatever time base the container chose.
    run("ffprobe -v error -select_streams v:0 -show_entries packet=pts_time -of csv=p=0 '" + path + "'", &out);
    std::istringstream times(out);
    std::vector<double> pts;
    for (std::string line; std::getline(times, line);)
        if (!line.empty())
            pts.push_back(atof(line.c_str()));
    std::sort(pts.begin(), pts.end());
    ASSERT_EQ(pts.size(), (size_t)Av1Clip::kFrames);
    for (size_t i = 0; i < pts.size(); i++)
        EXPECT_NEAR(pts[i], i / 30.0, 0.0011) << "frame " << i;

    // A second opinion from another implementation.
    std::string tool = GetParam().mkvinfo_or_mediainfo;
    std::string report = must_run(tool + " '" + path + "'");
    if (tool == "mkvinfo") {
        EXPECT_NE(report.find("V_AV1"), std::string::npos) << report;
        EXPECT_NE(report.find("A_OPUS"), std::string::npos) << report;
    } else {
        EXPECT_NE(report.find("AV1"), std::string::npos) << report;
        EXPECT_NE(report.find("Opus"), std::string::npos) << report;
    }

    // Stats: the file's real size, what the container added, packets per stream.
    EXPECT_EQ(r.file_bytes, (int64_t)read_file(path).size());
    EXPECT_EQ(r.overhead, r.file_bytes - r.payload_bytes);
    EXPECT_EQ(r.video_packets, Av1Clip::kFrames);
    EXPECT_EQ(r.audio_packets, (int64_t)a.encoded->packets.size());
    printf("%s: %lld bytes, payload %lld, container overhead %lld\n", GetParam().ext, (long long)r.file_bytes,
           (long long)r.payload_bytes, (long long)r.overhead);
}

INSTANTIATE_TEST_SUITE_P(AllContainers, MuxerContainers,
                         ::testing::Values(ContainerCase{"mp4", "mediainfo"}, ContainerCase{"webm", "mkvinfo"},
                                           ContainerCase{"mkv", "mkvinfo"}),
                         [](const auto &info) { return std::string(info.param.ext); });

class MuxerAac : public ::testing::TestWithParam<const char *> {};

TEST_P(MuxerAac, Av1AndAac_DecodeWithTheRightLength)
{
    TempDir dir;
    std::string path = dir.file(std::string("out.") + GetParam());
    VideoTrack v = av1_track();
    AudioTrack a;
    a.codec = REELFF_CODEC_AAC;
    a.encoded = &aac_sweep_2s();
    MuxResult r = mux(path, nullptr, &v, &a);
    ASSERT_EQ(r.ret, 0) << reelff_last_error();
    auto as = probe_stream(path, "a:0", "codec_name,sample_rate,channels");
    EXPECT_EQ(as["codec_name"], "aac");
    EXPECT_EQ(as["sample_rate"], "48000");
    std::string out;
    EXPECT_EQ(decode_check(path, &out), 0) << out;
    expect_decoded_length(path, *a.encoded, std::string(GetParam()) == "mkv" /* AAC priming shows */);
    EXPECT_EQ(framemd5(path), framemd5(av1_clip().ivf));
    expect_in_sync(path, std::string(GetParam()) == "mkv", a.encoded->padding / 48000.0);
}

INSTANTIATE_TEST_SUITE_P(Containers, MuxerAac, ::testing::Values("mp4", "mkv"),
                         [](const auto &info) { return std::string(info.param); });

TEST(Muxer, WebmRefusesAac)
{
    TempDir dir;
    reelff_muxer *m = nullptr;
    ASSERT_EQ(reelff_muxer_create(dir.file("x.webm").c_str(), nullptr, &m), 0);
    const EncodedAudio &aac = aac_sweep_2s();
    int index = -1;
    int ret = reelff_muxer_add_audio_stream(m, REELFF_CODEC_AAC, 48000, 2, 1, 48000, aac.extradata.data(),
                                            (int)aac.extradata.size(), aac.padding, aac.frame_size, &index);
    EXPECT_EQ(ret, REELFF_ERROR_UNSUPPORTED);
    EXPECT_EQ(reelff_error_kind(ret), REELFF_KIND_UNSUPPORTED);
    EXPECT_STREQ(reelff_last_error(), "the webm container cannot hold AAC");
    reelff_muxer_destroy(m);
}

// QuickTime MOV: libavformat 59 writes AV1, VP9 and Opus only in MP4, so MOV carries H.264
// (or HEVC) and AAC; the shim refuses the others before a file exists.
TEST(Muxer, MovHoldsH264AndAacAndRefusesAv1AndOpus)
{
    std::string ts = cached_media("h264-annexb.ts", [](const std::string &p) {
        make_video(p, "-c:v libx264 -preset ultrafast -g 10 -bf 2 -pix_fmt yuv420p", 30, 320, 240, 30);
    });
    int tb_num, tb_den;
    std::vector<Packet> packets = read_packets(ts, 0, &tb_num, &tb_den);
    TempDir dir;
    std::string path = dir.file("out.mov");
    VideoTrack v;
    v.codec = REELFF_CODEC_H264;
    v.width = 320;
    v.height = 240;
    v.tb_num = tb_num;
    v.tb_den = tb_den;
    v.packets = &packets;
    AudioTrack a;
    a.codec = REELFF_CODEC_AAC;
    a.encoded = &aac_sweep_2s();
    MuxResult r = mux(path, nullptr, &v, &a);
    ASSERT_EQ(r.ret, 0) << reelff_last_error();
    EXPECT_EQ(probe_stream(path, "v:0", "codec_name")["codec_name"], "h264");
    EXPECT_EQ(probe_stream(path, "a:0", "codec_name")["codec_name"], "aac");
    std::string out;
    EXPECT_EQ(decode_check(path, &out), 0) << out;
    EXPECT_EQ(framemd5(path), framemd5(ts));
    std::string report = must_run("mediainfo '" + path + "'");
    EXPECT_NE(report.find("QuickTime"), std::string::npos) << report;

    reelff_muxer *m = nullptr;
    ASSERT_EQ(reelff_muxer_create(dir.file("x.mov").c_str(), nullptr, &m), 0);
    int index;
    EXPECT_EQ(reelff_muxer_add_video_stream(m, REELFF_CODEC_AV1, 320, 240, 1, 30, 30, 1, nullptr, 0, &index),
              REELFF_ERROR_UNSUPPORTED);
    EXPECT_STREQ(reelff_last_error(), "the mov container cannot hold AV1: libavformat 59 writes it only in MP4 "
                                      "(use .mp4)");
    const EncodedAudio &opus = opus_sweep_2s();
    EXPECT_EQ(reelff_muxer_add_audio_stream(m, REELFF_CODEC_OPUS, 48000, 2, 1, 48000, opus.extradata.data(),
                                            (int)opus.extradata.size(), opus.padding, opus.frame_size, &index),
              REELFF_ERROR_UNSUPPORTED);
    reelff_muxer_destroy(m);
}

TEST(Muxer, Mp4EndsMoovFirstAndStaysFragmentedWithoutFaststart)
{
    TempDir dir;
    VideoTrack v = av1_track();
    AudioTrack a;
    a.encoded = &opus_sweep_2s();
    std::string fast = dir.file("fast.mp4"), frag = dir.file("frag.mp4");
    ASSERT_EQ(mux(fast, nullptr, &v, &a).ret, 0) << reelff_last_error();
    ASSERT_EQ(mux(frag, nullptr, &v, &a, {{REELFF_MUX_FASTSTART, 0}}).ret, 0) << reelff_last_error();

    std::vector<std::string> boxes = mp4_top_level_boxes(fast);
    auto at = [&](const std::vector<std::string> &b, const char *t) {
        return std::find(b.begin(), b.end(), t) - b.begin();
    };
    EXPECT_LT(at(boxes, "moov"), at(boxes, "mdat")) << "faststart puts moov before mdat";
    EXPECT_EQ(std::count(boxes.begin(), boxes.end(), "moof"), 0);
    EXPECT_EQ(access((fast + ".reelff-tmp").c_str(), F_OK), -1) << "the temporary file is gone";

    std::vector<std::string> fboxes = mp4_top_level_boxes(frag);
    // 2 s with a fragment at least every second and at every keyframe (every 0.5 s).
    EXPECT_GE(std::count(fboxes.begin(), fboxes.end(), "moof"), 4);
    EXPECT_EQ(fboxes[1], "moov") << "delay_moov: the moov comes with the first fragment, before it";
    std::string out;
    EXPECT_EQ(decode_check(frag, &out), 0) << out;
    EXPECT_EQ(framemd5(frag), framemd5(fast));

    // The container named by the caller (the way Reel's .NET side passes it): the rewrite at
    // the end still knows it after the caller's string is gone (mux() scribbles over it).
    std::string named = dir.file("named.mp4");
    ASSERT_EQ(mux(named, "mp4", &v, &a).ret, 0) << reelff_last_error();
    std::vector<std::string> nboxes = mp4_top_level_boxes(named);
    EXPECT_LT(at(nboxes, "moov"), at(nboxes, "mdat"));
}

// H.264 and HEVC made by the ffmpeg CLI in MPEG-TS (Annex B packets with timestamps), muxed
// without extradata: the muxer takes the parameter sets from the first keyframe
// (extract_extradata) and libavformat writes avcC/hvcC and length-prefixed samples.
class MuxerAnnexB : public ::testing::TestWithParam<std::tuple<const char *, const char *>> {};

TEST_P(MuxerAnnexB, ParameterSetsFromTheFirstKeyframe)
{
    std::string codec = std::get<0>(GetParam());
    std::string ext = std::get<1>(GetParam());
    std::string raw = cached_media(codec + "-annexb.ts", [&](const std::string &p) {
        make_video(p, codec == "h264" ? "-c:v libx264 -preset ultrafast -g 10 -bf 2 -pix_fmt yuv420p"
                                      : "-c:v libx265 -preset ultrafast -x265-params log-level=error:keyint=10 "
                                        "-pix_fmt yuv420p",
                   30, 320, 240, 30);
    });
    int tb_num, tb_den;
    std::vector<Packet> packets = read_packets(raw, 0, &tb_num, &tb_den);
    ASSERT_EQ(packets.size(), 30u);
    TempDir dir;
    std::string path = dir.file("out." + ext);
    VideoTrack v;
    v.codec = codec == "h264" ? REELFF_CODEC_H264 : REELFF_CODEC_HEVC;
    v.width = 320;
    v.height = 240;
    v.tb_num = tb_num;
    v.tb_den = tb_den;
    v.packets = &packets;
    MuxResult r = mux(path, nullptr, &v, nullptr);
    ASSERT_EQ(r.ret, 0) << reelff_last_error();
    auto vs = probe_stream(path, "v:0", "codec_name,codec_tag_string,nb_read_packets");
    EXPECT_EQ(vs["codec_name"], codec == "h264" ? "h264" : "hevc");
    if (ext == "mp4" && codec == "h264") {
        EXPECT_EQ(vs["codec_tag_string"], "avc1");
    }
    if (ext == "mp4" && codec == "hevc") {
        EXPECT_TRUE(vs["codec_tag_string"] == "hev1" || vs["codec_tag_string"] == "hvc1") << vs["codec_tag_string"];
    }
    EXPECT_EQ(vs["nb_read_packets"], "30");
    std::string out;
    EXPECT_EQ(decode_check(path, &out), 0) << out;
    EXPECT_EQ(framemd5(path), framemd5(raw));
}

INSTANTIATE_TEST_SUITE_P(Codecs, MuxerAnnexB,
                         ::testing::Combine(::testing::Values("h264", "hevc"), ::testing::Values("mp4", "mkv")),
                         [](const auto &info) {
                             return std::string(std::get<0>(info.param)) + "_" + std::get<1>(info.param);
                         });

}  // namespace
