using System;
using System.Collections.Generic;
using System.Linq;
using Reel.VulkanGen.Registry;
using Reel.VulkanGen.Selection;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// The loader tables: one struct of <c>delegate* unmanaged</c> fields per level (global,
/// instance, device) and a Load method that asks vkGetInstanceProcAddr / vkGetDeviceProcAddr
/// for each entry point only when a source of it is enabled: a core version at most the API
/// version, or an enabled extension (under the name that extension gives it). Entry points
/// left null are reported, so a caller knows what it cannot call.
/// </summary>
internal sealed class CommandTableEmitter
{
    private readonly TypeMapper _types;
    private readonly string _version;

    /// <summary>An emitter mapping signatures with <paramref name="types"/>, stamping registry <paramref name="version"/>.</summary>
    public CommandTableEmitter(TypeMapper types, string version)
    {
        _types = types;
        _version = version;
    }

    /// <summary>The struct's name for a level.</summary>
    public static string TableName(CommandLevel level) => $"Vk{level}Commands";

    /// <summary>The source of the table for <paramref name="level"/> holding <paramref name="commands"/> (sorted by name).</summary>
    public string Emit(CommandLevel level, IReadOnlyList<SelectedCommand> commands)
    {
        string table = TableName(level);
        string procAddr = level == CommandLevel.Device
            ? "delegate* unmanaged<VkDevice, byte*, delegate* unmanaged<void>>"
            : "delegate* unmanaged<VkInstance, byte*, delegate* unmanaged<void>>";
        string ownerType = level == CommandLevel.Device ? "VkDevice" : "VkInstance";
        string ownerArg = level == CommandLevel.Device ? "device" : level == CommandLevel.Instance ? "instance" : "default";

        var w = new SourceWriter("vk.xml", _version, ["System", "System.Collections.Generic"]);
        w.Summary(level switch
        {
            CommandLevel.Global => "Global entry points (no dispatchable object), loaded through vkGetInstanceProcAddr(NULL, name).",
            CommandLevel.Instance => "Instance and physical-device entry points, loaded through vkGetInstanceProcAddr(instance, name).",
            _ => "Device, queue and command buffer entry points, loaded through vkGetDeviceProcAddr(device, name).",
        });
        w.Line($"public unsafe partial struct {table}");
        w.Open();
        foreach (SelectedCommand command in commands)
        {
            w.Summary($"{command.Command.Name}: {Describe(command)}.");
            w.Line($"[NativeTypeName(\"PFN_{command.Command.Name}\")]");
            w.Line($"public {Signature(command)} {command.Command.Name};");
            w.Line();
        }

        string parameters = level switch
        {
            CommandLevel.Global => $"{procAddr} getInstanceProcAddr, ICollection<string> missing",
            CommandLevel.Instance => $"{procAddr} getInstanceProcAddr, VkInstance instance, uint apiVersion, IReadOnlySet<string> extensions, ICollection<string> missing",
            _ => $"{procAddr} getDeviceProcAddr, VkDevice device, uint apiVersion, IReadOnlySet<string> extensions, ICollection<string> missing",
        };
        string getter = level == CommandLevel.Device ? "getDeviceProcAddr" : "getInstanceProcAddr";
        w.Line("/// <summary>");
        w.Line(level == CommandLevel.Global
            ? "/// Loads every entry point; the names of those the loader does not provide are added to <paramref name=\"missing\"/>."
            : "/// Loads the entry points whose core version is at most <paramref name=\"apiVersion\"/> or whose extension is in <paramref name=\"extensions\"/>;");
        if (level != CommandLevel.Global)
            w.Line("/// the names of those left null are added to <paramref name=\"missing\"/>.");
        w.Line("/// </summary>");
        w.Line($"public void Load({parameters})");
        w.Open();
        bool first = true;
        foreach (SelectedCommand command in commands)
        {
            if (!first)
                w.Line();
            first = false;
            WriteLoad(w, level, command, getter, ownerArg);
        }
        w.Close();
        w.Line();
        w.Summary("Asks the loader for one entry point; the name must end in NUL.");
        w.Line($"private static delegate* unmanaged<void> Get({procAddr} getProcAddr, {ownerType} owner, ReadOnlySpan<byte> name)");
        w.Open();
        w.Line("fixed (byte* p = name)");
        w.Line("    return getProcAddr(owner, p);");
        w.Close();
        w.Close();
        return w.ToString();
    }

    private string Signature(SelectedCommand command) =>
        _types.FunctionPointer(command.Command.Proto!, command.Command.Parameters);

    private static string Describe(SelectedCommand command) =>
        string.Join(", or ", command.Sources.Select(s =>
            (s.Feature.IsExtension ? s.Feature.Name : "Vulkan " + s.Feature.Version)
            + (s.EntryPoint == command.Command.Name ? "" : $" as {s.EntryPoint}")
            + (s.Depends is null ? "" : $" (with {s.Depends})")).Distinct());

    /// <summary>Writes the loading of one command: each source in turn while the field is still null, then the missing report.</summary>
    private void WriteLoad(SourceWriter w, CommandLevel level, SelectedCommand command, string getter, string owner)
    {
        string name = command.Command.Name;
        string cast = $"({Signature(command)})";
        if (name == "vkGetInstanceProcAddr" && level == CommandLevel.Global)
        {
            w.Line($"{name} = {getter};");
            return;
        }
        var conditions = command.Sources.Select(s => (s.EntryPoint, Condition: level == CommandLevel.Global ? null : Condition(level, s))).Distinct().ToList();
        for (int i = 0; i < conditions.Count; i++)
        {
            var (entryPoint, condition) = conditions[i];
            string load = $"{name} = {cast}Get({getter}, {owner}, \"{entryPoint}\\0\"u8);";
            if (i == 0 && condition is null)
            {
                w.Line(load);
                continue;
            }
            if (i == 0)
                w.Line($"{name} = null;");
            string test = string.Join(" && ", new[] { i == 0 ? null : $"{name} == null", condition }.OfType<string>());
            w.Line($"if ({test})");
            w.Line("    " + load);
        }
        w.Line($"if ({name} == null)");
        w.Line($"    missing.Add(\"{name}\");");
    }

    /// <summary>
    /// The C# condition under which a source is enabled. An instance-level command of a device
    /// extension (vkGetPhysicalDeviceVideoCapabilitiesKHR) is always asked for: whether a
    /// physical device supports it is known only per device, when the caller checks its extensions.
    /// </summary>
    private static string? Condition(CommandLevel level, CommandSource source)
    {
        var parts = new List<string>();
        RegistryFeature feature = source.Feature;
        if (!feature.IsExtension)
        {
            if (feature.Version != "1.0")
                parts.Add(VersionTest(feature.Version!));
        }
        else if (!(level == CommandLevel.Instance && feature.ExtensionType == "device"))
        {
            parts.Add($"extensions.Contains(\"{feature.Name}\")");
        }
        if (source.Depends is not null)
            parts.Add(DependsExpression.Rewrite(source.Depends, Term));
        return parts.Count == 0 ? null : string.Join(" && ", parts);
    }

    /// <summary>A name of a depends expression as C#: a version test or an extension lookup.</summary>
    private static string Term(string name)
    {
        string head = name.Split("::")[0];
        int at = head.IndexOf("_VERSION_", StringComparison.Ordinal);
        return at >= 0 ? VersionTest(head[(at + "_VERSION_".Length)..].Replace('_', '.')) : $"extensions.Contains(\"{head}\")";
    }

    private static string VersionTest(string version) => $"apiVersion >= VkConstants.VK_API_VERSION_{version.Replace('.', '_')}";
}
