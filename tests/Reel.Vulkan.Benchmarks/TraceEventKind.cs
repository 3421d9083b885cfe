namespace Reel.Vulkan.Benchmarks;

/// <summary>What a trace step does.</summary>
internal enum TraceEventKind
{
    /// <summary>Create a resource.</summary>
    Create,
    /// <summary>Destroy a resource.</summary>
    Destroy,
    /// <summary>A frame ended (the suballocator's frame clock ticks; statistics are sampled).</summary>
    FrameEnd,
}
