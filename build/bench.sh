#!/usr/bin/env bash
# Runs benchmark programs. Each prints its measurements and the ratio against a named
# baseline measured in the same run; docs/BENCHMARKS.md records the results.
#   build/bench.sh pools   pools through the C ABI vs FFmpeg's AVBufferPool, malloc and a bare
#                          Vyukov ring, 1, 2 and 4 threads on one pool (Google Benchmark,
#                          REEL_BENCH_REPS repetitions, default 5, interleaved; medians), and the
#                          managed pools vs ArrayPool<byte>.Shared and NativeMemory.AlignedAlloc
#                          (BenchmarkDotNet)
#   build/bench.sh cache   frame-cache hit rates on editor traces vs a plain LRU of equal
#                          memory (tests/Reel.CacheBench)
#   build/bench.sh codecs  `reel encode` vs SvtAv1EncApp and ffmpeg's libsvtav1 on the same
#                          1080p Y4M with matched settings (SVT-AV1's default mini-GOP, Reel's
#                          default, the memory-bounded setting, low delay): wall time, peak RSS
#                          (/usr/bin/time), PSNR, bitrate; the low-delay latency; `reel decode`
#                          vs the dav1d tool (build/bench-codecs.sh)
#   build/bench.sh record  recording what Vulkan rendered, 1080p, 300 frames (native/examples/record-vk):
#                          reel_movie_writer_write_vk_image vs the host's own vkCmdCopyImageToBuffer +
#                          wait + reel_movie_writer_write_image (CPU RGBA to I420), same run:
#                          frames per second and the host thread's time per frame, as ratios
#   build/bench.sh gpu     GPU memory: a video-pipeline allocation trace replayed with Reel's
#                          suballocator vs one vkAllocateMemory per resource, on the machine's
#                          Vulkan device (lavapipe on CI), whole-trace timings
# Benchmarks want a quiet machine: numbers on a loaded 2-core machine swing by 2x.
#
# It reuses the existing build: build/build.sh runs only when an artifact the suite needs is
# missing or older than a source file (src/, native/, include/, tests/, the .props files),
# and build/bootstrap.sh only when that build finds the machine never set up (no NuGet
# restore). REEL_BENCH_REBUILD=1 builds anyway. Everything it writes goes under artifacts/
# (BenchmarkDotNet's reports to artifacts/bench/BenchmarkDotNet); it fails if a tracked file
# changed while it ran.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
suite=${1:-}

# The outputs a suite runs, as paths or globs under the repository.
artifacts_of() {
  case "$1" in
    pools) echo "artifacts/lib/libreel.so artifacts/bin/reel-bench-pools tests/Reel.Benchmarks/bin/Release/*/Reel.Benchmarks.dll" ;;
    cache) echo "tests/Reel.CacheBench/bin/Release/*/Reel.CacheBench.dll" ;;
    codecs) echo "artifacts/lib/libreel.so artifacts/bin/reel" ;;
    gpu) echo "tests/Reel.Vulkan.Benchmarks/bin/Release/*/Reel.Vulkan.Benchmarks.dll" ;;
  esac
}

# Succeeds when every artifact of the suite exists and is newer than every source file.
build_is_current() {
  local oldest="" path stamp newest
  for path in $(artifacts_of "$1"); do
    [[ -e $path ]] || { echo "bench: $path is missing"; return 1; }
    stamp=$(stat -c %Y "$path")
    [[ -z $oldest || $stamp -lt $oldest ]] && oldest=$stamp
  done
  newest=$(git ls-files -z -co --exclude-standard -- src native include tests build/tools Directory.Build.props NativeAOT.props Engine.sln \
    | xargs -0 stat -c %Y 2>/dev/null | sort -n | tail -1)
  if [[ -n $newest && $newest -gt $oldest ]]; then
    echo "bench: sources changed since the last build"
    return 1
  fi
}

ensure_built() {
  if [[ ${REEL_BENCH_REBUILD:-0} != 1 ]] && build_is_current "$1"; then
    echo "bench: reusing the build in artifacts/ (REEL_BENCH_REBUILD=1 rebuilds)"
    return
  fi
  [[ -f src/Reel/obj/project.assets.json ]] || build/bootstrap.sh
  build/build.sh
}

# What git sees of the working tree (changes to tracked files, untracked files not ignored).
tree_state() { { git diff HEAD --no-ext-diff 2>/dev/null; git ls-files -o --exclude-standard; } | sha1sum; }

run_pools() {
  local reps=${REEL_BENCH_REPS:-5}
  printf '\n== pools: C ABI (Google Benchmark, %s interleaved repetitions of each)\n' "$reps"
  printf 'machine: %s, %s CPUs, load average %s\n' "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  artifacts/bin/reel-bench-pools --benchmark_min_time=0.3 --benchmark_repetitions="$reps" \
    --benchmark_enable_random_interleaving=true
  printf '\n== pools: managed (BenchmarkDotNet)\n'
  dotnet run -c Release --project tests/Reel.Benchmarks --no-build -- --filter '*PoolBenchmarks*' --job short --inProcess \
    --artifacts "$root/artifacts/bench/BenchmarkDotNet"
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

run_record() {
  local frames=${REEL_BENCH_FRAMES:-300} out
  out=$(mktemp -d)
  printf '\n== record: write_vk_image vs host readback + write_image, 1920x1080, %s frames\n' "$frames"
  local gpu host
  host=$(artifacts/bin/record-vk --host-readback "$out/host.ivf" "$frames" 1920 1080 | grep '^record-vk: host')
  gpu=$(artifacts/bin/record-vk "$out/gpu.ivf" "$frames" 1920 1080 | grep '^record-vk: write_vk_image')
  echo "$host"
  echo "$gpu"
  # "... = F fps; host thread per frame: C ms in recording calls, U ms CPU"
  awk -v g="$gpu" -v h="$host" 'function field(s, re) { match(s, re); return substr(s, RSTART, RLENGTH) + 0 }
    BEGIN {
      gf = field(g, "[0-9.]+ fps"); hf = field(h, "[0-9.]+ fps")
      gc = field(g, "[0-9.]+ ms in"); hc = field(h, "[0-9.]+ ms in")
      gu = field(g, "[0-9.]+ ms CPU"); hu = field(h, "[0-9.]+ ms CPU")
      printf "ratio write_vk_image / host readback: fps %.2fx, host time in recording calls per frame %.3fx, host thread CPU per frame %.3fx\n", gf / hf, gc / hc, gu / hu
    }'
  rm -rf "$out"
}

case "$suite" in
  pools|cache|codecs|gpu|record) ;;
  *) echo "usage: build/bench.sh pools|cache|codecs|gpu|record" >&2; exit 2 ;;
esac

before=$(tree_state)
ensure_built "$suite"
"run_$suite"
if [[ $(tree_state) != "$before" ]]; then
  echo "bench: the run changed files git tracks (or left untracked ones):" >&2
  git status --short >&2
  exit 1
fi
