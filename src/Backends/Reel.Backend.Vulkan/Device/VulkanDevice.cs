using System;
using System.Collections.Generic;
using System.Linq;
using Reel.Abi;
using Reel.Errors;
using Reel.Logging;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.KHR;
using Reel.Vulkan.Loader;

namespace Reel.Vulkan.Device;

/// <summary>
/// A VkDevice Reel works with: one it created on its own instance (queues picked per role,
/// video extensions enabled where the device lists them), or a host's device it adopted,
/// which Reel never destroys. Timeline semaphores and synchronization2 are always enabled.
/// Holds Silk.NET's <c>Vk</c> for the device-level commands, resolved through the
/// vkGetDeviceProcAddr of the instance's loader (the host's, for an adopted device), and the
/// VK_KHR_video_queue commands only when that extension is enabled on the device.
/// </summary>
public sealed unsafe class VulkanDevice : IDisposable
{
    /// <summary>Entry points Reel cannot work without; a device lacking one is refused.</summary>
    private static readonly string[] s_required =
    [
        "vkDestroyDevice", "vkGetDeviceQueue2", "vkDeviceWaitIdle", "vkQueueSubmit2", "vkCmdPipelineBarrier2",
        "vkCreateSemaphore", "vkSignalSemaphore", "vkWaitSemaphores", "vkGetSemaphoreCounterValue",
    ];

    private readonly bool _ownsInstance;
    private bool _disposed;

    /// <summary>Wraps <paramref name="handle"/> and its entry points; queues are set afterwards.</summary>
    internal VulkanDevice(VulkanInstance instance, PhysicalDeviceInfo physicalDevice, VkDevice handle, IReadOnlySet<string> extensions,
        VulkanFeatures features, bool owned, bool ownsInstance)
    {
        Instance = instance;
        PhysicalDevice = physicalDevice;
        Handle = handle;
        ApiVersion = physicalDevice.EffectiveApiVersion;
        EnabledExtensions = extensions;
        EnabledFeatures = features;
        IsOwned = owned;
        _ownsInstance = ownsInstance;
        Context = ProcAddrContext.ForDevice(instance.Context.GetProcAddress("vkGetDeviceProcAddr"), handle, ApiVersion, instance.Context);
        Vk = new Vk(Context);
        VideoQueue = extensions.Contains(ExtensionNames.KhrVideoQueue) ? new KhrVideoQueue(Context) : null;
    }

    /// <summary>The instance the device belongs to.</summary>
    public VulkanInstance Instance { get; }

    /// <summary>What Reel knows about the physical device.</summary>
    public PhysicalDeviceInfo PhysicalDevice { get; }

    /// <summary>The device.</summary>
    public VkDevice Handle { get; }

    /// <summary>The API version the device-level entry points were loaded for.</summary>
    public uint ApiVersion { get; }

    /// <summary>The device extensions enabled (by Reel, or as the host declared).</summary>
    public IReadOnlySet<string> EnabledExtensions { get; }

    /// <summary>The features enabled (by Reel, or as the host declared).</summary>
    public VulkanFeatures EnabledFeatures { get; }

    /// <summary>True when Reel created the device (and destroys it); false for an adopted one.</summary>
    public bool IsOwned { get; }

    /// <summary>The distinct queues Reel uses.</summary>
    public IReadOnlyList<VulkanQueue> Queues { get; private set; } = [];

    /// <summary>The queue for graphics work, or null on a device without graphics.</summary>
    public VulkanQueue? Graphics { get; private set; }

    /// <summary>The queue for compute work (an async compute queue when there is one).</summary>
    public VulkanQueue? Compute { get; private set; }

    /// <summary>The queue for copies (a DMA queue when there is one).</summary>
    public VulkanQueue? Transfer { get; private set; }

    /// <summary>The video decode queue, or null when the device (or the adoption) has none.</summary>
    public VulkanQueue? VideoDecode { get; private set; }

    /// <summary>The video encode queue, or null.</summary>
    public VulkanQueue? VideoEncode { get; private set; }

    /// <summary>Where the device's entry points are resolved.</summary>
    internal ProcAddrContext Context { get; }

