// Muxing helpers shared by the muxer, demuxer and audio suites: an AV1 clip made once per
// process by FFmpeg's libsvtav1, and a function that interleaves video and audio packets
// into a file through the shim's muxer.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "shim_test_support.h"

namespace shimtest {

// The AV1 clip: 60 frames of 320x240 at 30 fps, a keyframe every 15 frames.
struct Av1Clip {
    std::string ivf;
    std::vector<Packet> packets;
    int tb_num = 0, tb_den = 0;
    static constexpr int kFrames = 60, kWidth = 320, kHeight = 240, kFps = 30, kKeyint = 15;
};
const Av1Clip &av1_clip();

struct VideoTrack {
    int codec = REELFF_CODEC_AV1;
    int width = 0, height = 0, tb_num = 1, tb_den = 30, fps = 30;
    std::vector<uint8_t> extradata; // empty: taken from the first keyframe
    const std::vector<Packet> *packets = nullptr;
};

struct AudioTrack {
    int codec = REELFF_CODEC_OPUS;
    int channels = 2;
    const EncodedAudio *encoded = nullptr;
};

struct MuxResult {
    int ret = 0; // first failure, or 0
    int64_t file_bytes = 0, payload_bytes = 0, overhead = 0;
    int64_t video_packets = 0, audio_packets = 0;
};

// Writes the tracks interleaved by time (as a recorder would) and ends the file.
// options: pairs of (reelff_muxer_option_t, value) set before begin.
MuxResult mux(const std::string &path, const char *container, const VideoTrack *video, const AudioTrack *audio,
              const std::vector<std::pair<int, int64_t>> &options = {});

// A stereo 48 kHz sweep of `seconds`, encoded.
const EncodedAudio &opus_sweep_2s();
const EncodedAudio &aac_sweep_2s();

}  // namespace shimtest
