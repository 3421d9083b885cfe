using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_wait_t</c>.</summary>
[CType("reel_gpu_wait_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpuWaitDesc
{
    public ulong timeline;
    public ulong value;
    public ulong vk_stage_mask;
}
