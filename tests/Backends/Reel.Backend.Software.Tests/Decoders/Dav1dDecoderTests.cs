using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Dav1d;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.Decoders;

/// <summary>The decoder's protocol, its zero-copy allocator path and its failure modes, against the real dav1d.</summary>
public unsafe class Dav1dDecoderTests
{
    private static List<Packet> s_stream = null!;

    [OneTimeSetUp]
    public void EncodeStream() => s_stream = Av1RoundTrip.Encode(Av1RoundTrip.Small(RateControlMode.Crf), 12);

    [Test]
    public void GetPicture_PlanesAreTheAllocatorsMemory()
    {
        var allocator = new RecordingAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings { Threads = 2 }, allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var held = new List<DecodedPicture>();
        using (decoder)
        {
            foreach (Packet packet in s_stream)
            {
                Assert.That(decoder!.SendData(packet.Data, packet.Pts, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                while (decoder.GetPicture("test", out DecodedPicture picture) == ReelResult.Success)
                    held.Add(picture);
            }
            decoder!.Flush();
            while (decoder.GetPicture("test", out DecodedPicture picture) == ReelResult.Success)
                held.Add(picture);
            Assert.That(held, Has.Count.EqualTo(12));
            foreach (DecodedPicture picture in held)
            {
                Assert.That(allocator.Live.TryGetValue((nint)picture.Y, out PictureBuffer buffer), Is.True, "the luma plane is an allocator buffer: no copy");
                Assert.That((nint)picture.U, Is.EqualTo((nint)buffer.U));
                Assert.That((nint)picture.V, Is.EqualTo((nint)buffer.V));
                Assert.That(picture.LumaStride, Is.EqualTo(buffer.LumaStride));
                Assert.That(picture.AllocatorToken, Is.EqualTo(buffer.Token));
            }
        }
        Assert.That(allocator.Inner.Outstanding, Is.EqualTo(12), "after close only the held pictures remain");
        for (int i = 0; i < held.Count; i++)
        {
            DecodedPicture picture = held[i];
            Assert.That(Av1RoundTrip.Measure(picture).LumaPsnr, Is.GreaterThan(35), "a held picture stays valid after the decoder is disposed");
            Dav1dDecoder.ReleasePicture(ref picture);
            Assert.That(picture.IsValid, Is.False);
            Dav1dDecoder.ReleasePicture(ref picture);
        }
        Assert.That(allocator.Inner.Outstanding, Is.Zero);
        Assert.That(allocator.Live, Is.Empty);
        TestContext.Out.WriteLine($"peak pictures outstanding {allocator.Inner.PeakOutstanding}, release threads {allocator.ReleaseThreads.Count}");
    }

    private static IEnumerable<TestCaseData> CorruptData()
    {
        // A temporal delimiter, then a 5-byte sequence header OBU of all ones (reserved profile 7).
        byte[] sequenceHeader = { 0x12, 0x00, 0x0A, 0x05, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };
        yield return new TestCaseData(sequenceHeader, "Error parsing sequence header").SetName("SendData_CorruptData_FailsWithMessageAndLeaksNothing(invalid sequence header)");
        byte[] frameWithoutSequenceHeader = { 0x12, 0x00, 0x32, 0x10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        yield return new TestCaseData(frameWithoutSequenceHeader, "Error parsing OBU data").SetName("SendData_CorruptData_FailsWithMessageAndLeaksNothing(frame without sequence header)");
        byte[] oversizeObu = { 0x12, 0x00, 0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 1, 2, 3 };
        yield return new TestCaseData(oversizeObu, "Error parsing OBU data").SetName("SendData_CorruptData_FailsWithMessageAndLeaksNothing(OBU larger than the data)");
    }

    [TestCaseSource(nameof(CorruptData))]
    public void SendData_CorruptData_FailsWithMessageAndLeaksNothing(byte[] data, string dav1dReason)
    {
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            Assert.That(decoder!.SendData(data, 0, "test"), Is.EqualTo(ReelResult.ErrorCorruptData));
            Assert.That(LastError.Message, Does.StartWith("test: dav1d_send_data failed with DAV1D_ERR(EINVAL): the AV1 data is corrupt or not AV1"));
            Assert.That(LastError.Message, Does.Contain($"(dav1d: {dav1dReason}"), "dav1d's own log explains it");
            TestContext.Out.WriteLine(LastError.Message);

            // The decoder stays usable: the real stream decodes after the garbage.
            decoder.Reset();
            Assert.That(DecodeAll(decoder, s_stream), Has.Count.EqualTo(12));
        }
        Assert.That(allocator.Outstanding, Is.Zero);
        Assert.That(allocator.Allocations, Is.EqualTo(allocator.Releases));
    }

    [Test]
    public void SendData_UnidentifiableBytes_AreSkippedWithoutPictures()
    {
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            byte[] garbage = new byte[2000];
            new Random(99).NextBytes(garbage);
            // OBU type 0 is reserved: dav1d 1.0 skips reserved OBUs (and ignores the forbidden bit), so this is not an error.
            garbage[0] = 0x80;
            Assert.That(decoder!.SendData(garbage, 0, "test"), Is.EqualTo(ReelResult.Success));
            decoder.Flush();
            Assert.That(decoder.GetPicture("test", out DecodedPicture picture), Is.EqualTo(ReelResult.NotReady));
            Assert.That(picture.IsValid, Is.False);
            Assert.That(decoder.IsEndOfStream, Is.True);
        }
        Assert.That(allocator.Allocations, Is.Zero);
    }

    [Test]
    public void SendData_TruncatedKeyframe_FailsWithMessageAndLeaksNothing()
    {
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            byte[] half = s_stream[0].Data[..(s_stream[0].Data.Length / 2)];
            ReelResult result = decoder!.SendData(half, 0, "test");
            if (result == ReelResult.Success)
            {
                decoder.Flush();
                result = decoder.GetPicture("test", out DecodedPicture picture);
                Dav1dDecoder.ReleasePicture(ref picture);
            }
            Assert.That(result, Is.EqualTo(ReelResult.ErrorCorruptData), "half a temporal unit is not a picture");
            Assert.That(LastError.Message, Does.Contain("the AV1 data is corrupt or not AV1"));
            TestContext.Out.WriteLine(LastError.Message);
        }
        Assert.That(allocator.Outstanding, Is.Zero);
        Assert.That(allocator.Allocations, Is.EqualTo(allocator.Releases));
    }

