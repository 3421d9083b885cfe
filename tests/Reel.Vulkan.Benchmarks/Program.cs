using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Benchmarks;
using Reel.Vulkan.Device;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Loader;

// Usage: Reel.Vulkan.Benchmarks [--frames N] [--runs N] [--seed N] [--dispatch-batches N]
// Replays the video-pipeline allocation trace with Reel's suballocator and with one
// vkAllocateMemory per resource, alternating, on the machine's first usable Vulkan device
// without validation, and prints the medians and their ratio as a Markdown table; then the
// cost of a Vulkan call through Silk.NET against a raw function pointer (DispatchCost).
int frames = 300, runs = 5, seed = 1, dispatchBatches = 41;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    int value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--frames": frames = value; break;
        case "--runs": runs = value; break;
        case "--seed": seed = value; break;
        case "--dispatch-batches": dispatchBatches = value; break;
        default: Console.Error.WriteLine($"unknown option {args[i]}"); return 2;
    }
}

if (VulkanLoader.TryLoadSystem("benchmark", out VulkanLoader? loader) != ReelResult.Success
    || VulkanInstance.Create(loader!, new VulkanInstanceOptions { ApplicationName = "reel-gpu-bench" }, "benchmark", out VulkanInstance? instance) != ReelResult.Success)
{
    Console.Error.WriteLine($"no Vulkan: {LastError.Message}");
    return 1;
}
using (instance)
{
    if (VulkanDevice.Create(instance!, new VulkanDeviceOptions { EnableVideo = false }, "benchmark", out VulkanDevice? device) != ReelResult.Success)
    {
        Console.Error.WriteLine($"no Vulkan device: {LastError.Message}");
        return 1;
    }
    using (device)
    {
        List<TraceEvent> trace = VideoTrace.Build(frames, seed);
        int resources = VideoTrace.Resources(trace);
        Console.WriteLine($"device: {device!.PhysicalDevice.Name} ({device.PhysicalDevice.DriverName} {device.PhysicalDevice.DriverInfo}), " +
            $"bufferImageGranularity {device.PhysicalDevice.Limits.BufferImageGranularity}, {device.PhysicalDevice.MemoryProperties.MemoryTypeCount} memory type(s)");
        Console.WriteLine($"trace: {frames} frames at each of {string.Join(", ", VideoTrace.Resolutions.Select(r => $"{r.Width}x{r.Height}"))}; " +
            $"{resources} resources ({VideoTrace.DpbSlots} DPB pictures per resolution, 3 buffers per frame living {VideoTrace.FramesInFlight} frames); {runs} runs each, alternating");

        // One unmeasured replay each: JIT, driver caches and page faults of first use.
        Replay(new SuballocatorStrategy(device, resources), trace);
        Replay(new DedicatedMemoryStrategy(device, resources), trace);
        var reel = new List<TraceRun>();
        var baseline = new List<TraceRun>();
        for (int run = 0; run < runs; run++)
        {
            reel.Add(Replay(new SuballocatorStrategy(device, resources), trace));
            baseline.Add(Replay(new DedicatedMemoryStrategy(device, resources), trace));
        }

        TraceRun r = Median(reel), b = Median(baseline);
        Console.WriteLine();
        Console.WriteLine("| strategy | whole trace (ms) | memory alloc+free (ms) | ns per alloc+free | vkAllocateMemory calls | peak device memory (MiB) | peak required (MiB) | mean fragmentation |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (TraceRun x in new[] { r, b })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {x.Strategy} | {x.TotalMs:F1} | {x.MemoryMs:F2} | {x.NanosecondsPerPair:F0} | {x.DeviceAllocations} | {x.PeakHeld / 1048576.0:F1} | {x.PeakRequested / 1048576.0:F1} | {x.MeanFragmentation:F3} |"));
        }
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ratio (baseline / Reel, medians of {runs}): memory alloc+free {b.MemoryMs / r.MemoryMs:F1}x, whole trace {b.TotalMs / r.TotalMs:F2}x, " +
            $"vkAllocateMemory calls {(double)b.DeviceAllocations / r.DeviceAllocations:F0}x fewer; Reel holds {(double)r.PeakHeld / b.PeakHeld:F2}x the baseline's peak device memory"));
        DispatchCost.Run(device, dispatchBatches, calls: 200_000);
    }
}
return 0;

static TraceRun Replay(ResourceStrategy strategy, List<TraceEvent> trace)
{
    using (strategy)
    {
        foreach (TraceEvent step in trace)
        {
            switch (step.Kind)
            {
                case TraceEventKind.Create: strategy.Create(step.Id, step.Shape); break;
                case TraceEventKind.Destroy: strategy.Destroy(step.Id); break;
                default: strategy.EndFrame(); break;
            }
        }
        double total = strategy.TotalTicks * 1000.0 / Stopwatch.Frequency;
        double memory = strategy.MemoryTicks * 1000.0 / Stopwatch.Frequency;
        return new TraceRun(strategy.Name, total, memory, strategy.Pairs, strategy.DeviceAllocations, strategy.PeakHeld, strategy.PeakRequested,
            strategy.FragmentationSum / Math.Max(1, strategy.Frames));
    }
}

static TraceRun Median(List<TraceRun> runs)
{
    TraceRun byTotal = runs.OrderBy(x => x.TotalMs).ElementAt(runs.Count / 2);
    double memory = runs.Select(x => x.MemoryMs).Order().ElementAt(runs.Count / 2);
    return byTotal with { MemoryMs = memory };
}
