using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using NUnit.Framework;
using Reel.HeaderTool.Check;

namespace Reel.Native.Tests.Contract;

/// <summary>
/// An exception escaping an [UnmanagedCallersOnly] export aborts the host, so every export
/// uses the one guard: its whole body is in a try with a catch (Exception) handler that calls
/// ExportGuard, and the body names the export (its C name, for the message). ExportGuard maps
/// exceptions to results whose messages carry no .NET exception type name.
/// </summary>
public class ExportGuardTests
{
    /// <summary>After the handler only "ldloc; ret" may follow (the shared return of try and catch).</summary>
    private const int MaxTrailingIlBytes = 3;

    private static ManagedContract s_managed = null!;

    [OneTimeSetUp]
    public void Load() => s_managed = ManagedContract.Load(RepoPaths.ContractAssembly);

    [Test]
    public void EveryExport_IsWhollyInsideTheGuard()
    {
        Assert.That(s_managed.Exports, Is.Not.Empty);
        foreach (var (name, method) in s_managed.Exports)
        {
            MethodBody body = method.GetMethodBody()!;
            byte[] il = body.GetILAsByteArray()!;
            ExceptionHandlingClause? guard = body.ExceptionHandlingClauses.FirstOrDefault(clause =>
                clause.Flags == ExceptionHandlingClauseOptions.Clause
                && clause.CatchType == typeof(Exception)
                && clause.TryOffset == 0
                && il.Length - (clause.HandlerOffset + clause.HandlerLength) <= MaxTrailingIlBytes);
            Assert.That(guard, Is.Not.Null, $"{name} ({method.DeclaringType}.{method.Name}) is not wrapped in try {{ ... }} catch (Exception)");

            var handlerCalls = Calls(method, il, guard!.HandlerOffset, guard.HandlerLength).ToList();
            Assert.That(handlerCalls.Any(m => m.DeclaringType?.FullName == "Reel.Native.ExportGuard"), Is.True,
                $"{name}: the catch handler does not hand the exception to ExportGuard");
            Assert.That(Strings(method, il).Contains(name), Is.True,
                $"{name} ({method.DeclaringType}.{method.Name}) never names itself: its messages would not start with the C function");
        }
    }

    [Test]
    public void Exceptions_MapToResultsWithoutTypeNames()
    {
        var messages = new List<string>();
        (int result, string message) = Fail("reel_x_write", new IOException("No space left on device : '/dev/full'"));
        messages.Add(message);
        Assert.That(result, Is.EqualTo(-9), "REEL_ERROR_IO");
        Assert.That(message, Is.EqualTo("reel_x_write: I/O error: No space left on device : '/dev/full'"));

        (result, message) = Fail("reel_x_open", new UnauthorizedAccessException("Access to the path '/root/x' is denied."));
        Assert.That(result, Is.EqualTo(-9), "REEL_ERROR_IO");
        Assert.That(message, Does.StartWith("reel_x_open: I/O error: ").And.Contain("/root/x"));
        messages.Add(message);

        (result, message) = Fail("reel_x_create", new OutOfMemoryException());
        Assert.That(result, Is.EqualTo(-4), "REEL_ERROR_OUT_OF_MEMORY");
        Assert.That(message, Does.StartWith("reel_x_create: out of memory"));
        messages.Add(message);

        (result, message) = Fail("reel_x_get", new InvalidOperationException("the slot table is inconsistent"));
        Assert.That(result, Is.EqualTo(-100), "REEL_ERROR_INTERNAL");
        Assert.That(message, Is.EqualTo("reel_x_get: internal error (please report): the slot table is inconsistent"));
        messages.Add(message);

        Assert.That(messages, Has.None.Contains("Exception"), "no .NET exception type name reaches a message");
    }

    /// <summary>Runs the library's ExportGuard.Fail (loaded from the published IL) and reads the thread's message back.</summary>
    private static (int Result, string Message) Fail(string function, Exception exception)
    {
        Assembly library = s_managed.Exports.First().Value.Module.Assembly;
        MethodInfo fail = library.GetType("Reel.Native.ExportGuard", throwOnError: true)!.GetMethod("Fail")!;
        object result = fail.Invoke(null, [function, exception])!;
        Type lastError = fail.ReturnType.Assembly.GetType("Reel.Errors.LastError", throwOnError: true)!;
        string message = (string)lastError.GetProperty("Message")!.GetValue(null)!;
        return (Convert.ToInt32(result), message);
    }

    /// <summary>The methods called (call, callvirt, newobj) in a range of a method's IL.</summary>
    private static IEnumerable<MethodBase> Calls(MethodInfo method, byte[] il, int offset, int length)
    {
        foreach (var (opcode, operand) in Instructions(il, offset, length))
        {
            if (opcode == OpCodes.Call || opcode == OpCodes.Callvirt || opcode == OpCodes.Newobj)
            {
                MethodBase? target = null;
                try
                {
                    target = method.Module.ResolveMethod(operand, method.DeclaringType?.GetGenericArguments(), method.GetGenericArguments());
                }
                catch (ArgumentException)
                {
                    // A vararg or otherwise unresolvable token: not a call to ExportGuard.
                }
                if (target is not null)
                    yield return target;
            }
        }
    }

    /// <summary>The string literals a method's IL loads.</summary>
    private static HashSet<string> Strings(MethodInfo method, byte[] il) =>
        Instructions(il, 0, il.Length).Where(i => i.OpCode == OpCodes.Ldstr).Select(i => method.Module.ResolveString(i.Operand)).ToHashSet();

    /// <summary>Decodes IL into opcodes with their 4-byte token operand (0 for other operands).</summary>
    private static IEnumerable<(OpCode OpCode, int Operand)> Instructions(byte[] il, int offset, int length)
    {
        int end = offset + length;
        for (int i = offset; i < end;)
        {
            OpCode opcode = il[i] == 0xFE ? s_twoByte[il[i + 1]] : s_oneByte[il[i]];
            i += opcode.Size;
            int size = OperandSize(opcode, il, i);
            int operand = size == 4 ? BitConverter.ToInt32(il, i) : 0;
            i += size;
            yield return (opcode, operand);
        }
    }

    private static int OperandSize(OpCode opcode, byte[] il, int at) => opcode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static readonly OpCode[] s_oneByte = new OpCode[256];
    private static readonly OpCode[] s_twoByte = new OpCode[256];

    static ExportGuardTests()
    {
        foreach (FieldInfo field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var opcode = (OpCode)field.GetValue(null)!;
            ushort value = unchecked((ushort)opcode.Value);
            if (opcode.Size == 1)
                s_oneByte[value] = opcode;
            else
                s_twoByte[value & 0xFF] = opcode;
        }
    }
}
