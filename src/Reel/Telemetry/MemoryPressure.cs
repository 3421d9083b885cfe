namespace Reel.Telemetry;

/// <summary>
/// The budget and its two thresholds; maps bytes held to a pressure level. A budget of 0
/// means none: the level stays NONE.
/// </summary>
public sealed class MemoryPressure
{
    private long _budget;

    /// <summary>Creates the thresholds (percent of the budget).</summary>
    public MemoryPressure(long budget, uint mediumPercent, uint highPercent)
    {
        _budget = budget;
        MediumPercent = mediumPercent;
        HighPercent = highPercent;
    }

    /// <summary>Bytes the host allows; 0 = no budget.</summary>
    public long Budget
    {
        get => System.Threading.Volatile.Read(ref _budget);
        set => System.Threading.Volatile.Write(ref _budget, value);
    }

    /// <summary>Percent of the budget where MEDIUM starts.</summary>
    public uint MediumPercent { get; }

    /// <summary>Percent of the budget where HIGH starts.</summary>
    public uint HighPercent { get; }

    /// <summary>The level for <paramref name="bytesHeld"/>.</summary>
    public PressureLevel LevelFor(long bytesHeld)
    {
        long budget = Budget;
        if (budget <= 0)
            return PressureLevel.None;
        // Compare in 128-bit-safe order: bytes * 100 cannot overflow for any real budget.
        if (bytesHeld * 100.0 >= budget * (double)HighPercent)
            return PressureLevel.High;
        if (bytesHeld * 100.0 >= budget * (double)MediumPercent)
            return PressureLevel.Medium;
        return PressureLevel.None;
    }
}
