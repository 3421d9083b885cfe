using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Reel.HeaderTool.LibClang;

namespace Reel.HeaderTool.Model;

/// <summary>
/// Parses a C header with libclang and returns what matters to the ABI: exported functions,
/// struct layouts (as the C compiler lays them out), enums, callbacks, handles and integer
/// macros, each with its doc comment. Only declarations of the header itself count.
/// </summary>
public static unsafe class HeaderParser
{
    /// <summary>Declarations whose names start with this are private helpers, not API.</summary>
    public const string PrivatePrefix = "reel__";

    /// <summary>
    /// Parses each header as its own C99 translation unit (so each must compile alone) and
    /// returns their declarations together, each tagged with its header: reel.h first, then the
    /// backend headers that include it. Throws if clang reports a warning or an error.
    /// </summary>
    public static HeaderModel Parse(params string[] headerPaths) =>
        HeaderModel.Merge(headerPaths.Select(ParseOne));

    private static HeaderModel ParseOne(string headerPath)
    {
        if (!File.Exists(headerPath))
            throw new FileNotFoundException($"header not found: {headerPath}", headerPath);

        void* index = Clang.clang_createIndex(0, 0);
        try
        {
            void* unit = ParseUnit(index, Path.GetFullPath(headerPath));
            try
            {
                return new Reader(unit, Path.GetFullPath(headerPath)).Read();
            }
            finally
            {
                Clang.clang_disposeTranslationUnit(unit);
            }
        }
        finally
        {
            Clang.clang_disposeIndex(index);
        }
    }

    private static void* ParseUnit(void* index, string path)
    {
        // The header is the main file here, so its static inline helpers would count as unused.
        string[] args = ["-x", "c", "-std=c99", "-Wall", "-Wextra", "-pedantic", "-Wno-unused-function"];
        var utf8 = new List<IntPtr>();
        try
        {
            IntPtr file = Marshal.StringToCoTaskMemUTF8(path);
            utf8.Add(file);
            byte** argv = stackalloc byte*[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                IntPtr arg = Marshal.StringToCoTaskMemUTF8(args[i]);
                utf8.Add(arg);
                argv[i] = (byte*)arg;
            }
            void* unit = Clang.clang_parseTranslationUnit(index, (byte*)file, argv, args.Length, null, 0,
                Clang.DetailedPreprocessingRecord | Clang.SkipFunctionBodies);
            if (unit == null)
                throw new InvalidOperationException($"libclang could not parse {path}");
            ThrowOnErrors(unit, path);
            return unit;
        }
        finally
        {
            foreach (IntPtr p in utf8)
                Marshal.FreeCoTaskMem(p);
        }
    }

    private static void ThrowOnErrors(void* unit, string path)
    {
        var errors = new List<string>();
        uint count = Clang.clang_getNumDiagnostics(unit);
        for (uint i = 0; i < count; i++)
        {
            void* diagnostic = Clang.clang_getDiagnostic(unit, i);
            if (Clang.clang_getDiagnosticSeverity(diagnostic) >= CXDiagnosticSeverity.Warning)
                errors.Add(Clang.Take(Clang.clang_formatDiagnostic(diagnostic, 0)));
            Clang.clang_disposeDiagnostic(diagnostic);
        }
        if (errors.Count > 0)
            throw new InvalidOperationException($"{path} does not compile cleanly as C99:\n" + string.Join("\n", errors));
    }

