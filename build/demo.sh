#!/usr/bin/env bash
# The main job, from a fresh machine: set up, build libreel and the `reel` tool, then record
# 10 seconds of a 1080p moving test pattern to AV1 through an encoder session (SVT-AV1, with
# the AUTO backend's software warning), decode it back through a decoder session into pooled
# frames, and print the encode and decode stats; then the same 10 s with sound to MP4 and WebM
# (FFmpeg backend), probed and played back through Reel's decoder. Outputs land in artifacts/demo/.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/build/bootstrap.sh"
"$root/build/build.sh"

reel="$root/artifacts/bin/reel"
out="$root/artifacts/demo"
mkdir -p "$out"

printf '\n== reel probe\n'
"$reel" probe

printf '\n== reel encode: 10 s of a 1920x1080 test pattern at 30 fps -> %s\n' "$out/demo-1080p.ivf"
"$reel" encode --pattern 1920x1080 --fps 30 --frames 300 --preset medium -o "$out/demo-1080p.ivf"

printf '\n== reel decode: %s -> %s\n' "$out/demo-1080p.ivf" "$out/demo-1080p.y4m"
"$reel" decode -i "$out/demo-1080p.ivf" -o "$out/demo-1080p.y4m"


# The same 10 s with sound: a stereo 48 kHz WAV (ffmpeg's sine source, 440 Hz left, 660 Hz
# right), recorded by the movie writer into MP4 (AV1 + Opus, fragmented while recording,
# faststart at the end) and WebM (AV1 + Opus) through the FFmpeg backend, then played back
# through Reel's own decoder (reel_media_reader -> decoder session).
wav="$out/demo-tone.wav"
ffmpeg -v error -y -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=10" -f lavfi \
  -i "sine=frequency=660:sample_rate=48000:duration=10" -filter_complex amerge=inputs=2 -c:a pcm_s16le "$wav"
for ext in mp4 webm; do
  movie="$out/demo-1080p.$ext"
  printf '\n== reel encode --audio: 10 s of 1920x1080 + %s -> %s\n' "$(basename "$wav")" "$movie"
  "$reel" encode --pattern 1920x1080 --fps 30 --frames 300 --preset medium --audio "$wav" -o "$movie"
  printf '\n== reel probe -i %s\n' "$movie"
  "$reel" probe -i "$movie"
  printf '\n== reel decode -i %s: played back through Reel'"'"'s decoder\n' "$movie"
  "$reel" decode -i "$movie"
done
