using System;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Bindings.Tests.Objects;

/// <summary>ReelPool and ReelBuffer: references, exhaustion, planes and bytes as spans.</summary>
public unsafe class PoolAndBufferTests
{
    private ReelContext _context = null!;

    [SetUp]
    public void CreateContext() => _context = ReelContext.Create("pools");

    [TearDown]
    public void DestroyContext()
    {
        Assert.That(_context.GetMemory().buffers_out, Is.Zero, "every buffer went back");
        _context.Dispose();
    }

    [Test]
    public void Retain_IsASecondOwner_TheBufferGoesBackAfterBothAreDisposed()
    {
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 32, 32, max: 1);
        ReelBuffer first = pool.Acquire();
        ReelBuffer second = first.Retain();
        first.Dispose();
        Assert.That(pool.GetStats().in_use, Is.EqualTo(1u), "the second reference keeps it out");
        Assert.That(pool.TryAcquire(out ReelBuffer? none), Is.False, "max 1, FAIL policy");
        Assert.That(none, Is.Null);
        second.Dispose();
        Assert.That(pool.GetStats().in_use, Is.Zero);
        Assert.Throws<ObjectDisposedException>(() => _ = first.Pts);
    }

    [Test]
    public void Acquire_Exhausted_ThrowsLimitReached()
    {
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_RGBA8, 8, 8, max: 1);
        using ReelBuffer held = pool.Acquire();
        var error = Assert.Throws<ReelException>(() => pool.Acquire())!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_ERROR_LIMIT_REACHED));
        Assert.That(error.ReelMessage, Does.StartWith("reel_pool_acquire"));
    }

    [Test]
    public void Acquire_WaitPolicyTimesOut_ThrowsReelTimeoutException()
    {
        reel_frame_pool_desc_t desc = default;
        desc.struct_size = (uint)sizeof(reel_frame_pool_desc_t);
        desc.format = reel_pixel_format_t.REEL_PIXEL_FORMAT_I420;
        desc.width = desc.height = 16;
        desc.config.max = 1;
        desc.config.exhaustion = reel_pool_exhaustion_t.REEL_POOL_EXHAUSTION_WAIT;
        desc.config.wait_timeout_ms = 10;
        using var pool = ReelPool.CreateFramePool(_context, desc);
        using ReelBuffer held = pool.Acquire();
        var error = Assert.Throws<ReelTimeoutException>(() => pool.Acquire())!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_TIMEOUT));
        Assert.That(pool.TryAcquire(out _), Is.False);
    }

    [Test]
    public void CreateFramePool_BadSize_NamesTheField()
    {
        var error = Assert.Throws<ReelException>(() => ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 0, 16))!;
        Assert.That(error.ReelMessage, Does.Contain("desc->width is 0"));
    }

    [Test]
    public void Frame_PlanesAreSpansOfTheBuffersMemory()
    {
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 5, 3);
        using ReelBuffer buffer = pool.Acquire();
        ReelFrame frame = buffer.GetFrame();
        Assert.That((frame.Format, frame.Width, frame.Height, frame.PlaneCount),
            Is.EqualTo((reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 5, 3, 3)));
        Assert.That(frame.Plane(0).Length, Is.EqualTo(frame.Stride(0) * 3));
        Assert.That(frame.Plane(1).Length, Is.EqualTo(frame.Stride(1) * 2), "4:2:0 chroma rounds odd sizes up");
        frame.Row(0, 2, 5).Fill(200);
        frame.Row(2, 1, 3).Fill(77);
        buffer.Pts = 42;
        buffer.Tag = 0xfeed;
        ReelFrame again = buffer.GetFrame();
        Assert.That(again.Plane(0)[2 * again.Stride(0) + 4], Is.EqualTo(200));
        Assert.That(again.Plane(2)[again.Stride(2) + 2], Is.EqualTo(77));
        Assert.That((buffer.Pts, buffer.Tag, again.Pts), Is.EqualTo((42L, 0xfeedUL, 42L)));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetFrame().Plane(3));
        int tooLong = again.Stride(0) + 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.GetFrame().Row(0, 0, tooLong));
    }

    [Test]
    public void Bytes_PayloadSizeCapacityAndPacketInfo()
    {
        using var pool = ReelPool.CreateBytePool(_context, minClassSize: 256, maxClassSize: 4096);
        using ReelBuffer packet = pool.AcquireBytes(100);
        Assert.That((packet.GetBytes().Length, packet.GetCapacity().Length), Is.EqualTo((100, 256)));
        packet.GetCapacity()[..3].Fill(9);
        packet.Size = 3;
        packet.SetPacketInfo(dts: -1, keyframe: true);
        Assert.That(packet.GetBytes().ToArray(), Is.EqualTo(new byte[] { 9, 9, 9 }));
        Assert.That((packet.Dts, packet.IsKeyframe), Is.EqualTo((-1L, true)));
        var error = Assert.Throws<ReelException>(() => packet.Size = 257)!;
        Assert.That(error.Result, Is.EqualTo(reel_result_t.REEL_ERROR_INVALID_ARGUMENT));
        Assert.Throws<ReelException>(() => packet.GetFrame(), "not a frame buffer");
    }

    [Test]
    public void Audio_SamplesAreBytesOfTheInterleavedBuffer()
    {
        using var pool = ReelPool.CreateAudioPool(_context, reel_sample_format_t.REEL_SAMPLE_FORMAT_S16, channels: 2, samplesPerBuffer: 480, sampleRate: 48000);
        using ReelBuffer audio = pool.Acquire();
        Assert.That(audio.GetSamples().Length, Is.EqualTo(480 * 2 * 2));
        Assert.That(audio.GetAudioInfo().sample_rate, Is.EqualTo(48000u));
        audio.Pts = 960;
        Assert.That(audio.Pts, Is.EqualTo(960));
    }

    [Test]
    public void Staging_IsAByteBuffer()
    {
        using ReelBuffer staging = _context.AcquireStaging(1000);
        Assert.That(staging.Kind, Is.EqualTo(ReelBufferKind.Bytes));
        Assert.That(staging.GetCapacity().Length, Is.GreaterThanOrEqualTo(1000));
    }

    [Test]
    public void ReleaseAfter_TheTimeline_ReturnsTheBufferOnceReached()
    {
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 16, 16);
        using var timeline = ReelTimeline.Create(_context);
        ReelBuffer frame = pool.Acquire();
        frame.ReleaseAfter(timeline, 5);
        Assert.Throws<ObjectDisposedException>(() => _ = frame.Pts, "the reference was handed over");
        _context.AdvanceFrame();
        Assert.That(pool.GetStats().in_use, Is.EqualTo(1u), "the timeline is at 0");
        timeline.Signal(5);
        Assert.That(timeline.Wait(5, 0), Is.True);
        _context.AdvanceFrame();
        Assert.That(pool.GetStats().in_use, Is.Zero);
        Assert.That(timeline.Value, Is.EqualTo(5UL));
        Assert.Throws<ReelException>(() => timeline.Signal(4));
    }

    [Test]
    public void ReleaseDeferred_ReturnsTheBufferAfterTheFrames()
    {
        using var pool = ReelPool.CreateFramePool(_context, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420, 16, 16);
        pool.Acquire().ReleaseDeferred(2);
        _context.AdvanceFrame();
        Assert.That(pool.GetStats().in_use, Is.EqualTo(1u), "one of the two frames has passed");
        _context.AdvanceFrame();
        Assert.That(pool.GetStats().in_use, Is.Zero);
    }
}
