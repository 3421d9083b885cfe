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
    /// <summary>A defect inside Reel.</summary>
    ErrorInternal = -100,
}
