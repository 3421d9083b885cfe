namespace Reel.Telemetry;

/// <summary>
/// Where a context reports leak alerts and pressure changes. The C API layer implements it
/// with the host's callbacks; it is always called without Reel holding a lock.
/// </summary>
public interface IContextEvents
{
    /// <summary>The leak detector raised an alert.</summary>
    void OnLeak(LeakAlert alert);

    /// <summary>The memory-pressure level changed.</summary>
    void OnPressure(PressureLevel level, long bytesHeld, long budget);
}
