using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace Reel.Vulkan.Tests.Layout;

/// <summary>
/// Asks gcc what the Vulkan C headers say about the Silk.NET.Vulkan types Reel uses: a C
/// program, written from those types' C names, prints sizeof and offsetof of every struct,
/// union and handle the headers declare, the values of their enumerants, and the extension
/// name macros. Debian 12's headers are Vulkan 1.3.239 while Silk.NET.Vulkan 2.23.0 is
/// generated from 1.4.336, so only names the headers declare are probed; the rest are
/// reported per name (see <see cref="Declares"/>). vulkan_beta.h is left out: its provisional
/// encode structs of 1.3.239 have other names and layouts than the final ones.
/// </summary>
internal static partial class CLayoutProbe
{
    /// <summary>
    /// The include directory holding vulkan/ and vk_video/: Debian's /usr/include, or the
    /// headers named by REEL_VULKAN_HEADERS (e.g. Vulkan-Headers 1.4.336, to cover AV1 and encode too).
    /// </summary>
    public static string IncludeRoot { get; } = Environment.GetEnvironmentVariable("REEL_VULKAN_HEADERS") is { Length: > 0 } root ? root : "/usr/include";

    /// <summary>gcc; clang (same SysV x86-64 layout rules) where gcc is not installed.</summary>
    public static string Compiler { get; } = OnPath("gcc") ? "gcc" : "clang";

    /// <summary>vulkan_core.h and the Std video headers it includes (those of final extensions only).</summary>
    public static IReadOnlyList<string> Headers { get; } = FindHeaders();

    /// <summary>VK_HEADER_VERSION of the headers.</summary>
    public static string HeaderVersion { get; } = ReadHeaderVersion();

    private static readonly string s_headerText = BetaBlock().Replace(string.Concat(Headers.Select(File.ReadAllText)), "");
    private static readonly HashSet<string> s_types = StructDeclaration().Matches(s_headerText).Select(m => m.Groups[2].Value)
        .Concat(HandleDeclaration().Matches(s_headerText).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> s_enumerants = Enumerant().Matches(s_headerText).Select(m => m.Groups[1].Value)
        .Concat(FlagConstant().Matches(s_headerText).Select(m => m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);
    private static readonly HashSet<string> s_defines = Define().Matches(s_headerText).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the headers declare the struct, union or handle <paramref name="cName"/>.</summary>
    public static bool Declares(string cName) => s_types.Contains(cName);

    /// <summary>Whether the headers declare the enumerant (or flag constant) <paramref name="cName"/>.</summary>
    public static bool DeclaresEnumerant(string cName) => s_enumerants.Contains(cName);

    /// <summary>Whether the headers #define <paramref name="macro"/>.</summary>
    public static bool Defines(string macro) => s_defines.Contains(macro);

    /// <summary>
    /// Compiles and runs the probe; returns "size VkX", "offset VkX.member", "enum VK_Y" and
    /// "define VK_Z" → the value gcc printed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Run(IEnumerable<Type> structs, IEnumerable<Type> enums, IEnumerable<string> macros)
    {
        var program = new StringBuilder();
        program.Append("#include <stdio.h>\n#include <stddef.h>\n#include <vulkan/vulkan_core.h>\n\nint main(void)\n{\n");
        foreach (Type type in structs)
        {
            string name = ReelVulkanTypes.CName(type);
            if (!Declares(name))
                continue;
            program.Append($"    printf(\"size {name} %zu\\n\", sizeof({name}));\n");
            if (ReelVulkanTypes.IsHandle(type))
                continue;
            foreach ((FieldInfo _, string member) in ReelVulkanTypes.Fields(type))
            {
                if (member.Length > 0)
                    program.Append($"    printf(\"offset {name}.{member} %zu\\n\", offsetof({name}, {member}));\n");
            }
        }
        foreach (Type type in enums)
        {
            foreach (FieldInfo member in type.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                string name = ReelVulkanTypes.CName(member);
                if (DeclaresEnumerant(name))
                    program.Append($"    printf(\"enum {name} %lld\\n\", (long long){name});\n");
            }
        }
        foreach (string macro in macros.Where(Defines))
            program.Append($"    printf(\"define {macro} %s\\n\", {macro});\n");
        program.Append("    return 0;\n}\n");

        string scratch = Directory.CreateTempSubdirectory("reel-vk-layout-").FullName;
        try
        {
            string source = Path.Combine(scratch, "probe.c");
            string binary = Path.Combine(scratch, "probe");
            File.WriteAllText(source, program.ToString());
            RunProcess(Compiler, $"-std=c11 -O0 -w -I{IncludeRoot} -o {binary} {source}");
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in RunProcess(binary, "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                string[] parts = line.Split(' ', 3);
                values[parts[0] + " " + parts[1]] = parts[2];
            }
            return values;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The *_EXTENSION_NAME macro whose value is <paramref name="extension"/>, or null when the headers have none.</summary>
    public static string? ExtensionMacro(string extension) =>
        ExtensionNameDefine().Matches(s_headerText).FirstOrDefault(m => m.Groups[2].Value == extension)?.Groups[1].Value;

    private static string ReadHeaderVersion()
    {
        string core = File.ReadAllText(Headers[0]);
        Match patch = HeaderVersionDefine().Match(core);
        Match complete = HeaderVersionComplete().Match(core);
        return patch.Success && complete.Success ? $"{complete.Groups[1].Value}.{complete.Groups[2].Value}.{patch.Groups[1].Value}" : "of unknown version";
    }

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

    [GeneratedRegex(@"^#define VK_HEADER_VERSION (\d+)", RegexOptions.Multiline)]
    private static partial Regex HeaderVersionDefine();

    [GeneratedRegex(@"^#define VK_HEADER_VERSION_COMPLETE VK_MAKE_API_VERSION\(0, (\d+), (\d+), VK_HEADER_VERSION\)", RegexOptions.Multiline)]
    private static partial Regex HeaderVersionComplete();

    [GeneratedRegex(@"^#define (VK_\w+_EXTENSION_NAME)\s+""([\w]+)""", RegexOptions.Multiline)]
    private static partial Regex ExtensionNameDefine();

    [GeneratedRegex(@"^#include ""(vk_video/[\w.]+)""", RegexOptions.Multiline)]
    private static partial Regex StdInclude();

    [GeneratedRegex(@"^#include ""(vulkan_video_[\w.]+)""", RegexOptions.Multiline)]
    private static partial Regex LocalInclude();

    [GeneratedRegex(@"#ifdef VK_ENABLE_BETA_EXTENSIONS.*?#endif", RegexOptions.Singleline)]
    private static partial Regex BetaBlock();
}
