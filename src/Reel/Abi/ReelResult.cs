namespace Reel.Abi;

/// <summary>
/// What a call did: <c>reel_result_t</c>. Values are pinned; append, never renumber.
/// 0 is success, negative values are errors, positive values are non-error statuses.
/// </summary>
[CType("reel_result_t", MemberPrefix = "REEL_")]
public enum ReelResult
{
    /// <summary>The call did what it was asked.</summary>
    Success = 0,
    /// <summary>Nothing available yet; try again later.</summary>
    NotReady = 1,
    /// <summary>A wait ended because its timeout passed.</summary>
    Timeout = 2,
    /// <summary>A stream is fully drained: no more output will come.</summary>
    EndOfStream = 3,
    /// <summary>An argument is NULL, out of range, or inconsistent with another.</summary>
    ErrorInvalidArgument = -1,
    /// <summary>A handle is NULL, destroyed, of the wrong type, or never issued.</summary>
    ErrorInvalidHandle = -2,
    /// <summary>The host was built for a version this library cannot serve.</summary>
    ErrorIncompatibleVersion = -3,
    /// <summary>Memory could not be obtained.</summary>
    ErrorOutOfMemory = -4,
    /// <summary>Valid request this build, backend or device cannot do.</summary>
    ErrorUnsupported = -5,
    /// <summary>A fixed or configured limit was reached.</summary>
    ErrorLimitReached = -6,
    /// <summary>The call is not allowed in the object's current state (submit after flush).</summary>
    ErrorBadState = -7,
    /// <summary>Input data is damaged or not what it claims to be.</summary>
    ErrorCorruptData = -8,
    /// <summary>A file or stream could not be read or written.</summary>
    ErrorIo = -9,
    /// <summary>The GPU device was lost; objects on it must be destroyed.</summary>
    ErrorDeviceLost = -10,
    /// <summary>A defect inside Reel.</summary>
    ErrorInternal = -100,
}
