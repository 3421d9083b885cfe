using System;
using Reel.Abi;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// The compute pipeline of the RGB(A) to 4:2:0 converter (Shaders/rgba_to_yuv420.comp) and what
/// it binds: a nearest sampler (immutable in the set layout), a set layout of the sampled image
/// and the output storage buffer, a pipeline layout with the 28 bytes of push constants, and a
/// descriptor pool with one set per frame slot.
/// </summary>
internal sealed unsafe class YuvConversionPipeline : IDisposable
{
    /// <summary>Push constant bit: the view decodes sRGB, re-encode to code values.</summary>
    public const uint FlagSrgb = 1;

    /// <summary>Push constant bit: write NV12 instead of I420.</summary>
    public const uint FlagNv12 = 2;

    private readonly VulkanDevice _device;
    private Sampler _sampler;
    private DescriptorSetLayout _setLayout;
    private PipelineLayout _layout;
    private Pipeline _pipeline;
    private DescriptorPool _pool;

    private YuvConversionPipeline(VulkanDevice device) => _device = device;

    /// <summary>The compute pipeline.</summary>
    public Pipeline Pipeline => _pipeline;

    /// <summary>Its layout (push constants, set 0).</summary>
    public PipelineLayout Layout => _layout;

    /// <summary>Creates everything, with <paramref name="sets"/> descriptor sets allocated into <paramref name="allocated"/>.</summary>
    public static ReelResult Create(VulkanDevice device, int sets, string function, out YuvConversionPipeline? pipeline, out DescriptorSet[] allocated)
    {
        pipeline = new YuvConversionPipeline(device);
        allocated = new DescriptorSet[sets];
        ReelResult result = pipeline.Build(sets, allocated, function);
        if (result != ReelResult.Success)
        {
            pipeline.Dispose();
            pipeline = null;
        }
        return result;
    }

    /// <summary>Points set <paramref name="set"/> at <paramref name="view"/> (sampled in <paramref name="layout"/>) and <paramref name="output"/>.</summary>
    public void Bind(DescriptorSet set, ImageView view, ImageLayout layout, VkBuffer output, ulong size)
    {
        var image = new DescriptorImageInfo { ImageView = view, ImageLayout = layout, Sampler = default };
        var buffer = new DescriptorBufferInfo { Buffer = output, Offset = 0, Range = size };
        var writes = stackalloc WriteDescriptorSet[2];
        writes[0] = new WriteDescriptorSet
        {
            SType = StructureType.WriteDescriptorSet,
            DstSet = set,
            DstBinding = 0,
            DescriptorCount = 1,
            DescriptorType = DescriptorType.CombinedImageSampler,
            PImageInfo = &image,
        };
        writes[1] = new WriteDescriptorSet
        {
            SType = StructureType.WriteDescriptorSet,
            DstSet = set,
            DstBinding = 1,
            DescriptorCount = 1,
            DescriptorType = DescriptorType.StorageBuffer,
            PBufferInfo = &buffer,
        };
        _device.Vk.UpdateDescriptorSets(_device.Handle, 2, writes, 0, null);
    }

    /// <summary>Records the conversion of the bound set into the buffer layout <paramref name="planes"/>.</summary>
    public void Record(CommandBuffer commands, DescriptorSet set, in YuvPlanes planes, bool srgb)
    {
        Vk vk = _device.Vk;
        vk.CmdBindPipeline(commands, PipelineBindPoint.Compute, _pipeline);
        vk.CmdBindDescriptorSets(commands, PipelineBindPoint.Compute, _layout, 0, 1, &set, 0, null);
        var constants = stackalloc uint[7];
        constants[0] = (uint)planes.Width;
        constants[1] = (uint)planes.Height;
        constants[2] = (uint)planes.YStride;
        constants[3] = (uint)planes.ChromaStride;
        constants[4] = (uint)planes.UOffset;
        constants[5] = (uint)planes.VOffset;
        constants[6] = (srgb ? FlagSrgb : 0) | (planes.Nv12 ? FlagNv12 : 0);
        vk.CmdPushConstants(commands, _layout, ShaderStageFlags.ComputeBit, 0, 7 * sizeof(uint), constants);
        (uint x, uint y) = planes.Groups;
        vk.CmdDispatch(commands, x, y, 1);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Vk vk = _device.Vk;
        VkDevice device = _device.Handle;
        // Destroying the pool frees its sets.
        if (_pool.Handle != 0)
            vk.DestroyDescriptorPool(device, _pool, null);
        if (_pipeline.Handle != 0)
            vk.DestroyPipeline(device, _pipeline, null);
        if (_layout.Handle != 0)
            vk.DestroyPipelineLayout(device, _layout, null);
        if (_setLayout.Handle != 0)
            vk.DestroyDescriptorSetLayout(device, _setLayout, null);
        if (_sampler.Handle != 0)
            vk.DestroySampler(device, _sampler, null);
        _pool = default;
        _pipeline = default;
        _layout = default;
        _setLayout = default;
        _sampler = default;
    }

