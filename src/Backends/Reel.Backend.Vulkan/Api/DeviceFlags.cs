using System;
using Reel.Abi;

namespace Reel.Vulkan.Api;

/// <summary>Options of device creation and adoption (<c>reel_device_flags_t</c>). Values are pinned.</summary>
[Flags]
[CType("reel_device_flags_t", MemberPrefix = "REEL_DEVICE_FLAG_")]
public enum DeviceFlags
{
    /// <summary>No options.</summary>
    None = 0,
    /// <summary>Capture validation messages (create: enable the layer; adopt: add Reel's messenger).</summary>
    Validation = 1,
    /// <summary>Create: enable no video queue or extension.</summary>
    NoVideo = 2,
}
