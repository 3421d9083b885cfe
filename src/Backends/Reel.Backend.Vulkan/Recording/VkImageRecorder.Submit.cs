using System;
using Reel.Abi;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Interop;
using Reel.Vulkan.Memory;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Recording;

// The caller's side: check the image, take a slot, record and submit the conversion.
internal sealed unsafe partial class VkImageRecorder
{
    /// <summary>VK_QUEUE_FAMILY_IGNORED.</summary>
    private const uint QueueFamilyIgnored = ~0u;

    /// <summary>
    /// Records <paramref name="image"/>: checks it, waits (up to its timeout) for a free slot,
    /// then records and submits its conversion. Returns once submitted; the frame is committed
    /// to the target when the GPU is done. A failure of an earlier frame's collection is
    /// reported here once, before this image is looked at (this image is then not recorded).
    /// </summary>
    public ReelResult Write(in HostImage image, string function)
    {
        lock (_writeLock)
        {
            if (_finished)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the movie writer no longer records from this device (the device was destroyed, or the writer ended)");
            ReelResult result = TakeFailure();
            if (result == ReelResult.Success)
                result = Check(image, function);
            if (result != ReelResult.Success)
                return result;
            if (!_free.Wait(TimeoutMilliseconds(image.TimeoutNanoseconds)))
            {
                return LastError.Set(ReelResult.Timeout,
                    $"{function}: all {FramesInFlight} frames in flight are still converting after image->timeout_ns {image.TimeoutNanoseconds} ns ({DescribeOldest()}); this image was not recorded, the writer stays usable");
            }
            RecorderSlot slot;
            lock (_lock)
                slot = _freeSlots.Pop();
            result = Submit(image, slot, function, out InFlightFrame? frame);
            if (result != ReelResult.Success)
            {
                lock (_lock)
                    _freeSlots.Push(slot);
                _free.Release();
                return result;
            }
            lock (_lock)
                _inFlight.Enqueue(frame!);
            _queued.Release();
            return ReelResult.Success;
        }
    }

    private ReelResult TakeFailure()
    {
        lock (_lock)
        {
            if (_failureMessage is null)
                return ReelResult.Success;
            ReelResult result = LastError.Set(_failure, $"{_failureMessage}; reported by this call, which recorded nothing");
            _failureMessage = null;
            return result;
        }
    }

