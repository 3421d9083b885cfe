using System;
using Reel.Context;

namespace Reel.Backend.FFmpeg.Tests.Codecs;

/// <summary>A context destroyed at the end of a using block; converts to the context it holds.</summary>
internal sealed class ContextScope : IDisposable
{
    /// <summary>Wraps <paramref name="context"/>.</summary>
    public ContextScope(ReelContext context) => Context = context;

    /// <summary>The context.</summary>
    public ReelContext Context { get; }

    /// <summary>The context itself.</summary>
    public static implicit operator ReelContext(ContextScope scope) => scope.Context;

    /// <summary>Destroys the context (its pools go with it).</summary>
    public void Dispose() => ReelContext.Destroy(Context.Handle, "test");
}
