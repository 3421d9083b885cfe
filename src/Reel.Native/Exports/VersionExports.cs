using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Native.Exports;

/// <summary>reel_version, reel_version_string.</summary>
internal static unsafe class VersionExports
{
    private static readonly nint s_versionText = (nint)StaticStrings.Intern(ReelVersion.Text);

    [UnmanagedCallersOnly(EntryPoint = "reel_version")]
    public static uint Version()
    {
        const string Function = "reel_version";
        try
        {
            return ReelVersion.Packed;
        }
        catch (Exception e)
        {
            return ExportGuard.Fallback(Function, e, ReelVersion.Packed);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_version_string")]
    public static byte* VersionString()
    {
        const string Function = "reel_version_string";
        try
        {
            return (byte*)s_versionText;
        }
        catch (Exception e)
        {
            return ExportGuard.Fallback(Function, e, StaticStrings.Empty);
        }
    }
}
