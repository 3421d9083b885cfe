using System;
using System.Buffers.Binary;
using System.IO;
using System.Text;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Codecs.Tests.Containers;

/// <summary>IVF writing and reading, and every way a file can be wrong.</summary>
public class IvfTests
{
    private static readonly byte[][] s_frames = { Bytes(100, 1), Bytes(7, 2), Bytes(3000, 3) };

    [Test]
    public void WriteRead_RoundTrip_HeaderAndFramesSurvive()
    {
        using var directory = new TempDirectory();
        string path = Write(directory, end: true);
        Assert.That(IvfReader.Open(path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (reader)
        {
            IvfHeader header = reader!.Header;
            Assert.That((header.FourCC, header.Width, header.Height), Is.EqualTo(("AV01", 320, 240)));
            Assert.That((header.TimebaseNumerator, header.TimebaseDenominator, header.FrameCount), Is.EqualTo((1001u, 30000u, 3u)));
            for (int i = 0; i < s_frames.Length; i++)
            {
                Assert.That(reader.ReadFrame("test", out IvfFrame frame), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                Assert.That(frame.Span.ToArray(), Is.EqualTo(s_frames[i]));
                Assert.That((frame.Pts, frame.Index), Is.EqualTo((i * 2L, (long)i)));
            }
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.NotReady));
            Assert.That(reader.IsEndOfStream, Is.True);
        }
        byte[] file = File.ReadAllBytes(path);
        Assert.That(Encoding.ASCII.GetString(file, 0, 4), Is.EqualTo("DKIF"));
        Assert.That(BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6)), Is.EqualTo(32), "header size");
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(16)), Is.EqualTo(30000u), "rate = timebase denominator");
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(20)), Is.EqualTo(1001u), "scale = timebase numerator");
    }

    [Test]
    public void Dispose_WithoutEnd_LeavesFrameCountZeroAndEveryFrameReadable()
    {
        using var directory = new TempDirectory();
        string path = Write(directory, end: false);
        Assert.That(BinaryPrimitives.ReadUInt32LittleEndian(File.ReadAllBytes(path).AsSpan(24)), Is.Zero);
        Assert.That(IvfReader.Open(path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            int frames = 0;
            while (reader!.ReadFrame("test", out _) == ReelResult.Success)
                frames++;
            Assert.That(frames, Is.EqualTo(3));
            Assert.That(reader.IsEndOfStream, Is.True);
        }
    }

    [Test]
    public void WriteFrame_MisuseAndBadArguments_Fail()
    {
        using var directory = new TempDirectory();
        Assert.That(IvfWriter.Create(directory.File("a.ivf"), 70000, 240, 1, 30, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("test: width is 70000; allowed 1 to 65535"));
        Assert.That(IvfWriter.Create(directory.File("a.ivf"), 320, 240, 0, 30, "test", out _), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo("test: timebase numerator is 0; allowed 1 to 4294967295"));
        Assert.That(IvfWriter.Create(directory.File("missing-dir/a.ivf"), 320, 240, 1, 30, "test", out _), Is.EqualTo(ReelResult.ErrorIo));
        Assert.That(LastError.Message, Does.StartWith($"test: cannot create {directory.File("missing-dir/a.ivf")}"));

        Assert.That(IvfWriter.Create(directory.File("b.ivf"), 320, 240, 1, 30, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success));
        using (writer)
        {
            Assert.That(writer!.WriteFrame(ReadOnlySpan<byte>.Empty, 0, "test", "data"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: data is empty (its size is 0); allowed 1 or more bytes of payload"));
            Assert.That(writer.WriteFrame(s_frames[0], 5, "test", "data"), Is.EqualTo(ReelResult.Success));
            Assert.That(writer.WriteFrame(s_frames[0], 4, "test", "data"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: data's pts is 4; allowed 5 or more (not below the previous frame's)"));
            Assert.That(writer.End("test"), Is.EqualTo(ReelResult.Success));
            Assert.That(writer.End("test"), Is.EqualTo(ReelResult.Success), "a second End does nothing");
            Assert.That(writer.WriteFrame(s_frames[0], 6, "test", "data"), Is.EqualTo(ReelResult.ErrorBadState));
            Assert.That(LastError.Message, Does.EndWith("b.ivf was ended; no frame can follow"));
        }
    }

    [TestCase("RIFF", 0, 32, "AV01", ReelResult.ErrorCorruptData, "is not an IVF file: signature is \"RIFF\" (52494646); expected \"DKIF\"")]
    [TestCase("DKIF", 1, 32, "AV01", ReelResult.ErrorUnsupported, "IVF version is 1; allowed 0")]
    [TestCase("DKIF", 0, 16, "AV01", ReelResult.ErrorCorruptData, "header size is 16; allowed 32 or more")]
    [TestCase("DKIF", 0, 32, "VP90", ReelResult.ErrorUnsupported, "fourcc is \"VP90\" (56503930); this reader handles \"AV01\" (AV1) only")]
    public void Open_BadHeader_FailsNamingTheField(string signature, int version, int headerSize, string fourCC, ReelResult expected, string message)
    {
        byte[] header = new byte[32];
        Encoding.ASCII.GetBytes(signature, header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), (ushort)version);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), (ushort)headerSize);
        Encoding.ASCII.GetBytes(fourCC, header.AsSpan(8));
        Assert.That(IvfReader.Open(new MemoryStream(header), false, "test.ivf", "test", out IvfReader? reader), Is.EqualTo(expected));
        Assert.That(reader, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("test: ").And.Contain(message));
    }

    [Test]
    public void Open_ShorterThanHeader_Fails()
    {
        Assert.That(IvfReader.Open(new MemoryStream(Encoding.ASCII.GetBytes("DKIF\0\0 \0AV01")), false, "short.ivf", "test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
        Assert.That(LastError.Message, Is.EqualTo("test: short.ivf is 12 bytes; an IVF header needs 32"));
    }

    [Test]
    public void ReadFrame_TruncatedData_FailsNamingIndexAndOffsetAfterTheCompleteFrames()
    {
        using var directory = new TempDirectory();
        string path = Write(directory, end: true);
        using (var file = new FileStream(path, FileMode.Open))
            file.SetLength(file.Length - 1000);
        Assert.That(IvfReader.Open(path, "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(reader!.ReadFrame("test", out _), Is.EqualTo(ReelResult.Success));
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.Success));
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            long offset = 32 + (12 + 100) + (12 + 7);
            Assert.That(LastError.Message, Is.EqualTo(
                $"test: {path}: frame 2 at byte offset {offset} is truncated: it declares 3000 bytes of data but the file ends after 2000"));
        }
    }

    [Test]
    public void ReadFrame_TruncatedFrameHeader_FailsNamingIndexAndOffset()
    {
        byte[] file = new byte[32 + 12 + 1 + 5];
        Encoding.ASCII.GetBytes("DKIF", file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(6), 32);
        Encoding.ASCII.GetBytes("AV01", file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), 1);
        Assert.That(IvfReader.Open(new MemoryStream(file), false, "cut.ivf", "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(reader!.ReadFrame("test", out _), Is.EqualTo(ReelResult.Success));
            Assert.That(reader.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Is.EqualTo("test: cut.ivf: frame 1 at byte offset 45 is truncated: its 12-byte frame header has only 5 bytes"));
        }
    }

    [Test]
    public void ReadFrame_ImpossibleSize_Fails()
    {
        byte[] file = new byte[32 + 12];
        Encoding.ASCII.GetBytes("DKIF", file);
        BinaryPrimitives.WriteUInt16LittleEndian(file.AsSpan(6), 32);
        Encoding.ASCII.GetBytes("AV01", file.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(32), 0xFFFFFFF0);
        Assert.That(IvfReader.Open(new MemoryStream(file), false, "huge.ivf", "test", out IvfReader? reader), Is.EqualTo(ReelResult.Success));
        using (reader)
        {
            Assert.That(reader!.ReadFrame("test", out _), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Is.EqualTo("test: huge.ivf: frame 0 at byte offset 32 declares 4294967280 bytes; allowed 1 to 268435456"));
        }
    }

    private static string Write(TempDirectory directory, bool end)
    {
        string path = directory.File("frames.ivf");
        Assert.That(IvfWriter.Create(path, 320, 240, 1001, 30000, "test", out IvfWriter? writer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (writer)
        {
            for (int i = 0; i < s_frames.Length; i++)
                Assert.That(writer!.WriteFrame(s_frames[i], i * 2L, "test", "data"), Is.EqualTo(ReelResult.Success));
            Assert.That(writer!.FramesWritten, Is.EqualTo(3));
            if (end)
                Assert.That(writer.End("test"), Is.EqualTo(ReelResult.Success));
        }
        return path;
    }

    private static byte[] Bytes(int length, int seed)
    {
        byte[] bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
