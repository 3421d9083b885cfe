// What a game engine does each frame before it hands the frame to Reel: renders into its own
// VkImage with its own command buffers on its own queue. Here "rendering" is a clear of the
// whole image to a background that changes every frame plus a copy of a gradient block that
// moves (a blit of a sprite), so the pixels of every frame are known exactly. The host signals
// its timeline `rendered` at frame k + 1 (the image is a colour attachment, as a render target is) and, before drawing frame k, waits on the GPU for
// Reel's signal `reusable` of frame k - 1: the image is never written while Reel reads it.
#pragma once

#include <vulkan/vulkan.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "gpu_host_vulkan.h"

namespace reel_gpu_test {

class HostRenderer {
public:
    static constexpr uint32_t kBlock = 32;

    /// Creates the image (usage SAMPLED | TRANSFER_DST, optimal tiling), its memory, the sprite
    /// buffer, a command pool with one buffer per frame in flight and the two timelines.
    bool Create(HostVulkan& host, uint32_t width, uint32_t height, VkFormat format, std::string* why) {
        host_ = &host;
        width_ = width;
        height_ = height;
        format_ = format;
        VkImageCreateInfo image = Make<VkImageCreateInfo>(VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO);
        image.imageType = VK_IMAGE_TYPE_2D;
        image.format = format;
        image.extent = {width, height, 1};
        image.mipLevels = 1;
        image.arrayLayers = 1;
        image.samples = VK_SAMPLE_COUNT_1_BIT;
        image.tiling = VK_IMAGE_TILING_OPTIMAL;
        image.usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT | VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
        image.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
        if (vkCreateImage(host.device, &image, nullptr, &image_) != VK_SUCCESS)
            return Fail(why, "vkCreateImage");
        VkMemoryRequirements needs;
        vkGetImageMemoryRequirements(host.device, image_, &needs);
        if (!Allocate(needs, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT, &image_memory_) || vkBindImageMemory(host.device, image_, image_memory_, 0) != VK_SUCCESS)
            return Fail(why, "image memory");
        VkBufferCreateInfo buffer = Make<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
        buffer.size = kBlock * kBlock * 4;
        buffer.usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
        if (vkCreateBuffer(host.device, &buffer, nullptr, &sprite_) != VK_SUCCESS)
            return Fail(why, "vkCreateBuffer");
        vkGetBufferMemoryRequirements(host.device, sprite_, &needs);
        if (!Allocate(needs, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT, &sprite_memory_) ||
            vkBindBufferMemory(host.device, sprite_, sprite_memory_, 0) != VK_SUCCESS)
            return Fail(why, "sprite memory");
        void* mapped = nullptr;
        vkMapMemory(host.device, sprite_memory_, 0, VK_WHOLE_SIZE, 0, &mapped);
        sprite_bytes_ = SpriteBytes();
        std::memcpy(mapped, sprite_bytes_.data(), sprite_bytes_.size());
        vkUnmapMemory(host.device, sprite_memory_);
        VkCommandPoolCreateInfo pool = Make<VkCommandPoolCreateInfo>(VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO);
        pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
        pool.queueFamilyIndex = host.family;
        if (vkCreateCommandPool(host.device, &pool, nullptr, &pool_) != VK_SUCCESS)
            return Fail(why, "vkCreateCommandPool");
        VkCommandBufferAllocateInfo allocate = Make<VkCommandBufferAllocateInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO);
        allocate.commandPool = pool_;
        allocate.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        allocate.commandBufferCount = kRing;
        if (vkAllocateCommandBuffers(host.device, &allocate, commands_) != VK_SUCCESS)
            return Fail(why, "vkAllocateCommandBuffers");
        rendered = Timeline();
        reusable = Timeline();
        if (rendered == VK_NULL_HANDLE || reusable == VK_NULL_HANDLE)
            return Fail(why, "timeline semaphores");
        return true;
    }

    void Destroy() {
        if (host_ == nullptr)
            return;
        VkDevice device = host_->device;
        if (device != VK_NULL_HANDLE) {
            vkDeviceWaitIdle(device);
            vkDestroySemaphore(device, rendered, nullptr);
            vkDestroySemaphore(device, reusable, nullptr);
            vkDestroyCommandPool(device, pool_, nullptr);
            vkDestroyBuffer(device, sprite_, nullptr);
            vkFreeMemory(device, sprite_memory_, nullptr);
            vkDestroyImage(device, image_, nullptr);
            vkFreeMemory(device, image_memory_, nullptr);
        }
        host_ = nullptr;
    }

    /// The background level of frame k (each channel), far from its neighbours' levels.
    static uint8_t Background(uint32_t k) { return uint8_t(30 + (k * 67) % 190); }

