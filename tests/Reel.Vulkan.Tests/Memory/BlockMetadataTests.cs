using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Memory;

/// <summary>The placement bookkeeping of one block, without Vulkan: alignment, granularity, best fit, merging, invariants.</summary>
public class BlockMetadataTests
{
    [Test]
    public void TryAllocate_AlignsEveryOffset()
    {
        var block = new BlockMetadata(1 << 20, 1);
        Segment first = block.TryAllocate(100, 1, ResourceKind.Linear)!;
        Segment aligned = block.TryAllocate(10, 256, ResourceKind.Linear)!;
        Segment again = block.TryAllocate(1, 4096, ResourceKind.Linear)!;
        Assert.That((first.Offset, aligned.Offset, again.Offset), Is.EqualTo((0UL, 256UL, 4096UL)));
        Assert.That(block.FindInconsistency(), Is.Null);
        Assert.That(block.FreeRangeCount, Is.EqualTo(3), "the padding before 256 and 4096, and the tail");
    }

    [Test]
    public void TryAllocate_LinearThenOptimal_StartsOnTheNextGranularityPage()
    {
        var block = new BlockMetadata(1 << 20, 1024);
        Segment buffer = block.TryAllocate(100, 16, ResourceKind.Linear)!;
        Segment image = block.TryAllocate(100, 16, ResourceKind.Optimal)!;
        Segment secondBuffer = block.TryAllocate(100, 16, ResourceKind.Linear)!;
        Assert.That(buffer.Offset, Is.EqualTo(0UL));
        Assert.That(image.Offset, Is.EqualTo(1024UL), "an optimal image may not share page 0 with the buffer");
        Assert.That(secondBuffer.Offset, Is.EqualTo(112UL), "same-kind resources share pages freely: the gap before the image, at 16-byte alignment");
        Assert.That(block.FindInconsistency(), Is.Null);
    }

    [Test]
    public void TryAllocate_HoleSharingAPageWithTheOtherKind_IsSkipped()
    {
        var block = new BlockMetadata(4096, 1024);
        Segment first = block.TryAllocate(600, 1, ResourceKind.Optimal)!;
        Segment second = block.TryAllocate(1000, 1, ResourceKind.Optimal)!;
        Assert.That((first.Offset, second.Offset), Is.EqualTo((0UL, 600UL)), "images share pages with images");
        block.Free(first);
        // The hole [0, 600) lies on page 0 with the image starting at 600; the tail starts on the image's last page.
        Segment buffer = block.TryAllocate(100, 1, ResourceKind.Linear)!;
        Assert.That(buffer.Offset, Is.EqualTo(2048UL), "neither the hole nor the rest of page 1024: the next page");
        Segment image = block.TryAllocate(100, 1, ResourceKind.Optimal)!;
        Assert.That(image.Offset, Is.EqualTo(1600UL), "an image may use the padding after the other image (the smallest free range), up to the buffer's page");
        Segment large = block.TryAllocate(500, 1, ResourceKind.Optimal)!;
        Assert.That(large.Offset, Is.EqualTo(0UL), "and the hole at 0");
        Assert.That(block.FindInconsistency(), Is.Null);
    }

    [Test]
    public void TryAllocate_PicksTheSmallestHoleThatFits()
    {
        var block = new BlockMetadata(10_000, 1);
        var segments = Enumerable.Range(0, 6).Select(_ => block.TryAllocate(1000, 1, ResourceKind.Linear)!).ToList();
        block.Free(segments[1]);                 // a 1000-byte hole at 1000
        block.Free(segments[3]);
        block.Free(segments[4]);                 // a 2000-byte hole at 3000
        Segment small = block.TryAllocate(900, 1, ResourceKind.Linear)!;
        Segment large = block.TryAllocate(1500, 1, ResourceKind.Linear)!;
        Assert.That(small.Offset, Is.EqualTo(1000UL), "best fit: the 1000-byte hole, not the 2000-byte one or the tail");
        Assert.That(large.Offset, Is.EqualTo(3000UL));
        Assert.That(block.FindInconsistency(), Is.Null);
    }

    [Test]
    public void Free_MergesWithBothNeighbours()
    {
        var block = new BlockMetadata(3000, 1);
        Segment a = block.TryAllocate(1000, 1, ResourceKind.Linear)!;
        Segment b = block.TryAllocate(1000, 1, ResourceKind.Linear)!;
        Segment c = block.TryAllocate(1000, 1, ResourceKind.Linear)!;
        block.Free(a);
        block.Free(c);
        Assert.That(block.FreeRangeCount, Is.EqualTo(2));
        block.Free(b);
        Assert.That(block.FreeRangeCount, Is.EqualTo(1));
        Assert.That(block.LargestFreeRange, Is.EqualTo(3000UL));
        Assert.That(block.IsEmpty, Is.True);
        Assert.That(block.FindInconsistency(), Is.Null);
    }

    [Test]
    public void TryAllocate_FullBlock_ReturnsNull()
    {
        var block = new BlockMetadata(4096, 1);
        Assert.That(block.TryAllocate(4096, 1, ResourceKind.Linear), Is.Not.Null);
        Assert.That(block.TryAllocate(1, 1, ResourceKind.Linear), Is.Null);
        Assert.That(block.TryAllocate(8192, 1, ResourceKind.Linear), Is.Null, "larger than the block");
    }

    [TestCase(1, 7)]
    [TestCase(64, 11)]
    [TestCase(1024, 13)]
    public void RandomSequence_KeepsEveryInvariantAndFreesToOneRange(int granularity, int seed)
    {
        var random = new Random(seed);
        var block = new BlockMetadata(4 << 20, (ulong)granularity);
        var live = new List<Segment>();
        for (int step = 0; step < 4000; step++)
        {
            if (live.Count > 0 && random.Next(3) == 0)
            {
                int index = random.Next(live.Count);
                block.Free(live[index]);
                live.RemoveAt(index);
            }
            else
            {
                ulong size = (ulong)random.Next(1, 64 * 1024);
                ulong alignment = 1UL << random.Next(0, 13);
                var kind = random.Next(2) == 0 ? ResourceKind.Linear : ResourceKind.Optimal;
                if (block.TryAllocate(size, alignment, kind) is { } segment)
                {
                    Assert.That(segment.Offset % alignment, Is.Zero);
                    live.Add(segment);
                }
            }
            if (step % 50 == 0)
                Assert.That(block.FindInconsistency(), Is.Null, $"after step {step}");
        }
        Assert.That(block.UsedBytes, Is.EqualTo(live.Aggregate(0UL, (sum, s) => sum + s.Size)));
        foreach (Segment segment in live)
            block.Free(segment);
        Assert.That(block.FindInconsistency(), Is.Null);
        Assert.That((block.FreeRangeCount, block.LargestFreeRange, block.AllocationCount), Is.EqualTo((1, 4UL << 20, 0)));
    }
}
