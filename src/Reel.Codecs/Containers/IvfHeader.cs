namespace Reel.Codecs.Containers;

/// <summary>
/// The 32-byte IVF file header (little-endian): "DKIF", version 0, header size 32, fourcc,
/// width, height, timebase denominator ("rate"), timebase numerator ("scale"), frame count.
/// Frame timestamps count units of numerator / denominator seconds.
/// </summary>
public readonly struct IvfHeader
{
    /// <summary>Bytes of the file header.</summary>
    public const int Size = 32;

    /// <summary>Bytes of each frame header: u32 size, u64 pts.</summary>
    public const int FrameHeaderSize = 12;

    /// <summary>The fourcc of AV1 streams.</summary>
    public const string Av1FourCC = "AV01";

    /// <summary>Describes a header.</summary>
    public IvfHeader(string fourCC, int width, int height, uint timebaseNumerator, uint timebaseDenominator, uint frameCount, int headerSize = Size)
    {
        FourCC = fourCC;
        Width = width;
        Height = height;
        TimebaseNumerator = timebaseNumerator;
        TimebaseDenominator = timebaseDenominator;
        FrameCount = frameCount;
        HeaderSize = headerSize;
    }

    /// <summary>Codec fourcc, "AV01" for AV1.</summary>
    public string FourCC { get; }

    /// <summary>Width in pixels (informative; the bitstream is authoritative).</summary>
    public int Width { get; }

    /// <summary>Height in pixels (informative).</summary>
    public int Height { get; }

    /// <summary>Timebase numerator (the header's "scale").</summary>
    public uint TimebaseNumerator { get; }

    /// <summary>Timebase denominator (the header's "rate").</summary>
    public uint TimebaseDenominator { get; }

    /// <summary>Frame count written at the end; 0 in a file whose writer never finished (readers ignore it).</summary>
    public uint FrameCount { get; }

    /// <summary>Header size field (32; larger values are skipped over).</summary>
    public int HeaderSize { get; }
}
