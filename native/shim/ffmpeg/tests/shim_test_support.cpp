#include "shim_test_support.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <unistd.h>
#include <sstream>

extern "C" {
#include <libavutil/common.h>
#include <libavutil/md5.h>
#include <libavutil/mem.h>
#include <libavutil/pixdesc.h>
}

namespace shimtest {

TempDir::TempDir()
{
    const char *base = getenv("TMPDIR");
    std::string pattern = std::string(base && *base ? base : "/tmp") + "/reelff-test-XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data()))
        throw std::runtime_error("mkdtemp failed");
    path_ = buf.data();
}

TempDir::~TempDir()
{
    run("rm -rf '" + path_ + "'");
}

int run(const std::string &command, std::string *output)
{
    FILE *pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return -1;
    std::string text;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0)
        text.append(buf, n);
    int status = pclose(pipe);
    if (output)
        *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string must_run(const std::string &command)
{
    std::string out;
    int status = run(command, &out);
    if (status != 0)
        ADD_FAILURE() << "command failed (" << status << "): " << command << "\n" << out;
    return out;
}

std::map<std::string, std::string> probe_stream(const std::string &path, const std::string &select,
                                                const std::string &entries)
{
    std::string out;
    run("ffprobe -v error -count_packets -select_streams " + select + " -show_entries stream=" + entries +
            " -of default=noprint_wrappers=1 '" + path + "'",
        &out);
    std::map<std::string, std::string> values;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        size_t eq = line.find('=');
        if (eq != std::string::npos && !values.count(line.substr(0, eq)))
            values[line.substr(0, eq)] = line.substr(eq + 1);
    }
    return values;
}

std::vector<std::string> framemd5(const std::string &path, const std::string &pix_fmt)
{
    std::string out = must_run("ffmpeg -v error -i '" + path + "' -map 0:v:0 -pix_fmt " + pix_fmt +
                               " -f framemd5 -");
    std::vector<std::string> hashes;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        size_t last = line.find_last_of(',');
        if (last == std::string::npos)
            continue;
        std::string hash = line.substr(last + 1);
        hash.erase(0, hash.find_first_not_of(' '));
        hashes.push_back(hash);
    }
    return hashes;
}

int decode_check(const std::string &path, std::string *output)
{
    return run("ffmpeg -v error -xerror -i '" + path + "' -f null -", output);
}

std::string cached_media(const std::string &name, const std::function<void(const std::string &)> &make)
{
    std::string dir = REELFF_TEST_MEDIA_DIR;
    run("mkdir -p '" + dir + "'");
    std::string path = dir + "/" + name;
    if (access(path.c_str(), R_OK) == 0)
        return path;
    std::string tmp = dir + "/tmp-" + std::to_string(getpid()) + "-" + name;
    make(tmp);
    if (rename(tmp.c_str(), path.c_str()) != 0)
        ADD_FAILURE() << "rename " << tmp << " -> " << path << " failed";
    return path;
}

