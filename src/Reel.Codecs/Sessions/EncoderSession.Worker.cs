using System;
using System.Diagnostics;
using System.Threading;
using Reel.Abi;
using Reel.Codecs;
using Reel.Codecs.Encoders;
using Reel.Codecs.Frames;
using Reel.Errors;
using Reel.Handles;
using Reel.Logging;
using Reel.Pools;

namespace Reel.Codecs.Sessions;

// The worker thread: the only thread that touches the codec. It takes frames from the input
// queue, sends them, and turns every finished packet into a pooled byte buffer (or a sink
// write) at once, so packets reach the host (or the file) as soon as the codec has them.
internal sealed partial class EncoderSession
{
    /// <summary>How long the worker sleeps when the packet pool is exhausted before it tries again.</summary>
    private const int StallRetryMs = 2;

    /// <summary>
    /// How often an idle worker asks the codec for packets it finished meanwhile. The codec
    /// encodes on its own threads and has no blocking "next packet" call before the end of the
    /// stream, so without this a finished packet would wait for the next submit: a whole frame
    /// interval of latency, and a host that waits for a packet before it submits again waits forever.
    /// </summary>
    private const int IdlePollMs = 2;

    /// <summary>
    /// How the worker's failures start: no C call is running on this thread, so the message
    /// says what was going on; the call that later reports it adds its own name in front
    /// ("reel_encoder_receive: the encoder failed: encoding: ...").
    /// </summary>
    private const string WorkerLabel = "encoding";

    /// <summary>How failures to place a finished packet in the packet pool start.</summary>
    private const string PacketLabel = "placing a packet in the packet pool";

    private void Work()
    {
        try
        {
            Run();
        }
        catch (Exception e)
        {
            // A defect must not take the host process down: the session fails instead.
            Fail(ReelResult.ErrorInternal, $"internal error in the encoder worker (please report): {e.Message}");
        }
    }

    private void Run()
    {
        while (true)
        {
            InputFrame frame = default;
            bool flush = false, poll = false;
            lock (_lock)
            {
                while (!_stopping && _input.Count == 0 && !_flushRequested)
                {
                    // Frames in the codec: look for their packets now and then; none: sleep until pulsed.
                    if (_framesSent == _framesOut)
                        Monitor.Wait(_lock);
                    else if (!Monitor.Wait(_lock, IdlePollMs))
                    {
                        poll = true;
                        break;
                    }
                }
                if (_stopping)
                    return;
                if (poll)
                {
                    // Nothing to send: only collect what the codec finished.
                }
                else if (_input.TryDequeue(out frame))
                    Monitor.PulseAll(_lock); // room in the queue for a waiting submit
                else
                    flush = true;
            }
            ReelResult result = poll ? Collect(out bool stopped) : flush ? Finish(out stopped) : Encode(frame, out stopped);
            if (stopped)
                return;
            if (result != ReelResult.Success)
            {
                Fail(result, LastError.Message);
                return;
            }
            if (flush)
            {
                lock (_lock)
                {
                    _finished = true;
                    Monitor.PulseAll(_lock);
                }
                _context.Log.Write(LogLevel.Debug, $"encoder '{_name}' drained: {_framesOut} packets, {_bytesOut} bytes");
                return;
            }
        }
    }

    /// <summary>Sends one frame to the codec, gives the frame back, then moves every finished packet out.</summary>
    private ReelResult Encode(in InputFrame input, out bool stopped)
    {
        stopped = false;
        ReelResult result;
        Handle buffer = input.Frame.Buffer;
        if (buffer.IsNull)
        {
            result = _encoder.SendFrame(input.Frame, input.Pts, input.ForceKeyframe, WorkerLabel);
        }
        else
        {
            result = Buffers.GetFrame(buffer, WorkerLabel, out FrameView view);
            if (result == ReelResult.Success)
                result = _encoder.SendFrame(FrameRef.Cpu(FrameViews.ToI420(view), buffer), input.Pts, input.ForceKeyframe, WorkerLabel);
            // The codec copied the picture (or failed): the session's reference goes either way.
            Buffers.Release(buffer, WorkerLabel);
        }
        if (result != ReelResult.Success)
            return result;
        lock (_lock)
            _framesSent++;
        return Collect(out stopped);
    }

