using System;
using System.Globalization;
using System.IO;
using System.Text;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Frames;
using Reel.Errors;

namespace Reel.Codecs.Containers;

/// <summary>
/// Reads YUV4MPEG2 files of 8-bit 4:2:0 pictures (C420jpeg, C420, C420paldv, C420mpeg2 or no
/// C tag; W, H, F, I and A tags). Bad headers, other chroma formats, other bit depths and
/// truncated frames give errors that say which and where. Not thread-safe.
/// </summary>
public sealed unsafe class Y4mReader : IDisposable
{
    /// <summary>Longest header or frame-header line accepted.</summary>
    public const int MaxLineLength = 4096;

    private const string Accepted = "8-bit 4:2:0 only (C420jpeg, C420, C420paldv, C420mpeg2 or no C tag)";

    private readonly string _name;
    private readonly bool _leaveOpen;
    private readonly byte[] _line = new byte[MaxLineLength];
    private Stream? _stream;
    private I420Buffer? _buffer;
    private long _position;
    private string? _failure;

    /// <summary>Byte offset of the first frame (the stream header's length).</summary>
    private readonly long _firstFrame;

    private Y4mReader(Stream stream, bool leaveOpen, string name, in Y4mHeader header, long position)
    {
        _stream = stream;
        _leaveOpen = leaveOpen;
        _name = name;
        Header = header;
        _position = position;
        _firstFrame = position;
    }

    /// <summary>The stream header.</summary>
    public Y4mHeader Header { get; }

    /// <summary>Frames read so far.</summary>
    public long FramesRead { get; private set; }

    /// <summary>Whether the last read found the clean end of the file.</summary>
    public bool IsEndOfStream { get; private set; }

    /// <summary>Bytes of one frame's picture data.</summary>
    public long FrameSize => I420Frame.PackedSize(Header.Width, Header.Height);

    /// <summary>Opens <paramref name="path"/> and parses its header.</summary>
    public static ReelResult Open(string path, string function, out Y4mReader? reader)
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

    /// <summary>Parses the header from <paramref name="stream"/>; <paramref name="name"/> is used in messages.</summary>
    public static ReelResult Open(Stream stream, bool leaveOpen, string name, string function, out Y4mReader? reader)
    {
        ArgumentNullException.ThrowIfNull(stream);
        reader = null;
        byte[] line = new byte[MaxLineLength];
        ReelResult result = ReadLine(stream, line, name, "the stream header", 0, function, out int length, out bool ended);
        if (result != ReelResult.Success)
            return result;
        if (ended && length == 0)
            return CodecErrors.CorruptData($"{function}: {name} is empty; expected a \"YUV4MPEG2 \" header");
        string text = Encoding.ASCII.GetString(line, 0, length);
        result = ParseHeader(text, name, function, out Y4mHeader header);
        if (result != ReelResult.Success)
            return result;
        if (ended)
            return CodecErrors.CorruptData($"{function}: {name}: the stream header is not terminated by a newline");
        reader = new Y4mReader(stream, leaveOpen, name, header, length + 1);
        return ReelResult.Success;
    }

