using System;
using System.Collections.Generic;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Fuzz;

/// <summary>
/// The decoder session's state machine (submit, NotReady and resubmit, receive, flush and
/// drain, reset, destroy with frames out) over dav1d, on the record format of
/// native/fuzz/decoder_fuzzer.c: a settings byte, then [op][u16 length][payload] records.
/// Checked: only result codes come back, never ErrorInternal; frames are I420/I010 within the
/// size limit; the session's counters match the frames received; frames held survive the
/// session; the context is empty at the end.
/// </summary>
internal sealed class DecoderTarget : IFuzzTarget
{
    private const string Function = "fuzz";
    private const long FrameSizeLimit = 512 * 512;

    /// <inheritdoc/>
    public string Name => "decoder";

    /// <inheritdoc/>
    public void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 1)
            return;
        var cursor = new ByteCursor(input);
        byte settings = cursor.U8();
        int limit = 1 + ((settings >> 2) & 3);
        InvariantException.Check(ReelContext.Create(new ContextOptions(), Function, out ReelContext? context) == ReelResult.Success, "ReelContext.Create");
        var options = new DecoderSessionOptions
        {
            Settings = new DecoderSettings { Threads = 1 + (settings & 1), MaxFrameDelay = 1 + ((settings >> 1) & 1), FrameSizeLimit = FrameSizeLimit },
            Backend = CodecBackend.Software,
            FramesHeld = limit,
            Name = "fuzz",
        };
        ReelResult r = DecoderSession.Create(context!, options, Function, out DecoderSession? session);
        InvariantException.Check(r == ReelResult.Success, $"DecoderSession.Create returned {r}");
        var held = new Queue<Handle>();
        long received = 0;
        long pts = 0;

        void Receive()
        {
            r = session!.Receive(Function, out Handle frame);
            Allowed(r, "Receive");
            if (r != ReelResult.Success)
                return;
            CheckFrame(frame);
            received++;
            held.Enqueue(frame);
            if (held.Count > limit)
                InvariantException.Check(Buffers.Release(held.Dequeue(), Function) == ReelResult.Success, "release of a held frame");
        }

        while (cursor.More)
        {
            byte op = cursor.U8();
            ReadOnlySpan<byte> payload = cursor.Take(cursor.U16());
            switch (op & 15)
            {
                case 12:
                    Receive();
                    break;
                case 13:
                    Allowed(session!.Flush(Function), "Flush");
                    for (int i = 0; i < 64; i++)
                    {
                        long before = received;
                        Receive();
                        InvariantException.Check(r != ReelResult.NotReady, "Receive after Flush returned NotReady");
                        if (received == before)
                            break;
                    }
                    session.Reset();
                    break;
                case 14:
                    session!.Reset();
                    break;
                default:
                    if (payload.IsEmpty)
                        break;
                    r = session!.Submit(payload, pts, Function);
                    Allowed(r, "Submit");
                    if (r == ReelResult.NotReady)
                    {
                        Receive();
                        r = session.Submit(payload, pts, Function);
                        Allowed(r, "Submit again");
                    }
                    if (r == ReelResult.Success)
                        pts++;
                    if ((op & 0x80) != 0)
                        Receive();
                    break;
            }
        }
        DecoderSessionStats stats = session!.GetStats();
        InvariantException.Check(stats.FramesOut == received, $"stats: {stats.FramesOut} frames out, {received} received");
        InvariantException.Check(DecoderSession.Destroy(session.Handle, Function) == ReelResult.Success, "DecoderSession.Destroy");
        while (held.Count > 0)
        {
            Handle frame = held.Dequeue();
            CheckFrame(frame);
            InvariantException.Check(Buffers.Release(frame, Function) == ReelResult.Success, "release after destroy");
        }
        InvariantException.Check(context!.Memory.Total == 0, $"the context holds {context.Memory.Total} bytes after the decoder and its frames are gone");
        InvariantException.Check(ReelContext.Destroy(context.Handle, Function) == ReelResult.Success, "ReelContext.Destroy");
    }

    private static void Allowed(ReelResult r, string call) =>
        InvariantException.Check(r is ReelResult.Success or ReelResult.NotReady or ReelResult.EndOfStream or ReelResult.ErrorBadState
            or ReelResult.ErrorCorruptData or ReelResult.ErrorUnsupported or ReelResult.ErrorOutOfMemory, $"{call} returned {r}: {Reel.Errors.LastError.Message}");

    private static void CheckFrame(Handle frame)
    {
        InvariantException.Check(Buffers.GetFrame(frame, Function, out FrameView view) == ReelResult.Success, "GetFrame of a decoded frame");
        FrameLayout layout = view.Layout;
        InvariantException.Check(layout.Format is PixelFormat.I420 or PixelFormat.I010, $"decoded format {layout.Format}");
        InvariantException.Check((long)layout.Width * layout.Height <= FrameSizeLimit, $"a {layout.Width}x{layout.Height} frame past the limit");
    }
}
