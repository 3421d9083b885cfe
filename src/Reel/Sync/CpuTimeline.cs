using System;
using System.Diagnostics;
using System.Threading;
using Reel.Abi;

namespace Reel.Sync;

/// <summary>
/// A CPU timeline: a 64-bit value that only grows, with waits for a value. The Vulkan backend
/// maps the same idea to timeline semaphores; deferred destruction keys work on either.
/// </summary>
public sealed class CpuTimeline : ITimeline
{
    private readonly object _lock = new();
    private ulong _value;

    /// <summary>Creates a timeline at <paramref name="initial"/>.</summary>
    public CpuTimeline(ulong initial = 0) => _value = initial;

    /// <summary>The completed value.</summary>
    public ulong Value => Volatile.Read(ref _value);

    /// <summary>Whether <paramref name="value"/> has completed.</summary>
    public bool HasReached(ulong value) => Value >= value;

    /// <summary>Completes up to <paramref name="value"/>; false (and no change) if it would go backwards.</summary>
    public bool Signal(ulong value)
    {
        lock (_lock)
        {
            if (value < _value)
                return false;
            Volatile.Write(ref _value, value);
            Monitor.PulseAll(_lock);
            return true;
        }
    }

    /// <summary>Waits until <paramref name="value"/> completes: Success, or Timeout after <paramref name="timeoutNs"/>.</summary>
    public ReelResult Wait(ulong value, long timeoutNs)
    {
        if (HasReached(value))
            return ReelResult.Success;
        long deadline = timeoutNs == long.MaxValue ? long.MaxValue : Stopwatch.GetTimestamp() + timeoutNs * Stopwatch.Frequency / 1_000_000_000;
        lock (_lock)
        {
            while (_value < value)
            {
                long now = Stopwatch.GetTimestamp();
                if (now >= deadline)
                    return ReelResult.Timeout;
                int milliseconds = deadline == long.MaxValue ? Timeout.Infinite
                    : (int)Math.Min(int.MaxValue, Math.Max(1, (deadline - now) * 1000 / Stopwatch.Frequency));
                Monitor.Wait(_lock, milliseconds);
            }
        }
        return ReelResult.Success;
    }
}
