using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Logging;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Buffers;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Device;
using Reel.Vulkan.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// Records a host's VkImages into an <see cref="IPictureTarget"/> (the movie writer): per
/// image, on the caller's thread, a compute pass converts it to 4:2:0 into a slot's
/// device-local buffer, a copy moves the planes into a buffer of the recorder's readback pool,
/// and the submission waits for the host's timeline point and signals the host's reuse point
/// and the queue's timeline. A collector thread waits for each frame's queue value (in
/// order), copies the planes into the frame reserved at submission and commits it. At most
/// <see cref="FramesInFlight"/> frames are between submission and commit; a write waits for a
/// slot (with the caller's timeout), never for the queue or the device to go idle.
/// </summary>
internal sealed unsafe partial class VkImageRecorder : IPictureSource, IDeviceDependent
{
    /// <summary>Frames in flight when the host says 0.</summary>
    public const int DefaultFramesInFlight = 3;

    /// <summary>Most frames in flight.</summary>
    public const int MaxFramesInFlight = 8;

    /// <summary>The tag of reserved frames in the outstanding report: "VKIMAGE" in ASCII.</summary>
    public const ulong FrameTag = 0x0045_4741_4D49_4B56;

    /// <summary>How long finishing waits for frames in flight before giving up on them.</summary>
    private const int FinishTimeoutMilliseconds = 10_000;

    private readonly GpuDevice _device;
    private readonly VulkanDevice _vulkan;
    private readonly IPictureTarget _target;
    private readonly CommandBufferManager _queue;
    private readonly YuvPlanes _planes;
    private readonly HashSet<Format> _sampleable;
    private readonly Lock _writeLock = new();
    private readonly Lock _lock = new();
    private readonly Stack<RecorderSlot> _freeSlots = new();
    private readonly Queue<InFlightFrame> _inFlight = new();
    private readonly SemaphoreSlim _free;
    private readonly SemaphoreSlim _queued = new(0);
    private readonly List<RecorderSlot> _slots = new();
    private YuvConversionPipeline? _pipeline;
    private GpuBufferPool? _readback;
    private Thread? _collector;
    private long _sequence;
    private bool _closing;
    private bool _finished;
    private ReelResult _failure;
    private string? _failureMessage;

    private VkImageRecorder(GpuDevice device, IPictureTarget target, CommandBufferManager queue, int framesInFlight, bool nv12, HashSet<Format> sampleable)
    {
        _device = device;
        _vulkan = device.Vulkan;
        _target = target;
        _queue = queue;
        _planes = new YuvPlanes(target.Width, target.Height, nv12);
        _sampleable = sampleable;
        FramesInFlight = framesInFlight;
        _free = new SemaphoreSlim(framesInFlight, framesInFlight);
    }

    /// <summary>Frames between submission and commit at most.</summary>
    public int FramesInFlight { get; }

    /// <summary>The device it records on.</summary>
    public GpuDevice Device => _device;

    /// <summary>Frames committed so far.</summary>
    public long Committed => Interlocked.Read(ref _committed);

    private long _committed;

