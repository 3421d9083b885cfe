using Reel.Abi;

namespace Reel.Pools;

/// <summary>Interleaved audio sample formats: <c>reel_sample_format_t</c>. Values are pinned.</summary>
[CType("reel_sample_format_t", MemberPrefix = "REEL_SAMPLE_FORMAT_")]
public enum SampleFormat
{
    /// <summary>32-bit float.</summary>
    F32 = 1,
    /// <summary>16-bit signed integer.</summary>
    S16 = 2,
    /// <summary>32-bit signed integer (Godot's MovieWriter mixes to this).</summary>
    S32 = 3,
}

/// <summary>Sizes of sample formats.</summary>
public static class SampleFormats
{
    /// <summary>Bytes per sample of one channel; 0 for unknown values.</summary>
    public static int BytesPerSample(SampleFormat format) => format switch
    {
        SampleFormat.S16 => 2,
        SampleFormat.F32 or SampleFormat.S32 => 4,
        _ => 0,
    };
}
