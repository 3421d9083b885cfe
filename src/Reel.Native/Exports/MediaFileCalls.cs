using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>
/// The functions of the file readers and writers (reel_ivf_*, reel_y4m_*), once for every
/// format: the exports in <see cref="MediaFileExports"/> pass their C name and the format.
/// </summary>
internal static unsafe class MediaFileCalls
{
    /// <summary>reel_*_reader_open.</summary>
    public static ReelResult Open<T>(ulong context, byte* path, ulong* outReader, string function) where T : MediaFile, IMediaInput<T>
    {
        ReelResult result = Arguments.NotNull(outReader, function, "out_reader");
        if (result != ReelResult.Success
            || (result = Arguments.Context(context, function, out ReelContext? owner)) != ReelResult.Success
            || (result = MediaArguments.Path(path, function, "path", out string file)) != ReelResult.Success)
        {
            return result;
        }
        result = T.Open(owner!, file, function, out T? reader);
        if (result == ReelResult.Success)
            *outReader = reader!.Handle.Value;
        return result;
    }

    /// <summary>reel_*_reader_read; <paramref name="outName"/> is the output parameter's C name (out_packet, out_frame).</summary>
    public static ReelResult Read<T>(ulong reader, ulong pool, ulong* outItem, string function, string outName) where T : MediaFile, IMediaInput<T>
    {
        ReelResult result = Arguments.NotNull(outItem, function, outName);
        if (result != ReelResult.Success)
            return result;
        *outItem = 0;
        if ((result = MediaFile.Resolve(T.Readers, reader, function, "reader", out T? file)) != ReelResult.Success
            || (result = Arguments.Pool(pool, function, out Pool? target)) != ReelResult.Success)
        {
            return result;
        }
        result = file!.Read(target!, function, out Handle buffer);
        *outItem = buffer.Value;
        return result;
    }

    /// <summary>reel_*_writer_create.</summary>
    public static ReelResult Create<T>(ulong context, byte* path, reel_media_info_t* info, ulong* outWriter, string function) where T : MediaFile, IMediaOutput<T>
    {
        ReelResult result = Arguments.NotNull(outWriter, function, "out_writer");
        if (result != ReelResult.Success
            || (result = Arguments.Context(context, function, out ReelContext? owner)) != ReelResult.Success
            || (result = MediaArguments.Path(path, function, "path", out string file)) != ReelResult.Success
            || (result = MediaArguments.Info(info, function, out MediaInfo media)) != ReelResult.Success)
        {
            return result;
        }
        result = T.Create(owner!, file, media, function, out T? writer);
        if (result == ReelResult.Success)
            *outWriter = writer!.Handle.Value;
        return result;
    }

    /// <summary>reel_*_writer_write.</summary>
    public static ReelResult Write<T>(ulong writer, ulong item, string function) where T : MediaFile, IMediaOutput<T>
    {
        ReelResult result = MediaFile.Resolve(T.Writers, writer, function, "writer", out T? file);
        return result != ReelResult.Success ? result : file!.Write(new Handle(item), function);
    }

    /// <summary>reel_*_reader_get_info and reel_*_writer_get_info.</summary>
    public static ReelResult GetInfo<T>(HandleTable<T> table, ulong raw, reel_media_info_t* outInfo, string function, string argument) where T : MediaFile
    {
        ReelResult result = MediaFile.Resolve(table, raw, function, argument, out T? file);
        return result != ReelResult.Success ? result : MediaArguments.Write(outInfo, file!.Info, function);
    }

    /// <summary>reel_*_reader_close and reel_*_writer_close.</summary>
    public static ReelResult Close<T>(HandleTable<T> table, ulong raw, string function, string argument) where T : MediaFile
        => MediaFile.Close(table, new Handle(raw), function, argument);
}
