using System.IO;
using NUnit.Framework;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.Native.Tests.Contract;

public class GeneratedBindingsTests
{
    [Test]
    public void CommittedBindings_AreWhatTheHeaderGenerates()
    {
        string generated = DotNetBindingsGenerator.Generate(HeaderParser.Parse(RepoPaths.Header), "reel.h");
        Assert.That(File.ReadAllText(RepoPaths.GeneratedBindings), Is.EqualTo(generated),
            "bindings/dotnet is stale: run build/tools/generate-bindings.sh and commit the result");
    }

    [Test]
    public void Generator_IsDeterministic()
    {
        HeaderModel first = HeaderParser.Parse(RepoPaths.Header);
        HeaderModel second = HeaderParser.Parse(RepoPaths.Header);
        Assert.That(DotNetBindingsGenerator.Generate(first, "reel.h"), Is.EqualTo(DotNetBindingsGenerator.Generate(second, "reel.h")));
    }
}
