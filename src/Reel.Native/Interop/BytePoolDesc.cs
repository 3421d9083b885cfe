using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_byte_pool_desc_t</c>.</summary>
[CType("reel_byte_pool_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct BytePoolDesc : IVersionedStruct
{
    public uint struct_size;
    public uint reserved;
    public ulong min_class_size;
    public ulong max_class_size;
    public byte* name;
    public PoolConfigDesc config;

    public static uint FirstPublishedSize => 72;
}
