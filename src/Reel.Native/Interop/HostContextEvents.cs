using System;
using System.Runtime.InteropServices;
using System.Text;
using Reel.Telemetry;

namespace Reel.Native.Interop;

/// <summary>Delivers a context's leak alerts and pressure changes to the host's C callbacks.</summary>
internal sealed unsafe class HostContextEvents : IContextEvents
{
    private readonly delegate* unmanaged<void*, reel_leak_alert_t*, void> _leak;
    private readonly delegate* unmanaged<void*, PressureLevel, ulong, ulong, void> _pressure;
    private readonly void* _userData;

    public HostContextEvents(in reel_telemetry_config_t config)
    {
        _leak = config.leak_callback;
        _pressure = config.pressure_callback;
        _userData = config.callback_user_data;
    }

    public void OnLeak(LeakAlert alert)
    {
        if (_leak == null)
            return;
        var desc = new reel_leak_alert_t
        {
            struct_size = (uint)sizeof(reel_leak_alert_t),
            category = alert.Category,
            time_ns = (ulong)alert.TimeNs,
            frame = (ulong)alert.Frame,
            snapshot_index = (ulong)alert.SnapshotIndex,
            category_bytes_per_minute = alert.CategorySlope,
            category_bytes = (ulong)alert.CategoryBytes,
            trend = alert.Trend,
            pool = alert.ObjectHandle,
            object_bytes_per_minute = alert.ObjectSlope,
            object_bytes = (ulong)alert.ObjectBytes,
            suspect_count = (uint)Math.Min(alert.Suspects.Count, 8),
        };
        for (int i = 0; i < desc.suspect_count; i++)
            desc.suspects[i] = new reel_leak_suspect_t { tag = alert.Suspects[i].Tag, age_frames = (ulong)alert.Suspects[i].AgeFrames, bytes = (ulong)alert.Suspects[i].Bytes };
        // The name lives on the stack for the duration of the callback, as the header promises.
        string name = alert.ObjectName ?? "";
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(name.Length) + 1];
        int length = Encoding.UTF8.GetBytes(name, utf8);
        utf8[length] = 0;
        fixed (byte* text = utf8)
        {
            desc.object_name = alert.ObjectName is null ? null : text;
            _leak(_userData, &desc);
        }
    }

    public void OnPressure(PressureLevel level, long bytesHeld, long budget)
    {
        if (_pressure != null)
            _pressure(_userData, level, (ulong)bytesHeld, (ulong)budget);
    }
}
