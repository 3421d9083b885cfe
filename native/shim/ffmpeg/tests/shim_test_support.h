// Helpers for the shim's GoogleTest suites: temporary folders, running the ffmpeg/ffprobe
// command-line tools (the independent judges of what the shim writes and reads), real media
// made by them, and small signal/picture utilities.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "reel_ffmpeg.h"

namespace shimtest {

// A folder under $TMPDIR (or /tmp) removed with its contents at scope exit.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::string &path() const { return path_; }
    std::string file(const std::string &name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// Runs a shell command; returns its exit status (-1 when it could not run) and its stdout.
int run(const std::string &command, std::string *output = nullptr);

// Runs a command that must succeed; fails the current test (ADD_FAILURE) with its output if not.
std::string must_run(const std::string &command);

// `ffprobe -show_entries <entries> -select_streams <select>` as key=value pairs of the first
// matching stream (keys like "codec_name", "nb_read_packets"; -count_packets is on).
std::map<std::string, std::string> probe_stream(const std::string &path, const std::string &select,
                                                const std::string &entries);

// The per-frame MD5s of `ffmpeg -f framemd5` for the first video stream (decoded to pix_fmt).
std::vector<std::string> framemd5(const std::string &path, const std::string &pix_fmt = "yuv420p");

// `ffmpeg -xerror -i path -f null -`: 0 when every stream decodes without an error.
int decode_check(const std::string &path, std::string *output = nullptr);

// Top-level MP4 box types in file order ("ftyp", "moov", "moof", "mdat", ...).
std::vector<std::string> mp4_top_level_boxes(const std::string &path);

std::vector<uint8_t> read_file(const std::string &path);

// A media file made once and shared by every test process: `make` writes it to a temporary
// name in REELFF_TEST_MEDIA_DIR (set by CMake to the build tree), which is renamed into place,
// so parallel ctest processes never see half a file. Returns the path.
std::string cached_media(const std::string &name, const std::function<void(const std::string &)> &make);

// One packet of a stream, as a demuxer gave it.
struct Packet {
    std::vector<uint8_t> data;
    int64_t pts = 0, dts = 0, duration = 0;
    int flags = 0;
};

// Every packet of stream `stream` (the best video stream when -1) of a file read through
// the shim's demuxer, with the stream's time base.
std::vector<Packet> read_packets(const std::string &path, int stream, int *tb_num, int *tb_den,
                                 std::vector<uint8_t> *extradata = nullptr);

// An AV1 IVF made by FFmpeg's libsvtav1 from the testsrc2 pattern.
void make_av1_ivf(const std::string &path, int frames, int width, int height, int fps, int keyint);

// Any video made by the ffmpeg CLI from testsrc2: `codec_args` picks the encoder.
void make_video(const std::string &path, const std::string &codec_args, int frames, int width,
                int height, int fps);

// A logarithmic sine sweep from f0 to f1 Hz, amplitude 0.5, interleaved (the same on every
// channel, channel c delayed by c * 7/48000 s so channel mix-ups show).
std::vector<float> sweep(int rate, int channels, double seconds, double f0, double f1);

// Converts interleaved float samples to another format (buffer of the right byte size).
std::vector<uint8_t> convert_samples(const std::vector<float> &samples, int sample_format);

// Pearson correlation of a and b after shifting b by lag samples (b[i + lag] against a[i]),
// over channel `channel` of interleaved data; and the lag in [-max_lag, max_lag] maximising it.
double correlation(const std::vector<float> &a, const std::vector<float> &b, int channels, int channel,
                   int lag);
int best_lag(const std::vector<float> &a, const std::vector<float> &b, int channels, int max_lag);

// Encodes interleaved PCM with a fresh encoder; returns its packets (in order) and fills the
// encoder's extradata, padding and rate.
struct EncodedAudio {
    std::vector<Packet> packets;
    std::vector<uint8_t> extradata;
    int rate = 0, frame_size = 0, padding = 0;
};
EncodedAudio encode_audio(int codec, int sample_format, int rate, int channels, const void *samples,
                          int frames, int chunk);

// Reads a whole file's best audio stream as interleaved float through the shim's PCM reader.
std::vector<float> read_pcm(const std::string &path, int *rate, int *channels);

// MD5 (hex) of a picture's visible planes, packed like ffmpeg's rawvideo (what framemd5 hashes).
std::string picture_md5(int pixel_format, int width, int height, uint8_t *const planes[4],
                        const int32_t strides[4]);

// A 64-byte aligned allocation that ASan/valgrind see as such.
void *aligned_alloc64(size_t size);

}  // namespace shimtest
