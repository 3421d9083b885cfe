// H.264 and HEVC through the C ABI (the FFmpeg backend): what reel_codec_get_caps_for reports
// per codec, an encode -> Annex B file -> ffprobe -> decode round trip per codec with PSNR and
// the zero-copy counters, and the refusals: an unknown codec, a codec without an encoder,
// H.264 settings on AV1, H.264 into IVF.
#include <tuple>

#include "session_support.h"

using namespace reel_test;

namespace {

reel_encoder_desc_t H26xDesc(reel_video_codec_t codec) {
    reel_encoder_desc_t desc = SmallDesc();
    desc.codec = codec;
    desc.backend = REEL_CODEC_BACKEND_SOFTWARE;
    desc.quality = 60;
    desc.keyframe_interval = 12;
    return desc;
}

std::string Probe(const std::string& path) {
    std::string out;
    EXPECT_EQ(reel_test::Run("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=codec_name,width,height,nb_read_frames "
                  "-of default=noprint_wrappers=1 '" + path + "'", &out), 0) << out;
    return out;
}

void WriteStream(const std::string& path, const std::vector<Packet>& packets) {
    FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    for (const Packet& p : packets)
        ASSERT_EQ(std::fwrite(p.bytes.data(), 1, p.bytes.size(), file), p.bytes.size());
    std::fclose(file);
}

}  // namespace

TEST(FFmpegCodecCaps, H264AndHevcAreListedWithWhatTheyAccept) {
    struct Case {
        reel_video_codec_t codec;
        const char* encoder;
        const char* decoder;
        uint32_t first_idc;
    } cases[] = {{REEL_VIDEO_CODEC_H264, "libx264", "h264", 66}, {REEL_VIDEO_CODEC_HEVC, "libx265", "hevc", 1}};
    for (const Case& c : cases) {
        reel_codec_caps_t caps = reel_codec_caps_init();
        ASSERT_EQ(reel_codec_get_caps_for(c.codec, REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(caps.codec, c.codec);
        EXPECT_EQ(caps.can_encode, 1u) << caps.encoder;
        EXPECT_EQ(caps.can_decode, 1u) << caps.decoder;
        EXPECT_STREQ(caps.encoder_name, c.encoder);
        EXPECT_STREQ(caps.decoder_name, c.decoder);
        EXPECT_TRUE(caps.encode_settings & REEL_ENCODER_SETTING_PROFILE_IDC);
        EXPECT_TRUE(caps.encode_settings & REEL_ENCODER_SETTING_BFRAMES);
        EXPECT_TRUE(caps.encode_settings & REEL_ENCODER_SETTING_LOW_LATENCY);
        EXPECT_FALSE(caps.encode_settings & REEL_ENCODER_SETTING_TILES) << "no AV1 tiles";
        EXPECT_EQ(bool(caps.encode_settings & REEL_ENCODER_SETTING_LIVE_BITRATE), c.codec == REEL_VIDEO_CODEC_H264)
            << "x264 changes bitrate live, x265 in FFmpeg 5.1 cannot";
        EXPECT_EQ(caps.encode_profile_idcs[0], c.first_idc);
        EXPECT_EQ(caps.rate_controls, 0xFu) << "CRF, CQP, VBR, CBR";
    }
    reel_codec_caps_t vp9 = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps_for(REEL_VIDEO_CODEC_VP9, REEL_CODEC_BACKEND_SOFTWARE, &vp9), REEL_SUCCESS);
    EXPECT_EQ(vp9.can_decode, 1u) << vp9.decoder;
    EXPECT_EQ(vp9.can_encode, 0u);
    EXPECT_NE(std::string(vp9.encoder).find("no VP9 encoder"), std::string::npos) << vp9.encoder;
    reel_codec_caps_t av1 = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &av1), REEL_SUCCESS);
    EXPECT_EQ(av1.codec, REEL_VIDEO_CODEC_AV1);
    EXPECT_STREQ(av1.encoder_name, "SVT-AV1") << "AV1 stays with the software backend";
    EXPECT_STREQ(av1.decoder_name, "dav1d");
}