    /// Where frame k's sprite goes.
    uint32_t BlockX(uint32_t k) const { return (k * 5) % (width_ - kBlock); }
    uint32_t BlockY(uint32_t k) const { return (k * 3) % (height_ - kBlock); }

    /// Renders frame k: waits (GPU) for `reusable` >= k (Reel done with frame k - 1), clears,
    /// copies the sprite, leaves the image in `final_layout`, signals `rendered` = k + 1.
    /// `wait_for_reel` false renders without waiting (the host waited on the CPU itself).
    bool Render(uint32_t k, VkImageLayout final_layout, bool wait_for_reel = true) {
        VkCommandBuffer commands = commands_[k % kRing];
        // The command buffer of frame k - kRing must be done before it is reset.
        if (k >= kRing) {
            uint64_t value = k - kRing + 1;
            VkSemaphoreWaitInfo wait = Make<VkSemaphoreWaitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO);
            wait.semaphoreCount = 1;
            wait.pSemaphores = &rendered;
            wait.pValues = &value;
            if (vkWaitSemaphores(host_->device, &wait, UINT64_MAX) != VK_SUCCESS)
                return false;
        }
        vkResetCommandBuffer(commands, 0);
        VkCommandBufferBeginInfo begin = Make<VkCommandBufferBeginInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO);
        begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
        vkBeginCommandBuffer(commands, &begin);
        Barrier(commands, VK_IMAGE_LAYOUT_UNDEFINED, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0,
                VK_PIPELINE_STAGE_2_CLEAR_BIT | VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
        VkClearColorValue color{};
        float level = Background(k) / 255.0f;
        color.float32[0] = color.float32[1] = color.float32[2] = level;
        color.float32[3] = 1.0f;
        VkImageSubresourceRange range{VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        vkCmdClearColorImage(commands, image_, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, &color, 1, &range);
        // The copy writes the same texels as the clear: a transfer-to-transfer dependency.
        Barrier(commands, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, VK_PIPELINE_STAGE_2_CLEAR_BIT,
                VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_COPY_BIT, VK_ACCESS_2_TRANSFER_WRITE_BIT);
        VkBufferImageCopy region{};
        region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
        region.imageOffset = {int32_t(BlockX(k)), int32_t(BlockY(k)), 0};
        region.imageExtent = {kBlock, kBlock, 1};
        vkCmdCopyBufferToImage(commands, sprite_, image_, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
        if (final_layout != VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL)
            Barrier(commands, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, final_layout, VK_PIPELINE_STAGE_2_COPY_BIT | VK_PIPELINE_STAGE_2_CLEAR_BIT,
                    VK_ACCESS_2_TRANSFER_WRITE_BIT, VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT, 0);
        vkEndCommandBuffer(commands);
        VkSemaphoreSubmitInfo wait = Make<VkSemaphoreSubmitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO);
        wait.semaphore = reusable;
        wait.value = k;
        wait.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
        VkSemaphoreSubmitInfo signal = Make<VkSemaphoreSubmitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO);
        signal.semaphore = rendered;
        signal.value = k + 1;
        signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
        VkCommandBufferSubmitInfo buffer = Make<VkCommandBufferSubmitInfo>(VK_STRUCTURE_TYPE_COMMAND_BUFFER_SUBMIT_INFO);
        buffer.commandBuffer = commands;
        VkSubmitInfo2 submit = Make<VkSubmitInfo2>(VK_STRUCTURE_TYPE_SUBMIT_INFO_2);
        submit.waitSemaphoreInfoCount = wait_for_reel && k > 0 ? 1 : 0;
        submit.pWaitSemaphoreInfos = &wait;
        submit.commandBufferInfoCount = 1;
        submit.pCommandBufferInfos = &buffer;
        submit.signalSemaphoreInfoCount = 1;
        submit.pSignalSemaphoreInfos = &signal;
        return vkQueueSubmit2(host_->queue, 1, &submit, VK_NULL_HANDLE) == VK_SUCCESS;
    }

    /// Frame k as RGBA bytes in memory order of the image's format (4 bytes per pixel).
    std::vector<uint8_t> Expected(uint32_t k) const {
        std::vector<uint8_t> pixels(size_t(width_) * height_ * 4);
        uint8_t level = Background(k);
        for (size_t i = 0; i < pixels.size(); i += 4) {
            pixels[i] = pixels[i + 1] = pixels[i + 2] = level;
            pixels[i + 3] = 255;
        }
        for (uint32_t y = 0; y < kBlock; y++)
            std::memcpy(&pixels[(size_t(BlockY(k) + y) * width_ + BlockX(k)) * 4], &sprite_bytes_[size_t(y) * kBlock * 4], kBlock * 4);
        return pixels;
    }

    /// BT.709 limited-range luma of memory-order pixels (`bgra`: byte 0 is blue).
    static std::vector<uint8_t> Luma(const std::vector<uint8_t>& pixels, bool bgra) {
        std::vector<uint8_t> y(pixels.size() / 4);
        for (size_t i = 0; i < y.size(); i++) {
            double r = pixels[i * 4 + (bgra ? 2 : 0)], g = pixels[i * 4 + 1], b = pixels[i * 4 + (bgra ? 0 : 2)];
            y[i] = uint8_t(std::floor(16.0 + 219.0 / 255.0 * (0.2126 * r + 0.7152 * g + 0.0722 * b) + 0.5));
        }
        return y;
    }

    VkImage image() const { return image_; }
    VkSemaphore rendered = VK_NULL_HANDLE;  // the host's render of frame k signals k + 1
    VkSemaphore reusable = VK_NULL_HANDLE;  // Reel signals k + 1 when it no longer reads frame k

