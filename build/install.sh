#!/usr/bin/env bash
# Installs what build/build.sh built into a prefix:
#   build/install.sh --prefix DIR
# lays out DIR/lib/libreel.so.X.Y.Z with its SONAME links, the C shims beside it, the headers,
# lib/pkgconfig/reel.pc, lib/cmake/Reel/ (Reel::reel), bin/reel and share/doc/reel/. The tree
# is relocatable: pkg-config and CMake find the prefix from their own files' folders and
# bin/reel finds libreel through RUNPATH $ORIGIN/../lib, so DIR can be moved or packed up.
# DESTDIR is honoured (DESTDIR=/tmp/stage build/install.sh --prefix /usr).
# The rules are CMake's (native/cmake/ReelInstall.cmake); this is
#   cmake --install artifacts/native --prefix DIR
# with the checks that the build is there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
artifacts="$root/artifacts"

usage() { echo "usage: build/install.sh --prefix DIR" >&2; exit 2; }
prefix=""
while (($#)); do
  case "$1" in
    --prefix) (($# >= 2)) || usage; prefix=$2; shift 2 ;;
    --prefix=*) prefix=${1#--prefix=}; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build/install.sh: unknown argument '$1'" >&2; usage ;;
  esac
done
[[ -n "$prefix" ]] || usage

for needed in "$artifacts/lib/libreel.so" "$artifacts/native/cmake_install.cmake" "$artifacts/bin/reel"; do
  [[ -e "$needed" ]] || { echo "build/install.sh: $needed is missing: run build/build.sh first" >&2; exit 1; }
done

if [[ -n "${DESTDIR:-}" ]]; then
  # Staged: the prefix is where the tree will live, not a folder of this machine.
  [[ "$prefix" == /* ]] || { echo "build/install.sh: with DESTDIR, --prefix must be absolute" >&2; exit 2; }
else
  mkdir -p "$prefix"
  prefix=$(cd "$prefix" && pwd)
fi
cmake --install "$artifacts/native" --prefix "$prefix"
echo "installed Reel $(sed -n 's/^#define REEL_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\).*/\2/p' "$root/include/reel.h" | paste -sd.) into ${DESTDIR:-}$prefix"
