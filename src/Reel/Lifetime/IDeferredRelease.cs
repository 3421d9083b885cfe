namespace Reel.Lifetime;

/// <summary>A resource whose release waits in a <see cref="DeferredQueue"/>: a GPU object still in flight, say.</summary>
public interface IDeferredRelease
{
    /// <summary>Releases the resource; called once, never under a Reel lock.</summary>
    void Release();
}
