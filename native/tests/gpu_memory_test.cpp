// GPU memory through the C ABI: buffers and images in suballocated memory, mapping, flushes,
// statistics, accounting against the context's categories, block reclaim by frame age, and
// deferred frees keyed by a queue's timeline.
#include <cstring>
#include <random>
#include <vector>

#include "gpu_test_support.h"

using reel_gpu_test::GpuTest;
using reel_test::Failed;

namespace {

constexpr VkFormat kRgba8 = VK_FORMAT_R8G8B8A8_UNORM;

class GpuMemory : public GpuTest {
protected:
    reel_gpu_allocation_t Image(uint32_t width, uint32_t height, uint32_t flags) {
        reel_gpu_image_desc_t desc = reel_gpu_image_desc_default();
        desc.vk_format = kRgba8;
        desc.width = width;
        desc.height = height;
        desc.vk_usage = 0x3;  // TRANSFER_SRC | TRANSFER_DST
        desc.flags = flags;
        reel_gpu_allocation_t allocation = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_gpu_image_create(device_, &desc, &allocation), REEL_SUCCESS) << reel_last_error_message();
        return allocation;
    }

    reel_gpu_allocation_info_t Info(reel_gpu_allocation_t allocation) {
        reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
        EXPECT_EQ(reel_gpu_allocation_get_info(allocation, &info), REEL_SUCCESS) << reel_last_error_message();
        return info;
    }

    reel_gpu_memory_stats_t Stats() {
        reel_gpu_memory_stats_t stats = reel_gpu_memory_stats_init();
        EXPECT_EQ(reel_device_get_memory_stats(device_, &stats), REEL_SUCCESS) << reel_last_error_message();
        return stats;
    }
};

class GpuMemorySmallBlocks : public GpuMemory {
protected:
    reel_device_desc_t DeviceDesc() override {
        reel_device_desc_t desc = GpuMemory::DeviceDesc();
        desc.memory_block_size = 4u << 20;
        desc.empty_block_frames = 2;
        return desc;
    }
};

}  // namespace

TEST_F(GpuMemory, Buffer_MapWriteFlushAndFree) {
    reel_gpu_allocation_t buffer = Buffer(1 << 20, REEL_GPU_MEMORY_UPLOAD);
    reel_gpu_allocation_info_t info = Info(buffer);
    EXPECT_NE(info.vk_buffer, VK_NULL_HANDLE);
    EXPECT_EQ(info.vk_image, VK_NULL_HANDLE);
    EXPECT_NE(info.vk_device_memory, VK_NULL_HANDLE);
    EXPECT_GE(info.size, 1u << 20);
    EXPECT_EQ(info.resource_size, 1u << 20);
    EXPECT_EQ(info.memory_usage, REEL_GPU_MEMORY_UPLOAD);
    EXPECT_EQ(info.pooled, 0u);
    void* mapped = nullptr;
    ASSERT_EQ(reel_gpu_allocation_map(buffer, &mapped), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(mapped, info.mapped);
    std::memset(mapped, 0xAB, 1 << 20);
    EXPECT_EQ(reel_gpu_allocation_flush(buffer, 0, UINT64_MAX), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_allocation_flush(buffer, 100, 28), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_allocation_invalidate(buffer, 0, 64), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), info.size);
    reel_gpu_memory_stats_t stats = Stats();
    EXPECT_EQ(stats.allocation_count, 1u);
    EXPECT_EQ(stats.allocation_bytes, info.size);
    EXPECT_EQ(stats.block_count, 1u);
    EXPECT_EQ(stats.block_bytes, 64u << 20) << "the default block size";
    EXPECT_EQ(stats.device_allocations, 1u);
    ASSERT_GE(stats.heap_count, 1u);
    EXPECT_EQ(reel_gpu_allocation_free(buffer), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), 0u);
    EXPECT_TRUE(Failed(reel_gpu_allocation_free(buffer), REEL_ERROR_INVALID_HANDLE, {"is stale: that reel_gpu_allocation_t was destroyed"}));
}

TEST_F(GpuMemory, Image_WithTheDpbFlag_IsChargedToTheDpbCategory) {
    reel_gpu_allocation_t image = Image(640, 360, REEL_GPU_ALLOCATION_FLAG_DPB);
    reel_gpu_allocation_t dedicated = Image(64, 64, REEL_GPU_ALLOCATION_FLAG_DEDICATED);
    reel_gpu_allocation_info_t info = Info(image);
    EXPECT_NE(info.vk_image, VK_NULL_HANDLE);
    EXPECT_EQ(info.vk_buffer, VK_NULL_HANDLE);
    EXPECT_GE(info.size, 640u * 360u * 4u);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DPB), info.size);
    reel_gpu_allocation_info_t own = Info(dedicated);
    EXPECT_EQ(own.dedicated, 1u);
    EXPECT_EQ(own.offset, 0u);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), own.size);
    EXPECT_EQ(Stats().dedicated_count, 1u);
    EXPECT_EQ(reel_gpu_allocation_free(image), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_allocation_free(dedicated), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DPB), 0u);
}

