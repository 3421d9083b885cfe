using System.Runtime.CompilerServices;
using Reel.Backend.FFmpeg;
using Reel.Backend.Software;
using Reel.Backends;
using Reel.Vulkan.Api;

namespace Reel.Native;

/// <summary>
/// The one place that lists the backends of this platform, in reel_backend_caps index order.
/// Adding a backend is its project under src/Backends, a ProjectReference in Reel.Native.csproj
/// and one line here. Registration only constructs the backend objects: their native
/// libraries load on first use, so a missing one never stops libreel from loading.
/// </summary>
internal static class PlatformBackends
{
    /// <summary>Runs once when the runtime inside libreel starts, before any export runs.</summary>
#pragma warning disable CA2255 // A module initializer is the point: libreel has no Main, and every export needs the registry filled.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        BackendRegistry.Register(new SoftwareBackend());
        BackendRegistry.Register(new VulkanBackend());
        BackendRegistry.Register(new FFmpegBackend());
    }
}
