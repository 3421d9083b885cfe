using Reel.Abi;
using Reel.Backends;
using Reel.Context;

namespace Reel.Codecs.Sessions;

/// <summary>What a decoder session and the seeking decoder share to start a decoder.</summary>
internal static class DecoderOpener
{
    /// <summary>
    /// Checks <paramref name="options"/>' codec settings, picks the backend they ask for from
    /// the <see cref="BackendRegistry"/> and opens a decoder in <paramref name="context"/>.
    /// <paramref name="prefix"/> starts messages about fields (e.g. "f: desc->").
    /// </summary>
    public static ReelResult Open(ReelContext context, DecoderSessionOptions options, string function, string prefix,
        out IDecoderFactory? factory, out IDecoder? decoder)
    {
        factory = null;
        decoder = null;
        ReelResult result = options.Settings.Validate(prefix);
        if (result == ReelResult.Success)
            result = BackendRegistry.SelectDecoder(options.Settings.Codec, options.Backend, context.Log, function, prefix, out factory);
        if (result == ReelResult.Success)
            result = factory!.Create(context, options.Name, options.Settings.Clone(), options.FramesHeld, function, out decoder);
        return result;
    }
}