    private ReelResult Build(int sets, DescriptorSet[] allocated, string function)
    {
        Vk vk = _device.Vk;
        VkDevice device = _device.Handle;
        // texelFetch ignores filtering and addressing; a combined image sampler still needs one.
        var samplerInfo = new SamplerCreateInfo
        {
            SType = StructureType.SamplerCreateInfo,
            MagFilter = Filter.Nearest,
            MinFilter = Filter.Nearest,
            MipmapMode = SamplerMipmapMode.Nearest,
            AddressModeU = SamplerAddressMode.ClampToEdge,
            AddressModeV = SamplerAddressMode.ClampToEdge,
            AddressModeW = SamplerAddressMode.ClampToEdge,
            MaxLod = 0,
        };
        Sampler sampler;
        ReelResult result = VulkanCall.Check(vk.CreateSampler(device, &samplerInfo, null, &sampler), function, "vkCreateSampler");
        if (result != ReelResult.Success)
            return result;
        _sampler = sampler;

        var bindings = stackalloc DescriptorSetLayoutBinding[2];
        bindings[0] = new DescriptorSetLayoutBinding
        {
            Binding = 0,
            DescriptorType = DescriptorType.CombinedImageSampler,
            DescriptorCount = 1,
            StageFlags = ShaderStageFlags.ComputeBit,
            PImmutableSamplers = &sampler,
        };
        bindings[1] = new DescriptorSetLayoutBinding
        {
            Binding = 1,
            DescriptorType = DescriptorType.StorageBuffer,
            DescriptorCount = 1,
            StageFlags = ShaderStageFlags.ComputeBit,
        };
        var setInfo = new DescriptorSetLayoutCreateInfo { SType = StructureType.DescriptorSetLayoutCreateInfo, BindingCount = 2, PBindings = bindings };
        DescriptorSetLayout setLayout;
        result = VulkanCall.Check(vk.CreateDescriptorSetLayout(device, &setInfo, null, &setLayout), function, "vkCreateDescriptorSetLayout");
        if (result != ReelResult.Success)
            return result;
        _setLayout = setLayout;

        var range = new PushConstantRange { StageFlags = ShaderStageFlags.ComputeBit, Offset = 0, Size = 7 * sizeof(uint) };
        var layoutInfo = new PipelineLayoutCreateInfo
        {
            SType = StructureType.PipelineLayoutCreateInfo,
            SetLayoutCount = 1,
            PSetLayouts = &setLayout,
            PushConstantRangeCount = 1,
            PPushConstantRanges = &range,
        };
        PipelineLayout layout;
        result = VulkanCall.Check(vk.CreatePipelineLayout(device, &layoutInfo, null, &layout), function, "vkCreatePipelineLayout");
        if (result != ReelResult.Success)
            return result;
        _layout = layout;

        result = ShaderModules.Create(_device, ShaderModules.RgbaToYuv420, function, out ShaderModule module);
        if (result != ReelResult.Success)
            return result;
        byte* entry = stackalloc byte[] { (byte)'m', (byte)'a', (byte)'i', (byte)'n', 0 };
        var pipelineInfo = new ComputePipelineCreateInfo
        {
            SType = StructureType.ComputePipelineCreateInfo,
            Stage = new PipelineShaderStageCreateInfo
            {
                SType = StructureType.PipelineShaderStageCreateInfo,
                Stage = ShaderStageFlags.ComputeBit,
                Module = module,
                PName = entry,
            },
            Layout = layout,
        };
        Pipeline pipeline;
        result = VulkanCall.Check(vk.CreateComputePipelines(device, default, 1, &pipelineInfo, null, &pipeline), function, "vkCreateComputePipelines");
        vk.DestroyShaderModule(device, module, null);
        if (result != ReelResult.Success)
            return result;
        _pipeline = pipeline;

        var sizes = stackalloc DescriptorPoolSize[2];
        sizes[0] = new DescriptorPoolSize { Type = DescriptorType.CombinedImageSampler, DescriptorCount = (uint)sets };
        sizes[1] = new DescriptorPoolSize { Type = DescriptorType.StorageBuffer, DescriptorCount = (uint)sets };
        var poolInfo = new DescriptorPoolCreateInfo { SType = StructureType.DescriptorPoolCreateInfo, MaxSets = (uint)sets, PoolSizeCount = 2, PPoolSizes = sizes };
        DescriptorPool pool;
        result = VulkanCall.Check(vk.CreateDescriptorPool(device, &poolInfo, null, &pool), function, "vkCreateDescriptorPool");
        if (result != ReelResult.Success)
            return result;
        _pool = pool;
        var layouts = stackalloc DescriptorSetLayout[sets];
        for (int i = 0; i < sets; i++)
            layouts[i] = setLayout;
        var allocate = new DescriptorSetAllocateInfo { SType = StructureType.DescriptorSetAllocateInfo, DescriptorPool = pool, DescriptorSetCount = (uint)sets, PSetLayouts = layouts };
        fixed (DescriptorSet* output = allocated)
            return VulkanCall.Check(vk.AllocateDescriptorSets(device, &allocate, output), function, "vkAllocateDescriptorSets");
    }
}
