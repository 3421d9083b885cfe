namespace Reel.Handles;

/// <summary>
/// The type tag in the top byte of every handle. Values are pinned (handles a host still
/// holds from an older run mean nothing, but a tag must never change meaning within a
/// release). Append new object types; 0 is never a valid tag, so no handle is 0.
/// </summary>
public enum HandleType : byte
{
    /// <summary>Not a handle type; the tag of REEL_NULL_HANDLE.</summary>
    None = 0,
    /// <summary><c>reel_context_t</c>.</summary>
    Context = 1,
    /// <summary><c>reel_pool_t</c>: a frame, audio or byte pool.</summary>
    Pool = 2,
    /// <summary><c>reel_buffer_t</c>: a pooled buffer (frame, audio or bytes).</summary>
    Buffer = 3,
    /// <summary><c>reel_frame_cache_t</c>: a random-access frame cache.</summary>
    FrameCache = 4,
    /// <summary><c>reel_encoder_t</c>: an encode session.</summary>
    Encoder = 5,
    /// <summary><c>reel_decoder_t</c>: a decode session.</summary>
    Decoder = 6,
    /// <summary><c>reel_movie_writer_t</c>: begin / write frame / end recording.</summary>
    MovieWriter = 7,
    /// <summary><c>reel_device_t</c>: a GPU device (created or adopted).</summary>
    Device = 8,
    /// <summary><c>reel_timeline_t</c>: a timeline (CPU, or a GPU timeline semaphore).</summary>
    Timeline = 9,
    /// <summary><c>reel_gpu_allocation_t</c>: a GPU buffer or image in suballocated device memory.</summary>
    GpuAllocation = 10,
    /// <summary><c>reel_gpu_buffer_pool_t</c>: a pool of GPU buffers (bitstream, staging, readback).</summary>
    GpuBufferPool = 11,
    /// <summary><c>reel_dpb_t</c>: a decoded picture buffer (image slots).</summary>
    Dpb = 12,
    /// <summary><c>reel_video_session_t</c>: a Vulkan video session with bound memory.</summary>
    VideoSession = 13,
    // 14-31 stay reserved for further GPU backend objects; 32 onwards for later object types.
    /// <summary><c>reel_ivf_reader_t</c>: reads AV1 packets from an IVF file.</summary>
    IvfReader = 32,
    /// <summary><c>reel_ivf_writer_t</c>: writes AV1 packets to an IVF file.</summary>
    IvfWriter = 33,
    /// <summary><c>reel_y4m_reader_t</c>: reads 8-bit 4:2:0 frames from a YUV4MPEG2 file.</summary>
    Y4mReader = 34,
    /// <summary><c>reel_y4m_writer_t</c>: writes 8-bit 4:2:0 frames to a YUV4MPEG2 file.</summary>
    Y4mWriter = 35,
    /// <summary><c>reel_media_reader_t</c>: reads the video packets and stream list of IVF, MP4, WebM or Matroska.</summary>
    MediaReader = 36,
    /// <summary><c>reel_audio_reader_t</c>: reads a file's sound (WAV, a movie's audio) as interleaved PCM.</summary>
    AudioReader = 37,
}

/// <summary>Names of handle types as the header spells them.</summary>
public static class HandleTypeNames
{
    /// <summary>The C typedef of a handle type, e.g. "reel_context_t"; null for unknown tags.</summary>
    public static string? CName(this HandleType type) => type switch
    {
        HandleType.Context => "reel_context_t",
        HandleType.Pool => "reel_pool_t",
        HandleType.Buffer => "reel_buffer_t",
        HandleType.FrameCache => "reel_frame_cache_t",
        HandleType.Encoder => "reel_encoder_t",
        HandleType.Decoder => "reel_decoder_t",
        HandleType.MovieWriter => "reel_movie_writer_t",
        HandleType.Device => "reel_device_t",
        HandleType.Timeline => "reel_timeline_t",
        HandleType.GpuAllocation => "reel_gpu_allocation_t",
        HandleType.GpuBufferPool => "reel_gpu_buffer_pool_t",
        HandleType.Dpb => "reel_dpb_t",
        HandleType.VideoSession => "reel_video_session_t",
        HandleType.IvfReader => "reel_ivf_reader_t",
        HandleType.IvfWriter => "reel_ivf_writer_t",
        HandleType.Y4mReader => "reel_y4m_reader_t",
        HandleType.Y4mWriter => "reel_y4m_writer_t",
        HandleType.MediaReader => "reel_media_reader_t",
        HandleType.AudioReader => "reel_audio_reader_t",
        _ => null,
    };
}
