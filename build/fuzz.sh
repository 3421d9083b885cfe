#!/usr/bin/env bash
# Runs Reel's fuzz targets (docs/RELIABILITY.md):
#   build/fuzz.sh list                      the targets
#   build/fuzz.sh TARGET [SECONDS]          one target for SECONDS (default 600)
#   build/fuzz.sh all [SECONDS]             every target, one after another (build/test.sh: 20)
#   build/fuzz.sh replay TARGET FILE...     run inputs once (a reproducer) and print what fails
# Two kinds of target:
#   <name>            libFuzzer harnesses of the C ABI (native/fuzz/<name>_fuzzer.c), built with
#                     ASan + UBSan in artifacts/native-asan by build/test.sh (or this script)
#   managed-<name>    SharpFuzz targets of tests/Reel.Fuzz run by AFL++: the engine assemblies
#                     instrumented for coverage, run in-process on CoreCLR
# Work goes to artifacts/fuzz/<target>/: corpus/ (grown from the committed seeds), findings/
# (libFuzzer crash-*, leak-*, timeout-*, oom-*), afl/ (AFL++ output: default/crashes, hangs).
# Exits non-zero on any crash, leak, timeout or out-of-memory, printing each reproducer and the
# command that replays it. Assumes build/build.sh has run.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
asan="$root/artifacts/native-asan"
work="$root/artifacts/fuzz"
managed_bin="$work/managed-bin"

native_targets() { sed -n 's/^reel_add_fuzzer(\([a-z0-9_]*\)).*/\1/p' native/fuzz/CMakeLists.txt; }
managed_targets() { sed -n 's/^ *new \([A-Za-z0-9]*\)Target(),.*/\1/p' tests/Reel.Fuzz/Program.cs | tr '[:upper:]' '[:lower:]' | sed 's/^/managed-/'; }
all_targets() { native_targets; managed_targets; }

# Builds the sanitizer tree's harnesses (idempotent; build/test.sh has usually done it).
build_native() {
  [[ -f "$asan/CMakeCache.txt" ]] || CC=clang CXX=clang++ cmake -S native -B "$asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DREEL_ARTIFACTS="$root/artifacts" -DREEL_BIN_DIR="$asan/bin" -DREEL_SANITIZE=ON -DREEL_BUILD_FUZZERS=ON >/dev/null
  cmake --build "$asan" --target reel_fuzzers -j "$(nproc)" >/dev/null
}

# Copies tests/Reel.Fuzz's build and instruments Reel.dll and Reel.Codecs.dll for AFL++ (once per run).
build_managed() {
  dotnet build tests/Reel.Fuzz -c Release --no-restore --nologo -v quiet -clp:NoSummary >/dev/null || return 1
  # Up to date when nothing in the build is newer than the instrumented copy.
  [[ -f "$managed_bin/.instrumented" ]] &&
    [[ -z $(find tests/Reel.Fuzz/bin/Release/net10.0 -newer "$managed_bin/.instrumented" -name '*.dll' | head -1) ]] && return 0
  dotnet tool restore >/dev/null || return 1
  rm -rf "$managed_bin"
  mkdir -p "$work"
  cp -r tests/Reel.Fuzz/bin/Release/net10.0 "$managed_bin"
  for dll in Reel.dll Reel.Codecs.dll; do
    dotnet tool run sharpfuzz "$managed_bin/$dll" >/dev/null || { echo "fuzz.sh: sharpfuzz could not instrument $dll" >&2; return 1; }
  done
  touch "$managed_bin/.instrumented"
}

