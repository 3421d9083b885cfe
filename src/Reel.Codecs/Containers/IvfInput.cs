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
/// An IVF file read packet by packet into the host's byte pool (<c>reel_ivf_reader_t</c>).
/// A packet that could not get a buffer (pool exhausted) is kept and returned by the next read.
/// </summary>
internal sealed unsafe class IvfInput : MediaFile, IMediaInput<IvfInput>
{
    /// <summary>Open readers by handle.</summary>
    public static readonly HandleTable<IvfInput> Table = new(HandleType.IvfReader, MaxOpenFiles);

    /// <inheritdoc/>
    public static HandleTable<IvfInput> Readers => Table;

    private readonly IvfReader _reader;
    private IvfFrame _pending;
    private bool _hasPending;

    private IvfInput(ReelContext context, string path, IvfReader reader) : base(context, path) => _reader = reader;

    /// <inheritdoc/>
    public override MediaInfo Info
    {
        get
        {
            IvfHeader h = _reader.Header;
            return new MediaInfo(h.Width, h.Height, (int)Math.Min(h.TimebaseDenominator, int.MaxValue), (int)Math.Min(h.TimebaseNumerator, int.MaxValue), h.FrameCount);
        }
    }

    /// <summary>Opens and checks <paramref name="path"/> (signature, version, header size, AV01).</summary>
    public static ReelResult Open(ReelContext context, string path, string function, out IvfInput? input)
    {
        input = null;
        ReelResult result = IvfReader.Open(path, function, out IvfReader? reader);
        if (result != ReelResult.Success)
            return result;
        var made = new IvfInput(context, path, reader!);
        result = Register(Table, made, function);
        if (result == ReelResult.Success)
            input = made;
        return result;
    }

    /// <summary>
    /// Reads the next packet into a buffer of <paramref name="pool"/> (a byte pool of the same
    /// context) with its pts: Success, EndOfStream at the clean end of the file, ErrorCorruptData
    /// for a truncated or damaged frame (naming its index and offset).
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
                result = _reader.ReadFrame(function, out _pending);
                if (result == ReelResult.NotReady)
                    return ReelResult.EndOfStream;
                if (result != ReelResult.Success)
                    return result;
                _hasPending = true;
            }
            result = pool.AcquireBytes((nuint)_pending.Size, function, out Handle buffer);
            if (result != ReelResult.Success)
                return result;
            Buffers.GetBytes(buffer, function, out BytesView view);
            _pending.Span.CopyTo(new Span<byte>((void*)view.Memory, _pending.Size));
            Buffers.SetPts(buffer, _pending.Pts, function);
            _hasPending = false;
            packet = buffer;
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