TEST_F(GpuMemorySmallBlocks, RandomSequence_CategoriesEqualTheLiveAllocations) {
    std::mt19937 random(42);
    std::vector<reel_gpu_allocation_t> live;
    for (int step = 0; step < 300; step++) {
        if (!live.empty() && random() % 3 == 0) {
            size_t index = random() % live.size();
            ASSERT_EQ(reel_gpu_allocation_free(live[index]), REEL_SUCCESS);
            live.erase(live.begin() + static_cast<long>(index));
        } else if (random() % 2 == 0) {
            live.push_back(Buffer(1 + random() % (3u << 20), static_cast<reel_gpu_memory_usage_t>(1 + random() % 3)));
        } else {
            live.push_back(Image(8 + random() % 300, 8 + random() % 300, random() % 2 == 0 ? static_cast<uint32_t>(REEL_GPU_ALLOCATION_FLAG_DPB) : 0u));
        }
        if (step % 25 != 0)
            continue;
        uint64_t sum = 0;
        for (reel_gpu_allocation_t allocation : live)
            sum += Info(allocation).size;
        reel_gpu_memory_stats_t stats = Stats();
        ASSERT_EQ(stats.allocation_count, live.size());
        ASSERT_EQ(stats.allocation_bytes, sum);
        ASSERT_EQ(CategoryBytes(REEL_MEMORY_DEVICE) + CategoryBytes(REEL_MEMORY_DPB), sum) << "at step " << step;
        ASSERT_GE(stats.fragmentation, 0.0);
        ASSERT_LE(stats.fragmentation, 1.0);
    }
    for (reel_gpu_allocation_t allocation : live)
        ASSERT_EQ(reel_gpu_allocation_free(allocation), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE) + CategoryBytes(REEL_MEMORY_DPB), 0u);
}

TEST_F(GpuMemorySmallBlocks, EmptyBlocks_AreFreedAfterTheirFrames) {
    ASSERT_EQ(reel_gpu_allocation_free(Buffer(4096, REEL_GPU_MEMORY_UPLOAD)), REEL_SUCCESS);
    EXPECT_EQ(Stats().block_count, 1u);
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    EXPECT_EQ(Stats().block_count, 1u) << "empty for one frame of two";
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    reel_gpu_memory_stats_t stats = Stats();
    EXPECT_EQ(stats.block_count, 0u);
    EXPECT_EQ(stats.blocks_reclaimed, 1u);
    EXPECT_EQ(stats.device_frees, 1u);
}

TEST_F(GpuMemory, FreeAfter_TheQueueTimelineValueOfItsSubmission) {
    reel_gpu_allocation_t staging = Buffer(64 * 1024, REEL_GPU_MEMORY_UPLOAD);
    uint64_t held = CategoryBytes(REEL_MEMORY_DEVICE);
    reel_timeline_t gate;
    reel_timeline_desc_t desc = reel_timeline_desc_default();
    desc.kind = REEL_TIMELINE_GPU;
    desc.device = device_;
    ASSERT_EQ(reel_timeline_create(context_, &desc, &gate), REEL_SUCCESS) << reel_last_error_message();
    reel_timeline_t queue;
    ASSERT_EQ(reel_device_get_queue_timeline(device_, REEL_GPU_QUEUE_TRANSFER, &queue), REEL_SUCCESS);

    ASSERT_EQ(reel_device_begin_frame(device_, 0, nullptr), REEL_SUCCESS);
    VkCommandBuffer commands;
    ASSERT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_TRANSFER, &commands), REEL_SUCCESS);
    reel_gpu_wait_t wait = {gate, 1, 0};
    reel_gpu_submit_t submit = reel_gpu_submit_default();
    submit.wait_count = 1;
    submit.waits = &wait;
    uint64_t value = 0;
    ASSERT_EQ(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_EQ(reel_gpu_allocation_free_after(staging, queue, value), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_gpu_allocation_get_info(staging, nullptr), REEL_ERROR_INVALID_HANDLE, {"stale"})) << "the handle is gone at once";
    ASSERT_EQ(reel_device_end_frame(device_), REEL_SUCCESS);
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), held) << "the submission still waits for the gate";

    ASSERT_EQ(reel_timeline_signal(gate, 1), REEL_SUCCESS);
    ASSERT_EQ(reel_timeline_wait(queue, value, 5000000000ull), REEL_SUCCESS);
    ASSERT_EQ(reel_device_begin_frame(device_, 5000000000ull, nullptr), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), 0u) << "freed by the next begin_frame";
    ASSERT_EQ(reel_device_end_frame(device_), REEL_SUCCESS);
    EXPECT_EQ(reel_timeline_destroy(gate), REEL_SUCCESS);
}
