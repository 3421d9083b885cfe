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
#   build/bench.sh h26x    `reel encode --codec h264` vs `ffmpeg -c:v libx264` and `--codec hevc` vs
#                          `-c:v libx265` on the same 1080p Y4M (same preset, CRF, threads, keyint,
#                          B-frames), then `reel decode --codec ...` vs `ffmpeg -i X -f null -` on each
#                          stream: wall time, peak RSS (/usr/bin/time) and bitstream size, as ratios
#   build/bench.sh movies  the movie writer with sound (`reel encode -i in.y4m --audio in.wav -o
#                          out.mp4|out.webm`) vs ffmpeg with libsvtav1 + libopus on the same
#                          1080p Y4M and WAV, same SVT-AV1 preset, CRF and keyframe interval, same
#                          Opus bitrate: wall time and peak RSS ratios (medians of interleaved runs)
#   build/bench.sh record  recording what Vulkan rendered, 1080p, 300 frames (native/examples/record-vk):
#                          reel_movie_writer_write_vk_image vs the host's own vkCmdCopyImageToBuffer +
#                          wait + reel_movie_writer_write_image (CPU RGBA to I420), same run:
#                          frames per second and the host thread's CPU and wall time per frame, as
#                          ratios; and the encoder alone (`reel encode --pattern`, same settings), the
#                          bound both paths share on a machine whose GPU is the CPU (lavapipe)
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
    codecs|h26x|movies) echo "artifacts/lib/libreel.so artifacts/lib/libreel_ffmpeg.so artifacts/bin/reel" ;;
    gpu) echo "tests/Reel.Vulkan.Benchmarks/bin/Release/*/Reel.Vulkan.Benchmarks.dll" ;;
    record) echo "artifacts/lib/libreel.so artifacts/bin/record-vk artifacts/bin/reel" ;;
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

# The helpers of the paired whole-command benchmarks (h26x, movies; bench-codecs.sh has its own).
# One run of a command: prints "wall_seconds max_rss_kib cpu_seconds"; its output goes to $log.
measure() {
  local log=$1
  shift
  /usr/bin/time -f "%e %M %U %S" -o "$log.time" "$@" > "$log" 2>&1 || { cat "$log" >&2; return 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$log.time"
}

# Runs A then B on odd rounds and B then A on even ones (machine drift hits both alike).
# pair ROUND LOG_A TIMES_A LOG_B TIMES_B -- COMMAND_A... -- COMMAND_B...
pair() {
  local round=$1 log_a=$2 times_a=$3 log_b=$4 times_b=$5
  shift 6
  local a=() b=()
  while [[ $1 != -- ]]; do a+=("$1"); shift; done; shift
  b=("$@")
  if ((round % 2)); then
    measure "$log_a" "${a[@]}" >> "$times_a" && measure "$log_b" "${b[@]}" >> "$times_b"
  else
    measure "$log_b" "${b[@]}" >> "$times_b" && measure "$log_a" "${a[@]}" >> "$times_a"
  fi
}

# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

run_codecs() {
  build/bench-codecs.sh
}

# One comparison: RUNS interleaved pairs of reel (A) and ffmpeg (B); prints a table row each
# and leaves "wall rss" medians in $dir/NAME.{reel,ffmpeg}.times.
# versus NAME -- REEL_COMMAND... -- FFMPEG_COMMAND...
versus() {
  local name=$1 i
  shift 2
  local a=() b=()
  while [[ $1 != -- ]]; do a+=("$1"); shift; done; shift
  b=("$@")
  : > "$dir/$name.reel.times"; : > "$dir/$name.ffmpeg.times"
  for ((i = 1; i <= runs; i++)); do
    pair "$i" "$dir/$name.reel.log" "$dir/$name.reel.times" "$dir/$name.ffmpeg.log" "$dir/$name.ffmpeg.times" \
      -- "${a[@]}" -- "${b[@]}"
    printf '  %-12s run %d: reel %s s, ffmpeg %s s\n' "$name" "$i" "$(tail -1 "$dir/$name.reel.times" | cut -d' ' -f1)" \
      "$(tail -1 "$dir/$name.ffmpeg.times" | cut -d' ' -f1)"
  done
}

# Prints one result row: NAME, what was compared, and (for encodes) the two bitstreams.
h26x_row() {
  local name=$1 what=$2 reel_out=${3:-} ffmpeg_out=${4:-}
  local rw fw rm fm rc fc ratios pair_median size="" same=""
  rw=$(cut -d' ' -f1 "$dir/$name.reel.times" | median); fw=$(cut -d' ' -f1 "$dir/$name.ffmpeg.times" | median)
  rm=$(cut -d' ' -f2 "$dir/$name.reel.times" | median); fm=$(cut -d' ' -f2 "$dir/$name.ffmpeg.times" | median)
  rc=$(cut -d' ' -f3 "$dir/$name.reel.times" | median); fc=$(cut -d' ' -f3 "$dir/$name.ffmpeg.times" | median)
  # The wall ratio of each pair (the two runs of a round follow each other), then their median.
  pair_median=$(paste -d' ' "$dir/$name.reel.times" "$dir/$name.ffmpeg.times" | awk '{ print $1 / $4 }' | median)
  if [[ -n $reel_out ]]; then
    size=$(awk -v a="$(stat -c %s "$reel_out")" -v b="$(stat -c %s "$ffmpeg_out")" 'BEGIN { printf "%.4f", a / b }')
    if cmp -s "$reel_out" "$ffmpeg_out"; then same=identical; else same=different; fi
  fi
  awk -v n="$what" -v rw="$rw" -v fw="$fw" -v pm="$pair_median" -v rm="$rm" -v fm="$fm" -v rc="$rc" -v fc="$fc" \
      -v size="$size" -v same="$same" -v fr="$frames" 'BEGIN {
    printf "| %-22s | %7.2f | %7.2f | %6.1f | %10.3f | %10.3f | %7.3f | %9.1f | %9.1f | %9.3f | %-6s | %-9s |\n",
      n, rw, fw, fr / rw, rw / fw, pm, rc / fc, rm / 1024, fm / 1024, rm / fm, size == "" ? "-" : size, same == "" ? "-" : same
  }'
}

