using System;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Conversion;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Memory;
using Reel.Vulkan.Api;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Recording;
using Reel.Vulkan.Tests.Support;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Recording;

/// <summary>
/// The GPU conversion of host images (what reel_movie_writer_write_vk_image records) against
/// the CPU's RgbToI420 of the same pixels, for every format it takes, in I420 and NV12, at a
/// size whose right and bottom edges are odd; plus its accounting and its teardown. On lavapipe
/// with validation and synchronization validation: any message fails the test.
/// </summary>
public sealed unsafe class VkImageRecorderTests : GpuTestBase
{
    // Odd on purpose: the last chroma column and row come from one pixel column or row.
    private const int Width = 123;
    private const int Height = 77;

    [TestCase(Format.R8G8B8A8Unorm, false)]
    [TestCase(Format.R8G8B8A8Srgb, false)]
    [TestCase(Format.B8G8R8A8Unorm, false)]
    [TestCase(Format.B8G8R8A8Srgb, false)]
    [TestCase(Format.A2B10G10R10UnormPack32, false)]
    [TestCase(Format.R8G8B8A8Unorm, true)]
    [TestCase(Format.B8G8R8A8Srgb, true)]
    public void GpuConversion_MatchesTheCpuConversionOfTheSamePixels(Format format, bool nv12)
    {
        GpuDevice device = CreateGpuDevice();
        using var target = new CapturingTarget(Width, Height);
        Assert.That(VkImageRecorder.Create(device, target, 2, nv12, "test", out VkImageRecorder? recorder), Is.EqualTo(ReelResult.Success), LastError.Message);
        const int frames = 3;
        var sources = new byte[frames][];
        GpuImage image = CreateImage(device, format);
        TimelineObject rendered = Gate(device);
        TimelineObject reusable = Gate(device);
        for (int k = 0; k < frames; k++)
        {
            sources[k] = Pattern(k);
            // Frame k is uploaded once Reel released frame k - 1 (reusable >= k).
            Upload(device, image, format, sources[k], rendered, (ulong)k + 1, reusable, (ulong)k);
            HostImage host = Host(device, image, format, rendered, (ulong)k + 1, reusable, (ulong)k + 1);
            Assert.That(recorder!.Write(host, "test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        }
        Assert.That(recorder!.Finish("test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(target.Pictures, Has.Count.EqualTo(frames));
        bool bgra = format is Format.B8G8R8A8Unorm or Format.B8G8R8A8Srgb;
        for (int k = 0; k < frames; k++)
        {
            Assert.That(target.Pictures[k].Sequence, Is.EqualTo(k));
            (byte[] y, byte[] u, byte[] v) = CpuConversion(sources[k], bgra);
            double py = Psnr(y, target.Pictures[k].Y), pu = Psnr(u, target.Pictures[k].U), pv = Psnr(v, target.Pictures[k].V);
            TestContext.Out.WriteLine($"{format}{(nv12 ? " NV12" : "")} frame {k}: PSNR Y {py:F1} dB, Cb {pu:F1} dB, Cr {pv:F1} dB");
            Assert.That(Math.Min(py, Math.Min(pu, pv)), Is.GreaterThanOrEqualTo(45.0), $"frame {k}");
        }
        image.Destroy(device.Allocator);
    }

    [Test]
    public void ConversionAndStagingMemory_AreChargedWhileRecordingAndGoneAfter()
    {
        GpuDevice device = CreateGpuDevice();
        long before = device.Context.Memory.Current(MemoryCategory.Device);
        using var target = new CapturingTarget(Width, Height);
        Assert.That(VkImageRecorder.Create(device, target, 3, nv12: false, "test", out VkImageRecorder? recorder), Is.EqualTo(ReelResult.Success), LastError.Message);
        var planes = new YuvPlanes(Width, Height, false);
        long recording = device.Context.Memory.Current(MemoryCategory.Device);
        Assert.That(recording - before, Is.GreaterThanOrEqualTo(3 * planes.Size), "three conversion buffers");
        GpuImage image = CreateImage(device, Format.R8G8B8A8Unorm);
        TimelineObject rendered = Gate(device);
        Upload(device, image, Format.R8G8B8A8Unorm, Pattern(0), rendered, 1, null, 0);
        Assert.That(recorder!.Write(Host(device, image, Format.R8G8B8A8Unorm, rendered, 1, null, 0), "test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(recorder.Finish("test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        image.Destroy(device.Allocator);
        device.ProcessDeferred(); // the upload's staging buffer
        Assert.That(device.Context.Memory.Current(MemoryCategory.Device), Is.EqualTo(before), "conversion and readback buffers freed");
        Assert.That(target.Pictures, Has.Count.EqualTo(1));
        Assert.That(target.Open, Is.Zero);
    }

    [Test]
    public void DeviceDestroyedWithFramesInFlight_CommitsThemBeforeAnythingGoes()
    {
        GpuDevice device = CreateGpuDevice();
        using var target = new CapturingTarget(Width, Height);
        Assert.That(VkImageRecorder.Create(device, target, 2, nv12: false, "test", out VkImageRecorder? recorder), Is.EqualTo(ReelResult.Success), LastError.Message);
        GpuImage image = CreateImage(device, Format.R8G8B8A8Unorm);
        TimelineObject rendered = Gate(device);
        TimelineObject reusable = Gate(device);
        Upload(device, image, Format.R8G8B8A8Unorm, Pattern(0), rendered, 1, null, 0);
        Assert.That(recorder!.Write(Host(device, image, Format.R8G8B8A8Unorm, rendered, 1, reusable, 1), "test"), Is.EqualTo(ReelResult.Success), LastError.Message);
        // The host's image goes once Reel no longer reads it; the frame may still be uncollected.
        Assert.That(reusable.Gpu!.Wait(1, 10_000_000_000, "test"), Is.EqualTo(ReelResult.Success));
        image.Destroy(device.Allocator);
        DestroyGpuDevice(device);
        Assert.That(target.Pictures, Has.Count.EqualTo(1));
        Assert.That(recorder.Write(default, "test"), Is.EqualTo(ReelResult.ErrorBadState));
        Assert.That(recorder.Finish("test"), Is.EqualTo(ReelResult.Success), "finishing twice is harmless");
    }

    private static byte[] Pattern(int k)
    {
        var pixels = new byte[Width * Height * 4];
        for (int y = 0; y < Height; y++)
            for (int x = 0; x < Width; x++)
            {
                int at = (y * Width + x) * 4;
                pixels[at] = (byte)((x * 2 + k * 17) & 0xFF);
                pixels[at + 1] = (byte)((y * 3 + x + k * 29) & 0xFF);
                pixels[at + 2] = (byte)(((x ^ y) * 5 + k * 7) & 0xFF);
                pixels[at + 3] = 255;
            }
        return pixels;
    }

    /// <summary>The CPU conversion of memory-order bytes (an A2B10G10R10 image holds them as its top 8 bits, in RGBA order).</summary>
    private static (byte[] Y, byte[] U, byte[] V) CpuConversion(byte[] pixels, bool bgra)
    {
        int cw = (Width + 1) / 2, ch = (Height + 1) / 2;
        var y = new byte[Width * Height];
        var u = new byte[cw * ch];
        var v = new byte[cw * ch];
        fixed (byte* source = pixels, py = y, pu = u, pv = v)
        {
            var frame = new I420Frame(Width, Height, py, Width, pu, cw, pv, cw);
            Assert.That(RgbToI420.Convert(source, Width * 4, Width, Height, bgra ? RgbByteOrder.Bgra : RgbByteOrder.Rgba, frame, "test"), Is.EqualTo(ReelResult.Success));
        }
        return (y, u, v);
    }

    private static double Psnr(byte[] a, byte[] b)
    {
        double squared = 0;
        for (int i = 0; i < a.Length; i++)
            squared += (a[i] - b[i]) * (double)(a[i] - b[i]);
        double mse = squared / a.Length;
        return mse == 0 ? 100 : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    private static GpuImage CreateImage(GpuDevice device, Format format)
    {
        var info = new ImageCreateInfo
        {
            SType = StructureType.ImageCreateInfo,
            ImageType = ImageType.Type2D,
            Format = format,
            Extent = new Extent3D(Width, Height, 1),
            MipLevels = 1,
            ArrayLayers = 1,
            Samples = SampleCountFlags.Count1Bit,
            Tiling = ImageTiling.Optimal,
            Usage = ImageUsageFlags.SampledBit | ImageUsageFlags.TransferDstBit,
            InitialLayout = ImageLayout.Undefined,
        };
        Assert.That(GpuResourceFactory.CreateImage(device.Allocator, info, GpuMemoryUsage.DeviceLocal, MemoryCategory.Device, false, "test", out GpuImage? image),
            Is.EqualTo(ReelResult.Success), LastError.Message);
        return image!;
    }

    private static HostImage Host(GpuDevice device, GpuImage image, Format format, TimelineObject rendered, ulong wait, TimelineObject? reusable, ulong signal) => new()
    {
        Device = device.Vulkan.Handle.Handle,
        Image = image.Handle,
        Width = Width,
        Height = Height,
        Format = format,
        Layout = ImageLayout.ShaderReadOnlyOptimal,
        QueueFamily = device.QueueFor(GpuQueueRole.Compute)!.Queue.FamilyIndex,
        Wait = new TimelinePoint(rendered.Gpu!.Semaphore.Handle, wait),
        Signal = reusable is null ? TimelinePoint.None : new TimelinePoint(reusable.Gpu!.Semaphore.Handle, signal),
        TimeoutNanoseconds = 10_000_000_000,
    };

    /// <summary>
    /// The host's upload of <paramref name="pixels"/> (bytes in memory order; packed to 10 bits
    /// for A2B10G10R10) into the image, left in SHADER_READ_ONLY_OPTIMAL; waits for
    /// <paramref name="reusable"/> &gt;= <paramref name="reusableValue"/> and signals <paramref name="rendered"/>.
    /// </summary>
    private void Upload(GpuDevice device, GpuImage image, Format format, byte[] pixels, TimelineObject rendered, ulong renderedValue, TimelineObject? reusable, ulong reusableValue)
    {
        GpuBuffer staging = GpuWork.Buffer(device, (ulong)pixels.Length, GpuMemoryUsage.Upload, BufferUsageFlags.TransferSrcBit);
        if (format == Format.A2B10G10R10UnormPack32)
        {
            var words = (uint*)staging.Mapped;
            for (int i = 0; i < Width * Height; i++)
                words[i] = Ten(pixels[i * 4]) | Ten(pixels[i * 4 + 1]) << 10 | Ten(pixels[i * 4 + 2]) << 20 | 3u << 30;
        }
        else
        {
            pixels.AsSpan().CopyTo(new Span<byte>(staging.Mapped, pixels.Length));
        }
        Assert.That(device.BeginCommands(GpuQueueRole.Graphics, "test", out CommandBuffer commands), Is.EqualTo(ReelResult.Success), LastError.Message);
        Vk vk = device.Vulkan.Vk;
        Transition(vk, commands, image, ImageLayout.Undefined, ImageLayout.TransferDstOptimal);
        var region = new BufferImageCopy
        {
            ImageSubresource = new ImageSubresourceLayers(ImageAspectFlags.ColorBit, 0, 0, 1),
            ImageExtent = new Extent3D(Width, Height, 1),
        };
        vk.CmdCopyBufferToImage(commands, staging.Handle, image.Handle, ImageLayout.TransferDstOptimal, 1, &region);
        Transition(vk, commands, image, ImageLayout.TransferDstOptimal, ImageLayout.ShaderReadOnlyOptimal);
        Span<TimelineWait> waits = stackalloc TimelineWait[1];
        int waitCount = 0;
        if (reusable is not null && reusableValue > 0)
            waits[waitCount++] = new TimelineWait(reusable.Gpu!.Semaphore, reusableValue, PipelineStageFlags2.AllCommandsBit);
        ReadOnlySpan<TimelineSignal> signals = [new TimelineSignal(rendered.Gpu!.Semaphore, renderedValue)];
        Assert.That(device.Submit(commands, waits[..waitCount], signals, "test", out ulong done), Is.EqualTo(ReelResult.Success), LastError.Message);
        device.Deferred.ReleaseAtTimeline(new BufferRelease(device, staging), device.QueueFor(GpuQueueRole.Graphics)!.Timeline, done);
    }

    /// <summary>An 8-bit value widened to 10 bits so that its top 8 bits are the value.</summary>
    private static uint Ten(byte value) => (uint)(value << 2 | value >> 6);

    private static void Transition(Vk vk, CommandBuffer commands, GpuImage image, ImageLayout from, ImageLayout to)
    {
        var barrier = new ImageMemoryBarrier2
        {
            SType = StructureType.ImageMemoryBarrier2,
            SrcStageMask = PipelineStageFlags2.AllCommandsBit,
            SrcAccessMask = AccessFlags2.MemoryWriteBit,
            DstStageMask = PipelineStageFlags2.AllCommandsBit,
            DstAccessMask = AccessFlags2.MemoryReadBit | AccessFlags2.MemoryWriteBit,
            OldLayout = from,
            NewLayout = to,
            SrcQueueFamilyIndex = ~0u,
            DstQueueFamilyIndex = ~0u,
            Image = image.Handle,
            SubresourceRange = new ImageSubresourceRange(ImageAspectFlags.ColorBit, 0, 1, 0, 1),
        };
        var dependency = new DependencyInfo { SType = StructureType.DependencyInfo, ImageMemoryBarrierCount = 1, PImageMemoryBarriers = &barrier };
        vk.CmdPipelineBarrier2(commands, &dependency);
    }

    /// <summary>Frees the staging buffer once the upload that read it completed.</summary>
    private sealed class BufferRelease(GpuDevice device, GpuBuffer buffer) : Reel.Lifetime.IDeferredRelease
    {
        public void Release() => buffer.Destroy(device.Allocator);
    }
}
