using System;
using System.Collections.Generic;
using System.Linq;
using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Selection;

/// <summary>
/// Computes what to emit: the types reachable from the selected commands and types through
/// members, parameters, bitmask bits and aliases; the enumerants of the core versions and
/// the selected extensions; the constants array sizes need; the ways to load each command.
/// Fails, naming the entry, when the selection asks for something outside its scope.
/// </summary>
internal sealed class SelectionResolver
{
    /// <summary>C types the emitters map to C# keywords; never emitted.</summary>
    public static readonly IReadOnlySet<string> Primitives = new HashSet<string>(StringComparer.Ordinal)
    {
        "void", "char", "float", "double", "int", "size_t",
        "int8_t", "uint8_t", "int16_t", "uint16_t", "int32_t", "uint32_t", "int64_t", "uint64_t",
    };

    private readonly VulkanRegistry _registry;
    private readonly SelectionFile _selection;
    private readonly List<RegistryFeature> _scope;
    private readonly HashSet<string> _selectedExtensions;
    private readonly SortedDictionary<string, RegistryType> _reached = new(StringComparer.Ordinal);
    private readonly HashSet<string> _arraySizeNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _provided = new(StringComparer.Ordinal);

    private SelectionResolver(VulkanRegistry registry, SelectionFile selection)
    {
        _registry = registry;
        _selection = selection;
        _selectedExtensions = new HashSet<string>(StringComparer.Ordinal);
        foreach (SelectionFile.Entry entry in selection.Extensions)
        {
            RegistryFeature? extension = registry.Features.FirstOrDefault(f => f.IsExtension && f.Name == entry.Name);
            if (extension is null)
                throw new RegistryException($"selection line {entry.Line}: extension {entry.Name} is not in vk.xml");
            if (extension.Supported is null || !extension.Supported.Split(',').Contains("vulkan"))
                throw new RegistryException($"selection line {entry.Line}: extension {entry.Name} is not supported for the vulkan API ({extension.Supported})");
            _selectedExtensions.Add(entry.Name);
        }
        // Core versions always, then the selected extensions, both in registry order.
        _scope = registry.Features.Where(f => !f.IsExtension || _selectedExtensions.Contains(f.Name)).ToList();
        foreach (RequireBlock block in _scope.SelectMany(f => f.Requires))
        {
            foreach (string name in block.Types)
                _provided.Add(registry.Types.ContainsKey(name) ? registry.ResolveType(name).Name : name);
        }
    }

    /// <summary>Resolves <paramref name="selection"/> against <paramref name="registry"/>.</summary>
    public static ResolvedSelection Resolve(VulkanRegistry registry, SelectionFile selection) =>
        new SelectionResolver(registry, selection).Run();

    /// <summary>Whether a name in a depends expression holds in this scope: every core version, the selected extensions.</summary>
    public bool InScope(string name)
    {
        string head = name.Split("::")[0];
        return head.Contains("_VERSION_", StringComparison.Ordinal) || _selectedExtensions.Contains(head);
    }

    private ResolvedSelection Run()
    {
        var commands = _selection.Commands.Select(ResolveCommand).OrderBy(c => c.Command.Name, StringComparer.Ordinal).ToList();
        foreach (SelectedCommand command in commands)
        {
            Reach(command.Command.Proto!, command.Command.Name);
            foreach (CDeclaration parameter in command.Command.Parameters)
                Reach(parameter, command.Command.Name);
        }
        foreach (SelectionFile.Entry entry in _selection.Types)
        {
            if (!_registry.Types.TryGetValue(entry.Name, out RegistryType? type))
                throw new RegistryException($"selection line {entry.Line}: type {entry.Name} is not in vk.xml or video.xml");
            if (type.Alias is not null)
                throw new RegistryException($"selection line {entry.Line}: {entry.Name} is an alias; list {_registry.ResolveType(entry.Name).Name}");
            ReachType(entry.Name, $"selection line {entry.Line}");
        }

        var enums = _reached.Values.Where(t => t.Category == TypeCategory.Enum)
            .Select(t => (Group: GroupOf(t.Name), Values: ValuesInScope(GroupOf(t.Name))))
            .ToList();
        var structs = _reached.Values.Where(t => t.Category is TypeCategory.Struct or TypeCategory.Union).ToList();
        CheckProvided();
        CheckStructureTypes(structs, enums);

        var constantsByName = ConstantPool();
        return new ResolvedSelection
        {
            Registry = _registry,
            Emitted = _reached.Keys.ToHashSet(StringComparer.Ordinal),
            Structs = structs,
            Handles = _reached.Values.Where(t => t.Category == TypeCategory.Handle).ToList(),
            Enums = enums.Select(e => (e.Group, (IReadOnlyList<EnumValue>)e.Values)).ToList(),
            Commands = commands,
            Extensions = _scope.Where(f => f.IsExtension).ToList(),
            Constants = SelectConstants(constantsByName),
            ExtensionConstants = ExtensionConstants(),
            ConstantsByName = constantsByName,
        };
    }

