using System;
using Reel.Interop;

namespace Reel;

/// <summary>A YUV4MPEG2 file of 8-bit 4:2:0 pictures opened for reading (<c>reel_y4m_reader_t</c>): one frame per <see cref="Read"/>.</summary>
/// <remarks>Thread safety: safe from any thread (calls are serialised); <see cref="Dispose"/> must not race with other calls.</remarks>
public sealed unsafe class Y4mReader : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private Y4mReader(reel_y4m_reader_t reader, ReelContext context)
    {
        _handle = new ObjectHandle(reader.Value, &Close);
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>Opens a Y4M file and parses its header (<c>reel_y4m_reader_open</c>).</summary>
    /// <exception cref="ReelException">the file cannot be read (<c>REEL_ERROR_IO</c> with the OS reason), not YUV4MPEG2 (<c>REEL_ERROR_CORRUPT_DATA</c>), another chroma format or bit depth (<c>REEL_ERROR_UNSUPPORTED</c>).</exception>
    public static Y4mReader Open(ReelContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] utf8 = Utf8.Terminated(path ?? throw new ArgumentNullException(nameof(path)), nameof(path))!;
        using var use = context.Use();
        reel_y4m_reader_t reader;
        fixed (byte* pathBytes = utf8)
            Results.Check(ReelNative.reel_y4m_reader_open(new reel_context_t(use.Value), pathBytes, &reader));
        return new Y4mReader(reader, context);
    }

    /// <summary>The header: size, frame rate and the complete frames the file held when opened (<c>reel_y4m_reader_get_info</c>).</summary>
    public reel_media_info_t Info
    {
        get
        {
            using var use = _handle.Use();
            reel_media_info_t info = MediaInfo.Empty();
            Results.Check(ReelNative.reel_y4m_reader_get_info(new reel_y4m_reader_t(use.Value), &info));
            return info;
        }
    }

    /// <summary>Reads the next picture into a frame of <paramref name="framePool"/>, with pts = its index (<c>reel_y4m_reader_read</c>).</summary>
    /// <param name="framePool">an I420 frame pool of the file's width and height.</param>
    /// <returns>the frame (dispose it), or null at the clean end of the file.</returns>
    /// <exception cref="ReelException">a bad frame header or a truncated frame (named with its index and offset), an I/O error, the pool's errors.</exception>
    public ReelBuffer? Read(ReelPool framePool)
    {
        ArgumentNullException.ThrowIfNull(framePool);
        using var use = _handle.Use();
        using var pool = framePool.Use();
        reel_buffer_t frame;
        reel_result_t result = Results.Check(ReelNative.reel_y4m_reader_read(new reel_y4m_reader_t(use.Value), new reel_pool_t(pool.Value), &frame));
        return result == reel_result_t.REEL_SUCCESS ? new ReelBuffer(frame, ReelBufferKind.Frame, _context) : null;
    }

    /// <summary>Closes the file (<c>reel_y4m_reader_close</c>).</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t Close(nint handle) => ReelNative.reel_y4m_reader_close(new reel_y4m_reader_t(handle));
}