    /// <summary>
    /// Reads the next frame into a buffer the reader owns; <paramref name="frame"/> stays valid
    /// until the next read or Dispose. Success, NotReady at the clean end of the file
    /// (<see cref="IsEndOfStream"/>), or an error for a bad frame header or truncated data.
    /// </summary>
    public ReelResult ReadFrame(string function, out I420Frame frame)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        frame = default;
        if (_buffer is null)
        {
            ReelResult created = I420Buffer.Create(Header.Width, Header.Height, function, out _buffer);
            if (created != ReelResult.Success)
                return created;
        }
        ReelResult result = ReadFrameInto(_buffer!.Frame, function);
        if (result == ReelResult.Success)
            frame = _buffer.Frame;
        return result;
    }

    /// <summary>Reads the next frame into <paramref name="destination"/> (the stream's dimensions, any strides).</summary>
    public ReelResult ReadFrameInto(in I420Frame destination, string function)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        ReelResult result = destination.Check(function, Header.Width, Header.Height);
        if (result != ReelResult.Success)
            return result;
        // A broken frame is sticky: the bytes after it are not a frame (as in IvfReader).
        if (_failure is not null)
            return CodecErrors.CorruptData($"{function}: {_failure}");
        long index = FramesRead;
        long offset = _position;
        result = ReadLine(_stream, _line, _name, $"frame {index}", offset, function, out int length, out bool ended);
        if (result != ReelResult.Success)
            return result;
        if (ended && length == 0)
        {
            IsEndOfStream = true;
            return ReelResult.NotReady;
        }
        if (length < 5 || !_line.AsSpan(0, 5).SequenceEqual("FRAME"u8) || (length > 5 && _line[5] != (byte)' '))
            return Fail(function,
                $"{_name}: frame {index} at byte offset {offset}: expected \"FRAME\", found \"{Printable(_line.AsSpan(0, Math.Min(length, 16)))}\"");
        if (ended)
            return Truncated(index, offset, 0, function);
        _position += length + 1;
        long read = 0;
        try
        {
            read += ReadPlane(destination.Y, destination.YStride, destination.Width, destination.Height);
            if (read == (long)destination.Width * destination.Height)
                read += ReadPlane(destination.U, destination.UStride, destination.ChromaWidth, destination.ChromaHeight);
            if (read == (long)destination.Width * destination.Height + (long)destination.ChromaWidth * destination.ChromaHeight)
                read += ReadPlane(destination.V, destination.VStride, destination.ChromaWidth, destination.ChromaHeight);
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: reading frame {index} of {_name} at byte offset {offset} failed: {IoFailure.Reason(_name, e)}");
        }
        _position += read;
        if (read < FrameSize)
            return Truncated(index, offset, read, function);
        FramesRead++;
        return ReelResult.Success;
    }

    /// <summary>
    /// Counts the complete frames of the file: walks every frame header (a "FRAME" line, which
    /// may carry parameters) and skips its picture, from the first frame (after the stream
    /// header, whatever its length) to the end. A frame cut short or a line that is not a
    /// frame header ends the count (reading reports it there). The read position is kept.
    /// Returns 0 for a stream that cannot seek; ErrorIo when seeking or reading fails.
    /// </summary>
    public ReelResult CountFrames(string function, out long frames)
    {
        ObjectDisposedException.ThrowIf(_stream is null, this);
        frames = 0;
        if (!_stream.CanSeek)
            return ReelResult.Success;
        long saved;
        long length;
        try
        {
            saved = _stream.Position;
            length = _stream.Length;
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: {IoFailure.Describe(_name, e)}");
        }
        long at = _firstFrame;
        ReelResult result = ReelResult.Success;
        try
        {
            while (at < length)
            {
                _stream.Position = at;
                result = ReadLine(_stream, _line, _name, $"frame {frames}", at, function, out int line, out bool ended);
                if (result != ReelResult.Success || ended || line < 5 || !_line.AsSpan(0, 5).SequenceEqual("FRAME"u8) || (line > 5 && _line[5] != (byte)' '))
                    break;
                at += line + 1 + FrameSize;
                if (at > length)
                    break;
                frames++;
            }
        }
        catch (IOException e)
        {
            result = CodecErrors.Io($"{function}: {IoFailure.Describe(_name, e)}");
        }
        try
        {
            _stream.Position = saved;
        }
        catch (IOException e)
        {
            return CodecErrors.Io($"{function}: {IoFailure.Describe(_name, e)}");
        }
        // A line too long to be a frame header is damage the reads report; the count stops there.
        return result == ReelResult.ErrorCorruptData ? ReelResult.Success : result;
    }

    /// <summary>Closes the file and frees the frame buffer. A second call does nothing.</summary>
    public void Dispose()
    {
        Stream? stream = _stream;
        _stream = null;
        if (stream is not null && !_leaveOpen)
            stream.Dispose();
        _buffer?.Dispose();
        _buffer = null;
    }

    /// <summary>Records a broken frame (sticky until a seek) and reports it for <paramref name="function"/>.</summary>
    private ReelResult Fail(string function, string message)
    {
        _failure = message;
        return CodecErrors.CorruptData($"{function}: {message}");
    }

    private ReelResult Truncated(long index, long offset, long read, string function)
        => Fail(function,
            $"{_name}: frame {index} at byte offset {offset} is truncated: {read} of {FrameSize} bytes of picture data");

    /// <summary>Reads rows until the plane is full or the file ends; returns the bytes read.</summary>
    private long ReadPlane(byte* plane, int stride, int width, int height)
    {
        long size = (long)width * height;
        if (stride == width && size <= int.MaxValue)
        {
            // Rows are contiguous: one read, which FileStream hands straight to the OS for large
            // sizes (no copy through its buffer). 1080p frames in 64-aligned pools take this path.
            return _stream!.ReadAtLeast(new Span<byte>(plane, (int)size), (int)size, throwOnEndOfStream: false);
        }
        long total = 0;
        for (int row = 0; row < height; row++)
        {
            var destination = new Span<byte>(plane + (long)row * stride, width);
            int n = _stream!.ReadAtLeast(destination, width, throwOnEndOfStream: false);
            total += n;
            if (n < width)
                break;
        }
        return total;
    }

    /// <summary>Reads up to a newline (not stored); <paramref name="ended"/> when the file ended first.</summary>
    private static ReelResult ReadLine(Stream stream, byte[] line, string name, string what, long offset, string function, out int length, out bool ended)
    {
        length = 0;
        ended = false;
        while (true)
        {
            int b;
            try
            {
                b = stream.ReadByte();
            }
            catch (IOException e)
            {
                return CodecErrors.Io($"{function}: reading {what} of {name} at byte offset {offset} failed: {IoFailure.Reason(name, e)}");
            }
            if (b < 0)
            {
                ended = true;
                return ReelResult.Success;
            }
            if (b == '\n')
                return ReelResult.Success;
            if (length == line.Length)
                return CodecErrors.CorruptData($"{function}: {name}: {what} at byte offset {offset} has no newline within {MaxLineLength} bytes");
            line[length++] = (byte)b;
        }
    }

    private static ReelResult ParseHeader(string text, string name, string function, out Y4mHeader header)
    {
        header = default;
        string prefix = $"{function}: {name}";
        if (!text.StartsWith("YUV4MPEG2", StringComparison.Ordinal) || (text.Length > 9 && text[9] != ' '))
            return CodecErrors.CorruptData($"{prefix} is not a YUV4MPEG2 file: it starts with \"{Printable(Encoding.ASCII.GetBytes(text[..Math.Min(text.Length, 12)]))}\"; expected \"YUV4MPEG2 \"");
        int width = 0, height = 0, fpsN = 25, fpsD = 1, aspectN = 0, aspectD = 0;
        char interlacing = '?';
        string colorspace = "420jpeg";
        foreach (string token in text[9..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string value = token[1..];
            switch (token[0])
            {
                case 'W':
                    if (!TryDimension(value, out width))
                        return CodecErrors.CorruptData($"{prefix}: W (width) is \"{value}\"; allowed 1 to {I420Buffer.MaxDimension}");
                    break;
                case 'H':
                    if (!TryDimension(value, out height))
                        return CodecErrors.CorruptData($"{prefix}: H (height) is \"{value}\"; allowed 1 to {I420Buffer.MaxDimension}");
                    break;
                case 'F':
                    // "0:0" means unknown (the dav1d tool writes it for IVF files without a frame count).
                    if (value == "0:0")
                        (fpsN, fpsD) = (25, 1);
                    else if (!TryRatio(value, 1, out fpsN, out fpsD))
                        return CodecErrors.CorruptData($"{prefix}: F (frame rate) is \"{value}\"; allowed N:D with N and D from 1 to {int.MaxValue}, or 0:0 (unknown)");
                    break;
                case 'A':
                    if (!TryRatio(value, 0, out aspectN, out aspectD))
                        return CodecErrors.CorruptData($"{prefix}: A (pixel aspect) is \"{value}\"; allowed N:D with N and D from 0 to {int.MaxValue}");
                    break;
                case 'I':
                    if (value.Length != 1 || "ptbm?".IndexOf(value[0]) < 0)
                        return CodecErrors.CorruptData($"{prefix}: I (interlacing) is \"{value}\"; allowed p, t, b, m or ?");
                    interlacing = value[0];
                    break;
                case 'C':
                    ReelResult chroma = CheckColorspace(value, prefix);
                    if (chroma != ReelResult.Success)
                        return chroma;
                    colorspace = value;
                    break;
                default:
                    // X (extensions) and tags this reader does not know carry nothing it needs.
                    break;
            }
        }
        if (width == 0)
            return CodecErrors.CorruptData($"{prefix}: the header has no W (width) tag");
        if (height == 0)
            return CodecErrors.CorruptData($"{prefix}: the header has no H (height) tag");
        header = new Y4mHeader(width, height, fpsN, fpsD, interlacing, aspectN, aspectD, colorspace);
        return ReelResult.Success;
    }

    private static ReelResult CheckColorspace(string value, string prefix)
    {
        if (value is "420jpeg" or "420" or "420paldv" or "420mpeg2")
            return ReelResult.Success;
        // "420p10", "422p12", "mono16": digits after the layout (and a 'p') give the bit depth.
        string layout = value;
        string depth = "";
        int p = value.IndexOf('p');
        if (p > 0 && p + 1 < value.Length && AllDigits(value.AsSpan(p + 1)))
            (layout, depth) = (value[..p], value[(p + 1)..]);
        else if (value.StartsWith("mono", StringComparison.Ordinal) && value.Length > 4 && AllDigits(value.AsSpan(4)))
            (layout, depth) = ("mono", value[4..]);
        if (layout == "420" && depth.Length > 0)
            return CodecErrors.Unsupported($"{prefix}: C (colorspace) is \"{value}\" ({depth}-bit samples); this reader handles {Accepted}");
        string description = layout switch
        {
            "422" => "4:2:2 chroma",
            "444" => "4:4:4 chroma",
            "444alpha" => "4:4:4 chroma with alpha",
            "411" => "4:1:1 chroma",
            "mono" => "monochrome",
            _ => "an unknown colorspace",
        };
        return CodecErrors.Unsupported($"{prefix}: C (colorspace) is \"{value}\" ({description}); this reader handles {Accepted}");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }

    private static bool TryDimension(string value, out int result)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1 && result <= I420Buffer.MaxDimension;

    private static bool TryRatio(string value, int min, out int numerator, out int denominator)
    {
        denominator = 0;
        int colon = value.IndexOf(':');
        numerator = 0;
        return colon > 0
            && int.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out numerator)
            && int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out denominator)
            && numerator >= min && denominator >= min;
    }

    private static string Printable(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder(bytes.Length);
        foreach (byte b in bytes)
            text.Append(b is >= 0x20 and < 0x7F ? (char)b : '.');
        return text.ToString();
    }
}
