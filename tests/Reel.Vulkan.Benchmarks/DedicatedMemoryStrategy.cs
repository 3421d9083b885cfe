using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>The baseline: one vkAllocateMemory of exactly the requirement per resource, vkFreeMemory when it goes (same memory type choice as Reel).</summary>
internal sealed unsafe class DedicatedMemoryStrategy : ResourceStrategy
{
    private readonly DeviceMemory[] _memory;
    private readonly ulong[] _sizes;
    private readonly System.Collections.Generic.Dictionary<(uint, GpuMemoryUsage), uint> _types = new();
    private long _allocations;
    private ulong _held;

    public DedicatedMemoryStrategy(VulkanDevice device, int resources)
        : base(device, resources)
    {
        _memory = new DeviceMemory[resources];
        _sizes = new ulong[resources];
    }

    public override string Name => "vkAllocateMemory per resource";

    public override long DeviceAllocations => _allocations;

    public override ulong BytesHeld => _held;

    public override double Fragmentation => 0;

    public override void Dispose()
    {
        for (int i = 0; i < _memory.Length; i++)
        {
            if (_memory[i].Handle != 0)
                GiveBack(i);
        }
    }

    protected override (DeviceMemory Memory, ulong Offset) Obtain(int id, in ResourceShape shape, in MemoryRequirements requirements)
    {
        // Chosen once per kind of resource, as a tuned host would: the baseline pays for Vulkan only.
        if (!_types.TryGetValue((requirements.MemoryTypeBits, shape.Memory), out uint type))
        {
            type = MemoryTypeSelector.Candidates(Device.PhysicalDevice.MemoryProperties, requirements.MemoryTypeBits, shape.Memory)[0];
            _types[(requirements.MemoryTypeBits, shape.Memory)] = type;
        }
        var info = new MemoryAllocateInfo
        {
            SType = StructureType.MemoryAllocateInfo,
            AllocationSize = requirements.Size,
            MemoryTypeIndex = type,
        };
        DeviceMemory memory;
        Check(Device.Vk.AllocateMemory(Device.Handle, &info, null, &memory), "vkAllocateMemory");
        _memory[id] = memory;
        _sizes[id] = requirements.Size;
        _allocations++;
        _held += requirements.Size;
        return (memory, 0);
    }

    protected override void GiveBack(int id)
    {
        Device.Vk.FreeMemory(Device.Handle, _memory[id], null);
        _memory[id] = default;
        _held -= _sizes[id];
    }
}
