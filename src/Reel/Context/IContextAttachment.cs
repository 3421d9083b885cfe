namespace Reel.Context;

/// <summary>
/// A backend object that lives inside a context without core knowing its type (a Vulkan
/// device, say): it hears the frame clock and is torn down with the context. Backends attach
/// themselves with <see cref="ReelContext.Attach"/>; core never references a backend.
/// </summary>
public interface IContextAttachment
{
    /// <summary>
    /// Called by <c>reel_context_advance_frame</c> after due deferred releases ran and before
    /// pools trim: age-based reclaiming and completed GPU work happen here. Never under a
    /// context lock; must not detach other attachments.
    /// </summary>
    void OnFrame(long frame, long nowNanoseconds);

    /// <summary>
    /// Called once when the context is destroyed, before its deferred releases are flushed and
    /// its pools destroyed: the attachment releases everything it holds. It is detached by then.
    /// </summary>
    void OnContextDestroyed();
}
