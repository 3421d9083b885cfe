using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Sessions;
using Reel.Native.Interop;

namespace Reel.Native.Exports;

/// <summary>
/// reel_ivf_reader_*, reel_ivf_writer_*, reel_y4m_reader_*, reel_y4m_writer_*: one guarded
/// thunk per C function, all calling the format-independent <see cref="MediaFileCalls"/>.
/// </summary>
internal static unsafe class MediaFileExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_open")]
    public static ReelResult IvfReaderOpen(ulong context, byte* path, ulong* outReader)
    {
        const string Function = "reel_ivf_reader_open";
        try
        {
            return MediaFileCalls.Open<IvfInput>(context, path, outReader, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_get_info")]
    public static ReelResult IvfReaderGetInfo(ulong reader, reel_media_info_t* outInfo)
    {
        const string Function = "reel_ivf_reader_get_info";
        try
        {
            return MediaFileCalls.GetInfo(IvfInput.Table, reader, outInfo, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_read")]
    public static ReelResult IvfReaderRead(ulong reader, ulong pool, ulong* outPacket)
    {
        const string Function = "reel_ivf_reader_read";
        try
        {
            return MediaFileCalls.Read<IvfInput>(reader, pool, outPacket, Function, "out_packet");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_reader_close")]
    public static ReelResult IvfReaderClose(ulong reader)
    {
        const string Function = "reel_ivf_reader_close";
        try
        {
            return MediaFileCalls.Close(IvfInput.Table, reader, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_create")]
    public static ReelResult IvfWriterCreate(ulong context, byte* path, reel_media_info_t* info, ulong* outWriter)
    {
        const string Function = "reel_ivf_writer_create";
        try
        {
            return MediaFileCalls.Create<IvfOutput>(context, path, info, outWriter, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_write")]
    public static ReelResult IvfWriterWrite(ulong writer, ulong packet)
    {
        const string Function = "reel_ivf_writer_write";
        try
        {
            return MediaFileCalls.Write<IvfOutput>(writer, packet, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_get_info")]
    public static ReelResult IvfWriterGetInfo(ulong writer, reel_media_info_t* outInfo)
    {
        const string Function = "reel_ivf_writer_get_info";
        try
        {
            return MediaFileCalls.GetInfo(IvfOutput.Table, writer, outInfo, Function, "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_ivf_writer_close")]
    public static ReelResult IvfWriterClose(ulong writer)
    {
        const string Function = "reel_ivf_writer_close";
        try
        {
            return MediaFileCalls.Close(IvfOutput.Table, writer, Function, "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_open")]
    public static ReelResult Y4mReaderOpen(ulong context, byte* path, ulong* outReader)
    {
        const string Function = "reel_y4m_reader_open";
        try
        {
            return MediaFileCalls.Open<Y4mInput>(context, path, outReader, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_get_info")]
    public static ReelResult Y4mReaderGetInfo(ulong reader, reel_media_info_t* outInfo)
    {
        const string Function = "reel_y4m_reader_get_info";
        try
        {
            return MediaFileCalls.GetInfo(Y4mInput.Table, reader, outInfo, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_read")]
    public static ReelResult Y4mReaderRead(ulong reader, ulong pool, ulong* outFrame)
    {
        const string Function = "reel_y4m_reader_read";
        try
        {
            return MediaFileCalls.Read<Y4mInput>(reader, pool, outFrame, Function, "out_frame");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_reader_close")]
    public static ReelResult Y4mReaderClose(ulong reader)
    {
        const string Function = "reel_y4m_reader_close";
        try
        {
            return MediaFileCalls.Close(Y4mInput.Table, reader, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_create")]
    public static ReelResult Y4mWriterCreate(ulong context, byte* path, reel_media_info_t* info, ulong* outWriter)
    {
        const string Function = "reel_y4m_writer_create";
        try
        {
            return MediaFileCalls.Create<Y4mOutput>(context, path, info, outWriter, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_write")]
    public static ReelResult Y4mWriterWrite(ulong writer, ulong frame)
    {
        const string Function = "reel_y4m_writer_write";
        try
        {
            return MediaFileCalls.Write<Y4mOutput>(writer, frame, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_get_info")]
    public static ReelResult Y4mWriterGetInfo(ulong writer, reel_media_info_t* outInfo)
    {
        const string Function = "reel_y4m_writer_get_info";
        try
        {
            return MediaFileCalls.GetInfo(Y4mOutput.Table, writer, outInfo, Function, "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_y4m_writer_close")]
    public static ReelResult Y4mWriterClose(ulong writer)
    {
        const string Function = "reel_y4m_writer_close";
        try
        {
            return MediaFileCalls.Close(Y4mOutput.Table, writer, Function, "writer");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