    [Test]
    public void Decode_DamagedInterFrame_NeverCrashesAndLeaksNothing()
    {
        var allocator = new NativePictureAllocator();
        var damaged = s_stream.Select(p => p with { Data = (byte[])p.Data.Clone() }).ToList();
        // Flip bits in the middle of a few inter frames' tile data.
        foreach (int index in new[] { 3, 6, 9 })
        {
            byte[] data = damaged[index].Data;
            for (int i = data.Length / 2; i < data.Length; i += 7)
                data[i] ^= 0x5A;
        }
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        var outcomes = new List<ReelResult>();
        using (decoder)
        {
            foreach (Packet packet in damaged)
            {
                outcomes.Add(decoder!.SendData(packet.Data, packet.Pts, "test"));
                ReelResult got;
                while ((got = decoder.GetPicture("test", out DecodedPicture picture)) == ReelResult.Success)
                    Dav1dDecoder.ReleasePicture(ref picture);
                outcomes.Add(got);
            }
            // Draining at the end waits for every damaged frame in flight: it must end too.
            decoder!.Flush();
            ReelResult drained;
            while ((drained = decoder.GetPicture("test", out DecodedPicture picture)) == ReelResult.Success)
                Dav1dDecoder.ReleasePicture(ref picture);
            outcomes.Add(drained);
            if (drained == ReelResult.NotReady)
                Assert.That(decoder.IsEndOfStream, Is.True, "the drain ended the stream");
        }
        // Damaged tile data may decode to a wrong picture or fail; either way only these results, each failure explained.
        Assert.That(outcomes, Is.All.AnyOf(ReelResult.Success, ReelResult.NotReady, ReelResult.ErrorCorruptData));
        Assert.That(allocator.Outstanding, Is.Zero);
    }

