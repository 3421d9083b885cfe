/* A recording process for the crash tests: begins a movie writer on argv[1] (320x240; the
 * container from the extension) and writes RGBA frames until it is killed; with argv[2]
 * "opus" or "aac" each frame also brings 1600 samples of a stereo 48 kHz tone (Godot's
 * audio_frame_block). It prints nothing; the test watches the file grow and then sends
 * SIGKILL, like a game killed mid-recording. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reel.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: movie_writer_child OUTPUT.{ivf,mp4,webm,mkv} [opus|aac]\n");
        return 2;
    }
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    if (reel_context_create(&cd, &context) != REEL_SUCCESS)
        return 1;
    reel_encoder_desc_t settings = reel_encoder_desc_default();
    settings.width = 320;
    settings.height = 240;
    settings.preset = REEL_ENCODER_PRESET_LOW;
    settings.color = REEL_COLOR_BT709_LIMITED;
    settings.keyframe_interval = 10;
    reel_movie_writer_t writer;
    reel_movie_desc_t desc = reel_movie_desc_init();
    desc.video = &settings;
    if (argc > 2) {
        desc.audio_codec = strcmp(argv[2], "aac") == 0 ? REEL_AUDIO_CODEC_AAC : REEL_AUDIO_CODEC_OPUS;
        desc.audio_format = REEL_SAMPLE_FORMAT_S16;
        desc.audio_sample_rate = 48000;
        desc.audio_channels = 2;
    }
    reel_result_t r = argc > 2 ? reel_movie_writer_begin_ex(context, argv[1], &desc, &writer)
                               : reel_movie_writer_begin(context, argv[1], &settings, &writer);
    if (r != REEL_SUCCESS) {
        fprintf(stderr, "movie_writer_child: %s\n", reel_last_error_message());
        return 1;
    }
    static uint8_t rgba[320 * 240 * 4];
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_RGBA8;
    image.width = 320;
    image.height = 240;
    image.data[0] = rgba;
    image.stride[0] = 320 * 4;
    static int16_t pcm[1600 * 2];
    for (unsigned t = 0;; t++) {
        for (unsigned i = 0; i < 1600; i++)
            pcm[2 * i] = pcm[2 * i + 1] = (int16_t)(8000.0 * sin(6.283185307179586 * 440.0 * (t * 1600.0 + i) / 48000.0));
        if (argc > 2 && (r = reel_movie_writer_write_audio(writer, pcm, 1600)) != REEL_SUCCESS) {
            fprintf(stderr, "movie_writer_child: %s\n", reel_last_error_message());
            return 1;
        }
        for (unsigned y = 0; y < 240; y++)
            for (unsigned x = 0; x < 320; x++) {
                uint8_t* px = rgba + (y * 320 + x) * 4;
                px[0] = (uint8_t)(x + t * 3);
                px[1] = (uint8_t)(y + t);
                px[2] = (uint8_t)(x + y);
                px[3] = 255;
            }
        if ((r = reel_movie_writer_write_image(writer, &image)) != REEL_SUCCESS) {
            fprintf(stderr, "movie_writer_child: %s\n", reel_last_error_message());
            return 1;
        }
    }
}
