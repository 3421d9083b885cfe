// Helpers shared by the GoogleTest suites of the C ABI.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "reel.h"

namespace reel_test {

/// Checks that a call failed with `expected` and that reel_last_error_message() contains
/// every fragment (the argument it names, the limit it states).
inline ::testing::AssertionResult Failed(reel_result_t actual, reel_result_t expected,
                                         std::initializer_list<const char*> fragments) {
    std::string message = reel_last_error_message();
    if (actual != expected) {
        return ::testing::AssertionFailure() << "expected " << reel_result_name(expected) << ", got "
                                             << reel_result_name(actual) << " (" << message << ")";
    }
    for (const char* fragment : fragments) {
        if (message.find(fragment) == std::string::npos)
            return ::testing::AssertionFailure() << "message \"" << message << "\" lacks \"" << fragment << "\"";
    }
    return ::testing::AssertionSuccess();
}

/// A context with default settings, destroyed at scope exit.
class ScopedContext {
public:
    explicit ScopedContext(reel_context_desc_t desc = reel_context_desc_default()) {
        result_ = reel_context_create(&desc, &context_);
    }
    ~ScopedContext() { reel_context_destroy(context_); }
    ScopedContext(const ScopedContext&) = delete;
    ScopedContext& operator=(const ScopedContext&) = delete;

    reel_result_t result() const { return result_; }
    reel_context_t get() const { return context_; }

private:
    reel_context_t context_ = REEL_NULL_HANDLE;
    reel_result_t result_;
};

/// A forged handle: the bits of `handle` with its type byte replaced.
inline reel_context_t WithTypeTag(reel_context_t handle, unsigned tag) {
    auto bits = reinterpret_cast<uintptr_t>(handle);
    bits = (bits & 0x00FFFFFFFFFFFFFFull) | (static_cast<uintptr_t>(tag) << 56);
    return reinterpret_cast<reel_context_t>(bits);
}

/// A forged handle value of any handle type.
template <typename Handle>
Handle Forge(uint64_t value) {
    return reinterpret_cast<Handle>(static_cast<uintptr_t>(value));
}

}  // namespace reel_test
