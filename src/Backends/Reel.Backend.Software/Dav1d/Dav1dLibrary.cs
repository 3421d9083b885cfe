using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// The dav1d decoder library, bound lazily by SONAME libdav1d.so.6 (dav1d 1.0 to 1.2; 1.3
/// moved to .so.7 and changed the struct layouts). Loading never throws: a missing library,
/// a missing export or another major version makes the decoder unavailable with a reason.
/// </summary>
internal sealed unsafe class Dav1dLibrary
{
    /// <summary>The SONAME whose struct layouts the mirrors follow.</summary>
    public const string DefaultName = "libdav1d.so.6";

    /// <summary>DAV1D_ERR(EAGAIN).</summary>
    public const int ErrorAgain = -11;

    /// <summary>DAV1D_ERR(ENOMEM).</summary>
    public const int ErrorNoMemory = -12;

    /// <summary>DAV1D_ERR(EINVAL).</summary>
    public const int ErrorInvalid = -22;

    /// <summary>DAV1D_ERR(ERANGE): a frame exceeds frame_size_limit.</summary>
    public const int ErrorRange = -34;

    /// <summary>DAV1D_ERR(ENOPROTOOPT): a stream feature dav1d does not implement.</summary>
    public const int ErrorNoProtocolOption = -92;

    private static readonly object s_lock = new();
    private static readonly Dictionary<string, (Dav1dLibrary? Library, string Reason)> s_loaded = new();

    private static readonly string[] s_exportNames =
    {
        "dav1d_version",
        "dav1d_default_settings",
        "dav1d_open",
        "dav1d_send_data",
        "dav1d_get_picture",
        "dav1d_picture_unref",
        "dav1d_flush",
        "dav1d_close",
        "dav1d_data_create",
        "dav1d_data_unref",
    };

    /// <summary>dav1d_default_settings(Dav1dSettings*).</summary>
    public readonly delegate* unmanaged<Dav1dSettings*, void> DefaultSettings;
    /// <summary>dav1d_open(Dav1dContext**, const Dav1dSettings*).</summary>
    public readonly delegate* unmanaged<void**, Dav1dSettings*, int> Open;
    /// <summary>dav1d_send_data(ctx, Dav1dData*): 0, DAV1D_ERR(EAGAIN) or an error.</summary>
    public readonly delegate* unmanaged<void*, Dav1dData*, int> SendData;
    /// <summary>dav1d_get_picture(ctx, Dav1dPicture*): 0, DAV1D_ERR(EAGAIN) or an error.</summary>
    public readonly delegate* unmanaged<void*, Dav1dPicture*, int> GetPicture;
    /// <summary>dav1d_picture_unref(Dav1dPicture*).</summary>
    public readonly delegate* unmanaged<Dav1dPicture*, void> PictureUnref;
    /// <summary>dav1d_flush(ctx): drops all state, for seeking.</summary>
    public readonly delegate* unmanaged<void*, void> Flush;
    /// <summary>dav1d_close(Dav1dContext**).</summary>
    public readonly delegate* unmanaged<void**, void> Close;
    /// <summary>dav1d_data_create(Dav1dData*, size_t): a dav1d-owned input buffer.</summary>
    public readonly delegate* unmanaged<Dav1dData*, nuint, byte*> DataCreate;
    /// <summary>dav1d_data_unref(Dav1dData*).</summary>
    public readonly delegate* unmanaged<Dav1dData*, void> DataUnref;

    private Dav1dLibrary(string name, string version, ReadOnlySpan<nint> exports)
    {
        Name = name;
        Version = version;
        DefaultSettings = (delegate* unmanaged<Dav1dSettings*, void>)exports[1];
        Open = (delegate* unmanaged<void**, Dav1dSettings*, int>)exports[2];
        SendData = (delegate* unmanaged<void*, Dav1dData*, int>)exports[3];
        GetPicture = (delegate* unmanaged<void*, Dav1dPicture*, int>)exports[4];
        PictureUnref = (delegate* unmanaged<Dav1dPicture*, void>)exports[5];
        Flush = (delegate* unmanaged<void*, void>)exports[6];
        Close = (delegate* unmanaged<void**, void>)exports[7];
        DataCreate = (delegate* unmanaged<Dav1dData*, nuint, byte*>)exports[8];
        DataUnref = (delegate* unmanaged<Dav1dData*, void>)exports[9];
    }

    /// <summary>The name the library was loaded by.</summary>
    public string Name { get; }

    /// <summary>The version dav1d_version() reports, e.g. "1.0.0".</summary>
    public string Version { get; }

    /// <summary>
    /// Loads <paramref name="libraryName"/> once per process (later calls return the first
    /// outcome). Failure is ErrorUnsupported with "dav1d decoder unavailable: why", a description
    /// capability reports show as it is.
    /// </summary>
    public static ReelResult Load(string libraryName, out Dav1dLibrary? library)
    {
        string? reason = Outcome(libraryName, out library);
        return reason is null ? ReelResult.Success : CodecErrors.Unavailable($"dav1d decoder unavailable: {reason}");
    }

    /// <summary><see cref="Load(string, out Dav1dLibrary?)"/> for a call of <paramref name="function"/>, whose name starts the message.</summary>
    public static ReelResult Load(string libraryName, string function, out Dav1dLibrary? library)
    {
        string? reason = Outcome(libraryName, out library);
        return reason is null ? ReelResult.Success : CodecErrors.Unavailable($"{function}: dav1d decoder unavailable: {reason}");
    }

    /// <summary>The library, or null with why it cannot be used (the first outcome for the name, kept).</summary>
    private static string? Outcome(string libraryName, out Dav1dLibrary? library)
    {
        (Dav1dLibrary? Library, string Reason) outcome;
        lock (s_lock)
        {
            if (!s_loaded.TryGetValue(libraryName, out outcome))
            {
                outcome = Bind(libraryName);
                s_loaded[libraryName] = outcome;
            }
        }
        library = outcome.Library;
        return library is null ? outcome.Reason : null;
    }

    /// <summary>
    /// Null when <paramref name="version"/> belongs to the libdav1d.so.6 family (1.0.x to
    /// 1.2.x), whose fields used here have one layout; otherwise why it is refused.
    /// </summary>
    public static string? CheckVersion(string libraryName, string version)
    {
        string[] parts = version.Split('.', '-');
        if (parts.Length >= 2 && parts[0] == "1" && int.TryParse(parts[1], out int minor) && minor is >= 0 and <= 2)
            return null;
        return $"{libraryName} reports version \"{version}\"; Reel binds the dav1d 1.0 to 1.2 layouts (libdav1d.so.6) only";
    }

    private static (Dav1dLibrary?, string) Bind(string libraryName)
    {
        if (!NativeBinding.TryLoad(libraryName, "libdav1d6", out nint handle, out string reason))
            return (null, reason);
        Span<nint> exports = stackalloc nint[s_exportNames.Length];
        if (!NativeBinding.TryGetExports(handle, libraryName, s_exportNames, exports, out reason))
            return (null, reason);
        byte* versionText = ((delegate* unmanaged<byte*>)exports[0])();
        string version = versionText == null ? "" : Marshal.PtrToStringUTF8((nint)versionText) ?? "";
        string? refusal = CheckVersion(libraryName, version);
        if (refusal is not null)
            return (null, refusal);
        return (new Dav1dLibrary(libraryName, version, exports), "");
    }
}
