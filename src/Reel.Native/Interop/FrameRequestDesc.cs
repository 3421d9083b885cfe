using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Cache;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_frame_request_t</c> (an output struct).</summary>
[CType("reel_frame_request_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct FrameRequestDesc : IVersionedStruct
{
    public uint struct_size;
    public AccessPattern pattern;
    public long frame_number;
    public int direction;
    public uint is_demand;

    public static uint FirstPublishedSize => 24;
}
