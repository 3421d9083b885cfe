#!/usr/bin/env bash
# The main job, from a fresh machine: set up, build libreel, and run the smallest C host
# (native/examples/hello): it prints the library version, creates and destroys a context
# with a log callback, and shows the error a stale handle gets.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/build/bootstrap.sh"
"$root/build/build.sh"
printf '\n== reel-hello\n'
"$root/artifacts/bin/reel-hello"
