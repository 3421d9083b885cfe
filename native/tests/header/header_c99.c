/* reel.h compiles alone as C99 with -Wall -Wextra -Werror -pedantic, and every exported
 * function has the signature written here (a typed pointer to each one). */
#include "reel.h"

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

/* Section 13: GPU devices, memory, DPB, command buffers, timelines and video. */
static reel_result_t (*const check_device_create)(reel_context_t, const reel_device_desc_t*, reel_device_t*) = reel_device_create;
static reel_result_t (*const check_device_adopt)(reel_context_t, const reel_vulkan_adoption_t*, reel_device_t*) = reel_device_adopt;
static reel_result_t (*const check_device_destroy)(reel_device_t) = reel_device_destroy;
static reel_result_t (*const check_device_get_info)(reel_device_t, reel_device_info_t*) = reel_device_get_info;
static reel_result_t (*const check_gpu_buffer_create)(reel_device_t, const reel_gpu_buffer_desc_t*, reel_gpu_allocation_t*) = reel_gpu_buffer_create;
static reel_result_t (*const check_gpu_image_create)(reel_device_t, const reel_gpu_image_desc_t*, reel_gpu_allocation_t*) = reel_gpu_image_create;
static reel_result_t (*const check_gpu_allocation_get_info)(reel_gpu_allocation_t, reel_gpu_allocation_info_t*) = reel_gpu_allocation_get_info;
static reel_result_t (*const check_gpu_allocation_map)(reel_gpu_allocation_t, void**) = reel_gpu_allocation_map;
static reel_result_t (*const check_gpu_allocation_flush)(reel_gpu_allocation_t, uint64_t, uint64_t) = reel_gpu_allocation_flush;
static reel_result_t (*const check_gpu_allocation_invalidate)(reel_gpu_allocation_t, uint64_t, uint64_t) = reel_gpu_allocation_invalidate;
static reel_result_t (*const check_gpu_allocation_free)(reel_gpu_allocation_t) = reel_gpu_allocation_free;
static reel_result_t (*const check_gpu_allocation_free_after)(reel_gpu_allocation_t, reel_timeline_t, uint64_t) = reel_gpu_allocation_free_after;
static reel_result_t (*const check_device_get_memory_stats)(reel_device_t, reel_gpu_memory_stats_t*) = reel_device_get_memory_stats;
static reel_result_t (*const check_gpu_buffer_pool_create)(reel_device_t, const reel_gpu_buffer_pool_desc_t*, reel_gpu_buffer_pool_t*) = reel_gpu_buffer_pool_create;
static reel_result_t (*const check_gpu_buffer_pool_destroy)(reel_gpu_buffer_pool_t) = reel_gpu_buffer_pool_destroy;
static reel_result_t (*const check_gpu_buffer_pool_acquire)(reel_gpu_buffer_pool_t, uint64_t, reel_gpu_allocation_t*) = reel_gpu_buffer_pool_acquire;
static reel_result_t (*const check_gpu_buffer_pool_get_stats)(reel_gpu_buffer_pool_t, reel_gpu_buffer_pool_stats_t*) = reel_gpu_buffer_pool_get_stats;
static reel_result_t (*const check_dpb_create)(reel_device_t, const reel_dpb_desc_t*, reel_dpb_t*) = reel_dpb_create;
static reel_result_t (*const check_dpb_destroy)(reel_dpb_t) = reel_dpb_destroy;
static reel_result_t (*const check_dpb_acquire_slot)(reel_dpb_t, uint64_t, int64_t, uint32_t*) = reel_dpb_acquire_slot;
static reel_result_t (*const check_dpb_release_slot)(reel_dpb_t, uint32_t) = reel_dpb_release_slot;
static reel_result_t (*const check_dpb_mark_reference)(reel_dpb_t, uint32_t, uint32_t) = reel_dpb_mark_reference;
static reel_result_t (*const check_dpb_get_slot)(reel_dpb_t, uint32_t, reel_dpb_slot_info_t*) = reel_dpb_get_slot;
static reel_result_t (*const check_dpb_get_info)(reel_dpb_t, reel_dpb_info_t*) = reel_dpb_get_info;
static reel_result_t (*const check_command_buffer_begin)(reel_device_t, reel_gpu_queue_t, void**) = reel_command_buffer_begin;
static reel_result_t (*const check_command_buffer_submit)(reel_device_t, void*, const reel_gpu_submit_t*, uint64_t*) = reel_command_buffer_submit;
static reel_result_t (*const check_device_begin_frame)(reel_device_t, uint64_t, uint64_t*) = reel_device_begin_frame;
static reel_result_t (*const check_device_end_frame)(reel_device_t) = reel_device_end_frame;
static reel_result_t (*const check_device_get_queue_timeline)(reel_device_t, reel_gpu_queue_t, reel_timeline_t*) = reel_device_get_queue_timeline;
static reel_result_t (*const check_timeline_create)(reel_context_t, const reel_timeline_desc_t*, reel_timeline_t*) = reel_timeline_create;
static reel_result_t (*const check_timeline_destroy)(reel_timeline_t) = reel_timeline_destroy;
static reel_result_t (*const check_timeline_signal)(reel_timeline_t, uint64_t) = reel_timeline_signal;
static reel_result_t (*const check_timeline_get_value)(reel_timeline_t, uint64_t*) = reel_timeline_get_value;
static reel_result_t (*const check_timeline_wait)(reel_timeline_t, uint64_t, uint64_t) = reel_timeline_wait;
static reel_result_t (*const check_timeline_get_semaphore)(reel_timeline_t, uint64_t*) = reel_timeline_get_semaphore;
static reel_result_t (*const check_buffer_release_after)(reel_buffer_t, reel_timeline_t, uint64_t) = reel_buffer_release_after;
static reel_result_t (*const check_backend_caps)(reel_device_t, uint32_t, reel_backend_caps_t*) = reel_backend_caps;
static reel_result_t (*const check_video_session_create)(reel_device_t, const reel_video_session_desc_t*, reel_video_session_t*) = reel_video_session_create;
static reel_result_t (*const check_video_session_destroy)(reel_video_session_t) = reel_video_session_destroy;
static reel_result_t (*const check_video_session_get_info)(reel_video_session_t, reel_video_session_info_t*) = reel_video_session_get_info;

