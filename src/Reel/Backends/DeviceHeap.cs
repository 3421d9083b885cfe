namespace Reel.Backends;

/// <summary>One memory heap of a GPU backend's device: its size and flags, what Reel holds in it, and the driver's budget when known.</summary>
/// <param name="Size">The heap's size in bytes.</param>
/// <param name="DeviceLocal">Whether the heap is device-local.</param>
/// <param name="BlockBytes">Bytes Reel holds in the heap (blocks and dedicated allocations).</param>
/// <param name="AllocationBytes">Bytes of those handed to resources.</param>
/// <param name="BudgetKnown">Whether the driver supplied <paramref name="Budget"/> and <paramref name="Usage"/>.</param>
/// <param name="Budget">What the process may use; 0 when unknown.</param>
/// <param name="Usage">What the whole process uses (driver-internal memory included); 0 when unknown.</param>
public readonly record struct DeviceHeap(ulong Size, bool DeviceLocal, ulong BlockBytes, ulong AllocationBytes, bool BudgetKnown, ulong Budget, ulong Usage);