    /// <summary>Collects the direct children of a cursor.</summary>
    private static List<CXCursor> Children(CXCursor parent)
    {
        var children = new List<CXCursor>();
        GCHandle handle = GCHandle.Alloc(children);
        try
        {
            Clang.clang_visitChildren(parent, &CollectChild, (void*)GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        return children;
    }

    [UnmanagedCallersOnly]
    private static int CollectChild(CXCursor cursor, CXCursor parent, void* clientData)
    {
        ((List<CXCursor>)GCHandle.FromIntPtr((IntPtr)clientData).Target!).Add(cursor);
        return 1; // CXChildVisit_Continue
    }

    private static string? Doc(CXCursor cursor)
    {
        string text = Clang.Take(Clang.clang_Cursor_getRawCommentText(cursor));
        return text.Length == 0 ? null : text;
    }

    private sealed class Reader(void* unit, string headerPath)
    {
        private readonly string _header = Path.GetFileName(headerPath);
        private readonly string _directory = Path.GetDirectoryName(headerPath)!;
        private readonly Dictionary<string, string[]> _sourceLines = new(StringComparer.Ordinal);
        private readonly List<CFunction> _functions = [];
        private readonly List<CFunction> _inline = [];
        private readonly List<CStruct> _structs = [];
        private readonly List<CEnum> _enums = [];
        private readonly List<CCallback> _callbacks = [];
        private readonly List<CHandleType> _handles = [];
        private readonly List<CIntegerMacro> _macros = [];

        public HeaderModel Read()
        {
            foreach (CXCursor cursor in Children(Clang.clang_getTranslationUnitCursor(unit)))
            {
                string file = Clang.ExpansionFile(cursor);
                if (file.Length == 0 || Path.GetFullPath(file) != headerPath)
                    continue;
                string name = Clang.Spelling(cursor);
                if (name.StartsWith(PrivatePrefix, StringComparison.Ordinal))
                    continue;
                switch (cursor.kind)
                {
                    case CXCursorKind.FunctionDecl:
                        ReadFunction(cursor, name);
                        break;
                    case CXCursorKind.TypedefDecl:
                        ReadTypedef(cursor, name);
                        break;
                    case CXCursorKind.MacroDefinition:
                        ReadMacro(cursor, name);
                        break;
                }
            }
            return new HeaderModel([_header], _functions, _inline, _structs, _enums, _callbacks, _handles, _macros);
        }

        private void ReadFunction(CXCursor cursor, string name)
        {
            var parameters = new List<CParameter>();
            int count = Clang.clang_Cursor_getNumArguments(cursor);
            for (uint i = 0; i < count; i++)
            {
                CXCursor argument = Clang.clang_Cursor_getArgument(cursor, i);
                parameters.Add(new CParameter(Clang.Spelling(argument), Convert(Clang.clang_getCursorType(argument))));
            }
            var function = new CFunction(name, Convert(Clang.clang_getCursorResultType(cursor)), parameters, Doc(cursor), _header);
            (Clang.clang_Cursor_getStorageClass(cursor) == Clang.StorageClassStatic ? _inline : _functions).Add(function);
        }

        private void ReadTypedef(CXCursor cursor, string name)
        {
            CXType underlying = Unelaborate(Clang.clang_getTypedefDeclUnderlyingType(cursor));
            switch (underlying.kind)
            {
                case CXTypeKind.Record:
                    _structs.Add(ReadStruct(name, underlying, Doc(cursor) ?? Doc(Clang.clang_getTypeDeclaration(underlying))));
                    break;
                case CXTypeKind.Enum:
                    _enums.Add(ReadEnum(name, underlying, Doc(cursor) ?? Doc(Clang.clang_getTypeDeclaration(underlying))));
                    break;
                case CXTypeKind.Pointer when IsOpaqueRecordPointer(underlying):
                    _handles.Add(new CHandleType(name, Doc(cursor), _header));
                    break;
                case CXTypeKind.Pointer when Convert(underlying) is CFunctionPointer signature:
                    var names = Children(cursor).Where(c => (int)c.kind == 10 /* ParmDecl */).Select(Clang.Spelling).ToList();
                    var parameters = signature.Parameters.Select((p, i) => new CParameter(i < names.Count ? names[i] : $"arg{i}", p)).ToList();
                    _callbacks.Add(new CCallback(name, signature with { TypedefName = name }, parameters, Doc(cursor), _header));
                    break;
            }
        }

        private CStruct ReadStruct(string name, CXType record, string? doc)
        {
            var fields = new List<CField>();
            foreach (CXCursor field in Children(Clang.clang_getTypeDeclaration(record)))
            {
                if (field.kind != CXCursorKind.FieldDecl)
                    continue;
                string fieldName = Clang.Spelling(field);
                CXType type = Clang.clang_getCursorType(field);
                fields.Add(new CField(fieldName, Convert(type), Clang.OffsetOf(record, fieldName), Clang.clang_Type_getSizeOf(type), Doc(field)));
            }
            return new CStruct(name, Clang.clang_Type_getSizeOf(record), Clang.clang_Type_getAlignOf(record), fields, doc, _header);
        }

        private CEnum ReadEnum(string name, CXType type, string? doc)
        {
            var members = Children(Clang.clang_getTypeDeclaration(type))
                .Where(c => c.kind == CXCursorKind.EnumConstantDecl)
                .Select(c => new CEnumMember(Clang.Spelling(c), Clang.clang_getEnumConstantDeclValue(c), Doc(c)))
                .ToList();
            return new CEnum(name, members, doc, _header);
        }

        private void ReadMacro(CXCursor cursor, string name)
        {
            if (Clang.clang_Cursor_isMacroFunctionLike(cursor) != 0)
                return;
            List<string> tokens = Tokens(cursor);
            if (tokens.Count == 2 && TryParseInteger(tokens[1], out long value))
                _macros.Add(new CIntegerMacro(name, value, _header));
        }

        private List<string> Tokens(CXCursor cursor)
        {
            CXToken* tokens;
            uint count;
            Clang.clang_tokenize(unit, Clang.clang_getCursorExtent(cursor), &tokens, &count);
            try
            {
                var spellings = new List<string>((int)count);
                for (uint i = 0; i < count; i++)
                    spellings.Add(Clang.Take(Clang.clang_getTokenSpelling(unit, tokens[i])));
                return spellings;
            }
            finally
            {
                Clang.clang_disposeTokens(unit, tokens, count);
            }
        }

        /// <summary>Converts a libclang type, keeping the typedef names the ABI check cares about.</summary>
        private CTypeRef Convert(CXType type)
        {
            type = Unelaborate(type);
            switch (type.kind)
            {
                case CXTypeKind.Typedef:
                {
                    string name = Clang.Take(Clang.clang_getTypedefName(type));
                    CXType canonical = Clang.clang_getCanonicalType(type);
                    if (name == "size_t")
                        return new CPrimitive(CPrimitiveKind.Size, name);
                    if (External(type, name, canonical) is { } external)
                        return external;
                    if (canonical.kind == CXTypeKind.Pointer && IsOpaqueRecordPointer(canonical))
                        return new CHandle(name);
                    if (canonical.kind == CXTypeKind.Pointer && Clang.clang_getCanonicalType(Clang.clang_getPointeeType(canonical)).kind == CXTypeKind.FunctionProto)
                    {
                        // A callback typedef: convert what it was declared as, keeping its parameters' typedefs.
                        CXType declared = Clang.clang_getTypedefDeclUnderlyingType(Clang.clang_getTypeDeclaration(type));
                        return ((CFunctionPointer)Convert(declared)) with { TypedefName = name };
                    }
                    return Convert(canonical) switch
                    {
                        CStructRef => new CStructRef(name),
                        CEnumRef => new CEnumRef(name),
                        CFunctionPointer f => f with { TypedefName = name },
                        CPrimitive p => p with { Spelling = name },
                        var other => other,
                    };
                }
                case CXTypeKind.Pointer:
                {
                    CXType pointee = Clang.clang_getPointeeType(type);
                    if (Clang.clang_getCanonicalType(pointee).kind == CXTypeKind.FunctionProto)
                    {
                        // Read the prototype as written (not canonical) so size_t and enum typedefs survive.
                        CXType prototype = pointee.kind == CXTypeKind.FunctionProto ? pointee : Clang.clang_getCanonicalType(pointee);
                        var parameters = new List<CTypeRef>();
                        int count = Clang.clang_getNumArgTypes(prototype);
                        for (uint i = 0; i < count; i++)
                            parameters.Add(Convert(Clang.clang_getArgType(prototype, i)));
                        return new CFunctionPointer(Convert(Clang.clang_getResultType(prototype)), parameters, null);
                    }
                    return new CPointer(Convert(pointee), Clang.clang_isConstQualifiedType(pointee) != 0);
                }
                case CXTypeKind.Record:
                    return new CStructRef(StripTag(Clang.Spelling(type), "struct "));
                case CXTypeKind.Enum:
                    return new CEnumRef(StripTag(Clang.Spelling(type), "enum "));
                case CXTypeKind.ConstantArray:
                    return new CArray(Convert(Clang.clang_getElementType(type)), Clang.clang_getArraySize(type));
                default:
                    return new CPrimitive(PrimitiveKind(type.kind), StripTag(Clang.Spelling(type), "const "));
            }
        }

        /// <summary>
        /// A typedef of a platform API header (vulkan_core.h) that is a handle, an enum or a
        /// function pointer: an external type. Typedefs of integers (VkBufferUsageFlags,
        /// uint32_t) stay primitives; declarations of the headers' own directory are Reel's.
        /// </summary>
        private CExternal? External(CXType typedef, string name, CXType canonical)
        {
            CXCursor declaration = Clang.clang_getTypeDeclaration(typedef);
            string file = Clang.ExpansionFile(declaration);
            if (file.Length == 0 || Path.GetDirectoryName(Path.GetFullPath(file)) == _directory)
                return null;
            if (canonical.kind == CXTypeKind.Enum)
                return new CExternal(name, CExternalKind.Enum);
            if (canonical.kind != CXTypeKind.Pointer)
                return null;
            if (Clang.clang_getCanonicalType(Clang.clang_getPointeeType(canonical)).kind == CXTypeKind.FunctionProto)
                return new CExternal(name, CExternalKind.FunctionPointer);
            if (!IsOpaqueRecordPointer(canonical))
                return null;
            // On 64-bit targets both kinds of Vulkan handle are pointers to opaque structs; only
            // the macro that declared the handle tells them apart.
            return new CExternal(name, DeclaringLine(declaration).Contains("VK_DEFINE_NON_DISPATCHABLE_HANDLE", StringComparison.Ordinal)
                ? CExternalKind.NonDispatchableHandle
                : CExternalKind.DispatchableHandle);
        }

        /// <summary>The source line where a declaration is written (for a macro-made typedef, the macro call).</summary>
        private string DeclaringLine(CXCursor declaration)
        {
            void* file = null;
            uint line;
            Clang.clang_getExpansionLocation(Clang.clang_getCursorLocation(declaration), &file, &line, null, null);
            string path = file == null ? "" : Clang.Take(Clang.clang_getFileName(file));
            if (path.Length == 0)
                return "";
            if (!_sourceLines.TryGetValue(path, out string[]? lines))
                _sourceLines[path] = lines = File.ReadAllLines(path);
            return line >= 1 && line <= lines.Length ? lines[line - 1] : "";
        }
    }

    private static bool TryParseInteger(string literal, out long value)
    {
        string digits = literal.TrimEnd('u', 'U', 'l', 'L');
        return digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(digits[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out value)
            : long.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static CXType Unelaborate(CXType type) =>
        type.kind == CXTypeKind.Elaborated ? Clang.clang_Type_getNamedType(type) : type;

    /// <summary>A pointer to a struct that is declared but never defined: a handle.</summary>
    private static bool IsOpaqueRecordPointer(CXType pointer)
    {
        CXType pointee = Clang.clang_getCanonicalType(Clang.clang_getPointeeType(pointer));
        return pointee.kind == CXTypeKind.Record && Clang.clang_Type_getSizeOf(pointee) < 0;
    }

    private static string StripTag(string spelling, string tag)
    {
        spelling = spelling.StartsWith("const ", StringComparison.Ordinal) ? spelling[6..] : spelling;
        return spelling.StartsWith(tag, StringComparison.Ordinal) ? spelling[tag.Length..] : spelling;
    }

    private static CPrimitiveKind PrimitiveKind(CXTypeKind kind) => kind switch
    {
        CXTypeKind.Void => CPrimitiveKind.Void,
        CXTypeKind.Bool => CPrimitiveKind.Bool,
        CXTypeKind.Char_S or CXTypeKind.Char_U => CPrimitiveKind.Char,
        CXTypeKind.SChar => CPrimitiveKind.I8,
        CXTypeKind.UChar => CPrimitiveKind.U8,
        CXTypeKind.Short => CPrimitiveKind.I16,
        CXTypeKind.UShort => CPrimitiveKind.U16,
        CXTypeKind.Int => CPrimitiveKind.I32,
        CXTypeKind.UInt => CPrimitiveKind.U32,
        CXTypeKind.Long or CXTypeKind.LongLong => CPrimitiveKind.I64,
        CXTypeKind.ULong or CXTypeKind.ULongLong => CPrimitiveKind.U64,
        CXTypeKind.Float => CPrimitiveKind.F32,
        CXTypeKind.Double => CPrimitiveKind.F64,
        _ => throw new NotSupportedException($"the header uses a C type kind the ABI check does not know: {kind}"),
    };
}
