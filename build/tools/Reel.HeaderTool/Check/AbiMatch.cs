using System;
using System.Linq;
using System.Runtime.InteropServices;
using Reel.HeaderTool.Model;

namespace Reel.HeaderTool.Check;

/// <summary>
/// Decides whether a C# type carries a header type across the x86_64 System V ABI with the
/// same meaning: same width and signedness for integers, the [CType] mirror for structs and
/// enums, matching pointees for pointers and matching signatures for function pointers.
/// </summary>
public static class AbiMatch
{
    /// <summary>
    /// Null when <paramref name="managed"/> matches <paramref name="native"/>; otherwise why not.
    /// Arrays are struct fields only and are matched by <see cref="ArrayMismatch"/>.
    /// </summary>
    public static string? Mismatch(CTypeRef native, Type managed)
    {
        bool ok = native switch
        {
            CPrimitive p => MatchesPrimitive(p.Kind, managed),
            CHandle => managed == typeof(ulong) || managed == typeof(nint) || managed == typeof(nuint),
            CEnumRef e => (managed.IsEnum && ManagedContract.CTypeName(managed) == e.Name) || managed == typeof(int),
            CStructRef s => managed.IsValueType && !managed.IsEnum && ManagedContract.CTypeName(managed) == s.Name,
            CPointer p => MatchesPointer(p, managed),
            CFunctionPointer f => MatchesFunctionPointer(f, managed),
            CExternal x => MatchesExternal(x.Kind, managed),
            _ => false,
        };
        return ok ? null : $"{native.Display} is carried as {Display(managed)}";
    }

    /// <summary>A readable C# spelling of a type, including function pointers.</summary>
    public static string Display(Type type)
    {
        if (type.IsFunctionPointer)
        {
            var parts = type.GetFunctionPointerParameterTypes().Append(type.GetFunctionPointerReturnType()).Select(Display);
            return $"delegate* unmanaged<{string.Join(", ", parts)}>";
        }
        if (type.IsPointer)
            return Display(type.GetElementType()!) + "*";
        return type.IsPrimitive || type == typeof(void) ? type.Name : type.FullName ?? type.Name;
    }

    private static bool MatchesPrimitive(CPrimitiveKind kind, Type managed) => kind switch
    {
        CPrimitiveKind.Void => managed == typeof(void),
        CPrimitiveKind.Bool => managed == typeof(byte) || managed == typeof(bool),
        CPrimitiveKind.Char => managed == typeof(byte) || managed == typeof(sbyte),
        CPrimitiveKind.I8 => managed == typeof(sbyte),
        CPrimitiveKind.U8 => managed == typeof(byte),
        CPrimitiveKind.I16 => managed == typeof(short),
        CPrimitiveKind.U16 => managed == typeof(ushort),
        CPrimitiveKind.I32 => managed == typeof(int),
        CPrimitiveKind.U32 => managed == typeof(uint),
        CPrimitiveKind.I64 => managed == typeof(long) || managed == typeof(nint),
        CPrimitiveKind.U64 or CPrimitiveKind.Size => managed == typeof(ulong) || managed == typeof(nuint),
        CPrimitiveKind.F32 => managed == typeof(float),
        CPrimitiveKind.F64 => managed == typeof(double),
        _ => false,
    };

    /// <summary>
    /// External types are carried by their ABI kind, the way the generators map them: a
    /// dispatchable handle or function pointer as a pointer-sized integer, a non-dispatchable
    /// handle as 64 bits, an enum as 32 bits.
    /// </summary>
    private static bool MatchesExternal(CExternalKind kind, Type managed) => kind switch
    {
        CExternalKind.DispatchableHandle => managed == typeof(nint) || managed == typeof(nuint),
        CExternalKind.NonDispatchableHandle => managed == typeof(ulong),
        CExternalKind.Enum => managed == typeof(int) || managed == typeof(uint),
        CExternalKind.FunctionPointer => managed == typeof(nint) || managed == typeof(nuint) || managed.IsUnmanagedFunctionPointer,
        _ => false,
    };

    private static bool MatchesPointer(CPointer pointer, Type managed)
    {
        bool isVoid = pointer.Pointee is CPrimitive { Kind: CPrimitiveKind.Void };
        if (isVoid && (managed == typeof(nint) || managed == typeof(nuint)))
            return true;
        return managed.IsPointer && Mismatch(pointer.Pointee, managed.GetElementType()!) is null;
    }

    private static bool MatchesFunctionPointer(CFunctionPointer function, Type managed)
    {
        if (!managed.IsFunctionPointer || !managed.IsUnmanagedFunctionPointer)
            return false;
        Type[] parameters = managed.GetFunctionPointerParameterTypes();
        return parameters.Length == function.Parameters.Count
            && Mismatch(function.Return, managed.GetFunctionPointerReturnType()) is null
            && function.Parameters.Zip(parameters).All(pair => Mismatch(pair.First, pair.Second) is null);
    }

    /// <summary>
    /// Null when a C# field matches a C array field; otherwise why not. Primitive arrays are
    /// C# fixed buffers ([FixedBuffer(elementType, length)] on the field); arrays of pointers
    /// or structs are [InlineArray(length)] structs whose one field is the element (pointers
    /// carried as nint, since C# inline arrays cannot index pointer elements).
    /// </summary>
    public static string? ArrayMismatch(CArray array, System.Reflection.FieldInfo field)
    {
        var buffer = field.GetCustomAttributes(false).OfType<System.Runtime.CompilerServices.FixedBufferAttribute>().FirstOrDefault();
        if (buffer is not null)
        {
            return buffer.Length == array.Length && Mismatch(array.Element, buffer.ElementType) is null
                ? null
                : $"{array.Display} is carried as fixed {Display(buffer.ElementType)}[{buffer.Length}]";
        }
        var inline = field.FieldType.GetCustomAttributes(false).OfType<System.Runtime.CompilerServices.InlineArrayAttribute>().FirstOrDefault();
        if (inline is not null)
        {
            var element = field.FieldType.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic).Single().FieldType;
            bool pointerAsInteger = array.Element is CPointer && (element == typeof(nint) || element == typeof(nuint));
            return inline.Length == array.Length && (pointerAsInteger || Mismatch(array.Element, element) is null)
                ? null
                : $"{array.Display} is carried as [InlineArray({inline.Length})] of {Display(element)}";
        }
        return $"{array.Display} is carried as {Display(field.FieldType)}";
    }

    /// <summary>Whether a C# struct's layout can be read with Marshal (sequential or explicit, blittable).</summary>
    public static bool HasFixedLayout(Type type) => type.IsLayoutSequential || type.IsExplicitLayout;

    /// <summary>Byte offset of a field as the runtime lays the struct out.</summary>
    public static long OffsetOf(Type type, string field) => Marshal.OffsetOf(type, field).ToInt64();
}
