// A codec library that cannot be loaded (REEL_SVTAV1_LIBRARY / REEL_DAV1D_LIBRARY pointed at a
// name that does not exist, as on a machine without the packages): libreel still works, caps
// say why the codec is missing, and creating a session is REEL_ERROR_UNSUPPORTED naming it.
#include <cstdlib>

#include "session_support.h"

using namespace reel_test;

namespace {

/// Sets an environment variable for one test.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const char* value) : name_(name) { setenv(name, value, 1); }
    ~ScopedEnvironment() { unsetenv(name_); }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* name_;
};

TEST(SessionMissingLibrary, Encoder_IsUnsupportedNamingTheLibrary) {
    ScopedEnvironment svt("REEL_SVTAV1_LIBRARY", "libSvtAv1Enc-not-installed.so.1");
    ScopedContext context;
    ASSERT_EQ(context.result(), REEL_SUCCESS) << "libreel works without the codec";
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_SOFTWARE, &caps), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_EQ(caps.can_encode, 0u);
    EXPECT_NE(std::string(caps.encoder).find("libSvtAv1Enc-not-installed.so.1 could not be loaded"), std::string::npos) << caps.encoder;
    EXPECT_EQ(caps.can_decode, 1u) << "dav1d is still there";
    reel_encoder_desc_t desc = SmallDesc();
    reel_encoder_t encoder;
    EXPECT_TRUE(Failed(reel_encoder_create(context.get(), &desc, &encoder), REEL_ERROR_UNSUPPORTED,
                       {"reel_encoder_create", "SVT-AV1 encoder unavailable", "libSvtAv1Enc-not-installed.so.1", "libsvtav1enc1"}));
    reel_movie_writer_t writer;
    TempDir dir;
    EXPECT_TRUE(Failed(reel_movie_writer_begin(context.get(), dir.File("m.ivf").c_str(), &desc, &writer), REEL_ERROR_UNSUPPORTED,
                       {"reel_movie_writer_begin", "libSvtAv1Enc-not-installed.so.1"}));
    EXPECT_EQ(BuffersOut(context.get()), 0u);
}

TEST(SessionMissingLibrary, Decoder_IsUnsupportedNamingTheLibrary) {
    ScopedEnvironment dav1d("REEL_DAV1D_LIBRARY", "libdav1d-not-installed.so.6");
    ScopedContext context;
    reel_codec_caps_t caps = reel_codec_caps_init();
    ASSERT_EQ(reel_codec_get_caps(REEL_CODEC_BACKEND_AUTO, &caps), REEL_SUCCESS);
    EXPECT_EQ(caps.can_decode, 0u);
    EXPECT_NE(std::string(caps.decoder).find("libdav1d-not-installed.so.6"), std::string::npos) << caps.decoder;
    reel_decoder_desc_t desc = reel_decoder_desc_default();
    reel_decoder_t decoder;
    EXPECT_TRUE(Failed(reel_decoder_create(context.get(), &desc, &decoder), REEL_ERROR_UNSUPPORTED,
                       {"reel_decoder_create", "libdav1d-not-installed.so.6", "could not be loaded"}));
}

}  // namespace
