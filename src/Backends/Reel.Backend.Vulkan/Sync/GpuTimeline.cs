using System.Threading;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Interop;
using Silk.NET.Vulkan;

namespace Reel.Vulkan.Sync;

/// <summary>
/// A Vulkan timeline semaphore. Host signals use vkSignalSemaphore, queries
/// vkGetSemaphoreCounterValue, waits vkWaitSemaphores. A queue timeline (one per queue Reel
/// submits to) is signalled only by Reel's submissions: the host may wait on it and hand it
/// to deferred releases, but not signal or destroy it (Vulkan forbids a host signal below a
/// pending queue signal). Once destroyed, or once the device is lost, every value counts as
/// reached: nothing will ever run on it again, so what waited on it may be released.
/// </summary>
internal sealed unsafe class GpuTimeline : IReelTimeline
{
    private readonly VulkanDevice _device;

    /// <summary>Guards the semaphore against destruction during a query or signal.</summary>
    private readonly Lock _lock = new();
    private VkSemaphore _semaphore;
    private volatile bool _destroyed;

    private GpuTimeline(VulkanDevice device, VkSemaphore semaphore, bool isQueueTimeline)
    {
        _device = device;
        _semaphore = semaphore;
        IsQueueTimeline = isQueueTimeline;
    }

    /// <summary>The semaphore (VK_NULL_HANDLE once destroyed).</summary>
    public VkSemaphore Semaphore => _semaphore;

    /// <summary>Whether Reel's submissions on one queue signal it (the host may not).</summary>
    public bool IsQueueTimeline { get; }

    /// <summary>Whether <see cref="Destroy"/> ran.</summary>
    public bool IsDestroyed => _destroyed;

    /// <inheritdoc/>
    public bool IsGpu => true;

    /// <summary>Creates a timeline semaphore at <paramref name="initialValue"/>.</summary>
    public static ReelResult Create(VulkanDevice device, ulong initialValue, bool isQueueTimeline, string function, out GpuTimeline? timeline)
    {
        timeline = null;
        var type = new SemaphoreTypeCreateInfo
        {
            SType = StructureType.SemaphoreTypeCreateInfo,
            SemaphoreType = SemaphoreType.Timeline,
            InitialValue = initialValue,
        };
        var info = new SemaphoreCreateInfo { SType = StructureType.SemaphoreCreateInfo, PNext = &type };
        VkSemaphore semaphore;
        ReelResult result = VulkanCall.Check(device.Vk.CreateSemaphore(device.Handle, &info, null, &semaphore), function, "vkCreateSemaphore(timeline)");
        if (result == ReelResult.Success)
            timeline = new GpuTimeline(device, semaphore, isQueueTimeline);
        return result;
    }

    /// <inheritdoc/>
    public bool HasReached(ulong value)
    {
        lock (_lock)
        {
            if (_destroyed)
                return true;
            ulong current;
            // A lost device never signals again: whatever waits on it is as done as it will be.
            return _device.Vk.GetSemaphoreCounterValue(_device.Handle, _semaphore, &current) != Result.Success || current >= value;
        }
    }

    /// <inheritdoc/>
    public ReelResult GetValue(string function, out ulong value)
    {
        value = 0;
        lock (_lock)
        {
            if (_destroyed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the timeline's semaphore was destroyed with its device");
            ulong current;
            ReelResult result = VulkanCall.Check(_device.Vk.GetSemaphoreCounterValue(_device.Handle, _semaphore, &current), function, "vkGetSemaphoreCounterValue");
            value = current;
            return result;
        }
    }

    /// <inheritdoc/>
    public ReelResult Signal(ulong value, string function)
    {
        if (IsQueueTimeline)
            return LastError.Set(ReelResult.ErrorBadState, $"{function}: the timeline belongs to a queue and only Reel's submissions signal it; signal a timeline of your own");
        lock (_lock)
        {
            ReelResult result = GetValue(function, out ulong current);
            if (result != ReelResult.Success || value == current)
                return result;
            if (value < current)
                return LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: value is {value}; the timeline is already at {current} and never goes back");
            ulong limit = _device.PhysicalDevice.MaxTimelineSemaphoreValueDifference;
            if (limit != 0 && value - current >= limit)
            {
                return LastError.Set(ReelResult.ErrorInvalidArgument,
                    $"{function}: value is {value}, {value - current} above the current {current}; {_device.PhysicalDevice.Name} allows steps below {limit} (maxTimelineSemaphoreValueDifference)");
            }
            var info = new SemaphoreSignalInfo { SType = StructureType.SemaphoreSignalInfo, Semaphore = _semaphore, Value = value };
            return VulkanCall.Check(_device.Vk.SignalSemaphore(_device.Handle, &info), function, "vkSignalSemaphore");
        }
    }

    /// <inheritdoc/>
    public ReelResult Wait(ulong value, ulong timeoutNanoseconds, string function)
    {
        // Not under the lock: a wait may last, and other threads must be able to query and signal meanwhile.
        VkSemaphore semaphore = _semaphore;
        if (_destroyed)
            return LastError.Set(ReelResult.ErrorBadState, $"{function}: the timeline's semaphore was destroyed with its device");
        var info = new SemaphoreWaitInfo
        {
            SType = StructureType.SemaphoreWaitInfo,
            SemaphoreCount = 1,
            PSemaphores = &semaphore,
            PValues = &value,
        };
        Result status = _device.Vk.WaitSemaphores(_device.Handle, &info, timeoutNanoseconds);
        return status == Result.Timeout ? ReelResult.Timeout : VulkanCall.Check(status, function, "vkWaitSemaphores");
    }

    /// <summary>Destroys the semaphore once; work that waits on or signals it must have completed.</summary>
    public void Destroy()
    {
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            _device.Vk.DestroySemaphore(_device.Handle, _semaphore, null);
            _semaphore = default;
        }
    }
}