TEST(FFmpegCodecCaps, HardwareIsProbedAndTheReasonGiven) {
    reel_codec_caps_t caps = reel_codec_caps_init();
    reel_result_t r = reel_codec_get_caps_for(REEL_VIDEO_CODEC_H264, REEL_CODEC_BACKEND_HARDWARE, &caps);
    ASSERT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
    std::printf("[ hardware H.264 ] encode %u: %s; decode %u: %s\n", caps.can_encode, caps.encoder, caps.can_decode, caps.decoder);
    if (caps.can_encode == 0) {
        EXPECT_GT(std::strlen(caps.encoder), 0u) << "the reason";
    }
    if (caps.can_decode == 0) {
        EXPECT_GT(std::strlen(caps.decoder), 0u) << "the reason";
    }
}

TEST(FFmpegCodecCaps, UnknownCodec_IsRefusedNamingIt) {
    reel_codec_caps_t caps = reel_codec_caps_init();
    EXPECT_EQ(reel_codec_get_caps_for((reel_video_codec_t)9, REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("codec is 9"), std::string::npos) << reel_last_error_message();
}

class H26xRoundTrip : public ::testing::TestWithParam<reel_video_codec_t> {};

TEST_P(H26xRoundTrip, EncodeFileProbeDecode_ZeroCopy) {
    reel_video_codec_t codec = GetParam();
    ScopedContext context;
    ASSERT_EQ(context.result(), REEL_SUCCESS);
    TempDir dir;
    const int frames = 24;
    std::vector<Picture> source = Pictures(320, 240, frames);
    std::vector<Packet> packets = Encode(context.get(), H26xDesc(codec), source);
    ASSERT_EQ(packets.size(), size_t(frames));
    EXPECT_TRUE(packets[0].keyframe);

    std::string path = dir.File(codec == REEL_VIDEO_CODEC_H264 ? "round.h264" : "round.hevc");
    WriteStream(path, packets);
    std::string probe = Probe(path);
    EXPECT_NE(probe.find(codec == REEL_VIDEO_CODEC_H264 ? "codec_name=h264" : "codec_name=hevc"), std::string::npos) << probe;
    EXPECT_NE(probe.find("nb_read_frames=24"), std::string::npos) << probe;

    reel_decoder_stats_t stats = reel_decoder_stats_init();
    std::vector<Picture> decoded = Decode(context.get(), packets, codec, &stats);
    ASSERT_EQ(decoded.size(), size_t(frames));
    double worst = 100;
    for (int i = 0; i < frames; i++) {
        EXPECT_EQ(decoded[size_t(i)].pts, i);
        worst = std::min(worst, LumaPsnr(source[size_t(i)], decoded[size_t(i)]));
    }
    std::printf("[ %s ] worst luma PSNR %.2f dB; frames copied %llu, pool misses %llu\n", codec == REEL_VIDEO_CODEC_H264 ? "H.264" : "HEVC",
                worst, (unsigned long long)stats.frames_copied, (unsigned long long)stats.pool_misses);
    EXPECT_GE(worst, 38.0);
    EXPECT_EQ(stats.frames_copied, 0u) << "every picture decoded into its Reel frame";
    EXPECT_GT(stats.pool_misses, 0u) << "the pool filled once";
    EXPECT_LE(stats.pool_misses, 24u);
    EXPECT_EQ(BuffersOut(context.get()), 0u) << "every frame and packet went back";
}

INSTANTIATE_TEST_SUITE_P(Codec, H26xRoundTrip, ::testing::Values(REEL_VIDEO_CODEC_H264, REEL_VIDEO_CODEC_HEVC),
                         [](const ::testing::TestParamInfo<reel_video_codec_t>& info) {
                             return std::string(info.param == REEL_VIDEO_CODEC_H264 ? "H264" : "HEVC");
                         });

TEST(FFmpegCodecBadInput, Refusals_NameTheField) {
    ScopedContext context;
    reel_encoder_t encoder = REEL_NULL_HANDLE;
    reel_encoder_desc_t desc = H26xDesc(REEL_VIDEO_CODEC_H264);
    desc.codec = (reel_video_codec_t)7;
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->codec is 7"), std::string::npos) << reel_last_error_message();

    desc = H26xDesc(REEL_VIDEO_CODEC_VP9);
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_UNSUPPORTED);
    EXPECT_NE(std::string(reel_last_error_message()).find("VP9"), std::string::npos) << reel_last_error_message();

    desc = SmallDesc();  // AV1
    desc.profile_idc = 100;
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_UNSUPPORTED);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->profile_idc is 100"), std::string::npos) << reel_last_error_message();

    desc = H26xDesc(REEL_VIDEO_CODEC_H264);
    desc.level = 35;
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->level is 35"), std::string::npos) << reel_last_error_message();

    desc = H26xDesc(REEL_VIDEO_CODEC_H264);
    desc.width = 321;
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->width is 321"), std::string::npos) << reel_last_error_message();

    desc = H26xDesc(REEL_VIDEO_CODEC_H264);
    desc.flags = REEL_ENCODER_FLAG_NO_B_FRAMES;
    desc.max_b_frames = 3;
    EXPECT_EQ(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->max_b_frames is 3"), std::string::npos) << reel_last_error_message();

    reel_decoder_desc_t ddesc = reel_decoder_desc_default();
    ddesc.codec = REEL_VIDEO_CODEC_H264;
    ddesc.reserved = 1;
    reel_decoder_t decoder = REEL_NULL_HANDLE;
    EXPECT_EQ(reel_decoder_create(context.get(), &ddesc, &decoder), REEL_ERROR_INVALID_ARGUMENT);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc->reserved"), std::string::npos) << reel_last_error_message();
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(FFmpegCodecBadInput, H264IntoIvf_IsRefused) {
    ScopedContext context;
    TempDir dir;
    std::vector<Packet> packets = Encode(context.get(), H26xDesc(REEL_VIDEO_CODEC_H264), Pictures(320, 240, 2));
    ASSERT_FALSE(packets.empty());
    reel_media_info_t info = reel_media_info_init();
    info.width = 320;
    info.height = 240;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_ivf_writer_t writer = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_ivf_writer_create(context.get(), dir.File("h264.ivf").c_str(), &info, &writer), REEL_SUCCESS);
    reel_pool_t bytes = REEL_NULL_HANDLE;
    reel_byte_pool_desc_t bdesc = reel_byte_pool_desc_default();
    ASSERT_EQ(reel_byte_pool_create(context.get(), &bdesc, &bytes), REEL_SUCCESS);
    reel_buffer_t packet;
    ASSERT_EQ(reel_pool_acquire_bytes(bytes, packets[0].bytes.size(), &packet), REEL_SUCCESS);
    reel_bytes_info_t binfo;
    std::memset(&binfo, 0, sizeof(binfo));
    binfo.struct_size = sizeof(binfo);
    ASSERT_EQ(reel_buffer_get_bytes(packet, &binfo), REEL_SUCCESS);
    std::memcpy(binfo.data, packets[0].bytes.data(), packets[0].bytes.size());
    EXPECT_EQ(reel_ivf_writer_write(writer, packet), REEL_ERROR_UNSUPPORTED);
    EXPECT_NE(std::string(reel_last_error_message()).find("IVF"), std::string::npos) << reel_last_error_message();
    EXPECT_EQ(reel_buffer_release(packet), REEL_SUCCESS);
    EXPECT_EQ(reel_ivf_writer_close(writer), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(bytes), REEL_SUCCESS);

    reel_encoder_desc_t desc = H26xDesc(REEL_VIDEO_CODEC_H264);
    reel_movie_writer_t movie = REEL_NULL_HANDLE;
    EXPECT_EQ(reel_movie_writer_begin(context.get(), dir.File("movie.ivf").c_str(), &desc, &movie), REEL_ERROR_UNSUPPORTED);
    EXPECT_NE(std::string(reel_last_error_message()).find("IVF holds AV1 only"), std::string::npos) << reel_last_error_message();
}

