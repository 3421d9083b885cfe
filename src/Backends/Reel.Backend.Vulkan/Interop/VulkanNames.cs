using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Silk.NET.Core.Attributes;

namespace Reel.Vulkan.Interop;

/// <summary>
/// The C names of Silk.NET's enum values, for messages: "VK_FORMAT_R8G8B8A8_UNORM", not
/// "R8G8B8A8Unorm"; flags as their set bits joined by " | ". Silk.NET puts the C name on every
/// enum member as [NativeName("Name", ...)]; the fields are kept for the AOT compiler by the
/// annotation on T. Only for messages (reflection, not for hot paths).
/// </summary>
internal static class VulkanNames
{
    /// <summary>The C name of <paramref name="value"/>; for a flags enum the names of its bits; the number when a bit or value has no name.</summary>
    public static string Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value) where T : struct, Enum
    {
        if (NameOf(value) is { } name)
            return name;
        if (!typeof(T).IsDefined(typeof(FlagsAttribute), inherit: false))
            return Number(value);
        ulong bits = Unsafe.SizeOf<T>() == sizeof(ulong) ? Unsafe.As<T, ulong>(ref value) : Unsafe.As<T, uint>(ref value);
        if (bits == 0)
            return "0";
        var names = new List<string>();
        for (int i = 0; i < 64; i++)
        {
            ulong bit = 1ul << i;
            if ((bits & bit) == 0)
                continue;
            T single = Unsafe.SizeOf<T>() == sizeof(ulong) ? Unsafe.As<ulong, T>(ref bit) : Unsafe.As<uint, T>(ref Unsafe.As<ulong, uint>(ref bit));
            names.Add(NameOf(single) ?? $"0x{bit:x}");
        }
        return string.Join(" | ", names);
    }

    private static string? NameOf<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value) where T : struct, Enum
    {
        if (Enum.GetName(value) is not { } member)
            return null;
        foreach (NativeNameAttribute attribute in typeof(T).GetField(member)!.GetCustomAttributes<NativeNameAttribute>())
        {
            if (attribute.Category == "Name")
                return attribute.Name;
        }
        return member;
    }

    private static string Number<T>(T value) where T : struct, Enum => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
