namespace Reel.Codecs.Frames;

/// <summary>
/// A point on a GPU timeline: a timeline semaphore (a VkSemaphore of type TIMELINE for Vulkan,
/// the backend's equivalent elsewhere) and the value it reaches. <see cref="None"/> means "no
/// wait" or "no signal".
/// </summary>
/// <param name="Semaphore">The backend's semaphore handle; 0 for none.</param>
/// <param name="Value">The value waited for or signalled.</param>
public readonly record struct TimelinePoint(ulong Semaphore, ulong Value)
{
    /// <summary>No semaphore.</summary>
    public static TimelinePoint None => default;

    /// <summary>Whether a semaphore is named.</summary>
    public bool IsSet => Semaphore != 0;
}
