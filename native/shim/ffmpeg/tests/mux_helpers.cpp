#include "mux_helpers.h"

#include <algorithm>
#include <cstdlib>

namespace shimtest {

const Av1Clip &av1_clip()
{
    static Av1Clip clip = [] {
        Av1Clip c;
        c.ivf = cached_media("av1-320x240-60f-g15.ivf", [](const std::string &path) {
            make_av1_ivf(path, Av1Clip::kFrames, Av1Clip::kWidth, Av1Clip::kHeight, Av1Clip::kFps, Av1Clip::kKeyint);
        });
        c.packets = read_packets(c.ivf, 0, &c.tb_num, &c.tb_den);
        return c;
    }();
    return clip;
}

static EncodedAudio sweep_encoded(int codec)
{
    std::vector<float> pcm = sweep(48000, 2, 2.0, 50, 12000);
    return encode_audio(codec, REELFF_SAMPLE_F32, 48000, 2, pcm.data(), (int)(pcm.size() / 2), 1600);
}

const EncodedAudio &opus_sweep_2s()
{
    static EncodedAudio a = sweep_encoded(REELFF_CODEC_OPUS);
    return a;
}

const EncodedAudio &aac_sweep_2s()
{
    static EncodedAudio a = sweep_encoded(REELFF_CODEC_AAC);
    return a;
}

MuxResult mux(const std::string &path, const char *container, const VideoTrack *video, const AudioTrack *audio,
              const std::vector<std::pair<int, int64_t>> &options)
{
    MuxResult r;
    reelff_muxer *m = nullptr;
    std::string name = container ? container : "";
    if ((r.ret = reelff_muxer_create(path.c_str(), container ? name.c_str() : nullptr, &m)) < 0)
        return r;
    // The muxer must not keep the caller's string (a .NET host's marshalled argument is freed
    // when the call returns, and the faststart rewrite at the end needs the name): scribble it.
    std::fill(name.begin(), name.end(), 'X');
    int v = -1, a = -1;
    for (auto &o : options)
        if ((r.ret = reelff_muxer_set_option(m, o.first, o.second)) < 0) {
            reelff_muxer_destroy(m);
            return r;
        }
    if (video) {
        r.ret = reelff_muxer_add_video_stream(m, video->codec, video->width, video->height, video->tb_num,
                                              video->tb_den, video->fps, 1,
                                              video->extradata.empty() ? nullptr : video->extradata.data(),
                                              (int)video->extradata.size(), &v);
    }
    if (r.ret >= 0 && audio) {
        const EncodedAudio &e = *audio->encoded;
        r.ret = reelff_muxer_add_audio_stream(m, audio->codec, e.rate, audio->channels, 1, e.rate, e.extradata.data(),
                                              (int)e.extradata.size(), e.padding, e.frame_size, &a);
    }
    if (r.ret >= 0)
        r.ret = reelff_muxer_begin(m);
    size_t vi = 0, ai = 0;
    size_t vn = video ? video->packets->size() : 0, an = audio ? audio->encoded->packets.size() : 0;
    while (r.ret >= 0 && (vi < vn || ai < an)) {
        bool take_video = ai >= an;
        if (vi < vn && ai < an) {
            const Packet &vp = (*video->packets)[vi];
            const Packet &ap = audio->encoded->packets[ai];
            double vt = (double)vp.dts * video->tb_num / video->tb_den;
            double at = (double)ap.pts / audio->encoded->rate;
            take_video = vt <= at;
        }
        if (take_video) {
            const Packet &p = (*video->packets)[vi++];
            r.ret = reelff_muxer_write_packet(m, v, p.data.data(), (int)p.data.size(), p.pts, p.dts,
                                              p.duration ? p.duration : 1, p.flags);
        } else {
            const Packet &p = audio->encoded->packets[ai++];
            r.ret = reelff_muxer_write_packet(m, a, p.data.data(), (int)p.data.size(), p.pts, p.pts, p.duration, 0);
        }
    }
    if (r.ret >= 0)
        r.ret = reelff_muxer_end(m);
    reelff_muxer_stats(m, &r.file_bytes, &r.payload_bytes, &r.overhead);
    if (v >= 0)
        reelff_muxer_stream_stats(m, v, &r.video_packets, nullptr, nullptr);
    if (a >= 0)
        reelff_muxer_stream_stats(m, a, &r.audio_packets, nullptr, nullptr);
    reelff_muxer_destroy(m);
    return r;
}

}  // namespace shimtest
