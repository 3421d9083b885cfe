using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.HeaderTool.Model;

namespace Reel.HeaderTool.Check;

/// <summary>
/// Compares include/reel.h with libreel and reports every place where they drift apart.
/// An empty list means the header is the library's contract.
/// </summary>
public static class ContractChecker
{
    /// <summary>Enumerators that only force a 32-bit enum; they have no C# member and need no doc.</summary>
    private const string MaxEnumSuffix = "_MAX_ENUM";

    /// <summary>
    /// Runs every check. <paramref name="exportsFile"/> (ILC's version script) and
    /// <paramref name="librarySymbols"/> (nm of libreel.so) may be null when not available.
    /// </summary>
    public static IReadOnlyList<string> Check(
        HeaderModel header,
        ManagedContract managed,
        IReadOnlyList<string>? exportsFile,
        IReadOnlyList<ExportedSymbols.DynamicSymbol>? librarySymbols)
    {
        var findings = new List<string>();
        var declared = header.Functions.Select(f => f.Name).ToList();

        CompareNames(findings, declared, managed.Exports.Keys, "has no [UnmanagedCallersOnly] export in src/Reel.Native", "is an [UnmanagedCallersOnly] export of src/Reel.Native");
        if (exportsFile is not null)
            CompareNames(findings, declared, exportsFile, "is missing from ILC's exports file", "is in ILC's exports file");
        if (librarySymbols is not null)
        {
            CompareNames(findings, declared, librarySymbols.Select(s => s.Name), "is not exported by libreel.so (nm -D)", "is exported by libreel.so (nm -D)");
            foreach (var symbol in librarySymbols.Where(s => !s.IsFunction))
                findings.Add($"libreel.so exports {symbol.Name} (nm kind '{symbol.Kind}'), which is not a function; the ABI is the reel_* functions only");
        }

        foreach (CFunction function in header.Functions)
        {
            if (managed.Exports.TryGetValue(function.Name, out MethodInfo? method))
                CompareSignature(findings, function, method);
        }

        CompareStructs(findings, header, managed);
        CompareEnums(findings, header, managed);
        CompareVersionMacros(findings, header, managed);
        CheckDocumentation(findings, header);
        return findings;
    }

    private static void CompareNames(List<string> findings, IReadOnlyList<string> declared, IEnumerable<string> actual, string missingText, string extraText)
    {
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        var declaredSet = declared.ToHashSet(StringComparer.Ordinal);
        foreach (string name in declared.Where(n => !actualSet.Contains(n)))
            findings.Add($"{name} is declared in reel.h but {missingText}");
        foreach (string name in actualSet.Where(n => !declaredSet.Contains(n)).Order(StringComparer.Ordinal))
            findings.Add($"{name} {extraText} but is not declared in reel.h");
    }

