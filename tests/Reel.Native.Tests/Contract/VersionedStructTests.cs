using System;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.HeaderTool.Check;

namespace Reel.Native.Tests.Contract;

/// <summary>
/// Every versioned C struct mirror (input and output structs with struct_size) must accept
/// the size the header gives it: FirstPublishedSize above the struct's size would refuse
/// every correct host. While every struct is at its 0.1.0 size, the two are equal.
/// </summary>
public class VersionedStructTests
{
    [Test]
    public void FirstPublishedSize_IsTheStructSize_InRelease010()
    {
        ManagedContract managed = ManagedContract.Load(RepoPaths.ContractAssembly);
        var versioned = managed.Mirrors.Values
            .Where(t => t.GetInterfaces().Any(i => i.Name == "IVersionedStruct"))
            .ToList();
        Assert.That(versioned, Is.Not.Empty);
        foreach (Type mirror in versioned)
        {
            PropertyInfo first = mirror.GetProperty("FirstPublishedSize", BindingFlags.Public | BindingFlags.Static)!;
            uint published = (uint)first.GetValue(null)!;
            Assert.That(published, Is.EqualTo((uint)Marshal.SizeOf(mirror)), $"{ManagedContract.CTypeName(mirror)} ({mirror.Name})");
        }
    }
}
