using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Handles;
using Reel.Native.Interop;
using Reel.Pools;

namespace Reel.Native.Exports;

/// <summary>reel_buffer_retain/release/get_frame/get_audio/get_bytes/set_pts/set_tag/set_size.</summary>
internal static unsafe class BufferExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_retain")]
    public static ReelResult Retain(ulong buffer)
    {
        const string Function = "reel_buffer_retain";
        try
        {
            return Buffers.Retain(new Handle(buffer), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_release")]
    public static ReelResult Release(ulong buffer)
    {
        const string Function = "reel_buffer_release";
        try
        {
            return Buffers.Release(new Handle(buffer), Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_frame")]
    public static ReelResult GetFrame(ulong buffer, reel_frame_info_t* outInfo)
    {
        const string Function = "reel_buffer_get_frame";
        try
        {
            ReelResult result = Buffers.GetFrame(new Handle(buffer), Function, out FrameView view);
            if (result != ReelResult.Success)
                return result;
            FrameLayout layout = view.Layout;
            var info = new reel_frame_info_t
            {
                format = layout.Format,
                width = layout.Width,
                height = layout.Height,
                plane_count = (uint)layout.PlaneCount,
                pts = view.Pts,
                tag = view.Tag,
            };
            for (int i = 0; i < layout.PlaneCount; i++)
            {
                PlaneLayout plane = layout.Plane(i);
                info.data[i] = view.Memory + (nint)plane.Offset;
                info.stride[i] = plane.Stride;
                info.plane_size[i] = plane.Size;
            }
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_audio")]
    public static ReelResult GetAudio(ulong buffer, reel_audio_info_t* outInfo)
    {
        const string Function = "reel_buffer_get_audio";
        try
        {
            ReelResult result = Buffers.GetAudio(new Handle(buffer), Function, out AudioView view);
            if (result != ReelResult.Success)
                return result;
            AudioPool pool = view.Pool;
            var info = new reel_audio_info_t
            {
                format = pool.Format,
                channels = pool.Channels,
                samples = pool.Samples,
                sample_rate = pool.SampleRate,
                data = (void*)view.Memory,
                size = pool.SlotPools[0].BufferSize,
                pts = view.Pts,
                tag = view.Tag,
            };
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_bytes")]
    public static ReelResult GetBytes(ulong buffer, reel_bytes_info_t* outInfo)
    {
        const string Function = "reel_buffer_get_bytes";
        try
        {
            ReelResult result = Buffers.GetBytes(new Handle(buffer), Function, out BytesView view);
            if (result != ReelResult.Success)
                return result;
            var info = new reel_bytes_info_t
            {
                data = (byte*)view.Memory,
                capacity = view.Capacity,
                size = view.Size,
                pts = view.Pts,
                tag = view.Tag,
                dts = view.Dts,
                flags = view.Flags,
            };
            return VersionedStruct.Write(outInfo, in info, Function, "out_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_packet_info")]
    public static ReelResult SetPacketInfo(ulong buffer, long dts, uint flags)
    {
        const string Function = "reel_buffer_set_packet_info";
        try
        {
            return Buffers.SetPacketInfo(new Handle(buffer), dts, flags, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_pts")]
    public static ReelResult SetPts(ulong buffer, long pts)
    {
        const string Function = "reel_buffer_set_pts";
        try
        {
            return Buffers.SetPts(new Handle(buffer), pts, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_tag")]
    public static ReelResult SetTag(ulong buffer, ulong tag)
    {
        const string Function = "reel_buffer_set_tag";
        try
        {
            return Buffers.SetTag(new Handle(buffer), tag, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_size")]
    public static ReelResult SetSize(ulong buffer, nuint size)
    {
        const string Function = "reel_buffer_set_size";
        try
        {
            return Buffers.SetSize(new Handle(buffer), size, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