# fuzz_native NAME SECONDS: one libFuzzer campaign; prints its numbers; non-zero on a finding.
fuzz_native() {
  local name=$1 seconds=$2 dir="$work/$1"
  local bin="$asan/fuzz/${name}_fuzzer" seeds="native/fuzz/corpus/$name" dict="native/fuzz/$name.dict"
  mkdir -p "$dir/corpus" "$dir/findings"
  rm -f "$dir"/findings/*
  local args=(-max_total_time="$seconds" -timeout=10 -malloc_limit_mb=64 -rss_limit_mb=2048 -print_final_stats=1
              -artifact_prefix="$dir/findings/")
  [[ -f "$dict" ]] && args+=(-dict="$dict")
  echo "fuzz.sh: $name (libFuzzer, ${seconds}s): $bin ${args[*]} $dir/corpus $seeds"
  "$bin" "${args[@]}" "$dir/corpus" "$seeds" > "$dir/log.txt" 2>&1
  local status=$?
  local last execs rate
  last=$(grep -E '^#[0-9]+' "$dir/log.txt" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log.txt")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log.txt")
  echo "fuzz.sh: $name: ${execs:-?} runs, ${rate:-?} execs/s, $(echo "$last" | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*'), corpus $(ls "$dir/corpus" | wc -l) files"
  local found=("$dir"/findings/*)
  if [[ $status -ne 0 || -e ${found[0]} ]]; then
    grep -E 'ERROR|INVARIANT|SUMMARY|Test unit written' "$dir/log.txt" | head -20
    for f in "${found[@]}"; do
      [[ -e $f ]] && echo "fuzz.sh: FOUND $f; replay: $bin $f   (or build/fuzz.sh replay $name $f)"
    done
    echo "fuzz.sh: $name FAILED (exit $status); full log: $dir/log.txt"
    return 1
  fi
  return 0
}

# fuzz_managed NAME SECONDS: one AFL++ campaign over a SharpFuzz target; non-zero on a finding.
fuzz_managed() {
  local name=$1 seconds=$2 dir="$work/managed-$1"
  local seeds="tests/Reel.Fuzz/corpus/$name" dict="tests/Reel.Fuzz/$name.dict"
  rm -rf "$dir/afl"
  mkdir -p "$dir"
  # dotnet is not an AFL-instrumented binary (the coverage comes from the instrumented IL), the
  # machine is shared (no CPU binding, no frequency check), nothing reads a TTY, and crashes are
  # counted by AFL++ itself whatever the kernel's core_pattern says.
  local args=(-i "$seeds" -o "$dir/afl" -t 10000 -m none -V "$seconds")
  [[ -f "$dict" ]] && args+=(-x "$dict")
  echo "fuzz.sh: managed-$name (AFL++ + SharpFuzz, ${seconds}s): afl-fuzz ${args[*]} -- dotnet $managed_bin/Reel.Fuzz.dll $name"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
    AFL_FAST_CAL=1 AFL_NO_AUTODICT=1 \
    timeout -k 10 $((seconds + 120)) afl-fuzz "${args[@]}" -- dotnet "$managed_bin/Reel.Fuzz.dll" "$name" > "$dir/log.txt" 2>&1
  local status=$?
  local stats="$dir/afl/default/fuzzer_stats"
  if [[ -f $stats ]]; then
    local get
    get() { sed -n "s/^$1 *: *//p" "$stats"; }
    echo "fuzz.sh: managed-$name: $(get execs_done) runs, $(get execs_per_sec) execs/s, corpus $(get corpus_count), edges $(get edges_found), map density $(get bitmap_cvg), stability $(get stability)"
  fi
  local found=()
  for f in "$dir"/afl/default/crashes/id:* "$dir"/afl/default/hangs/id:*; do
    [[ -e $f ]] && found+=("$f")
  done
  if [[ $status -ne 0 || ${#found[@]} -gt 0 ]]; then
    grep -E 'PROGRAM ABORT|Location|ERROR' "$dir/log.txt" | head -10
    for f in "${found[@]}"; do
      echo "fuzz.sh: FOUND $f; replay: build/fuzz.sh replay managed-$name '$f'"
    done
    [[ $status -ne 0 && -f "$dir/afl/default/.cur_input" ]] && \
      echo "fuzz.sh: afl-fuzz stopped (exit $status); the input it was running: $dir/afl/default/.cur_input"
    echo "fuzz.sh: managed-$name FAILED; full log: $dir/log.txt"
    return 1
  fi
  return 0
}

run_target() {
  local target=$1 seconds=$2
  # One campaign at a time on this machine: a second fuzz.sh (build/test.sh while a long run
  # goes on) waits here for the first one's target to finish.
  mkdir -p "$work"
  exec 9>"$work/.campaign.lock"
  flock 9
  case $target in
    managed-*) build_managed && fuzz_managed "${target#managed-}" "$seconds" ;;
    *) build_native && fuzz_native "$target" "$seconds" ;;
  esac
  local status=$?
  flock -u 9
  return $status
}

case ${1:-} in
  list) all_targets ;;
  all)
    seconds=${2:-20}
    failed=()
    for t in $(all_targets); do
      run_target "$t" "$seconds" || failed+=("$t")
    done
    total=$(all_targets | wc -l)
    echo "fuzz.sh: $((total - ${#failed[@]})) passed, ${#failed[@]} failed"
    [[ ${#failed[@]} -eq 0 ]] || { echo "fuzz.sh: findings in ${failed[*]}"; exit 1; }
    ;;
  replay)
    target=${2:?usage: build/fuzz.sh replay TARGET FILE...}
    shift 2
    case $target in
      managed-*) build_managed && dotnet "$managed_bin/Reel.Fuzz.dll" "${target#managed-}" "$@" ;;
      *) build_native && "$asan/fuzz/${target}_fuzzer" "$@" ;;
    esac
    ;;
  ''|-h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//' ;;
  *)
    all_targets | grep -x "$1" >/dev/null || { echo "fuzz.sh: unknown target $1; build/fuzz.sh list" >&2; exit 2; }
    run_target "$1" "${2:-600}"
    ;;
esac
