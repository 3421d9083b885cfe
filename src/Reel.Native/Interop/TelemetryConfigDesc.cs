using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Telemetry;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_telemetry_config_t</c> (embedded in reel_context_desc_t).</summary>
[CType("reel_telemetry_config_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TelemetryConfigDesc
{
    public delegate* unmanaged<void*, ulong> time_callback;
    public void* time_user_data;
    public uint snapshot_interval_ms;
    public uint snapshot_capacity;
    public uint leak_window;
    public uint leak_warmup_snapshots;
    public ulong leak_threshold_bytes_per_minute;
    public delegate* unmanaged<void*, LeakAlertDesc*, void> leak_callback;
    public delegate* unmanaged<void*, PressureLevel, ulong, ulong, void> pressure_callback;
    public void* callback_user_data;
    public ulong memory_budget;
    public uint pressure_medium_percent;
    public uint pressure_high_percent;
    public uint staging_idle_ms;
    public uint reserved;
}
