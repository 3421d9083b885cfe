using Reel.Abi;
using Reel.Backends;
using Reel.Codecs;

namespace Reel.Codecs.Decoders;

/// <summary>
/// Settings of a decoder session. Defaults: threads per core, dav1d's frame delay, film grain
/// applied, no frame size limit.
/// </summary>
public sealed class DecoderSettings
{
    /// <summary>Largest thread count and frame delay (DAV1D_MAX_THREADS, DAV1D_MAX_FRAME_DELAY).</summary>
    public const int MaxThreads = 256;

    /// <summary>The codec of the stream; selects the backends that can decode it (default AV1).</summary>
    public Backends.VideoCodec Codec { get; set; } = Backends.VideoCodec.Av1;

    /// <summary>Worker threads; 0 = one per logical core.</summary>
    public int Threads { get; set; }

    /// <summary>Frames decoded in parallel; 0 = automatic (ceil(sqrt(threads)), at most 8), 1 = lowest latency.</summary>
    public int MaxFrameDelay { get; set; }

    /// <summary>Whether film grain is synthesised onto output pictures.</summary>
    public bool ApplyFilmGrain { get; set; } = true;

    /// <summary>Largest picture in pixels the decoder accepts (a guard against hostile streams); 0 = unlimited.</summary>
    public long FrameSizeLimit { get; set; }

    /// <summary>A copy.</summary>
    public DecoderSettings Clone() => (DecoderSettings)MemberwiseClone();

    /// <summary>Checks every field; the message names it and its range (after <paramref name="prefix"/>).</summary>
    public ReelResult Validate(string prefix = "")
    {
        if (Threads < 0 || Threads > MaxThreads)
            return CodecErrors.InvalidArgument($"{prefix}threads is {Threads}; allowed 0 (one per core) to {MaxThreads}");
        if (MaxFrameDelay < 0 || MaxFrameDelay > MaxThreads)
            return CodecErrors.InvalidArgument($"{prefix}max_frame_delay is {MaxFrameDelay}; allowed 0 (automatic) to {MaxThreads}");
        if (FrameSizeLimit < 0 || FrameSizeLimit > uint.MaxValue)
            return CodecErrors.InvalidArgument($"{prefix}frame_size_limit is {FrameSizeLimit}; allowed 0 (unlimited) to {uint.MaxValue} pixels");
        return ReelResult.Success;
    }
}