private:
    static constexpr uint32_t kRing = 4;

    static std::vector<uint8_t> SpriteBytes() {
        std::vector<uint8_t> bytes(kBlock * kBlock * 4);
        for (uint32_t y = 0; y < kBlock; y++)
            for (uint32_t x = 0; x < kBlock; x++) {
                uint8_t* p = &bytes[(size_t(y) * kBlock + x) * 4];
                p[0] = uint8_t(x * 8);
                p[1] = uint8_t(255 - y * 8);
                p[2] = 200;
                p[3] = 255;
            }
        return bytes;
    }

    VkSemaphore Timeline() {
        VkSemaphoreTypeCreateInfo type = Make<VkSemaphoreTypeCreateInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO);
        type.semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE;
        VkSemaphoreCreateInfo info = Make<VkSemaphoreCreateInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO);
        info.pNext = &type;
        VkSemaphore semaphore = VK_NULL_HANDLE;
        vkCreateSemaphore(host_->device, &info, nullptr, &semaphore);
        return semaphore;
    }

    bool Allocate(const VkMemoryRequirements& needs, VkMemoryPropertyFlags wanted, VkDeviceMemory* memory) {
        VkPhysicalDeviceMemoryProperties properties;
        vkGetPhysicalDeviceMemoryProperties(host_->physical_device, &properties);
        for (uint32_t i = 0; i < properties.memoryTypeCount; i++) {
            if ((needs.memoryTypeBits & (1u << i)) == 0 || (properties.memoryTypes[i].propertyFlags & wanted) != wanted)
                continue;
            VkMemoryAllocateInfo info = Make<VkMemoryAllocateInfo>(VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO);
            info.allocationSize = needs.size;
            info.memoryTypeIndex = i;
            return vkAllocateMemory(host_->device, &info, nullptr, memory) == VK_SUCCESS;
        }
        return false;
    }

    void Barrier(VkCommandBuffer commands, VkImageLayout from, VkImageLayout to, VkPipelineStageFlags2 src_stage, VkAccessFlags2 src_access,
                 VkPipelineStageFlags2 dst_stage, VkAccessFlags2 dst_access) {
        VkImageMemoryBarrier2 barrier = Make<VkImageMemoryBarrier2>(VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER_2);
        barrier.srcStageMask = src_stage;
        barrier.srcAccessMask = src_access;
        barrier.dstStageMask = dst_stage;
        barrier.dstAccessMask = dst_access;
        barrier.oldLayout = from;
        barrier.newLayout = to;
        barrier.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        barrier.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
        barrier.image = image_;
        barrier.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkDependencyInfo dependency = Make<VkDependencyInfo>(VK_STRUCTURE_TYPE_DEPENDENCY_INFO);
        dependency.imageMemoryBarrierCount = 1;
        dependency.pImageMemoryBarriers = &barrier;
        vkCmdPipelineBarrier2(commands, &dependency);
    }

    bool Fail(std::string* why, const char* what) {
        *why = std::string("the host could not set up its renderer: ") + what;
        return false;
    }

    HostVulkan* host_ = nullptr;
    uint32_t width_ = 0, height_ = 0;
    VkFormat format_ = VK_FORMAT_UNDEFINED;
    VkImage image_ = VK_NULL_HANDLE;
    VkDeviceMemory image_memory_ = VK_NULL_HANDLE;
    VkBuffer sprite_ = VK_NULL_HANDLE;
    VkDeviceMemory sprite_memory_ = VK_NULL_HANDLE;
    VkCommandPool pool_ = VK_NULL_HANDLE;
    VkCommandBuffer commands_[kRing] = {};
    std::vector<uint8_t> sprite_bytes_;
};

}  // namespace reel_gpu_test
