// GPU buffer pools and DPBs through the C ABI: size classes and oldest-first reuse, bitstream
// pools on a device without video, a layered DPB with its slot manager and picture resources.
#include <string>

#include "gpu_test_support.h"

using reel_gpu_test::GpuTest;
using reel_test::Failed;

namespace {

constexpr VkFormat kRgba8 = VK_FORMAT_R8G8B8A8_UNORM;
constexpr VkFormat kNv12 = VK_FORMAT_G8_B8R8_2PLANE_420_UNORM;

class GpuPools : public GpuTest {
protected:
    reel_gpu_buffer_pool_t Pool(reel_gpu_buffer_pool_kind_t kind, uint64_t min, uint64_t max) {
        reel_gpu_buffer_pool_desc_t desc = reel_gpu_buffer_pool_desc_default();
        desc.kind = kind;
        desc.min_class_size = min;
        desc.max_class_size = max;
        reel_gpu_buffer_pool_t pool = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_gpu_buffer_pool_create(device_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
        return pool;
    }

    reel_gpu_buffer_pool_stats_t Stats(reel_gpu_buffer_pool_t pool) {
        reel_gpu_buffer_pool_stats_t stats = reel_gpu_buffer_pool_stats_init();
        EXPECT_EQ(reel_gpu_buffer_pool_get_stats(pool, &stats), REEL_SUCCESS);
        return stats;
    }

    reel_dpb_t Dpb(uint32_t slots) {
        reel_dpb_desc_t desc = reel_dpb_desc_default();
        desc.vk_format = kRgba8;
        desc.width = 1280;
        desc.height = 720;
        desc.slot_count = slots;
        reel_dpb_t dpb = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_dpb_create(device_, &desc, &dpb), REEL_SUCCESS) << reel_last_error_message();
        return dpb;
    }

    reel_dpb_slot_info_t Slot(reel_dpb_t dpb, uint32_t slot) {
        reel_dpb_slot_info_t info = reel_dpb_slot_info_init();
        EXPECT_EQ(reel_dpb_get_slot(dpb, slot, &info), REEL_SUCCESS) << reel_last_error_message();
        return info;
    }
};

}  // namespace

TEST_F(GpuPools, Staging_ClassesAndOldestFirstReuse) {
    reel_gpu_buffer_pool_t pool = Pool(REEL_GPU_BUFFER_POOL_STAGING, 4096, 1 << 20);
    reel_gpu_allocation_t a, b;
    ASSERT_EQ(reel_gpu_buffer_pool_acquire(pool, 3000, &a), REEL_SUCCESS);
    ASSERT_EQ(reel_gpu_buffer_pool_acquire(pool, 100000, &b), REEL_SUCCESS);
    reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
    ASSERT_EQ(reel_gpu_allocation_get_info(b, &info), REEL_SUCCESS);
    EXPECT_EQ(info.resource_size, 131072u) << "the 128 KiB class";
    EXPECT_EQ(info.pooled, 1u);
    EXPECT_EQ(info.memory_usage, REEL_GPU_MEMORY_UPLOAD);
    EXPECT_NE(info.mapped, nullptr);
    ASSERT_EQ(reel_gpu_allocation_get_info(a, &info), REEL_SUCCESS);
    VkBuffer first = info.vk_buffer;
    EXPECT_EQ(reel_gpu_allocation_free(a), REEL_SUCCESS);
    reel_gpu_buffer_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.idle, 1u);
    EXPECT_EQ(stats.in_use, 1u);
    EXPECT_EQ(stats.allocated, 2u);
    EXPECT_EQ(stats.bytes_held, 4096u + 131072u);
    EXPECT_EQ(stats.vk_usage, 0x1u) << "TRANSFER_SRC";
    reel_gpu_allocation_t again;
    ASSERT_EQ(reel_gpu_buffer_pool_acquire(pool, 1, &again), REEL_SUCCESS);
    ASSERT_EQ(reel_gpu_allocation_get_info(again, &info), REEL_SUCCESS);
    EXPECT_EQ(info.vk_buffer, first) << "the idle buffer went out again";
    EXPECT_NE(again, a) << "with a new handle: the old one is stale";
    EXPECT_TRUE(Failed(reel_gpu_allocation_free(a), REEL_ERROR_INVALID_HANDLE, {"stale"}));
    EXPECT_EQ(Stats(pool).created, 2u);
    EXPECT_EQ(reel_gpu_buffer_pool_destroy(pool), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_allocation_free(again), REEL_SUCCESS) << "buffers out outlive their pool";
    EXPECT_EQ(reel_gpu_allocation_free(b), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DEVICE), 0u);
}

TEST_F(GpuPools, DecodeBitstreams_WithoutVideo_ArePlainTransferBuffers) {
    if (!NoVideo())
        GTEST_SKIP() << info_.device_name << " has video queues; this case is for devices without";
    reel_gpu_buffer_pool_desc_t desc = reel_gpu_buffer_pool_desc_default();
    desc.kind = REEL_GPU_BUFFER_POOL_DECODE_BITSTREAM;
    desc.size_alignment = 256;
    reel_gpu_buffer_pool_t pool;
    ASSERT_EQ(reel_gpu_buffer_pool_create(device_, &desc, &pool), REEL_SUCCESS) << reel_last_error_message();
    reel_gpu_buffer_pool_stats_t stats = Stats(pool);
    EXPECT_EQ(stats.has_video_usage, 0u);
    EXPECT_EQ(stats.vk_usage, 0x3u);
    EXPECT_EQ(stats.size_alignment, 256u);
    desc.codec_operation = REEL_VIDEO_CODEC_OP_DECODE_H265;
    reel_gpu_buffer_pool_t video;
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_create(device_, &desc, &video), REEL_ERROR_UNSUPPORTED,
                       {"REEL_VIDEO_CODEC_OP_DECODE_H265 needs VK_KHR_video_queue", "exposes no VK_KHR_video_queue"}));
}

