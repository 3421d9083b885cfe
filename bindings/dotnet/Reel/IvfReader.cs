using System;
using Reel.Interop;

namespace Reel;

/// <summary>An IVF file of AV1 opened for reading (<c>reel_ivf_reader_t</c>): one packet per <see cref="Read"/>.</summary>
/// <remarks>Thread safety: safe from any thread (calls are serialised); <see cref="Dispose"/> must not race with other calls.</remarks>
public sealed unsafe class IvfReader : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private IvfReader(reel_ivf_reader_t reader, ReelContext context)
    {
        _handle = new ObjectHandle(reader.Value, &Close);
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>Opens an IVF file and checks its header (<c>reel_ivf_reader_open</c>).</summary>
    /// <exception cref="ReelException">the file cannot be read (<c>REEL_ERROR_IO</c> with the OS reason), a bad header (<c>REEL_ERROR_CORRUPT_DATA</c>), not AV1 (<c>REEL_ERROR_UNSUPPORTED</c>).</exception>
    public static IvfReader Open(ReelContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        byte[] utf8 = Utf8.Terminated(path ?? throw new ArgumentNullException(nameof(path)), nameof(path))!;
        using var use = context.Use();
        reel_ivf_reader_t reader;
        fixed (byte* pathBytes = utf8)
            Results.Check(ReelNative.reel_ivf_reader_open(new reel_context_t(use.Value), pathBytes, &reader));
        return new IvfReader(reader, context);
    }

    /// <summary>The header: size, frame rate and declared frame count (<c>reel_ivf_reader_get_info</c>).</summary>
    public reel_media_info_t Info
    {
        get
        {
            using var use = _handle.Use();
            reel_media_info_t info = MediaInfo.Empty();
            Results.Check(ReelNative.reel_ivf_reader_get_info(new reel_ivf_reader_t(use.Value), &info));
            return info;
        }
    }

    /// <summary>Reads the next frame into a buffer of <paramref name="bytePool"/>, with its pts (<c>reel_ivf_reader_read</c>).</summary>
    /// <returns>the packet (dispose it), or null at the clean end of the file.</returns>
    /// <exception cref="ReelException">a truncated or damaged frame (named with its index and offset), an I/O error, the pool's errors.</exception>
    public ReelBuffer? Read(ReelPool bytePool)
    {
        ArgumentNullException.ThrowIfNull(bytePool);
        using var use = _handle.Use();
        using var pool = bytePool.Use();
        reel_buffer_t packet;
        reel_result_t result = Results.Check(ReelNative.reel_ivf_reader_read(new reel_ivf_reader_t(use.Value), new reel_pool_t(pool.Value), &packet));
        return result == reel_result_t.REEL_SUCCESS ? new ReelBuffer(packet, ReelBufferKind.Bytes, _context) : null;
    }

    /// <summary>Closes the file (<c>reel_ivf_reader_close</c>).</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t Close(nint handle) => ReelNative.reel_ivf_reader_close(new reel_ivf_reader_t(handle));
}
