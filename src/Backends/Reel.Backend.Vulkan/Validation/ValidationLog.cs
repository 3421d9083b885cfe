using System.Collections.Generic;
using System.Threading;
using Reel.Abi;
using Reel.Logging;

namespace Reel.Vulkan.Validation;

/// <summary>
/// Every debug-utils message of an instance, recorded in order with its severity, id and text,
/// and the errors counted, so that a test (or a host in a debug build) can fail on them.
/// Messages arrive on whatever thread the driver or layer calls from. Counts stay exact; the
/// stored messages stop at <see cref="Capacity"/> so that a noisy long session cannot grow
/// without bound.
/// </summary>
public sealed class ValidationLog
{
    /// <summary>Messages stored at most; later ones are only counted.</summary>
    public const int Capacity = 10_000;

    private readonly Lock _lock = new();
    private readonly List<ValidationMessage> _messages = new();
    private readonly Logger? _logger;
    private int _errorCount;
    private int _warningCount;
    private int _totalCount;

    /// <summary>A log that also forwards each message to <paramref name="logger"/> (errors as errors, warnings as warnings, the rest as debug).</summary>
    public ValidationLog(Logger? logger = null) => _logger = logger;

    /// <summary>Error-severity messages received since creation or the last <see cref="Clear"/>.</summary>
    public int ErrorCount => Volatile.Read(ref _errorCount);

    /// <summary>Warning-severity messages received.</summary>
    public int WarningCount => Volatile.Read(ref _warningCount);

    /// <summary>All messages received, stored or not.</summary>
    public int TotalCount => Volatile.Read(ref _totalCount);

    /// <summary>A copy of the stored messages, oldest first.</summary>
    public IReadOnlyList<ValidationMessage> Messages
    {
        get
        {
            lock (_lock)
                return _messages.ToArray();
        }
    }

    /// <summary>The stored error-severity messages.</summary>
    public IReadOnlyList<ValidationMessage> Errors
    {
        get
        {
            lock (_lock)
                return _messages.FindAll(m => m.IsError);
        }
    }

    /// <summary>Forgets the messages and resets the counts.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _messages.Clear();
            _errorCount = 0;
            _warningCount = 0;
            _totalCount = 0;
        }
    }

    /// <summary>Records one message; called from the debug messenger callback on any thread.</summary>
    internal void Record(in ValidationMessage message)
    {
        lock (_lock)
        {
            _totalCount++;
            if (message.IsError)
                _errorCount++;
            else if (message.IsWarning)
                _warningCount++;
            if (_messages.Count < Capacity)
                _messages.Add(message);
        }
        // The host's callback runs outside the lock, as every Reel callback does.
        if (_logger is not null)
        {
            LogLevel level = message.IsError ? LogLevel.Error : message.IsWarning ? LogLevel.Warning : LogLevel.Debug;
            if (_logger.IsEnabled(level))
                _logger.Write(level, "vulkan " + message);
        }
    }
}
