// Video sessions and video capabilities through the C ABI: run where the device has video
// queues (a GPU machine), skipped with the stated reason elsewhere (lavapipe exposes no
// VK_KHR_video_queue), where the refusal itself is checked.
#include <string>

#include "gpu_test_support.h"

using reel_gpu_test::GpuTest;
using reel_test::Failed;

namespace {

const reel_video_codec_op_t kOperations[] = {
    REEL_VIDEO_CODEC_OP_DECODE_H264, REEL_VIDEO_CODEC_OP_DECODE_H265, REEL_VIDEO_CODEC_OP_DECODE_AV1,
    REEL_VIDEO_CODEC_OP_ENCODE_H264, REEL_VIDEO_CODEC_OP_ENCODE_H265,
};

}  // namespace

TEST_F(GpuTest, VideoSession_WithoutVideoQueues_IsUnsupportedWithTheReason) {
    if (!NoVideo())
        GTEST_SKIP() << info_.device_name << " has video queues";
    reel_video_session_desc_t desc = reel_video_session_desc_default();
    desc.codec_operation = REEL_VIDEO_CODEC_OP_DECODE_H264;
    desc.max_width = 1920;
    desc.max_height = 1080;
    reel_video_session_t session = REEL_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_video_session_create(device_, &desc, &session), REEL_ERROR_UNSUPPORTED,
                       {"REEL_VIDEO_CODEC_OP_DECODE_H264 needs VK_KHR_video_queue", "exposes no VK_KHR_video_queue"}));
    EXPECT_EQ(session, REEL_NULL_HANDLE);
}

TEST_F(GpuTest, VideoSession_ForEachOperationTheDeviceReports) {
    if (NoVideo())
        GTEST_SKIP() << NoVideoReason();
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(device_, 1, &caps), REEL_SUCCESS);
    int created = 0;
    for (uint32_t i = 0; i < caps.codec_count; i++) {
        const reel_video_codec_caps_t& codec = caps.codecs[i];
        if (codec.operation == REEL_VIDEO_CODEC_OP_ENCODE_AV1)
            continue;
        reel_video_session_desc_t desc = reel_video_session_desc_default();
        desc.codec_operation = codec.operation;
        desc.max_width = codec.max_width < 1920 ? codec.max_width : 1920;
        desc.max_height = codec.max_height < 1080 ? codec.max_height : 1080;
        reel_video_session_t session;
        ASSERT_EQ(reel_video_session_create(device_, &desc, &session), REEL_SUCCESS) << reel_last_error_message();
        reel_video_session_info_t info = reel_video_session_info_init();
        ASSERT_EQ(reel_video_session_get_info(session, &info), REEL_SUCCESS);
        EXPECT_NE(info.vk_video_session, VK_NULL_HANDLE);
        EXPECT_EQ(info.codec_operation, codec.operation);
        EXPECT_LE(info.max_dpb_slots, codec.max_dpb_slots);
        EXPECT_EQ(info.vk_session_parameters != VK_NULL_HANDLE, codec.operation != REEL_VIDEO_CODEC_OP_DECODE_AV1);
        EXPECT_EQ(reel_video_session_destroy(session), REEL_SUCCESS);
        EXPECT_TRUE(Failed(reel_video_session_destroy(session), REEL_ERROR_INVALID_HANDLE, {"is stale"}));
        created++;
    }
    if (created == 0)
        GTEST_SKIP() << info_.device_name << " reports video queues but no codec operation Reel runs";
}

TEST_F(GpuTest, VideoCaps_ReportEveryRunnableOperation) {
    if (NoVideo())
        GTEST_SKIP() << NoVideoReason();
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(device_, 1, &caps), REEL_SUCCESS);
    ASSERT_GT(caps.codec_count, 0u);
    for (uint32_t i = 0; i < caps.codec_count; i++) {
        const reel_video_codec_caps_t& codec = caps.codecs[i];
        EXPECT_NE(codec.flags & REEL_CODEC_CAPS_HARDWARE, 0u);
        EXPECT_GE(codec.max_width, codec.min_width);
        EXPECT_GT(codec.max_dpb_slots, 0u);
        bool known = false;
        for (reel_video_codec_op_t operation : kOperations)
            known = known || operation == codec.operation;
        EXPECT_TRUE(known || codec.operation == REEL_VIDEO_CODEC_OP_ENCODE_AV1);
    }
}
