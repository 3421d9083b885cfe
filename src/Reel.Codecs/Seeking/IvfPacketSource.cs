using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Containers;

namespace Reel.Codecs.Seeking;

/// <summary>
/// An AV1 IVF file as a <see cref="ISeekablePacketSource"/>: IVF carries no index, so opening
/// reads the whole file once to build an <see cref="IvfIndex"/> (frame offsets and keyframes).
/// </summary>
internal sealed class IvfPacketSource : ISeekablePacketSource
{
    private readonly IvfReader _reader;
    private readonly IvfIndex _index;

    private IvfPacketSource(IvfReader reader, IvfIndex index)
    {
        _reader = reader;
        _index = index;
    }

    /// <inheritdoc/>
    public int FrameCount => _index.FrameCount;

    /// <summary>
    /// Opens <paramref name="path"/> and indexes every frame. Errors name <paramref name="function"/>:
    /// a missing or unreadable file, a bad IVF header, a truncated frame, a file without any keyframe.
    /// </summary>
    public static ReelResult Open(string path, string function, out ISeekablePacketSource? source)
    {
        source = null;
        ReelResult result = IvfReader.Open(path, function, out IvfReader? reader);
        if (result != ReelResult.Success)
            return result;
        result = IvfIndex.Build(reader!, path, function, out IvfIndex? index);
        if (result != ReelResult.Success)
        {
            reader!.Dispose();
            return result;
        }
        source = new IvfPacketSource(reader!, index!);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public int RandomAccessPointAtOrBefore(int frame) => _index.RandomAccessPointAtOrBefore(frame);

    /// <inheritdoc/>
    public ReelResult SeekTo(int randomAccessPoint, string function) => _reader.Seek(_index.OffsetOf(randomAccessPoint), randomAccessPoint, function);

    /// <inheritdoc/>
    public unsafe ReelResult Read(string function, out DemuxedPacket packet)
    {
        packet = default;
        ReelResult result = _reader.ReadFrame(function, out IvfFrame frame);
        if (result != ReelResult.Success)
            return result;
        int number = (int)frame.Index;
        packet = new DemuxedPacket(frame.Data, frame.Size, number, _index.RandomAccessPointAtOrBefore(number) == number);
        return ReelResult.Success;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
