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
        try
        {
            return Buffers.Retain(new Handle(buffer), "reel_buffer_retain");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_retain", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_release")]
    public static ReelResult Release(ulong buffer)
    {
        try
        {
            return Buffers.Release(new Handle(buffer), "reel_buffer_release");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_release", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_frame")]
    public static ReelResult GetFrame(ulong buffer, FrameInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_buffer_get_frame";
            ReelResult result = Buffers.GetFrame(new Handle(buffer), Function, out FrameView view);
            if (result != ReelResult.Success)
                return result;
            FrameLayout layout = view.Layout;
            var info = new FrameInfoDesc
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
            return ExportGuard.Fail("reel_buffer_get_frame", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_audio")]
    public static ReelResult GetAudio(ulong buffer, AudioInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_buffer_get_audio";
            ReelResult result = Buffers.GetAudio(new Handle(buffer), Function, out AudioView view);
            if (result != ReelResult.Success)
                return result;
            AudioPool pool = view.Pool;
            var info = new AudioInfoDesc
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
            return ExportGuard.Fail("reel_buffer_get_audio", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_get_bytes")]
    public static ReelResult GetBytes(ulong buffer, BytesInfoDesc* outInfo)
    {
        try
        {
            const string Function = "reel_buffer_get_bytes";
            ReelResult result = Buffers.GetBytes(new Handle(buffer), Function, out BytesView view);
            if (result != ReelResult.Success)
                return result;
            var info = new BytesInfoDesc
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
            return ExportGuard.Fail("reel_buffer_get_bytes", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_packet_info")]
    public static ReelResult SetPacketInfo(ulong buffer, long dts, uint flags)
    {
        try
        {
            return Buffers.SetPacketInfo(new Handle(buffer), dts, flags, "reel_buffer_set_packet_info");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_set_packet_info", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_pts")]
    public static ReelResult SetPts(ulong buffer, long pts)
    {
        try
        {
            return Buffers.SetPts(new Handle(buffer), pts, "reel_buffer_set_pts");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_set_pts", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_tag")]
    public static ReelResult SetTag(ulong buffer, ulong tag)
    {
        try
        {
            return Buffers.SetTag(new Handle(buffer), tag, "reel_buffer_set_tag");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_set_tag", e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_buffer_set_size")]
    public static ReelResult SetSize(ulong buffer, nuint size)
    {
        try
        {
            return Buffers.SetSize(new Handle(buffer), size, "reel_buffer_set_size");
        }
        catch (Exception e)
        {
            return ExportGuard.Fail("reel_buffer_set_size", e);
        }
    }
}
