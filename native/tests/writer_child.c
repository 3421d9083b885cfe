/* A recording process for the crash and disk-full tests of every writer:
 *   writer_child ivf SOURCE.ivf OUTPUT.ivf [LIMIT]   copies SOURCE's packets into an IVF writer,
 *                                                   over and over (pts rising)
 *   writer_child y4m OUTPUT.y4m [LIMIT]              writes 64x48 I420 pictures to a Y4M writer
 *   writer_child movie OUTPUT.ivf [LIMIT]            records 64x64 RGBA images with the movie writer
 * It writes until it is killed. With LIMIT (bytes) it first sets RLIMIT_FSIZE to LIMIT and ignores
 * SIGXFSZ, so the write that crosses the limit fails like a full disk; it then prints
 * "<function> <result name>: <message>" of the first failing call and exits 0. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "reel.h"

/* A frame every 2 ms, like a recorder fed by a producer: the file grows at a pace a kill at a
 * random moment can land anywhere in, without writing gigabytes first. */
static void pace(void) {
    struct timespec t = {0, 2000000L};
    nanosleep(&t, NULL);
}

static int report(const char* call, reel_result_t r) {
    printf("%s %s: %s\n", call, reel_result_name(r), reel_last_error_message());
    fflush(stdout);
    return 0;
}

static int record_ivf(reel_context_t context, const char* source, const char* output) {
    reel_ivf_reader_t reader;
    reel_result_t r = reel_ivf_reader_open(context, source, &reader);
    if (r != REEL_SUCCESS)
        return report("reel_ivf_reader_open", r) + 1;
    reel_media_info_t info = reel_media_info_init();
    reel_ivf_reader_get_info(reader, &info);
    reel_byte_pool_desc_t pd = reel_byte_pool_desc_default();
    pd.min_class_size = 4096;
    pd.config.max = 64;
    reel_pool_t pool;
    reel_byte_pool_create(context, &pd, &pool);
    reel_buffer_t packets[64];
    int count = 0;
    while (count < 64 && reel_ivf_reader_read(reader, pool, &packets[count]) == REEL_SUCCESS)
        count++;
    reel_ivf_reader_close(reader);
    reel_ivf_writer_t writer;
    if ((r = reel_ivf_writer_create(context, output, &info, &writer)) != REEL_SUCCESS)
        return report("reel_ivf_writer_create", r);
    for (int64_t pts = 0;; pts++) {
        reel_buffer_set_pts(packets[pts % count], pts);
        if ((r = reel_ivf_writer_write(writer, packets[pts % count])) != REEL_SUCCESS)
            return report("reel_ivf_writer_write", r);
        pace();
    }
}

static int record_y4m(reel_context_t context, const char* output) {
    reel_media_info_t info = reel_media_info_init();
    info.width = 64;
    info.height = 48;
    info.fps_num = 30;
    info.fps_den = 1;
    reel_y4m_writer_t writer;
    reel_result_t r = reel_y4m_writer_create(context, output, &info, &writer);
    if (r != REEL_SUCCESS)
        return report("reel_y4m_writer_create", r);
    reel_frame_pool_desc_t fd = reel_frame_pool_desc_default();
    fd.format = REEL_PIXEL_FORMAT_I420;
    fd.width = 64;
    fd.height = 48;
    reel_pool_t pool;
    reel_frame_pool_create(context, &fd, &pool);
    reel_buffer_t frame;
    reel_pool_acquire(pool, &frame);
    reel_frame_info_t fi = reel_frame_info_init();
    reel_buffer_get_frame(frame, &fi);
    for (unsigned t = 0;; t++) {
        for (uint32_t p = 0; p < fi.plane_count; p++)
            memset(fi.data[p], (int)(t * 7 + p * 50), fi.plane_size[p]);
        if ((r = reel_y4m_writer_write(writer, frame)) != REEL_SUCCESS)
            return report("reel_y4m_writer_write", r);
        pace();
    }
}

static int record_movie(reel_context_t context, const char* output) {
    reel_encoder_desc_t settings = reel_encoder_desc_default();
    settings.width = 64;
    settings.height = 64;
    settings.preset = REEL_ENCODER_PRESET_LOW;
    settings.keyframe_interval = 5;
    settings.threads = 1;
    reel_movie_writer_t writer;
    reel_result_t r = reel_movie_writer_begin(context, output, &settings, &writer);
    if (r != REEL_SUCCESS)
        return report("reel_movie_writer_begin", r);
    static uint8_t rgba[64 * 64 * 4];
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_RGBA8;
    image.width = 64;
    image.height = 64;
    image.data[0] = rgba;
    image.stride[0] = 64 * 4;
    for (unsigned t = 0;; t++) {
        for (unsigned i = 0; i < sizeof(rgba); i++)
            rgba[i] = (uint8_t)(i * 3 + t * 5);
        if ((r = reel_movie_writer_write_image(writer, &image)) != REEL_SUCCESS) {
            report("reel_movie_writer_write_image", r);
            reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
            return report("reel_movie_writer_end", reel_movie_writer_end(writer, &stats));
        }
    }
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: writer_child ivf SOURCE OUTPUT [LIMIT] | y4m OUTPUT [LIMIT] | movie OUTPUT [LIMIT]\n");
        return 2;
    }
    int ivf = strcmp(argv[1], "ivf") == 0;
    const char* limit = argc > (ivf ? 4 : 3) ? argv[ivf ? 4 : 3] : NULL;
    if (limit != NULL) {
        struct rlimit l = {(rlim_t)strtoull(limit, NULL, 10), (rlim_t)strtoull(limit, NULL, 10)};
        signal(SIGXFSZ, SIG_IGN);
        if (setrlimit(RLIMIT_FSIZE, &l) != 0)
            return 3;
    }
    reel_context_desc_t cd = reel_context_desc_default();
    reel_context_t context;
    if (reel_context_create(&cd, &context) != REEL_SUCCESS)
        return 1;
    if (ivf)
        return record_ivf(context, argv[2], argv[3]);
    if (strcmp(argv[1], "y4m") == 0)
        return record_y4m(context, argv[2]);
    if (strcmp(argv[1], "movie") == 0)
        return record_movie(context, argv[2]);
    return 2;
}
