/* record-vk: a Vulkan host that records what it renders with Reel, the way a game engine's
 * movie maker would. It creates its own instance and device (timeline semaphores and
 * synchronization2 enabled), renders a moving picture into a VkImage every frame (a clear to a
 * colour that drifts plus a blit of a sprite that moves across), hands its VkDevice to Reel
 * (reel_device_adopt) and each rendered image to the movie writer
 * (reel_movie_writer_write_vk_image): Reel converts on the GPU, reads back and encodes AV1 into
 * an IVF file. The host never waits for Reel: its render of frame k waits on the GPU for Reel's
 * "reusable" signal of frame k - 1.
 *
 *   record-vk [--host-readback] [out.ivf] [frames] [width] [height]
 *                                                      defaults: record-vk.ivf 120 640 360
 *
 * --host-readback records the way a host does without Reel's GPU path, the baseline of
 * `build/bench.sh record`: it copies the image into a host-visible buffer
 * (vkCmdCopyImageToBuffer), waits for the copy on the CPU and calls
 * reel_movie_writer_write_image (BGRA converted to I420 on the CPU). Both modes print the
 * frame rate and the host thread's time per frame in the recording calls.
 *
 * build/test.sh runs it and checks the file with ffprobe. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <vulkan/vulkan.h>

#include "reel_vulkan.h"

#define RING 3u

typedef struct host_t {
    VkInstance instance;
    VkPhysicalDevice physical;
    VkDevice device;
    VkQueue queue;
    uint32_t family;
    VkImage target, sprite;
    VkDeviceMemory target_memory, sprite_memory;
    VkCommandPool pool;
    VkCommandBuffer commands[RING];
    VkCommandBuffer readback_commands[RING];
    VkBuffer readback;
    VkDeviceMemory readback_memory;
    void* readback_bytes;
    VkSemaphore rendered, reusable;
    uint32_t width, height;
} host_t;

static int fail(const char* what) {
    fprintf(stderr, "record-vk: %s\n", what);
    return 1;
}

static int reel_fail(const char* call, reel_result_t result) {
    fprintf(stderr, "record-vk: %s: %s: %s\n", call, reel_result_name(result), reel_last_error_message());
    return 1;
}

static int create_device(host_t* h) {
    VkApplicationInfo app = {.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "record-vk";
    app.apiVersion = VK_API_VERSION_1_3;
    VkInstanceCreateInfo instance_info = {.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    instance_info.pApplicationInfo = &app;
    if (vkCreateInstance(&instance_info, NULL, &h->instance) != VK_SUCCESS)
        return fail("vkCreateInstance failed (is a Vulkan driver installed?)");
    uint32_t count = 1;
    VkResult listed = vkEnumeratePhysicalDevices(h->instance, &count, &h->physical);
    if ((listed != VK_SUCCESS && listed != VK_INCOMPLETE) || count == 0)
        return fail("no Vulkan physical device");
    uint32_t families = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(h->physical, &families, NULL);
    VkQueueFamilyProperties properties[16];
    if (families > 16)
        families = 16;
    vkGetPhysicalDeviceQueueFamilyProperties(h->physical, &families, properties);
    for (h->family = 0; h->family < families; h->family++) {
        VkQueueFlags need = VK_QUEUE_GRAPHICS_BIT | VK_QUEUE_COMPUTE_BIT;
        if ((properties[h->family].queueFlags & need) == need)
            break;
    }
    if (h->family == families)
        return fail("no graphics + compute queue family");
    float priority = 1.0f;
    VkDeviceQueueCreateInfo queue_info = {.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    queue_info.queueFamilyIndex = h->family;
    queue_info.queueCount = 1;
    queue_info.pQueuePriorities = &priority;
    VkPhysicalDeviceVulkan13Features v13 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
    v13.synchronization2 = VK_TRUE;
    VkPhysicalDeviceVulkan12Features v12 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES};
    v12.pNext = &v13;
    v12.timelineSemaphore = VK_TRUE;
    VkDeviceCreateInfo device_info = {.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    device_info.pNext = &v12;
    device_info.queueCreateInfoCount = 1;
    device_info.pQueueCreateInfos = &queue_info;
    if (vkCreateDevice(h->physical, &device_info, NULL, &h->device) != VK_SUCCESS)
        return fail("vkCreateDevice with timeline semaphores and synchronization2 failed");
    vkGetDeviceQueue(h->device, h->family, 0, &h->queue);
    return 0;
}

static int create_image(host_t* h, uint32_t width, uint32_t height, VkImageUsageFlags usage, VkImage* image, VkDeviceMemory* memory) {
    VkImageCreateInfo info = {.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO};
    info.imageType = VK_IMAGE_TYPE_2D;
    info.format = VK_FORMAT_B8G8R8A8_UNORM;
    info.extent.width = width;
    info.extent.height = height;
    info.extent.depth = 1;
    info.mipLevels = 1;
    info.arrayLayers = 1;
    info.samples = VK_SAMPLE_COUNT_1_BIT;
    info.tiling = VK_IMAGE_TILING_OPTIMAL;
    info.usage = usage;
    if (vkCreateImage(h->device, &info, NULL, image) != VK_SUCCESS)
        return fail("vkCreateImage failed");
    VkMemoryRequirements needs;
    vkGetImageMemoryRequirements(h->device, *image, &needs);
    VkPhysicalDeviceMemoryProperties types;
    vkGetPhysicalDeviceMemoryProperties(h->physical, &types);
    for (uint32_t i = 0; i < types.memoryTypeCount; i++) {
        if ((needs.memoryTypeBits & (1u << i)) == 0 || (types.memoryTypes[i].propertyFlags & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT) == 0)
            continue;
        VkMemoryAllocateInfo allocate = {.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
        allocate.allocationSize = needs.size;
        allocate.memoryTypeIndex = i;
        if (vkAllocateMemory(h->device, &allocate, NULL, memory) != VK_SUCCESS || vkBindImageMemory(h->device, *image, *memory, 0) != VK_SUCCESS)
            return fail("image memory");
        return 0;
    }
    return fail("no device-local memory type for the image");
}

static VkSemaphore create_timeline(host_t* h) {
    VkSemaphoreTypeCreateInfo type = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO};
    type.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
    VkSemaphoreCreateInfo info = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
    info.pNext = &type;
    VkSemaphore semaphore = VK_NULL_HANDLE;
    vkCreateSemaphore(h->device, &info, NULL, &semaphore);
    return semaphore;
}

static void barrier(VkCommandBuffer commands, VkImage image, VkImageLayout from, VkImageLayout to,
                    VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access, VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access) {
    VkImageMemoryBarrier2 b = {.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2};
    b.srcStageMask = src_stage;
    b.srcAccessMask = src_access;
    b.dstStageMask = dst_stage;
    b.dstAccessMask = dst_access;
    b.oldLayout = from;
    b.newLayout = to;
    b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    b.subresourceRange.levelCount = 1;
    b.subresourceRange.layerCount = 1;
    VkDependencyInfo d = {.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    d.imageMemoryBarrierCount = 1;
    d.pImageMemoryBarriers = &b;
    vkCmdPipelineBarrier2(commands, &d);
}

static int submit(host_t* h, VkCommandBuffer commands, VkSemaphore wait, uint64_t wait_value, VkSemaphore signal, uint64_t signal_value) {
    VkSemaphoreSubmitInfo w = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    w.semaphore = wait;
    w.value = wait_value;
    w.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkSemaphoreSubmitInfo s = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO};
    s.semaphore = signal;
    s.value = signal_value;
    s.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkCommandBufferSubmitInfo c = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO};
    c.commandBuffer = commands;
    VkSubmitInfo2 info = {.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO_2};
    info.waitSemaphoreInfoCount = wait != VK_NULL_HANDLE ? 1 : 0;
    info.pWaitSemaphoreInfos = &w;
    info.commandBufferInfoCount = 1;
    info.pCommandBufferInfos = &c;
    info.signalSemaphoreInfoCount = signal != VK_NULL_HANDLE ? 1 : 0;
    info.pSignalSemaphoreInfos = &s;
    return vkQueueSubmit2(h->queue, 1, &info, VK_NULL_HANDLE) == VK_SUCCESS ? 0 : fail("vkQueueSubmit2 failed");
}

static int wait_timeline(host_t* h, VkSemaphore semaphore, uint64_t value) {
    VkSemaphoreWaitInfo info = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO};
    info.semaphoreCount = 1;
    info.pSemaphores = &semaphore;
    info.pValues = &value;
    return vkWaitSemaphores(h->device, &info, UINT64_MAX) == VK_SUCCESS ? 0 : fail("vkWaitSemaphores failed");
}

/* The game's render of frame k: clear to a drifting colour, blit the sprite where it is now,
 * leave the image in COLOR_ATTACHMENT_OPTIMAL as a render pass would. */
