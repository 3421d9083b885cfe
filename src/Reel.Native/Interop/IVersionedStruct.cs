namespace Reel.Native.Interop;

/// <summary>A C input struct that starts with <c>uint32_t struct_size</c> and may grow by appending fields.</summary>
internal interface IVersionedStruct
{
    /// <summary>sizeof the struct in the first release that published it; smaller struct_size values are refused.</summary>
    static abstract uint FirstPublishedSize { get; }
}
