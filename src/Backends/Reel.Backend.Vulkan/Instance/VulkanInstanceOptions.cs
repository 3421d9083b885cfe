using System.Collections.Generic;
using Reel.Logging;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Instance;

/// <summary>How Reel creates its own VkInstance (the headless case; a host's instance is adopted instead).</summary>
public sealed class VulkanInstanceOptions
{
    /// <summary>VkApplicationInfo.pApplicationName.</summary>
    public string ApplicationName { get; init; } = "reel";

    /// <summary>The highest Vulkan version Reel may use; at least 1.1. Default 1.3.</summary>
    public uint ApiVersion { get; init; } = VulkanVersion.V1_3;

    /// <summary>Enable VK_LAYER_KHRONOS_validation and record its messages in <see cref="ValidationLog"/>.</summary>
    public bool Validation { get; init; }

    /// <summary>With <see cref="Validation"/>: turn on synchronization validation (VkValidationFeaturesEXT).</summary>
    public bool SynchronizationValidation { get; init; } = true;

    /// <summary>
    /// With <see cref="Validation"/>: how often the layer repeats one message id before it goes
    /// quiet (its default is 10, which hides all but ten leaked objects of one kind).
    /// </summary>
    public uint DuplicateMessageLimit { get; init; } = 100_000;

    /// <summary>Where validation messages go; a new log when null and <see cref="Validation"/> is set.</summary>
    public ValidationLog? ValidationLog { get; init; }

    /// <summary>More instance extensions to enable; each must be available.</summary>
    public IReadOnlyList<string> Extensions { get; init; } = [];

    /// <summary>Where Reel reports what it created (info) and forwards validation messages.</summary>
    public Logger? Log { get; init; }
}
