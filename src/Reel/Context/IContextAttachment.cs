namespace Reel.Context;

/// <summary>
/// An object that lives inside a context but belongs to a layer the core does not know (an
/// encode or decode session, a movie writer, an open file). Destroying the context tears it
/// down first, so that the buffers it holds go back before the context reports what is still
/// out and destroys its pools.
/// </summary>
public interface IContextAttachment
{
    /// <summary>
    /// The context is being destroyed: stop, release every buffer and free everything. Called
    /// once, on the destroying thread, outside the context's locks; it may log through the
    /// context. It must not throw: an exception is caught and logged as an error.
    /// </summary>
    void OnContextDestroyed();
}
