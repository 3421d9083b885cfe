namespace Reel.VulkanGen.Registry;

/// <summary>The category attribute of a registry &lt;type&gt;; External for types defined elsewhere (stdint, platform, Std video).</summary>
internal enum TypeCategory
{
    External,
    Include,
    Define,
    Basetype,
    Bitmask,
    Handle,
    Enum,
    Struct,
    Union,
    FuncPointer,
}
