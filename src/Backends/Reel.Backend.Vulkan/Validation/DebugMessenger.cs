using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Interop;
using Silk.NET.Core;
using Silk.NET.Vulkan;
using Silk.NET.Vulkan.Extensions.EXT;

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
    private DebugUtilsMessengerEXT _messenger;
    private VkInstance _instance;
    private ExtDebugUtils? _debugUtils;

    /// <summary>A messenger recording into <paramref name="log"/>; pins the log until Dispose.</summary>
    public DebugMessenger(ValidationLog log)
    {
        Log = log;
        _log = GCHandle.Alloc(log);
    }

    /// <summary>Where the messages go.</summary>
    public ValidationLog Log { get; }

    /// <summary>Every severity and type, delivered to <see cref="Callback"/> with the log as user data.</summary>
    public DebugUtilsMessengerCreateInfoEXT CreateInfo(void* next) => new()
    {
        SType = StructureType.DebugUtilsMessengerCreateInfoExt,
        PNext = next,
        MessageSeverity = DebugUtilsMessageSeverityFlagsEXT.VerboseBitExt
            | DebugUtilsMessageSeverityFlagsEXT.InfoBitExt
            | DebugUtilsMessageSeverityFlagsEXT.WarningBitExt
            | DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt,
        MessageType = DebugUtilsMessageTypeFlagsEXT.GeneralBitExt
            | DebugUtilsMessageTypeFlagsEXT.ValidationBitExt
            | DebugUtilsMessageTypeFlagsEXT.PerformanceBitExt,
        PfnUserCallback = new PfnDebugUtilsMessengerCallbackEXT(&Callback),
        PUserData = (void*)GCHandle.ToIntPtr(_log),
    };

    /// <summary>
    /// Creates the messenger on <paramref name="instance"/> through <paramref name="debugUtils"/>,
    /// the instance's VK_EXT_debug_utils commands: null (the extension is not enabled) is
    /// ErrorUnsupported, never a call into an entry point the instance does not have.
    /// </summary>
    public ReelResult Create(VkInstance instance, ExtDebugUtils? debugUtils, string function)
    {
        if (debugUtils is null)
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: {ExtensionNames.ExtDebugUtils} is not enabled on the instance; enable it to capture validation messages");
        DebugUtilsMessengerCreateInfoEXT info = CreateInfo(null);
        DebugUtilsMessengerEXT messenger;
        ReelResult result = VulkanCall.Check(debugUtils.CreateDebugUtilsMessenger(instance, &info, null, &messenger), function, "vkCreateDebugUtilsMessengerEXT");
        if (result != ReelResult.Success)
            return result;
        _messenger = messenger;
        _instance = instance;
        _debugUtils = debugUtils;
        return ReelResult.Success;
    }

    /// <summary>Destroys the messenger created by <see cref="Create"/>, if any; the instance must still be alive.</summary>
    public void DestroyMessenger()
    {
        if (_debugUtils is null || _messenger.Handle == 0)
            return;
        _debugUtils.DestroyDebugUtilsMessenger(_instance, _messenger, null);
        _messenger = default;
    }

    /// <summary>Frees the GCHandle; no Vulkan object may call back after this.</summary>
    public void Dispose()
    {
        DestroyMessenger();
        if (_log.IsAllocated)
            _log.Free();
    }

    /// <summary>PFN_vkDebugUtilsMessengerCallbackEXT: records and returns VK_FALSE (the call that triggered it proceeds).</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static Bool32 Callback(
        DebugUtilsMessageSeverityFlagsEXT severity,
        DebugUtilsMessageTypeFlagsEXT types,
        DebugUtilsMessengerCallbackDataEXT* data,
        void* userData)
    {
        // Nothing may escape into the driver's stack frame; a message that cannot be recorded is dropped.
        try
        {
            if (userData != null && data != null && GCHandle.FromIntPtr((nint)userData).Target is ValidationLog log)
            {
                log.Record(new ValidationMessage(severity, types, data->MessageIdNumber,
                    NativeText.FromPointer(data->PMessageIdName), NativeText.FromPointer(data->PMessage)));
            }
        }
        catch (Exception)
        {
        }
        return false;
    }
}
