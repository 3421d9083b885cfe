using System.Buffers.Binary;
using System.IO;
using System.Text;
using System;
using Reel.Abi;
using Reel.Codecs;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Writes AV1 temporal units into an IVF file so that it is readable at every moment: the
/// header goes out first with frame count 0 (readers ignore the count), and every frame is
/// handed to the operating system in one write before <see cref="WriteFrame"/> returns. A
/// process that dies before <see cref="End"/> leaves a file whose complete frames decode
/// (power loss is not covered: nothing is fsynced). End patches the frame count. A write that
/// fails (disk full, a file-size limit) is cut off again, so the file ends with the last
/// complete frame and a later write may still succeed. Files are written unbuffered: nothing
/// waits in a .NET buffer to fail again at close. Not thread-safe.
/// </summary>
public sealed class IvfWriter : IDisposable
{
    private readonly string _name;
    private Stream? _stream;
    private readonly bool _leaveOpen;
    /// <summary>Frame header and data of the frame being written, so each frame is one write.</summary>
    private byte[] _frame = new byte[4096];

    private long _lastPts = long.MinValue;

    private IvfWriter(Stream stream, bool leaveOpen, string name)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
    }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Bytes written so far, headers included.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Creates (or truncates) <paramref name="path"/> and writes the header. The timebase is
    /// <paramref name="timebaseNumerator"/> / <paramref name="timebaseDenominator"/> seconds per
    /// pts unit (for frame-counting pts at fps N/D: D / N). Other processes may read the file
    /// while it is written.
    /// </summary>
    public static ReelResult Create(string path, int width, int height, uint timebaseNumerator, uint timebaseDenominator, string function, out IvfWriter? writer)
    {
        ArgumentNullException.ThrowIfNull(path);
        writer = null;
        ReelResult result = Check(width, height, timebaseNumerator, timebaseDenominator, function);
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
        return Start(stream, leaveOpen: false, path, width, height, timebaseNumerator, timebaseDenominator, function, out writer);
    }

    /// <summary>Writes the header to <paramref name="stream"/> (seekable, for <see cref="End"/>); <paramref name="name"/> is used in messages.</summary>
    public static ReelResult Create(Stream stream, bool leaveOpen, string name, int width, int height, uint timebaseNumerator, uint timebaseDenominator, string function, out IvfWriter? writer)
    {
        ArgumentNullException.ThrowIfNull(stream);
        writer = null;
        ReelResult result = Check(width, height, timebaseNumerator, timebaseDenominator, function);
        if (result != ReelResult.Success)
            return result;
        if (!stream.CanWrite || !stream.CanSeek)
            return CodecErrors.InvalidArgument($"{function}: {name} must be writable and seekable (End patches the frame count)");
        return Start(stream, leaveOpen, name, width, height, timebaseNumerator, timebaseDenominator, function, out writer);
    }

    /// <summary>
    /// Whether <paramref name="data"/> begins with an H.264 / HEVC Annex B start code
    /// (00 00 01 or 00 00 00 01). An AV1 temporal unit never does: its first byte is an OBU
    /// header, and OBU type 0 is reserved.
    /// </summary>
    public static bool IsAnnexB(ReadOnlySpan<byte> data)
        => data.Length >= 3 && data[0] == 0 && data[1] == 0 && (data[2] == 1 || (data.Length >= 4 && data[2] == 0 && data[3] == 1));

    /// <summary>
    /// Appends one frame (an AV1 temporal unit) with presentation time <paramref name="pts"/>
    /// and hands it to the operating system. Errors: empty data, a pts below the previous one,
    /// a write after <see cref="End"/>, an I/O failure. <paramref name="argument"/> is what the
    /// caller calls the packet (the C argument, e.g. "packet"), so messages name it.
    /// </summary>
    public ReelResult WriteFrame(ReadOnlySpan<byte> data, long pts, string function, string argument)
    {
        if (_stream is null)
            return CodecErrors.InvalidState($"{function}: {_name} was ended; no frame can follow");
        if (data.IsEmpty)
            return CodecErrors.InvalidArgument($"{function}: {argument} is empty (its size is 0); allowed 1 or more bytes of payload");
        if (IsAnnexB(data))
            return CodecErrors.Unsupported(
                $"{function}: {argument} starts with an Annex B start code (an H.264 or HEVC stream); {_name} is IVF, which holds AV1 temporal units only (write H.264 and HEVC to MP4 or Matroska)");
        if (pts < 0 || pts < _lastPts)
            return CodecErrors.InvalidArgument($"{function}: {argument}'s pts is {pts}; allowed {Math.Max(0, _lastPts)} or more (not below the previous frame's)");
        int size = IvfHeader.FrameHeaderSize + data.Length;
        if (_frame.Length < size)
            _frame = new byte[Math.Max(size, _frame.Length * 2)];
        BinaryPrimitives.WriteUInt32LittleEndian(_frame, (uint)data.Length);
        BinaryPrimitives.WriteInt64LittleEndian(_frame.AsSpan(4), pts);
        data.CopyTo(_frame.AsSpan(IvfHeader.FrameHeaderSize));
        try
        {
            _stream.Write(_frame, 0, size);
            _stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            CutBackTo(BytesWritten);
            return IoFailure.Set($"{function}: writing frame {FramesWritten} to", _name, e);
        }
        _lastPts = pts;
        FramesWritten++;
        BytesWritten += IvfHeader.FrameHeaderSize + data.Length;
        return ReelResult.Success;
    }

    /// <summary>Writes the frame count into the header and closes the file. A second call does nothing.</summary>
    public ReelResult End(string function)
    {
        if (_stream is null)
            return ReelResult.Success;
        Span<byte> count = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(count, (uint)Math.Min(FramesWritten, uint.MaxValue));
        try
        {
            _stream.Position = 24;
            _stream.Write(count);
            _stream.Seek(0, SeekOrigin.End);
            _stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            Close();
            return IoFailure.Set($"{function}: patching the frame count of", _name, e);
        }
        Close();
        return ReelResult.Success;
    }

    /// <summary>Closes the file without patching the frame count (what a crash leaves, minus the crash).</summary>
    public void Dispose() => Close();

    private static ReelResult Check(int width, int height, uint timebaseNumerator, uint timebaseDenominator, string function)
    {
        if (width < 1 || width > ushort.MaxValue)
            return CodecErrors.InvalidArgument($"{function}: width is {width}; allowed 1 to {ushort.MaxValue}");
        if (height < 1 || height > ushort.MaxValue)
            return CodecErrors.InvalidArgument($"{function}: height is {height}; allowed 1 to {ushort.MaxValue}");
        if (timebaseNumerator == 0)
            return CodecErrors.InvalidArgument($"{function}: timebase numerator is 0; allowed 1 to {uint.MaxValue}");
        if (timebaseDenominator == 0)
            return CodecErrors.InvalidArgument($"{function}: timebase denominator is 0; allowed 1 to {uint.MaxValue}");
        return ReelResult.Success;
    }

    private static ReelResult Start(Stream stream, bool leaveOpen, string name, int width, int height, uint numerator, uint denominator, string function, out IvfWriter? writer)
    {
        writer = null;
        Span<byte> header = stackalloc byte[IvfHeader.Size];
        header.Clear();
        Encoding.ASCII.GetBytes("DKIF", header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], IvfHeader.Size);
        Encoding.ASCII.GetBytes(IvfHeader.Av1FourCC, header[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], (ushort)height);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], denominator);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], numerator);
        // Frame count (24) stays 0 until End; 28 is unused.
        try
        {
            stream.Write(header);
            stream.Flush();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            if (!leaveOpen)
                DisposeQuietly(stream);
            return IoFailure.Set($"{function}: writing the header of", name, e);
        }
        writer = new IvfWriter(stream, leaveOpen, name) { BytesWritten = IvfHeader.Size };
        return ReelResult.Success;
    }

    /// <summary>
    /// Cuts the file back to <paramref name="length"/> bytes after a failed write, which may have
    /// left part of a frame behind; where that fails too (a device, a stream that cannot seek),
    /// the reader's rule applies: a truncated last frame is ignored.
    /// </summary>
    private void CutBackTo(long length)
    {
        try
        {
            if (_stream is { CanSeek: true } stream)
            {
                stream.SetLength(length);
                stream.Position = length;
            }
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
            // The failure being reported already says what went wrong.
        }
    }

    private void Close()
    {
        Stream? stream = _stream;
        _stream = null;
        if (stream is not null && !_leaveOpen)
            DisposeQuietly(stream);
    }

    /// <summary>Closes a stream whose data already went out (or failed and was reported): a failing close loses nothing more.</summary>
    private static void DisposeQuietly(Stream stream)
    {
        try
        {
            stream.Dispose();
        }
        catch (Exception e) when (IoFailure.IsIo(e))
        {
        }
    }
}