static int render(host_t* h, uint32_t k, uint32_t sprite_size) {
    VkCommandBuffer commands = h->commands[k % RING];
    if (k >= RING && wait_timeline(h, h->rendered, k - RING + 1) != 0) /* its command buffer is free again */
        return 1;
    vkResetCommandBuffer(commands, 0);
    VkCommandBufferBeginInfo begin = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(commands, &begin);
    barrier(commands, h->target, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
            VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
    VkClearColorValue color;
    color.float32[0] = 0.5f + 0.4f * (float)((k * 7) % 100) / 100.0f;
    color.float32[1] = 0.2f + 0.6f * (float)((k * 3) % 100) / 100.0f;
    color.float32[2] = 0.3f;
    color.float32[3] = 1.0f;
    VkImageSubresourceRange range = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdClearColorImage(commands, h->target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
    barrier(commands, h->target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
            VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
    int32_t x = (int32_t)((k * 6) % (h->width - 2 * sprite_size)), y = (int32_t)((k * 4) % (h->height - 2 * sprite_size));
    VkImageBlit blit;
    memset(&blit, 0, sizeof(blit));
    blit.srcSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    blit.srcSubresource.layerCount = 1;
    blit.srcOffsets[1].x = (int32_t)sprite_size;
    blit.srcOffsets[1].y = (int32_t)sprite_size;
    blit.srcOffsets[1].z = 1;
    blit.dstSubresource = blit.srcSubresource;
    blit.dstOffsets[0].x = x;
    blit.dstOffsets[0].y = y;
    blit.dstOffsets[1].x = x + 2 * (int32_t)sprite_size; /* scaled up twice */
    blit.dstOffsets[1].y = y + 2 * (int32_t)sprite_size;
    blit.dstOffsets[1].z = 1;
    vkCmdBlitImage(commands, h->sprite, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, h->target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &blit, VK_FILTER_NEAREST);
    barrier(commands, h->target, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_PIPELINE_STAGE_2_BLIT_BIT,
            VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0);
    vkEndCommandBuffer(commands);
    /* Wait (on the GPU) until Reel no longer reads frame k - 1; signal frame k rendered. */
    return submit(h, commands, k > 0 ? h->reusable : VK_NULL_HANDLE, k, h->rendered, (uint64_t)k + 1);
}

static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* The baseline's readback buffer: host-visible, cached where the device has it. */
static int make_readback(host_t* h) {
    VkBufferCreateInfo info = {.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO};
    info.size = (VkDeviceSize)h->width * h->height * 4;
    info.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    if (vkCreateBuffer(h->device, &info, NULL, &h->readback) != VK_SUCCESS)
        return fail("vkCreateBuffer (readback)");
    VkMemoryRequirements needs;
    vkGetBufferMemoryRequirements(h->device, h->readback, &needs);
    VkPhysicalDeviceMemoryProperties types;
    vkGetPhysicalDeviceMemoryProperties(h->physical, &types);
    const VkMemoryPropertyFlags want = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    for (uint32_t i = 0; i < types.memoryTypeCount; i++) {
        if ((needs.memoryTypeBits & (1u << i)) == 0 || (types.memoryTypes[i].propertyFlags & want) != want)
            continue;
        VkMemoryAllocateInfo allocate = {.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO};
        allocate.allocationSize = needs.size;
        allocate.memoryTypeIndex = i;
        if (vkAllocateMemory(h->device, &allocate, NULL, &h->readback_memory) != VK_SUCCESS ||
            vkBindBufferMemory(h->device, h->readback, h->readback_memory, 0) != VK_SUCCESS ||
            vkMapMemory(h->device, h->readback_memory, 0, VK_WHOLE_SIZE, 0, &h->readback_bytes) != VK_SUCCESS)
            return fail("readback memory");
        return 0;
    }
    return fail("no host-visible coherent memory type");
}

/* The baseline: copy frame k into the readback buffer, wait for it on the CPU (the stall),
 * hand the bytes to the movie writer (CPU conversion to I420). The copy signals `reusable`. */
static reel_result_t write_by_readback(host_t* h, reel_movie_writer_t writer, uint32_t k) {
    VkCommandBuffer commands = h->readback_commands[k % RING];
    vkResetCommandBuffer(commands, 0);
    VkCommandBufferBeginInfo begin = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(commands, &begin);
    barrier(commands, h->target, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT,
            VK_ACCESS_2_MEMORY_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
    VkBufferImageCopy region;
    memset(&region, 0, sizeof(region));
    region.imageSubresource.aspectMask = VK_IMAGE_ASPECT_COLOR_BIT;
    region.imageSubresource.layerCount = 1;
    region.imageExtent.width = h->width;
    region.imageExtent.height = h->height;
    region.imageExtent.depth = 1;
    vkCmdCopyImageToBuffer(commands, h->target, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, h->readback, 1, &region);
    VkBufferMemoryBarrier2 to_host = {.sType = VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER_2};
    to_host.srcStageMask = VK_PIPELINE_STAGE_2_COPY_BIT;
    to_host.srcAccessMask = VK_ACCESS_2_TRANSFER_WRITE_BIT;
    to_host.dstStageMask = VK_PIPELINE_STAGE_2_HOST_BIT;
    to_host.dstAccessMask = VK_ACCESS_2_HOST_READ_BIT;
    to_host.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    to_host.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    to_host.buffer = h->readback;
    to_host.size = VK_WHOLE_SIZE;
    VkDependencyInfo d = {.sType = VK_STRUCTURE_TYPE_DEPENDENCY_INFO};
    d.bufferMemoryBarrierCount = 1;
    d.pBufferMemoryBarriers = &to_host;
    vkCmdPipelineBarrier2(commands, &d);
    vkEndCommandBuffer(commands);
    if (submit(h, commands, h->rendered, (uint64_t)k + 1, h->reusable, (uint64_t)k + 1) != 0 || wait_timeline(h, h->reusable, (uint64_t)k + 1) != 0)
        return REEL_ERROR_DEVICE_LOST;
    reel_image_t image = reel_image_init();
    image.format = REEL_PIXEL_FORMAT_BGRA8;
    image.width = h->width;
    image.height = h->height;
    image.data[0] = (const uint8_t*)h->readback_bytes;
    image.stride[0] = (int32_t)(h->width * 4);
    return reel_movie_writer_write_image(writer, &image);
}

/* The sprite: a small image cleared once to white with a blue quarter, left as a blit source. */
static int make_sprite(host_t* h, uint32_t size) {
    if (create_image(h, size, size, VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, &h->sprite, &h->sprite_memory) != 0)
        return 1;
    VkCommandBuffer commands = h->commands[0];
    VkCommandBufferBeginInfo begin = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    vkBeginCommandBuffer(commands, &begin);
    barrier(commands, h->sprite, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_NONE, 0,
            VK_PIPELINE_STAGE_2_CLEAR_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
    VkClearColorValue white = {{1.0f, 1.0f, 1.0f, 1.0f}};
    VkImageSubresourceRange range = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdClearColorImage(commands, h->sprite, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &white, 1, &range);
    barrier(commands, h->sprite, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
            VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_BLIT_BIT, VK_ACCESS_2_TRANSFER_READ_BIT);
    vkEndCommandBuffer(commands);
    VkSemaphore done = create_timeline(h);
    int failed = submit(h, commands, VK_NULL_HANDLE, 0, done, 1) || wait_timeline(h, done, 1);
    vkDestroySemaphore(h->device, done, NULL);
    return failed;
}

int main(int argc, char** argv) {
    int host_readback = argc > 1 && strcmp(argv[1], "--host-readback") == 0;
    if (host_readback) {
        argv++;
        argc--;
    }
    const char* path = argc > 1 ? argv[1] : "record-vk.ivf";
    uint32_t frames = argc > 2 ? (uint32_t)strtoul(argv[2], NULL, 10) : 120;
    host_t h;
    memset(&h, 0, sizeof(h));
    h.width = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 10) : 640;
    h.height = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 10) : 360;
    const uint32_t sprite_size = h.height / 8;
    if (frames == 0 || h.width < 64 || h.height < 64)
        return fail("usage: record-vk [out.ivf] [frames >= 1] [width >= 64] [height >= 64]");

    if (create_device(&h) != 0)
        return 1;
    if (create_image(&h, h.width, h.height,
                     VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT,
                     &h.target, &h.target_memory) != 0)
        return 1;
    VkCommandPoolCreateInfo pool_info = {.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pool_info.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool_info.queueFamilyIndex = h.family;
    vkCreateCommandPool(h.device, &pool_info, NULL, &h.pool);
    VkCommandBufferAllocateInfo allocate = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    allocate.commandPool = h.pool;
    allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    allocate.commandBufferCount = RING;
    vkAllocateCommandBuffers(h.device, &allocate, h.commands);
    vkAllocateCommandBuffers(h.device, &allocate, h.readback_commands);
    if (host_readback && make_readback(&h) != 0)
        return 1;
    h.rendered = create_timeline(&h);
    h.reusable = create_timeline(&h);
    if (make_sprite(&h, sprite_size) != 0)
        return 1;

    /* Reel: a context, the host's device adopted, a movie writer recording from it. */
    reel_context_t context;
    reel_context_desc_t context_desc = reel_context_desc_default();
    context_desc.name = "record-vk";
    reel_result_t r = reel_context_create(&context_desc, &context);
    if (r != REEL_SUCCESS)
        return reel_fail("reel_context_create", r);
    reel_vulkan_queue_t queue = {h.family, 0, h.queue};
    reel_vulkan_adoption_t adoption = reel_vulkan_adoption_default();
    adoption.vk_get_instance_proc_addr = vkGetInstanceProcAddr;
    adoption.vk_instance = h.instance;
    adoption.vk_physical_device = h.physical;
    adoption.vk_device = h.device;
    adoption.instance_api_version = VK_API_VERSION_1_3;
    adoption.enabled_features = REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE | REEL_VULKAN_FEATURE_SYNCHRONIZATION2;
    adoption.queue_count = 1;
    adoption.queues = &queue;
    reel_device_t device;
    if ((r = reel_device_adopt(context, &adoption, &device)) != REEL_SUCCESS)
        return reel_fail("reel_device_adopt", r);
    reel_encoder_desc_t settings = reel_encoder_desc_default();
    settings.width = h.width;
    settings.height = h.height;
    settings.fps_num = 60;
    settings.fps_den = 1;
    settings.preset = REEL_ENCODER_PRESET_LOW;
    settings.color = REEL_COLOR_BT709_LIMITED;
    settings.name = "record-vk";
    reel_movie_writer_t writer;
    if ((r = reel_movie_writer_begin(context, path, &settings, &writer)) != REEL_SUCCESS)
        return reel_fail("reel_movie_writer_begin", r);
    if (!host_readback && (r = reel_movie_writer_attach_vk_device(writer, device, 3)) != REEL_SUCCESS)
        return reel_fail("reel_movie_writer_attach_vk_device", r);

    double started = seconds(CLOCK_MONOTONIC), cpu_started = seconds(CLOCK_THREAD_CPUTIME_ID), in_calls = 0;
    for (uint32_t k = 0; k < frames; k++) {
        if (render(&h, k, sprite_size) != 0)
            return 1;
        double call = seconds(CLOCK_MONOTONIC);
        if (host_readback) {
            if ((r = write_by_readback(&h, writer, k)) != REEL_SUCCESS)
                return reel_fail("reel_movie_writer_write_image", r);
            in_calls += seconds(CLOCK_MONOTONIC) - call;
            continue;
        }
        reel_vk_image_t image = reel_vk_image_default();
        image.width = h.width;
        image.height = h.height;
        image.vk_format = VK_FORMAT_B8G8R8A8_UNORM;
        image.vk_image = h.target;
        image.vk_device = h.device;
        image.vk_layout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
        image.queue_family = h.family;
        image.wait_semaphore = h.rendered; /* readable once frame k is rendered */
        image.wait_value = (uint64_t)k + 1;
        image.signal_semaphore = h.reusable; /* Reel signals k + 1: render frame k + 1 */
        image.signal_value = (uint64_t)k + 1;
        image.timeout_ns = 10000000000ull;
        if ((r = reel_movie_writer_write_vk_image(writer, &image)) != REEL_SUCCESS)
            return reel_fail("reel_movie_writer_write_vk_image", r);
        in_calls += seconds(CLOCK_MONOTONIC) - call;
    }
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    if ((r = reel_movie_writer_end(writer, &stats)) != REEL_SUCCESS)
        return reel_fail("reel_movie_writer_end", r);
    double wall = seconds(CLOCK_MONOTONIC) - started, cpu = seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_started;
    printf("record-vk: %s: %u frames of %ux%u in %.2f s = %.2f fps; host thread per frame: %.3f ms in recording calls, %.3f ms CPU\n",
           host_readback ? "host readback + write_image" : "write_vk_image", frames, h.width, h.height, wall, frames / wall,
           1e3 * in_calls / frames, 1e3 * cpu / frames);
    printf("record-vk: %s: %llu frames rendered with Vulkan, converted on the GPU, encoded (%llu bytes)\n", path,
           (unsigned long long)stats.frames_encoded, (unsigned long long)stats.file_bytes);
    reel_device_destroy(device);
    reel_context_destroy(context);

    vkDeviceWaitIdle(h.device);
    vkDestroySemaphore(h.device, h.rendered, NULL);
    vkDestroySemaphore(h.device, h.reusable, NULL);
    vkDestroyCommandPool(h.device, h.pool, NULL);
    if (h.readback != VK_NULL_HANDLE) {
        vkDestroyBuffer(h.device, h.readback, NULL);
        vkFreeMemory(h.device, h.readback_memory, NULL);
    }
    vkDestroyImage(h.device, h.sprite, NULL);
    vkFreeMemory(h.device, h.sprite_memory, NULL);
    vkDestroyImage(h.device, h.target, NULL);
    vkFreeMemory(h.device, h.target_memory, NULL);
    vkDestroyDevice(h.device, NULL);
    vkDestroyInstance(h.instance, NULL);
    return stats.frames_encoded == frames ? 0 : 1;
}
