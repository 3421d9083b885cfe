using Reel.Abi;

namespace Reel.Codecs.Frames;

/// <summary>
/// A producer attached to an <see cref="IPictureTarget"/> (the movie writer's GPU input): the
/// target finishes it before it ends, so that every picture in flight is committed (or
/// cancelled, when its work cannot complete) and the producer's resources are gone.
/// </summary>
public interface IPictureSource
{
    /// <summary>
    /// Waits for the pictures in flight and commits them, then releases the producer's
    /// resources. Runs once; later calls return Success. Timeout when work did not complete.
    /// </summary>
    ReelResult Finish(string function);
}
