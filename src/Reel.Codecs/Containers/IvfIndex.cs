using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Codecs;

namespace Reel.Codecs.Containers;

/// <summary>
/// Where every frame of an IVF file starts and which frames decoding can start from, so a
/// player can seek: frame n is decoded from <see cref="RandomAccessPointAtOrBefore"/>(n)
/// forward. Frame numbers are file order: each temporal unit shows exactly one frame.
/// </summary>
public sealed class IvfIndex
{
    private readonly long[] _offsets;
    private readonly long[] _pts;
    private readonly int[] _randomAccessPoints;

    private IvfIndex(long[] offsets, long[] pts, int[] randomAccessPoints)
    {
        _offsets = offsets;
        _pts = pts;
        _randomAccessPoints = randomAccessPoints;
    }

    /// <summary>Frames in the file.</summary>
    public int FrameCount => _offsets.Length;

    /// <summary>Frames decoding can start from, ascending.</summary>
    public IReadOnlyList<int> RandomAccessPoints => _randomAccessPoints;

    /// <summary>Byte offset of frame <paramref name="frame"/>'s 12-byte IVF frame header.</summary>
    public long OffsetOf(int frame) => _offsets[frame];

    /// <summary>The pts the file gives frame <paramref name="frame"/>.</summary>
    public long PtsOf(int frame) => _pts[frame];

    /// <summary>The last random-access point at or before <paramref name="frame"/>; -1 if none.</summary>
    public int RandomAccessPointAtOrBefore(int frame)
    {
        int found = Array.BinarySearch(_randomAccessPoints, frame);
        if (found >= 0)
            return frame;
        int next = ~found;
        return next == 0 ? -1 : _randomAccessPoints[next - 1];
    }

    /// <summary>
    /// Reads every frame of <paramref name="reader"/> from where it stands to the end (open a
    /// reader for the index alone; this one is left at the end). CorruptData when the file has
    /// no random-access point, or when a frame is cut off (the message names it).
    /// </summary>
    public static ReelResult Build(IvfReader reader, string name, string function, out IvfIndex? index)
    {
        ArgumentNullException.ThrowIfNull(reader);
        index = null;
        var offsets = new List<long>();
        var pts = new List<long>();
        var points = new List<int>();
        ReelResult result;
        while ((result = reader.ReadFrame(function, out IvfFrame frame)) == ReelResult.Success)
        {
            if (Av1TemporalUnit.IsRandomAccessPoint(frame.Span))
                points.Add(offsets.Count);
            offsets.Add(frame.Offset);
            pts.Add(frame.Pts);
        }
        if (result != ReelResult.NotReady)
            return result;
        if (points.Count == 0)
            return CodecErrors.CorruptData($"{function}: {name} has {offsets.Count} frames and no key frame with a sequence header; decoding cannot start anywhere");
        index = new IvfIndex(offsets.ToArray(), pts.ToArray(), points.ToArray());
        return ReelResult.Success;
    }
}