std::vector<uint8_t> read_file(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<uint8_t>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> mp4_top_level_boxes(const std::string &path)
{
    std::vector<uint8_t> bytes = read_file(path);
    std::vector<std::string> boxes;
    size_t pos = 0;
    while (pos + 8 <= bytes.size()) {
        uint64_t size = (uint64_t)bytes[pos] << 24 | bytes[pos + 1] << 16 | bytes[pos + 2] << 8 | bytes[pos + 3];
        std::string type(reinterpret_cast<const char *>(&bytes[pos + 4]), 4);
        if (size == 1 && pos + 16 <= bytes.size()) {
            size = 0;
            for (int i = 0; i < 8; i++)
                size = size << 8 | bytes[pos + 8 + i];
        } else if (size == 0) {
            size = bytes.size() - pos;
        }
        boxes.push_back(type);
        if (size < 8)
            break;
        pos += size;
    }
    return boxes;
}

std::vector<Packet> read_packets(const std::string &path, int stream, int *tb_num, int *tb_den,
                                 std::vector<uint8_t> *extradata)
{
    std::vector<Packet> packets;
    reelff_demuxer *d = nullptr;
    if (reelff_demuxer_open(path.c_str(), &d) < 0) {
        ADD_FAILURE() << "reelff_demuxer_open " << path << ": " << reelff_last_error();
        return packets;
    }
    if (stream < 0)
        stream = reelff_demuxer_best_stream(d, REELFF_MEDIA_VIDEO);
    int64_t num = 0, den = 0;
    reelff_demuxer_stream_property(d, stream, REELFF_STREAM_TIME_BASE_NUM, &num);
    reelff_demuxer_stream_property(d, stream, REELFF_STREAM_TIME_BASE_DEN, &den);
    if (tb_num)
        *tb_num = (int)num;
    if (tb_den)
        *tb_den = (int)den;
    if (extradata) {
        const uint8_t *data = nullptr;
        int size = 0;
        reelff_demuxer_stream_extradata(d, stream, &data, &size);
        extradata->assign(data, data + size);
    }
    for (;;) {
        int s, size, flags;
        const uint8_t *data;
        Packet p;
        int ret = reelff_demuxer_read_packet(d, &s, &data, &size, &p.pts, &p.dts, &p.duration, &flags);
        if (ret == REELFF_ERROR_EOF)
            break;
        if (ret < 0) {
            ADD_FAILURE() << "read_packet: " << reelff_last_error();
            break;
        }
        if (s != stream)
            continue;
        p.data.assign(data, data + size);
        p.flags = flags;
        packets.push_back(std::move(p));
    }
    reelff_demuxer_destroy(d);
    return packets;
}

void make_av1_ivf(const std::string &path, int frames, int width, int height, int fps, int keyint)
{
    must_run("SVT_LOG=1 ffmpeg -v error -y -f lavfi -i testsrc2=size=" + std::to_string(width) + "x" +
             std::to_string(height) + ":rate=" + std::to_string(fps) + " -frames:v " + std::to_string(frames) +
             " -pix_fmt yuv420p -c:v libsvtav1 -preset 12 -crf 40 -g " + std::to_string(keyint) + " '" + path + "'");
}

void make_video(const std::string &path, const std::string &codec_args, int frames, int width, int height,
                int fps)
{
    must_run("ffmpeg -v error -y -f lavfi -i testsrc2=size=" + std::to_string(width) + "x" +
             std::to_string(height) + ":rate=" + std::to_string(fps) + " -frames:v " + std::to_string(frames) +
             " " + codec_args + " '" + path + "'");
}

std::vector<float> sweep(int rate, int channels, double seconds, double f0, double f1)
{
    size_t n = (size_t)(seconds * rate);
    std::vector<float> out(n * channels);
    double k = std::log(f1 / f0) / seconds;
    for (size_t i = 0; i < n; i++) {
        for (int c = 0; c < channels; c++) {
            double t = (double)i / rate - c * (7.0 / 48000);
            out[i * channels + c] = t < 0 ? 0.0f : (float)(0.5 * std::sin(2 * M_PI * f0 * (std::exp(k * t) - 1) / k));
        }
    }
    return out;
}

std::vector<uint8_t> convert_samples(const std::vector<float> &samples, int sample_format)
{
    std::vector<uint8_t> out;
    if (sample_format == REELFF_SAMPLE_F32) {
        out.resize(samples.size() * 4);
        memcpy(out.data(), samples.data(), out.size());
    } else if (sample_format == REELFF_SAMPLE_S16) {
        out.resize(samples.size() * 2);
        auto *p = reinterpret_cast<int16_t *>(out.data());
        for (size_t i = 0; i < samples.size(); i++)
            p[i] = (int16_t)std::lrint(samples[i] * 32767.0);
    } else {
        out.resize(samples.size() * 4);
        auto *p = reinterpret_cast<int32_t *>(out.data());
        for (size_t i = 0; i < samples.size(); i++)
            p[i] = (int32_t)std::llrint(samples[i] * 2147483647.0);
    }
    return out;
}

double correlation(const std::vector<float> &a, const std::vector<float> &b, int channels, int channel, int lag)
{
    size_t frames_a = a.size() / channels, frames_b = b.size() / channels;
    double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
    size_t n = 0;
    for (size_t i = 0; i < frames_a; i++) {
        long j = (long)i + lag;
        if (j < 0 || (size_t)j >= frames_b)
            continue;
        double x = a[i * channels + channel], y = b[(size_t)j * channels + channel];
        sa += x, sb += y, saa += x * x, sbb += y * y, sab += x * y;
        n++;
    }
    if (n == 0)
        return 0;
    double cov = sab - sa * sb / n, va = saa - sa * sa / n, vb = sbb - sb * sb / n;
    return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0;
}

int best_lag(const std::vector<float> &a, const std::vector<float> &b, int channels, int max_lag)
{
    // Search on a 0.25 s window from a's middle (a sweep has no repeating period), then the
    // caller measures the whole signal at that lag.
    size_t frames = a.size() / channels, window = std::min<size_t>(12000, frames / 2);
    size_t start = frames / 2 - window / 2;
    std::vector<float> part(a.begin() + start * channels, a.begin() + (start + window) * channels);
    int best = 0;
    double best_c = -2;
    for (int lag = -max_lag; lag <= max_lag; lag++) {
        double c = correlation(part, b, channels, 0, lag + (int)start);
        if (c > best_c)
            best_c = c, best = lag;
    }
    return best;
}

EncodedAudio encode_audio(int codec, int sample_format, int rate, int channels, const void *samples, int frames,
                          int chunk)
{
    EncodedAudio out;
    reelff_audio_encoder *enc = nullptr;
    if (reelff_audio_encoder_create(codec, sample_format, rate, channels, 0, &enc) < 0) {
        ADD_FAILURE() << "reelff_audio_encoder_create: " << reelff_last_error();
        return out;
    }
    int tb_num, tb_den;
    reelff_audio_encoder_info(enc, &out.rate, &out.frame_size, &out.padding, &tb_num, &tb_den);
    const uint8_t *extra;
    int extra_size;
    reelff_audio_encoder_extradata(enc, &extra, &extra_size);
    out.extradata.assign(extra, extra + extra_size);
    size_t frame_bytes = (size_t)channels * (sample_format == REELFF_SAMPLE_S16 ? 2 : 4);
    auto drain = [&]() {
        for (;;) {
            const uint8_t *data;
            int size;
            Packet p;
            int ret = reelff_audio_encoder_receive(enc, &data, &size, &p.pts, &p.duration);
            if (ret < 0)
                return ret;
            p.data.assign(data, data + size);
            p.dts = p.pts;
            out.packets.push_back(std::move(p));
        }
    };
    for (int done = 0; done < frames; done += chunk) {
        int n = std::min(chunk, frames - done);
        if (reelff_audio_encoder_send(enc, static_cast<const uint8_t *>(samples) + done * frame_bytes, n) < 0) {
            ADD_FAILURE() << "send: " << reelff_last_error();
            break;
        }
        drain();
    }
    if (reelff_audio_encoder_flush(enc) < 0)
        ADD_FAILURE() << "flush: " << reelff_last_error();
    EXPECT_EQ(drain(), REELFF_ERROR_EOF);
    reelff_audio_encoder_destroy(enc);
    return out;
}

std::vector<float> read_pcm(const std::string &path, int *rate, int *channels)
{
    std::vector<float> out;
    reelff_pcm_reader *r = nullptr;
    if (reelff_pcm_reader_open(path.c_str(), REELFF_SAMPLE_F32, &r) < 0) {
        ADD_FAILURE() << "reelff_pcm_reader_open: " << reelff_last_error();
        return out;
    }
    reelff_pcm_reader_info(r, rate, channels, nullptr, nullptr);
    std::vector<float> buf(4096 * *channels);
    for (;;) {
        int got = 0;
        if (reelff_pcm_reader_read(r, buf.data(), 4096, &got) < 0) {
            ADD_FAILURE() << "reelff_pcm_reader_read: " << reelff_last_error();
            break;
        }
        if (got == 0)
            break;
        out.insert(out.end(), buf.begin(), buf.begin() + got * *channels);
    }
    reelff_pcm_reader_destroy(r);
    return out;
}

static AVPixelFormat av_format(int pixel_format)
{
    switch (pixel_format) {
    case REELFF_PIXEL_I420: return AV_PIX_FMT_YUV420P;
    case REELFF_PIXEL_NV12: return AV_PIX_FMT_NV12;
    case REELFF_PIXEL_I010: return AV_PIX_FMT_YUV420P10LE;
    case REELFF_PIXEL_P010: return AV_PIX_FMT_P010LE;
    case REELFF_PIXEL_I422: return AV_PIX_FMT_YUV422P;
    case REELFF_PIXEL_I444: return AV_PIX_FMT_YUV444P;
    default: return AV_PIX_FMT_NONE;
    }
}

std::string picture_md5(int pixel_format, int width, int height, uint8_t *const planes[4], const int32_t strides[4])
{
    AVPixelFormat f = av_format(pixel_format);
    const AVPixFmtDescriptor *d = av_pix_fmt_desc_get(f);
    if (!d)
        return "unknown-format";
    AVMD5 *md5 = av_md5_alloc();
    av_md5_init(md5);
    int count = av_pix_fmt_count_planes(f);
    for (int p = 0; p < count; p++) {
        int w = p == 0 ? width : AV_CEIL_RSHIFT(width, d->log2_chroma_w);
        int h = p == 0 ? height : AV_CEIL_RSHIFT(height, d->log2_chroma_h);
        int row = w * (d->comp[0].depth > 8 ? 2 : 1);
        if (p > 0 && count == 2)
            row *= 2; /* interleaved UV */
        for (int y = 0; y < h; y++)
            av_md5_update(md5, planes[p] + (ptrdiff_t)y * strides[p], row);
    }
    uint8_t digest[16];
    av_md5_final(md5, digest);
    av_free(md5);
    char hex[33];
    for (int i = 0; i < 16; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    return hex;
}

void *aligned_alloc64(size_t size)
{
    return std::aligned_alloc(64, (size + 63) & ~size_t(63));
}

}  // namespace shimtest
