/* reel.h compiles alone as C99 with -Wall -Wextra -Werror -pedantic without any platform API
 * header, and the functions below have the signatures written here (a typed pointer to each).
 * vulkan_c99.c does the same for reel_vulkan.h. */
#include "reel.h"

#if defined(VULKAN_CORE_H_) || defined(VK_VERSION_1_0)
#error "reel.h must stay backend-neutral: it included a Vulkan header"
#endif

static uint32_t (*const check_version)(void) = reel_version;
static const char* (*const check_version_string)(void) = reel_version_string;
static const char* (*const check_result_name)(reel_result_t) = reel_result_name;
static const char* (*const check_last_error_message)(void) = reel_last_error_message;
static reel_result_t (*const check_context_create)(const reel_context_desc_t*, reel_context_t*) = reel_context_create;
static reel_result_t (*const check_context_destroy)(reel_context_t) = reel_context_destroy;
static reel_result_t (*const check_pool_acquire)(reel_pool_t, reel_buffer_t*) = reel_pool_acquire;
static reel_result_t (*const check_buffer_release)(reel_buffer_t) = reel_buffer_release;

/* Sections 11 and 12: a typed pointer to each function, gathered in one struct (a long sum of
 * separate pointer checks makes gcc -O3 take minutes). */
static const struct reel__sessions_check {
    reel_result_t (*codec_get_caps)(reel_codec_backend_t, reel_codec_caps_t*);
    reel_result_t (*codec_get_caps_for)(reel_video_codec_t, reel_codec_backend_t, reel_codec_caps_t*);
    reel_result_t (*encoder_create)(reel_context_t, const reel_encoder_desc_t*, reel_encoder_t*);
    reel_result_t (*encoder_destroy)(reel_encoder_t);
    reel_result_t (*encoder_submit)(reel_encoder_t, reel_buffer_t, uint32_t, uint32_t);
    reel_result_t (*encoder_receive)(reel_encoder_t, uint32_t, reel_buffer_t*);
    reel_result_t (*encoder_flush)(reel_encoder_t);
    reel_result_t (*encoder_get_stats)(reel_encoder_t, reel_encoder_stats_t*);
    reel_result_t (*encoder_pool_reserve)(reel_context_t, const reel_encoder_desc_t*, uint32_t);
    reel_result_t (*encoder_pool_get_stats)(reel_context_t, reel_encoder_pool_stats_t*);
    reel_result_t (*decoder_create)(reel_context_t, const reel_decoder_desc_t*, reel_decoder_t*);
    reel_result_t (*decoder_destroy)(reel_decoder_t);
    reel_result_t (*decoder_submit)(reel_decoder_t, const void*, size_t, int64_t);
    reel_result_t (*decoder_submit_packet)(reel_decoder_t, reel_buffer_t);
    reel_result_t (*decoder_receive)(reel_decoder_t, reel_buffer_t*);
    reel_result_t (*decoder_flush)(reel_decoder_t);
    reel_result_t (*decoder_reset)(reel_decoder_t);
    reel_result_t (*decoder_get_stats)(reel_decoder_t, reel_decoder_stats_t*);
    reel_result_t (*frame_cache_create_for_ivf)(reel_context_t, const reel_frame_cache_desc_t*, const char*,
                                                const reel_decoder_desc_t*, reel_frame_cache_t*);
    reel_result_t (*ivf_reader_open)(reel_context_t, const char*, reel_ivf_reader_t*);
    reel_result_t (*ivf_reader_get_info)(reel_ivf_reader_t, reel_media_info_t*);
    reel_result_t (*ivf_reader_read)(reel_ivf_reader_t, reel_pool_t, reel_buffer_t*);
    reel_result_t (*ivf_reader_close)(reel_ivf_reader_t);
    reel_result_t (*ivf_writer_create)(reel_context_t, const char*, const reel_media_info_t*, reel_ivf_writer_t*);
    reel_result_t (*ivf_writer_write)(reel_ivf_writer_t, reel_buffer_t);
    reel_result_t (*ivf_writer_get_info)(reel_ivf_writer_t, reel_media_info_t*);
    reel_result_t (*ivf_writer_close)(reel_ivf_writer_t);
    reel_result_t (*y4m_reader_open)(reel_context_t, const char*, reel_y4m_reader_t*);
    reel_result_t (*y4m_reader_get_info)(reel_y4m_reader_t, reel_media_info_t*);
    reel_result_t (*y4m_reader_read)(reel_y4m_reader_t, reel_pool_t, reel_buffer_t*);
    reel_result_t (*y4m_reader_close)(reel_y4m_reader_t);
    reel_result_t (*y4m_writer_create)(reel_context_t, const char*, const reel_media_info_t*, reel_y4m_writer_t*);
    reel_result_t (*y4m_writer_write)(reel_y4m_writer_t, reel_buffer_t);
    reel_result_t (*y4m_writer_get_info)(reel_y4m_writer_t, reel_media_info_t*);
    reel_result_t (*y4m_writer_close)(reel_y4m_writer_t);
    reel_result_t (*movie_writer_begin)(reel_context_t, const char*, const reel_encoder_desc_t*, reel_movie_writer_t*);
    reel_result_t (*movie_writer_write_frame)(reel_movie_writer_t, reel_buffer_t);
    reel_result_t (*movie_writer_write_image)(reel_movie_writer_t, const reel_image_t*);
    reel_result_t (*movie_writer_get_stats)(reel_movie_writer_t, reel_movie_writer_stats_t*);
    reel_result_t (*movie_writer_end)(reel_movie_writer_t, reel_movie_writer_stats_t*);
} check_sessions = {
    reel_codec_get_caps,
    reel_codec_get_caps_for,
    reel_encoder_create,
    reel_encoder_destroy,
    reel_encoder_submit,
    reel_encoder_receive,
    reel_encoder_flush,
    reel_encoder_get_stats,
    reel_encoder_pool_reserve,
    reel_encoder_pool_get_stats,
    reel_decoder_create,
    reel_decoder_destroy,
    reel_decoder_submit,
    reel_decoder_submit_packet,
    reel_decoder_receive,
    reel_decoder_flush,
    reel_decoder_reset,
    reel_decoder_get_stats,
    reel_frame_cache_create_for_ivf,
    reel_ivf_reader_open,
    reel_ivf_reader_get_info,
    reel_ivf_reader_read,
    reel_ivf_reader_close,
    reel_ivf_writer_create,
    reel_ivf_writer_write,
    reel_ivf_writer_get_info,
    reel_ivf_writer_close,
    reel_y4m_reader_open,
    reel_y4m_reader_get_info,
    reel_y4m_reader_read,
    reel_y4m_reader_close,
    reel_y4m_writer_create,
    reel_y4m_writer_write,
    reel_y4m_writer_get_info,
    reel_y4m_writer_close,
    reel_movie_writer_begin,
    reel_movie_writer_write_frame,
    reel_movie_writer_write_image,
    reel_movie_writer_get_stats,
    reel_movie_writer_end,
};

