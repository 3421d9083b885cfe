// A recording process for the crash and disk-full tests: muxes the AV1 packets of an IVF
// plus Opus audio (a 440 Hz tone from the shim's encoder) into a container, one video frame
// per `delay_ms`, printing "video N" after each video packet it handed to the muxer.
//   reelff_mux_child <in.ivf> <out.mp4|mov|webm|mkv> <delay_ms> [<file size limit in bytes>]
// With a size limit (RLIMIT_FSIZE, SIGXFSZ ignored) a write fails with EFBIG mid-file, as on
// a full disk; the child then prints "result <code> <kind> <message>" for each failing call.
#include <sys/resource.h>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "reel_ffmpeg.h"

namespace {

struct VideoPacket {
    std::vector<uint8_t> data;
    int64_t pts;
    int flags;
};

int report(const char *what, int ret)
{
    printf("result %s %d %s %s\n", what, ret, reelff_error_kind_name(reelff_error_kind(ret)), reelff_last_error());
    fflush(stdout);
    return ret;
}

}  // namespace

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s in.ivf out.ext delay_ms [fsize_limit]\n", argv[0]);
        return 2;
    }
    int delay_ms = atoi(argv[3]);
    if (argc > 4) {
        rlimit limit{(rlim_t)atoll(argv[4]), (rlim_t)atoll(argv[4])};
        setrlimit(RLIMIT_FSIZE, &limit);
        signal(SIGXFSZ, SIG_IGN);
    }

    reelff_demuxer *in = nullptr;
    if (reelff_demuxer_open(argv[1], &in) < 0)
        return report("demuxer_open", -1), 1;
    int64_t w, h, tb_num, tb_den;
    reelff_demuxer_stream_property(in, 0, REELFF_STREAM_WIDTH, &w);
    reelff_demuxer_stream_property(in, 0, REELFF_STREAM_HEIGHT, &h);
    reelff_demuxer_stream_property(in, 0, REELFF_STREAM_TIME_BASE_NUM, &tb_num);
    reelff_demuxer_stream_property(in, 0, REELFF_STREAM_TIME_BASE_DEN, &tb_den);
    std::vector<VideoPacket> video;
    for (;;) {
        int s, size, flags;
        const uint8_t *data;
        int64_t pts;
        if (reelff_demuxer_read_packet(in, &s, &data, &size, &pts, nullptr, nullptr, &flags) < 0)
            break;
        video.push_back({std::vector<uint8_t>(data, data + size), pts, flags});
    }
    reelff_demuxer_destroy(in);

    reelff_audio_encoder *enc = nullptr;
    reelff_audio_encoder_create(REELFF_CODEC_OPUS, REELFF_SAMPLE_F32, 48000, 2, 0, &enc);
    int rate, frame_size, padding, anum, aden;
    reelff_audio_encoder_info(enc, &rate, &frame_size, &padding, &anum, &aden);
    const uint8_t *head;
    int head_size;
    reelff_audio_encoder_extradata(enc, &head, &head_size);

    reelff_muxer *mux = nullptr;
    int v = 0, a = 0, ret;
    if ((ret = reelff_muxer_create(argv[2], nullptr, &mux)) < 0)
        return report("muxer_create", ret), 1;
    reelff_muxer_add_video_stream(mux, REELFF_CODEC_AV1, (int)w, (int)h, (int)tb_num, (int)tb_den, (int)tb_den,
                                  (int)tb_num, nullptr, 0, &v);
    reelff_muxer_add_audio_stream(mux, REELFF_CODEC_OPUS, rate, 2, anum, aden, head, head_size, padding,
                                  frame_size, &a);
    if ((ret = reelff_muxer_begin(mux)) < 0)
        return report("begin", ret), 1;

    // Audio for one video frame at a time (48000 / fps samples), a 440 Hz tone.
    int per_frame = (int)(48000 * tb_num / tb_den);
    std::vector<float> pcm(per_frame * 2);
    int64_t sample = 0;
    int failed = 0;
    for (size_t i = 0; i < video.size() && !failed; i++) {
        for (int k = 0; k < per_frame; k++, sample++)
            pcm[2 * k] = pcm[2 * k + 1] = (float)(0.3 * std::sin(2 * M_PI * 440.0 * sample / 48000.0));
        reelff_audio_encoder_send(enc, pcm.data(), per_frame);
        const uint8_t *data;
        int size;
        int64_t pts, duration;
        while (reelff_audio_encoder_receive(enc, &data, &size, &pts, &duration) == 0)
            if ((ret = reelff_muxer_write_packet(mux, a, data, size, pts, pts, duration, 0)) < 0) {
                report("write_packet", ret);
                failed = 1;
                break;
            }
        if (failed)
            break;
        const VideoPacket &p = video[i];
        if ((ret = reelff_muxer_write_packet(mux, v, p.data.data(), (int)p.data.size(), p.pts, p.pts, 1, p.flags)) < 0) {
            report("write_packet", ret);
            break;
        }
        printf("video %zu\n", i + 1);
        fflush(stdout);
        if (delay_ms)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    }
    ret = reelff_muxer_end(mux);
    report("end", ret);
    int64_t file_bytes = 0;
    reelff_muxer_stats(mux, &file_bytes, nullptr, nullptr);
    printf("bytes %lld\n", (long long)file_bytes);
    reelff_muxer_destroy(mux);
    reelff_audio_encoder_destroy(enc);
    return 0;
}
