using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using NUnit.Framework;
using Reel.Abi;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Tests.Pools;

/// <summary>
/// Several threads acquire, retain, hand buffers to each other and release them, in
/// <see cref="Steps"/> phases of <see cref="OperationsPerPhase"/> operations per thread (a
/// count, not a time, so a loaded machine only makes it slower). After each phase all
/// threads stop at a barrier, keeping what they hold, and the pool
/// is checked against an independent count: in use must equal the distinct buffers that
/// threads own or have passed on, allocated = available + in use, and acquires - releases =
/// in use. Throughout, no buffer may be handed to a second owner while the first owns it.
/// </summary>
public class PoolStressTests : PoolFixture
{
    private const int Threads = 4;
    private const int Steps = 100;
    private const int OperationsPerPhase = 4000;

    [TestCase(ExhaustionPolicy.Fail, false)]
    [TestCase(ExhaustionPolicy.Wait, false)]
    [TestCase(ExhaustionPolicy.Fail, true)]
    [TestCase(ExhaustionPolicy.Wait, true)]
    public void ManyThreads_HundredCheckedSteps_InvariantsHoldAtEveryStep(ExhaustionPolicy policy, bool takeBackCaches)
    {
        FramePool pool = Frames(width: 32, height: 32, config: Config(max: 24, exhaustion: policy, waitMs: 5));
        var owners = new ConcurrentDictionary<nint, int>();      // buffer memory -> owning thread
        var handoff = new ConcurrentQueue<Handle>();              // retained buffers passed to other threads
        var violations = new ConcurrentQueue<string>();
        long operations = 0, steps = 0;
        var watch = Stopwatch.StartNew();
        bool stop = false;

        using var barrier = new Barrier(Threads, _ =>
        {
            // Post-phase: every worker is parked holding its buffers; nothing is in flight.
            var outstanding = new HashSet<nint>(owners.Keys);
            foreach (Handle passed in handoff)
            {
                Buffers.GetFrame(passed, "stress", out FrameView view);
                outstanding.Add(view.Memory);
            }
            PoolStats stats = pool.GetStats();
            if (stats.InUse != outstanding.Count)
                violations.Enqueue($"step {steps}: pool says {stats.InUse} in use, threads hold {outstanding.Count} distinct buffers");
            if (stats.Allocated != stats.Available + stats.InUse)
                violations.Enqueue($"step {steps}: allocated {stats.Allocated} != available {stats.Available} + in use {stats.InUse}");
            if (stats.Acquires - stats.Releases != stats.InUse)
                violations.Enqueue($"step {steps}: acquires {stats.Acquires} - releases {stats.Releases} != in use {stats.InUse}");
            steps++;
            stop = steps >= Steps;
        });

        var workers = Enumerable.Range(0, Threads).Select(id => new Thread(() =>
        {
            var random = new Random(id);
            var mine = new List<Handle>();
            while (!Volatile.Read(ref stop))
            {
                for (int i = 0; i < OperationsPerPhase; i++)
                {
                    Step(pool, id, random, mine, owners, handoff, violations);
                    Interlocked.Increment(ref operations);
                }
                barrier.SignalAndWait();
            }
            foreach (Handle buffer in mine)
                ReleaseOwned(buffer, id, owners, violations);
        })).ToList();
        // Optionally a thread that keeps taking every thread cache back (trim that frees nothing).
        var taker = new Thread(() =>
        {
            while (takeBackCaches && !Volatile.Read(ref stop))
            {
                pool.Trim(24);
                Thread.Sleep(1);
            }
        });
        workers.ForEach(t => t.Start());
        taker.Start();
        workers.ForEach(t => t.Join());
        taker.Join();
        while (handoff.TryDequeue(out Handle passed))
            Buffers.Release(passed, "stress");

        TestContext.Out.WriteLine($"{policy}, take-backs {takeBackCaches}: {operations} operations in {steps} checked steps over {watch.Elapsed.TotalSeconds:F1} s");
        Assert.That(violations, Is.Empty);
        Assert.That(steps, Is.EqualTo(Steps), "the pool was checked after every phase");
        Assert.That(operations, Is.EqualTo((long)Threads * Steps * OperationsPerPhase));
        PoolStats final = pool.GetStats();
        Assert.That(final.InUse, Is.Zero);
        Assert.That(final.PeakInUse, Is.LessThanOrEqualTo(24u));
        Assert.That(final.Trims, Is.Zero, "take-backs free nothing");
        AssertBalanced(pool);
    }

    private static void Step(FramePool pool, int id, Random random, List<Handle> mine, ConcurrentDictionary<nint, int> owners,
        ConcurrentQueue<Handle> handoff, ConcurrentQueue<string> violations)
    {
        int action = random.Next(10);
        // Up to 5 owned buffers per thread (plus passed references) keeps the 24-buffer pool
        // near, and now and then at, its cap: both the free ring and the exhaustion path run.
        if ((action < 5 && mine.Count < 5) || mine.Count == 0)
        {
            ReelResult result = pool.Acquire("stress", out Handle buffer);
            if (result != ReelResult.Success)
                return;
            Buffers.GetFrame(buffer, "stress", out FrameView view);
            if (!owners.TryAdd(view.Memory, id))
                violations.Enqueue($"buffer 0x{view.Memory:x} handed out while thread {owners[view.Memory]} holds it");
            mine.Add(buffer);
        }
        else if (action < 7 && handoff.Count < 8)
        {
            // Retain and pass to whichever thread drains the hand-off queue; it releases that reference.
            Handle buffer = mine[random.Next(mine.Count)];
            if (Buffers.Retain(buffer, "stress") != ReelResult.Success)
                violations.Enqueue("retain of a held buffer failed");
            handoff.Enqueue(buffer);
        }
        else if (action < 9 && handoff.TryDequeue(out Handle passed))
        {
            if (Buffers.Release(passed, "stress") != ReelResult.Success)
                violations.Enqueue("release of a passed reference failed");
        }
        else
        {
            int index = random.Next(mine.Count);
            Handle buffer = mine[index];
            mine.RemoveAt(index);
            ReleaseOwned(buffer, id, owners, violations);
        }
    }

    private static void ReleaseOwned(Handle buffer, int id, ConcurrentDictionary<nint, int> owners, ConcurrentQueue<string> violations)
    {
        Buffers.GetFrame(buffer, "stress", out FrameView view);
        // Ownership ends before the reference does: after release another thread may get the buffer.
        if (!owners.TryRemove(new KeyValuePair<nint, int>(view.Memory, id)))
            violations.Enqueue($"thread {id} released 0x{view.Memory:x} it did not own");
        if (Buffers.Release(buffer, "stress") != ReelResult.Success)
            violations.Enqueue("release of an owned buffer failed");
    }
}
