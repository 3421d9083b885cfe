// The audio decoder and PCM reader: WAV read sample-exactly (`reel encode --audio in.wav`), the
// output formats agree with each other, and a decoder fed packet by packet from a demuxer.
#include <gtest/gtest.h>

#include <cerrno>
#include <cmath>
#include <cstring>

extern "C" {
#include <libavutil/error.h>
}

#include "mux_helpers.h"

using namespace shimtest;

namespace {

std::vector<uint8_t> read_all(const std::string &path, int format, int *rate, int *channels, int *codec,
                              int64_t *duration)
{
    std::vector<uint8_t> out;
    reelff_pcm_reader *r = nullptr;
    EXPECT_EQ(reelff_pcm_reader_open(path.c_str(), format, &r), 0) << reelff_last_error();
    if (!r)
        return out;
    reelff_pcm_reader_info(r, rate, channels, codec, duration);
    int bytes = (format == REELFF_SAMPLE_S16 ? 2 : 4) * *channels;
    std::vector<uint8_t> buf(1000 * bytes);
    for (;;) {
        int got = 0;
        EXPECT_EQ(reelff_pcm_reader_read(r, buf.data(), 1000, &got), 0);
        if (got == 0)
            break;
        out.insert(out.end(), buf.begin(), buf.begin() + got * bytes);
    }
    reelff_pcm_reader_destroy(r);
    return out;
}

TEST(PcmReader, Wav_IsReadSampleExactly)
{
    TempDir dir;
    std::string wav = dir.file("in.wav"), raw = dir.file("in.raw");
    must_run("ffmpeg -v error -f lavfi -i 'aevalsrc=0.5*sin(2*PI*997*t)|0.25*sin(2*PI*440*t):s=44100:d=2.5' "
             "-c:a pcm_s16le '" + wav + "'");
    must_run("ffmpeg -v error -i '" + wav + "' -f s16le '" + raw + "'");
    int rate = 0, channels = 0, codec = 0;
    int64_t duration = 0;
    std::vector<uint8_t> pcm = read_all(wav, REELFF_SAMPLE_S16, &rate, &channels, &codec, &duration);
    EXPECT_EQ(rate, 44100);
    EXPECT_EQ(channels, 2);
    EXPECT_EQ(codec, REELFF_CODEC_PCM);
    EXPECT_EQ(duration, 110250);
    EXPECT_EQ(pcm.size(), 110250u * 4);
    EXPECT_TRUE(pcm == read_file(raw)) << "the samples are the WAV's, bit for bit";

    // f32 and s32 are the same signal, scaled.
    std::vector<uint8_t> f = read_all(wav, REELFF_SAMPLE_F32, &rate, &channels, &codec, &duration);
    std::vector<uint8_t> i32 = read_all(wav, REELFF_SAMPLE_S32, &rate, &channels, &codec, &duration);
    ASSERT_EQ(f.size(), pcm.size() * 2);
    ASSERT_EQ(i32.size(), pcm.size() * 2);
    const int16_t *s16 = reinterpret_cast<const int16_t *>(pcm.data());
    const float *fl = reinterpret_cast<const float *>(f.data());
    const int32_t *s32 = reinterpret_cast<const int32_t *>(i32.data());
    for (size_t k = 0; k < pcm.size() / 2; k += 97) {
        EXPECT_FLOAT_EQ(fl[k], s16[k] / 32768.0f);
        EXPECT_EQ(s32[k], (int32_t)s16[k] * 65536);
    }
}

TEST(AudioDecoder, PacketsFromADemuxer_OpusInWebm)
{
    TempDir dir;
    std::string path = dir.file("a.webm");
    AudioTrack a;
    a.encoded = &opus_sweep_2s();
    ASSERT_EQ(mux(path, nullptr, nullptr, &a).ret, 0) << reelff_last_error();
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(path.c_str(), &d), 0);
    reelff_audio_decoder *dec = nullptr;
    ASSERT_EQ(reelff_audio_decoder_create(d, 0, REELFF_SAMPLE_F32, &dec), 0) << reelff_last_error();
    int rate, channels;
    reelff_audio_decoder_info(dec, &rate, &channels);
    EXPECT_EQ(rate, 48000);
    EXPECT_EQ(channels, 2);
    int64_t frames = 0, first_pts = REELFF_NOPTS;
    auto take = [&]() {
        const void *samples;
        int n;
        int64_t pts;
        int ret;
        while ((ret = reelff_audio_decoder_receive(dec, &samples, &n, &pts)) == 0) {
            if (first_pts == REELFF_NOPTS)
                first_pts = pts;
            frames += n;
        }
        return ret;
    };
    for (;;) {
        int s, size;
        const uint8_t *data;
        int ret = reelff_demuxer_read_packet(d, &s, &data, &size, nullptr, nullptr, nullptr, nullptr);
        if (ret == REELFF_ERROR_EOF)
            break;
        ASSERT_EQ(ret, 0);
        ASSERT_EQ(reelff_audio_decoder_send_demuxed(dec, d, s), 0) << reelff_last_error();
        EXPECT_EQ(take(), REELFF_ERROR_AGAIN);
    }
    ASSERT_EQ(reelff_audio_decoder_send_packet(dec, nullptr, 0, 0, 0), 0);
    EXPECT_EQ(take(), REELFF_ERROR_EOF);
    EXPECT_EQ(reelff_audio_decoder_send_packet(dec, nullptr, 0, 0, 0), REELFF_ERROR_EOF);
    // The pre-skip is dropped (CodecDelay); the end padding of the last packet is not.
    EXPECT_EQ(first_pts, 0);
    EXPECT_GE(frames, 96000);
    EXPECT_LE(frames, 96000 + 960);
    EXPECT_EQ(reelff_audio_decoder_send_demuxed(dec, d, 0), -EINVAL) << "no packet held after the end";
    EXPECT_STREQ(reelff_last_error(), "the demuxer holds no packet of stream 0");
    EXPECT_EQ(reelff_audio_decoder_reset(dec), 0);
    reelff_audio_decoder_destroy(dec);
    reelff_demuxer_destroy(d);
}

TEST(AudioDecoder, BadInput)
{
    reelff_demuxer *d = nullptr;
    ASSERT_EQ(reelff_demuxer_open(av1_clip().ivf.c_str(), &d), 0);
    reelff_audio_decoder *dec = nullptr;
    EXPECT_EQ(reelff_audio_decoder_create(d, 0, REELFF_SAMPLE_S16, &dec), -EINVAL);
    EXPECT_STREQ(reelff_last_error(), "stream 0 is not audio");
    EXPECT_EQ(reelff_audio_decoder_create(d, 4, REELFF_SAMPLE_S16, &dec), -EINVAL);
    reelff_demuxer_destroy(d);
    reelff_pcm_reader *r = nullptr;
    EXPECT_EQ(reelff_pcm_reader_open(av1_clip().ivf.c_str(), REELFF_SAMPLE_S16, &r), AVERROR_STREAM_NOT_FOUND);
    EXPECT_EQ(std::string(reelff_last_error()), av1_clip().ivf + ": no audio stream");
    EXPECT_EQ(reelff_pcm_reader_open(av1_clip().ivf.c_str(), 9, &r), -EINVAL);
    EXPECT_EQ(r, nullptr);
    reelff_pcm_reader_destroy(nullptr);
    reelff_audio_decoder_destroy(nullptr);
}

}  // namespace
