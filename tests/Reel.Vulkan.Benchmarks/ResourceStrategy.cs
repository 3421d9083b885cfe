using System;
using System.Diagnostics;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
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
    private readonly Image[] _images;
    private readonly ulong[] _requested;
    private ulong _requestedNow;

    protected ResourceStrategy(VulkanDevice device, int resources)
    {
        Device = device;
        _buffers = new VkBuffer[resources];
        _images = new Image[resources];
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
        Vk vk = Device.Vk;
        MemoryRequirements requirements;
        if (shape.IsImage)
        {
            var info = new ImageCreateInfo
            {
                SType = StructureType.ImageCreateInfo,
                ImageType = ImageType.Type2D,
                Format = Format.R8Unorm,
                Extent = new Extent3D { Width = shape.Width, Height = shape.Height, Depth = 1 },
                MipLevels = 1,
                ArrayLayers = 1,
                Samples = SampleCountFlags.Count1Bit,
                Tiling = ImageTiling.Optimal,
                Usage = ImageUsageFlags.TransferDstBit | ImageUsageFlags.SampledBit,
            };
            Image image;
            Check(vk.CreateImage(Device.Handle, &info, null, &image), "vkCreateImage");
            vk.GetImageMemoryRequirements(Device.Handle, image, &requirements);
            _images[id] = image;
        }
        else
        {
            var info = new BufferCreateInfo
            {
                SType = StructureType.BufferCreateInfo,
                Size = shape.Size,
                Usage = BufferUsageFlags.TransferSrcBit | BufferUsageFlags.TransferDstBit,
            };
            VkBuffer buffer;
            Check(vk.CreateBuffer(Device.Handle, &info, null, &buffer), "vkCreateBuffer");
            vk.GetBufferMemoryRequirements(Device.Handle, buffer, &requirements);
            _buffers[id] = buffer;
        }
        long start = Stopwatch.GetTimestamp();
        (DeviceMemory memory, ulong offset) = Obtain(id, shape, requirements);
        MemoryTicks += Stopwatch.GetTimestamp() - start;
        if (shape.IsImage)
            Check(vk.BindImageMemory(Device.Handle, _images[id], memory, offset), "vkBindImageMemory");
        else
            Check(vk.BindBufferMemory(Device.Handle, _buffers[id], memory, offset), "vkBindBufferMemory");
        TotalTicks += Stopwatch.GetTimestamp() - begin;
        _requested[id] = requirements.Size;
        _requestedNow += requirements.Size;
        PeakRequested = Math.Max(PeakRequested, _requestedNow);
    }

    /// <summary>Destroys resource <paramref name="id"/> and gives its memory back.</summary>
    public void Destroy(int id)
    {
        Sample();
        long begin = Stopwatch.GetTimestamp();
        Vk vk = Device.Vk;
        if (_images[id].Handle != 0)
            vk.DestroyImage(Device.Handle, _images[id], null);
        else
            vk.DestroyBuffer(Device.Handle, _buffers[id], null);
        _images[id] = default;
        _buffers[id] = default;
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
    protected abstract (DeviceMemory Memory, ulong Offset) Obtain(int id, in ResourceShape shape, in MemoryRequirements requirements);

    /// <summary>Gives the memory of resource <paramref name="id"/> back.</summary>
    protected abstract void GiveBack(int id);

    /// <summary>Throws on a failed Vulkan call: a benchmark that cannot run must not print numbers.</summary>
    protected static void Check(Result result, string call)
    {
        if (result != Result.Success)
            throw new InvalidOperationException($"{call} returned {result}");
    }

    private void Sample() => PeakHeld = Math.Max(PeakHeld, BytesHeld);
}
