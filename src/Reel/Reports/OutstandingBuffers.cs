using System.Collections.Generic;
using System.Text;
using Reel.Context;
using Reel.Pools;

namespace Reel.Reports;

/// <summary>Finds and describes every buffer still out in a context.</summary>
public static class OutstandingBuffers
{
    /// <summary>Lines the teardown log lists before summarising the rest.</summary>
    private const int MaxLoggedBuffers = 32;

    /// <summary>Every buffer out of the context's live and draining pools, oldest first.</summary>
    public static List<OutstandingBuffer> Collect(ReelContext context)
    {
        var found = new List<OutstandingBuffer>();
        long frame = context.Clock.Frame;
        foreach (Pool pool in context.PoolsIncludingDraining())
        {
            foreach (SlotPool slotPool in pool.SlotPools)
            {
                foreach (var buffer in slotPool.Outstanding())
                {
                    found.Add(new OutstandingBuffer(pool.Name, pool.Handle.Value, buffer.Handle, (ulong)slotPool.BufferSize,
                        buffer.AcquiredAtFrame, frame - buffer.AcquiredAtFrame, buffer.Tag, buffer.Pts));
                }
            }
        }
        found.Sort((a, b) => a.AcquiredAtFrame.CompareTo(b.AcquiredAtFrame));
        return found;
    }

    /// <summary>A log message: "prefix N buffer(s) out: pool 'x' buffer 0x.. (bytes, age, tag) ...".</summary>
    public static string Describe(List<OutstandingBuffer> buffers, string prefix)
    {
        var text = new StringBuilder($"{prefix} {buffers.Count} buffer(s) out:");
        for (int i = 0; i < buffers.Count && i < MaxLoggedBuffers; i++)
        {
            OutstandingBuffer b = buffers[i];
            text.Append($"\n  pool '{b.PoolName}' buffer 0x{b.Buffer:x16}: {b.Bytes} bytes, acquired at frame {b.AcquiredAtFrame} " +
                        $"({b.AgeFrames} frames ago), tag 0x{b.Tag:x}, pts {b.Pts}");
        }
        if (buffers.Count > MaxLoggedBuffers)
            text.Append($"\n  ... and {buffers.Count - MaxLoggedBuffers} more (reel_report_outstanding lists them all)");
        return text.ToString();
    }
}
