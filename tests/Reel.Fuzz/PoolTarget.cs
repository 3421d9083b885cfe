using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Fuzz;

/// <summary>
/// The pool and buffer state machine of the engine, driven by operation bytes: frame, audio
/// and byte pools of random shape and policy; acquire, retain, release, release twice, stale
/// and forged handles, trim, destroy with buffers out, the frame clock (trimming), destroying
/// the context with everything out. After every step: each live pool's stats agree
/// (allocated = available + in_use) and in_use equals the buffers this target holds; dead
/// handles answer ErrorInvalidHandle. At the end the context's memory is back to zero.
/// </summary>
internal sealed class PoolTarget : IFuzzTarget
{
    private const string Function = "fuzz";

    private sealed class Held
    {
        public Handle Buffer;
        public int Pool;
        public int References;
    }

    /// <inheritdoc/>
    public string Name => "pool";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        var cursor = new ByteCursor(input);
        Check(ReelContext.Create(new ContextOptions(), Function, out ReelContext? context), "ReelContext.Create");
        var pools = new List<(Pool Pool, bool Alive)>();
        var held = new List<Held>();
        var dead = new List<ulong>();
        bool contextAlive = true;

        for (int step = 0; step < 256 && cursor.More && contextAlive; step++)
        {
            byte op = cursor.U8();
            switch (op % 10)
            {
                case 0:
                    if (pools.Count < 6 && CreatePool(context!, ref cursor, out Pool? created))
                        pools.Add((created!, true));
                    break;
                case 1:
                case 2:
                    if (pools.Count > 0)
                    {
                        int p = cursor.U8() % pools.Count;
                        (Pool source, bool alive) = pools[p];
                        ReelResult r = source.Kind == PoolKind.Bytes
                            ? source.AcquireBytes((nuint)cursor.U16(), Function, out Handle buffer)
                            : source.Acquire(Function, out buffer);
                        if (r == ReelResult.Success)
                        {
                            InvariantException.Check(alive, "a destroyed pool handed out a buffer");
                            InvariantException.Check(held.TrueForAll(h => h.Buffer != buffer), "a held buffer was handed out again");
                            held.Add(new Held { Buffer = buffer, Pool = p, References = 1 });
                        }
                        else
                        {
                            InvariantException.Check(buffer.IsNull, $"acquire failed with {r} and gave a buffer");
                            InvariantException.Check(r is ReelResult.ErrorLimitReached or ReelResult.ErrorInvalidArgument or ReelResult.ErrorInvalidHandle,
                                $"acquire returned {r}");
                        }
                    }
                    break;
                case 3:
                    if (held.Count > 0)
                    {
                        Held h = held[cursor.U8() % held.Count];
                        Check(Buffers.Retain(h.Buffer, Function), "Buffers.Retain");
                        h.References++;
                    }
                    break;
                case 4:
                case 5:
                    if (held.Count > 0)
                    {
                        int i = cursor.U8() % held.Count;
                        Held h = held[i];
                        Check(Buffers.Release(h.Buffer, Function), "Buffers.Release");
                        if (--h.References == 0)
                        {
                            held.RemoveAt(i);
                            dead.Add(h.Buffer.Value);
                        }
                    }
                    break;
                case 6:
                    {
                        // A dead handle, or a forged one: bits of a live handle flipped.
                        ulong value = dead.Count > 0 && (op & 0x10) != 0
                            ? dead[cursor.U8() % dead.Count]
                            : ((ulong)cursor.U16() << 40 | (ulong)cursor.U16() << 16 | cursor.U8()) ^ (held.Count > 0 ? held[0].Buffer.Value : 0);
                        if (value != 0 && held.TrueForAll(h => h.Buffer.Value != value))
                        {
                            var handle = new Handle(value);
                            InvariantException.Check(Buffers.Release(handle, Function) == ReelResult.ErrorInvalidHandle, $"release of dead handle 0x{value:x16}");
                            InvariantException.Check(Buffers.Retain(handle, Function) == ReelResult.ErrorInvalidHandle, $"retain of dead handle 0x{value:x16}");
                        }
                    }
                    break;
                case 7:
                    if (pools.Count > 0)
                    {
                        int p = cursor.U8() % pools.Count;
                        ReelResult r = Pool.Destroy(pools[p].Pool.Handle, Function);
                        InvariantException.Check(r == (pools[p].Alive ? ReelResult.Success : ReelResult.ErrorInvalidHandle), $"Pool.Destroy returned {r}");
                        pools[p] = (pools[p].Pool, false);
                    }
                    break;
                case 8:
                    if (pools.Count > 0 && pools[cursor.U8() % pools.Count] is (Pool trimmed, true))
                        trimmed.Trim((uint)(cursor.U8() & 3));
                    else
                        context!.AdvanceFrame();
                    break;
                default:
                    if (op == 0xFF)
                    {
                        Check(ReelContext.Destroy(context!.Handle, Function), "ReelContext.Destroy");
                        contextAlive = false;
                    }
                    break;
            }
            if (contextAlive)
                CheckCounters(pools, held);
        }

