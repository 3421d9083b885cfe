using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// An IVF file of AV1 being written (<c>reel_ivf_writer_t</c>). Every packet reaches the
/// operating system before <see cref="Write"/> returns, so a process that dies leaves a file
/// whose complete frames decode; <see cref="Close"/> patches the frame count.
/// </summary>
/// <remarks>Thread safety: safe from any thread (calls are serialised); closing must not race with other calls.</remarks>
public sealed unsafe class IvfWriter : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private IvfWriter(reel_ivf_writer_t writer, ReelContext context)
    {
        _handle = new ObjectHandle(writer.Value, &CloseHandle);
        _context = context;
    }

    /// <summary>The context the file belongs to (kept reachable while the writer is).</summary>
    public ReelContext Context => _context;

    /// <summary>Creates (or truncates) an IVF file and writes its header (<c>reel_ivf_writer_create</c>).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="path">the file.</param>
    /// <param name="width">pixels, 1..65535.</param>
    /// <param name="height">pixels, 1..65535.</param>
    /// <param name="fpsNum">frame rate numerator (pts count frames at this rate).</param>
    /// <param name="fpsDen">frame rate denominator.</param>
    /// <exception cref="ReelException">the file cannot be created (<c>REEL_ERROR_IO</c>), a size or rate of 0.</exception>
    public static IvfWriter Create(ReelContext context, string path, uint width, uint height, uint fpsNum, uint fpsDen = 1)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] utf8 = Utf8.Terminated(path ?? throw new ArgumentNullException(nameof(path)), nameof(path))!;
        reel_media_info_t info = MediaInfo.Of(width, height, fpsNum, fpsDen);
        using var use = context.Use();
        reel_ivf_writer_t writer;
        fixed (byte* pathBytes = utf8)
            Results.Check(ReelNative.reel_ivf_writer_create(new reel_context_t(use.Value), pathBytes, &info, &writer));
        return new IvfWriter(writer, context);
    }

    /// <summary>Appends a packet's payload as one frame with its pts (<c>reel_ivf_writer_write</c>); the caller keeps its reference.</summary>
    /// <exception cref="ReelException">an I/O failure (the file is cut back to its last complete frame), not a byte buffer, a pts below the last.</exception>
    public void Write(ReelBuffer packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        using var use = _handle.Use();
        using var buffer = packet.Use();
        Results.Check(ReelNative.reel_ivf_writer_write(new reel_ivf_writer_t(use.Value), new reel_buffer_t(buffer.Value)));
    }

    /// <summary>The header as written so far; frame_count is the frames written (<c>reel_ivf_writer_get_info</c>).</summary>
    public reel_media_info_t Info
    {
        get
        {
            using var use = _handle.Use();
            reel_media_info_t info = MediaInfo.Empty();
            Results.Check(ReelNative.reel_ivf_writer_get_info(new reel_ivf_writer_t(use.Value), &info));
            return info;
        }
    }

    /// <summary>Patches the frame count and closes the file (<c>reel_ivf_writer_close</c>), reporting a failure.</summary>
    /// <exception cref="ReelException"><c>REEL_ERROR_IO</c>: the header could not be patched (the frames are in the file anyway).</exception>
    public void Close() => _handle.ReleaseAndCheck();

    /// <summary>Closes the file like <see cref="Close"/>, without reporting a failure.</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t CloseHandle(nint handle) => ReelNative.reel_ivf_writer_close(new reel_ivf_writer_t(handle));
}
