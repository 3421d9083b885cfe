namespace Reel.Vulkan.Api;

/// <summary>
/// Something of Reel's (not the host's: it has no handle) that runs work on a
/// <see cref="GpuDevice"/> and must finish before the device goes: a movie writer's recorder
/// of host images. The device tells it first thing in its teardown.
/// </summary>
internal interface IDeviceDependent
{
    /// <summary>The device is being destroyed: finish the work in flight and release every Vulkan object.</summary>
    void OnDeviceDestroying();
}
