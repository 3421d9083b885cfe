using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;
using Reel.Sync;

namespace Reel.Tests.Pools;

/// <summary>
/// What keeps a buffer a GPU or encoder still reads from being handed out again: its release
/// waits for a timeline value (reel_buffer_release_after) or a frame age
/// (reel_buffer_release_deferred), so the pool never sees it before then, whatever order the
/// thread caches reuse buffers in.
/// </summary>
public class DeferredReuseTests : PoolFixture
{
    private const int AcquiresPerThread = 3000;

    [Test]
    public void BufferReleasedAfterATimelineValue_IsNeverAcquiredBeforeTheValueCompletes_TwoThreads()
    {
        // Two "render" threads acquire frames, stamp each with the timeline value of the GPU
        // work that reads it, and release it after that value; a "GPU" thread completes values
        // a few submissions late and ticks the frame clock. Whenever a render thread acquires a
        // frame, the value of its previous use must have completed.
        FramePool pool = Frames(width: 32, height: 32, config: Config(max: 12, exhaustion: ExhaustionPolicy.Wait, waitMs: 2000));
        var timeline = new CpuTimeline();
        var lastUse = new ConcurrentDictionary<nint, ulong>();   // frame memory -> value of its last GPU read
        var violations = new ConcurrentQueue<string>();
        long submitted = 0, reuses = 0;
        bool stop = false;

        var gpu = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                ulong target = (ulong)Math.Max(0, Interlocked.Read(ref submitted) - 3);   // 3 submissions in flight
                if (target > timeline.Value)
                    timeline.Signal(target);
                Context.AdvanceFrame();                                               // runs due deferred releases
                Thread.Yield();
            }
        });
        var render = Enumerable.Range(0, 2).Select(id => new Thread(() =>
        {
            for (int acquired = 0; acquired < AcquiresPerThread;)
            {
                if (pool.Acquire("render", out Handle frame) != ReelResult.Success)
                    continue;   // the 2 s wait ran out (a loaded machine); try again
                acquired++;
                Buffers.GetFrame(frame, "render", out FrameView view);
                ulong completed = timeline.Value;
                if (lastUse.TryGetValue(view.Memory, out ulong previous))
                {
                    Interlocked.Increment(ref reuses);
                    if (previous > completed)
                        violations.Enqueue($"thread {id} got 0x{view.Memory:x} while GPU work {previous} reading it is pending (completed {completed})");
                }
                ulong value = (ulong)Interlocked.Increment(ref submitted);
                lastUse[view.Memory] = value;
                // reel_buffer_release_after: at once if reached, else when the frame clock sees it reached.
                if (timeline.HasReached(value))
                    Buffers.Release(frame, "render");
                else
                    Context.Deferred.ReleaseAtTimeline(frame, timeline, value);
            }
        })).ToList();

        gpu.Start();
        render.ForEach(t => t.Start());
        render.ForEach(t => t.Join());
        Volatile.Write(ref stop, true);
        gpu.Join();
        timeline.Signal(ulong.MaxValue);
        Context.AdvanceFrame();

        TestContext.Out.WriteLine($"{submitted} submissions, {reuses} reuses of a frame after its timeline value");
        Assert.That(violations, Is.Empty);
        Assert.That(reuses, Is.GreaterThanOrEqualTo(2 * AcquiresPerThread - 12), "at most 12 distinct frames: every other acquire is a reuse");
        Assert.That(pool.GetStats().InUse, Is.Zero);
        AssertBalanced(pool);
    }

    [Test]
    public void BufferReleasedDeferredByFrames_ComesBackOnlyAtThatTick()
    {
        FramePool pool = Frames(config: Config(max: 2));
        Handle frame = Acquire(pool);
        nint memory = MemoryOf(frame);
        Context.Deferred.ReleaseAtFrame(frame, Context.Clock.Frame + 2);
        Handle other = Acquire(pool);
        Assert.That(MemoryOf(other), Is.Not.EqualTo(memory), "still referenced by the deferred queue");
        Release(other);
        Context.AdvanceFrame();
        Assert.That(pool.GetStats().InUse, Is.EqualTo(1u), "one tick is not enough");
        Context.AdvanceFrame();
        Assert.That(pool.GetStats().InUse, Is.Zero);
        AssertBalanced(pool);
    }
}
