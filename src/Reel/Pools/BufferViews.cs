namespace Reel.Pools;

/// <summary>A live frame buffer: its layout, memory and metadata (<c>reel_frame_info_t</c>).</summary>
public readonly record struct FrameView(FrameLayout Layout, nint Memory, long Pts, ulong Tag);

/// <summary>A live audio buffer (<c>reel_audio_info_t</c>).</summary>
public readonly record struct AudioView(AudioPool Pool, nint Memory, long Pts, ulong Tag);

/// <summary>A live byte buffer (<c>reel_bytes_info_t</c>): Size bytes of payload in Capacity bytes, with packet metadata.</summary>
public readonly record struct BytesView(nint Memory, nuint Capacity, nuint Size, long Pts, ulong Tag, long Dts, uint Flags);