    /// <summary>
    /// Makes a recorder of <paramref name="target"/>'s size on <paramref name="device"/>'s
    /// compute queue, with <paramref name="framesInFlight"/> slots; <paramref name="nv12"/>
    /// makes the shader write NV12 (deinterleaved into the target's planes on commit).
    /// </summary>
    public static ReelResult Create(GpuDevice device, IPictureTarget target, int framesInFlight, bool nv12, string function, out VkImageRecorder? recorder)
    {
        recorder = null;
        CommandBufferManager? queue = device.QueueFor(GpuQueueRole.Compute);
        if (queue is null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {device.Vulkan.PhysicalDevice.Name} has no compute queue in this device; recording images needs one");
        var made = new VkImageRecorder(device, target, queue, framesInFlight, nv12, SampleableFormats(device.Vulkan));
        ReelResult result = made.CreateObjects(function);
        if (result == ReelResult.Success)
            result = device.AddDependent(made, function);
        if (result != ReelResult.Success)
        {
            made.DestroyObjects();
            return result;
        }
        made._collector = new Thread(made.CollectLoop) { IsBackground = true, Name = "reel vk image collector" };
        made._collector.Start();
        device.Log.Write(LogLevel.Info, $"recording {target.Width}x{target.Height} images on {queue.Queue} of {device.Vulkan.PhysicalDevice.Name}, {framesInFlight} frames in flight");
        recorder = made;
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Finish(string function)
    {
        lock (_writeLock)
        {
            if (_finished)
                return ReelResult.Success;
            _finished = true;
        }
        _device.RemoveDependent(this);
        return Shutdown(function);
    }

    /// <inheritdoc/>
    public void OnDeviceDestroying()
    {
        lock (_writeLock)
        {
            if (_finished)
                return;
            _finished = true;
        }
        Shutdown("reel_device_destroy (movie writer recording from the device)");
    }

    /// <summary>
    /// Lets the collector commit every frame in flight (up to <see cref="FinishTimeoutMilliseconds"/>),
    /// stops it and destroys the Vulkan objects. Frames whose work did not complete are
    /// cancelled and their objects left alive (destroying them would free what the GPU still uses).
    /// </summary>
    private ReelResult Shutdown(string function)
    {
        lock (_lock)
            _closing = true;
        _queued.Release();
        bool stopped = _collector is null || _collector.Join(FinishTimeoutMilliseconds);
        ReelResult result = ReelResult.Success;
        if (!stopped)
        {
            string stuck = DescribeOldest();
            result = LastError.Set(ReelResult.Timeout,
                $"{function}: frames still in flight after {FinishTimeoutMilliseconds / 1000} s ({stuck}); they are not recorded and their Vulkan objects stay until the device is destroyed");
            _device.Log.Write(LogLevel.Error, LastError.Message);
            return result;
        }
        DestroyObjects();
        lock (_lock)
        {
            if (_failureMessage is not null)
                result = LastError.Set(_failure, _failureMessage);
        }
        return result;
    }

    private ReelResult CreateObjects(string function)
    {
        ReelResult result = YuvConversionPipeline.Create(_vulkan, FramesInFlight, function, out _pipeline, out DescriptorSet[] sets);
        if (result != ReelResult.Success)
            return result;
        for (int i = 0; i < FramesInFlight; i++)
        {
            var spec = new BufferSpec
            {
                Size = (ulong)_planes.Size,
                Usage = BufferUsageFlags.StorageBufferBit | BufferUsageFlags.TransferSrcBit,
                Memory = GpuMemoryUsage.DeviceLocal,
                Category = MemoryCategory.Device,
            };
            result = GpuResourceFactory.CreateBuffer(_device.Allocator, spec, function, out GpuBuffer? conversion);
            if (result != ReelResult.Success)
                return result;
            var slot = new RecorderSlot(i, conversion!, sets[i]);
            _slots.Add(slot);
            _freeSlots.Push(slot);
        }
        ulong classSize = Math.Max(GpuBufferPoolOptions.DefaultMinClassSize, BitOperations.RoundUpToPowerOf2((ulong)_planes.Size));
        var options = new GpuBufferPoolOptions
        {
            Kind = GpuBufferPoolKind.Readback,
            MinClassSize = classSize,
            MaxClassSize = classSize,
            MaxPerClass = (uint)FramesInFlight,
            Name = "movie writer image readback",
        };
        return GpuBufferPool.Create(_device, options, function, out _readback);
    }

    private void DestroyObjects()
    {
        foreach (RecorderSlot slot in _slots)
            slot.Conversion.Destroy(_device.Allocator);
        _slots.Clear();
        _freeSlots.Clear();
        _readback?.Destroy();
        _readback = null;
        _pipeline?.Dispose();
        _pipeline = null;
    }

    /// <summary>The formats whose optimal-tiling images the device can sample.</summary>
    private static HashSet<Format> SampleableFormats(VulkanDevice device)
    {
        var found = new HashSet<Format>();
        foreach (Format format in SourceFormat.All)
        {
            FormatProperties properties;
            device.Instance.Vk.GetPhysicalDeviceFormatProperties(device.PhysicalDevice.Handle, format, &properties);
            if ((properties.OptimalTilingFeatures & FormatFeatureFlags.SampledImageBit) != 0)
                found.Add(format);
        }
        return found;
    }

    /// <summary>Remembers the first failure of the collector; the next write (or the finish) reports it.</summary>
    private void Fail(ReelResult result, string message)
    {
        lock (_lock)
        {
            if (_failureMessage is not null)
                return;
            _failure = result;
            _failureMessage = message;
        }
        _device.Log.Write(LogLevel.Error, message);
    }
}
