using System.Collections.Generic;
using System.Linq;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Device;

/// <summary>
/// Chooses queue families by role. Specialised families are preferred where they exist: an
/// async compute family without graphics, a DMA family with transfer only, video families
/// without graphics or compute; otherwise the graphics family does compute and transfer too.
/// A video family counts only when it reports at least one codec operation.
/// </summary>
internal static class QueueFamilyPicker
{
    private const QueueFlags Graphics = QueueFlags.GraphicsBit;
    private const QueueFlags Compute = QueueFlags.ComputeBit;
    private const QueueFlags Transfer = QueueFlags.TransferBit;

    /// <summary>The assignment for <paramref name="families"/>; Graphics and Compute are both -1 only when no family can do either.</summary>
    public static QueueAssignment Pick(IReadOnlyList<QueueFamilyInfo> families)
    {
        var usable = families.Where(f => f.QueueCount > 0).ToList();
        int graphics = First(usable, f => f.Has(Graphics | Compute)) ?? First(usable, f => f.Has(Graphics)) ?? -1;
        int compute = First(usable, f => f.Has(Compute) && !f.Has(Graphics))
            ?? (usable.Any(f => f.Index == graphics && f.Has(Compute)) ? graphics : First(usable, f => f.Has(Compute)) ?? -1);
        // Graphics and compute families can always transfer, whether or not they say so.
        int transfer = First(usable, f => f.Has(Transfer) && (f.Flags & (Graphics | Compute)) == 0) ?? (compute >= 0 ? compute : graphics);
        int decode = Video(usable, QueueFlags.VideoDecodeBitKhr);
        int encode = Video(usable, QueueFlags.VideoEncodeBitKhr);
        return new QueueAssignment(graphics, compute, transfer, decode, encode);
    }

    private static int Video(List<QueueFamilyInfo> families, QueueFlags bit) =>
        First(families, f => f.Has(bit) && f.VideoCodecOperations != 0 && (f.Flags & (Graphics | Compute)) == 0)
        ?? First(families, f => f.Has(bit) && f.VideoCodecOperations != 0)
        ?? -1;

    private static int? First(List<QueueFamilyInfo> families, System.Func<QueueFamilyInfo, bool> predicate)
    {
        foreach (QueueFamilyInfo family in families)
        {
            if (predicate(family))
                return (int)family.Index;
        }
        return null;
    }
}
