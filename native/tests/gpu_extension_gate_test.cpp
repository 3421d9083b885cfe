// Every Vulkan extension entry point Reel calls is reached only through an object that exists
// when its extension is enabled on the device or instance. The reason: Silk.NET resolves
// extension entry points through the loader, and the loader's trampoline for a physical-device
// command of an extension the device lacks aborts the process (exit 134) instead of failing.
// On a device without those extensions (lavapipe has no video), each gated path must come back
// as REEL_ERROR_UNSUPPORTED naming the extension, and the process must live on to say so.
#include <string>

#include "gpu_host_vulkan.h"
#include "gpu_test_support.h"

using reel_gpu_test::GpuTest;
using reel_gpu_test::HostVulkan;
using reel_test::Failed;

TEST_F(GpuTest, EveryExtensionGatedPath_WithoutTheExtension_IsUnsupportedNotAnAbort) {
    if (!NoVideo())
        GTEST_SKIP() << info_.device_name << " has video queues; the refusals need a device without VK_KHR_video_queue";
    const reel_video_codec_op_t operations[] = {
        REEL_VIDEO_CODEC_OP_DECODE_H264, REEL_VIDEO_CODEC_OP_DECODE_H265, REEL_VIDEO_CODEC_OP_DECODE_AV1,
        REEL_VIDEO_CODEC_OP_ENCODE_H264, REEL_VIDEO_CODEC_OP_ENCODE_H265, REEL_VIDEO_CODEC_OP_ENCODE_AV1,
    };

    // Video capabilities (vkGetPhysicalDeviceVideoCapabilitiesKHR): the backend report asks only
    // where VK_KHR_video_queue is enabled, so the device reports no codec instead of aborting.
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(device_, 1, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.available, 1u);
    EXPECT_EQ(caps.codec_count, 0u);

    for (reel_video_codec_op_t operation : operations) {
        SCOPED_TRACE(operation);
        // Video sessions (vkCreateVideoSessionKHR, vkGetVideoSessionMemoryRequirementsKHR, ...).
        reel_video_session_desc_t session_desc = reel_video_session_desc_default();
        session_desc.codec_operation = operation;
        session_desc.max_width = 1280;
        session_desc.max_height = 720;
        reel_video_session_t session = REEL_NULL_HANDLE;
        EXPECT_TRUE(Failed(reel_video_session_create(device_, &session_desc, &session), REEL_ERROR_UNSUPPORTED,
                           {"needs VK_KHR_video_queue", "exposes no VK_KHR_video_queue"}));
        EXPECT_EQ(session, REEL_NULL_HANDLE);

        // Video DPBs (the capability query and vkGetPhysicalDeviceVideoFormatPropertiesKHR).
        reel_dpb_desc_t dpb_desc = reel_dpb_desc_default();
        dpb_desc.codec_operation = operation;
        dpb_desc.width = 1280;
        dpb_desc.height = 720;
        dpb_desc.slot_count = 4;
        reel_dpb_t dpb = REEL_NULL_HANDLE;
        EXPECT_TRUE(Failed(reel_dpb_create(device_, &dpb_desc, &dpb), REEL_ERROR_UNSUPPORTED, {"needs VK_KHR_video_queue"}));
        EXPECT_EQ(dpb, REEL_NULL_HANDLE);

        // Video bitstream pools (the capability query for the driver's alignments).
        reel_gpu_buffer_pool_desc_t pool_desc = reel_gpu_buffer_pool_desc_default();
        bool decode = operation == REEL_VIDEO_CODEC_OP_DECODE_H264 || operation == REEL_VIDEO_CODEC_OP_DECODE_H265 ||
                      operation == REEL_VIDEO_CODEC_OP_DECODE_AV1;
        pool_desc.kind = decode ? REEL_GPU_BUFFER_POOL_DECODE_BITSTREAM : REEL_GPU_BUFFER_POOL_ENCODE_BITSTREAM;
        pool_desc.codec_operation = operation;
        reel_gpu_buffer_pool_t pool = REEL_NULL_HANDLE;
        EXPECT_TRUE(Failed(reel_gpu_buffer_pool_create(device_, &pool_desc, &pool), REEL_ERROR_UNSUPPORTED, {"needs VK_KHR_video_queue"}));
        EXPECT_EQ(pool, REEL_NULL_HANDLE);
    }

    // The video queues themselves: no command buffers without VK_KHR_video_decode_queue/_encode_queue.
    VkCommandBuffer commands = VK_NULL_HANDLE;
    EXPECT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_VIDEO_DECODE, &commands), REEL_ERROR_UNSUPPORTED);
    EXPECT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_VIDEO_ENCODE, &commands), REEL_ERROR_UNSUPPORTED);

    // VK_EXT_debug_utils (vkCreateDebugUtilsMessengerEXT): validation capture on an adopted
    // instance the host made without the extension.
    HostVulkan host;
    std::string why;
    if (!host.Create(&why))
        GTEST_SKIP() << "the host cannot create its Vulkan device: " << why;
    reel_vulkan_queue_t queue = {host.family, 0, host.queue};
    reel_vulkan_adoption_t adoption = reel_vulkan_adoption_default();
    adoption.flags = REEL_DEVICE_FLAG_VALIDATION;
    adoption.vk_instance = host.instance;
    adoption.vk_physical_device = host.physical_device;
    adoption.vk_device = host.device;
    adoption.instance_api_version = host.api_version;
    adoption.enabled_features = REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE | REEL_VULKAN_FEATURE_SYNCHRONIZATION2;
    adoption.queue_count = 1;
    adoption.queues = &queue;
    reel_device_t adopted = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &adoption, &adopted), REEL_ERROR_UNSUPPORTED, {"VK_EXT_debug_utils"}));
    EXPECT_EQ(adopted, REEL_NULL_HANDLE);
    host.Destroy();
    for (const std::string& error : host.errors)
        ADD_FAILURE() << "validation error at the host: " << error;
}
