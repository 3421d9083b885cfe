using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_leak_suspect_t</c>.</summary>
[CType("reel_leak_suspect_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct LeakSuspectDesc
{
    public ulong tag;
    public ulong age_frames;
    public ulong bytes;
}
