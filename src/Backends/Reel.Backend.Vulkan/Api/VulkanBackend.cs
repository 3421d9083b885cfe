using System.Collections.Generic;
using System.Linq;
using Reel.Backends;
using Reel.Vulkan.Device;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Api;

/// <summary>
/// The Vulkan backend ("vulkan" in reel_backend_caps): without a device, whether a Vulkan
/// loader can be opened and its instance version; with a device (<see cref="Describe(GpuDevice)"/>),
/// its queues, heaps and the video codec operations its driver supports. It makes no encoders
/// or decoders yet: Vulkan Video sessions are objects of reel_vulkan.h, and a device's encode
/// or decode capability shows in its codec entries. Probing never touches the thread's last
/// error: a report is a success.
/// </summary>
public sealed class VulkanBackend : IBackend
{
    /// <inheritdoc/>
    public string Name => "vulkan";

    /// <inheritdoc/>
    public BackendKind Kind => BackendKind.Vulkan;

    /// <inheritdoc/>
    public IReadOnlyList<IEncoderFactory> Encoders => [];

    /// <inheritdoc/>
    public IReadOnlyList<IDecoderFactory> Decoders => [];

    /// <inheritdoc/>
    public BackendDescription Describe() => Describe(null);

    /// <summary>The backend as seen through <paramref name="device"/> (its queues, heaps and video operations), or without one when null.</summary>
    internal BackendDescription Describe(GpuDevice? device) => Vulkan(device);

    private static BackendDescription Vulkan(GpuDevice? device)
    {
        if (device is null)
        {
            if (!VulkanLibrary.TryGetSystemEntryPoint(out _, out string failure))
                return new BackendDescription { Kind = BackendKind.Vulkan, Name = "vulkan", UnavailableReason = failure };
            bool loaded = VulkanLoader.TryLoadSystem("reel_backend_caps", out VulkanLoader? loader) == Abi.ReelResult.Success;
            return new BackendDescription
            {
                Kind = BackendKind.Vulkan,
                Name = "vulkan",
                Available = loaded,
                Driver = VulkanLibrary.ConfiguredName,
                ApiVersion = loader?.InstanceVersion ?? 0,
                UnavailableReason = loaded ? "" : $"{VulkanLibrary.ConfiguredName} is not a usable Vulkan loader",
            };
        }
        PhysicalDeviceInfo info = device.Vulkan.PhysicalDevice;
        var families = new List<(uint, uint, uint, uint)>();
        foreach (QueueFamilyInfo family in info.QueueFamilies)
        {
            uint roles = 0;
            for (GpuQueueRole role = GpuQueueRole.Graphics; role <= GpuQueueRole.VideoEncode; role++)
            {
                if (device.QueueFor(role)?.Queue.FamilyIndex == family.Index)
                    roles |= 1u << (int)role;
            }
            families.Add(((uint)family.Flags, family.QueueCount, (uint)family.VideoCodecOperations, roles));
        }
        return new BackendDescription
        {
            Kind = BackendKind.Vulkan,
            Name = "vulkan",
            Available = !device.IsDestroyed,
            DeviceName = info.Name,
            Driver = $"{info.DriverName} {info.DriverInfo}".Trim(),
            ApiVersion = device.Vulkan.ApiVersion,
            DriverVersion = info.DriverVersion,
            VendorId = info.VendorId,
            DeviceId = info.DeviceId,
            QueueFamilies = families,
            Heaps = device.Allocator.GetStats().Heaps.Select(h => new DeviceHeap(h.Size, h.DeviceLocal, 0, 0, h.BudgetKnown, h.Budget, h.Usage)).ToList(),
            Codecs = VideoCapabilityQuery.All(device.Vulkan),
        };
    }
}
