// reel_vulkan.h through the C ABI: device creation with validation, what the device reports,
// backend capabilities, context teardown, and a machine without a Vulkan loader.
#include <cstdlib>
#include <string>

#include "gpu_test_support.h"

using reel_gpu_test::GpuTest;
using reel_test::Failed;

TEST_F(GpuTest, Create_ReportsItsVulkanObjectsQueuesAndValidation) {
    EXPECT_EQ(info_.adopted, 0u);
    EXPECT_EQ(info_.validation, 1u);
    EXPECT_NE(info_.vk_instance, VK_NULL_HANDLE);
    EXPECT_NE(info_.vk_physical_device, VK_NULL_HANDLE);
    EXPECT_NE(info_.vk_device, VK_NULL_HANDLE);
    EXPECT_NE(info_.vk_get_instance_proc_addr, nullptr);
    EXPECT_GE(info_.api_version, (1u << 22) | (1u << 12)) << "at least Vulkan 1.1";
    EXPECT_GE(info_.queue_family[REEL_GPU_QUEUE_GRAPHICS], 0);
    EXPECT_NE(info_.vk_queue[REEL_GPU_QUEUE_GRAPHICS], VK_NULL_HANDLE);
    EXPECT_GE(info_.queue_family[REEL_GPU_QUEUE_TRANSFER], 0) << "graphics families can always transfer";
    EXPECT_EQ(info_.max_frames_in_flight, 2u);
    EXPECT_EQ(info_.validation_errors, 0u);
    EXPECT_GT(std::strlen(info_.device_name), 0u);
    EXPECT_TRUE(log_.Contains("gpu device created")) << "creation is logged at INFO";
}

TEST_F(GpuTest, BackendCaps_ListSoftwareThenTheVulkanDevice) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(device_, 0, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.backend_count, 3u) << "software, vulkan, ffmpeg";
    EXPECT_EQ(caps.kind, REEL_BACKEND_SOFTWARE);
    EXPECT_STREQ(caps.name, "software");
    ASSERT_EQ(reel_backend_caps(device_, 1, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.kind, REEL_BACKEND_VULKAN);
    EXPECT_EQ(caps.available, 1u);
    EXPECT_STREQ(caps.device_name, info_.device_name);
    EXPECT_EQ(caps.api_version, info_.api_version);
    ASSERT_GE(caps.queue_family_count, 1u);
    ASSERT_GE(caps.heap_count, 1u);
    EXPECT_GT(caps.heaps[0].size, 0u);
    uint32_t graphics = static_cast<uint32_t>(info_.queue_family[REEL_GPU_QUEUE_GRAPHICS]);
    EXPECT_NE(caps.queue_families[graphics].reel_queues & (1u << REEL_GPU_QUEUE_GRAPHICS), 0u);
    EXPECT_NE(caps.queue_families[graphics].vk_queue_flags & 0x1u, 0u) << "VK_QUEUE_GRAPHICS_BIT";
    if (NoVideo()) {
        EXPECT_EQ(caps.codec_count, 0u) << NoVideoReason();
    }
    EXPECT_TRUE(Failed(reel_backend_caps(device_, 3, &caps), REEL_ERROR_INVALID_ARGUMENT, {"index is 3; this libreel has 3 backends"}));
}

TEST_F(GpuTest, BackendCaps_WithoutADevice_ReportTheLoader) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 1, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.available, 1u);
    EXPECT_STREQ(caps.device_name, "");
    EXPECT_GE(caps.api_version, (1u << 22) | (1u << 12));
}

TEST(GpuLifetime, ContextDestroy_DestroysItsDevicesAndTheirObjects) {
    reel_context_desc_t desc = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&desc, &context), REEL_SUCCESS);
    reel_device_t device;
    reel_result_t created = reel_device_create(context, nullptr, &device);
    if (created == REEL_ERROR_UNSUPPORTED)
        GTEST_SKIP() << reel_last_error_message();
    ASSERT_EQ(created, REEL_SUCCESS) << reel_last_error_message();
    reel_gpu_buffer_desc_t buffer = reel_gpu_buffer_desc_default();
    buffer.size = 4096;
    buffer.vk_usage = 1;
    reel_gpu_allocation_t allocation;
    ASSERT_EQ(reel_gpu_buffer_create(device, &buffer, &allocation), REEL_SUCCESS);
    reel_timeline_t timeline;
    ASSERT_EQ(reel_timeline_create(context, nullptr, &timeline), REEL_SUCCESS);
    ASSERT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    reel_device_info_t info = reel_device_info_init();
    EXPECT_TRUE(Failed(reel_device_get_info(device, &info), REEL_ERROR_INVALID_HANDLE, {"is stale: that reel_device_t was destroyed"}));
    EXPECT_TRUE(Failed(reel_gpu_allocation_free(allocation), REEL_ERROR_INVALID_HANDLE, {"reel_gpu_allocation_t was destroyed"}));
    EXPECT_TRUE(Failed(reel_timeline_signal(timeline, 1), REEL_ERROR_INVALID_HANDLE, {"reel_timeline_t was destroyed"}));
}

TEST(GpuLifetime, DestroyNull_IsSuccessForEveryObject) {
    EXPECT_EQ(reel_device_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_allocation_free(REEL_NULL_HANDLE), REEL_SUCCESS);
    EXPECT_EQ(reel_gpu_buffer_pool_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
    EXPECT_EQ(reel_dpb_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
    EXPECT_EQ(reel_timeline_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
    EXPECT_EQ(reel_video_session_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
}

// Each test runs in its own process, so the environment variable is read before any Vulkan call.
TEST(GpuWithoutVulkan, MissingLoader_IsUnsupportedAndTheRestOfReelWorks) {
    ASSERT_EQ(setenv("REEL_VULKAN_LIBRARY", "libvulkan-missing.so.1", 1), 0);
    reel_context_desc_t desc = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&desc, &context), REEL_SUCCESS);
    reel_device_t device = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_device_create(context, nullptr, &device), REEL_ERROR_UNSUPPORTED,
                       {"reel_device_create: the Vulkan backend is unavailable: libvulkan-missing.so.1 could not be loaded"}));
    EXPECT_EQ(device, REEL_NULL_HANDLE);
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 1, &caps), REEL_SUCCESS);
    EXPECT_EQ(caps.available, 0u);
    EXPECT_NE(std::string(caps.unavailable_reason).find("libvulkan-missing.so.1 could not be loaded"), std::string::npos) << caps.unavailable_reason;
    reel_timeline_t timeline;
    EXPECT_EQ(reel_timeline_create(context, nullptr, &timeline), REEL_SUCCESS) << "CPU timelines need no Vulkan";
    EXPECT_EQ(reel_timeline_signal(timeline, 1), REEL_SUCCESS);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS);
}
