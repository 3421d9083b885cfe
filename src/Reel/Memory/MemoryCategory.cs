using Reel.Abi;

namespace Reel.Memory;

/// <summary>What a byte of memory Reel holds is for: <c>reel_memory_category_t</c>. Values are pinned.</summary>
[CType("reel_memory_category_t", MemberPrefix = "REEL_MEMORY_")]
public enum MemoryCategory
{
    /// <summary>Video frame buffers (frame pools).</summary>
    Frame = 0,
    /// <summary>Audio sample buffers (audio pools).</summary>
    Sample = 1,
    /// <summary>Bitstream buffers (byte pools).</summary>
    Bitstream = 2,
    /// <summary>Upload staging buffers.</summary>
    Staging = 3,
    /// <summary>GPU device memory (the Vulkan backend).</summary>
    Device = 4,
    /// <summary>Decoded picture buffer / reference pictures.</summary>
    Dpb = 5,
    /// <summary>Memory codec libraries hold on Reel's behalf.</summary>
    Codec = 6,
}

/// <summary>Facts about memory categories.</summary>
public static class MemoryCategories
{
    /// <summary>Number of categories (REEL_MEMORY_CATEGORY_COUNT).</summary>
    public const int Count = 7;

    /// <summary>Lower-case name used in JSON, logs and charts, e.g. "frame".</summary>
    public static string Name(MemoryCategory category) => category switch
    {
        MemoryCategory.Frame => "frame",
        MemoryCategory.Sample => "sample",
        MemoryCategory.Bitstream => "bitstream",
        MemoryCategory.Staging => "staging",
        MemoryCategory.Device => "device",
        MemoryCategory.Dpb => "dpb",
        _ => "codec",
    };
}
