using System;
using System.Diagnostics;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Frames-in to packet-out latency of an encoder session: for every packet, the wall time from
/// the submit of its frame to the packet being available (queued for receive, or written by the
/// sink), and the frames submitted after that frame meanwhile (0: the packet was out before the
/// next frame came). Packets are matched to their frames by pts, which the codec carries
/// through (a random-access encoder puts packets out in a different rhythm than frames go
/// in; every frame gives one packet). Not thread-safe: the session calls it under its lock.
/// No allocation in steady state: the ring of frames in flight grows only when more frames are
/// in flight than ever before.
/// </summary>
internal sealed class EncoderLatency
{
    /// <summary>Frames in flight the ring holds before it first grows: the queue plus a deep codec pipeline.</summary>
    private const int InitialCapacity = 256;

    /// <summary>Frames submitted and not yet out, oldest first (a ring of <see cref="_count"/> from <see cref="_head"/>).</summary>
    private InFlight[] _ring = new InFlight[InitialCapacity];
    private int _head;
    private int _count;
    private long _submitted;

    private long _samples;
    private long _lastFrames;
    private long _maxFrames;
    private long _sumFrames;
    private long _lastTicks;
    private long _maxTicks;
    private long _sumTicks;

    /// <summary>Records that the frame of <paramref name="pts"/> was submitted at <paramref name="ticks"/> (Stopwatch).</summary>
    public void Submitted(long pts, long ticks)
    {
        if (_count == _ring.Length)
            Grow();
        _ring[(_head + _count) % _ring.Length] = new InFlight(pts, ticks, _submitted);
        _count++;
        _submitted++;
    }

    /// <summary>
    /// Records that the packet of <paramref name="pts"/> became available at
    /// <paramref name="ticks"/>. A pts that matches no frame in flight (a codec's own packet)
    /// is not counted.
    /// </summary>
    public void Delivered(long pts, long ticks)
    {
        for (int i = 0; i < _count; i++)
        {
            ref InFlight entry = ref _ring[(_head + i) % _ring.Length];
            if (entry.Done || entry.Pts != pts)
                continue;
            entry.Done = true;
            long frames = _submitted - entry.Ordinal - 1;
            long elapsed = Math.Max(0, ticks - entry.Ticks);
            _samples++;
            _lastFrames = frames;
            _maxFrames = Math.Max(_maxFrames, frames);
            _sumFrames += frames;
            _lastTicks = elapsed;
            _maxTicks = Math.Max(_maxTicks, elapsed);
            _sumTicks += elapsed;
            // Packets mostly come out oldest first: drop the finished prefix.
            while (_count > 0 && _ring[_head].Done)
            {
                _head = (_head + 1) % _ring.Length;
                _count--;
            }
            return;
        }
    }

    /// <summary>The figures now (all 0 before the first packet).</summary>
    public LatencyFigures Figures => _samples == 0
        ? default
        : new LatencyFigures(
            _samples,
            _lastFrames, _maxFrames, (double)_sumFrames / _samples,
            Milliseconds(_lastTicks), Milliseconds(_maxTicks), Milliseconds(_sumTicks) / _samples);

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private void Grow()
    {
        var bigger = new InFlight[_ring.Length * 2];
        for (int i = 0; i < _count; i++)
            bigger[i] = _ring[(_head + i) % _ring.Length];
        _ring = bigger;
        _head = 0;
    }

    /// <summary>A submitted frame: its pts, when it came, its position in the stream, and whether its packet is out.</summary>
    private struct InFlight(long pts, long ticks, long ordinal)
    {
        public readonly long Pts = pts;
        public readonly long Ticks = ticks;
        public readonly long Ordinal = ordinal;
        public bool Done;
    }
}
