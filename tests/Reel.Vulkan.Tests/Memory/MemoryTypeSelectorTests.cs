using NUnit.Framework;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Memory;

/// <summary>Memory type choice by usage on a discrete GPU's typical layout (the one lavapipe cannot show: it has one type).</summary>
public class MemoryTypeSelectorTests
{
    private const VkMemoryPropertyFlagBits Local = VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    private const VkMemoryPropertyFlagBits Visible = VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT;
    private const VkMemoryPropertyFlagBits Coherent = VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
    private const VkMemoryPropertyFlagBits Cached = VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_HOST_CACHED_BIT;

    /// <summary>0: VRAM, 1: system RAM write-combined, 2: system RAM cached, 3: ReBAR (VRAM, host-visible), 4: protected VRAM.</summary>
    private static VkPhysicalDeviceMemoryProperties Discrete()
    {
        var memory = new VkPhysicalDeviceMemoryProperties { memoryTypeCount = 5, memoryHeapCount = 2 };
        memory.memoryTypes[0] = new VkMemoryType { propertyFlags = Local, heapIndex = 0 };
        memory.memoryTypes[1] = new VkMemoryType { propertyFlags = Visible | Coherent, heapIndex = 1 };
        memory.memoryTypes[2] = new VkMemoryType { propertyFlags = Visible | Coherent | Cached, heapIndex = 1 };
        memory.memoryTypes[3] = new VkMemoryType { propertyFlags = Local | Visible | Coherent, heapIndex = 0 };
        memory.memoryTypes[4] = new VkMemoryType { propertyFlags = Local | VkMemoryPropertyFlagBits.VK_MEMORY_PROPERTY_PROTECTED_BIT, heapIndex = 0 };
        return memory;
    }

    [Test]
    public void DeviceLocal_PrefersPureVramOverReBar()
    {
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x1F, GpuMemoryUsage.DeviceLocal), Is.EqualTo(new uint[] { 0, 3, 1, 2 }),
            "VRAM first, ReBAR next, system memory as the last resort; never protected memory");
    }

    [Test]
    public void Upload_PrefersCoherentUncachedMemory()
    {
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x1F, GpuMemoryUsage.Upload)[0], Is.AnyOf(1u, 3u));
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x1F, GpuMemoryUsage.Upload), Does.Not.Contain(0u), "VRAM is not host-visible");
    }

    [Test]
    public void Readback_PrefersCachedMemory()
    {
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x1F, GpuMemoryUsage.Readback)[0], Is.EqualTo(2u));
    }

    [Test]
    public void TypeBits_LimitTheCandidates()
    {
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x1, GpuMemoryUsage.Upload), Is.Empty, "the resource allows only VRAM, which the host cannot map");
        Assert.That(MemoryTypeSelector.Candidates(Discrete(), 0x10, GpuMemoryUsage.DeviceLocal), Is.Empty, "protected memory is never used");
    }
}
