using System;
using System.IO;
using System.Runtime.InteropServices;
using NUnit.Framework;
using Reel.Interop;

namespace Reel.Native.Tests.Api;

/// <summary>
/// Sections 11 and 12 from a .NET host through the generated bindings: codec capabilities, a
/// movie recorded from raw RGBA pixels (reel_image_t's inline pointer array), read back with
/// the IVF reader and decoded into pooled frames.
/// </summary>
public unsafe class SessionApiTests
{
    private reel_context_t _context;
    private string _directory = "";

    [SetUp]
    public void CreateContext()
    {
        reel_context_desc_t desc = ReelNative.reel_context_desc_default();
        fixed (reel_context_t* context = &_context)
            Assert.That(ReelNative.reel_context_create(&desc, context), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        _directory = Directory.CreateTempSubdirectory("reel-session-api-").FullName;
    }

    [TearDown]
    public void DestroyContext()
    {
        var memory = new reel_memory_stats_t { struct_size = (uint)sizeof(reel_memory_stats_t) };
        Assert.That(ReelNative.reel_context_get_memory(_context, &memory), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That(memory.buffers_out, Is.Zero, "every buffer went back to its pool");
        ReelNative.reel_context_destroy(_context);
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public void CodecCaps_Software_DescribesSvtAv1AndDav1d()
    {
        var caps = new reel_codec_caps_t { struct_size = (uint)sizeof(reel_codec_caps_t) };
        Assert.That(ReelNative.reel_codec_get_caps(reel_codec_backend_t.REEL_CODEC_BACKEND_SOFTWARE, &caps), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That((caps.can_encode, caps.can_decode), Is.EqualTo((1u, 1u)));
        Assert.That(Marshal.PtrToStringUTF8((nint)caps.encoder), Does.StartWith("SVT-AV1 1.4.1"));
        Assert.That(Marshal.PtrToStringUTF8((nint)caps.decoder_name), Is.EqualTo("dav1d"));
        Assert.That(caps.rate_controls, Is.EqualTo(0xFu), "CRF, CQP, VBR and CBR");
        Assert.That((caps.max_width, caps.max_height), Is.EqualTo((16384u, 8704u)));
        Assert.That(caps.decode_formats, Is.EqualTo((1u << 2) | (1u << 4)), "I420 and I010 frames");
    }

    [Test]
    public void MovieWriter_RawRgba_RecordsAFileThatDecodes()
    {
        string path = Path.Combine(_directory, "movie.ivf");
        byte[] utf8Path = System.Text.Encoding.UTF8.GetBytes(path + "\0");
        var settings = new reel_encoder_desc_t
        {
            struct_size = (uint)sizeof(reel_encoder_desc_t),
            width = 256,
            height = 144,
            fps_num = 60,
            preset = reel_encoder_preset_t.REEL_ENCODER_PRESET_LOW,
            color = reel_color_description_t.REEL_COLOR_BT709_LIMITED,
        };
        reel_movie_writer_t writer;
        fixed (byte* p = utf8Path)
            Assert.That(ReelNative.reel_movie_writer_begin(_context, p, &settings, &writer), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        byte[] rgba = new byte[256 * 144 * 4];
        for (int frame = 0; frame < 8; frame++)
        {
            for (int i = 0; i < rgba.Length; i += 4)
            {
                rgba[i] = (byte)(i / 4 % 256 + frame * 8);
                rgba[i + 1] = (byte)(i / 1024);
                rgba[i + 2] = 90;
                rgba[i + 3] = 255;
            }
            fixed (byte* pixels = rgba)
            {
                var image = new reel_image_t { struct_size = (uint)sizeof(reel_image_t), format = reel_pixel_format_t.REEL_PIXEL_FORMAT_RGBA8, width = 256, height = 144 };
                image.data[0] = (nint)pixels;
                image.stride[0] = 256 * 4;
                Assert.That(ReelNative.reel_movie_writer_write_image(writer, &image), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            }
        }
        var stats = new reel_movie_writer_stats_t { struct_size = (uint)sizeof(reel_movie_writer_stats_t) };
        Assert.That(ReelNative.reel_movie_writer_end(writer, &stats), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        Assert.That((stats.frames_written, stats.frames_encoded, stats.frames_converted), Is.EqualTo((8UL, 8UL, 8UL)));
        Assert.That(stats.file_bytes, Is.EqualTo((ulong)new FileInfo(path).Length));

        Assert.That(DecodeFrames(utf8Path), Is.EqualTo(8));
    }

    private int DecodeFrames(byte[] utf8Path)
    {
        reel_ivf_reader_t reader;
        fixed (byte* p = utf8Path)
            Assert.That(ReelNative.reel_ivf_reader_open(_context, p, &reader), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        var info = new reel_media_info_t { struct_size = (uint)sizeof(reel_media_info_t) };
        Assert.That(ReelNative.reel_ivf_reader_get_info(reader, &info), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        Assert.That((info.width, info.height, info.fps_num, info.fps_den, info.frame_count), Is.EqualTo((256u, 144u, 60u, 1u, 8UL)));
        var bytesDesc = new reel_byte_pool_desc_t { struct_size = (uint)sizeof(reel_byte_pool_desc_t) };
        reel_pool_t bytes;
        Assert.That(ReelNative.reel_byte_pool_create(_context, &bytesDesc, &bytes), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        var decoderDesc = new reel_decoder_desc_t { struct_size = (uint)sizeof(reel_decoder_desc_t) };
        reel_decoder_t decoder;
        Assert.That(ReelNative.reel_decoder_create(_context, &decoderDesc, &decoder), Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
        int frames = 0;
        reel_buffer_t packet, frame;
        while (ReelNative.reel_ivf_reader_read(reader, bytes, &packet) == reel_result_t.REEL_SUCCESS)
        {
            reel_result_t r;
            while ((r = ReelNative.reel_decoder_submit_packet(decoder, packet)) == reel_result_t.REEL_NOT_READY)
                frames += Drain(decoder);
            Assert.That(r, Is.EqualTo(reel_result_t.REEL_SUCCESS), ReelNative.LastErrorMessage());
            ReelNative.reel_buffer_release(packet);
            frames += Drain(decoder);
        }
        Assert.That(ReelNative.reel_decoder_flush(decoder), Is.EqualTo(reel_result_t.REEL_SUCCESS));
        frames += Drain(decoder);
        Assert.That(ReelNative.reel_decoder_receive(decoder, &frame), Is.EqualTo(reel_result_t.REEL_END_OF_STREAM));
        ReelNative.reel_decoder_destroy(decoder);
        ReelNative.reel_ivf_reader_close(reader);
        ReelNative.reel_pool_destroy(bytes);
        return frames;
    }

    private static int Drain(reel_decoder_t decoder)
    {
        int frames = 0;
        reel_buffer_t frame;
        while (ReelNative.reel_decoder_receive(decoder, &frame) == reel_result_t.REEL_SUCCESS)
        {
            var info = new reel_frame_info_t { struct_size = (uint)sizeof(reel_frame_info_t) };
            Assert.That(ReelNative.reel_buffer_get_frame(frame, &info), Is.EqualTo(reel_result_t.REEL_SUCCESS));
            Assert.That((info.width, info.height, info.format), Is.EqualTo((256u, 144u, reel_pixel_format_t.REEL_PIXEL_FORMAT_I420)));
            ReelNative.reel_buffer_release(frame);
            frames++;
        }
        return frames;
    }
}
