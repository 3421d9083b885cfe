using System;
using System.Diagnostics;
using System.Threading;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Cache;

/// <summary>
/// The random-access frame cache of an editor's timeline: decoded frames by frame number, a
/// ring for sequential play, an O(1) LRU for random access, and prefetch requests that follow
/// the detected access pattern (forward, reverse, scrub, A–B loop).
/// </summary>
/// <remarks>
/// <para>Ownership: frames are refcounted elsewhere (<see cref="IFrameLifetime"/>).
/// <see cref="Insert"/> retains the frame (the caller keeps its own reference);
/// <see cref="TryGet"/> and <see cref="GetRange"/> hand out frames already retained for the
/// consumer, who releases them; eviction releases only the cache's reference, so a frame a
/// consumer holds is never freed by the cache. Lookup and the consumer's retain happen under
/// one lock, so no eviction can come between them.</para>
/// <para>Producers (a host callback, a decoder session) take requests with
/// <see cref="TryTakeRequest"/>, decode and <see cref="Insert"/>; <see cref="IFrameSource"/>
/// tells them when requests are waiting.</para>
/// <para>Threading: every member is safe from any thread, for any number of producers and
/// consumers. One lock guards the state; it is never held while calling
/// <see cref="IFrameLifetime.Release"/> or the <see cref="IFrameSource"/>.</para>
/// </remarks>
public sealed class FrameCache : IDisposable
{
    /// <summary>Largest frame number (2^48 − 1; 300 years at 30 fps), so predictions never overflow.</summary>
    public const long MaxFrameNumber = (1L << 48) - 1;

    /// <summary>Most frames one <see cref="GetRange"/> may ask for.</summary>
    public const int MaxRangeCount = 4096;

    /// <summary>Frames released per lock round trip when evicting or clearing (stack memory).</summary>
    private const int ReleaseBatchSize = 16;

    /// <summary>Guards every field below; never held while calling Release or the source.</summary>
    private readonly Lock _sync = new();
    /// <summary>Refcounts of the frames (Reel's frame pools).</summary>
    private readonly IFrameLifetime _frames;
    /// <summary>Told when requests are queued; null when producers poll.</summary>
    private readonly IFrameSource? _source;
    /// <summary>The ring and the LRU.</summary>
    private readonly FrameStore _store;
    /// <summary>Requests waiting for producers and in flight.</summary>
    private readonly RequestQueue _queue;
    /// <summary>Where the playhead is and how it moves.</summary>
    private readonly AccessPatternDetector _detector = new();

    /// <summary>Prefetch targets of the current access; preallocated to the depth.</summary>
    private readonly long[] _targets;

    /// <summary><see cref="FrameCacheConfig.MemoryBudgetBytes"/>.</summary>
    private readonly long _budget;
    /// <summary><see cref="FrameCacheConfig.PrefetchDepth"/>.</summary>
    private readonly int _depth;

    /// <summary>Hits and misses per <see cref="AccessPattern"/> value.</summary>
    private readonly long[] _patternHits = new long[5];
    private readonly long[] _patternMisses = new long[5];

    /// <summary>Frames of the clip; 0 = unknown. No request goes at or beyond it.</summary>
    private long _frameCount;
    /// <summary>Set by Dispose; every call fails afterwards.</summary>
    private bool _disposed;

