using System;
using System.Reflection;
using System.Runtime.CompilerServices;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Native.Interop;

/// <summary>
/// Reads a host struct whose size the host declares in its first field, the way Linux's
/// extensible syscalls (openat2, clone3) do: a shorter struct from an older host gets zeros
/// (defaults) for the fields it lacks; a longer struct from a newer host is accepted only if
/// every byte this library does not know is zero.
/// </summary>
internal static unsafe class VersionedStruct
{
    /// <summary>Largest struct_size accepted; anything bigger is a garbage value, not a newer struct.</summary>
    public const uint MaxStructSize = 64 * 1024;

    /// <summary>Copies <paramref name="source"/> into <paramref name="value"/> following the rules above.</summary>
    public static ReelResult Read<T>(T* source, string function, string argument, out T value)
        where T : unmanaged, IVersionedStruct
    {
        value = default;
        uint declared = *(uint*)source;
        uint known = (uint)sizeof(T);
        if (declared < T.FirstPublishedSize || declared > MaxStructSize)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {argument}->struct_size is {declared}; expected sizeof({CName<T>()}) = {known} " +
                $"(this libreel accepts {T.FirstPublishedSize} to {MaxStructSize})");
        }

        byte* bytes = (byte*)source;
        for (uint offset = known; offset < declared; offset++)
        {
            if (bytes[offset] != 0)
            {
                return LastError.Set(ReelResult.ErrorIncompatibleVersion,
                    $"{function}: {argument}->struct_size is {declared} but libreel {ReelVersion.Text} knows only " +
                    $"{known} bytes of {CName<T>()} and byte {offset} is not zero: the host was built against a newer reel.h");
            }
        }

        Unsafe.CopyBlockUnaligned(Unsafe.AsPointer(ref value), source, Math.Min(declared, known));
        return ReelResult.Success;
    }

    /// <summary>
    /// Writes <paramref name="value"/> into a caller-owned output struct whose struct_size the
    /// caller set: at most struct_size bytes are written (an older caller gets a prefix), and
    /// bytes this library does not know (a newer caller) are zeroed. struct_size is kept.
    /// </summary>
    public static ReelResult Write<T>(T* destination, in T value, string function, string argument)
        where T : unmanaged, IVersionedStruct
    {
        if (destination == null)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is NULL");
        uint declared = *(uint*)destination;
        uint known = (uint)sizeof(T);
        if (declared < T.FirstPublishedSize || declared > MaxStructSize)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {argument}->struct_size is {declared}; set it to sizeof({CName<T>()}) = {known} " +
                $"(this libreel accepts {T.FirstPublishedSize} to {MaxStructSize})");
        }
        fixed (T* source = &value)
            Unsafe.CopyBlockUnaligned(destination, source, Math.Min(declared, known));
        if (declared > known)
            Unsafe.InitBlockUnaligned((byte*)destination + known, 0, declared - known);
        *(uint*)destination = declared;
        return ReelResult.Success;
    }

    private static string CName<T>() => typeof(T).GetCustomAttribute<CTypeAttribute>()?.Name ?? typeof(T).Name;
}
