using System.Linq;
using Reel.VulkanGen.Emit;
using Reel.VulkanGen.Registry;
using Reel.VulkanGen.Selection;

namespace Reel.VulkanGen;

/// <summary>
/// Registry + selection in, the files of src/Reel.Vulkan/Generated out. The output depends
/// only on the two inputs (ordinal order everywhere, no dates), so it is reproducible byte for byte.
/// </summary>
public static class VulkanGenerator
{
    /// <summary>The generated files (relative path → content) for the registry in <paramref name="registryDirectory"/>.</summary>
    public static System.Collections.Generic.IReadOnlyDictionary<string, string> Generate(string registryDirectory, string selectionPath) =>
        GenerateFiles(registryDirectory, selectionPath).Files;

    /// <summary>The generated output, with the operations to write or compare it.</summary>
    internal static GeneratedFiles GenerateFiles(string registryDirectory, string selectionPath)
    {
        VulkanRegistry registry = RegistryReader.Read(registryDirectory);
        ResolvedSelection selection = SelectionResolver.Resolve(registry, SelectionFile.Read(selectionPath));
        string version = registry.Version;
        var types = new TypeMapper(registry, selection.Emitted);
        var files = new GeneratedFiles();

        files.Add("NativeTypeNameAttribute.cs", AttributeEmitter.Emit(version));
        files.Add("VkConstants.cs", ConstantsEmitter.Emit(selection, version));
        foreach (RegistryType handle in selection.Handles)
            files.Add($"Handles/{handle.Name}.cs", HandleEmitter.Emit(handle, version));
        foreach (var (group, values) in selection.Enums)
            files.Add($"{Folder(group.Source, "Enums")}/{group.Name}.cs", EnumEmitter.Emit(group, values, version));
        var structs = new StructEmitter(types, selection.ConstantsByName, version);
        foreach (RegistryType type in selection.Structs)
            files.Add($"{Folder(type.Source, "Structs")}/{type.Name}.cs", structs.Emit(type));
        var tables = new CommandTableEmitter(types, version);
        foreach (CommandLevel level in new[] { CommandLevel.Global, CommandLevel.Instance, CommandLevel.Device })
        {
            var commands = selection.Commands.Where(c => c.Level == level).ToList();
            files.Add($"Commands/{CommandTableEmitter.TableName(level)}.cs", tables.Emit(level, commands));
        }
        return files;
    }

    /// <summary>Std video types (video.xml) live apart from the Vulkan API types.</summary>
    private static string Folder(string source, string category) => source == "video.xml" ? "StdVideo" : category;
}
