using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A pool of refcounted buffers of one kind (<c>reel_pool_t</c>): frames of one format and
/// size, audio buffers, or byte buffers in power-of-two size classes. Acquire is lock-free
/// and allocation-free when an idle buffer exists. Disposing the pool frees its idle buffers;
/// buffers still out stay valid until released.
/// </summary>
/// <remarks>
/// Thread safety: acquire, trim and stats are safe from any thread; <see cref="Dispose"/>
/// must not race with other calls on the pool (reel.h, section 5).
/// </remarks>
public sealed unsafe class ReelPool : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelPool(reel_pool_t pool, ReelBufferKind kind, ReelContext context)
    {
        _handle = new ObjectHandle(pool.Value, &Destroy);
        Kind = kind;
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>The kind of buffers this pool hands out.</summary>
    public ReelBufferKind Kind { get; }

    /// <summary>Creates a frame pool (<c>reel_frame_pool_create</c>) of one format and size.</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="format">the pixel format.</param>
    /// <param name="width">pixels, 1..32768.</param>
    /// <param name="height">pixels, 1..32768.</param>
    /// <param name="max">the cap, 1..262144; 0 = 16.</param>
    /// <exception cref="ReelException">a size, format or count out of its range (the message names it).</exception>
    public static ReelPool CreateFramePool(ReelContext context, reel_pixel_format_t format, uint width, uint height, uint max = 0)
    {
        reel_frame_pool_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_frame_pool_desc_t);
        desc.format = format;
        desc.width = width;
        desc.height = height;
        desc.config.max = max;
        return CreateFramePool(context, desc);
    }

    /// <summary>Creates a frame pool from a full description (alignment, padding, growth, exhaustion policy, trimming).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="desc">struct_size set; its <c>name</c> is the host's pointer (or NULL).</param>
    public static ReelPool CreateFramePool(ReelContext context, reel_frame_pool_desc_t desc)
    {
        using var use = context.Use();
        reel_pool_t pool;
        Results.Check(ReelNative.reel_frame_pool_create(new reel_context_t(use.Value), &desc, &pool));
        return new ReelPool(pool, ReelBufferKind.Frame, context);
    }

    /// <summary>Creates a pool of interleaved audio buffers (<c>reel_audio_pool_create</c>).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="format">the sample format.</param>
    /// <param name="channels">interleaved channels, 1..64.</param>
    /// <param name="samplesPerBuffer">samples per channel, 1..1048576.</param>
    /// <param name="sampleRate">Hz, informational; 0 = unknown.</param>
    /// <param name="max">the cap; 0 = 64.</param>
    public static ReelPool CreateAudioPool(ReelContext context, reel_sample_format_t format, uint channels,
                                           uint samplesPerBuffer, uint sampleRate = 0, uint max = 0)
    {
        reel_audio_pool_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_audio_pool_desc_t);
        desc.format = format;
        desc.channels = channels;
        desc.samples_per_buffer = samplesPerBuffer;
        desc.sample_rate = sampleRate;
        desc.config.max = max;
        using var use = context.Use();
        reel_pool_t pool;
        Results.Check(ReelNative.reel_audio_pool_create(new reel_context_t(use.Value), &desc, &pool));
        return new ReelPool(pool, ReelBufferKind.Audio, context);
    }

    /// <summary>Creates a byte pool (<c>reel_byte_pool_create</c>) with power-of-two classes from <paramref name="minClassSize"/> to <paramref name="maxClassSize"/>.</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="minClassSize">smallest class in bytes, a power of two from 256 to 1 GiB; 0 = 64 KiB.</param>
    /// <param name="maxClassSize">largest class; larger requests are refused; 0 = 16 MiB.</param>
    /// <param name="maxPerClass">the cap of each class; 0 = 16.</param>
    public static ReelPool CreateBytePool(ReelContext context, ulong minClassSize = 0, ulong maxClassSize = 0, uint maxPerClass = 0)
    {
        reel_byte_pool_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_byte_pool_desc_t);
        desc.min_class_size = minClassSize;
        desc.max_class_size = maxClassSize;
        desc.config.max = maxPerClass;
        using var use = context.Use();
        reel_pool_t pool;
        Results.Check(ReelNative.reel_byte_pool_create(new reel_context_t(use.Value), &desc, &pool));
        return new ReelPool(pool, ReelBufferKind.Bytes, context);
    }

    /// <summary>
    /// Takes a frame or audio buffer with one reference (<c>reel_pool_acquire</c>); dispose
    /// it to give it back. Its pts and tag are 0.
    /// </summary>
    /// <exception cref="ReelException"><c>REEL_ERROR_LIMIT_REACHED</c> when every buffer is out (FAIL policy), out of memory, a byte pool.</exception>
    /// <exception cref="ReelTimeoutException">WAIT policy: no buffer came back within the pool's wait_timeout_ms.</exception>
    public ReelBuffer Acquire()
    {
        using var use = _handle.Use();
        reel_buffer_t handle;
        reel_result_t result = ReelNative.reel_pool_acquire(new reel_pool_t(use.Value), &handle);
        if (result == reel_result_t.REEL_TIMEOUT)
            throw new ReelTimeoutException("reel_pool_acquire: no buffer came back within the pool's wait_timeout_ms");
        Results.Check(result);
        return new ReelBuffer(handle, Kind, _context);
    }

    /// <summary>
    /// Takes a frame or audio buffer like <see cref="Acquire"/>, returning false instead of
    /// throwing when the pool has none to give: every buffer is out (<c>REEL_ERROR_LIMIT_REACHED</c>)
    /// or a WAIT timed out (<c>REEL_TIMEOUT</c>). Other failures still throw.
    /// </summary>
    public bool TryAcquire(out ReelBuffer? buffer)
    {
        using var use = _handle.Use();
        reel_buffer_t handle;
        reel_result_t result = ReelNative.reel_pool_acquire(new reel_pool_t(use.Value), &handle);
        if (result is reel_result_t.REEL_TIMEOUT or reel_result_t.REEL_ERROR_LIMIT_REACHED)
        {
            buffer = null;
            return false;
        }
        Results.Check(result);
        buffer = new ReelBuffer(handle, Kind, _context);
        return true;
    }

    /// <summary>Takes a byte buffer of at least <paramref name="size"/> bytes (<c>reel_pool_acquire_bytes</c>); its payload size is <paramref name="size"/>.</summary>
    /// <exception cref="ReelException">size 0 or above the largest class, every buffer of the class out, a frame or audio pool.</exception>
    /// <exception cref="ReelTimeoutException">WAIT policy: no buffer came back in time.</exception>
    public ReelBuffer AcquireBytes(nuint size)
    {
        using var use = _handle.Use();
        reel_buffer_t handle;
        reel_result_t result = ReelNative.reel_pool_acquire_bytes(new reel_pool_t(use.Value), size, &handle);
        if (result == reel_result_t.REEL_TIMEOUT)
            throw new ReelTimeoutException("reel_pool_acquire_bytes: no buffer came back within the pool's wait_timeout_ms");
        Results.Check(result);
        return new ReelBuffer(handle, ReelBufferKind.Bytes, _context);
    }

    /// <summary>Frees idle buffers, the longest idle first, until at most <paramref name="keepIdle"/> remain (<c>reel_pool_trim</c>).</summary>
    /// <returns>the number freed.</returns>
    public uint Trim(uint keepIdle = 0)
    {
        using var use = _handle.Use();
        uint freed;
        Results.Check(ReelNative.reel_pool_trim(new reel_pool_t(use.Value), keepIdle, &freed));
        return freed;
    }

    /// <summary>The pool's counters (<c>reel_pool_get_stats</c>); cheap enough for every frame.</summary>
    public reel_pool_stats_t GetStats()
    {
        using var use = _handle.Use();
        reel_pool_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_pool_stats_t);
        Results.Check(ReelNative.reel_pool_get_stats(new reel_pool_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Destroys the pool (<c>reel_pool_destroy</c>): idle buffers are freed, buffers out stay valid until released.</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Borrows the handle for a call that reads into a buffer of this pool.</summary>
    internal ObjectHandle.Borrowed Use() => _handle.Use();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_pool_destroy(new reel_pool_t(handle));
}
