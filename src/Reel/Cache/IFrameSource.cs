using Reel.Handles;

namespace Reel.Cache;

/// <summary>
/// Whoever produces frames for a cache: a host callback, or a Reel decoder session that seeks
/// to the keyframe before a requested frame and decodes forward. The cache never decodes; it
/// queues <see cref="FrameRequest"/>s and tells the source they are waiting.
/// </summary>
/// <remarks>
/// The source takes requests with <see cref="FrameCache.TryTakeRequest"/>, decodes, and hands
/// every frame it decoded on the way to <see cref="FrameCache.Insert"/> (frames between the
/// keyframe and the target are free prefetch). A request it cannot serve (past the end of the
/// clip, decode error) goes back with <see cref="FrameCache.AbandonRequest"/>.
/// </remarks>
public interface IFrameSource
{
    /// <summary>
    /// New requests were queued. Called after the cache dropped its lock, on the consumer's
    /// thread that caused them: wake a producer, do not decode here.
    /// </summary>
    void RequestsQueued(FrameCache cache);

    /// <summary>
    /// The cache was created and registered as <paramref name="handle"/>, before any request:
    /// a source that produces on its own thread starts it here.
    /// </summary>
    void Attached(FrameCache cache, Handle handle)
    {
    }

    /// <summary>
    /// The cache is being destroyed and still holds its frames: stop producing and wait until
    /// no producer thread touches the cache any more. Called once, never under a cache lock.
    /// </summary>
    void Detaching()
    {
    }
}
