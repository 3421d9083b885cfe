namespace Reel.Codecs.Sessions;

/// <summary>Counters of a movie writer (<c>reel_movie_writer_stats_t</c>).</summary>
internal readonly record struct MovieWriterStats(
    long FramesWritten,
    long FramesEncoded,
    long FileBytes,
    long FramesConverted,
    double EncodeFps,
    double AverageBitrate,
    double ElapsedSeconds,
    int QueueDepth)
{
    /// <summary>Samples per channel of sound the host wrote.</summary>
    public long AudioSamples { get; init; }

    /// <summary>Coded audio packets in the file.</summary>
    public long AudioPackets { get; init; }

    /// <summary>Bytes of those packets.</summary>
    public long AudioBytes { get; init; }

    /// <summary>Bits per second of the coded sound over its coded length.</summary>
    public double AudioBitrate { get; init; }

    /// <summary>File bytes minus the coded packets' bytes: what the container adds (negative when it strips more, e.g. AV1 temporal delimiters).</summary>
    public long OverheadBytes { get; init; }
}
