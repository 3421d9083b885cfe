using System;
using System.Threading;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Video;

namespace Reel.Vulkan.Dpb;

/// <summary>
/// A decoded picture buffer: the images of its slots and the slot manager. By default one 2D
/// image with an array layer per slot and one 2D_ARRAY view over all layers (what every video
/// driver accepts); with <see cref="DpbOptions.SeparateImages"/> one image and view per slot
/// (video devices that report SEPARATE_REFERENCE_IMAGES, or plain images). Video DPBs carry the
/// operation's profile and DPB usage; plain DPBs (tests, CPU-only devices) use transfer and
/// sampled usage. Memory is device-local and charged to the DPB category. Thread-safe.
/// </summary>
internal sealed unsafe class DecodedPictureBuffer : IDeviceChild
{
    /// <summary>Usage bits that allow image views.</summary>
    private const ImageUsageFlags ViewUsages = ImageUsageFlags.SampledBit | ImageUsageFlags.StorageBit
        | ImageUsageFlags.ColorAttachmentBit | ImageUsageFlags.InputAttachmentBit
        | ImageUsageFlags.VideoDecodeDstBitKhr | ImageUsageFlags.VideoDecodeDpbBitKhr
        | ImageUsageFlags.VideoEncodeSrcBitKhr | ImageUsageFlags.VideoEncodeDpbBitKhr;

    private readonly Lock _lock = new();
    private readonly DpbSlotManager _slots;
    private readonly GpuImage?[] _images;
    private readonly ImageView[] _views;
    private bool _destroyed;

    private DecodedPictureBuffer(GpuDevice owner, DpbOptions options, Format format, ImageUsageFlags usage)
    {
        Owner = owner;
        Options = options;
        Format = format;
        Usage = usage;
        _slots = new DpbSlotManager((int)options.SlotCount);
        int images = options.SeparateImages ? (int)options.SlotCount : 1;
        _images = new GpuImage?[images];
        _views = new ImageView[images];
    }

    /// <inheritdoc/>
    public GpuDevice Owner { get; }

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>How it was created.</summary>
    public DpbOptions Options { get; }

    /// <summary>The image format.</summary>
    public Format Format { get; }

    /// <summary>The image usage.</summary>
    public ImageUsageFlags Usage { get; }

    /// <summary>Whether the slots are layers of one image.</summary>
    public bool IsLayered => !Options.SeparateImages;

    /// <summary>Bytes of device memory the images hold.</summary>
    public ulong MemoryBytes
    {
        get
        {
            ulong bytes = 0;
            foreach (GpuImage? image in _images)
                bytes += image?.Allocation.Size ?? 0;
            return bytes;
        }
    }

    /// <summary>Creates the images and views; ErrorUnsupported (with the reason) when the device cannot hold them.</summary>
    public static ReelResult Create(GpuDevice owner, DpbOptions options, string function, out DecodedPictureBuffer? dpb)
    {
        dpb = null;
        VulkanDevice device = owner.Vulkan;
        VideoProfile? profile = null;
        try
        {
            Format format = options.Format;
            ImageUsageFlags usage = options.Usage;
            if (options.Operation != VideoCodecOperation.None)
            {
                ReelResult planned = PlanVideo(device, options, function, out profile, ref format, ref usage);
                if (planned != ReelResult.Success)
                    return planned;
            }
            else
            {
                if (format == Format.Undefined)
                    return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->format is VK_FORMAT_UNDEFINED; a DPB without a codec operation needs a format");
                if (usage == 0)
                    usage = ImageUsageFlags.TransferSrcBit | ImageUsageFlags.TransferDstBit | ImageUsageFlags.SampledBit;
            }
            var info = new ImageCreateInfo
            {
                SType = StructureType.ImageCreateInfo,
                PNext = profile is null ? null : profile.List,
                ImageType = ImageType.Type2D,
                Format = format,
                Extent = new Extent3D { Width = options.Width, Height = options.Height, Depth = 1 },
                MipLevels = 1,
                ArrayLayers = options.SeparateImages ? 1 : options.SlotCount,
                Samples = SampleCountFlags.Count1Bit,
                Tiling = ImageTiling.Optimal,
                Usage = usage,
                SharingMode = SharingMode.Exclusive,
                InitialLayout = ImageLayout.Undefined,
            };
            ReelResult result = GpuResourceFactory.CheckImageSupport(device, info, function, "the DPB image");
            if (result != ReelResult.Success)
                return result;
            var created = new DecodedPictureBuffer(owner, options, format, usage);
            result = created.CreateImages(info, function);
            if (result != ReelResult.Success)
            {
                created.Destroy();
                return result;
            }
            dpb = created;
            return ReelResult.Success;
        }
        finally
        {
            // The profile is needed only while the images are created.
            profile?.Dispose();
        }
    }

    /// <summary>Acquires a slot (see <see cref="DpbSlotManager.Acquire"/>).</summary>
    public ReelResult Acquire(ulong frameNumber, long timestamp, string function, out int slot, out long recycledFrame)
    {
        lock (_lock)
            return _slots.Acquire(frameNumber, timestamp, function, out slot, out recycledFrame);
    }

    /// <summary>Releases an active slot.</summary>
    public ReelResult Release(uint slot, string function)
    {
        lock (_lock)
            return _slots.CheckRange(slot, function) != ReelResult.Success ? LastError.Result : _slots.Release((int)slot, function);
    }

