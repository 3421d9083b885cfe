#include "test_support.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

using reel_test::ScopedContext;

namespace {

struct LogRecord {
    std::mutex mutex;
    std::vector<std::pair<reel_log_level_t, std::string>> messages;
};

void Record(void* user_data, reel_log_level_t level, const char* message) {
    auto* log = static_cast<LogRecord*>(user_data);
    std::lock_guard<std::mutex> lock(log->mutex);
    log->messages.emplace_back(level, message);
}

void* CountingAlloc(void* user_data, size_t size, size_t alignment) {
    static_cast<std::atomic<int>*>(user_data)->fetch_add(1);
    return std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
}

void CountingFree(void* user_data, void* memory, size_t, size_t) {
    static_cast<std::atomic<int>*>(user_data)->fetch_sub(1);
    std::free(memory);
}

}  // namespace

TEST(Context, CreateAndDestroy) {
    reel_context_desc_t desc = reel_context_desc_default();
    reel_context_t context = REEL_NULL_HANDLE;
    ASSERT_EQ(reel_context_create(&desc, &context), REEL_SUCCESS) << reel_last_error_message();
    EXPECT_NE(context, REEL_NULL_HANDLE);
    EXPECT_EQ(reel_context_destroy(context), REEL_SUCCESS);
}

TEST(Context, DestroyNullIsANoOp) {
    EXPECT_EQ(reel_context_destroy(REEL_NULL_HANDLE), REEL_SUCCESS);
}

TEST(Context, LogCallbackGetsLifecycleWithNameAndUserData) {
    LogRecord log;
    reel_context_desc_t desc = reel_context_desc_default();
    desc.name = "capture-rig";
    desc.log_callback = Record;
    desc.log_user_data = &log;
    desc.log_level = REEL_LOG_LEVEL_INFO;
    {
        ScopedContext context(desc);
        ASSERT_EQ(context.result(), REEL_SUCCESS) << reel_last_error_message();
    }
    ASSERT_EQ(log.messages.size(), 2u);
    EXPECT_EQ(log.messages[0].first, REEL_LOG_LEVEL_INFO);
    EXPECT_EQ(log.messages[0].second.rfind("capture-rig: context created", 0), 0u) << log.messages[0].second;
    EXPECT_EQ(log.messages[1].second.rfind("capture-rig: context destroyed (0 pool(s)", 0), 0u) << log.messages[1].second;
}

TEST(Context, DefaultLogLevelIsWarning) {
    LogRecord log;
    reel_context_desc_t desc = reel_context_desc_default();
    desc.log_callback = Record;
    desc.log_user_data = &log;
    {
        ScopedContext context(desc);
        ASSERT_EQ(context.result(), REEL_SUCCESS);
    }
    EXPECT_TRUE(log.messages.empty()) << "info messages must not pass the default level";
}

TEST(Context, HostAllocatorPairIsAccepted) {
    std::atomic<int> live{0};
    reel_context_desc_t desc = reel_context_desc_default();
    desc.allocator.user_data = &live;
    desc.allocator.alloc = CountingAlloc;
    desc.allocator.free = CountingFree;
    {
        ScopedContext context(desc);
        ASSERT_EQ(context.result(), REEL_SUCCESS) << reel_last_error_message();
    }
    EXPECT_EQ(live.load(), 0) << "everything allocated through the host allocator was freed";
}

TEST(Context, OlderStructSizeFromTheFirstReleaseIsAccepted) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.struct_size = 152;  // reel_context_desc_t as published in 0.1.0
    ScopedContext context(desc);
    EXPECT_EQ(context.result(), REEL_SUCCESS) << reel_last_error_message();
}

TEST(Context, NewerStructWithZeroTailIsAccepted) {
    struct {
        reel_context_desc_t desc;
        uint8_t future_fields[32];
    } newer = {};
    newer.desc = reel_context_desc_default();
    newer.desc.struct_size = sizeof newer;
    reel_context_t context;
    ASSERT_EQ(reel_context_create(&newer.desc, &context), REEL_SUCCESS) << reel_last_error_message();
    reel_context_destroy(context);
}

TEST(Context, ApiVersionZeroMeansThisLibrary) {
    reel_context_desc_t desc = reel_context_desc_default();
    desc.api_version = 0;
    ScopedContext context(desc);
    EXPECT_EQ(context.result(), REEL_SUCCESS);
}

TEST(Context, ManyThreadsCreateAndDestroyWithUniqueHandles) {
    constexpr int kThreads = 8;
    constexpr int kRounds = 200;
    std::mutex mutex;
    std::set<uintptr_t> live;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < kRounds; ++i) {
                reel_context_desc_t desc = reel_context_desc_default();
                reel_context_t context;
                if (reel_context_create(&desc, &context) != REEL_SUCCESS) {
                    failures++;
                    continue;
                }
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    if (!live.insert(reinterpret_cast<uintptr_t>(context)).second)
                        failures++;  // two live contexts with one handle
                }
                {
                    std::lock_guard<std::mutex> lock(mutex);
                    live.erase(reinterpret_cast<uintptr_t>(context));
                }
                if (reel_context_destroy(context) != REEL_SUCCESS)
                    failures++;
            }
        });
    }
    for (auto& thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
}
