using System.Collections.Generic;
using NUnit.Framework;
using Reel.Backend.Software.Dav1d;
using Reel.Backend.Software.Svt;
using Reel.Codecs.Decoders;
using Reel.Codecs.Tests.Support;

namespace Reel.Backend.Software.Tests.Interop;

/// <summary>
/// The C# mirrors against the installed headers: a C program compiled with them prints
/// sizeof and offsetof, and every value must match the mirror's.
/// </summary>
public unsafe class StructLayoutTests
{
    private const string Probe = """
        #include <stddef.h>
        #include <stdio.h>
        #include <EbSvtAv1Enc.h>
        #include <dav1d/dav1d.h>
        #define S(T) printf(#T " %zu\n", sizeof(T));
        #define O(T, f, name) printf(#T "." name " %zu\n", offsetof(T, f));
        int main(void) {
            S(EbBufferHeaderType)
            O(EbBufferHeaderType, size, "size") O(EbBufferHeaderType, p_buffer, "p_buffer")
            O(EbBufferHeaderType, n_filled_len, "n_filled_len") O(EbBufferHeaderType, n_alloc_len, "n_alloc_len")
            O(EbBufferHeaderType, p_app_private, "p_app_private") O(EbBufferHeaderType, wrapper_ptr, "wrapper_ptr")
            O(EbBufferHeaderType, n_tick_count, "n_tick_count") O(EbBufferHeaderType, dts, "dts")
            O(EbBufferHeaderType, pts, "pts") O(EbBufferHeaderType, qp, "qp") O(EbBufferHeaderType, pic_type, "pic_type")
            O(EbBufferHeaderType, luma_sse, "luma_sse") O(EbBufferHeaderType, cr_sse, "cr_sse") O(EbBufferHeaderType, cb_sse, "cb_sse")
            O(EbBufferHeaderType, flags, "flags") O(EbBufferHeaderType, luma_ssim, "luma_ssim")
            O(EbBufferHeaderType, cr_ssim, "cr_ssim") O(EbBufferHeaderType, cb_ssim, "cb_ssim") O(EbBufferHeaderType, metadata, "metadata")
            S(EbSvtIOFormat)
            O(EbSvtIOFormat, luma, "luma") O(EbSvtIOFormat, cb, "cb") O(EbSvtIOFormat, cr, "cr")
            O(EbSvtIOFormat, luma_ext, "luma_ext") O(EbSvtIOFormat, cb_ext, "cb_ext") O(EbSvtIOFormat, cr_ext, "cr_ext")
            O(EbSvtIOFormat, y_stride, "y_stride") O(EbSvtIOFormat, cr_stride, "cr_stride") O(EbSvtIOFormat, cb_stride, "cb_stride")
            O(EbSvtIOFormat, width, "width") O(EbSvtIOFormat, height, "height")
            O(EbSvtIOFormat, origin_x, "origin_x") O(EbSvtIOFormat, origin_y, "origin_y")
            O(EbSvtIOFormat, color_fmt, "color_fmt") O(EbSvtIOFormat, bit_depth, "bit_depth")
            printf("EbSvtAv1EncConfiguration %zu\n", sizeof(EbSvtAv1EncConfiguration));
            S(Dav1dSettings)
            O(Dav1dSettings, n_threads, "n_threads") O(Dav1dSettings, max_frame_delay, "max_frame_delay")
            O(Dav1dSettings, apply_grain, "apply_grain") O(Dav1dSettings, operating_point, "operating_point")
            O(Dav1dSettings, all_layers, "all_layers") O(Dav1dSettings, frame_size_limit, "frame_size_limit")
            O(Dav1dSettings, allocator, "allocator") O(Dav1dSettings, logger.cookie, "logger_cookie")
            O(Dav1dSettings, logger.callback, "logger_callback") O(Dav1dSettings, strict_std_compliance, "strict_std_compliance")
            O(Dav1dSettings, output_invisible_frames, "output_invisible_frames") O(Dav1dSettings, inloop_filters, "inloop_filters")
            S(Dav1dPicAllocator)
            O(Dav1dPicAllocator, cookie, "cookie") O(Dav1dPicAllocator, alloc_picture_callback, "alloc_picture_callback")
            O(Dav1dPicAllocator, release_picture_callback, "release_picture_callback")
            S(Dav1dPicture)
            O(Dav1dPicture, seq_hdr, "seq_hdr") O(Dav1dPicture, frame_hdr, "frame_hdr")
            O(Dav1dPicture, data[0], "data0") O(Dav1dPicture, data[1], "data1") O(Dav1dPicture, data[2], "data2")
            O(Dav1dPicture, stride[0], "stride0") O(Dav1dPicture, stride[1], "stride1")
            O(Dav1dPicture, p, "p") O(Dav1dPicture, m, "m") O(Dav1dPicture, ref, "ref") O(Dav1dPicture, allocator_data, "allocator_data")
            S(Dav1dPictureParameters)
            O(Dav1dPictureParameters, w, "w") O(Dav1dPictureParameters, h, "h")
            O(Dav1dPictureParameters, layout, "layout") O(Dav1dPictureParameters, bpc, "bpc")
            S(Dav1dData)
            O(Dav1dData, data, "data") O(Dav1dData, sz, "sz") O(Dav1dData, ref, "ref") O(Dav1dData, m, "m")
            S(Dav1dDataProps)
            O(Dav1dDataProps, timestamp, "timestamp") O(Dav1dDataProps, duration, "duration")
            O(Dav1dDataProps, offset, "offset") O(Dav1dDataProps, size, "size")
            O(Dav1dDataProps, user_data.data, "user_data_data") O(Dav1dDataProps, user_data.ref, "user_data_ref")
            O(Dav1dFrameHeader, frame_type, "frame_type")
            printf("DAV1D_FRAME_TYPE_KEY %d\n", (int)DAV1D_FRAME_TYPE_KEY);
            printf("DAV1D_PIXEL_LAYOUT_I444 %d\n", (int)DAV1D_PIXEL_LAYOUT_I444);
            printf("EB_AV1_KEY_PICTURE %d\n", (int)EB_AV1_KEY_PICTURE);
            printf("EB_BUFFERFLAG_EOS %d\n", (int)EB_BUFFERFLAG_EOS);
            return 0;
        }
        """;

