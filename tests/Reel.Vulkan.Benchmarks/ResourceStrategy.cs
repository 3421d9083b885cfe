using System;
using System.Diagnostics;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>
/// Creates and destroys the trace's resources: the VkBuffer/VkImage and its binding are the
/// same for every strategy; how the memory is obtained and given back is the strategy's. The
/// time spent in that part alone is measured separately from the whole.
/// </summary>
internal abstract unsafe class ResourceStrategy : IDisposable
{
    private readonly VkBuffer[] _buffers;
    private readonly VkImage[] _images;
    private readonly ulong[] _requested;
    private ulong _requestedNow;

    protected ResourceStrategy(VulkanDevice device, int resources)
    {
        Device = device;
        _buffers = new VkBuffer[resources];
        _images = new VkImage[resources];
        _requested = new ulong[resources];
    }

    /// <summary>The device.</summary>
    protected VulkanDevice Device { get; }

    /// <summary>Label in the table.</summary>
    public abstract string Name { get; }

    /// <summary>Stopwatch ticks spent obtaining and giving back memory.</summary>
    public long MemoryTicks { get; private set; }

    /// <summary>Stopwatch ticks of the whole replay's resource work (creation, binding, destruction, memory), without statistics sampling.</summary>
    public long TotalTicks { get; private set; }

    /// <summary>Memory obtain/give-back pairs timed.</summary>
    public long Pairs { get; private set; }

    /// <summary>vkAllocateMemory calls so far.</summary>
    public abstract long DeviceAllocations { get; }

    /// <summary>Bytes of VkDeviceMemory held now.</summary>
    public abstract ulong BytesHeld { get; }

    /// <summary>Share of free bytes outside their block's largest range (0 without shared blocks).</summary>
    public abstract double Fragmentation { get; }

    /// <summary>Most VkDeviceMemory bytes held at once (sampled at frame ends and resolution changes).</summary>
    public ulong PeakHeld { get; private set; }

    /// <summary>Most bytes the live resources required at once (their VkMemoryRequirements sizes).</summary>
    public ulong PeakRequested { get; private set; }

    /// <summary>Fragmentation sampled at every frame end, summed (divide by the frames).</summary>
    public double FragmentationSum { get; private set; }

    /// <summary>Frame ends seen.</summary>
    public long Frames { get; private set; }

    /// <summary>Creates resource <paramref name="id"/>.</summary>
    public void Create(int id, in ResourceShape shape)
    {
        long begin = Stopwatch.GetTimestamp();
        ref readonly VkDeviceCommands vk = ref Device.Commands;
        VkMemoryRequirements requirements;
        if (shape.IsImage)
        {
            var info = new VkImageCreateInfo
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
                imageType = VkImageType.VK_IMAGE_TYPE_2D,
                format = VkFormat.VK_FORMAT_R8_UNORM,
                extent = new VkExtent3D { width = shape.Width, height = shape.Height, depth = 1 },
                mipLevels = 1,
                arrayLayers = 1,
                samples = VkSampleCountFlagBits.VK_SAMPLE_COUNT_1_BIT,
                tiling = VkImageTiling.VK_IMAGE_TILING_OPTIMAL,
                usage = VkImageUsageFlagBits.VK_IMAGE_USAGE_TRANSFER_DST_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_SAMPLED_BIT,
            };
            VkImage image;
            Check(vk.vkCreateImage(Device.Handle, &info, null, &image), "vkCreateImage");
            vk.vkGetImageMemoryRequirements(Device.Handle, image, &requirements);
            _images[id] = image;
        }
        else
        {
            var info = new VkBufferCreateInfo
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO,
                size = shape.Size,
                usage = VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VkBufferUsageFlagBits.VK_BUFFER_USAGE_TRANSFER_DST_BIT,
            };
            VkBuffer buffer;
            Check(vk.vkCreateBuffer(Device.Handle, &info, null, &buffer), "vkCreateBuffer");
            vk.vkGetBufferMemoryRequirements(Device.Handle, buffer, &requirements);
            _buffers[id] = buffer;
        }
        long start = Stopwatch.GetTimestamp();
        (VkDeviceMemory memory, ulong offset) = Obtain(id, shape, requirements);
        MemoryTicks += Stopwatch.GetTimestamp() - start;
        if (shape.IsImage)
            Check(vk.vkBindImageMemory(Device.Handle, _images[id], memory, offset), "vkBindImageMemory");
        else
            Check(vk.vkBindBufferMemory(Device.Handle, _buffers[id], memory, offset), "vkBindBufferMemory");
        TotalTicks += Stopwatch.GetTimestamp() - begin;
        _requested[id] = requirements.size;
        _requestedNow += requirements.size;
        PeakRequested = Math.Max(PeakRequested, _requestedNow);
    }

    /// <summary>Destroys resource <paramref name="id"/> and gives its memory back.</summary>
    public void Destroy(int id)
    {
        Sample();
        long begin = Stopwatch.GetTimestamp();
        ref readonly VkDeviceCommands vk = ref Device.Commands;
        if (!_images[id].IsNull)
            vk.vkDestroyImage(Device.Handle, _images[id], null);
        else
            vk.vkDestroyBuffer(Device.Handle, _buffers[id], null);
        _images[id] = VkImage.NULL;
        _buffers[id] = VkBuffer.NULL;
        long start = Stopwatch.GetTimestamp();
        GiveBack(id);
        long end = Stopwatch.GetTimestamp();
        MemoryTicks += end - start;
        TotalTicks += end - begin;
        Pairs++;
        _requestedNow -= _requested[id];
    }

    /// <summary>A frame ended: sample the statistics; the suballocator's clock ticks.</summary>
    public virtual void EndFrame()
    {
        Sample();
        FragmentationSum += Fragmentation;
        Frames++;
    }

    /// <summary>Counts memory-management work done outside create and destroy (block reclaiming at frame ends).</summary>
    protected void AddMemoryTicks(long ticks)
    {
        MemoryTicks += ticks;
        TotalTicks += ticks;
    }

    /// <summary>Frees whatever the strategy still holds.</summary>
    public abstract void Dispose();

    /// <summary>Memory for a resource with <paramref name="requirements"/>: the VkDeviceMemory and offset to bind.</summary>
    protected abstract (VkDeviceMemory Memory, ulong Offset) Obtain(int id, in ResourceShape shape, in VkMemoryRequirements requirements);

    /// <summary>Gives the memory of resource <paramref name="id"/> back.</summary>
    protected abstract void GiveBack(int id);

    /// <summary>Throws on a failed Vulkan call: a benchmark that cannot run must not print numbers.</summary>
    protected static void Check(VkResult result, string call)
    {
        if (result != VkResult.VK_SUCCESS)
            throw new InvalidOperationException($"{call} returned {result}");
    }

    private void Sample() => PeakHeld = Math.Max(PeakHeld, BytesHeld);
}
