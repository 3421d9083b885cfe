namespace Reel.Cache;

/// <summary>Ends and length of an intrusive doubly linked list threaded through <see cref="CacheNode.Prev"/>/<see cref="CacheNode.Next"/>.</summary>
internal struct NodeList
{
    /// <summary>The list with no nodes.</summary>
    public static NodeList Empty => new() { Head = -1, Tail = -1 };

    /// <summary>Newest node; -1 when empty.</summary>
    public int Head;

    /// <summary>Oldest node: the next to go; -1 when empty.</summary>
    public int Tail;

    /// <summary>Nodes on the list.</summary>
    public int Count;

    /// <summary>Makes <paramref name="node"/> the head.</summary>
    public void PushFront(CacheNode[] nodes, int node)
    {
        nodes[node].Prev = -1;
        nodes[node].Next = Head;
        if (Head >= 0)
            nodes[Head].Prev = node;
        Head = node;
        if (Tail < 0)
            Tail = node;
        Count++;
    }

    /// <summary>Takes <paramref name="node"/>, which is on this list, off it.</summary>
    public void Unlink(CacheNode[] nodes, int node)
    {
        int prev = nodes[node].Prev, next = nodes[node].Next;
        if (prev >= 0)
            nodes[prev].Next = next;
        else
            Head = next;
        if (next >= 0)
            nodes[next].Prev = prev;
        else
            Tail = prev;
        nodes[node].Prev = nodes[node].Next = -1;
        Count--;
    }
}
