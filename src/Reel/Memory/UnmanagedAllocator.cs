using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Reel.Memory;

/// <summary>
/// Where a context's unmanaged memory comes from: the host's <c>reel_allocator_t</c>
/// callbacks, or aligned system memory. Every unmanaged allocation Reel makes for a context
/// goes through one of these, so the host allocator sees all of it.
/// </summary>
public sealed unsafe class UnmanagedAllocator
{
    /// <summary>Smallest alignment handed to an allocation function (documented in reel.h).</summary>
    public const nuint MinimumAlignment = 16;

    private readonly delegate* unmanaged<void*, nuint, nuint, void*> _alloc;
    private readonly delegate* unmanaged<void*, void*, nuint, nuint, void> _free;
    private readonly void* _userData;

    /// <summary>Aligned system memory (NativeMemory.AlignedAlloc).</summary>
    public static readonly UnmanagedAllocator System = new(null, null, null);

    /// <summary>Wraps host callbacks; both null means system memory.</summary>
    public UnmanagedAllocator(
        delegate* unmanaged<void*, nuint, nuint, void*> alloc,
        delegate* unmanaged<void*, void*, nuint, nuint, void> free,
        void* userData)
    {
        Debug.Assert((alloc == null) == (free == null), "Host allocators come as a pair; the C API edge checks this.");
        _alloc = alloc;
        _free = free;
        _userData = userData;
    }

    /// <summary>Whether memory comes from the host's callbacks.</summary>
    public bool IsHost => _alloc != null;

    /// <summary>
    /// Allocates <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power
    /// of two; raised to <see cref="MinimumAlignment"/>). Returns null when no memory is
    /// available or the host returned a misaligned block (which is then given back).
    /// </summary>
    public void* Allocate(nuint size, nuint alignment)
    {
        Debug.Assert(BitOperations.IsPow2(alignment), "Alignments are powers of two.");
        alignment = alignment < MinimumAlignment ? MinimumAlignment : alignment;
        if (_alloc == null)
            return NativeMemory.AlignedAlloc(size, alignment);
        void* memory = _alloc(_userData, size, alignment);
        if (memory != null && ((nuint)memory & (alignment - 1)) != 0)
        {
            _free(_userData, memory, size, alignment);
            return null;
        }
        return memory;
    }

    /// <summary>Frees a block from <see cref="Allocate"/> with the same size and alignment.</summary>
    public void Free(void* memory, nuint size, nuint alignment)
    {
        if (memory == null)
            return;
        alignment = alignment < MinimumAlignment ? MinimumAlignment : alignment;
        if (_free == null)
            NativeMemory.AlignedFree(memory);
        else
            _free(_userData, memory, size, alignment);
    }
}
