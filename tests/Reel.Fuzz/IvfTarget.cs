using System;
using System.IO;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Errors;

namespace Reel.Fuzz;

/// <summary>
/// The IVF reader, the index built from it (frame offsets, random-access points from
/// <see cref="Av1TemporalUnit"/>) and seeking by that index, on arbitrary bytes. Checked: only
/// result codes come back; frames are numbered in order and fit in the file; an index exists
/// only for a file read to its clean end, has as many frames as a plain read, ascending
/// random-access points that really are ones, and a seek to any of them reads that frame.
/// </summary>
internal sealed class IvfTarget : IFuzzTarget
{
    /// <summary>What messages of the reader name as the caller.</summary>
    private const string Caller = "fuzz target ivf";

    /// <inheritdoc/>
    public string Name => "ivf";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        long frames = ReadAll(bytes, out bool clean);

        using var stream = new MemoryStream(bytes, writable: false);
        if (IvfReader.Open(stream, leaveOpen: true, "fuzz.ivf", Caller, out IvfReader? reader) != ReelResult.Success)
            return;
        using (reader)
        {
            ReelResult result = IvfIndex.Build(reader!, "fuzz.ivf", Caller, out IvfIndex? index);
            if (result != ReelResult.Success)
            {
                InvariantException.Check(result == ReelResult.ErrorCorruptData, $"IvfIndex.Build returned {result}");
                InvariantException.Check(LastError.Message.Length > 0, "IvfIndex.Build failed without a message");
                return;
            }
            InvariantException.Check(clean && index!.FrameCount == frames,
                $"an index of {index!.FrameCount} frames for a file read as {frames} frames (clean end: {clean})");
            int previous = -1;
            foreach (int point in index.RandomAccessPoints)
            {
                InvariantException.Check(point > previous && point < index.FrameCount, $"random-access point {point} after {previous}");
                previous = point;
                InvariantException.Check(index.RandomAccessPointAtOrBefore(point) == point, $"RandomAccessPointAtOrBefore({point})");
                result = reader!.Seek(index.OffsetOf(point), point, Caller);
                InvariantException.Check(result == ReelResult.Success, $"Seek to frame {point}: {result}");
                result = reader.ReadFrame(Caller, out IvfFrame frame);
                InvariantException.Check(result == ReelResult.Success && frame.Index == point && frame.Offset == index.OffsetOf(point),
                    $"reading frame {point} after a seek: {result}, frame {frame.Index} at {frame.Offset}");
                InvariantException.Check(Av1TemporalUnit.IsRandomAccessPoint(frame.Span), $"frame {point} is indexed as a random-access point but is not one");
            }
            int last = (int)index.FrameCount - 1;
            int before = index.RandomAccessPointAtOrBefore(last);
            InvariantException.Check(before <= last && (before >= 0 || index.RandomAccessPoints.Count == 0 || index.RandomAccessPoints[0] > last),
                $"RandomAccessPointAtOrBefore({last}) = {before}");
        }
    }

    /// <summary>Reads every frame once; returns how many, and whether the file ended cleanly.</summary>
    private static long ReadAll(byte[] bytes, out bool clean)
    {
        clean = false;
        using var stream = new MemoryStream(bytes, writable: false);
        ReelResult result = IvfReader.Open(stream, leaveOpen: true, "fuzz.ivf", Caller, out IvfReader? reader);
        if (result != ReelResult.Success)
        {
            InvariantException.Check(result is ReelResult.ErrorCorruptData or ReelResult.ErrorUnsupported, $"IvfReader.Open returned {result}");
            InvariantException.Check(LastError.Message.Length > 0, "IvfReader.Open failed without a message");
            return 0;
        }
        using (reader)
        {
            long frames = 0;
            long end = reader!.Header.HeaderSize;
            while ((result = reader.ReadFrame(Caller, out IvfFrame frame)) == ReelResult.Success)
            {
                InvariantException.Check(frame.Index == frames && frame.Offset == end, $"frame {frame.Index} at {frame.Offset}; expected {frames} at {end}");
                InvariantException.Check(frame.Size >= 1, $"frame {frames} is empty");
                end += IvfHeader.FrameHeaderSize + frame.Size;
                InvariantException.Check(end <= bytes.Length, $"frames end at {end}, the file at {bytes.Length}");
                Av1TemporalUnit.IsRandomAccessPoint(frame.Span);
                frames++;
            }
            InvariantException.Check(result is ReelResult.NotReady or ReelResult.ErrorCorruptData, $"ReadFrame returned {result}");
            InvariantException.Check((result == ReelResult.NotReady) == reader.IsEndOfStream, "IsEndOfStream disagrees with the result");
            InvariantException.Check(reader.ReadFrame(Caller, out _) == result, "a read after the end or an error did not repeat it");
            clean = result == ReelResult.NotReady;
            return frames;
        }
    }
}
