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
        const string Function = "reel_result_name";
        try
        {
            return ResultNames.Utf8(result);
        }
        catch (Exception e)
        {
            return ExportGuard.Fallback(Function, e, StaticStrings.Empty);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_last_error_message")]
    public static byte* LastErrorMessage()
    {
        const string Function = "reel_last_error_message";
        try
        {
            return LastError.Utf8;
        }
        catch (Exception e)
        {
            return ExportGuard.Fallback(Function, e, StaticStrings.Empty);
        }
    }
}
