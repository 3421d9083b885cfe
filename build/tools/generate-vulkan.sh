#!/usr/bin/env bash
# Regenerates src/Backends/Reel.Backend.Vulkan/Generated/ from the Vulkan registry (build/tools/vulkan-registry)
# and build/tools/Reel.VulkanGen/selection.txt. Deterministic: the output depends only on those
# inputs; stale files are deleted. Pass --verify to check the committed output instead
# (exit 1 when it differs). tests/Reel.Vulkan.Tests fails when the committed output is stale.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dotnet run --project "$root/build/tools/Reel.VulkanGen" -c Release -- \
  --registry "$root/build/tools/vulkan-registry" \
  --selection "$root/build/tools/Reel.VulkanGen/selection.txt" \
  --output "$root/src/Backends/Reel.Backend.Vulkan/Generated" "$@"
