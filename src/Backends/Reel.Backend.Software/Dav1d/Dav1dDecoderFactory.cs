using System;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Context;

namespace Reel.Backend.Software.Dav1d;

/// <summary>The software AV1 decoder: dav1d, loaded by <see cref="SoftwareBackend.Dav1dLibraryName"/>, decoding into Reel frame pools.</summary>
internal sealed class Dav1dDecoderFactory : IDecoderFactory
{
    /// <inheritdoc/>
    public CodecBackend Kind => CodecBackend.Software;

    /// <inheritdoc/>
    public VideoCodec Codec => VideoCodec.Av1;

    /// <inheritdoc/>
    public string Name => "dav1d";

    /// <inheritdoc/>
    public DecoderCapabilities Capabilities => Dav1dDecoder.Capabilities;

    /// <inheritdoc/>
    public bool IsAvailable(out string description)
    {
        string name = SoftwareBackend.Dav1dLibraryName;
        if (Dav1dLibrary.Load(name, out Dav1dLibrary? library) == ReelResult.Success)
        {
            description = $"dav1d {library!.Version} ({name})";
            return true;
        }
        description = Errors.LastError.Message;
        return false;
    }

    /// <inheritdoc/>
    public ReelResult Create(ReelContext context, string name, DecoderSettings settings, int framesHeld, string function, out IDecoder? decoder)
    {
        decoder = null;
        int threads = settings.Threads == 0 ? Environment.ProcessorCount : settings.Threads;
        // dav1d: max_frame_delay 0 means ceil(sqrt(threads)) capped at 8; never more than the threads.
        int delay = settings.MaxFrameDelay != 0
            ? Math.Min(settings.MaxFrameDelay, threads)
            : Math.Min((int)Math.Ceiling(Math.Sqrt(threads)), 8);
        var allocator = new FramePoolPictureAllocator(context, name, FramePoolPictureAllocator.PoolSize(delay, framesHeld));
        ReelResult result = Dav1dDecoder.Create(settings, allocator, SoftwareBackend.Dav1dLibraryName, function, out Dav1dDecoder? created);
        if (result != ReelResult.Success)
            return result;
        decoder = new Dav1dSessionDecoder(created!, allocator);
        return ReelResult.Success;
    }
}
