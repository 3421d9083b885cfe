using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using Reel.HeaderTool.Check;

namespace Reel.Native.Tests.Contract;

/// <summary>
/// An exception escaping an [UnmanagedCallersOnly] export aborts the host, so every export's
/// whole body must sit in a try with a catch (Exception) handler (ExportGuard).
/// </summary>
public class ExportGuardTests
{
    /// <summary>After the handler only "ldloc; ret" may follow (the shared return of try and catch).</summary>
    private const int MaxTrailingIlBytes = 3;

    [Test]
    public void EveryExport_CatchesEverything()
    {
        ManagedContract managed = ManagedContract.Load(RepoPaths.ContractAssembly);
        Assert.That(managed.Exports, Is.Not.Empty);
        foreach (var (name, method) in managed.Exports)
        {
            MethodBody body = method.GetMethodBody()!;
            int length = body.GetILAsByteArray()!.Length;
            bool guarded = body.ExceptionHandlingClauses.Any(clause =>
                clause.Flags == ExceptionHandlingClauseOptions.Clause
                && clause.CatchType == typeof(Exception)
                && clause.TryOffset == 0
                && length - (clause.HandlerOffset + clause.HandlerLength) <= MaxTrailingIlBytes);
            Assert.That(guarded, Is.True, $"{name} ({method.DeclaringType}.{method.Name}) is not wrapped in try {{ ... }} catch (Exception)");
        }
    }
}
