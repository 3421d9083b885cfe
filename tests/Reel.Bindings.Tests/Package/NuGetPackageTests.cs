using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NUnit.Framework;

namespace Reel.Bindings.Tests.Package;

/// <summary>
/// The NuGet package build/build.sh packs (artifacts/nuget/Reel.VERSION.nupkg), opened as the
/// zip it is: exactly the entries a host needs, a nuspec without dependencies on packages that
/// do not exist, and no path of the build machine in any entry.
/// </summary>
public class NuGetPackageTests
{
    private static string Version
    {
        get
        {
            string header = File.ReadAllText(RepoPaths.Header);
            string Macro(string part) => Regex.Match(header, $"#define REEL_VERSION_{part} ([0-9]+)").Groups[1].Value;
            return $"{Macro("MAJOR")}.{Macro("MINOR")}.{Macro("PATCH")}";
        }
    }

    private static string PackagePath => Path.Combine(RepoPaths.Artifacts, "nuget", $"Reel.{Version}.nupkg");

    private static ZipArchive OpenPackage()
    {
        if (!File.Exists(PackagePath))
            Assert.Fail($"{PackagePath} does not exist: build/build.sh packs it");
        return ZipFile.OpenRead(PackagePath);
    }

    /// <summary>The shims build/build.sh left beside libreel, under their SONAMEs (libreel_x.so.N).</summary>
    private static string[] Shims => Directory.GetFiles(Path.Combine(RepoPaths.Artifacts, "lib"), "libreel_*.so.*")
        .Select(Path.GetFileName)
        .Where(name => Regex.IsMatch(name!, @"^libreel_[A-Za-z0-9_]+\.so\.[0-9]+$"))
        .Select(name => $"runtimes/linux-x64/native/{name}")
        .ToArray();

    [Test]
    public void Entries_AreExactlyWhatAHostNeeds()
    {
        using ZipArchive package = OpenPackage();
        string[] entries = package.Entries.Select(e => e.FullName)
            .Where(name => !Regex.IsMatch(name, @"^package/services/metadata/core-properties/[^/]+\.psmdcp$"))
            .OrderBy(name => name, StringComparer.Ordinal).ToArray();
        string[] expected = new[]
        {
            "[Content_Types].xml",
            "_rels/.rels",
            "LICENSE",
            "README.md",
            "Reel.nuspec",
            "THIRD-PARTY.md",
            "dotnet-runtime-LICENSE.TXT",
            "dotnet-runtime-THIRD-PARTY-NOTICES.TXT",
            "lib/net10.0/Reel.dll",
            "lib/net10.0/Reel.Interop.dll",
            "lib/net10.0/Reel.xml",
            "runtimes/linux-x64/native/libreel.so",
        }.Concat(Shims).OrderBy(name => name, StringComparer.Ordinal).ToArray();
        Assert.That(entries, Is.EqualTo(expected));
    }

    [Test]
    public void Nuspec_NamesThePackageVersionLicenceAndNoDependency()
    {
        using ZipArchive package = OpenPackage();
        using Stream stream = package.GetEntry("Reel.nuspec")!.Open();
        XDocument nuspec = XDocument.Load(stream);
        XNamespace ns = nuspec.Root!.Name.Namespace;
        XElement metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.That(metadata.Element(ns + "id")!.Value, Is.EqualTo("Reel"));
        Assert.That(metadata.Element(ns + "version")!.Value, Is.EqualTo(Version));
        Assert.That(metadata.Element(ns + "license")!.Value, Is.EqualTo("MIT"));
        Assert.That(metadata.Element(ns + "readme")!.Value, Is.EqualTo("README.md"));
        Assert.That(metadata.Descendants(ns + "dependency"), Is.Empty, "Reel.Interop travels inside the package, not as a dependency");
        Assert.That(metadata.Element(ns + "repository"), Is.Null, "no repository or commit of the build machine");
    }

    [Test]
    public void Libreel_IsThePublishedLibrary()
    {
        using ZipArchive package = OpenPackage();
        ZipArchiveEntry entry = package.GetEntry("runtimes/linux-x64/native/libreel.so")!;
        byte[] packed = Read(entry);
        Assert.That(packed, Is.EqualTo(File.ReadAllBytes(Path.Combine(RepoPaths.Artifacts, "lib", "libreel.so"))));
    }

    [Test]
    public void NoEntry_ContainsABuildPath()
    {
        string[] needles = { RepoPaths.Root, "/artifacts/", Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + "/.nuget" };
        using ZipArchive package = OpenPackage();
        foreach (ZipArchiveEntry entry in package.Entries)
        {
            string text = Encoding.Latin1.GetString(Read(entry));
            foreach (string needle in needles)
                Assert.That(text, Does.Not.Contain(needle), $"{entry.FullName} contains the build path {needle}");
        }
        Assert.That(package.Entries.Select(e => e.FullName), Has.None.EndsWith(".pdb").And.None.EndsWith(".dbg"));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
