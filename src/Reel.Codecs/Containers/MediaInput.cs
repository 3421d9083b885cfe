using System;
using System.Collections.Generic;
using System.IO;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;
using Reel.Containers;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Containers;

/// <summary>
/// A movie file read packet by packet (<c>reel_media_reader_t</c>): IVF through Reel's own
/// reader (no FFmpeg needed), MP4/MOV/WebM/Matroska through the container backend's demuxer,
/// which reads the header and the index at open and never the whole file. Packets are the
/// video stream's, with the frame number as pts; the stream list describes every stream.
/// </summary>
internal sealed unsafe class MediaInput : MediaFile
{
    /// <summary>Open readers by handle.</summary>
    public static readonly HandleTable<MediaInput> Table = new(HandleType.MediaReader, MaxOpenFiles);

    private readonly IvfReader? _ivf;
    private readonly IMediaDemuxer? _demuxer;
    private IvfFrame _pendingIvf;
    private DemuxedPacket _pending;
    private bool _hasPending;

    private MediaInput(ReelContext context, string path, IvfReader? ivf, IMediaDemuxer? demuxer) : base(context, path)
    {
        _ivf = ivf;
        _demuxer = demuxer;
    }

    /// <summary>The video stream as reel_media_info_t describes it.</summary>
    public override MediaInfo Info
    {
        get
        {
            if (_ivf is not null)
            {
                IvfHeader h = _ivf.Header;
                return new MediaInfo(h.Width, h.Height, (int)Math.Min(h.TimebaseDenominator, int.MaxValue), (int)Math.Min(h.TimebaseNumerator, int.MaxValue), h.FrameCount);
            }
            MediaStreamInfo? v = _demuxer!.Video;
            return v is null ? default : new MediaInfo(v.Width, v.Height, v.FpsNumerator, v.FpsDenominator, v.FrameCount);
        }
    }

    /// <summary>Every stream of the file (IVF: its one AV1 stream).</summary>
    public IReadOnlyList<MediaStreamInfo> Streams
    {
        get
        {
            if (_demuxer is not null)
                return _demuxer.Streams;
            IvfHeader h = _ivf!.Header;
            double seconds = h.TimebaseDenominator == 0 ? 0 : (double)h.FrameCount * h.TimebaseNumerator / h.TimebaseDenominator;
            return [new MediaStreamInfo(0, MediaStreamKind.Video, "av1", (int)h.TimebaseNumerator, (int)h.TimebaseDenominator, seconds, h.FrameCount,
                h.Width, h.Height, (int)h.TimebaseDenominator, (int)h.TimebaseNumerator, 0, 0, 0, 0, 0)];
        }
    }

    /// <summary>The container's name ("ivf", "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm").</summary>
    public string FormatName => _demuxer?.FormatName ?? "ivf";

    /// <summary>Opens <paramref name="path"/>: IVF (by its signature) with Reel's reader, anything else through the container backend.</summary>
    public static ReelResult Open(ReelContext context, string path, string function, out MediaInput? input)
    {
        input = null;
        MediaInput made;
        if (IsIvf(path))
        {
            ReelResult opened = IvfReader.Open(path, function, out IvfReader? reader);
            if (opened != ReelResult.Success)
                return opened;
            made = new MediaInput(context, path, reader, null);
        }
        else
        {
            IContainerBackend? backend = BackendRegistry.ContainerBackend;
            if (backend is null)
                return CodecErrors.Unavailable($"{function}: {path} is not IVF, and this libreel registers no container backend (FFmpeg)");
            if (!backend.ContainersAvailable(out string reason))
                return CodecErrors.Unavailable($"{function}: {path} is not IVF, and reading other containers is unavailable: {reason}");
            ReelResult opened = backend.OpenMedia(path, function, out IMediaDemuxer? demuxer);
            if (opened != ReelResult.Success)
                return opened;
            made = new MediaInput(context, path, null, demuxer);
        }
        ReelResult result = Register(Table, made, function);
        if (result == ReelResult.Success)
            input = made;
        return result;
    }

    /// <summary>
    /// Reads the next video packet into a buffer of <paramref name="pool"/> (a byte pool) with
    /// its frame number as pts: Success, EndOfStream after the last, an error naming the file.
    /// A packet that could not get a buffer is kept for the next read.
    /// </summary>
    public ReelResult Read(Pool pool, string function, out Handle packet)
    {
        packet = Handle.Null;
        if (pool.Kind != PoolKind.Bytes)
            return CodecErrors.InvalidArgument($"{function}: pool is {pool.Kind.ToString().ToLowerInvariant()} pool '{pool.Name}'; allowed a byte pool");
        Gate.Enter();
        try
        {
            ReelResult result = CheckOpen(function);
            if (result != ReelResult.Success)
                return result;
            if (!_hasPending)
            {
                result = ReadNext(function, out bool end);
                if (result != ReelResult.Success)
                    return result;
                if (end)
                    return ReelResult.EndOfStream;
                _hasPending = true;
            }
            ReadOnlySpan<byte> bytes = _ivf is not null ? _pendingIvf.Span : _pending.Span;
            long pts = _ivf is not null ? _pendingIvf.Pts : _pending.FrameNumber;
            result = pool.AcquireBytes((nuint)bytes.Length, function, out Handle buffer);
            if (result != ReelResult.Success)
                return result;
            Buffers.GetBytes(buffer, function, out BytesView view);
            bytes.CopyTo(new Span<byte>((void*)view.Memory, bytes.Length));
            Buffers.SetPts(buffer, pts, function);
            _hasPending = false;
            packet = buffer;
            return ReelResult.Success;
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <summary>Moves to the keyframe at or before frame <paramref name="frame"/> through the container's index (MP4/WebM/MKV).</summary>
    public ReelResult Seek(long frame, string function)
    {
        Gate.Enter();
        try
        {
            ReelResult result = CheckOpen(function);
            if (result != ReelResult.Success)
                return result;
            if (_demuxer is null)
                return CodecErrors.Unsupported($"{function}: {Path} is IVF, which has no index to seek with; reel_frame_cache_create_for_ivf seeks IVF files");
            _hasPending = false;
            return _demuxer.SeekVideo(frame, function);
        }
        finally
        {
            Gate.Exit();
        }
    }

    private ReelResult ReadNext(string function, out bool end)
    {
        end = false;
        if (_demuxer is not null)
            return _demuxer.ReadVideo(function, out _pending, out end);
        ReelResult result = _ivf!.ReadFrame(function, out _pendingIvf);
        if (result == ReelResult.NotReady)
        {
            end = true;
            return ReelResult.Success;
        }
        return result;
    }

    private static bool IsIvf(string path)
    {
        try
        {
            // An .ivf file that is not IVF is reported by Reel's IVF reader ("expected DKIF"), not by FFmpeg's probe.
            if (System.IO.Path.GetExtension(path).Equals(".ivf", StringComparison.OrdinalIgnoreCase))
                return true;
            using FileStream stream = File.OpenRead(path);
            Span<byte> signature = stackalloc byte[4];
            return stream.Read(signature) == 4 && signature.SequenceEqual("DKIF"u8);
        }
        catch (Exception e) when (Reel.Errors.IoFailure.IsIo(e))
        {
            // Not readable here: the opener that follows reports why, naming the path.
            return System.IO.Path.GetExtension(path).Equals(".ivf", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <inheritdoc/>
    protected override ReelResult CloseFile(string function)
    {
        _ivf?.Dispose();
        _demuxer?.Dispose();
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    protected override bool RemoveFromTable() => Table.TryRemove(Handle, out _) == HandleError.None;
}
