using System.Buffers.Binary;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System;
using Reel.Abi;
using Reel.Codecs;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Reads an IVF file of AV1 frames. Checks the signature "DKIF", version 0, header size and
/// fourcc "AV01"; a frame cut short gives an error naming the frame index and byte offset, so
/// the complete frames before it can still be used. Frames are read into a buffer the reader
/// owns (unmanaged, reused). Not thread-safe.
/// </summary>
public sealed unsafe class IvfReader : IDisposable
{
    /// <summary>Largest frame accepted (a guard against a corrupt size field).</summary>
    public const int MaxFrameSize = 256 << 20;

    private readonly string _name;
    private readonly bool _leaveOpen;
    private Stream? _stream;
    private byte* _buffer;
    private nuint _capacity;
    private long _position;
    private string? _failure;

    private IvfReader(Stream stream, bool leaveOpen, string name, in IvfHeader header, long position)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        Header = header;
        _position = position;
    }

    /// <summary>The file header.</summary>
    public IvfHeader Header { get; }

    /// <summary>Frames read so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Whether the last read found the clean end of the file.</summary>
    public bool IsEndOfStream { get; private set; }

    /// <summary>Opens <paramref name="path"/> and checks its header.</summary>
    public static ReelResult Open(string path, string function, out IvfReader? reader)
    {
        ArgumentNullException.ThrowIfNull(path);
        reader = null;
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return IoFailure.Set($"{function}: cannot open", path, e);
        }
        ReelResult result = Open(stream, leaveOpen: false, path, function, out reader);
        if (result != ReelResult.Success)
            stream.Dispose();
        return result;
    }

    /// <summary>Reads and checks the header from <paramref name="stream"/>; <paramref name="name"/> is used in messages.</summary>
    public static ReelResult Open(Stream stream, bool leaveOpen, string name, string function, out IvfReader? reader)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = null;
        Span<byte> bytes = stackalloc byte[IvfHeader.Size];
        int read;
        try
        {
            read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: reading {name} failed: {IoFailure.Reason(name, e)}");
        }
        if (read >= 4 && !bytes[..4].SequenceEqual("DKIF"u8))
            return CodecErrors.CorruptData($"{function}: {name} is not an IVF file: signature is {Describe(bytes[..4])}; expected \"DKIF\"");
        if (read < IvfHeader.Size)
            return CodecErrors.CorruptData($"{function}: {name} is {read} bytes; an IVF header needs {IvfHeader.Size}");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != 0)
            return CodecErrors.Unsupported($"{function}: {name}: IVF version is {version}; allowed 0");
        ushort headerSize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        if (headerSize < IvfHeader.Size)
            return CodecErrors.CorruptData($"{function}: {name}: header size is {headerSize}; allowed {IvfHeader.Size} or more");
        if (!bytes[8..12].SequenceEqual("AV01"u8))
            return CodecErrors.Unsupported($"{function}: {name}: fourcc is {Describe(bytes[8..12])}; this reader handles \"AV01\" (AV1) only");
        var header = new IvfHeader(
            IvfHeader.Av1FourCC,
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[12..]),
            BinaryPrimitives.ReadUInt16LittleEndian(bytes[14..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]),
            headerSize);
        // A longer header carries fields this reader does not know: skip them.
        Span<byte> skip = stackalloc byte[256];
        int extra = headerSize - IvfHeader.Size;
        while (extra > 0)
        {
            int n = stream.ReadAtLeast(skip[..Math.Min(extra, skip.Length)], 1, throwOnEndOfStream: false);
            if (n == 0)
                return CodecErrors.CorruptData($"{function}: {name}: header size is {headerSize} but the file ends inside it");
            extra -= n;
        }
        reader = new IvfReader(stream, leaveOpen, name, header, headerSize);
        return ReelResult.Success;
    }

    /// <summary>
    /// Reads the next frame. Success with a frame; NotReady at the clean end of the file
    /// (<see cref="IsEndOfStream"/>); ErrorCorruptData when the frame header or data is cut off or
    /// declares an impossible size (the message names the frame index and byte offset). That
    /// error is sticky: every later read repeats it until <see cref="Seek"/>, because the bytes
    /// after a broken frame header are not a frame (found by tests/Reel.Fuzz, target ivf).
    /// </summary>
    public ReelResult ReadFrame(string function, out IvfFrame frame)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        frame = default;
        if (_failure is not null)
            return CodecErrors.CorruptData($"{function}: {_failure}");
        long index = FramesRead;
        long offset = _position;
        Span<byte> header = stackalloc byte[IvfHeader.FrameHeaderSize];
        int read;
        try
        {
            read = _stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: reading frame {index} of {_name} at byte offset {offset} failed: {IoFailure.Reason(_name, e)}");
        }
        if (read == 0)
        {
            IsEndOfStream = true;
            return ReelResult.NotReady;
        }
        if (read < header.Length)
            return Fail(function,
                $"{_name}: frame {index} at byte offset {offset} is truncated: its {IvfHeader.FrameHeaderSize}-byte frame header has only {read} bytes");
        uint size = BinaryPrimitives.ReadUInt32LittleEndian(header);
        long pts = BinaryPrimitives.ReadInt64LittleEndian(header[4..]);
        if (size == 0 || size > MaxFrameSize)
            return Fail(function,
                $"{_name}: frame {index} at byte offset {offset} declares {size} bytes; allowed 1 to {MaxFrameSize}");
        // The buffer grows with the data that actually arrives (at most doubling), never to the
        // declared size up front: a 44-byte file declaring a 256 MiB frame must not make the
        // reader allocate 256 MiB (found by native/fuzz/ivf_reader_fuzzer).
        read = 0;
        try
        {
            while (read < size)
            {
                int chunk = (int)Math.Min(size - (uint)read, (uint)Math.Max(64 * 1024, read));
                if (_capacity < (nuint)(read + chunk) && !Grow((uint)(read + chunk)))
                    return CodecErrors.OutOfMemory($"{function}: {read + chunk} bytes for frame {index} could not be allocated");
                int n = _stream.ReadAtLeast(new Span<byte>(_buffer + read, chunk), chunk, throwOnEndOfStream: false);
                read += n;
                if (n < chunk)
                    break;
            }
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: reading frame {index} of {_name} at byte offset {offset} failed: {IoFailure.Reason(_name, e)}");
        }
        _position += IvfHeader.FrameHeaderSize + read;
        if (read < size)
            return Fail(function,
                $"{_name}: frame {index} at byte offset {offset} is truncated: it declares {size} bytes of data but the file ends after {read}");
        FramesRead++;
        frame = new IvfFrame(_buffer, (int)size, pts, index, offset);
        return ReelResult.Success;
    }

    /// <summary>
    /// Moves to frame <paramref name="index"/>, whose frame header starts at byte
    /// <paramref name="offset"/> (from an <see cref="IvfIndex"/>); the next read returns it.
    /// ErrorUnsupported when the stream cannot seek; ErrorIo when seeking fails.
    /// </summary>
    public ReelResult Seek(long offset, long index, string function)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(offset, (long)Header.HeaderSize);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (!_stream.CanSeek)
            return CodecErrors.Unsupported($"{function}: {_name} is a stream that cannot seek");
        try
        {
            _stream.Position = offset;
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: seeking {_name} to byte offset {offset} failed: {IoFailure.Reason(_name, e)}");
        }
        _position = offset;
        FramesRead = index;
        IsEndOfStream = false;
        _failure = null;
        return ReelResult.Success;
    }

    /// <summary>Closes the file and frees the frame buffer. A second call does nothing.</summary>
    public void Dispose()
    {
        Stream? stream = _stream;
        _stream = null;
        if (stream is not null && !_leaveOpen)
            stream.Dispose();
        NativeMemory.Free(_buffer);
        _buffer = null;
        _capacity = 0;
    }

    /// <summary>Remembers a broken frame so later reads repeat the error.</summary>
    /// <summary>Records a broken frame (sticky until a seek) and reports it for <paramref name="function"/>.</summary>
    private ReelResult Fail(string function, string message)
    {
        _failure = message;
        return CodecErrors.CorruptData($"{function}: {message}");
    }

    private bool Grow(uint size)
    {
        nuint capacity = Math.Max(64 * 1024, System.Numerics.BitOperations.RoundUpToPowerOf2(size));
        byte* grown = (byte*)NativeMemory.Realloc(_buffer, capacity);
        if (grown == null)
            return false;
        _buffer = grown;
        _capacity = capacity;
        return true;
    }

    private static string Describe(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder("\"");
        foreach (byte b in bytes)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        text.Append("\" (");
        text.Append(Convert.ToHexString(bytes));
        return text.Append(')').ToString();
    }
}
