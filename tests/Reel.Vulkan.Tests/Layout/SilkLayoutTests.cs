using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Vulkan.Interop;

namespace Reel.Vulkan.Tests.Layout;

/// <summary>
/// Silk.NET.Vulkan's structs, unions, handles and enums that Reel uses, against gcc's view of
/// the Vulkan C headers (Debian's libvulkan-dev, or REEL_VULKAN_HEADERS): sizes
/// (Marshal.SizeOf and Unsafe.SizeOf), the offset of every field (Marshal.OffsetOf), enumerant
/// values, and Reel's extension names. One test case per type: a type the headers do not
/// declare (newer than them, e.g. the AV1 video structs) is skipped with that reason, never
/// passed. A coverage test keeps a broken scan or probe from passing by comparing nothing.
/// </summary>
public class SilkLayoutTests
{
    private static IReadOnlyDictionary<string, string> s_probe = null!;

    /// <summary>
    /// Enumerants whose Silk.NET value differs from the headers', each with why it does not
    /// matter to Reel. Any other difference fails.
    /// </summary>
    private static readonly Dictionary<string, string> s_knownDifferences = new(StringComparer.Ordinal)
    {
        ["VK_STRUCTURE_TYPE_PIPELINE_INFO_EXT"] = "Silk.NET.Vulkan 2.23.0 gives it 1000372001 (the value of VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PIPELINE_PROPERTIES_FEATURES_EXT); " +
            "the headers alias it to VK_STRUCTURE_TYPE_PIPELINE_INFO_KHR (1000269001). Reel never uses it",
    };

    /// <summary>The extension names Reel uses, from <see cref="ExtensionNames"/>.</summary>
    private static readonly IReadOnlyList<FieldInfo> s_extensionNames = typeof(ExtensionNames).GetFields(BindingFlags.Public | BindingFlags.Static);

    [OneTimeSetUp]
    public void RunProbe() => s_probe = CLayoutProbe.Run(ReelVulkanTypes.Structs, ReelVulkanTypes.Enums,
        s_extensionNames.Select(f => CLayoutProbe.ExtensionMacro((string)f.GetValue(null)!)).OfType<string>());

    public static IEnumerable<TestCaseData> UsedStructs() =>
        ReelVulkanTypes.Structs.Select(t => new TestCaseData(t).SetArgDisplayNames(ReelVulkanTypes.CName(t)));

    public static IEnumerable<TestCaseData> UsedEnums() =>
        ReelVulkanTypes.Enums.Select(t => new TestCaseData(t).SetArgDisplayNames(ReelVulkanTypes.CName(t)));

    public static IEnumerable<TestCaseData> UsedExtensionNames() =>
        s_extensionNames.Select(f => new TestCaseData((string)f.GetValue(null)!).SetArgDisplayNames((string)f.GetValue(null)!));

