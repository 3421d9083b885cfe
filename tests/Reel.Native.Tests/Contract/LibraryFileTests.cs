using System.Diagnostics;
using NUnit.Framework;

namespace Reel.Native.Tests.Contract;

public class LibraryFileTests
{
    [Test]
    public void Soname_IsLibreelSo0()
    {
        var start = new ProcessStartInfo("readelf", ["-d", RepoPaths.Library]) { RedirectStandardOutput = true };
        using Process readelf = Process.Start(start)!;
        string output = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        Assert.That(output, Does.Contain("Library soname: [libreel.so.0]"));
    }
}
