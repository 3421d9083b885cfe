using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A recording in the shape of Godot's MovieWriter (<c>reel_movie_writer_t</c>):
/// <see cref="Begin"/>, one <see cref="WriteFrame"/> or <see cref="WriteImage(ReadOnlySpan{byte}, reel_pixel_format_t, int, int, int)"/>
/// per frame, then <see cref="End"/>. Frames are encoded to AV1 into an IVF file; each
/// packet reaches the operating system as soon as it is made, so a process that dies leaves
/// a playable file. Frames get pts 0, 1, 2, ... at the settings' frame rate.
/// </summary>
/// <remarks>
/// Thread safety: every method is safe from any thread (calls are serialised); a write blocks
/// while the encoder's queue is full, so a recording drops no frame. Disposing without
/// <see cref="End"/> ends the recording too but cannot report its errors.
/// </remarks>
public sealed unsafe class ReelMovieWriter : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelMovieWriter(reel_movie_writer_t writer, ReelContext context)
    {
        _handle = new ObjectHandle(writer.Value, &EndWithoutStats);
        _context = context;
    }

    /// <summary>The context the recording belongs to.</summary>
    public ReelContext Context => _context;

    /// <summary>
    /// Checks the settings, creates (or truncates) the IVF file and starts the encoder
    /// (<c>reel_movie_writer_begin</c>). The file is not touched when the settings are refused.
    /// </summary>
    /// <param name="context">the owning context.</param>
    /// <param name="path">where to write the IVF file.</param>
    /// <param name="settings">encoder settings (<see cref="ReelEncoder.DefaultSettings"/>): width, height and frame rate at least; set <c>color</c> to <c>REEL_COLOR_BT709_LIMITED</c> for RGBA input.</param>
    /// <exception cref="ReelException">settings refused (named <c>settings-&gt;field</c>), the file cannot be created (<c>REEL_ERROR_IO</c> with the OS reason) ...</exception>
    public static ReelMovieWriter Begin(ReelContext context, string path, reel_encoder_desc_t settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(path);
        byte[] utf8Path = Utf8.Terminated(path, nameof(path))!;
        using var use = context.Use();
        reel_movie_writer_t writer;
        fixed (byte* pathBytes = utf8Path)
            Results.Check(ReelNative.reel_movie_writer_begin(new reel_context_t(use.Value), pathBytes, &settings, &writer));
        return new ReelMovieWriter(writer, context);
    }

    /// <summary>
    /// Records a frame buffer of the movie's size (<c>reel_movie_writer_write_frame</c>): I420
    /// is encoded as it is (do not write to it afterwards), RGBA8/BGRA8 is converted first.
    /// The caller keeps its reference.
    /// </summary>
    public void WriteFrame(ReelBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var use = _handle.Use();
        using var buffer = frame.Use();
        Results.Check(ReelNative.reel_movie_writer_write_frame(new reel_movie_writer_t(use.Value), new reel_buffer_t(buffer.Value)));
    }

    /// <summary>
    /// Records packed pixels from the host's memory (<c>reel_movie_writer_write_image</c>),
    /// converted into a pooled I420 frame before this returns.
    /// </summary>
    /// <param name="pixels">the top row first; at least (height - 1) x |stride| + width x 4 bytes.</param>
    /// <param name="format"><c>REEL_PIXEL_FORMAT_RGBA8</c> or <c>REEL_PIXEL_FORMAT_BGRA8</c>.</param>
    /// <param name="width">pixels: the movie's width.</param>
    /// <param name="height">pixels: the movie's height.</param>
    /// <param name="stride">bytes from one row to the next; 0 = width x 4.</param>
    public void WriteImage(ReadOnlySpan<byte> pixels, reel_pixel_format_t format, int width, int height, int stride = 0)
    {
        if (stride == 0)
            stride = checked(width * 4);
        if (width <= 0 || height <= 0 || stride < width * 4 || (long)(height - 1) * stride + (long)width * 4 > pixels.Length)
            throw new ArgumentException($"{width}x{height} pixels with a stride of {stride} bytes need more than the {pixels.Length} bytes given", nameof(pixels));
        reel_image_t image = default;
        image.struct_size = (uint)sizeof(reel_image_t);
        image.format = format;
        image.width = (uint)width;
        image.height = (uint)height;
        image.stride[0] = stride;
        using var use = _handle.Use();
        fixed (byte* data = pixels)
        {
            image.data[0] = (nint)data;
            Results.Check(ReelNative.reel_movie_writer_write_image(new reel_movie_writer_t(use.Value), &image));
        }
    }

    /// <summary>The writer's counters (<c>reel_movie_writer_get_stats</c>).</summary>
    public reel_movie_writer_stats_t GetStats()
    {
        using var use = _handle.Use();
        reel_movie_writer_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_movie_writer_stats_t);
        Results.Check(ReelNative.reel_movie_writer_get_stats(new reel_movie_writer_t(use.Value), &stats));
        return stats;
    }

    /// <summary>
    /// Finishes the recording (<c>reel_movie_writer_end</c>): encodes every frame written,
    /// waits until each packet is in the file, patches the frame count and closes it. The
    /// writer is disposed whatever the result.
    /// </summary>
    /// <returns>the final counters.</returns>
    /// <exception cref="ReelException">the file could not be written (<c>REEL_ERROR_IO</c>), or the error that failed the encoder (the frames before it are in the file).</exception>
    public reel_movie_writer_stats_t End()
    {
        nint writer = _handle.Detach(nameof(ReelMovieWriter));
        reel_movie_writer_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_movie_writer_stats_t);
        Results.Check(ReelNative.reel_movie_writer_end(new reel_movie_writer_t(writer), &stats));
        return stats;
    }

    /// <summary>Ends the recording if <see cref="End"/> was not called (errors are not reported).</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t EndWithoutStats(nint handle) => ReelNative.reel_movie_writer_end(new reel_movie_writer_t(handle), null);
}
