using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_submit_t</c>.</summary>
[CType("reel_gpu_submit_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GpuSubmitDesc : IVersionedStruct
{
    public uint struct_size;
    public uint wait_count;
    public GpuWaitDesc* waits;
    public uint signal_count;
    public uint reserved;
    public GpuSignalDesc* signals;

    public static uint FirstPublishedSize => 32;
}
