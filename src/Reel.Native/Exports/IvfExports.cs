using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_ivf_reader_open/get_info/read/close, reel_ivf_writer_create/write/get_info/close.</summary>
internal static unsafe class IvfExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_open")]
    public static ReelResult IvfReaderOpen(ulong context, byte* path, ulong* outReader)
    {
        try
        {
            const string Function = "reel_ivf_reader_open";
            ReelResult result = Arguments.NotNull(outReader, Function, "out_reader");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success)
            {
                return result;
            }
            result = IvfInput.Open(owner!, file, Function, out IvfInput? reader);
            if (result == ReelResult.Success)
                *outReader = reader!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_reader_open", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_get_info")]
    public static ReelResult IvfReaderGetInfo(ulong reader, MediaInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_ivf_reader_get_info";
            ReelResult result = MediaFile.Resolve(IvfInput.Table, reader, Function, "reader", out IvfInput? file);
            return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_reader_get_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_read")]
    public static ReelResult IvfReaderRead(ulong reader, ulong pool, ulong* outPacket)
    {
        try
        {
            const string Function = "reel_ivf_reader_read";
            ReelResult result = Arguments.NotNull(outPacket, Function, "out_packet");
            if (result != ReelResult.Success)
                return result;
            *outPacket = 0;
            if ((result = MediaFile.Resolve(IvfInput.Table, reader, Function, "reader", out IvfInput? file)) != ReelResult.Success
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
            return ExportGuard.Fail("reel_ivf_reader_read", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_close")]
    public static ReelResult IvfReaderClose(ulong reader)
    {
        try
        {
            return MediaFile.Close(IvfInput.Table, new Handle(reader), "reel_ivf_reader_close", "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_reader_close", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_create")]
    public static ReelResult IvfWriterCreate(ulong context, byte* path, MediaInfoDesc* info, ulong* outWriter)
    {
        try
        {
            const string Function = "reel_ivf_writer_create";
            ReelResult result = Arguments.NotNull(outWriter, Function, "out_writer");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success
                || (result = MediaArguments.Info(info, Function, out MediaInfo media)) != ReelResult.Success)
            {
                return result;
            }
            result = IvfOutput.Create(owner!, file, media, Function, out IvfOutput? writer);
            if (result == ReelResult.Success)
                *outWriter = writer!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_writer_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_write")]
    public static ReelResult IvfWriterWrite(ulong writer, ulong packet)
    {
        try
        {
            const string Function = "reel_ivf_writer_write";
            ReelResult result = MediaFile.Resolve(IvfOutput.Table, writer, Function, "writer", out IvfOutput? file);
            return result != ReelResult.Success ? result : file!.Write(new Handle(packet), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_writer_write", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_get_info")]
    public static ReelResult IvfWriterGetInfo(ulong writer, MediaInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_ivf_writer_get_info";
            ReelResult result = MediaFile.Resolve(IvfOutput.Table, writer, Function, "writer", out IvfOutput? file);
            return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_writer_get_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_close")]
    public static ReelResult IvfWriterClose(ulong writer)
    {
        try
        {
            return MediaFile.Close(IvfOutput.Table, new Handle(writer), "reel_ivf_writer_close", "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_ivf_writer_close", e);
        }
    }
}
