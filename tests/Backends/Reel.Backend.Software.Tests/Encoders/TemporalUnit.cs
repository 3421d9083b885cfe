using System;
using NUnit.Framework;

namespace Reel.Backend.Software.Tests.Encoders;

/// <summary>
/// What one AV1 temporal unit (one SVT-AV1 packet) codes, read from its OBU headers (AV1 spec
/// 5.3): how many frames it carries and whether its shown frame is a show_existing_frame
/// header. A random-access encoder codes the future frames of a mini-GOP ahead, hidden, in the
/// unit of the first frame it shows, and shows them later by show_existing_frame; a low-delay
/// encoder codes exactly the frame it shows in every unit.
/// </summary>
internal readonly record struct TemporalUnit(int Frames, bool ShowsExistingFrame)
{
    private const int ObuFrameHeader = 3;
    private const int ObuFrame = 6;

    /// <summary>Frames coded but not shown in this unit (coded ahead of their turn).</summary>
    public int HiddenFrames => Frames - 1;

    /// <summary>Parses the OBU headers of <paramref name="data"/> (OBUs with size fields, as SVT-AV1 writes them).</summary>
    public static TemporalUnit Parse(ReadOnlySpan<byte> data)
    {
        int frames = 0;
        bool showExisting = false;
        int position = 0;
        while (position < data.Length)
        {
            byte header = data[position++];
            int type = (header >> 3) & 0xF;
            bool extension = (header & 0x4) != 0;
            bool hasSize = (header & 0x2) != 0;
            Assert.That(hasSize, Is.True, $"OBU at byte {position - 1} has no size field");
            if (extension)
                position++;
            long size = ReadLeb128(data, ref position);
            if (type is ObuFrame or ObuFrameHeader)
            {
                frames++;
                // uncompressed_header() starts with show_existing_frame unless the sequence is
                // a reduced still picture, which SVT-AV1 never writes for video.
                if (type == ObuFrameHeader && size > 0 && (data[position] & 0x80) != 0)
                    showExisting = true;
            }
            position += checked((int)size);
        }
        Assert.That(position, Is.EqualTo(data.Length), "the OBUs fill the packet exactly");
        return new TemporalUnit(frames, showExisting);
    }

    private static long ReadLeb128(ReadOnlySpan<byte> data, ref int position)
    {
        long value = 0;
        for (int i = 0; i < 8; i++)
        {
            byte b = data[position++];
            value |= (long)(b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0)
                break;
        }
        return value;
    }
}
