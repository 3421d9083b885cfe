// Helpers of the movie container suites: recording a movie with sound through the C ABI and
// asking ffprobe / ffmpeg / mediainfo what they see in it.
#pragma once

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "session_support.h"

namespace reel_test {

/// One stream as ffprobe reports it (counted by reading the file: -count_frames / -count_packets).
struct ProbedStream {
    std::string codec_type;
    std::string codec_name;
    long frames = -1;
    long packets = -1;
    double duration = -1;
    int sample_rate = 0;
    int channels = 0;
};

/// Every stream of a file by ffprobe, in file order (empty when ffprobe refuses the file).
inline std::vector<ProbedStream> Probe(const std::string& path) {
    std::string out;
    if (Run("ffprobe -v error -count_frames -count_packets -show_entries "
            "stream=codec_type,codec_name,nb_read_frames,nb_read_packets,duration,sample_rate,channels "
            "-of default=noprint_wrappers=0 '" + path + "'", &out) != 0)
        return {};
    std::vector<ProbedStream> streams;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line == "[STREAM]") {
            streams.emplace_back();
            continue;
        }
        size_t eq = line.find('=');
        if (streams.empty() || eq == std::string::npos)
            continue;
        std::string key = line.substr(0, eq), value = line.substr(eq + 1);
        ProbedStream& s = streams.back();
        if (key == "codec_type") s.codec_type = value;
        else if (key == "codec_name") s.codec_name = value;
        else if (key == "nb_read_frames" && value != "N/A") s.frames = std::atol(value.c_str());
        else if (key == "nb_read_packets" && value != "N/A") s.packets = std::atol(value.c_str());
        else if (key == "duration" && value != "N/A") s.duration = std::atof(value.c_str());
        else if (key == "sample_rate") s.sample_rate = std::atoi(value.c_str());
        else if (key == "channels") s.channels = std::atoi(value.c_str());
    }
    return streams;
}

/// The stream of a type, or an empty one.
inline ProbedStream StreamOf(const std::vector<ProbedStream>& streams, const std::string& type) {
    for (const ProbedStream& s : streams)
        if (s.codec_type == type)
            return s;
    return {};
}

/// The MD5 column of `ffmpeg -f framemd5` for the video of a file: one entry per decoded picture.
inline std::vector<std::string> VideoFrameMd5(const std::string& path) {
    std::string out;
    if (Run("ffmpeg -v error -i '" + path + "' -map 0:v:0 -f framemd5 -", &out) != 0)
        return {};
    std::vector<std::string> sums;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        size_t comma = line.rfind(',');
        if (comma != std::string::npos)
            sums.push_back(line.substr(comma + 1));
    }
    return sums;
}

/// Whether ffmpeg decodes every stream of the file without any error (-xerror).
inline bool FfmpegDecodesCleanly(const std::string& path, std::string* output) {
    return Run("ffmpeg -v error -xerror -i '" + path + "' -f null -", output) == 0;
}

/// Samples of a sine sweep (100 Hz to 6 kHz, logarithmic) at `rate`, one channel.
inline std::vector<float> Sweep(int rate, int frames) {
    std::vector<float> out(static_cast<size_t>(frames));
    double f0 = 100, f1 = 6000, seconds = double(frames) / rate, k = std::log(f1 / f0) / seconds;
    for (int i = 0; i < frames; i++) {
        double t = double(i) / rate;
        out[size_t(i)] = float(0.5 * std::sin(2 * M_PI * f0 * (std::exp(k * t) - 1) / k));
    }
    return out;
}

/// A movie desc of a small, fast encode with a stereo 48 kHz s16 sound track of `codec`.
struct MovieSettings {
    reel_encoder_desc_t video = SmallDesc(320, 240);
    reel_movie_desc_t desc = reel_movie_desc_init();
    explicit MovieSettings(reel_audio_codec_t codec, reel_sample_format_t format = REEL_SAMPLE_FORMAT_S16, uint32_t rate = 48000,
                           uint32_t channels = 2) {
        video.keyframe_interval = 15;
        desc.video = &video;
        desc.audio_codec = codec;
        desc.audio_format = format;
        desc.audio_sample_rate = rate;
        desc.audio_channels = channels;
    }
};

/// Records `frames` pictures (Pictures()) and, when the movie has sound, rate / fps samples of a
/// 440 Hz stereo tone per frame. Returns the final stats (struct_size 0 on failure).
inline reel_movie_writer_stats_t RecordMovie(reel_context_t context, const std::string& path, MovieSettings& s, int frames) {
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    reel_movie_writer_t writer;
    reel_result_t r = reel_movie_writer_begin_ex(context, path.c_str(), &s.desc, &writer);
    EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
    if (r != REEL_SUCCESS) {
        stats.struct_size = 0;
        return stats;
    }
    reel_pool_t pool = I420Pool(context, s.video.width, s.video.height);
    std::vector<Picture> pictures = Pictures(s.video.width, s.video.height, frames);
    uint32_t per_frame = s.desc.audio_sample_rate / 30;
    std::vector<int16_t> pcm(size_t(per_frame) * 2);
    for (int f = 0; f < frames; f++) {
        reel_buffer_t frame;
        EXPECT_EQ(reel_pool_acquire(pool, &frame), REEL_SUCCESS);
        Fill(frame, pictures[size_t(f)]);
        EXPECT_EQ(reel_movie_writer_write_frame(writer, frame), REEL_SUCCESS) << reel_last_error_message();
        reel_buffer_release(frame);
        if (s.desc.audio_codec != REEL_AUDIO_CODEC_NONE) {
            for (uint32_t i = 0; i < per_frame; i++)
                pcm[2 * i] = pcm[2 * i + 1] = int16_t(8000 * std::sin(2 * M_PI * 440 * (double(f) * per_frame + i) / s.desc.audio_sample_rate));
            EXPECT_EQ(reel_movie_writer_write_audio(writer, pcm.data(), per_frame), REEL_SUCCESS) << reel_last_error_message();
        }
    }
    r = reel_movie_writer_end(writer, &stats);
    EXPECT_EQ(r, REEL_SUCCESS) << reel_last_error_message();
    reel_pool_destroy(pool);
    return stats;
}

}  // namespace reel_test
