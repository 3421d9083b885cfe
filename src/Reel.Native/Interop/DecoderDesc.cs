using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Sessions;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_decoder_desc_t</c>.</summary>
[CType("reel_decoder_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DecoderDesc : IVersionedStruct
{
    public uint struct_size;
    public CodecBackend backend;
    public uint threads;
    public uint max_frame_delay;
    public uint frames_held;
    public uint flags;
    public ulong frame_size_limit;
    public byte* name;
    public VideoCodec codec;
    public uint reserved;

    public static uint FirstPublishedSize => 48;
}
