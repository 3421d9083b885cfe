using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using Reel.Codecs;

namespace Reel.Backend.FFmpeg.Interop;

/// <summary>
/// The FFmpeg shim (libreel_ffmpeg.so, native/shim/ffmpeg/reel_ffmpeg.h), loaded once per
/// process on first use. Loading never throws: a missing library, a missing export, another
/// REELFF_ABI_VERSION or missing FFmpeg libraries (the loader then refuses the shim) make the
/// backend unavailable with a reason naming what was tried. Every reelff_* function is bound
/// here, as typed function pointers in the generated tables (Interop/Generated), one per
/// section of the header.
/// </summary>
internal sealed unsafe class FFmpegShim
{
    private static readonly object s_lock = new();
    private static FFmpegShim? s_shim;
    private static string? s_reason;

    private FFmpegShim(string path, nint handle, ShimTables tables)
    {
        Path = path;
        Handle = handle;
        Version = tables.Version;
        Errors = tables.Errors;
        Muxer = tables.Muxer;
        AudioEncoder = tables.AudioEncoder;
        Demuxer = tables.Demuxer;
        AudioDecoder = tables.AudioDecoder;
        VideoDecoder = tables.VideoDecoder;
        VideoEncoder = tables.VideoEncoder;
        HwProbe = tables.HwProbe;
        uint avformat, avcodec, avutil, swresample;
        byte* license;
        Version.Versions(&avformat, &avcodec, &avutil, &swresample, &license);
        Description = $"libreel_ffmpeg (lavf {VersionText(avformat)}, lavc {VersionText(avcodec)}, lavu {VersionText(avutil)}, swr {VersionText(swresample)}; FFmpeg licence: {Text(license)})";
    }

    /// <summary>The file the shim was loaded from (as given to dlopen).</summary>
    public string Path { get; }

    /// <summary>The dlopen handle (kept for the life of the process).</summary>
    public nint Handle { get; }

    /// <summary>"libreel_ffmpeg (lavf 59.27.100, ...; FFmpeg licence: GPL version 2 or later)".</summary>
    public string Description { get; }

    /// <summary>Section 2: versions.</summary>
    public ShimVersionFunctions Version { get; }

    /// <summary>Section 3: errors and logs.</summary>
    public ShimErrorFunctions Errors { get; }

    /// <summary>Section 5: the muxer.</summary>
    public ShimMuxerFunctions Muxer { get; }

    /// <summary>Section 6: the Opus/AAC encoder.</summary>
    public ShimAudioEncoderFunctions AudioEncoder { get; }

    /// <summary>Section 7: the demuxer.</summary>
    public ShimDemuxerFunctions Demuxer { get; }

    /// <summary>Section 8: the audio decoder and the PCM reader.</summary>
    public ShimAudioDecoderFunctions AudioDecoder { get; }

    /// <summary>Section 9: the video decoder.</summary>
    public ShimVideoDecoderFunctions VideoDecoder { get; }

    /// <summary>Section 10: the video encoder.</summary>
    public ShimVideoEncoderFunctions VideoEncoder { get; }

    /// <summary>Section 11: the hardware probe.</summary>
    public ShimHwProbeFunctions HwProbe { get; }

    /// <summary>The shim, loading it on the first call; null with <paramref name="reason"/> when it cannot be used.</summary>
    public static FFmpegShim? TryGet(out string reason)
    {
        lock (s_lock)
        {
            if (s_shim is null && s_reason is null)
                s_shim = Load(ShimLocation.Candidates(), out s_reason);
            reason = s_reason ?? "";
            return s_shim;
        }
    }

    /// <summary>Loads the first of <paramref name="candidates"/> that opens (tests call this with their own list; <see cref="TryGet"/> caches the process-wide one).</summary>
    internal static FFmpegShim? Load(IReadOnlyList<string> candidates, out string? reason)
    {
        var failures = new List<string>();
        foreach (string candidate in candidates)
        {
            if (!NativeLibrary.TryLoad(candidate, out nint handle))
            {
                failures.Add(candidate);
                continue;
            }
            string? refusal = Bind(candidate, handle, out ShimTables? tables);
            if (refusal is not null)
            {
                reason = refusal;
                return null;
            }
            reason = null;
            return new FFmpegShim(candidate, handle, tables!);
        }
        reason = $"FFmpeg backend unavailable: {string.Join(", ", failures)} could not be loaded (build/build.sh puts libreel_ffmpeg.so beside libreel.so; "
            + $"it needs FFmpeg 5.1's libavformat59, libavcodec59, libavutil57 and libswresample4; {ShimLocation.LibraryVariable} names another copy)";
        return null;
    }

    /// <summary>Resolves every export and checks the ABI version; the refusal, or null.</summary>
    private static string? Bind(string path, nint handle, out ShimTables? tables)
    {
        tables = null;
        if (!NativeLibrary.TryGetExport(handle, "reelff_abi_version", out nint abiAddress))
            return $"FFmpeg backend unavailable: {path} has no export reelff_abi_version (not the Reel FFmpeg shim)";
        uint abi = ((delegate* unmanaged<uint>)abiAddress)();
        if (abi != ShimConstants.AbiVersion)
            return $"FFmpeg backend unavailable: {path} reports reelff_abi_version() {abi}; this libreel binds version {ShimConstants.AbiVersion}";
        string? missing = null;
        nint[] Resolve(string[] names)
        {
            var addresses = new nint[names.Length];
            if (missing is null && !NativeBinding.TryGetExports(handle, path, names, addresses, out string why))
                missing = why;
            return addresses;
        }
        var built = new ShimTables(
            new ShimVersionFunctions(Resolve(ShimVersionFunctions.Names)),
            new ShimErrorFunctions(Resolve(ShimErrorFunctions.Names)),
            new ShimMuxerFunctions(Resolve(ShimMuxerFunctions.Names)),
            new ShimAudioEncoderFunctions(Resolve(ShimAudioEncoderFunctions.Names)),
            new ShimDemuxerFunctions(Resolve(ShimDemuxerFunctions.Names)),
            new ShimAudioDecoderFunctions(Resolve(ShimAudioDecoderFunctions.Names)),
            new ShimVideoDecoderFunctions(Resolve(ShimVideoDecoderFunctions.Names)),
            new ShimVideoEncoderFunctions(Resolve(ShimVideoEncoderFunctions.Names)),
            new ShimHwProbeFunctions(Resolve(ShimHwProbeFunctions.Names)));
        if (missing is not null)
            return $"FFmpeg backend unavailable: {missing}";
        tables = built;
        return null;
    }

    /// <summary>A NUL-terminated UTF-8 string owned by the shim or FFmpeg, as a string ("" for NULL).</summary>
    public static string Text(byte* text) => text == null ? "" : Marshal.PtrToStringUTF8((nint)text) ?? "";

    private static string VersionText(uint packed) => $"{packed >> 16}.{(packed >> 8) & 0xFF}.{packed & 0xFF}";
}
