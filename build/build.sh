#!/usr/bin/env bash
# Builds Reel into artifacts/:
#   lib/libreel.so (SONAME libreel.so.0, with the libreel.so.0 link and libreel.so.dbg)
#   include/reel.h, include/reel_vulkan.h
#   lib/libreel_ffmpeg.so (SONAME libreel_ffmpeg.so.0): the FFmpeg shim, built by CMake (native/shim/ffmpeg)
#   contract/       what the header drift check reads (IL of the exports, ILC's exports file)
#   nuget/          the NuGet package Reel.<version>.nupkg (bindings/dotnet/Reel)
#   publish/notices the .NET runtime's LICENSE and THIRD-PARTY-NOTICES (it is compiled into
#                   libreel; the install and the package ship them)
#   native/         CMake build tree of native/ (GoogleTest suites, example hosts)
#   bin/            host programs built from native/
# Fails when the headers and the library have drifted apart (build/tools/Reel.HeaderTool).
# Assumes build/bootstrap.sh has run (build/test.sh and build/demo.sh run it).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
artifacts="$root/artifacts"
cd "$root"

step() { printf '\n== %s\n' "$*"; }

step "dotnet build (engine, tools, bindings, tests)"
dotnet build Engine.sln -c Release --no-restore --nologo -v quiet -clp:NoSummary  # bootstrap.sh restored it

step "generated code is current (bindings/dotnet, src/Reel.Native/Generated)"
build/tools/generate-bindings.sh --verify

step "publish libreel (NativeAOT)"
rm -rf "$artifacts/publish"
dotnet publish src/Reel.Native/Reel.Native.csproj -c Release -o "$artifacts/publish" --nologo -v quiet -clp:NoSummary
mkdir -p "$artifacts/lib" "$artifacts/include"
# Replaced by rename, never rewritten in place: a process that has the old library mapped (a fuzz
# campaign, a test still running) keeps its copy instead of dying of SIGBUS.
for f in libreel.so libreel.so.dbg; do
  cp "$artifacts/publish/$f" "$artifacts/lib/.$f.new"
  mv -f "$artifacts/lib/.$f.new" "$artifacts/lib/$f"
done
ln -sfn libreel.so "$artifacts/lib/libreel.so.0"
cp include/reel.h include/reel_vulkan.h "$artifacts/include/"
rm -rf "$artifacts/contract"
cp -r "$artifacts/publish/contract" "$artifacts/contract"
echo "libreel: $artifacts/lib/libreel.so ($(readelf -d "$artifacts/lib/libreel.so" | sed -n 's/.*Library soname: \[\(.*\)\]/SONAME \1/p'))"

step "header drift check (reel.h and reel_vulkan.h vs libreel)"
dotnet run --project build/tools/Reel.HeaderTool -c Release --no-build -- check \
  --header include/reel.h --header include/reel_vulkan.h \
  --assembly "$artifacts/contract/libreel.dll" \
  --exports "$artifacts/contract/libreel.exports" \
  --library "$artifacts/lib/libreel.so"

step "native (CMake)"
cmake -S native -B "$artifacts/native" -DCMAKE_BUILD_TYPE=Release -DREEL_ARTIFACTS="$artifacts" > "$artifacts/cmake-configure.log" \
  || { cat "$artifacts/cmake-configure.log"; exit 1; }
cmake --build "$artifacts/native" -j "$(nproc)"
# CMake writes the FFmpeg shim beside libreel (libreel_ffmpeg.so -> .so.0 -> .so.0.1.0).
echo "FFmpeg shim: $artifacts/lib/libreel_ffmpeg.so ($(readelf -d "$artifacts/lib/libreel_ffmpeg.so" | sed -n 's/.*Library soname: \[\(.*\)\]/SONAME \1/p'))"

step "NuGet package Reel (dotnet pack)"
# After CMake: the package takes the C shims it wrote beside libreel too.
rm -rf "$artifacts/nuget"
dotnet pack bindings/dotnet/Reel/Reel.Bindings.csproj -c Release --no-build --nologo -v quiet -clp:NoSummary -o "$artifacts/nuget"
ls "$artifacts/nuget"/*.nupkg
