using System;
using System.IO;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// The SPIR-V the build compiled from Recording/Shaders/*.comp (glslangValidator, checked by
/// spirv-val) and embedded as manifest resources "Reel.Vulkan.Shaders.&lt;name&gt;.spv".
/// </summary>
internal static unsafe class ShaderModules
{
    /// <summary>The GLSL RGB(A) to I420/NV12 converter.</summary>
    public const string RgbaToYuv420 = "rgba_to_yuv420";

    /// <summary>The SPIR-V words of shader <paramref name="name"/>; null when the build did not embed it.</summary>
    public static byte[]? Load(string name)
    {
        using Stream? stream = typeof(ShaderModules).Assembly.GetManifestResourceStream($"Reel.Vulkan.Shaders.{name}.spv");
        if (stream is null)
            return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Creates a VkShaderModule of shader <paramref name="name"/> on <paramref name="device"/>.</summary>
    public static ReelResult Create(VulkanDevice device, string name, string function, out ShaderModule module)
    {
        module = default;
        byte[]? code = Load(name);
        if (code is null || code.Length % 4 != 0)
            return LastError.Set(ReelResult.ErrorInternal, $"{function}: the shader {name}.spv is not embedded in libreel (a build without glslangValidator?)");
        fixed (byte* words = code)
        {
            var info = new ShaderModuleCreateInfo
            {
                SType = StructureType.ShaderModuleCreateInfo,
                CodeSize = (nuint)code.Length,
                PCode = (uint*)words,
            };
            ShaderModule made;
            ReelResult result = VulkanCall.Check(device.Vk.CreateShaderModule(device.Handle, &info, null, &made), function, $"vkCreateShaderModule({name})");
            module = made;
            return result;
        }
    }
}
