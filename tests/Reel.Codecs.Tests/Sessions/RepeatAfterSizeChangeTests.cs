using System;
using System.Collections.Generic;
using System.IO;
using NUnit.Framework;
using Reel.Abi;
using Reel.Backends;
using Reel.Codecs.Decoders;
using Reel.Codecs.Sessions;
using Reel.Context;
using Reel.Errors;
using Reel.Handles;
using Reel.Pools;

namespace Reel.Codecs.Tests.Sessions;

/// <summary>
/// The managed-decoder fuzz finding of docs/RELIABILITY.md: a stream that shows a picture again
/// after its size changed. The decoder had replaced the picture's frame pool (and destroyed the
/// old one, which lives on while dav1d references its buffers), so the copy the repeated-picture
/// guard makes for a repeat was asked of a destroyed pool and <c>Receive</c> failed with
/// INVALID_HANDLE ("pool 'fuzz frames 17x29' was destroyed"). Documented result: such a repeat
/// goes out in its shared buffer, every call gives an allowed result, the counters agree and
/// everything is returned. The input (minimised with afl-tmin) is in the record format of the
/// managed-decoder target (tests/Reel.Fuzz/DecoderTarget.cs), so
/// <c>build/fuzz.sh replay managed-decoder</c> replays the same file; it is also a seed there.
/// </summary>
public sealed class RepeatAfterSizeChangeTests
{
    private const string Function = "test";

    private static string Input => Path.Combine(TestContext.CurrentContext.TestDirectory, "Data", "repeat-after-size-change.records");

    [Test]
    public void APictureShownAgainAfterItsPoolWasReplaced_GoesOutInItsSharedBuffer()
    {
        byte[] input = File.ReadAllBytes(Input);
        Assert.That(ReelContext.Create(new ContextOptions { Name = "repeat-after-resize" }, Function, out ReelContext? context), Is.EqualTo(ReelResult.Success));
        // Settings byte as the fuzz target reads it: 1 thread, frame delay 1, one frame held.
        Assert.That(input[0] & 0b1111, Is.Zero, "the settings this input was found with");
        var options = new DecoderSessionOptions
        {
            Settings = new DecoderSettings { Threads = 1, MaxFrameDelay = 1, FrameSizeLimit = 512 * 512 },
            Backend = CodecBackend.Software,
            FramesHeld = 1,
            Name = "fuzz",
        };
        Assert.That(DecoderSession.Create(context!, options, Function, out DecoderSession? session), Is.EqualTo(ReelResult.Success), () => LastError.Message);
        var received = new List<(Handle Frame, uint Width, uint Height)>();
        var held = new Queue<Handle>();
        var seenFrom = new Dictionary<Handle, FramePool>();
        bool repeatOfAReplacedPool = false;
        long pts = 0;

        void Receive()
        {
            ReelResult r = session!.Receive(Function, out Handle frame);
            Assert.That(r, Is.AnyOf(ReelResult.Success, ReelResult.NotReady, ReelResult.EndOfStream, ReelResult.ErrorCorruptData),
                () => $"Receive after {received.Count} frames: {LastError.Message}");
            if (r != ReelResult.Success)
                return;
            Assert.That(Buffers.GetFrame(frame, Function, out FrameView view), Is.EqualTo(ReelResult.Success), () => LastError.Message);
            Assert.That(Buffers.Resolve(frame, out SlotPool? pool, out _), Is.EqualTo(HandleError.None));
            var owner = (FramePool)pool!.Owner;
            if (seenFrom.TryGetValue(frame, out FramePool? earlier))
            {
                Assert.That(owner, Is.SameAs(earlier), "a repeat is the buffer shown before");
                repeatOfAReplacedPool |= PoolRegistry.TryResolve(owner.Handle, out _) != HandleError.None;
            }
            seenFrom[frame] = owner;
            received.Add((frame, view.Layout.Width, view.Layout.Height));
            held.Enqueue(frame);
            if (held.Count > options.FramesHeld)
                Assert.That(Buffers.Release(held.Dequeue(), Function), Is.EqualTo(ReelResult.Success));
        }

        // [op][u16 length][payload] records after the settings byte; op & 0x80 receives after a submit.
        int at = 1;
        while (at < input.Length)
        {
            byte op = input[at++];
            int length = at + 2 <= input.Length ? input[at] | input[at + 1] << 8 : at < input.Length ? input[at] : 0;
            at = Math.Min(at + 2, input.Length);
            ReadOnlySpan<byte> payload = input.AsSpan(at, Math.Min(length, input.Length - at));
            at += payload.Length;
            Assert.That(op & 15, Is.LessThan(12), "this input only submits (with receives)");
            if (payload.IsEmpty)
                continue;
            ReelResult r = session!.Submit(payload, pts, Function);
            if (r == ReelResult.NotReady)
            {
                Receive();
                r = session.Submit(payload, pts, Function);
            }
            Assert.That(r, Is.AnyOf(ReelResult.Success, ReelResult.ErrorCorruptData), () => $"Submit: {LastError.Message}");
            if (r == ReelResult.Success)
                pts++;
            if ((op & 0x80) != 0)
                Receive();
        }

        TestContext.Out.WriteLine(string.Join(", ", received.ConvertAll(f => $"{f.Frame} {f.Width}x{f.Height}")));
        Assert.That(repeatOfAReplacedPool, Is.True, "the input shows a picture again from a pool the decoder had replaced");
        Assert.That(session!.GetStats().FramesOut, Is.EqualTo(received.Count), "the session counts every frame received");
        Assert.That(DecoderSession.Destroy(session.Handle, Function), Is.EqualTo(ReelResult.Success));
        while (held.Count > 0)
        {
            Handle frame = held.Dequeue();
            Assert.That(Buffers.GetFrame(frame, Function, out _), Is.EqualTo(ReelResult.Success), "a held frame outlives the session");
            Assert.That(Buffers.Release(frame, Function), Is.EqualTo(ReelResult.Success));
        }
        Assert.That(context!.Memory.Total, Is.Zero, "the decoder, its pools and its frames gave everything back");
        Assert.That(ReelContext.Destroy(context.Handle, Function), Is.EqualTo(ReelResult.Success));
    }
}
