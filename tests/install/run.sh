#!/usr/bin/env bash
# The install suite: Reel as a user gets it. Installs what build/build.sh built into a
# temporary prefix (build/install.sh), checks the layout, the ELF files and that no build path
# is inside, MOVES the prefix elsewhere (it must be relocatable), and then builds four hosts,
# each in its own temporary folder, from the moved prefix and the NuGet package only, never
# from the source tree:
#   c       a C host compiled with `pkg-config --cflags --libs reel`
#   cpp     a C++ host with find_package(Reel 0.2 REQUIRED) and Reel::reel (and reel.hpp)
#   dotnet  a console app restoring the package Reel from a local folder feed, recording a clip
#   rust    a crate using the safe crate reel (`cargo test --offline`, `cargo run`) over the
#           installed library, recording a clip
# The clips are checked with ffprobe. Prints one line per check and a summary
# "install: N checks passed, M failed"; exit status 1 if any failed.
# Usage: tests/install/run.sh   (after build/build.sh; build/test.sh runs it as suite `install`)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/tests/install"
artifacts="$root/artifacts"
version=$(sed -n 's/^#define REEL_VERSION_\(MAJOR\|MINOR\|PATCH\) \([0-9]*\).*/\2/p' "$root/include/reel.h" | paste -sd.)
major=${version%%.*}

work=$(mktemp -d "${TMPDIR:-/tmp}/reel-install.XXXXXX")
trap 'rm -rf "$work"' EXIT
passed=0
failed=0
failures=()

# check NAME COMMAND...: runs a check in a subshell (its cd and exports stay its own) with its
# output in $work/NAME.log, shown when it fails.
check() {
  local name=$1
  shift
  if ("$@") > "$work/$name.log" 2>&1; then
    passed=$((passed + 1))
    printf 'PASS %-28s %s\n' "$name" "$(tail -n 1 "$work/$name.log")"
  else
    failed=$((failed + 1))
    failures+=("$name")
    printf 'FAIL %s\n' "$name"
    sed 's/^/     | /' "$work/$name.log" | tail -n 40
  fi
}

say() { printf '%s\n' "$*"; }

# ---------------------------------------------------------------------------------------
# The install itself.

install_tree() {
  "$root/build/install.sh" --prefix "$work/prefix"
}

layout() {
  local p=$work/prefix missing=0 f
  [[ -f $p/lib/libreel.so.$version && ! -L $p/lib/libreel.so.$version ]] || { say "lib/libreel.so.$version is not a file"; missing=1; }
  [[ $(readlink "$p/lib/libreel.so.$major") == "libreel.so.$version" ]] || { say "lib/libreel.so.$major does not link to libreel.so.$version"; missing=1; }
  [[ $(readlink "$p/lib/libreel.so") == "libreel.so.$major" ]] || { say "lib/libreel.so does not link to libreel.so.$major"; missing=1; }
  for f in "$root"/include/reel*.h "$root"/bindings/cpp/reel*.hpp; do
    cmp -s "$f" "$p/include/$(basename "$f")" || { say "include/$(basename "$f") is missing or differs"; missing=1; }
  done
  for f in "$artifacts"/lib/libreel_*.so*; do
    [[ -e $f ]] || continue
    [[ -e $p/lib/$(basename "$f") ]] || { say "shim lib/$(basename "$f") is missing"; missing=1; }
  done
  for f in lib/pkgconfig/reel.pc lib/cmake/Reel/ReelConfig.cmake lib/cmake/Reel/ReelConfigVersion.cmake bin/reel \
           share/doc/reel/LICENSE share/doc/reel/THIRD-PARTY.md share/doc/reel/CHANGELOG.md \
           share/doc/reel/dotnet-runtime-LICENSE.TXT share/doc/reel/dotnet-runtime-THIRD-PARTY-NOTICES.TXT; do
    [[ -f $p/$f ]] || { say "$f is missing"; missing=1; }
  done
  [[ -x $p/bin/reel ]] || { say "bin/reel is not executable"; missing=1; }
  ((missing == 0)) && say "$(find "$p" -type f -o -type l | wc -l) files and links, as expected"
}

# elf_field FILE TAG: the value of a dynamic tag (SONAME, RUNPATH, RPATH, NEEDED...), one per line.
elf_field() {
  readelf -d "$1" | sed -n "s/.*(${2}).*\[\(.*\)\]/\1/p"
}

