using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Simulation;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_soak_desc_t</c>.</summary>
[CType("reel_soak_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct SoakDesc : IVersionedStruct
{
    public uint struct_size;
    public SoakScenario scenario;
    public double hours;
    public uint fps;
    public int seed;
    public uint leak_start_minute;
    public uint stop_on_alert;
    public byte* svg_path;

    public static uint FirstPublishedSize => 40;
}
