using System.Collections.Generic;
using System.Linq;

namespace Reel.Backends;

/// <summary>
/// The codec operations of the software backend (CPU libraries such as SVT-AV1 and dav1d),
/// as <c>reel_backend_caps</c> reports them under the "software" entry. A software codec
/// registers its capabilities when it knows them (typically once its library has loaded);
/// registering the same operation again replaces the earlier entry.
/// </summary>
public static class SoftwareCodecs
{
    private static readonly object s_lock = new();
    private static readonly List<CodecCaps> s_codecs = new();

    /// <summary>Adds or replaces the capabilities of <paramref name="caps"/>.Operation.</summary>
    public static void Register(CodecCaps caps)
    {
        lock (s_lock)
        {
            s_codecs.RemoveAll(c => c.Operation == caps.Operation);
            s_codecs.Add(caps);
        }
    }

    /// <summary>Removes the entry of <paramref name="operation"/> (a library that failed to load); false if none.</summary>
    public static bool Unregister(VideoCodecOperation operation)
    {
        lock (s_lock)
            return s_codecs.RemoveAll(c => c.Operation == operation) > 0;
    }

    /// <summary>The registered entries, ordered by operation.</summary>
    public static IReadOnlyList<CodecCaps> All
    {
        get
        {
            lock (s_lock)
                return s_codecs.OrderBy(c => (int)c.Operation).ToList();
        }
    }
}
