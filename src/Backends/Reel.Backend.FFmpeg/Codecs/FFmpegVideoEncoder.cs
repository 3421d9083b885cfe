using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Codecs;

/// <summary>
/// One libavcodec encoder (libx264, libx265, or a hardware wrapper taking system-memory
/// frames) driven through the shim. Input frames are not copied by Reel: the shim wraps the
/// frame's planes in an AVBufferRef, and the encoder holds its own reference on the Reel
/// buffer (the cookie) until libavcodec lets go (x264 and x265 copy into their look-ahead
/// during send_frame). Parameter sets go in-band before every keyframe (Annex B), so every
/// packet stream is self-contained; MP4/Matroska writers take them from the first keyframe.
/// Used by one thread at a time (the session's worker).
/// </summary>
internal sealed unsafe class FFmpegVideoEncoder : ILiveBitrateEncoder
{
    private readonly FFmpegShim _shim;
    private readonly string _encoderName;
    private readonly RateControlMode _rateControl;
    private nint _handle;
    private bool _sent;
    private bool _flushed;
    private bool _endOfStream;
    private GCHandle _self;
    private long _framesSent;
    private long _framesDone;
    private long _reconfigurations;

    private FFmpegVideoEncoder(FFmpegShim shim, string encoderName, RateControlMode rateControl)
    {
        _shim = shim;
        _encoderName = encoderName;
        _rateControl = rateControl;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>The libavcodec encoder name, e.g. "libx264".</summary>
    public string EncoderName => _encoderName;

    /// <inheritdoc/>
    public bool IsUnused => !_sent && !_flushed;

    /// <inheritdoc/>
    public bool IsEndOfStream => _endOfStream;

    /// <inheritdoc/>
    public long VisibleNativeBytes => 0;

    /// <inheritdoc/>
    public long FramesHeld => Volatile.Read(ref _framesSent) - Volatile.Read(ref _framesDone);

    /// <summary>Frames libavcodec let go of (done callbacks).</summary>
    public long FramesDone => Volatile.Read(ref _framesDone);

    /// <inheritdoc/>
    public long Reconfigurations => Volatile.Read(ref _reconfigurations);

    /// <summary>Opens an encoder named <paramref name="encoderName"/> with <paramref name="settings"/> (already checked by the factory).</summary>
    public static ReelResult Create(FFmpegShim shim, string encoderName, EncoderSettings settings, string function, out FFmpegVideoEncoder? encoder)
    {
        encoder = null;
        var created = new FFmpegVideoEncoder(shim, encoderName, settings.RateControl);
        nint handle;
        int err;
        byte[] name = Utf8(encoderName);
        fixed (byte* n = name)
            err = shim.VideoEncoder.Create(n, &OnFrameDone, (void*)GCHandle.ToIntPtr(created._self), &handle);
        if (err < 0)
        {
            created.Dispose();
            return ShimErrors.Fail(shim, err, $"{function}: {encoderName}");
        }
        created._handle = handle;
        ReelResult result = created.Configure(settings, function);
        if (result != ReelResult.Success)
        {
            created.Dispose();
            return result;
        }
        encoder = created;
        return ReelResult.Success;
    }

    private ReelResult Configure(EncoderSettings s, string function)
    {
        EncoderSettingsMapping mapping = EncoderSettingsMapping.For(_encoderName, s);
        ReelResult result;
        foreach ((ShimVideoEncoderInt key, long value, string field) in mapping.Ints)
        {
            if ((result = Check(_shim.VideoEncoder.SetInt(_handle, (int)key, value), function, field)) != ReelResult.Success)
                return result;
        }
        foreach ((ShimVideoEncoderString key, string value, string field) in mapping.Strings)
        {
            byte[] text = Utf8(value);
            fixed (byte* t = text)
            {
                if ((result = Check(_shim.VideoEncoder.SetString(_handle, (int)key, t), function, field)) != ReelResult.Success)
                    return result;
            }
        }
        return Check(_shim.VideoEncoder.Open(_handle), function, "open");
    }

    /// <inheritdoc/>
    public ReelResult SendFrame(in FrameRef frame, long pts, bool forceKeyframe, string function)
    {
        if (frame.IsSurface)
            return CodecErrors.Unsupported($"{function}: {_encoderName} takes CPU frames; got a {frame.Surface.Kind} GPU surface");
        I420Frame planes = frame.Planes;
        Handle buffer = frame.Buffer;
        // The encoder's own reference on the Reel buffer, given back in OnFrameDone.
        if (!buffer.IsNull)
        {
            ReelResult retained = Buffers.Retain(buffer, function);
            if (retained != ReelResult.Success)
                return retained;
        }
        byte** p = stackalloc byte*[3];
        int* strides = stackalloc int[3];
        p[0] = planes.Y;
        p[1] = planes.U;
        p[2] = planes.V;
        strides[0] = planes.YStride;
        strides[1] = planes.UStride;
        strides[2] = planes.VStride;
        _sent = true;
        Interlocked.Increment(ref _framesSent);
        int err = _shim.VideoEncoder.SendFrame(_handle, p, strides, pts, forceKeyframe ? ShimConstants.FrameForceKeyframe : 0, (void*)buffer.Value);
        if (err >= 0)
            return ReelResult.Success;
        // EINVAL and BAD_STATE mean the shim did not take the frame (no done call): drop our reference here.
        int kind = _shim.Errors.ErrorKind(err);
        if (kind == (int)ShimErrorKind.InvalidArgument || kind == (int)ShimErrorKind.BadState)
        {
            Interlocked.Decrement(ref _framesSent);
            if (!buffer.IsNull)
                Buffers.Release(buffer, function);
        }
        return ShimErrors.Fail(_shim, err, $"{function}: {_encoderName} send_frame");
    }

    /// <inheritdoc/>
    public ReelResult ReceivePacket(string function, out EncodedPacket packet)
    {
        packet = default;
        if (_endOfStream)
            return ReelResult.NotReady;
        byte* data;
        int size, flags;
        long pts, dts;
        int err = _shim.VideoEncoder.Receive(_handle, &data, &size, &pts, &dts, &flags);
        if (err == ShimConstants.ErrorAgain)
            return ReelResult.NotReady;
        if (err == ShimConstants.ErrorEof)
        {
            _endOfStream = true;
            return ReelResult.NotReady;
        }
        if (err < 0)
            return ShimErrors.Fail(_shim, err, $"{function}: {_encoderName} receive");
        packet = new EncodedPacket(data, size, pts, dts, (flags & ShimConstants.PacketKeyframe) != 0);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public ReelResult Flush(string function)
    {
        if (_flushed)
            return ReelResult.Success;
        _flushed = true;
        int err = _shim.VideoEncoder.Flush(_handle);
        return err < 0 ? ShimErrors.Fail(_shim, err, $"{function}: {_encoderName}") : ReelResult.Success;
    }

    /// <inheritdoc/>
    public bool CanChangeBitrate(out string reason)
    {
        reason = "";
        if (!EncoderSettingsMapping.ChangesBitrateLive(_encoderName))
        {
            reason = $"{_encoderName} in FFmpeg 5.1 cannot change the bitrate of an open encoder";
            return false;
        }
        if (_rateControl is RateControlMode.Cqp)
        {
            reason = $"{_encoderName} in rate control {_rateControl} has no bitrate";
            return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public ReelResult ChangeBitrate(ulong targetBitrate, ulong maxBitrate, ulong bufferSize, string function)
    {
        if (!CanChangeBitrate(out string reason))
            return CodecErrors.Unsupported($"{function}: {reason}");
        ReelResult result;
        if (targetBitrate != 0 && (result = Check(_shim.VideoEncoder.SetInt(_handle, (int)ShimVideoEncoderInt.Bitrate, (long)targetBitrate), function, "bitrate")) != ReelResult.Success)
            return result;
        if (maxBitrate != 0 && (result = Check(_shim.VideoEncoder.SetInt(_handle, (int)ShimVideoEncoderInt.MaxBitrate, (long)maxBitrate), function, "max_bitrate")) != ReelResult.Success)
            return result;
        if (bufferSize != 0 && (result = Check(_shim.VideoEncoder.SetInt(_handle, (int)ShimVideoEncoderInt.BufferSize, (long)bufferSize), function, "buffer_size")) != ReelResult.Success)
            return result;
        Interlocked.Increment(ref _reconfigurations);
        return ReelResult.Success;
    }

    /// <summary>The shim's counters for this encoder (read on the encoder's thread only).</summary>
    public (long FramesSent, long FramesDone, long Packets, long Bytes, long Reconfigurations) ShimStats()
    {
        long sent = 0, done = 0, packets = 0, bytes = 0, reconfigurations = 0;
        if (_handle != 0)
            _shim.VideoEncoder.Stats(_handle, &sent, &done, &packets, &bytes, &reconfigurations);
        return (sent, done, packets, bytes, reconfigurations);
    }

    /// <summary>Destroys the codec; frames it still held are released (their done runs) before this returns.</summary>
    public void Dispose()
    {
        nint handle = _handle;
        _handle = 0;
        if (handle != 0)
            _shim.VideoEncoder.Destroy(handle);
        if (_self.IsAllocated)
            _self.Free();
    }

    private ReelResult Check(int err, string function, string field)
        => err < 0 ? ShimErrors.Fail(_shim, err, $"{function}: {_encoderName} {field}") : ReelResult.Success;

    /// <summary>libavcodec let go of a frame: drop the encoder's reference on its Reel buffer. Runs on the sending thread; never throws.</summary>
    [UnmanagedCallersOnly]
    private static void OnFrameDone(void* user, void* cookie)
    {
        try
        {
            if (GCHandle.FromIntPtr((nint)user).Target is FFmpegVideoEncoder encoder)
                Interlocked.Increment(ref encoder._framesDone);
            if (cookie != null)
                Buffers.Release(new Handle((ulong)cookie), "reel_encoder (frame done)");
        }
        catch (Exception)
        {
            // Nothing may cross back into libavcodec; a failed release shows up in the leak report.
        }
    }

    private static byte[] Utf8(string text)
    {
        byte[] bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(text) + 1];
        System.Text.Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
