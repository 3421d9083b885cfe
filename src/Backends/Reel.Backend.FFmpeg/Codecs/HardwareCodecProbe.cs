using System.Collections.Generic;
using Reel.Backend.FFmpeg.Interop;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// Whether a hardware encoder or decoder libavcodec wraps opens on this machine, found by
/// trying (reelff_hw_codec_probe: the device it needs, then the codec on a small stream),
/// once per codec and process: probes take milliseconds to seconds. The reason names what is
/// missing ("h264_nvenc: libcuda.so.1 not found", "no /dev/dri/renderD* node"). Nothing is
/// assumed from the build alone and nothing is faked.
/// </summary>
internal static unsafe class HardwareCodecProbe
{
    private static readonly object s_lock = new();
    private static readonly Dictionary<(string, bool), string?> s_results = new();

    /// <summary>Whether <paramref name="codecName"/> (an encoder when <paramref name="encoder"/>) is usable; <paramref name="reason"/> says why not.</summary>
    public static bool IsUsable(FFmpegShim shim, string codecName, bool encoder, out string reason)
    {
        lock (s_lock)
        {
            if (!s_results.TryGetValue((codecName, encoder), out string? refusal))
            {
                refusal = Probe(shim, codecName, encoder);
                s_results[(codecName, encoder)] = refusal;
            }
            reason = refusal ?? "";
            return refusal is null;
        }
    }

    private static string? Probe(FFmpegShim shim, string codecName, bool encoder)
    {
        byte[] name = System.Text.Encoding.UTF8.GetBytes(codecName + "\0");
        int err;
        fixed (byte* n = name)
            err = shim.HwProbe.CodecProbe(n, encoder ? 1 : 0);
        return err >= 0 ? null : CodecPresence.Reason(shim, err, codecName);
    }
}
