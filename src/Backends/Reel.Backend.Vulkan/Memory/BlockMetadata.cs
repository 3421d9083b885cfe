using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;

namespace Reel.Vulkan.Memory;

/// <summary>
/// The bookkeeping of one memory block, without Vulkan: which ranges are used, which are
/// free, and where a new allocation fits. Placement is best fit (the smallest free range that
/// holds the request after alignment), honouring the allocation's alignment and
/// bufferImageGranularity: a linear and an optimal resource never share a granularity page.
/// Freeing merges the range with free neighbours, so free ranges are always maximal.
/// Not thread-safe; the allocator's lock guards it.
/// </summary>
internal sealed class BlockMetadata
{
    /// <summary>Free segments ordered by size, then offset: the best-fit search is a binary search.</summary>
    private readonly List<Segment> _freeBySize = new();

    /// <summary>The segment at offset 0 (the list covers the block).</summary>
    private Segment _first;

    /// <summary>A block of <paramref name="size"/> bytes, all free; <paramref name="granularity"/> is bufferImageGranularity (a power of two).</summary>
    public BlockMetadata(ulong size, ulong granularity)
    {
        Debug.Assert(size > 0, "A block has bytes.");
        Debug.Assert(BitOperations.IsPow2(granularity), "bufferImageGranularity is a power of two.");
        Size = size;
        Granularity = granularity;
        _first = new Segment(0, size);
        _freeBySize.Add(_first);
    }

    /// <summary>The block size in bytes.</summary>
    public ulong Size { get; }

    /// <summary>The page size that linear and optimal resources may not share.</summary>
    public ulong Granularity { get; }

    /// <summary>Bytes in used segments.</summary>
    public ulong UsedBytes { get; private set; }

    /// <summary>Bytes in free segments (alignment padding included).</summary>
    public ulong FreeBytes => Size - UsedBytes;

    /// <summary>Used segments.</summary>
    public int AllocationCount { get; private set; }

    /// <summary>Whether nothing is allocated.</summary>
    public bool IsEmpty => AllocationCount == 0;

    /// <summary>Free segments (after merging).</summary>
    public int FreeRangeCount => _freeBySize.Count;

    /// <summary>The longest free range; 0 when the block is full.</summary>
    public ulong LargestFreeRange => _freeBySize.Count == 0 ? 0 : _freeBySize[^1].Size;

    /// <summary>The segments in offset order.</summary>
    public IEnumerable<Segment> Segments
    {
        get
        {
            for (Segment? s = _first; s is not null; s = s.Next)
                yield return s;
        }
    }

    /// <summary>
    /// Places <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power of
    /// two) for a resource of <paramref name="kind"/>; returns its used segment, or null when no
    /// free range fits.
    /// </summary>
    public Segment? TryAllocate(ulong size, ulong alignment, ResourceKind kind)
    {
        Debug.Assert(size > 0, "Allocations have bytes.");
        Debug.Assert(BitOperations.IsPow2(alignment), "Alignments are powers of two.");
        if (size > Size)
            return null;
        for (int i = LowerBound(size, 0); i < _freeBySize.Count; i++)
        {
            Segment free = _freeBySize[i];
            if (TryPlace(free, size, alignment, kind, out ulong offset))
            {
                Split(i, free, offset, size, kind);
                return free;
            }
        }
        return null;
    }

    /// <summary>Frees a used segment of this block and merges it with free neighbours.</summary>
    public void Free(Segment segment)
    {
        Debug.Assert(!segment.IsFree, "Only used segments are freed; the allocator guards against double frees.");
        UsedBytes -= segment.Size;
        AllocationCount--;
        segment.IsFree = true;
        if (segment.Previous is { IsFree: true } previous)
        {
            RemoveFree(previous);
            segment.Offset = previous.Offset;
            segment.Size += previous.Size;
            segment.Previous = previous.Previous;
            if (segment.Previous is null)
                _first = segment;
            else
                segment.Previous.Next = segment;
        }
        if (segment.Next is { IsFree: true } next)
        {
            RemoveFree(next);
            segment.Size += next.Size;
            segment.Next = next.Next;
            if (segment.Next is not null)
                segment.Next.Previous = segment;
        }
        InsertFree(segment);
    }

