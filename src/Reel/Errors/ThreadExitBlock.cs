using System;
using System.Runtime.InteropServices;

namespace Reel.Errors;

/// <summary>
/// One block of unmanaged memory per thread that the C library frees when the thread exits:
/// allocated with libc's malloc and registered under a pthread key whose destructor is libc's
/// free. Host threads call into libreel and end without .NET ever seeing them end, so neither
/// a finalizer (it waits for a garbage collection that may be far off) nor a managed
/// thread-exit hook could free it in time; the pthread key is the C library's own thread-exit
/// cleanup. The block is looked up under the key on every use instead of being cached in a
/// managed field: if the host's own thread-exit code calls libreel after the block was freed,
/// the lookup finds none and a fresh one is made (freed again in glibc's next destructor
/// round). Where the C library offers no such key (not Linux), <see cref="IsAvailable"/> is false.
/// </summary>
internal static unsafe class ThreadExitBlock
{
    private static readonly delegate* unmanaged<nuint, void*> s_malloc;
    private static readonly delegate* unmanaged<void*, void> s_free;
    private static readonly delegate* unmanaged<uint, void*, int> s_setSpecific;
    private static readonly delegate* unmanaged<uint, void*> s_getSpecific;

    /// <summary>The pthread_key_t (an unsigned int in glibc) whose destructor is free.</summary>
    private static readonly uint s_key;

    static ThreadExitBlock()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out nint libc))
            return;
        // glibc 2.34 moved the pthread functions into libc; older ones keep them in libpthread.
        nint pthread = NativeLibrary.TryLoad("libpthread.so.0", out nint old) ? old : libc;
        if (!NativeLibrary.TryGetExport(libc, "malloc", out nint malloc)
            || !NativeLibrary.TryGetExport(libc, "free", out nint free)
            || !TryGetExport(libc, pthread, "pthread_key_create", out nint keyCreate)
            || !TryGetExport(libc, pthread, "pthread_setspecific", out nint setSpecific)
            || !TryGetExport(libc, pthread, "pthread_getspecific", out nint getSpecific))
        {
            return;
        }
        uint key;
        if (((delegate* unmanaged<uint*, nint, int>)keyCreate)(&key, free) != 0)
            return;
        s_key = key;
        s_malloc = (delegate* unmanaged<nuint, void*>)malloc;
        s_free = (delegate* unmanaged<void*, void>)free;
        s_getSpecific = (delegate* unmanaged<uint, void*>)getSpecific;
        s_setSpecific = (delegate* unmanaged<uint, void*, int>)setSpecific;
    }

    /// <summary>Whether blocks are freed at thread exit on this platform.</summary>
    public static bool IsAvailable => s_setSpecific != null;

    /// <summary>
    /// This thread's block of <paramref name="size"/> bytes (the same size on every call),
    /// allocated on first use (<paramref name="fresh"/>, its contents undefined) and freed by the
    /// C library when the thread exits. Null when out of memory or when
    /// <see cref="IsAvailable"/> is false.
    /// </summary>
    public static byte* Get(nuint size, out bool fresh)
    {
        fresh = false;
        if (!IsAvailable)
            return null;
        void* block = s_getSpecific(s_key);
        if (block != null)
            return (byte*)block;
        block = s_malloc(size);
        if (block != null && s_setSpecific(s_key, block) != 0)
        {
            // Not registered, it would never be freed: better no block than a leak.
            s_free(block);
            block = null;
        }
        fresh = block != null;
        return (byte*)block;
    }

    private static bool TryGetExport(nint library, nint fallback, string name, out nint address)
        => NativeLibrary.TryGetExport(library, name, out address) || NativeLibrary.TryGetExport(fallback, name, out address);
}
