using System.Threading;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Lets one call at a time into an object that is not thread-safe (dav1d, a file reader)
/// without holding a lock during the call: the design rule is that host callbacks (the log,
/// pool growth warnings, which dav1d's picture allocator can trigger) never run while Reel
/// holds a lock. Not re-entrant: a callback must not call back into the same object.
/// </summary>
internal sealed class CallGate
{
    private readonly object _lock = new();
    private bool _busy;

    /// <summary>Waits until no call is in progress, then marks one in progress.</summary>
    public void Enter()
    {
        lock (_lock)
        {
            while (_busy)
                Monitor.Wait(_lock);
            _busy = true;
        }
    }

    /// <summary>Ends the call in progress and lets the next caller in.</summary>
    public void Exit()
    {
        lock (_lock)
        {
            _busy = false;
            Monitor.Pulse(_lock);
        }
    }
}
