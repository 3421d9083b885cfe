using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Context;
using Reel.Errors;
using Reel.Logging;

namespace Reel.Codecs.Sessions;

/// <summary>
/// A context's pool of idle encoders, kept by configuration (<see cref="EncoderSettingsKey"/>)
/// so that <c>reel_encoder_create</c> with a reserved configuration skips the codec's start-up
/// (SVT-AV1 allocates its pictures and starts its threads in init: hundreds of milliseconds at
/// 1080p). What "reset between uses" means here, honestly: SVT-AV1 cannot start a second stream
/// after a flush, so an encoder taken from the pool is replaced (a fresh one is started in the
/// background) the moment it receives its first frame or flush, and is disposed (retired) in
/// the background when its session ends. An encoder whose session ends before its first frame
/// goes back idle as it is, and no replacement was started for it.
/// </summary>
internal sealed class EncoderSessionPool : IContextAttachment
{
    /// <summary>Most idle encoders one configuration may reserve.</summary>
    public const int MaxReserve = 16;

    private static readonly ConditionalWeakTable<ReelContext, EncoderSessionPool> s_pools = new();
    private static readonly object s_poolsLock = new();

    private readonly ReelContext _context;
    private readonly object _lock = new();
    private readonly Dictionary<EncoderSettingsKey, Entry> _entries = new();

    /// <summary>Background work: retire used encoders, start replacements. Guarded by <see cref="_lock"/>.</summary>
    private readonly Queue<Job> _jobs = new();
    private Thread? _worker;
    private bool _stopped;

    private long _requests;
    private long _hits;
    private long _misses;
    private long _returnedUnused;
    private long _replenished;
    private long _retired;
    private long _reconfigured;

    /// <summary>Encoders served with a changed bitrate (they never go back idle). Guarded by <see cref="_lock"/>.</summary>
    private readonly HashSet<IEncoder> _changed = new(ReferenceEqualityComparer.Instance);

    private EncoderSessionPool(ReelContext context) => _context = context;

    /// <summary>The pool of <paramref name="context"/>, or null if nothing was ever reserved there.</summary>
    public static EncoderSessionPool? Find(ReelContext context)
    {
        lock (s_poolsLock)
            return s_pools.TryGetValue(context, out EncoderSessionPool? pool) ? pool : null;
    }

    /// <summary>The pool of <paramref name="context"/>, created (and tied to the context) on first use; null if the context is being destroyed.</summary>
    public static EncoderSessionPool? GetOrCreate(ReelContext context)
    {
        lock (s_poolsLock)
        {
            if (s_pools.TryGetValue(context, out EncoderSessionPool? pool))
                return pool;
            pool = new EncoderSessionPool(context);
            if (!context.Attach(pool))
                return null;
            s_pools.Add(context, pool);
            return pool;
        }
    }

