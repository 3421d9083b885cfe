// Pool benchmarks: one acquire + release of a 1080p NV12 frame (3 110 400 bytes) and of a
// 1 MiB bitstream buffer through Reel's C ABI (default pools: per-thread caches in front of a
// shared ring), against
//   FFmpeg's AVBufferPool (av_buffer_pool_get + av_buffer_unref, libavutil),
//   malloc + first touch (one write per 4 KiB page) + free, and
//   a bare Vyukov ring of ints (one dequeue + one enqueue): the floor for a shared free list,
// with 1, 2 and 4 threads sharing one pool (one ring). It ends with the median time per
// operation of each, ratios against the baselines, and the targets of issue 17.
#include <benchmark/benchmark.h>

extern "C" {
#include <libavutil/buffer.h>
}

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "ratio_reporter.h"
#include "reel.h"
#include "vyukov_ring.h"

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

// One pool per kind, created with the header's defaults (4 buffers preallocated), shared by
// the benchmark's threads.
reel_pool_t FramePool() {
    static reel_pool_t pool = [] {
        reel_frame_pool_desc_t desc = reel_frame_pool_desc_default();
        desc.format = REEL_PIXEL_FORMAT_NV12;
        desc.width = 1920;
        desc.height = 1080;
        desc.config.initial = 4;
        reel_pool_t p = REEL_NULL_HANDLE;
        if (reel_frame_pool_create(Context(), &desc, &p) != REEL_SUCCESS)
            std::abort();
        return p;
    }();
    return pool;
}

reel_pool_t BytePool() {
    static reel_pool_t pool = [] {
        reel_byte_pool_desc_t desc = reel_byte_pool_desc_default();
        desc.config.initial = 4;
        reel_pool_t p = REEL_NULL_HANDLE;
        if (reel_byte_pool_create(Context(), &desc, &p) != REEL_SUCCESS)
            std::abort();
        return p;
    }();
    return pool;
}

AVBufferPool* AvPool(size_t size) {
    static AVBufferPool* frames = av_buffer_pool_init(kFrameBytes, nullptr);
    static AVBufferPool* bitstreams = av_buffer_pool_init(kBitstreamBytes, nullptr);
    return size == kFrameBytes ? frames : bitstreams;
}

reel_bench::VyukovRing& Ring() {
    // 64 cells holding 16 indices, like a pool of 16 buffers with room to spare.
    static reel_bench::VyukovRing* ring = [] {
        auto* r = new reel_bench::VyukovRing(64);
        for (int i = 0; i < 16; i++)
            r->TryEnqueue(i);
        return r;
    }();
    return *ring;
}

void Reel_Nv12_1080p(benchmark::State& state) {
    reel_pool_t pool = FramePool();
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

void Reel_Bitstream_1MiB(benchmark::State& state) {
    reel_pool_t pool = BytePool();
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

void BareRing(benchmark::State& state) {
    reel_bench::VyukovRing& ring = Ring();
    for (auto _ : state) {
        int index;
        while (!ring.TryDequeue(&index)) {
        }
        benchmark::DoNotOptimize(index);
        while (!ring.TryEnqueue(index)) {
        }
    }
    state.SetItemsProcessed(state.iterations());
}

}  // namespace

#define REEL_BENCH(fn) BENCHMARK(fn)->UseRealTime()->Threads(1)->Threads(2)->Threads(4)

REEL_BENCH(Reel_Nv12_1080p);
REEL_BENCH(AvBufferPool_Nv12_1080p);
REEL_BENCH(Malloc_Nv12_1080p);
REEL_BENCH(BareRing);
REEL_BENCH(Reel_Bitstream_1MiB);
REEL_BENCH(AvBufferPool_Bitstream_1MiB);
REEL_BENCH(Malloc_Bitstream_1MiB);

namespace {

const char* Verdict(bool met) { return met ? "met" : "NOT met"; }

// The targets of issue 17, from the medians of this run.
void PrintTargets(const reel_bench::RatioReporter& r) {
    double reel1 = r.MedianNs("Reel_Nv12_1080p", 1), ring1 = r.MedianNs("BareRing", 1);
    double reel2 = r.MedianNs("Reel_Nv12_1080p", 2), av2 = r.MedianNs("AvBufferPool_Nv12_1080p", 2);
    double reel4 = r.MedianNs("Reel_Nv12_1080p", 4);
    std::printf("\ntargets (issue 17), NV12 1080p frames, default pool:\n");
    std::printf("  1 thread : %.1f ns per acquire + release = %.2fx the bare ring's %.1f ns (target <= 2x): %s\n", reel1,
                reel1 / ring1, ring1, Verdict(reel1 <= 2 * ring1));
    std::printf("  2 threads: %.1f ns = %.3fx AVBufferPool's %.1f ns, %.1fx its throughput (target <= 0.2x): %s\n", reel2,
                reel2 / av2, av2, av2 / reel2, Verdict(reel2 <= 0.2 * av2));
    std::printf("  4 threads: %.1f ns; throughput 4 threads / 2 threads = %.2f (target >= 1): %s\n", reel4, reel2 / reel4,
                Verdict(reel4 <= reel2));
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    reel_bench::RatioReporter reporter(
        {
            {"Reel_Nv12_1080p", "AvBufferPool_Nv12_1080p"},
            {"Reel_Nv12_1080p", "BareRing"},
            {"Reel_Nv12_1080p", "Malloc_Nv12_1080p"},
            {"AvBufferPool_Nv12_1080p", "BareRing"},
            {"Reel_Bitstream_1MiB", "AvBufferPool_Bitstream_1MiB"},
            {"Reel_Bitstream_1MiB", "BareRing"},
            {"Reel_Bitstream_1MiB", "Malloc_Bitstream_1MiB"},
        },
        {1, 2, 4});
    benchmark::RunSpecifiedBenchmarks(&reporter);
    reporter.PrintRatios();
    PrintTargets(reporter);
    // How the pools ended up: a growing miss count would mean the loop measured allocation.
    std::printf("\n%-10s %9s %9s %12s %12s\n", "pool", "allocated", "misses", "acquires", "peak in use");
    const std::pair<const char*, reel_pool_t> pools[] = {{"frames", FramePool()}, {"bytes", BytePool()}};
    for (const auto& [name, pool] : pools) {
        reel_pool_stats_t stats = reel_pool_stats_init();
        reel_pool_get_stats(pool, &stats);
        std::printf("%-10s %9u %9llu %12llu %12u\n", name, stats.allocated, static_cast<unsigned long long>(stats.misses),
                    static_cast<unsigned long long>(stats.acquires), stats.peak_in_use);
    }
    benchmark::Shutdown();
    return 0;
}
