// The one backend registry: reel_backend_caps (every backend of this libreel) and
// reel_codec_get_caps (what a session would use) read the same registry and must agree; a
// backend whose library is missing is reported with the reason while the others keep working.
#include <cstdlib>
#include <string>

#include "session_support.h"

using namespace reel_test;

namespace {

/// Sets an environment variable for one test (each test runs in its own process).
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
    ~ScopedEnvironment() { unsetenv(name_); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
};

/// The registry entry named `name` (reel_backend_caps without a device); fails the test if absent.
reel_backend_caps_t Backend(const char* name) {
    reel_backend_caps_t caps = reel_backend_caps_init();
    EXPECT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 0, &caps), REEL_SUCCESS) << reel_last_error_message();
    uint32_t count = caps.backend_count;
    for (uint32_t i = 0; i < count; i++) {
        caps = reel_backend_caps_init();
        EXPECT_EQ(reel_backend_caps(REEL_NULL_HANDLE, i, &caps), REEL_SUCCESS) << reel_last_error_message();
        if (std::string(caps.name) == name)
            return caps;
    }
    ADD_FAILURE() << "no backend named " << name;
    return reel_backend_caps_init();
}

/// The codec entry of `op` in `caps`, or nullptr.
const reel_video_codec_caps_t* Entry(const reel_backend_caps_t& caps, reel_video_codec_op_t op) {
    for (uint32_t i = 0; i < caps.codec_count; i++) {
        if (caps.codecs[i].operation == op)
            return &caps.codecs[i];
    }
    return nullptr;
}

TEST(BackendRegistry, ListsEachBackendOnceInAFixedOrder) {
    reel_backend_caps_t first = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 0, &first), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_GE(first.backend_count, 2u) << "software and vulkan at least";
    EXPECT_STREQ(first.name, "software");
    EXPECT_EQ(first.kind, REEL_BACKEND_SOFTWARE);
    reel_backend_caps_t second = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 1, &second), REEL_SUCCESS);
    EXPECT_STREQ(second.name, "vulkan");
    EXPECT_EQ(second.kind, REEL_BACKEND_VULKAN);
    EXPECT_EQ(second.backend_count, first.backend_count);
    reel_backend_caps_t past = reel_backend_caps_init();
    EXPECT_TRUE(Failed(reel_backend_caps(REEL_NULL_HANDLE, first.backend_count, &past), REEL_ERROR_INVALID_ARGUMENT,
                       {"reel_backend_caps", "index is", "backends"}));
}

TEST(BackendRegistry, SoftwareEntry_AgreesWithCodecCaps) {
    reel_backend_caps_t software = Backend("software");
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS) << reel_last_error_message();
    ASSERT_EQ(caps.can_encode, 1u) << caps.encoder;
    ASSERT_EQ(caps.can_decode, 1u) << caps.decoder;
    EXPECT_EQ(software.available, 1u);
    EXPECT_STREQ(software.unavailable_reason, "");

    const reel_video_codec_caps_t* encode = Entry(software, REEL_VIDEO_CODEC_OP_ENCODE_AV1);
    ASSERT_NE(encode, nullptr);
    EXPECT_STREQ(encode->implementation, caps.encoder) << "one registry, one description of SVT-AV1";
    EXPECT_EQ(encode->min_width, caps.min_width);
    EXPECT_EQ(encode->max_width, caps.max_width);
    EXPECT_EQ(encode->min_height, caps.min_height);
    EXPECT_EQ(encode->max_height, caps.max_height);
    EXPECT_EQ(encode->max_bitrate, caps.max_bitrate);
    EXPECT_EQ(encode->quality_levels, caps.max_speed_preset - caps.min_speed_preset + 1);
    EXPECT_EQ(encode->flags & 0x8u, 0u) << "software, not hardware";

    const reel_video_codec_caps_t* decode = Entry(software, REEL_VIDEO_CODEC_OP_DECODE_AV1);
    ASSERT_NE(decode, nullptr);
    EXPECT_STREQ(decode->implementation, caps.decoder);
    EXPECT_EQ(decode->max_width, caps.decode_max_width);
    EXPECT_EQ(decode->max_height, caps.decode_max_height);
    // decode_bit_depths has bit n for n-bit streams; the entry uses Vulkan's bits (8 -> 0x1, 10 -> 0x4).
    EXPECT_EQ((decode->luma_bit_depths & 0x1u) != 0, (caps.decode_bit_depths & (1u << 8)) != 0);
    EXPECT_EQ((decode->luma_bit_depths & 0x4u) != 0, (caps.decode_bit_depths & (1u << 10)) != 0);
    EXPECT_NE(std::string(software.driver).find(caps.encoder), std::string::npos) << software.driver;
    EXPECT_NE(std::string(software.driver).find(caps.decoder), std::string::npos) << software.driver;
}

