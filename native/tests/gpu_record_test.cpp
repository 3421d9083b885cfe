// Recording what the GPU rendered (reel_movie_writer_write_vk_image), as a game engine does it:
// the host creates its Vulkan device (validation + synchronization validation), renders a
// moving pattern into its own VkImage every frame, and Reel, on the adopted device, converts
// each image on the GPU and feeds the movie writer. Files are checked with ffprobe and decoded
// back (PSNR against the exact pixels the host rendered); every bad input is refused with a
// message naming the argument. Any validation message, at the host or at Reel, fails a test.
#include <cstring>
#include <string>
#include <vector>

#include "gpu_host_render.h"
#include "gpu_host_vulkan.h"
#include "gpu_test_support.h"
#include "session_support.h"

using reel_gpu_test::HostRenderer;
using reel_gpu_test::HostVulkan;
using reel_gpu_test::LogCapture;
using reel_test::Failed;
using reel_test::Picture;

namespace {

constexpr uint32_t kWidth = 160;
constexpr uint32_t kHeight = 120;

class GpuRecord : public ::testing::Test {
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
        reel_vulkan_adoption_t adoption = reel_vulkan_adoption_default();
        adoption.flags = REEL_DEVICE_FLAG_VALIDATION;
        adoption.vk_get_instance_proc_addr = &vkGetInstanceProcAddr;
        adoption.vk_instance = host_.instance;
        adoption.vk_physical_device = host_.physical_device;
        adoption.vk_device = host_.device;
        adoption.instance_api_version = host_.api_version;
        adoption.enabled_features = REEL_VULKAN_FEATURE_TIMELINE_SEMAPHORE | REEL_VULKAN_FEATURE_SYNCHRONIZATION2;
        adoption.instance_extension_count = host_.ExtensionCount();
        adoption.instance_extensions = host_.Extensions();
        adoption.queue_count = 1;
        adoption.queues = &queue_;
        ASSERT_EQ(reel_device_adopt(context_, &adoption, &device_), REEL_SUCCESS) << reel_last_error_message();
    }

    void TearDown() override {
        renderer_.Destroy();
        if (context_ != REEL_NULL_HANDLE) {
            EXPECT_EQ(reel_context_destroy(context_), REEL_SUCCESS);
        }
        host_.Destroy();
        for (const std::string& error : host_.errors)
            ADD_FAILURE() << "validation error at the host: " << error;
        for (const std::string& error : log_.ValidationErrors())
            ADD_FAILURE() << "validation error seen by Reel: " << error;
    }

