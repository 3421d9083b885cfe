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
/// every correct host. A struct that grew by trailing fields keeps its 0.1.0 size as
/// FirstPublishedSize, which must end on a field boundary (an older host's struct is a prefix
/// of whole fields); every other struct is still at its 0.1.0 size.
/// </summary>
public class VersionedStructTests
{
    /// <summary>Structs that grew in 0.2.0, and the size 0.1.0 published them with.</summary>
    private static readonly System.Collections.Generic.Dictionary<string, uint> s_grown = new()
    {
        ["reel_encoder_desc_t"] = 128,       // codec, profile_idc, max_b_frames, flags; mini_gop_size, lookahead, prediction, reserved3
        ["reel_encoder_stats_t"] = 104,      // frames_held, reconfigurations; latency_*
        ["reel_codec_caps_t"] = 152,         // codec, encode_settings, encode_profile_idcs; prediction_structures ... reserved3
        ["reel_decoder_desc_t"] = 40,        // codec, reserved
        ["reel_decoder_stats_t"] = 88,       // frames_copied, pool_misses
        ["reel_encoder_pool_stats_t"] = 72,  // reconfigured
        ["reel_movie_writer_stats_t"] = 64,  // audio_*, overhead_bytes
    };

    [Test]
    public void GrownStructs_KeepTheir010Size_OnAFieldBoundary()
    {
        ManagedContract managed = ManagedContract.Load(RepoPaths.ContractAssembly);
        foreach (Type mirror in managed.Mirrors.Values.Where(t => t.GetInterfaces().Any(i => i.Name == "IVersionedStruct")))
        {
            string name = ManagedContract.CTypeName(mirror) ?? mirror.Name;
            uint published = (uint)mirror.GetProperty("FirstPublishedSize", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            uint size = (uint)Marshal.SizeOf(mirror);
            if (!s_grown.TryGetValue(name, out uint grownFrom))
                continue;
            Assert.That(published, Is.EqualTo(grownFrom), name);
            Assert.That(published, Is.LessThan(size), $"{name} grew");
            int[] offsets = mirror.GetFields(BindingFlags.Public | BindingFlags.Instance)
                .Select(f => (int)Marshal.OffsetOf(mirror, f.Name)).ToArray();
            Assert.That(offsets, Does.Contain((int)published), $"{name}: the 0.1.0 size ends where a field starts");
        }
    }

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
            if (s_grown.ContainsKey(ManagedContract.CTypeName(mirror) ?? mirror.Name))
                continue;
            PropertyInfo first = mirror.GetProperty("FirstPublishedSize", BindingFlags.Public | BindingFlags.Static)!;
            uint published = (uint)first.GetValue(null)!;
            Assert.That(published, Is.EqualTo((uint)Marshal.SizeOf(mirror)), $"{ManagedContract.CTypeName(mirror)} ({mirror.Name})");
        }
    }
}
