using System.Collections.Generic;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

public unsafe class ContextApiTests
{
    private static readonly List<(reel_log_level_t Level, string Message)> s_log = new();
    private static long s_liveHostBlocks;

    [UnmanagedCallersOnly]
    private static void Log(void* userData, reel_log_level_t level, byte* message)
    {
        lock (s_log)
            s_log.Add((level, Marshal.PtrToStringUTF8((nint)message)!));
    }

    [UnmanagedCallersOnly]
    private static void* Alloc(void* userData, nuint size, nuint alignment)
    {
        System.Threading.Interlocked.Increment(ref s_liveHostBlocks);
        return NativeMemory.AlignedAlloc(size, alignment);
    }

    [UnmanagedCallersOnly]
    private static void Free(void* userData, void* memory, nuint size, nuint alignment)
    {
        System.Threading.Interlocked.Decrement(ref s_liveHostBlocks);
        NativeMemory.AlignedFree(memory);
    }

    [SetUp]
    public void Clear()
    {
        lock (s_log)
            s_log.Clear();
    }

    [Test]
    public void Create_Destroy_Succeeds()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        reel_context_t context;
        Assert.That(ReelNative.reel_context_create(&desc, &context), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        Assert.That(context.IsNull, Is.False);
        Assert.That(ReelNative.reel_context_destroy(context), Is.EqualTo(reel_result_t.REEL_SUCCESS));
    }

    [Test]
    public void LogCallback_ReceivesLifecycleMessages()
    {
        byte[] name = "nunit\0"u8.ToArray();
        fixed (byte* namePtr = name)
        {
            reel_context_desc_t desc = ReelNative.reel_context_desc_default();
            desc.name = namePtr;
            desc.log_callback = &Log;
            desc.log_level = reel_log_level_t.REEL_LOG_LEVEL_INFO;
            reel_context_t context;
            Assert.That(ReelNative.reel_context_create(&desc, &context), Is.EqualTo(reel_result_t.REEL_SUCCESS));
            ReelNative.reel_context_destroy(context);
        }
        Assert.That(s_log, Has.Count.EqualTo(2));
        Assert.That(s_log[0].Level, Is.EqualTo(reel_log_level_t.REEL_LOG_LEVEL_INFO));
        Assert.That(s_log[0].Message, Does.StartWith("nunit: context created: libreel "));
        Assert.That(s_log[1].Message, Does.StartWith("nunit: context destroyed (0 pool(s)"));
    }

    [Test]
    public void HostAllocator_IsAccepted_AndNothingIsLeftAllocated()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.allocator.alloc = &Alloc;
        desc.allocator.free = &Free;
        reel_context_t context;
        Assert.That(ReelNative.reel_context_create(&desc, &context), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        ReelNative.reel_context_destroy(context);
        Assert.That(s_liveHostBlocks, Is.Zero);
    }

    [Test]
    public void DestroyNull_IsANoOp()
    {
        Assert.That(ReelNative.reel_context_destroy(reel_context_t.Null), Is.EqualTo(reel_result_t.REEL_SUCCESS));
    }
}
