using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>
/// One way to obtain a command: the entry point name to ask for (the core name, or the KHR
/// alias an extension provides), the version or extension that provides it, and the extra
/// condition of the &lt;require&gt; block.
/// </summary>
internal sealed record CommandSource(string EntryPoint, RegistryFeature Feature, string? Depends);