        foreach (Held h in held)
        {
            for (int i = 0; i < h.References; i++)
                Buffers.Release(h.Buffer, Function);
        }
        if (contextAlive)
        {
            foreach ((Pool pool, bool alive) in pools)
            {
                if (alive)
                    Check(Pool.Destroy(pool.Handle, Function), "Pool.Destroy");
            }
            InvariantException.Check(context!.PoolsIncludingDraining().Count == 0, "pools still draining after every buffer came back");
            InvariantException.Check(context.Memory.Total == 0, $"the context holds {context.Memory.Total} bytes after everything was released");
            Check(ReelContext.Destroy(context.Handle, Function), "ReelContext.Destroy");
        }
        foreach (ulong value in dead)
            InvariantException.Check(Buffers.Release(new Handle(value), Function) == ReelResult.ErrorInvalidHandle, "a dead buffer came back to life");
    }

    private static bool CreatePool(ReelContext context, ref ByteCursor cursor, out Pool? pool)
    {
        pool = null;
        byte a = cursor.U8(), b = cursor.U8(), c = cursor.U8();
        ReelResult r = PoolConfig.TryCreate(
            initial: (uint)(a >> 4) % 5, max: 1 + (uint)(a & 7), growth: (PoolGrowth)(b % 4), growthStep: (uint)(b >> 2) & 3,
            exhaustion: (b & 0x10) != 0 ? ExhaustionPolicy.Grow : ExhaustionPolicy.Fail, waitTimeoutMs: 0, growLimit: (uint)(c >> 5),
            trimIdleFrames: (uint)(b >> 5) & 3, trimIdleMs: 0, flags: (PoolFlags)((c >> 3) & 3), defaultMax: 16, "fuzz: ", out PoolConfig? config);
        if (r != ReelResult.Success)
            return false;  // a refused configuration is fine; it must only say so
        switch (c % 3)
        {
            case 0:
                if (FrameLayout.TryCreate((PixelFormat)(1 + a % 7), 1 + (uint)b % 70, 1 + (uint)c % 50, 0, (uint)(a & 0x40), 0, "fuzz: ", out FrameLayout? layout) != ReelResult.Success)
                    return false;
                r = FramePool.Create(context, null, layout!, config!, Function, out FramePool? frames);
                pool = frames;
                break;
            case 1:
                r = AudioPool.Create(context, null, (SampleFormat)(1 + a % 4), 1 + (uint)b % 8, 1 + (uint)c, 48000, config!, Function, out AudioPool? audio);
                pool = audio;
                break;
            default:
                r = BytePool.Create(context, null, 256UL << (a & 3), 256UL << (a & 3) << (b & 3), config!, Function, out BytePool? bytes);
                pool = bytes;
                break;
        }
        InvariantException.Check(r is ReelResult.Success or ReelResult.ErrorInvalidArgument, $"pool creation returned {r}");
        return r == ReelResult.Success;
    }

    private static void CheckCounters(List<(Pool Pool, bool Alive)> pools, List<Held> held)
    {
        for (int p = 0; p < pools.Count; p++)
        {
            if (!pools[p].Alive)
                continue;
            PoolStats s = pools[p].Pool.GetStats();
            InvariantException.Check(s.Allocated == s.Available + s.InUse, $"pool {p}: allocated {s.Allocated} != available {s.Available} + in use {s.InUse}");
            int mine = held.FindAll(h => h.Pool == p).Count;
            InvariantException.Check(s.InUse == mine, $"pool {p}: {s.InUse} in use, this target holds {mine}");
            InvariantException.Check(s.PeakInUse >= s.InUse && s.Acquires >= s.Releases, $"pool {p}: peak {s.PeakInUse}, {s.Acquires} acquires, {s.Releases} releases");
        }
    }

    private static void Check(ReelResult result, string call) =>
        InvariantException.Check(result == ReelResult.Success, $"{call} returned {result}");
}