    /// <summary>
    /// Keeps <paramref name="count"/> idle encoders of this configuration ready (0 removes the
    /// configuration and disposes its idle encoders). Missing ones are started now, on the
    /// calling thread, so that a failure is reported here.
    /// </summary>
    public ReelResult Reserve(EncoderSettings settings, IEncoderFactory factory, int count, string function)
    {
        var key = EncoderSettingsKey.Of(settings, factory.Name);
        var surplus = new List<IEncoder>();
        int missing;
        lock (_lock)
        {
            if (_stopped)
                return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: the context is being destroyed");
            if (!_entries.TryGetValue(key, out Entry? entry))
            {
                if (count == 0)
                    return ReelResult.Success;
                entry = new Entry(settings.Clone(), factory);
                _entries.Add(key, entry);
            }
            entry.Target = count;
            while (entry.Idle.Count > count)
                surplus.Add(entry.Idle.Pop());
            RemoveIfReleased(key, entry);
            missing = Math.Max(0, count - entry.Idle.Count - entry.Starting);
            entry.Starting += missing;
        }
        foreach (IEncoder encoder in surplus)
            EncoderInstances.Dispose(encoder, _context);
        for (int i = 0; i < missing; i++)
        {
            ReelResult result = EncoderInstances.Create(factory, settings, _context, $"{function}: starting idle encoder {i + 1} of {missing}", out IEncoder? encoder);
            bool kept = false;
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out Entry? entry))
                {
                    // On failure the starts not attempted are given up too.
                    entry.Starting -= result == ReelResult.Success ? 1 : missing - i;
                    if (result == ReelResult.Success && !_stopped && entry.Idle.Count < entry.Target)
                    {
                        entry.Idle.Push(encoder!);
                        kept = true;
                    }
                    RemoveIfReleased(key, entry);
                }
            }
            if (result != ReelResult.Success)
                return result;
            if (!kept)
                EncoderInstances.Dispose(encoder!, _context);
        }
        return ReelResult.Success;
    }

    /// <summary>
    /// Takes an idle encoder of <paramref name="key"/> if one is ready (a hit; a replacement is
    /// started in the background), otherwise counts a miss. Every call is a request. When no
    /// encoder of exactly this configuration is idle but one differing only in bitrate is, and
    /// its codec changes bitrate on an open encoder (<see cref="ILiveBitrateEncoder"/>: x264),
    /// that one is reconfigured to <paramref name="settings"/>' bitrates and served (a hit, also
    /// counted in reconfigured); a replacement for its own configuration starts at once, since
    /// it can no longer come back as it was. <paramref name="source"/> is the configuration
    /// the encoder came from (the session passes it back to <see cref="OnSpent"/> and
    /// <see cref="Return"/>).
    /// </summary>
    public bool TryTake(EncoderSettingsKey key, EncoderSettings settings, string function, out IEncoder? encoder, out EncoderSettingsKey source)
    {
        encoder = null;
        source = key;
        lock (_lock)
        {
            _requests++;
            if (!_stopped && _entries.TryGetValue(key, out Entry? entry) && entry.Idle.Count > 0)
            {
                encoder = entry.Idle.Pop();
                _hits++;
                // No replacement yet: the encoder may come back unused (see OnSpent).
                return true;
            }
            if (!_stopped && TakeReconfigurable(key, settings, function, out encoder, out source))
            {
                _hits++;
                _reconfigured++;
                return true;
            }
            source = key;
            _misses++;
            return false;
        }
    }

    /// <summary>An idle encoder of a configuration that differs from <paramref name="key"/> only in bitrate, reconfigured live. Under the lock.</summary>
    private bool TakeReconfigurable(EncoderSettingsKey key, EncoderSettings settings, string function, out IEncoder? encoder, out EncoderSettingsKey source)
    {
        encoder = null;
        source = key;
        EncoderSettingsKey wanted = key.WithoutBitrate();
        foreach (KeyValuePair<EncoderSettingsKey, Entry> pair in _entries)
        {
            if (pair.Value.Idle.Count == 0 || pair.Key.WithoutBitrate() != wanted)
                continue;
            if (pair.Value.Idle.Peek() is not ILiveBitrateEncoder live || !live.CanChangeBitrate(out _))
                continue;
            // The codec is idle (no session, no worker): reconfiguring it here is safe.
            if (live.ChangeBitrate(settings.TargetBitrate, settings.MaxBitrate, settings.BufferSize, function) != ReelResult.Success)
                continue;
            encoder = pair.Value.Idle.Pop();
            _changed.Add(encoder);
            source = pair.Key;
            Replenish(pair.Key, pair.Value);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Offers the encoder of a destroyed session. An unused one of a reserved configuration
    /// goes back idle as it is; a used one is retired in the background (and replaced if the
    /// configuration is short). False when the configuration is not reserved: the caller
    /// disposes the encoder itself.
    /// </summary>
    public bool Return(EncoderSettingsKey key, IEncoder encoder)
    {
        lock (_lock)
        {
            if (_stopped || !_entries.TryGetValue(key, out Entry? entry))
                return false;
            bool changed = _changed.Remove(encoder);
            if (encoder.IsUnused && !changed && entry.Idle.Count + entry.Starting < entry.Target)
            {
                // Still as created: it serves the next request as it is.
                entry.Idle.Push(encoder);
                _returnedUnused++;
                return true;
            }
            _retired++;
            Enqueue(new Job(key, encoder));
            if (!changed)
                Replenish(key, entry);
            return true;
        }
    }

    /// <summary>
    /// An encoder taken from the pool received its first frame (or a flush): it can never come
    /// back, so a replacement starts in the background now.
    /// </summary>
    public void OnSpent(EncoderSettingsKey key, IEncoder encoder)
    {
        lock (_lock)
        {
            // A reconfigured encoder was replaced when it was taken.
            if (!_stopped && !_changed.Contains(encoder) && _entries.TryGetValue(key, out Entry? entry))
                Replenish(key, entry);
        }
    }

    /// <summary>The counters now.</summary>
    public EncoderPoolStats GetStats()
    {
        lock (_lock)
        {
            int idle = 0, starting = 0;
            foreach (Entry entry in _entries.Values)
            {
                idle += entry.Idle.Count;
                starting += entry.Starting;
            }
            return new EncoderPoolStats(_entries.Count, _requests, _hits, _misses, _returnedUnused, _replenished, _retired, idle, starting, _reconfigured);
        }
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        Thread? worker;
        lock (_lock)
        {
            _stopped = true;
            worker = _worker;
            Monitor.PulseAll(_lock);
        }
        // The worker finishes the retirements already queued (they hold encoders), then exits.
        worker?.Join();
        var idle = new List<IEncoder>();
        lock (_lock)
        {
            foreach (Entry entry in _entries.Values)
                idle.AddRange(entry.Idle);
            _entries.Clear();
        }
        foreach (IEncoder encoder in idle)
            EncoderInstances.Dispose(encoder, _context);
        lock (s_poolsLock)
            s_pools.Remove(_context);
    }

    /// <summary>Forgets a configuration reserved with count 0 once nothing of it is idle or starting. Under the lock.</summary>
    private void RemoveIfReleased(EncoderSettingsKey key, Entry entry)
    {
        if (entry.Target == 0 && entry.Starting == 0 && entry.Idle.Count == 0)
            _entries.Remove(key);
    }

    /// <summary>Starts enough replacements to bring the configuration back to its target. Under the lock.</summary>
    private void Replenish(EncoderSettingsKey key, Entry entry)
    {
        int missing = entry.Target - entry.Idle.Count - entry.Starting;
        for (int i = 0; i < missing; i++)
        {
            entry.Starting++;
            Enqueue(new Job(key, null));
        }
    }

    /// <summary>Queues background work, starting the worker on first use. Under the lock.</summary>
    private void Enqueue(Job job)
    {
        _jobs.Enqueue(job);
        if (_worker is null)
        {
            _worker = new Thread(Work) { IsBackground = true, Name = "reel-encoder-pool" };
            _worker.Start();
        }
        Monitor.PulseAll(_lock);
    }

    private void Work()
    {
        while (true)
        {
            Job job;
            lock (_lock)
            {
                while (_jobs.Count == 0 && !_stopped)
                    Monitor.Wait(_lock);
                if (_jobs.Count == 0)
                    return;
                job = _jobs.Dequeue();
            }
            try
            {
                if (job.Retire is not null)
                    EncoderInstances.Dispose(job.Retire, _context);
                else
                    StartReplacement(job.Key);
            }
            catch (Exception e)
            {
                // A background failure must not kill the worker (and with it the process).
                _context.Log.Write(LogLevel.Error, $"encoder pool: background work failed (please report): {e.Message}");
            }
        }
    }

    /// <summary>How failures of a background start begin (no C call is running on that thread).</summary>
    private const string ReplacementLabel = "starting a replacement encoder";

    private void StartReplacement(EncoderSettingsKey key)
    {
        Entry? entry;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry))
                return;
            if (_stopped || entry.Idle.Count + entry.Starting > entry.Target)
            {
                // The context is going, or the configuration shrank meanwhile.
                entry.Starting--;
                RemoveIfReleased(key, entry);
                return;
            }
        }
        ReelResult result = EncoderInstances.Create(entry.Factory, entry.Settings, _context, ReplacementLabel, out IEncoder? encoder);
        bool kept = false;
        lock (_lock)
        {
            entry.Starting--;
            if (result == ReelResult.Success && !_stopped && entry.Idle.Count < entry.Target)
            {
                entry.Idle.Push(encoder!);
                _replenished++;
                kept = true;
            }
            RemoveIfReleased(key, entry);
        }
        if (result != ReelResult.Success)
            _context.Log.Write(LogLevel.Warning, $"encoder pool: {LastError.Message}");
        else if (!kept)
            EncoderInstances.Dispose(encoder!, _context);
    }

    /// <summary>One reserved configuration.</summary>
    private sealed class Entry
    {
        public Entry(EncoderSettings settings, IEncoderFactory factory)
        {
            Settings = settings;
            Factory = factory;
        }

        /// <summary>The settings replacements are started with.</summary>
        public EncoderSettings Settings { get; }

        /// <summary>The backend they are started on.</summary>
        public IEncoderFactory Factory { get; }

        /// <summary>Idle encoders the host asked to keep ready.</summary>
        public int Target { get; set; }

        /// <summary>Encoders being started (synchronously by Reserve or in the background).</summary>
        public int Starting { get; set; }

        /// <summary>Ready encoders, most recently returned on top.</summary>
        public Stack<IEncoder> Idle { get; } = new();
    }

    /// <summary>Background work: retire an encoder, or (Retire null) start a replacement for Key.</summary>
    private readonly record struct Job(EncoderSettingsKey Key, IEncoder? Retire);
}
