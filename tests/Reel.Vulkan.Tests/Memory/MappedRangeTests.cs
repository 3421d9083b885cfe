using NUnit.Framework;
using Reel.Vulkan.Memory;

namespace Reel.Vulkan.Tests.Memory;

/// <summary>Flush and invalidate ranges widened to nonCoherentAtomSize and clamped to the memory's end.</summary>
public class MappedRangeTests
{
    [TestCase(0UL, 1UL, 64UL, 4096UL, 0UL, 64UL)]
    [TestCase(100UL, 10UL, 64UL, 4096UL, 64UL, 64UL)]
    [TestCase(60UL, 10UL, 64UL, 4096UL, 0UL, 128UL)]
    [TestCase(4000UL, 96UL, 64UL, 4096UL, 3968UL, 128UL)]
    [TestCase(4000UL, 50UL, 256UL, 4050UL, 3840UL, 210UL)]
    public void Align_WidensToAtomsAndClampsAtTheEnd(ulong start, ulong length, ulong atom, ulong memorySize, ulong offset, ulong size)
    {
        Assert.That(MappedRange.Align(start, length, atom, memorySize), Is.EqualTo((offset, size)));
    }
}
