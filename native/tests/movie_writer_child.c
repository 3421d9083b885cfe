/* A recording process for the crash tests: begins a movie writer on argv[1] (320x240) and
 * writes RGBA frames until it is killed. It prints nothing; the test watches the file grow
 * and then sends SIGKILL, like a game killed mid-recording. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reel.h"

int main(int argc, char** argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: movie_writer_child OUTPUT.ivf\n");
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
    reel_result_t r = reel_movie_writer_begin(context, argv[1], &settings, &writer);
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
    for (unsigned t = 0;; t++) {
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