    /// <summary>The device-level commands (promoted ones under their KHR names below their core version).</summary>
    internal Vk Vk { get; }

    /// <summary>
    /// The VK_KHR_video_queue commands (sessions, capabilities, formats); null unless the
    /// extension is enabled on the device. Calling one of them on a device without the extension
    /// aborts the process in the Vulkan loader, so every video path starts from this property.
    /// </summary>
    internal KhrVideoQueue? VideoQueue { get; }

    /// <summary>Creates a device on <paramref name="instance"/> (which must outlive it).</summary>
    public static ReelResult Create(VulkanInstance instance, VulkanDeviceOptions options, string function, out VulkanDevice? device) =>
        DeviceFactory.Create(instance, options, function, out device);

    /// <summary>
    /// Adopts the host's instance, physical device, device and queues described by
    /// <paramref name="adoption"/>. Disposing the result removes only what Reel added.
    /// </summary>
    public static ReelResult Adopt(VulkanAdoption adoption, string function, out VulkanDevice? device)
    {
        device = null;
        ReelResult result = CheckAdoption(adoption, function);
        if (result != ReelResult.Success)
            return result;
        result = adoption.GetInstanceProcAddr != 0
            ? VulkanLoader.FromHost(adoption.GetInstanceProcAddr, function, out VulkanLoader? loader)
            : VulkanLoader.TryLoadSystem(function, out loader);
        if (result != ReelResult.Success)
            return result;
        result = VulkanInstance.Adopt(loader!, adoption.Instance, adoption.InstanceApiVersion, adoption.InstanceExtensions,
            adoption.CaptureValidation, adoption.Log, function, out VulkanInstance? instance);
        if (result != ReelResult.Success)
            return result;
        result = AdoptDevice(instance!, adoption, function, out device);
        if (result != ReelResult.Success)
            instance!.Dispose();
        return result;
    }

