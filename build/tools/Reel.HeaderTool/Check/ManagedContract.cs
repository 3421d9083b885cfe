using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Reel.HeaderTool.Check;

/// <summary>
/// The C# side of the contract, read by reflection from the IL of libreel (src/Reel.Native)
/// and the assemblies it references: the [UnmanagedCallersOnly] exports and the types marked
/// [CType] that mirror header structs and enums.
/// </summary>
public sealed class ManagedContract
{
    private const string CTypeAttributeName = "Reel.Abi.CTypeAttribute";

    private ManagedContract(
        Dictionary<string, MethodInfo> exports,
        Dictionary<string, Type> mirrors,
        Dictionary<string, long> versionConstants)
    {
        Exports = exports;
        Mirrors = mirrors;
        VersionConstants = versionConstants;
    }

    /// <summary>Export name to the method behind it.</summary>
    public IReadOnlyDictionary<string, MethodInfo> Exports { get; }

    /// <summary>C type name to the C# type that mirrors it.</summary>
    public IReadOnlyDictionary<string, Type> Mirrors { get; }

    /// <summary>REEL_VERSION_MAJOR/MINOR/PATCH as the C# code has them.</summary>
    public IReadOnlyDictionary<string, long> VersionConstants { get; }

    /// <summary>Loads the IL assembly at <paramref name="assemblyPath"/> (libreel.dll) and what it references beside it.</summary>
    public static ManagedContract Load(string assemblyPath)
    {
        string fullPath = Path.GetFullPath(assemblyPath);
        if (!File.Exists(fullPath))
            throw new FileNotFoundException($"assembly not found: {fullPath} (run build/build.sh)", fullPath);
        Assembly root = Assembly.LoadFrom(fullPath);
        string directory = Path.GetDirectoryName(fullPath)!;
        var assemblies = new List<Assembly> { root };
        foreach (AssemblyName reference in root.GetReferencedAssemblies())
        {
            string beside = Path.Combine(directory, reference.Name + ".dll");
            if (File.Exists(beside))
                assemblies.Add(Assembly.LoadFrom(beside));
        }

        var exports = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (Type type in root.GetTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<UnmanagedCallersOnlyAttribute>() is { EntryPoint: { } entryPoint })
                    exports[entryPoint] = method;
            }
        }

        var mirrors = new Dictionary<string, Type>(StringComparer.Ordinal);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (Type type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (CTypeName(type) is { } name)
                mirrors[name] = type;
            if (type.FullName == "Reel.Abi.ReelVersion")
            {
                foreach (string part in new[] { "Major", "Minor", "Patch" })
                {
                    if (type.GetField(part)?.GetRawConstantValue() is { } value)
                        versions["REEL_VERSION_" + part.ToUpperInvariant()] = Convert.ToInt64(value);
                }
            }
        }
        return new ManagedContract(exports, mirrors, versions);
    }

    /// <summary>The C name a [CType] attribute gives a type, or null.</summary>
    public static string? CTypeName(Type type) => CTypeArgument(type, null);

    /// <summary>The enumerator prefix a [CType] attribute gives an enum ("" if none).</summary>
    public static string MemberPrefix(Type type) => CTypeArgument(type, "MemberPrefix") ?? "";

    private static string? CTypeArgument(Type type, string? named)
    {
        // Compared by name so that the check does not depend on which copy of Reel.dll is loaded.
        CustomAttributeData? data = type.CustomAttributes.FirstOrDefault(a => a.AttributeType.FullName == CTypeAttributeName);
        if (data is null)
            return null;
        if (named is null)
            return data.ConstructorArguments[0].Value as string;
        return data.NamedArguments.FirstOrDefault(a => a.MemberName == named).TypedValue.Value as string;
    }
}
