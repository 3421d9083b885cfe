using System;
using System.Numerics;
using System.Threading;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Device;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Buffers;

/// <summary>
/// VkBuffers in power-of-two size classes, each buffer with its own suballocated memory,
/// handed out oldest-released first and bounded per class. Bitstream pools use the video
/// usage bits where the device has the matching video queue (VIDEO_PROFILE_INDEPENDENT when
/// videoMaintenance1 is enabled, else the profile of the one operation the pool serves) and
/// round requests to the bitstream alignments the driver reports; elsewhere (lavapipe) they
/// are plain transfer buffers. Memory is charged to device memory. Thread-safe.
/// </summary>
internal sealed unsafe class GpuBufferPool : IDeviceChild
{
    private readonly Lock _lock = new();
    private readonly SizeClass[] _classes;
    private readonly int _minShift;
    private readonly BufferUsageFlags _usage;
    private readonly BufferCreateFlags _flags;
    private readonly GpuMemoryUsage _memory;
    private readonly VideoProfile? _profile;
    private long _acquires;
    private long _created;
    private long _trimmed;
    private int _out;
    private bool _destroyed;

    private GpuBufferPool(GpuDevice owner, GpuBufferPoolOptions options, BufferUsageFlags usage, BufferCreateFlags flags,
        GpuMemoryUsage memory, VideoProfile? profile, ulong offsetAlignment, ulong sizeAlignment, bool videoUsage)
    {
        Owner = owner;
        Options = options;
        _usage = usage;
        _flags = flags;
        _memory = memory;
        _profile = profile;
        OffsetAlignment = offsetAlignment;
        SizeAlignment = sizeAlignment;
        HasVideoUsage = videoUsage;
        _minShift = BitOperations.Log2(options.MinClassSize);
        int count = BitOperations.Log2(options.MaxClassSize) - _minShift + 1;
        _classes = new SizeClass[count];
        for (int i = 0; i < count; i++)
            _classes[i] = new SizeClass(options.MinClassSize << i);
    }

    /// <inheritdoc/>
    public GpuDevice Owner { get; }

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>How it was created.</summary>
    public GpuBufferPoolOptions Options { get; }

    /// <summary>Offsets of data in a buffer should be multiples of this (minBitstreamBufferOffsetAlignment where video applies).</summary>
    public ulong OffsetAlignment { get; }

    /// <summary>Acquired sizes are rounded up to multiples of this (minBitstreamBufferSizeAlignment where video applies).</summary>
    public ulong SizeAlignment { get; }

    /// <summary>Whether the buffers carry VIDEO_DECODE_SRC / VIDEO_ENCODE_DST usage.</summary>
    public bool HasVideoUsage { get; }

    /// <summary>VkBufferUsageFlags of the buffers.</summary>
    public BufferUsageFlags Usage => _usage;

    /// <summary>Creates a pool on <paramref name="owner"/>; bitstream pools ask the driver for their usage and alignments.</summary>
    public static ReelResult Create(GpuDevice owner, GpuBufferPoolOptions options, string function, out GpuBufferPool? pool)
    {
        pool = null;
        VulkanDevice device = owner.Vulkan;
        const BufferUsageFlags TransferBoth = BufferUsageFlags.TransferSrcBit | BufferUsageFlags.TransferDstBit;
        (BufferUsageFlags usage, GpuMemoryUsage memory) = options.Kind switch
        {
            GpuBufferPoolKind.Staging => (BufferUsageFlags.TransferSrcBit, GpuMemoryUsage.Upload),
            GpuBufferPoolKind.Readback => (BufferUsageFlags.TransferDstBit, GpuMemoryUsage.Readback),
            GpuBufferPoolKind.DecodeBitstream => (TransferBoth, GpuMemoryUsage.Upload),
            _ => (TransferBoth, GpuMemoryUsage.Readback),
        };
        bool bitstream = options.Kind is GpuBufferPoolKind.DecodeBitstream or GpuBufferPoolKind.EncodeBitstream;
        if (!bitstream)
        {
            pool = new GpuBufferPool(owner, options, usage, 0, memory, null, options.OffsetAlignment, options.SizeAlignment, videoUsage: false);
            return ReelResult.Success;
        }
        ReelResult result = PlanVideo(device, options, function, out VideoProfile? profile, out BufferCreateFlags flags,
            out ulong offsetAlignment, out ulong sizeAlignment, out bool video);
        if (result != ReelResult.Success)
            return result;
        if (video)
        {
            usage |= options.Kind == GpuBufferPoolKind.DecodeBitstream
                ? BufferUsageFlags.VideoDecodeSrcBitKhr
                : BufferUsageFlags.VideoEncodeDstBitKhr;
        }
        pool = new GpuBufferPool(owner, options, usage, flags, memory, profile,
            Math.Max(options.OffsetAlignment, offsetAlignment), Math.Max(options.SizeAlignment, sizeAlignment), video);
        return ReelResult.Success;
    }

