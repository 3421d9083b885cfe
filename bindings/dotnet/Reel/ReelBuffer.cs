using System;
using Reel.Interop;

namespace Reel;

/// <summary>
/// One reference to a pooled buffer (<c>reel_buffer_t</c>): a video frame, interleaved audio
/// or bytes (an encoded packet, staging memory). Disposing it releases the reference; the
/// last release returns the buffer to its pool. <see cref="Retain"/> makes a second owner of
/// the same buffer (<c>reel_buffer_retain</c>).
/// </summary>
/// <remarks>
/// <para>Spans (<see cref="GetFrame"/>, <see cref="GetBytes"/>, <see cref="GetSamples"/>)
/// point into the buffer's unmanaged memory: use them only while this object is not
/// disposed. Writing pixels, pts or tag while another thread reads them needs the host's own
/// synchronisation, as for any shared memory; frames handed to an encoder, a writer or a
/// cache, and frames a decoder returned, are to be treated as read-only.</para>
/// <para>Thread safety: retain and release are lock-free from any thread.</para>
/// </remarks>
public sealed unsafe class ReelBuffer : IDisposable
{
    private readonly ObjectHandle _handle;

    /// <summary>The context the buffer came from, kept reachable while the buffer is.</summary>
    private readonly ReelContext? _context;

    internal ReelBuffer(reel_buffer_t buffer, ReelBufferKind kind, ReelContext? context)
    {
        _handle = new ObjectHandle(buffer.Value, &Release);
        Kind = kind;
        _context = context;
    }

    /// <summary>What the buffer holds.</summary>
    public ReelBufferKind Kind { get; }

    /// <summary>Adds a reference (<c>reel_buffer_retain</c>) and returns its owner; each owner is disposed on its own.</summary>
    public ReelBuffer Retain()
    {
        using var use = _handle.Use();
        Results.Check(ReelNative.reel_buffer_retain(new reel_buffer_t(use.Value)));
        return new ReelBuffer(new reel_buffer_t(use.Value), Kind, _context);
    }

    /// <summary>The planes and metadata of a frame buffer (<c>reel_buffer_get_frame</c>).</summary>
    /// <exception cref="ReelException">not a frame buffer.</exception>
    public ReelFrame GetFrame()
    {
        using var use = _handle.Use();
        reel_frame_info_t info = default;
        info.struct_size = (uint)sizeof(reel_frame_info_t);
        Results.Check(ReelNative.reel_buffer_get_frame(new reel_buffer_t(use.Value), &info));
        return new ReelFrame(info);
    }

    /// <summary>The payload of a byte buffer: its first <see cref="Size"/> bytes (<c>reel_buffer_get_bytes</c>).</summary>
    /// <exception cref="ReelException">not a byte buffer.</exception>
    public Span<byte> GetBytes()
    {
        reel_bytes_info_t info = BytesInfo();
        return new Span<byte>(info.data, checked((int)info.size));
    }

    /// <summary>The whole memory of a byte buffer (its size class), to write a payload into before setting <see cref="Size"/>.</summary>
    public Span<byte> GetCapacity()
    {
        reel_bytes_info_t info = BytesInfo();
        return new Span<byte>(info.data, checked((int)info.capacity));
    }

    /// <summary>The interleaved samples of an audio buffer, as bytes (<c>reel_buffer_get_audio</c>).</summary>
    /// <exception cref="ReelException">not an audio buffer.</exception>
    public Span<byte> GetSamples()
    {
        reel_audio_info_t info = AudioInfo();
        return new Span<byte>(info.data, checked((int)info.size));
    }

    /// <summary>The audio buffer's description: format, channels, samples per channel, sample rate.</summary>
    public reel_audio_info_t GetAudioInfo() => AudioInfo();

    /// <summary>The byte buffer's description: size, capacity, pts, dts, packet flags.</summary>
    public reel_bytes_info_t GetBytesInfo() => BytesInfo();

    /// <summary>The payload size of a byte buffer (<c>reel_buffer_set_size</c> to change it, 0..capacity).</summary>
    public nuint Size
    {
        get => BytesInfo().size;
        set
        {
            using var use = _handle.Use();
            Results.Check(ReelNative.reel_buffer_set_size(new reel_buffer_t(use.Value), value));
        }
    }

