using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

/// <summary>Turns <c>reel_buffer_t</c> frames into the views the codecs and containers take (no copy).</summary>
internal static unsafe class FrameViews
{
    /// <summary>
    /// Resolves a live frame buffer of an I420 pool of <paramref name="width"/> x
    /// <paramref name="height"/> into an <see cref="I420Frame"/> over its planes. Messages name
    /// <paramref name="argument"/> after <paramref name="function"/>.
    /// </summary>
    public static ReelResult ResolveI420(Handle buffer, string function, string argument, int width, int height, out I420Frame frame)
    {
        frame = default;
        ReelResult result = Buffers.GetFrame(buffer, function, out FrameView view);
        if (result != ReelResult.Success)
            return result;
        FrameLayout layout = view.Layout;
        if (layout.Format != PixelFormat.I420)
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {argument} is a {Name(layout.Format)} frame; allowed REEL_PIXEL_FORMAT_I420 (8-bit 4:2:0) frames");
        if (layout.Width != (uint)width || layout.Height != (uint)height)
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: {argument} is {layout.Width}x{layout.Height}; allowed {width}x{height} (the size the object was created with)");
        frame = ToI420(view);
        return ReelResult.Success;
    }

    /// <summary>The planes of an I420 frame view.</summary>
    public static I420Frame ToI420(in FrameView view)
    {
        FrameLayout layout = view.Layout;
        byte* memory = (byte*)view.Memory;
        return new I420Frame((int)layout.Width, (int)layout.Height,
            memory + layout.Plane(0).Offset, (int)layout.Plane(0).Stride,
            memory + layout.Plane(1).Offset, (int)layout.Plane(1).Stride,
            memory + layout.Plane(2).Offset, (int)layout.Plane(2).Stride);
    }

    /// <summary>The C enumerator of a pixel format, for messages.</summary>
    public static string Name(PixelFormat format) => CNames.EnumMember(format, "REEL_PIXEL_FORMAT_") ?? $"format {(int)format}";

    /// <summary>The C name of a sample format (REEL_SAMPLE_FORMAT_S16).</summary>
    public static string SampleName(SampleFormat format) => CNames.EnumMember(format, "REEL_SAMPLE_FORMAT_") ?? $"format {(int)format}";
}
