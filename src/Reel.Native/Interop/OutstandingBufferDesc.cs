using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_outstanding_buffer_t</c> (library to host, through reel_outstanding_fn).</summary>
[CType("reel_outstanding_buffer_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct OutstandingBufferDesc
{
    public uint struct_size;
    public uint reserved;
    public byte* pool_name;
    public ulong pool;
    public ulong buffer;
    public ulong bytes;
    public ulong acquired_at_frame;
    public ulong age_frames;
    public ulong tag;
    public long pts;
}
