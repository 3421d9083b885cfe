using System;
using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Errors;
using Reel.Logging;

namespace Reel.Backends;

/// <summary>
/// The one list of backends in this libreel. src/Reel.Native registers the backends of the
/// platform once at load (one line each); everything else — reel_backend_caps,
/// reel_codec_get_caps, sessions, the encoder pool, the movie writer, the seeking decoder —
/// reads this list, so no two answers can disagree. Reads take a snapshot (an array replaced
/// on registration), so they never lock.
/// </summary>
public static class BackendRegistry
{
    private static readonly object s_lock = new();
    private static IBackend[] s_backends = [];

    /// <summary>Every registered backend, in registration order (reel_backend_caps index order).</summary>
    public static IReadOnlyList<IBackend> All => Volatile.Read(ref s_backends);

    /// <summary>Adds <paramref name="backend"/>, replacing a registered backend of the same name (tests swap backends this way).</summary>
    public static void Register(IBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        lock (s_lock)
        {
            IBackend[] current = s_backends;
            int index = Array.FindIndex(current, b => b.Name == backend.Name);
            var next = new List<IBackend>(current);
            if (index >= 0)
                next[index] = backend;
            else
                next.Add(backend);
            Volatile.Write(ref s_backends, next.ToArray());
        }
    }

    /// <summary>Removes the backend named <paramref name="name"/>; false if none (tests).</summary>
    public static bool Unregister(string name)
    {
        lock (s_lock)
        {
            IBackend[] current = s_backends;
            IBackend[] next = Array.FindAll(current, b => b.Name != name);
            Volatile.Write(ref s_backends, next);
            return next.Length != current.Length;
        }
    }

    /// <summary>The first registered backend that writes and reads containers other than IVF (FFmpeg's MP4/WebM/MKV), or null.</summary>
    public static Containers.IContainerBackend? ContainerBackend => Array.Find(Volatile.Read(ref s_backends), b => b is Containers.IContainerBackend) as Containers.IContainerBackend;

    /// <summary>The backend named <paramref name="name"/>, or null.</summary>
    public static IBackend? Find(string name) => Array.Find(Volatile.Read(ref s_backends), b => b.Name == name);

    /// <summary>Every encoder factory of every backend for <paramref name="codec"/>, hardware first, then in registration order.</summary>
    public static IReadOnlyList<IEncoderFactory> Encoders(VideoCodec codec)
    {
        var hardware = new List<IEncoderFactory>();
        var software = new List<IEncoderFactory>();
        foreach (IBackend backend in All)
        {
            foreach (IEncoderFactory factory in backend.Encoders)
            {
                if (factory.Codec == codec)
                    (factory.Kind == CodecBackend.Hardware ? hardware : software).Add(factory);
            }
        }
        hardware.AddRange(software);
        return hardware;
    }

    /// <summary>Every decoder factory for <paramref name="codec"/>, hardware first.</summary>
    public static IReadOnlyList<IDecoderFactory> Decoders(VideoCodec codec)
    {
        var hardware = new List<IDecoderFactory>();
        var software = new List<IDecoderFactory>();
        foreach (IBackend backend in All)
        {
            foreach (IDecoderFactory factory in backend.Decoders)
            {
                if (factory.Codec == codec)
                    (factory.Kind == CodecBackend.Hardware ? hardware : software).Add(factory);
            }
        }
        hardware.AddRange(software);
        return hardware;
    }

    /// <summary>
    /// The encoder factory for <paramref name="requested"/>, with <paramref name="settings"/>
    /// checked against it (messages start with <paramref name="prefix"/>, e.g.
    /// "reel_encoder_create: desc->"). AUTO without a usable hardware encoder logs a warning
    /// to <paramref name="log"/> naming the reason; HARDWARE without one is ErrorUnsupported.
    /// </summary>
    public static ReelResult SelectEncoder(CodecBackend requested, EncoderSettings settings, Logger log, string function, string prefix,
        out IEncoderFactory? factory)
        => SelectEncoder(Encoders(settings.Codec), requested, settings, log, function, prefix, out factory);

    /// <summary><see cref="SelectEncoder(CodecBackend, EncoderSettings, Logger, string, string, out IEncoderFactory?)"/> among <paramref name="all"/> (hardware first).</summary>
    internal static ReelResult SelectEncoder(IReadOnlyList<IEncoderFactory> all, CodecBackend requested, EncoderSettings settings, Logger log,
        string function, string prefix, out IEncoderFactory? factory)
    {
        factory = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{prefix}backend is {(int)requested}; allowed {BackendChoices}");
        string codec = CodecName(settings.Codec);
        if (requested != CodecBackend.Software)
        {
            string? refusal = null;
            foreach (IEncoderFactory candidate in all)
            {
                if (candidate.Kind != CodecBackend.Hardware)
                    continue;
                if (!candidate.IsAvailable(out string why))
                {
                    refusal ??= $"{candidate.Name}: {why}";
                    continue;
                }
                if (candidate.Check(settings, prefix) != ReelResult.Success)
                {
                    refusal ??= $"{candidate.Name}: {LastError.Message}";
                    continue;
                }
                factory = candidate;
                return ReelResult.Success;
            }
            string reason = refusal ?? $"no hardware {codec} encoder is registered in this libreel";
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: {reason}");
            IEncoderFactory? fallback = FirstSoftware(all);
            if (fallback is not null && log.IsEnabled(LogLevel.Warning))
                log.Write(LogLevel.Warning, $"{function}: backend AUTO: {reason}; encoding in software with {fallback.Name}");
        }
        foreach (IEncoderFactory candidate in all)
        {
            if (candidate.Kind != CodecBackend.Software)
                continue;
            ReelResult result = candidate.Check(settings, prefix);
            if (result != ReelResult.Success)
                return result;
            factory = candidate;
            return ReelResult.Success;
        }
        return CodecErrors.Unsupported($"{function}: no software {codec} encoder is registered in this libreel");
    }

