using System.Collections.Generic;
using Reel.Backend.FFmpeg.Interop;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// Whether this FFmpeg build has a libavcodec encoder or decoder, found by creating one
/// through the shim and destroying it (an encoder is only allocated, not opened; a software
/// decoder opens in microseconds). Cached per name for the process: the build does not change.
/// </summary>
internal static unsafe class CodecPresence
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<(string, bool), string?> s_results = new();

    /// <summary>Whether the build has <paramref name="codecName"/>; <paramref name="reason"/> says why not (the shim's words).</summary>
    public static bool Has(FFmpegShim shim, string codecName, bool encoder, out string reason, ShimCodec codec = ShimCodec.Other)
    {
        lock (s_lock)
        {
            if (!s_results.TryGetValue((codecName, encoder), out string? refusal))
            {
                refusal = encoder ? TryEncoder(shim, codecName) : TryDecoder(shim, codecName, codec);
                s_results[(codecName, encoder)] = refusal;
            }
            reason = refusal ?? "";
            return refusal is null;
        }
    }

    /// <summary>"59.37.100": the running libavcodec's version.</summary>
    public static string LibavcodecVersion(FFmpegShim shim)
    {
        uint avformat, avcodec, avutil, swresample;
        byte* license;
        shim.Version.Versions(&avformat, &avcodec, &avutil, &swresample, &license);
        return $"{avcodec >> 16}.{(avcodec >> 8) & 0xFF}.{avcodec & 0xFF}";
    }

    private static string? TryEncoder(FFmpegShim shim, string name)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        nint handle;
        int err;
        fixed (byte* n = text)
            err = shim.VideoEncoder.Create(n, &Ignore, null, &handle);
        if (err < 0)
            return Reason(shim, err, name);
        shim.VideoEncoder.Destroy(handle);
        return null;
    }

    private static string? TryDecoder(FFmpegShim shim, string name, ShimCodec codec)
    {
        byte[] text = System.Text.Encoding.UTF8.GetBytes(name + "\0");
        nint handle;
        int err;
        fixed (byte* n = text)
            err = shim.VideoDecoder.Create((int)codec, n, null, 0, 1, null, null, null, &handle);
        if (err < 0)
            return Reason(shim, err, name);
        shim.VideoDecoder.Destroy(handle);
        return null;
    }

    /// <summary>Why a shim call about <paramref name="name"/> failed: the shim's message, else the code's text.</summary>
    public static string Reason(FFmpegShim shim, int err, string name)
    {
        string message = FFmpegShim.Text(shim.Errors.LastError());
        return message.Length == 0 ? $"{name}: {ShimErrors.Describe(shim, err)}" : message;
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void Ignore(void* user, void* cookie)
    {
    }
}
