namespace Reel.Cache;

/// <summary>One frame the cache wants a producer to decode and insert.</summary>
public readonly struct FrameRequest
{
    /// <summary>Creates a request.</summary>
    public FrameRequest(long frameNumber, bool isDemand, AccessPattern pattern, int direction)
    {
        FrameNumber = frameNumber;
        IsDemand = isDemand;
        Pattern = pattern;
        Direction = direction;
    }

    /// <summary>The frame wanted.</summary>
    public long FrameNumber { get; }

    /// <summary>True when a consumer missed this frame and may be waiting for it; false for prefetch.</summary>
    public bool IsDemand { get; }

    /// <summary>The pattern the cache detected when it queued the request.</summary>
    public AccessPattern Pattern { get; }

    /// <summary>+1 when the playhead moves forward, -1 backward: a decoder may keep decoding that way.</summary>
    public int Direction { get; }
}