    /// <summary>Counter behind <see cref="FrameCacheStats.Repeats"/>.</summary>
    private long _repeats;
    /// <summary>Counter behind <see cref="FrameCacheStats.RangeHits"/>.</summary>
    private long _rangeHits;
    /// <summary>Counter behind <see cref="FrameCacheStats.RangeMisses"/>.</summary>
    private long _rangeMisses;
    /// <summary>Counter behind <see cref="FrameCacheStats.Inserts"/>.</summary>
    private long _inserts;
    /// <summary>Counter behind <see cref="FrameCacheStats.DuplicateInserts"/>.</summary>
    private long _duplicateInserts;
    /// <summary>Counter behind <see cref="FrameCacheStats.DemandRequests"/>.</summary>
    private long _demandRequests;
    /// <summary>Counter behind <see cref="FrameCacheStats.PrefetchRequests"/>.</summary>
    private long _prefetchRequests;
    /// <summary>Counter behind <see cref="FrameCacheStats.PrefetchIssued"/>.</summary>
    private long _prefetchIssued;
    /// <summary>Counter behind <see cref="FrameCacheStats.PrefetchUsed"/>.</summary>
    private long _prefetchUsed;
    /// <summary>Counter behind <see cref="FrameCacheStats.PrefetchWasted"/>.</summary>
    private long _prefetchWasted;
    /// <summary>Counter behind <see cref="FrameCacheStats.PrefetchCancelled"/>.</summary>
    private long _prefetchCancelled;
    /// <summary>Counter behind <see cref="FrameCacheStats.RequestsAbandoned"/>.</summary>
    private long _requestsAbandoned;
    /// <summary>Counter behind <see cref="FrameCacheStats.Evictions"/>.</summary>
    private long _evictions;

    private FrameCache(FrameCacheConfig config, IFrameLifetime frames, IFrameSource? source)
    {
        Config = config;
        _frames = frames;
        _source = source;
        _budget = config.MemoryBudgetBytes;
        _depth = config.PrefetchDepth;
        _store = new FrameStore(config.RingSize, config.LruCapacity);
        _queue = new RequestQueue(config.ProducerQueueCapacity);
        _targets = new long[Math.Max(1, config.PrefetchDepth)];
    }

    /// <summary>The sizes the cache was created with.</summary>
    public FrameCacheConfig Config { get; }

