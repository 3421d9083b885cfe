using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;

namespace Reel.Codecs.Containers;

/// <summary>A YUV4MPEG2 file (8-bit 4:2:0, C420jpeg) written frame by frame from Reel I420 frames (<c>reel_y4m_writer_t</c>).</summary>
internal sealed class Y4mOutput : MediaFile, IMediaOutput<Y4mOutput>
{
    /// <summary>Open writers by handle.</summary>
    public static readonly HandleTable<Y4mOutput> Table = new(HandleType.Y4mWriter, MaxOpenFiles);

    /// <inheritdoc/>
    public static HandleTable<Y4mOutput> Writers => Table;

    private readonly Y4mWriter _writer;
    private readonly MediaInfo _info;

    private Y4mOutput(ReelContext context, string path, Y4mWriter writer, in MediaInfo info) : base(context, path)
    {
        _writer = writer;
        _info = info;
    }

    /// <inheritdoc/>
    public override MediaInfo Info => _info with { FrameCount = _writer.FramesWritten };

    /// <summary>Creates (truncates) <paramref name="path"/> and writes the stream header.</summary>
    public static ReelResult Create(ReelContext context, string path, in MediaInfo info, string function, out Y4mOutput? output)
    {
        output = null;
        ReelResult result = Y4mWriter.Create(path, info.Width, info.Height, info.FpsNumerator, info.FpsDenominator, function, out Y4mWriter? writer);
        if (result != ReelResult.Success)
            return result;
        var made = new Y4mOutput(context, path, writer!, info with { FrameCount = 0 });
        result = Register(Table, made, function);
        if (result == ReelResult.Success)
            output = made;
        return result;
    }

    /// <summary>Appends an I420 frame of the file's size; the caller keeps its reference.</summary>
    public ReelResult Write(Handle frame, string function)
    {
        ReelResult result = FrameViews.ResolveI420(frame, function, "frame", _info.Width, _info.Height, out I420Frame view);
        if (result != ReelResult.Success)
            return result;
        Gate.Enter();
        try
        {
            result = CheckOpen(function);
            return result != ReelResult.Success ? result : _writer.WriteFrame(view, function);
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <inheritdoc/>
    protected override ReelResult CloseFile(string function) => _writer.Close(function);

    /// <inheritdoc/>
    protected override bool RemoveFromTable() => Table.TryRemove(Handle, out _) == HandleError.None;
}
