using System;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Codecs.Sessions;
using Reel.Errors;
using Reel.Native.Interop;
using Reel.Vulkan.Api;
using Reel.Vulkan.Recording;
using Silk.NET.Vulkan;

namespace Reel.Native.Exports;

/// <summary>reel_movie_writer_attach_vk_device/write_vk_image: the movie writer fed by the host's VkImages.</summary>
internal static unsafe class MovieWriterVulkanExports
{
    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_attach_vk_device")]
    public static ReelResult AttachVkDevice(ulong writer, ulong device, uint framesInFlight)
    {
        const string Function = "reel_movie_writer_attach_vk_device";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            if (result != ReelResult.Success || (result = GpuArguments.Device(device, Function, out GpuDevice? gpu)) != ReelResult.Success)
                return result;
            if (framesInFlight > VkImageRecorder.MaxFramesInFlight)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: frames_in_flight is {framesInFlight}; allowed 1 to {VkImageRecorder.MaxFramesInFlight}, or 0 for {VkImageRecorder.DefaultFramesInFlight}");
            if (gpu!.Context != movie!.Context)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{Function}: device belongs to another context than writer; both must live in the same reel_context_t");
            int slots = framesInFlight == 0 ? VkImageRecorder.DefaultFramesInFlight : (int)framesInFlight;
            return movie.AttachSource(slots, target =>
            {
                ReelResult made = VkImageRecorder.Create(gpu, target, slots, nv12: false, Function, out VkImageRecorder? recorder);
                return (made, recorder);
            }, Function, out _);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }

    [UnmanagedCallersOnly(EntryPoint = "reel_movie_writer_write_vk_image")]
    public static ReelResult WriteVkImage(ulong writer, reel_vk_image_t* image)
    {
        const string Function = "reel_movie_writer_write_vk_image";
        try
        {
            ReelResult result = MovieWriter.Resolve(writer, Function, out MovieWriter? movie);
            if (result != ReelResult.Success
                || (result = Arguments.NotNull(image, Function, "image")) != ReelResult.Success
                || (result = VersionedStruct.Read(image, Function, "image", out reel_vk_image_t d)) != ReelResult.Success)
            {
                return result;
            }
            if (movie!.Source is not VkImageRecorder recorder)
                return LastError.Set(ReelResult.ErrorBadState, $"{Function}: writer records from no device; call reel_movie_writer_attach_vk_device first");
            var host = new HostImage
            {
                Device = (nint)d.vk_device,
                Image = new Image(d.vk_image),
                Width = (int)Math.Min(d.width, int.MaxValue),
                Height = (int)Math.Min(d.height, int.MaxValue),
                Format = (Format)d.vk_format,
                Layout = (ImageLayout)d.vk_layout,
                QueueFamily = d.queue_family,
                Wait = new TimelinePoint(d.wait_semaphore, d.wait_value),
                Signal = new TimelinePoint(d.signal_semaphore, d.signal_value),
                TimeoutNanoseconds = d.timeout_ns,
            };
            return recorder.Write(host, Function);
        }
        catch (Exception e)
        {
            return ExportGuard.Fail(Function, e);
        }
    }
}
