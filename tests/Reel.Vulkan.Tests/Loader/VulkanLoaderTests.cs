using System.Linq;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;
using Reel.Vulkan.Loader;

namespace Reel.Vulkan.Tests.Loader;

/// <summary>The lazily loaded system loader, a missing library, and a host-supplied vkGetInstanceProcAddr.</summary>
public class VulkanLoaderTests
{
    [Test]
    public void TryLoadSystem_OnThisMachine_ProvidesTheGlobalCommands()
    {
        Assert.That(VulkanLoader.TryLoadSystem("test", out VulkanLoader? loader), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(loader!.Source, Is.EqualTo("libvulkan.so.1"));
        Assert.That(loader.InstanceVersion, Is.GreaterThanOrEqualTo(VulkanVersion.V1_1));
        Assert.That(loader.MissingCommands, Is.Empty);
        Assert.That(VulkanLoader.TryLoadSystem("test", out VulkanLoader? again), Is.EqualTo(ReelResult.Success));
        Assert.That(again!.GetInstanceProcAddr, Is.EqualTo(loader.GetInstanceProcAddr), "the library is opened once per process");
    }

    [Test]
    public void TryLoadLibrary_Missing_MakesTheBackendUnavailableWithTheReason()
    {
        ReelResult result = VulkanLoader.TryLoadLibrary("libvulkan-reel-missing.so.1", "reel_backend_caps", out VulkanLoader? loader);
        Assert.That(result, Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(loader, Is.Null);
        Assert.That(LastError.Message, Does.StartWith("reel_backend_caps: the Vulkan backend is unavailable: libvulkan-reel-missing.so.1 could not be loaded"));
    }

    [Test]
    public void TryLoadLibrary_NotAVulkanLoader_SaysSo()
    {
        Assert.That(VulkanLoader.TryLoadLibrary("libc.so.6", "test", out _), Is.EqualTo(ReelResult.ErrorUnsupported));
        Assert.That(LastError.Message, Does.Contain("exports no vkGetInstanceProcAddr"));
    }

    [Test]
    public void FromHost_Null_IsInvalidArgument()
    {
        Assert.That(VulkanLoader.FromHost(0, "test", out VulkanLoader? loader), Is.EqualTo(ReelResult.ErrorInvalidArgument));
        Assert.That(loader, Is.Null);
        Assert.That(LastError.Message, Does.Contain("vkGetInstanceProcAddr is NULL"));
    }

    [Test]
    public void FromHost_HostsPointer_CreatesAnInstance()
    {
        // The host resolved vkGetInstanceProcAddr itself (here from the same library, by its own handle).
        nint library = NativeLibrary.Load("libvulkan.so.1");
        nint getInstanceProcAddr = NativeLibrary.GetExport(library, "vkGetInstanceProcAddr");
        Assert.That(VulkanLoader.FromHost(getInstanceProcAddr, "test", out VulkanLoader? loader), Is.EqualTo(ReelResult.Success), LastError.Message);
        Assert.That(loader!.Source, Is.EqualTo("host vkGetInstanceProcAddr"));
        Assert.That(VulkanInstance.Create(loader, new VulkanInstanceOptions(), "test", out VulkanInstance? instance), Is.EqualTo(ReelResult.Success), LastError.Message);
        using (instance)
        {
            Assert.That(instance!.EnumeratePhysicalDevices("test", out var devices), Is.EqualTo(ReelResult.Success));
            Assert.That(devices, Is.Not.Empty);
        }
    }

    [Test]
    public void Enumerate_ListsTheValidationLayerAndItsExtensions()
    {
        Assert.That(VulkanLoader.TryLoadSystem("test", out VulkanLoader? loader), Is.EqualTo(ReelResult.Success));
        Assert.That(loader!.EnumerateInstanceLayers("test", out var layers), Is.EqualTo(ReelResult.Success));
        Assert.That(layers.Select(l => l.Name), Does.Contain(VulkanInstance.ValidationLayerName));
        Assert.That(loader.EnumerateInstanceExtensions(VulkanInstance.ValidationLayerName, "test", out var extensions), Is.EqualTo(ReelResult.Success));
        Assert.That(extensions.Select(e => e.Name), Does.Contain(ExtensionNames.ExtValidationFeatures));
        Assert.That(loader.EnumerateInstanceExtensions(null, "test", out var instanceExtensions), Is.EqualTo(ReelResult.Success));
        Assert.That(instanceExtensions.Select(e => e.Name), Does.Contain(ExtensionNames.ExtDebugUtils));
        Assert.That(instanceExtensions, Has.All.Matches<VulkanExtension>(e => e.SpecVersion > 0));
    }
}
