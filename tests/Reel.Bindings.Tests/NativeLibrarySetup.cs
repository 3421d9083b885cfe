using System;
using System.IO;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Bindings.Tests;

/// <summary>Points the "reel" library of the generated bindings at the published libreel.so.</summary>
[SetUpFixture]
public class NativeLibrarySetup
{
    [OneTimeSetUp]
    public void ResolveLibreel()
    {
        string library = RepoPaths.Library;
        if (!File.Exists(library))
            Assert.Fail($"{library} does not exist: run build/build.sh first (build/test.sh does)");
        NativeLibrary.SetDllImportResolver(typeof(ReelNative).Assembly, (name, _, _) =>
            name == ReelNative.LibraryName ? NativeLibrary.Load(library) : IntPtr.Zero);
    }
}
