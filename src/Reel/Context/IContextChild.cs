namespace Reel.Context;

/// <summary>
/// An object a context owns besides its pools (a frame cache, a session, a device): context
/// destroy destroys it first, so nothing it holds outlives the context unnoticed.
/// </summary>
public interface IContextChild
{
    /// <summary>What it is, for the teardown log: "frame cache 'timeline'".</summary>
    string Describe();

    /// <summary>Destroys the object because its context is being destroyed; its handle becomes stale.</summary>
    void DestroyWithContext();
}
