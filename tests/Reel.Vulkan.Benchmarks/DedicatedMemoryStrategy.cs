using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>The baseline: one vkAllocateMemory of exactly the requirement per resource, vkFreeMemory when it goes (same memory type choice as Reel).</summary>
internal sealed unsafe class DedicatedMemoryStrategy : ResourceStrategy
{
    private readonly VkDeviceMemory[] _memory;
    private readonly ulong[] _sizes;
    private readonly System.Collections.Generic.Dictionary<(uint, GpuMemoryUsage), uint> _types = new();
    private long _allocations;
    private ulong _held;

    public DedicatedMemoryStrategy(VulkanDevice device, int resources)
        : base(device, resources)
    {
        _memory = new VkDeviceMemory[resources];
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
            if (!_memory[i].IsNull)
                GiveBack(i);
        }
    }

    protected override (VkDeviceMemory Memory, ulong Offset) Obtain(int id, in ResourceShape shape, in VkMemoryRequirements requirements)
    {
        // Chosen once per kind of resource, as a tuned host would: the baseline pays for Vulkan only.
        if (!_types.TryGetValue((requirements.memoryTypeBits, shape.Memory), out uint type))
        {
            type = MemoryTypeSelector.Candidates(Device.PhysicalDevice.MemoryProperties, requirements.memoryTypeBits, shape.Memory)[0];
            _types[(requirements.memoryTypeBits, shape.Memory)] = type;
        }
        var info = new VkMemoryAllocateInfo
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO,
            allocationSize = requirements.size,
            memoryTypeIndex = type,
        };
        VkDeviceMemory memory;
        Check(Device.Commands.vkAllocateMemory(Device.Handle, &info, null, &memory), "vkAllocateMemory");
        _memory[id] = memory;
        _sizes[id] = requirements.size;
        _allocations++;
        _held += requirements.size;
        return (memory, 0);
    }

    protected override void GiveBack(int id)
    {
        Device.Commands.vkFreeMemory(Device.Handle, _memory[id], null);
        _memory[id] = VkDeviceMemory.NULL;
        _held -= _sizes[id];
    }
}
