#!/usr/bin/env bash
# The main job, from a fresh machine: set up, build libreel and the `reel` tool, then record
# 10 seconds of a 1080p moving test pattern to AV1 through an encoder session (SVT-AV1, with
# the AUTO backend's software warning), decode it back through a decoder session into pooled
# frames, and print the encode and decode stats. Outputs land in artifacts/demo/.
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

