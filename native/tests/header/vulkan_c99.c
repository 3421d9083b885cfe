/* reel_vulkan.h compiles alone as C99 with -Wall -Wextra -Werror -pedantic (it brings reel.h
 * and <vulkan/vulkan_core.h>), and each of its functions has the signature written here, with
 * the Vulkan types a host passes (a typed pointer to each one). */
#include "reel_vulkan.h"

static const struct reel__vulkan_check {
    reel_result_t (*device_create)(reel_context_t, const reel_device_desc_t*, reel_device_t*);
    reel_result_t (*device_adopt)(reel_context_t, const reel_vulkan_adoption_t*, reel_device_t*);
    reel_result_t (*device_destroy)(reel_device_t);
    reel_result_t (*device_get_info)(reel_device_t, reel_device_info_t*);
    reel_result_t (*gpu_buffer_create)(reel_device_t, const reel_gpu_buffer_desc_t*, reel_gpu_allocation_t*);
    reel_result_t (*gpu_image_create)(reel_device_t, const reel_gpu_image_desc_t*, reel_gpu_allocation_t*);
    reel_result_t (*gpu_allocation_get_info)(reel_gpu_allocation_t, reel_gpu_allocation_info_t*);
    reel_result_t (*gpu_allocation_map)(reel_gpu_allocation_t, void**);
    reel_result_t (*gpu_allocation_flush)(reel_gpu_allocation_t, uint64_t, uint64_t);
    reel_result_t (*gpu_allocation_invalidate)(reel_gpu_allocation_t, uint64_t, uint64_t);
    reel_result_t (*gpu_allocation_free)(reel_gpu_allocation_t);
    reel_result_t (*gpu_allocation_free_after)(reel_gpu_allocation_t, reel_timeline_t, uint64_t);
    reel_result_t (*device_get_memory_stats)(reel_device_t, reel_gpu_memory_stats_t*);
    reel_result_t (*gpu_buffer_pool_create)(reel_device_t, const reel_gpu_buffer_pool_desc_t*, reel_gpu_buffer_pool_t*);
    reel_result_t (*gpu_buffer_pool_destroy)(reel_gpu_buffer_pool_t);
    reel_result_t (*gpu_buffer_pool_acquire)(reel_gpu_buffer_pool_t, uint64_t, reel_gpu_allocation_t*);
    reel_result_t (*gpu_buffer_pool_get_stats)(reel_gpu_buffer_pool_t, reel_gpu_buffer_pool_stats_t*);
    reel_result_t (*dpb_create)(reel_device_t, const reel_dpb_desc_t*, reel_dpb_t*);
    reel_result_t (*dpb_destroy)(reel_dpb_t);
    reel_result_t (*dpb_acquire_slot)(reel_dpb_t, uint64_t, int64_t, uint32_t*);
    reel_result_t (*dpb_release_slot)(reel_dpb_t, uint32_t);
    reel_result_t (*dpb_mark_reference)(reel_dpb_t, uint32_t, uint32_t);
    reel_result_t (*dpb_get_slot)(reel_dpb_t, uint32_t, reel_dpb_slot_info_t*);
    reel_result_t (*dpb_get_info)(reel_dpb_t, reel_dpb_info_t*);
    reel_result_t (*command_buffer_begin)(reel_device_t, reel_gpu_queue_t, VkCommandBuffer*);
    reel_result_t (*command_buffer_submit)(reel_device_t, VkCommandBuffer, const reel_gpu_submit_t*, uint64_t*);
    reel_result_t (*device_begin_frame)(reel_device_t, uint64_t, uint64_t*);
    reel_result_t (*device_end_frame)(reel_device_t);
    reel_result_t (*device_get_queue_timeline)(reel_device_t, reel_gpu_queue_t, reel_timeline_t*);
    reel_result_t (*timeline_get_semaphore)(reel_timeline_t, VkSemaphore*);
    reel_result_t (*video_session_create)(reel_device_t, const reel_video_session_desc_t*, reel_video_session_t*);
    reel_result_t (*video_session_destroy)(reel_video_session_t);
    reel_result_t (*video_session_get_info)(reel_video_session_t, reel_video_session_info_t*);
} check_vulkan = {
    reel_device_create,
    reel_device_adopt,
    reel_device_destroy,
    reel_device_get_info,
    reel_gpu_buffer_create,
    reel_gpu_image_create,
    reel_gpu_allocation_get_info,
    reel_gpu_allocation_map,
    reel_gpu_allocation_flush,
    reel_gpu_allocation_invalidate,
    reel_gpu_allocation_free,
    reel_gpu_allocation_free_after,
    reel_device_get_memory_stats,
    reel_gpu_buffer_pool_create,
    reel_gpu_buffer_pool_destroy,
    reel_gpu_buffer_pool_acquire,
    reel_gpu_buffer_pool_get_stats,
    reel_dpb_create,
    reel_dpb_destroy,
    reel_dpb_acquire_slot,
    reel_dpb_release_slot,
    reel_dpb_mark_reference,
    reel_dpb_get_slot,
    reel_dpb_get_info,
    reel_command_buffer_begin,
    reel_command_buffer_submit,
    reel_device_begin_frame,
    reel_device_end_frame,
    reel_device_get_queue_timeline,
    reel_timeline_get_semaphore,
    reel_video_session_create,
    reel_video_session_destroy,
    reel_video_session_get_info,
};

int reel__vulkan_c99_check(void);
int reel__vulkan_c99_check(void) {
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
    reel_video_session_desc_t session = reel_video_session_desc_default();
    reel_video_session_info_t session_info = reel_video_session_info_init();
    /* The host's objects go in with their own types, no casts. */
    adoption.vk_instance = VK_NULL_HANDLE;
    adoption.vk_device = VK_NULL_HANDLE;
    image.vk_format = VK_FORMAT_R8G8B8A8_UNORM;
    image.vk_tiling = VK_IMAGE_TILING_OPTIMAL;
    image.vk_usage = VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    buffer.vk_usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    return (check_vulkan.device_create != 0) + (int)(device.struct_size + adoption.struct_size + info.struct_size +
           buffer.struct_size + image.struct_size + allocation.struct_size + memory.struct_size + pool.struct_size +
           pool_stats.struct_size + dpb.struct_size + slot.struct_size + dpb_info.struct_size + submit.struct_size +
           session.struct_size + session_info.struct_size) + (int)image.vk_format;
}
