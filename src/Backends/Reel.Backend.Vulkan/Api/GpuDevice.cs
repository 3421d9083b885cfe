using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Reel.Abi;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Lifetime;
using Reel.Logging;
using Reel.Vulkan.Commands;
using Reel.Vulkan.Device;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Memory;
using Reel.Vulkan.Sync;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Api;

/// <summary>
/// What a <c>reel_device_t</c> resolves to: a Vulkan device (created headless, or the host's,
/// adopted) with everything Reel runs on it: the memory suballocator, a command buffer manager
/// and timeline per queue, the frame synchronizer, the deferred releases keyed by GPU timeline
/// values, and the objects the host made on it. It lives in a context: it hears the context's
/// frame clock (deferred releases, empty-block and idle-buffer reclaiming) and is destroyed
/// with it. Destroying it waits for Reel's queue work, then destroys whatever the host left.
/// </summary>
internal sealed partial class GpuDevice : IContextAttachment
{
    /// <summary>How long teardown waits for Reel's queue work before giving up on it.</summary>
    private const ulong TeardownWaitNanoseconds = 10_000_000_000;

    private readonly Lock _lock = new();
    private readonly HashSet<IDeviceChild> _children = new();
    private readonly bool _disposeVulkan;
    private readonly VulkanInstance? _ownedInstance;
    private readonly List<CommandBufferManager> _queues = new();
    private readonly Dictionary<QueueRoles, CommandBufferManager> _byRole = new();
    private readonly Dictionary<CommandBufferManager, TimelineObject> _queueTimelines = new();

    /// <summary>The live buffer pools, copy on write: the frame tick trims them without locking or allocating.</summary>
    private Buffers.GpuBufferPool[] _pools = [];
    private readonly List<IDeviceDependent> _dependents = new();
    private bool _destroyed;

    private GpuDevice(ReelContext context, VulkanDevice vulkan, GpuDeviceOptions options, bool disposeVulkan, VulkanInstance? ownedInstance, ValidationLog? validation)
    {
        Context = context;
        Vulkan = vulkan;
        Options = options;
        _disposeVulkan = disposeVulkan;
        _ownedInstance = ownedInstance;
        Validation = validation;
        Allocator = new GpuAllocator(vulkan, options.Allocator, context.Memory, context.Clock, context.Log);
    }

    /// <summary>The context the device lives in.</summary>
    public ReelContext Context { get; }

    /// <summary>The Vulkan device.</summary>
    public VulkanDevice Vulkan { get; }

    /// <summary>How it runs.</summary>
    public GpuDeviceOptions Options { get; }

    /// <summary>Validation messages, when validation capture is on; null otherwise.</summary>
    public ValidationLog? Validation { get; }

    /// <summary>The suballocator.</summary>
    public GpuAllocator Allocator { get; }

    /// <summary>The frame synchronizer.</summary>
    public FrameSynchronizer Frames { get; private set; } = null!;

    /// <summary>Releases waiting for GPU (or CPU) timeline values.</summary>
    public DeferredQueue Deferred { get; } = new();

    /// <summary>The handle the host holds.</summary>
    public Handle Handle { get; private set; }

    /// <summary>The context's logger.</summary>
    public Logger Log => Context.Log;

    /// <summary>Whether the Vulkan device is the host's.</summary>
    public bool IsAdopted => !Vulkan.IsOwned;

    /// <summary>The command buffer managers, one per distinct queue.</summary>
    public IReadOnlyList<CommandBufferManager> Queues => _queues;

