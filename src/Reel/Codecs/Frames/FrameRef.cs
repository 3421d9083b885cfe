using Reel.Handles;

namespace Reel.Codecs.Frames;

/// <summary>
/// One picture crossing the backend contract: encoder input and decoder output. Either a CPU
/// frame (planes, and the pooled <c>reel_buffer_t</c> they live in when they come from a Reel
/// pool) or a GPU surface. Backends say which they take (<see cref="FrameInputs"/>); the
/// sessions, the encoder pool, the movie writer and the frame cache only hand references on,
/// so a hardware backend plugs in without changing them. No reference is counted here: the
/// holder of the struct owns whatever the producer documented.
/// </summary>
public readonly struct FrameRef
{
    private FrameRef(Handle buffer, in I420Frame planes, in GpuSurface surface)
    {
        Buffer = buffer;
        Planes = planes;
        Surface = surface;
    }

    /// <summary>A CPU frame: <paramref name="planes"/>, in <paramref name="buffer"/> when it is pooled (<see cref="Handle.Null"/> otherwise).</summary>
    public static FrameRef Cpu(in I420Frame planes, Handle buffer = default) => new(buffer, planes, default);

    /// <summary>A pooled frame whose planes the consumer resolves itself.</summary>
    public static FrameRef Pooled(Handle buffer) => new(buffer, default, default);

    /// <summary>A GPU surface.</summary>
    public static FrameRef Gpu(in GpuSurface surface) => new(Handle.Null, default, surface);

    /// <summary>Whether this is a GPU surface.</summary>
    public bool IsSurface => Surface.Kind != SurfaceKind.None;

    /// <summary>The pooled buffer of a CPU frame; <see cref="Handle.Null"/> for a surface or unpooled memory.</summary>
    public Handle Buffer { get; }

    /// <summary>The planes of a CPU frame (default when only <see cref="Buffer"/> is known, and for a surface).</summary>
    public I420Frame Planes { get; }

    /// <summary>The surface; default (<see cref="SurfaceKind.None"/>) for a CPU frame.</summary>
    public GpuSurface Surface { get; }

    /// <summary>
    /// The pooled buffer of a CPU frame, for consumers that hold Reel buffers (the C API's
    /// reel_buffer_t, the frame cache); a GPU surface or unpooled planes give ErrorUnsupported
    /// naming <paramref name="consumer"/>.
    /// </summary>
    public Abi.ReelResult RequireBuffer(string consumer, out Handle buffer)
    {
        buffer = Buffer;
        if (!buffer.IsNull)
            return Abi.ReelResult.Success;
        return CodecErrors.Unsupported(IsSurface
            ? $"{consumer}: the decoder produced a {Surface.Kind} GPU surface; {consumer} takes frames in Reel pools only"
            : $"{consumer}: the decoder produced a frame outside Reel's pools");
    }

    /// <summary>What a consumer needs to take this frame.</summary>
    public FrameInputs Input => Surface.Kind switch
    {
        SurfaceKind.None => FrameInputs.CpuI420,
        SurfaceKind.VulkanImage => FrameInputs.VulkanImage,
        SurfaceKind.VaSurface => FrameInputs.VaSurface,
        SurfaceKind.D3D11Texture => FrameInputs.D3D11Texture,
        _ => FrameInputs.CvPixelBuffer,
    };
}
