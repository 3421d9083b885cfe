using System;
using System.Threading;
using Reel.Abi;

namespace Reel.Context;

// Objects of upper layers that die with the context (caches, sessions, writers, devices):
// core cannot reference them, so they register here and are torn down first when the
// context goes.
public sealed partial class ReelContext
{
    private readonly Lock _attachmentsLock = new();

    /// <summary>Live attachments in the order they were attached; copy on write, so the frame tick reads it without a lock.</summary>
    private IContextAttachment[] _attachments = [];

    /// <summary>Attachments alive now.</summary>
    public int AttachmentCount => Volatile.Read(ref _attachments).Length;

    /// <summary>
    /// Ties <paramref name="attachment"/> to the context: it hears every frame tick and context
    /// destroy calls its <see cref="IContextAttachment.OnContextDestroyed"/>. False when the
    /// context is already being destroyed (the caller must then tear the object down itself).
    /// </summary>
    public bool Attach(IContextAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        lock (_attachmentsLock)
        {
            if (IsDestroyed)
                return false;
            CopyOnWrite.Add(ref _attachments, attachment);
            return true;
        }
    }

    /// <summary>Unties an attachment the host destroyed itself; unknown attachments are ignored.</summary>
    public void Detach(IContextAttachment attachment)
    {
        lock (_attachmentsLock)
            CopyOnWrite.Remove(ref _attachments, attachment);
    }

    /// <summary>Tells every attachment that a frame ended.</summary>
    private void TickAttachments(long frame, long now)
    {
        foreach (IContextAttachment attachment in Volatile.Read(ref _attachments))
            attachment.OnFrame(frame, now);
    }

    /// <summary>Tears down every attachment, newest first (a movie writer before the encoder it feeds).</summary>
    private void DestroyAttachments()
    {
        IContextAttachment[] attachments;
        lock (_attachmentsLock)
        {
            attachments = _attachments;
            Volatile.Write(ref _attachments, []);
        }
        for (int i = attachments.Length - 1; i >= 0; i--)
        {
            try
            {
                attachments[i].OnContextDestroyed();
            }
            catch (Exception e)
            {
                // Teardown must finish: a failing attachment is reported, the rest still go.
                Log.Write(LogLevel.Error, $"context destroy: tearing down one of its objects failed (please report): {e.Message}");
            }
        }
    }
}
