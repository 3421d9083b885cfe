using Reel.Handles;

namespace Reel.Codecs.Frames;

/// <summary>A frame reserved by <see cref="IPictureTarget.Reserve"/>: the pooled buffer and its planes to fill.</summary>
/// <param name="Buffer">The pooled frame's handle.</param>
/// <param name="Planes">Its planes.</param>
/// <param name="Sequence">The picture number it was reserved for.</param>
public readonly record struct PictureReservation(Handle Buffer, I420Frame Planes, long Sequence);
