using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Cache;

namespace Reel.Tests.Cache;

public class FrameTableTests
{
    [Test]
    public void SetGetRemove_RandomOperations_MatchADictionary()
    {
        var table = new FrameTable(200);
        var reference = new Dictionary<long, int>();
        var random = new Random(3);
        for (int step = 0; step < 200_000; step++)
        {
            // Keys cluster in runs so probe sequences overlap and backward shifts happen.
            long key = random.Next(4) == 0 ? random.NextInt64(1L << 40) : random.Next(400);
            if (random.Next(2) == 0 && reference.Count < 200)
            {
                table.Set(key, step);
                reference[key] = step;
            }
            else
            {
                Assert.That(table.Remove(key), Is.EqualTo(reference.Remove(key)), $"remove {key} at step {step}");
            }
            Assert.That(table.Count, Is.EqualTo(reference.Count));
        }
        foreach ((long key, int value) in reference)
        {
            Assert.That(table.TryGet(key, out int found), Is.True, $"key {key}");
            Assert.That(found, Is.EqualTo(value));
        }
        for (long key = 0; key < 400; key++)
            Assert.That(table.TryGet(key, out _), Is.EqualTo(reference.ContainsKey(key)), $"key {key}");
    }

    [Test]
    public void Set_ExistingKey_ReplacesValueWithoutGrowing()
    {
        var table = new FrameTable(4);
        table.Set(7, 1);
        table.Set(7, 2);
        Assert.That(table.Count, Is.EqualTo(1));
        Assert.That(table.TryGet(7, out int value), Is.True);
        Assert.That(value, Is.EqualTo(2));
    }

    [Test]
    public void Clear_FullTable_LeavesItEmptyAndReusable()
    {
        var table = new FrameTable(64);
        for (long key = 0; key < 64; key++)
            table.Set(key, (int)key);
        table.Clear();
        Assert.That(table.Count, Is.Zero);
        Assert.That(table.TryGet(5, out _), Is.False);
        table.Set(5, 50);
        Assert.That(table.TryGet(5, out int value) && value == 50, Is.True);
    }
}
