using NUnit.Framework;
using Reel.Abi;
using Reel.Context;
using Reel.Reports;

namespace Reel.Codecs.Tests.Seeking;

/// <summary>
/// A fixture with one encoded <see cref="SeekingClip"/> for all its tests and a fresh context
/// per test, which must end with every decoded frame back in its pool.
/// </summary>
public abstract class ClipFixture
{
    private readonly int _frames;

    protected ClipFixture(int frames) => _frames = frames;

    internal SeekingClip Clip { get; private set; } = null!;

    protected ReelContext Context { get; private set; } = null!;

    [OneTimeSetUp]
    public void EncodeClip() => Clip = new SeekingClip(_frames);

    [OneTimeTearDown]
    public void DeleteClip() => Clip.Dispose();

    [SetUp]
    public void CreateContext()
    {
        Assert.That(ReelContext.Create(new ContextOptions { Name = GetType().Name }, "test", out ReelContext? context), Is.EqualTo(ReelResult.Success));
        Context = context!;
    }

    [TearDown]
    public void DestroyContext()
    {
        Assert.That(OutstandingBuffers.Collect(Context), Is.Empty, "every decoded frame went back");
        ReelContext.Destroy(Context.Handle, "test");
    }
}
