using System.Numerics;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Memory;

namespace Reel.Pools;

/// <summary>
/// A pool of byte buffers in power-of-two size classes (<c>reel_byte_pool_create</c>), for
/// bitstreams: a request gets a buffer of the smallest class that holds it. Each class is its
/// own slot pool with its own cap (the config applies per class).
/// </summary>
public sealed class BytePool : Pool
{
    /// <summary>Default smallest class: 64 KiB.</summary>
    public const ulong DefaultMinClass = 64 * 1024;

    /// <summary>Default largest class: 16 MiB.</summary>
    public const ulong DefaultMaxClass = 16 * 1024 * 1024;

    /// <summary>Smallest class allowed.</summary>
    public const ulong SmallestClass = 256;

    /// <summary>Largest class allowed: 1 GiB.</summary>
    public const ulong LargestClass = 1UL << 30;

    /// <summary>Default cap per class.</summary>
    public const uint DefaultMax = 16;

    private readonly SlotPool[] _classes;
    private readonly int _minShift;

    private BytePool(ReelContext context, string name, ulong minClass, ulong maxClass, PoolConfig config, MemoryCategory category)
        : base(context, name, PoolKind.Bytes)
    {
        _minShift = BitOperations.Log2(minClass);
        int count = BitOperations.Log2(maxClass) - _minShift + 1;
        _classes = new SlotPool[count];
        for (int i = 0; i < count; i++)
        {
            ulong size = minClass << i;
            _classes[i] = new SlotPool(context, $"{name}[{size}]", (nuint)size, 64, config, category);
        }
    }

    /// <summary>Bytes of the smallest class.</summary>
    public ulong MinClassSize => 1UL << _minShift;

    /// <summary>Bytes of the largest class.</summary>
    public ulong MaxClassSize => 1UL << (_minShift + _classes.Length - 1);

    /// <inheritdoc/>
    public override SlotPool[] SlotPools => _classes;

    /// <summary>
    /// Checks the class sizes (0 = defaults), then creates, registers and preallocates a byte
    /// pool whose memory counts as <paramref name="category"/> (bitstream for host pools, staging
    /// for the context's staging pool).
    /// </summary>
    public static ReelResult Create(ReelContext context, string? name, ulong minClass, ulong maxClass, PoolConfig config,
        string function, out BytePool? pool, MemoryCategory category = MemoryCategory.Bitstream)
    {
        pool = null;
        string where = $"{function}: desc->";
        minClass = minClass == 0 ? DefaultMinClass : minClass;
        maxClass = maxClass == 0 ? System.Math.Max(DefaultMaxClass, minClass) : maxClass;
        if (!BitOperations.IsPow2(minClass) || minClass < SmallestClass || minClass > LargestClass)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{where}min_class_size is {minClass}; allowed a power of two from {SmallestClass} to {LargestClass}, or 0 for {DefaultMinClass}");
        if (!BitOperations.IsPow2(maxClass) || maxClass < minClass || maxClass > LargestClass)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{where}max_class_size is {maxClass}; allowed a power of two from min_class_size ({minClass}) to {LargestClass}, or 0 for {DefaultMaxClass}");
        var created = new BytePool(context, LabelOf(name, PoolKind.Bytes), minClass, maxClass, config, category);
        ReelResult result = created.Register(function);
        pool = result == ReelResult.Success ? created : null;
        return result;
    }

    /// <inheritdoc/>
    public override ReelResult AcquireBytes(nuint size, string function, out Handle buffer)
    {
        if (size == 0 || size > (nuint)MaxClassSize)
        {
            buffer = Handle.Null;
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: size is {size}; pool '{Name}' serves 1 to {MaxClassSize} bytes (its largest class, max_class_size)");
        }
        int shift = BitOperations.Log2(BitOperations.RoundUpToPowerOf2((ulong)size));
        int index = shift <= _minShift ? 0 : shift - _minShift;
        return _classes[index].Acquire(size, function, out buffer);
    }
}