    reel_movie_writer_t Begin(const std::string& path, uint32_t frames_in_flight) {
        reel_encoder_desc_t settings = reel_test::SmallDesc(kWidth, kHeight);
        settings.rate_control = REEL_RATE_CONTROL_CQP;
        settings.quality = 90;
        settings.color = REEL_COLOR_BT709_LIMITED;
        reel_movie_writer_t writer = REEL_NULL_HANDLE;
        EXPECT_EQ(reel_movie_writer_begin(context_, path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(reel_movie_writer_attach_vk_device(writer, device_, frames_in_flight), REEL_SUCCESS) << reel_last_error_message();
        return writer;
    }

    /// The image of frame k as the host hands it over.
    reel_vk_image_t Image(uint32_t k, VkFormat format, VkImageLayout layout) {
        reel_vk_image_t image = reel_vk_image_default();
        image.width = kWidth;
        image.height = kHeight;
        image.vk_format = format;
        image.vk_image = renderer_.image();
        image.vk_device = host_.device;
        image.vk_layout = layout;
        image.queue_family = host_.family;
        image.wait_semaphore = renderer_.rendered;
        image.wait_value = k + 1;
        image.signal_semaphore = renderer_.reusable;
        image.signal_value = k + 1;
        image.timeout_ns = UINT64_MAX;
        return image;
    }

    /// Decodes a file with Reel's IVF reader and decoder.
    std::vector<Picture> DecodeFile(const std::string& path) {
        std::vector<reel_test::Packet> packets;
        reel_ivf_reader_t reader;
        EXPECT_EQ(reel_ivf_reader_open(context_, path.c_str(), &reader), REEL_SUCCESS) << reel_last_error_message();
        reel_pool_t bytes = reel_test::BytePool(context_);
        reel_buffer_t packet;
        while (reel_ivf_reader_read(reader, bytes, &packet) == REEL_SUCCESS)
            packets.push_back(reel_test::TakePacket(packet));
        reel_ivf_reader_close(reader);
        reel_pool_destroy(bytes);
        return reel_test::Decode(context_, packets);
    }

    /// Renders and records `frames` frames, ends the writer, and checks every decoded frame
    /// against the pixels the host rendered for it (and not its neighbours').
    void RecordAndCheck(const std::string& path, uint32_t frames, uint32_t frames_in_flight, VkFormat format, VkImageLayout layout) {
        std::string why;
        ASSERT_TRUE(renderer_.Create(host_, kWidth, kHeight, format, &why)) << why;
        reel_movie_writer_t writer = Begin(path, frames_in_flight);
        for (uint32_t k = 0; k < frames; k++) {
            ASSERT_TRUE(renderer_.Render(k, layout));
            reel_vk_image_t image = Image(k, format, layout);
            ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &image), REEL_SUCCESS) << reel_last_error_message();
        }
        reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
        ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
        EXPECT_EQ(stats.frames_written, frames);
        EXPECT_EQ(stats.frames_encoded, frames);
        EXPECT_EQ(reel_test::FfprobeFrames(path), int(frames));
        std::vector<Picture> decoded = DecodeFile(path);
        ASSERT_EQ(decoded.size(), size_t(frames));
        bool bgra = format == VK_FORMAT_B8G8R8A8_UNORM || format == VK_FORMAT_B8G8R8A8_SRGB;
        double worst = 100;
        for (uint32_t k = 0; k < frames; k++) {
            std::vector<uint8_t> expected = HostRenderer::Luma(renderer_.Expected(k), bgra);
            double psnr = reel_test::Psnr(expected, decoded[k].y);
            worst = psnr < worst ? psnr : worst;
            EXPECT_GE(psnr, 30.0) << "frame " << k;
            if (k + 1 < frames) {
                std::vector<uint8_t> next = HostRenderer::Luma(renderer_.Expected(k + 1), bgra);
                EXPECT_GT(psnr, reel_test::Psnr(next, decoded[k].y) + 10) << "frame " << k << " shows frame " << k + 1 << "'s pixels";
            }
        }
        std::printf("[ record ] %u frames, %u in flight: worst luma PSNR %.1f dB against the rendered pixels\n", frames, frames_in_flight, worst);
    }

    HostVulkan host_;
    HostRenderer renderer_;
    LogCapture log_;
    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_device_t device_ = REEL_NULL_HANDLE;
    reel_vulkan_queue_t queue_{};
    reel_test::TempDir dir_;
};

}  // namespace

