// Helpers of the session, file and movie writer suites: frames with a moving pattern, encode
// and decode loops through the C API, PSNR, temporary files, and the external checkers
// (ffprobe and the dav1d command line) every produced file must satisfy.
#pragma once

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "reel.h"
#include "test_support.h"

namespace reel_test {

/// A packet copied out of a pooled buffer.
struct Packet {
    std::vector<uint8_t> bytes;
    int64_t pts = 0;
    int64_t dts = 0;
    bool keyframe = false;
};

/// An 8-bit 4:2:0 picture in plain memory (tight strides).
struct Picture {
    uint32_t width = 0, height = 0;
    std::vector<uint8_t> y, u, v;
    int64_t pts = 0;
    uint32_t cw() const { return (width + 1) / 2; }
    uint32_t ch() const { return (height + 1) / 2; }
};

/// The test pattern: a scrolling ramp and a moving box, smooth enough to code well.
inline Picture MakePicture(uint32_t width, uint32_t height, int t) {
    Picture p;
    p.width = width;
    p.height = height;
    p.pts = t;
    p.y.resize(size_t(width) * height);
    p.u.resize(size_t(p.cw()) * p.ch());
    p.v.resize(p.u.size());
    for (uint32_t y = 0; y < height; y++)
        for (uint32_t x = 0; x < width; x++)
            p.y[size_t(y) * width + x] = uint8_t(40 + ((x + y + 2 * uint32_t(t)) % 160));
    for (uint32_t y = 0; y < p.ch(); y++)
        for (uint32_t x = 0; x < p.cw(); x++) {
            p.u[size_t(y) * p.cw() + x] = uint8_t(100 + (x + uint32_t(t)) % 50);
            p.v[size_t(y) * p.cw() + x] = uint8_t(110 + (y + uint32_t(t)) % 40);
        }
    uint32_t side = (width < height ? width : height) / 4;
    uint32_t bx = (uint32_t(t) * 4) % (width - side), by = (uint32_t(t) * 3) % (height - side);
    for (uint32_t y = 0; y < side; y++)
        for (uint32_t x = 0; x < side; x++)
            p.y[size_t(by + y) * width + bx + x] = 220;
    return p;
}

/// Copies a picture into a frame buffer's planes.
inline void Fill(reel_buffer_t frame, const Picture& p) {
    reel_frame_info_t info = reel_frame_info_init();
    ASSERT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS) << reel_last_error_message();
    for (uint32_t y = 0; y < p.height; y++)
        memcpy(info.data[0] + size_t(y) * info.stride[0], &p.y[size_t(y) * p.width], p.width);
    for (uint32_t y = 0; y < p.ch(); y++) {
        memcpy(info.data[1] + size_t(y) * info.stride[1], &p.u[size_t(y) * p.cw()], p.cw());
        memcpy(info.data[2] + size_t(y) * info.stride[2], &p.v[size_t(y) * p.cw()], p.cw());
    }
    ASSERT_EQ(reel_buffer_set_pts(frame, p.pts), REEL_SUCCESS);
}

/// Copies a frame buffer's planes out (8-bit I420 frames).
inline Picture Read(reel_buffer_t frame) {
    reel_frame_info_t info = reel_frame_info_init();
    Picture p;
    EXPECT_EQ(reel_buffer_get_frame(frame, &info), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(info.format, REEL_PIXEL_FORMAT_I420);
    p.width = info.width;
    p.height = info.height;
    p.pts = info.pts;
    p.y.resize(size_t(p.width) * p.height);
    p.u.resize(size_t(p.cw()) * p.ch());
    p.v.resize(p.u.size());
    for (uint32_t y = 0; y < p.height; y++)
        memcpy(&p.y[size_t(y) * p.width], info.data[0] + size_t(y) * info.stride[0], p.width);
    for (uint32_t y = 0; y < p.ch(); y++) {
        memcpy(&p.u[size_t(y) * p.cw()], info.data[1] + size_t(y) * info.stride[1], p.cw());
        memcpy(&p.v[size_t(y) * p.cw()], info.data[2] + size_t(y) * info.stride[2], p.cw());
    }
    return p;
}

/// PSNR in dB of two planes (100 when identical).
inline double Psnr(const std::vector<uint8_t>& a, const std::vector<uint8_t>& b) {
    double squared = 0;
    for (size_t i = 0; i < a.size(); i++) {
        double d = double(a[i]) - double(b[i]);
        squared += d * d;
    }
    double mse = squared / double(a.size());
    return mse == 0 ? 100.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

/// Luma PSNR of a decoded picture against the source.
inline double LumaPsnr(const Picture& source, const Picture& decoded) { return Psnr(source.y, decoded.y); }

/// Buffers still out in the context (live and destroyed pools): 0 means nothing leaked.
inline uint32_t BuffersOut(reel_context_t context) {
    reel_memory_stats_t stats = reel_memory_stats_init();
    EXPECT_EQ(reel_context_get_memory(context, &stats), REEL_SUCCESS);
    return stats.buffers_out;
}

/// A fresh directory under /tmp, removed at scope exit.
class TempDir {
public:
    TempDir() {
        char pattern[] = "/tmp/reel-session-XXXXXX";
        char* made = mkdtemp(pattern);
        path_ = made ? made : "/tmp";
    }
    ~TempDir() {
        std::string command = "rm -rf '" + path_ + "'";
        if (std::system(command.c_str()) != 0) {
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string File(const char* name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

/// Runs a shell command; returns its exit status and stdout+stderr.
inline int Run(const std::string& command, std::string* output = nullptr) {
    std::string full = command + " 2>&1";
    FILE* pipe = popen(full.c_str(), "r");
    if (pipe == nullptr)
        return -1;
    std::string text;
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), pipe)) > 0)
        text.append(chunk, n);
    int status = pclose(pipe);
    if (output != nullptr)
        *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// Frames ffprobe decodes from a file (-1 if it refuses it).
inline int FfprobeFrames(const std::string& path) {
    std::string out;
    int status = Run("ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=codec_name,nb_read_frames "
                     "-of default=noprint_wrappers=1 '" + path + "'", &out);
    if (status != 0 || out.find("codec_name=av1") == std::string::npos)
        return -1;
    size_t at = out.find("nb_read_frames=");
    return at == std::string::npos ? -1 : std::atoi(out.c_str() + at + 15);
}

/// Reads a file's bytes.
inline std::string ReadFile(const std::string& path) {
    std::string content;
    FILE* file = std::fopen(path.c_str(), "rb");
    if (file == nullptr)
        return content;
    char chunk[1 << 16];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), file)) > 0)
        content.append(chunk, n);
    std::fclose(file);
    return content;
}

