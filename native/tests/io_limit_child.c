/* A host process for the I/O failure tests: it limits itself the way a real host can be
 * limited, then writes through one of libreel's writers (or runs another program) so the
 * test can see what the failure looks like from outside.
 *
 *   io_limit_child LIMIT USER ivf|y4m|movie OUTPUT
 *   io_limit_child LIMIT USER exec PROGRAM [ARGS...]
 *
 * LIMIT  RLIMIT_FSIZE in bytes (0: no limit); SIGXFSZ is ignored, so a write past the limit
 *        fails with EFBIG instead of killing the process.
 * USER   "same", or "nobody": drop to uid/gid 65534 first when running as root (so that a
 *        root-owned directory refuses the file with EACCES).
 * ivf    creates OUTPUT, writes 4000-byte packets until a call fails (at most 1000), closes.
 * y4m    creates OUTPUT, writes 320x240 I420 frames until a call fails (at most 100), closes.
 * movie  begins a 320x240 movie writer on OUTPUT, writes RGBA images until a call fails (at
 *        most 300), ends.
 *
 * Prints one line per failed call: "<function> <result name> <message>", and "written N" (the
 * successful writes). Exit status: 0 when every call succeeded, 1 when one failed, 2 bad usage. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "reel.h"

static int report(const char* function, reel_result_t r) {
    if (r == REEL_SUCCESS)
        return 0;
    printf("%s %s %s\n", function, reel_result_name(r), reel_last_error_message());
    return 1;
}

static reel_media_info_t media_info(void) {
    reel_media_info_t info = reel_media_info_init();
    info.width = 320;
    info.height = 240;
    info.fps_num = 30;
    info.fps_den = 1;
    return info;
}

static int write_ivf(reel_context_t context, const char* path) {
    reel_media_info_t info = media_info();
    reel_ivf_writer_t writer;
    if (report("reel_ivf_writer_create", reel_ivf_writer_create(context, path, &info, &writer)))
        return 1;
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    desc.min_class_size = 4096;
    reel_pool_t pool;
    if (reel_byte_pool_create(context, &desc, &pool) != REEL_SUCCESS)
        return 2;
    int failed = 0, written = 0;
    for (int i = 0; i < 1000 && !failed; i++) {
        reel_buffer_t packet;
        if (reel_pool_acquire_bytes(pool, 4000, &packet) != REEL_SUCCESS)
            return 2;
        reel_bytes_info_t bytes = reel_bytes_info_init();
        reel_buffer_get_bytes(packet, &bytes);
        memset(bytes.data, i & 0xFF, bytes.size);
        reel_buffer_set_pts(packet, i);
        failed = report("reel_ivf_writer_write", reel_ivf_writer_write(writer, packet));
        written += !failed;
        reel_buffer_release(packet);
    }
    printf("written %d\n", written);
    failed |= report("reel_ivf_writer_close", reel_ivf_writer_close(writer));
    reel_pool_destroy(pool);
    return failed;
}

static int write_y4m(reel_context_t context, const char* path) {
    reel_media_info_t info = media_info();
    reel_y4m_writer_t writer;
    if (report("reel_y4m_writer_create", reel_y4m_writer_create(context, path, &info, &writer)))
        return 1;
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_I420;
    desc.width = 320;
    desc.height = 240;
    reel_pool_t pool;
    if (reel_frame_pool_create(context, &desc, &pool) != REEL_SUCCESS)
        return 2;
    int failed = 0, written = 0;
    for (int i = 0; i < 100 && !failed; i++) {
        reel_buffer_t frame;
        if (reel_pool_acquire(pool, &frame) != REEL_SUCCESS)
            return 2;
        reel_frame_info_t f = reel_frame_info_init();
        reel_buffer_get_frame(frame, &f);
        for (int p = 0; p < 3; p++)
            memset(f.data[p], (i * 7 + p * 50) & 0xFF, (size_t)f.stride[p] * (p == 0 ? 240 : 120));
        failed = report("reel_y4m_writer_write", reel_y4m_writer_write(writer, frame));
        written += !failed;
        reel_buffer_release(frame);
    }
    printf("written %d\n", written);
    failed |= report("reel_y4m_writer_close", reel_y4m_writer_close(writer));
    reel_pool_destroy(pool);
    return failed;
}

static int write_movie(reel_context_t context, const char* path) {
    reel_encoder_desc_t settings = reel_encoder_desc_default();
    settings.width = 320;
    settings.height = 240;
    settings.preset = REEL_ENCODER_PRESET_LOW;
    settings.keyframe_interval = 10;
    reel_movie_writer_t writer;
    if (report("reel_movie_writer_begin", reel_movie_writer_begin(context, path, &settings, &writer)))
        return 1;
    static uint8_t rgba[320 * 240 * 4];
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_RGBA8;
    image.width = 320;
    image.height = 240;
    image.data[0] = rgba;
    image.stride[0] = 320 * 4;
    int failed = 0, written = 0;
    for (unsigned t = 0; t < 300 && !failed; t++) {
        /* Noise-like content, so that packets are large and the limit is reached quickly. */
        uint32_t seed = 2654435761u * (t + 1);
        for (size_t i = 0; i < sizeof(rgba); i++) {
            seed = seed * 1664525u + 1013904223u;
            rgba[i] = (uint8_t)(seed >> 24);
        }
        failed = report("reel_movie_writer_write_image", reel_movie_writer_write_image(writer, &image));
        written += !failed;
    }
    printf("written %d\n", written);
    failed |= report("reel_movie_writer_end", reel_movie_writer_end(writer, NULL));
    return failed;
}

int main(int argc, char** argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: io_limit_child LIMIT same|nobody ivf|y4m|movie OUTPUT\n"
                        "       io_limit_child LIMIT same|nobody exec PROGRAM [ARGS...]\n");
        return 2;
    }
    unsigned long long limit = strtoull(argv[1], NULL, 10);
    if (limit > 0) {
        struct rlimit fsize = {(rlim_t)limit, (rlim_t)limit};
        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &fsize) != 0) {
            perror("setrlimit");
            return 2;
        }
    }
    if (strcmp(argv[2], "nobody") == 0 && geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) {
        perror("setuid");
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (strcmp(argv[3], "exec") == 0) {
        execv(argv[4], argv + 4);
        perror("execv");
        return 2;
    }
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    if (reel_context_create(&cd, &context) != REEL_SUCCESS)
        return 2;
    int status;
    if (strcmp(argv[3], "ivf") == 0)
        status = write_ivf(context, argv[4]);
    else if (strcmp(argv[3], "y4m") == 0)
        status = write_y4m(context, argv[4]);
    else if (strcmp(argv[3], "movie") == 0)
        status = write_movie(context, argv[4]);
    else
        status = 2;
    reel_context_destroy(context);
    return status;
}
