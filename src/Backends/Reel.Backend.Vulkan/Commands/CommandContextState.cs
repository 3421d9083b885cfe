namespace Reel.Vulkan.Commands;

/// <summary>Where a <see cref="CommandContext"/> is in its cycle.</summary>
internal enum CommandContextState
{
    /// <summary>Free to begin (never used, or its submission completed).</summary>
    Idle,
    /// <summary>Handed to the host between begin and submit.</summary>
    Recording,
    /// <summary>Submitted; waits for its timeline value.</summary>
    Pending,
}