    /// <summary>
    /// A buffer of the smallest class holding <paramref name="size"/> rounded up to
    /// <see cref="SizeAlignment"/>: an idle one (released longest ago), a new one below the
    /// class cap, or LimitReached.
    /// </summary>
    public ReelResult Acquire(ulong size, string function, out GpuBuffer? buffer)
    {
        buffer = null;
        ulong needed = AlignUp(size, SizeAlignment);
        if (size == 0 || needed > Options.MaxClassSize)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: size is {size}; the pool serves 1 to {Options.MaxClassSize} bytes (rounded up to multiples of {SizeAlignment})");
        SizeClass sizeClass = _classes[ClassIndex(needed)];
        lock (_lock)
        {
            if (_destroyed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the pool was destroyed");
            if (sizeClass.Idle.TryDequeue(out var idle))
            {
                buffer = idle.Buffer;
            }
            else
            {
                if (sizeClass.Allocated >= Options.MaxPerClass)
                {
                    return LastError.Set(ReelResult.ErrorLimitReached,
                        $"{function}: all {Options.MaxPerClass} buffers of the pool's {sizeClass.Size}-byte class are out; release one (reel_gpu_allocation_free) or raise max_per_class");
                }
                var spec = new BufferSpec
                {
                    Size = sizeClass.Size,
                    Usage = _usage,
                    Memory = _memory,
                    Category = MemoryCategory.Device,
                    Flags = _flags,
                    Next = _profile is null ? null : _profile.List,
                };
                ReelResult result = GpuResourceFactory.CreateBuffer(Owner.Allocator, spec, function, out buffer);
                if (result != ReelResult.Success)
                    return result;
                sizeClass.Allocated++;
                _created++;
            }
            _acquires++;
            _out++;
        }
        return ReelResult.Success;
    }

    /// <summary>Takes a buffer back: idle again, or destroyed when the pool is gone.</summary>
    public void Return(GpuBuffer buffer)
    {
        SizeClass sizeClass = _classes[ClassIndex(buffer.Size)];
        lock (_lock)
        {
            _out--;
            if (!_destroyed)
            {
                sizeClass.Idle.Enqueue((buffer, Owner.Context.Clock.Frame));
                return;
            }
            sizeClass.Allocated--;
        }
        buffer.Destroy(Owner.Allocator);
    }

    /// <summary>Destroys idle buffers returned <see cref="GpuBufferPoolOptions.TrimIdleFrames"/> or more frames before <paramref name="frame"/>.</summary>
    public int Trim(long frame)
    {
        if (Options.TrimIdleFrames == 0)
            return 0;
        int trimmed = 0;
        lock (_lock)
        {
            if (_destroyed)
                return 0;
            foreach (SizeClass sizeClass in _classes)
            {
                // FIFO: the oldest idle buffer is at the front.
                while (sizeClass.Idle.TryPeek(out var idle) && frame - idle.Frame >= Options.TrimIdleFrames)
                {
                    sizeClass.Idle.Dequeue();
                    sizeClass.Allocated--;
                    idle.Buffer.Destroy(Owner.Allocator);
                    trimmed++;
                }
            }
            _trimmed += trimmed;
        }
        return trimmed;
    }

    /// <summary>Counters at one instant.</summary>
    public GpuBufferPoolStats GetStats()
    {
        lock (_lock)
        {
            int allocated = 0, idle = 0;
            ulong bytes = 0;
            foreach (SizeClass sizeClass in _classes)
            {
                allocated += sizeClass.Allocated;
                idle += sizeClass.Idle.Count;
                bytes += (ulong)sizeClass.Allocated * sizeClass.Size;
            }
            return new GpuBufferPoolStats(_classes.Length, allocated, idle, _out, _acquires, _created, _trimmed, bytes);
        }
    }

    /// <summary>Destroys the idle buffers; buffers still out are destroyed when they come back.</summary>
    public void Destroy()
    {
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            foreach (SizeClass sizeClass in _classes)
            {
                while (sizeClass.Idle.TryDequeue(out var idle))
                {
                    sizeClass.Allocated--;
                    idle.Buffer.Destroy(Owner.Allocator);
                }
            }
        }
        _profile?.Dispose();
        if (_out > 0 && Owner.Log.IsEnabled(LogLevel.Debug))
            Owner.Log.Write(LogLevel.Debug, $"gpu buffer pool '{Options.Name}' destroyed with {_out} buffer(s) out; they are destroyed when released");
    }

