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
    private const VkImageUsageFlagBits ViewUsages = VkImageUsageFlagBits.VK_IMAGE_USAGE_SAMPLED_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_STORAGE_BIT
        | VkImageUsageFlagBits.VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_INPUT_ATTACHMENT_BIT
        | VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DST_BIT_KHR | VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DPB_BIT_KHR
        | VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_SRC_BIT_KHR | VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_DPB_BIT_KHR;

    private readonly Lock _lock = new();
    private readonly DpbSlotManager _slots;
    private readonly GpuImage?[] _images;
    private readonly VkImageView[] _views;
    private bool _destroyed;

    private DecodedPictureBuffer(GpuDevice owner, DpbOptions options, VkFormat format, VkImageUsageFlagBits usage)
    {
        Owner = owner;
        Options = options;
        Format = format;
        Usage = usage;
        _slots = new DpbSlotManager((int)options.SlotCount);
        int images = options.SeparateImages ? (int)options.SlotCount : 1;
        _images = new GpuImage?[images];
        _views = new VkImageView[images];
    }

    /// <inheritdoc/>
    public GpuDevice Owner { get; }

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>How it was created.</summary>
    public DpbOptions Options { get; }

    /// <summary>The image format.</summary>
    public VkFormat Format { get; }

    /// <summary>The image usage.</summary>
    public VkImageUsageFlagBits Usage { get; }

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
            VkFormat format = options.Format;
            VkImageUsageFlagBits usage = options.Usage;
            if (options.Operation != VideoCodecOperation.None)
            {
                ReelResult planned = PlanVideo(device, options, function, out profile, ref format, ref usage);
                if (planned != ReelResult.Success)
                    return planned;
            }
            else
            {
                if (format == VkFormat.VK_FORMAT_UNDEFINED)
                    return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->format is VK_FORMAT_UNDEFINED; a DPB without a codec operation needs a format");
                if (usage == 0)
                    usage = VkImageUsageFlagBits.VK_IMAGE_USAGE_TRANSFER_SRC_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_TRANSFER_DST_BIT | VkImageUsageFlagBits.VK_IMAGE_USAGE_SAMPLED_BIT;
            }
            var info = new VkImageCreateInfo
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO,
                pNext = profile is null ? null : profile.List,
                imageType = VkImageType.VK_IMAGE_TYPE_2D,
                format = format,
                extent = new VkExtent3D { width = options.Width, height = options.Height, depth = 1 },
                mipLevels = 1,
                arrayLayers = options.SeparateImages ? 1 : options.SlotCount,
                samples = VkSampleCountFlagBits.VK_SAMPLE_COUNT_1_BIT,
                tiling = VkImageTiling.VK_IMAGE_TILING_OPTIMAL,
                usage = usage,
                sharingMode = VkSharingMode.VK_SHARING_MODE_EXCLUSIVE,
                initialLayout = VkImageLayout.VK_IMAGE_LAYOUT_UNDEFINED,
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
                if (!_views[i].IsNull)
                    Owner.Vulkan.Commands.vkDestroyImageView(Owner.Vulkan.Handle, _views[i], null);
                _views[i] = VkImageView.NULL;
                _images[i]?.Destroy(Owner.Allocator);
                _images[i] = null;
            }
        }
    }

    /// <inheritdoc/>
    public void DestroyWithDevice() => Destroy();

    private ReelResult CreateImages(in VkImageCreateInfo info, string function)
    {
        for (int i = 0; i < _images.Length; i++)
        {
            ReelResult result = GpuResourceFactory.CreateImage(Owner.Allocator, info, GpuMemoryUsage.DeviceLocal, MemoryCategory.Dpb, forceDedicated: false, function, out GpuImage? image);
            if (result != ReelResult.Success)
                return result;
            _images[i] = image;
            if ((Usage & ViewUsages) == 0)
                continue;
            var view = new VkImageViewCreateInfo
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO,
                image = image!.Handle,
                viewType = VkImageViewType.VK_IMAGE_VIEW_TYPE_2D_ARRAY,
                format = Format,
                subresourceRange = new VkImageSubresourceRange
                {
                    aspectMask = VkImageAspectFlagBits.VK_IMAGE_ASPECT_COLOR_BIT,
                    levelCount = 1,
                    layerCount = info.arrayLayers,
                },
            };
            VkImageView handle;
            result = VulkanCall.Check(Owner.Vulkan.Commands.vkCreateImageView(Owner.Vulkan.Handle, &view, null, &handle), function, "vkCreateImageView");
            if (result != ReelResult.Success)
                return result;
            _views[i] = handle;
        }
        return ReelResult.Success;
    }

    /// <summary>The profile, default usage and format of a video DPB, within the driver's limits.</summary>
    private static ReelResult PlanVideo(VulkanDevice device, DpbOptions options, string function, out VideoProfile? profile, ref VkFormat format, ref VkImageUsageFlagBits usage)
    {
        profile = null;
        ReelResult result = VideoCapabilityQuery.QueueFor(device, options.Operation, function, out _);
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
        if (options.Width > caps.MaxExtent.width || options.Height > caps.MaxExtent.height)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->width x height is {options.Width}x{options.Height}; {VideoCapabilityQuery.Name(options.Operation)} goes up to {caps.MaxExtent.width}x{caps.MaxExtent.height}");
        if (options.SeparateImages && !caps.SeparateReferenceImages)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: REEL_DPB_FLAG_SEPARATE_IMAGES needs VK_VIDEO_CAPABILITY_SEPARATE_REFERENCE_IMAGES_BIT_KHR, which {device.PhysicalDevice.Name} does not report for {VideoCapabilityQuery.Name(options.Operation)}");
        VkImageUsageFlagBits dpbUsage = VideoProfile.IsDecode(options.Operation)
            ? VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DPB_BIT_KHR
            : VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_DPB_BIT_KHR;
        if (usage == 0)
            usage = dpbUsage;
        return VideoCapabilityQuery.PickFormat(device, profile, format, dpbUsage, function, "desc->format", out format);
    }
}
