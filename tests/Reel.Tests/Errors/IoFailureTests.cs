using System;
using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;

namespace Reel.Tests.Errors;

/// <summary>
/// What .NET throws for real file failures becomes REEL_ERROR_IO with the path and the OS's
/// reason. (A write past RLIMIT_FSIZE needs a process of its own: native/tests/io_failure_test.cpp.)
/// </summary>
public class IoFailureTests
{
    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new AssertionException("the file operation succeeded");
    }

    private static void AssertIo(string path, Exception exception, string reason)
    {
        Assert.That(IoFailure.IsIo(exception), Is.True, exception.ToString());
        Assert.That(IoFailure.Set("Thing.Do: cannot write", path, exception), Is.EqualTo(ReelResult.ErrorIo));
        Assert.That(LastError.Message, Is.EqualTo($"Thing.Do: cannot write {path}: {reason}"));
        Assert.That(LastError.Message, Does.Not.Contain("Exception").And.Not.Contain("System."));
    }

    [Test]
    public void WriteToAFullDevice_IsNoSpaceLeftOnDevice()
    {
        using var stream = new FileStream("/dev/full", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        AssertIo("/dev/full", Thrown(() => stream.Write(new byte[16])), "No space left on device");
    }

    [Test]
    public void OpeningADirectory_ForReadingOrWriting_IsADirectory()
    {
        string directory = Path.GetTempPath().TrimEnd('/');
        AssertIo(directory, Thrown(() => new FileStream(directory, FileMode.Open, FileAccess.Read).Dispose()), "Is a directory");
        AssertIo(directory, Thrown(() => new FileStream(directory, FileMode.Create, FileAccess.Write).Dispose()), "Is a directory");
    }

    [Test]
    public void AMissingFileOrDirectory_IsNoSuchFileOrDirectory()
    {
        string missing = Path.Combine(Path.GetTempPath(), "reel-missing-" + Guid.NewGuid().ToString("N"));
        AssertIo(missing, Thrown(() => File.OpenRead(missing).Dispose()), "No such file or directory");
        string inMissingDirectory = Path.Combine(missing, "file");
        AssertIo(inMissingDirectory, Thrown(() => File.OpenWrite(inMissingDirectory).Dispose()), "No such file or directory");
    }

    [Test]
    public void WritingToAKernelFile_GivesTheKernelsReason()
    {
        // Root may open /proc/version for writing and the write fails with EIO; others may not open it.
        Exception failure = Thrown(() =>
        {
            using var stream = new FileStream("/proc/version", FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(new byte[1]);
        });
        string reason = IoFailure.Reason("/proc/version", failure);
        Assert.That(reason, Is.EqualTo("Input/output error").Or.EqualTo("Permission denied"), failure.ToString());
    }
}
