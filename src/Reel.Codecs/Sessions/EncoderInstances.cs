using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Encoders;
using Reel.Context;
using Reel.Memory;

namespace Reel.Codecs.Sessions;

/// <summary>
/// Creates and disposes encoder instances with their accounting: the native memory Reel can
/// see an instance hold (SVT-AV1's opaque configuration block and input descriptors) is
/// charged to the context's codec category while the instance lives, whether a session or the
/// session pool holds it.
/// </summary>
internal static class EncoderInstances
{
    /// <summary>Creates an instance and charges its visible memory to <paramref name="context"/>.</summary>
    public static ReelResult Create(IEncoderFactory factory, EncoderSettings settings, ReelContext context, string function, out IEncoder? encoder)
    {
        ReelResult result = factory.Create(settings, function, out encoder);
        if (result == ReelResult.Success)
            context.Memory.Charge(MemoryCategory.Codec, encoder!.VisibleNativeBytes);
        return result;
    }

    /// <summary>Disposes an instance (an unfinished stream is ended and drained first) and discharges its memory.</summary>
    public static void Dispose(IEncoder encoder, ReelContext context)
    {
        long bytes = encoder.VisibleNativeBytes;
        encoder.Dispose();
        context.Memory.Discharge(MemoryCategory.Codec, bytes);
    }
}
