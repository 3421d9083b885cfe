using System;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Containers;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Containers;

/// <summary>
/// An IVF file written packet by packet (<c>reel_ivf_writer_t</c>). Each packet reaches the
/// operating system before write returns, so the file stays readable if the process dies;
/// close patches the frame count.
/// </summary>
internal sealed unsafe class IvfOutput : MediaFile, IMediaOutput<IvfOutput>
{
    /// <summary>Open writers by handle.</summary>
    public static readonly HandleTable<IvfOutput> Table = new(HandleType.IvfWriter, MaxOpenFiles);

    /// <inheritdoc/>
    public static HandleTable<IvfOutput> Writers => Table;

    private readonly IvfWriter _writer;
    private readonly MediaInfo _info;

    private IvfOutput(ReelContext context, string path, IvfWriter writer, in MediaInfo info) : base(context, path)
    {
        _writer = writer;
        _info = info;
    }

    /// <inheritdoc/>
    public override MediaInfo Info => _info with { FrameCount = _writer.FramesWritten };

    /// <summary>Creates (truncates) <paramref name="path"/> for AV1 at the size and frame rate of <paramref name="info"/> (timebase fps_den / fps_num, so pts count frames).</summary>
    public static ReelResult Create(ReelContext context, string path, in MediaInfo info, string function, out IvfOutput? output)
    {
        output = null;
        if (info.FpsNumerator < 1 || info.FpsDenominator < 1)
            return CodecErrors.InvalidArgument($"{function}: info->fps_num / fps_den is {info.FpsNumerator}/{info.FpsDenominator}; allowed 1 or more each");
        ReelResult result = IvfWriter.Create(path, info.Width, info.Height, (uint)info.FpsDenominator, (uint)info.FpsNumerator, function, out IvfWriter? writer);
        if (result != ReelResult.Success)
            return result;
        var made = new IvfOutput(context, path, writer!, info with { FrameCount = 0 });
        result = Register(Table, made, function);
        if (result == ReelResult.Success)
            output = made;
        return result;
    }

    /// <summary>Appends the payload of a byte buffer with its pts (not below the previous packet's); the caller keeps its reference.</summary>
    public ReelResult Write(Handle packet, string function)
    {
        ReelResult result = Buffers.GetBytes(packet, function, out BytesView view);
        if (result != ReelResult.Success)
            return result;
        Gate.Enter();
        try
        {
            result = CheckOpen(function);
            if (result != ReelResult.Success)
                return result;
            return _writer.WriteFrame(new ReadOnlySpan<byte>((void*)view.Memory, checked((int)view.Size)), view.Pts, function, "packet");
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <inheritdoc/>
    protected override ReelResult CloseFile(string function) => _writer.End(function);

    /// <inheritdoc/>
    protected override bool RemoveFromTable() => Table.TryRemove(Handle, out _) == HandleError.None;
}
