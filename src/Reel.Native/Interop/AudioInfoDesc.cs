using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_audio_info_t</c> (an output struct).</summary>
[CType("reel_audio_info_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AudioInfoDesc : IVersionedStruct
{
    public uint struct_size;
    public SampleFormat format;
    public uint channels;
    public uint samples;
    public uint sample_rate;
    public uint reserved;
    public void* data;
    public nuint size;
    public long pts;
    public ulong tag;

    public static uint FirstPublishedSize => 56;
}
