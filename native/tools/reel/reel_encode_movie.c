/* reel encode, the movie path: frames (Y4M or the test pattern) and --audio's sound through
 * the movie writer (reel_movie_writer_begin_ex) into MP4, MOV, WebM, Matroska or IVF. */
#include "reel_cli.h"
#include "reel_encode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* const k_command = "encode";

/* reel_encode.h says what it does. */
int reel_encode_movie(const encode_options_t* o, reel_encoder_desc_t* desc, reel_context_t context, reel_y4m_reader_t reader,
                      uint64_t total) {
    reel_result_t r = REEL_SUCCESS;
    const char* failed = NULL;
    reel_audio_reader_t audio = REEL_NULL_HANDLE;
    reel_movie_writer_t writer = REEL_NULL_HANDLE;
    reel_pool_t frames = REEL_NULL_HANDLE;
    float* pcm = NULL;
    uint32_t rate = 0, channels = 0;
    uint64_t audio_written = 0;
    int audio_done = 0;
    enum { kChunk = 4096 };
    reel_movie_desc_t md = reel_movie_desc_init();
    md.video = desc;
    if (o->audio != NULL) {
        if ((r = reel_audio_reader_open(context, o->audio, REEL_SAMPLE_FORMAT_F32, &audio)) != REEL_SUCCESS) {
            failed = o->audio;
            goto done;
        }
        reel_audio_reader_get_info(audio, &rate, &channels, NULL);
        md.audio_codec = o->audio_codec;
        md.audio_format = REEL_SAMPLE_FORMAT_F32;
        md.audio_sample_rate = rate;
        md.audio_channels = channels;
        md.audio_bitrate = o->audio_bitrate;
        pcm = (float*)malloc(sizeof(float) * kChunk * (channels ? channels : 1));
    }
    if ((r = reel_movie_writer_begin_ex(context, o->output, &md, &writer)) != REEL_SUCCESS) {
        failed = o->output;
        goto done;
    }
    reel_frame_pool_desc_t pool = reel_frame_pool_desc_default();
    pool.format = REEL_PIXEL_FORMAT_I420;
    pool.width = desc->width;
    pool.height = desc->height;
    pool.name = "reel encode frames";
    pool.config.max = (desc->queue_depth ? desc->queue_depth : 8) + 4;
    pool.config.exhaustion = REEL_POOL_EXHAUSTION_WAIT;
    pool.config.wait_timeout_ms = REEL_WAIT_FOREVER;
    if ((r = reel_frame_pool_create(context, &pool, &frames)) != REEL_SUCCESS) {
        failed = "the frame pool";
        goto done;
    }
    int progress = o->progress && !o->quiet && !o->json && cli_stdout_is_tty();
    double start = cli_now(), shown = 0;
    uint64_t i = 0;
    for (; o->frames == 0 || i < o->frames; i++) {
        reel_buffer_t frame;
        if (reader != REEL_NULL_HANDLE) {
            r = reel_y4m_reader_read(reader, frames, &frame);
            if (r == REEL_END_OF_STREAM)
                break;
        } else if ((r = reel_pool_acquire(frames, &frame)) == REEL_SUCCESS) {
            reel_frame_info_t info = reel_frame_info_init();
            reel_buffer_get_frame(frame, &info);
            reel_pattern_fill(&info, i);
        }
        if (r != REEL_SUCCESS) {
            failed = o->input != NULL ? o->input : "the frame pool";
            goto done;
        }
        r = reel_movie_writer_write_frame(writer, frame);
        reel_buffer_release(frame);
        if (r != REEL_SUCCESS) {
            failed = "encoding";
            goto done;
        }
        /* The sound up to the end of this frame: the audio clock is the sample count. */
        uint64_t due = (i + 1) * (uint64_t)rate * desc->fps_den / desc->fps_num;
        while (audio != REEL_NULL_HANDLE && !audio_done && audio_written < due) {
            uint32_t want = (uint32_t)(due - audio_written < kChunk ? due - audio_written : kChunk), got = 0;
            r = reel_audio_reader_read(audio, pcm, want, &got);
            if (r == REEL_END_OF_STREAM) {
                audio_done = 1;
                break;
            }
            if (r != REEL_SUCCESS || (r = reel_movie_writer_write_audio(writer, pcm, got)) != REEL_SUCCESS) {
                failed = o->audio;
                goto done;
            }
            audio_written += got;
        }
        double now = cli_now();
        if (progress && now - shown >= 0.25) {
            reel_movie_writer_stats_t s = reel_movie_writer_stats_init();
            reel_movie_writer_get_stats(writer, &s);
            cli_progress("encode", s.frames_encoded, total, now - start);
            shown = now;
        }
    }
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    r = reel_movie_writer_end(writer, &stats);
    writer = REEL_NULL_HANDLE;
    double wall = cli_now() - start;
    if (progress) {
        cli_progress("encode", stats.frames_encoded, total, wall);
        cli_progress_end();
    }
    if (r != REEL_SUCCESS) {
        failed = o->output;
        goto done;
    }
    long rss = cli_peak_rss_kib();
    if (o->json) {
        printf("{\"command\":\"encode\",\"output\":");
        cli_json_string(stdout, o->output);
        printf(",\"width\":%u,\"height\":%u,\"fps_num\":%u,\"fps_den\":%u,\"frames_out\":%llu,\"file_bytes\":%llu,"
               "\"average_bitrate\":%.0f,\"audio_samples\":%llu,\"audio_packets\":%llu,\"audio_bytes\":%llu,\"audio_bitrate\":%.0f,"
               "\"overhead_bytes\":%lld,\"encode_fps\":%.2f,\"wall_seconds\":%.3f,\"peak_rss_kib\":%ld}\n",
               desc->width, desc->height, desc->fps_num, desc->fps_den, (unsigned long long)stats.frames_encoded,
               (unsigned long long)stats.file_bytes, stats.average_bitrate, (unsigned long long)stats.audio_samples,
               (unsigned long long)stats.audio_packets, (unsigned long long)stats.audio_bytes, stats.audio_bitrate,
               (long long)stats.overhead_bytes, wall > 0 ? (double)stats.frames_encoded / wall : 0, wall, rss);
    } else if (!o->quiet) {
        printf("encoded %llu frames %ux%u at %u/%u fps in %.2f s: %.1f fps, %.1f kbit/s video\n", (unsigned long long)stats.frames_encoded,
               desc->width, desc->height, desc->fps_num, desc->fps_den, wall, wall > 0 ? (double)stats.frames_encoded / wall : 0,
               stats.average_bitrate / 1000);
        if (stats.audio_samples > 0)
            printf("  sound: %llu samples at %u Hz x%u in %llu packets (%llu bytes, %.1f kbit/s)\n", (unsigned long long)stats.audio_samples,
                   rate, channels, (unsigned long long)stats.audio_packets, (unsigned long long)stats.audio_bytes, stats.audio_bitrate / 1000);
        printf("  %llu bytes in %s (container overhead %lld bytes), peak RSS %.1f MiB\n", (unsigned long long)stats.file_bytes, o->output,
               (long long)stats.overhead_bytes, (double)rss / 1024);
    }
done:;
    /* The message first: cleaning up must not replace the thread's last error. */
    int status = failed != NULL ? cli_fail(k_command, failed, r) : REEL_EXIT_OK;
    if (writer != REEL_NULL_HANDLE)
        reel_movie_writer_end(writer, NULL); /* keeps what was recorded */
    free(pcm);
    reel_audio_reader_close(audio);
    reel_pool_destroy(frames);
    reel_y4m_reader_close(reader);
    reel_context_destroy(context);
    return status;
}