class H26xMovie : public ::testing::TestWithParam<std::tuple<reel_video_codec_t, const char*>> {};

// The movie writer records H.264 / HEVC into MP4 and Matroska (the FFmpeg backend's muxer;
// avcC / hvcC come from the first keyframe's in-band parameter sets): ffprobe reads every
// frame, and Reel's own decoder gets them back above a PSNR floor.
TEST_P(H26xMovie, MovieWriterRecordsIntoTheContainer) {
    reel_video_codec_t codec = std::get<0>(GetParam());
    const char* extension = std::get<1>(GetParam());
    ScopedContext context;
    TempDir dir;
    std::string path = dir.File((std::string("movie.") + extension).c_str());
    reel_encoder_desc_t settings = H26xDesc(codec);
    reel_movie_writer_t writer = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_movie_writer_begin(context.get(), path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = I420Pool(context.get(), settings.width, settings.height);
    const int frames = 30;
    for (int i = 0; i < frames; i++) {
        reel_buffer_t frame;
        ASSERT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, MakePicture(settings.width, settings.height, i));
        ASSERT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
    }
    ASSERT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    std::string probe = Probe(path);
    EXPECT_NE(probe.find(codec == REEL_VIDEO_CODEC_H264 ? "codec_name=h264" : "codec_name=hevc"), std::string::npos) << probe;
    EXPECT_NE(probe.find("nb_read_frames=30"), std::string::npos) << probe;
    std::string out;
    EXPECT_EQ(reel_test::Run("ffmpeg -v error -xerror -i '" + path + "' -f null -", &out), 0) << out;
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

INSTANTIATE_TEST_SUITE_P(Container, H26xMovie,
                         ::testing::Values(std::make_tuple(REEL_VIDEO_CODEC_H264, "mp4"), std::make_tuple(REEL_VIDEO_CODEC_HEVC, "mp4"),
                                           std::make_tuple(REEL_VIDEO_CODEC_H264, "mkv"), std::make_tuple(REEL_VIDEO_CODEC_HEVC, "mkv")),
                         [](const ::testing::TestParamInfo<std::tuple<reel_video_codec_t, const char*>>& info) {
                             return std::string(std::get<0>(info.param) == REEL_VIDEO_CODEC_H264 ? "H264_" : "HEVC_") +
                                    std::get<1>(info.param);
                         });

// The reel tool: --codec h264/hevc writes an Annex B elementary stream that ffprobe reads,
// refuses IVF for it, decodes it back (access units split at their first slice), and probe
// lists the codecs with their backends.
TEST(ReelToolCodec, EncodeDecodeProbe_H264AndHevc) {
    TempDir dir;
    const std::string tool = REEL_TOOL;
    for (const char* codec : {"h264", "hevc"}) {
        std::string stream = dir.File((std::string("pattern.") + codec).c_str());
        std::string out;
        ASSERT_EQ(reel_test::Run(tool + " encode --pattern 320x240 --frames 30 --codec " + codec + " --quiet -o '" + stream + "'", &out), 0) << out;
        std::string probe = Probe(stream);
        EXPECT_NE(probe.find(std::string("codec_name=") + codec), std::string::npos) << probe;
        EXPECT_NE(probe.find("nb_read_frames=30"), std::string::npos) << probe;
        ASSERT_EQ(reel_test::Run(tool + " decode --codec " + codec + " --json -i '" + stream + "' -o '" + dir.File("back.y4m") + "'", &out), 0) << out;
        EXPECT_NE(out.find("\"frames\":30"), std::string::npos) << out;
        EXPECT_NE(out.find("\"frames_copied\":0"), std::string::npos) << out;
        EXPECT_EQ(reel_test::Run(tool + " encode --pattern 320x240 --frames 2 --codec " + codec + " -o '" + dir.File("x.ivf") + "'", &out), 2) << out;
        EXPECT_NE(out.find("IVF, which holds AV1 only"), std::string::npos) << out;
    }
    std::string out;
    ASSERT_EQ(reel_test::Run(tool + " probe", &out), 0) << out;
    EXPECT_NE(out.find("H.264 software encode yes, libx264"), std::string::npos) << out;
    EXPECT_NE(out.find("HEVC  software encode yes, libx265"), std::string::npos) << out;
    EXPECT_NE(out.find("decode yes, vp9"), std::string::npos) << out;
    EXPECT_NE(out.find("decode vp9"), std::string::npos) << out;
    std::printf("%s\n", out.c_str());
}
