#!/usr/bin/env bash
# Runs benchmark programs. Each prints its measurements and the ratio against a named
# baseline measured in the same run; docs/BENCHMARKS.md records the results.
#   build/bench.sh pools   pools through the C ABI vs FFmpeg's AVBufferPool and malloc
#                          (Google Benchmark), and the managed pools vs ArrayPool<byte>.Shared
#                          and NativeMemory.AlignedAlloc (BenchmarkDotNet)
#   build/bench.sh cache   frame-cache hit rates on editor traces vs a plain LRU of equal
#                          memory (tests/Reel.CacheBench)
#   build/bench.sh codecs  `reel encode` vs SvtAv1EncApp and ffmpeg's libsvtav1 on the same
#                          1080p Y4M with matched settings (SVT-AV1's default mini-GOP, Reel's
#                          default, the memory-bounded setting, low delay): wall time, peak RSS
#                          (/usr/bin/time), PSNR, bitrate; the low-delay latency; `reel decode`
#                          vs the dav1d tool (build/bench-codecs.sh)
#   build/bench.sh gpu     GPU memory: a video-pipeline allocation trace replayed with Reel's
#                          suballocator vs one vkAllocateMemory per resource, on the machine's
#                          Vulkan device (lavapipe on CI), whole-trace timings
# Benchmarks want a quiet machine: numbers on a loaded 2-core machine swing by 2x.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
suite=${1:-}

run_pools() {
  printf '\n== pools: C ABI (Google Benchmark)\n'
  artifacts/bin/reel-bench-pools --benchmark_min_time=1 --benchmark_repetitions=1
  printf '\n== pools: managed (BenchmarkDotNet)\n'
  dotnet run -c Release --project tests/Reel.Benchmarks --no-build -- --filter '*PoolBenchmarks*' --job short
}

run_cache() {
  printf '\n== frame cache: hit rates vs a plain LRU of equal memory\n'
  dotnet run -c Release --project tests/Reel.CacheBench --no-build
}

run_codecs() {
  build/bench-codecs.sh
}

run_gpu() {
  printf '\n== gpu: suballocator vs one vkAllocateMemory per resource (video-pipeline trace)\n'
  dotnet run -c Release --project tests/Reel.Vulkan.Benchmarks --no-build -- --runs 9 --frames 300
}

case "$suite" in
  pools|cache|codecs|gpu) ;;
  *) echo "usage: build/bench.sh pools|cache|codecs|gpu" >&2; exit 2 ;;
esac

build/bootstrap.sh
build/build.sh
"run_$suite"
