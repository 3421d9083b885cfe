/* reel encode, shared between its two paths: the encoder session into IVF or an elementary
 * stream (reel_encode.c) and the movie writer into MP4/MOV/WebM/MKV with sound
 * (reel_encode_movie.c). Internal to the tool. */
#ifndef REEL_ENCODE_H
#define REEL_ENCODE_H

#include "reel.h"

#include <stdint.h>

/* What the command line asked for. */
typedef struct encode_options_t {
    const char* input;
    const char* output;
    int pattern;
    uint32_t pattern_width, pattern_height;
    uint64_t frames;
    int fps_given;
    uint32_t fps_num, fps_den;
    const char* audio;
    reel_audio_codec_t audio_codec;
    uint64_t audio_bitrate;
    int json, quiet, progress, realtime;
    reel_encoder_desc_t desc;
} encode_options_t;

/* Frames through the movie writer into any container, with --audio's sound. Takes over
 * context and reader (destroys both); returns the process exit status. */
int reel_encode_movie(const encode_options_t* o, reel_encoder_desc_t* desc, reel_context_t context, reel_y4m_reader_t reader,
                      uint64_t total);

#endif
