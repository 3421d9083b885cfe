namespace Reel.Vulkan.Loader;

/// <summary>An extension (or layer) as Vulkan lists it: its name and the spec version implemented.</summary>
public readonly record struct VulkanExtension(string Name, uint SpecVersion);
