using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Containers;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_movie_desc_t</c>.</summary>
[CType("reel_movie_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct MovieDesc : IVersionedStruct
{
    public uint struct_size;
    public ContainerFormat container;
    public EncoderDesc* video;
    public AudioCodec audio_codec;
    public SampleFormat audio_format;
    public uint audio_sample_rate;
    public uint audio_channels;
    public ulong audio_bitrate;
    public uint flags;
    public uint flush_interval_ms;

    public static uint FirstPublishedSize => 48;
}
