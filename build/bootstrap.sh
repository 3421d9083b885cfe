#!/usr/bin/env bash
# Installs what Reel needs on a fresh Debian 12 machine and restores NuGet packages.
# Idempotent: packages already present are not touched; a second run installs nothing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The Debian packages named in DESIGN.md, plus gcc/g++ (native/ and the Vulkan layout
# probe), pkg-config (CMake's lookup of dav1d/SVT-AV1/FFmpeg), vulkan-tools (vulkaninfo
# for docs/PLATFORMS.md), cargo (the Rust host), the FFmpeg and libopus development files
# (the FFmpeg shim), glslang/spirv-tools (shaders), mkvtoolnix/mediainfo (second opinions on
# written files), afl++ and clang's sanitizer/fuzzer runtimes (fuzzing, ASan/UBSan),
# llvm-14 (llvm-symbolizer for sanitizer reports), libva (VA-API probing) and librsvg2-bin
# (rsvg-convert: the charts in docs/images rendered to PNG to look at them).
packages=(
  gcc g++ clang lld zlib1g-dev cmake pkg-config libgtest-dev libbenchmark-dev
  libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools
  libsvtav1enc-dev svt-av1 libdav1d-dev dav1d libavutil-dev ffmpeg
  bindgen libclang-14-dev
  libavformat-dev libavcodec-dev libswresample-dev libswscale-dev libopus-dev
  glslang-tools spirv-tools mkvtoolnix mediainfo
  afl++ libclang-rt-14-dev llvm-14 libva-dev vainfo librsvg2-bin
)
command -v cargo >/dev/null 2>&1 || packages+=(cargo)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
else
  echo "bootstrap: all ${#packages[@]} Debian packages present"
fi

command -v dotnet >/dev/null 2>&1 || { echo "bootstrap: the .NET 10 SDK (dotnet) is required and not on PATH" >&2; exit 1; }
echo "bootstrap: restoring NuGet packages"
dotnet restore "$root/Engine.sln" --verbosity quiet
# The sharpfuzz instrumentation tool of build/fuzz.sh (.config/dotnet-tools.json).
(cd "$root" && dotnet tool restore --verbosity quiet)
