using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.KHR;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Video;

/// <summary>
/// A VkVideoSessionKHR with its memory bound (one dedicated allocation per memory bind index,
/// charged to device memory) and, for H.264 and H.265, an empty session parameters object with
/// room for the usual parameter sets (the host adds SPS/PPS/VPS with
/// vkUpdateVideoSessionParametersKHR). AV1 parameters need a sequence header, so the host
/// creates them. Needs a device with a video queue for the operation.
/// </summary>
internal sealed unsafe class VideoSession : IDeviceChild
{
    /// <summary>Parameter-set capacity of the H.264/H.265 parameters objects.</summary>
    private const uint MaxVps = 16, MaxSps = 32, MaxPps = 256;

    private readonly VulkanDevice _device;

    /// <summary>The device's VK_KHR_video_queue commands; a session exists only where they do.</summary>
    private readonly KhrVideoQueue _video;
    private readonly GpuAllocator _allocator;
    private readonly List<GpuAllocation> _memory;
    private VideoProfile? _profile;

    private VideoSession(GpuDevice owner, KhrVideoQueue video, VideoProfile profile, VideoCaps caps, VulkanQueue queue)
    {
        Owner = owner;
        _device = owner.Vulkan;
        _video = video;
        _allocator = owner.Allocator;
        _profile = profile;
        Caps = caps;
        Queue = queue;
        _memory = new List<GpuAllocation>();
    }

    /// <inheritdoc/>
    public GpuDevice Owner { get; }

    /// <inheritdoc/>
    public Handle Handle { get; set; }

    /// <summary>The session.</summary>
    public VideoSessionKHR Session { get; private set; }

    /// <summary>Its parameters object, or VK_NULL_HANDLE (AV1).</summary>
    public VideoSessionParametersKHR Parameters { get; private set; }

    /// <summary>What the driver reported for the profile.</summary>
    public VideoCaps Caps { get; }

    /// <summary>The queue its commands go to.</summary>
    public VulkanQueue Queue { get; }

    /// <summary>The codec operation.</summary>
    public VideoCodecOperation Operation => Caps.Operation;

    /// <summary>The picture format.</summary>
    public Format PictureFormat { get; private set; }

    /// <summary>The reference picture format.</summary>
    public Format ReferenceFormat { get; private set; }

    /// <summary>maxCodedExtent.</summary>
    public Extent2D MaxExtent { get; private set; }

    /// <summary>maxDpbSlots.</summary>
    public uint MaxDpbSlots { get; private set; }

    /// <summary>maxActiveReferencePictures.</summary>
    public uint MaxActiveReferences { get; private set; }

    /// <summary>Bytes of device memory bound to the session.</summary>
    public ulong MemoryBytes { get; private set; }

    /// <summary>Memory bind indices the driver asked for.</summary>
    public int MemoryBindings => _memory.Count;

    /// <summary>Creates a session as <paramref name="options"/> says; ErrorUnsupported (with the reason) where the device cannot.</summary>
    public static ReelResult Create(GpuDevice owner, VideoSessionOptions options, string function, out VideoSession? session)
    {
        session = null;
        VulkanDevice device = owner.Vulkan;
        ReelResult result = VideoCapabilityQuery.QueueFor(device, options.Operation, function, out VulkanQueue? queue, out KhrVideoQueue? video);
        if (result != ReelResult.Success)
            return result;
        uint depth = options.BitDepth == 0 ? 8 : options.BitDepth;
        if (!VideoProfile.Exists(options.Operation, depth))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: desc->bit_depth is {depth}; Reel's {VideoCapabilityQuery.Name(options.Operation)} profile has 8{(VideoProfile.Exists(options.Operation, 10) ? " or 10" : "")} bits");
        if (options.Operation == VideoCodecOperation.EncodeAv1)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: AV1 encode sessions need the videoEncodeAV1 feature, which Reel does not enable on its devices yet");
        VideoProfile profile = VideoProfile.Create(options.Operation, depth);
        result = VideoCapabilityQuery.Query(device, profile, function, out VideoCaps? caps);
        if (result == ReelResult.Success)
            result = CheckLimits(options, caps!, function);
        if (result != ReelResult.Success)
        {
            profile.Dispose();
            return result;
        }
        var created = new VideoSession(owner, video!, profile, caps!, queue!);
        result = created.Build(options, function);
        if (result != ReelResult.Success)
        {
            created.Destroy();
            return result;
        }
        session = created;
        return ReelResult.Success;
    }