    /// <summary>
    /// Creates a cache. Fails with <see cref="ReelResult.ErrorInvalidArgument"/> and a message
    /// that starts with <paramref name="function"/> when a field of <paramref name="config"/>
    /// is out of range.
    /// </summary>
    /// <param name="config">Sizes; see <see cref="FrameCacheConfig.ForPreset"/>.</param>
    /// <param name="frames">Refcounts of the frames (Reel's frame pools).</param>
    /// <param name="source">Told when requests are waiting; null when producers poll.</param>
    /// <param name="function">The API function named in failure messages.</param>
    /// <param name="cache">The cache, or null on failure.</param>
    public static ReelResult Create(FrameCacheConfig config, IFrameLifetime frames, IFrameSource? source, string function, out FrameCache? cache)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(frames);
        cache = null;
        // The config is checked once, where it enters (the C API checks the host's desc).
        Debug.Assert(config.Validate($"{function}: ") == ReelResult.Success, $"a frame cache config reached the cache unchecked: {LastError.Message}");
        cache = new FrameCache(config, frames, source);
        return ReelResult.Success;
    }

    /// <summary>
    /// Stores <paramref name="frame"/> as <paramref name="frameNumber"/> and retains it; the
    /// caller's own reference is untouched either way. A frame number already cached keeps
    /// its frame (the new one is not retained). Evicts what the counts and the budget need:
    /// LRU frames first (a stale prediction, else the least recently shown frame, sparing
    /// frames the playhead is about to reach), then ring frames the playhead needs least.
    /// Completes the request for that frame, if any.
    /// </summary>
    /// <returns>Success; ErrorInvalidArgument for frame 0, a frame number out of range or a
    /// size below 1; ErrorLimitReached for a frame larger than the whole budget;
    /// ErrorInvalidHandle after <see cref="Dispose"/>.</returns>
    public ReelResult Insert(long frameNumber, ulong frame, string function = "FrameCache.Insert")
    {
        if (frame == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: frame is 0, which means no frame");
        if (frameNumber is < 0 or > MaxFrameNumber)
            return FrameNumberOutOfRange(function, "frame_number", frameNumber);
        long size = _frames.SizeOf(frame);
        if (size < 1)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: the size of frame 0x{frame:x} is {size} bytes; must be at least 1");
        if (size > _budget)
        {
            return LastError.Set(ReelResult.ErrorLimitReached,
                $"{function}: frame 0x{frame:x} is {size} bytes, more than the whole memory_budget ({_budget})");
        }

        Span<ulong> released = stackalloc ulong[ReleaseBatchSize];
        var batch = new EvictionBatch(released);
        while (true)
        {
            bool done;
            lock (_sync)
            {
                if (_disposed)
                    return Destroyed(function);
                done = InsertLocked(frameNumber, frame, size, ref batch);
            }
            ReleaseAll(ref batch);
            if (done)
                return ReelResult.Success;
        }
    }

    /// <summary>
    /// Looks up a frame for a consumer. On a hit <paramref name="frame"/> is retained for the
    /// caller, who must release it. On a miss the frame is requested (ahead of any prefetch)
    /// and <paramref name="frame"/> is 0. Either way the access feeds the pattern detector
    /// and the prefetch requests are renewed.
    /// </summary>
    /// <returns>Success (hit); NotReady (miss: ask again once a producer inserted it);
    /// ErrorInvalidArgument for a frame number out of range; ErrorInvalidHandle after Dispose.</returns>
    public ReelResult TryGet(long frameNumber, out ulong frame, string function = "FrameCache.TryGet")
    {
        frame = 0;
        if (frameNumber is < 0 or > MaxFrameNumber)
            return FrameNumberOutOfRange(function, "frame_number", frameNumber);
        bool hit;
        bool queued;
        lock (_sync)
        {
            if (_disposed)
                return Destroyed(function);
            bool repeat = frameNumber == _detector.Position;
            if (!repeat)
                _detector.Observe(frameNumber);
            hit = TryHandOut(frameNumber, out frame);
            if (repeat)
            {
                _repeats++;
                // A poll after a miss: make sure the frame is still asked for.
                queued = !hit && AskFor(frameNumber);
            }
            else
            {
                int pattern = (int)_detector.Pattern;
                if (hit)
                    _patternHits[pattern]++;
                else
                    _patternMisses[pattern]++;
                queued = Replan(hit ? -1 : frameNumber);
            }
            AssertInvariants();
        }
        if (queued)
            _source?.RequestsQueued(this);
        return hit ? ReelResult.Success : ReelResult.NotReady;
    }

    /// <summary>
    /// Looks up <c>frames.Length</c> consecutive frames from <paramref name="firstFrame"/> (a
    /// filmstrip, a multi-frame effect). Each found frame is retained for the caller; missing
    /// ones are 0 in <paramref name="frames"/> and are requested. A range is random access: it
    /// does not move the pattern detector's playhead.
    /// </summary>
    /// <returns>Success when every frame was found; NotReady when some were not;
    /// ErrorInvalidArgument for an empty or too long range or one outside the frame numbers;
    /// ErrorInvalidHandle after Dispose.</returns>
    public ReelResult GetRange(long firstFrame, Span<ulong> frames, out int hits, string function = "FrameCache.GetRange")
    {
        hits = 0;
        if (frames.Length is < 1 or > MaxRangeCount)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: count is {frames.Length}; must be 1 to {MaxRangeCount}");
        if (firstFrame < 0 || firstFrame > MaxFrameNumber - (frames.Length - 1))
            return FrameNumberOutOfRange(function, "first_frame", firstFrame, frames.Length);
        bool queued = false;
        lock (_sync)
        {
            if (_disposed)
                return Destroyed(function);
            for (int i = 0; i < frames.Length; i++)
            {
                long frameNumber = firstFrame + i;
                if (TryHandOut(frameNumber, out frames[i]))
                {
                    hits++;
                    continue;
                }
                queued |= AskFor(frameNumber);
            }
            _rangeHits += hits;
            _rangeMisses += frames.Length - hits;
        }
        if (queued)
            _source?.RequestsQueued(this);
        return hits == frames.Length ? ReelResult.Success : ReelResult.NotReady;
    }

    /// <summary>
    /// For producers: the most urgent waiting request (misses first, then prefetch in the
    /// order the playhead will need them). The request is in flight until its frame is
    /// inserted or <see cref="AbandonRequest">abandoned</see>. False when none is waiting.
    /// </summary>
    public bool TryTakeRequest(out FrameRequest request)
    {
        lock (_sync)
        {
            if (_disposed || !_queue.TryTake(out long frameNumber, out bool demand))
            {
                request = default;
                return false;
            }
            if (!demand)
                _prefetchIssued++;
            request = new FrameRequest(frameNumber, demand, _detector.Pattern, _detector.Direction);
            return true;
        }
    }

    /// <summary>
    /// For producers: gives back a request that will not be served (a frame past the end of
    /// the clip, a decode error), so that its place in the queue is free again.
    /// </summary>
    /// <returns>Success; ErrorInvalidArgument when the frame has no pending request.</returns>
    public ReelResult AbandonRequest(long frameNumber, string function = "FrameCache.AbandonRequest")
    {
        lock (_sync)
        {
            if (frameNumber < 0 || !_queue.Complete(frameNumber, out _, out _))
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: frame_number {frameNumber} has no pending request");
            _requestsAbandoned++;
            return ReelResult.Success;
        }
    }

    /// <summary>Tells the cache how many frames the clip has (0 = unknown), so it never requests frames past the end.</summary>
    /// <returns>Success; ErrorInvalidArgument for a negative count or one above MaxFrameNumber + 1.</returns>
    public ReelResult SetFrameCount(long frameCount, string function = "FrameCache.SetFrameCount")
    {
        if (frameCount is < 0 or > MaxFrameNumber + 1)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: frame_count is {frameCount}; must be 0 (unknown) to {MaxFrameNumber + 1}");
        lock (_sync)
            _frameCount = frameCount;
        return ReelResult.Success;
    }

    /// <summary>A snapshot of the counters.</summary>
    public FrameCacheStats GetStats()
    {
        lock (_sync)
        {
            return new FrameCacheStats
            {
                Hits = Sum(_patternHits),
                Misses = Sum(_patternMisses),
                Repeats = _repeats,
                Unknown = PatternAt(AccessPattern.Unknown),
                Forward = PatternAt(AccessPattern.Forward),
                Reverse = PatternAt(AccessPattern.Reverse),
                Scrub = PatternAt(AccessPattern.Scrub),
                Loop = PatternAt(AccessPattern.Loop),
                RangeHits = _rangeHits,
                RangeMisses = _rangeMisses,
                Inserts = _inserts,
                DuplicateInserts = _duplicateInserts,
                DemandRequests = _demandRequests,
                PrefetchRequests = _prefetchRequests,
                PrefetchIssued = _prefetchIssued,
                PrefetchUsed = _prefetchUsed,
                PrefetchWasted = _prefetchWasted,
                PrefetchCancelled = _prefetchCancelled,
                RequestsAbandoned = _requestsAbandoned,
                Evictions = _evictions,
                BytesHeld = _store.BytesHeld,
                RingFrames = _store.RingCount,
                LruFrames = _store.LruCount,
                QueuedRequests = _queue.QueuedCount,
                InFlightRequests = _queue.InFlightCount,
                Pattern = _detector.Pattern,
            };
        }
    }

    /// <summary>
    /// Releases every frame and forgets the requests and the access history (a new clip, a
    /// seek the host knows about). Producers' in-flight inserts still land afterwards.
    /// </summary>
    public void Clear()
    {
        lock (_sync)
        {
            _queue.Clear();
            _detector.Reset();
        }
        ReleaseEverything();
    }

    /// <summary>Releases every frame; later calls fail with ErrorInvalidHandle and producers' inserts are refused.</summary>
    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            _queue.Clear();
        }
        ReleaseEverything();
    }

    /// <summary>Stores a frame under the lock; false when the batch filled before the budget was met.</summary>
    private bool InsertLocked(long frameNumber, ulong frame, long size, ref EvictionBatch batch)
    {
        if (_store.TryFind(frameNumber, out _))
        {
            _duplicateInserts++;
            _queue.Complete(frameNumber, out _, out _);
            return true;
        }
        RingWindow window = PrefetchPlanner.Window(_detector, _store.RingSize);
        // Keep one place in the batch for the frame Add may push out of the counts.
        while (_store.BytesHeld + size > _budget && batch.Room > 1 && _store.EvictOne(window, ref batch))
        {
        }
        bool stored = _store.BytesHeld + size <= _budget;
        if (stored)
        {
            _queue.Complete(frameNumber, out bool demanded, out _);
            _frames.Retain(frame);
            _store.Add(frameNumber, frame, size, speculative: !demanded, window, ref batch);
            _inserts++;
        }
        _evictions += batch.Count;
        _prefetchWasted += batch.Wasted;
        AssertInvariants();
        return stored;
    }

    /// <summary>Finds a frame and retains it for the consumer; under the lock.</summary>
    private bool TryHandOut(long frameNumber, out ulong frame)
    {
        if (!_store.TryFind(frameNumber, out int found))
        {
            frame = 0;
            return false;
        }
        ref CacheNode node = ref _store.Node(found);
        _frames.Retain(node.Frame);
        frame = node.Frame;
        if (node.Speculative && !node.Used)
            _prefetchUsed++;
        node.Used = true;
        _store.Touch(found, PrefetchPlanner.Window(_detector, _store.RingSize));
        return true;
    }

    /// <summary>Queues a demand request behind the waiting ones; true when it is new.</summary>
    private bool AskFor(long frameNumber)
    {
        if (OutsideClip(frameNumber) || !_queue.Append(frameNumber, demand: true))
            return false;
        _demandRequests++;
        return true;
    }

    /// <summary>
    /// Replaces the waiting requests with the current prediction: the missed frame first,
    /// then the prefetch targets not cached or in flight. True when a request is new.
    /// </summary>
    private bool Replan(long missed)
    {
        bool added = false;
        _queue.BeginReplace();
        if (missed >= 0 && !OutsideClip(missed) && _queue.Want(missed, demand: true, out bool isNew) && isNew)
        {
            _demandRequests++;
            added = true;
        }
        int count = PrefetchPlanner.Plan(_detector, _depth, _frameCount, _targets);
        for (int i = 0; i < count; i++)
        {
            long target = _targets[i];
            if (_store.TryFind(target, out _))
                continue;
            if (_queue.Want(target, demand: false, out isNew) && isNew)
            {
                _prefetchRequests++;
                added = true;
            }
        }
        _prefetchCancelled += _queue.EndReplace();
        return added;
    }

    private bool OutsideClip(long frameNumber) => _frameCount > 0 && frameNumber >= _frameCount;

    /// <summary>Detaches and releases every frame, a batch per lock round trip.</summary>
    private void ReleaseEverything()
    {
        Span<ulong> released = stackalloc ulong[ReleaseBatchSize];
        var batch = new EvictionBatch(released);
        bool more = true;
        while (more)
        {
            lock (_sync)
            {
                more = _store.DrainInto(ref batch);
                _prefetchWasted += batch.Wasted;
            }
            ReleaseAll(ref batch);
        }
    }

    /// <summary>Releases the batch's frames; never under the lock.</summary>
    private void ReleaseAll(ref EvictionBatch batch)
    {
        Debug.Assert(!_sync.IsHeldByCurrentThread, "Releases may reach a host allocator: never under the lock.");
        foreach (ulong frame in batch.Frames)
            _frames.Release(frame);
        batch.Reset();
    }

    private PatternStats PatternAt(AccessPattern pattern) => new(_patternHits[(int)pattern], _patternMisses[(int)pattern]);

    private static long Sum(long[] values)
    {
        long sum = 0;
        foreach (long value in values)
            sum += value;
        return sum;
    }

    [Conditional("DEBUG")]
    private void AssertInvariants()
    {
        Debug.Assert(_sync.IsHeldByCurrentThread, "The state is only read and written under the lock.");
        Debug.Assert(_store.BytesHeld <= _budget, "The cache stays within its budget.");
        Debug.Assert(_queue.Depth <= _queue.Capacity, "Waiting plus in-flight requests stay within the queue capacity.");
        _store.AssertInvariants();
    }

    private static ReelResult FrameNumberOutOfRange(string function, string name, long value, int count = 1) =>
        LastError.Set(ReelResult.ErrorInvalidArgument,
            count == 1
                ? $"{function}: {name} is {value}; must be 0 to {MaxFrameNumber}"
                : $"{function}: {name} is {value} with count {count}; the range must lie within 0 to {MaxFrameNumber}");

    private static ReelResult Destroyed(string function) =>
        LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: the frame cache was destroyed");
}
