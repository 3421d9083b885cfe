using System;

namespace Reel.VulkanGen.Registry;

/// <summary>The registry or the selection says something the generator cannot honour; the message says what and where.</summary>
internal sealed class RegistryException : Exception
{
    /// <summary>An error with <paramref name="message"/> naming the file, line or name at fault.</summary>
    public RegistryException(string message) : base(message)
    {
    }
}
