using System.IO;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Reel.Bindings.Tests.Objects;

/// <summary>ReelLibrary: the loaded library's version against the header's.</summary>
public class LibraryTests
{
    [Test]
    public void Version_IsTheHeaders()
    {
        string header = File.ReadAllText(RepoPaths.Header);
        string Macro(string part) => Regex.Match(header, $"#define REEL_VERSION_{part} ([0-9]+)").Groups[1].Value;
        string expected = $"{Macro("MAJOR")}.{Macro("MINOR")}.{Macro("PATCH")}";
        Assert.That(ReelLibrary.VersionString, Is.EqualTo(expected));
        Assert.That(ReelLibrary.Version.ToString(), Is.EqualTo(expected));
        Assert.That(ReelLibrary.HeaderVersion.ToString(), Is.EqualTo(expected), "the generated bindings are current");
        Assert.That(ReelLibrary.IsCompatible, Is.True);
    }
}
