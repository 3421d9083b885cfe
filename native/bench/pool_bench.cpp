// Pool benchmarks: one acquire + release of a 1080p NV12 frame (3 110 400 bytes) and of a
// 1 MiB bitstream buffer, through Reel's C ABI, against
//   malloc + first touch (one write per 4 KiB page) + free, and
//   FFmpeg's AVBufferPool (av_buffer_pool_get + av_buffer_unref, libavutil),
// with 1 thread and with 2 threads sharing one pool; Reel both with the default strict
// oldest-first ring and with REEL_POOL_FLAG_THREAD_CACHE. Throughput (items/s) ratios are
// printed after the table.
#include <benchmark/benchmark.h>

extern "C" {
#include <libavutil/buffer.h>
}

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "ratio_reporter.h"
#include "reel.h"

namespace {

constexpr size_t kFrameBytes = 1920 * 1080 * 3 / 2;
constexpr size_t kBitstreamBytes = 1 << 20;
constexpr size_t kPage = 4096;

reel_context_t Context() {
    static reel_context_t context = [] {
        reel_context_desc_t desc = reel_context_desc_default();
        reel_context_t c = REEL_NULL_HANDLE;
        if (reel_context_create(&desc, &c) != REEL_SUCCESS)
            std::abort();
        return c;
    }();
    return context;
}

reel_pool_t MakeFramePool(uint32_t flags) {
    reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
    desc.format = REEL_PIXEL_FORMAT_NV12;
    desc.width = 1920;
    desc.height = 1080;
    desc.config.initial = 4;
    desc.config.flags = flags;
    reel_pool_t p = REEL_NULL_HANDLE;
    if (reel_frame_pool_create(Context(), &desc, &p) != REEL_SUCCESS)
        std::abort();
    return p;
}

reel_pool_t MakeBytePool(uint32_t flags) {
    reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
    desc.config.initial = 4;
    desc.config.flags = flags;
    reel_pool_t p = REEL_NULL_HANDLE;
    if (reel_byte_pool_create(Context(), &desc, &p) != REEL_SUCCESS)
        std::abort();
    return p;
}

// One pool per variant, shared by the benchmark's threads.
reel_pool_t FramePool() {
    static reel_pool_t pool = MakeFramePool(0);
    return pool;
}
reel_pool_t CachedFramePool() {
    static reel_pool_t pool = MakeFramePool(REEL_POOL_FLAG_THREAD_CACHE);
    return pool;
}
reel_pool_t BytePool() {
    static reel_pool_t pool = MakeBytePool(0);
    return pool;
}
reel_pool_t CachedBytePool() {
    static reel_pool_t pool = MakeBytePool(REEL_POOL_FLAG_THREAD_CACHE);
    return pool;
}

AVBufferPool* AvPool(size_t size) {
    static AVBufferPool* frames = av_buffer_pool_init(kFrameBytes, nullptr);
    static AVBufferPool* bitstreams = av_buffer_pool_init(kBitstreamBytes, nullptr);
    return size == kFrameBytes ? frames : bitstreams;
}

void ReelFrames(benchmark::State& state, reel_pool_t pool) {
    for (auto _ : state) {
        reel_buffer_t frame;
        if (reel_pool_acquire(pool, &frame) != REEL_SUCCESS) {
            state.SkipWithError(reel_last_error_message());
            break;
        }
        benchmark::DoNotOptimize(frame);
        reel_buffer_release(frame);
    }
    state.SetItemsProcessed(state.iterations());
}

void Reel_Nv12_1080p(benchmark::State& state) { ReelFrames(state, FramePool()); }
void Reel_Nv12_1080p_ThreadCache(benchmark::State& state) { ReelFrames(state, CachedFramePool()); }

void ReelBytes(benchmark::State& state, reel_pool_t pool) {
    for (auto _ : state) {
        reel_buffer_t packet;
        if (reel_pool_acquire_bytes(pool, kBitstreamBytes, &packet) != REEL_SUCCESS) {
            state.SkipWithError(reel_last_error_message());
            break;
        }
        benchmark::DoNotOptimize(packet);
        reel_buffer_release(packet);
    }
    state.SetItemsProcessed(state.iterations());
}

void Reel_Bitstream_1MiB(benchmark::State& state) { ReelBytes(state, BytePool()); }
void Reel_Bitstream_1MiB_ThreadCache(benchmark::State& state) { ReelBytes(state, CachedBytePool()); }

void MallocFirstTouch(benchmark::State& state, size_t size) {
    for (auto _ : state) {
        auto* memory = static_cast<unsigned char*>(std::malloc(size));
        for (size_t offset = 0; offset < size; offset += kPage)
            memory[offset] = 1;  // what a decoder does to a fresh buffer: fault its pages in
        benchmark::DoNotOptimize(memory);
        std::free(memory);
    }
    state.SetItemsProcessed(state.iterations());
}

void Malloc_Nv12_1080p(benchmark::State& state) { MallocFirstTouch(state, kFrameBytes); }
void Malloc_Bitstream_1MiB(benchmark::State& state) { MallocFirstTouch(state, kBitstreamBytes); }

void AvBufferPool(benchmark::State& state, size_t size) {
    AVBufferPool* pool = AvPool(size);
    for (auto _ : state) {
        AVBufferRef* ref = av_buffer_pool_get(pool);
        benchmark::DoNotOptimize(ref);
        av_buffer_unref(&ref);
    }
    state.SetItemsProcessed(state.iterations());
}

void AvBufferPool_Nv12_1080p(benchmark::State& state) { AvBufferPool(state, kFrameBytes); }
void AvBufferPool_Bitstream_1MiB(benchmark::State& state) { AvBufferPool(state, kBitstreamBytes); }

}  // namespace

