using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Tests.Layout;

/// <summary>
/// Asks gcc what the Vulkan headers say about the generated types: a C program, written from
/// the generated C# types that the headers also declare, prints sizeof, offsetof, enumerant
/// and constant values, and the bytes a bitfield occupies when set to all ones. Debian's
/// headers (1.3.239) predate 1.4.359, so only names they declare are probed; vulkan_beta.h
/// (the provisional encode extensions of 1.3.239, since changed) is left out, and so are the
/// Std headers vulkan_core.h does not include.
/// </summary>
internal static partial class CLayoutProbe
{
    /// <summary>
    /// The include directory holding vulkan/ and vk_video/: Debian's /usr/include, or the
    /// headers named by REEL_VULKAN_HEADERS (e.g. Vulkan-Headers 1.4.359, to cover AV1 and encode too).
    /// </summary>
    public static string IncludeRoot { get; } = Environment.GetEnvironmentVariable("REEL_VULKAN_HEADERS") is { Length: > 0 } root ? root : "/usr/include";

    /// <summary>gcc; clang (same SysV x86-64 layout rules) where gcc is not installed.</summary>
    public static string Compiler { get; } = OnPath("gcc") ? "gcc" : "clang";

    /// <summary>vulkan_core.h and the Std video headers it includes (those of final extensions only).</summary>
    public static IReadOnlyList<string> Headers { get; } = FindHeaders();

    private static List<string> FindHeaders()
    {
        string core = Path.Combine(IncludeRoot, "vulkan", "vulkan_core.h");
        var headers = new List<string> { core };
        foreach (Match include in StdInclude().Matches(File.ReadAllText(core)))
        {
            string header = Path.Combine(IncludeRoot, include.Groups[1].Value);
            headers.Add(header);
            // Each Std header pulls in its base header and vulkan_video_codecs_common.h.
            headers.AddRange(StdInclude().Matches(File.ReadAllText(header)).Select(m => Path.Combine(IncludeRoot, m.Groups[1].Value)));
            headers.AddRange(LocalInclude().Matches(File.ReadAllText(header)).Select(m => Path.Combine(IncludeRoot, "vk_video", m.Groups[1].Value)));
        }
        return headers.Distinct().Where(File.Exists).ToList();
    }

    /// <summary>Constants whose values legitimately differ between header versions.</summary>
    private static readonly Regex s_versionDependent = VersionDependent();

