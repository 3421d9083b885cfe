using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_bytes_info_t</c> (an output struct).</summary>
[CType("reel_bytes_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BytesInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public uint reserved;
    public byte* data;
    public nuint capacity;
    public nuint size;
    public long pts;
    public ulong tag;
    public long dts;
    public uint flags;
    public uint reserved2;

    public static uint FirstPublishedSize => 64;
}
