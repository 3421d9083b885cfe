// Command buffers, frames in flight and timelines through the C ABI. The host records with its
// own entry points (fetched through the vkGetInstanceProcAddr Reel reports) into Reel's command
// buffers, waits on Reel's timelines, and signals Reel's timeline semaphore in its own submission.
#include <cstring>
#include <string>
#include <vector>

#include "gpu_host_vulkan.h"
#include "gpu_test_support.h"

using reel_gpu_test::DeviceCalls;
using reel_gpu_test::GpuTest;
using reel_test::Failed;

namespace {

constexpr uint64_t kFiveSeconds = 5000000000ull;

class GpuCommands : public GpuTest {
protected:
    reel_timeline_t GpuTimeline(uint64_t initial = 0) {
        reel_timeline_desc_t desc = reel_timeline_desc_default();
        desc.kind = REEL_TIMELINE_GPU;
        desc.device = device_;
        desc.initial_value = initial;
        reel_timeline_t timeline = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_timeline_create(context_, &desc, &timeline), REEL_SUCCESS) << reel_last_error_message();
        return timeline;
    }

    uint64_t SubmitWaitingFor(reel_timeline_t gate, uint64_t value) {
        VkCommandBuffer commands;
        EXPECT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS) << reel_last_error_message();
        reel_gpu_wait_t wait = {gate, value, 0};
        reel_gpu_submit_t submit = reel_gpu_submit_default();
        submit.wait_count = gate == REEL_NULL_HANDLE ? 0 : 1;
        submit.waits = &wait;
        uint64_t submitted = 0;
        EXPECT_EQ(reel_command_buffer_submit(device_, commands, &submit, &submitted), REEL_SUCCESS) << reel_last_error_message();
        return submitted;
    }
};

}  // namespace

TEST_F(GpuCommands, HostRecordsIntoReelsCommandBuffer_AndReadsTheResult) {
    reel_gpu_allocation_t readback = Buffer(4096, REEL_GPU_MEMORY_READBACK, 0x2 /* TRANSFER_DST */);
    reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
    ASSERT_EQ(reel_gpu_allocation_get_info(readback, &info), REEL_SUCCESS);
    DeviceCalls calls(info_);
    VkCommandBuffer commands;
    ASSERT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_TRANSFER, &commands), REEL_SUCCESS) << reel_last_error_message();
    calls.FillForHost(commands, info.vk_buffer, 4096, 0xC0FFEE11u);
    uint64_t value = 0;
    ASSERT_EQ(reel_command_buffer_submit(device_, commands, nullptr, &value), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(value, 1u);
    reel_timeline_t queue;
    ASSERT_EQ(reel_device_get_queue_timeline(device_, REEL_GPU_QUEUE_TRANSFER, &queue), REEL_SUCCESS);
    ASSERT_EQ(reel_timeline_wait(queue, value, kFiveSeconds), REEL_SUCCESS);
    ASSERT_EQ(reel_gpu_allocation_invalidate(readback, 0, UINT64_MAX), REEL_SUCCESS);
    uint32_t word;
    std::memcpy(&word, static_cast<const char*>(info.mapped) + 4092, 4);
    EXPECT_EQ(word, 0xC0FFEE11u);
    EXPECT_TRUE(Failed(reel_command_buffer_submit(device_, commands, nullptr, &value), REEL_ERROR_INVALID_ARGUMENT, {"submitted already"}));
    EXPECT_TRUE(Failed(reel_timeline_destroy(queue), REEL_ERROR_BAD_STATE, {"queue timeline"}));
    EXPECT_TRUE(Failed(reel_timeline_signal(queue, 100), REEL_ERROR_BAD_STATE, {"only Reel's submissions signal it"}));
}

