namespace Reel.Vulkan.Memory;

/// <summary>
/// One range of a block: free, or used by one allocation. The segments of a block form a
/// doubly linked list in offset order that covers the block without gaps; two free segments
/// are never neighbours (they are merged).
/// </summary>
internal sealed class Segment
{
    /// <summary>Creates a segment over [<paramref name="offset"/>, offset + <paramref name="size"/>).</summary>
    public Segment(ulong offset, ulong size)
    {
        Offset = offset;
        Size = size;
        IsFree = true;
    }

    /// <summary>First byte.</summary>
    public ulong Offset { get; set; }

    /// <summary>Length in bytes (never 0).</summary>
    public ulong Size { get; set; }

    /// <summary>One past the last byte.</summary>
    public ulong End => Offset + Size;

    /// <summary>Whether the range is free.</summary>
    public bool IsFree { get; set; }

    /// <summary>For a used segment, the layout of its resource.</summary>
    public ResourceKind Kind { get; set; }

    /// <summary>The segment before this one, or null at offset 0.</summary>
    public Segment? Previous { get; set; }

    /// <summary>The segment after this one, or null at the block's end.</summary>
    public Segment? Next { get; set; }

    public override string ToString() => $"[{Offset}, {End}) {(IsFree ? "free" : Kind.ToString())}";
}
