using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Reel.Backend.FFmpeg.Interop;

/// <summary>
/// Where the shim is looked for, in order: the file named by REEL_FFMPEG_LIBRARY (a host's
/// own copy; tests point it at a missing name), then libreel_ffmpeg.so.0 in the directory of
/// libreel.so itself (build/build.sh and packages put the two side by side), then the SONAME
/// through the dynamic loader's search (libreel also carries DT_RUNPATH $ORIGIN, and a test
/// host running the managed assemblies finds it on LD_LIBRARY_PATH).
/// </summary>
internal static unsafe class ShimLocation
{
    /// <summary>Environment variable naming the shim to load instead of the one beside libreel.</summary>
    public const string LibraryVariable = "REEL_FFMPEG_LIBRARY";

    /// <summary>The shim's SONAME.</summary>
    public const string SoName = "libreel_ffmpeg.so.0";

    /// <summary>The names to try, most specific first.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        string? overridden = Environment.GetEnvironmentVariable(LibraryVariable);
        if (!string.IsNullOrEmpty(overridden))
            return [overridden];
        var names = new List<string>();
        string? directory = OwnDirectory();
        if (directory is not null)
            names.Add(Path.Combine(directory, SoName));
        names.Add(SoName);
        return names;
    }

    /// <summary>The directory of the shared object this code runs in (libreel.so under NativeAOT), or null when it has none (a managed test host).</summary>
    private static string? OwnDirectory()
    {
        // dladdr on an address inside this module: under NativeAOT the address of an
        // UnmanagedCallersOnly method lies in libreel.so's text; under the JIT it lies in no
        // shared object and dladdr answers 0.
        if (!NativeLibrary.TryLoad("libc.so.6", out nint libc) || !NativeLibrary.TryGetExport(libc, "dladdr", out nint dladdrAddress))
            return null;
        var dladdr = (delegate* unmanaged<void*, DlInfo*, int>)dladdrAddress;
        DlInfo info;
        delegate* unmanaged<void> self = &Anchor;
        if (dladdr(self, &info) == 0 || info.FileName == null)
            return null;
        string? file = Marshal.PtrToStringUTF8((nint)info.FileName);
        if (string.IsNullOrEmpty(file) || !file.Contains(".so", StringComparison.Ordinal))
            return null;
        return Path.GetDirectoryName(Path.GetFullPath(file));
    }

    [UnmanagedCallersOnly]
    private static void Anchor()
    {
    }

    /// <summary>glibc's Dl_info: four pointers, stable across glibc versions.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct DlInfo
    {
        public byte* FileName;
        public void* FileBase;
        public byte* SymbolName;
        public void* SymbolAddress;
    }
}