    [Test]
    public void GetPicture_BeforeAnySend_FailsWithInvalidState()
    {
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), new NativePictureAllocator(), "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            Assert.That(decoder!.GetPicture("test", out DecodedPicture picture), Is.EqualTo(ReelResult.ErrorBadState));
            Assert.That(LastError.Message, Is.EqualTo("test: no data was sent; send data (or flush) first"));
            Assert.That(picture.IsValid, Is.False);
        }
    }

    [Test]
    public void SendData_AfterFlushOrEmpty_Fails()
    {
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), new NativePictureAllocator(), "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            Assert.That(decoder!.SendData(ReadOnlySpan<byte>.Empty, 0, "test"), Is.EqualTo(ReelResult.ErrorInvalidArgument));
            Assert.That(LastError.Message, Is.EqualTo("test: data is empty; allowed 1 or more bytes"));
            decoder.Flush();
            Assert.That(decoder.GetPicture("test", out _), Is.EqualTo(ReelResult.NotReady));
            Assert.That(decoder.IsEndOfStream, Is.True, "flushing an empty decoder ends at once");
            Assert.That(decoder.SendData(s_stream[0].Data, 0, "test"), Is.EqualTo(ReelResult.ErrorBadState));
            Assert.That(LastError.Message, Is.EqualTo("test: the decoder was flushed; call Reset before sending more data"));
        }
    }

    [Test]
    public void GetPicture_AllocatorAtItsLimit_FailsWithTheAllocatorsReason()
    {
        var allocator = new NativePictureAllocator(maxOutstanding: 1);
        Assert.That(Dav1dDecoder.Create(new DecoderSettings { Threads = 1 }, allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        ReelResult failure = ReelResult.Success;
        var held = new List<DecodedPicture>();
        using (decoder)
        {
            foreach (Packet packet in s_stream)
            {
                ReelResult result = decoder!.SendData(packet.Data, packet.Pts, "test");
                while (result == ReelResult.Success && (result = decoder.GetPicture("test", out DecodedPicture picture)) == ReelResult.Success)
                    held.Add(picture);
                if (result is not (ReelResult.Success or ReelResult.NotReady))
                {
                    failure = result;
                    break;
                }
            }
        }
        Assert.That(failure, Is.EqualTo(ReelResult.ErrorOutOfMemory));
        Assert.That(LastError.Message, Does.Contain("NativePictureAllocator: 1 pictures are outstanding; the limit is 1"));
        for (int i = 0; i < held.Count; i++)
        {
            DecodedPicture picture = held[i];
            Dav1dDecoder.ReleasePicture(ref picture);
        }
        Assert.That(allocator.Outstanding, Is.Zero);
    }

    [TestCase(RecordingAllocator.Fault.Throw, "the picture allocator failed (please report): allocator fault injected by the test")]
    [TestCase(RecordingAllocator.Fault.Misalign, "the picture allocator returned an unusable buffer: luma plane")]
    public void GetPicture_MisbehavingAllocator_FailsWithoutCrashOrLeak(RecordingAllocator.Fault fault, string reason)
    {
        var allocator = new RecordingAllocator { Mode = fault };
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            ReelResult result = decoder!.SendData(s_stream[0].Data, 0, "test");
            if (result == ReelResult.Success)
            {
                decoder.Flush();
                result = decoder.GetPicture("test", out _);
            }
            Assert.That(result, Is.EqualTo(ReelResult.ErrorOutOfMemory));
            Assert.That(LastError.Message, Does.Contain(reason));
        }
        Assert.That(allocator.Inner.Outstanding, Is.Zero);
    }

    [Test]
    public void Reset_MidStreamAndAfterFlush_DecodesAgainFromAKeyframe()
    {
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            foreach (Packet packet in s_stream.Take(5))
            {
                Assert.That(decoder!.SendData(packet.Data, packet.Pts, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                if (decoder.GetPicture("test", out DecodedPicture picture) == ReelResult.Success)
                    Dav1dDecoder.ReleasePicture(ref picture);
            }
            decoder!.Reset();
            List<DecodedFrame> frames = DecodeAll(decoder, s_stream);
            Assert.That(frames.Select(f => f.Pts), Is.EqualTo(Enumerable.Range(0, 12).Select(i => (long)i)));

            // A flushed decoder is reusable after Reset (what a session pool needs).
            Assert.That(decoder.IsEndOfStream, Is.True);
            decoder.Reset();
            Assert.That(DecodeAll(decoder, s_stream), Has.Count.EqualTo(12));
        }
        Assert.That(allocator.Outstanding, Is.Zero);
    }

    [Test]
    public void Create_MissingLibrary_FailsAsUnsupportedNamingIt()
    {
        var allocator = new NativePictureAllocator();
        ReelResult result = Dav1dDecoder.Create(new DecoderSettings(), allocator, "libdav1d-reel-missing.so.6", "test", out Dav1dDecoder? decoder);
        Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(decoder, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("test: dav1d decoder unavailable: libdav1d-reel-missing.so.6 could not be loaded"));
        Assert.That(allocator.Allocations, Is.Zero);
    }

    [TestCase(-1, 0, 0, "threads is -1; allowed 0 (one per core) to 256")]
    [TestCase(0, 300, 0, "max_frame_delay is 300; allowed 0 (automatic) to 256")]
    [TestCase(0, 0, -5, "frame_size_limit is -5; allowed 0 (unlimited) to 4294967295 pixels")]
    public void Validate_SettingOutOfRange_FailsNamingFieldAndRange(int threads, int delay, long limit, string message)
    {
        // The one check, where the settings enter the engine (Dav1dDecoder.Create asserts it).
        var settings = new DecoderSettings { Threads = threads, MaxFrameDelay = delay, FrameSizeLimit = limit };
        Assert.That(settings.Validate(), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(LastError.Message, Is.EqualTo(message));
    }

    [Test]
    public void SendData_FrameAboveSizeLimit_Fails()
    {
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings { FrameSizeLimit = 160 * 120 }, allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        using (decoder)
        {
            ReelResult result = decoder!.SendData(s_stream[0].Data, 0, "test");
            if (result == ReelResult.Success)
            {
                decoder.Flush();
                result = decoder.GetPicture("test", out _);
            }
            Assert.That(result, Is.Not.EqualTo(ReelResult.Success).And.Not.EqualTo(ReelResult.NotReady), "a 320x240 frame exceeds a 19200-pixel limit");
            TestContext.Out.WriteLine(LastError.Message);
        }
        Assert.That(allocator.Outstanding, Is.Zero);
    }

    [Test]
    public void IsAvailable_InstalledLibrary_IsTrueWithItsVersion()
    {
        Assert.That(Dav1dDecoder.IsAvailable(out string reason), Is.True, reason);
        Assert.That(Dav1dDecoder.LibraryVersion, Does.StartWith("1."));
        Assert.That(Dav1dDecoder.Capabilities.Layouts, Has.Count.EqualTo(4));
    }

    [TestCase("1.0.0", true)]
    [TestCase("1.2.1", true)]
    [TestCase("1.3.0", false)]
    [TestCase("0.9.2", false)]
    public void CheckVersion_OnlySoname6Family(string version, bool accepted)
        => Assert.That(Dav1dLibrary.CheckVersion("libdav1d.so.6", version) is null, Is.EqualTo(accepted));

    [Test]
    public void PictureRequest_AppliesDav1dRules()
    {
        var i420 = new PictureRequest(320, 240, PixelLayout.I420, 8);
        Assert.That((i420.LumaStride, i420.ChromaStride, i420.AlignedHeight, i420.ChromaRows), Is.EqualTo(((nint)384, (nint)192, 256, 128)));
        Assert.That(i420.TotalSize, Is.EqualTo((nuint)(384 * 256 + 2 * 192 * 128 + 64)));
        var hbd444 = new PictureRequest(1920, 1080, PixelLayout.I444, 10);
        Assert.That((hbd444.LumaStride, hbd444.ChromaStride, hbd444.ChromaRows), Is.EqualTo(((nint)3840, (nint)3840, 1152)));
        var mono = new PictureRequest(100, 50, PixelLayout.I400, 8);
        Assert.That((mono.ChromaStride, mono.ChromaPlaneSize), Is.EqualTo(((nint)0, (nuint)0)));
        PictureBuffer carved = mono.Carve((byte*)4096, 7);
        Assert.That(carved.U == null && carved.V == null && carved.Token == 7, Is.True);
    }

    private static List<DecodedFrame> DecodeAll(Dav1dDecoder decoder, IEnumerable<Packet> packets)
        => Av1RoundTrip.DecodeWith(decoder, packets);
}