/// Complete frames in an IVF file's bytes (walking the 12-byte frame headers; a cut last frame
/// does not count). `end`, if given, receives the offset just past the last complete frame.
inline int CompleteIvfFrames(const std::string& bytes, size_t* end = nullptr) {
    size_t at = 32;
    int frames = 0;
    while (bytes.size() >= 32 && at + 12 <= bytes.size()) {
        uint32_t size = uint8_t(bytes[at]) | uint32_t(uint8_t(bytes[at + 1])) << 8 | uint32_t(uint8_t(bytes[at + 2])) << 16 |
                        uint32_t(uint8_t(bytes[at + 3])) << 24;
        if (at + 12 + size > bytes.size())
            break;
        at += 12 + size;
        frames++;
    }
    if (end != nullptr)
        *end = bytes.size() < 32 ? 0 : at;
    return frames;
}

/// Frames the dav1d command-line tool decodes from a file (-1 if it refuses it).
inline int Dav1dToolFrames(const std::string& path) {
    std::string y4m = path + ".dav1d.y4m";
    std::string out;
    if (Run("dav1d -q -i '" + path + "' -o '" + y4m + "'", &out) != 0)
        return -1;
    std::string content = ReadFile(y4m);
    std::remove(y4m.c_str());
    int frames = 0;
    for (size_t at = content.find("FRAME"); at != std::string::npos; at = content.find("FRAME", at + 5))
        frames++;
    return frames;
}

/// An encoder desc of a small, fast encode.
inline reel_encoder_desc_t SmallDesc(uint32_t width = 320, uint32_t height = 240) {
    reel_encoder_desc_t desc = reel_encoder_desc_default();
    desc.width = width;
    desc.height = height;
    desc.fps_num = 30;
    desc.fps_den = 1;
    desc.preset = REEL_ENCODER_PRESET_LOW;
    desc.backend = REEL_CODEC_BACKEND_SOFTWARE;
    return desc;
}