    /// <inheritdoc/>
    public void DestroyWithDevice() => Destroy();

    private int ClassIndex(ulong size) =>
        size <= Options.MinClassSize ? 0 : BitOperations.Log2(BitOperations.RoundUpToPowerOf2(size)) - _minShift;

    private static ulong AlignUp(ulong value, ulong alignment) => alignment <= 1 ? value : (value + alignment - 1) / alignment * alignment;

    /// <summary>
    /// How a bitstream pool's buffers serve video: the usage bit and flags, the profile (without
    /// videoMaintenance1), and the alignments; or plain transfer buffers when the device has no
    /// video queue for the direction and the host named no operation.
    /// </summary>
    private static ReelResult PlanVideo(VulkanDevice device, GpuBufferPoolOptions options, string function, out VideoProfile? profile,
        out BufferCreateFlags flags, out ulong offsetAlignment, out ulong sizeAlignment, out bool video)
    {
        profile = null;
        flags = 0;
        offsetAlignment = 1;
        sizeAlignment = 1;
        video = false;
        bool decode = options.Kind == GpuBufferPoolKind.DecodeBitstream;
        VideoCodecOperation[] operations;
        if (options.Operation != VideoCodecOperation.None)
        {
            if (VideoProfile.IsDecode(options.Operation) != decode)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->codec_operation is {VideoCapabilityQuery.Name(options.Operation)}, which does not match desc->kind {options.Kind}");
            ReelResult supported = VideoCapabilityQuery.QueueFor(device, options.Operation, function, out _, out _);
            if (supported != ReelResult.Success)
                return supported;
            operations = [options.Operation];
        }
        else
        {
            operations = Array.FindAll(VideoCapabilityQuery.Operations,
                o => VideoProfile.IsDecode(o) == decode && VideoCapabilityQuery.CanRun(device, o));
            bool independent = (device.EnabledFeatures & VulkanFeatures.VideoMaintenance1) != 0;
            // Without videoMaintenance1 a video buffer names its profile, so "any operation" means plain buffers.
            if (operations.Length == 0 || !independent)
                return ReelResult.Success;
        }
        foreach (VideoCodecOperation operation in operations)
        {
            using VideoProfile probe = VideoProfile.Create(operation);
            ReelResult result = VideoCapabilityQuery.Query(device, probe, function, out VideoCaps? caps);
            if (result != ReelResult.Success)
                return result;
            offsetAlignment = Math.Max(offsetAlignment, caps!.BitstreamOffsetAlignment);
            sizeAlignment = Math.Max(sizeAlignment, caps.BitstreamSizeAlignment);
        }
        video = true;
        if ((device.EnabledFeatures & VulkanFeatures.VideoMaintenance1) != 0)
            flags = BufferCreateFlags.VideoProfileIndependentBitKhr;
        else
            profile = VideoProfile.Create(operations[0]);
        return ReelResult.Success;
    }
}
