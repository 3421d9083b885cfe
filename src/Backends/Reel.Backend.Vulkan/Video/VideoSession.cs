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
    private readonly GpuAllocator _allocator;
    private readonly List<GpuAllocation> _memory;
    private VideoProfile? _profile;

    private VideoSession(GpuDevice owner, VideoProfile profile, VideoCaps caps, VulkanQueue queue)
    {
        Owner = owner;
        _device = owner.Vulkan;
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
    public VkVideoSessionKHR Session { get; private set; }

    /// <summary>Its parameters object, or VK_NULL_HANDLE (AV1).</summary>
    public VkVideoSessionParametersKHR Parameters { get; private set; }

    /// <summary>What the driver reported for the profile.</summary>
    public VideoCaps Caps { get; }

    /// <summary>The queue its commands go to.</summary>
    public VulkanQueue Queue { get; }

    /// <summary>The codec operation.</summary>
    public VideoCodecOperation Operation => Caps.Operation;

    /// <summary>The picture format.</summary>
    public VkFormat PictureFormat { get; private set; }

    /// <summary>The reference picture format.</summary>
    public VkFormat ReferenceFormat { get; private set; }

    /// <summary>maxCodedExtent.</summary>
    public VkExtent2D MaxExtent { get; private set; }

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
        ReelResult result = VideoCapabilityQuery.QueueFor(device, options.Operation, function, out VulkanQueue? queue);
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
        var created = new VideoSession(owner, profile, caps!, queue!);
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
        ref readonly VkDeviceCommands vk = ref _device.Commands;
        if (!Parameters.IsNull)
            vk.vkDestroyVideoSessionParametersKHR(_device.Handle, Parameters, null);
        Parameters = VkVideoSessionParametersKHR.NULL;
        if (!Session.IsNull)
            vk.vkDestroyVideoSessionKHR(_device.Handle, Session, null);
        Session = VkVideoSessionKHR.NULL;
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
        if (options.MaxWidth < caps.MinExtent.width || options.MaxWidth > caps.MaxExtent.width
            || options.MaxHeight < caps.MinExtent.height || options.MaxHeight > caps.MaxExtent.height)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: desc->max_width x max_height is {options.MaxWidth}x{options.MaxHeight}; {VideoCapabilityQuery.Name(caps.Operation)} allows {caps.MinExtent.width}x{caps.MinExtent.height} to {caps.MaxExtent.width}x{caps.MaxExtent.height}");
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
        MaxExtent = new VkExtent2D { width = options.MaxWidth, height = options.MaxHeight };
        VkImageUsageFlagBits pictureUsage = decode ? VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DST_BIT_KHR : VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_SRC_BIT_KHR;
        VkImageUsageFlagBits dpbUsage = decode ? VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_DECODE_DPB_BIT_KHR : VkImageUsageFlagBits.VK_IMAGE_USAGE_VIDEO_ENCODE_DPB_BIT_KHR;
        ReelResult result = VideoCapabilityQuery.PickFormat(_device, _profile!, options.PictureFormat, pictureUsage, function, "desc->picture_format", out VkFormat picture);
        if (result != ReelResult.Success)
            return result;
        VkFormat reference = VkFormat.VK_FORMAT_UNDEFINED;
        if (MaxDpbSlots > 0)
        {
            result = VideoCapabilityQuery.PickFormat(_device, _profile!, options.ReferenceFormat, dpbUsage, function, "desc->reference_format", out reference);
            if (result != ReelResult.Success)
                return result;
        }
        PictureFormat = picture;
        ReferenceFormat = reference;

        VkExtensionProperties header = Caps.StdHeader;
        var info = new VkVideoSessionCreateInfoKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_SESSION_CREATE_INFO_KHR,
            queueFamilyIndex = Queue.FamilyIndex,
            pVideoProfile = _profile!.Info,
            pictureFormat = picture,
            maxCodedExtent = MaxExtent,
            referencePictureFormat = reference,
            maxDpbSlots = MaxDpbSlots,
            maxActiveReferencePictures = MaxActiveReferences,
            pStdHeaderVersion = &header,
        };
        VkVideoSessionKHR handle;
        result = VulkanCall.Check(_device.Commands.vkCreateVideoSessionKHR(_device.Handle, &info, null, &handle), function, $"vkCreateVideoSessionKHR({VideoCapabilityQuery.Name(Operation)})");
        if (result != ReelResult.Success)
            return result;
        Session = handle;
        result = BindMemory(function);
        return result == ReelResult.Success ? CreateParameters(function) : result;
    }

    private ReelResult BindMemory(string function)
    {
        ref readonly VkDeviceCommands vk = ref _device.Commands;
        uint count = 0;
        ReelResult result = VulkanCall.Check(vk.vkGetVideoSessionMemoryRequirementsKHR(_device.Handle, Session, &count, null), function, "vkGetVideoSessionMemoryRequirementsKHR");
        if (result != ReelResult.Success || count == 0)
            return result;
        var requirements = new VkVideoSessionMemoryRequirementsKHR[count];
        for (int i = 0; i < requirements.Length; i++)
            requirements[i].sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_SESSION_MEMORY_REQUIREMENTS_KHR;
        fixed (VkVideoSessionMemoryRequirementsKHR* p = requirements)
            result = VulkanCall.Check(vk.vkGetVideoSessionMemoryRequirementsKHR(_device.Handle, Session, &count, p), function, "vkGetVideoSessionMemoryRequirementsKHR");
        if (result != ReelResult.Success)
            return result;
        var binds = new VkBindVideoSessionMemoryInfoKHR[count];
        for (int i = 0; i < count; i++)
        {
            VkMemoryRequirements needs = requirements[i].memoryRequirements;
            var request = new AllocationRequest(needs.size, needs.alignment, needs.memoryTypeBits, GpuMemoryUsage.DeviceLocal, ResourceKind.Optimal, MemoryCategory.Device, Dedicated: true);
            result = _allocator.Allocate(request, function, out GpuAllocation? allocation);
            if (result != ReelResult.Success)
                return result;
            _memory.Add(allocation!);
            MemoryBytes += allocation!.Size;
            binds[i] = new VkBindVideoSessionMemoryInfoKHR
            {
                sType = VkStructureType.VK_STRUCTURE_TYPE_BIND_VIDEO_SESSION_MEMORY_INFO_KHR,
                memoryBindIndex = requirements[i].memoryBindIndex,
                memory = allocation.Memory,
                memoryOffset = allocation.Offset,
                memorySize = needs.size,
            };
        }
        fixed (VkBindVideoSessionMemoryInfoKHR* p = binds)
            return VulkanCall.Check(vk.vkBindVideoSessionMemoryKHR(_device.Handle, Session, count, p), function, "vkBindVideoSessionMemoryKHR");
    }

    private ReelResult CreateParameters(string function)
    {
        var h264Decode = new VkVideoDecodeH264SessionParametersCreateInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H264_SESSION_PARAMETERS_CREATE_INFO_KHR, maxStdSPSCount = MaxSps, maxStdPPSCount = MaxPps };
        var h265Decode = new VkVideoDecodeH265SessionParametersCreateInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_DECODE_H265_SESSION_PARAMETERS_CREATE_INFO_KHR, maxStdVPSCount = MaxVps, maxStdSPSCount = MaxSps, maxStdPPSCount = MaxPps };
        var h264Encode = new VkVideoEncodeH264SessionParametersCreateInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H264_SESSION_PARAMETERS_CREATE_INFO_KHR, maxStdSPSCount = MaxSps, maxStdPPSCount = MaxPps };
        var h265Encode = new VkVideoEncodeH265SessionParametersCreateInfoKHR { sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_ENCODE_H265_SESSION_PARAMETERS_CREATE_INFO_KHR, maxStdVPSCount = MaxVps, maxStdSPSCount = MaxSps, maxStdPPSCount = MaxPps };
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
        var info = new VkVideoSessionParametersCreateInfoKHR
        {
            sType = VkStructureType.VK_STRUCTURE_TYPE_VIDEO_SESSION_PARAMETERS_CREATE_INFO_KHR,
            pNext = codec,
            videoSession = Session,
        };
        VkVideoSessionParametersKHR parameters;
        ReelResult result = VulkanCall.Check(_device.Commands.vkCreateVideoSessionParametersKHR(_device.Handle, &info, null, &parameters), function, "vkCreateVideoSessionParametersKHR");
        if (result == ReelResult.Success)
            Parameters = parameters;
        return result;
    }
}
