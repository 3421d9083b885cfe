using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Text;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Containers;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_media_reader_open/get_info/stream_count/get_stream/read/seek/close.</summary>
internal static unsafe class MediaReaderExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_open")]
    public static ReelResult Open(ulong context, byte* path, ulong* outReader)
    {
        const string Function = "reel_media_reader_open";
        try
        {
            ReelResult result = Arguments.NotNull(outReader, Function, "out_reader");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success)
            {
                return result;
            }
            result = MediaInput.Open(owner!, file, Function, out MediaInput? reader);
            if (result == ReelResult.Success)
                *outReader = reader!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_get_info")]
    public static ReelResult GetInfo(ulong reader, reel_media_info_t* outInfo)
    {
        const string Function = "reel_media_reader_get_info";
        try
        {
            ReelResult result = MediaFile.Resolve(MediaInput.Table, reader, Function, "reader", out MediaInput? file);
            return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_stream_count")]
    public static ReelResult StreamCount(ulong reader, uint* outCount)
    {
        const string Function = "reel_media_reader_stream_count";
        try
        {
            ReelResult result = Arguments.NotNull(outCount, Function, "out_count");
            if (result != ReelResult.Success
                || (result = MediaFile.Resolve(MediaInput.Table, reader, Function, "reader", out MediaInput? file)) != ReelResult.Success)
            {
                return result;
            }
            *outCount = (uint)file!.Streams.Count;
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_get_stream")]
    public static ReelResult GetStream(ulong reader, uint index, reel_stream_info_t* outInfo)
    {
        const string Function = "reel_media_reader_get_stream";
        try
        {
            ReelResult result = Arguments.NotNull(outInfo, Function, "out_info");
            if (result != ReelResult.Success
                || (result = MediaFile.Resolve(MediaInput.Table, reader, Function, "reader", out MediaInput? file)) != ReelResult.Success)
            {
                return result;
            }
            IReadOnlyList<MediaStreamInfo> streams = file!.Streams;
            if (index >= streams.Count)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: index is {index}; allowed 0 to {streams.Count - 1} (the file has {streams.Count} streams)");
            MediaStreamInfo s = streams[(int)index];
            var desc = new reel_stream_info_t
            {
                kind = (StreamKind)(int)s.Kind,
                duration_seconds = s.DurationSeconds,
                frame_count = (ulong)Math.Max(0, s.FrameCount),
                width = (uint)Math.Max(0, s.Width),
                height = (uint)Math.Max(0, s.Height),
                fps_num = (uint)Math.Max(0, s.FpsNumerator),
                fps_den = (uint)Math.Max(0, s.FpsDenominator),
                sample_rate = (uint)Math.Max(0, s.SampleRate),
                channels = (uint)Math.Max(0, s.Channels),
                sample_count = (ulong)Math.Max(0, s.SampleCount),
                bit_rate = (ulong)Math.Max(0, s.BitRate),
                index_entries = (ulong)Math.Max(0, s.IndexEntries),
            };
            byte[] name = Encoding.UTF8.GetBytes(s.CodecName);
            int length = Math.Min(name.Length, 31);
            for (int i = 0; i < length; i++)
                desc.codec[i] = name[i];
            return VersionedStruct.Write(outInfo, in desc, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_read")]
    public static ReelResult Read(ulong reader, ulong pool, ulong* outPacket)
    {
        const string Function = "reel_media_reader_read";
        try
        {
            ReelResult result = Arguments.NotNull(outPacket, Function, "out_packet");
            if (result != ReelResult.Success)
                return result;
            *outPacket = 0;
            if ((result = MediaFile.Resolve(MediaInput.Table, reader, Function, "reader", out MediaInput? file)) != ReelResult.Success
                || (result = Arguments.Pool(pool, Function, out Pool? target)) != ReelResult.Success)
            {
                return result;
            }
            result = file!.Read(target!, Function, out Handle buffer);
            *outPacket = buffer.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_seek")]
    public static ReelResult Seek(ulong reader, ulong frame)
    {
        const string Function = "reel_media_reader_seek";
        try
        {
            ReelResult result = MediaFile.Resolve(MediaInput.Table, reader, Function, "reader", out MediaInput? file);
            if (result != ReelResult.Success)
                return result;
            if (frame > int.MaxValue)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: frame is {frame}; allowed 0 to {int.MaxValue}");
            return file!.Seek((long)frame, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_media_reader_close")]
    public static ReelResult Close(ulong reader)
    {
        const string Function = "reel_media_reader_close";
        try
        {
            return MediaFileCalls.Close(MediaInput.Table, reader, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
