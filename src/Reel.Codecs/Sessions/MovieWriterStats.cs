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
    int QueueDepth);