    private static Dictionary<string, long> s_native = null!;

    [OneTimeSetUp]
    public void CompileProbe() => s_native = CProgram.RunAndParse(Probe, "-I/usr/include/svt-av1");

    [Test]
    public void EbBufferHeaderType_MatchesInstalledHeader()
    {
        EbBufferHeaderType h = default;
        byte* b = (byte*)&h;
        Check("EbBufferHeaderType", new()
        {
            [""] = sizeof(EbBufferHeaderType),
            ["size"] = (byte*)&h.size - b, ["p_buffer"] = (byte*)&h.p_buffer - b,
            ["n_filled_len"] = (byte*)&h.n_filled_len - b, ["n_alloc_len"] = (byte*)&h.n_alloc_len - b,
            ["p_app_private"] = (byte*)&h.p_app_private - b, ["wrapper_ptr"] = (byte*)&h.wrapper_ptr - b,
            ["n_tick_count"] = (byte*)&h.n_tick_count - b, ["dts"] = (byte*)&h.dts - b, ["pts"] = (byte*)&h.pts - b,
            ["qp"] = (byte*)&h.qp - b, ["pic_type"] = (byte*)&h.pic_type - b,
            ["luma_sse"] = (byte*)&h.luma_sse - b, ["cr_sse"] = (byte*)&h.cr_sse - b, ["cb_sse"] = (byte*)&h.cb_sse - b,
            ["flags"] = (byte*)&h.flags - b, ["luma_ssim"] = (byte*)&h.luma_ssim - b,
            ["cr_ssim"] = (byte*)&h.cr_ssim - b, ["cb_ssim"] = (byte*)&h.cb_ssim - b, ["metadata"] = (byte*)&h.metadata - b,
        });
        Assert.That(s_native["EB_AV1_KEY_PICTURE"], Is.EqualTo(SvtConstants.KeyPicture));
        Assert.That(s_native["EB_BUFFERFLAG_EOS"], Is.EqualTo(SvtConstants.BufferFlagEos));
    }

    [Test]
    public void EbSvtIOFormat_MatchesInstalledHeader()
    {
        EbSvtIOFormat f = default;
        byte* b = (byte*)&f;
        Check("EbSvtIOFormat", new()
        {
            [""] = sizeof(EbSvtIOFormat),
            ["luma"] = (byte*)&f.luma - b, ["cb"] = (byte*)&f.cb - b, ["cr"] = (byte*)&f.cr - b,
            ["luma_ext"] = (byte*)&f.luma_ext - b, ["cb_ext"] = (byte*)&f.cb_ext - b, ["cr_ext"] = (byte*)&f.cr_ext - b,
            ["y_stride"] = (byte*)&f.y_stride - b, ["cr_stride"] = (byte*)&f.cr_stride - b, ["cb_stride"] = (byte*)&f.cb_stride - b,
            ["width"] = (byte*)&f.width - b, ["height"] = (byte*)&f.height - b,
            ["origin_x"] = (byte*)&f.origin_x - b, ["origin_y"] = (byte*)&f.origin_y - b,
            ["color_fmt"] = (byte*)&f.color_fmt - b, ["bit_depth"] = (byte*)&f.bit_depth - b,
        });
    }

    [Test]
    public void EncoderConfiguration_FitsTheOpaqueBlock()
    {
        Assert.That(s_native["EbSvtAv1EncConfiguration"], Is.EqualTo(1720), "SVT-AV1 1.4.1's configuration size (notes)");
        Assert.That(s_native["EbSvtAv1EncConfiguration"], Is.LessThan(SvtConstants.ConfigurationBlockSize));
    }

