using System.Globalization;
using System.IO;
using System.Text;
using System;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Codecs;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Writes 8-bit 4:2:0 pictures as YUV4MPEG2 ("C420jpeg", progressive, square pixels). The
/// header is written and flushed at create, so a file that cannot be written (a full disk,
/// a kernel file, a directory) fails there, not at a later write. Each frame (its "FRAME"
/// line and picture) goes to the operating system in one write; a write that fails (disk
/// full, a file-size limit) is cut off again, so the file ends with the last complete frame.
/// Files are written unbuffered: nothing waits in a .NET buffer to fail again at close. Not
/// thread-safe.
/// </summary>
public sealed unsafe class Y4mWriter : IDisposable
{
    private static readonly byte[] s_frameMarker = "FRAME\n"u8.ToArray();

    private readonly string _name;
    private readonly bool _leaveOpen;
    private readonly int _width;
    private readonly int _height;
    private Stream? _stream;

    /// <summary>"FRAME\n" and the packed picture of the frame being written, so each frame is one write (allocated at the first frame).</summary>
    private byte[]? _frame;

    /// <summary>Bytes in the file after the header and the frames written.</summary>
    private long _length;

    private Y4mWriter(Stream stream, bool leaveOpen, string name, int width, int height, long headerLength)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        _width = width;
        _height = height;
        _length = headerLength;
    }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Creates (or truncates) <paramref name="path"/> and writes the stream header.</summary>
    public static ReelResult Create(string path, int width, int height, int fpsNumerator, int fpsDenominator, string function, out Y4mWriter? writer)
    {
        ArgumentNullException.ThrowIfNull(path);
        writer = null;
        ReelResult result = Check(width, height, fpsNumerator, fpsDenominator, function);
        if (result != ReelResult.Success)
            return result;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (Exception e) when (IoFailure.IsIo(e) || e is ArgumentException)
        {
            return IoFailure.Set($"{function}: cannot create", path, e);
        }
        return Start(stream, leaveOpen: false, path, width, height, fpsNumerator, fpsDenominator, function, out writer);
    }

    /// <summary>Writes the stream header to <paramref name="stream"/>; <paramref name="name"/> is used in messages.</summary>
    public static ReelResult Create(Stream stream, bool leaveOpen, string name, int width, int height, int fpsNumerator, int fpsDenominator, string function, out Y4mWriter? writer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = null;
        ReelResult result = Check(width, height, fpsNumerator, fpsDenominator, function);
        return result != ReelResult.Success ? result : Start(stream, leaveOpen, name, width, height, fpsNumerator, fpsDenominator, function, out writer);
    }

    /// <summary>Appends one picture, which must have the stream's dimensions.</summary>
    public ReelResult WriteFrame(in I420Frame frame, string function)
    {
        if (_stream is null)
            return CodecErrors.InvalidState($"{function}: {_name} is closed");
        ReelResult result = frame.Check(function, _width, _height);
        if (result != ReelResult.Success)
            return result;
        if (_frame is null)
        {
            _frame = new byte[s_frameMarker.Length + I420Frame.PackedSize(_width, _height)];
            s_frameMarker.CopyTo(_frame, 0);
        }
        int at = s_frameMarker.Length;
        at = Pack(frame.Y, frame.YStride, frame.Width, frame.Height, at);
        at = Pack(frame.U, frame.UStride, frame.ChromaWidth, frame.ChromaHeight, at);
        Pack(frame.V, frame.VStride, frame.ChromaWidth, frame.ChromaHeight, at);
        try
        {
            _stream.Write(_frame);
            _stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            CutBack();
            return IoFailure.Set($"{function}: writing frame {FramesWritten} to", _name, e);
        }
        FramesWritten++;
        _length += _frame.Length;
        return ReelResult.Success;
    }

    /// <summary>Flushes and closes. A second call does nothing.</summary>
    public ReelResult Close(string function)
    {
        Stream? stream = _stream;
        _stream = null;
        if (stream is null)
            return ReelResult.Success;
        try
        {
            stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            DisposeQuietly(stream);
            return IoFailure.Set($"{function}: flushing", _name, e);
        }
        DisposeQuietly(stream);
        return ReelResult.Success;
    }

    /// <summary>Same as <see cref="Close"/>, ignoring its result.</summary>
    public void Dispose() => Close(DisposeLabel);

    /// <summary>The label of a failure while disposing (nobody reads it).</summary>
    private const string DisposeLabel = "closing the Y4M file";

    /// <summary>Copies a plane's rows into the frame buffer at <paramref name="at"/>; returns where the next plane starts.</summary>
    private int Pack(byte* plane, int stride, int width, int height, int at)
    {
        int size = width * height;
        if (stride == width)
            new ReadOnlySpan<byte>(plane, size).CopyTo(_frame!.AsSpan(at, size));
        else
        {
            for (int row = 0; row < height; row++)
                new ReadOnlySpan<byte>(plane + (long)row * stride, width).CopyTo(_frame!.AsSpan(at + row * width, width));
        }
        return at + size;
    }

    /// <summary>
    /// Cuts the file back to its last complete frame after a failed write; where that fails
    /// too (a device, a stream that cannot seek), readers see a truncated last frame.
    /// </summary>
    private void CutBack()
    {
        try
        {
            if (_stream is { CanSeek: true } stream)
            {
                stream.SetLength(_length);
                stream.Position = _length;
            }
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            // The failure being reported already says what went wrong.
        }
    }

    /// <summary>Closes the stream unless the caller owns it; a failing close loses nothing more (every frame went out when written).</summary>
    private void DisposeQuietly(Stream stream)
    {
        if (_leaveOpen)
            return;
        try
        {
            stream.Dispose();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
        }
    }

    private static ReelResult Check(int width, int height, int fpsNumerator, int fpsDenominator, string function)
    {
        if (width < 1 || width > I420Buffer.MaxDimension)
            return CodecErrors.InvalidArgument($"{function}: width is {width}; allowed 1 to {I420Buffer.MaxDimension}");
        if (height < 1 || height > I420Buffer.MaxDimension)
            return CodecErrors.InvalidArgument($"{function}: height is {height}; allowed 1 to {I420Buffer.MaxDimension}");
        if (fpsNumerator < 1)
            return CodecErrors.InvalidArgument($"{function}: fps numerator is {fpsNumerator}; allowed 1 to {int.MaxValue}");
        if (fpsDenominator < 1)
            return CodecErrors.InvalidArgument($"{function}: fps denominator is {fpsDenominator}; allowed 1 to {int.MaxValue}");
        return ReelResult.Success;
    }

    private static ReelResult Start(Stream stream, bool leaveOpen, string name, int width, int height, int fpsNumerator, int fpsDenominator, string function, out Y4mWriter? writer)
    {
        writer = null;
        byte[] header = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"YUV4MPEG2 W{width} H{height} F{fpsNumerator}:{fpsDenominator} Ip A1:1 C420jpeg\n"));
        try
        {
            // Flushed now: a file that cannot take the header fails at create, not at a later write.
            stream.Write(header);
            stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            if (!leaveOpen)
            {
                try
                {
                    stream.Dispose();
                }
                catch (Exception again) when (IoFailure.IsIo(again))
                {
                }
            }
            return IoFailure.Set($"{function}: writing the header of", name, e);
        }
        writer = new Y4mWriter(stream, leaveOpen, name, width, height, header.Length);
        return ReelResult.Success;
    }
}
