using System;

namespace Reel.Tests.Cache.Simulation;

/// <summary>
/// One decoder thread in virtual time: it takes the cache's requests one at a time, seeks to
/// the keyframe before each target (or continues when the target follows what it just
/// decoded), decodes forward at <see cref="DecoderModel.DecodeMicroseconds"/> per frame, and
/// inserts each frame the moment it is decoded. Frames decoded on the way to a target are
/// inserted too when <see cref="InsertsFramesOnTheWay"/> (what a Reel decoder session does);
/// otherwise they are thrown away (a decoder that returns only what it was asked for).
/// </summary>
internal sealed class SimulatedDecoder
{
    private readonly DecoderModel _model;
    private readonly CountingFramePool _pool;
    private readonly ISimulatedCache _cache;

    /// <summary>The decoder's own time: when its last decoded frame came out.</summary>
    private long _time;

    private bool _busy;
    private long _target;
    private long _next;

    /// <summary>Last frame the decoder produced (its reference state); -1 before the first.</summary>
    private long _lastDecoded = -1;

    /// <summary>A decoder feeding <paramref name="cache"/> with frames from <paramref name="pool"/>.</summary>
    public SimulatedDecoder(DecoderModel model, CountingFramePool pool, ISimulatedCache cache, bool insertsFramesOnTheWay)
    {
        _model = model;
        _pool = pool;
        _cache = cache;
        InsertsFramesOnTheWay = insertsFramesOnTheWay;
    }

    /// <summary>Whether frames between the keyframe and the target are inserted as well.</summary>
    public bool InsertsFramesOnTheWay { get; }

    /// <summary>Frames decoded so far.</summary>
    public long FramesDecoded { get; private set; }

    /// <summary>Decodes every frame that is finished by virtual time <paramref name="until"/>.</summary>
    public void RunUntil(long until)
    {
        while (Step(until, out _))
        {
        }
        // An idle decoder waits for the clock; a busy one keeps the time its frame started.
        if (!_busy)
            _time = Math.Max(_time, until);
    }

    /// <summary>
    /// Decodes until <paramref name="frameNumber"/> has been inserted (a consumer stalls on a
    /// miss) and returns the virtual time it came out.
    /// </summary>
    public long RunUntilInserted(long frameNumber)
    {
        while (true)
        {
            if (!Step(long.MaxValue, out long produced))
                throw new InvalidOperationException($"the decoder ran out of requests before frame {frameNumber} was asked for");
            if (produced == frameNumber)
                return _time;
        }
    }

    /// <summary>Decodes one frame if it is finished by <paramref name="until"/>; false when idle or not finished.</summary>
    private bool Step(long until, out long produced)
    {
        produced = -1;
        if (!_busy && !StartNextRequest())
            return false;
        long finish = _time + _model.DecodeMicroseconds;
        if (finish > until)
            return false;
        _time = finish;
        long frame = _next;
        _lastDecoded = frame;
        FramesDecoded++;
        if (frame == _target || InsertsFramesOnTheWay)
        {
            ulong decoded = _pool.Allocate(frame, _model.FrameBytes);
            if (decoded == 0)
                throw new InvalidOperationException("the counting pool is exhausted: frames leak");
            _cache.Insert(frame, decoded);
            _pool.Release(decoded); // the decoder's own reference; the cache holds its own
        }
        if (frame == _target)
            _busy = false;
        else
            _next++;
        produced = frame;
        return true;
    }

    private bool StartNextRequest()
    {
        while (_cache.TryTakeRequest(out long target))
        {
            if (target >= _model.FrameCount)
            {
                _cache.AbandonRequest(target);
                continue;
            }
            long keyframe = _model.KeyframeOf(target);
            bool continues = _lastDecoded >= keyframe - 1 && _lastDecoded < target;
            _next = continues ? _lastDecoded + 1 : keyframe;
            _target = target;
            _busy = true;
            return true;
        }
        return false;
    }
}
