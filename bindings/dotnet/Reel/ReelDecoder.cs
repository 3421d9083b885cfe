using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// An AV1 decoder session (<c>reel_decoder_t</c>) that runs on the caller's thread (dav1d
/// decodes on its own workers). Frames come out as buffers of a frame pool the decoder made
/// (I420 for 8-bit, I010 for 10-bit streams), the very memory dav1d decoded into; treat them
/// as read-only (the decoder may still read them as references).
/// </summary>
/// <remarks>
/// Thread safety: every method is safe from any thread (calls are serialised inside Reel);
/// <see cref="Dispose"/> must not race with other calls on it.
/// </remarks>
public sealed unsafe class ReelDecoder : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelDecoder(reel_decoder_t decoder, ReelContext context)
    {
        _handle = new ObjectHandle(decoder.Value, &Destroy);
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>Settings with <c>struct_size</c> set and every field at its default (AUTO backend, one thread per core).</summary>
    public static reel_decoder_desc_t DefaultSettings()
    {
        reel_decoder_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_decoder_desc_t);
        return desc;
    }

    /// <summary>Opens a decoder with default settings (<c>reel_decoder_create</c>).</summary>
    public static ReelDecoder Create(ReelContext context) => Create(context, DefaultSettings());

    /// <summary>Opens a decoder (<c>reel_decoder_create</c>).</summary>
    /// <exception cref="ReelException">a field out of range (named), dav1d missing (<c>REEL_ERROR_UNSUPPORTED</c>) ...</exception>
    public static ReelDecoder Create(ReelContext context, reel_decoder_desc_t settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var use = context.Use();
        reel_decoder_t decoder;
        Results.Check(ReelNative.reel_decoder_create(new reel_context_t(use.Value), &settings, &decoder));
        return new ReelDecoder(decoder, context);
    }

    /// <summary>Gives the decoder one temporal unit, copied before this returns (<c>reel_decoder_submit</c>).</summary>
    /// <returns>true when taken; false when earlier data is still pending (<c>REEL_NOT_READY</c>): <see cref="Receive"/>, then submit the same data again.</returns>
    /// <exception cref="ReelException">damaged data (<c>REEL_ERROR_CORRUPT_DATA</c>; the decoder stays usable), an unsupported format, after <see cref="Flush"/> ...</exception>
    public bool Submit(ReadOnlySpan<byte> data, long pts)
    {
        using var use = _handle.Use();
        fixed (byte* bytes = data)
            return Results.Check(ReelNative.reel_decoder_submit(new reel_decoder_t(use.Value), bytes, (nuint)data.Length, pts))
                   == reel_result_t.REEL_SUCCESS;
    }

    /// <summary>Submits the payload and pts of a packet (<c>reel_decoder_submit_packet</c>); the caller keeps its reference.</summary>
    /// <returns>as <see cref="Submit(ReadOnlySpan{byte}, long)"/>.</returns>
    public bool SubmitPacket(ReelBuffer packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        using var use = _handle.Use();
        using var buffer = packet.Use();
        return Results.Check(ReelNative.reel_decoder_submit_packet(new reel_decoder_t(use.Value), new reel_buffer_t(buffer.Value)))
               == reel_result_t.REEL_SUCCESS;
    }

    /// <summary>Takes the next decoded frame in presentation order (<c>reel_decoder_receive</c>).</summary>
    /// <param name="frame">the frame when the result is <c>REEL_SUCCESS</c>, else null; dispose it.</param>
    /// <returns><c>REEL_SUCCESS</c>, <c>REEL_NOT_READY</c> (submit more) or <c>REEL_END_OF_STREAM</c> (flushed and drained).</returns>
    public reel_result_t Receive(out ReelBuffer? frame)
    {
        using var use = _handle.Use();
        reel_buffer_t handle;
        reel_result_t result = Results.Check(ReelNative.reel_decoder_receive(new reel_decoder_t(use.Value), &handle));
        frame = result == reel_result_t.REEL_SUCCESS ? new ReelBuffer(handle, ReelBufferKind.Frame, _context) : null;
        return result;
    }

    /// <summary>Ends the stream (<c>reel_decoder_flush</c>): <see cref="Receive"/> returns the remaining frames, then <c>REEL_END_OF_STREAM</c>.</summary>
    public void Flush()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_decoder_flush(new reel_decoder_t(use.Value)));
    }

    /// <summary>Drops every frame in flight and pending data, for a seek or a new stream (<c>reel_decoder_reset</c>).</summary>
    public void Reset()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_decoder_reset(new reel_decoder_t(use.Value)));
    }

    /// <summary>The decoder's counters (<c>reel_decoder_get_stats</c>).</summary>
    public reel_decoder_stats_t GetStats()
    {
        using var use = _handle.Use();
        reel_decoder_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_decoder_stats_t);
        Results.Check(ReelNative.reel_decoder_get_stats(new reel_decoder_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Closes the decoder (<c>reel_decoder_destroy</c>); frames the host holds stay valid.</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_decoder_destroy(new reel_decoder_t(handle));
}