TEST_F(GpuCommands, ValidationErrors_ReachTheContextLogAndTheDeviceCounts) {
    // The harness itself: a broken rule (vkCmdFillBuffer's offset must be a multiple of 4) must
    // be seen, or every other test here would pass without proving anything.
    reel_gpu_allocation_t buffer = Buffer(4096, REEL_GPU_MEMORY_DEVICE_LOCAL, 0x2);
    reel_gpu_allocation_info_t info = reel_gpu_allocation_info_init();
    ASSERT_EQ(reel_gpu_allocation_get_info(buffer, &info), REEL_SUCCESS);
    DeviceCalls calls(info_);
    VkCommandBuffer commands;
    ASSERT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS);
    calls.fill_buffer(commands, info.vk_buffer, 2, 64, 0);
    std::vector<std::string> errors = log_.ValidationErrors();
    ASSERT_FALSE(errors.empty()) << "the misaligned fill was not reported";
    EXPECT_NE(errors[0].find("VUID-vkCmdFillBuffer-dstOffset"), std::string::npos) << errors[0];
    reel_device_info_t after = reel_device_info_init();
    ASSERT_EQ(reel_device_get_info(device_, &after), REEL_SUCCESS);
    EXPECT_GE(after.validation_errors, 1u);
    log_.ClearValidationErrors();
}

TEST_F(GpuCommands, BeginFrame_WaitsForTheFrameTwoBefore) {
    reel_timeline_t gate = GpuTimeline();
    uint64_t frame = 0;
    ASSERT_EQ(reel_device_begin_frame(device_, 0, &frame), REEL_SUCCESS);
    EXPECT_EQ(frame, 1u);
    SubmitWaitingFor(gate, 1);
    ASSERT_EQ(reel_device_end_frame(device_), REEL_SUCCESS);
    ASSERT_EQ(reel_device_begin_frame(device_, 0, &frame), REEL_SUCCESS);
    SubmitWaitingFor(REEL_NULL_HANDLE, 0);
    ASSERT_EQ(reel_device_end_frame(device_), REEL_SUCCESS);
    EXPECT_EQ(reel_device_begin_frame(device_, 1000000, &frame), REEL_TIMEOUT) << "frame 1 still waits for the gate";
    EXPECT_EQ(frame, 2u) << "unchanged";
    ASSERT_EQ(reel_timeline_signal(gate, 1), REEL_SUCCESS);
    ASSERT_EQ(reel_device_begin_frame(device_, kFiveSeconds, &frame), REEL_SUCCESS);
    EXPECT_EQ(frame, 3u);
    EXPECT_TRUE(Failed(reel_device_begin_frame(device_, 0, &frame), REEL_ERROR_BAD_STATE, {"frame 3 is still begun"}));
    ASSERT_EQ(reel_device_end_frame(device_), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_device_end_frame(device_), REEL_ERROR_BAD_STATE, {"no frame is begun"}));
    reel_device_info_t info = reel_device_info_init();
    ASSERT_EQ(reel_device_get_info(device_, &info), REEL_SUCCESS);
    EXPECT_EQ(info.frame, 3u);
}

TEST_F(GpuCommands, CpuTimeline_SignalQueryWait) {
    reel_timeline_t timeline;
    ASSERT_EQ(reel_timeline_create(context_, nullptr, &timeline), REEL_SUCCESS);
    uint64_t value = 99;
    ASSERT_EQ(reel_timeline_get_value(timeline, &value), REEL_SUCCESS);
    EXPECT_EQ(value, 0u);
    EXPECT_EQ(reel_timeline_wait(timeline, 1, 1000000), REEL_TIMEOUT);
    ASSERT_EQ(reel_timeline_signal(timeline, 4), REEL_SUCCESS);
    EXPECT_EQ(reel_timeline_wait(timeline, 3, 0), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_timeline_signal(timeline, 2), REEL_ERROR_INVALID_ARGUMENT, {"value is 2; the timeline is already at 4"}));
    VkSemaphore semaphore;
    EXPECT_TRUE(Failed(reel_timeline_get_semaphore(timeline, &semaphore), REEL_ERROR_INVALID_ARGUMENT, {"is a CPU timeline"}));
    EXPECT_EQ(reel_timeline_destroy(timeline), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_timeline_destroy(timeline), REEL_ERROR_INVALID_HANDLE, {"stale"}));
}

