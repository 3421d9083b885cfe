// Every bad input to the functions of reel_vulkan.h: NULL pointers, stale, forged and wrongly typed
// handles, struct sizes, ranges, unknown enum values and flags, double frees. Each gives its
// documented code and a message naming the argument and the limit; none crashes.
#include <cstring>
#include <string>
#include <vector>

#include "gpu_test_support.h"

using reel_gpu_test::Forge;
using reel_gpu_test::GpuTest;
using reel_test::Failed;

namespace {

constexpr VkFormat kRgba8 = VK_FORMAT_R8G8B8A8_UNORM;
constexpr VkFormat kNv12 = VK_FORMAT_G8_B8R8_2PLANE_420_UNORM;

class GpuBadInput : public GpuTest {
protected:
    reel_result_t CreateWith(const reel_device_desc_t& desc) {
        reel_device_t device = REEL_NULL_HANDLE;
        reel_result_t result = reel_device_create(context_, &desc, &device);
        if (result == REEL_SUCCESS)
            reel_device_destroy(device);
        return result;
    }

    reel_result_t BufferWith(const reel_gpu_buffer_desc_t& desc) {
        reel_gpu_allocation_t allocation = REEL_NULL_HANDLE;
        reel_result_t result = reel_gpu_buffer_create(device_, &desc, &allocation);
        if (result == REEL_SUCCESS)
            reel_gpu_allocation_free(allocation);
        return result;
    }

    reel_result_t ImageWith(const reel_gpu_image_desc_t& desc) {
        reel_gpu_allocation_t allocation = REEL_NULL_HANDLE;
        reel_result_t result = reel_gpu_image_create(device_, &desc, &allocation);
        if (result == REEL_SUCCESS)
            reel_gpu_allocation_free(allocation);
        return result;
    }

    reel_result_t PoolWith(const reel_gpu_buffer_pool_desc_t& desc) {
        reel_gpu_buffer_pool_t pool = REEL_NULL_HANDLE;
        reel_result_t result = reel_gpu_buffer_pool_create(device_, &desc, &pool);
        if (result == REEL_SUCCESS)
            reel_gpu_buffer_pool_destroy(pool);
        return result;
    }

    reel_result_t DpbWith(const reel_dpb_desc_t& desc) {
        reel_dpb_t dpb = REEL_NULL_HANDLE;
        reel_result_t result = reel_dpb_create(device_, &desc, &dpb);
        if (result == REEL_SUCCESS)
            reel_dpb_destroy(dpb);
        return result;
    }

    static reel_gpu_buffer_desc_t GoodBuffer() {
        reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
        desc.size = 4096;
        desc.vk_usage = 0x1;
        return desc;
    }

    static reel_gpu_image_desc_t GoodImage() {
        reel_gpu_image_desc_t desc = reel_gpu_image_desc_default();
        desc.vk_format = kRgba8;
        desc.width = 64;
        desc.height = 64;
        desc.vk_usage = 0x3;
        return desc;
    }

    static reel_dpb_desc_t GoodDpb() {
        reel_dpb_desc_t desc = reel_dpb_desc_default();
        desc.vk_format = kRgba8;
        desc.width = 64;
        desc.height = 64;
        desc.slot_count = 2;
        return desc;
    }
};

}  // namespace

