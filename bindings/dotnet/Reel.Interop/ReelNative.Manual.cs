using System.Runtime.InteropServices;

namespace Reel.Interop;

/// <summary>The function-like macros and static inline helpers of reel.h, by hand.</summary>
public static unsafe partial class ReelNative
{
    /// <summary>REEL_MAKE_VERSION(major, minor, patch).</summary>
    public static uint REEL_MAKE_VERSION(uint major, uint minor, uint patch) => (major << 22) | (minor << 12) | patch;

    /// <summary>REEL_API_VERSION: the version of the header these bindings were generated from.</summary>
    public static uint REEL_API_VERSION => REEL_MAKE_VERSION(REEL_VERSION_MAJOR, REEL_VERSION_MINOR, REEL_VERSION_PATCH);

    /// <summary>reel_context_desc_default(): struct_size and api_version set, every other field at its default.</summary>
    public static reel_context_desc_t reel_context_desc_default() => new()
    {
        struct_size = (uint)sizeof(reel_context_desc_t),
        api_version = REEL_API_VERSION,
    };

    /// <summary>reel_last_error_message() as a managed string.</summary>
    public static string LastErrorMessage() => Marshal.PtrToStringUTF8((nint)reel_last_error_message()) ?? "";

    /// <summary>reel_result_name() as a managed string.</summary>
    public static string ResultName(reel_result_t result) => Marshal.PtrToStringUTF8((nint)reel_result_name(result)) ?? "";
}
