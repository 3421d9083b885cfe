namespace Reel.VulkanGen.Emit;

/// <summary>The [NativeTypeName] attribute that records a member's C type where the C# type differs (TerraFX's convention).</summary>
internal static class AttributeEmitter
{
    /// <summary>The source of NativeTypeNameAttribute.cs.</summary>
    public static string Emit(string version)
    {
        var w = new SourceWriter("vk.xml", version, ["System", "System.Diagnostics"]);
        w.Summary("The C type of a field, parameter or constant, as the Vulkan headers spell it.");
        w.Line("[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.ReturnValue, AllowMultiple = false)]");
        w.Line("[Conditional(\"DEBUG\")]");
        w.Line("internal sealed class NativeTypeNameAttribute : Attribute");
        w.Open();
        w.Summary("Records <paramref name=\"name\"/> as the C type.");
        w.Line("public NativeTypeNameAttribute(string name) => Name = name;");
        w.Line();
        w.Summary("The C type.");
        w.Line("public string Name { get; }");
        w.Close();
        return w.ToString();
    }
}