elf() {
  local p=$work/prefix bad=0 lib=$work/prefix/lib/libreel.so.$version needed f
  [[ $(elf_field "$lib" SONAME) == "libreel.so.$major" ]] || { say "libreel SONAME is '$(elf_field "$lib" SONAME)'"; bad=1; }
  # None, or $ORIGIN (to find a shim beside it): nothing that names a folder of this machine.
  case "$(elf_field "$lib" RUNPATH)$(elf_field "$lib" RPATH)" in
    ''|'$ORIGIN') ;;
    *) say "libreel run path: $(elf_field "$lib" RUNPATH)$(elf_field "$lib" RPATH)"; bad=1 ;;
  esac
  [[ -z $(elf_field "$lib" RPATH) ]] || { say "libreel has an RPATH (RUNPATH expected)"; bad=1; }
  needed=$(elf_field "$lib" NEEDED | sort | paste -sd' ')
  [[ $needed == "ld-linux-x86-64.so.2 libc.so.6 libm.so.6" ]] || { say "libreel NEEDED: $needed (only the C library expected)"; bad=1; }
  [[ $(elf_field "$p/bin/reel" RUNPATH) == '$ORIGIN/../lib' ]] || { say "bin/reel RUNPATH is '$(elf_field "$p/bin/reel" RUNPATH)'"; bad=1; }
  [[ -z $(elf_field "$p/bin/reel" RPATH) ]] || { say "bin/reel has an RPATH"; bad=1; }
  elf_field "$p/bin/reel" NEEDED | grep -qx "libreel.so.$major" || { say "bin/reel does not need libreel.so.$major"; bad=1; }
  for f in "$p"/lib/libreel_*.so*; do
    [[ -f $f && ! -L $f ]] || continue
    case "$(elf_field "$f" RUNPATH)$(elf_field "$f" RPATH)" in
      ''|'$ORIGIN') ;;
      *) say "$(basename "$f") run path: $(elf_field "$f" RUNPATH)$(elf_field "$f" RPATH)"; bad=1 ;;
    esac
  done
  ((bad == 0)) && say "SONAME libreel.so.$major, NEEDED $needed, bin/reel RUNPATH \$ORIGIN/../lib"
}

no_build_path() {
  # Every installed file, binaries included: no path of this checkout and no "artifacts".
  local hits
  hits=$(grep -rlF -e "$root" -e artifacts "$work/prefix")
  if [[ -n $hits ]]; then
    say "build paths in:"
    for f in $hits; do say "  ${f#"$work/prefix/"}: $(grep -aoF -e "$root" -e artifacts "$f" | sort -u | paste -sd' ')"; done
    return 1
  fi
  say "no '$root' and no 'artifacts' in $(find "$work/prefix" -type f | wc -l) files"
}

relocate() {
  # Consumers below use the tree only after it moved: nothing may point at where it was built.
  mv "$work/prefix" "$work/moved-prefix" && say "moved the prefix to $work/moved-prefix"
}

tool() {
  local out
  out=$("$work/moved-prefix/bin/reel" --version) || return 1
  say "$out"
  [[ $out == "reel $version" ]]
}

# ---------------------------------------------------------------------------------------
# The four hosts.

c_host() {
  local dir=$work/c
  mkdir -p "$dir" && cp "$here/c/host.c" "$dir/" && cd "$dir" || return 1
  export PKG_CONFIG_PATH=$work/moved-prefix/lib/pkgconfig
  [[ $(pkg-config --modversion reel) == "$version" ]] || { say "pkg-config --modversion reel: $(pkg-config --modversion reel)"; return 1; }
  pkg-config --atleast-version="$major.$(echo "$version" | cut -d. -f2)" reel || return 1
  say "pkg-config --cflags --libs reel: $(pkg-config --cflags --libs reel)"
  # shellcheck disable=SC2046 # the flags are words
  cc -std=c99 -Wall -Wextra -Werror -pedantic host.c $(pkg-config --cflags --libs reel) \
     -Wl,-rpath,"$(pkg-config --variable=libdir reel)" -o host || return 1
  ./host
}

cpp_host() {
  local dir=$work/cpp
  mkdir -p "$dir" && cp "$here/cpp/CMakeLists.txt" "$here/cpp/host.cpp" "$dir/" && cd "$dir" || return 1
  cmake -S . -B build -DCMAKE_PREFIX_PATH="$work/moved-prefix" -DCMAKE_BUILD_TYPE=Release > cmake.log || { cat cmake.log; return 1; }
  cmake --build build || return 1
  ./build/host
}

