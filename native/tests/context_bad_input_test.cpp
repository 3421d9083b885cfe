// Every bad input to reel_context_create / reel_context_destroy: a documented error code and
// a message that names the argument (and the limit), never a crash.
#include "test_support.h"

#include <cstdlib>
#include <cstring>

using reel_test::Failed;
using reel_test::ScopedContext;
using reel_test::WithTypeTag;

namespace {

void* Alloc(void*, size_t size, size_t alignment) { return std::aligned_alloc(alignment, size); }
void Free(void*, void* memory, size_t, size_t) { std::free(memory); }

reel_result_t Create(const reel_context_desc_t& desc) {
    reel_context_t context = REEL_NULL_HANDLE;
    reel_result_t result = reel_context_create(&desc, &context);
    if (result == REEL_SUCCESS)
        reel_context_destroy(context);
    return result;
}

}  // namespace

TEST(ContextBadInput, NullDesc) {
    reel_context_t context = WithTypeTag(nullptr, 0x7E);
    EXPECT_TRUE(Failed(reel_context_create(nullptr, &context), REEL_ERROR_INVALID_ARGUMENT, {"reel_context_create", "desc is NULL"}));
    EXPECT_EQ(context, WithTypeTag(nullptr, 0x7E)) << "the output is untouched on failure";
}

TEST(ContextBadInput, NullOutPointer) {
    reel_context_desc_t desc = reel_context_desc_default();
    EXPECT_TRUE(Failed(reel_context_create(&desc, nullptr), REEL_ERROR_INVALID_ARGUMENT, {"out_context is NULL"}));
}

TEST(ContextBadInput, StructSizeZero) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.struct_size = 0;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 0", "sizeof(reel_context_desc_t) = 152"}));
}

TEST(ContextBadInput, StructSizeBelowFirstRelease) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.struct_size = 151;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 151", "accepts 152 to 65536"}));
}

TEST(ContextBadInput, StructSizeGarbage) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.struct_size = 0xDEADBEEF;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->struct_size is 3735928559"}));
}

TEST(ContextBadInput, NewerStructWithUnknownNonZeroField) {
    struct {
        reel_context_desc_t desc;
        uint32_t future_field;
        uint32_t padding;
    } newer = {};
    newer.desc = reel_context_desc_default();
    newer.desc.struct_size = sizeof newer;
    newer.future_field = 1;
    EXPECT_TRUE(Failed(Create(newer.desc), REEL_ERROR_INCOMPATIBLE_VERSION, {"byte 152 is not zero", "newer reel.h"}));
}

TEST(ContextBadInput, NewerMajorApiVersion) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.api_version = REEL_MAKE_VERSION(REEL_VERSION_MAJOR + 1, 0, 0);
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INCOMPATIBLE_VERSION, {"desc->api_version is 1.0.0", "this libreel is"}));
}

TEST(ContextBadInput, NewerMinorApiVersionDuringZeroDotX) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.api_version = REEL_MAKE_VERSION(0, REEL_VERSION_MINOR + 1, 0);
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INCOMPATIBLE_VERSION, {"desc->api_version"}));
}

TEST(ContextBadInput, OnlyAllocFunction) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.allocator.alloc = Alloc;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->allocator.alloc is set but desc->allocator.free is NULL"}));
}

TEST(ContextBadInput, OnlyFreeFunction) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.allocator.free = Free;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->allocator.free is set but desc->allocator.alloc is NULL"}));
}

TEST(ContextBadInput, UnknownLogLevel) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.log_level = static_cast<reel_log_level_t>(9);
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->log_level is 9", "REEL_LOG_LEVEL_ERROR (1)", "REEL_LOG_LEVEL_TRACE (5)"}));
    desc.log_level = static_cast<reel_log_level_t>(-1);
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->log_level is -1"}));
}

TEST(ContextBadInput, ReservedNotZero) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.reserved = 5;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->reserved is 5; it must be 0"}));
}

TEST(ContextBadInput, NameTooLong) {
    char name[65];
    std::memset(name, 'x', 64);
    name[64] = '\0';
    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = name;
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->name is longer than 63 bytes"}));
    name[63] = '\0';
    EXPECT_EQ(Create(desc), REEL_SUCCESS) << "63 bytes is the limit itself";
}

TEST(ContextBadInput, NameNotUtf8) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = "caf\xE9";  // Latin-1, not UTF-8
    EXPECT_TRUE(Failed(Create(desc), REEL_ERROR_INVALID_ARGUMENT, {"desc->name is not valid UTF-8"}));
}

TEST(ContextBadInput, DestroyTwice) {
    reel_context_desc_t desc = reel_context_desc_default();
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&desc, &context), REEL_SUCCESS);
    ASSERT_EQ(reel_context_destroy(context), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_context_destroy(context), REEL_ERROR_INVALID_HANDLE,
                       {"reel_context_destroy: context (0x", "is stale: that reel_context_t was destroyed"}));
}

TEST(ContextBadInput, StaleHandleDoesNotReachTheNextContext) {
    ScopedContext first;
    reel_context_t stale = first.get();
    ASSERT_EQ(reel_context_destroy(stale), REEL_SUCCESS);
    ScopedContext second;
    ASSERT_EQ(second.result(), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_context_destroy(stale), REEL_ERROR_INVALID_HANDLE, {"stale"}));
}

TEST(ContextBadInput, HandleOfAnotherTypeTag) {
    ScopedContext context;
    ASSERT_EQ(context.result(), REEL_SUCCESS);
    EXPECT_TRUE(Failed(reel_context_destroy(WithTypeTag(context.get(), 0x7F)), REEL_ERROR_INVALID_HANDLE,
                       {"context (0x7f", "is not a Reel handle (unknown type tag 0x7f); expected a reel_context_t"}));
}

TEST(ContextBadInput, ForgedValues) {
    EXPECT_TRUE(Failed(reel_context_destroy(reinterpret_cast<reel_context_t>(0x1)), REEL_ERROR_INVALID_HANDLE, {"type tag 0x00"}));
    EXPECT_TRUE(Failed(reel_context_destroy(reinterpret_cast<reel_context_t>(0x0100000100FFFFFFull)), REEL_ERROR_INVALID_HANDLE,
                       {"was never issued by Reel (slot 16777215"}));
    EXPECT_TRUE(Failed(reel_context_destroy(reinterpret_cast<reel_context_t>(0x01FFFFFF00000000ull)), REEL_ERROR_INVALID_HANDLE,
                       {"never issued"}));
    EXPECT_TRUE(Failed(reel_context_destroy(reinterpret_cast<reel_context_t>(~0ull)), REEL_ERROR_INVALID_HANDLE, {"unknown type tag 0xff"}));
}
