using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Tests.Support;
using Reel.Context;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>
/// Streams made by the ffmpeg tool (libx264 with B-frames, libx265), decoded by Reel into its
/// frame pools: every frame is bit-identical to what `ffmpeg -f framemd5` decodes, and after
/// warm-up no frame is copied and no pool allocates.
/// </summary>
public class FrameMd5Tests
{
    [TestCase("libx264", VideoCodec.H264, 352, 288, "h264")]
    [TestCase("libx265", VideoCodec.Hevc, 352, 288, "hevc")]
    [TestCase("libx264", VideoCodec.H264, 320, 180, "h264")] // coded 320x192, cropped: the visible size is learnt
    [TestCase("libx265", VideoCodec.Hevc, 322, 182, "hevc")] // coded 328x184 with a conformance window
    public void FfmpegMadeStream_DecodedFramesMatchFramemd5(string encoder, VideoCodec codec, int width, int height, string extension)
    {
        const int Frames = 48;
        using var directory = new TempDirectory();
        string path = directory.File($"ffmpeg.{extension}");
        var arguments = new List<string> { "-f", "lavfi", "-i", $"testsrc2=size={width}x{height}:rate=30", "-frames:v", Frames.ToString(), "-pix_fmt", "yuv420p", "-c:v", encoder };
        arguments.AddRange(encoder == "libx264" ? ["-preset", "veryfast", "-bf", "3", "-g", "24"] : ["-preset", "ultrafast", "-x265-params", "log-level=error:keyint=24:bframes=3"]);
        arguments.Add(path);
        H26xHarness.Ffmpeg(arguments.ToArray());
        List<string> expected = H26xHarness.FfmpegFrameMd5(path);
        Assert.That(expected, Has.Count.EqualTo(Frames));

        List<(byte[] Data, long Pts)> packets = H26xHarness.Demux(path);
        using ContextScope context = H26xHarness.Context();
        Assert.That(H26xHarness.Decoder(codec).Create(context, "framemd5", new DecoderSettings { Codec = codec, Threads = 2 }, 4, "test", out IDecoder? decoder),
            Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var frames = new List<H26xFrame>();
        var copiedAfter = new List<long>();
        var missesAfter = new List<long>();
        using (decoder)
        {
            foreach ((byte[] data, long pts) in packets)
            {
                ReelResult r;
                while ((r = decoder!.Send(data, pts, "test")) == ReelResult.NotReady)
                    H26xHarness.Receive(decoder, frames, measure: false);
                Assert.That(r, Is.EqualTo(ReelResult.Success), () => LastError.Message);
                H26xHarness.Receive(decoder, frames, measure: false);
                copiedAfter.Add(decoder.FramesCopied);
                missesAfter.Add(decoder.PoolMisses);
            }
            Assert.That(decoder!.Flush("test"), Is.EqualTo(ReelResult.Success));
            Assert.That(H26xHarness.Receive(decoder, frames, measure: false), Is.EqualTo(ReelResult.EndOfStream), () => LastError.Message);
            TestContext.Out.WriteLine($"{encoder} {width}x{height}: {frames.Count} frames, copied {decoder.FramesCopied}, pool misses {decoder.PoolMisses}, pools {decoder.PoolsCreated}");
        }
        Assert.That(frames.Select(f => f.Md5), Is.EqualTo(expected), "every frame bit-identical to ffmpeg's");
        Assert.That(frames.All(f => f.Width == width && f.Height == height), Is.True);
        // Warm-up: the first half of the stream; after it, nothing is copied and no pool allocates.
        int half = packets.Count / 2;
        Assert.That(copiedAfter[^1], Is.EqualTo(copiedAfter[half]), "no frame copied after warm-up");
        Assert.That(missesAfter[^1], Is.EqualTo(missesAfter[half]), "no pool miss after warm-up");
        if (width % 16 == 0 && height % 16 == 0)
            Assert.That(copiedAfter[^1], Is.Zero, "coded size = visible size: no frame is ever copied");
    }
}
