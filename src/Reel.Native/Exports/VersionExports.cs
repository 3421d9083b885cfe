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
        try
        {
            return ReelVersion.Packed;
        }
        catch (Exception)
        {
            return ReelVersion.Packed;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_version_string")]
    public static byte* VersionString()
    {
        try
        {
            return (byte*)s_versionText;
        }
        catch (Exception)
        {
            return StaticStrings.Empty;
        }
    }
}
