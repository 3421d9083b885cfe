using System.Collections.Generic;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Buffers;

/// <summary>One size class of a <see cref="GpuBufferPool"/>: its idle buffers, oldest released first, and how many exist.</summary>
internal sealed class SizeClass
{
    /// <summary>A class of buffers of <paramref name="size"/> bytes.</summary>
    public SizeClass(ulong size) => Size = size;

    /// <summary>Bytes of each buffer.</summary>
    public ulong Size { get; }

    /// <summary>Idle buffers with the frame they were returned at; FIFO, so the buffer the GPU touched longest ago goes out first.</summary>
    public Queue<(GpuBuffer Buffer, long Frame)> Idle { get; } = new();

    /// <summary>Buffers of the class that exist (idle or out).</summary>
    public int Allocated { get; set; }
}
