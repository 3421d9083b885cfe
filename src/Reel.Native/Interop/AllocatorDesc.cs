using System.Runtime.InteropServices;
using Reel.Abi;

namespace Reel.Native.Interop;

/// <summary>Mirror of <c>reel_allocator_t</c>; field names are the C names.</summary>
[CType("reel_allocator_t")]
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct AllocatorDesc
{
    public void* user_data;
    public delegate* unmanaged<void*, nuint, nuint, void*> alloc;
    public delegate* unmanaged<void*, void*, nuint, nuint, void> free;
}
