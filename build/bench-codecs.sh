#!/usr/bin/env bash
# build/bench.sh codecs (this file is its body; run it through build/bench.sh, which builds
# first, or on its own when artifacts/bin/reel is current).
#
# Encode: `reel encode` against SvtAv1EncApp and `ffmpeg -c:v libsvtav1` on the same 1080p Y4M
# with matched settings (speed 10, CRF 35 = Reel's MEDIUM preset and default quality 45, every
# core, SVT-AV1's automatic 5-second keyframe interval, closed GOP), for four configurations:
#   svt-default  mini-GOP 32: what SVT-AV1 1.4.1 picks by itself (and Reel did before 0.1 grew
#                the memory settings)
#   default      mini-GOP 16: Reel's default now
#   bounded      mini-GOP 16 and look-ahead 1 (no future mini-GOP): the memory-bounded setting
#   low-delay    low-delay prediction (SVT-AV1 codes it in groups of 8, no look-ahead)
# Each command runs REEL_BENCH_RUNS times (default 5); a round runs every command once, in an
# order that rotates from round to round so that drift of a shared machine spreads over all
# of them. /usr/bin/time gives wall time, CPU time and peak RSS; tables show medians and the
# ratios reel/SvtAv1EncApp and reel/ffmpeg from the same rounds. PSNR (ffmpeg's psnr filter,
# all planes) and bitrate come from each configuration's output, and `cmp` says whether
# Reel's bitstream equals SvtAv1EncApp's.
# Latency: `reel encode --realtime --json` (frames submitted at 30 fps like a live source, so
# the latency is the encoder's, not a queue filled at once) at speed 12, random access (the
# baseline) against low delay; frames-in to packet-out latency from reel_encoder_stats_t.
# Decode: `reel decode` against the dav1d tool on the same IVF (both write Y4M).
# REEL_BENCH_FRAMES (default 300) sets the clip's length.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

dir="$root/artifacts/bench/codecs"
runs=${REEL_BENCH_RUNS:-5}
frames=${REEL_BENCH_FRAMES:-300}
reel="$root/artifacts/bin/reel"
mkdir -p "$dir"
for tool in "$reel" SvtAv1EncApp ffmpeg dav1d /usr/bin/time; do
  command -v "$tool" > /dev/null || { echo "bench codecs: $tool is missing (build/build.sh, build/bootstrap.sh)" >&2; exit 1; }
done

y4m="$dir/input-1080p-$frames.y4m"
if [[ ! -s $y4m ]]; then
  printf '\n== codecs: making the input (ffmpeg testsrc2, 1920x1080, %s frames at 30 fps)\n' "$frames"
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" -frames:v "$frames" -pix_fmt yuv420p "$y4m"
fi

printf '\n== codecs: machine\n'
lscpu | grep -E '^(Model name|CPU\(s\)|Thread\(s\) per core|L3 cache):' | sed 's/  */ /g'
printf 'memory: %s; load average at start: %s\n' "$(free -h | awk '/^Mem:/ { print $2 " total, " $7 " available" }')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf 'SvtAv1EncApp %s; %s; dav1d %s\n' "$(SvtAv1EncApp --version 2>&1 | grep -o 'v[0-9.]*' | head -1)" \
  "$(ffmpeg -version | head -1 | cut -d' ' -f1-3)" "$(dav1d --version 2>&1 | head -1)"
date -u '+date: %Y-%m-%d %H:%M UTC'

# One run: appends "wall_seconds max_rss_kib cpu_seconds" to $times; the command's output goes to $log.
measure() {
  local log=$1 times=$2
  shift 2
  /usr/bin/time -f "%e %M %U %S" -o "$log.time" "$@" > "$log" 2>&1 || { cat "$log" >&2; return 1; }
  awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$log.time" >> "$times"
}

# Median of the numbers on stdin.
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Spread of the numbers on stdin: (max - min) / median, in percent.
spread() { sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.0f", (m > 0 ? 100 * (v[NR] - v[1]) / m : 0) }'; }

# The configurations: name, SvtAv1EncApp flags, ffmpeg -svtav1-params additions, reel flags.
configs=(svt-default default bounded low-delay)
declare -A svt_flags=([svt-default]="--hierarchical-levels 5" [default]="--hierarchical-levels 4"
                      [bounded]="--hierarchical-levels 4 --lookahead 1" [low-delay]="--pred-struct 1")
declare -A ff_params=([svt-default]="hierarchical-levels=5" [default]="hierarchical-levels=4"
                      [bounded]="hierarchical-levels=4:lookahead=1" [low-delay]="pred-struct=1")
declare -A reel_flags=([svt-default]="--mini-gop 32" [default]="" [bounded]="--lookahead 1" [low-delay]="--low-delay")

# Runs tool $1 (svt, ffmpeg, reel) on configuration $2.
encode() {
  local tool=$1 config=$2 base="$dir/$2-$1"
  case $tool in
    svt) # shellcheck disable=SC2086
      SVT_LOG=1 measure "$base.log" "$base.times" SvtAv1EncApp -i "$y4m" -b "$base.ivf" --preset 10 --crf 35 ${svt_flags[$config]} ;;
    ffmpeg) # keyint -2 and irefresh-type 2 undo ffmpeg's own GOP defaults (12 frames, open GOP).
      SVT_LOG=1 measure "$base.log" "$base.times" ffmpeg -v error -y -i "$y4m" -c:v libsvtav1 -preset 10 -crf 35 \
        -svtav1-params "keyint=-2:irefresh-type=2:${ff_params[$config]}" "$base.ivf" ;;
    reel) # shellcheck disable=SC2086
      measure "$base.log" "$base.times" "$reel" encode -i "$y4m" -o "$base.ivf" --preset medium --json ${reel_flags[$config]} ;;
  esac
}

