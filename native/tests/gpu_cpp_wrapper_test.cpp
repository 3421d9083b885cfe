// bindings/cpp/reel_vulkan.hpp: RAII owners of every handle type of reel_vulkan.h, on the
// machine's Vulkan device with validation (a validation error fails the test).
#include <gtest/gtest.h>

#include <cstring>

#include "gpu_test_support.h"
#include "reel_vulkan.hpp"

namespace {

/// A context with a LogCapture (validation errors fail the test) for the C++ owners to live in.
class GpuCppWrapper : public ::testing::Test {
protected:
    void SetUp() override {
        reel_context_desc_t desc = reel_context_desc_default();
        desc.log_callback = &reel_gpu_test::LogCapture::Callback;
        desc.log_user_data = &log_;
        context_ = reel::context(desc);
        reel_device_desc_t device = reel_device_desc_default();
        device.flags = REEL_DEVICE_FLAG_VALIDATION;
        try {
            device_ = reel::device::create(context_, device);
        } catch (const reel::error& e) {
            if (e.code() == REEL_ERROR_UNSUPPORTED)
                GTEST_SKIP() << "no usable Vulkan device with the validation layer: " << e.what();
            throw;
        }
    }

    void TearDown() override {
        device_ = reel::device();
        for (const std::string& error : log_.ValidationErrors())
            ADD_FAILURE() << "validation error: " << error;
    }

    reel_gpu_test::LogCapture log_;
    reel::context context_;
    reel::device device_;
};

}  // namespace

TEST_F(GpuCppWrapper, OwnersFreeWhatTheyHold) {
    reel_device_info_t info = device_.info();
    EXPECT_NE(info.vk_device, VK_NULL_HANDLE);
    {
        reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
        desc.size = 4096;
        desc.memory_usage = REEL_GPU_MEMORY_UPLOAD;
        desc.vk_usage = VK_BUFFER_USAGE_TRANSFER_SRC_BIT;
        reel::gpu_allocation buffer = reel::gpu_allocation::buffer(device_, desc);
        VkBuffer vk_buffer = buffer.info().vk_buffer;
        EXPECT_NE(vk_buffer, VK_NULL_HANDLE);
        std::memset(buffer.map(), 0x5A, 4096);
        buffer.flush();
        EXPECT_EQ(device_.memory_stats().allocation_count, 1u);

        reel_gpu_buffer_pool_desc_t pool_desc = reel_gpu_buffer_pool_desc_default();
        pool_desc.kind = REEL_GPU_BUFFER_POOL_STAGING;
        reel::gpu_buffer_pool pool = reel::gpu_buffer_pool::create(device_, pool_desc);
        reel::gpu_allocation staged = pool.acquire(1000);
        EXPECT_EQ(pool.stats().in_use, 1u);
        staged = reel::gpu_allocation();  // back to the pool
        EXPECT_EQ(pool.stats().in_use, 0u);

        reel_dpb_desc_t dpb_desc = reel_dpb_desc_default();
        dpb_desc.vk_format = VK_FORMAT_R8G8B8A8_UNORM;
        dpb_desc.width = 64;
        dpb_desc.height = 64;
        dpb_desc.slot_count = 2;
        reel::dpb dpb = reel::dpb::create(device_, dpb_desc);
        uint32_t slot = dpb.acquire_slot(1);
        dpb.mark_reference(slot, true);
        EXPECT_NE(dpb.slot(slot).vk_image, VK_NULL_HANDLE);
        EXPECT_EQ(dpb.info().references, 1u);
    }
    reel_gpu_memory_stats_t stats = device_.memory_stats();
    EXPECT_EQ(stats.allocation_count, 0u) << "every owner freed its allocation";
}

TEST_F(GpuCppWrapper, CommandsAndTimelines) {
    reel::timeline gate = reel::gpu_timeline(context_, device_, 0);
    EXPECT_NE(reel::semaphore_of(gate), VK_NULL_HANDLE);
    uint64_t frame = device_.begin_frame();
    EXPECT_EQ(frame, 1u);
    VkCommandBuffer commands = device_.begin_commands(REEL_GPU_QUEUE_GRAPHICS);
    reel_gpu_wait_t wait = {gate.get(), 1, 0};
    reel_gpu_submit_t submit = reel_gpu_submit_default();
    submit.wait_count = 1;
    submit.waits = &wait;
    uint64_t done = device_.submit(commands, &submit);
    reel_timeline_t queue = device_.queue_timeline(REEL_GPU_QUEUE_GRAPHICS);
    EXPECT_EQ(reel_timeline_wait(queue, done, 0), REEL_TIMEOUT) << "waits for the gate";
    gate.signal(1);
    EXPECT_EQ(reel_timeline_wait(queue, done, 5000000000ull), REEL_SUCCESS);
    device_.end_frame();
}

TEST_F(GpuCppWrapper, VideoSession) {
    reel_device_info_t info = device_.info();
    if (info.queue_family[REEL_GPU_QUEUE_VIDEO_DECODE] < 0 && info.queue_family[REEL_GPU_QUEUE_VIDEO_ENCODE] < 0)
        GTEST_SKIP() << info.device_name << " exposes no VK_KHR_video_queue";
    reel_backend_caps_t caps = device_.backend_caps(1);
    for (uint32_t i = 0; i < caps.codec_count; i++) {
        const reel_video_codec_caps_t& codec = caps.codecs[i];
        if (codec.operation == REEL_VIDEO_CODEC_OP_ENCODE_AV1)
            continue;  // Reel does not enable videoEncodeAV1 yet
        reel_video_session_desc_t desc = reel_video_session_desc_default();
        desc.codec_operation = codec.operation;
        desc.max_width = codec.max_width < 1920 ? codec.max_width : 1920;
        desc.max_height = codec.max_height < 1080 ? codec.max_height : 1080;
        reel::video_session session = reel::video_session::create(device_, desc);
        EXPECT_NE(session.info().vk_video_session, VK_NULL_HANDLE);
        return;
    }
    GTEST_SKIP() << info.device_name << " reports video queues but no codec operation Reel runs";
}

TEST_F(GpuCppWrapper, ErrorsThrowWithTheMessage) {
    reel_gpu_buffer_desc_t desc = reel_gpu_buffer_desc_default();
    try {
        reel::gpu_allocation::buffer(device_, desc);
        FAIL() << "size 0 must throw";
    } catch (const reel::error& e) {
        EXPECT_EQ(e.code(), REEL_ERROR_INVALID_ARGUMENT);
        EXPECT_NE(std::string(e.what()).find("desc->size is 0"), std::string::npos) << e.what();
    }
}
