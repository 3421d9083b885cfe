using Reel.Abi;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Pools;

/// <summary>
/// Operations on <c>reel_buffer_t</c> handles: resolve (lock-free), retain, release,
/// metadata. A stale handle (released, or its pool gone) is an error, never a crash.
/// </summary>
public static class Buffers
{
    /// <summary>Resolves a buffer handle to its slot pool and slot; the buffer must be out (referenced).</summary>
    public static HandleError Resolve(Handle handle, out SlotPool? pool, out int slot)
    {
        slot = 0;
        pool = null;
        if (handle.IsNull)
            return HandleError.Null;
        if (handle.Type != HandleType.Buffer)
            return HandleError.WrongType;
        pool = PoolRegistry.SlotPoolAt(BufferHandles.PoolIndex(handle));
        if (pool is null)
            return HandleError.Stale;
        slot = pool.LiveSlot(BufferHandles.Tag(handle));
        return slot >= 0 ? HandleError.None : HandleError.Stale;
    }

    /// <summary>Adds a reference (any thread).</summary>
    public static ReelResult Retain(Handle handle, string function)
    {
        ReelResult result = ReelResult.ErrorInvalidHandle;
        if (handle.Type == HandleType.Buffer && PoolRegistry.SlotPoolAt(BufferHandles.PoolIndex(handle)) is { } pool)
        {
            result = pool.Retain(BufferHandles.Tag(handle));
            if (result == ReelResult.ErrorLimitReached)
            {
                return LastError.Set(result,
                    $"{function}: buffer ({handle}) already holds {BufferSlot.MaxReferences} references, the most a buffer can hold; release some first");
            }
        }
        return result == ReelResult.Success ? result : Fail(handle, function);
    }

    /// <summary>Drops a reference (any thread); the last one returns the buffer to its pool.</summary>
    /// <remarks>The hot path: one registry read and the pool's CAS; failures are classified off it.</remarks>
    public static ReelResult Release(Handle handle, string function)
    {
        if (handle.Type == HandleType.Buffer
            && PoolRegistry.SlotPoolAt(BufferHandles.PoolIndex(handle)) is { } pool
            && pool.Release(BufferHandles.Tag(handle)))
        {
            return ReelResult.Success;
        }
        return Fail(handle, function);
    }

    /// <summary>The frame of a live frame buffer.</summary>
    public static ReelResult GetFrame(Handle handle, string function, out FrameView view)
    {
        view = default;
        ReelResult result = ResolveOwner(handle, PoolKind.Frame, function, out SlotPool? pool, out int slot);
        if (result != ReelResult.Success)
            return result;
        ref BufferSlot s = ref pool!.SlotRef(slot);
        view = new FrameView(((FramePool)pool.Owner).Layout, s.Memory, s.Pts, s.Tag);
        return ReelResult.Success;
    }

    /// <summary>The samples of a live audio buffer.</summary>
    public static ReelResult GetAudio(Handle handle, string function, out AudioView view)
    {
        view = default;
        ReelResult result = ResolveOwner(handle, PoolKind.Audio, function, out SlotPool? pool, out int slot);
        if (result != ReelResult.Success)
            return result;
        ref BufferSlot s = ref pool!.SlotRef(slot);
        view = new AudioView((AudioPool)pool.Owner, s.Memory, s.Pts, s.Tag);
        return ReelResult.Success;
    }

    /// <summary>The bytes of a live byte buffer.</summary>
    public static ReelResult GetBytes(Handle handle, string function, out BytesView view)
    {
        view = default;
        ReelResult result = ResolveOwner(handle, PoolKind.Bytes, function, out SlotPool? pool, out int slot);
        if (result != ReelResult.Success)
            return result;
        ref BufferSlot s = ref pool!.SlotRef(slot);
        view = new BytesView(s.Memory, pool.BufferSize, s.Size, s.Pts, s.Tag, s.Dts, s.Flags);
        return ReelResult.Success;
    }

    /// <summary>Sets the presentation timestamp of a live buffer.</summary>
    public static ReelResult SetPts(Handle handle, long pts, string function)
    {
        ReelResult result = ResolveLive(handle, function, out SlotPool? pool, out int slot);
        if (result == ReelResult.Success)
            pool!.SlotRef(slot).Pts = pts;
        return result;
    }

    /// <summary>Sets the host tag of a live buffer.</summary>
    public static ReelResult SetTag(Handle handle, ulong tag, string function)
    {
        ReelResult result = ResolveLive(handle, function, out SlotPool? pool, out int slot);
        if (result == ReelResult.Success)
            pool!.SlotRef(slot).Tag = tag;
        return result;
    }

    /// <summary>Sets the payload size of a live byte buffer (at most its capacity).</summary>
    public static ReelResult SetSize(Handle handle, nuint size, string function)
    {
        ReelResult result = ResolveOwner(handle, PoolKind.Bytes, function, out SlotPool? pool, out int slot);
        if (result != ReelResult.Success)
            return result;
        if (size > pool!.BufferSize)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: size is {size}; this buffer holds at most {pool.BufferSize} bytes (its size class)");
        }
        pool.SlotRef(slot).Size = size;
        return ReelResult.Success;
    }

    /// <summary>Sets the packet metadata of a live byte buffer: decode timestamp and REEL_PACKET_FLAG_* bits.</summary>
    public static ReelResult SetPacketInfo(Handle handle, long dts, uint flags, string function)
    {
        ReelResult result = ResolveOwner(handle, PoolKind.Bytes, function, out SlotPool? pool, out int slot);
        if (result != ReelResult.Success)
            return result;
        if ((flags & ~PacketFlags.Known) != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: flags is 0x{flags:x}; known bits are REEL_PACKET_FLAG_KEYFRAME (0x1)");
        ref BufferSlot s = ref pool!.SlotRef(slot);
        s.Dts = dts;
        s.Flags = flags;
        return ReelResult.Success;
    }

    private static ReelResult ResolveLive(Handle handle, string function, out SlotPool? pool, out int slot)
    {
        HandleError error = Resolve(handle, out pool, out slot);
        return error == HandleError.None ? ReelResult.Success : Fail(error, handle, function);
    }

    private static ReelResult ResolveOwner(Handle handle, PoolKind kind, string function, out SlotPool? pool, out int slot)
    {
        ReelResult result = ResolveLive(handle, function, out pool, out slot);
        if (result != ReelResult.Success || pool!.Owner.Kind == kind)
            return result;
        return LastError.Set(ReelResult.ErrorInvalidArgument,
            $"{function}: buffer ({handle}) comes from {pool.Owner.Kind.ToString().ToLowerInvariant()} pool '{pool.Owner.Name}', not a {kind.ToString().ToLowerInvariant()} pool");
    }

    private static ReelResult Fail(HandleError error, Handle handle, string function) =>
        LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.Buffer, "buffer"));

    /// <summary>A retain or release that did not go through: says why (null, another type, or stale).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ReelResult Fail(Handle handle, string function)
    {
        HandleError error = Resolve(handle, out _, out _);
        return Fail(error == HandleError.None ? HandleError.Stale : error, handle, function);
    }
}
