// A C++ host built only from an installed Reel through its CMake package
// (find_package(Reel 0.2 REQUIRED), target Reel::reel) and the installed RAII header
// reel.hpp: a context, a byte pool and a packet whose copy is a second reference. Checks the
// package's version against the library's and prints what it did.
#include <cstdio>
#include <cstring>

#include <reel.hpp>

int main() {
    std::printf("libreel %s through find_package(Reel %s)\n", reel_version_string(), REEL_PACKAGE_VERSION);
    if (std::strcmp(reel_version_string(), REEL_PACKAGE_VERSION) != 0) {
        std::fprintf(stderr, "the CMake package says %s\n", REEL_PACKAGE_VERSION);
        return 1;
    }
    try {
        reel_context_desc_t desc = reel_context_desc_default();
        desc.name = "installed-cpp-host";
        reel::context context(desc);
        reel::pool packets = reel::pool::bytes(context, reel_byte_pool_desc_default());
        reel::buffer packet = packets.acquire_bytes(1000);
        reel_bytes_info_t info = packet.bytes();
        std::memset(info.data, 0x5a, info.size);
        reel::buffer copy = packet;  // reel_buffer_retain
        std::printf("packet of %zu bytes in a %zu-byte class, held twice\n", copy.bytes().size, info.capacity);
        if (copy.bytes().size != 1000 || copy.bytes().data[999] != 0x5a)
            return 1;
    } catch (const reel::error& failure) {
        std::fprintf(stderr, "%s\n", failure.what());
        return 1;
    }
    // A bad call throws reel::error with Reel's message, never crashes.
    try {
        reel_frame_pool_desc_t bad = reel_frame_pool_desc_default();
        reel::context context;
        reel::pool::frames(context, bad);
        std::fprintf(stderr, "a frame pool without a format was accepted\n");
        return 1;
    } catch (const reel::error& failure) {
        std::printf("refused as it should be: %s\n", failure.what());
    }
    std::printf("ok\n");
    return 0;
}
