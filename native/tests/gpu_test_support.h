// Helpers of the GoogleTest suites of reel_vulkan.h (GPU): a context whose log catches every
// Vulkan validation error, and a validated device on Mesa lavapipe (or whatever Vulkan device
// the machine has). A validation error of error severity fails the test at teardown, including
// the leak reports vkDestroyDevice produces when Reel leaves an object behind.
#pragma once

#include <gtest/gtest.h>

#include <cstring>
#include <mutex>
#include <string>
#include <vector>

#include "reel_vulkan.h"
#include "test_support.h"

namespace reel_gpu_test {

/// Every log line of a context, and the validation errors among them.
class LogCapture {
public:
    static void Callback(void* user_data, reel_log_level_t level, const char* message) {
        auto* self = static_cast<LogCapture*>(user_data);
        std::lock_guard<std::mutex> lock(self->mutex_);
        self->lines_.emplace_back(message);
        if (level == REEL_LOG_LEVEL_ERROR && std::strstr(message, "vulkan [error]") != nullptr)
            self->validation_errors_.emplace_back(message);
    }

    std::vector<std::string> ValidationErrors() {
        std::lock_guard<std::mutex> lock(mutex_);
        return validation_errors_;
    }

    /// Forgets the validation errors seen so far (a test that provoked one on purpose).
    void ClearValidationErrors() {
        std::lock_guard<std::mutex> lock(mutex_);
        validation_errors_.clear();
    }

    bool Contains(const char* fragment) {
        std::lock_guard<std::mutex> lock(mutex_);
        for (const std::string& line : lines_) {
            if (line.find(fragment) != std::string::npos)
                return true;
        }
        return false;
    }

private:
    std::mutex mutex_;
    std::vector<std::string> lines_;
    std::vector<std::string> validation_errors_;
};

/// A context (log at INFO into a LogCapture) and a device with REEL_DEVICE_FLAG_VALIDATION.
/// The test is skipped, with the reason, only when the machine has no Vulkan at all.
class GpuTest : public ::testing::Test {
protected:
    void SetUp() override {
        reel_context_desc_t desc = reel_context_desc_default();
        desc.log_callback = &LogCapture::Callback;
        desc.log_user_data = &log_;
        desc.log_level = REEL_LOG_LEVEL_INFO;
        ASSERT_EQ(reel_context_create(&desc, &context_), REEL_SUCCESS);
        reel_device_desc_t device = DeviceDesc();
        reel_result_t result = reel_device_create(context_, &device, &device_);
        if (result == REEL_ERROR_UNSUPPORTED)
            GTEST_SKIP() << "no usable Vulkan device with the validation layer: " << reel_last_error_message();
        ASSERT_EQ(result, REEL_SUCCESS) << reel_last_error_message();
        info_ = reel_device_info_init();
        ASSERT_EQ(reel_device_get_info(device_, &info_), REEL_SUCCESS);
    }

    void TearDown() override {
        EXPECT_EQ(reel_device_destroy(device_), REEL_SUCCESS);
        EXPECT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
        for (const std::string& error : log_.ValidationErrors())
            ADD_FAILURE() << "validation error: " << error;
    }

    /// The device settings of the fixture; tests override to vary them.
    virtual reel_device_desc_t DeviceDesc() {
        reel_device_desc_t desc = reel_device_desc_default();
        desc.flags = REEL_DEVICE_FLAG_VALIDATION;
        return desc;
    }

    /// A buffer in suballocated memory; fails the test on error.
    reel_gpu_allocation_t Buffer(uint64_t size, reel_gpu_memory_usage_t usage, VkBufferUsageFlags vk_usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT) {
        reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
        desc.size = size;
        desc.memory_usage = usage;
        desc.vk_usage = vk_usage;
        reel_gpu_allocation_t allocation = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_gpu_buffer_create(device_, &desc, &allocation), REEL_SUCCESS) << reel_last_error_message();
        return allocation;
    }

    /// The context's bytes in a category.
    uint64_t CategoryBytes(reel_memory_category_t category) {
        reel_memory_stats_t stats = reel_memory_stats_init();
        EXPECT_EQ(reel_context_get_memory(context_, &stats), REEL_SUCCESS);
        return stats.category_bytes[category];
    }

    /// Whether the device has no video queue (lavapipe); the skip reason names the device.
    bool NoVideo() const { return info_.queue_family[REEL_GPU_QUEUE_VIDEO_DECODE] < 0 && info_.queue_family[REEL_GPU_QUEUE_VIDEO_ENCODE] < 0; }

    std::string NoVideoReason() const { return std::string(info_.device_name) + " exposes no VK_KHR_video_queue"; }

    LogCapture log_;
    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_device_t device_ = REEL_NULL_HANDLE;
    reel_device_info_t info_{};
};

using reel_test::Forge;

}  // namespace reel_gpu_test