    /// <summary>
    /// Checks every invariant: the segments cover the block in order without gaps, no two free
    /// segments touch, the size index holds exactly the free segments in order, the byte and
    /// allocation counts agree, and no linear and optimal resource share a granularity page.
    /// Returns the first violation, or null. For tests and debug checks; walks the whole block.
    /// </summary>
    public string? FindInconsistency()
    {
        ulong expectedOffset = 0, used = 0;
        int allocations = 0, free = 0;
        Segment? lastUsed = null;
        for (Segment? s = _first, previous = null; s is not null; previous = s, s = s.Next)
        {
            if (s.Previous != previous)
                return $"{s} does not link back to {previous}";
            if (s.Offset != expectedOffset || s.Size == 0)
                return $"{s} should start at {expectedOffset} and be non-empty";
            expectedOffset = s.End;
            if (s.IsFree)
            {
                free++;
                if (previous is { IsFree: true })
                    return $"free segments {previous} and {s} touch; they should have been merged";
                if (!_freeBySize.Contains(s))
                    return $"{s} is free but not in the size index";
                continue;
            }
            used += s.Size;
            allocations++;
            if (lastUsed is not null && lastUsed.Kind != s.Kind && Page(lastUsed.End - 1) == Page(s.Offset))
                return $"{lastUsed} and {s} share a {Granularity}-byte granularity page";
            lastUsed = s;
        }
        if (expectedOffset != Size)
            return $"the segments end at {expectedOffset}, the block at {Size}";
        if (free != _freeBySize.Count)
            return $"{free} free segments but {_freeBySize.Count} in the size index";
        for (int i = 1; i < _freeBySize.Count; i++)
        {
            if (Compare(_freeBySize[i - 1], _freeBySize[i].Size, _freeBySize[i].Offset) >= 0)
                return $"the size index is out of order at {i}";
        }
        if (used != UsedBytes || allocations != AllocationCount)
            return $"counted {used} bytes in {allocations} allocations; the block says {UsedBytes} in {AllocationCount}";
        return null;
    }

    /// <summary>The offset in <paramref name="free"/> where the request fits, honouring its neighbours' pages.</summary>
    private bool TryPlace(Segment free, ulong size, ulong alignment, ResourceKind kind, out ulong offset)
    {
        offset = AlignUp(free.Offset, alignment);
        // Free segments never touch, so the neighbours are used (or absent).
        if (free.Previous is { } before && before.Kind != kind && Page(before.End - 1) == Page(offset))
            offset = AlignUp(offset, Granularity);
        ulong end = offset + size;
        if (end > free.End || end < offset)
            return false;
        if (free.Next is { } after && after.Kind != kind && Page(end - 1) == Page(after.Offset))
            return false;
        return true;
    }

    /// <summary>Turns free segment <paramref name="free"/> (index <paramref name="index"/>) into [offset, offset + size), leaving the rest free.</summary>
    private void Split(int index, Segment free, ulong offset, ulong size, ResourceKind kind)
    {
        _freeBySize.RemoveAt(index);
        ulong end = offset + size;
        if (offset > free.Offset)
        {
            var padding = new Segment(free.Offset, offset - free.Offset) { Previous = free.Previous, Next = free };
            if (padding.Previous is null)
                _first = padding;
            else
                padding.Previous.Next = padding;
            free.Previous = padding;
            InsertFree(padding);
        }
        if (end < free.End)
        {
            var tail = new Segment(end, free.End - end) { Previous = free, Next = free.Next };
            if (tail.Next is not null)
                tail.Next.Previous = tail;
            free.Next = tail;
            InsertFree(tail);
        }
        free.Offset = offset;
        free.Size = size;
        free.IsFree = false;
        free.Kind = kind;
        UsedBytes += size;
        AllocationCount++;
    }

    private ulong Page(ulong offset) => offset & ~(Granularity - 1);

    private static ulong AlignUp(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);

    private void InsertFree(Segment segment) => _freeBySize.Insert(LowerBound(segment.Size, segment.Offset), segment);

    private void RemoveFree(Segment segment)
    {
        int index = LowerBound(segment.Size, segment.Offset);
        Debug.Assert(index < _freeBySize.Count && _freeBySize[index] == segment, "Every free segment is in the size index.");
        _freeBySize.RemoveAt(index);
    }

    /// <summary>The first index whose (size, offset) is not below (<paramref name="size"/>, <paramref name="offset"/>).</summary>
    private int LowerBound(ulong size, ulong offset)
    {
        int low = 0, high = _freeBySize.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (Compare(_freeBySize[middle], size, offset) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static int Compare(Segment segment, ulong size, ulong offset) =>
        segment.Size != size ? segment.Size.CompareTo(size) : segment.Offset.CompareTo(offset);
}
