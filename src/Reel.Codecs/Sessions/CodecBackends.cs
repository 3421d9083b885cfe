using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Context;
using Reel.Codecs.Dav1d;
using Reel.Codecs.Encoders;
using Reel.Codecs.Svt;
using Reel.Errors;
using Reel.Logging;

namespace Reel.Codecs.Sessions;

/// <summary>
/// The registered encoder and decoder backends and the choice among them. Software (SVT-AV1,
/// dav1d) is always registered; a hardware backend registers itself with
/// <see cref="RegisterEncoder"/> / <see cref="RegisterDecoder"/> (a GPU device whose video
/// queues encode or decode AV1; none exists yet). AUTO picks the first hardware backend that is
/// available and accepts the settings, else software, and then logs a warning.
/// </summary>
internal static class CodecBackends
{
    /// <summary>Environment variable naming the SVT-AV1 library to load instead of libSvtAv1Enc.so.1 (a bundled copy; tests point it at a missing name).</summary>
    public const string SvtLibraryVariable = "REEL_SVTAV1_LIBRARY";

    /// <summary>Environment variable naming the dav1d library to load instead of libdav1d.so.6.</summary>
    public const string Dav1dLibraryVariable = "REEL_DAV1D_LIBRARY";

    private static readonly object s_lock = new();
    private static IEncoderFactory[] s_encoders = [new SvtEncoderFactory()];
    private static IDecoderFactory[] s_decoders = [new Dav1dDecoderFactory()];

    /// <summary>The name SVT-AV1 is loaded by: <see cref="SvtLibraryVariable"/> if set, else libSvtAv1Enc.so.1.</summary>
    public static string SvtLibraryName => Variable(SvtLibraryVariable) ?? SvtAv1Library.DefaultName;

    /// <summary>The name dav1d is loaded by: <see cref="Dav1dLibraryVariable"/> if set, else libdav1d.so.6.</summary>
    public static string Dav1dLibraryName => Variable(Dav1dLibraryVariable) ?? Dav1dLibrary.DefaultName;

    /// <summary>Every encoder backend, hardware first.</summary>
    public static IReadOnlyList<IEncoderFactory> Encoders => System.Threading.Volatile.Read(ref s_encoders);

    /// <summary>Every decoder backend, hardware first.</summary>
    public static IReadOnlyList<IDecoderFactory> Decoders => System.Threading.Volatile.Read(ref s_decoders);

    /// <summary>Adds a backend; hardware backends go before software ones so AUTO tries them first.</summary>
    public static void RegisterEncoder(IEncoderFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (s_lock)
            s_encoders = Insert(s_encoders, factory, factory.Kind == CodecBackend.Hardware);
    }

    /// <summary>Adds a decoder backend; hardware first.</summary>
    public static void RegisterDecoder(IDecoderFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (s_lock)
            s_decoders = Insert(s_decoders, factory, factory.Kind == CodecBackend.Hardware);
    }

    /// <summary>
    /// The encoder backend for <paramref name="requested"/>, with <paramref name="settings"/>
    /// checked against it (messages start with <paramref name="prefix"/>, e.g.
    /// "reel_encoder_create: desc->"). AUTO without hardware logs a warning to
    /// <paramref name="log"/>. HARDWARE without a hardware backend is ErrorUnsupported.
    /// </summary>
    public static ReelResult SelectEncoder(CodecBackend requested, EncoderSettings settings, Logger log, string function, string prefix,
        out IEncoderFactory? factory)
        => SelectEncoder(Encoders, requested, settings, log, function, prefix, out factory);

    /// <summary><see cref="SelectEncoder(CodecBackend, EncoderSettings, Logger, string, string, out IEncoderFactory?)"/> among <paramref name="all"/> (hardware first).</summary>
    internal static ReelResult SelectEncoder(IReadOnlyList<IEncoderFactory> all, CodecBackend requested, EncoderSettings settings, Logger log,
        string function, string prefix, out IEncoderFactory? factory)
    {
        factory = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{prefix}backend is {(int)requested}; allowed REEL_CODEC_BACKEND_AUTO (0), REEL_CODEC_BACKEND_SOFTWARE (1), REEL_CODEC_BACKEND_HARDWARE (2)");
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
            string reason = refusal ?? "no hardware AV1 encoder backend is registered in this libreel (a GPU device with AV1 video encode would provide one)";
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: {reason}");
            if (log.IsEnabled(LogLevel.Warning))
                log.Write(LogLevel.Warning, $"{function}: backend AUTO: {reason}; encoding in software with SVT-AV1");
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
        return CodecErrors.Unsupported($"{function}: no software encoder backend is registered");
    }

    /// <summary>The decoder backend for <paramref name="requested"/>; as <see cref="SelectEncoder"/>.</summary>
    public static ReelResult SelectDecoder(CodecBackend requested, Logger log, string function, string prefix, out IDecoderFactory? factory)
        => SelectDecoder(Decoders, requested, log, function, prefix, out factory);