    private static void CompareSignature(List<string> findings, CFunction function, MethodInfo method)
    {
        if (AbiMatch.Mismatch(function.Return, method.ReturnType) is { } returnWhy)
            findings.Add($"{function.Name}: return type differs: {returnWhy}");
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.Length != function.Parameters.Count)
        {
            findings.Add($"{function.Name}: reel.h declares {function.Parameters.Count} parameter(s), the export takes {parameters.Length}");
            return;
        }
        for (int i = 0; i < parameters.Length; i++)
        {
            CParameter native = function.Parameters[i];
            if (AbiMatch.Mismatch(native.Type, parameters[i].ParameterType) is { } why)
                findings.Add($"{function.Name}: parameter {i + 1} ({native.Name}): {why}");
        }
    }

    private static void CompareStructs(List<string> findings, HeaderModel header, ManagedContract managed)
    {
        foreach (CStruct native in header.Structs)
        {
            if (!managed.Mirrors.TryGetValue(native.Name, out Type? mirror) || mirror.IsEnum)
            {
                findings.Add($"{native.Name} has no C# mirror: mark a struct in src/Reel.Native/Interop with [CType(\"{native.Name}\")]");
                continue;
            }
            if (!AbiMatch.HasFixedLayout(mirror))
            {
                findings.Add($"{native.Name}: mirror {mirror.FullName} needs [StructLayout(LayoutKind.Sequential)]");
                continue;
            }
            long size = Marshal.SizeOf(mirror);
            if (size != native.Size)
                findings.Add($"{native.Name}: sizeof is {native.Size} in reel.h but {size} in {mirror.FullName}");

            FieldInfo[] fields = mirror.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .OrderBy(f => AbiMatch.OffsetOf(mirror, f.Name)).ToArray();
            if (fields.Length != native.Fields.Count)
                findings.Add($"{native.Name}: reel.h has {native.Fields.Count} fields, {mirror.FullName} has {fields.Length}");
            for (int i = 0; i < Math.Min(fields.Length, native.Fields.Count); i++)
            {
                CField nativeField = native.Fields[i];
                FieldInfo field = fields[i];
                if (field.Name != nativeField.Name)
                {
                    findings.Add($"{native.Name}: field {i + 1} is {nativeField.Name} in reel.h but {field.Name} in {mirror.FullName}");
                    continue;
                }
                long offset = AbiMatch.OffsetOf(mirror, field.Name);
                if (offset != nativeField.Offset)
                    findings.Add($"{native.Name}.{field.Name}: offset {nativeField.Offset} in reel.h but {offset} in {mirror.FullName}");
                string? why = nativeField.Type is CArray array
                    ? AbiMatch.ArrayMismatch(array, field)
                    : AbiMatch.Mismatch(nativeField.Type, field.FieldType);
                if (why is not null)
                    findings.Add($"{native.Name}.{field.Name}: {why}");
            }
        }
        ReportOrphanMirrors(findings, managed, header.Structs.Select(s => s.Name).Concat(header.Enums.Select(e => e.Name)));
    }

    private static void CompareEnums(List<string> findings, HeaderModel header, ManagedContract managed)
    {
        foreach (CEnum native in header.Enums)
        {
            if (!managed.Mirrors.TryGetValue(native.Name, out Type? mirror) || !mirror.IsEnum)
            {
                findings.Add($"{native.Name} has no C# mirror: mark an enum with [CType(\"{native.Name}\", MemberPrefix = ...)]");
                continue;
            }
            if (Enum.GetUnderlyingType(mirror) != typeof(int))
                findings.Add($"{native.Name}: mirror {mirror.FullName} must be int-sized like a C enum");
            string prefix = ManagedContract.MemberPrefix(mirror);
            var managedMembers = mirror.GetFields(BindingFlags.Public | BindingFlags.Static)
                .ToDictionary(f => CNames.EnumMember(prefix, f.Name), f => Convert.ToInt64(f.GetRawConstantValue()), StringComparer.Ordinal);
            foreach (CEnumMember member in native.Members.Where(m => !m.Name.EndsWith(MaxEnumSuffix, StringComparison.Ordinal)))
            {
                if (!managedMembers.TryGetValue(member.Name, out long value))
                    findings.Add($"{native.Name}: {member.Name} = {member.Value} has no member in {mirror.FullName}");
                else if (value != member.Value)
                    findings.Add($"{native.Name}: {member.Name} is {member.Value} in reel.h but {value} in {mirror.FullName}");
            }
            var nativeNames = native.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            foreach (string name in managedMembers.Keys.Where(n => !nativeNames.Contains(n)))
                findings.Add($"{native.Name}: {mirror.FullName} has a member for {name}, which reel.h does not declare");
        }
    }

    private static void ReportOrphanMirrors(List<string> findings, ManagedContract managed, IEnumerable<string> declared)
    {
        var names = declared.ToHashSet(StringComparer.Ordinal);
        foreach (var (name, type) in managed.Mirrors.Where(m => !names.Contains(m.Key)))
            findings.Add($"{type.FullName} mirrors {name}, which reel.h does not declare");
    }

    private static void CompareVersionMacros(List<string> findings, HeaderModel header, ManagedContract managed)
    {
        foreach (var (name, value) in managed.VersionConstants)
        {
            CIntegerMacro? macro = header.Macros.FirstOrDefault(m => m.Name == name);
            if (macro is null)
                findings.Add($"{name} is not defined in reel.h");
            else if (macro.Value != value)
                findings.Add($"{name} is {macro.Value} in reel.h but {value} in Reel.Abi.ReelVersion");
        }
    }

    private static void CheckDocumentation(List<string> findings, HeaderModel header)
    {
        void Require(string? doc, string what)
        {
            if (string.IsNullOrWhiteSpace(doc))
                findings.Add($"{what} has no doc comment in reel.h");
        }
        foreach (CFunction f in header.Functions.Concat(header.InlineFunctions))
            Require(f.Doc, f.Name);
        foreach (CStruct s in header.Structs)
        {
            Require(s.Doc, s.Name);
            foreach (CField field in s.Fields)
                Require(field.Doc, $"{s.Name}.{field.Name}");
        }
        foreach (CEnum e in header.Enums)
        {
            Require(e.Doc, e.Name);
            foreach (CEnumMember member in e.Members.Where(m => !m.Name.EndsWith(MaxEnumSuffix, StringComparison.Ordinal)))
                Require(member.Doc, member.Name);
        }
        foreach (CCallback c in header.Callbacks)
            Require(c.Doc, c.Name);
    }
}
