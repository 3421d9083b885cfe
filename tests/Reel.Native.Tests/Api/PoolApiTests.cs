using System;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>Pools and buffers through P/Invoke with the generated bindings.</summary>
public unsafe class PoolApiTests
{
    private reel_context_t _context;

    [SetUp]
    public void CreateContext()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        fixed (reel_context_t* context = &_context)
            Assert.That(ReelNative.reel_context_create(&desc, context), Is.EqualTo(reel_result_t.REEL_SUCCESS));
    }

    [TearDown]
    public void DestroyContext() => ReelNative.reel_context_destroy(_context);

    private reel_pool_t FramePool(reel_pixel_format_t format, uint width, uint height)
    {
        var desc = new reel_frame_pool_desc_t { struct_size = (uint)sizeof(reel_frame_pool_desc_t), format = format, width = width, height = height };
        reel_pool_t pool;
        Assert.That(ReelNative.reel_frame_pool_create(_context, &desc, &pool), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        return pool;
    }

    [Test]
    public void Frame_PlanesAreWritableAndDescribed()
    {
        reel_pool_t pool = FramePool(reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 641, 361);
        reel_buffer_t frame;
        Assert.That(ReelNative.reel_pool_acquire(pool, &frame), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        var info = new reel_frame_info_t { struct_size = (uint)sizeof(reel_frame_info_t) };
        Assert.That(ReelNative.reel_buffer_get_frame(frame, &info), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        Assert.That((info.width, info.height, info.plane_count), Is.EqualTo((641u, 361u, 3u)));
        Assert.That(info.stride[0], Is.EqualTo(704u), "641 aligned to 64");
        Assert.That(info.stride[1], Is.EqualTo(384u), "ceil(641/2) = 321 aligned to 64");
        Assert.That(info.plane_size[1], Is.EqualTo(384UL * 181), "ceil(361/2) = 181 rows");
        for (int plane = 0; plane < 3; plane++)
        {
            Assert.That(info.data[plane] % 64, Is.EqualTo((nint)0));
            new Span<byte>((void*)info.data[plane], (int)info.plane_size[plane]).Fill(0x80);
        }
        Assert.That(info.data[3], Is.EqualTo((nint)0));
        Assert.That(ReelNative.reel_buffer_release(frame), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Failure.Expect(ReelNative.reel_buffer_release(frame), reel_result_t.REEL_ERROR_INVALID_HANDLE, "is stale: that reel_buffer_t was released");
    }

    [Test]
    public void Stats_CountAcquiresAndReleases()
    {
        reel_pool_t pool = FramePool(reel_pixel_format_t.REEL_PIXEL_FORMAT_NV12, 64, 64);
        for (int i = 0; i < 10; i++)
        {
            reel_buffer_t frame;
            ReelNative.reel_pool_acquire(pool, &frame);
            ReelNative.reel_buffer_release(frame);
        }
        var stats = new reel_pool_stats_t { struct_size = (uint)sizeof(reel_pool_stats_t) };
        Assert.That(ReelNative.reel_pool_get_stats(pool, &stats), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That((stats.acquires, stats.releases, stats.misses, stats.allocated, stats.in_use), Is.EqualTo((10UL, 10UL, 1UL, 1u, 0u)));
    }

    [Test]
    public void Bytes_AboveTheTopClass_IsRefused()
    {
        var desc = new reel_byte_pool_desc_t { struct_size = (uint)sizeof(reel_byte_pool_desc_t) };
        reel_pool_t pool;
        Assert.That(ReelNative.reel_byte_pool_create(_context, &desc, &pool), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        reel_buffer_t packet;
        Failure.Expect(ReelNative.reel_pool_acquire_bytes(pool, 32 << 20, &packet), reel_result_t.REEL_ERROR_INVALID_ARGUMENT,
            "size is 33554432", "max_class_size");
        Assert.That(packet.IsNull, Is.True);
    }
}
