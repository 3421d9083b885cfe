// reel_last_error_message() keeps one message per thread; a thread that exits must not leave
// its message behind. Hosts create short-lived threads all the time (thread pools that
// shrink, a thread per connection), so 2,000 threads with one failed call each must not grow
// the heap by 2,000 messages. Measured with mallinfo2 (every malloc arena, so the blocks of the
// threads' own arenas count too): no new ABI is needed to see it.
#include <malloc.h>
#include <pthread.h>

#include <cstdio>
#include <string>

#include "test_support.h"

using namespace reel_test;

namespace {

struct ThreadOutcome {
    reel_result_t result = REEL_SUCCESS;
    std::string message;
};

void* FailOnce(void* argument) {
    auto* outcome = static_cast<ThreadOutcome*>(argument);
    outcome->result = reel_buffer_release(Forge<reel_buffer_t>(0x03FFFFFF12345678ull));
    outcome->message = reel_last_error_message();
    return nullptr;
}

size_t HeapInUse() { return mallinfo2().uordblks; }

/// Runs `count` threads one after another, each failing one call; false if one did not fail as
/// expected. `peak` receives the most heap in use seen after a thread ended.
bool RunThreads(int count, std::string* problem, size_t* peak = nullptr) {
    for (int i = 0; i < count; i++) {
        ThreadOutcome outcome;
        pthread_t thread;
        if (pthread_create(&thread, nullptr, FailOnce, &outcome) != 0) {
            *problem = "pthread_create failed";
            return false;
        }
        pthread_join(thread, nullptr);
        if (outcome.result != REEL_ERROR_INVALID_HANDLE || outcome.message.empty()) {
            *problem = std::string(reel_result_name(outcome.result)) + ": " + outcome.message;
            return false;
        }
        if (peak != nullptr && HeapInUse() > *peak)
            *peak = HeapInUse();
    }
    return true;
}

TEST(LastErrorThreads, TwoThousandShortLivedThreadsWithAFailure_LeaveNoMessagesBehind) {
    std::string problem;
    // Warm-up: the runtime's own first-use allocations are not the thing measured.
    ASSERT_TRUE(RunThreads(200, &problem)) << problem;
    size_t before = HeapInUse(), peak = before;
    constexpr int kThreads = 2000;
    ASSERT_TRUE(RunThreads(kThreads, &problem, &peak)) << problem;
    size_t after = HeapInUse();
    std::printf("heap in use: %zu before, %zu peak, %zu after %d threads\n", before, peak, after, kThreads);
    // A message buffer is 4 KiB. Freed only when a garbage collection finalizes it, the
    // buffers of exited threads pile up between collections; freed at thread exit, they never do.
    EXPECT_LT(peak - before, size_t(64) * 1024) << "the heap grew by up to " << (peak - before) << " bytes over " << kThreads
                                                << " exited threads: messages of exited threads were not freed";
    EXPECT_LT(after > before ? after - before : 0, size_t(64) * 1024);
}

}  // namespace