    /// <summary>Moves every packet the codec has finished out, without waiting for more (before the flush).</summary>
    private ReelResult Collect(out bool stopped)
    {
        stopped = false;
        ReelResult result;
        while ((result = _encoder.ReceivePacket(WorkerLabel, out EncodedPacket packet)) == ReelResult.Success)
        {
            result = Deliver(packet, out stopped);
            if (result != ReelResult.Success || stopped)
                return result;
        }
        return result == ReelResult.NotReady ? ReelResult.Success : result;
    }

    /// <summary>Ends the stream and moves out every remaining packet (ReceivePacket blocks after a flush).</summary>
    private ReelResult Finish(out bool stopped)
    {
        stopped = false;
        ReelResult result = _encoder.Flush(WorkerLabel);
        if (result != ReelResult.Success)
            return result;
        while (true)
        {
            result = _encoder.ReceivePacket(WorkerLabel, out EncodedPacket packet);
            if (result == ReelResult.NotReady && _encoder.IsEndOfStream)
                return ReelResult.Success;
            if (result == ReelResult.NotReady)
                return CodecErrors.CodecFailure($"{WorkerLabel}: the codec stopped giving packets before the end of the stream");
            if (result != ReelResult.Success)
                return result;
            result = Deliver(packet, out stopped);
            if (result != ReelResult.Success || stopped)
                return result;
            lock (_lock)
            {
                if (_stopping)
                {
                    stopped = true;
                    return ReelResult.Success;
                }
            }
        }
    }

    /// <summary>
    /// Hands one packet to the sink, or copies it into a pooled byte buffer for the output
    /// queue. An exhausted packet pool stalls the worker (the packet stays in the codec's queue)
    /// until the host releases packets; <paramref name="stopped"/> reports a destroy meanwhile.
    /// </summary>
    private unsafe ReelResult Deliver(in EncodedPacket packet, out bool stopped)
    {
        stopped = false;
        if (_sink is not null)
        {
            ReelResult written = _sink.Write(packet, WorkerLabel);
            if (written == ReelResult.Success)
                Count(packet);
            return written;
        }
        Handle buffer;
        bool stalled = false;
        while (true)
        {
            // A failure other than exhaustion ends the session; the pool's message says why.
            ReelResult result = _packetPool!.AcquireBytes((nuint)packet.Size, PacketLabel, out buffer);
            if (result == ReelResult.Success)
                break;
            if (result is not (ReelResult.ErrorLimitReached or ReelResult.Timeout))
                return result;
            lock (_lock)
            {
                if (!stalled)
                    _stalls++;
                stalled = true;
                if (_stopping)
                {
                    stopped = true;
                    return ReelResult.Success;
                }
                Monitor.Wait(_lock, StallRetryMs);
            }
        }
        Buffers.GetBytes(buffer, "reel_encoder (packet)", out BytesView view);
        packet.Span.CopyTo(new Span<byte>((void*)view.Memory, packet.Size));
        Buffers.SetPts(buffer, packet.Pts, "reel_encoder (packet)");
        Buffers.SetPacketInfo(buffer, packet.Dts, packet.IsKeyframe ? PacketFlags.Keyframe : 0, "reel_encoder (packet)");
        lock (_lock)
        {
            _output.Enqueue(buffer);
            Count(packet);
            Monitor.PulseAll(_lock);
        }
        return ReelResult.Success;
    }

    /// <summary>Counts a packet that left the codec. Takes the lock (re-entrant when held).</summary>
    private void Count(in EncodedPacket packet)
    {
        lock (_lock)
        {
            _framesOut++;
            _bytesOut += packet.Size;
            if (packet.IsKeyframe)
                _keyframes++;
            _lastPacketTicks = Stopwatch.GetTimestamp();
            _latency.Delivered(packet.Pts, _lastPacketTicks);
        }
    }

    /// <summary>Records the failure every later call reports, and gives queued frames back.</summary>
    private void Fail(ReelResult result, string message)
    {
        lock (_lock)
        {
            _failure = result;
            _failureMessage = message;
            DropQueuedFrames(WorkerLabel);
            Monitor.PulseAll(_lock);
        }
        _context.Log.Write(LogLevel.Error, $"encoder '{_name}' failed: {message}");
    }
}