TEST_F(GpuRecord, GodotLikeHost_Records120FramesOfAMovingPattern) {
    RecordAndCheck(dir_.File("moving.ivf"), 120, 3, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
}

TEST_F(GpuRecord, BgraImagesInTransferLayout_FourFramesInFlight) {
    RecordAndCheck(dir_.File("bgra.ivf"), 24, 4, VK_FORMAT_B8G8R8A8_UNORM, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL);
}

TEST_F(GpuRecord, HostOverwritesRightAfterReelsSignal_RecordingIsStillCorrect) {
    // The host waits on the CPU for Reel's signal of frame k - 1 and renders frame k into the
    // same image at once, without a GPU wait: had Reel signalled before its copy finished,
    // frame k - 1 would show frame k's pixels.
    std::string why;
    ASSERT_TRUE(renderer_.Create(host_, kWidth, kHeight, VK_FORMAT_R8G8B8A8_UNORM, &why)) << why;
    std::string path = dir_.File("reuse.ivf");
    reel_movie_writer_t writer = Begin(path, 2);
    constexpr uint32_t frames = 16;
    for (uint32_t k = 0; k < frames; k++) {
        if (k > 0) {
            uint64_t value = k;
            VkSemaphoreWaitInfo wait = reel_gpu_test::Make<VkSemaphoreWaitInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO);
            wait.semaphoreCount = 1;
            wait.pSemaphores = &renderer_.reusable;
            wait.pValues = &value;
            ASSERT_EQ(vkWaitSemaphores(host_.device, &wait, 10'000'000'000ull), VK_SUCCESS);
        }
        ASSERT_TRUE(renderer_.Render(k, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL, /*wait_for_reel=*/false));
        reel_vk_image_t image = Image(k, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
        ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &image), REEL_SUCCESS) << reel_last_error_message();
    }
    ASSERT_EQ(reel_movie_writer_end(writer, nullptr), REEL_SUCCESS) << reel_last_error_message();
    std::vector<Picture> decoded = DecodeFile(path);
    ASSERT_EQ(decoded.size(), size_t(frames));
    for (uint32_t k = 0; k < frames; k++) {
        double psnr = reel_test::Psnr(HostRenderer::Luma(renderer_.Expected(k), false), decoded[k].y);
        EXPECT_GE(psnr, 30.0) << "frame " << k;
    }
}

TEST_F(GpuRecord, WaitValueNeverSignalled_TimesOutAndTheWriterStaysUsable) {
    std::string why;
    ASSERT_TRUE(renderer_.Create(host_, kWidth, kHeight, VK_FORMAT_R8G8B8A8_UNORM, &why)) << why;
    std::string path = dir_.File("timeout.ivf");
    reel_movie_writer_t writer = Begin(path, 1);
    ASSERT_TRUE(renderer_.Render(0, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL));
    // Frame 0 waits for a value of `rendered` the host has not signalled (it is at 1).
    reel_vk_image_t image = Image(0, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    image.wait_value = 1000;
    ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &image), REEL_SUCCESS) << reel_last_error_message();

    // The outstanding report names the frame in flight.
    struct Found { bool frame = false; } found;
    uint32_t count = 0;
    ASSERT_EQ(reel_report_outstanding(context_, [](void* user, const reel_outstanding_buffer_t* b) {
        if (std::strstr(b->pool_name, "gpu frames") != nullptr && b->tag == 0x004547414D494B56ull && b->pts == 0)
            static_cast<Found*>(user)->frame = true;
    }, &found, &count), REEL_SUCCESS);
    EXPECT_TRUE(found.frame) << count << " buffers out, none of them the frame in flight";

    reel_vk_image_t next = Image(1, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);
    next.wait_value = 1;
    next.signal_value = 2;
    next.timeout_ns = 50'000'000;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &next), REEL_TIMEOUT, {"image->wait_value 1000"}));
    EXPECT_NE(std::strstr(reel_last_error_message(), "now at 1"), nullptr) << reel_last_error_message();

    // The host signals the value (on the CPU); frame 0 completes and the writer takes frame 1.
    VkSemaphoreSignalInfo signal = reel_gpu_test::Make<VkSemaphoreSignalInfo>(VK_STRUCTURE_TYPE_SEMAPHORE_SIGNAL_INFO);
    signal.semaphore = renderer_.rendered;
    signal.value = 1000;
    ASSERT_EQ(vkSignalSemaphore(host_.device, &signal), VK_SUCCESS);
    next.wait_value = 1000;
    next.timeout_ns = UINT64_MAX;
    ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &next), REEL_SUCCESS) << reel_last_error_message();
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.frames_encoded, 2u);
    EXPECT_EQ(reel_test::FfprobeFrames(path), 2);
}