run_h26x() {
  local dir="$root/artifacts/bench/h26x" runs=${REEL_BENCH_RUNS:-5} frames=${REEL_BENCH_FRAMES:-120}
  local reel="$root/artifacts/bin/reel" preset=${REEL_BENCH_PRESET:-low} quality=${REEL_BENCH_QUALITY:-55}
  mkdir -p "$dir"
  local y4m="$dir/input-1080p-$frames.y4m"
  if [[ ! -s $y4m ]]; then
    printf '\n== h26x: making the input (ffmpeg testsrc2, 1920x1080, %s frames at 30 fps)\n' "$frames"
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -frames:v "$frames" -pix_fmt yuv420p "$y4m"
  fi
  # Reel's preset and quality as x264/x265 see them (EncoderSettingsMapping: low = veryfast,
  # medium = medium, high = slow; CRF = 51 - round(quality * 51 / 100)).
  local x26x crf
  case "$preset" in low) x26x=veryfast ;; medium) x26x=medium ;; high) x26x=slow ;; *) echo "REEL_BENCH_PRESET: low, medium or high" >&2; exit 2 ;; esac
  crf=$(awk -v q="$quality" 'BEGIN { printf "%d", 51 - int(q * 51 / 100 + 0.5) }')
  # What the shim sets on every x264/x265 session beyond preset and CRF: forced IDR keyframes,
  # BT.709 limited-range VUI, chroma siting unsignalled (ffmpeg would pass on "center" from the
  # Y4M's C420jpeg tag; Reel's Y4M reader signals none). Threads, keyint and B-frames stay at
  # the wrapper's defaults on both sides (thread_count 0 = x26x's auto, gop_size -1 = 250, max_b_frames -1 = the preset's).
  local common=(-forced-idr 1 -color_primaries bt709 -color_trc bt709 -colorspace bt709 -color_range tv -chroma_sample_location unspecified)
  printf '\n== h26x: %s runs each, interleaved; reel --preset %s --quality %s = %s CRF %s\n' "$runs" "$preset" "$quality" "$x26x" "$crf"
  versus h264-encode -- "$reel" encode -i "$y4m" -o "$dir/reel.h264" --codec h264 --rc crf --quality "$quality" --preset "$preset" --quiet \
    -- ffmpeg -v error -y -i "$y4m" -c:v libx264 -preset "$x26x" -crf "$crf" "${common[@]}" -f h264 "$dir/ffmpeg.h264"
  versus hevc-encode -- "$reel" encode -i "$y4m" -o "$dir/reel.hevc" --codec hevc --rc crf --quality "$quality" --preset "$preset" --quiet \
    -- ffmpeg -v error -y -i "$y4m" -c:v libx265 -preset "$x26x" -crf "$crf" -x265-params log-level=error "${common[@]}" -f hevc "$dir/ffmpeg.hevc"
  # Both decoders read the stream ffmpeg made; frames are decoded and dropped on both sides.
  versus h264-decode -- "$reel" decode --codec h264 -i "$dir/ffmpeg.h264" --quiet \
    -- ffmpeg -v error -i "$dir/ffmpeg.h264" -f null -
  versus hevc-decode -- "$reel" decode --codec hevc -i "$dir/ffmpeg.hevc" --quiet \
    -- ffmpeg -v error -i "$dir/ffmpeg.hevc" -f null -
  printf '\n== h26x: results (median of %s runs; %s frames of 1920x1080; ratios reel / ffmpeg)\n' "$runs" "$frames"
  printf 'machine: %s, %s CPUs, load average %s\n' "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf '| %-22s | %7s | %7s | %6s | %10s | %10s | %7s | %9s | %9s | %9s | %-6s | %-9s |\n' "run" "reel s" "ffmpeg s" "fps" \
    "wall ratio" "pair ratio" "CPU" "reel MiB" "ffmpeg MiB" "RSS ratio" "size" "bitstream"
  printf '| %-22s | %7s | %7s | %6s | %10s | %10s | %7s | %9s | %9s | %9s | %-6s | %-9s |\n' --- --- --- --- --- --- --- --- --- --- --- ---
  h26x_row h264-encode "encode H.264 (libx264)" "$dir/reel.h264" "$dir/ffmpeg.h264"
  h26x_row hevc-encode "encode HEVC (libx265)" "$dir/reel.hevc" "$dir/ffmpeg.hevc"
  h26x_row h264-decode "decode H.264"
  h26x_row hevc-decode "decode HEVC"
  printf 'targets: wall ratio <= 1.03, RSS ratio <= 1.000, size ratio 0.99..1.01\n'
}

