using Reel.Handles;

namespace Reel.Cache;

/// <summary>The host's <c>reel_frame_cache_request_fn</c>: told (with the cache handle) when requests are waiting.</summary>
public sealed unsafe class HostFrameSource : IFrameSource
{
    private readonly delegate* unmanaged<void*, ulong, void> _callback;
    private readonly void* _userData;
    private ulong _cacheHandle;

    /// <summary>Wraps the callback and its user data.</summary>
    public HostFrameSource(delegate* unmanaged<void*, ulong, void> callback, void* userData)
    {
        _callback = callback;
        _userData = userData;
    }

    /// <summary>Keeps the handle to pass back to the host.</summary>
    public void Attached(FrameCache cache, Handle handle) => _cacheHandle = handle.Value;

    /// <inheritdoc/>
    public void RequestsQueued(FrameCache cache) => _callback(_userData, _cacheHandle);
}
