using System;

namespace Reel.Fuzz;

/// <summary>
/// One fuzz target: runs Reel on one input. Reel's contract is to answer every input with a
/// result code, so any exception that escapes <see cref="Run"/> is a finding (SharpFuzz reports
/// it to AFL++ as a crash); broken invariants throw <see cref="InvariantException"/>.
/// </summary>
internal interface IFuzzTarget
{
    /// <summary>The name given on the command line and used for the corpus folder.</summary>
    string Name { get; }

    /// <summary>Runs one input.</summary>
    void Run(ReadOnlySpan<byte> input);
}
