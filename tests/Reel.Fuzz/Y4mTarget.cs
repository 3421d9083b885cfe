using System;
using System.IO;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Frames;
using Reel.Errors;

namespace Reel.Fuzz;

/// <summary>
/// The YUV4MPEG2 reader on arbitrary bytes: header parsing (every tag), frame headers and
/// picture data. Checked: only result codes come back, each failure with a message; a parsed
/// header has a size within the limits and a positive frame rate; frames come whole, in order,
/// with the header's size, and never more than the file's bytes hold. Pictures above one
/// megapixel are only parsed, not read (the reader would allocate them).
/// </summary>
internal sealed class Y4mTarget : IFuzzTarget
{
    /// <summary>What messages of the reader name as the caller.</summary>
    private const string Caller = "fuzz target y4m";

    /// <inheritdoc/>
    public string Name => "y4m";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        byte[] bytes = input.ToArray();
        using var stream = new MemoryStream(bytes, writable: false);
        ReelResult result = Y4mReader.Open(stream, leaveOpen: true, "fuzz.y4m", Caller, out Y4mReader? reader);
        if (result != ReelResult.Success)
        {
            InvariantException.Check(result is ReelResult.ErrorCorruptData or ReelResult.ErrorUnsupported, $"Y4mReader.Open returned {result}");
            InvariantException.Check(LastError.Message.Length > 0, "Y4mReader.Open failed without a message");
            return;
        }
        using (reader)
        {
            Y4mHeader h = reader!.Header;
            InvariantException.Check(h.Width is >= 1 and <= I420Buffer.MaxDimension && h.Height is >= 1 and <= I420Buffer.MaxDimension,
                $"a {h.Width}x{h.Height} header");
            InvariantException.Check(h.FpsNumerator >= 1 && h.FpsDenominator >= 1, $"frame rate {h.FpsNumerator}:{h.FpsDenominator}");
            if ((long)h.Width * h.Height > 1 << 20)
                return;
            long frames = 0;
            while ((result = reader.ReadFrame(Caller, out I420Frame frame)) == ReelResult.Success)
            {
                InvariantException.Check(frame.Width == h.Width && frame.Height == h.Height, $"a {frame.Width}x{frame.Height} frame");
                frames++;
                InvariantException.Check(reader.FramesRead == frames, $"FramesRead {reader.FramesRead} after {frames} frames");
                InvariantException.Check(frames * (reader.FrameSize + 6) <= bytes.Length, $"{frames} frames of {reader.FrameSize} bytes from {bytes.Length} bytes");
            }
            InvariantException.Check(result is ReelResult.NotReady or ReelResult.ErrorCorruptData, $"ReadFrame returned {result}");
            InvariantException.Check(result != ReelResult.ErrorCorruptData || LastError.Message.Length > 0, "ReadFrame failed without a message");
            InvariantException.Check(reader.ReadFrame(Caller, out _) == result, "a read after the end or an error did not repeat it");
        }
    }
}
