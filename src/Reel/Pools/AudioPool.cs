using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;

namespace Reel.Pools;

/// <summary>A pool of interleaved audio sample buffers (<c>reel_audio_pool_create</c>).</summary>
public sealed class AudioPool : Pool
{
    /// <summary>Default cap.</summary>
    public const uint DefaultMax = 64;

    /// <summary>Most channels (7.1 needs 8; 64 leaves room for ambisonics and multitrack).</summary>
    public const uint MaxChannels = 64;

    /// <summary>Most samples per channel in one buffer.</summary>
    public const uint MaxSamples = 1u << 20;

    private readonly SlotPool[] _slotPools;

    private AudioPool(ReelContext context, string name, SampleFormat format, uint channels, uint samples, uint sampleRate, PoolConfig config)
        : base(context, name, PoolKind.Audio)
    {
        Format = format;
        Channels = channels;
        Samples = samples;
        SampleRate = sampleRate;
        nuint size = (nuint)samples * channels * (nuint)SampleFormats.BytesPerSample(format);
        _slotPools = [new SlotPool(context, name, size, 64, config, MemoryCategory.Sample)];
        ServeFixedSize(_slotPools[0], size);
    }

    /// <summary>Sample format.</summary>
    public SampleFormat Format { get; }

    /// <summary>Interleaved channels.</summary>
    public uint Channels { get; }

    /// <summary>Samples per channel in each buffer.</summary>
    public uint Samples { get; }

    /// <summary>Sample rate in Hz, as the host declared it (informational; 0 if not given).</summary>
    public uint SampleRate { get; }

    /// <inheritdoc/>
    public override SlotPool[] SlotPools => _slotPools;

    /// <summary>Checks the description, then creates, registers and preallocates an audio pool.</summary>
    public static ReelResult Create(ReelContext context, string? name, SampleFormat format, uint channels, uint samples,
        uint sampleRate, PoolConfig config, string function, out AudioPool? pool)
    {
        pool = null;
        string where = $"{function}: desc->";
        if (SampleFormats.BytesPerSample(format) == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{where}format is {(int)format}; allowed REEL_SAMPLE_FORMAT_F32 (1), REEL_SAMPLE_FORMAT_S16 (2), REEL_SAMPLE_FORMAT_S32 (3)");
        if (channels is 0 or > MaxChannels)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{where}channels is {channels}; allowed 1 to {MaxChannels}");
        if (samples is 0 or > MaxSamples)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{where}samples_per_buffer is {samples}; allowed 1 to {MaxSamples}");
        var created = new AudioPool(context, LabelOf(name, PoolKind.Audio), format, channels, samples, sampleRate, config);
        ReelResult result = created.Register(function);
        pool = result == ReelResult.Success ? created : null;
        return result;
    }
}
