using System;
using System.Collections.Generic;
using Reel.Memory;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>
/// The allocation trace of a transcoding pipeline over three resolutions (1080p, 2160p, 720p):
/// at each resolution a 17-picture DPB (NV12-sized images, device-local, charged as DPB); per
/// frame a bitstream buffer (upload; keyframes every 60 frames are larger), a staging buffer of
/// one picture (upload) and an encoded-packet buffer (readback), each destroyed three frames
/// later (frames in flight). A resolution change destroys the DPB and everything in flight.
/// Deterministic for a seed.
/// </summary>
internal static class VideoTrace
{
    /// <summary>The resolutions the trace visits, in order.</summary>
    public static readonly (uint Width, uint Height)[] Resolutions = [(1920, 1080), (3840, 2160), (1280, 720)];

    /// <summary>DPB pictures per resolution (H.264's 16 references plus the current picture).</summary>
    public const int DpbSlots = 17;

    /// <summary>Frames a per-frame resource lives.</summary>
    public const int FramesInFlight = 3;

    /// <summary>Builds the trace with <paramref name="framesPerResolution"/> frames at each resolution.</summary>
    public static List<TraceEvent> Build(int framesPerResolution, int seed)
    {
        var random = new Random(seed);
        var events = new List<TraceEvent>();
        int next = 0;
        foreach ((uint width, uint height) in Resolutions)
        {
            var dpb = new List<int>();
            for (int slot = 0; slot < DpbSlots; slot++)
            {
                dpb.Add(next);
                events.Add(new TraceEvent(TraceEventKind.Create, next++, new ResourceShape(true, 0, width, height * 3 / 2, GpuMemoryUsage.DeviceLocal, MemoryCategory.Dpb)));
            }
            var inFlight = new Queue<int[]>();
            ulong picture = (ulong)width * height * 3 / 2;
            for (int frame = 0; frame < framesPerResolution; frame++)
            {
                ulong bitstream = frame % 60 == 0 ? picture / 4 : (ulong)random.Next((int)(picture / 60), (int)(picture / 15));
                ulong packet = (ulong)random.Next(16 * 1024, 512 * 1024);
                int[] ids = [next, next + 1, next + 2];
                next += 3;
                events.Add(new TraceEvent(TraceEventKind.Create, ids[0], new ResourceShape(false, bitstream, 0, 0, GpuMemoryUsage.Upload, MemoryCategory.Device)));
                events.Add(new TraceEvent(TraceEventKind.Create, ids[1], new ResourceShape(false, picture, 0, 0, GpuMemoryUsage.Upload, MemoryCategory.Device)));
                events.Add(new TraceEvent(TraceEventKind.Create, ids[2], new ResourceShape(false, packet, 0, 0, GpuMemoryUsage.Readback, MemoryCategory.Device)));
                inFlight.Enqueue(ids);
                if (inFlight.Count > FramesInFlight)
                    Destroy(events, inFlight.Dequeue());
                events.Add(new TraceEvent(TraceEventKind.FrameEnd, -1, default));
            }
            while (inFlight.Count > 0)
                Destroy(events, inFlight.Dequeue());
            Destroy(events, dpb.ToArray());
        }
        return events;
    }

    /// <summary>Resources the trace creates.</summary>
    public static int Resources(List<TraceEvent> events) => events.FindAll(e => e.Kind == TraceEventKind.Create).Count;

    private static void Destroy(List<TraceEvent> events, int[] ids)
    {
        foreach (int id in ids)
            events.Add(new TraceEvent(TraceEventKind.Destroy, id, default));
    }
}
