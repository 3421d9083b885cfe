// The `reel` command-line tool, run as a process: help and usage errors (exit 2), bad files
// and settings (exit 1 with the Reel error on stderr), and working encode/decode/probe/soak runs
// whose output files the independent tools accept.
#include "session_support.h"

using namespace reel_test;

namespace {

/// Runs `reel ARGS` with an optional environment prefix; stdout and stderr together.
int Reel(const std::string& args, std::string* output, const std::string& environment = "") {
    return reel_test::Run(environment + " '" REEL_TOOL "' " + args, output);
}

bool Contains(const std::string& text, const char* fragment) { return text.find(fragment) != std::string::npos; }

TEST(ReelTool, Help_ListsCommandsAndExitsZero) {
    std::string out;
    EXPECT_EQ(Reel("--help", &out), 0);
    EXPECT_TRUE(Contains(out, "encode") && Contains(out, "decode") && Contains(out, "probe") && Contains(out, "soak")) << out;
    EXPECT_EQ(Reel("encode --help", &out), 0);
    EXPECT_TRUE(Contains(out, "--rc MODE") && Contains(out, "--pattern WxH")) << out;
    EXPECT_EQ(Reel("help decode", &out), 0);
    EXPECT_TRUE(Contains(out, "usage: reel decode")) << out;
    EXPECT_EQ(Reel("soak -h", &out), 0);
    EXPECT_EQ(Reel("--version", &out), 0);
    EXPECT_TRUE(Contains(out, reel_version_string())) << out;
}

TEST(ReelTool, BadUsage_ExitsTwoWithAClearMessage) {
    std::string out;
    EXPECT_EQ(Reel("", &out), 2);
    EXPECT_EQ(Reel("transcode", &out), 2);
    EXPECT_TRUE(Contains(out, "unknown command 'transcode'")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o /tmp/x.ivf --bogus", &out), 2);
    EXPECT_TRUE(Contains(out, "reel encode: unknown option --bogus") && Contains(out, "reel encode --help")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o /tmp/x.ivf --rc fast", &out), 2);
    EXPECT_TRUE(Contains(out, "--rc 'fast' is not known; allowed crf, cqp, vbr, cbr")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o /tmp/x.ivf --quality 200", &out), 2);
    EXPECT_TRUE(Contains(out, "--quality is 200; allowed 1 to 100")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64", &out), 2);
    EXPECT_TRUE(Contains(out, "no output")) << out;
    EXPECT_EQ(Reel("encode -o /tmp/x.ivf", &out), 2);
    EXPECT_TRUE(Contains(out, "exactly one input")) << out;
    EXPECT_EQ(Reel("encode --pattern 64 -o /tmp/x.ivf", &out), 2);
    EXPECT_TRUE(Contains(out, "is not a size")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o /tmp/x.ivf --bitrate 3x", &out), 2);
    EXPECT_EQ(Reel("encode --pattern 64x64 -o", &out), 2);
    EXPECT_TRUE(Contains(out, "option -o needs a value")) << out;
    EXPECT_EQ(Reel("decode", &out), 2);
    EXPECT_TRUE(Contains(out, "no input")) << out;
    EXPECT_EQ(Reel("soak --scenario nasty", &out), 2);
    EXPECT_EQ(Reel("probe extra", &out), 2);
}

TEST(ReelTool, EncodeThenDecode_RoundTripsAndToolsAccept) {
    TempDir dir;
    std::string ivf = dir.File("p.ivf"), y4m = dir.File("p.y4m"), again = dir.File("again.ivf");
    std::string out;
    ASSERT_EQ(Reel("encode --pattern 320x240 --frames 12 --preset low --json -o '" + ivf + "'", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "\"frames_out\":12") && Contains(out, "\"backend\":\"software\"")) << out;
    EXPECT_EQ(FfprobeFrames(ivf), 12);
    EXPECT_EQ(Dav1dToolFrames(ivf), 12);
    ASSERT_EQ(Reel("decode -i '" + ivf + "' -o '" + y4m + "' --json", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "\"frames\":12") && Contains(out, "\"width\":320")) << out;
    // The decoded Y4M goes back in: every setting flag at once.
    ASSERT_EQ(Reel("encode -i '" + y4m + "' -o '" + again +
                       "' --rc cbr --bitrate 400k --buffer-size 400k --preset 10 --keyint 30 --profile main --level 3.0 --tile-rows 1 "
                       "--tile-cols 1 --cdef on --restoration off --threads 2 --color bt709 --backend software --queue 4 --quiet",
                   &out),
              0)
        << out;
    EXPECT_EQ(FfprobeFrames(again), 12);
}

TEST(ReelTool, BadFiles_ExitOneWithTheReelError) {
    TempDir dir;
    std::string out;
    std::string y4m = dir.File("bad.y4m");
    WriteFile(y4m, "YUV4MPEG2 W64 H64 C444\n");
    EXPECT_EQ(Reel("encode -i '" + y4m + "' -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_UNSUPPORTED") && Contains(out, "C (colorspace) is \"444\"")) << out;
    WriteFile(y4m, "YUV4MPEG2 W64 H64 C420p10\n");
    EXPECT_EQ(Reel("encode -i '" + y4m + "' -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_UNSUPPORTED") && Contains(out, "10-bit")) << out;
    WriteFile(y4m, "not a y4m file\n");
    EXPECT_EQ(Reel("encode -i '" + y4m + "' -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_CORRUPT_DATA") && Contains(out, "is not a YUV4MPEG2 file")) << out;
    WriteFile(y4m, "YUV4MPEG2 W64 H64\nFRAME\n" + std::string(1000, 'x'));
    EXPECT_EQ(Reel("encode -i '" + y4m + "' -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_CORRUPT_DATA") && Contains(out, "truncated")) << out;
    EXPECT_EQ(Reel("encode -i '" + dir.File("none.y4m") + "' -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_IO")) << out;

    std::string ivf = dir.File("bad.ivf");
    WriteFile(ivf, std::string("RIFF") + std::string(60, '\0'));
    EXPECT_EQ(Reel("decode -i '" + ivf + "' -o '" + dir.File("o.y4m") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_CORRUPT_DATA") && Contains(out, "expected \"DKIF\"")) << out;
    // A cut stream: the complete frames decode and the damage is a warning; --strict makes it an error.
    std::string good = dir.File("good.ivf");
    ASSERT_EQ(Reel("encode --pattern 160x120 --frames 6 --preset low --quiet -o '" + good + "'", &out), 0) << out;
    std::string bytes = ReadFile(good);
    WriteFile(ivf, bytes.substr(0, bytes.size() - 5));
    EXPECT_EQ(Reel("decode -i '" + ivf + "' -o '" + dir.File("o.y4m") + "'", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "warning") && Contains(out, "frame 5") && Contains(out, "truncated") && Contains(out, "decoded 5 frames")) << out;
    EXPECT_EQ(Reel("decode --strict -i '" + ivf + "' -o '" + dir.File("o.y4m") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_CORRUPT_DATA") && Contains(out, "frame 5") && Contains(out, "decoded before the error")) << out;
    // Settings the library refuses: the message names the field and its range.
    EXPECT_EQ(Reel("encode --pattern 63x64 -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_INVALID_ARGUMENT") && Contains(out, "desc->width is 63; allowed 64 to 16384")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 --bitrate 500k -o '" + dir.File("o.ivf") + "'", &out), 1);
    EXPECT_TRUE(Contains(out, "desc->bitrate is 500000")) << out;
}

TEST(ReelTool, MissingCodecLibrary_ExitsOneNamingIt) {
    TempDir dir;
    std::string out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o '" + dir.File("o.ivf") + "'", &out, "REEL_SVTAV1_LIBRARY=libSvtAv1Enc-missing.so.1"), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_UNSUPPORTED") && Contains(out, "libSvtAv1Enc-missing.so.1 could not be loaded")) << out;
    EXPECT_EQ(Reel("probe", &out, "REEL_DAV1D_LIBRARY=libdav1d-missing.so.6"), 0) << "probe reports, it does not fail";
    EXPECT_TRUE(Contains(out, "decode: no: ") && Contains(out, "libdav1d-missing.so.6")) << out;
}

/// The number after "key": in a JSON line, or -1.
long long JsonNumber(const std::string& json, const std::string& key) {
    size_t at = json.find("\"" + key + "\":");
    return at == std::string::npos ? -1 : std::atoll(json.c_str() + at + key.size() + 3);
}

/// Complete frames in an 8-bit 4:2:0 Y4M file: walks its frame headers and pictures.
int Y4mFrames(const std::string& path) {
    std::string content = ReadFile(path);
    size_t w_at = content.find(" W"), h_at = content.find(" H"), at = content.find('\n');
    if (w_at == std::string::npos || h_at == std::string::npos || at == std::string::npos)
        return -1;
    size_t width = std::strtoul(content.c_str() + w_at + 2, nullptr, 10), height = std::strtoul(content.c_str() + h_at + 2, nullptr, 10);
    size_t picture = width * height + 2 * ((width + 1) / 2) * ((height + 1) / 2);
    int frames = 0;
    for (at++; content.compare(at, 5, "FRAME") == 0; frames++) {
        size_t end = content.find('\n', at);
        if (end == std::string::npos || end + 1 + picture > content.size())
            break;
        at = end + 1 + picture;
    }
    return frames;
}

// The memory and latency flags reach SVT-AV1: with SVT_LOG=3 set by the user the tool leaves
// the library's configuration report on stderr, which says what the encoder really runs with.
TEST(ReelTool, EncodeMemoryAndLatencyFlags_ReachTheEncoderAndJsonReportsLatency) {
    TempDir dir;
    std::string ivf = dir.File("m.ivf"), out;
    EXPECT_EQ(Reel("encode --help", &out), 0);
    EXPECT_TRUE(Contains(out, "--mini-gop N") && Contains(out, "--hierarchical-levels L") && Contains(out, "--lookahead N") &&
                Contains(out, "--low-delay") && Contains(out, "--realtime"))
        << out;

    ASSERT_EQ(Reel("encode --pattern 320x240 --frames 24 --preset low --low-delay --realtime --json -o '" + ivf + "'", &out, "SVT_LOG=3"), 0)
        << out;
    EXPECT_TRUE(Contains(out, "/ low delay") && Contains(out, "/ 8 / key frame")) << "SVT-AV1 codes low delay in groups of 8: " << out;
    EXPECT_TRUE(Contains(out, "\"prediction\":\"low-delay\"") && Contains(out, "\"realtime\":true")) << out;
    EXPECT_EQ(JsonNumber(out, "frames_out"), 24) << out;
    for (const char* key : {"latency_ms_last", "latency_ms_mean", "latency_ms_max", "latency_frames_last", "latency_frames_mean",
                            "latency_frames_max"})
        EXPECT_GE(JsonNumber(out, key), 0) << key << " in " << out;
    EXPECT_EQ(FfprobeFrames(ivf), 24);

    ASSERT_EQ(Reel("encode --pattern 320x240 --frames 20 --preset low --hierarchical-levels 3 --lookahead 4 --json -o '" + ivf + "'", &out,
                   "SVT_LOG=3"),
              0)
        << out;
    EXPECT_TRUE(Contains(out, "/ random access") && Contains(out, "/ 8 / key frame")) << out;
    EXPECT_TRUE(Contains(out, "\"prediction\":\"random-access\",\"mini_gop_size\":8,\"lookahead\":4")) << out;
    ASSERT_EQ(Reel("encode --pattern 320x240 --frames 20 --preset low --quiet -o '" + ivf + "'", &out, "SVT_LOG=3"), 0) << out;
    EXPECT_TRUE(Contains(out, "/ 16 / key frame")) << "Reel's default random-access mini-GOP: " << out;
    // VBR: SVT-AV1 raises a look-ahead shorter than its mini-GOP needs, and says so.
    ASSERT_EQ(Reel("encode --pattern 320x240 --frames 20 --preset low --rc vbr --bitrate 300k --mini-gop 16 --lookahead 4 --quiet -o '" + ivf +
                       "'",
                   &out, "SVT_LOG=2"),
              0)
        << out;
    EXPECT_TRUE(Contains(out, "Force the look_ahead_distance to be")) << out;

    // Bad values: usage errors exit 2, what the library refuses exits 1 naming the field and the rule.
    EXPECT_EQ(Reel("encode --pattern 64x64 -o '" + ivf + "' --prediction sideways", &out), 2);
    EXPECT_TRUE(Contains(out, "--prediction 'sideways' is not known; allowed default, random-access, low-delay")) << out;
    EXPECT_EQ(Reel("encode --pattern 64x64 -o '" + ivf + "' --lookahead 0", &out), 2);
    EXPECT_EQ(Reel("encode --pattern 320x240 --frames 4 -o '" + ivf + "' --mini-gop 12", &out), 1);
    EXPECT_TRUE(Contains(out, "REEL_ERROR_INVALID_ARGUMENT") && Contains(out, "desc->mini_gop_size is 12; allowed 0 (automatic) or 4, 8, 16, 32")) << out;
    EXPECT_EQ(Reel("encode --pattern 320x240 --frames 4 -o '" + ivf + "' --low-delay --preset 4", &out), 1);
    EXPECT_TRUE(Contains(out, "desc->preset is REEL_ENCODER_PRESET_SPEED with speed_preset 4 and prediction REEL_PREDICTION_LOW_DELAY; allowed speed 8 to 13")) << out;
    EXPECT_EQ(Reel("encode --pattern 320x240 --frames 4 -o '" + ivf + "' --low-delay --lookahead 8", &out), 1);
    EXPECT_TRUE(Contains(out, "desc->lookahead is 8 with prediction REEL_PREDICTION_LOW_DELAY; allowed only 0")) << out;
}

TEST(ReelTool, DecodeFramesLimit_ReportsTheFramesWritten_WithAnyThreading) {
    TempDir dir;
    std::string ivf = dir.File("p.ivf"), y4m = dir.File("p.y4m"), out;
    ASSERT_EQ(Reel("encode --pattern 160x120 --frames 30 --preset low --quiet -o '" + ivf + "'", &out), 0) << out;
    // Frame threading keeps frames in flight: the decoder has taken more packets than frames came out.
    for (const char* threading : {"", "--threads 1 --frame-delay 1", "--threads 8 --frame-delay 8"}) {
        ASSERT_EQ(Reel("decode --frames 10 --json " + std::string(threading) + " -i '" + ivf + "' -o '" + y4m + "'", &out), 0) << out;
        EXPECT_EQ(JsonNumber(out, "frames"), 10) << threading << ": " << out;
        EXPECT_EQ(JsonNumber(out, "packets"), 10) << threading << ": " << out;
        EXPECT_EQ(Y4mFrames(y4m), 10) << threading;
    }
}

TEST(ReelTool, DecodeDamagedFrames_ContinuesWithAWarning_StrictStopsAtTheFirst) {
    TempDir dir;
    std::string ivf = dir.File("p.ivf"), bad = dir.File("bad.ivf"), y4m = dir.File("bad.y4m"), out;
    ASSERT_EQ(Reel("encode --pattern 160x120 --frames 30 --keyint 10 --preset low --quiet -o '" + ivf + "'", &out), 0) << out;
    // Frame 12's payload becomes a temporal delimiter and a frame OBU that claims more bytes
    // than the packet has (its whole size): dav1d rejects it, as it would a damaged frame on disk.
    std::string bytes = ReadFile(ivf);
    auto frame_size = [&](size_t at) { return uint8_t(bytes[at]) | uint32_t(uint8_t(bytes[at + 1])) << 8 | uint32_t(uint8_t(bytes[at + 2])) << 16; };
    size_t at = 32;
    for (int frame = 0; frame < 12; frame++)
        at += 12 + frame_size(at);
    uint32_t size = frame_size(at);
    std::string garbage = {0x12, 0x00, 0x32};
    for (uint32_t claimed = size; claimed != 0; claimed >>= 7)  // leb128 of the claimed OBU size
        garbage += char((claimed & 0x7F) | (claimed > 0x7F ? 0x80 : 0));
    ASSERT_LE(garbage.size(), size) << "frame 12 is too small to damage this way";
    bytes.replace(at + 12, garbage.size(), garbage);
    WriteFile(bad, bytes);

    ASSERT_EQ(Reel("decode --json -i '" + bad + "' -o '" + y4m + "'", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "reel decode: warning:") && Contains(out, "REEL_ERROR_CORRUPT_DATA")) << out;
    long long damaged = JsonNumber(out, "corrupt_frames");
    EXPECT_GE(damaged, 1) << out;
    EXPECT_GE(JsonNumber(out, "frames"), 20) << "the frames after the damage decode: " << out;
    EXPECT_EQ(JsonNumber(out, "frames") + damaged, 30) << out;
    EXPECT_EQ(Y4mFrames(y4m), JsonNumber(out, "frames"));
    ASSERT_EQ(Reel("decode -i '" + bad + "' -o '" + y4m + "'", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "damaged frame")) << "the text summary counts them: " << out;

    for (const char* strict : {"--strict", "-xerror"}) {
        EXPECT_EQ(Reel("decode " + std::string(strict) + " -i '" + bad + "' -o '" + y4m + "'", &out), 1) << out;
        EXPECT_TRUE(Contains(out, "REEL_ERROR_CORRUPT_DATA") && Contains(out, "decoded before the error")) << out;
        EXPECT_LE(Y4mFrames(y4m), 12) << strict;
    }
}

TEST(ReelTool, SoakLeakJson_FirstAlertFollowsTheLeakStart_InLongRuns) {
    std::string out;
    // 12 virtual hours raise more alerts than the context keeps (64).
    ASSERT_EQ(Reel("soak --hours 12 --scenario leak --json", &out), 0) << out;
    long long start = JsonNumber(out, "leak_start_snapshot"), first = JsonNumber(out, "first_alert_snapshot");
    EXPECT_GT(JsonNumber(out, "alerts"), 64) << out;
    EXPECT_GE(first, start + 1) << out;
    EXPECT_LE(first, start + 10) << out;
    EXPECT_TRUE(Contains(out, "\"alert_object\":\"decode 1920x1080 h0\"")) << out;
}

TEST(ReelTool, ProgressBar_IsDrawnOnlyOnATerminal) {
    TempDir dir;
    std::string out;
    std::string encode = "encode --pattern 320x240 --frames 40 --preset low -o '" + dir.File("p.ivf") + "'";
    ASSERT_EQ(Reel(encode, &out), 0) << out;
    EXPECT_FALSE(Contains(out, "ETA") || Contains(out, "\r")) << "a pipe gets the final stats only";
    EXPECT_TRUE(Contains(out, "encoded 40 frames 320x240")) << out;
    // script(1) (util-linux, in every Debian) gives the tool a pseudo-terminal as stdout.
    ASSERT_EQ(reel_test::Run("script -qfec \"'" REEL_TOOL "' " + encode + "\" /dev/null", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "\rencode [") && Contains(out, "fps  ETA ") && Contains(out, "40/40 frames")) << out;
}

TEST(ReelTool, ProbeAndSoak_PrintTheirResults) {
    std::string out;
    ASSERT_EQ(Reel("probe --json", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "\"backend\":\"software\"") && Contains(out, "\"can_encode\":true") && Contains(out, "\"rate_controls\":[\"crf\",\"cqp\",\"vbr\",\"cbr\"]"))
        << out;
    EXPECT_TRUE(Contains(out, "\"backend\":\"hardware\",\"error\":")) << out;
    // The registry listing and the codec backends come from one registry: the software entry's
    // codec implementations are the encoder and decoder that reel_codec_get_caps names.
    EXPECT_TRUE(Contains(out, "\"registry\":[{\"index\":0,\"name\":\"software\",\"kind\":\"software\",\"available\":true")) << out;
    EXPECT_TRUE(Contains(out, "{\"index\":1,\"name\":\"vulkan\",\"kind\":\"vulkan\"")) << out;
    for (const char* key : {"\"encoder\":\"", "\"decoder\":\""}) {
        size_t at = out.find(key);
        ASSERT_NE(at, std::string::npos) << out;
        at += std::string(key).size();
        std::string implementation = out.substr(at, out.find('"', at) - at);
        EXPECT_TRUE(Contains(out, ("\"implementation\":\"" + implementation + "\"").c_str())) << implementation << " in " << out;
    }
    ASSERT_EQ(Reel("probe", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "registered backends") && Contains(out, "0 software (software): available") && Contains(out, "encode av1")) << out;
    TempDir dir;
    std::string svg = dir.File("soak.svg");
    ASSERT_EQ(Reel("soak --hours 1 --scenario steady --json --svg '" + svg + "'", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "\"scenario\":\"steady\"") && Contains(out, "\"alerts\":0")) << out;
    EXPECT_TRUE(Contains(ReadFile(svg), "<svg"));
    ASSERT_EQ(Reel("soak --hours 2 --scenario leak --leak-start 10", &out), 0) << out;
    EXPECT_TRUE(Contains(out, "leak alerts: ")) << out;
}

}  // namespace
