using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>Every bad input of the context functions through P/Invoke: code + message, never a crash.</summary>
public unsafe class ContextBadInputTests
{
    [UnmanagedCallersOnly]
    private static void* Alloc(void* userData, nuint size, nuint alignment) => NativeMemory.AlignedAlloc(size, alignment);

    private static reel_result_t Create(reel_context_desc_t desc)
    {
        reel_context_t context;
        reel_result_t result = ReelNative.reel_context_create(&desc, &context);
        if (result == reel_result_t.REEL_SUCCESS)
            ReelNative.reel_context_destroy(context);
        return result;
    }

    private static reel_context_t WithTypeTag(reel_context_t handle, byte tag) =>
        new((nint)(((ulong)handle.Value & 0x00FF_FFFF_FFFF_FFFF) | ((ulong)tag << 56)));

    [Test]
    public void NullDesc()
    {
        var sentinel = new reel_context_t(0x1234);
        reel_context_t context = sentinel;
        Failure.Expect(ReelNative.reel_context_create(null, &context), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "reel_context_create: desc is NULL");
        Assert.That(context, Is.EqualTo(sentinel), "the output is untouched on failure");
    }

    [Test]
    public void NullOutPointer()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        Failure.Expect(ReelNative.reel_context_create(&desc, null), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "out_context is NULL");
    }

    [TestCase(0u)]
    [TestCase(4u)]
    [TestCase(63u)]
    [TestCase(151u)]
    [TestCase(65537u)]
    public void WrongStructSize(uint size)
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.struct_size = size;
        Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INVALID_ARGUMENT,
            $"desc->struct_size is {size}", $"sizeof(reel_context_desc_t) = {sizeof(reel_context_desc_t)}");
    }

    [Test]
    public void NewerStruct_NonZeroUnknownBytes_IsIncompatible()
    {
        byte* buffer = stackalloc byte[sizeof(reel_context_desc_t) + 16];
        new System.Span<byte>(buffer, sizeof(reel_context_desc_t) + 16).Clear();
        var desc = (reel_context_desc_t*)buffer;
        *desc = ReelNative.reel_context_desc_default();
        desc->struct_size = (uint)sizeof(reel_context_desc_t) + 16;
        reel_context_t context;
        Assert.That(ReelNative.reel_context_create(desc, &context), Is.EqualTo(reel_result_t.REEL_SUCCESS), "zero tail is accepted");
        ReelNative.reel_context_destroy(context);

        buffer[sizeof(reel_context_desc_t) + 3] = 1;
        Failure.Expect(ReelNative.reel_context_create(desc, &context), reel_result_t.REEL_ERROR_INCOMPATIBLE_VERSION,
            $"byte {sizeof(reel_context_desc_t) + 3} is not zero", "newer reel.h");
    }

    [Test]
    public void NewerMajorApiVersion()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.api_version = ReelNative.REEL_MAKE_VERSION((uint)ReelNative.REEL_VERSION_MAJOR + 1, 0, 0);
        Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INCOMPATIBLE_VERSION, "desc->api_version is 1.0.0");
    }

    [Test]
    public void OneSidedAllocator()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.allocator.alloc = &Alloc;
        Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "desc->allocator.alloc is set but desc->allocator.free is NULL");
    }

    [TestCase(6)]
    [TestCase(-3)]
    public void UnknownLogLevel(int level)
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.log_level = (reel_log_level_t)level;
        Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, $"desc->log_level is {level}");
    }

    [Test]
    public void ReservedNotZero()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        desc.reserved = 1;
        Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "desc->reserved is 1");
    }

    [Test]
    public void NameTooLong()
    {
        byte[] name = new byte[65];
        name.AsSpan(0, 64).Fill((byte)'n');
        fixed (byte* p = name)
        {
            reel_context_desc_t desc = ReelNative.reel_context_desc_default();
            desc.name = p;
            Failure.Expect(Create(desc), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "desc->name is longer than 63 bytes");
        }
    }

    [Test]
    public void DestroyTwice()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        reel_context_t context;
        ReelNative.reel_context_create(&desc, &context);
        ReelNative.reel_context_destroy(context);
        Failure.Expect(ReelNative.reel_context_destroy(context), reel_result_t.REEL_ERROR_INVALID_HANDLE,
            $"reel_context_destroy: context ({context})", "is stale");
    }

    [Test]
    public void HandleWithAnotherTypeTag()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        reel_context_t context;
        ReelNative.reel_context_create(&desc, &context);
        try
        {
            Failure.Expect(ReelNative.reel_context_destroy(WithTypeTag(context, 0x33)), reel_result_t.REEL_ERROR_INVALID_HANDLE,
                "unknown type tag 0x33", "expected a reel_context_t");
        }
        finally
        {
            Assert.That(ReelNative.reel_context_destroy(context), Is.EqualTo(reel_result_t.REEL_SUCCESS), "the real handle still works");
        }
    }

    [TestCase(0x0000000000000001UL, "type tag 0x00")]
    [TestCase(0x0100000100ABCDEFUL, "never issued")]
    [TestCase(0x0177777700000000UL, "never issued")]
    [TestCase(0xFFFFFFFFFFFFFFFFUL, "unknown type tag 0xff")]
    public void ForgedHandle(ulong value, string fragment)
    {
        Failure.Expect(ReelNative.reel_context_destroy(new reel_context_t((nint)value)), reel_result_t.REEL_ERROR_INVALID_HANDLE, fragment);
    }
}
