#!/usr/bin/env bash
# Regenerates the .NET P/Invoke bindings from include/reel.h. Deterministic: the output
# depends only on the header. The test suite fails when the committed file is not current.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet run --project "$root/build/tools/Reel.HeaderTool" -c Release -- generate \
  --header "$root/include/reel.h" \
  --output "$root/bindings/dotnet/Reel.Interop/Generated/Reel.Interop.g.cs" "$@"
