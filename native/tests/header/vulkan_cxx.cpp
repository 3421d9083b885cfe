// reel_vulkan.h compiles alone as C++17 with -Wall -Wextra -Werror -pedantic, inside extern "C",
// and a host passes its Vulkan objects without casts.
#include "reel_vulkan.h"

#include <type_traits>

static_assert(std::is_trivially_copyable_v<reel_vulkan_adoption_t>, "desc structs are plain data");
static_assert(std::is_same_v<decltype(reel_vulkan_adoption_t::vk_device), VkDevice>, "adoption carries a VkDevice");
static_assert(std::is_same_v<decltype(reel_gpu_allocation_info_t::vk_image), VkImage>, "info reports a VkImage");
static_assert(std::is_same_v<decltype(&reel_command_buffer_begin), reel_result_t (*)(reel_device_t, reel_gpu_queue_t, VkCommandBuffer*)>,
              "command buffers are VkCommandBuffer");

int reel_vulkan_cxx_check(VkDevice device);
int reel_vulkan_cxx_check(VkDevice device) {
    reel_vulkan_adoption_t adoption = reel_vulkan_adoption_default();
    adoption.vk_device = device;
    adoption.vk_get_instance_proc_addr = nullptr;
    return static_cast<int>(adoption.struct_size);
}
