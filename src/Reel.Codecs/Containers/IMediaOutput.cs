using Reel.Abi;
using Reel.Context;
using Reel.Handles;

namespace Reel.Codecs.Containers;

/// <summary>
/// A file writer of the C API (IVF, Y4M): what its functions need from it, so that one
/// implementation serves every format's create / write / get_info / close.
/// </summary>
internal interface IMediaOutput<TSelf> where TSelf : MediaFile, IMediaOutput<TSelf>
{
    /// <summary>Open writers of the format by handle.</summary>
    static abstract HandleTable<TSelf> Writers { get; }

    /// <summary>Creates <paramref name="path"/> for <paramref name="info"/>; messages start with <paramref name="function"/>.</summary>
    static abstract ReelResult Create(ReelContext context, string path, in MediaInfo info, string function, out TSelf? output);

    /// <summary>Appends a buffer (the caller keeps its reference).</summary>
    ReelResult Write(Handle item, string function);
}
