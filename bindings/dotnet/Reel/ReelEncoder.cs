using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// An AV1 encoder session (<c>reel_encoder_t</c>): frames go in with <see cref="Submit"/>,
/// packets come out with <see cref="Receive"/>, <see cref="Flush"/> ends the stream. Each
/// encoder has one worker thread, the only one that touches the codec.
/// </summary>
/// <remarks>
/// Thread safety: every method is safe from any thread (calls on one encoder are serialised
/// inside Reel); <see cref="Dispose"/> must not race with other calls on it (reel.h, section 11).
/// </remarks>
public sealed unsafe class ReelEncoder : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelEncoder(reel_encoder_t encoder, ReelContext context)
    {
        _handle = new ObjectHandle(encoder.Value, &Destroy);
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>
    /// Settings with <c>struct_size</c>, <paramref name="width"/> and <paramref name="height"/>
    /// set and every other field at its default (AUTO backend, CRF quality 45, MEDIUM preset,
    /// 30 fps unless given); change fields before <see cref="Create"/>.
    /// </summary>
    /// <param name="width">pixels, even, 64..16384 (SVT-AV1).</param>
    /// <param name="height">pixels, even, 64..8704 (SVT-AV1).</param>
    /// <param name="fpsNum">frame rate numerator; 0 = 30.</param>
    /// <param name="fpsDen">frame rate denominator; 0 = 1.</param>
    public static reel_encoder_desc_t DefaultSettings(uint width, uint height, uint fpsNum = 0, uint fpsDen = 0)
    {
        reel_encoder_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_encoder_desc_t);
        desc.width = width;
        desc.height = height;
        desc.fps_num = fpsNum;
        desc.fps_den = fpsDen;
        return desc;
    }

    /// <summary>Checks the settings, picks the backend and starts the encoder (<c>reel_encoder_create</c>).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="settings">from <see cref="DefaultSettings"/>; its <c>name</c> is the host's pointer (or NULL).</param>
    /// <exception cref="ReelException">a field out of range (named: "desc->width is 70000; allowed ..."), the codec library missing (<c>REEL_ERROR_UNSUPPORTED</c>) ...</exception>
    public static ReelEncoder Create(ReelContext context, reel_encoder_desc_t settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var use = context.Use();
        reel_encoder_t encoder;
        Results.Check(ReelNative.reel_encoder_create(new reel_context_t(use.Value), &settings, &encoder));
        return new ReelEncoder(encoder, context);
    }

    /// <summary>
    /// Queues a frame (an I420 frame of the encoder's size, pts above the previous one's) for
    /// encoding (<c>reel_encoder_submit</c>). The encoder takes its own reference: the caller
    /// may dispose its frame right after, but must not write to it any more.
    /// </summary>
    /// <param name="frame">the frame.</param>
    /// <param name="keyframe">make this frame a keyframe (CRF and CQP).</param>
    /// <param name="timeoutMs">how long to wait while the queue is full: 0 = not at all, <c>REEL_WAIT_FOREVER</c>.</param>
    /// <returns>true when queued; false when the queue stayed full (<c>REEL_NOT_READY</c> / <c>REEL_TIMEOUT</c>: the frame was not taken).</returns>
    /// <exception cref="ReelException">a frame of another size or format, a pts not above the last, after <see cref="Flush"/>, the encoder failed.</exception>
    public bool Submit(ReelBuffer frame, bool keyframe = false, uint timeoutMs = 0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var use = _handle.Use();
        using var buffer = frame.Use();
        uint flags = keyframe ? (uint)ReelNative.REEL_ENCODE_FLAG_KEYFRAME : 0u;
        reel_result_t result = Results.Check(
            ReelNative.reel_encoder_submit(new reel_encoder_t(use.Value), new reel_buffer_t(buffer.Value), flags, timeoutMs));
        return result == reel_result_t.REEL_SUCCESS;
    }

    /// <summary>
    /// Takes the next packet in decode order (<c>reel_encoder_receive</c>): a byte buffer
    /// holding one AV1 temporal unit with pts, dts and the keyframe flag.
    /// </summary>
    /// <param name="timeoutMs">how long to wait: 0 = not at all, <c>REEL_WAIT_FOREVER</c>.</param>
    /// <param name="packet">the packet when the result is <c>REEL_SUCCESS</c>, else null; dispose it.</param>
    /// <returns><c>REEL_SUCCESS</c>, <c>REEL_NOT_READY</c> (submit more), <c>REEL_TIMEOUT</c>, or <c>REEL_END_OF_STREAM</c> (flushed and drained).</returns>
    /// <exception cref="ReelException">nothing submitted nor flushed (<c>REEL_ERROR_BAD_STATE</c>), or the error that failed the encoder.</exception>
    public reel_result_t Receive(uint timeoutMs, out ReelBuffer? packet)
    {
        using var use = _handle.Use();
        reel_buffer_t handle;
        reel_result_t result = Results.Check(ReelNative.reel_encoder_receive(new reel_encoder_t(use.Value), timeoutMs, &handle));
        packet = result == reel_result_t.REEL_SUCCESS ? new ReelBuffer(handle, ReelBufferKind.Bytes, _context) : null;
        return result;
    }

    /// <summary>Ends the stream (<c>reel_encoder_flush</c>); <see cref="Receive"/> then returns the remaining packets and <c>REEL_END_OF_STREAM</c>. Does not wait.</summary>
    public void Flush()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_encoder_flush(new reel_encoder_t(use.Value)));
    }

    /// <summary>The encoder's counters (<c>reel_encoder_get_stats</c>); cheap enough for every frame.</summary>
    public reel_encoder_stats_t GetStats()
    {
        using var use = _handle.Use();
        reel_encoder_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_encoder_stats_t);
        Results.Check(ReelNative.reel_encoder_get_stats(new reel_encoder_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Stops the worker and destroys the encoder (<c>reel_encoder_destroy</c>); packets the host holds stay valid.</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_encoder_destroy(new reel_encoder_t(handle));
}
