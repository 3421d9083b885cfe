namespace Reel.Backend.FFmpeg.Interop;

/// <summary>reelff_error_kind_t: the classes reelff_error_kind() sorts a shim error code into.</summary>
internal enum ShimErrorKind
{
    /// <summary>Success.</summary>
    None = 0,
    /// <summary>Back-pressure (EAGAIN): receive, then send again.</summary>
    Again = 1,
    /// <summary>End of stream (AVERROR_EOF).</summary>
    EndOfStream = 2,
    /// <summary>EINVAL, ERANGE, an unknown option.</summary>
    InvalidArgument = 3,
    /// <summary>No such codec/muxer in this build, a setting the codec cannot honour.</summary>
    Unsupported = 4,
    /// <summary>The file system or the OS refused a read or write (ENOSPC, EFBIG, EACCES, ...).</summary>
    Io = 5,
    /// <summary>AVERROR_INVALIDDATA.</summary>
    CorruptData = 6,
    /// <summary>ENOMEM.</summary>
    OutOfMemory = 7,
    /// <summary>A call in the wrong state.</summary>
    BadState = 8,
    /// <summary>Anything else.</summary>
    Internal = 9,
}