    private SelectedCommand ResolveCommand(SelectionFile.Entry entry)
    {
        if (!_registry.Commands.TryGetValue(entry.Name, out RegistryCommand? command))
            throw new RegistryException($"selection line {entry.Line}: command {entry.Name} is not in vk.xml");
        if (command.Alias is not null)
            throw new RegistryException($"selection line {entry.Line}: {entry.Name} is an alias; list {_registry.ResolveCommand(entry.Name).Name}");
        var names = _registry.Commands.Values
            .Where(c => c.Name == command.Name || (c.Alias is not null && _registry.ResolveCommand(c.Name) == command))
            .Select(c => c.Name)
            .ToHashSet(StringComparer.Ordinal);
        var sources = new List<CommandSource>();
        foreach (RegistryFeature feature in _scope)
        {
            foreach (RequireBlock block in feature.Requires)
            {
                string? entryPoint = block.Commands.FirstOrDefault(names.Contains);
                if (entryPoint is not null && (block.Depends is null || DependsExpression.Evaluate(block.Depends, InScope)))
                    sources.Add(new CommandSource(entryPoint, feature, block.Depends));
            }
        }
        if (sources.Count == 0)
        {
            var providers = _registry.Features.Where(f => f.Requires.Any(b => b.Commands.Any(names.Contains))).Select(f => f.Name);
            throw new RegistryException($"selection line {entry.Line}: command {entry.Name} comes only from {string.Join(", ", providers)}; list one of them as an extension");
        }
        return new SelectedCommand(command, LevelOf(command), sources);
    }

    private static CommandLevel LevelOf(RegistryCommand command)
    {
        if (command.Name == "vkGetDeviceProcAddr")
            return CommandLevel.Instance;
        CDeclaration? first = command.Parameters.FirstOrDefault();
        if (first is null || first.PointerDepth != 0 || command.Name == "vkGetInstanceProcAddr")
            return CommandLevel.Global;
        return first.TypeName switch
        {
            "VkDevice" or "VkQueue" or "VkCommandBuffer" => CommandLevel.Device,
            "VkInstance" or "VkPhysicalDevice" => CommandLevel.Instance,
            _ => CommandLevel.Global,
        };
    }

    private void Reach(CDeclaration declaration, string from)
    {
        foreach (string dimension in declaration.ArrayDimensions)
        {
            if (!char.IsDigit(dimension[0]))
                _arraySizeNames.Add(dimension);
        }
        ReachType(declaration.TypeName, from);
    }

    private void ReachType(string name, string from)
    {
        if (Primitives.Contains(name) || _reached.ContainsKey(name))
            return;
        if (!_registry.Types.TryGetValue(name, out RegistryType? type))
            throw new RegistryException($"{from} uses type {name}, which is not in vk.xml or video.xml");
        if (type.Alias is not null)
        {
            ReachType(_registry.ResolveType(name).Name, from);
            return;
        }
        switch (type.Category)
        {
            case TypeCategory.Struct or TypeCategory.Union:
                _reached.Add(name, type);
                foreach (CDeclaration member in type.Members)
                    Reach(member, name);
                break;
            case TypeCategory.FuncPointer:
                _reached.Add(name, type);
                Reach(type.Proto!, name);
                foreach (CDeclaration parameter in type.Parameters)
                    Reach(parameter, name);
                break;
            case TypeCategory.Handle or TypeCategory.Enum:
                _reached.Add(name, type);
                break;
            case TypeCategory.Bitmask:
                _reached.Add(name, type);
                // Bits that only an unselected extension defines (VkVideoEncodeFlagBitsKHR) are
                // left out; the bitmask is then a plain integer.
                if (type.FlagBits is not null && _provided.Contains(_registry.ResolveType(type.FlagBits).Name))
                    ReachType(type.FlagBits, name);
                break;
            case TypeCategory.Basetype when type.Underlying is not null:
                _reached.Add(name, type);
                ReachType(type.Underlying.TypeName, name);
                break;
            default:
                throw new RegistryException($"{from} uses {name} ({type.Category}{(type.Comment is null ? "" : ", " + type.Comment)}), which cannot be emitted as a blittable C# type");
        }
    }

    private EnumGroup GroupOf(string name) =>
        _registry.EnumGroups.TryGetValue(name, out EnumGroup? group)
            ? group
            // A FlagBits type declared for future use has no <enums> block yet.
            : new EnumGroup { Name = name, Kind = name.Contains("FlagBits", StringComparison.Ordinal) ? "bitmask" : "enum", BitWidth = 32, Source = "vk.xml", Values = [] };

