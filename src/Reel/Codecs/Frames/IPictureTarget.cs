using Reel.Abi;

namespace Reel.Codecs.Frames;

/// <summary>
/// Where a producer that finishes pictures later (a GPU conversion of a host's image) puts
/// them: it reserves a pooled 8-bit 4:2:0 frame when the work is queued, so that a frame in
/// flight is an outstanding buffer the outstanding report names, fills its planes when the
/// work completes, and commits it (or cancels it when the work was abandoned). Reservations
/// are committed in the order they were made.
/// </summary>
public interface IPictureTarget
{
    /// <summary>Width of the pictures in pixels.</summary>
    int Width { get; }

    /// <summary>Height of the pictures in rows.</summary>
    int Height { get; }

    /// <summary>
    /// Reserves a frame for picture number <paramref name="sequence"/> (its pts in the pool's
    /// outstanding list until committed) tagged with <paramref name="tag"/>.
    /// </summary>
    ReelResult Reserve(long sequence, ulong tag, string function, out PictureReservation reservation);

    /// <summary>Hands a filled reservation on (to the encoder); the reservation is spent either way.</summary>
    ReelResult Commit(in PictureReservation reservation, string function);

    /// <summary>Gives a reservation back unfilled.</summary>
    void Cancel(in PictureReservation reservation, string function);
}
