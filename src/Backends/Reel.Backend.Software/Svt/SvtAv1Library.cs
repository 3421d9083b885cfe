using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs;

namespace Reel.Backend.Software.Svt;

/// <summary>
/// The SVT-AV1 encoder library, bound lazily: loaded by SONAME on first use, every function
/// resolved into a function pointer, and the version checked against the versions Reel was
/// tested with (struct layouts and configuration keys change between 1.x releases while the
/// SONAME stays libSvtAv1Enc.so.1). Loading never throws: a missing library, a missing export
/// or an untested version makes the encoder unavailable with a reason.
/// </summary>
internal sealed unsafe class SvtAv1Library
{
    /// <summary>The SONAME every SVT-AV1 1.x shares.</summary>
    public const string DefaultName = "libSvtAv1Enc.so.1";

    /// <summary>Versions whose layouts and configuration keys Reel was tested with.</summary>
    public static readonly IReadOnlyList<string> TestedVersions = new[] { "1.4.1" };

    private static readonly object s_lock = new();

    /// <summary>Load outcomes by library name; a library is loaded once per process and never unloaded.</summary>
    private static readonly Dictionary<string, (SvtAv1Library? Library, string Reason)> s_loaded = new();

    private static readonly string[] s_exportNames =
    {
        "svt_av1_get_version",
        "svt_av1_enc_init_handle",
        "svt_av1_enc_parse_parameter",
        "svt_av1_enc_set_parameter",
        "svt_av1_enc_init",
        "svt_av1_enc_send_picture",
        "svt_av1_enc_get_packet",
        "svt_av1_enc_release_out_buffer",
        "svt_av1_enc_deinit",
        "svt_av1_enc_deinit_handle",
    };

    /// <summary>svt_av1_enc_init_handle(EbComponentType**, void* app_data, EbSvtAv1EncConfiguration*).</summary>
    public readonly delegate* unmanaged<void**, void*, void*, int> InitHandle;
    /// <summary>svt_av1_enc_parse_parameter(config, name, value).</summary>
    public readonly delegate* unmanaged<void*, byte*, byte*, int> ParseParameter;
    /// <summary>svt_av1_enc_set_parameter(handle, config): copies and validates.</summary>
    public readonly delegate* unmanaged<void*, void*, int> SetParameter;
    /// <summary>svt_av1_enc_init(handle): allocates and starts the encoder threads.</summary>
    public readonly delegate* unmanaged<void*, int> Init;
    /// <summary>svt_av1_enc_send_picture(handle, header): copies the picture; blocks while the input pool is full.</summary>
    public readonly delegate* unmanaged<void*, EbBufferHeaderType*, int> SendPicture;
    /// <summary>svt_av1_enc_get_packet(handle, out header, pic_send_done): blocks only when pic_send_done is 1.</summary>
    public readonly delegate* unmanaged<void*, EbBufferHeaderType**, byte, int> GetPacket;
    /// <summary>svt_av1_enc_release_out_buffer(&amp;header).</summary>
    public readonly delegate* unmanaged<EbBufferHeaderType**, void> ReleaseOutBuffer;
    /// <summary>svt_av1_enc_deinit(handle).</summary>
    public readonly delegate* unmanaged<void*, int> Deinit;
    /// <summary>svt_av1_enc_deinit_handle(handle).</summary>
    public readonly delegate* unmanaged<void*, int> DeinitHandle;

    private SvtAv1Library(string name, string version, ReadOnlySpan<nint> exports)
    {
        Name = name;
        Version = version;
        InitHandle = (delegate* unmanaged<void**, void*, void*, int>)exports[1];
        ParseParameter = (delegate* unmanaged<void*, byte*, byte*, int>)exports[2];
        SetParameter = (delegate* unmanaged<void*, void*, int>)exports[3];
        Init = (delegate* unmanaged<void*, int>)exports[4];
        SendPicture = (delegate* unmanaged<void*, EbBufferHeaderType*, int>)exports[5];
        GetPacket = (delegate* unmanaged<void*, EbBufferHeaderType**, byte, int>)exports[6];
        ReleaseOutBuffer = (delegate* unmanaged<EbBufferHeaderType**, void>)exports[7];
        Deinit = (delegate* unmanaged<void*, int>)exports[8];
        DeinitHandle = (delegate* unmanaged<void*, int>)exports[9];
    }

    /// <summary>The name the library was loaded by.</summary>
    public string Name { get; }

    /// <summary>The version the library reports, without the leading "v" (e.g. "1.4.1").</summary>
    public string Version { get; }

    /// <summary>
    /// Serialises handle creation, init and teardown across encoders: SVT-AV1 touches process
    /// globals there (FFmpeg marks it not init-thread-safe for the same reason).
    /// </summary>
    public object LifecycleLock { get; } = new();

    /// <summary>
    /// Loads <paramref name="libraryName"/> once per process (later calls return the first
    /// outcome). Failure is ErrorUnsupported with "SVT-AV1 encoder unavailable: why", a description
    /// capability reports show as it is.
    /// </summary>
    public static ReelResult Load(string libraryName, out SvtAv1Library? library)
    {
        string? reason = Outcome(libraryName, out library);
        return reason is null ? ReelResult.Success : CodecErrors.Unavailable($"SVT-AV1 encoder unavailable: {reason}");
    }

    /// <summary><see cref="Load(string, out SvtAv1Library?)"/> for a call of <paramref name="function"/>, whose name starts the message.</summary>
    public static ReelResult Load(string libraryName, string function, out SvtAv1Library? library)
    {
        string? reason = Outcome(libraryName, out library);
        return reason is null ? ReelResult.Success : CodecErrors.Unavailable($"{function}: SVT-AV1 encoder unavailable: {reason}");
    }

    /// <summary>The library, or null with why it cannot be used (the first outcome for the name, kept).</summary>
    private static string? Outcome(string libraryName, out SvtAv1Library? library)
    {
        (SvtAv1Library? Library, string Reason) outcome;
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
    /// Null when <paramref name="reported"/> (as svt_av1_get_version returns it, e.g. "v1.4.1")
    /// is a tested version; otherwise why it is refused.
    /// </summary>
    public static string? CheckVersion(string libraryName, string reported)
    {
        string version = reported.StartsWith('v') ? reported[1..] : reported;
        foreach (string tested in TestedVersions)
        {
            if (version == tested)
                return null;
        }
        return $"{libraryName} reports version \"{reported}\"; Reel is tested with SVT-AV1 {string.Join(", ", TestedVersions)} only "
            + "(EbSvtIOFormat, the configuration layout and its keys change between 1.x releases that share this SONAME)";
    }

    private static (SvtAv1Library?, string) Bind(string libraryName)
    {
        if (!NativeBinding.TryLoad(libraryName, "libsvtav1enc1", out nint handle, out string reason))
            return (null, reason);
        Span<nint> exports = stackalloc nint[s_exportNames.Length];
        if (!NativeBinding.TryGetExports(handle, libraryName, s_exportNames, exports, out reason))
            return (null, reason);
        byte* versionText = ((delegate* unmanaged<byte*>)exports[0])();
        string reported = versionText == null ? "" : Marshal.PtrToStringUTF8((nint)versionText) ?? "";
        string? refusal = CheckVersion(libraryName, reported);
        if (refusal is not null)
            return (null, refusal);
        return (new SvtAv1Library(libraryName, reported.TrimStart('v'), exports), "");
    }
}
