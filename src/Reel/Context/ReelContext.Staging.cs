using Reel.Abi;
using Reel.Handles;
using Reel.Memory;
using Reel.Pools;

namespace Reel.Context;

// The context's staging pool: upload buffers, freed after an idle timeout and purged under
// high memory pressure. Created on first use.
public sealed partial class ReelContext
{
    /// <summary>Smallest staging class: 64 KiB.</summary>
    public const ulong StagingMinClass = 64 * 1024;

    /// <summary>Largest staging class: 256 MiB (an 8K RGBA frame).</summary>
    public const ulong StagingMaxClass = 256 * 1024 * 1024;

    /// <summary>Staging buffers per size class.</summary>
    public const uint StagingPerClass = 16;

    private readonly object _stagingLock = new();
    private BytePool? _staging;

    /// <summary>The staging pool, if it exists yet.</summary>
    public BytePool? Staging => System.Threading.Volatile.Read(ref _staging);

    /// <summary>Takes a staging buffer of at least <paramref name="size"/> bytes (charged to the staging category).</summary>
    public ReelResult AcquireStaging(nuint size, string function, out Handle buffer)
    {
        buffer = Handle.Null;
        BytePool? staging = Staging;
        if (staging is null)
        {
            ReelResult created = CreateStaging(function, out staging);
            if (created != ReelResult.Success)
                return created;
        }
        return staging!.AcquireBytes(size, function, out buffer);
    }

    private ReelResult CreateStaging(string function, out BytePool? staging)
    {
        lock (_stagingLock)
        {
            staging = _staging;
            if (staging is not null)
                return ReelResult.Success;
            ReelResult result = PoolConfig.TryCreate(0, StagingPerClass, PoolGrowth.Linear, 0, ExhaustionPolicy.Fail, 0, 0, 0,
                Telemetry.Options.StagingIdleMs, PoolFlags.None, StagingPerClass, $"{function}: staging ", out PoolConfig? config);
            if (result == ReelResult.Success)
                result = BytePool.Create(this, "staging", StagingMinClass, StagingMaxClass, config!, function, out staging, MemoryCategory.Staging);
            if (result == ReelResult.Success)
                System.Threading.Volatile.Write(ref _staging, staging);
            return result;
        }
    }
}
