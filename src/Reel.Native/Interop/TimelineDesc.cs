using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Vulkan.Api;
namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_timeline_desc_t</c>.</summary>
[CType("reel_timeline_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct TimelineDesc : IVersionedStruct
{
    public uint struct_size;
    public TimelineKind kind;
    public ulong device;
    public ulong initial_value;

    public static uint FirstPublishedSize => 24;
}
