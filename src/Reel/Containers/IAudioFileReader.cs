using System;
using Reel.Abi;

namespace Reel.Containers;

/// <summary>
/// A file's best audio stream decoded to interleaved PCM at its own rate (WAV, or the sound of
/// any container the backend reads): <c>reel encode --audio in.wav</c>, round-trip checks.
/// One thread at a time.
/// </summary>
public interface IAudioFileReader : IDisposable
{
    /// <summary>Hz of the PCM.</summary>
    int SampleRate { get; }

    /// <summary>Interleaved channels.</summary>
    int Channels { get; }

    /// <summary>Samples per channel the container declares; 0 unknown.</summary>
    long DurationFrames { get; }

    /// <summary>Reads up to <paramref name="maxFrames"/> samples per channel into <paramref name="buffer"/>; 0 frames at the end.</summary>
    unsafe ReelResult Read(void* buffer, int maxFrames, string function, out int framesRead);
}
