using NUnit.Framework;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Memory;

/// <summary>Memory type choice by usage on a discrete GPU's typical layout (the one lavapipe cannot show: it has one type).</summary>
public class MemoryTypeSelectorTests
{
    private const MemoryPropertyFlags Local = MemoryPropertyFlags.DeviceLocalBit;
    private const MemoryPropertyFlags Visible = MemoryPropertyFlags.HostVisibleBit;
    private const MemoryPropertyFlags Coherent = MemoryPropertyFlags.HostCoherentBit;
    private const MemoryPropertyFlags Cached = MemoryPropertyFlags.HostCachedBit;

    /// <summary>0: VRAM, 1: system RAM write-combined, 2: system RAM cached, 3: ReBAR (VRAM, host-visible), 4: protected VRAM.</summary>
    private static PhysicalDeviceMemoryProperties Discrete()
    {
        var memory = new PhysicalDeviceMemoryProperties { MemoryTypeCount = 5, MemoryHeapCount = 2 };
        memory.MemoryTypes[0] = new MemoryType { PropertyFlags = Local, HeapIndex = 0 };
        memory.MemoryTypes[1] = new MemoryType { PropertyFlags = Visible | Coherent, HeapIndex = 1 };
        memory.MemoryTypes[2] = new MemoryType { PropertyFlags = Visible | Coherent | Cached, HeapIndex = 1 };
        memory.MemoryTypes[3] = new MemoryType { PropertyFlags = Local | Visible | Coherent, HeapIndex = 0 };
        memory.MemoryTypes[4] = new MemoryType { PropertyFlags = Local | MemoryPropertyFlags.ProtectedBit, HeapIndex = 0 };
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
