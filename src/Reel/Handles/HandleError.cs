namespace Reel.Handles;

/// <summary>Why a handle did not resolve; <see cref="None"/> when it did.</summary>
public enum HandleError
{
    /// <summary>The handle resolved.</summary>
    None,
    /// <summary>REEL_NULL_HANDLE.</summary>
    Null,
    /// <summary>The type tag names another (known or unknown) handle type.</summary>
    WrongType,
    /// <summary>The slot or generation was never issued: a forged or corrupted value.</summary>
    NeverIssued,
    /// <summary>The object was destroyed (its slot's generation moved on).</summary>
    Stale,
}

/// <summary>Turns a <see cref="HandleError"/> into a sentence for reel_last_error_message().</summary>
public static class HandleErrorMessages
{
    /// <summary>
    /// Describes why <paramref name="handle"/>, passed as <paramref name="argument"/>, is not a
    /// live object of type <paramref name="expected"/>.
    /// </summary>
    public static string Describe(HandleError error, Handle handle, HandleType expected, string argument)
    {
        string expectedName = expected.CName() ?? expected.ToString();
        return error switch
        {
            HandleError.Null => $"{argument} is NULL; expected a {expectedName}",
            HandleError.WrongType when handle.Type.CName() is { } actual =>
                $"{argument} ({handle}) is a {actual}, not a {expectedName}",
            HandleError.WrongType =>
                $"{argument} ({handle}) is not a Reel handle (unknown type tag 0x{(byte)handle.Type:x2}); expected a {expectedName}",
            HandleError.NeverIssued when expected == HandleType.Buffer =>
                $"{argument} ({handle}) was never issued by Reel: no pool handed out that value (forged or corrupted); expected a {expectedName}",
            HandleError.NeverIssued =>
                $"{argument} ({handle}) was never issued by Reel (slot {handle.Index}, generation {handle.Generation}); expected a {expectedName}",
            HandleError.Stale when expected == HandleType.Buffer => $"{argument} ({handle}) is stale: that {expectedName} was released",
            HandleError.Stale => $"{argument} ({handle}) is stale: that {expectedName} was destroyed",
            _ => $"{argument} ({handle}) is valid",
        };
    }
}