cpp_version_rules() {
  # SameMajorVersion: 0.2 and 0.1 requests are served; 0.3 and 1.0 are refused.
  local dir=$work/cpp-versions request expect output
  mkdir -p "$dir" || return 1
  for request in "0.1:found" "$major.$(echo "$version" | cut -d. -f2):found" "0.99:refused" "1.0:refused"; do
    expect=${request#*:}
    request=${request%%:*}
    printf 'cmake_minimum_required(VERSION 3.16)\nproject(v NONE)\nfind_package(Reel %s)\nif(Reel_FOUND)\n  message(STATUS "Reel found")\nendif()\n' \
      "$request" > "$dir/CMakeLists.txt"
    # The output is captured first: grep -q in a pipe would end cmake early (pipefail).
    output=$(cmake -S "$dir" -B "$dir/build-$request" -DCMAKE_PREFIX_PATH="$work/moved-prefix" 2>&1)
    if grep -q "Reel found" <<< "$output"; then
      [[ $expect == found ]] || { say "find_package(Reel $request) accepted $version"; return 1; }
    else
      [[ $expect == refused ]] || { say "find_package(Reel $request) refused $version"; return 1; }
    fi
    rm -rf "$dir/build-$request"
  done
  say "find_package(Reel 0.1 / $major.$(echo "$version" | cut -d. -f2)) found $version; 0.99 and 1.0 refused"
}

# ffprobe_clip FILE: av1, 320x240, 30 frames.
ffprobe_clip() {
  local got
  got=$(ffprobe -v error -select_streams v:0 -count_frames \
        -show_entries stream=codec_name,width,height,nb_read_frames -of csv=p=0 "$1") || return 1
  say "ffprobe $(basename "$1"): $got"
  [[ $got == "av1,320,240,30" ]]
}

dotnet_host() {
  local dir=$work/dotnet sources
  mkdir -p "$dir" "$work/feed" && cp "$here/dotnet/RecordClip.csproj" "$here/dotnet/Program.cs" "$dir/" || return 1
  cp "$artifacts/nuget/Reel.$version.nupkg" "$work/feed/" || return 1
  # Only the local feed serves Reel (package source mapping); the machine's own sources
  # serve anything else a restore may need. The packages go to a folder of this test, not
  # to the global cache.
  sources=$(cd "$dir" && dotnet nuget list source --format short | sed -n 's/^E[A-Za-z]* \(.*\)$/\1/p')
  {
    echo '<?xml version="1.0" encoding="utf-8"?>'
    echo '<configuration>'
    echo '  <packageSources>'
    echo '    <clear />'
    echo "    <add key=\"reel-local\" value=\"$work/feed\" />"
    local i=0 source
    for source in $sources; do echo "    <add key=\"machine-$i\" value=\"$source\" />"; i=$((i + 1)); done
    echo '  </packageSources>'
    echo '  <packageSourceMapping>'
    echo '    <packageSource key="reel-local"><package pattern="Reel" /></packageSource>'
    i=0
    for source in $sources; do echo "    <packageSource key=\"machine-$i\"><package pattern=\"*\" /></packageSource>"; i=$((i + 1)); done
    echo '  </packageSourceMapping>'
    echo '</configuration>'
  } > "$dir/nuget.config"
  cd "$dir" || return 1
  dotnet restore --packages "$work/packages" -p:ReelVersion="$version" --nologo || return 1
  [[ -f $work/packages/reel/$version/reel.$version.nupkg ]] || { say "Reel $version was not restored from the local feed"; return 1; }
  dotnet build --no-restore -c Release -p:ReelVersion="$version" --nologo -v quiet -clp:NoSummary || return 1
  [[ -f bin/Release/net10.0/runtimes/linux-x64/native/libreel.so ]] || { say "libreel.so is not beside the app"; return 1; }
  dotnet bin/Release/net10.0/RecordClip.dll "$work/dotnet-clip.ivf" || return 1
  ffprobe_clip "$work/dotnet-clip.ivf"
}

rust_host() {
  local dir=$work/rust crate
  # The crates as a host receives them (sources only), beside the host crate.
  mkdir -p "$work/crates" || return 1
  for crate in reel-sys reel; do
    cp -r "$root/bindings/rust/$crate" "$work/crates/$crate" && rm -rf "$work/crates/$crate/target" "$work/crates/$crate/Cargo.lock" || return 1
  done
  cp -r "$here/rust" "$dir" && cd "$dir" || return 1
  export REEL_INCLUDE_DIR=$work/moved-prefix/include REEL_LIB_DIR=$work/moved-prefix/lib \
         LD_LIBRARY_PATH=$work/moved-prefix/lib CARGO_TARGET_DIR=$dir/target
  cargo test --offline || return 1
  cargo run --offline --quiet -- "$work/rust-clip.ivf" || return 1
  ffprobe_clip "$work/rust-clip.ivf"
}

say "install suite: Reel $version into $work"
check install install_tree
check layout layout
check elf elf
check no-build-path no_build_path
check relocate relocate
check tool tool
check c-pkg-config c_host
check cpp-find-package cpp_host
check cmake-version-rules cpp_version_rules
check dotnet-nuget dotnet_host
check rust-cargo rust_host

printf '\ninstall: %d checks passed, %d failed%s\n' "$passed" "$failed" \
  "$( ((failed)) && printf ' (%s)' "${failures[*]}")"
((failed == 0))
