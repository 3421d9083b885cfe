using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Cache;

/// <summary>
/// A frame cache as the C API sees it (<c>reel_frame_cache_t</c>): a <see cref="FrameCache"/>
/// of Reel frame buffers owned by a context, with its handle.
/// </summary>
public sealed class ContextFrameCache : IContextAttachment
{
    /// <summary>Most caches alive at once.</summary>
    public const int MaxCaches = 4096;

    private static readonly HandleTable<ContextFrameCache> s_registry = new(HandleType.FrameCache, MaxCaches);

    private readonly IFrameSource? _source;

    private ContextFrameCache(ReelContext context, string name, FrameCache cache, IFrameSource? source)
    {
        Context = context;
        Name = name;
        Cache = cache;
        _source = source;
    }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; private set; }

    /// <summary>The owning context.</summary>
    public ReelContext Context { get; }

    /// <summary>Label for logs.</summary>
    public string Name { get; }

    /// <summary>The engine.</summary>
    public FrameCache Cache { get; }

    /// <summary>
    /// Creates a cache of frame buffers in <paramref name="context"/>, fed by
    /// <paramref name="source"/> (the host's callback, a Reel decoder; null when producers
    /// poll), which hears <see cref="IFrameSource.Attached"/> once the cache has its handle and
    /// <see cref="IFrameSource.Detaching"/> before the cache lets go of its frames.
    /// </summary>
    public static ReelResult Create(ReelContext context, string name, FrameCacheConfig config, IFrameSource? source, long frameCount,
        string function, out ContextFrameCache? created)
    {
        created = null;
        ReelResult result = FrameCache.Create(config, BufferFrameLifetime.Instance, source, function, out FrameCache? cache);
        if (result != ReelResult.Success)
            return result;
        if (frameCount > 0 && (result = cache!.SetFrameCount(frameCount, function)) != ReelResult.Success)
        {
            cache.Dispose();
            return result;
        }
        var wrapper = new ContextFrameCache(context, name, cache!, source);
        if (!s_registry.TryAdd(wrapper, out Handle handle))
        {
            cache!.Dispose();
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxCaches} frame caches are alive, the most Reel allows");
        }
        wrapper.Handle = handle;
        if (!context.Attach(wrapper))
        {
            s_registry.TryRemove(handle, out _);
            cache!.Dispose();
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: the context is being destroyed");
        }
        source?.Attached(cache!, handle);
        created = wrapper;
        return ReelResult.Success;
    }

    /// <summary>Resolves a cache handle without locking; sets the error message on failure.</summary>
    public static ReelResult Resolve(Handle handle, string function, out ContextFrameCache? cache)
    {
        HandleError error = s_registry.TryGet(handle, out cache);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.FrameCache, "cache"));
    }

    /// <summary>Destroys a cache: every frame it holds is released. NULL does nothing.</summary>
    public static ReelResult Destroy(Handle handle, string function)
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = s_registry.TryRemove(handle, out ContextFrameCache? cache);
        if (error != HandleError.None)
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, HandleType.FrameCache, "cache"));
        cache!.Context.Detach(cache);
        cache.TearDown();
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        if (s_registry.TryRemove(Handle, out _) == HandleError.None)
            TearDown();
    }

    /// <summary>The producer stops first, so nothing is inserted into a cache that let go of its frames.</summary>
    private void TearDown()
    {
        _source?.Detaching();
        Cache.Dispose();
    }
}