/// An I420 frame pool of the given size.
inline reel_pool_t I420Pool(reel_context_t context, uint32_t width, uint32_t height, uint32_t max = 16) {
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_I420;
    desc.width = width;
    desc.height = height;
    desc.config.max = max;
    reel_pool_t pool = REEL_NULL_HANDLE;
    EXPECT_EQ(reel_frame_pool_create(context, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    return pool;
}

/// A byte pool with 4 KiB to 16 MiB classes.
inline reel_pool_t BytePool(reel_context_t context) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    desc.min_class_size = 4096;
    reel_pool_t pool = REEL_NULL_HANDLE;
    EXPECT_EQ(reel_byte_pool_create(context, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    return pool;
}

/// Copies a packet buffer's bytes and metadata, then releases the buffer.
inline Packet TakePacket(reel_buffer_t buffer) {
    reel_bytes_info_t info = reel_bytes_info_init();
    Packet packet;
    EXPECT_EQ(reel_buffer_get_bytes(buffer, &info), REEL_SUCCESS) << reel_last_error_message();
    packet.bytes.assign(info.data, info.data + info.size);
    packet.pts = info.pts;
    packet.dts = info.dts;
    packet.keyframe = (info.flags & REEL_PACKET_FLAG_KEYFRAME) != 0;
    EXPECT_EQ(reel_buffer_release(buffer), REEL_SUCCESS);
    return packet;
}

/// Encodes pictures through an encoder session; returns the packets in order. Adds a
/// gtest failure (and returns what it has) when a call fails.
inline std::vector<Packet> Encode(reel_context_t context, const reel_encoder_desc_t& desc, const std::vector<Picture>& pictures,
                                  const std::vector<int>& keyframes = {}) {
    std::vector<Packet> packets;
    reel_encoder_t encoder = REEL_NULL_HANDLE;
    reel_result_t r = reel_encoder_create(context, &desc, &encoder);
    EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
    if (r != REEL_SUCCESS)
        return packets;
    reel_pool_t pool = I420Pool(context, desc.width, desc.height);
    for (size_t i = 0; i < pictures.size(); i++) {
        reel_buffer_t frame;
        EXPECT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS) << reel_last_error_message();
        Fill(frame, pictures[i]);
        uint32_t flags = 0;
        for (int k : keyframes)
            if (size_t(k) == i)
                flags |= REEL_ENCODE_FLAG_KEYFRAME;
        EXPECT_EQ(reel_encoder_submit(encoder, frame, flags, REEL_WAIT_FOREVER), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
        reel_buffer_t packet;
        while (reel_encoder_receive(encoder, 0, &packet) == REEL_SUCCESS)
            packets.push_back(TakePacket(packet));
    }
    EXPECT_EQ(reel_encoder_flush(encoder), REEL_SUCCESS);
    for (;;) {
        reel_buffer_t packet;
        r = reel_encoder_receive(encoder, REEL_WAIT_FOREVER, &packet);
        if (r != REEL_SUCCESS)
            break;
        packets.push_back(TakePacket(packet));
    }
    EXPECT_EQ(r, REEL_END_OF_STREAM) << reel_last_error_message();
    EXPECT_EQ(reel_encoder_destroy(encoder), REEL_SUCCESS);
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
    return packets;
}

/// Decodes packets through a decoder session; returns the pictures in order.
inline std::vector<Picture> Decode(reel_context_t context, const std::vector<Packet>& packets,
                                   reel_video_codec_t codec = REEL_VIDEO_CODEC_DEFAULT, reel_decoder_stats_t* out_stats = nullptr) {
    std::vector<Picture> pictures;
    reel_decoder_desc_t desc = reel_decoder_desc_default();
    desc.backend = REEL_CODEC_BACKEND_SOFTWARE;
    desc.codec = codec;
    reel_decoder_t decoder = REEL_NULL_HANDLE;
    reel_result_t r = reel_decoder_create(context, &desc, &decoder);
    EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
    if (r != REEL_SUCCESS)
        return pictures;
    auto drain = [&]() {
        reel_buffer_t frame;
        reel_result_t got;
        while ((got = reel_decoder_receive(decoder, &frame)) == REEL_SUCCESS) {
            pictures.push_back(Read(frame));
            EXPECT_EQ(reel_buffer_release(frame), REEL_SUCCESS);
        }
        return got;
    };
    for (const Packet& packet : packets) {
        while ((r = reel_decoder_submit(decoder, packet.bytes.data(), packet.bytes.size(), packet.pts)) == REEL_NOT_READY)
            drain();
        EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(drain(), REEL_NOT_READY) << reel_last_error_message();
    }
    EXPECT_EQ(reel_decoder_flush(decoder), REEL_SUCCESS);
    EXPECT_EQ(drain(), REEL_END_OF_STREAM) << reel_last_error_message();
    if (out_stats != nullptr) {
        EXPECT_EQ(reel_decoder_get_stats(decoder, out_stats), REEL_SUCCESS);
    }
    EXPECT_EQ(reel_decoder_destroy(decoder), REEL_SUCCESS);
    return pictures;
}

/// Writes packets into an IVF file through the C API.
inline void WriteIvf(reel_context_t context, const std::string& path, uint32_t width, uint32_t height, const std::vector<Packet>& packets) {
    reel_media_info_t info = reel_media_info_init();
    info.width = width;
    info.height = height;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_ivf_writer_t writer;
    ASSERT_EQ(reel_ivf_writer_create(context, path.c_str(), &info, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_pool_t pool = BytePool(context);
    for (const Packet& packet : packets) {
        reel_buffer_t buffer;
        ASSERT_EQ(reel_pool_acquire_bytes(pool, packet.bytes.size(), &buffer), REEL_SUCCESS) << reel_last_error_message();
        reel_bytes_info_t bytes = reel_bytes_info_init();
        reel_buffer_get_bytes(buffer, &bytes);
        memcpy(bytes.data, packet.bytes.data(), packet.bytes.size());
        reel_buffer_set_pts(buffer, packet.pts);
        EXPECT_EQ(reel_ivf_writer_write(writer, buffer), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(buffer);
    }
    EXPECT_EQ(reel_ivf_writer_close(writer), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(reel_pool_destroy(pool), REEL_SUCCESS);
}

/// Writes bytes to a file.
inline void WriteFile(const std::string& path, const std::string& bytes) {
    FILE* file = std::fopen(path.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
}

/// Pictures of the test pattern.
inline std::vector<Picture> Pictures(uint32_t width, uint32_t height, int count) {
    std::vector<Picture> pictures;
    for (int i = 0; i < count; i++)
        pictures.push_back(MakePicture(width, height, i));
    return pictures;
}

}  // namespace reel_test