    /// <summary>Destroys the parameters and the session and frees its memory. Submitted work using them must have completed.</summary>
    public void Destroy()
    {
        if (Parameters.Handle != 0)
            _video.DestroyVideoSessionParameters(_device.Handle, Parameters, null);
        Parameters = default;
        if (Session.Handle != 0)
            _video.DestroyVideoSession(_device.Handle, Session, null);
        Session = default;
        foreach (GpuAllocation allocation in _memory)
            _allocator.Free(allocation);
        _memory.Clear();
        _profile?.Dispose();
        _profile = null;
    }

    /// <inheritdoc/>
    public void DestroyWithDevice() => Destroy();

    private static ReelResult CheckLimits(VideoSessionOptions options, VideoCaps caps, string function)
    {
        if (options.MaxWidth < caps.MinExtent.Width || options.MaxWidth > caps.MaxExtent.Width
            || options.MaxHeight < caps.MinExtent.Height || options.MaxHeight > caps.MaxExtent.Height)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->max_width x max_height is {options.MaxWidth}x{options.MaxHeight}; {VideoCapabilityQuery.Name(caps.Operation)} allows {caps.MinExtent.Width}x{caps.MinExtent.Height} to {caps.MaxExtent.Width}x{caps.MaxExtent.Height}");
        }
        if (options.MaxDpbSlots > caps.MaxDpbSlots)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->max_dpb_slots is {options.MaxDpbSlots}; {VideoCapabilityQuery.Name(caps.Operation)} allows up to {caps.MaxDpbSlots}");
        if (options.MaxActiveReferences > caps.MaxActiveReferences)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->max_active_references is {options.MaxActiveReferences}; {VideoCapabilityQuery.Name(caps.Operation)} allows up to {caps.MaxActiveReferences}");
        return ReelResult.Success;
    }

    private ReelResult Build(VideoSessionOptions options, string function)
    {
        bool decode = VideoProfile.IsDecode(Operation);
        MaxDpbSlots = options.MaxDpbSlots != 0 ? options.MaxDpbSlots : Caps.MaxDpbSlots;
        MaxActiveReferences = options.MaxActiveReferences != 0 ? options.MaxActiveReferences : Math.Min(Caps.MaxActiveReferences, MaxDpbSlots);
        MaxExtent = new Extent2D { Width = options.MaxWidth, Height = options.MaxHeight };
        ImageUsageFlags pictureUsage = decode ? ImageUsageFlags.VideoDecodeDstBitKhr : ImageUsageFlags.VideoEncodeSrcBitKhr;
        ImageUsageFlags dpbUsage = decode ? ImageUsageFlags.VideoDecodeDpbBitKhr : ImageUsageFlags.VideoEncodeDpbBitKhr;
        ReelResult result = VideoCapabilityQuery.PickFormat(_device, _profile!, options.PictureFormat, pictureUsage, function, "desc->picture_format", out Format picture);
        if (result != ReelResult.Success)
            return result;
        Format reference = Format.Undefined;
        if (MaxDpbSlots > 0)
        {
            result = VideoCapabilityQuery.PickFormat(_device, _profile!, options.ReferenceFormat, dpbUsage, function, "desc->reference_format", out reference);
            if (result != ReelResult.Success)
                return result;
        }
        PictureFormat = picture;
        ReferenceFormat = reference;

        ExtensionProperties header = Caps.StdHeader;
        var info = new VideoSessionCreateInfoKHR
        {
            SType = StructureType.VideoSessionCreateInfoKhr,
            QueueFamilyIndex = Queue.FamilyIndex,
            PVideoProfile = _profile!.Info,
            PictureFormat = picture,
            MaxCodedExtent = MaxExtent,
            ReferencePictureFormat = reference,
            MaxDpbSlots = MaxDpbSlots,
            MaxActiveReferencePictures = MaxActiveReferences,
            PStdHeaderVersion = &header,
        };
        VideoSessionKHR handle;
        result = VulkanCall.Check(_video.CreateVideoSession(_device.Handle, &info, null, &handle), function, $"vkCreateVideoSessionKHR({VideoCapabilityQuery.Name(Operation)})");
        if (result != ReelResult.Success)
            return result;
        Session = handle;
        result = BindMemory(function);
        return result == ReelResult.Success ? CreateParameters(function) : result;
    }

    private ReelResult BindMemory(string function)
    {
        uint count = 0;
        ReelResult result = VulkanCall.Check(_video.GetVideoSessionMemoryRequirements(_device.Handle, Session, &count, null), function, "vkGetVideoSessionMemoryRequirementsKHR");
        if (result != ReelResult.Success || count == 0)
            return result;
        var requirements = new VideoSessionMemoryRequirementsKHR[count];
        for (int i = 0; i < requirements.Length; i++)
            requirements[i].SType = StructureType.VideoSessionMemoryRequirementsKhr;
        fixed (VideoSessionMemoryRequirementsKHR* p = requirements)
            result = VulkanCall.Check(_video.GetVideoSessionMemoryRequirements(_device.Handle, Session, &count, p), function, "vkGetVideoSessionMemoryRequirementsKHR");
        if (result != ReelResult.Success)
            return result;
        var binds = new BindVideoSessionMemoryInfoKHR[count];
        for (int i = 0; i < count; i++)
        {
            MemoryRequirements needs = requirements[i].MemoryRequirements;
            var request = new AllocationRequest(needs.Size, needs.Alignment, needs.MemoryTypeBits, GpuMemoryUsage.DeviceLocal, ResourceKind.Optimal, MemoryCategory.Device, Dedicated: true);
            result = _allocator.Allocate(request, function, out GpuAllocation? allocation);
            if (result != ReelResult.Success)
                return result;
            _memory.Add(allocation!);
            MemoryBytes += allocation!.Size;
            binds[i] = new BindVideoSessionMemoryInfoKHR
            {
                SType = StructureType.BindVideoSessionMemoryInfoKhr,
                MemoryBindIndex = requirements[i].MemoryBindIndex,
                Memory = allocation.Memory,
                MemoryOffset = allocation.Offset,
                MemorySize = needs.Size,
            };
        }
        fixed (BindVideoSessionMemoryInfoKHR* p = binds)
            return VulkanCall.Check(_video.BindVideoSessionMemory(_device.Handle, Session, count, p), function, "vkBindVideoSessionMemoryKHR");
    }

    private ReelResult CreateParameters(string function)
    {
        var h264Decode = new VideoDecodeH264SessionParametersCreateInfoKHR { SType = StructureType.VideoDecodeH264SessionParametersCreateInfoKhr, MaxStdSpscount = MaxSps, MaxStdPpscount = MaxPps };
        var h265Decode = new VideoDecodeH265SessionParametersCreateInfoKHR { SType = StructureType.VideoDecodeH265SessionParametersCreateInfoKhr, MaxStdVpscount = MaxVps, MaxStdSpscount = MaxSps, MaxStdPpscount = MaxPps };
        var h264Encode = new VideoEncodeH264SessionParametersCreateInfoKHR { SType = StructureType.VideoEncodeH264SessionParametersCreateInfoKhr, MaxStdSpscount = MaxSps, MaxStdPpscount = MaxPps };
        var h265Encode = new VideoEncodeH265SessionParametersCreateInfoKHR { SType = StructureType.VideoEncodeH265SessionParametersCreateInfoKhr, MaxStdVpscount = MaxVps, MaxStdSpscount = MaxSps, MaxStdPpscount = MaxPps };
        void* codec = Operation switch
        {
            VideoCodecOperation.DecodeH264 => &h264Decode,
            VideoCodecOperation.DecodeH265 => &h265Decode,
            VideoCodecOperation.EncodeH264 => &h264Encode,
            VideoCodecOperation.EncodeH265 => &h265Encode,
            _ => null,
        };
        if (codec == null)
            return ReelResult.Success; // AV1: created by the host from its sequence header
        var info = new VideoSessionParametersCreateInfoKHR
        {
            SType = StructureType.VideoSessionParametersCreateInfoKhr,
            PNext = codec,
            VideoSession = Session,
        };
        VideoSessionParametersKHR parameters;
        ReelResult result = VulkanCall.Check(_video.CreateVideoSessionParameters(_device.Handle, &info, null, &parameters), function, "vkCreateVideoSessionParametersKHR");
        if (result == ReelResult.Success)
            Parameters = parameters;
        return result;
    }
}
