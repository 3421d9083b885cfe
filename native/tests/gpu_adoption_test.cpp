// The engine-embedding case through the C ABI: the test creates its own VkInstance and
// VkDevice with libvulkan, hands them to Reel with reel_device_adopt, lets Reel allocate and
// submit on them, destroys Reel's device, and then its own: the validation layer must find
// nothing of Reel's left, and the host's device must still work. Reel dispatches through the
// host's vkGetInstanceProcAddr (HostProcAddr counts the lookups), or, when the host passes
// NULL, through libvulkan.so.1 it loads itself.
#include <cstring>
#include <string>

#include "gpu_host_vulkan.h"
#include "gpu_test_support.h"

using reel_gpu_test::DeviceCalls;
using reel_gpu_test::HostProcAddr;
using reel_gpu_test::HostVulkan;
using reel_gpu_test::LogCapture;
using reel_test::Failed;

namespace {

class GpuAdoption : public ::testing::Test {
protected:
    void SetUp() override {
        std::string why;
        if (!host_.Create(&why))
            GTEST_SKIP() << "the host cannot create its Vulkan device: " << why;
        reel_context_desc_t desc = reel_context_desc_default();
        desc.log_callback = &LogCapture::Callback;
        desc.log_user_data = &log_;
        ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);
        queue_.family_index = host_.family;
        queue_.index = 0;
        queue_.vk_queue = host_.queue;
        adoption_ = reel_vulkan_adoption_default();
        adoption_.flags = REEL_DEVICE_FLAG_VALIDATION;
        adoption_.vk_get_instance_proc_addr = HostProcAddr::GetInstanceProcAddr();
        adoption_.vk_instance = host_.instance;
        adoption_.vk_physical_device = host_.physical_device;
        adoption_.vk_device = host_.device;
        adoption_.instance_api_version = host_.api_version;
        adoption_.enabled_features = REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE | REEL_VULKAN_FEATURE_SYNCHRONIZATION2;
        adoption_.instance_extension_count = host_.ExtensionCount();
        adoption_.instance_extensions = host_.Extensions();
        adoption_.queue_count = 1;
        adoption_.queues = &queue_;
    }

    void TearDown() override {
        if (context_ != REEL_NULL_HANDLE) {
            EXPECT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
        }
        host_.Destroy();
        for (const std::string& error : host_.errors)
            ADD_FAILURE() << "validation error at the host: " << error;
        for (const std::string& error : log_.ValidationErrors())
            ADD_FAILURE() << "validation error seen by Reel: " << error;
    }

    /// Adopts, records three fills of a readback buffer, checks the bytes, destroys Reel's device.
    void AdoptAndWork(reel_device_info_t* reported) {
        reel_device_t device;
        ASSERT_EQ(reel_device_adopt(context_, &adoption_, &device), REEL_SUCCESS) << reel_last_error_message();
        reel_device_info_t info = reel_device_info_init();
        ASSERT_EQ(reel_device_get_info(device, &info), REEL_SUCCESS);
        *reported = info;
        reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
        desc.size = 64 * 1024;
        desc.memory_usage = REEL_GPU_MEMORY_READBACK;
        desc.vk_usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
        reel_gpu_allocation_t readback;
        ASSERT_EQ(reel_gpu_buffer_create(device, &desc, &readback), REEL_SUCCESS) << reel_last_error_message();
        reel_gpu_allocation_info_t allocation = reel_gpu_allocation_info_init();
        ASSERT_EQ(reel_gpu_allocation_get_info(readback, &allocation), REEL_SUCCESS);

        DeviceCalls calls(info);
        reel_timeline_t queue_timeline;
        ASSERT_EQ(reel_device_get_queue_timeline(device, REEL_GPU_QUEUE_GRAPHICS, &queue_timeline), REEL_SUCCESS);
        for (uint32_t frame = 1; frame <= 3; frame++) {
            ASSERT_EQ(reel_device_begin_frame(device, UINT64_MAX, nullptr), REEL_SUCCESS) << reel_last_error_message();
            VkCommandBuffer commands;
            ASSERT_EQ(reel_command_buffer_begin(device, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS) << reel_last_error_message();
            calls.FillForHost(commands, allocation.vk_buffer, desc.size, 0x01010101u * frame);
            uint64_t value = 0;
            ASSERT_EQ(reel_command_buffer_submit(device, commands, nullptr, &value), REEL_SUCCESS) << reel_last_error_message();
            ASSERT_EQ(reel_timeline_wait(queue_timeline, value, 5000000000ull), REEL_SUCCESS);
            ASSERT_EQ(reel_gpu_allocation_invalidate(readback, 0, UINT64_MAX), REEL_SUCCESS);
            const auto* bytes = static_cast<const uint8_t*>(allocation.mapped);
            EXPECT_EQ(bytes[0], frame);
            EXPECT_EQ(bytes[desc.size - 1], frame);
            ASSERT_EQ(reel_device_end_frame(device), REEL_SUCCESS);
        }
        EXPECT_EQ(reel_gpu_allocation_free(readback), REEL_SUCCESS);
        ASSERT_EQ(reel_device_destroy(device), REEL_SUCCESS);
    }

    HostVulkan host_;
    LogCapture log_;
    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_vulkan_queue_t queue_{};
    reel_vulkan_adoption_t adoption_{};
};

}  // namespace