# The 1080p Y4M both encode benchmarks read (ffmpeg's testsrc2, made once): prints its path.
bench_input_y4m() {
  local frames=$1 y4m="$root/artifacts/bench/codecs/input-1080p.y4m"
  mkdir -p "$(dirname "$y4m")"
  if [[ ! -s $y4m ]]; then
    printf '\n== making the input (ffmpeg testsrc2, 1920x1080, %s frames at 30 fps)\n' "$frames" >&2
    ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -frames:v "$frames" -pix_fmt yuv420p "$y4m"
  fi
  echo "$y4m"
}

# The movie writer with sound vs ffmpeg, to MP4 and WebM. Both sides read the same Y4M (so
# they encode the same pictures: Reel's --pattern and testsrc2 differ, and SVT-AV1's speed
# depends on the content) and the same float WAV, and encode with SVT-AV1 preset 10, CRF 35
# (Reel's MEDIUM preset and default quality 45), a keyframe every 150 frames, all cores;
# Opus 96 kbit/s stereo (Reel's default, 48 kbit/s per channel) from float samples. MP4 ends
# moov-first on both sides (Reel always; ffmpeg with -movflags +faststart).
run_movies() {
  local dir="$root/artifacts/bench/movies" runs=${REEL_BENCH_RUNS:-3} frames=${REEL_BENCH_FRAMES:-300}
  local reel="$root/artifacts/bin/reel" y4m wav="$root/artifacts/bench/movies/tone-48k-stereo.wav" keyint=150
  mkdir -p "$dir"
  y4m=$(bench_input_y4m "$frames")
  local seconds
  seconds=$(awk -v f="$frames" 'BEGIN { printf "%.3f", f / 30 }')
  ffmpeg -v error -y -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$seconds" -f lavfi \
    -i "sine=frequency=660:sample_rate=48000:duration=$seconds" -filter_complex amerge=inputs=2 -c:a pcm_f32le "$wav"
  printf '\n== movies: machine %s, %s CPUs, load average %s\n' "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  local ext summary=() notes=()
  for ext in mp4 webm; do
    local movflags=()
    [[ $ext == mp4 ]] && movflags=(-movflags +faststart)
    printf '\n== movies: %s, %s runs each, interleaved (ffmpeg libsvtav1+libopus | reel encode --audio)\n' "$ext" "$runs"
    : > "$dir/ffmpeg-$ext.times"; : > "$dir/reel-$ext.times"
    for ((i = 1; i <= runs; i++)); do
      SVT_LOG=1 pair "$i" "$dir/ffmpeg-$ext.log" "$dir/ffmpeg-$ext.times" "$dir/reel-$ext.log" "$dir/reel-$ext.times" \
        -- ffmpeg -v error -y -i "$y4m" -i "$wav" -map 0:v -map 1:a -frames:v "$frames" -c:v libsvtav1 -preset 10 -crf 35 -g "$keyint" \
             -c:a libopus -b:a 96k "${movflags[@]}" "$dir/ffmpeg.$ext" \
        -- "$reel" encode -i "$y4m" --frames "$frames" --audio "$wav" --preset medium --keyint "$keyint" -o "$dir/reel.$ext" --quiet
      printf '  run %d: ffmpeg %s s, reel encode %s s\n' "$i" "$(tail -1 "$dir/ffmpeg-$ext.times" | cut -d' ' -f1)" "$(tail -1 "$dir/reel-$ext.times" | cut -d' ' -f1)"
    done
    # What each side wrote: the AV1 and Opus streams compared packet for packet.
    local vsame asame
    if [[ $(ffmpeg -v error -i "$dir/ffmpeg.$ext" -map 0:v -c copy -f md5 -) == $(ffmpeg -v error -i "$dir/reel.$ext" -map 0:v -c copy -f md5 -) ]]; then vsame=identical; else vsame=different; fi
    if [[ $(ffmpeg -v error -i "$dir/ffmpeg.$ext" -map 0:a -c copy -f md5 -) == $(ffmpeg -v error -i "$dir/reel.$ext" -map 0:a -c copy -f md5 -) ]]; then asame=identical; else asame=different; fi
    local fs rs fm rm fc rc
    fs=$(cut -d' ' -f1 "$dir/ffmpeg-$ext.times" | median); rs=$(cut -d' ' -f1 "$dir/reel-$ext.times" | median)
    fm=$(cut -d' ' -f2 "$dir/ffmpeg-$ext.times" | median); rm=$(cut -d' ' -f2 "$dir/reel-$ext.times" | median)
    fc=$(cut -d' ' -f3 "$dir/ffmpeg-$ext.times" | median); rc=$(cut -d' ' -f3 "$dir/reel-$ext.times" | median)
    summary+=("$(awk -v e="$ext" -v a="$fs" -v b="$rs" -v am="$fm" -v bm="$rm" -v ac="$fc" -v bc="$rc" \
      -v fa="$(stat -c %s "$dir/ffmpeg.$ext")" -v fb="$(stat -c %s "$dir/reel.$ext")" 'BEGIN {
      printf "| %-5s | %-36s | %8.2f | %8.2f | %12.1f | %10d | %10s | %8s |\n", e, "ffmpeg -c:v libsvtav1 -c:a libopus", a, ac, am / 1024, fa, "baseline", "baseline"
      printf "| %-5s | %-36s | %8.2f | %8.2f | %12.1f | %10d | %10.3f | %8.3f |\n", e, "reel encode --audio", b, bc, bm / 1024, fb, b / a, bm / am
    }')")
    notes+=("$ext: AV1 streams $vsame, Opus streams $asame (packet md5 of each side's file)")
  done
  printf '\n== movies: results (median of %s runs; %s frames of 1920x1080 + %s s of 48 kHz stereo)\n' "$runs" "$frames" "$seconds"
  printf '| %-5s | %-36s | %8s | %8s | %12s | %10s | %10s | %8s |\n' "file" "run" "wall s" "CPU s" "peak RSS MiB" "bytes" "wall ratio" "RSS ratio"
  printf '| %-5s | %-36s | %8s | %8s | %12s | %10s | %10s | %8s |\n' "---" "---" "---" "---" "---" "---" "---" "---"
  printf '%s\n' "${summary[@]}"
  printf '%s\n' "${notes[@]}"
  printf 'targets: wall ratio <= 1.03, RSS ratio <= 1.00; load average now %s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
}

