using System.Threading;
using Reel.Handles;
using Reel.Lifetime;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Api;

/// <summary>
/// What a <c>reel_gpu_allocation_t</c> resolves to: a buffer or an image with its memory, made
/// on its own or taken from a GPU buffer pool. Freeing it destroys it, or gives a pooled buffer
/// back to its pool; a deferred free does the same when its timeline value is reached. It is
/// released exactly once whichever path comes first.
/// </summary>
internal sealed class GpuResource : IDeviceChild, IDeferredRelease
{
    private int _released;

    /// <summary>Wraps a buffer (with its pool when pooled).</summary>
    public GpuResource(GpuDevice owner, GpuBuffer buffer, GpuBufferPool? pool)
    {
        Owner = owner;
        Buffer = buffer;
        Pool = pool;
    }

    /// <summary>Wraps an image.</summary>
    public GpuResource(GpuDevice owner, GpuImage image)
    {
        Owner = owner;
        Image = image;
    }

    /// <inheritdoc/>
    public GpuDevice Owner { get; }

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>The buffer, or null for an image.</summary>
    public GpuBuffer? Buffer { get; }

    /// <summary>The image, or null for a buffer.</summary>
    public GpuImage? Image { get; }

    /// <summary>The pool a pooled buffer goes back to.</summary>
    public GpuBufferPool? Pool { get; }

    /// <summary>The memory.</summary>
    public GpuAllocation Allocation => Buffer?.Allocation ?? Image!.Allocation;

    /// <summary>Destroys it (or returns it to its pool), once.</summary>
    public void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
            return;
        if (Pool is not null)
            Pool.Return(Buffer!);
        else if (Buffer is not null)
            Buffer.Destroy(Owner.Allocator);
        else
            Image!.Destroy(Owner.Allocator);
    }

    /// <inheritdoc/>
    public void DestroyWithDevice() => Release();
}