TEST_F(GpuAdoption, ReelWorksOnTheHostsDeviceAndLeavesItAlive) {
    reel_device_info_t info{};
    AdoptAndWork(&info);
    EXPECT_EQ(info.adopted, 1u);
    EXPECT_EQ(info.vk_device, host_.device);
    EXPECT_EQ(info.vk_queue[REEL_GPU_QUEUE_GRAPHICS], host_.queue);
    EXPECT_EQ(info.validation, 1u);

    // Reel is gone; the host's device must work on.
    EXPECT_EQ(vkDeviceWaitIdle(host_.device), VK_SUCCESS);
    VkBufferCreateInfo buffer = reel_gpu_test::Make<VkBufferCreateInfo>(VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO);
    buffer.size = 256;
    buffer.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
    VkBuffer handle;
    ASSERT_EQ(vkCreateBuffer(host_.device, &buffer, nullptr, &handle), VK_SUCCESS);
    vkDestroyBuffer(host_.device, handle, nullptr);
}

TEST_F(GpuAdoption, ReelDispatchesThroughTheHostsProcAddr) {
    // Only Reel resolves entry points between the snapshots: the test records nothing itself.
    long instance_lookups = HostProcAddr::InstanceLookups();
    long device_lookups = HostProcAddr::DeviceLookups();
    reel_device_t device;
    ASSERT_EQ(reel_device_adopt(context_, &adoption_, &device), REEL_SUCCESS) << reel_last_error_message();
    reel_device_info_t info = reel_device_info_init();
    ASSERT_EQ(reel_device_get_info(device, &info), REEL_SUCCESS);
    EXPECT_EQ(info.vk_get_instance_proc_addr, HostProcAddr::GetInstanceProcAddr());
    reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
    desc.size = 4096;
    desc.memory_usage = REEL_GPU_MEMORY_UPLOAD;
    desc.vk_usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
    reel_gpu_allocation_t buffer;
    ASSERT_EQ(reel_gpu_buffer_create(device, &desc, &buffer), REEL_SUCCESS) << reel_last_error_message();
    VkCommandBuffer commands;
    ASSERT_EQ(reel_command_buffer_begin(device, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS) << reel_last_error_message();
    uint64_t value = 0;
    ASSERT_EQ(reel_command_buffer_submit(device, commands, nullptr, &value), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(reel_gpu_allocation_free(buffer), REEL_SUCCESS);
    ASSERT_EQ(reel_device_destroy(device), REEL_SUCCESS);
    EXPECT_GT(HostProcAddr::InstanceLookups(), instance_lookups) << "Reel's instance-level commands come from the host's vkGetInstanceProcAddr";
    EXPECT_GT(HostProcAddr::DeviceLookups(), device_lookups) << "Reel's device-level commands come from the host's vkGetDeviceProcAddr";
}

TEST_F(GpuAdoption, WithoutTheHostsProcAddr_ReelLoadsLibvulkanItself) {
    adoption_.vk_get_instance_proc_addr = nullptr;
    long instance_lookups = HostProcAddr::InstanceLookups();
    long device_lookups = HostProcAddr::DeviceLookups();
    reel_device_info_t info{};
    AdoptAndWork(&info);
    EXPECT_NE(info.vk_get_instance_proc_addr, nullptr);
    EXPECT_NE(info.vk_get_instance_proc_addr, HostProcAddr::GetInstanceProcAddr());
    EXPECT_EQ(HostProcAddr::InstanceLookups(), instance_lookups) << "nothing went through the host's shim";
    EXPECT_EQ(HostProcAddr::DeviceLookups(), device_lookups);
}

TEST_F(GpuAdoption, ObjectsLeftOnAnAdoptedDevice_AreDestroyedWithIt) {
    reel_device_t device;
    ASSERT_EQ(reel_device_adopt(context_, &adoption_, &device), REEL_SUCCESS) << reel_last_error_message();
    reel_dpb_desc_t dpb = reel_dpb_desc_default();
    dpb.vk_format = VK_FORMAT_R8G8B8A8_UNORM;
    dpb.width = 64;
    dpb.height = 64;
    dpb.slot_count = 4;
    reel_dpb_t picture_buffer;
    ASSERT_EQ(reel_dpb_create(device, &dpb, &picture_buffer), REEL_SUCCESS) << reel_last_error_message();
    reel_gpu_buffer_pool_desc_t pool = reel_gpu_buffer_pool_desc_default();
    pool.kind = REEL_GPU_BUFFER_POOL_STAGING;
    reel_gpu_buffer_pool_t staging;
    ASSERT_EQ(reel_gpu_buffer_pool_create(device, &pool, &staging), REEL_SUCCESS);
    reel_gpu_allocation_t out;
    ASSERT_EQ(reel_gpu_buffer_pool_acquire(staging, 1000, &out), REEL_SUCCESS);
    ASSERT_EQ(reel_device_destroy(device), REEL_SUCCESS);
    EXPECT_TRUE(log_.Contains("destroyed what the host left on the device"));
    // TearDown destroys the host's device: a leaked Reel object would be reported there.
}

TEST_F(GpuAdoption, WithoutTheRequiredFeatures_IsUnsupported) {
    adoption_.enabled_features = REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE;
    reel_device_t device;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &adoption_, &device), REEL_ERROR_UNSUPPORTED, {"Synchronization2"}));
}

TEST_F(GpuAdoption, BadDescriptions_NameTheField) {
    reel_device_t device;
    reel_vulkan_adoption_t bad = adoption_;
    bad.vk_device = VK_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption->vk_device is NULL"}));
    bad = adoption_;
    bad.queue_count = 0;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption->queue_count is 0; allowed 1 to 64"}));
    bad = adoption_;
    bad.instance_extensions = nullptr;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption->instance_extensions is NULL"}));
    bad = adoption_;
    reel_vulkan_queue_t outside = queue_;
    outside.index = 9;
    bad.queues = &outside;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"Queues[0].Index is 9"}));
    bad = adoption_;
    bad.enabled_features = 0x100;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption->enabled_features is 0x100"}));
    bad = adoption_;
    bad.struct_size = 8;
    EXPECT_TRUE(Failed(reel_device_adopt(context_, &bad, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption->struct_size is 8"}));
    EXPECT_TRUE(Failed(reel_device_adopt(context_, nullptr, &device), REEL_ERROR_INVALID_ARGUMENT, {"adoption is NULL"}));
}
