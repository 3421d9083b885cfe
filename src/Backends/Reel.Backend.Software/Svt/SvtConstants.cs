namespace Reel.Backend.Software.Svt;

/// <summary>Values from SVT-AV1 1.4.1's EbSvtAv1.h and EbSvtAv1Enc.h that Reel uses.</summary>
internal static class SvtConstants
{
    /// <summary>EB_ErrorNone.</summary>
    public const int ErrorNone = 0;
    /// <summary>EB_ErrorInsufficientResources.</summary>
    public const int ErrorInsufficientResources = unchecked((int)0x80001000);
    /// <summary>EB_ErrorUndefined.</summary>
    public const int ErrorUndefined = unchecked((int)0x80001001);
    /// <summary>EB_ErrorInvalidComponent.</summary>
    public const int ErrorInvalidComponent = unchecked((int)0x80001004);
    /// <summary>EB_ErrorBadParameter.</summary>
    public const int ErrorBadParameter = unchecked((int)0x80001005);
    /// <summary>EB_NoErrorEmptyQueue: get_packet had nothing ready.</summary>
    public const int NoErrorEmptyQueue = unchecked((int)0x80002033);
    /// <summary>EB_NoErrorFifoShutdown.</summary>
    public const int NoErrorFifoShutdown = unchecked((int)0x80002034);
    /// <summary>EB_ErrorMax: an output packet carries an encode error.</summary>
    public const int ErrorMax = 0x7FFFFFFF;

    /// <summary>EB_BUFFERFLAG_EOS: on input ends the stream; on output marks the last packet.</summary>
    public const uint BufferFlagEos = 0x00000001;
    /// <summary>Output flag bits that signal an error (anything above the four defined flags).</summary>
    public const uint BufferFlagErrorMask = 0xFFFFFFF0;

    /// <summary>EB_AV1_KEY_PICTURE.</summary>
    public const int KeyPicture = 3;
    /// <summary>EB_AV1_INVALID_PICTURE: on input, the encoder picks the type.</summary>
    public const int InvalidPicture = 0xFF;

    /// <summary>Bytes reserved for the opaque EbSvtAv1EncConfiguration (1720 in 1.4.1; at most 1720 in any 1.x or 2.x).</summary>
    public const int ConfigurationBlockSize = 8192;

    /// <summary>Name of an EbErrorType value for messages.</summary>
    public static string ErrorName(int error) => error switch
    {
        ErrorNone => "EB_ErrorNone",
        ErrorInsufficientResources => "EB_ErrorInsufficientResources",
        ErrorUndefined => "EB_ErrorUndefined",
        ErrorInvalidComponent => "EB_ErrorInvalidComponent",
        ErrorBadParameter => "EB_ErrorBadParameter",
        NoErrorEmptyQueue => "EB_NoErrorEmptyQueue",
        NoErrorFifoShutdown => "EB_NoErrorFifoShutdown",
        ErrorMax => "EB_ErrorMax",
        _ => "EbErrorType",
    } + $" (0x{error:X8})";
}
