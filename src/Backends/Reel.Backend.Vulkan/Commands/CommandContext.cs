using Silk.NET.Vulkan;

namespace Reel.Vulkan.Commands;

/// <summary>
/// One primary command buffer with a command pool of its own (a pool per buffer, as FFmpeg's
/// execution contexts have: two threads may then record two buffers at once, and resetting the
/// pool recycles the buffer's memory in one call). Reused only after the queue timeline reached
/// the value its last submission signals.
/// </summary>
internal sealed class CommandContext
{
    /// <summary>Wraps a pool and its one command buffer.</summary>
    public CommandContext(CommandPool pool, CommandBuffer buffer)
    {
        Pool = pool;
        Buffer = buffer;
    }

    /// <summary>The pool (transient; reset as a whole before each use).</summary>
    public CommandPool Pool { get; }

    /// <summary>The command buffer.</summary>
    public CommandBuffer Buffer { get; }

    /// <summary>Idle, recording or pending.</summary>
    public CommandContextState State { get; set; }

    /// <summary>The queue timeline value its last submission signals; 0 before the first.</summary>
    public ulong SubmittedValue { get; set; }
}
