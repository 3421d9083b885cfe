using Reel.Memory;

namespace Reel.Telemetry;

/// <summary>One accounted object (a pool) in a snapshot: its bytes and buffers out.</summary>
/// <param name="Handle">The object's handle value (stable for its life).</param>
/// <param name="Name">Its label.</param>
/// <param name="Category">What its memory counts as.</param>
/// <param name="BytesHeld">Bytes held at the sample.</param>
/// <param name="BytesFloor">Fewest bytes held since the previous snapshot.</param>
/// <param name="InUse">Buffers out at the sample.</param>
public readonly record struct ObjectSample(ulong Handle, string Name, MemoryCategory Category, long BytesHeld, long BytesFloor, int InUse);
