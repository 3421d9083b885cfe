using System;
using System.Runtime.InteropServices;
using Reel.Errors;

namespace Reel.Native.Exports;

/// <summary>reel_result_name, reel_last_error_message.</summary>
internal static unsafe class ErrorExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_result_name")]
    public static byte* ResultName(int result)
    {
        try
        {
            return ResultNames.Utf8(result);
        }
        catch (Exception)
        {
            return StaticStrings.Empty;
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_last_error_message")]
    public static byte* LastErrorMessage()
    {
        try
        {
            return LastError.Utf8;
        }
        catch (Exception)
        {
            return StaticStrings.Empty;
        }
    }
}
