using Reel.Abi;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Containers;

/// <summary>
/// A file reader of the C API (IVF, Y4M): what its functions need from it, so that one
/// implementation serves every format's open / get_info / read / close.
/// </summary>
internal interface IMediaInput<TSelf> where TSelf : MediaFile, IMediaInput<TSelf>
{
    /// <summary>Open readers of the format by handle.</summary>
    static abstract HandleTable<TSelf> Readers { get; }

    /// <summary>Opens and checks <paramref name="path"/>; messages start with <paramref name="function"/>.</summary>
    static abstract ReelResult Open(ReelContext context, string path, string function, out TSelf? input);

    /// <summary>Reads the next item into a buffer of <paramref name="pool"/>: Success, EndOfStream, or an error.</summary>
    ReelResult Read(Pool pool, string function, out Handle item);
}
