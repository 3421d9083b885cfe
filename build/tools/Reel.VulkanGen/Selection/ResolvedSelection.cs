using System.Collections.Generic;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>What the emitters write: the closure of the selection over the registry.</summary>
internal sealed class ResolvedSelection
{
    /// <summary>The registry the selection was resolved against.</summary>
    public required VulkanRegistry Registry { get; init; }

    /// <summary>Every reached type name (emitted or mapped): structs, unions, handles, enums, bitmasks, basetypes, function pointers.</summary>
    public required IReadOnlySet<string> Emitted { get; init; }

    /// <summary>Structs and unions to emit (canonical names), sorted.</summary>
    public required IReadOnlyList<RegistryType> Structs { get; init; }

    /// <summary>Handles to emit, sorted.</summary>
    public required IReadOnlyList<RegistryType> Handles { get; init; }

    /// <summary>Enums and FlagBits to emit with their values in scope (base values, then additions in registry order).</summary>
    public required IReadOnlyList<(EnumGroup Group, IReadOnlyList<EnumValue> Values)> Enums { get; init; }

    /// <summary>Selected commands, sorted by name.</summary>
    public required IReadOnlyList<SelectedCommand> Commands { get; init; }

    /// <summary>The selected extensions, in registry order.</summary>
    public required IReadOnlyList<RegistryFeature> Extensions { get; init; }

    /// <summary>API and Std constants to emit (referenced by arrays, listed in the selection, or declared by a reached Std header), sorted.</summary>
    public required IReadOnlyList<EnumValue> Constants { get; init; }

    /// <summary>Extension name and spec version constants of the selected extensions and reached Std headers.</summary>
    public required IReadOnlyList<(RegistryFeature Feature, EnumValue Value)> ExtensionConstants { get; init; }

    /// <summary>Numeric constant values by name (API constants and Std constants), for array sizes.</summary>
    public required IReadOnlyDictionary<string, EnumValue> ConstantsByName { get; init; }
}
