using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backend.FFmpeg.Interop;
using Reel.Backends;
using Reel.Codecs.Tests.Support;
using Reel.Errors;

namespace Reel.Backend.FFmpeg.Tests.Interop;

/// <summary>The lazy loader: the built shim binds every reelff_* function; anything else is refused with a reason.</summary>
[TestFixture]
public sealed unsafe class ShimLoaderTests
{
    [Test]
    public void BuiltShimLoadsWithTheBoundAbiVersion()
    {
        FFmpegShim? shim = FFmpegShim.TryGet(out string reason);
        Assert.That(shim, Is.Not.Null, reason);
        Assert.That(shim!.Version.AbiVersion(), Is.EqualTo(ShimConstants.AbiVersion));
        Assert.That(shim.Description, Does.Match(@"lavf 59\.\d+\.\d+").And.Contain("GPL"));
    }

    [Test]
    public void MissingShimIsUnavailableNamingWhatWasTried()
    {
        FFmpegShim? shim = FFmpegShim.Load(["/nonexistent/libreel_ffmpeg.so.0"], out string? reason);
        Assert.That(shim, Is.Null);
        Assert.That(reason, Does.Contain("/nonexistent/libreel_ffmpeg.so.0").And.Contain("FFmpeg backend unavailable"));
    }

    [Test]
    public void LibraryThatIsNotTheShimIsRefused()
    {
        FFmpegShim? shim = FFmpegShim.Load(["libc.so.6"], out string? reason);
        Assert.That(shim, Is.Null);
        Assert.That(reason, Does.Contain("no export reelff_abi_version"));
    }

    [Test]
    public void BackendDescribesItselfFromTheShim()
    {
        BackendDescription description = BackendRegistry.Find("ffmpeg")!.Describe();
        Assert.That(description.Available, Is.True, description.UnavailableReason);
        Assert.That(description.Kind, Is.EqualTo(BackendKind.FFmpeg));
        Assert.That(description.Driver, Does.Contain("libreel_ffmpeg").And.Contain("containers mp4, mov, webm, matroska"));
    }

    [Test]
    public void IoFailureMapsToErrorIoNamingThePath()
    {
        FFmpegShim shim = FFmpegShim.TryGet(out _)!;
        string path = Path.Combine(Path.GetTempPath(), "reel-no-such-dir", "missing.mp4");
        byte[] utf8 = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        nint demuxer;
        int code;
        fixed (byte* p = utf8)
            code = shim.Demuxer.Open(p, &demuxer);
        Assert.That(code, Is.LessThan(0));
        ReelResult result = ShimErrors.Fail(shim, code, "reel_test_open");
        Assert.That(result, Is.EqualTo(ReelResult.ErrorIo));
        Assert.That(LastError.Message, Does.StartWith("reel_test_open: ").And.Contain(path).And.Contain("No such file or directory"));
    }

    [Test]
    public void ErrorKindsMapToReelResults()
    {
        Assert.That(ShimErrors.ResultOf(ShimErrorKind.Io), Is.EqualTo(ReelResult.ErrorIo));
        Assert.That(ShimErrors.ResultOf(ShimErrorKind.InvalidArgument), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(ShimErrors.ResultOf(ShimErrorKind.Unsupported), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(ShimErrors.ResultOf(ShimErrorKind.CorruptData), Is.EqualTo(ReelResult.ErrorCorruptData));
        Assert.That(ShimErrors.ResultOf(ShimErrorKind.Internal), Is.EqualTo(ReelResult.ErrorInternal));
    }

    [Test]
    public void GeneratedBindingIsCurrent()
    {
        ExternalTool.Outcome outcome = ExternalTool.Run("python3", Path.Combine(ShimSetup.RepoRoot, "build", "tools", "generate-ffmpeg-binding.py"), "--check");
        Assert.That(outcome.ExitCode, Is.EqualTo(0), outcome.ToString());
    }
}
