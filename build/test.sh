#!/usr/bin/env bash
# Sets up the machine, builds Reel, and runs every test suite:
#   NUnit   tests/Reel.Tests         engine internals, in-process
#   NUnit   tests/Reel.Native.Tests  P/Invoke against artifacts/lib/libreel.so + drift-check tests
#   NUnit   tests/Reel.Vulkan.Tests  Silk.NET.Vulkan layouts vs gcc, extension gating, lavapipe with validation;
#                                    the GPU backend (suballocator, pools, DPB, command buffers, frames,
#                                    timelines, deferred release, adoption; video skipped without video)
#   NUnit   tests/Reel.Codecs.Tests  sessions, backend selection, the seeking decoder, IVF/Y4M,
#                                    RGBA->I420; files checked with ffprobe and the dav1d tool
#   NUnit   tests/Backends/Reel.Backend.Software.Tests  SVT-AV1 and dav1d on their own: round trips
#                                    for every rate control with PSNR floors, struct mirrors vs C
#   NUnit   tests/Backends/Reel.Backend.FFmpeg.Tests    the FFmpeg backend in-process: the shim loader
#                                    and its refusals, error mapping, binding drift, 10-minute A/V drift;
#                                    H.264/HEVC round trips per rate control (PSNR, ffprobe), frames
#                                    identical to ffmpeg -f framemd5, corrupt streams, zero-copy counters,
#                                    encoder reuse under bitrate changes, the hardware probe
#   GTest   native/tests             the C ABI from C/C++ hosts, and the reel tool run as a process
#                                    (through ctest); reel_gpu_tests runs reel_vulkan.h on lavapipe
#                                    with validation; reel_ffmpeg_tests (native/shim/ffmpeg/tests,
#                                    label ffmpeg_shim) tests the FFmpeg shim libreel_ffmpeg.so
#   Rust    bindings/rust/reel-sys   a Rust host linking libreel through bindgen declarations
#   NUnit   tests/Reel.Bindings.Tests  the idiomatic .NET layer (bindings/dotnet/Reel) and the
#                                    NuGet package's entries
#   Rust    bindings/rust/reel       the safe crate: objects, sessions, threads, doc tests
#   install tests/install/run.sh     build/install.sh into a temporary prefix, moved elsewhere;
#                                    C (pkg-config), C++ (find_package), .NET (the NuGet package
#                                    from a local feed) and Rust (the safe crate) hosts built
#                                    from it alone; no build path inside
#   GTest   artifacts/native-asan    the same C/C++ suites and the reel tool built with ASan + UBSan
#                                    (host side; libreel is the shipped library; docs/RELIABILITY.md)
#   Fuzz    build/fuzz.sh all 20     every fuzz target for 20 s: the libFuzzer harnesses of the C ABI
#                                    (native/fuzz) and the SharpFuzz/AFL++ targets (tests/Reel.Fuzz);
#                                    fails on any crash, leak, timeout or OOM and prints the reproducer
# Every suite runs even if an earlier one fails; the exit code is non-zero if any failed.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
logs="$root/artifacts/test-logs"

"$root/build/bootstrap.sh" || { echo "test.sh: bootstrap failed" >&2; exit 1; }
"$root/build/build.sh" || { echo "test.sh: build failed" >&2; exit 1; }
mkdir -p "$logs"

names=()
outcomes=()
summaries=()

# run_suite NAME SUMMARY_REGEX COMMAND...: runs a suite, keeps its log, remembers its summary.
run_suite() {
  local name=$1 pattern=$2
  shift 2
  printf '\n== %s\n' "$name"
  local log="$logs/$name.log"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  names+=("$name")
  outcomes+=("$([[ $status -eq 0 ]] && echo PASS || echo "FAIL($status)")")
  summaries+=("$(grep -E "$pattern" "$log" | tr -s ' ' | paste -sd ';' -)")
}

run_suite nunit-engine 'Passed!|Failed!' \
  dotnet test tests/Reel.Tests -c Release --no-build --nologo
run_suite nunit-native 'Passed!|Failed!' \
  dotnet test tests/Reel.Native.Tests -c Release --no-build --nologo
run_suite nunit-vulkan 'Passed!|Failed!' \
  dotnet test tests/Reel.Vulkan.Tests -c Release --no-build --nologo
run_suite nunit-codecs 'Passed!|Failed!' \
  dotnet test tests/Reel.Codecs.Tests -c Release --no-build --nologo
run_suite nunit-software 'Passed!|Failed!' \
  dotnet test tests/Backends/Reel.Backend.Software.Tests -c Release --no-build --nologo
run_suite nunit-ffmpeg 'Passed!|Failed!' \
  dotnet test tests/Backends/Reel.Backend.FFmpeg.Tests -c Release --no-build --nologo
run_suite gtest 'tests passed|tests failed' \
  ctest --test-dir artifacts/native --output-on-failure -j "$(nproc)"
run_suite rust 'test result:' \
  env CARGO_TARGET_DIR="$root/artifacts/rust" cargo test --offline --manifest-path bindings/rust/reel-sys/Cargo.toml
run_suite nunit-bindings 'Passed!|Failed!' \
  dotnet test tests/Reel.Bindings.Tests -c Release --no-build --nologo
# reel-sys links its own tests with an rpath to artifacts/lib; the crates above it find libreel
# the way any host does, through the loader's path.
run_suite rust-reel 'test result:' \
  env CARGO_TARGET_DIR="$root/artifacts/rust" LD_LIBRARY_PATH="$root/artifacts/lib" \
  cargo test --offline --manifest-path bindings/rust/reel/Cargo.toml
run_suite install 'install: ' \
  tests/install/run.sh

# The sanitizer tree: every host of native/ with ASan + UBSan, and the libFuzzer harnesses.
asan="$root/artifacts/native-asan"
build_asan() {
  CC=clang CXX=clang++ cmake -S native -B "$asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREEL_ARTIFACTS="$root/artifacts" \
    -DREEL_BIN_DIR="$asan/bin" -DREEL_SANITIZE=ON -DREEL_BUILD_FUZZERS=ON > "$logs/asan-configure.log" &&
    cmake --build "$asan" -j "$(nproc)" --target reel_native_tests reel_gpu_tests movie_writer_child writer_child reel_tool record-vk \
      reel_header_compile_check reel_header_c11_check reel_fuzzers
}
run_suite gtest-asan 'tests passed|tests failed|build failed' \
  bash -c "$(declare -f build_asan); asan='$asan' root='$root' logs='$logs'; build_asan || { echo 'gtest-asan: build failed'; exit 1; }
    source native/sanitizers/options.sh && ctest --test-dir '$asan' --output-on-failure -j $(nproc)"
run_suite fuzz 'passed, [0-9]+ failed' \
  build/fuzz.sh all 20

printf '\n== summary\n'
failed=0
for i in "${!names[@]}"; do
  printf '%-14s %-8s %s\n' "${names[$i]}" "${outcomes[$i]}" "${summaries[$i]}"
  [[ ${outcomes[$i]} == PASS ]] || failed=1
done
exit $failed
