using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Reel.Backend.Software;
using Reel.Backends;
using SharpFuzz;

namespace Reel.Fuzz;

/// <summary>
/// Entry point: <c>dotnet Reel.Fuzz.dll TARGET</c> under afl-fuzz (input on stdin, coverage in
/// AFL's shared memory), or <c>dotnet Reel.Fuzz.dll TARGET FILE...</c> to replay inputs once,
/// printing the exception of any that fails (exit code 1).
/// </summary>
internal static unsafe class Program
{
    private static readonly IFuzzTarget[] s_targets =
    [
        new IvfTarget(),
        new Y4mTarget(),
        new ObuTarget(),
        new PoolTarget(),
        new DecoderTarget(),
    ];

    private static int Main(string[] args)
    {
        IFuzzTarget? target = args.Length > 0 ? s_targets.FirstOrDefault(t => t.Name == args[0]) : null;
        if (target is null)
        {
            Console.Error.WriteLine($"usage: Reel.Fuzz TARGET [FILE...]; targets: {string.Join(", ", s_targets.Select(t => t.Name))}");
            return 2;
        }
        // Instrumented engine code writes coverage into SharpFuzz's trace map, which exists only
        // once Fuzzer.Run has attached AFL's shared memory. Until then (registration below, and
        // replays, which never attach) it writes into a map of its own.
        SharpFuzz.Common.Trace.SharedMem = (byte*)NativeMemory.AllocZeroed(1 << 16);
        // The registry libreel fills in PlatformBackends: the decoder target needs dav1d.
        BackendRegistry.Register(new SoftwareBackend());
        if (args.Length > 1)
            return Replay(target, args[1..]);
        // Out of process: a child runs the inputs, so a timeout or a crash of the runtime
        // (stack overflow) is reported for its input and fuzzing goes on with a new child.
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            target.Run(copy.GetBuffer().AsSpan(0, (int)copy.Length));
        });
        return 0;
    }

    private static int Replay(IFuzzTarget target, string[] files)
    {
        int failed = 0;
        foreach (string file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
                Console.WriteLine($"{file}: ok");
            }
            catch (Exception e)
            {
                failed++;
                Console.WriteLine($"{file}: FAILED\n{e}");
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