int reel__header_c99_gpu_check(void);
int reel__header_c99_gpu_check(void) {
    const void* const checks[] = {
        (const void*)&check_device_create, (const void*)&check_device_adopt, (const void*)&check_device_destroy,
        (const void*)&check_device_get_info, (const void*)&check_gpu_buffer_create, (const void*)&check_gpu_image_create,
        (const void*)&check_gpu_allocation_get_info, (const void*)&check_gpu_allocation_map, (const void*)&check_gpu_allocation_flush,
        (const void*)&check_gpu_allocation_invalidate, (const void*)&check_gpu_allocation_free, (const void*)&check_gpu_allocation_free_after,
        (const void*)&check_device_get_memory_stats, (const void*)&check_gpu_buffer_pool_create, (const void*)&check_gpu_buffer_pool_destroy,
        (const void*)&check_gpu_buffer_pool_acquire, (const void*)&check_gpu_buffer_pool_get_stats, (const void*)&check_dpb_create,
        (const void*)&check_dpb_destroy, (const void*)&check_dpb_acquire_slot, (const void*)&check_dpb_release_slot,
        (const void*)&check_dpb_mark_reference, (const void*)&check_dpb_get_slot, (const void*)&check_dpb_get_info,
        (const void*)&check_command_buffer_begin, (const void*)&check_command_buffer_submit, (const void*)&check_device_begin_frame,
        (const void*)&check_device_end_frame, (const void*)&check_device_get_queue_timeline, (const void*)&check_timeline_create,
        (const void*)&check_timeline_destroy, (const void*)&check_timeline_signal, (const void*)&check_timeline_get_value,
        (const void*)&check_timeline_wait, (const void*)&check_timeline_get_semaphore, (const void*)&check_buffer_release_after,
        (const void*)&check_backend_caps, (const void*)&check_video_session_create, (const void*)&check_video_session_destroy,
        (const void*)&check_video_session_get_info,
    };
    reel_device_desc_t device = reel_device_desc_default();
    reel_vulkan_adoption_t adoption = reel_vulkan_adoption_default();
    reel_device_info_t info = reel_device_info_init();
    reel_gpu_buffer_desc_t buffer = reel_gpu_buffer_desc_default();
    reel_gpu_image_desc_t image = reel_gpu_image_desc_default();
    reel_gpu_allocation_info_t allocation = reel_gpu_allocation_info_init();
    reel_gpu_memory_stats_t memory = reel_gpu_memory_stats_init();
    reel_gpu_buffer_pool_desc_t pool = reel_gpu_buffer_pool_desc_default();
    reel_gpu_buffer_pool_stats_t pool_stats = reel_gpu_buffer_pool_stats_init();
    reel_dpb_desc_t dpb = reel_dpb_desc_default();
    reel_dpb_slot_info_t slot = reel_dpb_slot_info_init();
    reel_dpb_info_t dpb_info = reel_dpb_info_init();
    reel_gpu_submit_t submit = reel_gpu_submit_default();
    reel_timeline_desc_t timeline = reel_timeline_desc_default();
    reel_backend_caps_t caps = reel_backend_caps_init();
    reel_video_session_desc_t session = reel_video_session_desc_default();
    reel_video_session_info_t session_info = reel_video_session_info_init();
    return (int)(sizeof(checks) / sizeof(checks[0])) + (int)(device.struct_size + adoption.struct_size + info.struct_size +
           buffer.struct_size + image.struct_size + allocation.struct_size + memory.struct_size + pool.struct_size +
           pool_stats.struct_size + dpb.struct_size + slot.struct_size + dpb_info.struct_size + submit.struct_size +
           timeline.struct_size + caps.struct_size + session.struct_size + session_info.struct_size);
}