    /// <summary>The presentation timestamp (<c>reel_buffer_set_pts</c>; 0 after acquire).</summary>
    public long Pts
    {
        get => Kind switch
        {
            ReelBufferKind.Frame => GetFrame().Pts,
            ReelBufferKind.Audio => AudioInfo().pts,
            _ => BytesInfo().pts,
        };
        set
        {
            using var use = _handle.Use();
            Results.Check(ReelNative.reel_buffer_set_pts(new reel_buffer_t(use.Value), value));
        }
    }

    /// <summary>The host's tag, any 64-bit value; leak reports show it (<c>reel_buffer_set_tag</c>).</summary>
    public ulong Tag
    {
        get => Kind switch
        {
            ReelBufferKind.Frame => GetFrame().Tag,
            ReelBufferKind.Audio => AudioInfo().tag,
            _ => BytesInfo().tag,
        };
        set
        {
            using var use = _handle.Use();
            Results.Check(ReelNative.reel_buffer_set_tag(new reel_buffer_t(use.Value), value));
        }
    }

    /// <summary>A packet's decode timestamp (byte buffers).</summary>
    public long Dts => BytesInfo().dts;

    /// <summary>Whether a packet is a keyframe, a point decoding can start from (<c>REEL_PACKET_FLAG_KEYFRAME</c>).</summary>
    public bool IsKeyframe => (BytesInfo().flags & ReelNative.REEL_PACKET_FLAG_KEYFRAME) != 0;

    /// <summary>Sets a packet's decode timestamp and keyframe flag (<c>reel_buffer_set_packet_info</c>).</summary>
    public void SetPacketInfo(long dts, bool keyframe)
    {
        using var use = _handle.Use();
        uint flags = keyframe ? (uint)ReelNative.REEL_PACKET_FLAG_KEYFRAME : 0u;
        Results.Check(ReelNative.reel_buffer_set_packet_info(new reel_buffer_t(use.Value), dts, flags));
    }

    /// <summary>
    /// Hands this reference to the context's deferred queue (<c>reel_buffer_release_deferred</c>):
    /// it is released after the frame clock advanced <paramref name="frames"/> more times (a
    /// GPU may still read it until then). This object is disposed by the call.
    /// </summary>
    public void ReleaseDeferred(uint frames)
    {
        using (var use = _handle.Use())
            Results.Check(ReelNative.reel_buffer_release_deferred(new reel_buffer_t(use.Value), frames));
        _handle.Detach(nameof(ReelBuffer));
    }

    /// <summary>
    /// Hands this reference over to be released once <paramref name="timeline"/> reaches
    /// <paramref name="value"/> (<c>reel_buffer_release_after</c>). This object is disposed by the call.
    /// </summary>
    public void ReleaseAfter(ReelTimeline timeline, ulong value)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        using (var use = _handle.Use())
        using (var line = timeline.Use())
            Results.Check(ReelNative.reel_buffer_release_after(new reel_buffer_t(use.Value), new reel_timeline_t(line.Value), value));
        _handle.Detach(nameof(ReelBuffer));
    }

    /// <summary>Releases this reference (<c>reel_buffer_release</c>).</summary>
    public void Dispose() => _handle.Dispose();

    /// <summary>Borrows the handle for a call that reads or takes the buffer.</summary>
    internal ObjectHandle.Borrowed Use() => _handle.Use();

    private reel_bytes_info_t BytesInfo()
    {
        using var use = _handle.Use();
        reel_bytes_info_t info = default;
        info.struct_size = (uint)sizeof(reel_bytes_info_t);
        Results.Check(ReelNative.reel_buffer_get_bytes(new reel_buffer_t(use.Value), &info));
        return info;
    }

    private reel_audio_info_t AudioInfo()
    {
        using var use = _handle.Use();
        reel_audio_info_t info = default;
        info.struct_size = (uint)sizeof(reel_audio_info_t);
        Results.Check(ReelNative.reel_buffer_get_audio(new reel_buffer_t(use.Value), &info));
        return info;
    }

    private static reel_result_t Release(nint handle) => ReelNative.reel_buffer_release(new reel_buffer_t(handle));
}
