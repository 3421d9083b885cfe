using System;
using Reel.Interop;

namespace Reel;

/// <summary>The loaded libreel as a whole: its version, and what its codec backends can do.</summary>
public static unsafe class ReelLibrary
{
    /// <summary>
    /// <c>REEL_WAIT_FOREVER</c> as the <see cref="uint"/> the timeouts in milliseconds take
    /// (the generated constant is a <see cref="long"/>): wait without limit.
    /// </summary>
    public const uint WaitForever = uint.MaxValue;

    /// <summary>The version of the loaded libreel (<c>reel_version()</c>).</summary>
    public static Version Version
    {
        get
        {
            uint packed = ReelNative.reel_version();
            return new Version((int)(packed >> 22), (int)((packed >> 12) & 0x3FF), (int)(packed & 0xFFF));
        }
    }

    /// <summary>The version of the loaded libreel as "MAJOR.MINOR.PATCH" (<c>reel_version_string()</c>).</summary>
    public static string VersionString => Utf8.Read(ReelNative.reel_version_string());

    /// <summary>The version of the header these bindings were generated from (<c>REEL_VERSION_*</c>).</summary>
    public static Version HeaderVersion => new(ReelNative.REEL_VERSION_MAJOR, ReelNative.REEL_VERSION_MINOR, ReelNative.REEL_VERSION_PATCH);

    /// <summary>
    /// Whether the loaded libreel serves these bindings: the same major and, while the major
    /// is 0, a minor at least the header's (docs/ABI.md). A context refuses to be created otherwise.
    /// </summary>
    public static bool IsCompatible
    {
        get
        {
            Version library = Version, header = HeaderVersion;
            return library.Major == header.Major && (header.Major != 0 || library.Minor >= header.Minor);
        }
    }

    /// <summary>What a codec backend can do now (<c>reel_codec_get_caps</c>): whether its libraries load, and its ranges.</summary>
    /// <param name="backend"><c>REEL_CODEC_BACKEND_SOFTWARE</c>, <c>HARDWARE</c>, or <c>AUTO</c> (described as the backend AUTO would pick).</param>
    /// <exception cref="ReelException"><c>REEL_ERROR_UNSUPPORTED</c> for HARDWARE when no hardware backend is built in.</exception>
    public static ReelCodecCaps GetCodecCaps(reel_codec_backend_t backend)
    {
        reel_codec_caps_t caps = default;
        caps.struct_size = (uint)sizeof(reel_codec_caps_t);
        Results.Check(ReelNative.reel_codec_get_caps(backend, &caps));
        return new ReelCodecCaps(caps, Utf8.Read(caps.encoder), Utf8.Read(caps.decoder));
    }
}
