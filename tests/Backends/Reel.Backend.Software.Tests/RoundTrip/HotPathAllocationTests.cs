using System;
using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.Software.Dav1d;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Decoders;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.Software.Tests.RoundTrip;

/// <summary>
/// Steady-state encode and decode allocate nothing on the managed heap (design: no GC
/// allocation on submit, receive or the picture allocator path), measured with
/// GC.GetAllocatedBytesForCurrentThread after a warm-up.
/// </summary>
public class HotPathAllocationTests
{
    [Test]
    public void SendFrameAndReceivePacket_SteadyState_AllocateNothing()
    {
        EncoderSettings settings = Av1RoundTrip.Small(RateControlMode.Cqp);
        Assert.That(SvtAv1Encoder.Create(settings, "test", out SvtAv1Encoder? encoder), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        Assert.That(I420Buffer.Create((int)settings.Width, (int)settings.Height, "test", out I420Buffer? buffer), Is.EqualTo(ReelResult.Success));
        using (encoder)
        using (buffer)
        {
            I420Frame frame = buffer!.Frame;
            TestPattern.Fill(frame, 0);
            long pts = 0;
            int failures = 0;
            // No NUnit constraint inside the measured loop: building one allocates.
            void Run(int frames)
            {
                for (int i = 0; i < frames; i++)
                {
                    if (encoder!.SendFrame(frame, pts++, false, "test") != ReelResult.Success)
                        failures++;
                    while (encoder.ReceivePacket("test", out _) == ReelResult.Success)
                    {
                    }
                }
            }
            Run(30);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(30);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(allocated, Is.Zero, "bytes allocated by 30 sends and their receives");
            Assert.That(failures, Is.Zero, () => LastError.Message);
            Assert.That(encoder!.PacketsReceived, Is.GreaterThan(10), "packets came out during the loop (the rest wait in the look-ahead)");
        }
    }

    [Test]
    public unsafe void SendDataAndGetPicture_SteadyState_AllocateNothing()
    {
        List<Packet> packets = Av1RoundTrip.Encode(Av1RoundTrip.Small(RateControlMode.Crf), 24);
        var allocator = new NativePictureAllocator();
        Assert.That(Dav1dDecoder.Create(new DecoderSettings(), allocator, "test", out Dav1dDecoder? decoder), Is.EqualTo(ReelResult.Success));
        int pictures = 0;
        int failures = 0;
        using (decoder)
        {
            void Run(int from, int to)
            {
                for (int i = from; i < to; i++)
                {
                    ReelResult sent;
                    while ((sent = decoder!.SendData(packets[i].Data, packets[i].Pts, "test")) == ReelResult.NotReady)
                        Take();
                    if (sent != ReelResult.Success)
                        failures++;
                    Take();
                }
            }
            void Take()
            {
                while (decoder!.GetPicture("test", out DecodedPicture picture) == ReelResult.Success)
                {
                    pictures++;
                    Dav1dDecoder.ReleasePicture(ref picture);
                }
            }
            Run(0, 12);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(12, 24);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.That(allocated, Is.Zero, "bytes allocated by 12 sends and their pictures");
            Assert.That(failures, Is.Zero, () => LastError.Message);
            Assert.That(pictures, Is.GreaterThanOrEqualTo(20));
        }
        Assert.That(allocator.Outstanding, Is.Zero);
    }
}
