using Reel.VulkanGen.Registry;

namespace Reel.VulkanGen.Emit;

/// <summary>
/// Handles as TerraFX does: a readonly struct around the value, nint for dispatchable handles
/// (VK_DEFINE_HANDLE is a pointer), ulong for non-dispatchable ones (always 64 bits), with
/// NULL, equality and hex formatting.
/// </summary>
internal static class HandleEmitter
{
    /// <summary>The source of one handle struct.</summary>
    public static string Emit(RegistryType handle, string version)
    {
        string n = handle.Name;
        string value = handle.Dispatchable ? "nint" : "ulong";
        var w = new SourceWriter(handle.Source, version, ["System"]);
        w.Summary(handle.Dispatchable
            ? $"{n}: a dispatchable handle (VK_DEFINE_HANDLE, a pointer owned by the loader and driver)."
            : $"{n}: a non-dispatchable handle (VK_DEFINE_NON_DISPATCHABLE_HANDLE, 64 bits on every platform).");
        w.Line($"public readonly partial struct {n} : IEquatable<{n}>");
        w.Open();
        w.Summary("The handle's bits; 0 is VK_NULL_HANDLE.");
        w.Line($"public readonly {value} Value;");
        w.Line();
        w.Summary("Wraps a raw handle value.");
        w.Line($"public {n}({value} value) => Value = value;");
        w.Line();
        w.Summary("VK_NULL_HANDLE.");
        w.Line($"public static {n} NULL => default;");
        w.Line();
        w.Summary("Whether this is VK_NULL_HANDLE.");
        w.Line("public bool IsNull => Value == 0;");
        w.Line();
        w.Line($"public static bool operator ==({n} left, {n} right) => left.Value == right.Value;");
        w.Line();
        w.Line($"public static bool operator !=({n} left, {n} right) => left.Value != right.Value;");
        w.Line();
        w.Line($"public bool Equals({n} other) => Value == other.Value;");
        w.Line();
        w.Line($"public override bool Equals(object? obj) => obj is {n} other && Equals(other);");
        w.Line();
        w.Line("public override int GetHashCode() => Value.GetHashCode();");
        w.Line();
        w.Line($"public override string ToString() => $\"{n}(0x{{(ulong)Value:x}})\";");
        w.Close();
        return w.ToString();
    }
}
