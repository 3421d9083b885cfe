using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using Reel.Abi;
using Reel.Errors;
using Reel.Vulkan.Device;
using Reel.Vulkan.Instance;
using Reel.Vulkan.Loader;
using Reel.Vulkan.Validation;

namespace Reel.Vulkan.Tests.Support;

/// <summary>
/// The validation harness of the Vulkan tests: every instance runs VK_LAYER_KHRONOS_validation
/// with synchronization validation and records into <see cref="Log"/>; after the test its
/// objects are destroyed (device before instance, so leak reports arrive) and any
/// error-severity message the test did not declare expected fails it.
/// </summary>
public abstract class VulkanTestBase
{
    private readonly List<IDisposable> _owned = new();
    private readonly List<string> _expected = new();

    /// <summary>Where every validation message of this test goes.</summary>
    protected ValidationLog Log { get; private set; } = null!;

    /// <summary>The system Vulkan loader.</summary>
    protected VulkanLoader Loader { get; private set; } = null!;

    [SetUp]
    public void StartValidation()
    {
        _owned.Clear();
        _expected.Clear();
        Log = new ValidationLog();
        ReelResult result = VulkanLoader.TryLoadSystem("test", out VulkanLoader? loader);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        Loader = loader!;
    }

    [TearDown]
    public void FinishValidation()
    {
        DestroyAll();
        IReadOnlyList<ValidationMessage> unexpected = UnexpectedErrors();
        Assert.That(unexpected, Is.Empty, "validation errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>The error-severity messages so far that no <see cref="ExpectValidationErrors"/> covers: what fails the test at teardown.</summary>
    protected IReadOnlyList<ValidationMessage> UnexpectedErrors() =>
        Log.Errors.Where(m => !_expected.Any(id => m.MessageIdName.StartsWith(id, StringComparison.Ordinal))).ToList();

    /// <summary>Disposes <paramref name="disposable"/> at the end of the test, in reverse order of registration.</summary>
    protected T Track<T>(T disposable) where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Destroys everything tracked now (so the test can inspect what teardown reported).</summary>
    protected void DestroyAll()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
            _owned[i].Dispose();
        _owned.Clear();
    }

    /// <summary>Error messages whose id starts with <paramref name="messageIdPrefix"/> are the test's to check, not the harness's.</summary>
    protected void ExpectValidationErrors(string messageIdPrefix) => _expected.Add(messageIdPrefix);

    /// <summary>The validation options every test instance uses.</summary>
    protected VulkanInstanceOptions ValidatedOptions => new()
    {
        ApplicationName = "reel-tests " + TestContext.CurrentContext.Test.Name,
        Validation = true,
        SynchronizationValidation = true,
        ValidationLog = Log,
    };

    /// <summary>A Reel-created instance with validation; destroyed after the test.</summary>
    protected VulkanInstance CreateInstance()
    {
        ReelResult result = VulkanInstance.Create(Loader, ValidatedOptions, "test", out VulkanInstance? instance);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        return Track(instance!);
    }

    /// <summary>A Reel-created device on a validated instance; both destroyed after the test.</summary>
    protected VulkanDevice CreateDevice(VulkanDeviceOptions? options = null)
    {
        VulkanInstance instance = CreateInstance();
        ReelResult result = VulkanDevice.Create(instance, options ?? new VulkanDeviceOptions(), "test", out VulkanDevice? device);
        Assert.That(result, Is.EqualTo(ReelResult.Success), LastError.Message);
        return Track(device!);
    }
}
