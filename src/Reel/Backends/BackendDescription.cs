using System.Collections.Generic;

namespace Reel.Backends;

/// <summary>One backend as <c>reel_backend_caps_t</c> reports it. Device fields stay zero/empty for backends without a device.</summary>
public sealed class BackendDescription
{
    /// <summary>What it is.</summary>
    public BackendKind Kind { get; init; }

    /// <summary>Whether it can be used now.</summary>
    public bool Available { get; init; }

    /// <summary>"software", "vulkan", ...</summary>
    public string Name { get; init; } = "";

    /// <summary>The device's name ("" without a device).</summary>
    public string DeviceName { get; init; } = "";

    /// <summary>Driver name and info, or the libraries and their versions.</summary>
    public string Driver { get; init; } = "";

    /// <summary>Why <see cref="Available"/> is false; "" otherwise.</summary>
    public string UnavailableReason { get; init; } = "";

    /// <summary>GPU API version in use (or the loader's).</summary>
    public uint ApiVersion { get; init; }

    /// <summary>Vendor-encoded driver version.</summary>
    public uint DriverVersion { get; init; }

    /// <summary>PCI vendor id.</summary>
    public uint VendorId { get; init; }

    /// <summary>Vendor's device id.</summary>
    public uint DeviceId { get; init; }

    /// <summary>Queue families: flags, count, codec operations, and the roles Reel runs on each (bit 1 &lt;&lt; reel_gpu_queue_t).</summary>
    public IReadOnlyList<(uint Flags, uint Count, uint CodecOperations, uint ReelQueues)> QueueFamilies { get; init; } = [];

    /// <summary>Memory heaps.</summary>
    public IReadOnlyList<DeviceHeap> Heaps { get; init; } = [];

    /// <summary>Codec operations it can run.</summary>
    public IReadOnlyList<CodecCaps> Codecs { get; init; } = [];
}
