using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Codecs;

namespace Reel.Codecs.Decoders;

/// <summary>
/// An <see cref="IPictureAllocator"/> on aligned system memory: one block per picture, freed on
/// release. Counts what it hands out, so tests can prove that nothing leaks, and can cap the
/// number of live pictures. Thread-safe.
/// </summary>
public sealed unsafe class NativePictureAllocator : IPictureAllocator
{
    private readonly int _limit;
    private long _outstanding;
    private long _outstandingBytes;
    private long _allocations;
    private long _releases;
    private long _peakOutstanding;

    /// <summary>
    /// Creates an allocator that holds at most <paramref name="maxOutstanding"/> pictures at
    /// once (0 = no limit); beyond it Allocate returns ErrorLimitReached.
    /// </summary>
    public NativePictureAllocator(int maxOutstanding = 0)
    {
        _limit = maxOutstanding;
    }

    /// <summary>Pictures allocated and not yet released.</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Bytes of the pictures allocated and not yet released.</summary>
    public long OutstandingBytes => Interlocked.Read(ref _outstandingBytes);

    /// <summary>Successful allocations so far.</summary>
    public long Allocations => Interlocked.Read(ref _allocations);

    /// <summary>Releases so far.</summary>
    public long Releases => Interlocked.Read(ref _releases);

    /// <summary>Most pictures outstanding at any one time.</summary>
    public long PeakOutstanding => Interlocked.Read(ref _peakOutstanding);

    /// <inheritdoc />
    public ReelResult Allocate(in PictureRequest request, out PictureBuffer buffer)
    {
        buffer = default;
        long outstanding = Interlocked.Increment(ref _outstanding);
        if (_limit > 0 && outstanding > _limit)
        {
            Interlocked.Decrement(ref _outstanding);
            return LastErrorLimit(outstanding - 1);
        }
        nuint size = request.TotalSize;
        byte* block = (byte*)NativeMemory.AlignedAlloc(size, PictureRequest.Alignment);
        if (block == null)
        {
            Interlocked.Decrement(ref _outstanding);
            return CodecErrors.OutOfMemory($"NativePictureAllocator: {size} bytes for a {request.Width}x{request.Height} picture could not be allocated");
        }
        Interlocked.Add(ref _outstandingBytes, (long)size);
        Interlocked.Increment(ref _allocations);
        long peak;
        while (outstanding > (peak = Interlocked.Read(ref _peakOutstanding))
               && Interlocked.CompareExchange(ref _peakOutstanding, outstanding, peak) != peak)
        {
        }
        // The token carries the size so that Release can account bytes without a lookup.
        buffer = request.Carve(block, (nint)size);
        return ReelResult.Success;
    }

    /// <inheritdoc />
    public void Release(in PictureBuffer buffer)
    {
        if (buffer.Y == null)
            return;
        NativeMemory.AlignedFree(buffer.Y);
        Interlocked.Add(ref _outstandingBytes, -(long)buffer.Token);
        Interlocked.Decrement(ref _outstanding);
        Interlocked.Increment(ref _releases);
    }

    private ReelResult LastErrorLimit(long outstanding)
        => Reel.Errors.LastError.Set(ReelResult.ErrorLimitReached,
            $"NativePictureAllocator: {outstanding} pictures are outstanding; the limit is {_limit} (release decoded pictures)");
}
