namespace Reel.Vulkan.Dpb;

/// <summary>The state of one DPB slot.</summary>
internal struct DpbSlot
{
    /// <summary>Whether a picture occupies the slot (acquired, not yet released or recycled).</summary>
    public bool IsActive;

    /// <summary>Whether the active picture is a reference (later pictures predict from it).</summary>
    public bool IsReference;

    /// <summary>The host's frame number of the picture (decode order).</summary>
    public ulong FrameNumber;

    /// <summary>The host's timestamp of the picture (presentation time, any unit).</summary>
    public long Timestamp;

    /// <summary>When the slot last became free, in release order; free slots are reused oldest first.</summary>
    public ulong FreedAt;
}
