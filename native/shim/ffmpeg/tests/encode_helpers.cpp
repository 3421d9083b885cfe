#include "encode_helpers.h"

#include <cmath>
#include <cstring>
#include <map>

namespace shimtest {

namespace {

const char *ffmpeg_pix_fmt(int format)
{
    switch (format) {
    case REELFF_PIXEL_NV12: return "nv12";
    case REELFF_PIXEL_I010: return "yuv420p10le";
    case REELFF_PIXEL_P010: return "p010le";
    default: return "yuv420p";
    }
}

// One sample of component c (0 Y, 1 U, 2 V) at (x, y) in plane coordinates, as a value of the
// format's bit depth (P010 keeps its 10 bits high: shifted down).
int component(int format, const uint8_t *const planes[3], const int32_t strides[3], int c, int x, int y)
{
    bool wide = format == REELFF_PIXEL_I010 || format == REELFF_PIXEL_P010;
    bool semi = format == REELFF_PIXEL_NV12 || format == REELFF_PIXEL_P010;
    int p = c == 0 ? 0 : semi ? 1 : c;
    int index = c == 0 || !semi ? x : 2 * x + (c - 1);
    const uint8_t *row = planes[p] + (ptrdiff_t)y * strides[p];
    if (!wide)
        return row[index];
    int v = row[2 * index] | row[2 * index + 1] << 8;
    return format == REELFF_PIXEL_P010 ? v >> 6 : v;
}

}  // namespace

const SourceVideo &source_video(int format, int width, int height, int frames)
{
    static std::map<std::string, SourceVideo> cache;
    std::string key = std::to_string(format) + "-" + std::to_string(width) + "x" + std::to_string(height) + "-" +
                      std::to_string(frames);
    auto it = cache.find(key);
    if (it != cache.end())
        return it->second;
    std::string name = std::string("testsrc2-") + ffmpeg_pix_fmt(format) + "-" + std::to_string(width) + "x" +
                       std::to_string(height) + "-" + std::to_string(frames) + ".yuv";
    std::string path = cached_media(name, [&](const std::string &p) {
        must_run("ffmpeg -v error -f lavfi -i testsrc2=size=" + std::to_string(width) + "x" + std::to_string(height) +
                 ":rate=30 -frames:v " + std::to_string(frames) + " -pix_fmt " + ffmpeg_pix_fmt(format) +
                 " -f rawvideo '" + p + "'");
    });
    std::vector<uint8_t> raw = read_file(path);
    SourceVideo &s = cache[key];
    s.width = width, s.height = height, s.format = format, s.frames = frames;
    bool wide = format == REELFF_PIXEL_I010 || format == REELFF_PIXEL_P010;
    bool semi = format == REELFF_PIXEL_NV12 || format == REELFF_PIXEL_P010;
    s.bytes_per_sample = wide ? 2 : 1;
    s.plane_count = semi ? 2 : 3;
    int rows[3] = {height, height / 2, height / 2};
    int row_bytes[3] = {width * s.bytes_per_sample, (semi ? width : width / 2) * s.bytes_per_sample,
                        width / 2 * s.bytes_per_sample};
    size_t frame_bytes = 0;
    for (int p = 0; p < s.plane_count; p++) {
        s.strides[p] = (row_bytes[p] + 32 + 63) & ~63; // wider than the row: strides are honoured
        frame_bytes += (size_t)row_bytes[p] * rows[p];
    }
    EXPECT_EQ(raw.size(), frame_bytes * frames) << path;
    size_t offset = 0;
    for (int f = 0; f < frames; f++) {
        for (int p = 0; p < s.plane_count; p++) {
            std::vector<uint8_t> plane((size_t)s.strides[p] * rows[p], 0);
            for (int y = 0; y < rows[p]; y++, offset += row_bytes[p])
                memcpy(&plane[(size_t)y * s.strides[p]], &raw[offset], row_bytes[p]);
            s.planes[p].push_back(std::move(plane));
        }
    }
    return s;
}

EncodeResult encode_video(const char *encoder, const SourceVideo &src, int frames,
                          const std::function<void(reelff_video_encoder *)> &configure,
                          const std::function<int(reelff_video_encoder *, int)> &between)
{
    EncodeResult r;
    r.done_per_frame.assign(frames, 0);
    reelff_video_encoder *e = nullptr;
    auto done = [](void *user, void *cookie) {
        auto *counts = static_cast<std::vector<int> *>(user);
        (*counts)[(size_t)(uintptr_t)cookie]++;
    };
    if (reelff_video_encoder_create(encoder, done, &r.done_per_frame, &e) < 0) {
        r.open_ret = -1;
        r.open_message = reelff_last_error();
        return r;
    }
    reelff_video_encoder_set_int(e, REELFF_VENC_WIDTH, src.width);
    reelff_video_encoder_set_int(e, REELFF_VENC_HEIGHT, src.height);
    reelff_video_encoder_set_int(e, REELFF_VENC_PIXEL_FORMAT, src.format);
    if (configure)
        configure(e);
    r.open_ret = reelff_video_encoder_open(e);
    if (r.open_ret < 0) {
        r.open_message = reelff_last_error();
        reelff_video_encoder_destroy(e);
        return r;
    }
    const uint8_t *extra;
    int extra_size;
    reelff_video_encoder_extradata(e, &extra, &extra_size);
    if (extra_size)
        r.extradata.assign(extra, extra + extra_size);
    auto drain = [&]() {
        const uint8_t *data;
        int size;
        Packet p;
        while (reelff_video_encoder_receive(e, &data, &size, &p.pts, &p.dts, &p.flags) == 0) {
            p.data.assign(data, data + size);
            r.packets.push_back(p);
        }
    };
    for (int i = 0; i < frames; i++) {
        int flags = between ? between(e, i) : 0;
        int f = i % src.frames;
        const uint8_t *planes[3] = {src.plane(f, 0), src.plane(f, 1), src.plane_count > 2 ? src.plane(f, 2) : nullptr};
        int ret = reelff_video_encoder_send_frame(e, planes, src.strides, i, flags, (void *)(uintptr_t)i);
        if (ret < 0) {
            ADD_FAILURE() << "send_frame " << i << ": " << reelff_last_error();
            break;
        }
        drain();
        r.packets_after_send.push_back((int)r.packets.size());
    }
    EXPECT_EQ(reelff_video_encoder_flush(e), 0) << reelff_last_error();
    drain();
    const uint8_t *data;
    int size;
    EXPECT_EQ(reelff_video_encoder_receive(e, &data, &size, nullptr, nullptr, nullptr), REELFF_ERROR_EOF);
    int64_t packets;
    reelff_video_encoder_stats(e, &r.frames_sent, &r.frames_done, &packets, &r.bytes, &r.reconfigurations);
    reelff_video_encoder_destroy(e);
    return r;
}

double decode_psnr(int codec, const EncodeResult &encoded, const SourceVideo &src, int *pictures)
{
    reelff_video_decoder *dec = nullptr;
    *pictures = 0;
    if (reelff_video_decoder_create(codec, nullptr, encoded.extradata.empty() ? nullptr : encoded.extradata.data(),
                                    (int)encoded.extradata.size(), 1, nullptr, nullptr, nullptr, &dec) < 0) {
        ADD_FAILURE() << reelff_last_error();
        return 0;
    }
    double mse_sum = 0;
    int max = src.bytes_per_sample == 2 ? 1023 : 255;
    auto take = [&]() {
        int format, w, h, flags;
        uint8_t *planes[4];
        int32_t strides[4];
        int64_t pts;
        void *cookie;
        while (reelff_video_decoder_receive(dec, &format, &w, &h, planes, strides, &pts, &flags, &cookie) == 0) {
            int f = (int)(pts % src.frames);
            const uint8_t *sp[3] = {src.plane(f, 0), src.plane(f, 1), src.plane_count > 2 ? src.plane(f, 2) : nullptr};
            double se = 0;
            size_t n = 0;
            for (int c = 0; c < 3; c++) {
                int cw = c ? w / 2 : w, ch = c ? h / 2 : h;
                for (int y = 0; y < ch; y++)
                    for (int x = 0; x < cw; x++, n++) {
                        double d = component(format, planes, strides, c, x, y) -
                                   component(src.format, sp, src.strides, c, x, y);
                        se += d * d;
                    }
            }
            mse_sum += se / n;
            (*pictures)++;
        }
    };
    for (const Packet &p : encoded.packets) {
        while (reelff_video_decoder_send_packet(dec, p.data.data(), (int)p.data.size(), p.pts, p.dts, p.flags) ==
               REELFF_ERROR_AGAIN)
            take();
        take();
    }
    reelff_video_decoder_send_packet(dec, nullptr, 0, 0, 0, 0);
    take();
    reelff_video_decoder_destroy(dec);
    if (*pictures == 0)
        return 0;
    double mse = mse_sum / *pictures;
    return mse > 0 ? 10 * std::log10((double)max * max / mse) : 99;
}

}  // namespace shimtest
