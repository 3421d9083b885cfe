using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Pools;

namespace Reel.Tests.Pools;

public class FrameLayoutTests
{
    private static FrameLayout Create(PixelFormat format, uint width, uint height, uint strideAlign = 0, uint rowPadding = 0, uint heightAlign = 0)
    {
        Assert.That(FrameLayout.TryCreate(format, width, height, strideAlign, rowPadding, heightAlign, "test: ", out FrameLayout? layout),
            Is.EqualTo(ReelResult.Success), LastError.Message);
        return layout!;
    }

    [Test]
    public void Nv12_1080p_DefaultAlignment()
    {
        FrameLayout layout = Create(PixelFormat.Nv12, 1920, 1080);
        Assert.That(layout.PlaneCount, Is.EqualTo(2));
        Assert.That(layout.Plane(0), Is.EqualTo(new PlaneLayout(0, 1920, 1920, 1080)));
        Assert.That(layout.Plane(1), Is.EqualTo(new PlaneLayout(1920 * 1080, 1920, 1920, 540)));
        Assert.That(layout.Size, Is.EqualTo(1920UL * 1080 * 3 / 2));
    }

    [Test]
    public void I420_OddSize_ChromaRoundsUp()
    {
        FrameLayout layout = Create(PixelFormat.I420, 5, 3, strideAlign: 1);
        Assert.That(layout.Plane(0), Is.EqualTo(new PlaneLayout(0, 5, 5, 3)));
        Assert.That(layout.Plane(1), Is.EqualTo(new PlaneLayout(15, 3, 3, 2)), "ceil(5/2) x ceil(3/2)");
        Assert.That(layout.Plane(2), Is.EqualTo(new PlaneLayout(21, 3, 3, 2)));
        Assert.That(layout.Size, Is.EqualTo(27UL));
    }

    [Test]
    public void I420_OddSize_DefaultAlignment_StridesAndOffsetsAligned()
    {
        FrameLayout layout = Create(PixelFormat.I420, 1279, 719);
        Assert.That(layout.Plane(0), Is.EqualTo(new PlaneLayout(0, 1280, 1279, 719)));
        Assert.That(layout.Plane(1), Is.EqualTo(new PlaneLayout(1280UL * 719, 640, 640, 360)));
        Assert.That(layout.Plane(2), Is.EqualTo(new PlaneLayout(1280UL * 719 + 640 * 360, 640, 640, 360)));
        for (int i = 0; i < 3; i++)
            Assert.That(layout.Plane(i).Offset % 64, Is.Zero);
    }

    [Test]
    public void Nv12_OddWidth_InterleavedChromaCoversTheLastColumn()
    {
        FrameLayout layout = Create(PixelFormat.Nv12, 7, 5, strideAlign: 1);
        Assert.That(layout.Plane(1), Is.EqualTo(new PlaneLayout(35, 8, 8, 3)), "4 UV pairs per row, 3 rows");
    }

    [Test]
    public void TenBit_UsesTwoBytesPerSample()
    {
        FrameLayout p010 = Create(PixelFormat.P010, 1920, 1080);
        Assert.That(p010.Plane(0).RowBytes, Is.EqualTo(3840u));
        Assert.That(p010.Plane(1).RowBytes, Is.EqualTo(3840u));
        FrameLayout i010 = Create(PixelFormat.I010, 3, 3, strideAlign: 1);
        Assert.That(i010.Plane(0), Is.EqualTo(new PlaneLayout(0, 6, 6, 3)));
        Assert.That(i010.Plane(1), Is.EqualTo(new PlaneLayout(18, 4, 4, 2)));
        Assert.That(i010.Plane(2), Is.EqualTo(new PlaneLayout(26, 4, 4, 2)));
    }

    [TestCase(PixelFormat.Rgba8)]
    [TestCase(PixelFormat.Bgra8)]
    public void Packed_OnePlaneFourBytesPerPixel(PixelFormat format)
    {
        FrameLayout layout = Create(format, 100, 10, strideAlign: 128);
        Assert.That(layout.PlaneCount, Is.EqualTo(1));
        Assert.That(layout.Plane(0), Is.EqualTo(new PlaneLayout(0, 512, 400, 10)));
    }

    [Test]
    public void RowPaddingAndHeightAlign_AreApplied()
    {
        FrameLayout layout = Create(PixelFormat.I420, 1920, 1080, strideAlign: 64, rowPadding: 32, heightAlign: 128);
        Assert.That(layout.Plane(0), Is.EqualTo(new PlaneLayout(0, 1984, 1920, 1152)), "1920+32 aligned to 64; 1080 rounded to 128");
        Assert.That(layout.Plane(1).Rows, Is.EqualTo(576u));
        Assert.That(layout.Plane(1).Stride, Is.EqualTo(1024u), "960+32 aligned to 64");
    }

    [TestCase(0u, 16u, "width is 0; allowed 1 to 32768")]
    [TestCase(32769u, 16u, "width is 32769")]
    [TestCase(16u, 0u, "height is 0")]
    public void Dimensions_OutOfRange(uint width, uint height, string message)
    {
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, width, height, 0, 0, 0, "f: desc->", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.StartWith("f: desc->" + message));
    }

    [Test]
    public void BadAlignmentsPaddingAndFormat_AreRefused()
    {
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 8, 8, 48, 0, 0, "", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("stride_align is 48"));
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 8, 8, 8192, 0, 0, "", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 8, 8, 0, 5000, 0, "", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("row_padding is 5000"));
        Assert.That(FrameLayout.TryCreate(PixelFormat.I420, 8, 8, 0, 0, 3, "", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("height_align is 3"));
        Assert.That(FrameLayout.TryCreate((PixelFormat)9, 8, 8, 0, 0, 0, "", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Does.Contain("format is 9"));
    }

    [Test]
    public void HugeFrame_AboveFourGiB_IsRefused()
    {
        Assert.That(FrameLayout.TryCreate(PixelFormat.Rgba8, 32768, 32768, 4096, 4096, 0, "f: desc->", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo(
            "f: desc->width and desc->height are 32768x32768: a REEL_PIXEL_FORMAT_RGBA8 frame (stride_align 4096, row_padding 4096, height_align 1) " +
            "needs 4429185024 bytes; the most a frame buffer may have is 4294967296"));
    }
}
