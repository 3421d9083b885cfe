using System;
using System.Threading;

namespace Reel.Context;

/// <summary>
/// Lists that hot paths read without a lock (a context's pools and attachments, a pool's
/// thread caches, a GPU device's buffer pools): writers publish a new array under their own
/// lock, readers take whichever array is current.
/// </summary>
internal static class CopyOnWrite
{
    /// <summary>Publishes <paramref name="list"/> plus <paramref name="item"/>. Call under the writers' lock.</summary>
    public static void Add<T>(ref T[] list, T item)
    {
        T[] grown = list;
        Array.Resize(ref grown, grown.Length + 1);
        grown[^1] = item;
        Volatile.Write(ref list, grown);
    }

    /// <summary>Publishes <paramref name="list"/> without <paramref name="item"/>; false when it was not there. Call under the writers' lock.</summary>
    public static bool Remove<T>(ref T[] list, T item)
        where T : class
    {
        int index = Array.IndexOf(list, item);
        if (index < 0)
            return false;
        var shrunk = new T[list.Length - 1];
        Array.Copy(list, 0, shrunk, 0, index);
        Array.Copy(list, index + 1, shrunk, index, shrunk.Length - index);
        Volatile.Write(ref list, shrunk);
        return true;
    }
}