#define REEL_BENCH(fn) BENCHMARK(fn)->UseRealTime()->Threads(1)->Threads(2)

REEL_BENCH(Reel_Nv12_1080p);
REEL_BENCH(Reel_Nv12_1080p_ThreadCache);
REEL_BENCH(AvBufferPool_Nv12_1080p);
REEL_BENCH(Malloc_Nv12_1080p);
REEL_BENCH(Reel_Bitstream_1MiB);
REEL_BENCH(Reel_Bitstream_1MiB_ThreadCache);
REEL_BENCH(AvBufferPool_Bitstream_1MiB);
REEL_BENCH(Malloc_Bitstream_1MiB);

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    reel_bench::RatioReporter reporter({
        {"Reel_Nv12_1080p", "AvBufferPool_Nv12_1080p"},
        {"Reel_Nv12_1080p_ThreadCache", "AvBufferPool_Nv12_1080p"},
        {"Reel_Nv12_1080p", "Malloc_Nv12_1080p"},
        {"Reel_Bitstream_1MiB", "AvBufferPool_Bitstream_1MiB"},
        {"Reel_Bitstream_1MiB_ThreadCache", "AvBufferPool_Bitstream_1MiB"},
        {"Reel_Bitstream_1MiB", "Malloc_Bitstream_1MiB"},
    });
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.PrintRatios();
    // How the pools ended up: a growing miss count would mean the loop measured allocation.
    std::printf("\n%-28s %9s %9s %12s %12s\n", "pool", "allocated", "misses", "acquires", "peak in use");
    const std::pair<const char*, reel_pool_t> pools[] = {{"frames", FramePool()}, {"frames (thread cache)", CachedFramePool()},
                                                         {"bytes", BytePool()}, {"bytes (thread cache)", CachedBytePool()}};
    for (const auto& [name, pool] : pools) {
        reel_pool_stats_t stats = reel_pool_stats_init();
        reel_pool_get_stats(pool, &stats);
        std::printf("%-28s %9u %9llu %12llu %12u\n", name, stats.allocated, static_cast<unsigned long long>(stats.misses),
                    static_cast<unsigned long long>(stats.acquires), stats.peak_in_use);
    }
    benchmark::Shutdown();
    return 0;
}
