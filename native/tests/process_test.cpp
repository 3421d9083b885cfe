// libreel shares the host's process: its runtime must not reserve the address space a .NET
// runtime reserves by default (~256 GiB), and it must work from threads the host created.
#include "test_support.h"

#include <fstream>
#include <string>

namespace {

long VmSizeKiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmSize:", 0) == 0)
            return std::stol(line.substr(7));
    }
    return -1;
}

}  // namespace

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REEL_TEST_UNDER_ASAN 1
#endif
#endif

TEST(Process, GcReservationIsCappedByTheHeapHardLimit) {
#ifdef REEL_TEST_UNDER_ASAN
    GTEST_SKIP() << "AddressSanitizer reserves about 20 TiB of shadow address space: VmSize says nothing about the GC here";
#endif
    reel_test::ScopedContext context;  // the runtime is up after the first call
    ASSERT_EQ(context.result(), REEL_SUCCESS);
    long vm_kib = VmSizeKiB();
    ASSERT_GT(vm_kib, 0);
    // Measured: about 2.7 GB with the 512 MiB hard limit in NativeAOT.props, 270 GB without.
    EXPECT_LT(vm_kib, 16L * 1024 * 1024) << "VmSize " << vm_kib << " KiB: is System.GC.HeapHardLimit still set?";
}