    /// <summary>The generated value types (structs, unions, handles), excluding nested helper types.</summary>
    public static IReadOnlyList<Type> GeneratedStructs { get; } = typeof(VkDevice).Assembly.GetTypes()
        .Where(t => t.Namespace == "Reel.Vulkan.Interop" && t.IsValueType && !t.IsEnum && !t.IsNested)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The generated enums.</summary>
    public static IReadOnlyList<Type> GeneratedEnums { get; } = typeof(VkDevice).Assembly.GetTypes()
        .Where(t => t.Namespace == "Reel.Vulkan.Interop" && t.IsEnum)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>The public instance fields of a generated struct that C declares too (bitfield storage units excluded).</summary>
    public static IEnumerable<FieldInfo> CFields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.Name.StartsWith('_'));

    /// <summary>The bitfield properties of a generated struct.</summary>
    public static IEnumerable<PropertyInfo> Bitfields(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Instance).Any(f => f.Name.StartsWith("_bitfield", StringComparison.Ordinal))
            ? type.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(p => p.CanWrite)
            : [];

    /// <summary>Compiles and runs the probe; returns "size X", "offset X.f", "enum N", "const N", "bits X.f" → value.</summary>
    public static Result Run()
    {
        // Provisional enumerants inside core enums are guarded by VK_ENABLE_BETA_EXTENSIONS, which the probe leaves undefined.
        string headerText = BetaBlock().Replace(string.Concat(Headers.Select(File.ReadAllText)), "");
        var structNames = StructDeclaration().Matches(headerText).Select(m => m.Groups[2].Value).ToHashSet(StringComparer.Ordinal);
        var handleNames = HandleDeclaration().Matches(headerText).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var enumerants = Enumerant().Matches(headerText).Select(m => m.Groups[1].Value)
            .Concat(FlagConstant().Matches(headerText).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);
        var defines = Define().Matches(headerText).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var program = new StringBuilder();
        program.Append("#include <stdio.h>\n#include <stddef.h>\n#include <stdint.h>\n#include <string.h>\n#include <vulkan/vulkan_core.h>\n\n");
        program.Append("static void dump(const char *name, const void *p, size_t n)\n{\n    printf(\"bits %s\", name);\n");
        program.Append("    for (size_t i = 0; i < n; i++)\n        printf(\" %02x\", ((const unsigned char *)p)[i]);\n    printf(\"\\n\");\n}\n\n");
        program.Append("int main(void)\n{\n    volatile uint32_t ones = ~0u;\n    (void)ones;\n");
        var probedStructs = new List<Type>();
        foreach (Type type in GeneratedStructs.Where(t => structNames.Contains(t.Name) || handleNames.Contains(t.Name)))
        {
            probedStructs.Add(type);
            program.Append($"    printf(\"size {type.Name} %zu\\n\", sizeof({type.Name}));\n");
            if (handleNames.Contains(type.Name))
                continue;
            foreach (FieldInfo field in CFields(type))
                program.Append($"    printf(\"offset {type.Name}.{field.Name} %zu\\n\", offsetof({type.Name}, {field.Name}));\n");
            foreach (PropertyInfo bitfield in Bitfields(type))
                program.Append($"    {{ {type.Name} v; memset(&v, 0, sizeof v); v.{bitfield.Name} = ones; dump(\"{type.Name}.{bitfield.Name}\", &v, sizeof v); }}\n");
        }
        var probedEnumerants = new List<(Type Enum, string Name)>();
        foreach (Type type in GeneratedEnums)
        {
            foreach (string name in Enum.GetNames(type).Where(enumerants.Contains))
            {
                probedEnumerants.Add((type, name));
                program.Append($"    printf(\"enum {name} %lld\\n\", (long long){name});\n");
            }
        }
        var probedConstants = new List<FieldInfo>();
        foreach (FieldInfo constant in typeof(VkConstants).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (!defines.Contains(constant.Name) || s_versionDependent.IsMatch(constant.Name))
                continue;
            probedConstants.Add(constant);
            string format = constant.FieldType == typeof(string) ? "%s" : constant.FieldType == typeof(float) ? "%.9g" : "%llu";
            string cast = constant.FieldType == typeof(string) ? "" : constant.FieldType == typeof(float) ? "(double)" : "(unsigned long long)";
            program.Append($"    printf(\"const {constant.Name} {format}\\n\", {cast}({constant.Name}));\n");
        }
        program.Append("    return 0;\n}\n");

        string scratch = Directory.CreateTempSubdirectory("reel-vk-layout-").FullName;
        try
        {
            string source = Path.Combine(scratch, "probe.c");
            string binary = Path.Combine(scratch, "probe");
            File.WriteAllText(source, program.ToString());
            RunProcess(Compiler, $"-std=c11 -O0 -w -I{IncludeRoot} -o {binary} {source}");
            string output = RunProcess(binary, "");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = line.Split(' ', 3);
                values[parts[0] + " " + parts[1]] = parts[2];
            }
            return new Result(values, probedStructs, probedEnumerants, probedConstants);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static string RunProcess(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}:\n{stderr}");
        return stdout.Result;
    }

    /// <summary>What the probe printed, and what it asked about.</summary>
    public sealed record Result(
        IReadOnlyDictionary<string, string> Values,
        IReadOnlyList<Type> Structs,
        IReadOnlyList<(Type Enum, string Name)> Enumerants,
        IReadOnlyList<FieldInfo> Constants);

    [GeneratedRegex(@"typedef (struct|union) (\w+) \{")]
    private static partial Regex StructDeclaration();

    [GeneratedRegex(@"VK_DEFINE(?:_NON_DISPATCHABLE)?_HANDLE\((\w+)\)")]
    private static partial Regex HandleDeclaration();

    [GeneratedRegex(@"^\s+((?:VK|STD_VIDEO)_\w+) = ", RegexOptions.Multiline)]
    private static partial Regex Enumerant();

    [GeneratedRegex(@"^static const \w+ (VK_\w+) = ", RegexOptions.Multiline)]
    private static partial Regex FlagConstant();

    [GeneratedRegex(@"^#define ((?:VK|STD_VIDEO)_\w+)[ \t]", RegexOptions.Multiline)]
    private static partial Regex Define();

    [GeneratedRegex(@"^#include ""(vk_video/[\w.]+)""", RegexOptions.Multiline)]
    private static partial Regex StdInclude();

    [GeneratedRegex(@"^#include ""(vulkan_video_[\w.]+)""", RegexOptions.Multiline)]
    private static partial Regex LocalInclude();

    [GeneratedRegex(@"#ifdef VK_ENABLE_BETA_EXTENSIONS.*?#endif", RegexOptions.Singleline)]
    private static partial Regex BetaBlock();

    [GeneratedRegex(@"^VK_HEADER_VERSION|_SPEC_VERSION$")]
    private static partial Regex VersionDependent();
}
