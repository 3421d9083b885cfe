namespace Reel.Vulkan.Buffers;

/// <summary>A GPU buffer pool's counters at one instant.</summary>
/// <param name="Classes">Size classes.</param>
/// <param name="Allocated">Buffers that exist (idle or out).</param>
/// <param name="Idle">Buffers waiting in the pool.</param>
/// <param name="Out">Buffers acquired and not yet returned.</param>
/// <param name="Acquires">Buffers handed out.</param>
/// <param name="Created">Buffers created (acquires no idle buffer served).</param>
/// <param name="Trimmed">Idle buffers destroyed by trimming.</param>
/// <param name="BytesHeld">Bytes of the buffers that exist (class sizes).</param>
internal readonly record struct GpuBufferPoolStats(int Classes, int Allocated, int Idle, int Out, long Acquires, long Created, long Trimmed, ulong BytesHeld);