    [TestCaseSource(nameof(UsedStructs))]
    public void Struct_SizeAndOffsets_MatchGcc(Type type)
    {
        string name = ReelVulkanTypes.CName(type);
        SkipUnlessDeclared(name, CLayoutProbe.Declares(name));
        long c = long.Parse(s_probe[$"size {name}"], CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(Marshal.SizeOf(type), Is.EqualTo(c), $"Marshal.SizeOf({type.Name}) vs sizeof({name})");
            Assert.That(ManagedSize(type), Is.EqualTo(c), $"Unsafe.SizeOf<{type.Name}>() vs sizeof({name})");
            if (ReelVulkanTypes.IsHandle(type))
                return;
            int compared = 0;
            foreach ((FieldInfo field, string member) in ReelVulkanTypes.Fields(type))
            {
                Assert.That(member, Is.Not.Empty, $"{type.Name}.{field.Name} carries no C name");
                if (member.Length == 0)
                    continue;
                Assert.That(s_probe.TryGetValue($"offset {name}.{member}", out string? text), Is.True, $"{name} declares no member {member}");
                if (text is null)
                    continue;
                compared++;
                Assert.That((long)Marshal.OffsetOf(type, field.Name), Is.EqualTo(long.Parse(text, CultureInfo.InvariantCulture)),
                    $"offset of {type.Name}.{field.Name} vs offsetof({name}, {member})");
            }
            Assert.That(compared, Is.GreaterThan(0), $"{name}: no field compared");
        });
    }

    [TestCaseSource(nameof(UsedEnums))]
    public void Enum_Values_MatchHeaders(Type type)
    {
        string name = ReelVulkanTypes.CName(type);
        var members = type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (Field: f, CName: ReelVulkanTypes.CName(f)))
            .Where(m => CLayoutProbe.DeclaresEnumerant(m.CName))
            .ToList();
        SkipUnlessDeclared(name, members.Count > 0);
        Assert.Multiple(() =>
        {
            foreach ((FieldInfo field, string cName) in members)
            {
                if (s_knownDifferences.TryGetValue(cName, out string? why))
                {
                    TestContext.Out.WriteLine($"{cName} not compared: {why}");
                    continue;
                }
                object value = field.GetValue(null)!;
                long managed = Enum.GetUnderlyingType(type) == typeof(ulong) ? unchecked((long)(ulong)value) : Convert.ToInt64(value, CultureInfo.InvariantCulture);
                Assert.That(managed, Is.EqualTo(long.Parse(s_probe[$"enum {cName}"], CultureInfo.InvariantCulture)), $"{type.Name}.{field.Name} vs {cName}");
            }
        });
        TestContext.Out.WriteLine($"{name}: {members.Count} of {type.GetFields(BindingFlags.Public | BindingFlags.Static).Length} members declared by the headers, all compared");
    }

    [TestCaseSource(nameof(UsedExtensionNames))]
    public void ExtensionName_IsTheHeadersMacro(string extension)
    {
        string? macro = CLayoutProbe.ExtensionMacro(extension);
        SkipUnlessDeclared($"an *_EXTENSION_NAME macro with the value \"{extension}\"", macro is not null);
        Assert.That(s_probe[$"define {macro}"], Is.EqualTo(extension), macro);
    }

    [Test]
    public void UsedTypes_CoverWhatReelCallsVulkanWith()
    {
        var names = ReelVulkanTypes.Structs.Select(ReelVulkanTypes.CName).ToHashSet();
        string[] expected =
        [
            "VkBufferCreateInfo", "VkImageCreateInfo", "VkSubmitInfo2", "VkSemaphoreSubmitInfo", "VkDeviceCreateInfo", "VkInstanceCreateInfo",
            "VkDebugUtilsMessengerCreateInfoEXT", "VkVideoProfileInfoKHR", "VkVideoSessionCreateInfoKHR", "VkVideoCapabilitiesKHR",
            "VkPhysicalDeviceLimits", "VkMemoryType", "VkExtent3D", "VkBuffer", "VkDevice", "VkVideoDecodeAV1ProfileInfoKHR",
        ];
        Assert.That(names, Is.SupersetOf(expected), "found through Reel.Vulkan's metadata, nested structs included");
        Assert.That(ReelVulkanTypes.Structs, Has.Count.GreaterThan(80));
        Assert.That(ReelVulkanTypes.Enums, Has.Count.GreaterThan(25));
        var declared = ReelVulkanTypes.Structs.Where(t => CLayoutProbe.Declares(ReelVulkanTypes.CName(t))).ToList();
        Assert.That(declared, Has.Count.GreaterThan(70), "most of what Reel uses is in the Vulkan 1.3 headers");
        Assert.That(s_probe.Keys.Count(k => k.StartsWith("offset ", StringComparison.Ordinal)), Is.GreaterThan(500));
        TestContext.Out.WriteLine($"{declared.Count} of {ReelVulkanTypes.Structs.Count} Silk.NET structs, unions and handles Reel uses are declared by the Vulkan {CLayoutProbe.HeaderVersion} headers " +
            $"({string.Join(", ", CLayoutProbe.Headers)}) and compared with {CLayoutProbe.Compiler}; not declared there: " +
            string.Join(", ", ReelVulkanTypes.Structs.Select(ReelVulkanTypes.CName).Where(n => !CLayoutProbe.Declares(n))));
    }

    private static void SkipUnlessDeclared(string what, bool declared)
    {
        if (!declared)
        {
            Assert.Ignore($"{what} is not in the Vulkan {CLayoutProbe.HeaderVersion} headers under {CLayoutProbe.IncludeRoot} (it is newer; Silk.NET.Vulkan 2.23.0 is generated from Vulkan 1.4.336): " +
                "nothing to compare with here; set REEL_VULKAN_HEADERS to newer Vulkan-Headers to compare it");
        }
    }

    private static int ManagedSize(Type type) =>
        (int)typeof(Unsafe).GetMethod(nameof(Unsafe.SizeOf))!.MakeGenericMethod(type).Invoke(null, null)!;
}
