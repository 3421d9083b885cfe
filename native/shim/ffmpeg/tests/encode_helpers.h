// Video encoding helpers: source pictures made by the ffmpeg CLI held in host buffers, an
// encode loop through the shim that counts the done callbacks per frame, a decode back through
// the shim's decoder and PSNR against the source.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "shim_test_support.h"

namespace shimtest {

// testsrc2 pictures in host memory, each plane with a stride wider than the picture (64-byte
// aligned), in the given format (I420, NV12, I010, P010).
struct SourceVideo {
    int width = 0, height = 0, format = 0, frames = 0;
    std::vector<std::vector<uint8_t>> planes[3]; // [plane][frame]
    int32_t strides[3] = {0, 0, 0};
    int plane_count = 0;
    int bytes_per_sample = 1;
    const uint8_t *plane(int frame, int p) const { return planes[p][frame].data(); }
};
const SourceVideo &source_video(int format, int width = 320, int height = 240, int frames = 60);

struct EncodeResult {
    int open_ret = 0;
    std::string open_message;
    std::vector<Packet> packets;
    std::vector<uint8_t> extradata;
    std::vector<int> done_per_frame; // how often done() ran per frame
    int64_t frames_sent = 0, frames_done = 0, bytes = 0, reconfigurations = 0;
    std::vector<int> packets_after_send; // packets ready after each send_frame (latency)
};

// Encodes `frames` source frames (looping the source) with settings applied by `configure`;
// `between(encoder, frame)` runs before each frame is sent (live changes, forced keyframes:
// return REELFF_FRAME_* flags).
EncodeResult encode_video(const char *encoder, const SourceVideo &src, int frames,
                          const std::function<void(reelff_video_encoder *)> &configure,
                          const std::function<int(reelff_video_encoder *, int)> &between = nullptr);

// Decodes an encode result with the shim's decoder; returns the mean PSNR (dB) over Y, U and V
// of all frames against the source, and the number of pictures.
double decode_psnr(int codec, const EncodeResult &encoded, const SourceVideo &src, int *pictures);

}  // namespace shimtest
