/* reel_vulkan.h compiles alone as C11 for a host that loads Vulkan itself (VK_NO_PROTOTYPES,
 * as with volk), and the Vulkan types keep every struct at the size it was published with. */
#define VK_NO_PROTOTYPES
#include "reel_vulkan.h"

#include <stddef.h>

_Static_assert(sizeof(VkDevice) == 8 && sizeof(VkImage) == 8, "Vulkan handles are 64 bits");
_Static_assert(sizeof(VkFormat) == 4 && sizeof(VkImageTiling) == 4, "Vulkan enums are 32 bits");
_Static_assert(sizeof(reel_device_desc_t) == 48, "published in 0.1.0 at 48 bytes");
_Static_assert(sizeof(reel_vulkan_adoption_t) == 104, "published in 0.1.0 at 104 bytes");
_Static_assert(sizeof(reel_vulkan_queue_t) == 16, "family, index, queue");
_Static_assert(sizeof(reel_device_info_t) == 648, "published in 0.1.0 at 648 bytes");
_Static_assert(sizeof(reel_gpu_buffer_desc_t) == 24, "published in 0.1.0 at 24 bytes");
_Static_assert(sizeof(reel_gpu_image_desc_t) == 40, "published in 0.1.0 at 40 bytes");
_Static_assert(sizeof(reel_gpu_allocation_info_t) == 80, "published in 0.1.0 at 80 bytes");
_Static_assert(sizeof(reel_gpu_buffer_pool_desc_t) == 56, "published in 0.1.0 at 56 bytes");
_Static_assert(sizeof(reel_dpb_desc_t) == 40, "published in 0.1.0 at 40 bytes");
_Static_assert(sizeof(reel_dpb_slot_info_t) == 72, "published in 0.1.0 at 72 bytes");
_Static_assert(sizeof(reel_gpu_submit_t) == 32, "published in 0.1.0 at 32 bytes");
_Static_assert(sizeof(reel_video_session_desc_t) == 40, "published in 0.1.0 at 40 bytes");
_Static_assert(sizeof(reel_video_session_info_t) == 64, "published in 0.1.0 at 64 bytes");
_Static_assert(offsetof(reel_device_info_t, vk_queue) == 64, "vk_queue follows adopted");
_Static_assert(offsetof(reel_gpu_allocation_info_t, vk_device_memory) == 24, "vk_device_memory at 24");

int reel__vulkan_c11_check(void);
int reel__vulkan_c11_check(void) { return (int)reel_device_desc_default().struct_size; }
