using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Containers;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Containers;

/// <summary>A YUV4MPEG2 file (8-bit 4:2:0) read frame by frame into the host's I420 frame pool (<c>reel_y4m_reader_t</c>).</summary>
internal sealed class Y4mInput : MediaFile, IMediaInput<Y4mInput>
{
    /// <summary>Open readers by handle.</summary>
    public static readonly HandleTable<Y4mInput> Table = new(HandleType.Y4mReader, MaxOpenFiles);

    /// <inheritdoc/>
    public static HandleTable<Y4mInput> Readers => Table;

    private readonly Y4mReader _reader;
    private readonly long _frameCount;

    private Y4mInput(ReelContext context, string path, Y4mReader reader, long frameCount) : base(context, path)
    {
        _reader = reader;
        _frameCount = frameCount;
    }

    /// <inheritdoc/>
    public override MediaInfo Info
    {
        get
        {
            Y4mHeader h = _reader.Header;
            return new MediaInfo(h.Width, h.Height, h.FpsNumerator, h.FpsDenominator, _frameCount);
        }
    }

    /// <summary>Opens <paramref name="path"/> and parses its header (8-bit 4:2:0 only).</summary>
    public static ReelResult Open(ReelContext context, string path, string function, out Y4mInput? input)
    {
        input = null;
        ReelResult result = Y4mReader.Open(path, function, out Y4mReader? reader);
        if (result != ReelResult.Success)
            return result;
        // The frames the file holds, counted frame header by frame header (a header may carry
        // parameters, and the stream header has any length).
        result = reader!.CountFrames(function, out long frames);
        if (result != ReelResult.Success)
        {
            reader.Dispose();
            return result;
        }
        var made = new Y4mInput(context, path, reader, frames);
        result = Register(Table, made, function);
        if (result == ReelResult.Success)
            input = made;
        return result;
    }

    /// <summary>
    /// Reads the next frame into a buffer of <paramref name="pool"/> (an I420 frame pool of the
    /// file's size), pts = frame index: Success, EndOfStream at the clean end, ErrorCorruptData
    /// for a bad frame header or a truncated frame.
    /// </summary>
    public ReelResult Read(Pool pool, string function, out Handle frame)
    {
        frame = Handle.Null;
        MediaInfo info = Info;
        if (pool is not FramePool framePool || framePool.Layout.Format != PixelFormat.I420
            || framePool.Layout.Width != (uint)info.Width || framePool.Layout.Height != (uint)info.Height)
        {
            return CodecErrors.InvalidArgument(
                $"{function}: pool is '{pool.Name}'; allowed an I420 frame pool of {info.Width}x{info.Height} (the file's size)");
        }
        Gate.Enter();
        try
        {
            ReelResult result = CheckOpen(function);
            if (result != ReelResult.Success)
                return result;
            result = framePool.Acquire(function, out Handle buffer);
            if (result != ReelResult.Success)
                return result;
            Buffers.GetFrame(buffer, function, out FrameView view);
            I420Frame destination = FrameViews.ToI420(view);
            long index = _reader.FramesRead;
            result = _reader.ReadFrameInto(destination, function);
            if (result != ReelResult.Success)
            {
                Buffers.Release(buffer, function);
                return result == ReelResult.NotReady ? ReelResult.EndOfStream : result;
            }
            Buffers.SetPts(buffer, index, function);
            frame = buffer;
            return ReelResult.Success;
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <inheritdoc/>
    protected override ReelResult CloseFile(string function)
    {
        _reader.Dispose();
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    protected override bool RemoveFromTable() => Table.TryRemove(Handle, out _) == HandleError.None;
}
