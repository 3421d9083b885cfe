using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Dpb;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Api;

/// <summary>
/// The handle tables of the GPU backend's objects, one per handle type, and the lookups the C
/// API uses: a failed lookup sets the last error with the standard sentence (NULL, stale,
/// forged, wrong type) naming the argument.
/// </summary>
internal static class GpuRegistry
{
    /// <summary>reel_device_t.</summary>
    public static readonly HandleTable<GpuDevice> Devices = new(HandleType.Device, 1024);

    /// <summary>reel_timeline_t.</summary>
    public static readonly HandleTable<TimelineObject> Timelines = new(HandleType.Timeline, 1 << 16);

    /// <summary>reel_gpu_allocation_t.</summary>
    public static readonly HandleTable<GpuResource> Allocations = new(HandleType.GpuAllocation, 1 << 20);

    /// <summary>reel_gpu_buffer_pool_t.</summary>
    public static readonly HandleTable<GpuBufferPool> BufferPools = new(HandleType.GpuBufferPool, 1 << 14);

    /// <summary>reel_dpb_t.</summary>
    public static readonly HandleTable<DecodedPictureBuffer> Dpbs = new(HandleType.Dpb, 1 << 14);

    /// <summary>reel_video_session_t.</summary>
    public static readonly HandleTable<VideoSession> Sessions = new(HandleType.VideoSession, 1 << 12);

    /// <summary>Resolves <paramref name="raw"/> in <paramref name="table"/>; InvalidHandle with the reason otherwise.</summary>
    public static ReelResult Resolve<T>(HandleTable<T> table, ulong raw, string function, string argument, out T? item) where T : class
    {
        var handle = new Handle(raw);
        HandleError error = table.TryGet(handle, out item);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, table.Type, argument));
    }

    /// <summary>Removes <paramref name="raw"/> from <paramref name="table"/> (the host destroys it); InvalidHandle with the reason otherwise.</summary>
    public static ReelResult Remove<T>(HandleTable<T> table, ulong raw, string function, string argument, out T? item) where T : class
    {
        var handle = new Handle(raw);
        HandleError error = table.TryRemove(handle, out item);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, table.Type, argument));
    }

    /// <summary>Removes a device child's handle from its table; false when the host removed it first.</summary>
    public static bool RemoveChild(IDeviceChild child)
    {
        Handle handle = child.Handle;
        return handle.Type switch
        {
            HandleType.GpuAllocation => Allocations.TryRemove(handle, out _) == HandleError.None,
            HandleType.GpuBufferPool => BufferPools.TryRemove(handle, out _) == HandleError.None,
            HandleType.Dpb => Dpbs.TryRemove(handle, out _) == HandleError.None,
            HandleType.VideoSession => Sessions.TryRemove(handle, out _) == HandleError.None,
            HandleType.Timeline => Timelines.TryRemove(handle, out _) == HandleError.None,
            _ => false,
        };
    }

    /// <summary>Issues a handle for a new child; LimitReached when the table is full.</summary>
    public static ReelResult Add<T>(HandleTable<T> table, T item, string function, out Handle handle) where T : class
    {
        if (table.TryAdd(item, out handle))
            return ReelResult.Success;
        return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {table.Capacity} {table.Type.CName()} objects are alive, the most Reel allows; destroy one first");
    }
}
