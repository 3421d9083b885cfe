using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>
/// The frame contract: encoder input is a <see cref="FrameRef"/> that is either a pooled CPU
/// frame or a GPU surface, so a hardware backend plugs into sessions unchanged. The software
/// encoder refuses surfaces with the reason. The surface backend below is registered only for
/// these tests: it stands for a GPU encoder this machine does not have (no library is faked —
/// it encodes nothing, it reports what reached it), and shows that a surface travels through
/// an unchanged encoder session, queue and worker to the backend exactly as the host gave it.
/// </summary>
public unsafe class FrameContractTests
{
    private ReelContext _context = null!;

    [SetUp]
    public void CreateContext()
    {
        Assert.That(ReelContext.Create(new ContextOptions { Name = "frame contract" }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        _context = context!;
    }

    [TearDown]
    public void DestroyContext()
    {
        BackendRegistry.Unregister(SurfaceBackend.BackendName);
        ReelContext.Destroy(_context.Handle, "test");
    }

    private static GpuSurface Surface(int width, int height, ulong image) => new()
    {
        Kind = SurfaceKind.VulkanImage,
        Device = 0x1000,
        Image = image,
        Width = width,
        Height = height,
        Format = 37, // VK_FORMAT_R8G8B8A8_UNORM
        Layout = 6,  // VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL
        QueueFamily = 0,
        Wait = new TimelinePoint(0x2000, image * 10),
        Signal = new TimelinePoint(0x3000, image * 10 + 1),
    };

    [Test]
    public void SoftwareEncoder_RefusesASurface_NamingBothSides()
    {
        var options = new EncoderSessionOptions { Settings = new EncoderSettings { Width = 320, Height = 240 }, Backend = CodecBackend.Software };
        Assert.That(EncoderSession.Create(_context, options, "test", out EncoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(session!.SubmitSurface(Surface(320, 240, 7), 0, false, 0, "reel_test_submit"), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("reel_test_submit").And.Contain("SVT-AV1").And.Contain("CpuI420").And.Contain("VulkanImage"));
        Assert.That(EncoderSession.Destroy(session.Handle, "test"), Is.EqualTo(ReelResult.Success));
    }

    [Test]
    public void SurfaceBackend_GetsEverySurfaceThroughAnUnchangedSession()
    {
        var backend = new SurfaceBackend();
        BackendRegistry.Register(backend);
        var options = new EncoderSessionOptions { Settings = new EncoderSettings { Width = 640, Height = 360 }, Backend = CodecBackend.Hardware };
        Assert.That(EncoderSession.Create(_context, options, "test", out EncoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);

        Assert.That(session!.SubmitSurface(Surface(320, 240, 1), 0, false, 0, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("320x240").And.Contain("640x360"));
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 640, 360, 0, 0, 0, "test", out FrameLayout? layout), Is.EqualTo(ReelResult.Success));
        Assert.That(PoolConfig.TryCreate(0, 2, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0, 0, PoolFlags.None, 2, "test", out PoolConfig? config), Is.EqualTo(ReelResult.Success));
        Assert.That(FramePool.Create(_context, "frames", layout!, config!, "test", out FramePool? pool), Is.EqualTo(ReelResult.Success));
        Assert.That(pool!.Acquire("test", out Handle cpu), Is.EqualTo(ReelResult.Success));
        Assert.That(session.Submit(cpu, 0, false, 0, "test"), Is.EqualTo(ReelResult.ErrorUnsupported), "this backend takes surfaces only");
        Assert.That(LastError.Message, Does.Contain("not CPU frames"));
        Buffers.Release(cpu, "test");

        for (int i = 0; i < 5; i++)
            Assert.That(session.SubmitSurface(Surface(640, 360, (ulong)(i + 1)), i, false, PoolConfig.WaitForever, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(session.Flush("test"), Is.EqualTo(ReelResult.Success));
        var received = new List<(ulong Image, ulong Wait, ulong Signal, long Pts)>();
        while (session.Receive(PoolConfig.WaitForever, "test", out Handle packet) == ReelResult.Success)
        {
            Assert.That(Buffers.GetBytes(packet, "test", out BytesView bytes), Is.EqualTo(ReelResult.Success));
            ulong* words = (ulong*)bytes.Memory;
            received.Add((words[0], words[1], words[2], bytes.Pts));
            Buffers.Release(packet, "test");
        }
        Assert.That(received, Is.EqualTo(new[] { (1UL, 10UL, 11UL, 0L), (2UL, 20UL, 21UL, 1L), (3UL, 30UL, 31UL, 2L), (4UL, 40UL, 41UL, 3L), (5UL, 50UL, 51UL, 4L) }));
        Assert.That(EncoderSession.Destroy(session.Handle, "test"), Is.EqualTo(ReelResult.Success));
        Pool.Destroy(pool.Handle, "test");
    }

    /// <summary>A backend whose one encoder takes Vulkan images and reports each as a 24-byte packet (image, wait value, signal value).</summary>
    private sealed class SurfaceBackend : IBackend, IEncoderFactory
    {
        public const string BackendName = "surface-contract-test";

        public string Name => BackendName;
        public BackendKind Kind => BackendKind.Vulkan;
        public IReadOnlyList<IEncoderFactory> Encoders => [this];
        public IReadOnlyList<IDecoderFactory> Decoders => [];
        public BackendDescription Describe() => FactoryBackend.Describe(this);

        CodecBackend IEncoderFactory.Kind => CodecBackend.Hardware;
        public VideoCodec Codec => VideoCodec.Av1;
        public FrameInputs Inputs => FrameInputs.VulkanImage;
        public EncoderCapabilities Capabilities { get; } = new("surface test", 16, 8192, 16, 8192, true, 240, [Av1Profile.Main],
            [RateControlMode.Crf], [RateControlMode.Crf], [EncoderPreset.Medium], 0, 0, 1000, 100_000_000, 0, 0, 0, 1);

        public bool IsAvailable(out string description)
        {
            description = "surface contract test";
            return true;
        }

        public ReelResult Check(EncoderSettings settings, string prefix) => settings.Validate(Capabilities, prefix);

        public ReelResult Create(EncoderSettings settings, string function, out IEncoder? encoder)
        {
            encoder = new SurfaceEncoder();
            return ReelResult.Success;
        }
    }

    private sealed class SurfaceEncoder : IEncoder
    {
        private readonly Queue<(GpuSurface Surface, long Pts)> _pending = new();
        private readonly byte* _packet = (byte*)NativeMemory.Alloc(24);
        private bool _flushed;

        public bool IsUnused => false;
        public bool IsEndOfStream => _flushed && _pending.Count == 0;
        public long VisibleNativeBytes => 24;

        public ReelResult SendFrame(in FrameRef frame, long pts, bool forceKeyframe, string function)
        {
            if (!frame.IsSurface)
                return CodecErrors.Unsupported("surfaces only");
            _pending.Enqueue((frame.Surface, pts));
            return ReelResult.Success;
        }

        public ReelResult ReceivePacket(string function, out EncodedPacket packet)
        {
            packet = default;
            if (!_pending.TryDequeue(out var next))
                return ReelResult.NotReady;
            ulong* words = (ulong*)_packet;
            words[0] = next.Surface.Image;
            words[1] = next.Surface.Wait.Value;
            words[2] = next.Surface.Signal.Value;
            packet = new EncodedPacket(_packet, 24, next.Pts, next.Pts, true);
            return ReelResult.Success;
        }

        public ReelResult Flush(string function)
        {
            _flushed = true;
            return ReelResult.Success;
        }

        public void Dispose() => NativeMemory.Free(_packet);
    }
}
