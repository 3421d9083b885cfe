namespace Reel.Vulkan.Benchmarks;

/// <summary>One step of the trace: create resource <paramref name="Id"/> with <paramref name="Shape"/>, or destroy it; or end a frame.</summary>
/// <param name="Kind">Create, destroy or frame end.</param>
/// <param name="Id">The resource (index into the run's live table).</param>
/// <param name="Shape">What to create.</param>
internal readonly record struct TraceEvent(TraceEventKind Kind, int Id, ResourceShape Shape);
