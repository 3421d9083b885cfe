using System;

namespace Reel.Fuzz;

/// <summary>A promise Reel broke on a fuzz input (the message says which).</summary>
internal sealed class InvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvariantException(string message) : base(message)
    {
    }

    /// <summary>Throws when <paramref name="condition"/> is false.</summary>
    public static void Check(bool condition, string message)
    {
        if (!condition)
            throw new InvariantException(message);
    }
}
