using NUnit.Framework;
using Reel.Backend.Software;
using Reel.Backends;

/// <summary>
/// In-process tests run without libreel, whose Reel.Native registers the platform's backends
/// at load: register the software backend the same way, once, before any test of the assembly
/// (a set-up fixture outside every namespace applies to the whole assembly).
/// </summary>
[SetUpFixture]
public sealed class SoftwareBackendSetup
{
    [OneTimeSetUp]
    public void Register() => BackendRegistry.Register(new SoftwareBackend());
}
