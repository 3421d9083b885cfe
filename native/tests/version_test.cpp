#include "test_support.h"

#include <cstdio>
#include <string>

TEST(Version, LibraryMatchesHeader) {
    EXPECT_EQ(reel_version(), REEL_API_VERSION);
    EXPECT_EQ(REEL_VERSION_GET_MAJOR(reel_version()), static_cast<uint32_t>(REEL_VERSION_MAJOR));
    EXPECT_EQ(REEL_VERSION_GET_MINOR(reel_version()), static_cast<uint32_t>(REEL_VERSION_MINOR));
    EXPECT_EQ(REEL_VERSION_GET_PATCH(reel_version()), static_cast<uint32_t>(REEL_VERSION_PATCH));
}

TEST(Version, StringIsMajorMinorPatch) {
    char expected[32];
    std::snprintf(expected, sizeof expected, "%d.%d.%d", REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH);
    EXPECT_STREQ(reel_version_string(), expected);
    EXPECT_EQ(reel_version_string(), reel_version_string()) << "the string is static";
}

TEST(Version, MakeVersionPacksTenTenTwelveBits) {
    constexpr uint32_t v = REEL_MAKE_VERSION(1023, 1023, 4095);
    EXPECT_EQ(v, 0xFFFFFFFFu);
    EXPECT_EQ(REEL_VERSION_GET_MAJOR(REEL_MAKE_VERSION(2, 5, 9)), 2u);
    EXPECT_EQ(REEL_VERSION_GET_MINOR(REEL_MAKE_VERSION(2, 5, 9)), 5u);
    EXPECT_EQ(REEL_VERSION_GET_PATCH(REEL_MAKE_VERSION(2, 5, 9)), 9u);
}
