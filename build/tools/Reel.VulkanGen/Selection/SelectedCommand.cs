using System.Collections.Generic;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>A selected command with its table and the ways to load it, core versions first.</summary>
internal sealed record SelectedCommand(RegistryCommand Command, CommandLevel Level, IReadOnlyList<CommandSource> Sources);