    /// <summary>Waits for the device and destroys it if Reel created it; always releases what Reel added. Idempotent.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (IsOwned)
        {
            Vk.DeviceWaitIdle(Handle);
            Vk.DestroyDevice(Handle, null);
        }
        if (_ownsInstance)
            Instance.Dispose();
    }

    public override string ToString() => $"{PhysicalDevice.Name}: {string.Join(", ", Queues)}{(IsOwned ? "" : " (adopted)")}";

    /// <summary>Fails when an entry point Reel cannot work without is missing.</summary>
    internal ReelResult CheckRequiredCommands(string function)
    {
        string[] absent = s_required.Where(name => !Context.Has(name)).ToArray();
        if (absent.Length == 0)
            return ReelResult.Success;
        return LastError.Set(ReelResult.ErrorUnsupported,
            $"{function}: {PhysicalDevice.Name} provides no {string.Join(", ", absent)} at Vulkan {VulkanVersion.Format(ApiVersion)} with the enabled extensions");
    }

    /// <summary>Records the queues and which one serves each role.</summary>
    internal void SetQueues(IReadOnlyList<VulkanQueue> queues, QueueAssignment assignment)
    {
        Queues = queues;
        VulkanQueue? For(int family) => family < 0 ? null : queues.First(q => q.FamilyIndex == family);
        Graphics = For(assignment.Graphics);
        Compute = For(assignment.Compute);
        Transfer = For(assignment.Transfer);
        VideoDecode = For(assignment.VideoDecode);
        VideoEncode = For(assignment.VideoEncode);
    }

    private static ReelResult CheckAdoption(VulkanAdoption adoption, string function)
    {
        if (adoption.Instance.Handle == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Instance is VK_NULL_HANDLE");
        if (adoption.PhysicalDevice.Handle == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.PhysicalDevice is VK_NULL_HANDLE");
        if (adoption.Device.Handle == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Device is VK_NULL_HANDLE");
        if (adoption.Queues.Count == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Queues is empty; hand over at least one queue with graphics or compute");
        VulkanFeatures required = VulkanFeatures.TimelineSemaphore | VulkanFeatures.Synchronization2;
        if ((adoption.EnabledFeatures & required) != required)
        {
            return LastError.Set(ReelResult.ErrorUnsupported,
                $"{function}: adoption.EnabledFeatures is {adoption.EnabledFeatures}; Reel needs the host's VkDevice created with {required & ~adoption.EnabledFeatures} enabled");
        }
        var seen = new HashSet<(uint, uint)>();
        for (int i = 0; i < adoption.Queues.Count; i++)
        {
            AdoptedQueue queue = adoption.Queues[i];
            if (queue.Handle.Handle == 0)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Queues[{i}].Handle is VK_NULL_HANDLE");
            if (!seen.Add((queue.FamilyIndex, queue.Index)))
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Queues[{i}] repeats queue {queue.FamilyIndex}.{queue.Index}");
        }
        return ReelResult.Success;
    }

    private static ReelResult AdoptDevice(VulkanInstance instance, VulkanAdoption adoption, string function, out VulkanDevice? device)
    {
        device = null;
        ReelResult result = PhysicalDeviceInfo.Query(instance, adoption.PhysicalDevice, function, out PhysicalDeviceInfo? info);
        if (result != ReelResult.Success)
            return result;
        if (info!.EffectiveApiVersion < VulkanVersion.V1_1)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {info.UnsupportedReason}");
        var extensions = adoption.DeviceExtensions.ToHashSet(StringComparer.Ordinal);
        if (info.EffectiveApiVersion < VulkanVersion.V1_3 && !extensions.Contains(ExtensionNames.KhrSynchronization2))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the host's device runs Vulkan {VulkanVersion.Format(info.EffectiveApiVersion)} and adoption.DeviceExtensions lacks {ExtensionNames.KhrSynchronization2}");
        if (info.EffectiveApiVersion < VulkanVersion.V1_2 && !extensions.Contains(ExtensionNames.KhrTimelineSemaphore))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the host's device runs Vulkan {VulkanVersion.Format(info.EffectiveApiVersion)} and adoption.DeviceExtensions lacks {ExtensionNames.KhrTimelineSemaphore}");

        var families = new List<QueueFamilyInfo>();
        for (int i = 0; i < adoption.Queues.Count; i++)
        {
            AdoptedQueue queue = adoption.Queues[i];
            if (queue.FamilyIndex >= info.QueueFamilies.Count)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Queues[{i}].FamilyIndex is {queue.FamilyIndex}; {info.Name} has {info.QueueFamilies.Count} queue families");
            QueueFamilyInfo family = info.QueueFamilies[(int)queue.FamilyIndex];
            if (queue.Index >= family.QueueCount)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: adoption.Queues[{i}].Index is {queue.Index}; family {family.Index} has {family.QueueCount} queues");
            if (!families.Contains(family))
                families.Add(family);
        }
        QueueAssignment assignment = QueueFamilyPicker.Pick(families);
        if (assignment.Graphics < 0 && assignment.Compute < 0)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: none of adoption.Queues has graphics or compute; Reel needs one");
        assignment = assignment with
        {
            VideoDecode = extensions.Contains(ExtensionNames.KhrVideoDecodeQueue) ? assignment.VideoDecode : -1,
            VideoEncode = extensions.Contains(ExtensionNames.KhrVideoEncodeQueue) ? assignment.VideoEncode : -1,
        };

        var adopted = new VulkanDevice(instance, info, adoption.Device, extensions, adoption.EnabledFeatures, owned: false, ownsInstance: true);
        result = adopted.CheckRequiredCommands(function);
        if (result != ReelResult.Success)
            return result;
        var queues = new List<VulkanQueue>();
        foreach (QueueFamilyInfo family in families)
        {
            AdoptedQueue first = adoption.Queues.First(q => q.FamilyIndex == family.Index);
            queues.Add(new VulkanQueue(first.Handle, family, first.Index, assignment.RolesOf(family.Index)));
        }
        adopted.SetQueues(queues, assignment);
        instance.Log.Write(LogLevel.Info, $"vulkan device adopted: {adopted}, api {VulkanVersion.Format(adopted.ApiVersion)}");
        device = adopted;
        return ReelResult.Success;
    }
}
