using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Benchmarks;

/// <summary>
/// What calling Vulkan through Silk.NET costs Reel: vkGetSemaphoreCounterValue on a timeline
/// semaphore (a call that does almost nothing in the driver, so dispatch is most of what is
/// timed) through Silk.NET's <c>Vk</c> (Reel's ProcAddrContext behind Silk.NET's entry point
/// table), against the same entry point called through the raw function pointer
/// vkGetDeviceProcAddr returns (the baseline: what the in-house bindings called). Batches of
/// both alternate (and which goes first); the medians of the per-call times and their ratio are printed.
/// </summary>
internal static unsafe class DispatchCost
{
    public static void Run(VulkanDevice device, int batches, int calls)
    {
        var type = new SemaphoreTypeCreateInfo { SType = StructureType.SemaphoreTypeCreateInfo, SemaphoreType = SemaphoreType.Timeline };
        var info = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo, PNext = &type };
        VkSemaphore semaphore;
        if (device.Vk.CreateSemaphore(device.Handle, &info, null, &semaphore) != Result.Success)
            throw new InvalidOperationException("vkCreateSemaphore failed");
        var raw = (delegate* unmanaged<VkDevice, VkSemaphore, ulong*, Result>)device.Context.GetProcAddress("vkGetSemaphoreCounterValue");
        Vk vk = device.Vk;
        ulong value = 0;
        var silk = new double[batches];
        var direct = new double[batches];
        for (int batch = -1; batch < batches; batch++)
        {
            // Batch -1 warms both paths up (Silk.NET resolves the entry point on its first call);
            // which path goes first alternates, so that drift of a loaded machine hits both alike.
            double silkNs = 0, directNs = 0;
            for (int half = 0; half < 2; half++)
            {
                bool silkNow = (half == 0) == (batch % 2 == 0);
                long start = Stopwatch.GetTimestamp();
                if (silkNow)
                {
                    for (int i = 0; i < calls; i++)
                        vk.GetSemaphoreCounterValue(device.Handle, semaphore, &value);
                }
                else
                {
                    for (int i = 0; i < calls; i++)
                        raw(device.Handle, semaphore, &value);
                }
                double ns = (Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency / calls;
                if (silkNow)
                    silkNs = ns;
                else
                    directNs = ns;
            }
            if (batch < 0)
                continue;
            silk[batch] = silkNs;
            direct[batch] = directNs;
        }
        device.Vk.DestroySemaphore(device.Handle, semaphore, null);
        double silkMedian = Median(silk), directMedian = Median(direct);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dispatch: vkGetSemaphoreCounterValue, {batches} batches of {calls} calls each, alternating: raw function pointer (baseline) {directMedian:F1} ns/call, " +
            $"Silk.NET Vk {silkMedian:F1} ns/call; ratio Silk.NET / raw {silkMedian / directMedian:F3}"));
    }

    private static double Median(double[] values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