    /// <summary><see cref="SelectDecoder(CodecBackend, Logger, string, string, out IDecoderFactory?)"/> among <paramref name="all"/> (hardware first).</summary>
    internal static ReelResult SelectDecoder(IReadOnlyList<IDecoderFactory> all, CodecBackend requested, Logger log, string function, string prefix,
        out IDecoderFactory? factory)
    {
        factory = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{prefix}backend is {(int)requested}; allowed REEL_CODEC_BACKEND_AUTO (0), REEL_CODEC_BACKEND_SOFTWARE (1), REEL_CODEC_BACKEND_HARDWARE (2)");
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
            string reason = refusal ?? "no hardware AV1 decoder backend is registered in this libreel (a GPU device with AV1 video decode would provide one)";
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: {reason}");
            if (log.IsEnabled(LogLevel.Warning))
                log.Write(LogLevel.Warning, $"{function}: backend AUTO: {reason}; decoding in software with dav1d");
        }
        foreach (IDecoderFactory candidate in all)
        {
            if (candidate.Kind == CodecBackend.Software)
            {
                factory = candidate;
                return ReelResult.Success;
            }
        }
        return CodecErrors.Unsupported($"{function}: no software decoder backend is registered");
    }

    /// <summary>
    /// Checks <paramref name="options"/>' codec settings, picks the backend they ask for and
    /// opens a decoder in <paramref name="context"/>: what a decoder session and a seeking
    /// decoder share. <paramref name="prefix"/> starts messages about fields (e.g. "f: desc->").
    /// </summary>
    public static ReelResult OpenDecoder(ReelContext context, DecoderSessionOptions options, string function, string prefix,
        out IDecoderFactory? factory, out IDecoder? decoder)
    {
        factory = null;
        decoder = null;
        ReelResult result = options.Settings.Validate(prefix);
        if (result == ReelResult.Success)
            result = SelectDecoder(options.Backend, context.Log, function, prefix, out factory);
        if (result == ReelResult.Success)
            result = factory!.Create(context, options.Name, options.Settings.Clone(), options.FramesHeld, function, out decoder);
        return result;
    }

    /// <summary>
    /// The encoder and decoder backends <paramref name="requested"/> stands for, as reel_codec_get_caps
    /// describes them: SOFTWARE the software pair, HARDWARE the first hardware ones (ErrorUnsupported
    /// when none is registered), AUTO the hardware ones that are available, else the software ones.
    /// </summary>
    public static ReelResult Describe(CodecBackend requested, string function, out CodecBackend resolved,
        out IEncoderFactory? encoder, out IDecoderFactory? decoder)
    {
        resolved = requested;
        encoder = null;
        decoder = null;
        if (!Enum.IsDefined(requested))
            return CodecErrors.InvalidArgument($"{function}: backend is {(int)requested}; allowed REEL_CODEC_BACKEND_AUTO (0), REEL_CODEC_BACKEND_SOFTWARE (1), REEL_CODEC_BACKEND_HARDWARE (2)");
        if (requested != CodecBackend.Software)
        {
            foreach (IEncoderFactory candidate in Encoders)
            {
                if (candidate.Kind == CodecBackend.Hardware && (requested == CodecBackend.Hardware || candidate.IsAvailable(out _)))
                {
                    encoder = candidate;
                    break;
                }
            }
            foreach (IDecoderFactory candidate in Decoders)
            {
                if (candidate.Kind == CodecBackend.Hardware && (requested == CodecBackend.Hardware || candidate.IsAvailable(out _)))
                {
                    decoder = candidate;
                    break;
                }
            }
            if (encoder is not null || decoder is not null)
            {
                resolved = CodecBackend.Hardware;
                return ReelResult.Success;
            }
            if (requested == CodecBackend.Hardware)
                return CodecErrors.Unsupported($"{function}: backend REEL_CODEC_BACKEND_HARDWARE: no hardware AV1 encoder or decoder backend is registered in this libreel (a GPU device with AV1 video encode or decode would provide one)");
        }
        resolved = CodecBackend.Software;
        foreach (IEncoderFactory candidate in Encoders)
        {
            if (candidate.Kind == CodecBackend.Software)
            {
                encoder = candidate;
                break;
            }
        }
        foreach (IDecoderFactory candidate in Decoders)
        {
            if (candidate.Kind == CodecBackend.Software)
            {
                decoder = candidate;
                break;
            }
        }
        return ReelResult.Success;
    }

    private static T[] Insert<T>(T[] existing, T item, bool first)
    {
        var list = new List<T>(existing);
        if (first)
            list.Insert(0, item);
        else
            list.Add(item);
        return list.ToArray();
    }

    private static string? Variable(string name)
    {
        string? value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
