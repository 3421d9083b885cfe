#!/usr/bin/env bash
# Regenerates the .NET P/Invoke bindings from include/reel.h and include/reel_vulkan.h, one
# file per header. Deterministic: the output depends only on the headers. The test suite
# fails when the committed files are not current; --verify checks without writing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet run --project "$root/build/tools/Reel.HeaderTool" -c Release -- generate \
  --header "$root/include/reel.h" --header "$root/include/reel_vulkan.h" \
  --output-dir "$root/bindings/dotnet/Reel.Interop/Generated" "$@"
