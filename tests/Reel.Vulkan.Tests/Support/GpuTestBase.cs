using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Time;
using Reel.Vulkan.Api;
using Reel.Vulkan.Device;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// The validation harness plus what Reel runs on a device: a context on a virtual clock (so
/// frame ages are exact) and a <see cref="GpuDevice"/> over the test's validated lavapipe
/// device. Teardown destroys the GPU device first (its leftovers, its memory), then the Vulkan
/// device (leak reports arrive), then the context; any validation error fails the test.
/// </summary>
public abstract class GpuTestBase : VulkanTestBase
{
    /// <summary>The context's virtual time source.</summary>
    protected VirtualTimeSource Clock { get; private set; } = null!;

    /// <summary>A context on the virtual clock; destroyed after the test (after its devices).</summary>
    internal ReelContext CreateContext()
    {
        Clock = new VirtualTimeSource();
        ReelResult result = ReelContext.Create(new ContextOptions { Name = "gpu-test", Time = Clock }, "test", out ReelContext? context);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        Track(new Teardown(() => ReelContext.Destroy(context!.Handle, "test")));
        return context!;
    }

    /// <summary>Reel's objects on a validated lavapipe device in a new context.</summary>
    internal GpuDevice CreateGpuDevice(GpuDeviceOptions? options = null) => CreateGpuDevice(CreateContext(), options);

    /// <summary>Reel's objects on a validated lavapipe device in <paramref name="context"/>.</summary>
    internal GpuDevice CreateGpuDevice(ReelContext context, GpuDeviceOptions? options = null)
    {
        VulkanDevice vulkan = CreateDevice();
        ReelResult result = GpuDevice.Wrap(context, vulkan, options ?? new GpuDeviceOptions(), disposeVulkan: false, null, Log, "test", out GpuDevice? device);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        Track(new Teardown(() => DestroyGpuDevice(device!)));
        return device!;
    }

    /// <summary>
    /// A host timeline of <paramref name="device"/> that submissions wait on (wait-before-signal).
    /// Teardown signals it far ahead before the device goes, so a failed test never leaves the
    /// queue waiting forever.
    /// </summary>
    internal TimelineObject Gate(GpuDevice device)
    {
        Assert.That(device.CreateTimeline(0, "test", out TimelineObject? gate), Is.EqualTo(ReelResult.Success), LastError.Message);
        Track(new Teardown(() =>
        {
            if (gate!.Gpu is { IsDestroyed: false } semaphore && semaphore.HasReached(1 << 20) == false)
                semaphore.Signal(1 << 20, "test teardown");
        }));
        return gate!;
    }

    /// <summary>Destroys a GPU device as reel_device_destroy does (idempotent).</summary>
    internal static void DestroyGpuDevice(GpuDevice device)
    {
        if (GpuRegistry.Devices.TryRemove(device.Handle, out _) == HandleError.None)
            device.Destroy();
    }

    /// <summary>Runs an action at teardown, in the harness's reverse order.</summary>
    private sealed class Teardown(Action action) : IDisposable
    {
        private Action? _action = action;

        public void Dispose()
        {
            Action? action = _action;
            _action = null;
            action?.Invoke();
        }
    }
}
