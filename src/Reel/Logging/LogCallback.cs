namespace Reel.Logging;

/// <summary>The host's <c>reel_log_fn</c> and its user data; null <see cref="Function"/> means no logging.</summary>
public readonly unsafe struct LogCallback
{
    /// <summary>The C function; called with (user_data, level, NUL-terminated UTF-8 message).</summary>
    public readonly delegate* unmanaged<void*, Abi.LogLevel, byte*, void> Function;

    /// <summary>Passed back unchanged as the first argument.</summary>
    public readonly void* UserData;

    /// <summary>Pairs a function with its user data.</summary>
    public LogCallback(delegate* unmanaged<void*, Abi.LogLevel, byte*, void> function, void* userData)
    {
        Function = function;
        UserData = userData;
    }
}
