using System.Collections.Generic;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Memory;

namespace Reel.Tests.Memory;

public unsafe class UnmanagedAllocatorTests
{
    private static readonly List<string> s_calls = new();
    private static bool s_misalign;

    [UnmanagedCallersOnly]
    private static void* HostAlloc(void* userData, nuint size, nuint alignment)
    {
        s_calls.Add($"alloc {size} {alignment} {(nint)userData}");
        byte* block = (byte*)NativeMemory.AlignedAlloc(size + 64, alignment);
        return s_misalign ? block + 8 : block;
    }

    [UnmanagedCallersOnly]
    private static void HostFree(void* userData, void* memory, nuint size, nuint alignment)
    {
        s_calls.Add($"free {size} {alignment} {(nint)userData}");
        NativeMemory.AlignedFree(s_misalign ? (byte*)memory - 8 : memory);
    }

    [SetUp]
    public void Reset()
    {
        s_calls.Clear();
        s_misalign = false;
    }

    [TestCase(1u, 16u)]
    [TestCase(4096u, 64u)]
    [TestCase(1u << 20, 4096u)]
    public void System_ReturnsAlignedMemory(uint size, uint alignment)
    {
        void* block = UnmanagedAllocator.System.Allocate(size, alignment);
        Assert.That((ulong)block % alignment, Is.EqualTo(0UL));
        new System.Span<byte>(block, (int)size).Fill(0xAB);
        UnmanagedAllocator.System.Free(block, size, alignment);
    }

    [Test]
    public void Host_SeesEveryAllocationAndFree_WithSizeAndAlignment()
    {
        var allocator = new UnmanagedAllocator(&HostAlloc, &HostFree, (void*)7);
        Assert.That(allocator.IsHost, Is.True);
        void* block = allocator.Allocate(1000, 64);
        allocator.Free(block, 1000, 64);
        Assert.That(s_calls, Is.EqualTo(new[] { "alloc 1000 64 7", "free 1000 64 7" }));
    }

    [Test]
    public void Host_SmallAlignment_IsRaisedToTheDocumentedMinimum()
    {
        var allocator = new UnmanagedAllocator(&HostAlloc, &HostFree, null);
        void* block = allocator.Allocate(10, 1);
        allocator.Free(block, 10, 1);
        Assert.That(s_calls, Is.EqualTo(new[] { "alloc 10 16 0", "free 10 16 0" }));
    }

    [Test]
    public void Host_MisalignedBlock_IsGivenBackAndReportedAsNoMemory()
    {
        s_misalign = true;
        var allocator = new UnmanagedAllocator(&HostAlloc, &HostFree, null);
        Assert.That((ulong)allocator.Allocate(256, 64), Is.EqualTo(0UL), "a misaligned block counts as no memory");
        Assert.That(s_calls, Is.EqualTo(new[] { "alloc 256 64 0", "free 256 64 0" }));
    }
}
