using System;
using Reel.Codecs.Containers;

namespace Reel.Fuzz;

/// <summary>
/// AV1 OBU parsing of one temporal unit (<see cref="Av1TemporalUnit.IsRandomAccessPoint"/>),
/// on arbitrary bytes: it must answer, never throw, and answer the same for the same bytes in
/// a larger buffer (it must not read past the span it was given).
/// </summary>
internal sealed class ObuTarget : IFuzzTarget
{
    /// <inheritdoc/>
    public string Name => "obu";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        bool answer = Av1TemporalUnit.IsRandomAccessPoint(input);
        // The same bytes followed by garbage the parser must never look at.
        byte[] padded = new byte[input.Length + 16];
        input.CopyTo(padded);
        padded.AsSpan(input.Length).Fill(0xFF);
        InvariantException.Check(Av1TemporalUnit.IsRandomAccessPoint(padded.AsSpan(0, input.Length)) == answer,
            "the answer depends on bytes past the end of the temporal unit");
        if (answer)
            InvariantException.Check(input.Length >= 2, "a random-access point of fewer than 2 bytes");
    }
}