    /// <summary>The decoder factory for <paramref name="requested"/>; as <see cref="SelectEncoder(CodecBackend, EncoderSettings, Logger, string, string, out IEncoderFactory?)"/>.</summary>
    public static ReelResult SelectDecoder(VideoCodec codec, CodecBackend requested, Logger log, string function, string prefix, out IDecoderFactory? factory)
        => SelectDecoder(Decoders(codec), codec, requested, log, function, prefix, out factory);

    /// <summary>Selection among <paramref name="all"/> (hardware first).</summary>
    internal static ReelResult SelectDecoder(IReadOnlyList<IDecoderFactory> all, VideoCodec codec, CodecBackend requested, Logger log,
        string function, string prefix, out IDecoderFactory? factory)
    {
        factory = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{prefix}backend is {(int)requested}; allowed {BackendChoices}");
        string name = CodecName(codec);
        if (requested != CodecBackend.Software)
        {
            string? refusal = null;
            foreach (IDecoderFactory candidate in all)
            {
                if (candidate.Kind != CodecBackend.Hardware)
                    continue;
                if (candidate.IsAvailable(out string why))
                {
                    factory = candidate;
                    return ReelResult.Success;
                }
                refusal ??= $"{candidate.Name}: {why}";
            }
            string reason = refusal ?? $"no hardware {name} decoder is registered in this libreel";
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: {reason}");
            IDecoderFactory? fallback = FirstSoftware(all);
            if (fallback is not null && log.IsEnabled(LogLevel.Warning))
                log.Write(LogLevel.Warning, $"{function}: backend AUTO: {reason}; decoding in software with {fallback.Name}");
        }
        factory = FirstSoftware(all);
        return factory is not null
            ? ReelResult.Success
            : CodecErrors.Unsupported($"{function}: no software {name} decoder is registered in this libreel");
    }

    /// <summary>
    /// The encoder and decoder factories of <paramref name="codec"/> that <paramref name="requested"/>
    /// stands for, as reel_codec_get_caps describes them: SOFTWARE the first software ones,
    /// HARDWARE the first hardware ones (ErrorUnsupported when none is registered), AUTO the
    /// hardware ones that are available now, else the software ones.
    /// </summary>
    public static ReelResult Describe(VideoCodec codec, CodecBackend requested, string function, out CodecBackend resolved,
        out IEncoderFactory? encoder, out IDecoderFactory? decoder)
    {
        resolved = requested;
        encoder = null;
        decoder = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{function}: backend is {(int)requested}; allowed {BackendChoices}");
        IReadOnlyList<IEncoderFactory> encoders = Encoders(codec);
        IReadOnlyList<IDecoderFactory> decoders = Decoders(codec);
        if (requested != CodecBackend.Software)
        {
            bool any = requested == CodecBackend.Hardware;
            encoder = First(encoders, f => f.Kind == CodecBackend.Hardware && (any || f.IsAvailable(out _)));
            decoder = First(decoders, f => f.Kind == CodecBackend.Hardware && (any || f.IsAvailable(out _)));
            if (encoder is not null || decoder is not null)
            {
                resolved = CodecBackend.Hardware;
                return ReelResult.Success;
            }
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: no hardware {CodecName(codec)} encoder or decoder is registered in this libreel");
        }
        resolved = CodecBackend.Software;
        encoder = FirstSoftware(encoders);
        decoder = FirstSoftware(decoders);
        return ReelResult.Success;
    }

    /// <summary>The codec's name in messages.</summary>
    public static string CodecName(VideoCodec codec) => codec switch
    {
        VideoCodec.Av1 => "AV1",
        VideoCodec.H264 => "H.264",
        VideoCodec.Hevc => "HEVC",
        VideoCodec.Vp9 => "VP9",
        _ => $"codec {(int)codec}",
    };

    private const string BackendChoices = "REEL_CODEC_BACKEND_AUTO (0), REEL_CODEC_BACKEND_SOFTWARE (1), REEL_CODEC_BACKEND_HARDWARE (2)";

    private static IEncoderFactory? FirstSoftware(IReadOnlyList<IEncoderFactory> all) => First(all, f => f.Kind == CodecBackend.Software);

    private static IDecoderFactory? FirstSoftware(IReadOnlyList<IDecoderFactory> all) => First(all, f => f.Kind == CodecBackend.Software);

    private static T? First<T>(IReadOnlyList<T> all, Func<T, bool> match) where T : class
    {
        foreach (T item in all)
        {
            if (match(item))
                return item;
        }
        return null;
    }
}
