using System;
using System.Runtime.InteropServices;

namespace Reel.Codecs;

/// <summary>
/// Lazy binding of a codec library: <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> by
/// SONAME and <see cref="NativeLibrary.TryGetExport"/> per function. Failures come back as
/// reasons, never as exceptions, so a missing library only makes its codec unavailable.
/// </summary>
public static class NativeBinding
{
    /// <summary>Loads <paramref name="libraryName"/>; on failure explains what was tried.</summary>
    public static bool TryLoad(string libraryName, string package, out nint handle, out string reason)
    {
        if (NativeLibrary.TryLoad(libraryName, out handle))
        {
            reason = "";
            return true;
        }
        reason = $"{libraryName} could not be loaded (dlopen by name failed; the Debian package {package} provides it)";
        return false;
    }

    /// <summary>
    /// Resolves every name in <paramref name="names"/> into <paramref name="addresses"/>; on
    /// the first missing export returns false and names it.
    /// </summary>
    public static bool TryGetExports(nint handle, string libraryName, ReadOnlySpan<string> names, Span<nint> addresses, out string reason)
    {
        for (int i = 0; i < names.Length; i++)
        {
            if (!NativeLibrary.TryGetExport(handle, names[i], out addresses[i]) || addresses[i] == 0)
            {
                reason = $"{libraryName} has no export {names[i]}";
                return false;
            }
        }
        reason = "";
        return true;
    }
}
