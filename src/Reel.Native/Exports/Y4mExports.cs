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

/// <summary>reel_y4m_reader_open/get_info/read/close, reel_y4m_writer_create/write/get_info/close.</summary>
internal static unsafe class Y4mExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_open")]
    public static ReelResult Y4mReaderOpen(ulong context, byte* path, ulong* outReader)
    {
        try
        {
            const string Function = "reel_y4m_reader_open";
            ReelResult result = Arguments.NotNull(outReader, Function, "out_reader");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success)
            {
                return result;
            }
            result = Y4mInput.Open(owner!, file, Function, out Y4mInput? reader);
            if (result == ReelResult.Success)
                *outReader = reader!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_reader_open", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_get_info")]
    public static ReelResult Y4mReaderGetInfo(ulong reader, MediaInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_y4m_reader_get_info";
            ReelResult result = MediaFile.Resolve(Y4mInput.Table, reader, Function, "reader", out Y4mInput? file);
            return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_reader_get_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_read")]
    public static ReelResult Y4mReaderRead(ulong reader, ulong pool, ulong* outFrame)
    {
        try
        {
            const string Function = "reel_y4m_reader_read";
            ReelResult result = Arguments.NotNull(outFrame, Function, "out_frame");
            if (result != ReelResult.Success)
                return result;
            *outFrame = 0;
            if ((result = MediaFile.Resolve(Y4mInput.Table, reader, Function, "reader", out Y4mInput? file)) != ReelResult.Success
                || (result = Arguments.Pool(pool, Function, out Pool? target)) != ReelResult.Success)
            {
                return result;
            }
            result = file!.Read(target!, Function, out Handle buffer);
            *outFrame = buffer.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_reader_read", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_close")]
    public static ReelResult Y4mReaderClose(ulong reader)
    {
        try
        {
            return MediaFile.Close(Y4mInput.Table, new Handle(reader), "reel_y4m_reader_close", "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_reader_close", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_create")]
    public static ReelResult Y4mWriterCreate(ulong context, byte* path, MediaInfoDesc* info, ulong* outWriter)
    {
        try
        {
            const string Function = "reel_y4m_writer_create";
            ReelResult result = Arguments.NotNull(outWriter, Function, "out_writer");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success
                || (result = MediaArguments.Info(info, Function, out MediaInfo media)) != ReelResult.Success)
            {
                return result;
            }
            result = Y4mOutput.Create(owner!, file, media, Function, out Y4mOutput? writer);
            if (result == ReelResult.Success)
                *outWriter = writer!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_writer_create", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_write")]
    public static ReelResult Y4mWriterWrite(ulong writer, ulong frame)
    {
        try
        {
            const string Function = "reel_y4m_writer_write";
            ReelResult result = MediaFile.Resolve(Y4mOutput.Table, writer, Function, "writer", out Y4mOutput? file);
            return result != ReelResult.Success ? result : file!.Write(new Handle(frame), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_writer_write", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_get_info")]
    public static ReelResult Y4mWriterGetInfo(ulong writer, MediaInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_y4m_writer_get_info";
            ReelResult result = MediaFile.Resolve(Y4mOutput.Table, writer, Function, "writer", out Y4mOutput? file);
            return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_writer_get_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_close")]
    public static ReelResult Y4mWriterClose(ulong writer)
    {
        try
        {
            return MediaFile.Close(Y4mOutput.Table, new Handle(writer), "reel_y4m_writer_close", "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_y4m_writer_close", e);
        }
    }
}
