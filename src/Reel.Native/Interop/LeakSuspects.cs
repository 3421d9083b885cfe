using System.Runtime.CompilerServices;

namespace Reel.Native.Interop;

/// <summary>The C array <c>reel_leak_suspect_t suspects[REEL_LEAK_MAX_SUSPECTS]</c>.</summary>
[InlineArray(8)]
internal struct LeakSuspects
{
    private LeakSuspectDesc _element;
}
