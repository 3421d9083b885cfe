using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Memory;
using Reel.Simulation;
using Reel.Telemetry;

namespace Reel.Tests.Telemetry;

/// <summary>The 24-hour soak on the virtual clock: steady, leaking and bursty hosts.</summary>
[NonParallelizable]
public class SoakTests
{
    private static SoakResult Run(SoakOptions options)
    {
        Assert.That(SoakSimulation.Run(options, "test", out SoakResult? result), Is.EqualTo(ReelResult.Success), LastError.Message);
        TestContext.Out.WriteLine(
            $"{options.Scenario}: {result!.Frames} frames, {result.VirtualHours:F2} virtual h in {result.WallSeconds:F1} s, " +
            $"{result.Snapshots} snapshots, {result.Alerts} alerts, steady growth {result.SteadyGrowthBytesPerHour?.ToString("F0") ?? "n/a"} B/h, " +
            $"peak {result.PeakBytes / 1e6:F1} MB, dropped {result.FramesDropped}");
        return result;
    }

    [Test]
    public void Steady24Hours_NoGrowthNoAlerts_AndTheChartIsWritten()
    {
        string svg = Path.Combine(TestContext.CurrentContext.WorkDirectory, "soak-steady-24h.svg");
        SoakResult result = Run(new SoakOptions { Hours = 24, Scenario = SoakScenario.Steady, SvgPath = svg });
        Assert.That(result.Frames, Is.EqualTo(24L * 3600 * 60));
        Assert.That(result.Snapshots, Is.EqualTo(1440));
        Assert.That(result.SteadyGrowthBytesPerHour, Is.EqualTo(0.0), "bytes held mid-hour 2 and mid-hour 22 are equal");
        Assert.That(result.Alerts, Is.Zero);
        Assert.That(result.FramesDropped, Is.Zero);
        Assert.That(result.DecodePools, Has.Length.EqualTo(24), "one decode pool per hour: the format changed every hour");
        Assert.That(result.WallSeconds, Is.LessThan(60), "24 virtual hours in well under a minute");
        string chart = File.ReadAllText(svg);
        Assert.That(chart, Does.StartWith("<svg").And.Contain("frame").And.Contain("bitstream").And.Contain("staging").And.Contain("total"));
    }

    [Test]
    public void LeakOneFramePerMinute_AlertsWithinTenSnapshots_NamingThePoolAndTags()
    {
        SoakResult result = Run(new SoakOptions { Hours = 2, Scenario = SoakScenario.Leak, LeakStartMinute = 20, StopOnAlert = true });
        Assert.That(result.Alerts, Is.EqualTo(1));
        var alert = result.FirstAlert!;
        Assert.That(alert.SnapshotIndex - result.LeakStartSnapshot, Is.InRange(1, 10), "alert within 10 snapshots of the leak's start");
        Assert.That(alert.Category, Is.EqualTo(MemoryCategory.Frame));
        Assert.That(alert.ObjectName, Is.EqualTo("decode 1920x1080 h0"));
        Assert.That(alert.CategorySlope, Is.GreaterThan(1_000_000));
        // The leaked frames are tagged with their frame numbers: the first leak is the newest
        // frame decoded at minute 20 (frame 20 * 3600 = 72000 was decoded just before it).
        Assert.That(alert.Suspects, Is.Not.Empty);
        Assert.That(alert.Suspects[0].Tag, Is.EqualTo(72_000UL));
        Assert.That(alert.Suspects[0].AgeFrames, Is.GreaterThan(alert.Suspects[^1].AgeFrames - 1));
    }

    [Test]
    public void Leak24Hours_MoreAlertsThanKept_FirstAlertIsStillTheTrueFirst()
    {
        // Alerts repeat every window while the leak goes on; past the kept history (64) the
        // oldest kept alert is no longer the first one raised.
        SoakResult result = Run(new SoakOptions { Hours = 24, Scenario = SoakScenario.Leak, LeakStartMinute = 20 });
        Assert.That(result.Alerts, Is.GreaterThan(ContextTelemetry.MaxAlertsKept), "more alerts than the history keeps");
        LeakAlert first = result.FirstAlert!;
        Assert.That(first.SnapshotIndex - result.LeakStartSnapshot, Is.InRange(1, 10), "the first alert follows the leak's start");
        Assert.That(first.ObjectName, Is.EqualTo("decode 1920x1080 h0"), "the pool that leaked first, not a later hour's");
        Assert.That(first.Suspects[0].Tag, Is.EqualTo(72_000UL), "the first leaked frame");
    }

    [Test]
    public void Bursty24Hours_BoundedBursts_RaiseNoAlert()
    {
        SoakResult result = Run(new SoakOptions { Hours = 24, Scenario = SoakScenario.Bursty, Seed = 7 });
        if (result.FirstAlert is { } a)
            TestContext.Out.WriteLine($"alert at {a.SnapshotIndex}: {a.Category} slope {a.CategorySlope:F0} trend {a.Trend:F2} object {a.ObjectName} {a.ObjectSlope:F0}");
        Assert.That(result.Alerts, Is.Zero);
        Assert.That(result.PeakBytes, Is.GreaterThan(result.FinalBytes), "bursts came and went");
    }
}
