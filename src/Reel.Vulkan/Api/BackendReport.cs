using System.Collections.Generic;
using System.Linq;
using Reel.Backends;
using Reel.Vulkan.Device;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Api;

/// <summary>
/// Every backend Reel knows, for <c>reel_backend_caps</c>: index 0 the software backend (the
/// codecs registered in <see cref="SoftwareCodecs"/>), index 1 Vulkan (a device's queues, heaps
/// and video operations, or only the loader's availability without a device). Probing never
/// touches the thread's last error: a report is a success.
/// </summary>
internal static class BackendReport
{
    /// <summary>How many backends Reel knows.</summary>
    public const int Count = 2;

    /// <summary>The backend at <paramref name="index"/> (0..Count-1), with <paramref name="device"/> for Vulkan when given.</summary>
    public static BackendDescription Describe(int index, GpuDevice? device) => index == 0 ? Software() : Vulkan(device);

    private static BackendDescription Software()
    {
        IReadOnlyList<CodecCaps> codecs = SoftwareCodecs.All;
        return new BackendDescription
        {
            Kind = BackendKind.Software,
            Name = "software",
            Available = codecs.Count > 0,
            Driver = string.Join(", ", codecs.Select(c => c.Implementation).Where(i => i.Length > 0).Distinct()),
            UnavailableReason = codecs.Count > 0 ? "" : "no software codec has registered its capabilities in this libreel",
            Codecs = codecs,
        };
    }

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
            Heaps = device.Allocator.GetStats().Heaps.Select(h => h with { BlockBytes = 0, AllocationBytes = 0 }).ToList(),
            Codecs = VideoCapabilityQuery.All(device.Vulkan),
        };
    }
}
