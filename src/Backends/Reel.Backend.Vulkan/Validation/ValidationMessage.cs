using Silk.NET.Vulkan;

namespace Reel.Vulkan.Validation;

/// <summary>
/// One message of VK_EXT_debug_utils: from the validation layer (a VUID such as
/// "VUID-vkDestroyDevice-device-00378", or "SYNC-HAZARD-WRITE-AFTER-WRITE"), the loader or a driver.
/// </summary>
/// <param name="Severity">Verbose, info, warning or error.</param>
/// <param name="Types">General, validation and/or performance.</param>
/// <param name="MessageIdNumber">The layer's numeric message id (a hash of the VUID).</param>
/// <param name="MessageIdName">The VUID or other id name; "" when the sender gives none.</param>
/// <param name="Text">The message as the sender wrote it.</param>
public readonly record struct ValidationMessage(
    DebugUtilsMessageSeverityFlagsEXT Severity,
    DebugUtilsMessageTypeFlagsEXT Types,
    int MessageIdNumber,
    string MessageIdName,
    string Text)
{
    /// <summary>Whether the message has error severity (a broken rule; tests fail on these).</summary>
    public bool IsError => (Severity & DebugUtilsMessageSeverityFlagsEXT.ErrorBitExt) != 0;

    /// <summary>Whether the message has warning severity.</summary>
    public bool IsWarning => (Severity & DebugUtilsMessageSeverityFlagsEXT.WarningBitExt) != 0;

    public override string ToString() => $"[{SeverityName}] {MessageIdName} ({MessageIdNumber:x8}): {Text}";

    private string SeverityName => IsError ? "error" : IsWarning ? "warning"
        : (Severity & DebugUtilsMessageSeverityFlagsEXT.InfoBitExt) != 0 ? "info" : "verbose";
}
