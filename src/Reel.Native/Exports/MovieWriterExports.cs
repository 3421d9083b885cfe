using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Sessions;
using Reel.Containers;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;

namespace Reel.Native.Exports;

/// <summary>reel_movie_writer_begin/begin_ex/write_frame/write_image/write_audio/write_audio_buffer/get_stats/end.</summary>
internal static unsafe class MovieWriterExports
{
    /// <summary>reel_movie_desc_t.flags: keep MP4/MOV fragmented at end (no faststart rewrite).</summary>
    private const uint FlagNoFaststart = 0x1;

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_begin")]
    public static ReelResult Begin(ulong context, byte* path, reel_encoder_desc_t* settings, ulong* outWriter)
    {
        const string Function = "reel_movie_writer_begin";
        try
        {
            ReelResult result = Arguments.NotNull(outWriter, Function, "out_writer");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success
                || (result = EncoderDescReader.Read(settings, Function, "settings", allowPacketPool: false, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            result = MovieWriter.Begin(owner!, file, options!, MovieOptions.Legacy, Function, out MovieWriter? writer);
            if (result == ReelResult.Success)
                *outWriter = writer!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_begin_ex")]
    public static ReelResult BeginEx(ulong context, byte* path, reel_movie_desc_t* desc, ulong* outWriter)
    {
        const string Function = "reel_movie_writer_begin_ex";
        try
        {
            ReelResult result = Arguments.NotNull(outWriter, Function, "out_writer");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success
                || (result = Arguments.NotNull(desc, Function, "desc")) != ReelResult.Success
                || (result = VersionedStruct.Read(desc, Function, "desc", out reel_movie_desc_t d)) != ReelResult.Success
                || (result = Arguments.NotNull(d.video, Function, "desc->video")) != ReelResult.Success
                || (result = ReadMovie(d, Function, out MovieOptions? movie)) != ReelResult.Success
                || (result = EncoderDescReader.Read(d.video, Function, "desc->video", allowPacketPool: false, out EncoderSessionOptions? options)) != ReelResult.Success)
            {
                return result;
            }
            result = MovieWriter.Begin(owner!, file, options!, movie!, Function, out MovieWriter? writer);
            if (result == ReelResult.Success)
                *outWriter = writer!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_write_audio")]
    public static ReelResult WriteAudio(ulong writer, void* samples, ulong frames)
    {
        const string Function = "reel_movie_writer_write_audio";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            return result != ReelResult.Success ? result : movie!.WriteAudio(samples, (long)System.Math.Min(frames, long.MaxValue), Function, "samples", "frames");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_write_audio_buffer")]
    public static ReelResult WriteAudioBuffer(ulong writer, ulong audio)
    {
        const string Function = "reel_movie_writer_write_audio_buffer";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            return result != ReelResult.Success ? result : movie!.WriteAudioBuffer(new Handle(audio), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_write_frame")]
    public static ReelResult WriteFrame(ulong writer, ulong frame)
    {
        const string Function = "reel_movie_writer_write_frame";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            return result != ReelResult.Success ? result : movie!.WriteFrame(new Handle(frame), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_write_image")]
    public static ReelResult WriteImage(ulong writer, reel_image_t* image)
    {
        const string Function = "reel_movie_writer_write_image";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            if (result != ReelResult.Success
                || (result = Arguments.NotNull(image, Function, "image")) != ReelResult.Success
                || (result = VersionedStruct.Read(image, Function, "image", out reel_image_t d)) != ReelResult.Success)
            {
                return result;
            }
            var raw = new RawImage(d.format, (int)Math.Min(d.width, int.MaxValue), (int)Math.Min(d.height, int.MaxValue),
                (byte*)d.data[0], d.stride[0], (byte*)d.data[1], d.stride[1], (byte*)d.data[2], d.stride[2]);
            return movie!.WriteImage(raw, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_get_stats")]
    public static ReelResult GetStats(ulong writer, reel_movie_writer_stats_t* outStats)
    {
        const string Function = "reel_movie_writer_get_stats";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            return result != ReelResult.Success ? result : Write(outStats, movie!.GetStats(), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_end")]
    public static ReelResult End(ulong writer, reel_movie_writer_stats_t* outStats)
    {
        const string Function = "reel_movie_writer_end";
        try
        {
            // The handle is stale afterwards whatever the result (reel.h): the writer is finished
            // and destroyed first, and only then is a bad out_stats reported, saying so.
            ReelResult result = MovieWriter.End(new Handle(writer), Function, out MovieWriterStats stats);
            if (outStats == null || result == ReelResult.ErrorInvalidHandle)
                return result;
            ReelResult written = Write(outStats, stats, Function);
            if (written != ReelResult.Success && result == ReelResult.Success)
                return LastError.Set(written, $"{LastError.Message}; the writer was ended and its file is complete");
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    private static ReelResult Write(reel_movie_writer_stats_t* destination, in MovieWriterStats s, string function)
    {
        var stats = new reel_movie_writer_stats_t
        {
            queue_depth = (uint)s.QueueDepth,
            frames_written = (ulong)s.FramesWritten,
            frames_encoded = (ulong)s.FramesEncoded,
            file_bytes = (ulong)s.FileBytes,
            frames_converted = (ulong)s.FramesConverted,
            encode_fps = s.EncodeFps,
            average_bitrate = s.AverageBitrate,
            elapsed_seconds = s.ElapsedSeconds,
            audio_samples = (ulong)s.AudioSamples,
            audio_packets = (ulong)s.AudioPackets,
            audio_bytes = (ulong)s.AudioBytes,
            audio_bitrate = s.AudioBitrate,
            overhead_bytes = s.OverheadBytes,
        };
        return VersionedStruct.Write(destination, in stats, function, "out_stats");
    }

    /// <summary>The file side of a reel_movie_desc_t; range checks of the sound are the container backend's (they depend on the codec).</summary>
    private static ReelResult ReadMovie(in reel_movie_desc_t d, string function, out MovieOptions? movie)
    {
        movie = null;
        if ((d.flags & ~FlagNoFaststart) != 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->flags is 0x{d.flags:X}; allowed REEL_MOVIE_FLAG_NO_FASTSTART (0x1) or 0");
        if (d.flush_interval_ms > 60000)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: desc->flush_interval_ms is {d.flush_interval_ms}; allowed 0 (1000) to 60000");
        AudioTrackSettings? audio = null;
        if (d.audio_codec != AudioCodec.None)
        {
            if (!System.Enum.IsDefined(d.audio_codec))
                return LastError.Set(ReelResult.ErrorInvalidArgument,
                    $"{function}: desc->audio_codec is {(int)d.audio_codec}; allowed REEL_AUDIO_CODEC_NONE (0), REEL_AUDIO_CODEC_OPUS (1) or REEL_AUDIO_CODEC_AAC (2)");
            audio = new AudioTrackSettings(d.audio_codec, d.audio_format, (int)System.Math.Min(d.audio_sample_rate, int.MaxValue),
                (int)System.Math.Min(d.audio_channels, int.MaxValue), (long)System.Math.Min(d.audio_bitrate, long.MaxValue));
        }
        int interval = d.flush_interval_ms == 0 ? MovieOptions.DefaultFlushIntervalMs : (int)d.flush_interval_ms;
        movie = new MovieOptions(d.container, audio, (d.flags & FlagNoFaststart) == 0, interval, true, "desc->");
        return ReelResult.Success;
    }
}
