using NUnit.Framework;
using Reel.Abi;
using Reel.Cache;
using Reel.Errors;

namespace Reel.Tests.Cache;

public class FrameCacheConfigTests
{
    [TestCase(FrameCachePreset.Below720p, 854, 480)]
    [TestCase(FrameCachePreset.Hd1080p, 1920, 1080)]
    [TestCase(FrameCachePreset.Uhd4K, 3840, 2160)]
    public void ForPreset_EveryPreset_IsValidAndHoldsItsFramesWithinTheBudget(FrameCachePreset preset, int width, int height)
    {
        FrameCacheConfig config = FrameCacheConfig.ForPreset(preset);
        Assert.That(config.Validate("test"), Is.EqualTo(ReelResult.Success));
        long frameBytes = (long)width * height * 3 / 2;
        Assert.That((config.RingSize + config.LruCapacity) * frameBytes, Is.LessThanOrEqualTo(config.MemoryBudgetBytes),
            "with 8-bit frames the counts bind before the budget");
        Assert.That(config.RingSize - config.RingSize / 4, Is.GreaterThanOrEqualTo(config.PrefetchDepth),
            "prefetched frames fit in the part of the ring ahead of the playhead");
        Assert.That(config.ProducerQueueCapacity, Is.GreaterThan(config.PrefetchDepth), "a miss always finds a place before the prefetch");
    }

    [TestCase(640, 360, FrameCachePreset.Below720p)]
    [TestCase(1279, 720, FrameCachePreset.Below720p)]
    [TestCase(1280, 720, FrameCachePreset.Hd1080p)]
    [TestCase(1920, 1080, FrameCachePreset.Hd1080p)]
    [TestCase(1920, 1200, FrameCachePreset.Hd1080p)]
    [TestCase(2560, 1440, FrameCachePreset.Uhd4K)]
    [TestCase(4096, 2160, FrameCachePreset.Uhd4K)]
    public void PresetFor_Resolution_PicksItsClass(int width, int height, FrameCachePreset expected)
    {
        Assert.That(FrameCacheConfig.PresetFor(width, height), Is.EqualTo(expected));
    }

    [Test]
    public void Default_IsThe1080pPreset()
    {
        var defaults = new FrameCacheConfig();
        FrameCacheConfig hd = FrameCacheConfig.ForPreset(FrameCachePreset.Hd1080p);
        Assert.That((defaults.RingSize, defaults.LruCapacity, defaults.PrefetchDepth, defaults.MemoryBudgetBytes, defaults.ProducerQueueCapacity),
            Is.EqualTo((hd.RingSize, hd.LruCapacity, hd.PrefetchDepth, hd.MemoryBudgetBytes, hd.ProducerQueueCapacity)));
    }

    private static readonly object[] s_badFields =
    [
        new object[] { new FrameCacheConfig { RingSize = 3 }, "ring_size is 3; must be 4 to 65536" },
        new object[] { new FrameCacheConfig { RingSize = 70000 }, "ring_size is 70000; must be 4 to 65536" },
        new object[] { new FrameCacheConfig { LruCapacity = -1 }, "lru_capacity is -1; must be 0 to 1048576" },
        new object[] { new FrameCacheConfig { RingSize = 16, PrefetchDepth = 17 }, "prefetch_depth is 17; must be 0 to ring_size (16)" },
        new object[] { new FrameCacheConfig { PrefetchDepth = -2 }, "prefetch_depth is -2; must be 0 to ring_size (64)" },
        new object[] { new FrameCacheConfig { MemoryBudgetBytes = 1000 }, "memory_budget is 1000; must be 1048576 (1 MiB) to 1099511627776 (1 TiB)" },
        new object[] { new FrameCacheConfig { ProducerQueueCapacity = 0 }, "queue_capacity is 0; must be 1 to 4096" },
    ];

    [TestCaseSource(nameof(s_badFields))]
    public void Validate_FieldOutOfRange_FailsNamingFieldValueAndRange(FrameCacheConfig config, string expected)
    {
        Assert.That(config.Validate("reel_frame_cache_create: desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Result, Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("reel_frame_cache_create: desc->" + expected));
    }

    [Test]
    public void Check_ValuesAsTheHostGaveThem_AreNamedUnnarrowed()
    {
        // The C API checks reel_frame_cache_desc_t's raw 32- and 64-bit values before narrowing them.
        Assert.That(FrameCacheConfig.Check(uint.MaxValue, 0, 0, 1L << 30, 32, "reel_frame_cache_create: desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("reel_frame_cache_create: desc->ring_size is 4294967295; must be 4 to 65536"));
        Assert.That(FrameCacheConfig.Check(64, 0, 0, ulong.MaxValue, 32, "p: desc->"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("p: desc->memory_budget is 18446744073709551615; must be"));
    }
}
