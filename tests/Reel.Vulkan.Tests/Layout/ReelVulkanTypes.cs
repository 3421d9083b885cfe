using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using Reel.Vulkan.Device;
using Silk.NET.Core.Attributes;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Layout;

/// <summary>
/// The Silk.NET.Vulkan types Reel uses, read from the metadata of the Reel.Vulkan assembly
/// (every type a signature, local, field or call of Reel.Vulkan refers to has a TypeRef row),
/// plus the struct types their fields hold, so that nested structs (VkPhysicalDeviceLimits in
/// VkPhysicalDeviceProperties, VkExtent2D in VkVideoCapabilitiesKHR, ...) are covered too.
/// Each type and field carries its C name in Silk.NET's [NativeName("Name", ...)] attribute.
/// </summary>
internal static partial class ReelVulkanTypes
{
    private static readonly Assembly s_silk = typeof(Vk).Assembly;

    /// <summary>Structs, unions and handles, by C name.</summary>
    public static IReadOnlyList<Type> Structs { get; } = FindStructs();

    /// <summary>The enums Reel uses.</summary>
    public static IReadOnlyList<Type> Enums { get; } = Referenced().Where(t => t.IsEnum).OrderBy(CName, StringComparer.Ordinal).ToList();

    /// <summary>The C name Silk.NET records for a type or member ("" when it records none).</summary>
    public static string CName(MemberInfo member) =>
        member.GetCustomAttributes<NativeNameAttribute>().FirstOrDefault(a => a.Category == "Name")?.Name ?? "";

    /// <summary>
    /// The fields of a struct with the C expression offsetof() takes for each: "sType", or
    /// "float32[2]" for the elements of a C array that Silk.NET spells out as Float32_0..3.
    /// </summary>
    public static IEnumerable<(FieldInfo Field, string CMember)> Fields(Type type)
    {
        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Instance);
        foreach (FieldInfo field in fields)
        {
            string name = CName(field);
            if (name.Length == 0)
            {
                yield return (field, "");
                continue;
            }
            bool spelledOut = fields.Count(f => CName(f) == name) > 1 && ElementIndex().Match(field.Name) is { Success: true };
            yield return (field, spelledOut ? $"{name}[{ElementIndex().Match(field.Name).Groups[1].Value}]" : name);
        }
    }

    /// <summary>Whether the type is a handle (a struct holding only nint or ulong Handle).</summary>
    public static bool IsHandle(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Instance) is [{ Name: "Handle" } handle]
        && (handle.FieldType == typeof(nint) || handle.FieldType == typeof(ulong));

    private static List<Type> FindStructs()
    {
        var found = new SortedDictionary<string, Type>(StringComparer.Ordinal);
        var pending = new Stack<Type>(Referenced().Where(t => t.IsValueType && !t.IsEnum));
        var seen = new HashSet<Type>();
        while (pending.TryPop(out Type? type))
        {
            if (!seen.Add(type))
                continue;
            // Silk.NET's nested helpers (fixed arrays of structs, e.g. MemoryTypesBuffer) have no C name of their own: only their elements count.
            if (!type.IsNested && CName(type) is { Length: > 0 } name)
                found[name] = type;
            foreach (FieldInfo field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
            {
                if (field.FieldType.Assembly == s_silk && field.FieldType.IsValueType && !field.FieldType.IsEnum)
                    pending.Push(field.FieldType);
            }
        }
        return found.Values.ToList();
    }

    /// <summary>The Silk.NET.Vulkan types the Reel.Vulkan assembly refers to.</summary>
    private static List<Type> Referenced()
    {
        string path = typeof(VulkanDevice).Assembly.Location;
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader metadata = pe.GetMetadataReader();
        var types = new List<Type>();
        foreach (TypeReferenceHandle handle in metadata.TypeReferences)
        {
            TypeReference reference = metadata.GetTypeReference(handle);
            if (reference.ResolutionScope.Kind != HandleKind.AssemblyReference)
                continue;
            string ns = metadata.GetString(reference.Namespace);
            if (ns != "Silk.NET.Vulkan" && ns != "Silk.NET.Vulkan.Video")
                continue;
            if (s_silk.GetType($"{ns}.{metadata.GetString(reference.Name)}") is { } type)
                types.Add(type);
        }
        return types;
    }

    [GeneratedRegex(@"_(\d+)$")]
    private static partial Regex ElementIndex();
}
