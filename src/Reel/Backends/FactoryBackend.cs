using System.Collections.Generic;
using System.Linq;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;

namespace Reel.Backends;

/// <summary>
/// Describes a backend whose capabilities are those of its encoder and decoder factories (the
/// software and FFmpeg backends): it is available when at least one factory is; its codec
/// entries are the available factories'; the reason names every factory that is not.
/// reel_codec_get_caps reads the same factories, so the two answers agree by construction.
/// </summary>
public static class FactoryBackend
{
    /// <summary>The description of <paramref name="backend"/> from its factories (loads their libraries on first use).</summary>
    public static BackendDescription Describe(IBackend backend)
    {
        var codecs = new List<CodecCaps>();
        var implementations = new List<string>();
        var missing = new List<string>();
        foreach (IEncoderFactory encoder in backend.Encoders)
        {
            if (encoder.IsAvailable(out string description))
            {
                codecs.Add(ForEncoder(encoder, description));
                implementations.Add(description);
            }
            else
            {
                missing.Add(description);
            }
        }
        foreach (IDecoderFactory decoder in backend.Decoders)
        {
            if (decoder.IsAvailable(out string description))
            {
                codecs.Add(ForDecoder(decoder, description));
                implementations.Add(description);
            }
            else
            {
                missing.Add(description);
            }
        }
        return new BackendDescription
        {
            Kind = backend.Kind,
            Name = backend.Name,
            Available = codecs.Count > 0,
            Driver = string.Join(", ", implementations.Distinct()),
            UnavailableReason = string.Join("; ", missing),
            Codecs = codecs.OrderBy(c => (int)c.Operation).ToList(),
        };
    }

    /// <summary>The codec entry of an encoder factory, described by <paramref name="implementation"/>.</summary>
    public static CodecCaps ForEncoder(IEncoderFactory factory, string implementation)
    {
        EncoderCapabilities caps = factory.Capabilities;
        return new CodecCaps
        {
            Operation = Operation(factory.Codec, encode: true),
            Profile = (uint)caps.Profiles.Select(p => (int)p).DefaultIfEmpty(0).Min(),
            MinWidth = (uint)caps.MinWidth,
            MinHeight = (uint)caps.MinHeight,
            MaxWidth = (uint)caps.MaxWidth,
            MaxHeight = (uint)caps.MaxHeight,
            WidthGranularity = caps.RequiresEvenDimensions ? 2u : 1u,
            HeightGranularity = caps.RequiresEvenDimensions ? 2u : 1u,
            LumaBitDepths = CodecCaps.BitDepth8,
            ChromaSubsampling = CodecCaps.Subsampling420,
            RateControlModes = RateControlBits(caps.RateControlModes),
            MaxBitrate = (ulong)caps.MaxBitrate,
            QualityLevels = (uint)(caps.MaxSpeedPreset - caps.MinSpeedPreset + 1),
            Flags = factory.Kind == CodecBackend.Hardware ? CodecCaps.FlagHardware : 0,
            Implementation = implementation,
        };
    }

    /// <summary>The codec entry of a decoder factory, described by <paramref name="implementation"/>.</summary>
    public static CodecCaps ForDecoder(IDecoderFactory factory, string implementation)
    {
        DecoderCapabilities caps = factory.Capabilities;
        uint depths = 0;
        foreach (int depth in caps.BitDepths)
            depths |= depth switch { 8 => CodecCaps.BitDepth8, 10 => CodecCaps.BitDepth10, 12 => CodecCaps.BitDepth12, _ => 0u };
        uint layouts = 0;
        foreach (PixelLayout layout in caps.Layouts)
            layouts |= 1u << (int)layout;
        return new CodecCaps
        {
            Operation = Operation(factory.Codec, encode: false),
            Profile = (uint)caps.Profiles.Select(p => (int)p).DefaultIfEmpty(0).Min(),
            MinWidth = 1,
            MinHeight = 1,
            MaxWidth = (uint)caps.MaxWidth,
            MaxHeight = (uint)caps.MaxHeight,
            LumaBitDepths = depths,
            ChromaSubsampling = layouts,
            Flags = factory.Kind == CodecBackend.Hardware ? CodecCaps.FlagHardware : 0,
            Implementation = implementation,
        };
    }

    /// <summary>The reel_video_codec_op_t of a codec and direction (None where Reel has no value for it yet).</summary>
    public static VideoCodecOperation Operation(VideoCodec codec, bool encode) => (codec, encode) switch
    {
        (VideoCodec.Av1, true) => VideoCodecOperation.EncodeAv1,
        (VideoCodec.Av1, false) => VideoCodecOperation.DecodeAv1,
        (VideoCodec.H264, true) => VideoCodecOperation.EncodeH264,
        (VideoCodec.H264, false) => VideoCodecOperation.DecodeH264,
        (VideoCodec.Hevc, true) => VideoCodecOperation.EncodeH265,
        (VideoCodec.Hevc, false) => VideoCodecOperation.DecodeH265,
        (VideoCodec.Vp9, false) => VideoCodecOperation.DecodeVp9,
        _ => VideoCodecOperation.None,
    };

    private static uint RateControlBits(IReadOnlyList<RateControlMode> modes)
    {
        uint bits = 0;
        foreach (RateControlMode mode in modes)
        {
            bits |= mode switch
            {
                RateControlMode.Cqp => CodecCaps.RateControlCqp,
                RateControlMode.Cbr => CodecCaps.RateControlCbr,
                RateControlMode.Vbr => CodecCaps.RateControlVbr,
                _ => CodecCaps.RateControlCrf,
            };
        }
        return bits;
    }
}