TEST_F(GpuPools, Dpb_LayeredSlotsAndTheirPictureResources) {
    reel_dpb_t dpb = Dpb(4);
    reel_dpb_info_t info = reel_dpb_info_init();
    ASSERT_EQ(reel_dpb_get_info(dpb, &info), REEL_SUCCESS);
    EXPECT_EQ(info.slot_count, 4u);
    EXPECT_EQ(info.layered, 1u);
    EXPECT_EQ(info.vk_format, kRgba8);
    EXPECT_EQ(info.vk_usage, 0x7u) << "TRANSFER_SRC|TRANSFER_DST|SAMPLED by default";
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DPB), info.memory_bytes);
    EXPECT_GE(info.memory_bytes, 4ull * 1280 * 720 * 4);

    uint32_t slots[4];
    for (uint32_t frame = 0; frame < 4; frame++)
        ASSERT_EQ(reel_dpb_acquire_slot(dpb, frame, 1000 * frame, &slots[frame]), REEL_SUCCESS);
    reel_dpb_slot_info_t zero = Slot(dpb, slots[0]);
    for (uint32_t i = 0; i < 4; i++) {
        reel_dpb_slot_info_t slot = Slot(dpb, slots[i]);
        EXPECT_EQ(slot.vk_image, zero.vk_image) << "one image";
        EXPECT_EQ(slot.vk_image_view, zero.vk_image_view) << "one 2D_ARRAY view";
        EXPECT_EQ(slot.view_layer, slots[i]);
        EXPECT_EQ(slot.image_layer, slots[i]);
        EXPECT_EQ(slot.frame_number, i);
        EXPECT_EQ(slot.timestamp, 1000 * static_cast<int64_t>(i));
        EXPECT_EQ(slot.active, 1u);
        EXPECT_EQ(slot.width, 1280u);
    }
    ASSERT_EQ(reel_dpb_mark_reference(dpb, slots[0], 1), REEL_SUCCESS);
    ASSERT_EQ(reel_dpb_mark_reference(dpb, slots[2], 1), REEL_SUCCESS);
    uint32_t next;
    ASSERT_EQ(reel_dpb_acquire_slot(dpb, 4, 4000, &next), REEL_SUCCESS);
    EXPECT_EQ(next, slots[1]) << "the oldest non-reference picture is recycled";
    ASSERT_EQ(reel_dpb_release_slot(dpb, slots[3]), REEL_SUCCESS);
    ASSERT_EQ(reel_dpb_acquire_slot(dpb, 5, 5000, &next), REEL_SUCCESS);
    EXPECT_EQ(next, slots[3]) << "a free slot before any recycling";
    ASSERT_EQ(reel_dpb_mark_reference(dpb, slots[1], 1), REEL_SUCCESS);
    ASSERT_EQ(reel_dpb_mark_reference(dpb, slots[3], 1), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_dpb_acquire_slot(dpb, 6, 6000, &next), REEL_ERROR_LIMIT_REACHED, {"all 4 DPB slots hold reference pictures"}));
    ASSERT_EQ(reel_dpb_get_info(dpb, &info), REEL_SUCCESS);
    EXPECT_EQ(info.active, 4u);
    EXPECT_EQ(info.references, 4u);
    EXPECT_EQ(info.recycled, 1u);
    EXPECT_EQ(reel_dpb_destroy(dpb), REEL_SUCCESS);
    EXPECT_EQ(CategoryBytes(REEL_MEMORY_DPB), 0u);
}

TEST_F(GpuPools, Dpb_SeparateImagesPerSlot) {
    reel_dpb_desc_t desc = reel_dpb_desc_default();
    desc.vk_format = kRgba8;
    desc.width = 64;
    desc.height = 64;
    desc.slot_count = 3;
    desc.flags = REEL_DPB_FLAG_SEPARATE_IMAGES;
    reel_dpb_t dpb;
    ASSERT_EQ(reel_dpb_create(device_, &desc, &dpb), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_NE(Slot(dpb, 0).vk_image, Slot(dpb, 2).vk_image);
    EXPECT_EQ(Slot(dpb, 2).view_layer, 0u);
}

TEST_F(GpuPools, Dpb_Nv12WhereTheDeviceCannotHoldIt_IsUnsupported) {
    reel_dpb_desc_t desc = reel_dpb_desc_default();
    desc.vk_format = kNv12;
    desc.width = 64;
    desc.height = 64;
    desc.slot_count = 2;
    reel_dpb_t dpb = REEL_NULL_HANDLE;
    reel_result_t result = reel_dpb_create(device_, &desc, &dpb);
    if (result == REEL_SUCCESS) {
        reel_dpb_destroy(dpb);
        GTEST_SKIP() << info_.device_name << " supports NV12 images with transfer and sampled usage";
    }
    EXPECT_TRUE(Failed(result, REEL_ERROR_UNSUPPORTED, {"does not support the DPB image", "VK_FORMAT_G8_B8R8_2PLANE_420_UNORM"}));
}
