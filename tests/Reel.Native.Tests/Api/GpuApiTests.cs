using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>
/// reel_vulkan.h from a .NET host through the generated P/Invoke bindings: a validated device on
/// whatever Vulkan the machine has, GPU memory written through a mapped pointer, and the
/// backend report's fixed arrays and strings read back. Skipped only where no Vulkan exists.
/// </summary>
public unsafe class GpuApiTests
{
    private reel_context_t _context;
    private reel_device_t _device;

    [SetUp]
    public void CreateDevice()
    {
        reel_context_desc_t context = ReelNative.reel_context_desc_default();
        fixed (reel_context_t* handle = &_context)
            Assert.That(ReelNative.reel_context_create(&context, handle), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        var desc = new reel_device_desc_t { struct_size = (uint)sizeof(reel_device_desc_t), flags = (uint)reel_device_flags_t.REEL_DEVICE_FLAG_VALIDATION };
        reel_result_t result;
        fixed (reel_device_t* device = &_device)
            result = ReelNative.reel_device_create(_context, &desc, device);
        if (result == reel_result_t.REEL_ERROR_UNSUPPORTED)
            Assert.Ignore(ReelNative.LastErrorMessage());
        Assert.That(result, Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
    }

    [TearDown]
    public void Destroy()
    {
        if (_device.Value != 0)
        {
            var info = new reel_device_info_t { struct_size = (uint)sizeof(reel_device_info_t) };
            Assert.That(ReelNative.reel_device_get_info(_device, &info), Is.EqualTo(reel_result_t.REEL_SUCCESS));
            Assert.That(info.validation_errors, Is.Zero, "validation errors on the device");
            Assert.That(ReelNative.reel_device_destroy(_device), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        }
        ReelNative.reel_context_destroy(_context);
    }

    [Test]
    public void UploadBuffer_IsWrittenThroughItsMappedPointerAndCounted()
    {
        var desc = new reel_gpu_buffer_desc_t
        {
            struct_size = (uint)sizeof(reel_gpu_buffer_desc_t),
            memory_usage = reel_gpu_memory_usage_t.REEL_GPU_MEMORY_UPLOAD,
            size = 256 * 1024,
            vk_usage = 0x1,
        };
        reel_gpu_allocation_t allocation;
        Assert.That(ReelNative.reel_gpu_buffer_create(_device, &desc, &allocation), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        void* mapped;
        Assert.That(ReelNative.reel_gpu_allocation_map(allocation, &mapped), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        new Span<byte>(mapped, 256 * 1024).Fill(0x3C);
        Assert.That(ReelNative.reel_gpu_allocation_flush(allocation, 0, ulong.MaxValue), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        var info = new reel_gpu_allocation_info_t { struct_size = (uint)sizeof(reel_gpu_allocation_info_t) };
        Assert.That(ReelNative.reel_gpu_allocation_get_info(allocation, &info), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That((nint)info.mapped, Is.EqualTo((nint)mapped));
        Assert.That(info.vk_buffer, Is.Not.Zero);
        var stats = new reel_gpu_memory_stats_t { struct_size = (uint)sizeof(reel_gpu_memory_stats_t) };
        Assert.That(ReelNative.reel_device_get_memory_stats(_device, &stats), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That((stats.allocation_count, stats.allocation_bytes), Is.EqualTo((1u, info.size)));
        Assert.That(stats.heaps[0].size, Is.GreaterThan(0UL), "the inline heap array reads back");
        var memory = new reel_memory_stats_t { struct_size = (uint)sizeof(reel_memory_stats_t) };
        Assert.That(ReelNative.reel_context_get_memory(_context, &memory), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(memory.category_bytes[(int)reel_memory_category_t.REEL_MEMORY_DEVICE], Is.EqualTo(info.size));
        Assert.That(ReelNative.reel_gpu_allocation_free(allocation), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Failure.Expect(ReelNative.reel_gpu_allocation_free(allocation), reel_result_t.REEL_ERROR_INVALID_HANDLE, "is stale");
    }

    [Test]
    public void BackendCaps_StringsAndArraysReadBack()
    {
        var caps = new reel_backend_caps_t { struct_size = (uint)sizeof(reel_backend_caps_t) };
        Assert.That(ReelNative.reel_backend_caps(_device, 1, &caps), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        Assert.That(caps.backend_count, Is.EqualTo(3u)); // software, vulkan, ffmpeg (PlatformBackends)
        Assert.That(caps.kind, Is.EqualTo(reel_backend_kind_t.REEL_BACKEND_VULKAN));
        Assert.That(Marshal.PtrToStringUTF8((nint)caps.name), Is.EqualTo("vulkan"));
        Assert.That(Marshal.PtrToStringUTF8((nint)caps.device_name), Is.Not.Empty);
        Assert.That(caps.queue_family_count, Is.GreaterThanOrEqualTo(1u));
        Assert.That(caps.queue_families[0].queue_count, Is.GreaterThanOrEqualTo(1u));
        Assert.That(caps.heaps[0].size, Is.GreaterThan(0UL));
        for (int i = 0; i < caps.codec_count; i++)
            Assert.That(caps.codecs[i].max_width, Is.GreaterThan(0u));
        Assert.That(ReelNative.reel_backend_caps(default, 0, &caps), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(Marshal.PtrToStringUTF8((nint)caps.name), Is.EqualTo("software"));
    }

    [Test]
    public void Timelines_CpuAndGpu()
    {
        var desc = new reel_timeline_desc_t { struct_size = (uint)sizeof(reel_timeline_desc_t), kind = reel_timeline_kind_t.REEL_TIMELINE_GPU, device = _device, initial_value = 2 };
        reel_timeline_t gpu;
        Assert.That(ReelNative.reel_timeline_create(_context, &desc, &gpu), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        ulong semaphore;
        Assert.That(ReelNative.reel_timeline_get_semaphore(gpu, &semaphore), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(semaphore, Is.Not.Zero);
        Assert.That(ReelNative.reel_timeline_signal(gpu, 5), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(ReelNative.reel_timeline_wait(gpu, 5, 0), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(ReelNative.reel_timeline_wait(gpu, 6, 1_000_000), Is.EqualTo(reel_result_t.REEL_TIMEOUT));
        Assert.That(ReelNative.reel_timeline_destroy(gpu), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        reel_timeline_t cpu;
        Assert.That(ReelNative.reel_timeline_create(_context, null, &cpu), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        ulong value;
        Assert.That(ReelNative.reel_timeline_get_value(cpu, &value), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(value, Is.Zero);
        Failure.Expect(ReelNative.reel_timeline_get_semaphore(cpu, &semaphore), reel_result_t.REEL_ERROR_INVALID_ARGUMENT, "is a CPU timeline");
    }
}
