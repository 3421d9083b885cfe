using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Codecs.Tests.Support;
using Reel.Containers;
using Reel.Errors;
using Reel.Pools;

namespace Reel.Backend.FFmpeg.Tests.Containers;

/// <summary>
/// Sound and pictures stay in sync over a 10-minute recording on a virtual clock: 18 000 real
/// AV1 frames (30 intra frames of a 64x64 encode, cycled with increasing pts) at 30 fps and
/// 44.1 kHz stereo written 1 470 samples per frame, as a game engine's movie maker does. Opus
/// runs at 48 kHz, so every sample goes through the resampler. The drift is measured in the
/// finished file by ffprobe: the end of the last audio packet against the end of the last
/// frame must differ by less than one Opus frame (20 ms).
/// </summary>
[TestFixture]
public sealed unsafe class SyncDriftTests
{
    private const int Fps = 30;
    private const int Minutes = 10;
    private const int Rate = 44100;

    [TestCase(ContainerFormat.Matroska, "mkv")]
    [TestCase(ContainerFormat.Mp4, "mp4")]
    public void TenMinuteRecording_DriftsLessThanOneAudioFrame(ContainerFormat format, string extension)
    {
        List<Packet> intra = Av1RoundTrip.Encode(Av1RoundTrip.Small(RateControlMode.Crf, 64, 64), Fps, forceKeyframe: _ => true);
        Assert.That(intra.TrueForAll(p => p.IsKeyframe), "every packet is a keyframe, so cycling them is a valid stream");
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "drift." + extension);
        var settings = new MovieMuxerSettings(path, format, new VideoTrackSettings(VideoCodec.Av1, 64, 64, Fps, 1),
            new AudioTrackSettings(AudioCodec.Opus, SampleFormat.S16, Rate, 2, 0), Faststart: true, FlushIntervalMs: 1000);
        IContainerBackend backend = BackendRegistry.ContainerBackend!;
        Assert.That(backend.CreateMovie(settings, "test", out IMovieMuxer? muxer), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        int frames = Minutes * 60 * Fps;
        short[] pcm = new short[Rate / Fps * 2];
        for (int i = 0; i < pcm.Length; i++)
            pcm[i] = (short)(4000 * Math.Sin(i * 0.05));
        long written = 0;
        using (muxer)
        {
            for (int i = 0; i < frames; i++)
            {
                Packet p = intra[i % intra.Count];
                fixed (byte* data = p.Data)
                    Assert.That(muxer!.WriteVideo(new EncodedPacket(data, p.Data.Length, i, i, true), "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                // The host's audio clock: exactly the samples due by the end of this frame.
                long due = (long)(i + 1) * Rate / Fps;
                int count = (int)(due - written);
                fixed (short* samples = pcm)
                    Assert.That(muxer!.WriteAudio(new ReadOnlySpan<byte>(samples, count * 4), count, "test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
                written = due;
            }
            Assert.That(muxer!.End("test"), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            MovieMuxerStats stats = muxer.GetStats();
            Assert.That(stats.AudioSamples, Is.EqualTo((long)Minutes * 60 * Rate));
            double statsDrift = Math.Abs(stats.AudioCodedSeconds - Minutes * 60.0);
            TestContext.Out.WriteLine($"{extension}: coded audio {stats.AudioCodedSeconds:F6} s for {Minutes * 60} s of video (muxer's own count: drift {statsDrift * 1000:F3} ms)");
            Assert.That(statsDrift, Is.LessThan(0.020));
        }
        (double videoEnd, double audioEnd) = StreamEnds(path);
        double drift = Math.Abs(audioEnd - videoEnd);
        TestContext.Out.WriteLine($"{extension}: ffprobe video ends {videoEnd:F6} s, audio ends {audioEnd:F6} s: drift {drift * 1000:F3} ms after {Minutes} minutes");
        Assert.That(videoEnd, Is.EqualTo(Minutes * 60.0).Within(0.001));
        Assert.That(drift, Is.LessThan(0.020), "less than one 20 ms Opus frame");
    }

    /// <summary>The largest pts + duration of the video and of the audio packets, by ffprobe.</summary>
    private static (double Video, double Audio) StreamEnds(string path)
    {
        ExternalTool.Outcome outcome = ExternalTool.Run("ffprobe", "-v", "error", "-show_entries", "packet=codec_type,pts_time,duration_time", "-of", "csv=p=0", path);
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
        double video = 0, audio = 0;
        foreach (string line in outcome.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(',');
            if (f.Length < 3 || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double pts)
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double duration))
            {
                continue;
            }
            if (f[0] == "video")
                video = Math.Max(video, pts + duration);
            else if (f[0] == "audio")
                audio = Math.Max(audio, pts + duration);
        }
        return (video, audio);
    }
}