int reel__header_c99_check(void);
int reel__header_c99_check(void) {
    reel_context_desc_t desc = reel_context_desc_default();
    return (check_version != 0) + (check_version_string != 0) + (check_result_name != 0) +
           (check_last_error_message != 0) + (check_context_create != 0) + (check_context_destroy != 0) +
           (check_pool_acquire != 0) + (check_buffer_release != 0) + (check_sessions.codec_get_caps != 0) +
           (int)desc.struct_size + (int)reel_encoder_desc_default().struct_size + (int)reel_image_init().struct_size;
}

/* Section 13: backends and timelines. */
static const struct reel__backends_check {
    reel_result_t (*backend_caps)(reel_device_t, uint32_t, reel_backend_caps_t*);
    reel_result_t (*timeline_create)(reel_context_t, const reel_timeline_desc_t*, reel_timeline_t*);
    reel_result_t (*timeline_destroy)(reel_timeline_t);
    reel_result_t (*timeline_signal)(reel_timeline_t, uint64_t);
    reel_result_t (*timeline_get_value)(reel_timeline_t, uint64_t*);
    reel_result_t (*timeline_wait)(reel_timeline_t, uint64_t, uint64_t);
    reel_result_t (*buffer_release_after)(reel_buffer_t, reel_timeline_t, uint64_t);
} check_backends = {
    reel_backend_caps,
    reel_timeline_create,
    reel_timeline_destroy,
    reel_timeline_signal,
    reel_timeline_get_value,
    reel_timeline_wait,
    reel_buffer_release_after,
};

int reel__header_c99_backends_check(void);
int reel__header_c99_backends_check(void) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    reel_timeline_desc_t timeline = reel_timeline_desc_default();
    return (check_backends.backend_caps != 0) + (int)(caps.struct_size + timeline.struct_size);
}
