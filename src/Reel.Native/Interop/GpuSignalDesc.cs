using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_gpu_signal_t</c>.</summary>
[CType("reel_gpu_signal_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct GpuSignalDesc
{
    public ulong timeline;
    public ulong value;
}
