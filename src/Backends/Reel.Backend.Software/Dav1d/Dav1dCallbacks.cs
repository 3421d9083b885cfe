using System;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Abi;
using Reel.Codecs.Decoders;

namespace Reel.Backend.Software.Dav1d;

/// <summary>
/// What dav1d calls back into for one decoder: the picture allocator (forwarded to an
/// <see cref="IPictureAllocator"/>) and the logger (whose lines explain decode errors).
/// The cookie dav1d holds is a GCHandle to this object; it stays valid while the decoder is
/// open or any picture buffer is out, because dav1d releases pictures after dav1d_close when
/// the caller still holds them. Every callback catches everything: an exception escaping into
/// dav1d (often on one of its worker threads) would abort the process.
/// </summary>
internal sealed unsafe class Dav1dCallbacks
{
    /// <summary>vsnprintf from libc, to format dav1d's printf-style log lines; null if unavailable.</summary>
    private static readonly delegate* unmanaged<byte*, nuint, byte*, void*, int> s_vsnprintf = ResolveVsnprintf();

    private readonly IPictureAllocator _allocator;
    private GCHandle _self;

    /// <summary>1 for the open decoder plus 1 per picture buffer dav1d holds.</summary>
    private int _references = 1;

    /// <summary>Why the last allocation failed; taken by the decoder when dav1d reports ENOMEM.</summary>
    private string? _allocationFailure;

    /// <summary>dav1d's log lines since the decoder last took them (the first few: the first is the cause).</summary>
    private string? _log;

    private int _logLines;

    private readonly object _logLock = new();

    public Dav1dCallbacks(IPictureAllocator allocator)
    {
        _allocator = allocator;
        _self = GCHandle.Alloc(this);
    }

    /// <summary>The cookie for Dav1dPicAllocator and Dav1dLogger.</summary>
    public void* Cookie => (void*)GCHandle.ToIntPtr(_self);

    /// <summary>Whether log lines can be formatted on this platform (va_list passed as a pointer).</summary>
    public static bool CanLog => s_vsnprintf != null;

    /// <summary>Fills dav1d's allocator and logger fields.</summary>
    public void Install(Dav1dSettings* settings)
    {
        settings->allocator.cookie = Cookie;
        settings->allocator.alloc_picture_callback = &AllocatePicture;
        settings->allocator.release_picture_callback = &ReleasePicture;
        settings->logger_cookie = Cookie;
        settings->logger_callback = CanLog ? &Log : null;
    }

    /// <summary>Takes (and clears) the reason of the last failed allocation.</summary>
    public string? TakeAllocationFailure() => Interlocked.Exchange(ref _allocationFailure, null);

    /// <summary>Takes (and clears) dav1d's log lines, joined with "; ".</summary>
    public string? TakeLog()
    {
        lock (_logLock)
        {
            string? log = _log;
            _log = null;
            _logLines = 0;
            return log;
        }
    }

    /// <summary>The decoder closed: drops its reference (the handle goes when the last picture does).</summary>
    public void ReleaseOwner() => DropReference();

    [UnmanagedCallersOnly]
    private static int AllocatePicture(Dav1dPicture* picture, void* cookie)
    {
        Dav1dCallbacks? self = null;
        try
        {
            self = (Dav1dCallbacks)GCHandle.FromIntPtr((nint)cookie).Target!;
            return self.Allocate(picture);
        }
        catch (Exception e)
        {
            if (self is not null)
            {
                Volatile.Write(ref self._allocationFailure, $"the picture allocator failed (please report): {e.Message}");
            }
            return Dav1dLibrary.ErrorNoMemory;
        }
    }

    [UnmanagedCallersOnly]
    private static void ReleasePicture(Dav1dPicture* picture, void* cookie)
    {
        try
        {
            var self = (Dav1dCallbacks)GCHandle.FromIntPtr((nint)cookie).Target!;
            self.Release(picture);
        }
        catch (Exception)
        {
            // Nothing can be reported from a dav1d worker thread; the allocator's own counters show the leak.
        }
    }