    private ReelResult Check(in HostImage image, string function)
    {
        nint own = _vulkan.Handle.Handle;
        if (image.Device != own)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: image->vk_device is 0x{image.Device:x}; allowed 0x{own:x}, the VkDevice of the reel_device_t this writer records from (an image of another device cannot be read)");
        }
        if (image.Image.Handle == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: image->vk_image is VK_NULL_HANDLE");
        if (image.Width != _target.Width || image.Height != _target.Height)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: image is {image.Width}x{image.Height} (image->width x image->height); allowed {_target.Width}x{_target.Height} (the movie's size)");
        if (!SourceFormat.IsConvertible(image.Format))
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: image->vk_format is {FormatName(image.Format)}; allowed {SourceFormat.Allowed}");
        if (!_sampleable.Contains(image.Format))
            return LastError.Set(ReelResult.ErrorUnsupported, $"{function}: image->vk_format is {FormatName(image.Format)}, which {_vulkan.PhysicalDevice.Name} cannot sample (VK_FORMAT_FEATURE_SAMPLED_IMAGE_BIT with optimal tiling)");
        if (!IsReadableLayout(image.Layout))
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: image->vk_layout is {LayoutName(image.Layout)}; allowed VK_IMAGE_LAYOUT_GENERAL, _COLOR_ATTACHMENT_OPTIMAL, _SHADER_READ_ONLY_OPTIMAL, _TRANSFER_SRC_OPTIMAL, _TRANSFER_DST_OPTIMAL, _READ_ONLY_OPTIMAL, _ATTACHMENT_OPTIMAL or _PRESENT_SRC_KHR (a layout whose contents are defined)");
        }
        uint family = _queue.Queue.FamilyIndex;
        if (image.QueueFamily != family && image.QueueFamily != QueueFamilyIgnored)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: image->queue_family is {image.QueueFamily}; allowed {family} (the family of Reel's compute queue on this device) or VK_QUEUE_FAMILY_IGNORED (an image shared concurrently); release the image to family {family} first");
        }
        if (image.Signal.IsSet && image.Signal.Value == 0)
            return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: image->signal_value is 0; allowed 1 or more (a timeline signal must rise above the semaphore's value)");
        if (image.Wait.IsSet && image.Signal.IsSet && image.Wait.Semaphore == image.Signal.Semaphore && image.Signal.Value <= image.Wait.Value)
        {
            return LastError.Set(ReelResult.ErrorInvalidArgument,
                $"{function}: image->signal_value is {image.Signal.Value} on the semaphore image->wait_semaphore names; allowed {image.Wait.Value + 1} (image->wait_value + 1) or more");
        }
        return ReelResult.Success;
    }

    private static bool IsReadableLayout(ImageLayout layout) => layout is ImageLayout.General or ImageLayout.ColorAttachmentOptimal
        or ImageLayout.ShaderReadOnlyOptimal or ImageLayout.TransferSrcOptimal or ImageLayout.TransferDstOptimal
        or ImageLayout.ReadOnlyOptimal or ImageLayout.AttachmentOptimal or ImageLayout.PresentSrcKhr;

    /// <summary>Acquires the staging buffer, reserves the target's frame, makes the view, records and submits.</summary>
    private ReelResult Submit(in HostImage image, RecorderSlot slot, string function, out InFlightFrame? frame)
    {
        frame = null;
        ReelResult result = _readback!.Acquire((ulong)_planes.Size, function, out GpuBuffer? readback);
        if (result != ReelResult.Success)
            return result;
        long sequence = _sequence;
        result = _target.Reserve(sequence, FrameTag, function, out PictureReservation reservation);
        if (result != ReelResult.Success)
        {
            _readback.Return(readback!);
            return result;
        }
        ImageView view = default;
        result = CreateView(image, function, out view);
        if (result == ReelResult.Success)
            result = RecordAndSubmit(image, slot, view, readback!, function, out ulong value, out frame, reservation);
        if (result != ReelResult.Success)
        {
            if (view.Handle != 0)
                _vulkan.Vk.DestroyImageView(_vulkan.Handle, view, null);
            _target.Cancel(reservation, function);
            _readback.Return(readback!);
            return result;
        }
        _sequence++;
        return ReelResult.Success;
    }

    private ReelResult CreateView(in HostImage image, string function, out ImageView view)
    {
        view = default;
        // Only sampling: the image must have been created with VK_IMAGE_USAGE_SAMPLED_BIT.
        var usage = new ImageViewUsageCreateInfo { SType = StructureType.ImageViewUsageCreateInfo, Usage = ImageUsageFlags.SampledBit };
        var info = new ImageViewCreateInfo
        {
            SType = StructureType.ImageViewCreateInfo,
            PNext = &usage,
            Image = image.Image,
            ViewType = ImageViewType.Type2D,
            Format = image.Format,
            SubresourceRange = new ImageSubresourceRange(ImageAspectFlags.ColorBit, 0, 1, 0, 1),
        };
        ImageView made;
        ReelResult result = VulkanCall.Check(_vulkan.Vk.CreateImageView(_vulkan.Handle, &info, null, &made), function, "vkCreateImageView(image->vk_image)");
        view = made;
        return result;
    }

    private ReelResult RecordAndSubmit(in HostImage image, RecorderSlot slot, ImageView view, GpuBuffer readback, string function,
        out ulong value, out InFlightFrame? frame, in PictureReservation reservation)
    {
        value = 0;
        frame = null;
        // GENERAL is sampled as it is; every other layout is moved to SHADER_READ_ONLY and back.
        ImageLayout sampled = image.Layout == ImageLayout.General ? ImageLayout.General : ImageLayout.ShaderReadOnlyOptimal;
        _pipeline!.Bind(slot.Set, view, sampled, slot.Conversion.Handle, (ulong)_planes.Size);
        ReelResult result = _queue.Begin(function, out CommandBuffer commands);
        if (result != ReelResult.Success)
            return result;
        Vk vk = _vulkan.Vk;
        var range = new ImageSubresourceRange(ImageAspectFlags.ColorBit, 0, 1, 0, 1);
        // The host's writes: made visible by the semaphore wait, or (no semaphore, same queue) by this barrier's source scope.
        var toRead = new ImageMemoryBarrier2
        {
            SType = StructureType.ImageMemoryBarrier2,
            SrcStageMask = PipelineStageFlags2.AllCommandsBit,
            SrcAccessMask = AccessFlags2.MemoryWriteBit,
            DstStageMask = PipelineStageFlags2.ComputeShaderBit,
            DstAccessMask = AccessFlags2.ShaderSampledReadBit,
            OldLayout = image.Layout,
            NewLayout = sampled,
            SrcQueueFamilyIndex = QueueFamilyIgnored,
            DstQueueFamilyIndex = QueueFamilyIgnored,
            Image = image.Image,
            SubresourceRange = range,
        };
        var before = new DependencyInfo { SType = StructureType.DependencyInfo, ImageMemoryBarrierCount = 1, PImageMemoryBarriers = &toRead };
        vk.CmdPipelineBarrier2(commands, &before);

        _pipeline.Record(commands, slot.Set, _planes, SourceFormat.IsSrgb(image.Format));

        var back = new ImageMemoryBarrier2
        {
            SType = StructureType.ImageMemoryBarrier2,
            SrcStageMask = PipelineStageFlags2.ComputeShaderBit,
            SrcAccessMask = AccessFlags2.None,
            DstStageMask = PipelineStageFlags2.AllCommandsBit,
            DstAccessMask = AccessFlags2.None,
            OldLayout = sampled,
            NewLayout = image.Layout,
            SrcQueueFamilyIndex = QueueFamilyIgnored,
            DstQueueFamilyIndex = QueueFamilyIgnored,
            Image = image.Image,
            SubresourceRange = range,
        };
        var written = new BufferMemoryBarrier2
        {
            SType = StructureType.BufferMemoryBarrier2,
            SrcStageMask = PipelineStageFlags2.ComputeShaderBit,
            SrcAccessMask = AccessFlags2.ShaderStorageWriteBit,
            DstStageMask = PipelineStageFlags2.CopyBit,
            DstAccessMask = AccessFlags2.TransferReadBit,
            SrcQueueFamilyIndex = QueueFamilyIgnored,
            DstQueueFamilyIndex = QueueFamilyIgnored,
            Buffer = slot.Conversion.Handle,
            Offset = 0,
            Size = ulong.MaxValue,
        };
        var after = new DependencyInfo
        {
            SType = StructureType.DependencyInfo,
            ImageMemoryBarrierCount = sampled == image.Layout ? 0u : 1u,
            PImageMemoryBarriers = &back,
            BufferMemoryBarrierCount = 1,
            PBufferMemoryBarriers = &written,
        };
        vk.CmdPipelineBarrier2(commands, &after);

        var region = new BufferCopy(0, 0, (ulong)_planes.Size);
        vk.CmdCopyBuffer(commands, slot.Conversion.Handle, readback.Handle, 1, &region);
        var toHost = new BufferMemoryBarrier2
        {
            SType = StructureType.BufferMemoryBarrier2,
            SrcStageMask = PipelineStageFlags2.CopyBit,
            SrcAccessMask = AccessFlags2.TransferWriteBit,
            DstStageMask = PipelineStageFlags2.HostBit,
            DstAccessMask = AccessFlags2.HostReadBit,
            SrcQueueFamilyIndex = QueueFamilyIgnored,
            DstQueueFamilyIndex = QueueFamilyIgnored,
            Buffer = readback.Handle,
            Offset = 0,
            Size = ulong.MaxValue,
        };
        var host = new DependencyInfo { SType = StructureType.DependencyInfo, BufferMemoryBarrierCount = 1, PBufferMemoryBarriers = &toHost };
        vk.CmdPipelineBarrier2(commands, &host);

        Span<TimelineWait> waits = stackalloc TimelineWait[1];
        Span<TimelineSignal> signals = stackalloc TimelineSignal[1];
        int waitCount = 0, signalCount = 0;
        if (image.Wait.IsSet)
            waits[waitCount++] = new TimelineWait(new VkSemaphore(image.Wait.Semaphore), image.Wait.Value, PipelineStageFlags2.AllCommandsBit);
        if (image.Signal.IsSet)
            signals[signalCount++] = new TimelineSignal(new VkSemaphore(image.Signal.Semaphore), image.Signal.Value);
        result = _queue.Submit(commands, waits[..waitCount], signals[..signalCount], function, out value);
        if (result != ReelResult.Success)
            return result;
        frame = new InFlightFrame(slot, value, view, readback, reservation, image);
        return ReelResult.Success;
    }

    /// <summary>"frame N waits for image->wait_value V on image->wait_semaphore 0x.. (at C)", or what the oldest frame waits for.</summary>
    private string DescribeOldest()
    {
        InFlightFrame? oldest;
        lock (_lock)
            oldest = _inFlight.Count > 0 ? _inFlight.Peek() : null;
        if (oldest is null)
            return "no frame is in flight";
        TimelinePoint wait = oldest.Image.Wait;
        if (!wait.IsSet)
            return $"frame {oldest.Reservation.Sequence} waits for queue value {oldest.QueueValue} of {_queue.Queue}";
        ulong current;
        Result status = _vulkan.Vk.GetSemaphoreCounterValue(_vulkan.Handle, new VkSemaphore(wait.Semaphore), &current);
        string now = status == Result.Success ? $"now at {current}" : $"its value unreadable: {VulkanNames.Of(status)}";
        return current >= wait.Value && status == Result.Success
            ? $"frame {oldest.Reservation.Sequence} waits for queue value {oldest.QueueValue} of {_queue.Queue}"
            : $"frame {oldest.Reservation.Sequence} waits for image->wait_value {wait.Value} on image->wait_semaphore 0x{wait.Semaphore:x}, {now}";
    }

    private static int TimeoutMilliseconds(ulong nanoseconds) =>
        nanoseconds == ulong.MaxValue ? System.Threading.Timeout.Infinite : (int)Math.Min((nanoseconds + 999_999) / 1_000_000, int.MaxValue - 1);

    private static string FormatName(Format format) => $"{VulkanNames.Of(format)} ({(int)format})";

    private static string LayoutName(ImageLayout layout) => $"{VulkanNames.Of(layout)} ({(int)layout})";
}