    /// <summary>Marks or unmarks an active slot's picture as a reference.</summary>
    public ReelResult MarkReference(uint slot, bool isReference, string function)
    {
        lock (_lock)
            return _slots.CheckRange(slot, function) != ReelResult.Success ? LastError.Result : _slots.MarkReference((int)slot, isReference, function);
    }

    /// <summary>A slot's state and picture resource.</summary>
    public ReelResult GetSlot(uint slot, string function, out DpbSlotPicture picture)
    {
        picture = default;
        lock (_lock)
        {
            ReelResult result = _slots.CheckRange(slot, function);
            if (result != ReelResult.Success)
                return result;
            int image = IsLayered ? 0 : (int)slot;
            uint layer = IsLayered ? slot : 0;
            picture = new DpbSlotPicture(_slots[(int)slot], _images[image]!.Handle, _views[image], layer, layer, Options.Width, Options.Height, Format);
            return ReelResult.Success;
        }
    }

    /// <summary>Slot counts: total, active, references, recycled acquires.</summary>
    public (int Slots, int Active, int References, long Recycled) Counts
    {
        get
        {
            lock (_lock)
                return (_slots.Count, _slots.ActiveCount, _slots.ReferenceCount, _slots.Recycled);
        }
    }

    /// <summary>Destroys the views and images. The GPU must be done with them.</summary>
    public void Destroy()
    {
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            for (int i = 0; i < _images.Length; i++)
            {
                if (_views[i].Handle != 0)
                    Owner.Vulkan.Vk.DestroyImageView(Owner.Vulkan.Handle, _views[i], null);
                _views[i] = default;
                _images[i]?.Destroy(Owner.Allocator);
                _images[i] = null;
            }
        }
    }

    /// <inheritdoc/>
    public void DestroyWithDevice() => Destroy();

    private ReelResult CreateImages(in ImageCreateInfo info, string function)
    {
        for (int i = 0; i < _images.Length; i++)
        {
            ReelResult result = GpuResourceFactory.CreateImage(Owner.Allocator, info, GpuMemoryUsage.DeviceLocal, MemoryCategory.Dpb, forceDedicated: false, function, out GpuImage? image);
            if (result != ReelResult.Success)
                return result;
            _images[i] = image;
            if ((Usage & ViewUsages) == 0)
                continue;
            var view = new ImageViewCreateInfo
            {
                SType = StructureType.ImageViewCreateInfo,
                Image = image!.Handle,
                ViewType = ImageViewType.Type2DArray,
                Format = Format,
                SubresourceRange = new ImageSubresourceRange
                {
                    AspectMask = ImageAspectFlags.ColorBit,
                    LevelCount = 1,
                    LayerCount = info.ArrayLayers,
                },
            };
            ImageView handle;
            result = VulkanCall.Check(Owner.Vulkan.Vk.CreateImageView(Owner.Vulkan.Handle, &view, null, &handle), function, "vkCreateImageView");
            if (result != ReelResult.Success)
                return result;
            _views[i] = handle;
        }
        return ReelResult.Success;
    }

    /// <summary>The profile, default usage and format of a video DPB, within the driver's limits.</summary>
    private static ReelResult PlanVideo(VulkanDevice device, DpbOptions options, string function, out VideoProfile? profile, ref Format format, ref ImageUsageFlags usage)
    {
        profile = null;
        ReelResult result = VideoCapabilityQuery.QueueFor(device, options.Operation, function, out _, out _);
        if (result != ReelResult.Success)
            return result;
        uint depth = options.BitDepth == 0 ? 8 : options.BitDepth;
        if (!VideoProfile.Exists(options.Operation, depth))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: desc->bit_depth is {depth}; Reel has no {depth}-bit {VideoCapabilityQuery.Name(options.Operation)} profile");
        profile = VideoProfile.Create(options.Operation, depth);
        result = VideoCapabilityQuery.Query(device, profile, function, out VideoCaps? caps);
        if (result != ReelResult.Success)
            return result;
        if (options.SlotCount > caps!.MaxDpbSlots)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->slot_count is {options.SlotCount}; {VideoCapabilityQuery.Name(options.Operation)} allows up to {caps.MaxDpbSlots} DPB slots");
        if (options.Width > caps.MaxExtent.Width || options.Height > caps.MaxExtent.Height)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->width x height is {options.Width}x{options.Height}; {VideoCapabilityQuery.Name(options.Operation)} goes up to {caps.MaxExtent.Width}x{caps.MaxExtent.Height}");
        if (options.SeparateImages && !caps.SeparateReferenceImages)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: REEL_DPB_FLAG_SEPARATE_IMAGES needs VK_VIDEO_CAPABILITY_SEPARATE_REFERENCE_IMAGES_BIT_KHR, which {device.PhysicalDevice.Name} does not report for {VideoCapabilityQuery.Name(options.Operation)}");
        ImageUsageFlags dpbUsage = VideoProfile.IsDecode(options.Operation)
            ? ImageUsageFlags.VideoDecodeDpbBitKhr
            : ImageUsageFlags.VideoEncodeDpbBitKhr;
        if (usage == 0)
            usage = dpbUsage;
        return VideoCapabilityQuery.PickFormat(device, profile, format, dpbUsage, function, "desc->format", out format);
    }
}
