#!/usr/bin/env bash
# Installs what Reel needs on a fresh Debian 12 machine and restores NuGet packages.
# Idempotent: packages already present are not touched; a second run installs nothing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# The Debian packages named in DESIGN.md, plus gcc/g++ (native/ and the Vulkan layout
# probe), pkg-config (CMake's lookup of dav1d/SVT-AV1/libavutil), vulkan-tools (vulkaninfo
# for docs/PLATFORMS.md) and cargo (the Rust host).
packages=(
  gcc g++ clang lld zlib1g-dev cmake pkg-config libgtest-dev libbenchmark-dev
  libvulkan-dev mesa-vulkan-drivers vulkan-validationlayers vulkan-tools
  libsvtav1enc-dev svt-av1 libdav1d-dev dav1d libavutil-dev ffmpeg
  bindgen libclang-14-dev
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
