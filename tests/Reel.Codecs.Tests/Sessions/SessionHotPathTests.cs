using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>
/// The host side of a session's hot path allocates nothing on the managed heap in steady
/// state: submit and receive of an encoder, submit and receive of a decoder (whose frames come
/// from a frame pool through dav1d's allocator), measured with GC.GetAllocatedBytesForCurrentThread.
/// </summary>
public unsafe class SessionHotPathTests
{
    private ReelContext _context = null!;

    [SetUp]
    public void CreateContext()
    {
        Assert.That(ReelContext.Create(new ContextOptions { Name = "hot path" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        _context = context!;
    }

    [TearDown]
    public void DestroyContext()
    {
        ReelContext.Destroy(_context.Handle, "test");
    }

    [Test]
    public void EncoderSubmitAndReceive_SteadyState_AllocateNothing()
    {
        var options = new EncoderSessionOptions
        {
            Settings = new EncoderSettings { Width = 320, Height = 240, Preset = EncoderPreset.Low, RateControl = RateControlMode.Cqp },
            Backend = CodecBackend.Software,
        };
        Assert.That(EncoderSession.Create(_context, options, "test", out EncoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 320, 240, 0, 0, 0, "test", out FrameLayout? layout), Is.EqualTo(ReelResult.Success));
        Assert.That(PoolConfig.TryCreate(0, 16, PoolGrowth.Linear, 0, ExhaustionPolicy.Wait, PoolConfig.WaitForever, 0, 0, 0, PoolFlags.None, 16, "test", out PoolConfig? config),
            Is.EqualTo(ReelResult.Success));
        Assert.That(FramePool.Create(_context, "frames", layout!, config!, "test", out FramePool? pool), Is.EqualTo(ReelResult.Success));
        long pts = 0;
        int failures = 0, packets = 0;
        void Run(int frames)
        {
            for (int i = 0; i < frames; i++)
            {
                if (pool!.Acquire("test", out Handle frame) != ReelResult.Success
                    || session!.Submit(frame, pts++, false, PoolConfig.WaitForever, "test") != ReelResult.Success)
                    failures++;
                Buffers.Release(frame, "test");
                while (session!.Receive(0, "test", out Handle packet) == ReelResult.Success)
                {
                    packets++;
                    Buffers.Release(packet, "test");
                }
            }
        }
        Run(80); // warm-up: pools, queues and SVT-AV1's pipeline fill
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(60);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(failures, Is.Zero, () => LastError.Message);
        Assert.That(packets, Is.GreaterThan(60), "packets flowed while measuring");
        Assert.That(allocated, Is.Zero, "bytes allocated by 60 submits and their receives");
        Assert.That(EncoderSession.Destroy(session!.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Pool.Destroy(pool!.Handle, "test");
        Assert.That(_context.Pools, Is.Empty);
    }

    [Test]
    public void DecoderSubmitAndReceive_SteadyState_AllocateNothing()
    {
        // Packets from SVT-AV1 directly (no session): 160 frames of a moving pattern.
        EncoderSettings settings = Support.Av1RoundTrip.Small(RateControlMode.Crf);
        settings.KeyframeInterval = 40;
        var packets = Support.Av1RoundTrip.Encode(settings, 160).ConvertAll(p => p.Data);
        var options = new DecoderSessionOptions { Settings = new DecoderSettings(), Backend = CodecBackend.Software };
        Assert.That(DecoderSession.Create(_context, options, "test", out DecoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        int index = 0, frames = 0, failures = 0;
        void Run(int count)
        {
            for (int i = 0; i < count; i++, index++)
            {
                ReelResult sent;
                while ((sent = session!.Submit(packets[index], index, "test")) == ReelResult.NotReady)
                    Drain();
                if (sent != ReelResult.Success)
                    failures++;
                Drain();
            }
        }
        void Drain()
        {
            while (session!.Receive("test", out Handle frame) == ReelResult.Success)
            {
                frames++;
                Buffers.Release(frame, "test");
            }
        }
        Run(60);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Run(100);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(failures, Is.Zero, () => LastError.Message);
        Assert.That(frames, Is.GreaterThan(150));
        Assert.That(allocated, Is.Zero, "bytes allocated by 100 submits and their receives");
        Assert.That(DecoderSession.Destroy(session!.Handle, "test"), Is.EqualTo(ReelResult.Success));
    }
}
