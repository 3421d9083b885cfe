using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;

namespace Reel.Native.Exports;

/// <summary>reel_movie_writer_begin/write_frame/write_image/get_stats/end.</summary>
internal static unsafe class MovieWriterExports
{
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
            result = MovieWriter.Begin(owner!, file, options!, Function, out MovieWriter? writer);
            if (result == ReelResult.Success)
                *outWriter = writer!.Handle.Value;
            return result;
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
        };
        return VersionedStruct.Write(destination, in stats, function, "out_stats");
    }
}
