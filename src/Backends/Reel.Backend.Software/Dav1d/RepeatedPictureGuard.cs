using System.Collections.Generic;
using Reel.Abi;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// dav1d outputs a picture that was already shown once more from the same buffer when a
/// stream shows a frame again (show_existing_frame of a frame shown before). The caller may
/// still hold the first output, and the pts stamped on the repeat would overwrite the one it
/// holds (the frame cache filed frame 0 carrying pts 2: fuzz finding of
/// av1_random_access). This guard remembers which buffers were handed out and gives a repeat
/// its own copy from the same pool. Repeats are rare, so zero copy holds for every other picture.
/// One decoder thread at a time, like the decoder it serves.
/// </summary>
internal sealed class RepeatedPictureGuard
{
    private const int MinimumPruneAt = 32;
    private readonly HashSet<ulong> _handedOut = new();
    private int _pruneAt = MinimumPruneAt;

    /// <summary>Copies made for repeated pictures (diagnostics, tests).</summary>
    public long Copies { get; private set; }

    /// <summary>
    /// Records that <paramref name="picture"/> (a buffer dav1d output, the caller's reference
    /// already taken) goes to the caller. When it went out before, it is released and replaced by
    /// a copy in a new buffer of its pool, which the caller owns instead.
    /// </summary>
    public ReelResult HandOut(ref Handle picture, string function)
    {
        if (_handedOut.Count >= _pruneAt)
            Prune();
        if (_handedOut.Add(picture.Value))
            return ReelResult.Success;
        ReelResult result = CopyOf(picture, function, out Handle copy);
        // The picture's pool was already replaced (the stream changed size) and destroyed: no
        // buffer of its layout can be had, so the repeat goes out in the shared buffer as before
        // (found by managed-decoder; a repeat across a size change is rarer still).
        if (result == ReelResult.ErrorInvalidHandle)
            return ReelResult.Success;
        if (result != ReelResult.Success)
            return result;
        Buffers.Release(picture, function);
        picture = copy;
        Copies++;
        return ReelResult.Success;
    }

    /// <summary>Forgets every buffer: after a reset dav1d holds none, so none can be shown again.</summary>
    public void Clear()
    {
        _handedOut.Clear();
        _pruneAt = MinimumPruneAt;
    }

    /// <summary>Drops buffers that went back to their pool: a handle that was released never comes back.</summary>
    private void Prune()
    {
        _handedOut.RemoveWhere(static value => Buffers.Resolve(new Handle(value), out _, out _) != HandleError.None);
        _pruneAt = System.Math.Max(MinimumPruneAt, _handedOut.Count * 2);
    }

    private static unsafe ReelResult CopyOf(Handle picture, string function, out Handle copy)
    {
        copy = default;
        ReelResult result = Buffers.GetFrame(picture, function, out FrameView source);
        if (result != ReelResult.Success)
            return result;
        if (Buffers.Resolve(picture, out SlotPool? pool, out _) != HandleError.None || pool!.Owner is not FramePool frames)
            return LastError.Set(ReelResult.ErrorInternal, $"{function}: a repeated picture's buffer is not a frame of a live pool");
        if ((result = frames.Acquire(function, out copy)) != ReelResult.Success)
            return result;
        if ((result = Buffers.GetFrame(copy, function, out FrameView target)) != ReelResult.Success)
        {
            Buffers.Release(copy, function);
            return result;
        }
        long size = checked((long)source.Layout.Size);
        System.Buffer.MemoryCopy((void*)source.Memory, (void*)target.Memory, size, size);
        return Buffers.SetTag(copy, source.Tag, function);
    }
}
