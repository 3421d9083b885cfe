using System;
using System.Globalization;
using System.IO;
using System.Text;
using Reel.Abi;
using Reel.Codecs.Frames;

namespace Reel.Codecs.Containers;

/// <summary>
/// Writes 8-bit 4:2:0 pictures as YUV4MPEG2 ("C420jpeg", progressive, square pixels). Not
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

    private Y4mWriter(Stream stream, bool leaveOpen, string name, int width, int height)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        _width = width;
        _height = height;
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
            stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return CodecErrors.Io($"{function}: cannot create {path}: {e.Message}");
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
        try
        {
            _stream.Write(s_frameMarker);
            WritePlane(frame.Y, frame.YStride, frame.Width, frame.Height);
            WritePlane(frame.U, frame.UStride, frame.ChromaWidth, frame.ChromaHeight);
            WritePlane(frame.V, frame.VStride, frame.ChromaWidth, frame.ChromaHeight);
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            return CodecErrors.Io($"{function}: writing frame {FramesWritten} to {_name} failed: {e.Message}");
        }
        FramesWritten++;
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
            if (!_leaveOpen)
                stream.Dispose();
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: flushing {_name} failed: {e.Message}");
        }
        return ReelResult.Success;
    }

    /// <summary>Same as <see cref="Close"/>, ignoring its result.</summary>
    public void Dispose() => Close(DisposeLabel);

    /// <summary>The label of a failure while disposing (nobody reads it).</summary>
    private const string DisposeLabel = "closing the Y4M file";

    private void WritePlane(byte* plane, int stride, int width, int height)
    {
        long size = (long)width * height;
        if (stride == width && size <= int.MaxValue)
        {
            // Rows are contiguous: one write, passed straight to the OS when large.
            _stream!.Write(new ReadOnlySpan<byte>(plane, (int)size));
            return;
        }
        for (int row = 0; row < height; row++)
            _stream!.Write(new ReadOnlySpan<byte>(plane + (long)row * stride, width));
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
        string header = string.Create(CultureInfo.InvariantCulture, $"YUV4MPEG2 W{width} H{height} F{fpsNumerator}:{fpsDenominator} Ip A1:1 C420jpeg\n");
        try
        {
            stream.Write(Encoding.ASCII.GetBytes(header));
        }
        catch (Exception e) when (e is IOException or NotSupportedException or ObjectDisposedException)
        {
            if (!leaveOpen)
                stream.Dispose();
            return CodecErrors.Io($"{function}: writing the header of {name} failed: {e.Message}");
        }
        writer = new Y4mWriter(stream, leaveOpen, name, width, height);
        return ReelResult.Success;
    }
}
