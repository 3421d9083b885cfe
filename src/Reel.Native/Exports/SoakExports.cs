using System;
using System.IO;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Simulation;

namespace Reel.Native.Exports;

/// <summary>reel_soak_run.</summary>
internal static unsafe class SoakExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_soak_run")]
    public static ReelResult Run(reel_soak_desc_t* desc, reel_soak_result_t* outResult)
    {
        const string Function = "reel_soak_run";
        try
        {
            return RunChecked(desc, outResult, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult RunChecked(reel_soak_desc_t* desc, reel_soak_result_t* outResult, string function)
    {
        reel_soak_desc_t options = default;
        ReelResult result;
        if ((result = Arguments.NotNull(desc, function, "desc")) != ReelResult.Success
            || (result = Arguments.NotNull(outResult, function, "out_result")) != ReelResult.Success
            || (result = VersionedStruct.Read(desc, function, "desc", out options)) != ReelResult.Success)
        {
            return result;
        }
        string? svg = null;
        if (options.svg_path != null && (result = MediaArguments.Path(options.svg_path, function, "desc->svg_path", out svg)) != ReelResult.Success)
            return result;
        var run = new SoakOptions
        {
            Hours = options.hours == 0 ? 24 : options.hours,
            Fps = options.fps == 0 ? 60 : options.fps,
            Scenario = options.scenario,
            Seed = options.seed == 0 ? 1 : options.seed,
            LeakStartMinute = options.leak_start_minute == 0 ? 20 : options.leak_start_minute,
            StopOnAlert = options.stop_on_alert != 0,
            SvgPath = svg,
        };
        SoakResult? soak;
        try
        {
            result = SoakSimulation.Run(run, function, out soak);
        }
        catch (Exception e) when (svg is not null && e is IOException or UnauthorizedAccessException)
        {
            // The chart is the only file a soak writes.
            return LastError.Set(ReelResult.ErrorIo, $"{function}: desc->svg_path {svg} cannot be written: {e.Message}");
        }
        if (result != ReelResult.Success)
            return result;
        var r = new reel_soak_result_t
        {
            frames = (ulong)soak!.Frames,
            virtual_hours = soak.VirtualHours,
            wall_seconds = soak.WallSeconds,
            snapshots = (ulong)soak.Snapshots,
            alerts = (ulong)soak.Alerts,
            leak_start_snapshot = soak.LeakStartSnapshot,
            first_alert_snapshot = soak.FirstAlert?.SnapshotIndex ?? -1,
            steady_growth_bytes_per_hour = soak.SteadyGrowthBytesPerHour ?? double.NaN,
            peak_bytes = (ulong)soak.PeakBytes,
            final_bytes = (ulong)soak.FinalBytes,
            frames_dropped = (ulong)soak.FramesDropped,
            alert_tag = soak.FirstAlert is { Suspects.Count: > 0 } alert ? alert.Suspects[0].Tag : 0,
        };
        if (soak.FirstAlert?.ObjectName is { } name)
            Utf8Argument.Write(name, r.alert_object, 64);
        return VersionedStruct.Write(outResult, in r, function, "out_result");
    }
}
