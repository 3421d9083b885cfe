using System;
using System.Runtime.InteropServices;

namespace Reel.HeaderTool.LibClang;

/// <summary>The libclang-14 functions the header tool uses (Debian package libclang1-14).</summary>
internal static unsafe partial class Clang
{
    private const string Library = "libclang-14.so.1";

    public const uint DetailedPreprocessingRecord = 0x01;
    public const uint SkipFunctionBodies = 0x40;
    public const int StorageClassStatic = 3;

    [DllImport(Library)] public static extern void* clang_createIndex(int excludeDeclarationsFromPch, int displayDiagnostics);
    [DllImport(Library)] public static extern void clang_disposeIndex(void* index);
    [DllImport(Library)] public static extern void* clang_parseTranslationUnit(void* index, byte* sourceFilename, byte** commandLineArgs, int numCommandLineArgs, void* unsavedFiles, uint numUnsavedFiles, uint options);
    [DllImport(Library)] public static extern void clang_disposeTranslationUnit(void* unit);
    [DllImport(Library)] public static extern uint clang_getNumDiagnostics(void* unit);
    [DllImport(Library)] public static extern void* clang_getDiagnostic(void* unit, uint index);
    [DllImport(Library)] public static extern CXDiagnosticSeverity clang_getDiagnosticSeverity(void* diagnostic);
    [DllImport(Library)] public static extern CXString clang_formatDiagnostic(void* diagnostic, uint options);
    [DllImport(Library)] public static extern void clang_disposeDiagnostic(void* diagnostic);
    [DllImport(Library)] public static extern CXCursor clang_getTranslationUnitCursor(void* unit);
    [DllImport(Library)] public static extern uint clang_visitChildren(CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, void*, int> visitor, void* clientData);
    [DllImport(Library)] public static extern CXString clang_getCursorSpelling(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getCursorType(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getCursorResultType(CXCursor cursor);
    [DllImport(Library)] public static extern int clang_Cursor_getNumArguments(CXCursor cursor);
    [DllImport(Library)] public static extern CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [DllImport(Library)] public static extern int clang_Cursor_getStorageClass(CXCursor cursor);
    [DllImport(Library)] public static extern CXString clang_Cursor_getRawCommentText(CXCursor cursor);
    [DllImport(Library)] public static extern uint clang_Cursor_isMacroFunctionLike(CXCursor cursor);
    [DllImport(Library)] public static extern uint clang_isCursorDefinition(CXCursor cursor);
    [DllImport(Library)] public static extern CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [DllImport(Library)] public static extern void clang_getExpansionLocation(CXSourceLocation location, void** file, uint* line, uint* column, uint* offset);
    [DllImport(Library)] public static extern CXString clang_getFileName(void* file);
    [DllImport(Library)] public static extern CXSourceRange clang_getCursorExtent(CXCursor cursor);
    [DllImport(Library)] public static extern long clang_getEnumConstantDeclValue(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);
    [DllImport(Library)] public static extern CXType clang_getCanonicalType(CXType type);
    [DllImport(Library)] public static extern CXType clang_getPointeeType(CXType type);
    [DllImport(Library)] public static extern CXType clang_getResultType(CXType type);
    [DllImport(Library)] public static extern int clang_getNumArgTypes(CXType type);
    [DllImport(Library)] public static extern CXType clang_getArgType(CXType type, uint index);
    [DllImport(Library)] public static extern CXType clang_getElementType(CXType type);
    [DllImport(Library)] public static extern long clang_getArraySize(CXType type);
    [DllImport(Library)] public static extern CXType clang_Type_getNamedType(CXType type);
    [DllImport(Library)] public static extern CXCursor clang_getTypeDeclaration(CXType type);
    [DllImport(Library)] public static extern CXString clang_getTypeSpelling(CXType type);
    [DllImport(Library)] public static extern CXString clang_getTypedefName(CXType type);
    [DllImport(Library)] public static extern uint clang_isConstQualifiedType(CXType type);
    [DllImport(Library)] public static extern long clang_Type_getSizeOf(CXType type);
    [DllImport(Library)] public static extern long clang_Type_getAlignOf(CXType type);
    [DllImport(Library)] public static extern long clang_Type_getOffsetOf(CXType type, byte* field);
    [DllImport(Library)] public static extern void clang_tokenize(void* unit, CXSourceRange range, CXToken** tokens, uint* numTokens);
    [DllImport(Library)] public static extern CXString clang_getTokenSpelling(void* unit, CXToken token);
    [DllImport(Library)] public static extern void clang_disposeTokens(void* unit, CXToken* tokens, uint numTokens);
    [DllImport(Library)] public static extern byte* clang_getCString(CXString text);
    [DllImport(Library)] public static extern void clang_disposeString(CXString text);

    /// <summary>Copies a CXString into a managed string and disposes it.</summary>
    public static string Take(CXString text)
    {
        try
        {
            byte* chars = clang_getCString(text);
            return chars == null ? "" : Marshal.PtrToStringUTF8((nint)chars) ?? "";
        }
        finally
        {
            clang_disposeString(text);
        }
    }

    /// <summary>
    /// The file a declaration comes from, following macro expansions to where the macro was
    /// used (REEL_DEFINE_HANDLE's typedefs are pasted tokens, which have no file of their own).
    /// </summary>
    public static string ExpansionFile(CXCursor cursor)
    {
        void* file = null;
        clang_getExpansionLocation(clang_getCursorLocation(cursor), &file, null, null, null);
        return file == null ? "" : Take(clang_getFileName(file));
    }

    public static string Spelling(CXCursor cursor) => Take(clang_getCursorSpelling(cursor));

    public static string Spelling(CXType type) => Take(clang_getTypeSpelling(type));

    /// <summary>Offset of a field in bytes (libclang reports bits).</summary>
    public static long OffsetOf(CXType record, string field)
    {
        IntPtr name = Marshal.StringToCoTaskMemUTF8(field);
        try
        {
            long bits = clang_Type_getOffsetOf(record, (byte*)name);
            return bits < 0 ? bits : bits / 8;
        }
        finally
        {
            Marshal.FreeCoTaskMem(name);
        }
    }
}
