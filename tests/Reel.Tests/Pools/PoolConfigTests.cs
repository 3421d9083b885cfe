using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class PoolConfigTests
{
    private static ReelResult Create(out PoolConfig? config, uint initial = 0, uint max = 0, PoolGrowth growth = PoolGrowth.Linear,
        uint step = 0, ExhaustionPolicy exhaustion = ExhaustionPolicy.Fail, uint wait = 0, uint growLimit = 0, PoolFlags flags = PoolFlags.None) =>
        PoolConfig.TryCreate(initial, max, growth, step, exhaustion, wait, growLimit, 0, 0, flags, 16, "f: desc->config.", out config);

    [Test]
    public void ZeroConfig_GetsBoundedDefaults()
    {
        Assert.That(Create(out PoolConfig? config), Is.EqualTo(ReelResult.Success));
        Assert.That(config, Is.EqualTo(new PoolConfig { Initial = 0, Max = 16, Growth = PoolGrowth.Linear, GrowthStep = 1, Exhaustion = ExhaustionPolicy.Fail,
            WaitTimeoutMs = 1000, GrowLimit = 16, TrimIdleFrames = 0, TrimIdleMs = 0, Flags = PoolFlags.None }));
    }

    [Test]
    public void Fixed_PreallocatesMax()
    {
        Assert.That(Create(out PoolConfig? config, max: 8, growth: PoolGrowth.Fixed), Is.EqualTo(ReelResult.Success));
        Assert.That(config!.Initial, Is.EqualTo(8u));
        Assert.That(Create(out _, initial: 3, max: 8, growth: PoolGrowth.Fixed), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("f: desc->config.initial is 3 but a REEL_POOL_GROWTH_FIXED pool preallocates max (8)"));
    }

    [Test]
    public void Grow_DefaultsToFourTimesMax()
    {
        Assert.That(Create(out PoolConfig? config, max: 10, exhaustion: ExhaustionPolicy.Grow), Is.EqualTo(ReelResult.Success));
        Assert.That(config!.GrowLimit, Is.EqualTo(40u));
    }

    [Test]
    public void InitialAboveMax_IsRefused()
    {
        Assert.That(Create(out _, initial: 9, max: 8), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("f: desc->config.initial is 9, above max (8)"));
    }

    [Test]
    public void MaxAboveSlotLimit_IsRefused()
    {
        Assert.That(Create(out _, max: PoolConfig.SlotLimit + 1), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain($"max is {PoolConfig.SlotLimit + 1}; allowed 1 to {PoolConfig.SlotLimit}"));
    }

    [Test]
    public void UnknownEnumValues_AreRefusedWithTheAllowedNames()
    {
        Assert.That(Create(out _, growth: (PoolGrowth)7), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("growth is 7").And.Contain("REEL_POOL_GROWTH_EXPONENTIAL (2)"));
        Assert.That(Create(out _, exhaustion: (ExhaustionPolicy)(-1)), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("exhaustion is -1"));
        Assert.That(Create(out _, flags: (PoolFlags)5), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("flags is 0x5").And.Contain("REEL_POOL_FLAG_THREAD_CACHE (0x2)"));
    }

    [Test]
    public void GrowLimitWithoutGrowPolicy_IsRefused()
    {
        Assert.That(Create(out _, max: 4, growLimit: 8), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("grow_limit is 8 but exhaustion is not REEL_POOL_EXHAUSTION_GROW"));
        Assert.That(Create(out _, max: 4, exhaustion: ExhaustionPolicy.Grow, growLimit: 3), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("grow_limit is 3; allowed max (4)"));
    }

    [Test]
    public void GrowthStepAboveMax_IsRefused()
    {
        Assert.That(Create(out _, max: 4, step: 5), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("growth_step is 5"));
    }
}