    /// <summary>Creates a headless device (its own instance, validation on request) in <paramref name="context"/>.</summary>
    public static ReelResult Create(ReelContext context, GpuDeviceOptions options, string function, out GpuDevice? device)
    {
        device = null;
        ReelResult result = VulkanLoader.TryLoadSystem(function, out VulkanLoader? loader);
        if (result != ReelResult.Success)
            return result;
        ValidationLog? validation = options.Validation ? new ValidationLog(context.Log) : null;
        var instanceOptions = new VulkanInstanceOptions
        {
            ApplicationName = options.ApplicationName,
            ApiVersion = options.ApiVersion,
            Validation = options.Validation,
            SynchronizationValidation = true,
            ValidationLog = validation,
            Log = context.Log,
        };
        result = VulkanInstance.Create(loader!, instanceOptions, function, out VulkanInstance? instance);
        if (result != ReelResult.Success)
            return result;
        var deviceOptions = new VulkanDeviceOptions { PhysicalDevice = options.PhysicalDevice, EnableVideo = options.EnableVideo };
        result = VulkanDevice.Create(instance!, deviceOptions, function, out VulkanDevice? vulkan);
        if (result != ReelResult.Success)
        {
            instance!.Dispose();
            return result;
        }
        return Wrap(context, vulkan!, options, disposeVulkan: true, instance, validation, function, out device);
    }

    /// <summary>Adopts the host's Vulkan objects in <paramref name="context"/>; Reel never destroys them.</summary>
    public static ReelResult Adopt(ReelContext context, VulkanAdoption adoption, GpuDeviceOptions options, string function, out GpuDevice? device)
    {
        device = null;
        ReelResult result = VulkanDevice.Adopt(adoption, function, out VulkanDevice? vulkan);
        if (result != ReelResult.Success)
            return result;
        // Disposing Reel's wrapper of an adopted device only removes what Reel added (its messenger).
        return Wrap(context, vulkan!, options, disposeVulkan: true, null, adoption.CaptureValidation, function, out device);
    }

    /// <summary>
    /// Runs Reel on <paramref name="vulkan"/>: queues, timelines, allocator; registers the
    /// handle and attaches to the context. On failure everything made here is undone, and the
    /// Vulkan device (and <paramref name="ownedInstance"/>) disposed when <paramref name="disposeVulkan"/>.
    /// </summary>
    internal static ReelResult Wrap(ReelContext context, VulkanDevice vulkan, GpuDeviceOptions options, bool disposeVulkan,
        VulkanInstance? ownedInstance, ValidationLog? validation, string function, out GpuDevice? device)
    {
        device = null;
        var created = new GpuDevice(context, vulkan, options, disposeVulkan, ownedInstance, validation);
        Handle handle = Handle.Null;
        ReelResult result = created.CreateQueues(function);
        if (result == ReelResult.Success)
            result = GpuRegistry.Add(GpuRegistry.Devices, created, function, out handle);
        if (result != ReelResult.Success)
        {
            created.ReleaseEverything(waitForQueues: false);
            return result;
        }
        created.Handle = handle;
        if (!context.Attach(created))
        {
            GpuRegistry.Devices.TryRemove(created.Handle, out _);
            created.ReleaseEverything(waitForQueues: false);
            return LastError.Set(ReelResult.ErrorBadState, $"{function}: the context is being destroyed");
        }
        context.Log.Write(LogLevel.Info, $"gpu device {(vulkan.IsOwned ? "created" : "adopted")}: {vulkan}; " +
            $"{options.MaxFramesInFlight} frames in flight, {options.Allocator.BlockSize >> 20} MiB blocks{(validation is null ? "" : ", validation on")}");
        device = created;
        return ReelResult.Success;
    }

    /// <summary>The host destroys the device (the handle is already out of the registry).</summary>
    public void Destroy()
    {
        Context.Detach(this);
        ReleaseEverything(waitForQueues: true);
    }

    /// <inheritdoc/>
    public void OnFrame(long frame, long nowNanoseconds)
    {
        if (Volatile.Read(ref _destroyed))
            return;
        Deferred.Process(frame);
        Allocator.Trim(frame);
        foreach (Buffers.GpuBufferPool pool in Volatile.Read(ref _pools))
            pool.Trim(frame);
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        // The context goes: the device goes with it, unless the host destroyed it meanwhile.
        if (GpuRegistry.Devices.TryRemove(Handle, out _) == HandleError.None)
            ReleaseEverything(waitForQueues: true);
    }

