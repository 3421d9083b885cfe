using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Reel.Abi;
using Reel.Pools;

namespace Reel.Native.Interop;

/// <summary>Four pointer-sized values: the C array <c>uint8_t* data[4]</c>.</summary>
[InlineArray(4)]
internal struct PlanePointers
{
    private nint _element;
}
