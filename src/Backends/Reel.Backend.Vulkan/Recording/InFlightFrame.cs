using Reel.Codecs.Frames;
using Reel.Vulkan.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

/// <summary>
/// A host image whose conversion was submitted: its slot, the queue timeline value that
/// completes it, the image view made for it, the staging buffer the planes were copied to, and
/// the writer's frame reserved for them.
/// </summary>
internal sealed record InFlightFrame(
    RecorderSlot Slot,
    ulong QueueValue,
    ImageView View,
    GpuBuffer Readback,
    PictureReservation Reservation,
    HostImage Image);
