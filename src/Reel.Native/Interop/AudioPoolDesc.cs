using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_audio_pool_desc_t</c>.</summary>
[CType("reel_audio_pool_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AudioPoolDesc : IVersionedStruct
{
    public uint struct_size;
    public SampleFormat format;
    public uint channels;
    public uint samples_per_buffer;
    public uint sample_rate;
    public uint reserved;
    public byte* name;
    public PoolConfigDesc config;

    public static uint FirstPublishedSize => 72;
}
