using Reel.Memory;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Benchmarks;

/// <summary>One resource of the trace: a buffer of <see cref="Size"/> bytes, or an R8 image of <see cref="Width"/> x <see cref="Height"/> (NV12-sized).</summary>
/// <param name="IsImage">An image rather than a buffer.</param>
/// <param name="Size">Buffer bytes.</param>
/// <param name="Width">Image width.</param>
/// <param name="Height">Image height (rows of an R8 image holding an NV12 picture: 3/2 of the picture's).</param>
/// <param name="Memory">The memory usage.</param>
/// <param name="Category">The accounting category.</param>
internal readonly record struct ResourceShape(bool IsImage, ulong Size, uint Width, uint Height, GpuMemoryUsage Memory, MemoryCategory Category);
