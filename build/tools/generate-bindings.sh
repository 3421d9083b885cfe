#!/usr/bin/env bash
# Regenerates what the headers (include/reel.h, include/reel_vulkan.h) determine:
#   bindings/dotnet/Reel.Interop/Generated/  the .NET P/Invoke bindings, one file per header
#   src/Reel.Native/Generated/               the export layer's C struct mirrors, one per struct
# Deterministic: the output depends only on the headers. Tests fail when the committed files
# are not current; build/build.sh runs this with --verify, which checks without writing.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet run --project "$root/build/tools/Reel.HeaderTool" -c Release -- generate \
  --header "$root/include/reel.h" --header "$root/include/reel_vulkan.h" \
  --output-dir "$root/bindings/dotnet/Reel.Interop/Generated" \
  --mirrors-dir "$root/src/Reel.Native/Generated" "$@"
