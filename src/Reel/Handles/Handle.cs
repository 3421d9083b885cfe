using System;
using System.Runtime.CompilerServices;

namespace Reel.Handles;

/// <summary>
/// An opaque handle as the C API carries it: 64 bits, never a pointer.
/// <code>
///  63      56 55                 32 31                   0
/// +----------+---------------------+----------------------+
/// |   type   |   generation (24)   |     slot index (32)  |
/// +----------+---------------------+----------------------+
/// </code>
/// The type tag is never 0, so no valid handle is 0 (REEL_NULL_HANDLE). The generation
/// changes each time a slot is freed, so a handle to a destroyed object never matches the
/// object that reuses its slot (like Vulkan's non-dispatchable handles).
/// </summary>
public readonly struct Handle : IEquatable<Handle>
{
    /// <summary>Largest generation; a slot that reaches it is retired, never reused.</summary>
    public const uint MaxGeneration = (1u << 24) - 1;

    /// <summary>REEL_NULL_HANDLE.</summary>
    public static readonly Handle Null = default;

    /// <summary>The 64-bit value the host holds.</summary>
    public readonly ulong Value;

    /// <summary>Wraps a raw value received from the host; nothing is validated here.</summary>
    public Handle(ulong value) => Value = value;

    /// <summary>Packs a handle; <paramref name="generation"/> must be 1..MaxGeneration.</summary>
    public Handle(HandleType type, uint index, uint generation)
    {
        System.Diagnostics.Debug.Assert(type != HandleType.None, "A handle needs a type tag.");
        System.Diagnostics.Debug.Assert(generation is > 0 and <= MaxGeneration, "Generations run from 1 to MaxGeneration.");
        Value = ((ulong)type << 56) | ((ulong)generation << 32) | index;
    }

    /// <summary>The type tag.</summary>
    public HandleType Type
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (HandleType)(Value >> 56);
    }

    /// <summary>The generation of the slot when the handle was issued.</summary>
    public uint Generation
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (uint)(Value >> 32) & MaxGeneration;
    }

    /// <summary>The slot index in its table.</summary>
    public uint Index
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (uint)Value;
    }

    /// <summary>Whether this is REEL_NULL_HANDLE.</summary>
    public bool IsNull => Value == 0;

    /// <inheritdoc/>
    public bool Equals(Handle other) => Value == other.Value;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Handle other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>The value as a host would print it with %p.</summary>
    public override string ToString() => $"0x{Value:x16}";

    /// <summary>Equality of values.</summary>
    public static bool operator ==(Handle left, Handle right) => left.Value == right.Value;

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(Handle left, Handle right) => left.Value != right.Value;
}