    /// <summary>The command buffer manager serving <paramref name="role"/>, or null when the device has no such queue.</summary>
    public CommandBufferManager? QueueFor(GpuQueueRole role) => _byRole.GetValueOrDefault(role switch
    {
        GpuQueueRole.Graphics => QueueRoles.Graphics,
        GpuQueueRole.Compute => QueueRoles.Compute,
        GpuQueueRole.Transfer => QueueRoles.Transfer,
        GpuQueueRole.VideoDecode => QueueRoles.VideoDecode,
        _ => QueueRoles.VideoEncode,
    });

    /// <summary>Whether the device was destroyed.</summary>
    public bool IsDestroyed => Volatile.Read(ref _destroyed);

    /// <summary>Adds a new child under the device lock: its handle is issued here. BadState (and the child destroyed) when the device is being torn down.</summary>
    internal ReelResult Register<T>(HandleTable<T> table, T child, string function, out Handle handle) where T : class, IDeviceChild
    {
        handle = Handle.Null;
        lock (_lock)
        {
            ReelResult result = _destroyed
                ? LastError.Set(ReelResult.ErrorBadState, $"{function}: the device is being destroyed")
                : GpuRegistry.Add(table, child, function, out handle);
            if (result == ReelResult.Success)
            {
                // Set under the lock: a teardown that snapshots the children sees the handle.
                child.Handle = handle;
                _children.Add(child);
                if (child is Buffers.GpuBufferPool pool)
                    CopyOnWrite.Add(ref _pools, pool);
                return result;
            }
        }
        child.DestroyWithDevice();
        return LastError.Result;
    }

    /// <summary>Adds something of Reel's that must finish before the device goes; BadState when the device is being torn down.</summary>
    internal ReelResult AddDependent(IDeviceDependent dependent, string function)
    {
        lock (_lock)
        {
            if (_destroyed)
                return LastError.Set(ReelResult.ErrorBadState, $"{function}: the device is being destroyed");
            _dependents.Add(dependent);
            return ReelResult.Success;
        }
    }

    /// <summary>Forgets a dependent that finished on its own.</summary>
    internal void RemoveDependent(IDeviceDependent dependent)
    {
        lock (_lock)
            _dependents.Remove(dependent);
    }

    /// <summary>Forgets a child the host destroyed (its handle is already out of the registry).</summary>
    internal void Forget(IDeviceChild child)
    {
        lock (_lock)
        {
            _children.Remove(child);
            if (child is Buffers.GpuBufferPool pool)
                CopyOnWrite.Remove(ref _pools, pool);
        }
    }

    private ReelResult CreateQueues(string function)
    {
        foreach (VulkanQueue queue in Vulkan.Queues)
        {
            ReelResult result = GpuTimeline.Create(Vulkan, 0, isQueueTimeline: true, function, out GpuTimeline? timeline);
            if (result != ReelResult.Success)
                return result;
            var manager = new CommandBufferManager(Vulkan, queue, timeline!, Options.CommandBuffersPerQueue);
            _queues.Add(manager);
            foreach (QueueRoles role in new[] { QueueRoles.Graphics, QueueRoles.Compute, QueueRoles.Transfer, QueueRoles.VideoDecode, QueueRoles.VideoEncode })
            {
                if ((queue.Roles & role) != 0)
                    _byRole[role] = manager;
            }
        }
        // After the queues: it keeps one value per queue and frame.
        Frames = new FrameSynchronizer(Vulkan, _queues, Options.MaxFramesInFlight);
        return ReelResult.Success;
    }