tools=(svt ffmpeg reel)
commands=()
for config in "${configs[@]}"; do
  for tool in "${tools[@]}"; do
    commands+=("$tool $config")
    : > "$dir/$config-$tool.times"
  done
done
printf '\n== codecs: encode 1920x1080, %s frames, speed 10, CRF 35; %s rounds of %s commands, order rotating\n' "$frames" "$runs" "${#commands[@]}"
for ((round = 0; round < runs; round++)); do
  line="  round $((round + 1)):"
  for ((k = 0; k < ${#commands[@]}; k++)); do
    item=${commands[$(((k + round * 5) % ${#commands[@]}))]}
    # shellcheck disable=SC2086
    encode $item
    set -- $item
    line+=" $2/$1 $(tail -1 "$dir/$2-$1.times" | cut -d' ' -f1)s"
  done
  echo "$line"
done

psnr() { ffmpeg -hide_banner -i "$1" -i "$y4m" -lavfi "[0:v][1:v]psnr" -f null - 2>&1 | grep -o 'average:[0-9.inf]*' | cut -d: -f2; }
field() { grep -o "\"$2\":[0-9.]*" "$1" | head -1 | cut -d: -f2; }

printf '\n== codecs: encode results (medians of %s runs; ratios reel / baseline from the same rounds)\n\n' "$runs"
printf '| configuration | encoder | wall s | fps | CPU s | peak RSS MiB | wall spread %% | PSNR dB | kbit/s | wall ratio | RSS ratio |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n'
summary=""
for config in "${configs[@]}"; do
  declare -A wall=() rss=()
  for tool in "${tools[@]}"; do
    t="$dir/$config-$tool.times"
    wall[$tool]=$(cut -d' ' -f1 "$t" | median)
    rss[$tool]=$(cut -d' ' -f2 "$t" | median)
    cpu=$(cut -d' ' -f3 "$t" | median)
    noise=$(cut -d' ' -f1 "$t" | spread)
    p=$(psnr "$dir/$config-$tool.ivf")
    bytes=$(stat -c %s "$dir/$config-$tool.ivf")
    case $tool in svt) name=SvtAv1EncApp ;; ffmpeg) name="ffmpeg libsvtav1" ;; *) name="reel encode" ;; esac
    ratios="baseline | baseline"
    if [[ $tool == reel ]]; then
      ratios=$(awk -v w="${wall[reel]}" -v a="${wall[svt]}" -v b="${wall[ffmpeg]}" -v r="${rss[reel]}" -v c="${rss[svt]}" -v d="${rss[ffmpeg]}" \
        'BEGIN { printf "%.3f / %.3f | %.3f / %.3f", w / a, w / b, r / c, r / d }')
    fi
    awk -v c="$config" -v n="$name" -v w="${wall[$tool]}" -v fr="$frames" -v cpu="$cpu" -v m="${rss[$tool]}" -v s="$noise" -v p="$p" \
        -v b="$bytes" -v ra="$ratios" \
      'BEGIN { printf "| %s | %s | %.2f | %.1f | %.2f | %.1f | %s | %.3f | %.0f | %s |\n", c, n, w, fr / w, cpu, m / 1024, s, p, b * 8 / (fr / 30) / 1000, ra }'
  done
  same=$(cmp -s "$dir/$config-svt.ivf" "$dir/$config-reel.ivf" && echo identical || echo different)
  summary+=$(printf '%s: reel/SvtAv1EncApp wall %.3f, peak RSS %.3f (%.0f MiB = %.0f MB); reel/ffmpeg wall %.3f, peak RSS %.3f; bitstream vs SvtAv1EncApp %s; reel latency %s ms mean, %s frames max (frames submitted at once)' \
    "$config" "$(awk -v a="${wall[reel]}" -v b="${wall[svt]}" 'BEGIN { print a / b }')" "$(awk -v a="${rss[reel]}" -v b="${rss[svt]}" 'BEGIN { print a / b }')" \
    "$(awk -v a="${rss[reel]}" 'BEGIN { print a / 1024 }')" "$(awk -v a="${rss[reel]}" 'BEGIN { print a * 1024 / 1e6 }')" \
    "$(awk -v a="${wall[reel]}" -v b="${wall[ffmpeg]}" 'BEGIN { print a / b }')" "$(awk -v a="${rss[reel]}" -v b="${rss[ffmpeg]}" 'BEGIN { print a / b }')" \
    "$same" "$(field "$dir/$config-reel.log" latency_ms_mean)" "$(field "$dir/$config-reel.log" latency_frames_max)")$'\n'
  unset wall rss
done
printf '\n%s' "$summary"

printf '\n== codecs: latency, reel encode --realtime (30 fps input pace), speed 12, %s runs each, alternating\n' "$runs"
latency_configs=(random-access low-delay)
declare -A latency_flags=([random-access]="" [low-delay]="--low-delay")
for config in "${latency_configs[@]}"; do : > "$dir/latency-$config.values"; done
for ((round = 0; round < runs; round++)); do
  line="  round $((round + 1)):"
  for ((k = 0; k < 2; k++)); do
    config=${latency_configs[$(((k + round) % 2))]}
    log="$dir/latency-$config.log"
    # shellcheck disable=SC2086
    "$reel" encode -i "$y4m" -o "$dir/latency-$config.ivf" --preset low --realtime --json ${latency_flags[$config]} > "$log" 2>&1 \
      || { cat "$log" >&2; exit 1; }
    echo "$(field "$log" latency_ms_mean) $(field "$log" latency_ms_max) $(field "$log" latency_frames_mean) $(field "$log" latency_frames_max) $(field "$log" encode_fps)" \
      >> "$dir/latency-$config.values"
    line+=" $config $(field "$log" latency_ms_mean) ms"
  done
  echo "$line"
done
printf '\n| prediction | latency ms mean | latency ms max | frames mean | frames max | encode fps | ratio (ms mean) |\n| --- | --- | --- | --- | --- | --- | --- |\n'
base=$(cut -d' ' -f1 "$dir/latency-random-access.values" | median)
for config in "${latency_configs[@]}"; do
  v="$dir/latency-$config.values"
  awk -v c="$config" -v a="$(cut -d' ' -f1 "$v" | median)" -v b="$(cut -d' ' -f2 "$v" | median)" -v f="$(cut -d' ' -f3 "$v" | median)" \
      -v g="$(cut -d' ' -f4 "$v" | median)" -v e="$(cut -d' ' -f5 "$v" | median)" -v base="$base" \
    'BEGIN { printf "| %s | %.1f | %.1f | %.2f | %.0f | %.1f | %s |\n", c, a, b, f, g, e, c == "random-access" ? "baseline" : sprintf("%.3f", a / base) }'
done

printf '\n== codecs: decode, %s runs each, alternating (dav1d -i X -o Y.y4m | reel decode -i X -o Y.y4m)\n' "$runs"
ivf="$dir/default-svt.ivf"
: > "$dir/dav1d.times"; : > "$dir/reel-decode.times"
for ((round = 0; round < runs; round++)); do
  if ((round % 2)); then
    measure "$dir/dav1d.log" "$dir/dav1d.times" dav1d -q -i "$ivf" -o "$dir/dav1d.y4m"
    measure "$dir/reel-decode.log" "$dir/reel-decode.times" "$reel" decode -i "$ivf" -o "$dir/reel.y4m" --quiet
  else
    measure "$dir/reel-decode.log" "$dir/reel-decode.times" "$reel" decode -i "$ivf" -o "$dir/reel.y4m" --quiet
    measure "$dir/dav1d.log" "$dir/dav1d.times" dav1d -q -i "$ivf" -o "$dir/dav1d.y4m"
  fi
  printf '  round %d: dav1d %s s, reel decode %s s\n' "$((round + 1))" "$(tail -1 "$dir/dav1d.times" | cut -d' ' -f1)" "$(tail -1 "$dir/reel-decode.times" | cut -d' ' -f1)"
done
decoded=$(cmp -s "$dir/dav1d.y4m" "$dir/reel.y4m" && echo identical || echo different)
printf '\n| decoder | wall s | fps | CPU s | peak RSS MiB | wall spread %% | wall ratio |\n| --- | --- | --- | --- | --- | --- | --- |\n'
d_wall=$(cut -d' ' -f1 "$dir/dav1d.times" | median)
for name in dav1d reel-decode; do
  t="$dir/$name.times"
  awk -v n="$name" -v w="$(cut -d' ' -f1 "$t" | median)" -v c="$(cut -d' ' -f3 "$t" | median)" -v m="$(cut -d' ' -f2 "$t" | median)" \
      -v s="$(cut -d' ' -f1 "$t" | spread)" -v fr="$frames" -v base="$d_wall" \
    'BEGIN { printf "| %s | %.2f | %.1f | %.2f | %.1f | %s | %s |\n", n, w, fr / w, c, m / 1024, s, n == "dav1d" ? "baseline" : sprintf("%.3f", w / base) }'
done
printf '\ndecoded Y4M outputs %s; load average at the end: %s\n' "$decoded" "$(cut -d' ' -f1-3 /proc/loadavg)"