TEST_F(GpuBadInput, DeviceCreate) {
    reel_device_t device;
    reel_device_desc_t desc = reel_device_desc_default();
    EXPECT_TRUE(Failed(reel_device_create(context_, &desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"reel_device_create: out_device is NULL"}));
    EXPECT_TRUE(Failed(reel_device_create(REEL_NULL_HANDLE, &desc, &device), REEL_ERROR_INVALID_HANDLE, {"context is NULL"}));
    EXPECT_TRUE(Failed(reel_device_create(Forge<reel_context_t>(0x0100000100000777ull), &desc, &device), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    EXPECT_TRUE(Failed(reel_device_create(reinterpret_cast<reel_context_t>(device_), &desc, &device), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_device_t, not a reel_context_t"}));
    desc.struct_size = 4;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 4", "sizeof(reel_device_desc_t) = 48"}));
    std::vector<uint8_t> newer(64, 0);
    desc = reel_device_desc_default();
    std::memcpy(newer.data(), &desc, sizeof(desc));
    reel_device_desc_t* grown = reinterpret_cast<reel_device_desc_t*>(newer.data());
    grown->struct_size = 64;
    newer[60] = 1;
    EXPECT_TRUE(Failed(reel_device_create(context_, grown, &device), REEL_ERROR_INCOMPATIBLE_VERSION, {"byte 60 is not zero"}));
    desc = reel_device_desc_default();
    desc.flags = 0x8;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x8", "REEL_DEVICE_FLAG_*"}));
    desc = reel_device_desc_default();
    desc.reserved = 1;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 1; it must be 0"}));
    desc = reel_device_desc_default();
    desc.max_frames_in_flight = 17;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->max_frames_in_flight is 17; allowed 1 to 16"}));
    desc = reel_device_desc_default();
    desc.command_buffers_per_queue = 257;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->command_buffers_per_queue is 257; allowed 1 to 256"}));
    desc = reel_device_desc_default();
    desc.memory_block_size = 3u << 20;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->memory_block_size is 3145728; it must be a power of two from 1048576 to 1073741824"}));
    desc = reel_device_desc_default();
    desc.empty_block_frames = 2000000;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->empty_block_frames is 2000000"}));
    desc = reel_device_desc_default();
    desc.vulkan_api_version = 1u << 22;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->vulkan_api_version is 1.0.0; Reel runs Vulkan 1.1"}));
    desc = reel_device_desc_default();
    desc.physical_device = 99;  // issue 16 defect 10: was "options.PhysicalDeviceIndex is 98"
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_device_create: desc->physical_device is 99; allowed 0 (the best usable device) or 1 to ", "physical devices)"}));
    desc.physical_device = UINT32_MAX;
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->physical_device is 4294967295; allowed 0"}));
    desc = reel_device_desc_default();
    std::string long_name(64, 'x');
    desc.application_name = long_name.c_str();
    EXPECT_TRUE(Failed(CreateWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->application_name is longer than 63 bytes"}));
}

TEST_F(GpuBadInput, DeviceHandles) {
    reel_device_info_t info = reel_device_info_init();
    EXPECT_TRUE(Failed(reel_device_get_info(device_, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_info is NULL"}));
    info.struct_size = 3;
    EXPECT_TRUE(Failed(reel_device_get_info(device_, &info), REEL_ERROR_INVALID_ARGUMENT, {"out_info->struct_size is 3"}));
    info = reel_device_info_init();
    EXPECT_TRUE(Failed(reel_device_get_info(REEL_NULL_HANDLE, &info), REEL_ERROR_INVALID_HANDLE, {"device is NULL"}));
    EXPECT_TRUE(Failed(reel_device_get_info(Forge<reel_device_t>(0x0800000100001234ull), &info), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    EXPECT_TRUE(Failed(reel_device_get_info(Forge<reel_device_t>(0x7f00000100000000ull), &info), REEL_ERROR_INVALID_HANDLE, {"unknown type tag 0x7f"}));
    EXPECT_TRUE(Failed(reel_device_destroy(reinterpret_cast<reel_device_t>(context_)), REEL_ERROR_INVALID_HANDLE, {"is a reel_context_t, not a reel_device_t"}));
    reel_gpu_memory_stats_t stats = reel_gpu_memory_stats_init();
    stats.struct_size = 100;
    EXPECT_TRUE(Failed(reel_device_get_memory_stats(device_, &stats), REEL_ERROR_INVALID_ARGUMENT, {"out_stats->struct_size is 100"}));
    EXPECT_TRUE(Failed(reel_device_get_memory_stats(device_, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_stats is NULL"}));
    reel_device_t second;
    ASSERT_EQ(reel_device_create(context_, nullptr, &second), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_EQ(reel_device_destroy(second), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_device_destroy(second), REEL_ERROR_INVALID_HANDLE, {"is stale: that reel_device_t was destroyed"}));
}

TEST_F(GpuBadInput, BuffersAndImages) {
    reel_gpu_allocation_t allocation;
    reel_gpu_buffer_desc_t buffer = GoodBuffer();
    EXPECT_TRUE(Failed(reel_gpu_buffer_create(device_, nullptr, &allocation), REEL_ERROR_INVALID_ARGUMENT, {"reel_gpu_buffer_create: desc is NULL"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_create(device_, &buffer, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_allocation is NULL"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_create(Forge<reel_device_t>(0x0800000100000777ull), &buffer, &allocation), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    buffer.size = 0;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->size is 0; allowed 1 to 1099511627776"}));
    buffer = GoodBuffer();
    buffer.size = 1ull << 41;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->size is 2199023255552"}));
    buffer = GoodBuffer();
    buffer.vk_usage = 0;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->vk_usage is 0"}));
    buffer.vk_usage = 0x80000000u;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->vk_usage is 0x80000000", "VkBufferUsageFlags"}));
    buffer = GoodBuffer();
    buffer.memory_usage = static_cast<reel_gpu_memory_usage_t>(7);
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->memory_usage is 7"}));
    buffer = GoodBuffer();
    buffer.flags = 0x10;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x10"}));
    buffer = GoodBuffer();
    buffer.struct_size = 8;
    EXPECT_TRUE(Failed(BufferWith(buffer), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 8"}));

    reel_gpu_image_desc_t image = GoodImage();
    image.width = 0;
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->width is 0; allowed 1 to 16384"}));
    image = GoodImage();
    image.height = 20000;
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->height is 20000"}));
    image = GoodImage();
    image.array_layers = 3000;
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->array_layers is 3000"}));
    image = GoodImage();
    image.mip_levels = 17;
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->mip_levels is 17"}));
    image = GoodImage();
    image.vk_tiling = static_cast<VkImageTiling>(2);
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->vk_tiling is 2; allowed 0 (VK_IMAGE_TILING_OPTIMAL) or 1 (VK_IMAGE_TILING_LINEAR)"}));
    image = GoodImage();
    image.vk_format = VK_FORMAT_UNDEFINED;
    EXPECT_TRUE(Failed(ImageWith(image), REEL_ERROR_INVALID_ARGUMENT, {"desc->vk_format is 0"}));
    image = GoodImage();
    image.vk_format = kNv12;
    image.vk_usage = 0x4;  // SAMPLED
    reel_result_t nv12 = ImageWith(image);
    if (nv12 != REEL_SUCCESS) {
        EXPECT_TRUE(Failed(nv12, REEL_ERROR_UNSUPPORTED, {"does not support the image: format VK_FORMAT_G8_B8R8_2PLANE_420_UNORM"}));
    }
}

TEST_F(GpuBadInput, Allocations) {
    reel_gpu_allocation_t buffer = Buffer(1000, REEL_GPU_MEMORY_UPLOAD);
    void* mapped;
    EXPECT_TRUE(Failed(reel_gpu_allocation_map(buffer, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_pointer is NULL"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_map(Forge<reel_gpu_allocation_t>(0x0A000005000000FFull), &mapped), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
    ASSERT_EQ(reel_gpu_allocation_get_info(buffer, &info), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_gpu_allocation_flush(buffer, info.size, 1), REEL_ERROR_INVALID_ARGUMENT, {"exceeds the allocation's"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_invalidate(buffer, info.size + 1, UINT64_MAX), REEL_ERROR_INVALID_ARGUMENT, {"exceeds the allocation's"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_get_info(buffer, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_info is NULL"}));
    info.struct_size = 16;
    EXPECT_TRUE(Failed(reel_gpu_allocation_get_info(buffer, &info), REEL_ERROR_INVALID_ARGUMENT, {"out_info->struct_size is 16"}));
    reel_timeline_t stale;
    ASSERT_EQ(reel_timeline_create(context_, nullptr, &stale), REEL_SUCCESS);
    ASSERT_EQ(reel_timeline_destroy(stale), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_gpu_allocation_free_after(buffer, stale, 1), REEL_ERROR_INVALID_HANDLE, {"timeline", "is stale"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_free(reinterpret_cast<reel_gpu_allocation_t>(device_)), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_device_t, not a reel_gpu_allocation_t"}));
    EXPECT_EQ(reel_gpu_allocation_free(buffer), REEL_SUCCESS) << "a failed free_after leaves the allocation the caller's";
    EXPECT_TRUE(Failed(reel_gpu_allocation_free(buffer), REEL_ERROR_INVALID_HANDLE, {"is stale"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_flush(buffer, 0, 1), REEL_ERROR_INVALID_HANDLE, {"is stale"}));
}

TEST_F(GpuBadInput, BufferPools) {
    reel_gpu_buffer_pool_desc_t desc = reel_gpu_buffer_pool_desc_default();
    reel_gpu_buffer_pool_t pool;
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_create(device_, &desc, &pool), REEL_ERROR_INVALID_ARGUMENT, {"desc->kind is 0"}));
    desc.kind = static_cast<reel_gpu_buffer_pool_kind_t>(9);
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->kind is 9"}));
    desc.kind = REEL_GPU_BUFFER_POOL_STAGING;
    desc.min_class_size = 1000;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->min_class_size is 1000; it must be a power of two from 4096"}));
    desc.min_class_size = 1 << 20;
    desc.max_class_size = 1 << 16;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->max_class_size is 65536; it must be a power of two from 1048576"}));
    desc = reel_gpu_buffer_pool_desc_default();
    desc.kind = REEL_GPU_BUFFER_POOL_STAGING;
    desc.max_per_class = 5000;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->max_per_class is 5000"}));
    desc.max_per_class = 0;
    desc.offset_alignment = 3;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->offset_alignment is 3"}));
    desc.offset_alignment = 0;
    desc.codec_operation = REEL_VIDEO_CODEC_OP_DECODE_AV1;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"is not a bitstream pool; it must be 0"}));
    desc.kind = REEL_GPU_BUFFER_POOL_ENCODE_BITSTREAM;
    reel_result_t other_direction = PoolWith(desc);
    EXPECT_TRUE(other_direction == REEL_ERROR_INVALID_ARGUMENT || other_direction == REEL_ERROR_UNSUPPORTED) << reel_last_error_message();
    desc.codec_operation = static_cast<reel_video_codec_op_t>(0x8);
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->codec_operation is 0x8"}));
    desc = reel_gpu_buffer_pool_desc_default();
    desc.kind = REEL_GPU_BUFFER_POOL_STAGING;
    desc.reserved = 2;
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 2"}));
    desc.reserved = 0;
    std::string long_name(100, 'n');
    desc.name = long_name.c_str();
    EXPECT_TRUE(Failed(PoolWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->name is longer than 63 bytes"}));
    desc.name = nullptr;
    ASSERT_EQ(reel_gpu_buffer_pool_create(device_, &desc, &pool), REEL_SUCCESS);
    reel_gpu_allocation_t buffer;
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_acquire(pool, 0, &buffer), REEL_ERROR_INVALID_ARGUMENT, {"size is 0"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_acquire(pool, (16u << 20) + 1, &buffer), REEL_ERROR_INVALID_ARGUMENT, {"the pool serves 1 to 16777216 bytes"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_acquire(pool, 1, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_allocation is NULL"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_get_stats(pool, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_stats is NULL"}));
    ASSERT_EQ(reel_gpu_buffer_pool_destroy(pool), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_acquire(pool, 1, &buffer), REEL_ERROR_INVALID_HANDLE, {"reel_gpu_buffer_pool_t was destroyed"}));
    EXPECT_TRUE(Failed(reel_gpu_buffer_pool_destroy(pool), REEL_ERROR_INVALID_HANDLE, {"is stale"}));
}

TEST_F(GpuBadInput, Dpbs) {
    reel_dpb_desc_t desc = GoodDpb();
    reel_dpb_t dpb;
    EXPECT_TRUE(Failed(reel_dpb_create(device_, nullptr, &dpb), REEL_ERROR_INVALID_ARGUMENT, {"desc is NULL"}));
    desc.width = 0;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->width is 0"}));
    desc = GoodDpb();
    desc.slot_count = 65;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->slot_count is 65; allowed 1 to 64"}));
    desc = GoodDpb();
    desc.vk_format = VK_FORMAT_UNDEFINED;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->format is VK_FORMAT_UNDEFINED"}));
    desc = GoodDpb();
    desc.bit_depth = 8;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->bit_depth is 8; expected 0 for a DPB without a codec operation"}));
    desc = GoodDpb();
    desc.flags = 4;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->flags is 0x4"}));
    desc = GoodDpb();
    desc.codec_operation = static_cast<reel_video_codec_op_t>(0x3);
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->codec_operation is 0x3"}));
    desc = GoodDpb();
    desc.vk_usage = 0x40000000u;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->vk_usage is 0x40000000"}));
    desc = GoodDpb();
    desc.reserved = 1;
    EXPECT_TRUE(Failed(DpbWith(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 1"}));

    reel_dpb_desc_t good = GoodDpb();
    ASSERT_EQ(reel_dpb_create(device_, &good, &dpb), REEL_SUCCESS);
    uint32_t slot;
    EXPECT_TRUE(Failed(reel_dpb_acquire_slot(dpb, 0, 0, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_slot is NULL"}));
    EXPECT_TRUE(Failed(reel_dpb_release_slot(dpb, 99), REEL_ERROR_INVALID_ARGUMENT, {"slot is 99; the DPB has slots 0 to 1"}));
    EXPECT_TRUE(Failed(reel_dpb_release_slot(dpb, 0), REEL_ERROR_BAD_STATE, {"slot 0 is free"}));
    EXPECT_TRUE(Failed(reel_dpb_mark_reference(dpb, 1, 1), REEL_ERROR_BAD_STATE, {"slot 1 is free"}));
    ASSERT_EQ(reel_dpb_acquire_slot(dpb, 0, 0, &slot), REEL_SUCCESS);
    ASSERT_EQ(reel_dpb_release_slot(dpb, slot), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_dpb_release_slot(dpb, slot), REEL_ERROR_BAD_STATE, {"is free"})) << "released twice";
    reel_dpb_slot_info_t info = reel_dpb_slot_info_init();
    EXPECT_TRUE(Failed(reel_dpb_get_slot(dpb, 2, &info), REEL_ERROR_INVALID_ARGUMENT, {"slot is 2"}));
    EXPECT_TRUE(Failed(reel_dpb_get_slot(dpb, 0, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_info is NULL"}));
    reel_dpb_info_t dpb_info = reel_dpb_info_init();
    dpb_info.struct_size = 1;
    EXPECT_TRUE(Failed(reel_dpb_get_info(dpb, &dpb_info), REEL_ERROR_INVALID_ARGUMENT, {"out_info->struct_size is 1"}));
    ASSERT_EQ(reel_dpb_destroy(dpb), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_dpb_acquire_slot(dpb, 0, 0, &slot), REEL_ERROR_INVALID_HANDLE, {"reel_dpb_t was destroyed"}));
    EXPECT_TRUE(Failed(reel_dpb_destroy(dpb), REEL_ERROR_INVALID_HANDLE, {"is stale"}));
}

TEST_F(GpuBadInput, CommandBuffersAndFrames) {
    VkCommandBuffer commands;
    EXPECT_TRUE(Failed(reel_command_buffer_begin(device_, static_cast<reel_gpu_queue_t>(7), &commands), REEL_ERROR_INVALID_ARGUMENT, {"queue is 7"}));
    EXPECT_TRUE(Failed(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_vk_command_buffer is NULL"}));
    if (NoVideo()) {
        EXPECT_TRUE(Failed(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_VIDEO_DECODE, &commands), REEL_ERROR_UNSUPPORTED,
                           {"queue is REEL_GPU_QUEUE_VIDEO_DECODE", "exposes no VK_KHR_video_queue"}));
    }
    uint64_t value;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, nullptr, nullptr, &value), REEL_ERROR_INVALID_ARGUMENT, {"vk_command_buffer is NULL"}));
    int not_a_command_buffer = 0;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, reinterpret_cast<VkCommandBuffer>(&not_a_command_buffer), nullptr, &value), REEL_ERROR_INVALID_ARGUMENT,
                       {"is not recording on this device"}));

    ASSERT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS);
    reel_gpu_submit_t submit = reel_gpu_submit_default();
    submit.struct_size = 4;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->struct_size is 4"}));
    submit = reel_gpu_submit_default();
    submit.wait_count = 33;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->wait_count is 33; allowed 0 to 32"}));
    submit.wait_count = 1;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->waits is NULL"}));
    reel_timeline_t cpu;
    ASSERT_EQ(reel_timeline_create(context_, nullptr, &cpu), REEL_SUCCESS);
    reel_gpu_wait_t wait = {cpu, 1, 0};
    submit.waits = &wait;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->waits[0].timeline is a CPU timeline"}));
    reel_timeline_t queue;
    ASSERT_EQ(reel_device_get_queue_timeline(device_, REEL_GPU_QUEUE_GRAPHICS, &queue), REEL_SUCCESS);
    reel_gpu_signal_t signal = {queue, 100};
    submit = reel_gpu_submit_default();
    submit.signal_count = 1;
    submit.signals = &signal;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->signals[0].timeline is a queue timeline"}));
    signal.timeline = Forge<reel_timeline_t>(0x09000003000000EEull);
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_HANDLE, {"submit->signals[0].timeline", "never issued"}));
    submit = reel_gpu_submit_default();
    submit.reserved = 1;
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, &submit, &value), REEL_ERROR_INVALID_ARGUMENT, {"submit->reserved is 1"}));
    EXPECT_EQ(reel_command_buffer_submit(device_, commands, nullptr, &value), REEL_SUCCESS) << "still recording after refused submissions";

    reel_timeline_t timeline;
    EXPECT_TRUE(Failed(reel_device_get_queue_timeline(device_, static_cast<reel_gpu_queue_t>(-1), &timeline), REEL_ERROR_INVALID_ARGUMENT, {"queue is -1"}));
    EXPECT_TRUE(Failed(reel_device_get_queue_timeline(device_, REEL_GPU_QUEUE_COMPUTE, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_timeline is NULL"}));
    EXPECT_TRUE(Failed(reel_device_end_frame(device_), REEL_ERROR_BAD_STATE, {"no frame is begun"}));
    EXPECT_TRUE(Failed(reel_device_begin_frame(Forge<reel_device_t>(0x0800000900000000ull), 0, nullptr), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
}

TEST_F(GpuBadInput, Timelines) {
    reel_timeline_t timeline;
    reel_timeline_desc_t desc = reel_timeline_desc_default();
    EXPECT_TRUE(Failed(reel_timeline_create(context_, &desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_timeline is NULL"}));
    desc.kind = static_cast<reel_timeline_kind_t>(5);
    EXPECT_TRUE(Failed(reel_timeline_create(context_, &desc, &timeline), REEL_ERROR_INVALID_ARGUMENT, {"desc->kind is 5"}));
    desc.kind = REEL_TIMELINE_CPU;
    desc.device = device_;
    EXPECT_TRUE(Failed(reel_timeline_create(context_, &desc, &timeline), REEL_ERROR_INVALID_ARGUMENT, {"desc->device is set for a CPU timeline"}));
    desc.kind = REEL_TIMELINE_GPU;
    desc.device = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_timeline_create(context_, &desc, &timeline), REEL_ERROR_INVALID_HANDLE, {"desc->device is NULL"}));
    reel_context_desc_t other_desc = reel_context_desc_default();
    reel_context_t other;
    ASSERT_EQ(reel_context_create(&other_desc, &other), REEL_SUCCESS);
    desc.device = device_;
    EXPECT_TRUE(Failed(reel_timeline_create(other, &desc, &timeline), REEL_ERROR_INVALID_ARGUMENT, {"desc->device belongs to another context"}));
    ASSERT_EQ(reel_context_destroy(other), REEL_SUCCESS);
    desc.struct_size = 12;
    EXPECT_TRUE(Failed(reel_timeline_create(context_, &desc, &timeline), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 12"}));

    desc = reel_timeline_desc_default();
    desc.kind = REEL_TIMELINE_GPU;
    desc.device = device_;
    desc.initial_value = 10;
    ASSERT_EQ(reel_timeline_create(context_, &desc, &timeline), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_TRUE(Failed(reel_timeline_signal(timeline, 9), REEL_ERROR_INVALID_ARGUMENT, {"value is 9; the timeline is already at 10"}));
    EXPECT_TRUE(Failed(reel_timeline_get_value(timeline, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_value is NULL"}));
    EXPECT_TRUE(Failed(reel_timeline_get_semaphore(timeline, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_vk_semaphore is NULL"}));
    EXPECT_EQ(reel_timeline_wait(timeline, 11, 0), REEL_TIMEOUT);
    EXPECT_EQ(reel_timeline_wait(timeline, 10, 0), REEL_SUCCESS);
    ASSERT_EQ(reel_timeline_destroy(timeline), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_timeline_wait(timeline, 1, 0), REEL_ERROR_INVALID_HANDLE, {"reel_timeline_t was destroyed"}));
    EXPECT_TRUE(Failed(reel_timeline_signal(reinterpret_cast<reel_timeline_t>(device_), 1), REEL_ERROR_INVALID_HANDLE, {"is a reel_device_t, not a reel_timeline_t"}));

    reel_byte_pool_desc_t bytes = reel_byte_pool_desc_default();
    reel_pool_t pool;
    ASSERT_EQ(reel_byte_pool_create(context_, &bytes, &pool), REEL_SUCCESS);
    reel_buffer_t buffer;
    ASSERT_EQ(reel_pool_acquire_bytes(pool, 10, &buffer), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_buffer_release_after(buffer, timeline, 1), REEL_ERROR_INVALID_HANDLE, {"timeline", "stale"}));
    EXPECT_EQ(reel_buffer_release(buffer), REEL_SUCCESS) << "the reference stayed the caller's";
    EXPECT_TRUE(Failed(reel_buffer_release_after(buffer, timeline, 1), REEL_ERROR_INVALID_HANDLE, {"buffer", "released"}));
}

TEST_F(GpuBadInput, BackendCaps) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    EXPECT_TRUE(Failed(reel_backend_caps(device_, 5, &caps), REEL_ERROR_INVALID_ARGUMENT, {"index is 5"}));
    EXPECT_TRUE(Failed(reel_backend_caps(device_, 0, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_caps is NULL"}));
    EXPECT_TRUE(Failed(reel_backend_caps(reinterpret_cast<reel_device_t>(context_), 0, &caps), REEL_ERROR_INVALID_HANDLE, {"not a reel_device_t"}));
    caps.struct_size = 3;
    EXPECT_TRUE(Failed(reel_backend_caps(device_, 0, &caps), REEL_ERROR_INVALID_ARGUMENT, {"out_caps->struct_size is 3"}));
}

TEST_F(GpuBadInput, VideoSessions) {
    reel_video_session_desc_t desc = reel_video_session_desc_default();
    reel_video_session_t session;
    desc.max_width = 1920;
    desc.max_height = 1080;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc->codec_operation is 0x0"}));
    desc.codec_operation = static_cast<reel_video_codec_op_t>(0x6);
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc->codec_operation is 0x6"}));
    desc.codec_operation = REEL_VIDEO_CODEC_OP_DECODE_H264;
    desc.max_width = 0;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc->max_width is 0"}));
    desc.max_width = 1920;
    desc.bit_depth = 12;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc->bit_depth is 12"}));
    desc.bit_depth = 0;
    desc.reserved = 3;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 3"}));
    desc.reserved = 0;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, nullptr, &session), REEL_ERROR_INVALID_ARGUMENT, {"desc is NULL"}));
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_session is NULL"}));
    reel_video_session_info_t info = reel_video_session_info_init();
    EXPECT_TRUE(Failed(reel_video_session_get_info(Forge<reel_video_session_t>(0x0D00000100000000ull), &info), REEL_ERROR_INVALID_HANDLE, {"never issued"}));
    EXPECT_TRUE(Failed(reel_video_session_destroy(reinterpret_cast<reel_video_session_t>(device_)), REEL_ERROR_INVALID_HANDLE,
                       {"is a reel_device_t, not a reel_video_session_t"}));
}
