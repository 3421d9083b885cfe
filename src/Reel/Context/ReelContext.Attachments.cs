using System;
using System.Collections.Generic;
using Reel.Abi;

namespace Reel.Context;

// Objects of upper layers that die with the context (sessions, writers, files): core cannot
// reference them, so they register here and are torn down first when the context goes.
public sealed partial class ReelContext
{
    private readonly object _attachmentsLock = new();

    /// <summary>Live attachments in the order they were attached.</summary>
    private readonly List<IContextAttachment> _attachments = new();

    /// <summary>Attachments alive now.</summary>
    public int AttachmentCount
    {
        get
        {
            lock (_attachmentsLock)
                return _attachments.Count;
        }
    }

    /// <summary>
    /// Ties <paramref name="attachment"/> to the context: context destroy calls its
    /// <see cref="IContextAttachment.OnContextDestroyed"/>. False when the context is already
    /// being destroyed (the caller must then tear the object down itself).
    /// </summary>
    public bool Attach(IContextAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        lock (_attachmentsLock)
        {
            if (IsDestroyed)
                return false;
            _attachments.Add(attachment);
            return true;
        }
    }

    /// <summary>Unties an attachment the host destroyed itself; unknown attachments are ignored.</summary>
    public void Detach(IContextAttachment attachment)
    {
        lock (_attachmentsLock)
            _attachments.Remove(attachment);
    }

    /// <summary>Tears down every attachment, newest first (a movie writer before the encoder pool it draws from).</summary>
    private void DestroyAttachments()
    {
        IContextAttachment[] attachments;
        lock (_attachmentsLock)
        {
            attachments = _attachments.ToArray();
            _attachments.Clear();
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
                Log.Write(LogLevel.Error, $"context destroy: tearing down {attachments[i].GetType().Name} failed: {e.GetType().Name}: {e.Message}");
            }
        }
    }
}
