using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_context_desc_t</c>; field names are the C names.</summary>
[CType("reel_context_desc_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ContextDesc : IVersionedStruct
{
    public uint struct_size;
    public uint api_version;
    public byte* name;
    public AllocatorDesc allocator;
    public delegate* unmanaged<void*, LogLevel, byte*, void> log_callback;
    public void* log_user_data;
    public LogLevel log_level;
    public uint reserved;
    public TelemetryConfigDesc telemetry;

    /// <summary>Reel 0.1.0 published the struct at 152 bytes.</summary>
    public static uint FirstPublishedSize => 152;
}