TEST(BackendRegistry, Auto_WithoutHardware_DescribesTheSoftwareEntry) {
    reel_codec_caps_t automatic = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_AUTO, &automatic), REEL_SUCCESS);
    // No registered backend encodes or decodes AV1 in hardware here (lavapipe has no video queue).
    bool hardware = false;
    reel_backend_caps_t caps = reel_backend_caps_init();
    ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, 0, &caps), REEL_SUCCESS);
    for (uint32_t i = 0; i < caps.backend_count; i++) {
        reel_backend_caps_t entry = reel_backend_caps_init();
        ASSERT_EQ(reel_backend_caps(REEL_NULL_HANDLE, i, &entry), REEL_SUCCESS);
        for (uint32_t c = 0; c < entry.codec_count; c++)
            hardware = hardware || (entry.codecs[c].flags & 0x8u) != 0;
    }
    if (hardware)
        GTEST_SKIP() << "a registered backend reports a hardware codec on this machine";
    EXPECT_EQ(automatic.backend, REEL_CODEC_BACKEND_SOFTWARE);
    reel_codec_caps_t hw = reel_codec_caps_init();
    EXPECT_TRUE(Failed(reel_codec_get_caps(REEL_CODEC_BACKEND_HARDWARE, &hw), REEL_ERROR_UNSUPPORTED,
                       {"REEL_CODEC_BACKEND_HARDWARE", "no hardware AV1 encoder or decoder is registered"}));
}

TEST(BackendRegistry, MissingEncoderLibrary_LeavesTheRestWorking) {
    ScopedEnvironment svt("REEL_SVTAV1_LIBRARY", "libSvtAv1Enc-not-installed.so.1");
    reel_backend_caps_t software = Backend("software");
    EXPECT_EQ(software.available, 1u) << "dav1d still decodes";
    EXPECT_EQ(Entry(software, REEL_VIDEO_CODEC_OP_ENCODE_AV1), nullptr);
    EXPECT_NE(Entry(software, REEL_VIDEO_CODEC_OP_DECODE_AV1), nullptr);
    EXPECT_NE(std::string(software.unavailable_reason).find("SVT-AV1 encoder unavailable: libSvtAv1Enc-not-installed.so.1 could not be loaded"),
              std::string::npos)
        << software.unavailable_reason;
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS);
    EXPECT_EQ(caps.can_encode, 0u);
    EXPECT_EQ(caps.can_decode, 1u);
    EXPECT_EQ(Backend("vulkan").kind, REEL_BACKEND_VULKAN) << "the Vulkan backend is still listed";
}

TEST(BackendRegistry, BothCodecLibrariesMissing_MakeTheSoftwareBackendUnavailable) {
    ScopedEnvironment svt("REEL_SVTAV1_LIBRARY", "libSvtAv1Enc-not-installed.so.1");
    ScopedEnvironment dav1d("REEL_DAV1D_LIBRARY", "libdav1d-not-installed.so.6");
    reel_backend_caps_t software = Backend("software");
    EXPECT_EQ(software.available, 0u);
    EXPECT_EQ(software.codec_count, 0u);
    std::string reason = software.unavailable_reason;
    EXPECT_NE(reason.find("libSvtAv1Enc-not-installed.so.1"), std::string::npos) << reason;
    EXPECT_NE(reason.find("libdav1d-not-installed.so.6"), std::string::npos) << reason;
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS);
    EXPECT_EQ(caps.can_encode + caps.can_decode, 0u) << "both answers agree";
    ScopedContext context;
    EXPECT_EQ(context.result(), REEL_SUCCESS) << "libreel itself still works";
}

}  // namespace