    [UnmanagedCallersOnly]
    private static void Log(void* cookie, byte* format, void* arguments)
    {
        try
        {
            var self = (Dav1dCallbacks)GCHandle.FromIntPtr((nint)cookie).Target!;
            const int capacity = 512;
            byte* text = stackalloc byte[capacity];
            int length = s_vsnprintf(text, capacity, format, arguments);
            if (length < 0)
                return;
            string line = Marshal.PtrToStringUTF8((nint)text, Math.Min(length, capacity - 1)).Trim();
            if (line.Length > 0)
                self.AppendLog(line);
        }
        catch (Exception)
        {
            // A log line is not worth a crash.
        }
    }

    private void AppendLog(string line)
    {
        const int maxLines = 4;
        lock (_logLock)
        {
            if (_logLines++ < maxLines)
                _log = _log is null ? line : $"{_log}; {line}";
        }
    }

    private int Allocate(Dav1dPicture* picture)
    {
        var request = new PictureRequest(picture->p.w, picture->p.h, (PixelLayout)picture->p.layout, picture->p.bpc);
        ReelResult result = _allocator.Allocate(in request, out PictureBuffer buffer);
        if (result != ReelResult.Success)
        {
            string reason = Reel.Errors.LastError.Result == result ? Reel.Errors.LastError.Message : $"the picture allocator returned {result}";
            Volatile.Write(ref _allocationFailure, reason);
            return Dav1dLibrary.ErrorNoMemory;
        }
        string? problem = Check(request, buffer);
        if (problem is not null)
        {
            _allocator.Release(in buffer);
            Volatile.Write(ref _allocationFailure, $"the picture allocator returned an unusable buffer: {problem}");
            return Dav1dLibrary.ErrorNoMemory;
        }
        Interlocked.Increment(ref _references);
        picture->data0 = buffer.Y;
        picture->data1 = buffer.U;
        picture->data2 = buffer.V;
        picture->stride0 = buffer.LumaStride;
        picture->stride1 = buffer.ChromaStride;
        picture->allocator_data = (void*)buffer.Token;
        return 0;
    }

    private void Release(Dav1dPicture* picture)
    {
        var buffer = new PictureBuffer(picture->data0, picture->data1, picture->data2, picture->stride0, picture->stride1, (nint)picture->allocator_data);
        try
        {
            _allocator.Release(in buffer);
        }
        finally
        {
            DropReference();
        }
    }

    /// <summary>Null when <paramref name="buffer"/> meets dav1d's rules for <paramref name="request"/>; otherwise what is wrong.</summary>
    internal static string? Check(in PictureRequest request, in PictureBuffer buffer)
    {
        const nint mask = PictureRequest.Alignment - 1;
        if (buffer.Y == null || ((nint)buffer.Y & mask) != 0)
            return $"luma plane 0x{(nint)buffer.Y:X} is not 64-byte aligned";
        if (buffer.LumaStride < request.LumaStride || (buffer.LumaStride & mask) != 0)
            return $"luma stride {buffer.LumaStride}; needs a multiple of 64 of at least {request.LumaStride}";
        if (request.Layout == PixelLayout.I400)
            return null;
        if (buffer.U == null || ((nint)buffer.U & mask) != 0 || buffer.V == null || ((nint)buffer.V & mask) != 0)
            return "chroma planes are missing or not 64-byte aligned";
        if (buffer.ChromaStride < request.ChromaStride || (buffer.ChromaStride & mask) != 0)
            return $"chroma stride {buffer.ChromaStride}; needs a multiple of 64 of at least {request.ChromaStride}";
        return null;
    }

    private void DropReference()
    {
        if (Interlocked.Decrement(ref _references) == 0)
            _self.Free();
    }

    private static delegate* unmanaged<byte*, nuint, byte*, void*, int> ResolveVsnprintf()
    {
        // Forwarding va_list as a pointer is right where the ABI passes it by reference:
        // an array type on x86-64 System V, a large struct on AArch64.
        bool pointerVaList = RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;
        if (!pointerVaList || !OperatingSystem.IsLinux())
            return null;
        if (!NativeLibrary.TryLoad("libc.so.6", out nint libc) || !NativeLibrary.TryGetExport(libc, "vsnprintf", out nint function))
            return null;
        return (delegate* unmanaged<byte*, nuint, byte*, void*, int>)function;
    }
}
