/* A C host built only from an installed Reel: compiled with
 *   cc host.c $(pkg-config --cflags --libs reel) -Wl,-rpath,$(pkg-config --variable=libdir reel)
 * Prints the library version, creates a context and a frame pool, acquires a frame, writes
 * its planes, releases it and checks that it went back. Exit status 0 when every step did. */
#include <stdio.h>
#include <string.h>

#include <reel.h>

#define CHECK(call)                                                                          \
    do {                                                                                     \
        reel_result_t result_ = (call);                                                      \
        if (result_ != REEL_SUCCESS) {                                                       \
            fprintf(stderr, "%s: %s: %s\n", #call, reel_result_name(result_),                \
                    reel_last_error_message());                                              \
            return 1;                                                                        \
        }                                                                                    \
    } while (0)

int main(void) {
    printf("libreel %s (header %d.%d.%d)\n", reel_version_string(), REEL_VERSION_MAJOR, REEL_VERSION_MINOR,
           REEL_VERSION_PATCH);
    if (reel_version() != REEL_API_VERSION) {
        fprintf(stderr, "the installed library is not the installed header's version\n");
        return 1;
    }

    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = "installed-c-host";
    reel_context_t context;
    CHECK(reel_context_create(&desc, &context));

    reel_frame_pool_desc_t pool_desc = reel_frame_pool_desc_default();
    pool_desc.format = REEL_PIXEL_FORMAT_I420;
    pool_desc.width = 320;
    pool_desc.height = 240;
    reel_pool_t pool;
    CHECK(reel_frame_pool_create(context, &pool_desc, &pool));

    reel_buffer_t frame;
    CHECK(reel_pool_acquire(pool, &frame));
    reel_frame_info_t info = reel_frame_info_init();
    CHECK(reel_buffer_get_frame(frame, &info));
    for (uint32_t plane = 0; plane < info.plane_count; plane++)
        memset(info.data[plane], plane == 0 ? 16 : 128, info.plane_size[plane]);
    reel_pool_stats_t stats = reel_pool_stats_init();
    CHECK(reel_pool_get_stats(pool, &stats));
    printf("acquired a %ux%u frame of %u planes; %u buffer(s) out\n", info.width, info.height, info.plane_count,
           stats.in_use);
    CHECK(reel_buffer_release(frame));
    CHECK(reel_pool_get_stats(pool, &stats));
    printf("released it; %u buffer(s) out\n", stats.in_use);
    if (stats.in_use != 0 || stats.acquires != 1 || stats.releases != 1)
        return 1;

    CHECK(reel_pool_destroy(pool));
    CHECK(reel_context_destroy(context));
    printf("ok\n");
    return 0;
}
