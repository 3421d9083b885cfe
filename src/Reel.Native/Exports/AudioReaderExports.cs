using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Containers;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_audio_reader_open/get_info/read/close.</summary>
internal static unsafe class AudioReaderExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_audio_reader_open")]
    public static ReelResult Open(ulong context, byte* path, SampleFormat format, ulong* outReader)
    {
        const string Function = "reel_audio_reader_open";
        try
        {
            ReelResult result = Arguments.NotNull(outReader, Function, "out_reader");
            if (result != ReelResult.Success
                || (result = Arguments.Context(context, Function, out ReelContext? owner)) != ReelResult.Success
                || (result = MediaArguments.Path(path, Function, "path", out string file)) != ReelResult.Success)
            {
                return result;
            }
            result = AudioInput.Open(owner!, file, format, Function, out AudioInput? reader);
            if (result == ReelResult.Success)
                *outReader = reader!.Handle.Value;
            return result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_audio_reader_get_info")]
    public static ReelResult GetInfo(ulong reader, uint* outSampleRate, uint* outChannels, ulong* outFrames)
    {
        const string Function = "reel_audio_reader_get_info";
        try
        {
            ReelResult result = MediaFile.Resolve(AudioInput.Table, reader, Function, "reader", out AudioInput? file);
            if (result != ReelResult.Success)
                return result;
            if (outSampleRate != null)
                *outSampleRate = (uint)file!.SampleRate;
            if (outChannels != null)
                *outChannels = (uint)file!.Channels;
            if (outFrames != null)
                *outFrames = (ulong)Math.Max(0, file!.DurationFrames);
            return ReelResult.Success;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_audio_reader_read")]
    public static ReelResult Read(ulong reader, void* samples, uint maxFrames, uint* outFrames)
    {
        const string Function = "reel_audio_reader_read";
        try
        {
            ReelResult result = Arguments.NotNull(outFrames, Function, "out_frames");
            if (result != ReelResult.Success
                || (result = Arguments.NotNull(samples, Function, "samples")) != ReelResult.Success
                || (result = MediaFile.Resolve(AudioInput.Table, reader, Function, "reader", out AudioInput? file)) != ReelResult.Success)
            {
                return result;
            }
            *outFrames = 0;
            if (maxFrames == 0 || maxFrames > 1u << 24)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: max_frames is {maxFrames}; allowed 1 to 16777216");
            result = file!.Read(samples, (int)maxFrames, Function, out int read);
            *outFrames = (uint)read;
            return result == ReelResult.Success && read == 0 ? ReelResult.EndOfStream : result;
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_audio_reader_close")]
    public static ReelResult Close(ulong reader)
    {
        const string Function = "reel_audio_reader_close";
        try
        {
            return MediaFileCalls.Close(AudioInput.Table, reader, Function, "reader");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
