namespace Reel.Vulkan.Memory;

/// <summary>One memory heap: its size and flags, what Reel holds in it, and the driver's budget when known.</summary>
/// <param name="Size">VkMemoryHeap.size.</param>
/// <param name="DeviceLocal">Whether the heap is device-local.</param>
/// <param name="BlockBytes">Bytes of VkDeviceMemory Reel holds in the heap (blocks and dedicated allocations).</param>
/// <param name="AllocationBytes">Bytes of those handed to resources.</param>
/// <param name="BudgetKnown">Whether VK_EXT_memory_budget supplied <paramref name="Budget"/> and <paramref name="Usage"/>.</param>
/// <param name="Budget">heapBudget: what the process may use; 0 when unknown.</param>
/// <param name="Usage">heapUsage: what the whole process uses (driver-internal memory included); 0 when unknown.</param>
internal readonly record struct HeapStats(ulong Size, bool DeviceLocal, ulong BlockBytes, ulong AllocationBytes, bool BudgetKnown, ulong Budget, ulong Usage);
