using System;
using System.Runtime.InteropServices;
using System.Threading;
using Reel.Interop;

namespace Reel;

/// <summary>
/// Owns one Reel handle (a context, pool, buffer reference, session, file ...) and gives it
/// back exactly once: when the owner is disposed, or by the finalizer when the owner was
/// forgotten. Calls borrow the handle through <see cref="Use"/>, so a Dispose on another
/// thread waits for them instead of destroying the object under a call. A handle stays a
/// 64-bit value in an <see cref="nint"/>; it is never dereferenced.
/// </summary>
internal sealed unsafe class ObjectHandle : SafeHandle
{
    /// <summary>The export that destroys, closes or releases this kind of handle.</summary>
    private readonly delegate*<nint, reel_result_t> _release;

    /// <summary>A GCHandle to free after the release (a context's log callback), or 0.</summary>
    private nint _afterRelease;

    /// <summary>1 once <see cref="Detach"/> took the handle away from the finalizer.</summary>
    private int _detached;

    /// <summary>Takes ownership of <paramref name="value"/>.</summary>
    /// <param name="value">a handle Reel issued (never 0).</param>
    /// <param name="release">the function that gives it back, e.g. reel_pool_destroy.</param>
    /// <param name="afterRelease">a GCHandle to free once the release returned, or 0.</param>
    public ObjectHandle(nint value, delegate*<nint, reel_result_t> release, nint afterRelease = 0)
        : base(0, ownsHandle: true)
    {
        _release = release;
        _afterRelease = afterRelease;
        SetHandle(value);
    }

    /// <inheritdoc />
    public override bool IsInvalid => handle == 0;

    /// <summary>What the release returned (a writer's close reports I/O failures here).</summary>
    public reel_result_t ReleaseResult { get; private set; }

    /// <summary>
    /// Releases the handle now and throws what the release reported (a writer's close:
    /// <c>REEL_ERROR_IO</c>). A stale handle is no failure here: the object's context was
    /// destroyed first, which closed the object with it. A second call does nothing.
    /// </summary>
    public void ReleaseAndCheck()
    {
        if (IsClosed)
            return;
        Dispose();
        if (ReleaseResult != reel_result_t.REEL_ERROR_INVALID_HANDLE)
            Results.Check(ReleaseResult);
    }

    /// <summary>Borrows the handle for one call; throws ObjectDisposedException once disposed.</summary>
    public Borrowed Use() => new(this);

    /// <summary>
    /// Takes the handle away without releasing it, for the functions that end an object and
    /// return more than a result (reel_movie_writer_end's statistics). The caller must end it.
    /// </summary>
    public nint Detach(string objectName)
    {
        if (Interlocked.Exchange(ref _detached, 1) != 0 || IsClosed)
            throw new ObjectDisposedException(objectName);
        nint value = handle;
        SetHandleAsInvalid();
        FreeAfterRelease();
        return value;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // The result is kept, not thrown: a finalizer must not throw, and a handle whose
        // owner (a context) was destroyed first is stale, which is harmless here.
        ReleaseResult = _release(handle);
        FreeAfterRelease();
        return true;
    }

    private void FreeAfterRelease()
    {
        nint callback = Interlocked.Exchange(ref _afterRelease, 0);
        if (callback != 0)
            GCHandle.FromIntPtr(callback).Free();
    }

    /// <summary>The handle of one call; disposing it ends the borrow.</summary>
    public ref struct Borrowed
    {
        private readonly ObjectHandle _owner;
        private bool _added;

        internal Borrowed(ObjectHandle owner)
        {
            _owner = owner;
            _added = false;
            owner.DangerousAddRef(ref _added);
        }

        /// <summary>The handle's value.</summary>
        public readonly nint Value => _owner.DangerousGetHandle();

        /// <summary>Ends the borrow.</summary>
        public void Dispose()
        {
            if (_added)
            {
                _added = false;
                _owner.DangerousRelease();
            }
        }
    }
}