    [Test]
    public void Dav1dSettingsAndAllocator_MatchInstalledHeader()
    {
        Dav1dSettings s = default;
        byte* b = (byte*)&s;
        Check("Dav1dSettings", new()
        {
            [""] = sizeof(Dav1dSettings),
            ["n_threads"] = (byte*)&s.n_threads - b, ["max_frame_delay"] = (byte*)&s.max_frame_delay - b,
            ["apply_grain"] = (byte*)&s.apply_grain - b, ["operating_point"] = (byte*)&s.operating_point - b,
            ["all_layers"] = (byte*)&s.all_layers - b, ["frame_size_limit"] = (byte*)&s.frame_size_limit - b,
            ["allocator"] = (byte*)&s.allocator - b, ["logger_cookie"] = (byte*)&s.logger_cookie - b,
            ["logger_callback"] = (byte*)&s.logger_callback - b, ["strict_std_compliance"] = (byte*)&s.strict_std_compliance - b,
            ["output_invisible_frames"] = (byte*)&s.output_invisible_frames - b, ["inloop_filters"] = (byte*)&s.inloop_filters - b,
        });
        Dav1dPicAllocator a = default;
        byte* ab = (byte*)&a;
        Check("Dav1dPicAllocator", new()
        {
            [""] = sizeof(Dav1dPicAllocator),
            ["cookie"] = (byte*)&a.cookie - ab,
            ["alloc_picture_callback"] = (byte*)&a.alloc_picture_callback - ab,
            ["release_picture_callback"] = (byte*)&a.release_picture_callback - ab,
        });
    }

    [Test]
    public void Dav1dPictureAndData_MatchInstalledHeader()
    {
        Dav1dPicture p = default;
        byte* b = (byte*)&p;
        Check("Dav1dPicture", new()
        {
            [""] = sizeof(Dav1dPicture),
            ["seq_hdr"] = (byte*)&p.seq_hdr - b, ["frame_hdr"] = (byte*)&p.frame_hdr - b,
            ["data0"] = (byte*)&p.data0 - b, ["data1"] = (byte*)&p.data1 - b, ["data2"] = (byte*)&p.data2 - b,
            ["stride0"] = (byte*)&p.stride0 - b, ["stride1"] = (byte*)&p.stride1 - b,
            ["p"] = (byte*)&p.p - b, ["m"] = (byte*)&p.m - b, ["ref"] = (byte*)&p.@ref - b,
            ["allocator_data"] = (byte*)&p.allocator_data - b,
        });
        Dav1dPictureParameters pp = default;
        byte* pb = (byte*)&pp;
        Check("Dav1dPictureParameters", new()
        {
            [""] = sizeof(Dav1dPictureParameters),
            ["w"] = (byte*)&pp.w - pb, ["h"] = (byte*)&pp.h - pb, ["layout"] = (byte*)&pp.layout - pb, ["bpc"] = (byte*)&pp.bpc - pb,
        });
        Dav1dData d = default;
        byte* db = (byte*)&d;
        Check("Dav1dData", new()
        {
            [""] = sizeof(Dav1dData),
            ["data"] = (byte*)&d.data - db, ["sz"] = (byte*)&d.sz - db, ["ref"] = (byte*)&d.@ref - db, ["m"] = (byte*)&d.m - db,
        });
        Dav1dDataProps m = default;
        byte* mb = (byte*)&m;
        Check("Dav1dDataProps", new()
        {
            [""] = sizeof(Dav1dDataProps),
            ["timestamp"] = (byte*)&m.timestamp - mb, ["duration"] = (byte*)&m.duration - mb,
            ["offset"] = (byte*)&m.offset - mb, ["size"] = (byte*)&m.size - mb,
            ["user_data_data"] = (byte*)&m.user_data_data - mb, ["user_data_ref"] = (byte*)&m.user_data_ref - mb,
        });
    }

    [Test]
    public void FrameTypeOffsetAndEnums_MatchInstalledHeader()
    {
        Assert.That(s_native["Dav1dFrameHeader.frame_type"], Is.EqualTo(DecodedPicture.FrameTypeOffset));
        Assert.That(s_native["DAV1D_FRAME_TYPE_KEY"], Is.Zero);
        Assert.That(s_native["DAV1D_PIXEL_LAYOUT_I444"], Is.EqualTo((long)PixelLayout.I444));
    }

    private static void Check(string type, Dictionary<string, long> mirror)
    {
        Assert.Multiple(() =>
        {
            foreach ((string field, long value) in mirror)
            {
                string key = field.Length == 0 ? type : $"{type}.{field}";
                Assert.That(s_native.ContainsKey(key), Is.True, $"the probe prints {key}");
                Assert.That(value, Is.EqualTo(s_native[key]), key);
            }
        });
    }
}
