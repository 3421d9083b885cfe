using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NUnit.Framework;

namespace Reel.Vulkan.Tests.Layout;

/// <summary>
/// The generated C# types against gcc's view of Debian's Vulkan headers: sizes, member
/// offsets, enumerant and constant values, and bitfield packing. Each test also requires a
/// minimum number of comparisons, so that a broken probe cannot pass by comparing nothing.
/// </summary>
public class GeneratedLayoutTests
{
    private static CLayoutProbe.Result s_probe = null!;

    [OneTimeSetUp]
    public void RunProbe() => s_probe = CLayoutProbe.Run();

    [Test]
    public void StructSizes_MatchGcc()
    {
        var mismatches = new List<string>();
        foreach (Type type in s_probe.Structs)
        {
            long c = long.Parse(s_probe.Values[$"size {type.Name}"], CultureInfo.InvariantCulture);
            int marshal = Marshal.SizeOf(type);
            int managed = ManagedSize(type);
            if (c != marshal || c != managed)
                mismatches.Add($"{type.Name}: C {c}, Marshal.SizeOf {marshal}, Unsafe.SizeOf {managed}");
        }
        TestContext.Out.WriteLine($"{s_probe.Structs.Count} of {CLayoutProbe.GeneratedStructs.Count} generated structs compared by {CLayoutProbe.Compiler} with {string.Join(", ", CLayoutProbe.Headers)}");
        Assert.That(s_probe.Structs, Has.Count.GreaterThan(150), "every generated struct Debian's 1.3.239 headers declare (no AV1, no final encode)");
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void FieldOffsets_MatchGcc()
    {
        var mismatches = new List<string>();
        int compared = 0;
        foreach (Type type in s_probe.Structs)
        {
            foreach (FieldInfo field in CLayoutProbe.CFields(type))
            {
                if (!s_probe.Values.TryGetValue($"offset {type.Name}.{field.Name}", out string? text))
                    continue;
                compared++;
                long c = long.Parse(text, CultureInfo.InvariantCulture);
                long managed = Marshal.OffsetOf(type, field.Name);
                if (c != managed)
                    mismatches.Add($"{type.Name}.{field.Name}: C {c}, C# {managed}");
            }
        }
        Assert.That(compared, Is.GreaterThan(1000));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void EnumerantValues_MatchHeaders()
    {
        var mismatches = new List<string>();
        foreach (var (type, name) in s_probe.Enumerants)
        {
            long c = long.Parse(s_probe.Values[$"enum {name}"], CultureInfo.InvariantCulture);
            object value = Enum.Parse(type, name);
            long managed = Enum.GetUnderlyingType(type) == typeof(int) ? Convert.ToInt64(value) : unchecked((long)Convert.ToUInt64(value));
            if (c != managed)
                mismatches.Add($"{type.Name}.{name}: C {c}, C# {managed}");
        }
        Assert.That(s_probe.Enumerants, Has.Count.GreaterThan(1000));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Constants_MatchHeaders()
    {
        var mismatches = new List<string>();
        foreach (FieldInfo constant in s_probe.Constants)
        {
            string c = s_probe.Values[$"const {constant.Name}"];
            object value = constant.GetValue(null)!;
            string managed = value switch
            {
                float f => f.ToString("G9", CultureInfo.InvariantCulture),
                string s => s,
                _ => Convert.ToUInt64(value).ToString(CultureInfo.InvariantCulture),
            };
            if (c != managed)
                mismatches.Add($"{constant.Name}: C {c}, C# {managed}");
        }
        Assert.That(s_probe.Constants.Select(c => c.Name), Does.Contain("VK_WHOLE_SIZE").And.Contain("VK_API_VERSION_1_3").And.Contain("VK_KHR_VIDEO_QUEUE_EXTENSION_NAME"));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Bitfields_PackLikeGcc()
    {
        var mismatches = new List<string>();
        int compared = 0;
        foreach (Type type in s_probe.Structs)
        {
            foreach (PropertyInfo bitfield in CLayoutProbe.Bitfields(type))
            {
                compared++;
                object boxed = Activator.CreateInstance(type)!;
                bitfield.SetValue(boxed, uint.MaxValue);
                string managed = Bytes(boxed);
                string c = s_probe.Values[$"bits {type.Name}.{bitfield.Name}"];
                if (c != managed)
                    mismatches.Add($"{type.Name}.{bitfield.Name}: C {c}, C# {managed}");
            }
        }
        Assert.That(compared, Is.GreaterThan(100), "the H.264/H.265 Std flags structs have well over 100 bitfields");
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void Bitfield_ReadsBackOnlyItsWidth()
    {
        var flags = new Interop.StdVideoH264SpsFlags { frame_mbs_only_flag = 5 };
        Assert.That(flags.frame_mbs_only_flag, Is.EqualTo(1u), "a 1-bit field keeps the low bit");
        Assert.That(flags.constraint_set0_flag, Is.Zero, "neighbouring bits stay clear");
        var sps = new Interop.StdVideoH264SequenceParameterSet();
        sps.Flags.direct_8x8_inference_flag = 1;
        Assert.That(sps.Flags._bitfield0, Is.EqualTo(1u << 6), "direct_8x8_inference_flag is the seventh field");
    }

    private static int ManagedSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;

    private static string Bytes(object boxed)
    {
        int size = Marshal.SizeOf(boxed.GetType());
        nint buffer = Marshal.AllocHGlobal(size);
        try
        {
            Marshal.StructureToPtr(boxed, buffer, fDeleteOld: false);
            var bytes = new byte[size];
            Marshal.Copy(buffer, bytes, 0, size);
            return string.Join(" ", bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }
        finally
        {
            Marshal.FreeHGlobal(buffer);
        }
    }
}
