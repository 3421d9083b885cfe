using Reel.Interop;

namespace Reel;

/// <summary>
/// A wait ended without what it waited for: a pool with the WAIT exhaustion policy had no
/// buffer back within its <c>wait_timeout_ms</c> (<c>REEL_TIMEOUT</c>). Thrown only by the
/// methods that have no other way to say it (<see cref="ReelPool.Acquire"/>); the
/// <c>Try</c> methods return <see langword="false"/> instead.
/// </summary>
public sealed class ReelTimeoutException : ReelException
{
    /// <summary>Creates the exception for a timed-out wait.</summary>
    /// <param name="what">What timed out, e.g. "reel_pool_acquire: no buffer came back in time".</param>
    public ReelTimeoutException(string what)
        : base(reel_result_t.REEL_TIMEOUT, what)
    {
    }
}
