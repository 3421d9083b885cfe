#include "test_support.h"

#include <string>
#include <thread>

using reel_test::Failed;

TEST(ResultName, EveryCodeHasItsEnumeratorName) {
    EXPECT_STREQ(reel_result_name(REEL_SUCCESS), "REEL_SUCCESS");
    EXPECT_STREQ(reel_result_name(REEL_NOT_READY), "REEL_NOT_READY");
    EXPECT_STREQ(reel_result_name(REEL_TIMEOUT), "REEL_TIMEOUT");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_INVALID_ARGUMENT), "REEL_ERROR_INVALID_ARGUMENT");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_INVALID_HANDLE), "REEL_ERROR_INVALID_HANDLE");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_INCOMPATIBLE_VERSION), "REEL_ERROR_INCOMPATIBLE_VERSION");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_OUT_OF_MEMORY), "REEL_ERROR_OUT_OF_MEMORY");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_UNSUPPORTED), "REEL_ERROR_UNSUPPORTED");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_LIMIT_REACHED), "REEL_ERROR_LIMIT_REACHED");
    EXPECT_STREQ(reel_result_name(REEL_END_OF_STREAM), "REEL_END_OF_STREAM");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_BAD_STATE), "REEL_ERROR_BAD_STATE");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_CORRUPT_DATA), "REEL_ERROR_CORRUPT_DATA");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_IO), "REEL_ERROR_IO");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_DEVICE_LOST), "REEL_ERROR_DEVICE_LOST");
    EXPECT_STREQ(reel_result_name(REEL_ERROR_INTERNAL), "REEL_ERROR_INTERNAL");
}

TEST(ResultName, UnknownValuesAreNamedUnknown) {
    EXPECT_STREQ(reel_result_name(static_cast<reel_result_t>(-42)), "REEL_RESULT_UNKNOWN");
    EXPECT_STREQ(reel_result_name(REEL_RESULT_MAX_ENUM), "REEL_RESULT_UNKNOWN");
}

TEST(LastError, EmptyOnAThreadThatNeverFailed) {
    std::string seen = "unset";
    std::thread([&] { seen = reel_last_error_message(); }).join();
    EXPECT_EQ(seen, "");
}

TEST(LastError, IsPerThreadAndSurvivesSuccessfulCalls) {
    ASSERT_TRUE(Failed(reel_context_create(nullptr, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"desc is NULL"}));
    std::string other;
    std::thread([&] {
        reel_context_destroy(reel_test::WithTypeTag(nullptr, 0x42));
        other = reel_last_error_message();
    }).join();
    EXPECT_NE(other.find("unknown type tag 0x42"), std::string::npos) << other;

    // The other thread's failure is not visible here, and a successful call changes nothing.
    EXPECT_EQ(reel_version(), REEL_API_VERSION);
    EXPECT_NE(std::string(reel_last_error_message()).find("desc is NULL"), std::string::npos);
}