    /// <summary>The group's own values, then those the in-scope features add, first definition of a name wins.</summary>
    private List<EnumValue> ValuesInScope(EnumGroup group)
    {
        var values = new List<EnumValue>();
        var seen = new Dictionary<string, EnumValue>(StringComparer.Ordinal);
        void Add(EnumValue value)
        {
            if (seen.TryGetValue(value.Name, out EnumValue? earlier))
            {
                if (earlier.Value != value.Value || earlier.Alias != value.Alias)
                    throw new RegistryException($"{group.Name}.{value.Name} is defined twice with different values");
                return;
            }
            seen.Add(value.Name, value);
            values.Add(value);
        }
        foreach (EnumValue value in group.Values)
            Add(value);
        IEnumerable<RegistryFeature> features = group.Source == "video.xml" ? _registry.VideoHeaders : _scope;
        foreach (RegistryFeature feature in features)
        {
            foreach (RequireBlock block in feature.Requires.Where(b => b.Depends is null || DependsExpression.Evaluate(b.Depends, InScope)))
            {
                foreach (EnumValue value in block.Enums.Where(v => v.Extends == group.Name))
                    Add(value);
            }
        }
        // An alias whose target is outside the scope would not compile; such names are dropped.
        return values.Where(v => v.Alias is null || seen.ContainsKey(v.Alias)).ToList();
    }

    /// <summary>Every emitted vk.xml type must be required by a core version or a selected extension.</summary>
    private void CheckProvided()
    {
        foreach (RegistryType type in _reached.Values.Where(t => t.Source == "vk.xml" && t.Category is not TypeCategory.Basetype))
        {
            if (_provided.Contains(type.Name))
                continue;
            var providers = _registry.Features
                .Where(f => f.Requires.Any(b => b.Types.Any(n => _registry.Types.ContainsKey(n) && _registry.ResolveType(n).Name == type.Name)))
                .Select(f => f.Name);
            throw new RegistryException($"type {type.Name} is reached but only {string.Join(", ", providers)} provide it; list one of them as an extension");
        }
    }

    /// <summary>Every emitted struct's sType value must be an emitted VkStructureType enumerant.</summary>
    private static void CheckStructureTypes(IEnumerable<RegistryType> structs, List<(EnumGroup Group, List<EnumValue> Values)> enums)
    {
        var structureTypes = enums.Where(e => e.Group.Name == "VkStructureType").SelectMany(e => e.Values).Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (RegistryType type in structs)
        {
            CDeclaration? sType = type.Members.FirstOrDefault(m => m.Name == "sType" && m.Values is not null);
            if (sType is not null && !structureTypes.Contains(sType.Values!.Split(',')[0]))
                throw new RegistryException($"{type.Name}.sType is {sType.Values}, which no core version or selected extension defines");
        }
    }

    /// <summary>API constants and the constants of every Std header, by name.</summary>
    private Dictionary<string, EnumValue> ConstantPool()
    {
        var pool = new Dictionary<string, EnumValue>(StringComparer.Ordinal);
        foreach (EnumValue value in _registry.EnumGroups["API Constants"].Values)
            pool[value.Name] = value;
        foreach (RequireBlock block in _registry.VideoHeaders.SelectMany(h => h.Requires))
        {
            foreach (EnumValue value in block.Enums.Where(v => v.Extends is null && v.Value is not null))
                pool[value.Name] = value;
        }
        return pool;
    }

    private List<EnumValue> SelectConstants(Dictionary<string, EnumValue> pool)
    {
        var names = new SortedSet<string>(_arraySizeNames, StringComparer.Ordinal);
        foreach (SelectionFile.Entry entry in _selection.Constants)
        {
            if (!pool.ContainsKey(entry.Name))
                throw new RegistryException($"selection line {entry.Line}: constant {entry.Name} is not an API or Std video constant");
            names.Add(entry.Name);
        }
        foreach (RegistryFeature header in ReachedVideoHeaders())
        {
            foreach (EnumValue value in header.Requires.SelectMany(b => b.Enums).Where(v => v.Extends is null && v.Value is not null))
                names.Add(value.Name);
        }
        return names.Select(n => pool.TryGetValue(n, out EnumValue? v) ? v : throw new RegistryException($"array size {n} is not a known constant")).ToList();
    }

    private IEnumerable<RegistryFeature> ReachedVideoHeaders() =>
        _registry.VideoHeaders.Where(h => h.Requires.Any(b => b.Types.Any(_reached.ContainsKey)));

    /// <summary>*_SPEC_VERSION and *_EXTENSION_NAME of the selected extensions and reached Std headers.</summary>
    private List<(RegistryFeature, EnumValue)> ExtensionConstants()
    {
        var list = new List<(RegistryFeature, EnumValue)>();
        foreach (RegistryFeature feature in _scope.Where(f => f.IsExtension).Concat(ReachedVideoHeaders()))
        {
            foreach (EnumValue value in feature.Requires.SelectMany(b => b.Enums))
            {
                bool named = value.Name.EndsWith("_SPEC_VERSION", StringComparison.Ordinal) || value.Name.EndsWith("_EXTENSION_NAME", StringComparison.Ordinal);
                if (named && value.Extends is null && value.Alias is null)
                    list.Add((feature, value));
            }
        }
        return list;
    }
}
