using Reel.Abi;
using Reel.Logging;
using Reel.Memory;
using Reel.Telemetry;
using Reel.Time;

namespace Reel.Context;

/// <summary>
/// A context's settings after the C API edge has read and checked <c>reel_context_desc_t</c>:
/// every field here is well-formed; <see cref="ReelContext.Create"/> decides whether it
/// can be served.
/// </summary>
public sealed class ContextOptions
{
    /// <summary>Default <see cref="Name"/>.</summary>
    public const string DefaultName = "reel";

    /// <summary>Default <see cref="LogLevel"/>.</summary>
    public const LogLevel DefaultLogLevel = LogLevel.Warning;

    /// <summary>Packed REEL_API_VERSION the host was built with; 0 = this library's.</summary>
    public uint ApiVersion { get; init; }

    /// <summary>Label used in log messages and stats.</summary>
    public string Name { get; init; } = DefaultName;

    /// <summary>Source of the context's unmanaged memory.</summary>
    public UnmanagedAllocator Allocator { get; init; } = UnmanagedAllocator.System;

    /// <summary>The host's log callback; none by default.</summary>
    public LogCallback LogCallback { get; init; }

    /// <summary>Most verbose level delivered to <see cref="LogCallback"/>.</summary>
    public LogLevel LogLevel { get; init; } = DefaultLogLevel;

    /// <summary>Where time comes from; the monotonic clock by default.</summary>
    public TimeSource Time { get; init; } = MonotonicTimeSource.Instance;

    /// <summary>Snapshots, leak detection, budget and staging settings.</summary>
    public TelemetryOptions Telemetry { get; init; } = new();

    /// <summary>Receives leak alerts and pressure changes (the host's callbacks); none by default.</summary>
    public IContextEvents? Events { get; init; }
}
