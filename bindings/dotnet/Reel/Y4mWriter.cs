using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A YUV4MPEG2 file of 8-bit 4:2:0 pictures being written (<c>reel_y4m_writer_t</c>). Each picture reaches the
/// operating system in one write before <see cref="Write"/> returns.
/// </summary>
/// <remarks>Thread safety: safe from any thread (calls are serialised); closing must not race with other calls.</remarks>
public sealed unsafe class Y4mWriter : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private Y4mWriter(reel_y4m_writer_t writer, ReelContext context)
    {
        _handle = new ObjectHandle(writer.Value, &CloseHandle);
        _context = context;
    }

    /// <summary>The context the file belongs to (kept reachable while the writer is).</summary>
    public ReelContext Context => _context;

    /// <summary>Creates (or truncates) a Y4M file (C420jpeg, progressive) and writes its header (<c>reel_y4m_writer_create</c>).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="path">the file.</param>
    /// <param name="width">pixels, 1..65535.</param>
    /// <param name="height">pixels, 1..65535.</param>
    /// <param name="fpsNum">frame rate numerator.</param>
    /// <param name="fpsDen">frame rate denominator.</param>
    /// <exception cref="ReelException">the file cannot be created (<c>REEL_ERROR_IO</c>), a size or rate of 0.</exception>
    public static Y4mWriter Create(ReelContext context, string path, uint width, uint height, uint fpsNum, uint fpsDen = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] utf8 = Utf8.Terminated(path ?? throw new ArgumentNullException(nameof(path)), nameof(path))!;
        reel_media_info_t info = MediaInfo.Of(width, height, fpsNum, fpsDen);
        using var use = context.Use();
        reel_y4m_writer_t writer;
        fixed (byte* pathBytes = utf8)
            Results.Check(ReelNative.reel_y4m_writer_create(new reel_context_t(use.Value), pathBytes, &info, &writer));
        return new Y4mWriter(writer, context);
    }

    /// <summary>Appends a picture (<c>reel_y4m_writer_write</c>); the caller keeps its reference.</summary>
    /// <param name="frame">an I420 frame of the file's width and height.</param>
    /// <exception cref="ReelException">an I/O failure (the file is cut back to its last complete frame), another format or size.</exception>
    public void Write(ReelBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var use = _handle.Use();
        using var buffer = frame.Use();
        Results.Check(ReelNative.reel_y4m_writer_write(new reel_y4m_writer_t(use.Value), new reel_buffer_t(buffer.Value)));
    }

    /// <summary>The header as written so far; frame_count is the frames written (<c>reel_y4m_writer_get_info</c>).</summary>
    public reel_media_info_t Info
    {
        get
        {
            using var use = _handle.Use();
            reel_media_info_t info = MediaInfo.Empty();
            Results.Check(ReelNative.reel_y4m_writer_get_info(new reel_y4m_writer_t(use.Value), &info));
            return info;
        }
    }

    /// <summary>Flushes and closes the file (<c>reel_y4m_writer_close</c>), reporting a failure.</summary>
    /// <exception cref="ReelException"><c>REEL_ERROR_IO</c> with the OS's reason.</exception>
    public void Close() => _handle.ReleaseAndCheck();

    /// <summary>Closes the file like <see cref="Close"/>, without reporting a failure.</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t CloseHandle(nint handle) => ReelNative.reel_y4m_writer_close(new reel_y4m_writer_t(handle));
}