TEST_F(GpuRecord, BadInputs_NameTheArgumentAndTheLimit) {
    std::string why;
    ASSERT_TRUE(renderer_.Create(host_, kWidth, kHeight, VK_FORMAT_R8G8B8A8_UNORM, &why)) << why;
    std::string path = dir_.File("bad.ivf");
    reel_encoder_desc_t settings = reel_test::SmallDesc(kWidth, kHeight);
    reel_movie_writer_t writer;
    ASSERT_EQ(reel_movie_writer_begin(context_, path.c_str(), &settings, &writer), REEL_SUCCESS) << reel_last_error_message();
    reel_vk_image_t good = Image(0, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL);

    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &good), REEL_ERROR_BAD_STATE, {"reel_movie_writer_attach_vk_device first"}));
    EXPECT_TRUE(Failed(reel_movie_writer_attach_vk_device(writer, device_, 9), REEL_ERROR_INVALID_ARGUMENT, {"frames_in_flight is 9; allowed 1 to 8"}));
    EXPECT_TRUE(Failed(reel_movie_writer_attach_vk_device(writer, REEL_NULL_HANDLE, 2), REEL_ERROR_INVALID_HANDLE, {"device"}));
    ASSERT_EQ(reel_movie_writer_attach_vk_device(writer, device_, 2), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_TRUE(Failed(reel_movie_writer_attach_vk_device(writer, device_, 2), REEL_ERROR_BAD_STATE, {"already records from a device"}));

    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"image"}));
    reel_vk_image_t image = good;
    image.struct_size = 8;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->struct_size is 8"}));
    image = good;
    image.vk_device = reinterpret_cast<VkDevice>(0x1234);
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->vk_device is 0x1234; allowed 0x"}));
    image = good;
    image.vk_image = VK_NULL_HANDLE;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->vk_image is VK_NULL_HANDLE"}));
    image = good;
    image.width = kWidth / 2;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image is 80x120 (image->width x image->height); allowed 160x120"}));
    image = good;
    image.vk_format = VK_FORMAT_R16G16B16A16_SFLOAT;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->vk_format is VK_FORMAT_R16G16B16A16_SFLOAT (97); allowed VK_FORMAT_R8G8B8A8_UNORM"}));
    image = good;
    image.vk_layout = VK_IMAGE_LAYOUT_UNDEFINED;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->vk_layout is VK_IMAGE_LAYOUT_UNDEFINED (0); allowed"}));
    image = good;
    image.vk_layout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->vk_layout is VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL"}));
    image = good;
    image.queue_family = host_.family + 7;
    std::string family = "image->queue_family is " + std::to_string(host_.family + 7) + "; allowed " + std::to_string(host_.family);
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {family.c_str()}));
    image = good;
    image.signal_value = 0;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"image->signal_value is 0; allowed 1 or more"}));
    image = good;
    image.signal_semaphore = image.wait_semaphore;
    image.signal_value = image.wait_value;
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_INVALID_ARGUMENT, {"allowed 2 (image->wait_value + 1) or more"}));
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(REEL_NULL_HANDLE, &good), REEL_ERROR_INVALID_HANDLE, {"writer"}));

    // Nothing was recorded by the refused calls; a good frame still goes in.
    ASSERT_TRUE(renderer_.Render(0, VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL));
    ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &good), REEL_SUCCESS) << reel_last_error_message();
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.frames_encoded, 1u);
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &good), REEL_ERROR_INVALID_HANDLE, {"writer"}));
}

TEST_F(GpuRecord, DeviceDestroyedFirst_FramesInFlightAreRecordedAndLaterWritesRefused) {
    std::string why;
    ASSERT_TRUE(renderer_.Create(host_, kWidth, kHeight, VK_FORMAT_R8G8B8A8_UNORM, &why)) << why;
    std::string path = dir_.File("device-first.ivf");
    reel_movie_writer_t writer = Begin(path, 3);
    for (uint32_t k = 0; k < 3; k++) {
        ASSERT_TRUE(renderer_.Render(k, VK_IMAGE_LAYOUT_GENERAL));
        reel_vk_image_t image = Image(k, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_GENERAL);
        ASSERT_EQ(reel_movie_writer_write_vk_image(writer, &image), REEL_SUCCESS) << reel_last_error_message();
    }
    ASSERT_EQ(reel_device_destroy(device_), REEL_SUCCESS) << reel_last_error_message();
    reel_vk_image_t image = Image(3, VK_FORMAT_R8G8B8A8_UNORM, VK_IMAGE_LAYOUT_GENERAL);
    EXPECT_TRUE(Failed(reel_movie_writer_write_vk_image(writer, &image), REEL_ERROR_BAD_STATE, {"no longer records from this device"}));
    reel_movie_writer_stats_t stats = reel_movie_writer_stats_init();
    ASSERT_EQ(reel_movie_writer_end(writer, &stats), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(stats.frames_encoded, 3u);
    EXPECT_EQ(reel_test::FfprobeFrames(path), 3);
}
