using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// A random-access cache of decoded frames for editors (<c>reel_frame_cache_t</c>): a ring
/// around the playhead, an LRU, and prefetch requests that follow the access pattern. Fed by
/// the host (a producer takes requests with <see cref="TryTakeRequest"/> and
/// <see cref="Insert"/>s the frames it decodes) or by Reel itself from an IVF file
/// (<see cref="CreateForIvf"/>).
/// </summary>
/// <remarks>
/// Thread safety: everything is safe from any thread (one lock inside Reel);
/// <see cref="Dispose"/> must not race with other calls on the cache. This wrapper does not
/// install a request callback: producers poll <see cref="TryTakeRequest"/>.
/// </remarks>
public sealed unsafe class ReelFrameCache : IDisposable
{
    private readonly ObjectHandle _handle;
    private readonly ReelContext _context;

    private ReelFrameCache(reel_frame_cache_t cache, ReelContext context)
    {
        _handle = new ObjectHandle(cache.Value, &Destroy);
        _context = context;
    }

    /// <summary>The context this object belongs to (kept reachable while it is).</summary>
    public ReelContext Context => _context;

    /// <summary>Settings with <c>struct_size</c> set and every field at the HD preset's default.</summary>
    public static reel_frame_cache_desc_t DefaultSettings()
    {
        reel_frame_cache_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_frame_cache_desc_t);
        return desc;
    }

    /// <summary>Creates a cache the host feeds (<c>reel_frame_cache_create</c>).</summary>
    /// <param name="context">the owning context.</param>
    /// <param name="settings">from <see cref="DefaultSettings"/>; request_callback must be NULL here.</param>
    public static ReelFrameCache Create(ReelContext context, reel_frame_cache_desc_t settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (settings.request_callback != null)
            throw new ArgumentException("settings.request_callback: this wrapper polls TryTakeRequest; create the cache through Reel.Interop to install a callback", nameof(settings));
        using var use = context.Use();
        reel_frame_cache_t cache;
        Results.Check(ReelNative.reel_frame_cache_create(new reel_context_t(use.Value), &settings, &cache));
        return new ReelFrameCache(cache, context);
    }

    /// <summary>
    /// Creates a cache Reel feeds itself from an AV1 IVF file (<c>reel_frame_cache_create_for_ivf</c>):
    /// a decoder thread serves the misses and prefetches; frames' pts are their frame numbers.
    /// </summary>
    /// <param name="context">the owning context.</param>
    /// <param name="ivfPath">the IVF file; kept open until the cache is disposed.</param>
    /// <param name="settings">the cache's sizes, or null for the defaults.</param>
    /// <param name="decoderSettings">the decoder's settings, or null for the defaults.</param>
    /// <exception cref="ReelException">the file cannot be read (<c>REEL_ERROR_IO</c>), is not AV1 IVF, has no keyframe ...</exception>
    public static ReelFrameCache CreateForIvf(ReelContext context, string ivfPath, reel_frame_cache_desc_t? settings = null,
                                              reel_decoder_desc_t? decoderSettings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ivfPath);
        reel_frame_cache_desc_t desc = settings ?? DefaultSettings();
        reel_decoder_desc_t decoder = decoderSettings ?? default;
        byte[] path = Utf8.Terminated(ivfPath, nameof(ivfPath))!;
        using var use = context.Use();
        reel_frame_cache_t cache;
        fixed (byte* pathBytes = path)
            Results.Check(ReelNative.reel_frame_cache_create_for_ivf(new reel_context_t(use.Value), &desc, pathBytes,
                decoderSettings.HasValue ? &decoder : null, &cache));
        return new ReelFrameCache(cache, context);
    }

    /// <summary>Puts a decoded frame in the cache under its number (<c>reel_frame_cache_insert</c>); the cache takes its own reference.</summary>
    public void Insert(long frameNumber, ReelBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        using var use = _handle.Use();
        using var buffer = frame.Use();
        Results.Check(ReelNative.reel_frame_cache_insert(new reel_frame_cache_t(use.Value), frameNumber, new reel_buffer_t(buffer.Value)));
    }

    /// <summary>
    /// Looks a frame up (<c>reel_frame_cache_get</c>); feeds the access-pattern detector.
    /// </summary>
    /// <returns>a new reference to the frame (dispose it), or null on a miss: a request was queued and the producer will insert the frame.</returns>
    public ReelBuffer? Get(long frameNumber)
    {
        using var use = _handle.Use();
        reel_buffer_t frame;
        reel_result_t result = Results.Check(ReelNative.reel_frame_cache_get(new reel_frame_cache_t(use.Value), frameNumber, &frame));
        return result == reel_result_t.REEL_SUCCESS ? new ReelBuffer(frame, ReelBufferKind.Frame, _context) : null;
    }

    /// <summary>Takes the most urgent waiting request (<c>reel_frame_cache_take_request</c>); the producer must insert that frame or <see cref="AbandonRequest"/> it.</summary>
    /// <returns>false when nothing waits.</returns>
    public bool TryTakeRequest(out reel_frame_request_t request)
    {
        using var use = _handle.Use();
        reel_frame_request_t taken = default;
        taken.struct_size = (uint)sizeof(reel_frame_request_t);
        reel_result_t result = Results.Check(ReelNative.reel_frame_cache_take_request(new reel_frame_cache_t(use.Value), &taken));
        request = taken;
        return result == reel_result_t.REEL_SUCCESS;
    }

    /// <summary>Gives back a taken request the producer cannot serve (<c>reel_frame_cache_abandon_request</c>).</summary>
    public void AbandonRequest(long frameNumber)
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_frame_cache_abandon_request(new reel_frame_cache_t(use.Value), frameNumber));
    }

    /// <summary>Tells the cache how many frames the clip has (<c>reel_frame_cache_set_frame_count</c>); 0 = unknown.</summary>
    public void SetFrameCount(long frameCount)
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_frame_cache_set_frame_count(new reel_frame_cache_t(use.Value), frameCount));
    }

    /// <summary>Drops every frame and request (<c>reel_frame_cache_clear</c>); the counters stay.</summary>
    public void Clear()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_frame_cache_clear(new reel_frame_cache_t(use.Value)));
    }

    /// <summary>The cache's counters (<c>reel_frame_cache_get_stats</c>).</summary>
    public reel_frame_cache_stats_t GetStats()
    {
        using var use = _handle.Use();
        reel_frame_cache_stats_t stats = default;
        stats.struct_size = (uint)sizeof(reel_frame_cache_stats_t);
        Results.Check(ReelNative.reel_frame_cache_get_stats(new reel_frame_cache_t(use.Value), &stats));
        return stats;
    }

    /// <summary>Destroys the cache (<c>reel_frame_cache_destroy</c>); frames consumers hold stay valid.</summary>
    public void Dispose() => _handle.Dispose();

    private static reel_result_t Destroy(nint handle) => ReelNative.reel_frame_cache_destroy(new reel_frame_cache_t(handle));
}
