using System.Collections.Generic;
using NUnit.Framework;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Errors;

namespace Reel.Codecs.Tests.Support;

/// <summary>Checks produced files with the independent tools: ffprobe and the dav1d command line.</summary>
internal static class ToolChecks
{
    /// <summary>
    /// ffprobe identifies an AV1 stream of the given size and decodes
    /// <paramref name="frames"/> frames; the dav1d CLI decodes the same count to Y4M, which
    /// Reel's Y4M reader reads back.
    /// </summary>
    public static void AssertIvfAccepted(string path, int frames, int width, int height)
    {
        Dictionary<string, string> probe = FfprobeStream(path);
        Assert.That(probe.GetValueOrDefault("codec_name"), Is.EqualTo("av1"), string.Join(", ", probe));
        Assert.That(probe.GetValueOrDefault("width"), Is.EqualTo(width.ToString()));
        Assert.That(probe.GetValueOrDefault("height"), Is.EqualTo(height.ToString()));
        Assert.That(probe.GetValueOrDefault("nb_read_frames"), Is.EqualTo(frames.ToString()), "frames ffprobe decoded");
        Assert.That(Dav1dCliFrames(path), Is.EqualTo(frames), "frames the dav1d tool decoded");
    }

    /// <summary>ffprobe's stream entries for the first video stream (decoding every frame to count them).</summary>
    public static Dictionary<string, string> FfprobeStream(string path)
    {
        ExternalTool.Outcome outcome = ExternalTool.Run(ExternalTool.Require("ffprobe"),
            "-v", "error", "-count_frames", "-select_streams", "v:0",
            "-show_entries", "stream=codec_name,width,height,nb_read_frames", "-of", "default=noprint_wrappers=1", path);
        Assert.That(outcome.ExitCode, Is.Zero, $"ffprobe rejected {path}: {outcome}");
        var entries = new Dictionary<string, string>();
        foreach (string line in outcome.Output.Split('\n', System.StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = line.IndexOf('=');
            if (equals > 0)
                entries[line[..equals]] = line[(equals + 1)..].Trim();
        }
        return entries;
    }

    /// <summary>Decodes with the dav1d tool into a Y4M file and counts its frames with Reel's reader.</summary>
    public static int Dav1dCliFrames(string path)
    {
        string output = path + ".dav1d.y4m";
        ExternalTool.Outcome outcome = ExternalTool.Run(ExternalTool.Require("dav1d"), "-q", "-i", path, "-o", output);
        Assert.That(outcome.ExitCode, Is.Zero, $"the dav1d tool rejected {path}: {outcome}");
        Assert.That(Y4mReader.Open(output, "test", out Y4mReader? reader), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        using (reader)
        {
            int count = 0;
            ReelResult result;
            while ((result = reader!.ReadFrame("test", out _)) == ReelResult.Success)
                count++;
            Assert.That(result, Is.EqualTo(ReelResult.NotReady), () => LastError.Message);
            return count;
        }
    }
}
