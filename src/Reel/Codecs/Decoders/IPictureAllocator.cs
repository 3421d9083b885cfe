using Reel.Abi;

namespace Reel.Codecs.Decoders;

/// <summary>
/// Where decoded pictures live. The decoder asks for every picture through this interface and
/// writes into the memory it returns, so a decoded frame is the allocator's memory: zero
/// copies. Reel's frame pools implement it; <see cref="NativePictureAllocator"/> is a simple
/// implementation on aligned system memory.
/// </summary>
/// <remarks>
/// Threading: <see cref="Allocate"/> runs on the thread that called the decoder
/// (SendData / GetPicture). <see cref="Release"/> may run on any thread, including dav1d's
/// frame workers and the thread that disposes the decoder, concurrently with Allocate and with
/// other Releases: it must be thread-safe and must not block for long. Neither may throw: an
/// exception is caught, counted as a failure, and (in Allocate) turned into an out-of-memory
/// error of the decode call.
/// </remarks>
public interface IPictureAllocator
{
    /// <summary>
    /// Provides memory for <paramref name="request"/>: planes 64-byte aligned, strides multiples
    /// of 64 and at least the requested ones, each plane at least stride times the requested
    /// rows, plus <see cref="PictureRequest.Padding"/> readable bytes after the last plane
    /// (<see cref="PictureRequest.Carve"/> does this for one block of
    /// <see cref="PictureRequest.TotalSize"/> bytes). Returns Success, or an error (with
    /// LastError set) when no memory is available; the decode call then fails with
    /// ErrorOutOfMemory and that message.
    /// </summary>
    ReelResult Allocate(in PictureRequest request, out PictureBuffer buffer);

    /// <summary>Takes back a buffer from <see cref="Allocate"/>, from any thread.</summary>
    void Release(in PictureBuffer buffer);
}
