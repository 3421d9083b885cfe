namespace Reel.Abi;

/// <summary>Severity of a log message: <c>reel_log_level_t</c>. Lower is more severe.</summary>
[CType("reel_log_level_t", MemberPrefix = "REEL_LOG_LEVEL_")]
public enum LogLevel
{
    /// <summary>A failure the host should see even if it ignores results.</summary>
    Error = 1,
    /// <summary>Something degraded: a fallback, a pool grown past its cap.</summary>
    Warning = 2,
    /// <summary>Lifecycle events and summaries.</summary>
    Info = 3,
    /// <summary>Details for diagnosing the host's use of Reel.</summary>
    Debug = 4,
    /// <summary>Per-operation detail.</summary>
    Trace = 5,
}
