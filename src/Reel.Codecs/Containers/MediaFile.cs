using Reel.Abi;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;

namespace Reel.Codecs.Containers;

/// <summary>
/// What the four file objects of the C API (IVF and Y4M readers and writers) share: a handle
/// of their own type, a gate that lets one call at a time in (each wraps a reader or writer
/// that is not thread-safe; no lock is held meanwhile, since acquiring from a host pool may
/// log), membership of the context (context destroy closes them), and close.
/// </summary>
internal abstract class MediaFile : IContextAttachment
{
    /// <summary>Most files of one kind open at once.</summary>
    public const int MaxOpenFiles = 4096;

    /// <summary>Serialises calls on the file.</summary>
    protected readonly CallGate Gate = new();

    private bool _closed;

    /// <summary>Creates the object for <paramref name="path"/> in <paramref name="context"/>.</summary>
    protected MediaFile(ReelContext context, string path)
    {
        Context = context;
        Path = path;
    }

    /// <summary>The owning context.</summary>
    public ReelContext Context { get; }

    /// <summary>The file's path, for messages.</summary>
    public string Path { get; }

    /// <summary>The handle hosts hold.</summary>
    public Handle Handle { get; private set; }

    /// <summary>Whether the file was closed.</summary>
    protected bool IsClosed => _closed;

    /// <summary>Registers <paramref name="file"/> in <paramref name="table"/> and the context; on failure the file is closed.</summary>
    public static ReelResult Register<T>(HandleTable<T> table, T file, string function) where T : MediaFile
    {
        if (!table.TryAdd(file, out Handle handle))
        {
            file.Close(function);
            return LastError.Set(ReelResult.ErrorLimitReached, $"{function}: {MaxOpenFiles} files of this kind are open, the most Reel allows; close one first");
        }
        file.Handle = handle;
        if (!file.Context.Attach(file))
        {
            table.TryRemove(handle, out _);
            file.Close(function);
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: context is being destroyed");
        }
        return ReelResult.Success;
    }

    /// <summary>Resolves a handle of <paramref name="table"/>'s type, passed as <paramref name="argument"/>.</summary>
    public static ReelResult Resolve<T>(HandleTable<T> table, ulong raw, string function, string argument, out T? file) where T : MediaFile
    {
        var handle = new Handle(raw);
        HandleError error = table.TryGet(handle, out file);
        return error == HandleError.None
            ? ReelResult.Success
            : LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, table.Type, argument));
    }

    /// <summary>Closes the file of <paramref name="handle"/> (NULL does nothing); the handle is stale afterwards, whatever the result.</summary>
    public static ReelResult Close<T>(HandleTable<T> table, Handle handle, string function, string argument) where T : MediaFile
    {
        if (handle.IsNull)
            return ReelResult.Success;
        HandleError error = table.TryRemove(handle, out T? file);
        if (error != HandleError.None)
            return LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: " + HandleErrorMessages.Describe(error, handle, table.Type, argument));
        file!.Context.Detach(file);
        return file.Close(function);
    }

    /// <summary>Closes the file once (a writer finishes it: IVF patches its frame count); messages start with <paramref name="function"/>.</summary>
    public ReelResult Close(string function)
    {
        Gate.Enter();
        try
        {
            if (_closed)
                return ReelResult.Success;
            _closed = true;
            return CloseFile(function);
        }
        finally
        {
            Gate.Exit();
        }
    }

    /// <inheritdoc/>
    public void OnContextDestroyed()
    {
        if (RemoveFromTable())
            Close("reel_context_destroy");
    }

    /// <summary>Info of the file.</summary>
    public abstract MediaInfo Info { get; }

    /// <summary>Releases the file. Called once, inside the gate; messages start with <paramref name="function"/>.</summary>
    protected abstract ReelResult CloseFile(string function);

    /// <summary>Removes the handle from its table; false if already removed.</summary>
    protected abstract bool RemoveFromTable();

    /// <summary>Fails with a message naming <paramref name="function"/> when the file is closed. Inside the gate.</summary>
    protected ReelResult CheckOpen(string function) => _closed
        ? LastError.Set(ReelResult.ErrorInvalidHandle, $"{function}: the file was closed")
        : ReelResult.Success;

    /// <summary>A path argument read as UTF-8 must be non-empty.</summary>
    public static ReelResult CheckPath(string? path, string function, string argument)
        => string.IsNullOrEmpty(path) ? LastError.Set(ReelResult.ErrorInvalidArgument, $"{function}: {argument} is empty; allowed a file path") : ReelResult.Success;
}
