using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.HeaderTool.Generate;
using Reel.HeaderTool.Model;

namespace Reel.HeaderTool.Check;

/// <summary>
/// Compares the headers (include/reel.h and the backend headers beside it) with libreel and
/// reports every place where they drift apart. An empty list means the headers are the
/// library's contract.
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
        CompareNames(findings, header, managed.Exports.Keys, "has no [UnmanagedCallersOnly] export in src/Reel.Native", "is an [UnmanagedCallersOnly] export of src/Reel.Native");
        if (exportsFile is not null)
            CompareNames(findings, header, exportsFile, "is missing from ILC's exports file", "is in ILC's exports file");
        if (librarySymbols is not null)
        {
            CompareNames(findings, header, librarySymbols.Select(s => s.Name), "is not exported by libreel.so (nm -D)", "is exported by libreel.so (nm -D)");
            foreach (var symbol in librarySymbols.Where(s => !s.IsFunction))
                findings.Add($"libreel.so exports {symbol.Name} (nm kind '{symbol.Kind}'), which is not a function; the ABI is the reel_* functions only");
        }

        foreach (CFunction function in header.Functions)
        {
            if (managed.Exports.TryGetValue(function.Name, out MethodInfo? method))
                CompareSignature(findings, function, method);
        }

        CheckBackendNeutrality(findings, header);
        CompareStructs(findings, header, managed);
        CompareEnums(findings, header, managed);
        CompareVersionMacros(findings, header, managed);
        CheckDocumentation(findings, header);
        return findings;
    }

    private static void CompareNames(List<string> findings, HeaderModel header, IEnumerable<string> actual, string missingText, string extraText)
    {
        var actualSet = actual.ToHashSet(StringComparer.Ordinal);
        var declaredSet = header.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (CFunction function in header.Functions.Where(f => !actualSet.Contains(f.Name)))
            findings.Add($"{function.Name} is declared in {function.Header} but {missingText}");
        foreach (string name in actualSet.Where(n => !declaredSet.Contains(n)).Order(StringComparer.Ordinal))
            findings.Add($"{name} {extraText} but is not declared in {header.HeaderNames}");
    }

    private static void CompareSignature(List<string> findings, CFunction function, MethodInfo method)
    {
        if (AbiMatch.Mismatch(function.Return, method.ReturnType) is { } returnWhy)
            findings.Add($"{function.Name}: return type differs: {returnWhy}");
        ParameterInfo[] parameters = method.GetParameters();
        if (parameters.Length != function.Parameters.Count)
        {
            findings.Add($"{function.Name}: {function.Header} declares {function.Parameters.Count} parameter(s), the export takes {parameters.Length}");
            return;
        }
        for (int i = 0; i < parameters.Length; i++)
        {
            CParameter native = function.Parameters[i];
            if (AbiMatch.Mismatch(native.Type, parameters[i].ParameterType) is { } why)
                findings.Add($"{function.Name}: parameter {i + 1} ({native.Name}): {why}");
        }
    }

    /// <summary>
    /// The first header (reel.h) is the backend-neutral contract: nothing it declares may use
    /// a type of a platform API (a Vulkan handle, enum or function pointer); such declarations
    /// belong in the backend's header. Whether it includes one is checked by compiling it alone.
    /// </summary>
    private static void CheckBackendNeutrality(List<string> findings, HeaderModel header)
    {
        string neutral = header.Headers[0];
        void Require(CTypeRef type, string where)
        {
            if (External(type) is { } external)
                findings.Add($"{where} is a {external.Name}, a platform API type: {neutral} stays backend-neutral; declare it in a backend header such as reel_vulkan.h");
        }
        foreach (CFunction function in header.Functions.Concat(header.InlineFunctions).Where(f => f.Header == neutral))
        {
            Require(function.Return, $"{function.Name}: the return type");
            for (int i = 0; i < function.Parameters.Count; i++)
                Require(function.Parameters[i].Type, $"{function.Name}: parameter {i + 1} ({function.Parameters[i].Name})");
        }
        foreach (CStruct s in header.Structs.Where(s => s.Header == neutral))
        {
            foreach (CField field in s.Fields)
                Require(field.Type, $"{s.Name}.{field.Name}");
        }
        foreach (CCallback callback in header.Callbacks.Where(c => c.Header == neutral))
        {
            foreach (CParameter parameter in callback.Parameters)
                Require(parameter.Type, $"{callback.Name}: parameter {parameter.Name}");
        }
    }

    /// <summary>The external type a type is or points to, if any.</summary>
    private static CExternal? External(CTypeRef type) => type switch
    {
        CExternal external => external,
        CPointer pointer => External(pointer.Pointee),
        CArray array => External(array.Element),
        CFunctionPointer function => function.Parameters.Append(function.Return).Select(External).FirstOrDefault(e => e is not null),
        _ => null,
    };

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
                findings.Add($"{native.Name}: sizeof is {native.Size} in {native.Header} but {size} in {mirror.FullName}");

            FieldInfo[] fields = mirror.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .OrderBy(f => AbiMatch.OffsetOf(mirror, f.Name)).ToArray();
            if (fields.Length != native.Fields.Count)
                findings.Add($"{native.Name}: {native.Header} has {native.Fields.Count} fields, {mirror.FullName} has {fields.Length}");
            for (int i = 0; i < Math.Min(fields.Length, native.Fields.Count); i++)
            {
                CField nativeField = native.Fields[i];
                FieldInfo field = fields[i];
                if (field.Name != nativeField.Name)
                {
                    findings.Add($"{native.Name}: field {i + 1} is {nativeField.Name} in {native.Header} but {field.Name} in {mirror.FullName}");
                    continue;
                }
                long offset = AbiMatch.OffsetOf(mirror, field.Name);
                if (offset != nativeField.Offset)
                    findings.Add($"{native.Name}.{field.Name}: offset {nativeField.Offset} in {native.Header} but {offset} in {mirror.FullName}");
                string? why = nativeField.Type is CArray array
                    ? AbiMatch.ArrayMismatch(array, field)
                    : AbiMatch.Mismatch(nativeField.Type, field.FieldType);
                if (why is not null)
                    findings.Add($"{native.Name}.{field.Name}: {why}");
            }
        }
        ReportOrphanMirrors(findings, managed, header);
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
                    findings.Add($"{native.Name}: {member.Name} is {member.Value} in {native.Header} but {value} in {mirror.FullName}");
            }
            var nativeNames = native.Members.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            foreach (string name in managedMembers.Keys.Where(n => !nativeNames.Contains(n)))
                findings.Add($"{native.Name}: {mirror.FullName} has a member for {name}, which {native.Header} does not declare");
        }
    }

    private static void ReportOrphanMirrors(List<string> findings, ManagedContract managed, HeaderModel header)
    {
        var names = header.Structs.Select(s => s.Name).Concat(header.Enums.Select(e => e.Name)).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, type) in managed.Mirrors.Where(m => !names.Contains(m.Key)))
            findings.Add($"{type.FullName} mirrors {name}, which {header.HeaderNames} does not declare");
    }

    private static void CompareVersionMacros(List<string> findings, HeaderModel header, ManagedContract managed)
    {
        foreach (var (name, value) in managed.VersionConstants)
        {
            CIntegerMacro? macro = header.Macros.FirstOrDefault(m => m.Name == name);
            if (macro is null)
                findings.Add($"{name} is not defined in {header.HeaderNames}");
            else if (macro.Value != value)
                findings.Add($"{name} is {macro.Value} in {macro.Header} but {value} in Reel.Abi.ReelVersion");
        }
    }

    private static void CheckDocumentation(List<string> findings, HeaderModel header)
    {
        void Require(string? doc, string what, string file)
        {
            if (string.IsNullOrWhiteSpace(doc))
                findings.Add($"{what} has no doc comment in {file}");
        }
        foreach (CFunction f in header.Functions.Concat(header.InlineFunctions))
            Require(f.Doc, f.Name, f.Header);
        foreach (CStruct s in header.Structs)
        {
            Require(s.Doc, s.Name, s.Header);
            if (MirrorsGenerator.IsVersioned(s) && MirrorsGenerator.FirstPublishedSize(s) is null)
                findings.Add($"{s.Name} starts with struct_size but its doc in {s.Header} does not say \"Published in <version> at <N> bytes\" (the smallest struct_size Reel accepts)");
            foreach (CField field in s.Fields)
                Require(field.Doc, $"{s.Name}.{field.Name}", s.Header);
        }
        foreach (CEnum e in header.Enums)
        {
            Require(e.Doc, e.Name, e.Header);
            foreach (CEnumMember member in e.Members.Where(m => !m.Name.EndsWith(MaxEnumSuffix, StringComparison.Ordinal)))
                Require(member.Doc, member.Name, e.Header);
        }
        foreach (CCallback c in header.Callbacks)
            Require(c.Doc, c.Name, c.Header);
    }
}
