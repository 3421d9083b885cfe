using System;

namespace Reel.Codecs.Containers;

/// <summary>
/// Reads just enough of an AV1 temporal unit (one IVF frame, one MP4 sample) to tell whether
/// decoding can start there: the OBU headers (AV1 spec 5.3) and the first bits of the first
/// frame header (5.9.2). A random-access point is a temporal unit that carries a sequence
/// header and a shown key frame; SVT-AV1 writes one at every keyframe.
/// </summary>
public static class Av1TemporalUnit
{
    private const int ObuSequenceHeader = 1;
    private const int ObuFrameHeader = 3;
    private const int ObuFrame = 6;
    private const int KeyFrame = 0;

    /// <summary>
    /// Whether decoding can start at <paramref name="temporalUnit"/>: it holds a sequence
    /// header and its first frame header is a key frame that is shown (not a
    /// show_existing_frame). False for anything malformed.
    /// </summary>
    public static bool IsRandomAccessPoint(ReadOnlySpan<byte> temporalUnit)
    {
        bool sequenceHeader = false;
        bool reducedStillPicture = false;
        int position = 0;
        while (position < temporalUnit.Length)
        {
            byte header = temporalUnit[position];
            if ((header & 0x80) != 0)
                return false;  // obu_forbidden_bit
            int type = (header >> 3) & 0xF;
            bool extension = (header & 0x4) != 0;
            bool hasSize = (header & 0x2) != 0;
            position += extension ? 2 : 1;
            long size;
            if (hasSize)
            {
                if (!TryReadLeb128(temporalUnit, ref position, out size))
                    return false;
            }
            else
            {
                size = temporalUnit.Length - position;  // the last OBU runs to the end
            }
            if (position > temporalUnit.Length || size > temporalUnit.Length - position)
                return false;
            ReadOnlySpan<byte> payload = temporalUnit.Slice(position, (int)size);
            if (type == ObuSequenceHeader && payload.Length > 0)
            {
                sequenceHeader = true;
                // seq_profile f(3), still_picture f(1), reduced_still_picture_header f(1)
                reducedStillPicture = (payload[0] & 0x08) != 0;
            }
            else if (type is ObuFrameHeader or ObuFrame)
            {
                if (!sequenceHeader || payload.Length == 0)
                    return false;
                if (reducedStillPicture)
                    return true;  // every frame is a shown key frame
                // show_existing_frame f(1), frame_type f(2), show_frame f(1)
                bool showExistingFrame = (payload[0] & 0x80) != 0;
                int frameType = (payload[0] >> 5) & 0x3;
                bool showFrame = (payload[0] & 0x10) != 0;
                return !showExistingFrame && frameType == KeyFrame && showFrame;
            }
            position += (int)size;
        }
        return false;
    }

    /// <summary>leb128() of the AV1 spec (4.10.5): at most 8 bytes, value below 2^32.</summary>
    private static bool TryReadLeb128(ReadOnlySpan<byte> data, ref int position, out long value)
    {
        value = 0;
        for (int i = 0; i < 8; i++)
        {
            if (position >= data.Length)
                return false;
            byte b = data[position++];
            value |= (long)(b & 0x7F) << (i * 7);
            if ((b & 0x80) == 0)
                return value <= uint.MaxValue;
        }
        return false;
    }
}
