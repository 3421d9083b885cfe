namespace Reel.Context;

/// <summary>
/// An object that lives inside a context but belongs to a layer the core does not know (a
/// frame cache, an encode or decode session, a movie writer, a Vulkan device). It hears the
/// frame clock, and destroying the context tears it down first, so that the buffers it holds
/// go back before the context reports what is still out and destroys its pools.
/// </summary>
public interface IContextAttachment
{
    /// <summary>
    /// Called by <c>reel_context_advance_frame</c> after due deferred releases ran and before
    /// pools trim: age-based reclaiming and completed GPU work happen here. Never under a
    /// context lock; must not attach or detach. Most attachments ignore it.
    /// </summary>
    void OnFrame(long frame, long nowNanoseconds)
    {
    }

    /// <summary>
    /// The context is being destroyed: stop, release every buffer and free everything; a
    /// handle the host holds becomes stale. Called once, on the destroying thread, outside the
    /// context's locks, after the attachment was detached. It should not throw: an exception
    /// is caught and logged as an error, and teardown goes on.
    /// </summary>
    void OnContextDestroyed();
}