    /// <summary>
    /// Teardown: waits for Reel's queue work, runs every deferred release, destroys the
    /// children the host left (logged as a warning), the queues, the memory, and the Vulkan
    /// device when Reel owns it. Runs once.
    /// </summary>
    private void ReleaseEverything(bool waitForQueues)
    {
        List<IDeviceChild> children;
        List<IDeviceDependent> dependents;
        lock (_lock)
        {
            if (_destroyed)
                return;
            _destroyed = true;
            children = _children.ToList();
            _children.Clear();
            dependents = _dependents.ToList();
            _dependents.Clear();
            Volatile.Write(ref _pools, []);
        }
        // Reel's own work first (a movie writer's frames in flight), while everything it uses is alive.
        foreach (IDeviceDependent dependent in dependents)
            dependent.OnDeviceDestroying();
        if (waitForQueues)
            WaitForQueues(children);
        Deferred.Flush();
        // Allocations first: pooled buffers go back to their pools before the pools go.
        var left = new Dictionary<HandleType, int>();
        foreach (IDeviceChild child in children.OrderBy(TeardownOrder))
        {
            if (!GpuRegistry.RemoveChild(child))
                continue;
            child.DestroyWithDevice();
            left[child.Handle.Type] = left.GetValueOrDefault(child.Handle.Type) + (child is TimelineObject { IsQueueTimeline: true } ? 0 : 1);
        }
        string leftText = string.Join(", ", left.Where(p => p.Value > 0).Select(p => $"{p.Value} {p.Key.CName()}"));
        if (leftText.Length > 0)
            Log.Write(LogLevel.Warning, $"reel_device_destroy: destroyed what the host left on the device: {leftText}");
        foreach (CommandBufferManager queue in _queues)
        {
            queue.Dispose();
            queue.Timeline.Destroy();
        }
        Allocator.Dispose();
        if (_disposeVulkan)
            Vulkan.Dispose();
        _ownedInstance?.Dispose();
        Log.Write(LogLevel.Info, $"gpu device destroyed: {Vulkan.PhysicalDevice.Name}");
    }

    /// <summary>
    /// Waits for Reel's queue work. Work still waiting for one of the device's own GPU timelines
    /// after a second would wait forever (nobody signals a timeline of a device being
    /// destroyed): those timelines are then signalled far ahead, with a warning, to let it finish.
    /// </summary>
    private void WaitForQueues(List<IDeviceChild> children)
    {
        const string Function = "reel_device_destroy";
        bool idle = _queues.TrueForAll(q => q.WaitIdle(1_000_000_000, Function) == ReelResult.Success);
        if (idle)
            return;
        int released = 0;
        foreach (IDeviceChild child in children)
        {
            if (child is TimelineObject { IsQueueTimeline: false, Gpu: { IsDestroyed: false } gpu } && gpu.GetValue(Function, out ulong value) == ReelResult.Success)
            {
                ulong step = Math.Min(Math.Max(Vulkan.PhysicalDevice.MaxTimelineSemaphoreValueDifference, 2) - 1, 1UL << 31);
                if (gpu.Signal(value + step, Function) == ReelResult.Success)
                    released++;
            }
        }
        Log.Write(LogLevel.Warning, $"{Function}: Reel's work was still waiting after 1 s; signalled {released} GPU timeline(s) of the device to let it finish");
        foreach (CommandBufferManager queue in _queues)
        {
            if (queue.WaitIdle(TeardownWaitNanoseconds, Function) != ReelResult.Success)
                Log.Write(LogLevel.Error, $"{Function}: {queue.Queue} did not finish Reel's work within {TeardownWaitNanoseconds / 1_000_000_000} s; destroying anyway");
        }
    }

    private static int TeardownOrder(IDeviceChild child) => child.Handle.Type switch
    {
        HandleType.VideoSession => 0,
        HandleType.Dpb => 1,
        HandleType.GpuAllocation => 2,
        HandleType.GpuBufferPool => 3,
        _ => 4,
    };
}
