using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Validation;

/// <summary>
/// A VK_EXT_debug_utils messenger that records into a <see cref="ValidationLog"/>. The same
/// create info serves twice: chained into VkInstanceCreateInfo (messages of vkCreateInstance
/// and vkDestroyInstance) and for vkCreateDebugUtilsMessengerEXT (everything in between).
/// The log is reached through a GCHandle passed as pUserData, freed on Dispose, which must
/// therefore come after the messenger and the instance are destroyed.
/// </summary>
internal sealed unsafe class DebugMessenger : IDisposable
{
    private GCHandle _log;
    private VkDebugUtilsMessengerEXT _messenger;
    private VkInstance _instance;
    private delegate* unmanaged<VkInstance, VkDebugUtilsMessengerEXT, VkAllocationCallbacks*, void> _destroy;

    /// <summary>A messenger recording into <paramref name="log"/>; pins the log until Dispose.</summary>
    public DebugMessenger(ValidationLog log)
    {
        Log = log;
        _log = GCHandle.Alloc(log);
    }

    /// <summary>Where the messages go.</summary>
    public ValidationLog Log { get; }

    /// <summary>Every severity and type, delivered to <see cref="Callback"/> with the log as user data.</summary>
    public VkDebugUtilsMessengerCreateInfoEXT CreateInfo(void* next) => new()
    {
        sType = VkStructureType.VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT,
        pNext = next,
        messageSeverity = VkDebugUtilsMessageSeverityFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_SEVERITY_VERBOSE_BIT_EXT
            | VkDebugUtilsMessageSeverityFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_SEVERITY_INFO_BIT_EXT
            | VkDebugUtilsMessageSeverityFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT
            | VkDebugUtilsMessageSeverityFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT,
        messageType = VkDebugUtilsMessageTypeFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT
            | VkDebugUtilsMessageTypeFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT
            | VkDebugUtilsMessageTypeFlagBitsEXT.VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT,
        pfnUserCallback = &Callback,
        pUserData = (void*)GCHandle.ToIntPtr(_log),
    };

    /// <summary>Creates the messenger on <paramref name="instance"/>; the instance must have VK_EXT_debug_utils enabled.</summary>
    public ReelResult Create(VkInstance instance, in VkInstanceCommands commands, string function)
    {
        if (commands.vkCreateDebugUtilsMessengerEXT == null || commands.vkDestroyDebugUtilsMessengerEXT == null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: the instance has no vkCreateDebugUtilsMessengerEXT; enable VK_EXT_debug_utils to capture validation messages");
        VkDebugUtilsMessengerCreateInfoEXT info = CreateInfo(null);
        VkDebugUtilsMessengerEXT messenger;
        ReelResult result = VulkanCall.Check(commands.vkCreateDebugUtilsMessengerEXT(instance, &info, null, &messenger), function, "vkCreateDebugUtilsMessengerEXT");
        if (result != ReelResult.Success)
            return result;
        _messenger = messenger;
        _instance = instance;
        _destroy = commands.vkDestroyDebugUtilsMessengerEXT;
        return ReelResult.Success;
    }

    /// <summary>Destroys the messenger created by <see cref="Create"/>, if any; the instance must still be alive.</summary>
    public void DestroyMessenger()
    {
        if (_messenger.IsNull)
            return;
        _destroy(_instance, _messenger, null);
        _messenger = VkDebugUtilsMessengerEXT.NULL;
    }

    /// <summary>Frees the GCHandle; no Vulkan object may call back after this.</summary>
    public void Dispose()
    {
        DestroyMessenger();
        if (_log.IsAllocated)
            _log.Free();
    }

    /// <summary>PFN_vkDebugUtilsMessengerCallbackEXT: records and returns VK_FALSE (the call that triggered it proceeds).</summary>
    [UnmanagedCallersOnly]
    private static uint Callback(
        VkDebugUtilsMessageSeverityFlagBitsEXT severity,
        VkDebugUtilsMessageTypeFlagBitsEXT types,
        VkDebugUtilsMessengerCallbackDataEXT* data,
        void* userData)
    {
        // Nothing may escape into the driver's stack frame; a message that cannot be recorded is dropped.
        try
        {
            if (userData != null && data != null && GCHandle.FromIntPtr((nint)userData).Target is ValidationLog log)
            {
                log.Record(new ValidationMessage(severity, types, data->messageIdNumber,
                    NativeText.FromPointer(data->pMessageIdName), NativeText.FromPointer(data->pMessage)));
            }
        }
        catch (Exception)
        {
        }
        return VkConstants.VK_FALSE;
    }
}
