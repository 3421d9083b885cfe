using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_pool_config_t</c> (embedded in the pool descs; no struct_size of its own).</summary>
[CType("reel_pool_config_t")]
[StructLayout(LayoutKind.Sequential)]
internal struct PoolConfigDesc
{
    public uint initial;
    public uint max;
    public PoolGrowth growth;
    public uint growth_step;
    public ExhaustionPolicy exhaustion;
    public uint wait_timeout_ms;
    public uint grow_limit;
    public uint trim_idle_frames;
    public uint flags;
    public uint trim_idle_ms;
}
