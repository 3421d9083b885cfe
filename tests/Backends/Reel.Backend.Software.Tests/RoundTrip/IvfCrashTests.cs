using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.RoundTrip;

/// <summary>
/// A recording process that dies before IvfWriter.End: the file as the operating system holds
/// it at that moment (writer still open, never ended) must decode, and so must a file whose
/// last frame was cut in the middle, up to its last complete frame.
/// </summary>
public class IvfCrashTests
{
    private const int Frames = 12;

    [Test]
    public void WrittenWithoutEnd_EveryCompleteFrameDecodesInFfprobeAndDav1d()
    {
        using var directory = new TempDirectory();
        string path = directory.File("recording.ivf");
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Crf);
        Assert.That(IvfWriter.Create(path, (int)settings.Width, (int)settings.Height, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        string snapshot = directory.File("snapshot.ivf");
        string cut = directory.File("cut.ivf");
        long cutOffset;
        try
        {
            Av1RoundTrip.Encode(settings, Frames, writer);
            // The "crash": neither End nor Dispose ran. Copy what the OS has, as another process would see it.
            byte[] onDisk;
            using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                onDisk = new byte[reader.Length];
                reader.ReadExactly(onDisk);
            }
            Assert.That(onDisk.Length, Is.EqualTo(writer!.BytesWritten), "every frame reached the operating system");
            File.WriteAllBytes(snapshot, onDisk);
            // Cut the last frame in the middle of its data.
            cutOffset = FrameOffset(onDisk, Frames - 1);
            int lastSize = System.BitConverter.ToInt32(onDisk, (int)cutOffset);
            File.WriteAllBytes(cut, onDisk[..(int)(cutOffset + 12 + lastSize / 2)]);
        }
        finally
        {
            writer!.Dispose();
        }

        ToolChecks.AssertIvfAccepted(snapshot, Frames, (int)settings.Width, (int)settings.Height);
        ToolChecks.AssertIvfAccepted(cut, Frames - 1, (int)settings.Width, (int)settings.Height);

        Assert.That(IvfReader.Open(cut, "test", out IvfReader? ivf), Is.EqualTo(ReelResult.Success));
        using (ivf)
        {
            Assert.That(ivf!.Header.FrameCount, Is.Zero, "the count is patched only by End");
            for (int i = 0; i < Frames - 1; i++)
                Assert.That(ivf.ReadFrame("test", out _), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(ivf.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Does.Contain($"frame {Frames - 1} at byte offset {cutOffset} is truncated"));
        }
    }

    private static long FrameOffset(byte[] file, int index)
    {
        long offset = 32;
        for (int i = 0; i < index; i++)
            offset += 12 + System.BitConverter.ToUInt32(file, (int)offset);
        return offset;
    }
}
