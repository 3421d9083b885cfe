using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Cache;
using Reel.Codecs.Decoders;
using Reel.Codecs.Seeking;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_frame_cache_* (section 10 of reel.h).</summary>
internal static unsafe class FrameCacheExports
{
    private const uint NoPrefetch = 1;
    private const uint RingOnly = 2;

    /// <summary>Frames a decoder-fed cache's consumers may hold besides the cache's own.</summary>
    private const int ConsumerFrames = 8;

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_create")]
    public static ReelResult Create(ulong context, reel_frame_cache_desc_t* desc, ulong* outCache)
    {
        const string Function = "reel_frame_cache_create";
        try
        {
            return CreateChecked(context, desc, outCache, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_create_for_ivf")]
    public static ReelResult CreateForIvf(ulong context, reel_frame_cache_desc_t* desc, byte* ivfPath, reel_decoder_desc_t* decoderDesc, ulong* outCache)
    {
        const string Function = "reel_frame_cache_create_for_ivf";
        try
        {
            return CreateForIvfChecked(context, desc, ivfPath, decoderDesc, outCache, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_destroy")]
    public static ReelResult Destroy(ulong cache)
    {
        const string Function = "reel_frame_cache_destroy";
        try
        {
            return ContextFrameCache.Destroy(new Handle(cache), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_insert")]
    public static ReelResult Insert(ulong cache, long frameNumber, ulong frame)
    {
        const string Function = "reel_frame_cache_insert";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result != ReelResult.Success)
                return result;
            // Only live frame buffers: the message says why another buffer does not fit.
            result = Buffers.GetFrame(new Handle(frame), Function, out _);
            return result != ReelResult.Success ? result : resolved!.Cache.Insert(frameNumber, frame, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_get")]
    public static ReelResult Get(ulong cache, long frameNumber, ulong* outFrame)
    {
        const string Function = "reel_frame_cache_get";
        try
        {
            ReelResult result = Arguments.NotNull(outFrame, Function, "out_frame");
            if (result != ReelResult.Success)
                return result;
            *outFrame = 0;
            result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result != ReelResult.Success)
                return result;
            result = resolved!.Cache.TryGet(frameNumber, out ulong frame, Function);
            *outFrame = frame;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_get_range")]
    public static ReelResult GetRange(ulong cache, long first, uint count, ulong* outFrames, uint* outHits)
    {
        const string Function = "reel_frame_cache_get_range";
        try
        {
            ReelResult result = Arguments.NotNull(outFrames, Function, "out_frames");
            if (result != ReelResult.Success)
                return result;
            if (count is 0 or > FrameCache.MaxRangeCount)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: count is {count}; allowed 1 to {FrameCache.MaxRangeCount}");
            result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result != ReelResult.Success)
                return result;
            var frames = new Span<ulong>(outFrames, (int)count);
            frames.Clear();
            result = resolved!.Cache.GetRange(first, frames, out int hits, Function);
            if (outHits != null)
                *outHits = (uint)hits;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_take_request")]
    public static ReelResult TakeRequest(ulong cache, reel_frame_request_t* outRequest)
    {
        const string Function = "reel_frame_cache_take_request";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result != ReelResult.Success)
                return result;
            // Check the output struct before taking: a taken request must reach the host.
            var empty = default(reel_frame_request_t);
            if ((result = VersionedStruct.Write(outRequest, in empty, Function, "out_request")) != ReelResult.Success)
                return result;
            if (!resolved!.Cache.TryTakeRequest(out FrameRequest request))
                return ReelResult.NotReady;
            var desc = new reel_frame_request_t
            {
                pattern = request.Pattern,
                frame_number = request.FrameNumber,
                direction = request.Direction,
                is_demand = request.IsDemand ? 1u : 0u,
            };
            return VersionedStruct.Write(outRequest, in desc, Function, "out_request");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_abandon_request")]
    public static ReelResult AbandonRequest(ulong cache, long frameNumber)
    {
        const string Function = "reel_frame_cache_abandon_request";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            return result != ReelResult.Success ? result : resolved!.Cache.AbandonRequest(frameNumber, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_set_frame_count")]
    public static ReelResult SetFrameCount(ulong cache, long frameCount)
    {
        const string Function = "reel_frame_cache_set_frame_count";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            return result != ReelResult.Success ? result : resolved!.Cache.SetFrameCount(frameCount, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_clear")]
    public static ReelResult Clear(ulong cache)
    {
        const string Function = "reel_frame_cache_clear";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result == ReelResult.Success)
                resolved!.Cache.Clear();
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_frame_cache_get_stats")]
    public static ReelResult GetStats(ulong cache, reel_frame_cache_stats_t* outStats)
    {
        const string Function = "reel_frame_cache_get_stats";
        try
        {
            ReelResult result = ContextFrameCache.Resolve(new Handle(cache), Function, out ContextFrameCache? resolved);
            if (result != ReelResult.Success)
                return result;
            FrameCacheStats s = resolved!.Cache.GetStats();
            var desc = new reel_frame_cache_stats_t
            {
                pattern = s.Pattern,
                hit_rate = s.HitRate,
                hits = (ulong)s.Hits,
                misses = (ulong)s.Misses,
                repeats = (ulong)s.Repeats,
                inserts = (ulong)s.Inserts,
                duplicate_inserts = (ulong)s.DuplicateInserts,
                demand_requests = (ulong)s.DemandRequests,
                prefetch_issued = (ulong)s.PrefetchIssued,
                prefetch_used = (ulong)s.PrefetchUsed,
                prefetch_wasted = (ulong)s.PrefetchWasted,
                prefetch_cancelled = (ulong)s.PrefetchCancelled,
                requests_abandoned = (ulong)s.RequestsAbandoned,
                evictions = (ulong)s.Evictions,
                bytes_held = (ulong)s.BytesHeld,
                ring_frames = (uint)s.RingFrames,
                lru_frames = (uint)s.LruFrames,
                queued_requests = (uint)s.QueuedRequests,
                in_flight_requests = (uint)s.InFlightRequests,
            };
            for (int p = 0; p < 5; p++)
            {
                PatternStats pattern = s.For((AccessPattern)p);
                desc.pattern_hits[p] = (ulong)pattern.Hits;
                desc.pattern_misses[p] = (ulong)pattern.Misses;
            }
            return VersionedStruct.Write(outStats, in desc, Function, "out_stats");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult CreateChecked(ulong context, reel_frame_cache_desc_t* desc, ulong* outCache, string function)
    {
        ReelResult result;
        if ((result = Arguments.Context(context, function, out ReelContext? ctx)) != ReelResult.Success
            || (result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = Arguments.NotNull(outCache, function, "out_cache")) != ReelResult.Success
            || (result = ReadDesc(desc, function, "desc", out reel_frame_cache_desc_t d, out FrameCacheConfig? config, out string? name)) != ReelResult.Success)
        {
            return result;
        }
        if (d.frame_count < 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->frame_count is {d.frame_count}; allowed 0 (unknown) or more");
        HostFrameSource? source = d.request_callback == null ? null : new HostFrameSource(d.request_callback, d.request_user_data);
        result = ContextFrameCache.Create(ctx!, name ?? "cache", config!, source, d.frame_count, function, out ContextFrameCache? cache);
        if (result == ReelResult.Success)
            *outCache = cache!.Handle.Value;
        return result;
    }

    private static ReelResult CreateForIvfChecked(ulong context, reel_frame_cache_desc_t* desc, byte* ivfPath, reel_decoder_desc_t* decoderDesc, ulong* outCache, string function)
    {
        ReelResult result;
        if ((result = Arguments.Context(context, function, out ReelContext? ctx)) != ReelResult.Success
            || (result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = MediaArguments.Path(ivfPath, function, "ivf_path", out string path)) != ReelResult.Success
            || (result = Arguments.NotNull(outCache, function, "out_cache")) != ReelResult.Success
            || (result = ReadDesc(desc, function, "desc", out reel_frame_cache_desc_t d, out FrameCacheConfig? config, out string? name)) != ReelResult.Success)
        {
            return result;
        }
        if (d.request_callback != null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->request_callback is set; allowed NULL (Reel's decoder serves the requests)");
        if (d.frame_count != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->frame_count is {d.frame_count}; allowed 0 (the file gives the count)");
        // The cache may hold every frame of its ring and LRU at once; a few more for consumers.
        int framesHeld = (int)Math.Min((long)config!.RingSize + config.LruCapacity + ConsumerFrames, int.MaxValue);
        DecoderSessionOptions? options;
        if (decoderDesc == null)
            options = new DecoderSessionOptions { Settings = new DecoderSettings(), FramesHeld = framesHeld, Name = name ?? "cache" };
        else if ((result = DecoderExports.ReadOptions(decoderDesc, function, "decoder_desc", framesHeld, out options)) != ReelResult.Success)
            return result;
        if ((result = SeekingDecoder.Open(ctx!, path, options!, function, out SeekingDecoder? decoder)) != ReelResult.Success)
            return result;
        var source = new DecoderFrameSource(decoder!, ctx!, name ?? "cache");
        result = ContextFrameCache.Create(ctx!, name ?? "cache", config, source, 0, function, out ContextFrameCache? cache);
        if (result != ReelResult.Success)
        {
            decoder!.Dispose();
            return result;
        }
        *outCache = cache!.Handle.Value;
        return ReelResult.Success;
    }

    /// <summary>Checks a <c>reel_frame_cache_desc_t</c> and turns its sizes (0 = the preset's) into a config.</summary>
    private static ReelResult ReadDesc(reel_frame_cache_desc_t* desc, string function, string argument, out reel_frame_cache_desc_t d, out FrameCacheConfig? config, out string? name)
    {
        config = null;
        name = null;
        ReelResult result;
        if ((result = VersionedStruct.Read(desc, function, argument, out d)) != ReelResult.Success
            || (result = Arguments.Reserved(d.reserved, function, $"{argument}->reserved")) != ReelResult.Success
            || (result = Arguments.Name(d.name, function, $"{argument}->name", out name)) != ReelResult.Success)
        {
            return result;
        }
        if ((d.flags & ~(NoPrefetch | RingOnly)) != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->flags is 0x{d.flags:x}; allowed bits are REEL_FRAME_CACHE_FLAG_NO_PREFETCH (0x1) and REEL_FRAME_CACHE_FLAG_RING_ONLY (0x2)");
        FrameCachePreset preset = d.preset switch
        {
            FrameCachePresetC.Hd => FrameCachePreset.Hd1080p,
            FrameCachePresetC.Sd => FrameCachePreset.Below720p,
            FrameCachePresetC.Uhd => FrameCachePreset.Uhd4K,
            _ => (FrameCachePreset)(-1),
        };
        if (preset < 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument}->preset is {(int)d.preset}; allowed REEL_FRAME_CACHE_PRESET_HD (0), _SD (1), _UHD (2)");
        FrameCacheConfig defaults = FrameCacheConfig.ForPreset(preset);
        // The host's values as given (0 = the preset's), checked before they are narrowed.
        Int128 ring = d.ring_size == 0 ? defaults.RingSize : d.ring_size;
        Int128 lru = (d.flags & RingOnly) != 0 ? 0 : d.lru_capacity == 0 ? defaults.LruCapacity : d.lru_capacity;
        Int128 prefetch = (d.flags & NoPrefetch) != 0 ? 0 : d.prefetch_depth == 0 ? defaults.PrefetchDepth : d.prefetch_depth;
        Int128 queue = d.queue_capacity == 0 ? defaults.ProducerQueueCapacity : d.queue_capacity;
        Int128 budget = d.memory_budget == 0 ? defaults.MemoryBudgetBytes : d.memory_budget;
        if ((result = FrameCacheConfig.Check(ring, lru, prefetch, budget, queue, $"{function}: {argument}->")) != ReelResult.Success)
            return result;
        config = new FrameCacheConfig
        {
            RingSize = (int)ring,
            LruCapacity = (int)lru,
            PrefetchDepth = (int)prefetch,
            ProducerQueueCapacity = (int)queue,
            MemoryBudgetBytes = (long)budget,
        };
        return ReelResult.Success;
    }
}
