// As in src/Backends/Reel.Backend.Vulkan: Silk.NET.Vulkan's handle types whose simple names collide with the
// namespaces Reel.Vulkan.Device and Reel.Vulkan.Instance, System.Buffer and
// System.Threading.Semaphore keep their C names.
global using VkBuffer = Silk.NET.Vulkan.Buffer;
global using VkDevice = Silk.NET.Vulkan.Device;
global using VkInstance = Silk.NET.Vulkan.Instance;
global using VkSemaphore = Silk.NET.Vulkan.Semaphore;