TEST_F(GpuCommands, HostSubmission_SignalsReelsTimelineSemaphore) {
    reel_timeline_t timeline = GpuTimeline(1);
    VkSemaphore semaphore = VK_NULL_HANDLE;
    ASSERT_EQ(reel_timeline_get_semaphore(timeline, &semaphore), REEL_SUCCESS);
    ASSERT_NE(semaphore, VK_NULL_HANDLE);
    DeviceCalls calls(info_);
    VkSemaphoreSubmitInfo signal = reel_gpu_test::Make<VkSemaphoreSubmitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SUBMIT_INFO);
    signal.semaphore = semaphore;
    signal.value = 3;
    signal.stageMask = VK_PIPELINE_STAGE_2_ALL_COMMANDS_BIT;
    VkSubmitInfo2 submit = reel_gpu_test::Make<VkSubmitInfo2>(VK_STRUCTURE_TYPE_SUBMIT_INFO_2);
    submit.signalSemaphoreInfoCount = 1;
    submit.pSignalSemaphoreInfos = &signal;
    // The host's own submission on the queue Reel uses; no Reel call runs meanwhile.
    ASSERT_EQ(calls.queue_submit2(info_.vk_queue[REEL_GPU_QUEUE_GRAPHICS], 1, &submit, VK_NULL_HANDLE), VK_SUCCESS);
    EXPECT_EQ(reel_timeline_wait(timeline, 3, kFiveSeconds), REEL_SUCCESS);
    uint64_t value = 0;
    ASSERT_EQ(reel_timeline_get_value(timeline, &value), REEL_SUCCESS);
    EXPECT_EQ(value, 3u);
}

TEST_F(GpuCommands, ReelBuffer_ReleasedAfterATimelineValue) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    reel_pool_t pool;
    ASSERT_EQ(reel_byte_pool_create(context_, &desc, &pool), REEL_SUCCESS);
    reel_buffer_t buffer;
    ASSERT_EQ(reel_pool_acquire_bytes(pool, 1000, &buffer), REEL_SUCCESS);
    reel_timeline_t timeline = GpuTimeline();
    ASSERT_EQ(reel_buffer_release_after(buffer, timeline, 2), REEL_SUCCESS);
    reel_pool_stats_t stats = reel_pool_stats_init();
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    ASSERT_EQ(reel_pool_get_stats(pool, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.in_use, 1u) << "the GPU may still read it";
    ASSERT_EQ(reel_timeline_signal(timeline, 2), REEL_SUCCESS);
    ASSERT_EQ(reel_context_advance_frame(context_, nullptr), REEL_SUCCESS);
    ASSERT_EQ(reel_pool_get_stats(pool, &stats), REEL_SUCCESS);
    EXPECT_EQ(stats.in_use, 0u);
    EXPECT_TRUE(Failed(reel_buffer_release(buffer), REEL_ERROR_INVALID_HANDLE, {"released"}));
}

TEST_F(GpuCommands, CommandBuffers_BeyondTheCap_AreLimitReachedUntilOneCompletes) {
    reel_timeline_t gate = GpuTimeline();
    for (int i = 0; i < 16; i++)
        SubmitWaitingFor(gate, 1);
    VkCommandBuffer commands;
    EXPECT_TRUE(Failed(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_ERROR_LIMIT_REACHED,
                       {"all 16 command buffers", "recording or in flight"}));
    ASSERT_EQ(reel_timeline_signal(gate, 1), REEL_SUCCESS);
    reel_timeline_t queue;
    ASSERT_EQ(reel_device_get_queue_timeline(device_, REEL_GPU_QUEUE_GRAPHICS, &queue), REEL_SUCCESS);
    ASSERT_EQ(reel_timeline_wait(queue, 16, kFiveSeconds), REEL_SUCCESS);
    ASSERT_EQ(reel_command_buffer_begin(device_, REEL_GPU_QUEUE_GRAPHICS, &commands), REEL_SUCCESS);
    uint64_t value;
    ASSERT_EQ(reel_command_buffer_submit(device_, commands, nullptr, &value), REEL_SUCCESS);
    EXPECT_EQ(value, 17u);
}
