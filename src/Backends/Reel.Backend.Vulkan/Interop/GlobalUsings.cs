// Silk.NET.Vulkan's handle types whose simple names collide with names Reel already has in
// scope: the namespaces Reel.Vulkan.Device and Reel.Vulkan.Instance (which win over any using
// directive inside Reel.Vulkan.*), System.Buffer and System.Threading.Semaphore. They keep
// their C names here; every other Silk.NET type is used by its own name.
global using VkBuffer = Silk.NET.Vulkan.Buffer;
global using VkDevice = Silk.NET.Vulkan.Device;
global using VkInstance = Silk.NET.Vulkan.Instance;
global using VkSemaphore = Silk.NET.Vulkan.Semaphore;