run_gpu() {
  printf '\n== gpu: suballocator vs one vkAllocateMemory per resource (video-pipeline trace)\n'
  dotnet run -c Release --project tests/Reel.Vulkan.Benchmarks --no-build -- --runs 9 --frames 300
}

run_record() {
  local frames=${REEL_BENCH_FRAMES:-300} out
  out=$(mktemp -d)
  printf '\n== record: write_vk_image vs host readback + write_image, 1920x1080, %s frames\n' "$frames"
  printf 'machine: %s, %s CPUs, load average %s; Vulkan device: %s\n' "$(lscpu | sed -n 's/^Model name: *//p')" "$(nproc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(vulkaninfo --summary 2>/dev/null | sed -n 's/^[[:space:]]*deviceName[[:space:]]*=[[:space:]]*//p' | head -1)"
  local gpu host started encoder_s encoder_fps
  host=$(artifacts/bin/record-vk --host-readback "$out/host.ivf" "$frames" 1920 1080 | grep '^record-vk: host')
  gpu=$(artifacts/bin/record-vk "$out/gpu.ivf" "$frames" 1920 1080 | grep '^record-vk: write_vk_image')
  # The bound both paths share: the same encoder settings as record-vk (SVT-AV1 preset low =
  # speed 12, default quality, BT.709, 60 fps) on frames that need no Vulkan and no RGB
  # conversion (the tool's test pattern, made in I420 on the CPU).
  started=$(date +%s.%N)
  artifacts/bin/reel encode --pattern 1920x1080 --frames "$frames" --fps 60 --preset low --color bt709 --quiet -o "$out/encoder.ivf"
  encoder_s=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { print b - a }')
  encoder_fps=$(awk -v f="$frames" -v s="$encoder_s" 'BEGIN { print f / s }')
  echo "$host"
  echo "$gpu"
  printf 'reel encode --pattern 1920x1080 --preset low (the encoder alone): %s frames in %.2f s = %.2f fps\n' "$frames" "$encoder_s" "$encoder_fps"
  # "... = F fps; host thread per frame: C ms in recording calls, U ms CPU"
  awk -v g="$gpu" -v h="$host" -v e="$encoder_fps" 'function field(s, re) { match(s, re); return substr(s, RSTART, RLENGTH) + 0 }
    BEGIN {
      gf = field(g, "[0-9.]+ fps"); hf = field(h, "[0-9.]+ fps")
      gc = field(g, "[0-9.]+ ms in"); hc = field(h, "[0-9.]+ ms in")
      gu = field(g, "[0-9.]+ ms CPU"); hu = field(h, "[0-9.]+ ms CPU")
      printf "ratio write_vk_image / host readback: fps %.2fx (target >= 1.5), host thread CPU per frame %.3fx (target <= 0.25), host time in recording calls per frame %.3fx\n", gf / hf, gu / hu, gc / hc
      printf "fps as a share of the encoder alone (%.2f fps): host readback %.0f%%, write_vk_image %.0f%%\n", e, 100 * hf / e, 100 * gf / e
    }'
  rm -rf "$out"
}

case "$suite" in
  pools|cache|codecs|h26x|movies|gpu|record) ;;
  *) echo "usage: build/bench.sh pools|cache|codecs|h26x|movies|gpu|record" >&2; exit 2 ;;
esac

before=$(tree_state)
ensure_built "$suite"
"run_$suite"
if [[ $(tree_state) != "$before" ]]; then
  echo "bench: the run changed files git tracks (or left untracked ones):" >&2
  git status --short >&2
  exit 1
fi
